"""Agency mentions of curated names in running text, and what every mention is checked for.

A curated name (or a standard provincial body's name) is found longest-first on folded tokens;
the province named after it, or the text's province, completes a provincial body's key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import AgencyRef
from ingest.resolve.catalogue import AgencyEntry, Catalogue
from ingest.resolve.places import province_suffix
from ontology.slugs import slugify
from ontology.text_keys import BREAK, Tokens, name_key, tokens


@dataclass(frozen=True)
class AgencyMention:
    """An agency named at [start, end) of a text."""

    start: int
    end: int
    ref: AgencyRef


def curated_mentions(text: str, catalogue: Catalogue, province: str | None) -> list[AgencyMention]:
    """Curated names in ``text``, longest first, each with the province named after it."""
    toks = tokens(text)
    keys = [t.key for t in toks]
    mentions: list[AgencyMention] = []
    index = 0
    while index < len(toks):
        found = None
        for width in range(min(catalogue.max_name_tokens, len(toks) - index), 0, -1):
            key = tuple(keys[index : index + width])
            if BREAK in key:
                continue
            if key in catalogue.agency_index:
                found = ("full", width, key)
                break
            if key in catalogue.generic_index:
                found = ("generic", width, key)
                break
        if not found or not _acceptable_start(text, toks[index].start, found, catalogue):
            index += 1
            continue
        kind, width, key = found
        end_index = index + width
        if kind == "full":
            entry = catalogue.agencies[catalogue.agency_index[key]]
            place, used, _ = province_suffix(toks, end_index, catalogue, text)
            if place and place == entry.province:
                end_index += used
            ref = ref_of(entry, text[toks[index].start : toks[end_index - 1].end])
        else:
            place, used, _ = province_suffix(toks, end_index, catalogue, text)
            end_index += used
            ref = _generic_ref(
                key, place or province, catalogue, text[toks[index].start : toks[end_index - 1].end]
            )
            unit = None if used else _LOWER_UNIT.match(text, toks[end_index - 1].end)
            if unit:
                # "Ủy ban nhân dân phường Tân Quang": the ward's committee, not the province's
                name = text[toks[index].start : unit.end()]
                mentions.append(
                    AgencyMention(toks[index].start, unit.end(), _local_ref(name, province))
                )
                while index < len(toks) and toks[index].start < unit.end():
                    index += 1
                continue
        if ref.collective:
            ref = AgencyRef(ref.name, ref.key, ref.resolved, ref.level, ref.province, True)
            concerned = _CONCERNED.match(text, toks[end_index - 1].end)
            if concerned:  # "các sở, ngành liên quan": the ones concerned, the same collective
                while end_index < len(toks) and toks[end_index].start < concerned.end():
                    end_index += 1
        if not _NOT_A_BODY_AFTER.match(text, toks[end_index - 1].end) and not _in_symbol(
            text, toks[index].start, toks[end_index - 1].end
        ):
            mentions.append(AgencyMention(toks[index].start, toks[end_index - 1].end, ref))
        index = end_index
    return mentions


_CONCERNED = re.compile(r"\s+(?:có\s+)?liên quan(?![\w])")
# A commune, ward, town or district named after a standard body's name: that unit's own body
_LOWER_UNIT = re.compile(
    r"\s+(?:phường|xã|thị trấn|huyện|quận|thị xã)\s+(?:[A-ZĐÂ][\w]*)(?:\s+[A-ZĐÂ][\w]*){0,3}"
)


def _local_ref(name: str, province: str | None) -> AgencyRef:
    """A body of a commune, ward or district: its own key, in the text's province."""
    slug = slugify(name)
    return AgencyRef(name, f"{slug}-{province}" if province else slug, False, "other", province)


def _in_symbol(text: str, start: int, end: int) -> bool:
    """Whether a name is part of a document symbol ("1024/BKHCN-VP"), not a mention of a body."""
    return (start > 0 and text[start - 1] in "/-") or text[end : end + 1] in ("/", "-")


def unify(mentions: list[AgencyMention]) -> list[AgencyMention]:
    """A short uncurated name ("Ban Chỉ đạo") that begins a longer one in the text is that body."""
    result = []
    for mention in mentions:
        ref = mention.ref
        if not ref.resolved:
            key = name_key(_clean_name(ref.name))
            longer = [
                m.ref
                for m in mentions
                if m.ref.province == ref.province
                and len(name_key(_clean_name(m.ref.name))) > len(key)
                and name_key(_clean_name(m.ref.name))[: len(key)] == key
            ]
            if longer and len(key) >= 2:
                ref = AgencyRef(
                    ref.name, longer[0].key, False, longer[0].level, ref.province, ref.collective
                )
        result.append(AgencyMention(mention.start, mention.end, ref))
    return result


def _clean_name(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", name)


MEMBER_OF = re.compile(r"(?:Ủy viên|Uỷ viên|ủy viên|uỷ viên|thành viên)\s+$")
_MEMBERS_TOLD = re.compile(r"(?:yêu cầu|đề nghị|giao)\s+(?:các\s+|từng\s+)?thành viên\s+$")
_NOT_A_BODY_AFTER = re.compile(r"\s+(?:số(?!\s*\d)|điện tử)")


def _acceptable_start(
    text: str, start: int, found: tuple[str, int, Tokens], catalogue: Catalogue
) -> bool:
    """A name starts with a capital (collective phrases excepted) and is not a member's title."""
    kind, _, key = found
    collective = kind == "full" and catalogue.agencies[catalogue.agency_index[key]].collective
    if (
        not collective
        and not text[start].isupper()
        and not re.search(r"(?:Trưởng|Phó)\s+$", text[max(0, start - 8) : start])
    ):
        return False
    before = text[max(0, start - 12) : start]
    if any(name.match(text, start) and title.search(before) for name, title in _TITLE_PARTS):
        return False
    return not member_title_before(text, start)


def member_title_before(text: str, start: int) -> bool:
    """Whether a member's title ("Ủy viên Ban Thường vụ", "thành viên Ban Chỉ đạo") holds the
    body named at ``start``; members told to act ("yêu cầu thành viên Ban chỉ đạo làm rõ …")
    stand for their committee."""
    if not MEMBER_OF.search(text[max(0, start - 12) : start]):
        return False
    return not _MEMBERS_TOLD.search(text[max(0, start - 30) : start])


# A person's title that holds a body's name: "Phó Bí thư Thường trực Tỉnh ủy" is the Tỉnh ủy's
# standing deputy secretary (the body is the Tỉnh ủy), "Phó Thủ tướng Chính phủ" a member of the
# Government, "Bí thư Trung ương Đảng" a secretary of the Central Committee: no body of its own.
_TITLE_PARTS = (
    (re.compile(r"Thường trực\s"), re.compile(r"Bí thư\s+$")),
    (re.compile(r"Thủ tướng\s"), re.compile(r"Phó\s+$")),
    (re.compile(r"Trung ương Đảng"), re.compile(r"Bí thư\s+$")),
)


def ref_of(entry: AgencyEntry, name: str) -> AgencyRef:
    return AgencyRef(name, entry.key, True, entry.level, entry.province, entry.collective)


def _generic_ref(key: Tokens, province: str | None, catalogue: Catalogue, name: str) -> AgencyRef:
    by_province = catalogue.generic_index[key]
    if province in by_province:
        return ref_of(catalogue.agencies[by_province[province]], name)
    code = catalogue.generic_codes[key]
    minted = f"{code}-{province}" if province else slugify(name)
    return AgencyRef(name, minted, False, "provincial", province)
