"""``python -m bench.virtuoso_sidecar``: chosen routes on a real Virtuoso, without and with the
build's serving index (``serve --store URL --serving-index PATH``), and on the embedded store.

One synthetic graph (``--scale`` quads), an on-disk store with the report and serving index a
build writes, Virtuoso loaded with the same quads; then ``bench.route_table`` three times
(embedded, Virtuoso without the file, Virtuoso with it) on the requests named by ``--only``.
Prints the table; asserts nothing. Everything listens on 127.0.0.1 and is stopped at the end.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ONLY = (
    "/api/tasks?document=57-ntw-2024&limit=1000",
    "/api/documents/57-ntw-2024",
    "/api/documents/57-NQ/TW?task_limit=5",
    "/api/documents/03-ncp-2025",
    "/api/documents/no-such-document",
    "/api/agencies/bo-khcn",
    "/documents?q=57-NQ%2FTW",
    "/api/search?q=so+khoa+hoc",
)


def route_table(store: str, out: Path, args: argparse.Namespace, *extra: str) -> dict:
    command = [sys.executable, "-m", "bench.route_table", store, "--json", str(out)]
    command += ["--repeat", str(args.repeat), "--timeout", str(args.timeout), *extra]
    command += ["--only", *args.only]
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True)
    print(f"  ({time.perf_counter() - started:.0f} s)", flush=True)
    return json.loads(out.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=30.0, help="server query time limit")
    parser.add_argument("--only", nargs="*", default=list(ONLY))
    parser.add_argument("--work", type=Path, help="scratch directory (default: a temporary one)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from bench.routes_scale import write_report
    from bench.server import free_port
    from bench.synth import write_file
    from graph_api.serving_index import write_for_store
    from ingest.build import write_store
    from tests.graph_api.virtuoso import Virtuoso

    work = Path(tempfile.mkdtemp(prefix="vsidecar-", dir=args.work))
    engine = None
    try:
        nquads, store_dir = work / "synth.nq", work / "store"
        started = time.perf_counter()
        quads = write_file(nquads, args.scale, 57, ROOT / "data" / "curated")
        write_store(nquads, store_dir)
        write_report(store_dir)
        print(f"{quads:,} quads, store in {time.perf_counter() - started:.0f} s", flush=True)
        started = time.perf_counter()
        sidecar = write_for_store(store_dir)
        print(f"serving index written in {time.perf_counter() - started:.0f} s", flush=True)
        (work / "virtuoso").mkdir()
        engine = Virtuoso(work / "virtuoso", free_port(), free_port())
        started = time.perf_counter()
        engine.bulk_load(nquads)
        print(f"Virtuoso loaded in {time.perf_counter() - started:.0f} s", flush=True)
        print("embedded:", flush=True)
        embedded = route_table(str(store_dir), work / "embedded.json", args)
        print("Virtuoso with the serving index:", flush=True)
        with_file = ("--serving-index", str(sidecar))
        after = route_table(engine.sparql, work / "after.json", args, *with_file)
        print("Virtuoso without the serving index:", flush=True)
        before = route_table(engine.sparql, work / "before.json", args)
        print("\n| request | embedded | Virtuoso before | Virtuoso after | after ÷ embedded |")
        print("|---|---:|---:|---:|---:|")
        for label, row in embedded.items():
            was, now = before.get(label, {}), after.get(label, {})
            cells = [row, was, now]
            text = [
                f"{c['median_ms']:,.1f} ms ({c['status']})" if "median_ms" in c else c.get("status")
                for c in cells
            ]
            ratio = now.get("median_ms", 0) / max(row.get("median_ms", 0), 0.001)
            print(f"| `{label}` | {' | '.join(text)} | {ratio:.1f}× |")
    finally:
        if engine is not None:
            engine.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
