"""The build: curated data + sources → validated dataset → Oxigraph store and dumps, atomically.

Layout under the build directory::

    releases/<id>/store/        the Oxigraph store (RocksDB files)
    releases/<id>/graph.nq      sorted N-Quads
    releases/<id>/graph.trig    TriG, one block per named graph
    releases/<id>/report.json   counts, skipped sources, SHACL results
    releases/<id>/.pin          locked (shared) by every process that has the release open
    current -> releases/<id>    swapped in with one atomic rename when the release is complete
    store, graph.nq, graph.trig, report.json -> current/…   stable paths for readers

A failure at any point leaves ``current`` (and so the served store) as it was.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from rdflib import Dataset

from ingest.build_counts import add_derived_lines, count_report
from ingest.curated_cache import CORRECTIONS_FILE, read_curated
from ingest.fact_cache import CacheEntry, FactCache, build_version, source_key
from ingest.gc_pause import gc_paused
from ingest.nquad_lines import text_lines
from ingest.parallel import ExtractionInputs, Skipped, extract_many
from ingest.store_delta import update_from_previous
from ingest.trig_blocks import read_blocks, trig_by_graph, write_blocks
from ingest.validate_nodes import NodeResultCache, validate_lines
from ontology import releases
from ontology.errors import SourceError

__all__ = [
    "CORRECTIONS_FILE",
    "build",
    "collect_dataset",
    "collect_texts",
    "count_report",
    "write_store",
]
STABLE_NAMES = ("store", "graph.nq", "graph.trig", "report.json")
KEEP_RELEASES = 2
CACHE_DIR = "cache"  # under the build directory: facts per source, SHACL results per node
TRIG_BLOCKS = "trig.pickle"  # under the cache directory: each graph's TriG block, by its lines

Progress = Callable[[int, int, str], None]


@dataclass
class BuildReport:
    """What a build did, for people (``to_text``) and machines (``to_json``)."""

    release: str = ""
    sources_read: list[str] = field(default_factory=list)
    sources_skipped: list[dict[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    curated_files: list[str] = field(default_factory=list)
    triples_per_graph: dict[str, int] = field(default_factory=dict)
    instances_per_class: dict[str, int] = field(default_factory=dict)
    facts_per_source: dict[str, dict[str, int]] = field(default_factory=dict)
    corrections_applied: list[str] = field(default_factory=list)
    corrections_unmatched: list[str] = field(default_factory=list)
    validation: dict | None = None
    seconds: float = 0.0
    total_quads: int = 0
    cleaned: list[str] = field(default_factory=list)  # leftovers of killed builds
    stage_seconds: dict[str, float] = field(default_factory=dict)
    cache: dict = field(default_factory=dict)  # fact cache hits, sources extracted, corrupt
    # agencies and indicators no curated entry fits, by key: label and naming sources
    to_review: dict[str, dict[str, dict]] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False, indent=2, sort_keys=True)

    def to_text(self) -> str:
        lines = [f"release {self.release}: {self.total_quads} quads in {self.seconds:.2f} s"]
        lines.append(
            f"sources read: {len(self.sources_read)}; skipped: {len(self.sources_skipped)}"
        )
        lines += [f"  skipped {s['path']}: {s['reason']}" for s in self.sources_skipped]
        lines += [f"  warning: {w}" for w in self.warnings]
        if self.cleaned:
            lines.append(f"cleaned after a killed build: {', '.join(self.cleaned)}")
        if self.stage_seconds:
            lines.append(
                "stages: " + ", ".join(f"{k} {v:.2f} s" for k, v in self.stage_seconds.items())
            )
        if self.cache:
            lines.append(
                f"fact cache: {self.cache['hits']} reused, {self.cache['extracted']} extracted"
                + "".join(f"\n  ignored corrupt entry {c}" for c in self.cache["ignored_corrupt"])
            )
        lines.append(f"corrections applied: {len(self.corrections_applied)}")
        lines += [f"  warning: correction unused: {c}" for c in self.corrections_unmatched]
        if self.to_review:
            lines.append(
                f"to review: {len(self.to_review['agencies'])} unresolved agencies, "
                f"{len(self.to_review['indicators'])} candidate indicators "
                "(details, quotes and lines: policygraph review)"
            )
        lines.append("instances per class:")
        lines += [f"  {n:6d}  {c}" for c, n in sorted(self.instances_per_class.items())]
        if self.validation is not None:
            v = self.validation
            lines.append(f"SHACL: conforms={v['conforms']} violations={v['violations']}")
        return "\n".join(lines)


def collect_dataset(
    curated_dir: Path,
    sources_dir: Path,
    report: BuildReport,
    progress: Progress | None = None,
    *,
    workers: int = 1,
    cache: FactCache | None = None,
) -> Dataset:
    """Curated data and every source in one rdflib dataset (what :func:`collect_texts` reads),
    for tools that query it in Python; the build itself works on the N-Quads lines."""
    dataset = Dataset()
    for text in collect_texts(
        curated_dir, sources_dir, report, progress, workers=workers, cache=cache
    ):
        dataset.parse(data=text, format="nquads")
    return dataset


def collect_texts(
    curated_dir: Path,
    sources_dir: Path,
    report: BuildReport,
    progress: Progress | None = None,
    *,
    workers: int = 1,
    cache: FactCache | None = None,
    curated_cache: Path | None = None,
) -> list[str]:
    """The curated graphs and each source's graph as sorted N-Quads texts, curated first and
    then the sources in file-name order; unreadable sources are skipped (and reported).

    Sources whose cache entry is valid are not read again; the others are extracted on
    ``workers`` processes. Either way each source's graph arrives as the same N-Quads text, so
    the result does not depend on the caches or the number of workers.
    """
    cache = cache or FactCache(None)
    timer = StageTimer(report)
    version = build_version(curated_dir)
    curated = read_curated(curated_dir, curated_cache, version)
    report.curated_files = list(curated.files)
    timer.lap("read curated")
    paths, errors = list_sources(sources_dir)
    keys = {path: source_key(path, version) for path in paths}
    entries: dict[Path, CacheEntry | Skipped] = {}
    for path in paths:
        entry = cache.get(keys[path])
        if entry is not None:
            entries[path] = entry
    missing = [path for path in paths if path not in entries]
    timer.lap("read cache")
    inputs = ExtractionInputs(curated.catalogue, tuple(curated.corrections))
    for done, (path, result) in enumerate(
        zip(missing, extract_many(missing, inputs, workers), strict=True), start=1
    ):
        entries[path] = result
        if isinstance(result, CacheEntry):
            cache.put(keys[path], result)
        if progress:
            progress(done, len(missing), path.name)
    timer.lap("extract")
    cache.prune(set(keys.values()))
    for error in errors:
        report.sources_skipped.append({"path": str(error.path), "reason": error.reason})
    texts = [curated.nquads]
    for path in paths:
        texts.append(add_entry(entries[path], report))
    report.cache = {
        "hits": cache.hits,
        "extracted": len(missing),
        "ignored_corrupt": cache.ignored,
    }
    return texts


def list_sources(directory: Path) -> tuple[list[Path], list[SourceError]]:
    """The source files in ``directory`` by name, and the errors of files that cannot be one
    (two files with the same stem would share a source IRI)."""
    from ingest.sources import _is_source_file

    paths: list[Path] = []
    errors: list[SourceError] = []
    seen: dict[str, Path] = {}
    if not directory.exists():
        return paths, errors
    for path in sorted(directory.iterdir(), key=lambda p: p.name):
        if not _is_source_file(path):
            continue
        if path.stem in seen:
            errors.append(
                SourceError(path, f"same source id {path.stem!r} as {seen[path.stem].name}")
            )
            continue
        seen[path.stem] = path
        paths.append(path)
    return paths, errors


def add_entry(entry: CacheEntry | Skipped, report: BuildReport) -> str:
    """One source's result into the report; its N-Quads text ("" when skipped or empty)."""
    if isinstance(entry, Skipped):
        report.sources_skipped.append({"path": entry.path, "reason": entry.reason})
        return ""
    report.warnings.extend(entry.warnings)
    report.sources_read.append(entry.name)
    report.facts_per_source[entry.source_id] = entry.facts
    report.corrections_applied.extend(entry.corrections_applied)
    report.corrections_unmatched.extend(entry.corrections_unmatched)
    return entry.nquads


