"""Meetings: which body met, when, who chaired, which drafts it approved or discussed.

News of meetings says "phiên họp (lần) thứ hai của Ban Chỉ đạo …", "Hội nghị …"; the date comes as
"Ngày 24/2" or "Sáng 23/4" (year from the source's date); the chair as "… chủ trì (phiên họp)"
or "do ông X … chủ trì"; decisions as "đã thông qua dự thảo …" and "cho ý kiến … dự thảo".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from ingest.extract.context import ExtractionContext
from ingest.extract.documents import find_mentions
from ingest.extract.sentences import Span, sentences
from ingest.model import AgencyRef, DocumentRef, MeetingFact, SourceText
from ingest.resolve import find_agencies

_ORDINALS = {
    "nhất": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
_MEETING = re.compile(
    r"(?:phiên họp|cuộc họp|Phiên họp|Hội nghị|hội nghị)(?:\s+(?:lần\s+)?thứ\s+(\w+))?|họp phiê"
    r"n thứ\s+(\w+)"
)
_DAY = re.compile(
    r"(?:^|\b)(?:Ngày|Sáng|sáng|Chiều|chiều|Tối|tối|(?<=, )ngày)\s+(\d{1,2})\s*[/-]\s*(\d{1,2})"
    r"(?:\s*[/-]\s*(\d{4}))?"
)
_CHAIR = re.compile(
    r"(?:do\s+)?(?:ông|bà|đồng chí)\s+((?:[A-ZĐ][\w]*\s?){2,4}),\s*([^.;]{3,160}?)\s+(?:tiếp tụ"
    r"c\s+)?chủ trì"
)
_APPROVED = re.compile(r"thông qua\s+(?:các\s+)?dự thảo", re.IGNORECASE)
_DISCUSSED = re.compile(
    r"(?:cho ý kiến|thảo luận|góp ý|đóng góp ý kiến)[^.]{0,60}?dự thảo", re.IGNORECASE
)


def _session_number(word: str | None) -> int | None:
    if not word:
        return None
    return int(word) if word.isdigit() else _ORDINALS.get(word.lower())


def _held_on(text: str, reference: date | None) -> date | None:
    match = _DAY.search(text)
    if not match:
        return None
    day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
    year_value = int(year) if year else (reference.year if reference else None)
    if year_value is None:
        return None
    try:
        return date(year_value, month, day)
    except ValueError:
        return None


def extract(source: SourceText, context: ExtractionContext) -> Iterable[MeetingFact]:
    """Meetings a text reports as held; later sentences about "the meeting" add chair and drafts."""
    text = source.normalised
    mentions = [m for m in find_mentions(source, context) if m.key and not m.anaphor]
    facts: list[MeetingFact] = []
    for sentence in sentences(text):
        sentence_text = sentence.of(text)
        meeting = _MEETING.search(sentence_text)
        if not meeting:
            continue
        outside = (
            sentence_text[: meeting.start()]
            + " " * len(meeting.group())
            + sentence_text[meeting.end() :]
        )
        held = _HELD.search(outside) and not re.search(
            r"(?:tại|Tại)\s+$", sentence_text[: meeting.start()]
        )
        body = _body(sentence_text, meeting, context) if held else None
        number = _session_number(meeting.group(1) or meeting.group(2))
        current = _same_meeting(facts, body, number)
        if body and current is None:
            current = MeetingFact(
                body,
                source.evidence(sentence.start, sentence.end),
                _held_on(sentence_text, context.reference_date),
                session_number=number,
            )
            facts.append(current)
        elif current is None:
            current = facts[-1] if facts else None
        if current is None:
            continue
        if held and current.held_on is None:
            current.held_on = _held_on(sentence_text, context.reference_date)
        chair = _CHAIR.search(sentence_text)
        if chair and not current.chair:
            current.chair, current.chair_role = chair.group(1).strip(), chair.group(2).strip()
        for ref in _documents_after(_APPROVED, sentence, text, mentions):
            if ref.key not in {r.key for r in current.approved}:
                current.approved.append(ref)
        for ref in _documents_after(_DISCUSSED, sentence, text, mentions):
            if ref.key not in {r.key for r in current.discussed}:
                current.discussed.append(ref)
    return facts


_HELD = re.compile(r"(?<![\w])(?:tổ chức|họp|chủ trì|diễn ra|khai mạc)(?![\w])")


def _body(
    sentence_text: str, meeting: re.Match[str], context: ExtractionContext
) -> AgencyRef | None:
    """The body that met: named right after the meeting word, else the subject that held it."""
    agencies = [
        a
        for a in find_agencies(sentence_text, context.catalogue, context.province)
        if not a.ref.collective
    ]
    chair = _CHAIR.search(sentence_text)
    if chair:
        agencies = [a for a in agencies if not chair.start() <= a.start < chair.end()]
    after = [a for a in agencies if 0 <= a.start - meeting.end() <= 12]
    if after:
        return after[0].ref
    before = [
        a
        for a in agencies
        if a.end <= meeting.start() and _HELD.search(sentence_text, a.end, meeting.start())
    ]
    return before[-1].ref if before else None


def _same_meeting(
    facts: list[MeetingFact], body: AgencyRef | None, number: int | None
) -> MeetingFact | None:
    for fact in facts:
        if body and fact.body.key == body.key and fact.session_number == number:
            return fact
    return None


def _documents_after(
    pattern: re.Pattern[str], sentence: Span, text: str, mentions: list
) -> list[DocumentRef]:
    found = pattern.search(text, sentence.start, sentence.end)
    if not found:
        return []
    refs = []
    for mention in mentions:
        if found.start() <= mention.start < sentence.end and mention.draft:
            refs.append(DocumentRef(mention.key, mention.doc_type, mention.number, mention.title))
    return refs
