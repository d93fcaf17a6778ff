"""``python -m bench.first_requests STORE``: start to first answer, then each route's first request.

Starts a real ``policygraph serve`` on 127.0.0.1 over a store directory (or ``--data-dir``),
prints the seconds from launch to the first answer (and the CPU the server and its workers used
until then), then the seconds each of the routes below takes on its first request (the one that
used to pay for what is read once per release: the task list's sort keys, the search index,
the whole-country audits, the suggestions of an unknown id) and
on its second, and the serving process's resident memory after them. Figures are printed, never
asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import time
from pathlib import Path

import psutil

from bench.routes_scale import fetch
from bench.server import Server

FIRST = (
    "/tasks",
    "/search?q=so+khoa+hoc",
    "/api/search?q=ke+hoach",
    "/tasks?sort=deadline",
    # the whole-country audits a release's memo keeps (computed by the build into its file)
    "/api/audit/tasks-alignment",
    "/api/audit/alignment",
    "/audit/coverage",
    "/alignment",
    # an unknown id: 404 with the closest documents ("Có phải bạn muốn tìm")
    "/api/documents/no-such-document",
)


def cpu_seconds(pid: int) -> float:
    """CPU (user and system) the server and its query workers have used so far."""
    root = psutil.Process(pid)
    total = 0.0
    for process in (root, *root.children(recursive=True)):
        with contextlib.suppress(psutil.Error):
            times = process.cpu_times()
            total += times.user + times.system
    return round(total, 2)


def measure(
    store: Path | None, data_dir: Path | None, in_memory: bool, log: Path | None
) -> dict[str, object]:
    started = time.perf_counter()
    with Server(
        store=store, data_dir=data_dir, in_memory=in_memory, log=log, steady=False
    ) as server:
        figures: dict[str, object] = {
            "ready_s": round(time.perf_counter() - started, 2),
            "ready_cpu_s": cpu_seconds(server.process.pid),  # steadier than wall on a busy host
        }
        for path in FIRST:
            first = fetch(server.port, path, 120)
            second = fetch(server.port, path, 120)
            figures[path] = {
                "first_s": round(first[1], 3),
                "second_s": round(second[1], 3),
                "status": first[3],
            }
        figures["rss_mb"] = round(psutil.Process(server.process.pid).memory_info().rss / 2**20)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.first_requests", description=__doc__)
    parser.add_argument("store", type=Path, nargs="?", help="a store directory")
    parser.add_argument("--data-dir", type=Path, help="serve this data directory's build")
    parser.add_argument("--in-memory", action="store_true")
    parser.add_argument("--log", type=Path, help="the server's output goes here")
    args = parser.parse_args(argv)
    figures = measure(args.store, args.data_dir, args.in_memory, args.log)
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
