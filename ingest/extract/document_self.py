"""The text's own document and what refers back to it.

An official text is the document its letterhead numbers ("Số: 145/KH-UBND"); a legal-text site
repeats the number in its heading ("Kế hoạch 145/KH-UBND năm 2025 …") and metadata ("Số hiệu |
145/KH-UBND"). Inside the text, "Kế hoạch này" and "UBND tỉnh ban hành Kế hoạch … như sau" are
that same document, not new ones; "Quyết định số 923/QĐ-TTg … ban hành Kế hoạch …" or "Nghị quyết
03/NQ-CP về Chương trình hành động …" name a document issued inside another: it is part of it.
"""

from __future__ import annotations

import re

from ingest.extract.document_mentions import Mention
from ingest.extract.sentences import Span, sentence_at

_NUMBER_LINES = (
    re.compile(r"^[|*#\s]*Số\s*:?\s*(\d[^\s|*]*)", re.MULTILINE),  # the letterhead
    re.compile(r"^[|*\s]*Số hiệu\s*[:|]\s*([^\s|*]+)", re.MULTILINE),  # a legal site's metadata
)
_FULL_TEXT_OF = re.compile(r"\btoàn văn\s+", re.IGNORECASE)  # a headline giving a text in full
_OWN_WINDOW = 2500  # the letterhead, a site's heading and metadata all sit in the first lines

# "… ban hành Kế hoạch …", "… xây dựng Kế hoạch triển khai thực hiện như sau"
_MAKES = re.compile(r"(?:ban hành|xây dựng)\s+$", re.IGNORECASE)
_ISSUES = re.compile(r"ban hành\s+$", re.IGNORECASE)
_MAKES_NEAR = 20  # how far before a naming its verb is looked for
_AS_FOLLOWS = re.compile(r"[^.;\n]{0,160}?(?:như sau|với (?:các )?nội dung)", re.IGNORECASE)
_THIS = re.compile(r"\s+này\b")

# "<numbered document> (ngày …) (của <body>) ban hành / sửa đổi, bổ sung / về <document>": the
# second is issued inside (or updated by) the first.
_ISSUED_BY = re.compile(
    r"(?:\s*,?\s*(?:ngày|năm)\s+[\d/.-]+)?(?:\s+tháng\s+\d+\s+năm\s+\d{4})?"
    r"(?:\s*,?\s*của\s+[^,;()\n]{2,60}?)?\s+"
    r"(?:ban hành|phê duyệt|sửa đổi,?\s*bổ sung(?:,?\s*cập nhật)?|"
    r"về(?:\s+việc)?(?:\s+(?:ban hành|phê duyệt))?)\s*[“\"]?\s*$",
    re.IGNORECASE,
)
# "Quyết định 1710/QĐ-BYT ngày 05/04/2023 Kế hoạch hành động …": the act, its date, its title
_PAGE_TOP = 300
_TITLED_ACT = re.compile(r"\s+(?:ngày\s+\d{1,2}/\d{1,2}/\d{4}\s+)?")
_NUMBER_AFTER_TITLE = re.compile(r"\s+số\s+$")  # "Luật Tổ chức Quốc hội số 57/2014/QH13"
# a law's number may follow its title bare: "Luật Công nghệ thông tin 67/2006/QH11"
_NUMBER_AFTER_LAW = re.compile(r"\s+(?:số\s+)?$")
_LAW_TITLE = re.compile(r"(?:Bộ\s+)?Luật\s", re.IGNORECASE)
# "Kế hoạch thực hiện Nghị quyết số 03/NQ-CP": the number is the second document's, not the title's
_ANOTHER_DOCUMENT = re.compile(
    r"\b(?:thực hiện|triển khai|về|của|theo|tại|ban hành|kèm theo|cụ thể hóa|và|với)\b"
)
_ALIAS_OPEN = re.compile(r"\s*\(\s*(?:sau đây\s+)?(?:gọi|viết)?\s*(?:tắt\s+)?(?:là\s+)?$", re.I)
_AMENDS = re.compile(r"sửa đổi|bổ sung|cập nhật", re.IGNORECASE)
_HOSTS = ("Resolution", "Decision")
_ISSUED_KINDS = ("ActionProgramme", "Programme", "Plan", "Project")
# "Quyết định số 411/QĐ-TTg … phê duyệt Chiến lược quốc gia …": a strategy or regulation a
# decision approves is part of that decision
_ISSUED_OTHER = re.compile(r"[“\"]?(?:Chiến lược|Quy định|Quy chế)\b")


