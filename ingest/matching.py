"""The matching rules of ``gold-format.md``: normalised keys, how well a predicted item fits a
gold item, one-to-one pairing, and the score of one source.

Matching is one-to-one and greedy, best pair first; optional gold items count neither as a miss
nor, when matched, as a false hit. A gold file may carry a ``coverage`` object when it annotates
only part of a text: ``{"kinds": [...], "from": "exact text", "to": "exact text"}``. Kinds not
listed are not scored for that file; predicted assignments and targets whose span lies outside the
``from``…``to`` region of the source are ignored. A predicted item may carry ``start``/``end``
(offsets of its quote or task in the source); where it does, they place it instead of a search for
its text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ingest.gold_format import KINDS
from ingest.pairing import (
    AgencyKey,
    PairsCallback,
    SourceContext,
    agency_keys,
    document_score,
    folded_agency_key,
    province_of,
    reference_score,
    target_score,
    word_overlap,
)

# --- one-to-one matching ----------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """A miss (gold item not found) or a false hit (predicted item matching no gold item)."""

    kind: str
    source: str
    item: dict[str, Any]


@dataclass
class KindScore:
    """Counts for one kind of fact, and the measures derived from them."""

    kind: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def match_one_to_one(
    gold_items: list[dict[str, Any]],
    predicted_items: list[dict[str, Any]],
    score: Callable[[dict[str, Any], dict[str, Any]], float],
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Greedy best-first pairing; returns (pairs, unmatched gold indices, unmatched predicted)."""
    candidates = []
    for g, gold in enumerate(gold_items):
        for p, predicted in enumerate(predicted_items):
            value = score(gold, predicted)
            if value > 0:
                # Ties go to required gold items, then to text order.
                candidates.append((-value, bool(gold.get("optional")), g, p))
    candidates.sort()
    pairs, used_gold, used_predicted = [], set(), set()
    for _, _, g, p in candidates:
        if g in used_gold or p in used_predicted:
            continue
        pairs.append((g, p))
        used_gold.add(g)
        used_predicted.add(p)
    unmatched_gold = [g for g in range(len(gold_items)) if g not in used_gold]
    unmatched_predicted = [p for p in range(len(predicted_items)) if p not in used_predicted]
    return pairs, unmatched_gold, unmatched_predicted


# --- per-file evaluation ----------------------------------------------------------------------


def _implements_links(annotation: Mapping[str, Any]) -> list[dict[str, Any]]:
    links = []
    for doc in annotation.get("documents", []):
        for target in doc.get("implements") or []:
            links.append(
                {
                    "document": doc,
                    "implements": target,
                    "optional": bool(doc.get("optional")),
                }
            )
    return links


def _describe_link(link: Mapping[str, Any]) -> dict[str, Any]:
    doc = link["document"]
    return {
        "document": doc.get("number") or doc.get("title"),
        "implements": link["implements"],
    }


