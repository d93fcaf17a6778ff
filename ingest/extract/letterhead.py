"""Letterheads: "ỦY BAN NHÂN DÂN / TỈNH X / Số: 142/KH-UBND … X, ngày … / KẾ HOẠCH / <title>"
give the source's own document its number, date, issuer and title; and a document's scope."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ingest.extract.context import ExtractionContext
from ingest.extract.document_identity import HEAD_NOUNS, NATIONAL_SERIES, series_of
from ingest.extract.document_mentions import Mention
from ingest.extract.sentences import Span, sentence_at
from ingest.model import DocumentFact, DocumentRef
from ingest.resolve import find_agencies, find_places

# Words that make a clause local: the document is the province's.
_LOCAL_CLAUSE = re.compile(
    r"trên địa bàn (?:tỉnh|thành phố)|của (?:tỉnh|địa phương)\b|toàn tỉnh|cấp tỉnh", re.IGNORECASE
)


# "Số: 142/KH-UBND", also a cell of a letterhead laid out as a table ("Số: 139/KH-UBND |", the
# date in the next cell) or the number on the line under "Số:"
LETTERHEAD_NUMBER = re.compile(
    r"^[ \t|]*Số[ \t]*:?[ \t]*\n?[ \t]*(\d[^\s|]*)(?=[ \t]*(?:\|[^\n]*)?$)", re.MULTILINE
)


PLACE_DATE = re.compile(
    r"(?:^|\|)[ \t]*[A-ZĐ][^\n,|]{1,40},\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
    re.MULTILINE,
)


_MOTTO = re.compile(r"CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|ĐẢNG CỘNG SẢN|^[\s*\-–_]*$")


_IMPLEMENTING_TITLE = re.compile(
    r"^(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá)\s", re.IGNORECASE
)


LETTERHEAD_WINDOW = 1500

_AUTHORITY_LINE = re.compile(
    r"[ \t#*]*(?:ỦY BAN|UỶ BAN|CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|BAN THƯỜNG VỤ|BAN CHẤP HÀNH"
    r"|HỘI ĐỒNG NHÂN DÂN|CHÍNH PHỦ\s*$)"
)


def apply_letterhead(
    text: str, facts: list[DocumentFact], mentions: list[Mention], context: ExtractionContext
) -> None:
    """Complete the document a source *is* from its letterhead: issuer (the body named above
    "Số: …"), date ("X, ngày 14 tháng 3 năm 2025"), title (the type line and the lines under it)
    and, when the title opens with "Thực hiện …", the document it implements."""
    number_line = LETTERHEAD_NUMBER.search(text, 0, LETTERHEAD_WINDOW)
    if not number_line:
        return
    written = number_line.group(1).replace(" ", "")
    fact = next((f for f in facts if f.ref.number and f.ref.number in written), None)
    if fact is None:
        return
    head_lines = [
        line.strip()
        for line in text[: number_line.start()].splitlines()
        if line.strip() and not _MOTTO.search(line)
    ]
    bodies = find_agencies(" ".join(head_lines), context.catalogue, context.province)
    if bodies:  # the body above its number issues it, whatever a sentence of the text says
        fact.issuer = bodies[-1].ref
    date_line = PLACE_DATE.search(text, number_line.end(), number_line.end() + 400)
    if date_line:  # its own date line, not a date some sentence of the text quotes
        fact.issued = _read_date_parts(*date_line.groups()) or fact.issued
    after = date_line.end() if date_line else number_line.end()
    head, words, title_start, title_end = letterhead_title(text, after)
    if head and words:
        written_title = words if _capitals(words) else f"{words[0].lower()}{words[1:]}"
        fact.ref = replace(fact.ref, title=f"{head} {written_title}")
        if _IMPLEMENTING_TITLE.match(words):
            for mention in mentions:
                if title_start <= mention.start < title_end and mention.key != fact.ref.key:
                    ref = DocumentRef(mention.key, mention.doc_type, mention.number, mention.title)
                    if ref.key not in [d.key for d in fact.implements]:
                        fact.implements.append(ref)
                    break
    fact.status = fact.status or "adopted"
    if fact.issuer and fact.issuer.province and not fact.scope:
        fact.scope = fact.issuer.province


def date_from_letterhead(text: str, mentions: list[Mention]) -> None:
    """The number under a letterhead is dated by the "X, ngày … tháng … năm …" line beside it."""
    number_line = LETTERHEAD_NUMBER.search(text, 0, LETTERHEAD_WINDOW)
    if not number_line:
        return
    date_line = PLACE_DATE.search(text, number_line.end(), number_line.end() + 400)
    written = number_line.group(1).replace(" ", "")
    for mention in mentions:
        if date_line and mention.number and mention.number in written:
            mention.issued = _read_date_parts(*date_line.groups()) or mention.issued


def _read_date_parts(day: str, month: str, year: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def letterhead_title(text: str, position: int) -> tuple[str | None, str, int, int]:
    """ "KẾ HOẠCH\nThực hiện Nghị quyết …": the head noun ("Kế hoạch"), the words under it and
    their span; (None, "", 0, 0) when no type line follows the letterhead."""
    none: tuple[str | None, str, int, int] = (None, "", 0, 0)
    type_line = _TYPE_LINE.search(text, position, position + 300)
    if not type_line:
        return none
    wanted = type_line.group(1).strip().lower()
    head = next((h for h, _, _ in HEAD_NOUNS if h.lower() == wanted), None)
    block = re.match(r"[^\n]+(?:\n[^\n]+)*", text[type_line.end() :])
    if head is None or not block or block.group().strip().startswith(("-", "*", "Căn cứ")):
        return none
    lines = [line for line in block.group().splitlines() if not _MOTTO.search(line)]
    if lines and _capitals(lines[0]):  # a title in capitals ends where the capitals end, or
        # at the authority that enacts it ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI" above "Căn cứ …")
        lines = lines[
            : next(
                (
                    i
                    for i, line in enumerate(lines)
                    if not _capitals(line) or (i and _enacting_authority(lines[i - 1], line))
                ),
                None,
            )
        ]
    words = " ".join(line.strip(" \t#*|") for line in lines)
    end = block.group().find(lines[-1]) + len(lines[-1]) if lines else 0
    return head, words, type_line.end(), type_line.end() + end


def _enacting_authority(previous: str, line: str) -> bool:
    """ "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI" alone under a decision's title, not a title line that goes
    on with a body ("… NGÀY 18/3/2024 CỦA / BAN THƯỜNG VỤ TỈNH ỦY THỰC HIỆN …")."""
    return (
        bool(_AUTHORITY_LINE.match(line))
        and len(line.strip()) <= 60
        and not _GOES_ON.search(previous)
        and not _GOES_ON_WORDS.search(line)
    )


_GOES_ON = re.compile(r"(?:CỦA|VỀ|VÀ|THỰC HIỆN|,)\s*$")
_GOES_ON_WORDS = re.compile(r"\b(?:THỰC HIỆN|VỀ|NGÀY)\b")


def _capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


_TYPE_LINE = re.compile(r"\n[ \t#*]*([A-ZĐÀ-Ỹ ]{4,40}?)[ \t*]*\n")


def scope_of(
    mention: Mention, context: ExtractionContext, text: str, spans: list[Span]
) -> str | None:
    """The territory a document covers: the nation for a national issuer or series (…/TW,
    …/NQ-CP); a provincial issuer's province; else the source's province when the text marks
    the document as local (its title or its clause says "tỉnh", "trên địa bàn tỉnh", "của địa
    phương"), or when it is a provincial series number (…/KH-UBND, …-CTr/TU)."""
    if mention.issuer and mention.issuer.level == "national":
        return "viet-nam"
    if mention.issuer and mention.issuer.province:
        return mention.issuer.province
    series = series_of(mention.number)
    if series in NATIONAL_SERIES:
        return "viet-nam"
    named = _province_in_title(mention, context)
    if named:
        return named
    if context.national_source:
        return "viet-nam"
    if not context.province:
        return None
    if series:
        return context.province
    if mention.title and re.search(r"tỉnh|địa phương|trên địa bàn", mention.title):
        return context.province
    if _LOCAL_CLAUSE.search(_clause_after(text, spans, mention)):
        return context.province
    return None


def _province_in_title(mention: Mention, context: ExtractionContext) -> str | None:
    """ "Đề án Vùng đổi mới sáng tạo Bình Dương", "Quyết định thành lập Ban chỉ đạo" (the
    province's): the province a title names, or the province of the provincial body it names."""
    if not mention.title:
        return None
    nations = {p.key for p in context.catalogue.places.values() if p.is_nation}
    for _, _, place in find_places(mention.title, context.catalogue):
        if place not in nations:
            return place
    for found in find_agencies(mention.title, context.catalogue, context.province):
        if found.ref.resolved and found.ref.level == "provincial" and found.ref.province:
            return found.ref.province
    return None


def _clause_after(text: str, spans: list[Span], mention: Mention) -> str:
    """From the mention to the end of its clause (a ";" or the end of the sentence)."""
    sentence = sentence_at(spans, mention.start)
    end = sentence.end if sentence else min(len(text), mention.end + 200)
    clause = text[mention.start : end]
    return clause.split(";", 1)[0].split("(", 1)[0]
