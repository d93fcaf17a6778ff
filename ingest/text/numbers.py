"""Vietnamese numbers and quantities: ``2.500`` = 2500, ``7,5`` = 7.5, ``hơn 943 tỉ đồng``.

In Vietnamese the dot groups thousands and the comma marks decimals. A lone dot followed by exactly
three digits (``2.500``) is read as thousands; any other lone dot (``2.5``) as a decimal point.
Values are kept as written: ``943 tỉ đồng`` is 943 with unit ``tỉ đồng`` (the unit holds the
magnitude).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.text.dates import find_dates

NUMBER = r"\d+(?:[.,]\d+)*"
_NUMBER_AT_START = re.compile(rf"\s*([-+]?)({NUMBER})")


@dataclass(frozen=True)
class Quantity:
    """A number in a text with what qualifies it; ``[start, end)`` covers comparator to unit."""

    start: int
    end: int
    value: float
    upper_value: float | None  # the Y of a range "X - Y"
    unit: str | None  # normalised: "%", "% GDP", "%/năm", "tỉ đồng", "kỹ sư", "người/vạn dân"
    comparator_word: str | None  # as written: "khoảng", "trên", "≥", "từ … trở lên"
    comparator: str = "eq"  # gt | gte | eq | approx | lt | lte | range


def parse_number(text: str) -> float | None:
    """The number at the start of ``text`` in Vietnamese notation, or None (``"2,6 lần"`` → 2.6)."""
    match = _NUMBER_AT_START.match(text)
    if not match:
        return None
    value = _number_value(match.group(2))
    if value is None:
        return None
    return -value if match.group(1) == "-" else value


def _number_value(token: str) -> float | None:
    """Read one digits-and-separators token; None where the grouping makes no sense (``1.2.3``)."""
    separators = [char for char in token if char in ".,"]
    if not separators:
        return float(token)
    groups = re.split(r"[.,]", token)
    if len(set(separators)) == 2:
        decimal = separators[-1]
        thousands = "." if decimal == "," else ","
        if separators.count(decimal) != 1 or token.rindex(decimal) < token.rindex(thousands):
            return None
        integer, fraction = token.split(decimal)
        if not _thousand_groups(integer.split(thousands)):
            return None
        return float(integer.replace(thousands, "") + "." + fraction)
    separator = separators[0]
    if len(separators) > 1:  # 1.500.000 (or 1,500,000)
        return float("".join(groups)) if _thousand_groups(groups) else None
    if separator == "." and len(groups[1]) == 3 and groups[0] != "0":
        return float("".join(groups))  # 2.500
    return float(groups[0] + "." + groups[1])  # 7,5 and the ambiguous 2.5


def _thousand_groups(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:])


# Comparator words before a number, longest first; each maps to a comparator code.
_COMPARATOR_WORDS: dict[str, str] = {
    "không vượt quá": "lte",
    "không quá": "lte",
    "tối đa": "lte",
    "không dưới": "gte",
    "không ít hơn": "gte",
    "tối thiểu": "gte",
    "ít nhất": "gte",
    "nhiều hơn": "gt",
    "cao hơn": "gt",
    "vượt": "gt",
    "trên": "gt",
    "hơn": "gt",
    "xấp xỉ": "approx",
    "khoảng": "approx",
    "gần": "approx",
    "chừng": "approx",
    "thấp hơn": "lt",
    "ít hơn": "lt",
    "dưới": "lt",
    "đạt": "eq",
    "bằng": "eq",
    "từ": "gte",
    ">=": "gte",
    "≥": "gte",
    "<=": "lte",
    "≤": "lte",
    ">": "gt",
    "<": "lt",
    "≈": "approx",
    "~": "approx",
    "=": "eq",
}
_COMPARATOR = "|".join(re.escape(word) for word in sorted(_COMPARATOR_WORDS, key=len, reverse=True))

# Units as written (lowercase; regex) → normalised spelling.
_UNIT_SPELLINGS: tuple[tuple[str, str], ...] = (
    (r"nghìn tỉ đồng|nghìn tỷ đồng|ngàn tỉ đồng|ngàn tỷ đồng", "nghìn tỉ đồng"),
    (r"tỉ đồng|tỷ đồng", "tỉ đồng"),
    (r"triệu đồng", "triệu đồng"),
    (r"nghìn đồng|ngàn đồng", "nghìn đồng"),
    (r"đồng", "đồng"),
    (r"tỉ usd|tỷ usd|tỉ đô la|tỷ đô la", "tỉ USD"),
    (r"triệu usd", "triệu USD"),
    (r"usd", "USD"),
    (r"kỹ sư|kĩ sư", "kỹ sư"),
    (r"nhà khoa học", "nhà khoa học"),
    (r"trung tâm dữ liệu", "trung tâm dữ liệu"),
    (r"doanh nghiệp", "doanh nghiệp"),
    (r"tổ chức", "tổ chức"),
    (r"chuyên gia", "chuyên gia"),
    (r"cán bộ", "cán bộ"),
    (r"sinh viên", "sinh viên"),
    (r"học sinh", "học sinh"),
    (r"giáo viên", "giáo viên"),
    (r"người", "người"),
    (r"sản phẩm", "sản phẩm"),
    (r"sáng chế", "sáng chế"),
    (r"công bố", "công bố"),
    (r"bài báo", "bài báo"),
    (r"đề tài", "đề tài"),
    (r"nhiệm vụ", "nhiệm vụ"),
    (r"dự án", "dự án"),
    (r"đề án", "đề án"),
    (r"sáng kiến", "sáng kiến"),
    (r"giải pháp", "giải pháp"),
    (r"phòng", "phòng"),
    (r"trường", "trường"),
    (r"cơ sở", "cơ sở"),
    (r"trung tâm", "trung tâm"),
    (r"phòng thí nghiệm", "phòng thí nghiệm"),
    (r"lượt", "lượt"),
    (r"hồ sơ", "hồ sơ"),
    (r"thủ tục", "thủ tục"),
    (r"dịch vụ", "dịch vụ"),
    (r"lần", "lần"),
    (r"tuyến", "tuyến"),
    (r"tbps", "Tbps"),
    (r"ha|hecta|héc-ta", "ha"),
    (r"km2|km²", "km²"),
    (r"km", "km"),
    (r"mw", "MW"),
)
_UNIT_WORDS_BY_LENGTH = "|".join(
    sorted((w for pattern, _ in _UNIT_SPELLINGS for w in pattern.split("|")), key=len, reverse=True)
)
_PER = r"\s*/\s*(?:vạn dân|nghìn dân|1\.?000 dân|100\.?000 dân|năm|người|km2|km²)"
_PERCENT_SUFFIX = r"\s*/\s*năm|\s+GDP|\s+dân số|\s+tổng chi NSNN"
_QUANTITY = re.compile(
    rf"(?:(?<!\w)(?P<cmp>{_COMPARATOR})\s*)?"
    rf"(?<![\w.,/])(?P<num>[-+]?{NUMBER})(?P<pct1>\s?%(?=\s*(?:-|–|—|đến|tới)\s*\d))?"
    rf"(?:\s*(?:-|–|—|đến|tới)\s*(?P<num2>{NUMBER}))?"
    rf"(?:(?P<pct>\s?%(?:{_PERCENT_SUFFIX})?)"
    rf"|\s+(?P<unit>(?:{_UNIT_WORDS_BY_LENGTH})(?:{_PER})?)(?!\w))?"
    rf"(?P<after>\s+trở lên|\s+trở xuống)?"
    rf"(?![\w]|[.,]\d)",
    re.IGNORECASE,
)
_YEAR_WORDS = re.compile(r"(?:năm|giai đoạn|quý|số|khóa|khoá|lần thứ|thứ|kỳ|đợt|phiên)\s*$", re.I)
_DOCUMENT_NUMBER_AFTER = re.compile(r"\s*[-/]\s*[A-ZĐ]")


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` in order; numbers in dates and document numbers are skipped."""
    date_spans = [(mention.start, mention.end) for mention in find_dates(text)]
    quantities: list[Quantity] = []
    for match in _QUANTITY.finditer(text):
        number_start = match.start("num")
        if any(start <= number_start < end for start, end in date_spans):
            continue
        if _YEAR_WORDS.search(text, max(0, number_start - 12), number_start):
            continue
        if match.group("num2") is None and _DOCUMENT_NUMBER_AFTER.match(text, match.end("num")):
            continue
        quantity = _quantity(match)
        if quantity is not None:
            quantities.append(quantity)
    return quantities


