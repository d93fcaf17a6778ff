"""Agencies named in a text: curated names and abbreviations first, then name patterns.

A provincial body named without its province ("Sở Khoa học và Công nghệ" in a Bình Dương
article) takes the province of the text; a position holder ("Bí thư Tỉnh ủy") names the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ingest.extract.context import ExtractionContext
from ingest.extract.sentences import Span, sentence_at, sentences
from ingest.model import AgencyFact, SourceText
from ingest.resolve import find_agencies

_ABBREV_AFTER = re.compile(r"\s*\(([A-ZĐ][A-ZĐa-z&\-.]{1,14})\)")
_ABBREV_INSIDE = re.compile(r"\s*\(([A-ZĐ][A-ZĐa-z&\-.]{1,14})\)(?=\s)")


def extract(source: SourceText, context: ExtractionContext) -> Iterable[AgencyFact]:
    """One AgencyFact per distinct agency, quoting the sentence of its first mention."""
    text = source.normalised
    spans = sentences(text)
    facts: dict[str, AgencyFact] = {}
    for mention in find_agencies(text, context.catalogue, context.province):
        if mention.ref.collective:
            continue
        abbrev = _ABBREV_AFTER.match(text, mention.end) or _ABBREV_INSIDE.search(mention.ref.name)
        ref = replace(mention.ref, name=_ABBREV_INSIDE.sub("", mention.ref.name))
        identity = mention.ref.key
        if identity in facts:
            if abbrev and not facts[identity].abbrev:
                facts[identity].abbrev = abbrev.group(1)
            continue
        sentence = sentence_at(spans, mention.start) or Span(mention.start, mention.end)
        facts[identity] = AgencyFact(
            ref, source.evidence(sentence.start, sentence.end), abbrev.group(1) if abbrev else None
        )
    return list(facts.values())
