"""``python -m bench.routes_scale STORE``: the slow routes of issue 15, timed through HTTP.

Serves the store directory (e.g. a synthetic graph loaded by ``python -m bench.loader disk``)
with a real ``policygraph serve`` on 127.0.0.1 and prints, for each route, the median and worst
of ``--runs`` requests: time to the first byte of the body and to its last byte, and the body's
size. Used to compare a branch with main at 10⁶ quads; it asserts nothing.

``--write-report`` first writes, beside the store, the counts ``policygraph build`` puts in its
``report.json`` (entities per class, triples per named graph), counted once on the store, so
``/api/stats`` is timed as it runs on a build.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import time
import urllib.parse
from pathlib import Path

from bench.server import Server

PROVINCE_QUERY = (
    "SELECT ?p WHERE { ?t <https://w3id.org/policygraph/ontology#inProvince> ?p } LIMIT 1"
)


def routes(province: str) -> list[str]:
    return [
        f"/api/audit/ownership?province={province}",
        "/api/audit/ownership",
        "/api/audit/tasks-alignment",
        f"/api/audit/tasks-alignment?province={province}",
        "/api/stats",
        "/api/tasks?format=csv&limit=1000",
        f"/api/tasks?province={province}&limit=1025",
        "/tasks",  # the lists for people (graph_api/routes/lists.py)
        f"/tasks?province={province}&sort=deadline",
        "/tasks?agency=bo-khcn&format=xlsx",
        "/tasks?overdue_on=2026-01-01",
        "/agencies",
        "/documents",
    ]


def fetch(port: int, path: str, timeout: float) -> tuple[float, float, int, int]:
    """(seconds to the body's first byte, to its end, body bytes, status)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    started = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    first = response.read(1)
    first_byte = time.perf_counter() - started
    size = len(first)
    while chunk := response.read(1 << 16):
        size += len(chunk)
    total = time.perf_counter() - started
    connection.close()
    return first_byte, total, size, response.status


def find_province(port: int) -> str:
    query = urllib.parse.urlencode({"query": PROVINCE_QUERY})
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", f"/sparql?{query}", headers={"Accept": "application/json"})
    body = json.loads(connection.getresponse().read())
    return body["results"]["bindings"][0]["p"]["value"].rsplit("/", 1)[-1]


def write_report(store_dir: Path) -> float:
    """The build report's counts for a store loaded from N-Quads; seconds taken."""
    import pyoxigraph as ox

    started = time.perf_counter()
    store = ox.Store.read_only(str(store_dir))
    classes = store.query(
        "SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?c } GROUP BY ?c",
        use_default_graph_as_union=True,
    )
    graphs = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    per_graph = {row["g"].value: int(row["n"].value) for row in graphs}
    report = {
        "release": store_dir.name,
        "instances_per_class": {row["c"].value: int(row["n"].value) for row in classes},
        "triples_per_graph": per_graph,
        "total_quads": sum(per_graph.values()),
    }
    (store_dir.parent / "report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=300.0, help="per request, seconds")
    parser.add_argument("--only", help="only routes containing this text")
    parser.add_argument("--write-report", action="store_true", help="count as the build does")
    args = parser.parse_args()
    if args.write_report:
        print(f"report.json written in {write_report(args.store):.1f} s")
    with Server(store=args.store, timeout=args.timeout, ready_within=300) as server:
        province = find_province(server.port)
        print(f"store {args.store}; province {province}; {args.runs} runs per route")
        print(f"{'route':58s} {'first byte':>11s} {'total':>9s} {'worst':>9s} {'bytes':>11s}")
        for path in routes(province):
            if args.only and args.only not in path:
                continue
            samples = [fetch(server.port, path, args.timeout) for _ in range(args.runs)]
            status = {s[3] for s in samples}
            first = statistics.median(s[0] for s in samples) * 1000
            total = statistics.median(s[1] for s in samples) * 1000
            worst = max(s[1] for s in samples) * 1000
            print(
                f"{path:58s} {first:9.0f}ms {total:7.0f}ms {worst:7.0f}ms {samples[0][2]:11,d}"
                + ("" if status == {200} else f"  status {sorted(status)}"),
                flush=True,
            )


if __name__ == "__main__":
    main()
