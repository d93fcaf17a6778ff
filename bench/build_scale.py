"""``python -m bench.build_scale``: how the build scales with the corpus, stage by stage.

The corpus at each size is made of copies of the real texts in ``data/sources`` (each copy a
new file name, with its sidecar), as issue 15 measured it. Each build runs in a child process
so its peak RSS (the largest process of the build, workers included) is its own. For each size:
a cold build (empty cache), then one more copy added and built again (warm cache).

``--code DIR`` builds with another checkout's code (e.g. an export of ``main``) for the
"before" figures: that code has no stage timer, so the child times the same stages around the
old functions (read+extract+emit together, derive, validate, write).

``--warm DIR`` times only one added document on a copy of an already built corpus; with
``--pin-version V`` (the extractor version DIR was built with) a checkout whose ``ingest`` code
differs still reuses DIR's facts and SHACL results, so two checkouts compare on one corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import ingest.build as b
curated, sources, build_dir = map(Path, sys.argv[2:5])
if "--pin-version" in sys.argv:  # caches made by other code hold (ingest's own files changed)
    import ingest.fact_cache as fc, ingest.validate_nodes as vn
    pinned = sys.argv[sys.argv.index("--pin-version") + 1]
    fc.extractor_version = lambda: pinned
    if hasattr(vn, "extractor_version"):  # older code bound it at import
        vn.extractor_version = lambda: pinned
serving = {}
try:  # the serving index policygraph build writes beside the store, timed as its own stage
    from graph_api import serving_index as si
    # older code: write_for_build(store_dir) pins the previous release itself
    write = getattr(si, "write_for_build", None) or si.write_for_store
    def beside_store(store_dir, *previous):
        t = time.perf_counter(); write(store_dir, *previous)
        serving["serving index"] = time.perf_counter() - t
except ImportError:  # older code without it
    beside_store = None
if "stage_seconds" in b.BuildReport.__dataclass_fields__:
    kwargs = {"beside_store": beside_store} if beside_store and "--serving" in sys.argv else {}
    report = b.build(curated, sources, build_dir, **kwargs)
    stages = {**report.stage_seconds, **serving}
else:  # older code: time the stages around its functions
    from ingest.derive import add_derived
    from ingest.validate import validate_dataset
    stages, report, t = {}, b.BuildReport(), time.perf_counter()
    dataset = b.collect_dataset(curated, sources, report)
    stages["read+extract+emit"] = time.perf_counter() - t; t = time.perf_counter()
    add_derived(dataset); b.count_report(dataset, report)
    stages["derive"] = time.perf_counter() - t; t = time.perf_counter()
    report.validation = validate_dataset(dataset).summary()
    stages["validate"] = time.perf_counter() - t; t = time.perf_counter()
    build_dir.mkdir(parents=True, exist_ok=True)
    b.write_release(dataset, build_dir, report, t)
    stages["write"] = time.perf_counter() - t
print(json.dumps({"stages": stages, "quads": report.total_quads,
                  "violations": (report.validation or {}).get("violations"),
                  "sources": len(report.sources_read)}))
"""


def make_corpus(target: Path, documents: int, sources: Path) -> list[Path]:
    """``documents`` copies of the real texts (cycling through them), sidecars included."""
    texts = sorted(p for p in sources.glob("*.txt"))
    target.mkdir(parents=True, exist_ok=True)
    made = []
    for index in range(documents):
        made.append(copy_text(texts[index % len(texts)], target, index))
    return made


def copy_text(text: Path, target: Path, index: int) -> Path:
    stem = f"c{index:05d}-{text.stem}"
    shutil.copy(text, target / f"{stem}.txt")
    sidecar = text.with_name(text.stem + ".meta.json")
    if sidecar.exists():
        shutil.copy(sidecar, target / f"{stem}.meta.json")
    return target / f"{stem}.txt"


