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

from ingest.extract.assignment_continuations import (
    closing_deadline,
    duty_goes_on,
    handed_in,
    role_clauses,
    subjectless,
)
from ingest.extract.assignment_forms import (
    CAPTION,
    CONNECTIVE,
    DIRECTIVE_BEFORE,
    DIRECTIVE_WORD,
    GROUNDS,
    HOLDER_ACTS,
    JOINT,
    LABEL,
    MORE_OF_NAME,
    OPINION_OPENER,
    TASK_OPENING,
    directs,
    intro_directs,
    modal_end,
    plain_verb,
)
from ingest.extract.assignment_restatements import without_restatements
from ingest.extract.assignment_sentences import assignment_sentences, duty_section_spans, inside
from ingest.extract.context import ExtractionContext
from ingest.extract.lead_forms import (
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
    and_another,
    co_leads,
    directed_list,
    listed_together,
    opens_clause,
)
from ingest.extract.sentences import Span, paragraphs, sentence_at
from ingest.extract.speakers import POSITION_BEFORE, SPEAKER_AFTER
from ingest.extract.structure import parse
from ingest.extract.task_facts import COORDINATE, assignment
from ingest.model import AssignmentFact, SourceText
from ingest.resolve import find_agencies


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
    opinions = OPINION_OPENER.search(text)  # "… có ý kiến như sau:": what follows directs
    duties: AssignmentFact | None = None  # a committee's duties being listed
    for sentence in assignment_sentences(text):
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
            if CAPTION.search(text, paragraph.start, paragraph.end):
                pass
            elif CONNECTIVE.match(text, paragraph.start, paragraph.end) or TASK_OPENING.match(
                text, paragraph.start, paragraph.end
            ):
                carry = (paragraph, carry[1])
            else:
                carry = None
        closing = closing_deadline(text, sentence, paragraph, carry, facts, context)
        if closing is not None:
            facts[-1] = closing  # "… chủ trì xây dựng Chiến lược …. Hoàn thành trong tháng 8 …"
            carry = (paragraph, closing)
            continue
        going = duty_goes_on(text, sentence, mentions, duties, source, context)
        if going:
            facts.extend(going)  # "… có chức năng, nhiệm vụ …. Giúp UBND tỉnh …"
            carry = None  # only a duty verb goes on with a committee's duties
            continue
        duties = None
        directive_paragraph = directs(
            text, paragraph.start, sentence.end, all_mentions
        ) or intro_directs(tree, text, sentence.start, all_mentions)
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
            directed = DIRECTIVE_BEFORE.search(before) or (
                # "giao A làm chủ đầu tư và B làm quản lý dự án …": B is told too
                found
                and found[-1].leads != [mention.ref]
                and and_another(text, used_until, mention)
            )
            position = POSITION_BEFORE.search(before)
            if position:
                # "giao Giám đốc Sở X …", "Chủ tịch UBND tỉnh chịu trách nhiệm …": the holder
                # stands for the body; "Bí thư Tỉnh ủy giao …" speaks.
                held_from = max(sentence.start, mention.start - 25) + position.start()
                directed = DIRECTIVE_BEFORE.search(
                    text[max(sentence.start, held_from - 25) : held_from]
                )
                acts = opens_clause(text, sentence, held_from) and HOLDER_ACTS.match(
                    text, mention.end, sentence.end
                )
                if acts and any(m.start == acts.end() for m in mentions):
                    acts = None  # "… chỉ đạo Sở X …": Sở X is told
                if not acts and opens_clause(text, sentence, held_from):
                    # "Giám đốc Sở Thông tin và Truyền thông phối hợp với các sở, ban, ngành có
                    # liên quan tổ chức triển khai …": with a collective, the holder's body leads
                    acts = JOINT.match(text, mention.end, sentence.end)
                if not (directed or role or acts):
                    continue  # "Bộ trưởng Bộ Tài chính chỉ đạo rà soát …" acts for the body
            elif not directed and SPEAKER_AFTER.match(text, mention.end, sentence.end):
                continue  # "UBND tỉnh chỉ đạo …" speaks, unless it is told to ("yêu cầu UBND …")
            clause_start = opens_clause(text, sentence, mention.start)
            plain = False
            label = LABEL.match(text, mention.end, sentence.end)
            duty_item = inside(sentence, duty_sections) and not MORE_OF_NAME.match(
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
                after = standing_role(text, role, sentence.end)
                if role.group().strip(" ,") == "phải" and not (
                    opens_clause(text, sentence, leads[0].start)
                    or text[sentence.start : leads[0].start].rstrip().endswith(",")
                ):
                    continue  # "thành phần tham gia Tổ giúp việc Ban Chỉ đạo … phải tinh gọn"
            elif position:
                after = mention.end  # the holder acts: the task reads from "chỉ đạo …"
            elif JOINT.match(text, mention.end, sentence.end) and index > 0:
                # "Văn phòng Tỉnh ủy, Sở KH&CN phối hợp nghiên cứu …": a joint task
                leads = co_leads(text, sentence, mentions, index, used_until)
                if len(leads) < 2:
                    continue
                after = mention.end
            elif (
                clause_start
                and directive_paragraph
                and (together := listed_together(text, sentence, mentions, index))
                and TASK_OPENING.match(text, modal_end(text, together[1]), sentence.end)
            ):
                # "… được giao …. Công an tỉnh đảm bảo an toàn thông tin …"; "Bên cạnh đó, Bảo
                # hiểm Xã hội Việt Nam cần nâng cao …"; "Cổng thông tin điện tử tỉnh, Đài Phát
                # thanh và Truyền hình tỉnh, Báo Đắk Nông, UBND các huyện, thành phố Gia Nghĩa
                # tiếp tục duy trì …" (a directive's item): the bodies listed lead together
                leads = together[0]
                after = modal_end(text, together[1])
            elif (
                mention.start == paragraph.start
                and (mention.ref.key in told_before or after_opinions)
                and not mention.ref.collective
                and text[mention.end : mention.end + 1] == " "
                and plain_verb(text, mention.end + 1, sentence.end)
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
                    or DIRECTIVE_WORD.search(text, sentence.start, mention.start)
                )
            ):
                after = mention.end
            else:
                continue
            fact = assignment(text, leads, after, sentence, mentions, source, context)
            if fact:
                found.append(fact)
                used_until = text.find(fact.task, after) + len(fact.task)
                grounds = GROUNDS.fullmatch(text, sentence.start, mention.start)
                charged = directed or label or duty_item or (role and (clause_start or grounds))
                charged = charged or plain
                if charged and not any(m.ref.collective for m in leads):
                    carry = (paragraph, fact)  # "giao cho các doanh nghiệp …" names no one lead
                found.extend(
                    role_clauses(text, fact, used_until, sentence, mentions, source, context)
                )
                used_until = max(used_until, *(text.find(f.task) + len(f.task) for f in found))
        if not found and mentions and (carry or handed):
            found = handed_in(
                text, sentence, mentions, carry[1] if carry else handed, source, context
            )
        if not found and not (mentions and mentions[0].start == sentence.start):
            found = subjectless(
                text, sentence, paragraph, carry, all_mentions, mentions, source, context
            )
            if found and not any(lead.collective for lead in found[0].leads):
                carry = (paragraph, found[0])
        facts.extend(found)
    return without_restatements(facts)


# "Sở KH&CN là cơ quan thường trực của Ban Chỉ đạo.": the role is all the task there is
_STANDING = re.compile(r"\s*,?\s*là cơ quan (?:thường trực|đầu mối)")
_ROLE_ONLY = re.compile(r"(?:của\s+[^,;.]{2,120})?\s*[.;]?\s*$")


def standing_role(text: str, role: re.Match[str], end: int) -> int:
    """Where the task of a body's role starts: after the role, or at the role itself when a
    standing role ("là cơ quan thường trực (của Ban Chỉ đạo)") ends the sentence."""
    if _STANDING.match(role.group()) and _ROLE_ONLY.fullmatch(text, role.end(), end):
        return role.start() + len(role.group()) - len(role.group().lstrip(" ,"))
    return role.end()
