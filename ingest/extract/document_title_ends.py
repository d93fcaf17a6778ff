"""Where a document's title ends: at a clause boundary, a reporting verb, a date or a bracket,
and where an amending law's title runs on through the laws it amends."""

from __future__ import annotations

import re

from ingest.extract.document_identity import HEAD_PATTERN

TITLE_END = re.compile(
    r"\s*[.;:!?](?:\s|$)|\n|,\s*ngày\s|\s+ngày\s+\d|\s+(?:của|do)\s+(?=[A-ZĐ])|\s+(?:đã|được|sẽ"
    r"|nhằm|để|với tổng|"
    r"đặt|cũng|là|có|mà|tại hội nghị|tại phiên họp|thời gian qua|trong thời gian)[\s,]|,\s*(?:đồng"
    r" thời|trong đó|nhằm|"
    r"với|bảo đảm|đảm bảo|góp phần|thứ)\s|\s+và\s+(?:việc|các|những|(?=(?i:(?:dự thảo\s+)?(?:"
    + HEAD_PATTERN
    + r"))\s))|\s+\((?![A-ZĐ&0-9]+\))"
    r"|\s*\""
    r"|\s+(?:thực hiện\s+|triển khai\s+)?như sau"
    # "… vừa được UBND tỉnh ban hành" (not "doanh nghiệp vừa và nhỏ")
    r"|\s+vừa\s+(?=được|ban hành|ký|phê duyệt|thông qua|công bố)"
    # a reporting verb after the name: "Nghị quyết Đại hội, nhất trí …", "… xác định mục tiêu"
    r"|,?\s+(?:nhất trí|xác định|thông qua|đề ra|nêu rõ|khẳng định|nhấn mạnh)\s"
)

_DANGLING_DATE = re.compile(r"\s+ngày$")
_AMENDING = re.compile(r"sửa đổi,?\s*bổ sung(?:\s+một số điều)?$", re.IGNORECASE)
_OF_LAWS = re.compile(r"\s+của\s+(?:Bộ\s+)?Luật\s", re.IGNORECASE)
_AMENDED_END = re.compile(r"\s+ngày\s+\d|[;:]|\.(?:\s|$)|\n\s*\n|\(")
VERB_END = re.compile(r"\s+(?:vừa|đã|được|sẽ|đặt|cũng|là|có|mà)[\s,]")
SUBJECT_CLAUSE = re.compile(r",\s*\w+(?:\s+\w+)?$")  # "… giai đoạn 2022-2025, tỉnh" (đã đề ra)


def title_after(text: str, position: int, limit: int) -> tuple[str | None, int, bool]:
    """The title following a head noun: a quoted one, or words up to a boundary."""
    quoted = re.match(r'\s*"([^"\n]{3,200})"', text[position:limit])
    if quoted:
        return quoted.group(1).strip(), position + quoted.end(), True
    end_match = TITLE_END.search(text, position, limit)
    end = end_match.start() if end_match else limit
    if end_match and VERB_END.match(text, end):  # "… giai đoạn 2022-2025, tỉnh đã đề ra"
        subject = SUBJECT_CLAUSE.search(text, position, end)
        if subject and text[subject.start() + 1 : end].strip()[:1].islower():
            end = subject.start()
    words = text[position:end].split()
    if len(words) > 40:
        end = position + len(" ".join(text[position:end].split(" ")[:41]))
    title = text[position:end].strip(" ,-")
    dangling = _DANGLING_DATE.search(title)
    if dangling:  # "Luật Tổ chức chính quyền địa phương ngày\n19 tháng 6 …": the line broke
        title = title[: dangling.start()]
        end = position + len(text[position:end].rstrip(" ,-")) - len(dangling.group())
        return (title or None), end, False
    return (title or None), position + len(text[position:end].rstrip(" ,-")), False


def amended_laws(text: str, title: str, end: int) -> tuple[str, int] | None:
    """ "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền
    địa phương": an amending law's title goes on through the laws it amends (they are named in
    it, not cited), line breaks included, up to its date or the end of the clause."""
    if not _AMENDING.search(title) or not _OF_LAWS.match(text, end):
        return None
    stop = _AMENDED_END.search(text, end, end + 300)
    stop_at = stop.start() if stop else min(len(text), end + 300)
    return " ".join(f"{title}{text[end:stop_at]}".split()), stop_at
