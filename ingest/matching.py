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

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ingest.gold_format import DOCUMENT_TYPES, KINDS
from ontology.text_keys import fold, match_key, unit_key

AgencyKey = Callable[[str, "str | None"], str]
PairsCallback = Callable[[str, list[tuple[dict[str, Any], dict[str, Any]]]], None]

_DOC_NUMBER = re.compile(
    r"^\s*(\d+[a-z]?)\s*[-/]?\s*(?:(\d{4})\s*[-/]\s*)?([A-ZĐ]+(?:&[A-ZĐ]+)?)"
    r"\s*(?:[-/]\s*([A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*))?\s*$",
    re.I,
)
_PROVINCE_PREFIX = re.compile(r"^(tinh|thanh pho|tp\.?)\s+")


# --- normalisation ---------------------------------------------------------------------------


def words_of(text: str) -> list[str]:
    """The folded words of a text, as used for span overlap."""
    return match_key(text).split()


def province_key(province: str | None) -> str:
    """``Tỉnh Bình Dương`` and ``bình dương`` give the same key; None gives ``""``."""
    if not province:
        return ""
    return _PROVINCE_PREFIX.sub("", match_key(province))


def folded_agency_key(name: str, province: str | None) -> str:
    """Default agency key: the folded name, less a trailing ``(tỉnh) <province>``, and the province.

    ``Sở Khoa học và Công nghệ Bình Dương`` and ``Sở Khoa học và Công nghệ`` in Bình Dương, or
    ``UBND tỉnh Bình Dương`` and ``UBND tỉnh`` there, give the same key.
    """
    name_key, place = match_key(name), province_key(province)
    if place:
        name_key = re.sub(rf"(?: (?:tinh|thanh pho|tp))?(?: {re.escape(place)})?$", "", name_key)
    return f"{name_key}|{place}"


def canonical_number(number: str | None) -> str | None:
    """``71-NQ/CP``, ``71/NQ-CP`` and ``71 / NQ-CP`` → ``71|NQ|CP``; unparsed numbers are folded."""
    if not number:
        return None
    parsed = _DOC_NUMBER.match(fold(number).upper())
    if not parsed:
        return match_key(number) or None
    num, year, type_code, issuer = parsed.groups()
    parts = [num.lstrip("0") or "0", year or "", type_code, issuer or ""]
    return "|".join(parts)


# --- item keys and match scores ---------------------------------------------------------------


def _word_overlap(gold_text: str, predicted_text: str) -> float:
    """Share of the gold text's words (with multiplicity) that the predicted text also has."""
    gold_words = Counter(words_of(gold_text))
    if not gold_words:
        return 0.0
    common = gold_words & Counter(words_of(predicted_text))
    return sum(common.values()) / sum(gold_words.values())


# Words every title of a kind shares ("Kế hoạch thực hiện …", "… trên địa bàn tỉnh"): no evidence
# that two titles name the same document.
_TITLE_STOPWORD_TEXT = (
    "ke hoach chuong trinh de an nghi quiet thuc hien trien khai phat tren dia ban "
    "tinh thanh pho giai doan va ve cua cac cho so tai den nam tam nhin hanh dong"
)
_TITLE_STOPWORDS = frozenset(_TITLE_STOPWORD_TEXT.split())


def title_overlap(gold_title: str, predicted_title: str) -> float:
    """Share of the shorter title's distinctive words found in the other title (0 if too few)."""
    gold_words = {w for w in words_of(gold_title) if w not in _TITLE_STOPWORDS}
    predicted_words = {w for w in words_of(predicted_title) if w not in _TITLE_STOPWORDS}
    if not gold_words or not predicted_words:  # a generic title: compare all its words
        gold_words, predicted_words = set(words_of(gold_title)), set(words_of(predicted_title))
    shorter = min(len(gold_words), len(predicted_words))
    common = len(gold_words & predicted_words)
    if shorter == 0 or common < min(2, shorter):
        return 0.0
    return common / shorter


def _doc_type(doc: Mapping[str, Any]) -> str:
    doc_type = doc.get("type") or "Other"
    return doc_type if doc_type in DOCUMENT_TYPES else "Other"


