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
    re.compile(r"^[|*#\s]*Số\s*:\s*([^\s|*]+)", re.MULTILINE),  # the letterhead
    re.compile(r"^[|*\s]*Số hiệu\s*[:|]\s*([^\s|*]+)", re.MULTILINE),  # a legal site's metadata
)
_OWN_WINDOW = 2500  # the letterhead, a site's heading and metadata all sit in the first lines

# "… ban hành Kế hoạch …", "… xây dựng Kế hoạch triển khai thực hiện như sau"
_MAKES = re.compile(r"(?:ban hành|xây dựng)\s+$", re.IGNORECASE)
_AS_FOLLOWS = re.compile(r"[^.;\n]{0,160}?(?:như sau|với (?:các )?nội dung)", re.IGNORECASE)
_THIS = re.compile(r"\s+này\b")

# "<numbered document> (ngày …) (của <body>) ban hành / sửa đổi, bổ sung / về <document>": the
# second is issued inside (or updated by) the first.
_ISSUED_BY = re.compile(
    r"(?:\s*,?\s*(?:ngày|năm)\s+[\d/.-]+)?(?:\s+tháng\s+\d+\s+năm\s+\d{4})?"
    r"(?:\s*,?\s*của\s+[^,;()\n]{2,60}?)?\s+"
    r"(?:ban hành|sửa đổi,?\s*bổ sung(?:,?\s*cập nhật)?|về(?:\s+việc)?(?:\s+ban hành)?)\s+$",
    re.IGNORECASE,
)
_HOSTS = ("Resolution", "Decision")
_ISSUED_KINDS = ("ActionProgramme", "Programme", "Plan", "Project")


def own_mention(text: str, mentions: list[Mention]) -> Mention | None:
    """The mention of the document the text is: the number of its letterhead or its site's
    metadata, else a number on the text's first line."""
    numbered = [m for m in mentions if m.number and m.key and not m.anaphor]
    for pattern in _NUMBER_LINES:
        line = pattern.search(text, 0, _OWN_WINDOW)
        if line:
            written = re.sub(r"\s+", "", line.group(1))
            found = next((m for m in numbered if m.number.replace(" ", "") in written), None)
            if found is not None:
                return found
    first_line_end = text.find("\n")
    first_line_end = len(text) if first_line_end < 0 else first_line_end
    return next((m for m in numbered if m.start < first_line_end and m.start < 40), None)


def fold_self_references(
    text: str, spans: list[Span], mentions: list[Mention], own: Mention, opening_end: int
) -> None:
    """Give the text's own key to the namings that are the text itself: "Kế hoạch này", and a
    document of its type that a body "ban hành"/"xây dựng" in the opening or "như sau"."""
    for mention in mentions:
        if mention is own or mention.doc_type != own.doc_type or mention.number:
            continue
        if mention.anaphor:
            if _THIS.match(text, mention.end):
                mention.key = own.key
            continue
        if not _MAKES.search(text[max(0, mention.start - 20) : mention.start]):
            continue
        sentence = sentence_at(spans, mention.start) or Span(mention.start, mention.end)
        if _issuing_document(text, mention, mentions, sentence) is not None:
            continue  # "Quyết định 923/QĐ-TTg … ban hành Kế hoạch …": another document's
        if mention.start < opening_end or _AS_FOLLOWS.match(text, mention.end):
            mention.key = own.key


def link_issued_inside(text: str, spans: list[Span], mentions: list[Mention]) -> None:
    """An unnumbered programme or plan that a numbered resolution or decision issues, updates or
    is about is part of it, and the resolution carries out what the programme carries out."""
    for mention in mentions:
        if mention.anaphor or mention.number or not mention.key:
            continue
        if mention.doc_type not in _ISSUED_KINDS:
            continue
        sentence = sentence_at(spans, mention.start) or Span(mention.start, mention.end)
        host = _issuing_document(text, mention, mentions, sentence)
        if host is None:
            continue
        if mention.part_of is None:
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
    return host if _ISSUED_BY.fullmatch(text, host.end, mention.start) else None
