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
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from rdflib import RDF, Dataset, URIRef

from ingest.corrections import CorrectionLog, apply_corrections, load_corrections
from ingest.curated import curated_view, load_curated
from ingest.derive import add_derived
from ingest.dumps import sorted_nquads, trig_from_nquads
from ingest.validate import ValidationResult, validate_dataset
from ontology import releases
from ontology.errors import SourceError
from ontology.namespaces import entity_iri

CORRECTIONS_FILE = "corrections.toml"  # reviewers' rejections and fixes, in data/curated/
STABLE_NAMES = ("store", "graph.nq", "graph.trig", "report.json")
KEEP_RELEASES = 2

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
        lines.append(f"corrections applied: {len(self.corrections_applied)}")
        lines += [f"  warning: correction unused: {c}" for c in self.corrections_unmatched]
        lines.append("instances per class:")
        lines += [f"  {n:6d}  {c}" for c, n in sorted(self.instances_per_class.items())]
        if self.validation is not None:
            v = self.validation
            lines.append(f"SHACL: conforms={v['conforms']} violations={v['violations']}")
        return "\n".join(lines)


def collect_dataset(
    curated_dir: Path, sources_dir: Path, report: BuildReport, progress: Progress | None = None
) -> Dataset:
    """Read curated data and every source into one dataset; skip unreadable sources."""
    from ingest.emit import emit, source_triples
    from ingest.extract import extract_all
    from ingest.resolve import BODIES_FILE, Catalogue, load_bodies
    from ingest.sources import iter_sources

    dataset = Dataset()
    report.curated_files = [p.name for p in load_curated(curated_dir, dataset)]
    corrections = load_corrections(curated_dir / CORRECTIONS_FILE)
    log = CorrectionLog()
    bodies = load_bodies(curated_dir / BODIES_FILE)
    catalogue = Catalogue.from_graph(curated_view(dataset), bodies)
    items = list(iter_sources(sources_dir)) if sources_dir.exists() else []
    for index, item in enumerate(items, start=1):
        if isinstance(item, SourceError):
            report.sources_skipped.append({"path": str(item.path), "reason": item.reason})
            if progress:
                progress(index, len(items), f"skipped {Path(item.path).name}")
            continue
        source = item
        if progress:
            progress(index, len(items), source.path.name)
        if not has_metadata_file(source.path, source.original):
            report.warnings.append(
                f"{source.path}: no metadata file; took from the text: "
                + ("; ".join(source.meta.notes) or "nothing")
            )
        graph = dataset.graph(entity_iri("source", source.source_id))
        try:
            facts = apply_corrections(
                source.source_id, extract_all(source, catalogue), corrections, log
            )
            source_triples(source, graph)
            emit(facts, source, graph)
        except Exception as error:  # one bad source must not stop the build
            dataset.remove_graph(graph)
            report.sources_skipped.append(
                {"path": str(source.path), "reason": f"extraction failed: {error!r}"}
            )
            continue
        report.sources_read.append(source.path.name)
        report.facts_per_source[source.source_id] = dict(Counter(type(f).__name__ for f in facts))
    report.corrections_applied = log.applied
    report.corrections_unmatched = log.unmatched
    return dataset


def has_metadata_file(path: Path, original: str) -> bool:
    """A sidecar ``<stem>.meta.json`` or front matter at the top of the text."""
    return path.with_name(path.stem + ".meta.json").exists() or original.lstrip().startswith("---")


def count_report(dataset: Dataset, report: BuildReport) -> None:
    """Fill the per-graph triple counts and per-class instance counts."""
    report.triples_per_graph = {str(g.identifier): len(g) for g in dataset.graphs() if len(g) > 0}
    classes: Counter[str] = Counter()
    seen: set[tuple[URIRef, URIRef]] = set()
    for s, _, o, _ in dataset.quads((None, RDF.type, None, None)):
        if (s, o) not in seen:
            seen.add((s, o))
            classes[str(o)] += 1
    report.instances_per_class = dict(classes)
    report.total_quads = sum(report.triples_per_graph.values())


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


def write_release(dataset: Dataset, staging: Path, report: BuildReport, started: float) -> None:
    """Dumps, store and report into ``staging``; every write error names its file."""
    nquads = sorted_nquads(dataset)
    write_text(staging / "graph.nq", nquads)
    write_text(staging / "graph.trig", trig_from_nquads(nquads))
    del nquads
    write_store(staging / "graph.nq", staging / "store")
    report.seconds = round(time.perf_counter() - started, 3)
    write_text(staging / "report.json", report.to_json() + "\n")


def build(
    curated_dir: Path,
    sources_dir: Path,
    build_dir: Path,
    *,
    validate: bool = True,
    progress: Progress | None = None,
) -> BuildReport:
    """Build a new release and swap it in; on any failure the previous release stays current.

    What killed builds left behind is cleaned first; old releases are pruned last, except those
    a live process has pinned (see :mod:`ontology.releases`).
    """
    started = time.perf_counter()
    report = BuildReport(release=time.strftime("%Y%m%dT%H%M%S") + f"-{time.time_ns() % 10**9:09d}")
    build_dir.mkdir(parents=True, exist_ok=True)
    with releases.build_lock(build_dir):
        cleaned = releases.clean_leftovers(build_dir)
        staging, staging_pin = releases.new_staging(build_dir, report.release)
    report.cleaned = cleaned
    with staging_pin:
        try:
            dataset = collect_dataset(curated_dir, sources_dir, report, progress)
            add_derived(dataset)
            count_report(dataset, report)
            if validate:
                result: ValidationResult = validate_dataset(dataset)
                report.validation = result.summary()
            write_release(dataset, staging, report, started)
            with releases.build_lock(build_dir):
                final = staging.parent / report.release
                staging.rename(final)
                swap_current(build_dir, final)
                releases.prune_releases(build_dir, KEEP_RELEASES)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return report


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
