"""The year a target is set for: written after the figure ("45% (năm 2025)"), before it in the
sentence ("năm 2026 đạt …", "giai đoạn 2021-2025"), or given by the section heading ("Đến năm
2030"); a figure summed or averaged over a period has no single year.
"""

from __future__ import annotations

import re

from ingest.extract.sentences import Span, paragraphs
from ingest.extract.structure import DocumentTree
from ingest.text.numbers import Quantity

_SECTION_GOAL = re.compile(r"mục tiêu|tầm nhìn|chỉ tiêu", re.IGNORECASE)
_HEADING = re.compile(
    r"^(?:#+\s*|\*\*)?(?:[IVX]{1,5}[.\-–]|\(?\d{1,2}[.)]|\(?[a-zđ][.)])\s", re.IGNORECASE
)
# "(1) Về xây dựng và phát triển chính quyền số, đến năm 2025:": a numbered heading that ends
# with a colon introduces the list under it, whatever its length
_LIST_HEADING = re.compile(r".*(?:đến|tới) năm\s+(?:20|21)\d\d\s*:\s*$", re.IGNORECASE)
# "90% hồ sơ … (năm 2030 đạt 100%)": the later level of the same item, with its own year
_PAIRED = re.compile(
    r"\(\s*(?:(?:đến|tới|vào)\s+)?năm\s+((?:19|20)\d\d)\s*(?:đạt|là|:)?\s*"
    r"(?:(?:tỷ|tỉ) lệ\s+)?(?:tối thiểu|ít nhất|trên|khoảng)?\s*$",
    re.IGNORECASE,
)
# "45% (năm 2025)", "khoảng 30% GDP vào năm 2030": the year written right after the figure
_YEAR_AFTER = re.compile(
    r"\s*(?:\(\s*(?:năm\s+)?((?:19|20)\d\d)\s*\)|vào\s+năm\s+((?:19|20)\d\d)\b)"
)
# "… từ năm học 2025–2026" closing the figure's clause: the goal holds from that school year
_SCHOOL_YEAR_AFTER = re.compile(
    r"[^.;:()]{0,120}?\btừ năm học\s+((?:19|20)\d\d)(?:\s*[-–]\s*(?:19|20)\d\d)?"
)
# "90% người dân … được xác nhận … trên nền tảng VNeID trong năm 2026.": a year closing the
# figure's clause (no other figure, no comparison base "so với năm" between) is the figure's
_CLAUSE_YEAR_AFTER = re.compile(
    r"(?:(?!so với|\d|;|\.\s|\(|…)[^\n])+?\s(?:trong|vào|đến|tới)(?:\s+(?:hết|cuối))?\s+năm\s+"
    r"((?:19|20)\d\d)\b(?!\s*[-–/]\s*\d)(?=\s*(?:[.;]|$))",
    re.IGNORECASE | re.MULTILINE,
)
# "… cho 100% công dân trước ngày 1-7-2021.": a deadline closing the figure's clause gives its year
_DEADLINE_AFTER = re.compile(
    r"(?:(?!so với|;|\.\s|\(|…)[^\n\d])*?\s(?:trước|đến|trong)\s+"
    r"(?:(?:ngày\s+)?\d{1,2}\s*[-/.]\s*\d{1,2}|tháng\s+\d{1,2})\s*[-/.]\s*((?:19|20)\d\d)\b"
    r"(?=\s*(?:[.;]|$))",
    re.IGNORECASE | re.MULTILINE,
)
# "… tối thiểu 60% hồ sơ …, trong đó ít nhất 20% …, hoàn thành trước 30/7/2025.": a deadline
# closing the sentence after a comma is the date every figure of the sentence is due by
_SENTENCE_DEADLINE = re.compile(
    r",\s*(?:và\s+)?(?:phải\s+)?hoàn thành\s+(?:trước|đến|trong|chậm nhất)\s+"
    r"(?:(?:ngày\s+)?\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*|(?:tháng|quý)\s+(?:\d{1,2}|[IV]{1,3})"
    r"\s*(?:[-/.]\s*|năm\s+)|năm\s+)((?:19|20)\d\d)\b\s*[.;]?\s*$",
    re.IGNORECASE,
)


