"""Target tables → one TargetFact per value cell reading; period rows ("Đến năm 2030") give
the year of the rows below them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.extract.table_layout import Layout, cell_text, clean_cell, row_evidence
from ingest.model import AgencyRef, DocumentRef, SourceText, Table, TargetFact
from ingest.resolve import Catalogue, resolve_indicator, split_agencies
from ingest.text.numbers import parse_number
from ontology.slugs import slugify

NATION = "viet-nam"
INDICATOR_KEY_WORDS = 8

_PERIOD = re.compile(
    r"(?:đến|tới|trong|vào)?\s*(?:năm|giai đoạn)\s+(?:\d{4}\s*-\s*)?(?P<year>(?:19|20)\d{2})", re.I
)
_COMPARATORS = (
    (re.compile(r"^(?:≥|>=|=>|ít nhất|tối thiểu|từ)\s*"), "gte"),
    (re.compile(r"^(?:≤|<=|=<|tối đa|không quá|nhóm|top)\s*", re.I), "lte"),
    (re.compile(r"^(?:>|trên|hơn|vượt)\s*", re.I), "gt"),
    (re.compile(r"^(?:<|dưới)\s*", re.I), "lt"),
    (re.compile(r"^(?:~|≈|khoảng|xấp xỉ|gần)\s*", re.I), "approx"),
    (re.compile(r"^(?:=|đạt|bằng)\s*", re.I), "eq"),
)
_NUMBER_TOKEN = re.compile(r"\d+(?:[.,]\d+)*")
_RANGE_TAIL = re.compile(r"^\s*%?\s*(?:-|–|—|đến|tới)\s*(\d+(?:[.,]\d+)*)\s*(%?)")
_KEEP_CASE_UNIT = re.compile(r"^(?:[KMGTP]?(?:bps|b|B|W|Wh|Hz)|[A-Z]{2,}\w*)$")
_WORLD_WORDS = re.compile(r"toàn cầu|thế giới|quốc tế", re.I)
_REGION_WORDS = re.compile(r"Đông Nam Á|ASEAN|châu Á", re.I)


@dataclass(frozen=True)
class ValueReading:
    """One target read from a value cell."""

    value: float | None
    upper: float | None
    comparator: str | None
    percent: bool = False
    rank_scope: str | None = None
    qualitative: str | None = None


def normalise_unit(written: str) -> str | None:
    """The unit column as the graph keeps it: "Thứ bậc" → "thứ bậc", "Thành phố, Tỉnh" →
    "thành phố, tỉnh"; acronyms and SI units keep their case ("% GDP", "Tbps"); a count is
    its noun ("Số doanh nghiệp/1000 dân" → "doanh nghiệp/1000 dân") and a named index is
    "chỉ số", as prose figures and the gold format write them."""
    unit = clean_cell(written)
    if not unit:
        return None
    if re.match(r"chỉ số\s+\S", unit, re.IGNORECASE):
        return "chỉ số"  # "Chỉ số phát triển con người (HDI)": the index is the indicator
    unit = re.sub(r"^Số\s+(?=[^\W\d_])", "", unit)  # "Số doanh nghiệp/1000 dân": what is counted
    return re.sub(r"[^\W\d_]+", _lower_word, unit)


def _lower_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if _KEEP_CASE_UNIT.match(word) or word[1:] != word[1:].lower():
        return word
    return word.lower()


def read_values(cell: str) -> list[ValueReading]:
    """Targets in a value cell: "≥ 55" → gte 55; "40 - 50" → range; "≤ 3 Đông Nam Á; ≤ 50 Thế
    giới" → two ranks; "≥ 3% và tăng dần …" → gte 3, words kept; no number → qualitative."""
    text = clean_cell(cell)
    if not text:
        return []
    parts = [p.strip() for p in text.split(";") if p.strip()]
    readings = [_read_part(p) for p in parts]
    if len(parts) > 1 and any(r.value is None for r in readings):
        return [ValueReading(None, None, None, qualitative=text)]
    return readings


