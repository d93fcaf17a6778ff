"""The unit of a target's figure: a percentage of a named whole ("30% GRDP"), a counted noun
("2.500 kỹ sư", "405 phòng STEM-Lab", "20 tổ chức, doanh nghiệp"), and what is no count at all
("lần thứ 2", "Nghị quyết 57", "5 nhiệm vụ trọng tâm" of the plan's own agenda).
"""

from __future__ import annotations

import re

from ingest.text.numbers import Quantity

# "30% GRDP", "3% tổng chi ngân sách", "từ 3-4% tổng số đảng viên;": a share of a named whole,
# the unit says which (a total count "tổng số …" as the whole when it closes the clause)
SHARE_OF = re.compile(
    r"\s*(GRDP|GDP|tổng chi ngân sách|ngân sách"
    r"|tổng số(?:\s+[^\W\d_]+){1,3}(?=\s*(?:[;.,)]|$)))(?![\w])",
    re.IGNORECASE | re.MULTILINE,
)
NOT_A_COUNT_BEFORE = re.compile(
    r"(?:thứ|lần thứ|số|Nghị quyết|Đề án|Quyết định|Chương trình|Kế hoạch|công nghiệp|Công nghiệp|"
    r"đề án|phiên|khóa|khoá|lớp|Mô hình|mô hình|đại diện(?: cho)?|\d[/.-])\s*$"
)
# "xác định 5 nhiệm vụ trọng tâm", "tập trung triển khai 9 nhiệm vụ trọng tâm": the count of a
# plan's own headings (tasks, solutions, breakthroughs) describes the plan, it is no target
OWN_AGENDA = re.compile(
    r"[\d.,]+\s*(?:nhóm\s+)?(?:nhiệm vụ|giải pháp|đột phá)"
    r"\s+(?:trọng tâm|đột phá|chủ yếu|trọng yếu|then chốt|chiến lược)",
    re.IGNORECASE,
)
# The kinds of local administrative unit counted together as one set ("94 xã, phường, thị
# trấn", "12 huyện, thị xã, thành phố", "3 huyện/thành phố"): the whole list is the unit
ADMINISTRATIVE_UNITS = (
    "xã, phường, thị trấn",
    "xã, phường",
    "huyện, thị xã, thành phố",
    "huyện, thành phố",
    "huyện/thành phố",
    "huyện/thị xã/thành phố",
    "huyện, thị xã",
)
TIME_UNITS = {"năm", "tháng", "ngày", "lần", "giờ", "tuần", "quý", "đề án", "nghị quyết", "kỳ"}
# Nouns that count things in plans, longest first: the unit of a count ("2.500 kỹ sư"; the
# health services a population is served by, "30 giường bệnh/vạn dân", "10 bác sĩ/vạn dân").
_COUNT_NOUNS = sorted(
    """người dân|kỹ sư|kĩ sư|cử nhân|thạc sĩ|tiến sĩ|lao động|phòng thí nghiệm|câu lạc bộ|đảng viên|
    lượt khách|lượt người|bộ thiết bị|trung tâm|doanh nghiệp|tổ chức|sinh viên|học sinh|giáo viên|
    nhà khoa học|chuyên gia|sản phẩm|bài báo|sáng chế|giường bệnh|bác sĩ|dược sĩ|điều dưỡng|
    công trình|dự án|đề tài|nhiệm vụ|người|trường|phòng|bộ|cơ sở|điểm|hộ|lượt|thiết bị|mô hình|khu|
    vườn ươm|đô thị thông minh|đô thị|
    xã|huyện|cán bộ|công chức|viên chức|tập đoàn|startup|nền tảng|hệ thống|cơ sở dữ liệu|
    tỉ đồng|tỷ đồng|triệu đồng|nghìn tỷ đồng|USD|triệu USD|tỷ USD|ha|km""".replace("\n", "").split(
        "|"
    )
    + list(ADMINISTRATIVE_UNITS),
    key=len,
    reverse=True,
)
_COUNT_NOUN = re.compile(
    r"\s+((?:(?:nghìn|triệu)\s+)?(?:"
    + "|".join(re.escape(n.strip()) for n in _COUNT_NOUNS)
    + r"))(?![\w])"
    r"((?:,\s*|\s+)(?:"
    + "|".join(re.escape(n.strip()) for n in _COUNT_NOUNS)
    + r")(?![\w]))?(\s+[A-ZĐ][\w]*-[\w-]+)?",
    re.IGNORECASE,
)
# Kinds of organisation listed together as one counted set ("20 tổ chức, doanh nghiệp").
_ORGANISATION_NOUNS = {"tổ chức", "doanh nghiệp", "cơ sở", "đơn vị", "trường", "viện", "tập đoàn"}


