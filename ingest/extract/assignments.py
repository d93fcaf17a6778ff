"""Task assignments in prose: who leads a task, who coordinates, by when.

The administrative forms: "giao X chủ trì, phối hợp (với) Y <task>", "X chủ trì, phối hợp Y <task>",
"X là cơ quan đầu mối <task>", "X có/chịu trách nhiệm <task>", "giao X <task>", "đề nghị/yêu cầu X
<task>" (a directive), and, inside a directive, further clauses "; X <task>" or "X phối hợp với Y
<task>". Whoever speaks ("Bí thư Tỉnh uỷ giao …") is not the lead; the body after "giao" is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from ingest.extract.context import ExtractionContext
from ingest.extract.sentences import Span, paragraphs, sentence_at, sentences
from ingest.model import AgencyRef, AssignmentFact, DocumentRef, SourceText
from ingest.resolve import AgencyMention, find_agencies, resolve_agency, resolve_place
from ingest.themes import classify_task_theme

_DIRECTIVE_BEFORE = re.compile(
    r"(?:(?<![\w])giao(?:\s+nhiệm vụ)?(?:\s+cho)?|đề nghị|yêu cầu|chỉ đạo|phân công|Giao(?:\s+c"
    r"ho)?)\s+$"
)
_DIRECTIVE_WORD = re.compile(
    r"(?<![\w])(?:giao|đề nghị|yêu cầu|chỉ đạo|phân công)(?![\w])", re.IGNORECASE
)
_ROLE_AFTER = re.compile(
    r"\s*,?\s*(?:là cơ quan (?:đầu mối|chủ trì|thường trực)(?:,?\s*(?:chủ trì|đầu mối))?|chủ trì|"
    r"có trách nhiệm|chịu trách nhiệm|được giao(?:\s+nhiệm vụ)?(?:\s+chủ trì)?)(?![\w])\s*,?\s*"
)
_COORDINATE = re.compile(r"\s*,?\s*(?:phối hợp|phối hợp chặt chẽ)(?:\s+với)?\s+")
_SPEAKER_AFTER = re.compile(
    r"\s*(?:cũng\s+|đã\s+|thống nhất cao\s+)*(?:giao|đề nghị|yêu cầu|chỉ đạo|cho biết|"
    r"nhấn mạnh|phát biểu|đánh giá|ký|ban hành)(?![\w])"
)
_LIST_GLUE = re.compile(r"\s*(?:,|và|cùng(?:\s+với)?|với)\s*")
_COLLECTIVE_WORD = (
    r"(?:cơ quan|đơn vị|địa phương|ngành|sở|bộ|tổ chức|doanh nghiệp|trường đại học|viện)"
)
_COLLECTIVE_PHRASE = re.compile(
    rf"\s*,?\s*(?:cùng\s+(?:với\s+)?)?(?:các|những)\s+{_COLLECTIVE_WORD}"
    rf"(?:(?:\s*,\s*|\s+và\s+|\s+)(?:các\s+)?{_COLLECTIVE_WORD})*(?:\s+(?:có\s+)?liên quan)?(?!"
    rf"[\w])"
)
_POSITION_BEFORE = re.compile(r"(?:Chủ tịch|Bí thư|Giám đốc|Bộ trưởng|Trưởng ban|Phó)\s+$")
_NOT_A_TASK = re.compile(r"^(?:phiên họp|hội nghị|cuộc họp|buổi làm việc|để\s)", re.IGNORECASE)
_LEADING_FILLER = re.compile(r"^(?:để\s+|nhằm\s+|thực hiện\s+(?=[^\s]+\s))?")
_DEADLINE = re.compile(
    r"(?:trước|chậm nhất|hoàn thành trong|trong|vào|cuối|đến)\s+(?:ngày\s+(\d{1,2})/(\d{1,2})/"
    r"(\d{4})|"
    r"tháng\s+(\d{1,2})/(\d{4})|quý\s+([IV]{1,3})/(\d{4})|(?:cuối\s+)?năm\s+(\d{4}))",
    re.IGNORECASE,
)
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
# A recurring due date: "trước ngày 15/12 hằng năm", "định kỳ hằng năm", "định kỳ 6 tháng".
_RECURRING = re.compile(
    r"(?:(?:trước|vào|chậm nhất(?:\s+là)?)\s+ngày\s+\d{1,2}\s*/\s*\d{1,2}(?!\s*/\s*\d)\s+)?"
    r"(?:định kỳ\s+)?(?:h[ằà]ng|mỗi)\s+(?:năm|quý|tháng|tuần)"
    r"|định kỳ(?:\s+\d+\s+tháng)?",
    re.IGNORECASE,
)


def deadline_of(task: str) -> tuple[str | None, str | None]:
    """The first deadline phrase of a task, as (YYYY[-MM[-DD]] | YYYY-Qn, as written)."""
    match = _DEADLINE.search(task)
    if not match:
        return None, None
    g = match.groups()
    if g[0]:
        value = f"{g[2]}-{int(g[1]):02d}-{int(g[0]):02d}"
    elif g[3]:
        value = f"{g[4]}-{int(g[3]):02d}"
    elif g[5]:
        value = f"{g[6]}-Q{_QUARTERS[g[5].upper()]}"
    else:
        value = g[7]
    return value, match.group()


_DAY_WITHOUT_YEAR = re.compile(
    r"(?:trước|vào|chậm nhất(?:\s+là)?)\s+ngày\s+\d{1,2}\s*/\s*\d{1,2}(?!\s*/\s*\d)", re.IGNORECASE
)


def recurrence_of(task: str) -> str | None:
    """The recurring due date of a task, as written ("trước ngày 15/12 hằng năm"; "định kỳ hằng
    năm … trước ngày 15/12" gives both phrases), or None."""
    match = _RECURRING.search(task)
    if not match:
        return None
    day = _DAY_WITHOUT_YEAR.search(task)
    if day and not (match.start() <= day.start() < match.end()):
        return f"{match.group()}, {day.group()}"
    return match.group()


def _agency_list(
    text: str, position: int, mentions: list[AgencyMention], limit: int
) -> tuple[list[AgencyRef], int]:
    """Agencies listed from ``position`` ("Sở A, Sở B và các đơn vị"), and the list's end."""
    found: list[AgencyRef] = []
    while position < limit:
        nxt = next((m for m in mentions if m.start >= position), None)
        if (nxt and nxt.start < limit and _LIST_GLUE.fullmatch(text[position : nxt.start])) or (
            nxt and nxt.start == position
        ):
            found.append(nxt.ref)
            position = nxt.end
            continue
        collective = _COLLECTIVE_PHRASE.match(text, position, limit)
        if collective and collective.end() > position:
            position = collective.end()
            continue
        break
    return found, position


def _task_end(text: str, start: int, sentence: Span, mentions: list[AgencyMention]) -> int:
    """A task runs to the sentence end, or to a ";"-clause that opens with another agency."""
    for index in range(start, sentence.end):
        if text[index] == ";":
            rest = text[index + 1 : sentence.end]
            offset = index + 1 + len(rest) - len(rest.lstrip())
            if any(m.start == offset for m in mentions):
                return index
    return sentence.end


def _assignment(
    text: str,
    lead: AgencyMention,
    after: int,
    sentence: Span,
    mentions: list[AgencyMention],
    source: SourceText,
    context: ExtractionContext,
) -> AssignmentFact | None:
    coordinators: list[AgencyRef] = []
    coordinate = _COORDINATE.match(text, after, sentence.end)
    if coordinate:
        coordinators, after = _agency_list(text, coordinate.end(), mentions, sentence.end)
    end = _task_end(text, after, sentence, mentions)
    task_start = after + len(text[after:end]) - len(text[after:end].lstrip(" ,:"))
    while end > task_start and text[end - 1] in " .,;/":
        end -= 1
    task = text[task_start:end]
    if len(task.split()) < 2 or _NOT_A_TASK.match(task):
        return None
    for extra in re.finditer(r",\s*phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+", task):
        more, _ = _agency_list(text, task_start + extra.end(), mentions, end)
        coordinators.extend(m for m in more if m.key not in {c.key for c in coordinators})
    deadline, deadline_text = deadline_of(task)
    recurrence = recurrence_of(task)
    if recurrence and deadline is None:
        deadline_text = recurrence  # ongoing: due again every year (quarter, month)
    body = assigning_body(text, sentence, lead, mentions, context)
    document, issuer = context.main_document, main_issuer(context)
    if body is not None and (issuer is None or issuer.key != body.key):
        # A body giving a task in a report is not the reported document giving it.
        document = None
    return AssignmentFact(
        task=task,
        leads=[lead.ref],
        evidence=source.evidence(sentence.start, sentence.end),
        coordinators=[c for c in coordinators if c.key != lead.ref.key],
        deadline=deadline,
        deadline_text=deadline_text,
        ongoing=bool(recurrence),
        assigned_by=document,
        theme=classify_task_theme(task, context.catalogue),
        assigned_by_agency=body or (issuer if document else None),
        in_response_to=None if document else responds_to(text, sentence, lead.start, context),
    )


def main_issuer(context: ExtractionContext) -> AgencyRef | None:
    """Who issued the document the source is (or reports on), where the text says."""
    main = context.main_document
    if main is None:
        return None
    return next((d.issuer for d in context.documents if d.ref.key == main.key), None)


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
            _SPEAKER_AFTER.match(text, m.end, sentence.end)
            or _POSITION_BEFORE.search(text[max(sentence.start, m.start - 25) : m.start])
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


def extract(source: SourceText, context: ExtractionContext) -> Iterable[AssignmentFact]:
    """Assignments found sentence by sentence; evidence is the sentence."""
    text = source.normalised
    facts: list[AssignmentFact] = []
    all_mentions = find_agencies(text, context.catalogue, context.province)
    mention_starts = [m.start for m in all_mentions]  # sorted: find_agencies returns text order
    paragraph_spans = paragraphs(text)
    duty_sections = duty_section_spans(text)
    for sentence in sentences(text):
        first = bisect_left(mention_starts, sentence.start)
        last = bisect_left(mention_starts, sentence.end)
        mentions = [m for m in all_mentions[first:last] if m.end <= sentence.end]
        paragraph = sentence_at(paragraph_spans, sentence.start) or sentence
        directive_paragraph = bool(_DIRECTIVE_WORD.search(text, paragraph.start, sentence.end))
        used_until = sentence.start
        for mention in mentions:
            if mention.start < used_until:
                continue
            before = text[max(sentence.start, mention.start - 25) : mention.start]
            role = _ROLE_AFTER.match(text, mention.end, sentence.end)
            directed = _DIRECTIVE_BEFORE.search(before)
            if (
                not directed and _SPEAKER_AFTER.match(text, mention.end, sentence.end)
            ) or _POSITION_BEFORE.search(before):
                continue  # "UBND tỉnh chỉ đạo …" speaks, unless it is told to ("yêu cầu UBND …")
            clause_start = _opens_clause(text, sentence, mention.start)
            label = _LABEL.match(text, mention.end, sentence.end)
            duty_item = _inside(sentence, duty_sections) and not _MORE_OF_NAME.match(
                text, mention.end
            )
            if mention.start == sentence.start and (label or duty_item):
                # "2. Sở Tài chính: chủ trì, phối hợp với …" — a plan's list of duties
                after = label.end() if label else mention.end
                role = _ROLE_AFTER.match(text, after, sentence.end)
                after = role.end() if role else after
            elif directed or role:
                after = role.end() if role else mention.end
            elif (
                clause_start
                and directive_paragraph
                and (
                    _COORDINATE.match(text, mention.end, sentence.end)
                    or _DIRECTIVE_WORD.search(text, sentence.start, mention.start)
                )
            ):
                after = mention.end
            else:
                continue
            fact = _assignment(text, mention, after, sentence, mentions, source, context)
            if fact:
                facts.append(fact)
                used_until = text.find(fact.task, after) + len(fact.task)
    return facts


_MORE_OF_NAME = re.compile(r"\s+(?:các|cấp|và)\s")  # "Ủy ban nhân dân các huyện": a collective
_LABEL = re.compile(r"\s*:\s*(?=\S)")
_DUTY_HEADING = re.compile(
    r"^(?:[IVX]{1,5}\s*[.\-–]\s*|\d{1,2}\s*[.)]\s*)?(?:\*\*)?"
    r"(?:tổ chức thực hiện|phân công nhiệm vụ|trách nhiệm thực hiện|phân công thực hiện)"
    r"(?:\*\*)?\s*:?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_NEXT_PART = re.compile(r"^(?:[IVX]{1,5}\s*[.\-–]\s|Nơi nhận|NƠI NHẬN|TM\.|T/M|KT\.)", re.MULTILINE)


def duty_section_spans(text: str) -> list[Span]:
    """The "TỔ CHỨC THỰC HIỆN" parts of a plan: each item there opens with the body it charges."""
    spans = []
    for heading in _DUTY_HEADING.finditer(text):
        end = _NEXT_PART.search(text, heading.end() + 1)
        spans.append(Span(heading.end(), end.start() if end else len(text)))
    return spans


def _inside(sentence: Span, spans: list[Span]) -> bool:
    return any(s.start <= sentence.start < s.end for s in spans)


def _opens_clause(text: str, sentence: Span, start: int) -> bool:
    """Whether an agency stands at the start of its sentence or of a ";"-clause."""
    head = text[sentence.start : start]
    head = re.sub(r"(?:Đồng thời|đồng thời|Bên cạnh đó|Ngoài ra)\s*,?\s*$", "", head)
    return not head.strip() or head.rstrip().endswith(";")
