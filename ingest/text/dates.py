"""Dates in the forms Vietnamese official texts and news use, with their precision.

``22/12/2024``, ``ngày 25 tháng 3 năm 2022``, ``Ngày 24/2`` (year from the source's date),
``tháng 3-2020``, ``năm 2030``, ``Quý II/2025``, ``năm học 2025 – 2026``, ``giai đoạn 2021-2030``;
and deadline cells of task tables (``6/2025``, ``Thường xuyên``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

# How far after the source's date an event without a year may lie before we take the year before.
_FUTURE_SLACK = timedelta(days=60)
_DASH = r"[-–—]"
_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class DateMention:
    """A date in a text: ``value`` is ISO-like at its precision (``2025-02-24``, ``2025-03``,
    ``2030``, ``2025-Q2``, ``2025-2026``; ``--02-24`` when the year is unknown)."""

    start: int
    end: int
    value: str
    precision: str  # day | month | year | quarter | school-year | period
    date: date | None = None  # the day, when precision is "day" and the year is known
    year: int | None = None  # the (first) year
    end_year: int | None = None  # last year of a school year or a period


_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "numeric",
        re.compile(
            rf"(?:(?<!\w)ngày\s+)?(?<![\d/.])(\d{{1,2}})\s*([/.]|{_DASH})\s*(\d{{1,2}})\s*\2\s*"
            rf"(\d{{4}})(?![\d/])",
            re.I,
        ),
    ),
    (
        "verbal",
        re.compile(
            r"(?<!\w)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|,)\s*(\d{4}))?(?!\d)", re.I
        ),
    ),
    (
        "day-month",
        re.compile(
            rf"(?<!\w)(?:ngày|sáng|chiều|tối|trưa|đêm|hôm)\s+(?:ngày\s+)?(\d{{1,2}})\s*(?:/|{_DASH})"
            rf"\s*(\d{{1,2}})(?![\d/]|\s*{_DASH}\s*\d)",
            re.I,
        ),
    ),
    (
        "month-year",
        re.compile(
            rf"(?<!\w)tháng\s+(\d{{1,2}})\s*(?:/|{_DASH}|\s+năm\s+)\s*(\d{{4}})(?!\d)", re.I
        ),
    ),
    ("bare-month-year", re.compile(r"(?<![\w/.,])(\d{1,2})/(\d{4})(?![\w/])")),
    (
        "quarter",
        re.compile(r"(?<!\w)quý\s+(IV|I{1,3}|[1-4])\s*(?:/|-|\s+năm\s+|\s+)\s*(\d{4})(?!\d)", re.I),
    ),
    ("school-year", re.compile(rf"(?<!\w)năm học\s+(\d{{4}})\s*{_DASH}\s*(\d{{4}})(?!\d)", re.I)),
    (
        "period",
        re.compile(
            rf"(?<!\w)giai đoạn\s+(?:từ\s+)?(\d{{4}})\s*(?:{_DASH}|đến)\s*(\d{{4}})(?!\d)", re.I
        ),
    ),
    ("year", re.compile(r"(?<!\w)(?:năm|đến|tới|vào|trước)\s+(\d{4})(?!\d)", re.I)),
)


def find_dates(text: str, reference: date | None = None) -> list[DateMention]:
    """Every date mention in ``text`` in order; overlapping readings keep the longest.

    ``reference`` (the source's date) supplies the year of ``Ngày 24/2``; an event more than
    two months after the reference is taken to be from the year before.
    """
    candidates: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            mention = _READERS[kind](match, reference)
            if mention is not None:
                candidates.append(mention)
    chosen: list[DateMention] = []
    for mention in sorted(candidates, key=lambda m: (m.start - m.end, m.start)):
        if all(mention.end <= other.start or mention.start >= other.end for other in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


def parse_date(text: str, reference: date | None = None) -> date | None:
    """The first full calendar date in ``text`` (day precision, year known), or None."""
    for mention in find_dates(text, reference):
        if mention.date is not None:
            return mention.date
    return None


_ONGOING = re.compile(r"thường xuyên|h[ằà]ng năm|liên tục|định kỳ|năm tiếp theo|các năm sau", re.I)
_BARE_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def parse_deadline(text: str) -> tuple[str | None, bool]:
    """A task table's deadline cell → (deadline or None, ongoing).

    The deadline is ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-Qn``. ``2025-2026`` is due at
    its end (``2026``); ``2025 và những năm tiếp theo`` is ``2025`` and ongoing.
    """
    cell = text.strip()
    ongoing = bool(_ONGOING.search(cell))
    if not cell:
        return None, False
    mentions = [m for m in find_dates(cell) if m.year is not None]
    if mentions:
        latest = max(mentions, key=_deadline_order)
        value = str(latest.end_year) if latest.end_year else latest.value
        return value, ongoing
    years = [int(y) for y in _BARE_YEAR.findall(cell) if 1900 <= int(y) <= 2100]
    if years:
        return str(max(years)), ongoing
    return None, ongoing


def _deadline_order(mention: DateMention) -> tuple[int, int, int]:
    if mention.end_year:
        return mention.end_year, 12, 31
    if mention.precision == "quarter":
        return mention.year or 0, int(mention.value[-1]) * 3, 31
    parts = [int(p) for p in mention.value.split("-") if p.isdigit()]
    month = parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else 31
    return parts[0], month, day


def _day(
    match: re.Match[str], day: int, month: int, year: int | None, reference: date | None
) -> DateMention | None:
    if year is None and reference is not None:
        year = _year_near(day, month, reference)
    if year is None:
        if not _valid(2000, month, day):  # a leap year, so 29/2 stays possible
            return None
        return DateMention(match.start(), match.end(), f"--{month:02d}-{day:02d}", "day")
    if not _valid(year, month, day):
        return None
    found = date(year, month, day)
    return DateMention(match.start(), match.end(), found.isoformat(), "day", found, year)


def _year_near(day: int, month: int, reference: date) -> int | None:
    for year in (reference.year, reference.year - 1):
        if _valid(year, month, day) and date(year, month, day) <= reference + _FUTURE_SLACK:
            return year
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return 1900 <= year <= 2100


def _read_numeric(match: re.Match[str], reference: date | None) -> DateMention | None:
    return _day(match, int(match.group(1)), int(match.group(3)), int(match.group(4)), reference)


def _read_verbal(match: re.Match[str], reference: date | None) -> DateMention | None:
    year = int(match.group(3)) if match.group(3) else None
    return _day(match, int(match.group(1)), int(match.group(2)), year, reference)


def _read_day_month(match: re.Match[str], reference: date | None) -> DateMention | None:
    return _day(match, int(match.group(1)), int(match.group(2)), None, reference)


def _read_month_year(match: re.Match[str], reference: date | None) -> DateMention | None:
    month, year = int(match.group(1)), int(match.group(2))
    if not (1 <= month <= 12 and 1900 <= year <= 2100):
        return None
    return DateMention(match.start(), match.end(), f"{year}-{month:02d}", "month", None, year)


def _read_quarter(match: re.Match[str], reference: date | None) -> DateMention | None:
    quarter, year = _ROMAN_QUARTERS[match.group(1).lower()], int(match.group(2))
    return DateMention(match.start(), match.end(), f"{year}-Q{quarter}", "quarter", None, year)


def _read_span(precision: str):
    def read(match: re.Match[str], reference: date | None) -> DateMention | None:
        first, last = int(match.group(1)), int(match.group(2))
        if not (1900 <= first <= last <= 2100):
            return None
        return DateMention(
            match.start(), match.end(), f"{first}-{last}", precision, None, first, last
        )

    return read


def _read_year(match: re.Match[str], reference: date | None) -> DateMention | None:
    year = int(match.group(1))
    if not 1900 <= year <= 2100:
        return None
    return DateMention(match.start(), match.end(), str(year), "year", None, year)


_READERS = {
    "numeric": _read_numeric,
    "verbal": _read_verbal,
    "day-month": _read_day_month,
    "month-year": _read_month_year,
    "bare-month-year": _read_month_year,
    "quarter": _read_quarter,
    "school-year": _read_span("school-year"),
    "period": _read_span("period"),
    "year": _read_year,
}
