"""``python -m bench.run`` (``make bench``): the performance figures, side by side.

At each scale: generate the synthetic graph, build the on-disk store and load it in memory
(time and peak memory, each in a child process), time every named query directly on the
embedded store (on disk and in memory) and on rdflib's in-memory Dataset (capped), time the same
questions through a live ``policygraph serve`` on 127.0.0.1 (the HTTP overhead over the direct
call), and on Virtuoso at the scales asked. Once: ingestion speed on the real corpus repeated,
and the build's stages on copies of the real texts (``bench.build_scale``, 10–2,000 documents).
Defaults: 10⁵, 10⁶ and 5·10⁶ quads (the route table prints the growth 10⁶ → 5·10⁶), Virtuoso at
10⁶, rdflib up to 10⁶.
Runs in parts (:mod:`bench.parts`): ``--part scale-1000000``, ``virtuoso-1000000``,
``build-stages``, ``ingestion``; without ``--part``, every part of the defaults. Each part is
saved as ``bench/results/<timestamp>-<part>.json`` with its date, load average and commit, and
``docs/benchmarks.md`` is regenerated from the newest result of every part.
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
from typing import Any

from bench import parts

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
DEFAULT_SCALES = (100_000, 1_000_000, 5_000_000)  # issue 15: growth 10⁶ → 5·10⁶ printed
DEFAULT_BUILD_SIZES = "10,100,1000,2000"  # documents per build (bench.build_scale)
# waited before timing a remote server's routes: it reads the build's serving index in the
# background (~3 s at 10⁶ quads under load) and answers by querying the engine meanwhile
REMOTE_SETTLE_S = 10.0


def run_child(args: list[str], timeout: float) -> dict[str, Any]:
    """Run ``python -m bench.loader ARGS``; its JSON plus wall seconds and peak RSS (MB)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.loader", *args], cwd=ROOT, stdout=subprocess.PIPE
    )
    deadline = time.monotonic() + timeout
    while True:  # wait4, not poll(): poll would reap the child and lose its rusage
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            process.kill()
            _, status, usage = os.wait4(process.pid, 0)
            break
        time.sleep(0.05)
    process.returncode = status
    output = process.stdout.read().decode() if process.stdout else ""
    wall = time.perf_counter() - started
    if status != 0 or not output.strip():
        return {"error": f"exit status {status}", "wall_s": round(wall, 2)}
    result = json.loads(output.strip().splitlines()[-1])
    result["wall_s"] = round(wall, 2)
    result["peak_rss_mb"] = round(usage.ru_maxrss / 1024, 1)
    return result


def time_store(store, *, repeat: int, budget_s: float) -> dict[str, Any]:
    """Every workload query directly on ``store`` (``select`` as the API calls it)."""
    from bench.timing import time_calls
    from bench.workload import workload

    figures: dict[str, Any] = {}
    for query in workload():
        text = query.file.read_text(encoding="utf-8")

        def call(text=text, query=query):
            return store.select(text, query.bindings or None, limit=query.limit)

        try:
            rows = len(call())
            figures[query.name] = {
                **time_calls(call, repeat=repeat, budget_s=budget_s),
                "rows": rows,
            }
        except Exception as error:  # a remote engine's time-out: record it, go on
            figures[query.name] = {"error": repr(error)[:200]}
    return figures


def time_http(server_url: str, direct_store, *, repeat: int, budget_s: float) -> dict[str, Any]:
    """The API paths through a live server, and the overhead over the direct call."""
    import httpx

    from bench.timing import time_calls
    from bench.workload import API_ONLY, SPARQL_SMALL, workload

    figures: dict[str, Any] = {}
    with httpx.Client(base_url=server_url, timeout=120) as client:
        paths = {q.name: q.api_path for q in workload() if q.api_path}
        paths.update(API_ONLY)
        for name, path in paths.items():
            first = client.get(path)
            if first.status_code != 200:
                figures[name] = {"path": path, "status": first.status_code}
                continue

            def call(path=path):
                response = client.get(path)
                response.raise_for_status()

            figures[name] = {"path": path, **time_calls(call, repeat=repeat, budget_s=budget_s)}
        sparql = SPARQL_SMALL.read_text(encoding="utf-8")

        def over_http():
            client.get(
                "/sparql",
                params={"query": sparql},
                headers={"Accept": "application/sparql-results+json"},
            ).raise_for_status()

        def direct():
            direct_store.query(sparql)  # default options: JSON results

        http = time_calls(over_http, repeat=200, budget_s=budget_s)
        plain = time_calls(direct, repeat=200, budget_s=budget_s)
        figures["sparql_small"] = {**http, "direct_median_ms": plain["median_ms"]}
        figures["http_overhead_ms"] = round(http["median_ms"] - plain["median_ms"], 3)
    return figures


