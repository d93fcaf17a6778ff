"""How long the SPARQL guard (rdflib's SPARQL 1.1 parser + the tree walk) takes per query.

    python -m bench.guard [--limit 10]

Prints the median of 3 runs for the project's own queries (typical user queries are of this
size) and for large and pathological ones, and the time to a 400 for those past the limit.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from graph_api.sparql_guard import check_request
from ontology.errors import QueryError

QUERIES = Path(__file__).resolve().parents[1] / "graph_api" / "queries"


def values_query(size: int) -> str:
    """The conformance folder's blocking probe: two VALUES blocks of ``size`` integers."""
    values = " ".join(str(i) for i in range(size))
    return (
        f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} "
        "VALUES ?c { 1 2 3 4 5 6 7 8 9 10 } }"
    )


def cases() -> list[tuple[str, str]]:
    iris = " ".join(f"<https://w3id.org/policygraph/id/agency/a{i}>" for i in range(5000))
    return [
        ("VALUES 2x150 integers (blocking probe default)", values_query(150)),
        ("VALUES 2x3000 integers (blocking probe --size 3000)", values_query(3000)),
        ("VALUES 5000 IRIs", f"SELECT * WHERE {{ VALUES ?a {{ {iris} }} ?a ?p ?o }}"),
        ("10,000 nested braces", "SELECT * WHERE " + "{" * 10_000 + "}" * 10_000),
        ("FILTER of 60,000 ORs", "ASK { FILTER(" + " || ".join(["?a = 1"] * 60_000) + ") }"),
    ]


def timed(text: str, limit: float, repeat: int) -> tuple[float, str]:
    runs, outcome = [], "ok"
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            check_request(text, limit)
        except QueryError as error:
            outcome = "400: " + str(error)[:60]
        runs.append(time.perf_counter() - started)
    return statistics.median(runs) * 1000, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=float, default=10.0, help="parse time limit (s)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}; limit {args.limit:g} s")
    named = []
    for path in sorted(QUERIES.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        named.append((timed(text, args.limit, args.repeat)[0], len(text), path.name))
    ms = [m for m, _, _ in named]
    print(
        f"{len(named)} named queries ({min(n for _, n, _ in named)}-"
        f"{max(n for _, n, _ in named)} chars): median {statistics.median(ms):.0f} ms, "
        f"max {max(ms):.0f} ms ({max(named)[2]})"
    )
    for label, text in cases():
        milliseconds, outcome = timed(text, args.limit, args.repeat)
        print(f"{label} ({len(text):,} chars): {milliseconds:.0f} ms, {outcome}")


if __name__ == "__main__":
    main()