def _assignments(annotation: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Assignments with each lead's province taken from the same side's agency list."""
    agencies = annotation.get("agencies", [])
    return [
        {
            **item,
            "_lead_province": province_of(item.get("lead") or "", agencies),
            "_coordinator_provinces": {
                name: province_of(name, agencies) for name in item.get("coordinators") or []
            },
        }
        for item in annotation.get("assignments", [])
    ]


def _scorers(
    ctx: SourceContext, agency_key: AgencyKey
) -> dict[str, Callable[[dict[str, Any], dict[str, Any]], float]]:
    def agency_score(gold: dict[str, Any], predicted: dict[str, Any]) -> float:
        return 1.0 if agency_keys(gold, agency_key) & agency_keys(predicted, agency_key) else 0.0

    def assignment_score(gold: dict[str, Any], predicted: dict[str, Any]) -> float:
        gold_lead = agency_key(gold.get("lead") or "", gold.get("_lead_province"))
        predicted_lead = agency_key(predicted.get("lead") or "", predicted.get("_lead_province"))
        if gold_lead != predicted_lead:
            return 0.0
        overlap = word_overlap(gold.get("task") or "", predicted.get("task") or "")
        return overlap if overlap >= 0.5 else 0.0

    def link_score(gold: dict[str, Any], predicted: dict[str, Any]) -> float:
        if not document_score(gold["document"], predicted["document"]):
            return 0.0
        return reference_score(gold["implements"], predicted["implements"])

    return {
        "documents": document_score,
        "agencies": agency_score,
        "assignments": assignment_score,
        "targets": lambda gold, predicted: target_score(gold, predicted, ctx),
        "implements": link_score,
    }


def _items(annotation: Mapping[str, Any], kind: str) -> list[dict[str, Any]]:
    if kind == "implements":
        return _implements_links(annotation)
    if kind == "assignments":
        return _assignments(annotation)
    return [dict(item) for item in annotation.get(kind, [])]


def _public(item: Mapping[str, Any], kind: str) -> dict[str, Any]:
    if kind == "implements":
        return _describe_link(item)
    return {k: v for k, v in item.items() if not k.startswith("_")}


def _span_of(item: Mapping[str, Any], kind: str) -> str:
    return (item.get("task") if kind == "assignments" else item.get("quote")) or ""


def coverage_region(gold: Mapping[str, Any], text: str | None) -> tuple[int, int] | None:
    """The [start, end) of the text a partial gold file covers, from its ``coverage`` markers."""
    coverage = gold.get("coverage") or {}
    if not text or not (coverage.get("from") or coverage.get("to")):
        return None
    start = text.find(coverage["from"]) if coverage.get("from") else 0
    start = max(start, 0)
    end = len(text)
    if coverage.get("to"):
        found = text.find(coverage["to"], start)
        if found >= 0:
            end = found + len(coverage["to"])
    return start, end


def evaluate_one(
    stem: str,
    gold: Mapping[str, Any],
    predicted: Mapping[str, Any],
    agency_key: AgencyKey = folded_agency_key,
    source_text: str | None = None,
    on_pairs: PairsCallback | None = None,
) -> tuple[dict[str, KindScore], list[Finding], list[Finding]]:
    """Score one source's prediction against its gold annotation.

    ``on_pairs(kind, [(gold, predicted), …])``, if given, receives each kind's matched pairs, so
    the attributes of the hits can be scored (:mod:`ingest.attribute_scores`).
    """
    ctx = SourceContext(source_text, coverage_region(gold, source_text))
    scored_kinds = (gold.get("coverage") or {}).get("kinds") or list(KINDS)
    scorers = _scorers(ctx, agency_key)
    scores = {kind: KindScore(kind) for kind in KINDS}
    misses: list[Finding] = []
    false_hits: list[Finding] = []
    for kind in KINDS:
        if kind not in scored_kinds:
            continue
        gold_items = _items(gold, kind)
        predicted_items = _items(predicted, kind)
        if kind in ("assignments", "targets"):
            predicted_items = [
                item
                for item in predicted_items
                if not ctx.outside_region(item, _span_of(item, kind))
            ]
        pairs, unmatched_gold, unmatched_predicted = match_one_to_one(
            gold_items, predicted_items, scorers[kind]
        )
        if on_pairs is not None:
            on_pairs(kind, [(gold_items[g], predicted_items[p]) for g, p in pairs])
        score = scores[kind]
        score.tp += sum(1 for g, _ in pairs if not gold_items[g].get("optional"))
        for g in unmatched_gold:
            if not gold_items[g].get("optional"):
                score.fn += 1
                misses.append(Finding(kind, stem, _public(gold_items[g], kind)))
        for p in unmatched_predicted:
            score.fp += 1
            false_hits.append(Finding(kind, stem, _public(predicted_items[p], kind)))
    return scores, misses, false_hits
