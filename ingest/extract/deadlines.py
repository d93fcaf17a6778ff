"""Deadlines of tasks as written in prose: a date, month, quarter or year, a day and month that
take the year of the text ("trước ngày 30/6"), or a recurring due date ("hằng năm")."""

from __future__ import annotations

import re

_DEADLINE = re.compile(
    r"(?:trước|chậm nhất|hoàn thành trong|trong|vào|cuối|đến)\s+(?:ngày\s+(\d{1,2})/(\d{1,2})/"
    r"(\d{4})|"
    r"tháng\s+(\d{1,2})/(\d{4})|quý\s+([IV]{1,3})/(\d{4})|(?:cuối\s+)?năm\s+(\d{4}))",
    re.IGNORECASE,
)
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
# A recurring due date: "trước ngày 15/12 hằng năm", "định kỳ hằng năm", "định kỳ 6 tháng".
_RECURRING = re.compile(
    r"(?:(?:trước|vào|chậm nhất(?:\s+là)?)\s+ngày\s+\d{1,2}\s*/\s*\d{1,2}(?!\s*/\s*\d)\s+)?"
    r"(?:định kỳ\s+)?(?:h[ằà]ng|mỗi)\s+(?:năm|quý|tháng|tuần)"
    r"|định kỳ(?:\s+\d+\s+tháng)?",
    re.IGNORECASE,
)


def deadline_of(task: str, year: int | None = None) -> tuple[str | None, str | None]:
    """The first deadline phrase of a task, as (YYYY[-MM[-DD]] | YYYY-Qn, as written). A day
    and month with no year ("trước ngày 30/6") take ``year``, the year of the text's date."""
    match = _DEADLINE.search(task)
    if not match:
        short = _DAY_MONTH.search(task) if year else None
        if short is None:
            return None, None
        day, month = int(short.group(1)), int(short.group(2))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None, None
        return f"{year}-{month:02d}-{day:02d}", short.group()
    g = match.groups()
    if g[0]:
        value = f"{g[2]}-{int(g[1]):02d}-{int(g[0]):02d}"
    elif g[3]:
        value = f"{g[4]}-{int(g[3]):02d}"
    elif g[5]:
        value = f"{g[6]}-Q{_QUARTERS[g[5].upper()]}"
    else:
        value = g[7]
    return value, match.group()


_DAY_MONTH = re.compile(
    r"(?:trước|chậm nhất(?:\s+là)?|vào|hoàn thành trước|trong)\s+ngày\s+(\d{1,2})\s*/\s*(\d{1,2})"
    r"(?!\s*/\s*\d)(?![\d])",
    re.IGNORECASE,
)


_DAY_WITHOUT_YEAR = re.compile(
    r"(?:trước|vào|chậm nhất(?:\s+là)?)\s+ngày\s+\d{1,2}\s*/\s*\d{1,2}(?!\s*/\s*\d)", re.IGNORECASE
)


def recurrence_of(task: str) -> str | None:
    """The recurring due date of a task, as written ("trước ngày 15/12 hằng năm"; "định kỳ hằng
    năm … trước ngày 15/12" gives both phrases), or None."""
    match = _RECURRING.search(task)
    if not match:
        return None
    day = _DAY_WITHOUT_YEAR.search(task)
    if day and not (match.start() <= day.start() < match.end()):
        return f"{match.group()}, {day.group()}"
    return match.group()
