"""What is written around a document's naming: its date, issuer, draft status, period and vision
("Kế hoạch số 12/KH-UBND ngày 5/3/2025 của UBND tỉnh …", "Ngày …, UBND tỉnh X đã ban hành …")."""

from __future__ import annotations

import re
from datetime import date

from ingest.extract.context import ExtractionContext
from ingest.extract.document_identity import HEAD
from ingest.extract.document_mentions import Mention
from ingest.extract.sentences import Span
from ingest.resolve import find_agencies

_DATE_AFTER = re.compile(
    r"\s*,?\s*\(?\s*(?:được\s+)?(?:ban hành\s+)?(?:ngày\s+)"
    r"(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+"
    r"(\d{4}))\)?",
    re.IGNORECASE,
)


_DATE_ANYWHERE = re.compile(
    r"(?:ngày|Ngày)\s+(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+tháng\s+"
    r"(\d{1,2})\s+năm\s+(\d{4}))"
)


_AFTER_A_NUMBER = re.compile(r"\d[\w.-]*/[\w/.-]*\s*,?\s*$")

_ISSUER_AFTER = re.compile(r"\s*,?\s*(?:của|do)\s+(?=[A-ZĐ])")


_PERIOD = re.compile(r"giai đoạn\s+((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)", re.IGNORECASE)


_VISION = re.compile(r"tầm nhìn\s+(?:đến\s+)?(?:năm\s+)?((?:20|21)\d\d)", re.IGNORECASE)


def read_date(match: re.Match[str]) -> date | None:
    groups = match.groups()
    day, month, year = (
        (groups[0], groups[1], groups[2]) if groups[0] else (groups[3], groups[4], groups[5])
    )
    try:
        return date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def attach_details(
    text: str, mention: Mention, context: ExtractionContext, inner_at_end: bool = False
) -> None:
    """Date, issuer, status and period written around a mention.

    When the mention's title ends with another document ("kế hoạch thực hiện Nghị quyết 57"),
    the date and issuer written after it ("…, ngày 22/12/2024 của Bộ Chính trị") are that
    document's, not this one's."""
    after = mention.end
    date_match = None if inner_at_end else _DATE_AFTER.match(text, after)
    if date_match:
        mention.issued = read_date(date_match)
        after = date_match.end()
    issuer_match = None if inner_at_end else _ISSUER_AFTER.match(text, after)
    if issuer_match:
        found = find_agencies(
            text[issuer_match.end() : issuer_match.end() + 120], context.catalogue, context.province
        )
        if found and found[0].start == 0:
            mention.issuer = found[0].ref
            mention.issuer_phrase = found[0].ref.name
            after = issuer_match.end() + found[0].end
            if not mention.issued:
                date_match = _DATE_AFTER.match(text, after)
                if date_match:
                    mention.issued = read_date(date_match)
    if mention.carries_out and not mention.issuer and mention.title:
        # "Chương trình hành động của Chính phủ thực hiện …": the body after "của" issues it
        body = re.search(r"\scủa\s+(?=[A-ZĐ])", mention.title)
        found = (
            find_agencies(mention.title[body.end() :], context.catalogue, context.province)
            if body
            else []
        )
        if found and found[0].start == 0:
            mention.issuer = found[0].ref
            mention.issuer_phrase = found[0].ref.name
    before = text[max(0, mention.start - 15) : mention.start]
    if re.search(r"dự thảo\s+(?:sửa đổi\s+)?$", before, re.IGNORECASE):
        mention.draft = True
    span = mention.title or ""
    period = _PERIOD.search(span)
    if period:
        mention.period = (int(period.group(1)), int(period.group(2)))
    vision = _VISION.search(span)
    if vision:
        mention.vision = int(vision.group(1))


def issued_before(text: str, sentence: Span, mention: Mention, context: ExtractionContext) -> None:
    """ "Ngày 25 tháng 3 năm 2022, UBND tỉnh X đã ban hành <mention>": date and issuer before."""
    head = text[sentence.start : mention.start]
    if not re.search(r"ban hành\s*$", head):
        return
    agencies = find_agencies(head, context.catalogue, context.province)
    if agencies and not mention.issuer:
        mention.issuer = agencies[-1].ref
    date_match = next(
        (m for m in _DATE_ANYWHERE.finditer(head) if _dates_the_issuing(head, m)), None
    )
    if date_match and not mention.issued:
        mention.issued = read_date(date_match)


def _dates_the_issuing(head: str, date_match: re.Match[str]) -> bool:
    """A date dates the issuing unless it is in the clause naming another document ("Thực hiện
    Nghị quyết số 57-NQ/TW ngày 22/12/2024 …, UBND ban hành": that one's date) or another
    document is named between it and the verb."""
    before = head[: date_match.start()]
    if _AFTER_A_NUMBER.search(before):  # "… 709/QĐ-TTg ngày 23/7/2024": that one's date
        return False
    heads = list(HEAD.finditer(before))
    if heads and not re.search(r"[,;]", before[heads[-1].end() :]):
        return False
    return not HEAD.search(head, date_match.end())


def ends_with_inner(mention: Mention, mentions: list[Mention]) -> bool:
    """True when another document is named at the very end of this mention's span."""
    return any(
        other is not mention and mention.start < other.start and other.end >= mention.end - 1
        for other in mentions
        if not other.anaphor and other.start < mention.end
    )
