"""A bounded asyncio load client for a live server on 127.0.0.1 (``tests/load``, ``make soak``).

``concurrency`` clients loop for ``seconds`` over a mix of the API's named answers and /sparql;
optionally one more client sends only queries that run into the server's time limit. Reports
throughput and p50/p95/p99 of the ordinary clients, and every error.

``python -m bench.load URL [--clients 50] [--seconds 60] [--heavy]`` prints the figures as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench.timing import percentile

QUERIES = Path(__file__).resolve().parent / "queries"
MIX = (
    ("GET", "/api/tasks?limit=20", None),
    ("GET", "/api/tasks?province=binh-duong&limit=20", None),
    ("GET", "/api/agencies?limit=20", None),
    ("GET", "/api/search?q=so%20khoa%20hoc", None),
    ("GET", "/api/documents/57-ntw-2024", None),
    ("SPARQL", "/sparql", "sparql_small.rq"),
)


@dataclass
class LoadResult:
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    by_path_ms: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    heavy_sent: int = 0
    heavy_statuses: list[int] = field(default_factory=list)

    def summary(self) -> dict:
        done = len(self.latencies_ms)
        figures = {
            "requests": done,
            "seconds": round(self.seconds, 2),
            "throughput_rps": round(done / self.seconds, 1) if self.seconds else 0.0,
            "errors": len(self.errors),
            "error_examples": self.errors[:5],
            "heavy_sent": self.heavy_sent,
            "heavy_statuses": sorted(set(self.heavy_statuses)),
        }
        if done:
            for name, fraction in (("p50_ms", 0.50), ("p95_ms", 0.95), ("p99_ms", 0.99)):
                figures[name] = round(percentile(self.latencies_ms, fraction), 2)
            figures["paths"] = {
                path: {
                    "requests": len(samples),
                    "p50_ms": round(percentile(samples, 0.50), 2),
                    "p95_ms": round(percentile(samples, 0.95), 2),
                }
                for path, samples in sorted(self.by_path_ms.items())
            }
        return figures


async def _client(
    client: httpx.AsyncClient, index: int, stop_at: float, result: LoadResult
) -> None:
    sparql = {name: (QUERIES / name).read_text(encoding="utf-8") for _, _, name in MIX if name}
    step = index
    while time.monotonic() < stop_at:
        method, path, query_file = MIX[step % len(MIX)]
        step += 1
        started = time.perf_counter()
        try:
            if method == "SPARQL":
                response = await client.get(
                    path,
                    params={"query": sparql[query_file]},
                    headers={"Accept": "application/sparql-results+json"},
                )
            else:
                response = await client.get(path)
            if response.status_code != 200:
                result.errors.append(f"{path}: HTTP {response.status_code}")
                continue
        except httpx.HTTPError as error:
            result.errors.append(f"{path}: {error!r}")
            continue
        elapsed_ms = (time.perf_counter() - started) * 1000
        result.latencies_ms.append(elapsed_ms)
        result.by_path_ms.setdefault(path, []).append(elapsed_ms)


async def _heavy_client(
    client: httpx.AsyncClient, query: str, stop_at: float, result: LoadResult
) -> None:
    while time.monotonic() < stop_at:
        result.heavy_sent += 1
        try:
            response = await client.get("/sparql", params={"query": query})
            result.heavy_statuses.append(response.status_code)
        except httpx.HTTPError:
            result.heavy_statuses.append(0)


async def run_load(
    url: str, *, clients: int = 50, seconds: float = 15.0, heavy_query: str | None = None
) -> LoadResult:
    """Drive ``clients`` concurrent clients for ``seconds``; one more heavy one if asked."""
    limits = httpx.Limits(max_connections=clients + 2, max_keepalive_connections=clients + 2)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:
        result = LoadResult(seconds=seconds)
        started = time.monotonic()
        stop_at = started + seconds
        tasks = [_client(client, i, stop_at, result) for i in range(clients)]
        if heavy_query:
            tasks.append(_heavy_client(client, heavy_query, stop_at, result))
        await asyncio.gather(*tasks)
        result.seconds = time.monotonic() - started
        return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__)
    parser.add_argument("url")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--heavy", type=Path, help="a .rq file one extra client sends throughout")
    args = parser.parse_args(argv)
    heavy = args.heavy.read_text(encoding="utf-8") if args.heavy else None
    result = asyncio.run(
        run_load(args.url, clients=args.clients, seconds=args.seconds, heavy_query=heavy)
    )
    print(json.dumps(result.summary(), indent=2))
    return 0 if not result.errors else 1


if __name__ == "__main__":
    sys.exit(main())
