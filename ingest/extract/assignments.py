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
from dataclasses import replace

from ingest.extract.context import ExtractionContext
from ingest.extract.deadlines import deadline_of
from ingest.extract.lead_forms import (
    DUTY_GOES_ON,
    addressed_request,
    body_leaders,
    committee_duties,
    joint_holders,
    listed_ministries,
    mandated_bodies,
    moved_duty,
)
from ingest.extract.leads import (
    ROLE_AFTER,
    abbreviated_ministries,
    co_leads,
    directed_list,
    heading_lead,
    list_intro_lead,
    list_item_at,
    opens_clause,
)
from ingest.extract.sentences import Span, paragraphs, sentence_at, sentences
from ingest.extract.speakers import (
    POSITION_BEFORE,
    SPEAKER_AFTER,
)
from ingest.extract.structure import DocumentTree, parse
from ingest.extract.task_facts import (
    CLAUSE_VERB,
    COORDINATE,
    ROLE_OPENING,
    assignment,
    carried,
)
from ingest.model import AssignmentFact, SourceText
from ingest.resolve import AgencyMention, find_agencies

_DIRECTIVE_BEFORE = re.compile(
    r"(?:(?<![\w])(?<!được )giao(?:\s+nhiệm vụ)?(?:\s+cho)?|đề nghị|yêu cầu|chỉ đạo|phân công|"
    r"Giao(?:\s+cho)?|^\s*(?:Yêu cầu|Đề nghị))\s+$"
)
# "Xét đề nghị của Bộ …", "theo chỉ đạo của …": a noun, no one is told anything
_DIRECTIVE_WORD = re.compile(
    r"(?<![\w])(?:giao|đề nghị|yêu cầu|chỉ đạo|phân công)(?![\w])(?!\s+của(?![\w]))",
    re.IGNORECASE,
)


