"""Who leads a task: the agencies listed together before a role ("Bộ KH&CN, Bộ TT&TT chủ
trì"), those told together after "giao", and the lead a section heading names for its items."""

from __future__ import annotations

import re

from ingest.extract.sentences import Span
from ingest.extract.structure import DocumentTree
from ingest.resolve import AgencyMention

ROLE_AFTER = re.compile(
    r"\s*,?\s*(?:là cơ quan (?:đầu mối|chủ trì|thường trực)(?:,?\s*(?:chủ trì|đầu mối))?|chủ trì|"
    r"có trách nhiệm|chịu trách nhiệm|được giao(?:\s+nhiệm vụ)?(?:\s+chủ trì)?)(?![\w])\s*,?\s*"
)
CO_LEAD_GLUE = re.compile(r"\s*(?:,|và)\s*")
HOLDER = re.compile(
    r"(?:Lãnh đạo|Chủ tịch|Giám đốc|Bộ trưởng|Trưởng ban|Thủ trưởng|Bí thư)\s+(?=[A-ZĐỦ])"
)
HEADING_REST = re.compile(r"\s*(?:\([^)]{0,40}\))?\s*[*_]*\s*:?\s*[*_]*\s*")


def co_leads(
    text: str, sentence: Span, mentions: list[AgencyMention], index: int, used_until: int
) -> list[AgencyMention]:
    """The agencies listed before a lead and sharing its role ("Bộ KH&CN, Bộ TT&TT chủ trì"),
    when the list opens its clause."""
    group = [mentions[index]]
    j = index - 1
    while (
        j >= 0
        and mentions[j].start >= used_until
        and CO_LEAD_GLUE.fullmatch(text, mentions[j].end, group[0].start)
    ):
        group.insert(0, mentions[j])
        j -= 1
    if len(group) > 1 and opens_clause(text, sentence, group[0].start):
        return group
    return group[-1:]


def directed_list(
    text: str, sentence: Span, mentions: list[AgencyMention], index: int
) -> tuple[list[AgencyMention], int]:
    """The agencies told together ("giao Sở A, Sở B chủ trì …"), and where their list ends."""
    group = [mentions[index]]
    position = mentions[index].end
    for nxt in mentions[index + 1 :]:
        if not CO_LEAD_GLUE.fullmatch(text, position, nxt.start):
            break
        group.append(nxt)
        position = nxt.end
    if len(group) > 1 and not ROLE_AFTER.match(text, position, sentence.end):
        return group[:1], mentions[index].end  # "giao Sở A, Sở B …" without a role: unclear
    return group, position


def heading_lead(
    tree: DocumentTree | None, text: str, sentence: Span, all_mentions: list[AgencyMention]
) -> AgencyMention | None:
    """The lead a section heading names for the items under it ("3. Ban Tuyên giáo Tỉnh ủy:",
    "b) Lãnh đạo Ban Kinh tế:"), innermost heading first."""
    if tree is None:
        return None
    for node in reversed(tree.sections_at(sentence.start)):
        if node.start <= sentence.start < node.heading_end:
            continue
        start = node.start + len(node.marker)
        start += len(text[start : node.heading_end]) - len(text[start : node.heading_end].lstrip())
        holder = HOLDER.match(text, start, node.heading_end)
        start = holder.end() if holder else start
        mention = next((m for m in all_mentions if m.start == start), None)
        if mention and HEADING_REST.fullmatch(text, mention.end, node.heading_end):
            return mention
    return None


def opens_clause(text: str, sentence: Span, start: int) -> bool:
    """Whether an agency stands at the start of its sentence or of a ";"-clause."""
    head = text[sentence.start : start]
    head = re.sub(r"(?:Đồng thời|đồng thời|Bên cạnh đó|Ngoài ra)\s*,?\s*$", "", head)
    return not head.strip() or head.rstrip().endswith(";")
