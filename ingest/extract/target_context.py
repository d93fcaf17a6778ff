"""Targets read in the context of their sentence: ranks that share one topic list.

"Việt Nam thuộc nhóm 3 nước dẫn đầu Đông Nam Á, nhóm 50 nước đứng đầu thế giới về năng lực
cạnh tranh số và chỉ số phát triển Chính phủ điện tử" sets four targets: each rank applies to
each topic after the last "về", and a rank with no "về" of its own takes the next one's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.model import TargetFact
from ingest.resolve import Catalogue, resolve_indicator

_TOPIC = re.compile(r"\bvề\s+([^;.]+)")


def rank_topics(sentence_text: str, rank_end: int) -> list[str]:
    """The topics ("về A và B") a rank ending at ``rank_end`` of the sentence is counted on."""
    match = _TOPIC.search(sentence_text, rank_end)
    if not match or ";" in sentence_text[rank_end : match.start()]:
        return []
    topic = re.split(r",\s*(?:trung tâm|nhóm|tối thiểu)|\s+(?:để|nhằm)\s", match.group(1))[0]
    return [part.strip(" ,") for part in re.split(r"\s+và\s+", topic) if part.strip(" ,")]


def split_rank(
    fact: TargetFact, topics: list[str], catalogue: Catalogue, provincial: bool
) -> list[TargetFact]:
    """One target per curated rank indicator among ``topics``; the fact itself when fewer."""
    keys: list[tuple[str, str]] = []
    for topic in topics:
        key = resolve_indicator(topic, "thứ bậc", catalogue, provincial=provincial)
        entry = catalogue.indicators.get(key) if key else None
        if key and entry and entry.default_unit == "thứ bậc" and key not in {k for k, _ in keys}:
            keys.append((key, topic))
    if len(keys) < 2:
        if len(keys) == 1 and fact.indicator_key is None:
            return [replace(fact, indicator_key=keys[0][0])]
        return [fact]
    prefix = re.split(r"\s+về\s+", fact.indicator_text)[0]
    return [
        replace(fact, indicator_key=key, indicator_text=f"{prefix} về {topic}")
        for key, topic in keys
    ]