def _document_score(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> float:
    gold_number = canonical_number(gold.get("number"))
    predicted_number = canonical_number(predicted.get("number"))
    if gold_number and predicted_number:
        return 1.0 if gold_number == predicted_number else 0.0
    if _doc_type(gold) != _doc_type(predicted):
        return 0.0
    gold_title, predicted_title = gold.get("title"), predicted.get("title")
    if not gold_title or not predicted_title:
        return 0.0
    overlap = title_overlap(gold_title, predicted_title)
    return overlap if overlap >= 0.5 else 0.0


def _reference_score(gold_ref: str, predicted_ref: str) -> float:
    """An ``implements`` entry: a number, or a title when the text gives none."""
    gold_number, predicted_number = canonical_number(gold_ref), canonical_number(predicted_ref)
    if _DOC_NUMBER.match(fold(gold_ref).upper()) and _DOC_NUMBER.match(fold(predicted_ref).upper()):
        return 1.0 if gold_number == predicted_number else 0.0
    overlap = title_overlap(gold_ref, predicted_ref)
    return overlap if overlap >= 0.5 else 0.0


def _agency_keys(agency: Mapping[str, Any], agency_key: AgencyKey) -> set[str]:
    province = agency.get("province")
    keys = {agency_key(agency["name"], province)}
    if agency.get("abbrev"):
        keys.add(agency_key(agency["abbrev"], province))
    return keys


def _province_of(name: str, agencies: Iterable[Mapping[str, Any]]) -> str | None:
    """The province the same side gives a lead agency in its ``agencies`` list, if any."""
    key = match_key(name)
    for agency in agencies:
        if key in (match_key(agency["name"]), match_key(agency.get("abbrev") or "")):
            return agency.get("province")
    return None


@dataclass(frozen=True)
class SourceContext:
    """The source text a gold file annotates, used to place quotes; may be absent."""

    text: str | None = None
    region: tuple[int, int] | None = None

    def spans(self, quote: str) -> list[tuple[int, int]]:
        if not self.text or not quote:
            return []
        spans, start = [], self.text.find(quote)
        while start >= 0:
            spans.append((start, start + len(quote)))
            start = self.text.find(quote, start + 1)
        return spans

    def item_spans(self, item: Mapping[str, Any], quote: str) -> list[tuple[int, int]]:
        """The item's own ``start``/``end`` offsets where it gives them, else its quote's."""
        start, end = item.get("start"), item.get("end")
        if self.text and isinstance(start, int) and isinstance(end, int) and start < end:
            return [(start, end)]
        return self.spans(quote)

    def quotes_overlap(
        self, gold_quote: str, predicted_quote: str, predicted: Mapping[str, Any] | None = None
    ) -> bool:
        """Overlap by position when both quotes occur in the text, else by the words they share."""
        gold_spans = self.spans(gold_quote)
        predicted_spans = self.item_spans(predicted or {}, predicted_quote)
        if gold_spans and predicted_spans:
            return any(g0 < p1 and p0 < g1 for g0, g1 in gold_spans for p0, p1 in predicted_spans)
        gold_key, predicted_key = match_key(gold_quote), match_key(predicted_quote)
        if gold_key and predicted_key and (gold_key in predicted_key or predicted_key in gold_key):
            return True
        return _word_overlap(gold_quote, predicted_quote) >= 0.5

    def outside_region(self, item: Mapping[str, Any], quote: str) -> bool:
        """True when the item's span is found in the text but nowhere inside the covered region."""
        spans = self.item_spans(item, quote)
        if self.region is None or not spans:
            return False
        start, end = self.region
        return not any(start <= s and e <= end for s, e in spans)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))
    except (TypeError, ValueError):
        return False


def _target_score(
    gold: Mapping[str, Any], predicted: Mapping[str, Any], ctx: SourceContext
) -> float:
    if gold.get("comparator") != predicted.get("comparator"):
        return 0.0
    if not _same_number(gold.get("value"), predicted.get("value")):
        return 0.0
    if gold.get("comparator") == "range" and not _same_number(
        gold.get("value_max"), predicted.get("value_max")
    ):
        return 0.0
    if gold.get("year") != predicted.get("year"):
        return 0.0
    if unit_key(gold.get("unit")) != unit_key(predicted.get("unit")):
        return 0.0
    if not ctx.quotes_overlap(gold.get("quote") or "", predicted.get("quote") or "", predicted):
        return 0.0
    return 0.5 + 0.5 * _word_overlap(gold.get("quote") or "", predicted.get("quote") or "")


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
            "_lead_province": _province_of(item.get("lead") or "", agencies),
            "_coordinator_provinces": {
                name: _province_of(name, agencies) for name in item.get("coordinators") or []
            },
        }
        for item in annotation.get("assignments", [])
    ]


def _scorers(
    ctx: SourceContext, agency_key: AgencyKey
) -> dict[str, Callable[[dict[str, Any], dict[str, Any]], float]]:
    def agency_score(gold: dict[str, Any], predicted: dict[str, Any]) -> float:
        return 1.0 if _agency_keys(gold, agency_key) & _agency_keys(predicted, agency_key) else 0.0

    def assignment_score(gold: dict[str, Any], predicted: dict[str, Any]) -> float:
        gold_lead = agency_key(gold.get("lead") or "", gold.get("_lead_province"))
        predicted_lead = agency_key(predicted.get("lead") or "", predicted.get("_lead_province"))
        if gold_lead != predicted_lead:
            return 0.0
        overlap = _word_overlap(gold.get("task") or "", predicted.get("task") or "")
        return overlap if overlap >= 0.5 else 0.0

    def link_score(gold: dict[str, Any], predicted: dict[str, Any]) -> float:
        if not _document_score(gold["document"], predicted["document"]):
            return 0.0
        return _reference_score(gold["implements"], predicted["implements"])

    return {
        "documents": _document_score,
        "agencies": agency_score,
        "assignments": assignment_score,
        "targets": lambda gold, predicted: _target_score(gold, predicted, ctx),
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