def sentence_deadline(sentence_text: str) -> int | None:
    """The year of the deadline a sentence closes with (", hoàn thành trước 30/7/2025."): due
    for every figure of the sentence, and for the list the next paragraphs go on with."""
    match = _SENTENCE_DEADLINE.search(sentence_text)
    return int(match.group(1)) if match else None


# What a figure over a period sums or averages ("bình quân", "tổng kim ngạch", "%/năm"): the
# period sets no single year; a level stated for a period ("giai đoạn 2020 – 2025, kinh tế số
# sẽ chiếm 20% GDP") is the level at its end.
_OVER_PERIOD = re.compile(r"bình quân|trung bình|tổng|tăng trưởng|lũy kế|cộng dồn|mỗi năm|hằng năm",
                          re.IGNORECASE)  # fmt: skip
# "Vốn đầu tư … giai đoạn 2026-2030 đạt hơn 710 nghìn tỷ đồng": a sum of money over a period
# (no rate per head or per year) is a total, not a level reached at its end
_AMOUNT = re.compile(r"(?:đồng|USD)$", re.IGNORECASE)
# "mục tiêu cơ bản là đến 2025, bao gồm: …": "đến"/"tới" gives the year without "năm"
_YEAR_BEFORE = re.compile(
    r"(?<!\()(?:(?:năm(?: học)?|giai đoạn|\b(?:đến|tới)(?=\s+20\d\d\b))\s+"
    r"|tháng\s+\d{1,2}\s*/\s*)((?:19|20)\d\d)"
    r"(?:\s*[-–]\s*((?:19|20)\d\d))?"
)


def sections(text: str) -> dict[int, tuple[bool, int | None]]:
    """For each paragraph start: whether it lies in a goals section, and that section's year."""
    state: tuple[bool, int | None] = (False, None)
    result = {}
    for paragraph in paragraphs(text):
        line = paragraph.of(text)
        short = len(line.split()) <= 16
        year = re.search(r"(?:đến|tới) năm\s+((?:20|21)\d\d)", line, re.IGNORECASE)
        if short and _SECTION_GOAL.search(line):
            state = (True, int(year.group(1)) if year else None)
        elif short and year and _opens_year_list(line, state[0]):
            state = (True, int(year.group(1)))
        elif short and _HEADING.match(line):
            state = (False, None)
        result[paragraph.start] = state
    return result


def _opens_year_list(line: str, in_goals: bool) -> bool:
    """Whether a short line with a year heads the list under it: a short heading or line in a
    goals section, or a numbered heading ending with a colon."""
    heading = bool(_HEADING.match(line))
    return ((in_goals or heading) and len(line.split()) <= 8) or (
        heading and bool(_LIST_HEADING.match(line))
    )


def paired_year(text: str, sentence_start: int, at: int) -> int | None:
    """The year of a figure written as an item's later level, "(năm 2030 đạt 100%)"."""
    opening = text.rfind("(", sentence_start, at)
    if opening < 0 or ")" in text[opening:at]:
        return None
    match = _PAIRED.match(text, opening, at)
    return int(match.group(1)) if match else None


def year_of(
    text: str, quantity: Quantity, sentence: Span, section_year: int | None, end: int, unit: str
) -> tuple[int | None, int]:
    paired = paired_year(text, sentence.start, quantity.start)
    if paired:
        return paired, end
    after = _YEAR_AFTER.match(text, end)
    if after:
        return int(after.group(1) or after.group(2)), after.end()
    school = _SCHOOL_YEAR_AFTER.match(text, end)
    if school:  # "100% cơ sở giáo dục … sử dụng học bạ số từ năm học 2025–2026"
        return int(school.group(1)), end
    closing = _CLAUSE_YEAR_AFTER.match(text, end) or _DEADLINE_AFTER.match(text, end)
    if closing:  # "phấn đấu 90% người dân … trên nền tảng VNeID trong năm 2026"
        return int(closing.group(1)), end
    deadline = sentence_deadline(text[end : sentence.end])
    if deadline and ";" not in text[end : sentence.end]:
        return deadline, end
    before = list(_YEAR_BEFORE.finditer(text, sentence.start, quantity.start))
    if before:
        last = before[-1]
        is_period = last.group(0).lower().startswith("giai đoạn") and last.group(2)
        # "mục tiêu … cụ thể các giai đoạn 2025-2030 như: …", "trong giai đoạn 2026 - 2027, Bộ
        # phấn đấu 100% …": a level stated for a period is due by its end; a figure summed or
        # averaged over it ("bình quân giai đoạn 2026-2030 đạt trên 10%/năm") has no single year
        if is_period:
            span = text[max(sentence.start, last.start() - 80) : quantity.start]
            if "/năm" in (unit or "") or _OVER_PERIOD.search(span) or _AMOUNT.search(unit or ""):
                return None, end
            return int(last.group(2)), end
        return int(last.group(1)), end
    listed = _list_year(text, quantity.start, sentence)
    return (listed if listed is not None else section_year), end


