"""Extraction of the sources that the cache does not hold, on a pool of worker processes.

Each worker reads, extracts, corrects and emits one source into its own named graph and sends
back the graph as sorted N-Quads (a :class:`~ingest.fact_cache.CacheEntry`): plain text, cheap to
send and to cache. Results come back in source order whatever the number of workers, and the
main process adds them in that order, so the built dumps do not depend on scheduling.

The workers are forked after the curated catalogue is loaded, so they share it (copy-on-write)
instead of each parsing ``data/curated`` again.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset

from ingest.bounded_parse import BoundedParser
from ingest.corrections import Correction, CorrectionLog, apply_corrections
from ingest.dumps import sorted_nquads
from ingest.fact_cache import CacheEntry
from ingest.readers.metadata import SIDECAR_SUFFIX
from ingest.sources import DEFAULT_MAX_BYTES, PACKAGED_SUFFIXES, read_source
from ontology.errors import SourceError
from ontology.namespaces import entity_iri


@dataclass(frozen=True)
class ExtractionInputs:
    """What extracting any source needs besides the file: resolved once, shared by workers."""

    catalogue: object  # ingest.resolve.Catalogue
    corrections: tuple[Correction, ...]
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


_worker_inputs: ExtractionInputs | None = None  # set once per worker process by _init_worker
_worker_parser: BoundedParser | None = None


def _init_worker(inputs: ExtractionInputs) -> None:
    global _worker_inputs, _worker_parser
    _worker_inputs, _worker_parser = inputs, BoundedParser()  # only plain text comes here


def _extract_in_worker(path: Path) -> CacheEntry | Skipped:
    assert _worker_inputs is not None and _worker_parser is not None
    return extract_source(path, _worker_inputs, _worker_parser)


def extract_source(
    path: Path, inputs: ExtractionInputs, parser: BoundedParser
) -> CacheEntry | Skipped:
    """One source file → its cache entry, or why it was skipped (one bad source never stops
    the build)."""
    from ingest.emit import emit, source_triples
    from ingest.extract import extract_all

    try:
        source = read_source(path, inputs.max_bytes, parser)
    except SourceError as error:
        return Skipped(str(error.path), error.reason)
    warnings = []
    if not has_metadata_file(source.path, source.original):
        warnings.append(
            f"{source.path}: no metadata file; took from the text: "
            + ("; ".join(source.meta.notes) or "nothing")
        )
    dataset = Dataset()
    graph = dataset.graph(entity_iri("source", source.source_id))
    log = CorrectionLog()
    try:
        facts = apply_corrections(
            source.source_id,
            extract_all(source, inputs.catalogue),
            list(inputs.corrections),
            log,
        )
        source_triples(source, graph)
        emit(facts, source, graph)
    except Exception as error:  # one bad source must not stop the build
        return Skipped(str(source.path), f"extraction failed: {error!r}")
    return CacheEntry(
        source_id=source.source_id,
        name=source.path.name,
        nquads=sorted_nquads(dataset) if len(graph) else "",
        warnings=warnings,
        facts=dict(Counter(type(f).__name__ for f in facts)),
        corrections_applied=log.applied,
        corrections_unmatched=log.unmatched,
    )


def has_metadata_file(path: Path, original: str) -> bool:
    """A sidecar ``<stem>.meta.json`` or front matter at the top of the text."""
    return path.with_name(path.stem + SIDECAR_SUFFIX).exists() or original.lstrip().startswith(
        "---"
    )


def extract_many(
    paths: Sequence[Path], inputs: ExtractionInputs, workers: int
) -> Iterator[CacheEntry | Skipped]:
    """The results for ``paths``, in their order; ``workers`` processes (1: in this process)."""
    if not paths:
        return
    if workers <= 1 or len(paths) == 1:
        with BoundedParser() as parser:
            for path in paths:
                yield extract_source(path, inputs, parser)
        return
    # Packaged files (.docx, .pdf, .html) are read here, through one memory-bounded reader
    # process: a forked worker that spawned a reader of its own hung the build (a lock held by
    # another thread at fork time). The workers take the plain-text sources.
    packaged = {path for path in paths if path.suffix.lower() in PACKAGED_SUFFIXES}
    plain = [path for path in paths if path not in packaged]
    with (
        BoundedParser() as parser,
        ProcessPoolExecutor(
            max_workers=max(1, min(workers, len(plain))),
            mp_context=multiprocessing.get_context("fork"),
            initializer=_init_worker,
            initargs=(inputs,),
        ) as pool,
    ):
        extracted = pool.map(_extract_in_worker, plain, chunksize=1)
        for path in paths:
            yield extract_source(path, inputs, parser) if path in packaged else next(extracted)
