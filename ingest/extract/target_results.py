"""Figures that look like targets but report results: a level of a year already past ("năm 2020
GRDP bình quân đầu người … đạt 3.249 USD" in a 2025 text), growth since a past base year ("so
với năm 2020, … tăng khoảng 47%"), an average over a period already ended ("bình quân giai đoạn
2021–2025 đạt 8%" at the end of 2025), and a figure restated in another unit ("tương đương 75,41
triệu đồng"): the restatement is the same figure, never a second target.

A text's own date decides what is past; a clause that states an intent ("phấn đấu", "mục tiêu",
"dự kiến", "kế hoạch" …) sets a target whatever its year.
"""

from __future__ import annotations

import re
from datetime import date

# What a clause says it will do: with one of these, a figure is a goal whatever year it names
INTENT = re.compile(
    r"dự kiến|\bsẽ\b|phấn đấu|mục tiêu|chỉ tiêu|(?:đến|tới) (?:hết )?năm|nhằm|kế hoạch|"
    r"hướng (?:tới|đến)|bảo đảm|đảm bảo|tối thiểu|ít nhất",
    re.IGNORECASE,
)
# "tương đương 75,41 triệu đồng", "(tương đương 8.000-8.500 USD)", "tức là 5%": a restatement
_EQUIVALENT = re.compile(
    r"(?:tương đương|tương ứng|tức là|quy đổi(?: ra)?|khoảng chừng)\s*(?:với\s+)?"
    r"(?:khoảng|trên|hơn|gần|từ|đạt)?\s*$",
    re.IGNORECASE,
)
# "so với năm 2020": the year a growth is counted from
_BASE_YEAR = re.compile(r"so với (?:năm\s+)?((?:19|20)\d\d)", re.IGNORECASE)
# "giai đoạn 2021–2025": the period a figure sums or averages
_PERIOD = re.compile(
    r"(?:giai đoạn|thời kỳ)\s+(?:19|20)\d\d\s*[-–]\s*((?:19|20)\d\d)", re.IGNORECASE
)
# "Theo số liệu thống kê, …": figures read from statistics are results
_STATISTICS = re.compile(r"theo (?:số liệu )?thống kê|số liệu thống kê", re.IGNORECASE)


def is_equivalent(text: str, start: int, clause_start: int) -> bool:
    """Whether the figure at ``start`` restates the one before it in another unit."""
    return bool(_EQUIVALENT.search(text, max(clause_start, start - 30), start))


def reports_past(
    text: str, clause_start: int, start: int, year: int | None, reference: date | None
) -> bool:
    """Whether the figure at ``start`` (its sentence or clause from ``clause_start``, its
    ``year``) reports what was reached by the text's date ``reference`` rather than setting a
    goal."""
    head = text[clause_start:start]
    if INTENT.search(head):
        return False
    if _STATISTICS.search(head):
        return True
    if reference is None:
        return False
    base = list(_BASE_YEAR.finditer(head))
    if base and int(base[-1].group(1)) < reference.year:
        return True  # growth since a past year: "so với năm 2020, … tăng khoảng 47%"
    period = list(_PERIOD.finditer(head))
    if period and int(period[-1].group(1)) <= reference.year and re.search(r"\bđạt\b", head):
        return True  # "bình quân giai đoạn 2021–2025 đạt 8%" written at the period's end
    return year is not None and year < reference.year