def own_mention(text: str, mentions: list[Mention]) -> Mention | None:
    """The mention of the document the text is: the number of its letterhead or its site's
    metadata, else a number on the text's first line."""
    numbered = [m for m in mentions if m.number and not m.anaphor]
    for pattern in _NUMBER_LINES:
        line = pattern.search(text, 0, _OWN_WINDOW)
        if line:
            written = re.sub(r"\s+", "", line.group(1))
            found = next((m for m in numbered if m.number.replace(" ", "") in written), None)
            if found is not None:
                return found
    first_line_end = text.find("\n")
    first_line_end = len(text) if first_line_end < 0 else first_line_end
    full_text = _FULL_TEXT_OF.search(text, 0, first_line_end)
    if full_text:  # "… trân trọng giới thiệu toàn văn Nghị quyết số 11-NQ/TU …": the page is it
        found = next((m for m in numbered if 0 <= m.start - full_text.end() < 5), None)
        if found is not None:
            return found
    return next((m for m in numbered if m.start < first_line_end and m.start < 40), None)


def number_titles(text: str, mentions: list[Mention]) -> None:
    """One document named by title and number: "Luật Tổ chức Quốc hội số 57/2014/QH13", and
    "Thông báo số 56/TB-VPCP Kết luận Phiên họp …" (the number, then the title)."""
    numbered = [m for m in mentions if m.number and not m.anaphor]
    for mention in mentions:
        if not mention.title or mention.number or mention.anaphor:
            continue
        for other in numbered:
            digits = re.search(r"\d", text[other.start : other.end])
            at = other.start + digits.start() if digits else other.start
            if mention.start < at <= mention.end + 6 and other.start > mention.start:
                after = _NUMBER_AFTER_LAW if _LAW_TITLE.match(mention.title) else None
                cut = (after or _NUMBER_AFTER_TITLE).search(text, mention.start, at)
                words = text[mention.start : cut.start()] if cut else ""
                if words and "\n" not in words.strip() and not _ANOTHER_DOCUMENT.search(words):
                    mention.title = " ".join(text[mention.start : cut.start()].split())
                    mention.number = other.number
                    break
            elif other.end < mention.start and re.fullmatch(r" +", text[other.end : mention.start]):
                mention.number = other.number
                break


def number_news_subject(text: str, mentions: list[Mention]) -> None:
    """A news text with no letterhead names the document it reports twice: "Tỉnh ủy Nghệ An ban
    hành Kế hoạch quán triệt …" (headline) and "… ký ban hành Kế hoạch số 305-KH/TU …" (body).
    Where exactly one numbered document of a type is "ban hành", the unnumbered ones of that
    type said to be "ban hành", and the one the headline opens with, are that document."""
    issued = [
        m
        for m in mentions
        if not m.anaphor and _ISSUES.search(text[max(0, m.start - _MAKES_NEAR) : m.start])
    ]
    for doc_type in {m.doc_type for m in issued if m.number}:
        numbers = {m.number for m in issued if m.doc_type == doc_type and m.number}
        if len(numbers) != 1:
            continue
        number = next(iter(numbers))
        headline_end = text.find("\n") if "\n" in text else len(text)
        headline = [m for m in mentions if m.start < headline_end and not m.anaphor]
        for mention in issued + headline[:1]:  # the headline's document is the one issued
            if mention.doc_type == doc_type and not mention.number and mention.title:
                mention.number = number