def extract(source: SourceText, context: ExtractionContext) -> Iterable[AssignmentFact]:
    """Assignments found sentence by sentence; evidence is the sentence."""
    text = source.normalised
    tree = context.tree or parse(text, source)
    facts: list[AssignmentFact] = []
    all_mentions = find_agencies(text, context.catalogue, context.province)
    mention_starts = [m.start for m in all_mentions]  # sorted: find_agencies returns text order
    paragraph_spans = paragraphs(text)
    duty_sections = duty_section_spans(tree)
    carry: tuple[Span, AssignmentFact] | None = None  # the paragraph's directed task
    handed: AssignmentFact | None = None  # the directed task of the paragraph before
    current: Span | None = None
    opinions = _OPINION_OPENER.search(text)  # "… có ý kiến như sau:": what follows directs
    duties: AssignmentFact | None = None  # a committee's duties being listed
    for sentence in _run_together(text, _unwrapped(text, sentences(text))):
        if tree.in_closing(sentence.start):
            continue  # "Nơi nhận: - Như trên; - Bộ KH&CN; …" lists recipients, not tasks
        first = bisect_left(mention_starts, sentence.start)
        last = bisect_left(mention_starts, sentence.end)
        mentions = [m for m in all_mentions[first:last] if m.end <= sentence.end]
        abbreviated = abbreviated_ministries(text, sentence.start, sentence.end, context.catalogue)
        if abbreviated:
            mentions = sorted(
                [m for m in mentions if not any(a.start <= m.start < a.end for a in abbreviated)]
                + abbreviated,
                key=lambda m: m.start,
            )
        paragraph = sentence_at(paragraph_spans, sentence.start) or sentence
        if paragraph != current:
            handed = carry[1] if carry is not None else None
            current = paragraph
        if carry is not None and carry[0] != paragraph:
            # "… yêu cầu Bộ Tài chính …" then a paragraph "Xây dựng, tham mưu …" or "Đồng thời,
            # hướng dẫn …" goes on with it; a photo caption in between does not interrupt it
            if _CAPTION.search(text, paragraph.start, paragraph.end):
                pass
            elif _CONNECTIVE.match(text, paragraph.start, paragraph.end) or _TASK_OPENING.match(
                text, paragraph.start, paragraph.end
            ):
                carry = (paragraph, carry[1])
            else:
                carry = None
        closing = _closing_deadline(text, sentence, paragraph, carry, facts, context)
        if closing is not None:
            facts[-1] = closing  # "… chủ trì xây dựng Chiến lược …. Hoàn thành trong tháng 8 …"
            carry = (paragraph, closing)
            continue
        going = _duty_goes_on(text, sentence, mentions, duties, source, context)
        if going is not None:
            facts.append(going)  # "… có chức năng, nhiệm vụ …. Giúp UBND tỉnh …"
            carry = None  # only a duty verb goes on with a committee's duties
            continue
        duties = None
        directive_paragraph = _directs(text, paragraph.start, sentence.end, all_mentions)
        told_before = {lead.key for lead in handed.leads} if handed else set()
        after_opinions = opinions is not None and opinions.end() <= sentence.start
        used_until = sentence.start
        found: list[AssignmentFact] = []
        duty = committee_duties(text, sentence, mentions)
        opening = (
            duty
            or joint_holders(text, sentence, mentions)
            or listed_ministries(text, sentence, mentions)
            or addressed_request(text, sentence, mentions)
            or moved_duty(text, sentence, mentions)
            or body_leaders(text, sentence, mentions)
            or mandated_bodies(text, sentence, mentions)
        )
        if opening is not None:
            fact = assignment(
                text,
                opening.leads,
                opening.task_start,
                sentence,
                mentions,
                source,
                context,
                opening.task_end,
            )
            if fact:
                found.append(fact)
                carry = None if duty else (paragraph, fact)
                duties = fact if duty else None
                task_end = text.find(fact.task, opening.task_start) + len(fact.task)
                used_until = max(task_end, *(m.end for m in opening.leads))
        for index, mention in enumerate(mentions):
            if mention.start < used_until:
                continue
            before = text[max(sentence.start, mention.start - 25) : mention.start]
            role = ROLE_AFTER.match(text, mention.end, sentence.end)
            directed = _DIRECTIVE_BEFORE.search(before)
            position = POSITION_BEFORE.search(before)
            if position:
                # "giao Giám đốc Sở X …", "Chủ tịch UBND tỉnh chịu trách nhiệm …": the holder
                # stands for the body; "Bí thư Tỉnh ủy giao …" speaks.
                held_from = max(sentence.start, mention.start - 25) + position.start()
                directed = _DIRECTIVE_BEFORE.search(
                    text[max(sentence.start, held_from - 25) : held_from]
                )
                acts = opens_clause(text, sentence, held_from) and _HOLDER_ACTS.match(
                    text, mention.end, sentence.end
                )
                if acts and any(m.start == acts.end() for m in mentions):
                    acts = None  # "… chỉ đạo Sở X …": Sở X is told
                if not (directed or role or acts):
                    continue  # "Bộ trưởng Bộ Tài chính chỉ đạo rà soát …" acts for the body
            elif not directed and SPEAKER_AFTER.match(text, mention.end, sentence.end):
                continue  # "UBND tỉnh chỉ đạo …" speaks, unless it is told to ("yêu cầu UBND …")
            clause_start = opens_clause(text, sentence, mention.start)
            plain = False
            label = _LABEL.match(text, mention.end, sentence.end)
            duty_item = _inside(sentence, duty_sections) and not _MORE_OF_NAME.match(
                text, mention.end
            )
            leads = [mention]
            if mention.start == sentence.start and (label or duty_item):
                # "2. Sở Tài chính: chủ trì, phối hợp với …" — a plan's list of duties; "4. Bộ
                # KH&CN, Bộ TT&TT chủ trì …" — two bodies charged together
                if label:
                    after = label.end()
                else:
                    leads, after = directed_list(text, sentence, mentions, index)
                role = ROLE_AFTER.match(text, after, sentence.end)
                after = role.end() if role else after
            elif directed:
                leads, after = directed_list(text, sentence, mentions, index)
                role = ROLE_AFTER.match(text, after, sentence.end)
                after = role.end() if role else after
            elif role:
                leads = co_leads(text, sentence, mentions, index, used_until)
                after = role.end()
                if role.group().strip(" ,") == "phải" and not (
                    opens_clause(text, sentence, leads[0].start)
                    or text[sentence.start : leads[0].start].rstrip().endswith(",")
                ):
                    continue  # "thành phần tham gia Tổ giúp việc Ban Chỉ đạo … phải tinh gọn"
            elif position:
                after = mention.end  # the holder acts: the task reads from "chỉ đạo …"
            elif _JOINT.match(text, mention.end, sentence.end) and index > 0:
                # "Văn phòng Tỉnh ủy, Sở KH&CN phối hợp nghiên cứu …": a joint task
                leads = co_leads(text, sentence, mentions, index, used_until)
                if len(leads) < 2:
                    continue
                after = mention.end
            elif (
                clause_start
                and directive_paragraph
                and text[mention.end : mention.end + 1] == " "
                and _TASK_OPENING.match(text, _modal_end(text, mention.end + 1), sentence.end)
            ):
                # "… được giao …. Công an tỉnh đảm bảo an toàn thông tin …"; "Bên cạnh đó, Bảo
                # hiểm Xã hội Việt Nam cần nâng cao …"
                after = _modal_end(text, mention.end + 1)
            elif (
                mention.start == paragraph.start
                and (mention.ref.key in told_before or after_opinions)
                and not mention.ref.collective
                and text[mention.end : mention.end + 1] == " "
                and _plain_verb(text, mention.end + 1, sentence.end)
            ):
                # "Thủ tướng giao Bộ KH&ĐT quy định …." then "Bộ Kế hoạch và Đầu tư vận động,
                # quản lý …"; "Phó Thủ tướng … có ý kiến như sau: Bộ TT&TT nghiên cứu, tiếp thu
                # …": a body opening a paragraph of a text that is directing it, with a verb
                after = mention.end + 1
                plain = True
            elif (
                clause_start
                and directive_paragraph
                and (
                    COORDINATE.match(text, mention.end, sentence.end)
                    or _DIRECTIVE_WORD.search(text, sentence.start, mention.start)
                )
            ):
                after = mention.end
            else:
                continue
            fact = assignment(text, leads, after, sentence, mentions, source, context)
            if fact:
                found.append(fact)
                used_until = text.find(fact.task, after) + len(fact.task)
                grounds = _GROUNDS.fullmatch(text, sentence.start, mention.start)
                charged = directed or label or duty_item or (role and (clause_start or grounds))
                charged = charged or plain
                if charged and not any(m.ref.collective for m in leads):
                    carry = (paragraph, fact)  # "giao cho các doanh nghiệp …" names no one lead
                found.extend(
                    _role_clauses(text, fact, used_until, sentence, mentions, source, context)
                )
                used_until = max(used_until, *(text.find(f.task) + len(f.task) for f in found))
        if not found and mentions and (carry or handed):
            found = _handed_in(
                text, sentence, mentions, carry[1] if carry else handed, source, context
            )
        if not found and not (mentions and mentions[0].start == sentence.start):
            found = _subjectless(
                text, sentence, paragraph, carry, all_mentions, mentions, source, context
            )
            if found and not any(lead.collective for lead in found[0].leads):
                carry = (paragraph, found[0])
        facts.extend(found)
    return _without_restatements(facts)