def _quantity(match: re.Match[str]) -> Quantity | None:
    value = parse_number(match.group("num"))
    upper = _number_value(match.group("num2")) if match.group("num2") else None
    if value is None or (match.group("num2") and upper is None):
        return None
    unit = _unit(match)
    if upper is not None and unit is None and _looks_like_years(value, upper):
        return None  # "2021-2030" is a period, not a range of values
    word = match.group("cmp")
    comparator = _COMPARATOR_WORDS[word.lower()] if word else "eq"
    after = (match.group("after") or "").strip().lower()
    if upper is not None:
        comparator = "range"
    elif after == "trở lên":
        comparator = "gte"
    elif after == "trở xuống":
        comparator = "lte"
    if after:
        word = f"{word} … {after}" if word else after
    return Quantity(match.start(), match.end(), value, upper, unit, word, comparator)


def _unit(match: re.Match[str]) -> str | None:
    if match.group("pct") or match.group("pct1"):
        suffix = re.sub(r"\s+", " ", (match.group("pct") or "").strip().lstrip("%")).strip()
        if suffix.startswith("/"):
            return "%/năm"
        return f"% {suffix}" if suffix else "%"
    written = match.group("unit")
    if not written:
        return None
    head, _, per = re.sub(r"\s+", " ", written).partition("/")
    unit = _canonical_unit(head.strip())
    return f"{unit}/{per.strip()}" if per else unit


def _canonical_unit(written: str) -> str:
    lowered = written.lower()
    for pattern, canonical in _UNIT_SPELLINGS:
        if lowered in pattern.split("|"):
            return canonical
    return lowered


def _looks_like_years(value: float, upper: float) -> bool:
    return all(number.is_integer() and 1900 <= number <= 2100 for number in (value, upper))