def _read_part(part: str) -> ValueReading:
    comparator = None
    rest = part
    for pattern, name in _COMPARATORS:
        match = pattern.match(rest)
        if match and _NUMBER_TOKEN.match(rest[match.end() :].lstrip()):
            comparator, rest = name, rest[match.end() :].lstrip()
            break
    number = _NUMBER_TOKEN.match(rest)
    if not number:
        return ValueReading(None, None, None, qualitative=part)
    value = parse_number(number.group(0))
    if value is None:
        return ValueReading(None, None, None, qualitative=part)
    rest = rest[number.end() :]
    upper = None
    percent = rest.lstrip().startswith("%")
    range_tail = _RANGE_TAIL.match(rest)
    if range_tail and comparator in (None, "eq"):
        upper = parse_number(range_tail.group(1))
        percent = percent or bool(range_tail.group(2))
        rest = rest[range_tail.end() :]
        comparator = "range"
    rest = rest.strip().lstrip("%").strip()
    comparator = comparator or "eq"
    if not rest:
        return ValueReading(value, upper, comparator, percent)
    if re.fullmatch(r"(?:ở\s+|tại\s+|trong\s+)?[A-ZĐ][\w\s]{1,40}", rest) and not re.match(
        r"(?:và|,)", rest
    ):
        return ValueReading(value, upper, comparator, percent, rank_scope=rest)
    return ValueReading(value, upper, comparator, percent, qualitative=part)


def implied_rank_scope(indicator: str) -> str:
    """Where an unqualified rank is counted: the region the indicator names, else the world
    ("Chỉ số đổi mới sáng tạo toàn cầu", "Xếp hạng về an toàn thông tin mạng": world rankings)."""
    region = _REGION_WORDS.search(indicator)
    if region and not _WORLD_WORDS.search(indicator):
        return region.group(0)
    return "Thế giới"


def period_year(row: tuple[str, ...], layout: Layout) -> int | None:
    """The year of a period row ("Đến năm 2030", value cells empty), for the rows below it."""
    if any(_value_text(row, column) for column, _ in layout.value_columns):
        return None
    for cell in row:
        match = _PERIOD.search(clean_cell(cell))
        if match:
            return int(match.group("year"))
    return None


def _value_text(row: tuple[str, ...], column: int) -> str:
    return clean_cell(row[column]) if column < len(row) else ""


def target_facts(
    source: SourceText,
    table: Table,
    layout: Layout,
    catalogue: Catalogue,
    province: str | None,
    set_by: DocumentRef | None,
) -> Iterator[TargetFact]:
    """One TargetFact per value (two for "≤ 3 Đông Nam Á; ≤ 50 Thế giới"); sub-headers give none."""
    year: int | None = None
    scope = province or NATION
    for index, row in enumerate(table.rows):
        found_year = period_year(row, layout)
        if found_year is not None:
            year = found_year
            continue
        indicator = cell_text(row, layout, "indicator")
        if not indicator:
            continue
        unit_text = cell_text(row, layout, "unit")
        monitors_text = cell_text(row, layout, "monitor")
        monitors = split_agencies(monitors_text, catalogue, province) if monitors_text else []
        for column, column_year in layout.value_columns:
            for reading in read_values(_value_text(row, column)):
                yield _target(
                    source,
                    table,
                    index,
                    indicator,
                    unit_text,
                    reading,
                    catalogue,
                    year=column_year or year,
                    scope=scope,
                    set_by=set_by,
                    monitors=monitors,
                )


def _target(
    source: SourceText,
    table: Table,
    index: int,
    indicator: str,
    unit_text: str,
    reading: ValueReading,
    catalogue: Catalogue,
    *,
    year: int | None,
    scope: str,
    set_by: DocumentRef | None,
    monitors: list[AgencyRef],
) -> TargetFact:
    unit = normalise_unit(unit_text) or ("%" if reading.percent else None)
    if reading.rank_scope and not unit:
        unit = "thứ bậc"
    rank_scope = reading.rank_scope
    if unit == "thứ bậc" and reading.value is not None and not rank_scope:
        rank_scope = implied_rank_scope(indicator)
    key = resolve_indicator(indicator, unit, catalogue) or slugify(
        indicator, max_words=INDICATOR_KEY_WORDS
    )
    return TargetFact(
        indicator_text=indicator,
        evidence=row_evidence(source, table, index),
        indicator_key=key,
        value=reading.value,
        upper_value=reading.upper,
        comparator=reading.comparator,
        unit=unit,
        year=year,
        scope=scope,
        set_by=set_by,
        qualitative=reading.qualitative,
        rank_scope=rank_scope,
        monitored_by=list(monitors),
    )
