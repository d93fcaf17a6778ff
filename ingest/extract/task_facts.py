"""One task assignment from its lead and where its task starts: the coordinators after
"phối hợp (với)", where the task ends, its deadline, who gave it and what it answers."""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.extract.context import ExtractionContext
from ingest.extract.deadlines import deadline_of, deadline_year, recurrence_of, span_end
from ingest.extract.leads import contrast_end
from ingest.extract.sentences import Span
from ingest.extract.speakers import assigning_body, main_issuer, responds_to
from ingest.model import AgencyRef, AssignmentFact, SourceText
from ingest.resolve import AgencyMention
from ingest.themes import classify_task_theme

COORDINATE = re.compile(r"\s*,?\s*(?:[Pp]hối hợp|[Pp]hối hợp chặt chẽ)(?:\s+với)?\s+")
_LIST_GLUE = re.compile(r"\s*(?:,|và|cùng(?:\s+với)?|với)\s*")
_COLLECTIVE_WORD = (
    r"(?:cơ quan|đơn vị|địa phương|ban ngành|ngành|ban|sở|bộ|tổ chức|doanh nghiệp|"
    r"trường đại học|viện)"
)
_LOCAL_UNIT = r"(?:huyện|thị xã|thành phố|quận|xã|phường|thị trấn|đặc khu)"
# "UBND các huyện, thành phố", "ủy ban nhân dân các xã, phường": every local People's Committee
_LOCAL_COMMITTEES = (
    rf"(?:UBND|[ỦUủu][ỷy] ban nhân dân)\s+(?:các|cấp)\s+{_LOCAL_UNIT}"
    rf"(?:\s*(?:,|và)\s*{_LOCAL_UNIT})*"
)
_COLLECTIVE_PHRASE = re.compile(
    rf"\s*,?\s*(?:và\s+)?(?:cùng\s+(?:với\s+)?)?(?:(?:các|những)\s+{_COLLECTIVE_WORD}"
    rf"(?:(?:\s*,\s*|\s+và\s+|\s+)(?:các\s+)?{_COLLECTIVE_WORD})*|{_LOCAL_COMMITTEES})"
    rf"(?:\s+(?:có\s+)?liên quan)?(?![\w])"
)
# "thuộc UBND tỉnh …" qualifies the collective before it ("các sở, ban, ngành thuộc UBND tỉnh"):
# a span opening there has lost its subject's end
_NOT_A_TASK = re.compile(
    r"^(?:phiên họp|hội nghị|cuộc họp|buổi làm việc|để\s|thuộc\s)", re.IGNORECASE
)


# Issuing a document that already has its number is an act done, not a task to do.
_ISSUED = re.compile(
    r"(?<![\w])ban hành\s+(?:Quyết định|Kế hoạch|Chỉ thị|Nghị quyết|Thông báo|Quy chế|Công văn|"
    r"Hướng dẫn)\s+số\s+\d"
)


# "… và các Sở, ban, ngành thực hiện …", "UBND các huyện, thị xã, thành phố triển khai …": a span
# opening with more bodies told together has lost the end of its list of leads
_MORE_BODIES = re.compile(
    rf"(?:và\s+)?(?:(?:các|những)\s+(?i:{_COLLECTIVE_WORD})(?![\w])|{_LOCAL_COMMITTEES})"
)


def agency_list(
    text: str, position: int, mentions: list[AgencyMention], limit: int
) -> tuple[list[AgencyRef], int]:
    """Agencies listed from ``position`` ("Sở A, Sở B và các đơn vị"), and the list's end."""
    found: list[AgencyRef] = []
    while position < limit:
        collective = _COLLECTIVE_PHRASE.match(text, position, limit)
        if collective and collective.end() > position:
            position = collective.end()  # "UBND các huyện" before its "UBND" is read as a body
            continue
        nxt = next((m for m in mentions if m.start >= position), None)
        if (nxt and nxt.start < limit and _LIST_GLUE.fullmatch(text[position : nxt.start])) or (
            nxt and nxt.start == position
        ):
            found.append(nxt.ref)
            position = nxt.end
            continue
        break
    return found, position


_THEN_OTHERS = re.compile(r"\s*(?:chỉ đạo\s*)?,\s*")
_THEY_COORDINATE = re.compile(r"\s+phối hợp(?:\s+với)?\s+")


