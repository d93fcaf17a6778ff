"""The curated data as a build needs it, parsed once per version of ``data/curated``.

Parsing 1.7 MB of Turtle with rdflib and building the catalogue took 9–15 s of every build under
load, though the files rarely change. The result — the ontology and curated graphs as sorted
N-Quads, the catalogue, the corrections — is kept in ``<build dir>/cache/curated/<key>.pickle``,
keyed by :func:`ingest.fact_cache.build_version` (the curated files' bytes, the ``ingest`` and
``ontology`` code): editing a curated file or a rule reads everything again. The pickle is the
build's own file, written atomically; one that cannot be read is ignored and rewritten.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset

from ingest.corrections import Correction, load_corrections
from ingest.curated import curated_view, load_curated
from ingest.dumps import sorted_nquads

CORRECTIONS_FILE = "corrections.toml"  # reviewers' rejections and fixes, in data/curated/


@dataclass
class CuratedData:
    """What every build reads from ``data/curated`` (and the ontology)."""

    files: list[str]  # the curated Turtle files' names, as the report lists them
    nquads: str  # the ontology and curated graphs, sorted N-Quads (canonical blank nodes)
    catalogue: object  # ingest.resolve.Catalogue
    corrections: list[Correction]


def parse_curated(curated_dir: Path) -> CuratedData:
    """Read the curated Turtle, the standard bodies and the corrections (errors name the file)."""
    from ingest.resolve import BODIES_FILE, Catalogue, load_bodies

    dataset = Dataset()
    files = [p.name for p in load_curated(curated_dir, dataset)]
    corrections = load_corrections(curated_dir / CORRECTIONS_FILE)
    catalogue = Catalogue.from_graph(curated_view(dataset), load_bodies(curated_dir / BODIES_FILE))
    return CuratedData(files, sorted_nquads(dataset), catalogue, corrections)


def read_curated(curated_dir: Path, cache_dir: Path | None, version: str) -> CuratedData:
    """The curated data of ``version``: from the cache when it holds it, else parsed (and
    cached). ``cache_dir`` ``None``: always parsed."""
    if cache_dir is None:
        return parse_curated(curated_dir)
    path = cache_dir / f"{version}.pickle"
    try:
        with path.open("rb") as stream:
            data = pickle.load(stream)
        if isinstance(data, CuratedData):
            return data
    except Exception:  # missing, truncated or from other code: parse again
        pass
    data = parse_curated(curated_dir)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as stream:
            pickle.dump(data, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in cache_dir.glob("*.pickle"):  # one version is enough
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        tmp.unlink(missing_ok=True)
    return data