class StageTimer:
    """Seconds per build stage, into ``report.stage_seconds``."""

    def __init__(self, report: BuildReport) -> None:
        self.report = report
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        seconds = self.report.stage_seconds.get(stage, 0.0) + now - self.last
        self.report.stage_seconds[stage] = round(seconds, 3)
        self.last = now


def write_store(nquads_path: Path, store_dir: Path) -> None:
    """Bulk-load the N-Quads dump into a new on-disk Oxigraph store."""
    with naming_the_file(store_dir):
        store = pyoxigraph.Store(str(store_dir))
        with nquads_path.open("rb") as stream:
            store.bulk_load(stream, format=pyoxigraph.RdfFormat.N_QUADS)
        store.optimize()
        store.flush()
        del store


@contextlib.contextmanager
def naming_the_file(path: Path) -> Iterator[None]:
    """A write error (disk full, file too large…) that names ``path`` when the OS did not say.

    ``write()`` and the engine's own errors carry no file name: "[Errno 28] No space left on
    device" alone does not tell which disk filled up.
    """
    try:
        yield
    except OSError as error:
        if error.filename is not None:
            raise
        if error.errno is None:
            raise OSError(f"writing {path}: {error}") from error
        raise OSError(error.errno, f"{error.strerror} (while writing)", str(path)) from error


def write_text(path: Path, text: str) -> None:
    """``path.write_text`` in UTF-8, with write errors naming ``path``."""
    with naming_the_file(path):
        path.write_text(text, encoding="utf-8")