def run_build(
    code: Path,
    curated: Path,
    sources: Path,
    build_dir: Path,
    serving: bool = False,
    pin_version: str | None = None,
) -> dict:
    """One build in a child process: its stage times, wall time, peak RSS and the machine's
    1-minute load average before and after (other work on a shared machine skews the times).
    With ``serving``, the build also writes the serving index as ``policygraph build`` does (the
    stage "serving index"). ``pin_version``: the extractor version the build's caches are keyed
    by, instead of its code's (two checkouts compared on one warm corpus)."""
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(code), str(curated), str(sources), str(build_dir)]
            + (["--serving"] if serving else [])
            + (["--pin-version", pin_version] if pin_version else []),
            stdout=out,
            stderr=err,
            cwd=code,
        )
        # wait4: this build's peak RSS, the largest of its own and its waited-for workers'
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if child.returncode != 0:
        raise SystemExit(f"build failed ({code}):\n{stderr[-3000:]}")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["wall_seconds"] = round(wall, 1)
    result["peak_rss_mb"] = usage.ru_maxrss // 1024
    result["load"] = f"{load_before:.1f}–{os.getloadavg()[0]:.1f}"
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000", help="documents, comma-separated")
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose code builds")
    parser.add_argument("--label", default="after")
    parser.add_argument("--no-added", action="store_true", help="skip the one-added build")
    parser.add_argument(
        "--serving",
        action="store_true",
        help="write the serving index too, as policygraph build does (stage 'serving index')",
    )
    parser.add_argument(
        "--warm",
        type=Path,
        help="a built corpus (curated/, sources/, build/): only its one-added build, on a copy",
    )
    parser.add_argument(
        "--pin-version",
        help="with --warm: key the caches by this extractor version (the one the warm corpus "
        "was built with), so a checkout whose ingest code differs still reuses them",
    )
    args = parser.parse_args(argv)
    data = ROOT / "data"
    rows = []
    if args.warm is not None:
        with tempfile.TemporaryDirectory(prefix="pg-build-scale-") as tmp:
            root = Path(tmp) / "warm"
            shutil.copytree(args.warm, root, symlinks=True)
            size = len(list((root / "sources").glob("*.txt")))
            texts = sorted((data / "sources").glob("*.txt"))  # as make_corpus cycles them
            copy_text(texts[size % len(texts)], root / "sources", size)
            added = run_build(
                args.code,
                root / "curated",
                root / "sources",
                root / "build",
                args.serving,
                args.pin_version,
            )
            rows.append({"label": args.label, "documents": size + 1, "kb": 0, "run": "+1", **added})
            print(json.dumps(rows[-1]), flush=True)
        print_table(rows)
        return 0
    for size in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory(prefix="pg-build-scale-") as tmp:
            root = Path(tmp)
            shutil.copytree(data / "curated", root / "curated")
            paths = make_corpus(root / "sources", size, data / "sources")
            kb = sum(p.stat().st_size for p in paths) // 1024
            cold = run_build(
                args.code, root / "curated", root / "sources", root / "build", args.serving
            )
            rows.append({"label": args.label, "documents": size, "kb": kb, "run": "cold", **cold})
            print(json.dumps(rows[-1]), flush=True)
            if not args.no_added:
                copy_text(paths[size % len(paths)], root / "sources", size)
                added = run_build(
                    args.code, root / "curated", root / "sources", root / "build", args.serving
                )
                rows.append({"label": args.label, "documents": size + 1, "kb": kb, "run": "+1"})
                rows[-1].update(added)
                print(json.dumps(rows[-1]), flush=True)
    print_table(rows)
    return 0


def print_table(rows: list[dict]) -> None:
    stages = sorted({s for r in rows for s in r["stages"]})
    head = ["code", "docs", "KB", "run", "load", "wall s", "peak RSS MB", "quads", *stages]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        cells = [r["label"], r["documents"], r["kb"], r["run"], r.get("load", "")]
        cells += [r["wall_seconds"], r["peak_rss_mb"], r["quads"]]
        cells += [f"{r['stages'][s]:.1f}" if s in r["stages"] else "" for s in stages]
        print("| " + " | ".join(str(c) for c in cells) + " |")


if __name__ == "__main__":
    sys.exit(main())
