"""How one gold item and one predicted item compare (``gold-format.md``'s matching rules):
normalised keys for numbers, titles, agencies and provinces, and a score per pair for each kind.
:mod:`ingest.matching` pairs items one to one with these scores.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ingest.gold_format import DOCUMENT_TYPES
from ontology.text_keys import fold, match_key, unit_key

AgencyKey = Callable[[str, "str | None"], str]
PairsCallback = Callable[[str, list[tuple[dict[str, Any], dict[str, Any]]]], None]

_DOC_NUMBER = re.compile(
    r"^\s*(\d+[a-z]?)\s*[-/]?\s*(?:(\d{4})\s*[-/]\s*)?([A-ZĐ]+(?:&[A-ZĐ]+)?)"
    r"\s*(?:[-/]\s*([A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*))?\s*$",
    re.I,
)
_PROVINCE_PREFIX = re.compile(r"^(tinh|thanh pho)\s+")

# The usual short spellings of places and kinds of body, written out, so that both sides' keys
# meet: ``UBND TPHCM`` = ``UBND TP.HCM`` = ``Ủy ban nhân dân Thành phố Hồ Chí Minh``. Subject
# abbreviations (``KH&CN``, ``TT&TT``) are left to the agency resolver.
_SPELLINGS = {
    "ubnd": "ui ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "bcd": "ban chi dao",
    "mttq": "mat tran to quoc",
    "tw": "trung uong",
    "tp": "thanh pho",
    "tphcm": "thanh pho ho chi minh",
    "hcm": "ho chi minh",
}


# --- normalisation ---------------------------------------------------------------------------


def words_of(text: str) -> list[str]:
    """The folded words of a text, as used for span overlap."""
    return match_key(text).split()


def spelling_key(text: str) -> str:
    """:func:`match_key` with the usual short spellings of places and bodies written out."""
    return " ".join(_SPELLINGS.get(word, word) for word in match_key(text).split())


def province_key(province: str | None) -> str:
    """``Tỉnh Bình Dương`` and ``bình dương``, ``TPHCM`` and ``Thành phố Hồ Chí Minh`` give the
    same key; None gives ``""``."""
    if not province:
        return ""
    return _PROVINCE_PREFIX.sub("", spelling_key(province))


def folded_agency_key(name: str, province: str | None) -> str:
    """Default agency key: the folded name, less a trailing ``(tỉnh) <province>``, and the province.

    ``Sở Khoa học và Công nghệ Bình Dương`` and ``Sở Khoa học và Công nghệ`` in Bình Dương, or
    ``UBND tỉnh Bình Dương`` and ``UBND tỉnh`` there, ``UBND TPHCM`` and ``Ủy ban nhân dân Thành
    phố Hồ Chí Minh``, give the same key.
    """
    name_key, place = spelling_key(name), province_key(province)
    if place:
        name_key = re.sub(rf"(?: (?:tinh|thanh pho))?(?: {re.escape(place)})?$", "", name_key)
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


def word_overlap(gold_text: str, predicted_text: str) -> float:
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
    gold_all = spelling_key(gold_title).split()
    predicted_all = spelling_key(predicted_title).split()
    gold_words = {w for w in gold_all if w not in _TITLE_STOPWORDS}
    predicted_words = {w for w in predicted_all if w not in _TITLE_STOPWORDS}
    if not gold_words or not predicted_words:  # a generic title: compare all its words
        gold_words, predicted_words = set(gold_all), set(predicted_all)
    shorter = min(len(gold_words), len(predicted_words))
    common = len(gold_words & predicted_words)
    if shorter == 0 or common < min(2, shorter):
        return 0.0
    return common / shorter


def _doc_type(doc: Mapping[str, Any]) -> str:
    doc_type = doc.get("type") or "Other"
    return doc_type if doc_type in DOCUMENT_TYPES else "Other"


def document_score(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> float:
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


def reference_score(gold_ref: str, predicted_ref: str) -> float:
    """An ``implements`` entry: a number, or a title when the text gives none."""
    gold_number, predicted_number = canonical_number(gold_ref), canonical_number(predicted_ref)
    if _DOC_NUMBER.match(fold(gold_ref).upper()) and _DOC_NUMBER.match(fold(predicted_ref).upper()):
        return 1.0 if gold_number == predicted_number else 0.0
    overlap = title_overlap(gold_ref, predicted_ref)
    return overlap if overlap >= 0.5 else 0.0


def agency_keys(agency: Mapping[str, Any], agency_key: AgencyKey) -> set[str]:
    province = agency.get("province")
    keys = {agency_key(agency["name"], province)}
    if agency.get("abbrev"):
        keys.add(agency_key(agency["abbrev"], province))
    return keys


def province_of(name: str, agencies: Iterable[Mapping[str, Any]]) -> str | None:
    """The province the same side gives a lead agency in its ``agencies`` list, if any."""
    key = spelling_key(name)
    for agency in agencies:
        if key in (spelling_key(agency["name"]), spelling_key(agency.get("abbrev") or "")):
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
        return word_overlap(gold_quote, predicted_quote) >= 0.5

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


def target_score(
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
    return 0.5 + 0.5 * word_overlap(gold.get("quote") or "", predicted.get("quote") or "")
