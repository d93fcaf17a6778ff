"""Tasks a sentence gives without naming their lead: it goes on with the task just assigned
(a further ";"-clause, a subject-less sentence, a bare deadline, a request to hand the work in)
or with a committee's list of duties, or it is an item under a heading that names its lead."""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.extract.assignment_forms import CONNECTIVE, TASK_OPENING
from ingest.extract.context import ExtractionContext
from ingest.extract.deadlines import deadline_of
from ingest.extract.lead_forms import DUTY_GOES_ON, DUTY_LINKED, is_committee
from ingest.extract.leads import ROLE_AFTER, heading_lead, list_intro_lead, list_item_at
from ingest.extract.sentences import Span, sentences
from ingest.extract.task_facts import (
    ALSO_VERB,
    CLAUSE_VERB,
    COORDINATE,
    ROLE_OPENING,
    assignment,
    carried,
)
from ingest.model import AssignmentFact, SourceText
from ingest.resolve import AgencyMention


def duty_goes_on(
    text: str,
    sentence: Span,
    mentions: list[AgencyMention],
    duties: AssignmentFact | None,
    source: SourceText,
    context: ExtractionContext,
) -> list[AssignmentFact]:
    """A subject-less sentence going on with a committee's duties ("Chức năng, nhiệm vụ của Ban
    Chỉ đạo là …. Giúp UBND thành phố …. Cho ý kiến về …", "Đồng thời cho ý kiến …", "Cùng với
    đó, tích hợp …; cho ý kiến …"): further duties of that committee, one a ";"-clause."""
    if duties is None:
        return []
    going = None
    if mentions and mentions[0].ref.key == duties.leads[0].key:
        # "Đồng thời, Ban Chỉ đạo giúp Chính phủ … chỉ đạo …": the committee named again
        linked = DUTY_LINKED.match(text, sentence.start, sentence.end)
        if mentions[0].start == sentence.start or (linked and linked.end() == mentions[0].start):
            going = DUTY_GOES_ON.match(text, mentions[0].end + 1, sentence.end)
        if going is None or going.group():
            return []
    elif mentions and mentions[0].start == sentence.start:
        return []
    going = going or DUTY_GOES_ON.match(text, sentence.start, sentence.end)
    if going is None:
        going = DUTY_LINKED.match(text, sentence.start, sentence.end)
        if going is None or not text[going.end()].islower():
            return []
    lead = AgencyMention(sentence.start, sentence.start, duties.leads[0])
    fact = carried(
        assignment(text, [lead], going.end(), sentence, mentions, source, context),
        duties,
        duties.leads,
    )
    if fact is None:
        return []
    position = text.find(fact.task, going.end()) + len(fact.task)
    return [fact, *role_clauses(text, fact, position, sentence, mentions, source, context)]


# "Hoàn thành trong tháng 8 năm 2021.", "Thời hạn hoàn thành: trước ngày 30/6/2025."
_DEADLINE_ONLY = re.compile(
    r"\s*(?:(?:Hoàn thành|Thời hạn(?:\s+hoàn thành)?|Thời gian(?:\s+hoàn thành)?)\s*:?\s*)"
    r"(?P<when>[^,;:]{4,40}?)\s*[./]*\s*",
)


def closing_deadline(
    text: str,
    sentence: Span,
    paragraph: Span,
    carry: tuple[Span, AssignmentFact] | None,
    facts: list[AssignmentFact],
    context: ExtractionContext,
) -> AssignmentFact | None:
    """The paragraph's last task with the deadline a sentence of its own gives it ("Giao Bộ
    TT&TT chủ trì xây dựng Chiến lược …. Hoàn thành trong tháng 8 năm 2021."), if that task has
    none; None when the sentence is no bare deadline."""
    if carry is None or carry[0] != paragraph or not facts or facts[-1] is not carry[1]:
        return None
    last = facts[-1]
    if last.deadline is not None or last.ongoing:
        return None
    only = _DEADLINE_ONLY.fullmatch(text, sentence.start, sentence.end)
    if only is None:
        return None
    year = context.reference_date.year if context.reference_date else None
    phrase = text[sentence.start : sentence.end].strip(" ./")
    deadline, _ = deadline_of(phrase, year)
    if deadline is None:
        return None
    return replace(last, deadline=deadline, deadline_text=only.group("when"))