# "đã đặt ra 6 mục tiêu cụ thể (Tỷ trọng KTS đạt 20% GDP; …) và 11 mục tiêu … đến năm 2025"
_LIST_OPEN = re.compile(r"(?:mục tiêu|chỉ tiêu)[^()]{0,80}\($", re.IGNORECASE)
_YEAR_LATER = re.compile(r"[^()]{0,120}?(?:đến|tới)\s+(?:hết\s+)?năm\s+((?:19|20)\d\d)",
                         re.IGNORECASE)  # fmt: skip


def _list_year(text: str, at: int, sentence: Span) -> int | None:
    """The year written after the brackets holding a list of targets ("… mục tiêu cụ thể (…)
    … đến năm 2025"): the year of every figure the brackets hold, or None."""
    opening = text.rfind("(", sentence.start, at)
    if opening < 0 or ")" in text[opening:at]:
        return None
    if not _LIST_OPEN.search(text, sentence.start, opening + 1):
        return None
    closing = text.find(")", at, sentence.end)
    later = _YEAR_LATER.match(text, closing + 1, sentence.end) if closing >= 0 else None
    return int(later.group(1)) if later else None


# "UBND tỉnh vừa ban hành kế hoạch về chuyển đổi số, … năm 2024", "Phê duyệt Đề án chuyển đổi số
# năm 2025": a plan for one year, named with its year where a text opens
# "Theo Quyết định số 792/QĐ-BCT …, kế hoạch chuyển đổi số năm 2025 của Bộ … đặt mục tiêu …":
# the plan as the subject of a clause after the decision that adopted it
_YEAR_PLAN = re.compile(
    r"(?:^|,\s*|(?:ban hành|phê duyệt|ký|triển khai|thông qua)\s+)"
    r"(?:kế hoạch|đề án|chương trình)\b"
    r"([^.;\n]{0,200}?)\bnăm\s+((?:20|21)\d\d)\b(?!\s*[-–]\s*\d)",
    re.IGNORECASE | re.MULTILINE,
)
# Words that make the year another document's, a date's or a horizon's, not the plan's own
_NOT_PLAN_YEAR = re.compile(
    r"\b(?:ngày|tháng|đến|tới|giai đoạn|từ|nghị quyết|quyết định|chỉ thị|kết luận|luật|thông báo)"
    r"\b|\d{4}|\bnăm\b",
    re.IGNORECASE,
)
_OPENING_PARAGRAPHS = 3


def plan_year(text: str) -> int | None:
    """The year of a year plan the text opens with ("… vừa ban hành kế hoạch về chuyển đổi số …
    năm 2024", the headline "Phê duyệt Đề án chuyển đổi số năm 2025"): the year every target of
    the plan has unless the text gives it another. None when the opening names no such plan."""
    for paragraph in paragraphs(text)[:_OPENING_PARAGRAPHS]:
        for match in _YEAR_PLAN.finditer(text, paragraph.start, paragraph.end):
            if not _NOT_PLAN_YEAR.search(match.group(1)):
                return int(match.group(2))
    return None


def tree_section(tree: DocumentTree | None, offset: int) -> tuple[bool, int | None]:
    """Whether a numbered heading enclosing ``offset`` in the document tree heads goals ("1.1.
    Mục tiêu cơ bản đến năm 2025" over "a) Về chuyển đổi số …" and its "- 100% …" items), and
    the year the nearest enclosing heading states: a sub-heading under a goals heading keeps
    the goals and their year, as the flat reading by paragraphs cannot tell."""
    if tree is None:
        return False, None
    goals = any(
        not (node.start <= offset < node.heading_end)
        and _SECTION_GOAL.search(node.heading(tree.text))
        for node in tree.sections_at(offset)
    )
    year = tree.year_at(offset) if goals else None
    return goals, year[0] if year else None