def _co_working(
    text: str, after: int, sentence: Span, mentions: list[AgencyMention]
) -> tuple[list[AgencyRef], int]:
    """Coordinators named as a clause of their own after the lead's role ("Bộ Công an chủ trì chỉ
    đạo, Bộ Thông tin và Truyền thông và các địa phương phối hợp xây dựng …"), and where the task
    then starts; none (and ``after`` unchanged) otherwise."""
    others = _THEN_OTHERS.match(text, after, sentence.end)
    if others is None or not any(m.start == others.end() for m in mentions):
        return [], after
    found, position = agency_list(text, others.end(), mentions, sentence.end)
    joined = _THEY_COORDINATE.match(text, position, sentence.end)
    return (found, joined.end()) if found and joined else ([], after)


_GIVEN_BY = re.compile(r"\s*(?:cũng\s+|đã\s+)*được\s+$")


def _passive_giver(
    text: str, lead: AgencyMention, after: int, mentions: list[AgencyMention]
) -> AgencyRef | None:
    """Who gives a task in the passive ("Sở X được Ủy ban nhân dân tỉnh giao chủ trì …")."""
    for mention in mentions:
        if lead.end < mention.start < after and _GIVEN_BY.fullmatch(text, lead.end, mention.start):
            return mention.ref if text.startswith(" giao", mention.end) else None
    return None


_CLAUSE_LINK = re.compile(r"(?:trên cơ sở đó|theo đó|đồng thời|sau đó)\s*,\s*", re.IGNORECASE)


# Verbs of administrative work that open a task of their own ("quy định …; phê duyệt …;
# quyết định thành lập …"); a ";"-clause opening with "trình", "báo cáo" or "hoàn thành" hands
# in or closes the work before it and stays part of it.
CLAUSE_VERB = re.compile(
    r"(?:rà soát|xây dựng|lập|tham mưu|triển khai|hoàn thiện|tổ chức|đẩy mạnh|nghiên cứu|hướng dẫn|"
    r"thực hiện|đôn đốc|kiểm tra|theo dõi|bảo đảm|đảm bảo|nâng cao|ban hành|tăng cường|"
    r"phát triển|cập nhật|đề xuất|sửa đổi|bố trí|cung cấp|tổng hợp|đánh giá|chỉ đạo|"
    r"tuyên truyền|thẩm định|hỗ trợ|quy định|phê duyệt|quyết định|vận động|quản lý|cho ý kiến|"
    r"điều phối|tích hợp|tạo thuận lợi|tạo điều kiện|theo sát|không để)(?![\w])",
    re.IGNORECASE,
)


_SPACING = re.compile(r"[ ,:\n]*")
_PHOTO_CREDIT = re.compile(r"\s+Ảnh\s*:")
_SHORT_FORM = re.compile(r"\s*\([A-ZĐ][A-ZĐ&\-]{1,10}\)(?=\s)")


def task_end(
    text: str,
    start: int,
    sentence: Span,
    mentions: list[AgencyMention],
    parallel: bool = False,
) -> int:
    """A task runs to the sentence end, or to a ";"-clause that opens with another agency or
    with a new role of the same lead ("…; chủ trì, phối hợp với …"), or — for a ``parallel``
    task, one opening with a verb and with no coordinators — with another verb of work ("quy
    định …; phê duyệt Quy chế …": two tasks); or to ", đồng thời" before a verb of work."""
    contrast = contrast_end(text, start, sentence.end, mentions)
    for index in range(start, contrast if contrast is not None else sentence.end):
        if text[index] == ";":
            rest = text[index + 1 : sentence.end]
            offset = index + 1 + len(rest) - len(rest.lstrip(" \t\n."))  # "; .phối hợp"
            linked = _CLAUSE_LINK.match(text, offset)  # "; trên cơ sở đó, Đài … tiếp thu"
            if linked and any(m.start == linked.end() for m in mentions):
                return index
            if any(m.start == offset for m in mentions) or ROLE_OPENING.match(text, offset):
                return index
            if parallel and CLAUSE_VERB.match(text, offset):
                return index
        elif (
            text[index] == ","
            and (also := ALSO_VERB.match(text, index, sentence.end))
            and CLAUSE_VERB.match(text, also.end())
        ):
            return index  # "… nghiên cứu …, đồng thời tăng cường kiểm tra …": two tasks
    return contrast if contrast is not None else sentence.end


# ", đồng thời tăng cường …": a second task of the same lead in the same sentence
ALSO_VERB = re.compile(r",\s*đồng thời\s+")