def time_virtuoso(
    nquads: Path,
    work: Path,
    *,
    repeat: int,
    budget_s: float,
    options: argparse.Namespace,
    serving_index: Path | None = None,
) -> dict[str, Any]:
    """The named queries on a real Virtuoso loaded with the same graph, then every route served
    from it (``policygraph serve --store URL``, with the serving index the embedded store's
    build wrote for the same quads, as a user serving a release from Virtuoso would)."""
    from bench.route_timing import time_routes
    from bench.server import Server, free_port
    from graph_api.remote_store import RemoteStore

    sys.path.insert(0, str(ROOT))
    from tests.graph_api.virtuoso import Virtuoso, available

    if not available():
        return {"error": "virtuoso-t not installed"}
    directory = work / "virtuoso"
    directory.mkdir()
    engine = Virtuoso(directory, free_port(), free_port())
    try:
        started = time.perf_counter()
        engine.bulk_load(nquads)
        load_s = time.perf_counter() - started
        store = RemoteStore(engine.sparql)
        figures: dict[str, Any] = {"load_s": round(load_s, 2)}
        try:
            figures.update(time_store(store, repeat=repeat, budget_s=budget_s))
            with Server(
                store=engine.sparql, timeout=options.cap, serving_index=serving_index
            ) as server:
                if serving_index is not None:
                    time.sleep(REMOTE_SETTLE_S)  # the file is read in the background meanwhile
                figures["routes"] = time_routes(
                    server.port, repeat=options.route_repeat, budget_s=budget_s, say=options.say
                )
        except Exception as error:  # report, keep the rest of the run
            figures["error"] = repr(error)[:300]
        return figures
    finally:
        engine.stop()
        shutil.rmtree(directory, ignore_errors=True)


def ingestion(work: Path, documents: int) -> dict[str, Any]:
    """The real corpus's sources copied under new names up to ``documents`` files, extracted."""
    sources = work / "ingest-sources"
    sources.mkdir()
    originals = sorted(
        p for p in (ROOT / "data" / "sources").iterdir() if p.suffix in {".txt", ".md", ".html"}
    )
    copies = 0
    while copies < documents and originals:
        for path in originals:
            stem = f"r{copies:04d}-{path.stem}"
            shutil.copy(path, sources / f"{stem}{path.suffix}")
            meta = path.with_name(path.stem + ".meta.json")
            if meta.exists():
                shutil.copy(meta, sources / f"{stem}.meta.json")
            copies += 1
            if copies >= documents:
                break
    result = run_child(["ingest", str(sources), str(ROOT / "data" / "curated")], timeout=3600)
    if "seconds" in result:
        result["documents_per_s"] = round(result["documents"] / result["seconds"], 1)
        result["kb_per_s"] = round(result["kilobytes"] / result["seconds"], 1)
    shutil.rmtree(sources, ignore_errors=True)
    return result


