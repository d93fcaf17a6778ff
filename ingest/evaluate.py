"""Score extracted facts against gold annotations, by the matching rules of ``gold-format.md``.

Both sides are dicts in the gold JSON format (one per source stem), so gold written by anyone in
that format can score the extractor. Scores are micro-averaged over files. The work is split by
job: :mod:`ingest.gold_format` (the format, reading files, checks), :mod:`ingest.matching` (the
matching rules and one file's score), :mod:`ingest.eval_report` (the report); this module joins
them and keeps the names callers import from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ingest.attribute_scores import score_file
from ingest.eval_report import Report
from ingest.gold_format import (
    COMPARATORS,
    DOCUMENT_TYPES,
    KINDS,
    LEVELS,
    SOURCE_SUFFIXES,
    find_source,
    load_gold,
    load_source_texts,
    validate_annotation,
)
from ingest.matching import (
    Finding,
    KindScore,
    coverage_region,
    evaluate_one,
    match_one_to_one,
)
from ingest.pairing import (
    AgencyKey,
    SourceContext,
    canonical_number,
    folded_agency_key,
    province_key,
    title_overlap,
    words_of,
)
from ontology.text_keys import match_key, unit_key

__all__ = [
    "COMPARATORS",
    "DOCUMENT_TYPES",
    "KINDS",
    "LEVELS",
    "SOURCE_SUFFIXES",
    "AgencyKey",
    "Finding",
    "KindScore",
    "Report",
    "SourceContext",
    "canonical_number",
    "coverage_region",
    "evaluate",
    "evaluate_files",
    "evaluate_one",
    "find_source",
    "folded_agency_key",
    "load_gold",
    "load_source_texts",
    "match_key",
    "match_one_to_one",
    "province_key",
    "title_overlap",
    "unit_key",
    "validate_annotation",
    "words_of",
]


def evaluate(
    gold_dir: Path,
    predictions: Mapping[str, Mapping[str, Any]],
    agency_key: AgencyKey | None = None,
    source_texts: Mapping[str, str] | None = None,
    source_agency_keys: Mapping[str, AgencyKey] | None = None,
) -> Report:
    """Score predictions (source stem → gold-format dict) against every gold file in ``gold_dir``.

    A gold file with no prediction counts as an empty prediction (every item a miss). The
    attributes of matched targets and assignments are scored too (:mod:`ingest.attribute_scores`).
    ``source_texts`` (stem → text) lets quotes be compared by position and partial gold files
    restrict scoring to the region they cover; without it quotes are compared by their words.
    ``source_agency_keys`` (stem → key) overrides ``agency_key`` for a source, so a name can be
    resolved in its source's context (:mod:`ingest.agency_keys`).
    """
    default_key = agency_key or folded_agency_key
    per_source = source_agency_keys or {}
    texts = source_texts or {}
    report = Report()
    gold_files = load_gold(gold_dir)
    for stem, gold in gold_files.items():
        predicted = predictions.get(stem, {})
        key = per_source.get(stem, default_key)
        attributes, on_pairs = score_file(stem, key)
        scores, misses, false_hits = evaluate_one(
            stem, gold, predicted, key, texts.get(stem), on_pairs
        )
        report.add(stem, scores, misses, false_hits, attributes)
    report.unscored_sources = sorted(set(predictions) - set(gold_files))
    return report


def evaluate_files(
    gold_dir: Path,
    pred_dir: Path,
    agency_key: AgencyKey | None = None,
    sources_dir: Path | None = None,
) -> Report:
    """Like :func:`evaluate`, with predictions read from ``pred_dir/<stem>.json``."""
    predictions = load_gold(pred_dir)
    source_texts = load_source_texts(sources_dir, load_gold(gold_dir))
    return evaluate(gold_dir, predictions, agency_key, source_texts)