# "… công nghệ số/1.000 dân": the population a count is per, after the counted noun's qualifier
_PER_POPULATION = re.compile(
    r"((?:\s+[^\W\d_][\w]*){0,4})\s*/\s*((?:1\.?000|10\.?000|100\.?000|một vạn|vạn|nghìn)\s*dân)\b"
)


def count_unit(text: str, quantity: Quantity) -> tuple[str | None, int]:
    """The counted noun after a number ("1.500 lao động", "405 phòng STEM-Lab"), and its end."""
    number_end = quantity.end
    if quantity.unit:
        unit_start = text.lower().rfind(quantity.unit.lower(), quantity.start, quantity.end)
        number_end = unit_start if unit_start > quantity.start else quantity.end
    match = _COUNT_NOUN.match(
        text, number_end - (1 if text[number_end - 1 : number_end] == " " else 0)
    )
    if not match:
        return quantity.unit, quantity.end
    unit = match.group(1)
    rate = quantity.unit if quantity.unit and "/" in quantity.unit else ""
    same_noun = rate.split("/")[0].strip().lower() == unit.lower()
    if rate and same_noun and not match.group(2) and not match.group(3):
        return rate, quantity.end  # "94 triệu đồng/năm": the rate as written
    per = _PER_POPULATION.match(text, match.end())
    if per:  # "0,7 doanh nghiệp công nghệ số/1.000 dân": a count per so many people
        return f"{unit}/{per.group(2)}", match.end()
    second = (match.group(2) or "").strip(" ,").lower()
    if second and second != unit.lower() and {unit.lower(), second} <= _ORGANISATION_NOUNS:
        unit += match.group(2)
    if match.group(3):
        unit += match.group(3)
    return unit, match.end()


# "85% dân số từ 15 tuổi trở lên có tài khoản …": the population is what is counted, not a whole
_POPULATION = re.compile(r"%\s*dân số$")


def whole_of(text: str, q: Quantity, unit: str | None, end: int) -> tuple[str | None, int]:
    """The unit of a figure with the whole it is a share of or the population it is counted per
    ("30% GRDP", "3% tổng chi ngân sách", "11 người/vạn dân"), and where that unit ends.

    "% dân số" in prose opens the noun phrase of who is counted ("85% dân số từ 15 tuổi …"): the
    unit is "%" and the words from "dân số" are the indicator's, as the gold format writes it."""
    if unit and _POPULATION.fullmatch(unit.strip()):
        population = text.rfind("dân số", q.start, end)
        return "%", population if population > 0 else end
    share_of = SHARE_OF.match(text, end) if unit == "%" else None
    if share_of:  # "30% GRDP": a share of the product, the unit the gold and indicators use
        whole = share_of.group(1)
        unit = f"% {whole.upper() if whole.lower() in ('gdp', 'grdp') else whole.lower()}"
        return unit, share_of.end()
    per_time = re.match(r"/\s*(năm|tháng|ngày)\b", text[end : end + 10]) if unit else None
    if unit and "/" in unit and per_time:  # "350 USD/người/năm": a rate per person per year
        return f"{unit}/{per_time.group(1)}", end + per_time.end()
    per_people = re.match(r"\s*(?:trên|/)\s*(?:một\s+|1\s+)?vạn dân", text[end : end + 20])
    if unit == "người" and per_people:
        return "người/vạn dân", end + per_people.end()
    return unit, end
