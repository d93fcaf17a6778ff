"""Child-process jobs whose time and peak memory the benchmark measures from outside.

``python -m bench.loader disk NQ DIR``   build an on-disk Oxigraph store (as ``policygraph build``)
``python -m bench.loader memory NQ``     load into an in-memory Oxigraph store
``python -m bench.loader rdflib NQ CAP`` load into rdflib, then run the workload capped per query
``python -m bench.loader ingest SOURCES CURATED``   extract every source (the build's first step)
Each prints one JSON object on stdout.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def disk(nquads: Path, store_dir: Path) -> dict:
    from ingest.build import write_store

    started = time.perf_counter()
    write_store(nquads, store_dir)
    return {"seconds": time.perf_counter() - started}


def memory(nquads: Path) -> dict:
    import pyoxigraph as ox

    started = time.perf_counter()
    store = ox.Store()
    store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    return {"seconds": time.perf_counter() - started, "quads": len(store)}


def rdflib_baseline(nquads: Path, cap_s: float) -> dict:
    from bench.baseline import load, run_capped
    from bench.timing import summarise
    from bench.workload import workload

    dataset, seconds = load(nquads)
    queries: dict[str, dict] = {}
    for query in workload():
        samples = run_capped(dataset, query.text(), cap_s)
        queries[query.name] = summarise(samples) if samples else {"over_cap_s": cap_s}
    return {"seconds": seconds, "queries": queries}


def ingest(sources: Path, curated: Path) -> dict:
    from ingest.build import BuildReport, collect_dataset

    report = BuildReport()
    started = time.perf_counter()
    dataset = collect_dataset(curated, sources, report)
    seconds = time.perf_counter() - started
    kilobytes = sum(p.stat().st_size for p in sources.iterdir() if p.is_file()) / 1024
    return {
        "seconds": seconds,
        "documents": len(report.sources_read),
        "skipped": len(report.sources_skipped),
        "kilobytes": kilobytes,
        "quads": len(dataset),
    }


def main(argv: list[str]) -> int:
    job, *rest = argv
    if job == "disk":
        result = disk(Path(rest[0]), Path(rest[1]))
    elif job == "memory":
        result = memory(Path(rest[0]))
    elif job == "rdflib":
        result = rdflib_baseline(Path(rest[0]), float(rest[1]))
    elif job == "ingest":
        result = ingest(Path(rest[0]), Path(rest[1]))
    else:
        raise SystemExit(f"unknown job {job}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
