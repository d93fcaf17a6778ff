"""Who gives a task and what it carries out: the body whose verb ("giao", "yêu cầu") comes
before the lead, a named person's office, or the document a purpose clause names."""

from __future__ import annotations

import re

from ingest.extract.context import ExtractionContext
from ingest.extract.sentences import Span, sentences
from ingest.model import AgencyRef, DocumentRef
from ingest.resolve import AgencyMention, find_agencies, resolve_agency, resolve_place

SPEAKER_AFTER = re.compile(
    r"\s*(?:cũng\s+|đã\s+|thống nhất cao\s+)*(?:giao|đề nghị|yêu cầu|chỉ đạo|cho biết|"
    r"nhấn mạnh|phát biểu|đánh giá|ký|ban hành)(?![\w])"
)
POSITION_BEFORE = re.compile(r"(?:Chủ tịch|Bí thư|Giám đốc|Bộ trưởng|Trưởng ban|Phó)\s+$")


def main_issuer(
    context: ExtractionContext, document: DocumentRef | None = None
) -> AgencyRef | None:
    """Who issued ``document`` (by default the one the source is, or reports on), where the
    text says; an annex's programme with no issuer of its own is issued by the source's."""
    for ref in (document, context.main_document):
        if ref is None:
            continue
        issuer = next((d.issuer for d in context.documents if d.ref.key == ref.key), None)
        if issuer is not None:
            return issuer
    return None


_SUBJECT_PLACE = re.compile(
    r"(?:(?:Đồng thời|Bên cạnh đó|Ngoài ra|Vừa qua|Thời gian qua)\s*,?\s*)?(?:Tỉnh|Thành phố|TP\.?)"
    r"\s+(?P<name>(?:[A-ZĐ][\w]*)(?:\s+[A-ZĐ][\w]*){0,3})\s+(?:đã\s+|cũng\s+|vừa\s+)*"
    r"(?:giao|chỉ đạo|yêu cầu|phân công)(?![\w])"
)


def assigning_body(
    text: str,
    sentence: Span,
    lead: AgencyMention,
    mentions: list[AgencyMention],
    context: ExtractionContext,
) -> AgencyRef | None:
    """The body that gives the task: the agency (or position holder) whose verb "giao / yêu cầu /
    đề nghị" comes before the lead, or a province as subject ("Tỉnh X đã giao …" → its UBND)."""
    speakers = [
        m
        for m in mentions
        if m.end <= lead.start
        and (
            SPEAKER_AFTER.match(text, m.end, sentence.end)
            or POSITION_BEFORE.search(text[max(sentence.start, m.start - 25) : m.start])
        )
    ]
    if speakers:
        return speakers[-1].ref
    subject = _SUBJECT_PLACE.match(text, sentence.start, lead.start)
    if subject:
        place = resolve_place(subject.group("name"), context.catalogue)
        if place:
            return resolve_agency("Ủy ban nhân dân tỉnh", context.catalogue, place)
    speaker = _PERSON_SPEAKS.search(text, sentence.start, lead.start)
    if speaker and _is_name(speaker.group("name")):
        return person_bodies(text, context).get(speaker.group("name"))
    return None


_NAME = r"(?P<name>[A-ZĐÀ-Ỹ][\w]*(?:\s+[A-ZĐÀ-Ỹ][\w]*){1,3})"
# "đồng chí Hồ Quốc Dũng yêu cầu …": a person gives the task.
_PERSON_SPEAKS = re.compile(
    rf"(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s+{_NAME}\s+(?:cũng\s+|đã\s+|thống nhất cao\s+)*"
    r"(?:giao|đề nghị|yêu cầu|chỉ đạo|phân công)(?![\w])\s*$"
)
_OFFICE = re.compile(
    r"(?<![\w])(?:Phó\s+)?(?:Bí thư(?:\s+Thường trực)?|Chủ tịch|Giám đốc|Trưởng ban|Bộ trưởng)\s+$"
)
_NAME_AFTER = re.compile(rf"\s+{_NAME}")
_NAME_THEN_ROLES = re.compile(rf"(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s+{_NAME}\s*,")


def _is_name(words: str) -> bool:
    """A person's name: two to four capitalised words, none of them an office or body word."""
    parts = words.split()
    return (
        2 <= len(parts) <= 4
        and all(p[0].isupper() for p in parts)
        and not any(
            p in {"Bí", "Chủ", "Ủy", "Uỷ", "Ban", "Sở", "Tỉnh", "UBND", "HĐND"} for p in parts
        )
    )


def person_bodies(text: str, context: ExtractionContext) -> dict[str, AgencyRef]:
    """The body each named person holds office in, as the text introduces them: "Bí thư Tỉnh uỷ
    Hồ Quốc Dũng", or "đồng chí Hồ Quốc Dũng, Uỷ viên Trung ương đảng, Bí thư Tỉnh uỷ, …" (the
    first office named with a body). Lets "đồng chí Hồ Quốc Dũng yêu cầu …" name the Tỉnh uỷ."""
    mentions = find_agencies(text, context.catalogue, context.province)
    holders: dict[str, AgencyRef] = {}
    offices = [m for m in mentions if _OFFICE.search(text[max(0, m.start - 30) : m.start])]
    for office in offices:
        name = _NAME_AFTER.match(text, office.end)
        if name and _is_name(name.group("name")):
            holders.setdefault(name.group("name"), office.ref)
    for introduced in _NAME_THEN_ROLES.finditer(text):
        name = introduced.group("name")
        if not _is_name(name) or name in holders:
            continue
        stop = re.compile(r"[.;:]|\s(?:chủ trì|phát biểu|cho biết|tham dự)\s").search(
            text, introduced.end()
        )
        end = stop.start() if stop else introduced.end() + 150
        first = next((m for m in offices if introduced.end() <= m.start < end), None)
        if first is not None:
            holders[name] = first.ref
    return holders


_CARRIES_OUT = re.compile(r"(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá|thi hành)\s+$", re.I)
_PURPOSE_OPENING = re.compile(r"^(?:Để|Nhằm|Thực hiện|Triển khai)\s", re.I)


def responds_to(
    text: str, sentence: Span, before: int, context: ExtractionContext
) -> DocumentRef | None:
    """The document an assignment carries out: "(Để) triển khai thực hiện Nghị quyết X" in the
    sentence before the lead, or in a preceding sentence that opens with that purpose."""
    windows = [(sentence.start, before)]
    previous = text.rfind("\n", 0, max(sentence.start - 1, 0))
    preceding = sentences(text, Span(previous + 1, sentence.start))
    if preceding and _PURPOSE_OPENING.match(preceding[-1].of(text)):
        windows.append((preceding[-1].start, preceding[-1].end))
    for start, end in windows:
        for m_start, m_end, ref in context.document_mentions:
            if (
                start <= m_start
                and m_end <= end
                and _CARRIES_OUT.search(text[max(start, m_start - 30) : m_start])
            ):
                return ref
    return None