def alias_short_namings(text: str, mentions: list[Mention]) -> None:
    """ "Đề án phát triển ứng dụng dữ liệu về dân cư … (Đề án 06)": the short form in brackets
    after a document of its type names that document, there and wherever the text uses it."""
    aliases: dict[tuple[str, str], str] = {}
    for index, mention in enumerate(mentions):
        if not mention.short_number or mention.number or index == 0:
            continue
        known = aliases.get((mention.doc_type, mention.short_number))
        if known:
            mention.key = known
            continue
        opening = _ALIAS_OPEN.search(text, 0, mention.start)
        if opening is None or opening.start() < mention.start - 40:
            continue
        earlier = [
            m
            for m in mentions[:index]
            if m.key
            and not m.anaphor
            and m.doc_type == mention.doc_type
            and m.end <= opening.start()
        ]
        if earlier and earlier[-1].end >= opening.start() - 160:
            mention.key = earlier[-1].key
            aliases[(mention.doc_type, mention.short_number)] = mention.key


def fold_self_references(
    text: str,
    spans: list[Span],
    mentions: list[Mention],
    own: Mention,
    opening_end: int,
    title_start: int | None = None,
) -> None:
    """Give the text's own key to the namings that are the text itself: its title line ("THÔNG
    BÁO KẾT LUẬN …"), "Kế hoạch này", and a document of its type that a body "ban hành"/"xây
    dựng" in the opening or "như sau"."""
    for mention in mentions:
        if mention is own or mention.number:
            continue
        if title_start is not None and mention.start == title_start and not mention.anaphor:
            mention.key = own.key
            continue
        if mention.doc_type != own.doc_type:
            continue
        if mention.anaphor:
            if _THIS.match(text, mention.end):
                mention.key = own.key
            continue
        if not _MAKES.search(text[max(0, mention.start - _MAKES_NEAR) : mention.start]):
            continue
        sentence = sentence_at(spans, mention.start) or Span(mention.start, mention.end)
        if _issuing_document(text, mention, mentions, sentence) is not None:
            continue  # "Quyết định 923/QĐ-TTg … ban hành Kế hoạch …": another document's
        if mention.start < opening_end or _AS_FOLLOWS.match(text, mention.end):
            mention.key = own.key


def link_issued_inside(text: str, spans: list[Span], mentions: list[Mention]) -> None:
    """An unnumbered programme or plan that a numbered resolution or decision issues or is about
    is part of it; one it updates ("sửa đổi, bổ sung") stays part of the act that issued it. Both
    ways the resolution carries out what the programme carries out."""
    for mention in mentions:
        if mention.anaphor or mention.number or not mention.key:
            continue
        if mention.doc_type not in _ISSUED_KINDS and not _ISSUED_OTHER.match(mention.title or ""):
            continue
        sentence = sentence_at(spans, mention.start) or Span(mention.start, mention.end)
        host = _issuing_document(text, mention, mentions, sentence)
        if host is None:
            continue
        if _AMENDS.search(text, host.end, mention.start):
            mention.updated_by = mention.updated_by or host
        elif mention.part_of is None:
            mention.part_of = host
        for carried in mention.implements:
            if carried.key not in (host.key, *[m.key for m in host.implements]):
                host.implements.append(carried)


def _issuing_document(
    text: str, mention: Mention, mentions: list[Mention], sentence: Span
) -> Mention | None:
    """The numbered resolution or decision just before ``mention`` that issues it."""
    before = [
        m
        for m in mentions
        if m.key and not m.anaphor and sentence.start <= m.start and m.end <= mention.start
    ]
    if not before:
        return None
    host = before[-1]
    if not host.number or host.doc_type not in _HOSTS:
        return None
    if _ISSUED_BY.fullmatch(text, host.end, mention.start):
        return host
    # a site's page title at the top: "<act> ngày … <title>" on one line
    headline = host.start < _PAGE_TOP and "\n" not in text[host.start : mention.start]
    return host if headline and _TITLED_ACT.fullmatch(text, host.end, mention.start) else None
