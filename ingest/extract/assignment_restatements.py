"""A task stated twice to the same leads (a sapo, then the item it sums up) kept once."""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.model import AssignmentFact


def without_restatements(facts: list[AssignmentFact]) -> list[AssignmentFact]:
    """A task stated twice to the same leads (a sapo, then the item it sums up) is one task: the
    later statement is dropped when it opens with the earlier one's words, or they with it; a
    deadline only the later one gives (a caption restating a task, then the body dating it) is
    kept."""
    kept: list[AssignmentFact] = []
    for fact in facts:
        leads = [lead.key for lead in fact.leads]
        earlier = next(
            (
                index
                for index, other in enumerate(kept)
                if [lead.key for lead in other.leads] == leads
                and (fact.task.startswith(other.task) or other.task.startswith(fact.task))
                and other.evidence.start != fact.evidence.start
            ),
            None,
        )
        if earlier is None:
            kept.append(fact)
        elif kept[earlier].deadline is None and fact.deadline is not None:
            kept[earlier] = replace(
                kept[earlier], deadline=fact.deadline, deadline_text=fact.deadline_text
            )
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