def build_stages(sizes: str, say) -> list[dict[str, Any]]:
    """``python -m bench.build_scale --sizes SIZES``: each build's stage times, cold and with one
    document added, as the JSON rows it prints (each build a child process, as users run it)."""
    process = subprocess.run(
        [sys.executable, "-m", "bench.build_scale", "--sizes", sizes],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    rows = [json.loads(line) for line in process.stdout.splitlines() if line.startswith("{")]
    if process.returncode != 0:
        rows.append({"error": process.stderr.strip()[-300:] or f"exit {process.returncode}"})
    for row in rows:
        say(f"build: {row}")
    return rows


def prepare_scale(scale: int, work: Path, options: argparse.Namespace) -> dict[str, Any]:
    """The synthetic graph of ``scale`` quads, its on-disk store, the report's counts and the
    serving index a build writes beside it: what the scale's and the Virtuoso part time."""
    from bench.routes_scale import write_report
    from bench.synth import write_file
    from graph_api.serving_index import write_for_store

    figures: dict[str, Any] = {"scale": scale}
    nquads = work / f"synth-{scale}.nq"
    started = time.perf_counter()
    figures["quads"] = write_file(nquads, scale, options.seed, ROOT / "data" / "curated")
    figures["synth_s"] = round(time.perf_counter() - started, 2)
    options.say(f"[{scale:,}] {figures['quads']:,} quads generated in {figures['synth_s']} s")
    store_dir = work / f"store-{scale}"
    figures["build_disk"] = run_child(["disk", str(nquads), str(store_dir)], timeout=7200)
    write_report(store_dir)  # the counts a build writes, so /api/stats runs as on a build
    started = time.perf_counter()
    write_for_store(store_dir)  # the search index and sort keys a build writes beside its store
    figures["serving_index_s"] = round(time.perf_counter() - started, 2)
    return {"figures": figures, "nquads": nquads, "store": store_dir}


def bench_scale(prepared: dict[str, Any], options: argparse.Namespace) -> dict[str, Any]:
    """The scale's part: load in memory, the named queries on the store (disk, memory, rdflib),
    the API and every route through a live server on disk and in memory."""
    from bench.route_timing import time_routes
    from bench.server import Server
    from graph_api.store import OxigraphStore

    say = options.say
    figures = dict(prepared["figures"])
    scale, nquads, store_dir = figures["scale"], prepared["nquads"], prepared["store"]
    figures["load_memory"] = run_child(["memory", str(nquads)], timeout=7200)
    say(f"[{scale:,}] on-disk build {figures['build_disk']}; memory {figures['load_memory']}")
    for mode, in_memory in (("oxigraph_disk", False), ("oxigraph_memory", True)):
        store = OxigraphStore(store_dir, in_memory=in_memory)
        figures[mode] = time_store(store, repeat=options.repeat, budget_s=options.budget)
        say(f"[{scale:,}] {mode}: " + _medians(figures[mode]))
        store.close()
    if scale <= options.rdflib_max:
        figures["rdflib"] = run_child(
            ["rdflib", str(nquads), str(options.cap)], timeout=options.cap * 40 + 1800
        )
        say(
            f"[{scale:,}] rdflib: load {figures['rdflib'].get('seconds')} s; "
            + _medians(figures["rdflib"].get("queries", {}))
        )
    for mode, in_memory in (("http_disk", False), ("http_memory", True)):
        direct = OxigraphStore(store_dir, in_memory=in_memory)
        started = time.perf_counter()
        with Server(store=store_dir, in_memory=in_memory, timeout=options.cap) as server:
            figures[f"ready_{mode}_s"] = round(time.perf_counter() - started, 2)  # cold start
            figures[mode] = time_http(
                server.url, direct, repeat=options.repeat, budget_s=options.budget
            )
            say(f"[{scale:,}] {mode}: " + _medians(figures[mode]))
            routes = "routes_" + mode.split("_")[1]
            figures[routes] = time_routes(
                server.port, repeat=options.route_repeat, budget_s=options.budget, say=say
            )
        direct.close()
    return figures


def bench_virtuoso(prepared: dict[str, Any], work: Path, options: argparse.Namespace):
    """The Virtuoso part of a scale: the engine loaded with the same quads, with the serving
    index the embedded store's build wrote (as a user serving a release from Virtuoso)."""
    from graph_api.serving_index import sidecar_path

    figures = time_virtuoso(
        prepared["nquads"],
        work,
        repeat=options.repeat,
        budget_s=options.budget,
        options=options,
        serving_index=sidecar_path(prepared["store"]),
    )
    options.say(f"[{prepared['figures']['scale']:,}] virtuoso: " + _medians(figures))
    return figures


def _medians(figures: dict[str, Any]) -> str:
    parts = []
    for name, value in figures.items():
        if isinstance(value, dict) and "median_ms" in value:
            parts.append(f"{name}={value['median_ms']:.1f}")
        elif isinstance(value, dict) and "over_cap_s" in value:
            parts.append(f"{name}=>{value['over_cap_s']:g}s")
    return " ".join(parts)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument(
        "--part",
        nargs="+",
        type=parts.check,
        help="run only these parts (scale-N, virtuoso-N, build-stages, ingestion), each saved "
        "to bench/results/; the report is assembled from the newest result of every part",
    )
    parser.add_argument("--scales", type=int, nargs="+", default=list(DEFAULT_SCALES))
    parser.add_argument("--seed", type=int, default=57)
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per query at most")
    parser.add_argument("--budget", type=float, default=10.0, help="seconds per query at most")
    parser.add_argument("--route-repeat", type=int, default=7, help="timed runs per route request")
    parser.add_argument("--cap", type=float, default=60.0, help="rdflib per-query cap, seconds")
    parser.add_argument("--rdflib-max", type=int, default=1_000_000, help="largest rdflib scale")
    parser.add_argument("--virtuoso-scales", type=int, nargs="*", default=[1_000_000])
    parser.add_argument("--ingest-documents", type=int, default=1000)
    parser.add_argument(
        "--build-sizes",
        default=DEFAULT_BUILD_SIZES,
        help="corpus sizes (documents, comma-separated) whose build stages are timed; '' for none",
    )
    parser.add_argument("--work", type=Path, help="scratch directory (default: a temporary one)")
    parser.add_argument(
        "--results", type=Path, default=RESULTS, help="where the parts' files are saved and read"
    )
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite docs/benchmarks.md")
    return parser.parse_args(argv)


def run_part(name: str, work: Path, options: argparse.Namespace, prepared: dict) -> dict:
    """One part's figures (a scale's graph and store are made once for both its parts)."""
    kind, _, number = name.partition("-")
    if name == "ingestion":
        return {"ingestion": ingestion(work, options.ingest_documents or 1000)}
    if name == "build-stages":
        return {
            "build_stages": build_stages(options.build_sizes or DEFAULT_BUILD_SIZES, options.say)
        }
    scale = int(number)
    if scale not in prepared:
        prepared[scale] = prepare_scale(scale, work, options)
    if kind == "scale":
        return {"scale": bench_scale(prepared[scale], options)}
    plain = prepared[scale]["figures"]
    return {
        "scale": {key: plain[key] for key in ("scale", "quads", "synth_s")},
        "virtuoso": bench_virtuoso(prepared[scale], work, options),
    }


def main(argv: list[str] | None = None) -> int:
    from bench.route_timing import MissingCases, check_coverage, served_routes

    options = parse_args(argv)
    options.say = lambda text: print(text, file=sys.stderr, flush=True)
    try:  # no route escapes: a route without a timing case stops the run before it starts
        check_coverage(served_routes())
    except MissingCases as error:
        options.say(f"bench: {error}")
        return 2
    command = "python -m bench.run " + " ".join(argv if argv is not None else sys.argv[1:])
    wanted = options.part or parts.default_parts(
        options.scales, options.virtuoso_scales, options.ingest_documents, options.build_sizes
    )
    about = parts.machine()
    with tempfile.TemporaryDirectory(dir=options.work, prefix="policygraph-bench-") as scratch:
        work, prepared = Path(scratch), {}
        for name in wanted:
            started = parts.conditions(ROOT)
            figures = run_part(name, work, options, prepared)
            record = {"part": parts.kind(name), **figures}
            record.update(started=started, finished=parts.conditions(ROOT))
            record.update(command=command.strip(), machine=about)
            options.say(f"{name}: {parts.save(options.results, name, record)}")
            _drop_finished(name, wanted, prepared)
    if not options.no_docs:
        from bench.report import write_markdown

        write_markdown(
            parts.assemble(parts.newest(options.results)), ROOT / "docs" / "benchmarks.md"
        )
        options.say("docs/benchmarks.md regenerated from the newest result of each part")
    return 0


def _drop_finished(name: str, wanted: list[str], prepared: dict) -> None:
    """Delete a scale's graph and store once no later part needs them."""
    kind, _, number = name.partition("-")
    if kind not in ("scale", "virtuoso"):
        return
    later = wanted[wanted.index(name) + 1 :]
    if f"scale-{number}" in later or f"virtuoso-{number}" in later:
        return
    done = prepared.pop(int(number), None)
    if done is not None:
        shutil.rmtree(done["store"], ignore_errors=True)
        sidecar = done["store"].with_name(done["store"].name + ".serving.pickle")
        sidecar.unlink(missing_ok=True)
        done["nquads"].unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
