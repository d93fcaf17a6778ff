"""The build: curated data + sources → validated dataset → Oxigraph store and dumps, atomically.

Layout under the build directory::

    releases/<id>/store/        the Oxigraph store (RocksDB files)
    releases/<id>/graph.nq      sorted N-Quads
    releases/<id>/graph.trig    TriG, one block per named graph
    releases/<id>/report.json   counts, skipped sources, SHACL results
    current -> releases/<id>    swapped in with one atomic rename when the release is complete
    store, graph.nq, graph.trig, report.json -> current/…   stable paths for readers

A failure at any point leaves ``current`` (and so the served store) as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from rdflib import RDF, Dataset, URIRef

from ingest.corrections import CorrectionLog, apply_corrections, load_corrections
from ingest.curated import curated_view, load_curated
from ingest.derive import add_derived
from ingest.dumps import write_dumps
from ingest.validate import ValidationResult, validate_dataset
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

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False, indent=2, sort_keys=True)

    def to_text(self) -> str:
        lines = [f"release {self.release}: {self.total_quads} quads in {self.seconds:.2f} s"]
        lines.append(
            f"sources read: {len(self.sources_read)}; skipped: {len(self.sources_skipped)}"
        )
        lines += [f"  skipped {s['path']}: {s['reason']}" for s in self.sources_skipped]
        lines += [f"  warning: {w}" for w in self.warnings]
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
    from ingest.resolve import Catalogue
    from ingest.sources import iter_sources

    dataset = Dataset()
    report.curated_files = [p.name for p in load_curated(curated_dir, dataset)]
    corrections = load_corrections(curated_dir / CORRECTIONS_FILE)
    log = CorrectionLog()
    catalogue = Catalogue.from_graph(curated_view(dataset))
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
    store = pyoxigraph.Store(str(store_dir))
    with nquads_path.open("rb") as stream:
        store.bulk_load(stream, format=pyoxigraph.RdfFormat.N_QUADS)
    store.optimize()
    store.flush()
    del store


def build(
    curated_dir: Path,
    sources_dir: Path,
    build_dir: Path,
    *,
    validate: bool = True,
    progress: Progress | None = None,
) -> BuildReport:
    """Build a new release and swap it in; on any failure the previous release stays current."""
    started = time.perf_counter()
    report = BuildReport(release=time.strftime("%Y%m%dT%H%M%S") + f"-{time.time_ns() % 10**9:09d}")
    releases = build_dir / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    staging = releases / f".staging-{report.release}"
    staging.mkdir()
    try:
        dataset = collect_dataset(curated_dir, sources_dir, report, progress)
        add_derived(dataset)
        count_report(dataset, report)
        if validate:
            result: ValidationResult = validate_dataset(dataset)
            report.validation = result.summary()
        nquads_path, _ = write_dumps(dataset, staging)
        write_store(nquads_path, staging / "store")
        report.seconds = round(time.perf_counter() - started, 3)
        (staging / "report.json").write_text(report.to_json() + "\n", encoding="utf-8")
        final = releases / report.release
        staging.rename(final)
        swap_current(build_dir, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    prune_releases(build_dir)
    return report


def swap_current(build_dir: Path, release: Path) -> None:
    """Point ``current`` at ``release`` with one atomic rename, and keep the stable links."""
    tmp_link = build_dir / f".current-{os.getpid()}"
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


def prune_releases(build_dir: Path) -> None:
    """Delete old releases, keeping the current one and the one before it."""
    releases = build_dir / "releases"
    current = (build_dir / "current").resolve()
    finished = sorted(p for p in releases.iterdir() if not p.name.startswith("."))
    for old in finished[:-KEEP_RELEASES]:
        if old.resolve() != current:
            shutil.rmtree(old, ignore_errors=True)
    for stale in releases.glob(".staging-*"):
        if stale.stat().st_mtime < time.time() - 3600:
            shutil.rmtree(stale, ignore_errors=True)