def role_clauses(
    text: str,
    fact: AssignmentFact,
    position: int,
    sentence: Span,
    mentions: list[AgencyMention],
    source: SourceText,
    context: ExtractionContext,
) -> list[AssignmentFact]:
    """Further ";"-clauses of the same lead with a role of their own ("…; chủ trì, phối hợp với
    các bộ, ngành, FPT, CMC khẩn trương hoàn thành …") or a verb of work of their own ("giao Bộ
    KH&ĐT quy định …; phê duyệt Quy chế …; quyết định thành lập …": three tasks); a clause with
    no role of its own keeps the coordinators named before the first clause."""
    found = []
    while position < sentence.end:
        also = ALSO_VERB.match(text, position, sentence.end)
        if also:
            clause = also.end()  # "…, đồng thời tăng cường kiểm tra …"
        elif text[position : sentence.end].lstrip(" .,").startswith(";"):
            clause = position + text[position : sentence.end].index(";") + 1
        else:
            break
        while clause < sentence.end and text[clause] in " .":
            clause += 1  # "…; .phối hợp với …": a stray stop after the semicolon
        role = ROLE_OPENING.match(text, clause, sentence.end)
        if role:
            after = role.end() if not COORDINATE.match(text, clause) else clause
            if "phối hợp" in role.group() and not COORDINATE.match(text, clause):
                after = clause
        elif CLAUSE_VERB.match(text, clause, sentence.end):
            after = clause  # "…; phê duyệt Quy chế …": the task before ended at this verb
        else:
            break
        lead = AgencyMention(clause, clause, fact.leads[0])
        more = carried(
            assignment(text, [lead], after, sentence, mentions, source, context), fact, fact.leads
        )
        if more is None:
            break
        if not role:  # roles written before the first clause govern this one too
            known = {c.key for c in more.coordinators}
            more = replace(
                more,
                coordinators=[
                    *more.coordinators,
                    *(c for c in fact.coordinators if c.key not in known),
                ],
            )
        found.append(more)
        position = text.find(more.task, after) + len(more.task)
    return found


