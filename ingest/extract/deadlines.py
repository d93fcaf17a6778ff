"""Deadlines of tasks as written in prose: a date, month, quarter or year, a day and month or a
month alone that take the year of the text ("trước ngày 30/6", "trong tháng 7"), or a recurring
due date ("hằng năm")."""

from __future__ import annotations

import re

_DEADLINE = re.compile(
    r"(?:trước|chậm nhất|hoàn thành trong|trong|vào|cuối|đến)\s+(?:"
    r"ngày\s+(?P<d>\d{1,2})(?:/|\s+tháng\s+)(?P<dm>\d{1,2})(?:/|\s+năm\s+)(?P<dy>\d{4})"
    r"|tháng\s+(?P<m>\d{1,2})(?:/|\s+năm\s+)(?P<my>\d{4})"
    r"|quý\s+(?P<q>[IV]{1,3}|[1-4])(?:/|\s+năm\s+)(?P<qy>\d{4})"
    r"|(?:cuối\s+)?năm\s+(?P<y>\d{4}))",
    re.IGNORECASE,
)
# "Quy hoạch … đến năm 2025, tầm nhìn đến năm 2030": the period of a plan named, not a due date
_HORIZON = re.compile(r"\s*,?\s*(?:tầm nhìn|định hướng)(?:\s+đến)?\s+năm\s+\d{4}", re.IGNORECASE)


def _horizon(task: str, match: re.Match[str]) -> bool:
    """Whether a year is a named plan's period ("đến năm 2025, tầm nhìn đến năm 2030")."""
    before = task[max(0, match.start() - 12) : match.start()]
    named = task[max(0, match.start() - 120) : match.start()]
    return bool(
        _HORIZON.match(task, match.end())
        or re.search(r"(?:tầm nhìn|định hướng)\s*$", before)
        or (match.group().lower().startswith("đến") and _PLAN_NAMED.search(named))
        or (match.group().lower().startswith("đến") and _PERIOD_FROM.search(named))
    )


# "từ năm 2012 đến năm 2020": the period a task covers, not its due date
_PERIOD_FROM = re.compile(r"từ\s+(?:năm\s+)?\d{4}\s*$", re.IGNORECASE)


# "sửa đổi Chiến lược phát triển Khoa học và công nghệ tỉnh Sơn La đến năm 2020": the named
# plan's period (a capitalised plan, no punctuation between it and "đến năm")
_PLAN_NAMED = re.compile(r"(?:Chiến lược|Quy hoạch|Chương trình|Đề án|Kế hoạch)\s[^,;.()]*$")


# "quý II/2026" or "quý 2/2026"
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# A recurring due date: "trước ngày 15/12 hằng năm", "định kỳ hằng năm", "định kỳ 6 tháng".
_RECURRING = re.compile(
    r"(?:(?:trước|vào|chậm nhất(?:\s+là)?)\s+ngày\s+\d{1,2}\s*/\s*\d{1,2}(?!\s*/\s*\d)\s+)?"
    r"(?:định kỳ\s+)?(?:h[ằà]ng|mỗi)\s+(?:năm|quý|tháng|tuần)"
    r"|định kỳ(?:\s+\d+\s+tháng)?",
    re.IGNORECASE,
)


# "từ tháng 11/2016 - 10/2018", "từ tháng 11/2016 đến tháng 10/2018": a span of months, due at
# its end
_MONTH_SPAN = re.compile(
    r"từ\s+tháng\s+\d{1,2}\s*/\s*\d{4}\s*(?:-|–|đến)\s*(?:tháng\s+)?(?P<m>\d{1,2})\s*/\s*"
    r"(?P<y>\d{4})",
    re.IGNORECASE,
)


def span_end(phrase: str) -> tuple[str | None, str | None]:
    """The end of a span of months a task is given ("từ tháng 11/2016 - 10/2018": 2018-10), as
    (YYYY-MM, as written), or (None, None)."""
    span = _MONTH_SPAN.search(phrase)
    if span is None or not 1 <= int(span.group("m")) <= 12:
        return None, None
    return f"{span.group('y')}-{int(span.group('m')):02d}", span.group()


def deadline_of(task: str, year: int | None = None) -> tuple[str | None, str | None]:
    """The first deadline phrase of a task, as (YYYY[-MM[-DD]] | YYYY-Qn, as written). A day
    and month with no year ("trước ngày 30/6") take ``year``, the year of the text's date; a
    span of months is due at its end."""
    match = next((m for m in _DEADLINE.finditer(task) if not _horizon(task, m)), None)
    if not match and _MONTH_SPAN.search(task):
        return span_end(task)
    if not match:
        short = _DAY_MONTH.search(task) if year else None
        quarter = _QUARTER_ONLY.search(task) if year and short is None else None
        if quarter is not None:
            return f"{year}-Q{_QUARTERS[quarter.group(1).upper()]}", quarter.group()
        if short is None:
            month = _MONTH_ONLY.search(task) if year else None
            if month is None or not 1 <= int(month.group(1)) <= 12:
                return None, None
            return f"{year}-{int(month.group(1)):02d}", month.group()
        day, month = int(short.group(1)), int(short.group(2))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None, None
        return f"{year}-{month:02d}-{day:02d}", short.group()
    g = match.groupdict()
    if g["d"]:
        value = f"{g['dy']}-{int(g['dm']):02d}-{int(g['d']):02d}"
    elif g["m"]:
        value = f"{g['my']}-{int(g['m']):02d}"
    elif g["q"]:
        value = f"{g['qy']}-Q{_QUARTERS[g['q'].upper()]}"
    else:
        value = g["y"]
    return value, match.group()


_DAY_MONTH = re.compile(
    r"(?:trước|chậm nhất(?:\s+là)?|vào|hoàn thành trước|trong)\s+ngày\s+(\d{1,2})\s*/\s*(\d{1,2})"
    r"(?!\s*/\s*\d)(?![\d])",
    re.IGNORECASE,
)


# "trong tháng 7", "trước tháng 10": a month with no year takes the text's year.
_MONTH_ONLY = re.compile(
    r"(?:trước|chậm nhất(?:\s+là)?|trong|vào|cuối|đến)\s+tháng\s+(\d{1,2})"
    r"(?![\d])(?!\s*(?:/|-|năm\s+\d))",
    re.IGNORECASE,
)


# "(hoàn thành trong quý I)": a quarter with no year takes the text's year.
_QUARTER_ONLY = re.compile(
    r"(?:trước|chậm nhất(?:\s+là)?|trong|vào|cuối|hết)\s+quý\s+([IV]{1,3})(?![\w])"
    r"(?!\s*(?:/|-|năm\s+\d))",
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


# "trình … trong tháng 6/2012", "trước ngày 30/6/2025": a due date written with its year
_DATED_DEADLINE = re.compile(
    r"(?:trước|chậm nhất(?:\s+là)?|hoàn thành trong|trong|vào)\s+(?:ngày\s+\d{1,2}\s*/\s*)?"
    r"tháng\s+\d{1,2}\s*/\s*(\d{4})|(?:trước|chậm nhất(?:\s+là)?|vào)\s+ngày\s+\d{1,2}\s*/"
    r"\s*\d{1,2}\s*/\s*(\d{4})",
    re.IGNORECASE,
)


def deadline_year(text: str) -> int | None:
    """The year of a text with no date of its own, as its first due date written with a year
    gives it ("trình … trong tháng 4 này" beside "trong tháng 6/2012": 2012); None if none."""
    found = _DATED_DEADLINE.search(text)
    return int(found.group(1) or found.group(2)) if found else None