def write_release(
    lines: list[str],
    staging: Path,
    report: BuildReport,
    started: float,
    previous: Path | None = None,
    cache_dir: Path | None = None,
) -> None:
    """Dumps (from the union's sorted N-Quads ``lines``), store and report into ``staging``;
    every write error names its file. With a ``previous`` release, its store plus the quads
    that changed, when few did (:mod:`ingest.store_delta`); else a bulk load. With a
    ``cache_dir``, the TriG blocks of unchanged graphs are reused (:mod:`ingest.trig_blocks`)."""
    timer = StageTimer(report)
    nquads = "\n".join(lines) + "\n"
    write_text(staging / "graph.nq", nquads)
    blocks_path = cache_dir / TRIG_BLOCKS if cache_dir else None
    trig, blocks = trig_by_graph(lines, read_blocks(blocks_path))
    write_text(staging / "graph.trig", trig)
    del nquads, trig
    write_blocks(blocks_path, blocks)
    timer.lap("write dumps")
    delta = None
    if previous is not None:
        with naming_the_file(staging / "store"):
            delta = update_from_previous(previous, lines, staging / "store")
    if delta is None:
        write_store(staging / "graph.nq", staging / "store")
    report.cache["store"] = delta or "bulk load"
    timer.lap("write store")
    report.seconds = round(time.perf_counter() - started, 3)
    write_text(staging / "report.json", report.to_json() + "\n")


def build(
    curated_dir: Path,
    sources_dir: Path,
    build_dir: Path,
    *,
    validate: bool = True,
    progress: Progress | None = None,
    workers: int | None = None,
    use_cache: bool = True,
    beside_store: Callable[[Path, Path | None], object] | None = None,
) -> BuildReport:
    """Build a new release and swap it in; on any failure the previous release stays current.

    ``beside_store(store_dir, previous_release)`` writes what else the release holds before it
    is swapped in (the CLI passes the server's serving index, graph_api.serving_index, which
    keeps from the previous release what did not change). ``previous_release`` is the release
    this one was made from, pinned until the hook returns; None on a first build or without
    ``use_cache`` (everything from scratch).

    What killed builds left behind is cleaned first; old releases are pruned last, except those
    a live process has pinned (see :mod:`ontology.releases`). Sources are extracted on
    ``workers`` processes (default: one per core); with ``use_cache`` the facts of unchanged
    sources and the SHACL results of unchanged nodes come from ``<build_dir>/cache``.
    """
    workers = workers or os.cpu_count() or 1
    cache_dir = build_dir / CACHE_DIR if use_cache else None
    started = time.perf_counter()
    report = BuildReport(release=time.strftime("%Y%m%dT%H%M%S") + f"-{time.time_ns() % 10**9:09d}")
    build_dir.mkdir(parents=True, exist_ok=True)
    with releases.build_lock(build_dir):
        cleaned = releases.clean_leftovers(build_dir)
        staging, staging_pin = releases.new_staging(build_dir, report.release)
    report.cleaned = cleaned
    previous, previous_pin = _pin_previous(build_dir) if use_cache else (None, None)
    with staging_pin, previous_pin or contextlib.nullcontext():
        try:
            texts = collect_texts(
                curated_dir,
                sources_dir,
                report,
                progress,
                workers=workers,
                cache=FactCache(cache_dir / "facts" if cache_dir else None),
                curated_cache=cache_dir / "curated" if cache_dir else None,
            )
            timer = StageTimer(report)
            with gc_paused():  # many objects, no cycles: collections only cost time here
                union = sorted(set(text_lines(texts)))  # each source's lines into the union
                timer.lap("emit")
                lines = add_derived_lines(texts, union, report)
                del texts, union
            timer.lap("derive")
            if validate:
                results = NodeResultCache(cache_dir / "shacl.json" if cache_dir else None)
                result = validate_lines(lines, results, workers)
                report.validation = result.summary()
                report.validation["nodes_validated"] = results.validated
                report.validation["nodes_reused"] = results.reused
                timer.lap("validate")
            write_release(lines, staging, report, started, previous, cache_dir)
            if beside_store is not None:  # one pin of the previous release for both readers
                beside_store(staging / "store", previous)
            if previous_pin is not None:  # read: now it may be pruned like any other release
                previous_pin.release()
            with releases.build_lock(build_dir):
                final = staging.parent / report.release
                staging.rename(final)
                swap_current(build_dir, final)
                releases.prune_releases(build_dir, KEEP_RELEASES)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return report


def _pin_previous(build_dir: Path) -> tuple[Path | None, releases.Pin | None]:
    """The current release, pinned while the new one is made from it; (None, None) if none."""
    try:
        return releases.pin_current(build_dir)
    except FileNotFoundError:
        return None, None


def swap_current(build_dir: Path, release: Path) -> None:
    """Point ``current`` at ``release`` with one atomic rename, and keep the stable links.

    Called under the build lock: the temporary link is never seen by another build's cleaning.
    """
    tmp_link = build_dir / f"{releases.TMP_LINK_PREFIX}{os.getpid()}"
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    tmp_link.symlink_to(release.relative_to(build_dir))
    os.replace(tmp_link, build_dir / "current")
    for name in STABLE_NAMES:
        link = build_dir / name
        if not link.is_symlink():
            if link.exists():
                shutil.rmtree(link) if link.is_dir() else link.unlink()
            link.symlink_to(Path("current") / name)
