"""``python -m bench.route_table STORE``: every route case timed on an existing store, printed.

The part of ``make bench`` that times routes (:mod:`bench.route_timing`), run alone on a store
made once (``python -m bench.loader disk`` and the serving index beside it), so a branch and
main can be compared route by route without regenerating the graph. ``--only`` keeps the
requests whose URL contains one of the given texts; ``--json`` also writes the figures.
Prints each request's median, p95 and first byte; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from bench.route_cases import cases_for
from bench.route_timing import DEFAULT_GOAL_MS, GOALS_MS, STREAMED, synthetic_task, time_request
from bench.server import Server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", help="store directory, or a SPARQL endpoint URL")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per request")
    parser.add_argument("--budget", type=float, default=10.0, help="seconds per request at most")
    parser.add_argument("--timeout", type=float, default=60.0, help="server query time limit")
    parser.add_argument("--in-memory", action="store_true")
    parser.add_argument("--only", nargs="*", default=[], help="URL fragments to keep")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    parser.add_argument(
        "--serving-index", type=Path, help="with an endpoint URL: the release's serving index"
    )
    parser.add_argument(
        "--settle",
        type=float,
        help="seconds waited after the server answers, before timing (default: 10 with "
        "--serving-index, which a remote server reads in the background for ~3 s at 10⁶ quads "
        "and queries meanwhile; else 0)",
    )
    args = parser.parse_args()
    settle = args.settle if args.settle is not None else (10.0 if args.serving_index else 0.0)
    store = args.store if args.store.startswith("http") else Path(args.store)
    figures = {}
    print(f"load average {os.getloadavg()[0]:.1f}; store {args.store}", flush=True)
    with Server(
        store=store,
        in_memory=args.in_memory,
        timeout=args.timeout,
        ready_within=600,
        serving_index=args.serving_index,
    ) as server:
        time.sleep(settle)
        task = synthetic_task(server.port)
        for (method, path), requests in sorted(cases_for(task).items()):
            goal = GOALS_MS.get((method, path), DEFAULT_GOAL_MS)
            for verb, url, form in requests:
                label = url if form is None else f"{url} {next(iter(form.values()))[:50]}"
                if args.only and not any(text in label for text in args.only):
                    continue
                try:
                    timed = time_request(
                        server.port, verb, url, form, repeat=args.repeat, budget_s=args.budget
                    )
                except TimeoutError:  # no answer within the client's limit: say so, go on
                    print(f"no answer within the client's limit  {verb} {label}", flush=True)
                    figures[label] = {"route": f"{method} {path}", "status": "no answer"}
                    continue
                figures[label] = {"route": f"{method} {path}", "goal_ms": goal, **timed}
                first = (
                    f" first byte {timed['first_byte_median_ms']:.0f}"
                    if (method, path) in STREAMED
                    else ""
                )
                flag = " OVER" if timed["median_ms"] > goal else ""
                print(
                    f"{timed['median_ms']:9.1f} / {timed['p95_ms']:9.1f} ms{first}  "
                    f"{timed['status']} {timed['bytes']:>10,d} B  {verb} {label}{flag}",
                    flush=True,
                )
    print(f"load average {os.getloadavg()[0]:.1f}; {time.strftime('%H:%M:%S')}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