def subjectless(
    text: str,
    sentence: Span,
    paragraph: Span,
    carry: tuple[Span, AssignmentFact] | None,
    all_mentions: list[AgencyMention],
    mentions: list[AgencyMention],
    source: SourceText,
    context: ExtractionContext,
) -> list[AssignmentFact]:
    """A sentence with no lead of its own: it continues the paragraph's directed task ("yêu cầu
    Sở X chủ trì …. Rà soát, báo cáo …") or is an item under a heading naming its lead."""
    item = list_item_at(context.tree, sentence.start) if context.tree else None
    start = sentence.start
    if item is not None and item.start == sentence.start:
        start += len(item.marker)  # "Một là, …": the ordinal is not the task
    connective = CONNECTIVE.match(text, start, sentence.end)
    start = connective.end() if connective else start
    same = _SAME_BODY.match(text, start, sentence.end)
    if same and carry and carry[1].leads[0].name.startswith(same.group("word") + " "):
        # "Bộ TT&TT cũng được giao …. Bộ cũng có nhiệm vụ phối hợp với …": the same ministry
        role = ROLE_AFTER.match(text, same.end(), sentence.end)
        lead = AgencyMention(sentence.start, sentence.start, carry[1].leads[0])
        fact = role and assignment(text, [lead], role.end(), sentence, mentions, source, context)
        done = carried(fact or None, carry[1], carry[1].leads)
        return [done] if done else []
    acts = _SAME_BODY_ACTS.match(text, start, sentence.end)
    if acts and carry and carry[1].leads[0].name.startswith(acts.group("word") + " "):
        # "Sở Giáo dục và Đào tạo được giao …. Sở sẽ tổ chức tập huấn …; phối hợp Sở KH&CN …"
        lead = AgencyMention(sentence.start, sentence.start, carry[1].leads[0])
        fact = carried(
            assignment(text, [lead], acts.end(), sentence, mentions, source, context),
            carry[1],
            carry[1].leads,
        )
        if fact is None:
            return []
        position = text.find(fact.task, acts.end()) + len(fact.task)
        return [fact, *role_clauses(text, fact, position, sentence, mentions, source, context)]
    like: AssignmentFact | None = carry[1] if carry else None
    duty = like is not None and is_committee(like.leads[0].name)  # "Cho ý kiến về …", "Điều phối …"
    if not TASK_OPENING.match(text, start, sentence.end) and not (
        duty and DUTY_GOES_ON.match(text, start, sentence.end)
    ):
        return []
    lead_refs = like.leads if like else None
    heading = None
    if like is None and sentences(text, paragraph)[0].start == sentence.start:
        heading = heading_lead(context.tree, text, sentence, all_mentions) or list_intro_lead(
            context.tree, text, sentence, all_mentions
        )
        lead_refs = [heading.ref] if heading else None
    if lead_refs is None:
        return []
    adverb = _ADVERB.match(text, start, sentence.end)
    if adverb and COORDINATE.match(text, adverb.end(), sentence.end):
        start = adverb.end()  # "Khẩn trương phối hợp với Bộ TT&TT tham mưu …"
    role = ROLE_OPENING.match(text, start, sentence.end)
    after = start
    if role and not COORDINATE.match(text, start, sentence.end):
        after = role.end()
    lead = heading or AgencyMention(sentence.start, sentence.start, lead_refs[0])
    fact = assignment(text, [lead], after, sentence, mentions, source, context)
    if fact is None:
        return []
    if like is not None:
        fact = carried(fact, like, lead_refs)
    assert fact is not None
    position = text.find(fact.task, after) + len(fact.task)
    return [fact, *role_clauses(text, fact, position, sentence, mentions, source, context)]


# "Thủ tướng yêu cầu trình …": a request with no addressee to hand in the work just assigned
_HAND_IN = re.compile(r"\s+(?:cũng\s+)?(?:yêu cầu|đề nghị)\s+(?=(?:trình|báo cáo)\s)")


def handed_in(
    text: str,
    sentence: Span,
    mentions: list[AgencyMention],
    like: AssignmentFact | None,
    source: SourceText,
    context: ExtractionContext,
) -> list[AssignmentFact]:
    """The lead of the task just assigned hands its work in when the one who assigned it asks,
    naming no one, for it to be submitted ("Thủ tướng Chính phủ giao Bộ TT&TT chủ trì … xây dựng
    Kiến trúc …." then "Thủ tướng yêu cầu trình Kiến trúc … trong tháng 12/2018")."""
    speaker = mentions[0]
    if like is None or speaker.start != sentence.start or speaker.ref.key in like_keys(like):
        return []
    request = _HAND_IN.match(text, speaker.end, sentence.end)
    if request is None:
        return []
    lead = AgencyMention(request.end(), request.end(), like.leads[0])
    fact = assignment(text, [lead], request.end(), sentence, mentions, source, context)
    done = carried(fact, like, like.leads)
    return [done] if done else []


def like_keys(fact: AssignmentFact) -> set[str]:
    return {lead.key for lead in fact.leads}


# The body named again by its head noun alone, then acting: "Sở sẽ tổ chức tập huấn …".
_SAME_BODY_ACTS = re.compile(r"(?P<word>Bộ|Sở|Ban|Cục)\s+(?:cũng\s+)?(?:sẽ|tiếp tục)\s+")
# A body named again by its head noun alone ("Bộ cũng có nhiệm vụ …") before a role.
_SAME_BODY = re.compile(
    r"(?P<word>Bộ|Sở|Ban|Cục)(?=\s+(?:cũng\s+)?(?:có nhiệm vụ|có trách nhiệm|chịu"
    r" trách nhiệm|chủ trì|được giao)(?![\w]))"
)
_ADVERB = re.compile(r"(?:khẩn trương|tiếp tục|chủ động)\s+", re.IGNORECASE)
