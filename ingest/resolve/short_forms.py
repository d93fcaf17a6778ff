"""Bare short forms of steering bodies ("Ban Chỉ đạo", "BCĐ"): whose body they are, if anyone's.

A notice of the Government's or the Central steering committee says "Ban Chỉ đạo" for the body it
named in full ("… (gọi tắt là Ban Chỉ đạo)"); a national text's bare "Ban Chỉ đạo" is no provincial
body, and "thành lập Ban Chỉ đạo" is a body made, named by nobody. Only a provincial text's bare
"Ban Chỉ đạo" with no fuller name in sight is the province's committee (the curated standard body).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.resolve.catalogue import Catalogue
from ingest.resolve.mentions import AgencyMention
from ontology.text_keys import name_key

_SHORT_FORM = re.compile(r"(?:Ban [Cc]hỉ đạo|BCĐ)", re.IGNORECASE)
_MADE_BEFORE = re.compile(r"(?:thành lập|kiện toàn|thành lập các|thành lập lại)\s+$", re.IGNORECASE)


def resolve_short_forms(
    text: str, mentions: list[AgencyMention], catalogue: Catalogue, province: str | None
) -> list[AgencyMention]:
    """Each bare short form taken as the fuller name it abbreviates, or dropped if none fits."""
    keys = [name_key(_written(text, m)) for m in mentions]
    result: list[AgencyMention] = []
    for index, mention in enumerate(mentions):
        key = keys[index]
        if (
            key not in catalogue.generic_index
            or not _SHORT_FORM.fullmatch(_written(text, mention))
            or mention.ref.level == "national"
        ):
            result.append(mention)
            continue
        fuller = [
            (abs(other.start - mention.start) + (0 if other.start < mention.start else 1), other)
            for position, other in enumerate(mentions)
            if len(keys[position]) > len(key)
            and keys[position][: len(key)] == key
            and other.ref.key != mention.ref.key
        ]
        if fuller:
            nearest = min(fuller, key=lambda pair: pair[0])[1]
            result.append(replace(mention, ref=replace(nearest.ref, name=mention.ref.name)))
        elif province and not _MADE_BEFORE.search(text[max(0, mention.start - 20) : mention.start]):
            result.append(mention)
    return result


def _written(text: str, mention: AgencyMention) -> str:
    return text[mention.start : mention.end]
