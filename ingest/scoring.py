"""Run the extractor over the sources that have gold annotations, and score it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.agency_keys import catalogue_agency_key
from ingest.evaluate import Report, evaluate, find_source, load_gold
from ingest.extract import extract_all
from ingest.extract.gold_format import to_gold_format
from ingest.resolve import Catalogue, province_of_source
from ingest.sources import read_source


def score_extractor(
    gold_dir: Path,
    sources_dir: Path,
    catalogue: Catalogue,
    progress: Callable[[int, int, str], None] | None = None,
) -> Report:
    """Extract every source that has a gold file and score the predictions against the gold, agency
    names keyed through the catalogue in the context of their source's province;
    ``progress(index, total, name)`` is told of each gold file as it starts (for the CLI's bar)."""
    predictions, texts, keys = {}, {}, {}
    stems = list(load_gold(gold_dir))
    for index, stem in enumerate(stems, start=1):
        if progress:
            progress(index, len(stems), stem)
        path = find_source(sources_dir, stem)
        if path is None:
            continue
        source = read_source(path)
        predictions[stem] = to_gold_format(extract_all(source, catalogue), catalogue)
        texts[stem] = source.original
        keys[stem] = catalogue_agency_key(catalogue, province_of_source(source, catalogue))
    return evaluate(gold_dir, predictions, None, texts, keys)
