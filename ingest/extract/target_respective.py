"""Figures given together for several measures: "Tỷ trọng nông - lâm - thủy sản, công nghiệp -
xây dựng, dịch vụ, thuế sản phẩm tương ứng 26,62%, 28,94%, 39,84% và 4,6%" states four
targets, the n-th figure for the n-th measure ("tương ứng", "lần lượt") and each quoting the
whole clause. The measure head written once ("Tỷ trọng") names every item; a list whose count of
items differs from its count of figures is not read this way (the figure-by-figure reading
stays).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.extract.context import ExtractionContext
from ingest.extract.sentences import Span
from ingest.extract.target_lists import is_result
from ingest.extract.target_placing import placing
from ingest.extract.target_years import year_of
from ingest.model import SourceText, TargetFact
from ingest.resolve import resolve_indicator
from ingest.text.numbers import Quantity, find_quantities

# "… tương ứng 26,62%, …", "… lần lượt là 20% và 10%", "… chiếm tương ứng …", "tương ứng là:"
_RESPECTIVELY = re.compile(
    r"(?:\s+(?:đạt|chiếm|là))?\s+(?:tương ứng|lần lượt)(?:\s+(?:là|đạt|chiếm|ở mức))?\s*:?\s*",
    re.IGNORECASE,
)
# What may open the clause before its measures ("Cùng đó, phấn đấu …", "đến năm 2030, …")
# ("Tỉnh phấn đấu …", "Gia Lai đặt mục tiêu …": a short subject before the goal verb)
_LEAD_IN = re.compile(
    r"^(?:(?:cùng (?:với )?đó|đồng thời|trong đó|theo đó|dự kiến"
    r"|(?:[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s+)?(?:cũng\s+)?(?:phấn đấu|đặt mục tiêu|mục tiêu)"
    r"|(?:đến|tới|vào)\s+(?:năm\s+)?\d{4})\s*,?\s*)+",
    re.IGNORECASE,
)
# The measure a list of items shares, written once before the first item
_HEAD = re.compile(
    r"^((?:tỷ|tỉ) trọng|(?:tỷ|tỉ) lệ|tốc độ tăng trưởng|tốc độ tăng|số lượng|quy mô)\s+",
    re.IGNORECASE,
)
_ITEM_SEPARATOR = re.compile(r"\s*,\s*(?:và\s+)?|\s+và\s+", re.IGNORECASE)
_BETWEEN_FIGURES = re.compile(r"\s*,?\s*(?:và\s+)?")


@dataclass(frozen=True)
class Respective:
    """One measure of a list given together: its label, its figure, the clause quoted."""

    label: str
    quantity: Quantity
    start: int
    end: int


def respective_figures(text: str, sentence: Span) -> dict[int, Respective]:
    """For each figure of a "A, B và C tương ứng x, y và z" clause in ``sentence``: its measure
    (keyed by the figure's offset in ``text``)."""
    found: dict[int, Respective] = {}
    for match in _RESPECTIVELY.finditer(text, sentence.start, sentence.end):
        clause_start = max(
            (text.rfind(mark, sentence.start, match.start()) for mark in (";", ":", ". ", "(")),
            default=-1,
        )
        clause_start = sentence.start if clause_start < 0 else clause_start + 1
        head_text = text[clause_start : match.start()]
        lead = _LEAD_IN.match(head_text.strip(" ,-–+*•"))
        items_text = head_text.strip(" ,-–+*•")[lead.end() if lead else 0 :]
        figures = _figures_after(text, match.end(), sentence.end)
        labels = _labels(items_text)
        if len(labels) < 2 or len(labels) != len(figures):
            continue
        start = clause_start + head_text.find(items_text)
        end = figures[-1].end
        for label, figure in zip(labels, figures, strict=True):
            found[figure.start] = Respective(label, figure, start, end)
    return found


def _labels(items_text: str) -> list[str]:
    """The measures of the items ("Tỷ trọng A, B và C" → "tỷ trọng A", "tỷ trọng B", …)."""
    head = _HEAD.match(items_text)
    head_words = head.group(1).lower() if head else ""
    rest = items_text[head.end() if head else 0 :]
    items = [item.strip(" ,") for item in _ITEM_SEPARATOR.split(rest)]
    if not all(items) or any(re.search(r"\d", item) for item in items):
        return []
    return [f"{head_words} {item}".strip() for item in items]


def _figures_after(text: str, start: int, limit: int) -> list[Quantity]:
    """The figures listed from ``start`` on, separated only by commas and "và"."""
    figures: list[Quantity] = []
    at = start
    for found in find_quantities(text[start:limit]):
        quantity = shifted(found, start)
        if not _BETWEEN_FIGURES.fullmatch(text, at, quantity.start):
            break
        figures.append(quantity)
        at = quantity.end
    return figures


def respective_target(
    text: str,
    item: Respective,
    sentence: Span,
    year: int | None,
    source: SourceText,
    context: ExtractionContext,
) -> TargetFact | None:
    """The target one figure of a "tương ứng" list states, or None in a clause of results."""
    q = item.quantity
    if is_result(text, item.start, q.start):
        return None
    year, _end = year_of(text, q, sentence, year, item.end, q.unit or "")
    set_by, national = placing(text, q.start, sentence, source, context)
    return TargetFact(
        indicator_text=item.label,
        evidence=source.evidence(item.start, item.end),
        indicator_key=resolve_indicator(
            item.label, q.unit, context.catalogue, provincial=not national
        ),
        value=q.value,
        upper_value=q.upper_value,
        comparator=q.comparator,
        unit=q.unit,
        year=year,
        scope="viet-nam" if national else context.province,
        set_by=set_by,
    )


def shifted(quantity: Quantity, offset: int) -> Quantity:
    """A quantity found in a slice, placed at its offsets in the whole text."""
    return replace(quantity, start=quantity.start + offset, end=quantity.end + offset)