def _duty_goes_on(
    text: str,
    sentence: Span,
    mentions: list[AgencyMention],
    duties: AssignmentFact | None,
    source: SourceText,
    context: ExtractionContext,
) -> AssignmentFact | None:
    """A subject-less sentence going on with a committee's duties ("Chức năng, nhiệm vụ của Ban
    Chỉ đạo là …. Giúp UBND thành phố …. Cho ý kiến về …"): a further duty of that committee."""
    if duties is None or (mentions and mentions[0].start == sentence.start):
        return None
    going = DUTY_GOES_ON.match(text, sentence.start, sentence.end)
    if going is None:
        return None
    lead = AgencyMention(sentence.start, sentence.start, duties.leads[0])
    fact = assignment(text, [lead], going.end(), sentence, mentions, source, context)
    return carried(fact, duties, duties.leads)


# "Hoàn thành trong tháng 8 năm 2021.", "Thời hạn hoàn thành: trước ngày 30/6/2025."
_DEADLINE_ONLY = re.compile(
    r"\s*(?:(?:Hoàn thành|Thời hạn(?:\s+hoàn thành)?|Thời gian(?:\s+hoàn thành)?)\s*:?\s*)"
    r"(?P<when>[^,;:]{4,40}?)\s*[./]*\s*",
)