def assignment(
    text: str,
    leads: list[AgencyMention],
    after: int,
    sentence: Span,
    mentions: list[AgencyMention],
    source: SourceText,
    context: ExtractionContext,
    until: int | None = None,
) -> AssignmentFact | None:
    """The assignment to ``leads`` of the task read from ``after`` (to ``until`` if given)."""
    lead = leads[-1]
    short = _SHORT_FORM.match(text, after, sentence.end)
    after = short.end() if short else after  # "giao Ban Quản lý … (BQL) làm chủ đầu tư"
    giver = _passive_giver(text, lead, after, mentions)
    coordinators: list[AgencyRef] = []
    coordinate = COORDINATE.match(text, after, sentence.end)
    if coordinate:
        coordinators, after = agency_list(text, coordinate.end(), mentions, sentence.end)
    else:
        coordinators, after = _co_working(text, after, sentence, mentions)
    opening = _SPACING.match(text, after).end()
    # a task opening with a verb of work or with a role ("là cơ quan đầu mối, giúp …") is one
    # of a series: a later ";"-clause opening with a verb of work is a task of its own, whatever
    # coordinators the first names (they govern the later clauses too)
    parallel = bool(CLAUSE_VERB.match(text, opening) or ROLE_OPENING.match(text, opening))
    end = until if until is not None else task_end(text, after, sentence, mentions, parallel)
    credit = _PHOTO_CREDIT.search(text, after, end)
    end = credit.start() if credit else end  # "… vùng ĐBSCL Ảnh: Tường Lâm" (a caption)
    task_start = after + len(text[after:end]) - len(text[after:end].lstrip(" ,:\n.…"))
    while end > task_start and text[end - 1] in " .,;/…":
        end -= 1
    task = text[task_start:end]
    if len(task.split()) < 2 or _NOT_A_TASK.match(task) or _MORE_BODIES.match(task):
        return None
    if _ISSUED.search(task):
        return None  # "… ban hành Quyết định số 2831/QĐ-BCĐ về …": an act reported, done
    for extra in re.finditer(r",\s*phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+", task):
        more, _ = agency_list(text, task_start + extra.end(), mentions, end)
        coordinators.extend(m for m in more if m.key not in {c.key for c in coordinators})
    recurrence = recurrence_of(task)
    year = None
    if not recurrence:
        year = context.reference_date.year if context.reference_date else deadline_year(text)
    deadline, deadline_text = deadline_of(task, year)
    if deadline is None and not recurrence:
        # "Theo Kế hoạch, từ tháng 11/2016 - 10/2018, Bộ KH&ĐT chủ trì …": the span before the lead
        deadline, deadline_text = span_end(text[sentence.start : leads[0].start])
    if recurrence and deadline is None:
        deadline_text = recurrence  # ongoing: due again every year (quarter, month)
    body = giver or assigning_body(text, sentence, lead, mentions, context)
    document = context.document_at(sentence.start)
    issuer = main_issuer(context, document)
    if body is not None and (issuer is None or issuer.key != body.key):
        # A body giving a task in a report is not the reported document giving it.
        document = None
    lead_keys = {m.ref.key for m in leads}
    refs = list({m.ref.key: m.ref for m in leads}.values())
    return AssignmentFact(
        task=task,
        leads=refs,
        evidence=source.evidence(sentence.start, sentence.end),
        coordinators=[c for c in coordinators if c.key not in lead_keys],
        deadline=deadline,
        deadline_text=deadline_text,
        ongoing=bool(recurrence),
        assigned_by=document,
        theme=classify_task_theme(task, context.catalogue),
        assigned_by_agency=body or (issuer if document else None),
        in_response_to=None if document else responds_to(text, sentence, lead.start, context),
    )


def carried(
    fact: AssignmentFact | None, like: AssignmentFact, leads: list[AgencyRef]
) -> AssignmentFact | None:
    """A task whose lead is carried from elsewhere: it keeps who gave the first one."""
    if fact is None:
        return None
    return replace(
        fact,
        leads=leads,
        coordinators=[c for c in fact.coordinators if c.key not in {x.key for x in leads}],
        assigned_by=like.assigned_by,
        assigned_by_agency=like.assigned_by_agency,
        in_response_to=like.in_response_to,
    )


ROLE_OPENING = re.compile(
    r"\s*(?:chủ trì|là cơ quan đầu mối|có trách nhiệm|chịu trách nhiệm|phối hợp)(?![\w])"
    r"\s*,?\s*",
    re.IGNORECASE,
)