def _closing_deadline(
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


_MODAL = re.compile(r"(?:cần|sẽ)\s+")
# The leader's opinion a Government Office notice conveys: what follows it directs.
_OPINION_OPENER = re.compile(
    r"(?:có ý kiến(?:\s+chỉ đạo)?|kết luận(?:\s+chỉ đạo)?)\s+(?:như sau|sau đây)\s*:"
)


def _plain_verb(text: str, position: int, end: int) -> bool:
    """Whether a verb of administrative work opens the text at ``position``."""
    return bool(_TASK_OPENING.match(text, position, end) or CLAUSE_VERB.match(text, position, end))


def _modal_end(text: str, position: int) -> int:
    """Past a modal word ("cần", "sẽ") before a task's verb."""
    modal = _MODAL.match(text, position)
    return modal.end() if modal else position


def _without_restatements(facts: list[AssignmentFact]) -> list[AssignmentFact]:
    """A task stated twice to the same leads (a sapo, then the item it sums up) is one task: the
    later statement is dropped when it opens with the earlier one's words, or they with it."""
    kept: list[AssignmentFact] = []
    for fact in facts:
        leads = [lead.key for lead in fact.leads]
        if any(
            [lead.key for lead in other.leads] == leads
            and (fact.task.startswith(other.task) or other.task.startswith(fact.task))
            and other.evidence.start != fact.evidence.start
            for other in kept
        ):
            continue
        kept.append(fact)
    return [fact for fact in kept if not _restated_in_full(fact, kept)]


def _words(task: str) -> frozenset[str]:
    return frozenset(re.findall(r"[\w.]+", task.casefold()))


def _restated_in_full(fact: AssignmentFact, facts: list[AssignmentFact]) -> bool:
    """Whether a headline or sapo's task ("ban hành Khung kiến trúc Chính phủ điện tử 2.0") is
    told in full elsewhere to the same leads, every word of it in the fuller statement ("ký ban
    hành Khung Kiến trúc Chính phủ điện tử Việt Nam phiên bản 2.0")."""
    words = _words(fact.task)
    if len(words) < 6:
        return False
    leads = [lead.key for lead in fact.leads]
    return any(
        other is not fact
        and [lead.key for lead in other.leads] == leads
        and other.evidence.start != fact.evidence.start
        and words < _words(other.task)
        for other in facts
    )


def _directs(text: str, start: int, end: int, mentions: list[AgencyMention]) -> bool:
    """Whether a directive word stands in [start, end) outside a body's name (the "chỉ đạo" of
    "Ban Chỉ đạo … tổ chức Hội nghị" directs no one)."""
    return any(
        not any(m.start <= word.start() < m.end for m in mentions)
        for word in _DIRECTIVE_WORD.finditer(text, start, end)
    )


# "… bảo hiểm thất nghiệp.Bảo hiểm Xã hội Việt Nam nghiên cứu …": a stop with no space after
# it, a word of three or more letters before it (not "Tp.Hồ Chí Minh", "TP.HCM")
_RUN_TOGETHER = re.compile(r"(?<=[^\W\d_]{2}[a-zà-ỹđ])\.(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])")


def _run_together(text: str, spans: list[Span]) -> list[Span]:
    """Sentences a page ran together without a space after the stop, split again."""
    split: list[Span] = []
    for span in spans:
        start = span.start
        for stop in _RUN_TOGETHER.finditer(text, span.start, span.end):
            split.append(Span(start, stop.end()))
            start = stop.end()
        split.append(Span(start, span.end))
    return split


def _unwrapped(text: str, spans: list[Span]) -> list[Span]:
    """Sentences with the lines a transcription wrapped joined again: "Giao cho Sở A và Sở B" /
    "hướng dẫn chi tiết …" is one sentence (the next line opens in lower case, the first ends
    with no stop)."""
    joined: list[Span] = []
    for span in spans:
        last = joined[-1] if joined else None
        if (
            last is not None
            and text[last.end : span.start] == "\n"
            and text[span.start : span.start + 1].islower()
            and text[last.end - 1 : last.end] not in ".;:!?"
        ):
            joined[-1] = Span(last.start, span.end)
        else:
            joined.append(span)
    return joined


def _role_clauses(
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
    KH&ĐT quy định …; phê duyệt Quy chế …; quyết định thành lập …": three tasks)."""
    found = []
    while position < sentence.end and text[position : sentence.end].lstrip(" .,").startswith(";"):
        clause = position + text[position : sentence.end].index(";") + 1
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
        found.append(more)
        position = text.find(more.task, after) + len(more.task)
    return found


def _subjectless(
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
    connective = _CONNECTIVE.match(text, start, sentence.end)
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
        return [fact, *_role_clauses(text, fact, position, sentence, mentions, source, context)]
    if not _TASK_OPENING.match(text, start, sentence.end):
        return []
    like: AssignmentFact | None = carry[1] if carry else None
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
    return [fact, *_role_clauses(text, fact, position, sentence, mentions, source, context)]


# "Trên cơ sở kết quả rà soát của các bộ, ngành, Bộ Công an chủ trì …": grounds before the lead
# of a role, whose task the next paragraph may go on with
_GROUNDS = re.compile(r"(?:Trên cơ sở|Căn cứ)\s+(?!đó\b)[^;.:]*,\s*")
# "Thủ tướng yêu cầu trình …": a request with no addressee to hand in the work just assigned
_HAND_IN = re.compile(r"\s+(?:cũng\s+)?(?:yêu cầu|đề nghị)\s+(?=(?:trình|báo cáo)\s)")


def _handed_in(
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
_CAPTION = re.compile(r"(?:^|\s|\()Ảnh(?:\s+minh\s+h(?:oạ|ọa|oa))?\s*:|Ảnh minh h(?:oạ|ọa)\s*$")
# A body named again by its head noun alone ("Bộ cũng có nhiệm vụ …") before a role.
_SAME_BODY = re.compile(
    r"(?P<word>Bộ|Sở|Ban|Cục)(?=\s+(?:cũng\s+)?(?:có nhiệm vụ|có trách nhiệm|chịu"
    r" trách nhiệm|chủ trì|được giao)(?![\w]))"
)
# How a sentence going on with the task before may open: a connective, a condition ("Trường hợp
# cần thiết, đề xuất …") or a recurring time ("Vào tháng 11 hàng năm, lập phiếu điều tra …")
_CONNECTIVE = re.compile(
    r"(?:Đồng thời|Bên cạnh đó|Ngoài ra|(?:Trong )?[Tt]rường hợp cần thiết|Khi cần thiết|"
    r"(?:Vào )?(?:tháng \d{1,2} )?[Hh][ằà]ng năm|Định kỳ h[ằà]ng (?:năm|quý|tháng))\s*,\s*"
)
_ADVERB = re.compile(r"(?:khẩn trương|tiếp tục|chủ động)\s+", re.IGNORECASE)
# "Văn phòng Tỉnh ủy, Sở KH&CN phối hợp nghiên cứu …", "Bộ Tài chính, Bộ KH&CN phối hợp với các
# cơ quan liên quan xem xét …" (with a collective only: "A phối hợp với B" makes B the lead)
_JOINT = re.compile(r"\s+phối hợp\s+(?!chặt)(?!với\s+(?!các\s|những\s))")
# How a subject-less task opens: a verb of administrative work (or a role).
_TASK_OPENING = re.compile(
    r"(?:khẩn trương\s+|tiếp tục\s+|chủ động\s+)?(?:rà soát|chủ trì|phối hợp|xây dựng|tham mưu|"
    r"triển khai|hoàn thiện|tổ chức|đẩy mạnh|báo cáo|nghiên cứu|hướng dẫn|thực hiện|đôn đốc|"
    r"kiểm tra|theo dõi|bảo đảm|đảm bảo|nâng cao|ban hành|trình|tăng cường|phát triển|"
    r"tập trung|cập nhật|đề xuất|quán triệt|hoàn thành|sửa đổi|bố trí|cung cấp|tổng hợp|"
    r"đánh giá|lãnh đạo|chỉ đạo|tuyên truyền|cụ thể hóa|cụ thể hoá|thẩm định|hỗ trợ|ưu tiên|"
    r"áp dụng|tiếp thu|khẩn trương|tiếp tục|chủ động|dẫn dắt|lập(?!\s+tức))(?![\w])",
    re.IGNORECASE,
)


_MORE_OF_NAME = re.compile(r"\s+(?:các|cấp|và)\s")  # "Ủy ban nhân dân các huyện": a collective
_LABEL = re.compile(r"\s*:\s*(?=\S)")
_DUTY_HEADING = re.compile(
    r"(?:tổ chức thực hiện|phân công nhiệm vụ|trách nhiệm thực hiện|phân công thực hiện)\s*:?$",
    re.IGNORECASE,
)


def duty_section_spans(tree: DocumentTree) -> list[Span]:
    """The "TỔ CHỨC THỰC HIỆN" sections of a plan (any level of the tree): each item there opens
    with the body it charges."""
    return [
        Span(node.heading_end, node.end)
        for node in tree.nodes()
        if node.is_section and _DUTY_HEADING.fullmatch(node.heading(tree.text))
    ]


def _inside(sentence: Span, spans: list[Span]) -> bool:
    return any(s.start <= sentence.start < s.end for s in spans)


# A position holder who acts on a task ("Bộ trưởng Bộ Tài chính chỉ đạo rà soát …") rather than
# tells a body to ("Chủ tịch UBND tỉnh chỉ đạo Sở X …", which names its own lead).
_HOLDER_ACTS = re.compile(
    r"\s+(?:trực tiếp\s+|tập trung\s+)?chỉ đạo(?:\s+(?:quyết liệt|sát sao|việc))?\s+"
    r"(?!các\s|những\s|toàn\s|cấp\s)(?=[a-zđà-ỹ])"
)
