"""Agencies: every agency a text names, one name resolved, and a list of agencies split.

Curated names come first (longest match); names found by their shape (:mod:`.names`) come next,
each resolved as a name of its own. A name no curated agency carries gets a minted key
(``resolved=False``) of the same shape as a curated one.
"""

from __future__ import annotations

import re

from ingest.model import AgencyRef
from ingest.resolve.catalogue import AgencyEntry, Catalogue
from ingest.resolve.mention_context import (
    department_lists,
    minister_titles,
    named_at_work,
    unwrap_lines,
)
from ingest.resolve.mentions import (
    AgencyMention,
    curated_mentions,
    member_title_before,
    ref_of,
    unify,
)
from ingest.resolve.names import REGION, pattern_names
from ingest.resolve.places import province_suffix
from ingest.resolve.short_forms import resolve_short_forms
from ontology.slugs import slugify
from ontology.text_keys import Tokens, name_key, tokens

# Titles of people: "Bí thư Tỉnh ủy X" speaks for Tỉnh ủy X.
_POSITION = re.compile(
    r"^\s*(?:(?:ông|bà|đồng chí|đ/c)\s+)?(?:(?:phó|thường trực|quyền|nguyên|ủy viên|uỷ viên)\s+)*"
    r"(?:bí thư|chủ tịch|bộ trưởng|thứ trưởng|giám đốc|trưởng ban|trưởng đoàn|chánh văn phòng|"
    r"thủ trưởng|lãnh đạo|tổng giám đốc|viện trưởng|hiệu trưởng|trưởng)"
    r"(?:\s+thường trực)?\s+",
    re.IGNORECASE,
)
_COLLECTIVE = re.compile(
    r"^\s*(?:các\s+)?(?:bộ|sở|cơ quan|địa phương)\s*,\s*(?:ngành|cơ quan)\b", re.IGNORECASE
)


# A name found by its shape right after a number or "thành lập …" is a thing made, not a body.
_OBJECT_BEFORE = re.compile(r"(?:\d|\bthành|thành lập|xây dựng|hình thành|nâng cấp)\s+$")
# "Báo Công Thương điện tử": an e-newspaper or e-portal, not a body at work
_PUBLICATION_AFTER = re.compile(r"\s+điện tử(?![\w])")
# a ministry's Party committee or steering committee: a body of its own, not the ministry
_PARTY_COMMITTEE = re.compile(r"(?:Đảng (?:ủy|uỷ)|Ban cán sự(?: [đĐ]ảng)?|Ban [Cc]hỉ đạo(?= Bộ))\s")
_SUFFIX_WINDOW = 120  # where a province is looked for after a name: a province name is short
MEMO_TEXTS = 16  # texts whose agency mentions a catalogue remembers (several extractors ask)


def find_agencies(
    text: str, catalogue: Catalogue, province: str | None = None, patterns: bool = True
) -> list[AgencyMention]:
    """Every agency named in ``text``: curated names first (longest match), then name patterns.

    The result is remembered by the catalogue for the last few texts: the agency, assignment and
    meeting extractors each read a whole source's mentions.
    """
    memo = catalogue.cache.setdefault("agencies", {})
    assert isinstance(memo, dict)
    key = (text, province, patterns)
    found = memo.get(key)
    if found is None:
        found = _find_agencies(text, catalogue, province, patterns)
        if len(memo) >= MEMO_TEXTS:
            memo.pop(next(iter(memo)))
        memo[key] = found
    return list(found)


def _find_agencies(
    text: str, catalogue: Catalogue, province: str | None, patterns: bool
) -> list[AgencyMention]:
    text = unwrap_lines(text)
    mentions = curated_mentions(text, catalogue, province)
    for start, end in pattern_names(text) if patterns else []:
        after = text[end : end + _SUFFIX_WINDOW]  # no whole-text scan
        toks_after = tokens(after)
        _, used, _ = province_suffix(toks_after, 0, catalogue, after)
        full_end = end + toks_after[used - 1].end if used else end
        inside = [m for m in mentions if m.start < end and start < m.end]
        if _PARTY_COMMITTEE.match(text, start):
            # "Đảng ủy Công an tỉnh": the Party committee of a body is a body of its own
            inner = [m for m in inside if start < m.start and m.end <= full_end]
            if inner == inside:
                mentions = [m for m in mentions if m not in inner]
                inside = []
        bare = _longer_steering_name(text, start, end, inside) if inside else None
        if inside and bare is None:
            continue
        mentions = [m for m in mentions if m is not bare]
        if (
            _OBJECT_BEFORE.search(text[max(0, start - 12) : start])
            or member_title_before(text, start)
            or _PUBLICATION_AFTER.match(text, end)
        ):
            continue
        name = text[start:full_end]
        mentions.append(AgencyMention(start, full_end, resolve_agency(name, catalogue, province)))
    listed = department_lists(text, catalogue, province)
    listed += [
        m
        for m in minister_titles(text, catalogue)
        if not any(o.start < m.end and m.start < o.end for o in mentions)
    ]
    mentions = [m for m in mentions if not any(d.start < m.end and m.start < d.end for d in listed)]
    unified = unify(sorted(mentions + listed, key=lambda m: m.start))
    unified = [m for m in unified if named_at_work(text, m)]
    return resolve_short_forms(text, unified, catalogue, province) if patterns else unified


def _longer_steering_name(
    text: str, start: int, end: int, inside: list[AgencyMention]
) -> AgencyMention | None:
    """The bare short form a curated body carries ("Ban Chỉ đạo") that opens a name found by its
    shape ("Ban Chỉ đạo chuyển đổi số tỉnh", "Ban Chỉ đạo của Bộ Tài chính …"), when every other
    mention lies within that name: the whole name is then the mention, not its first words."""
    bare = next((m for m in inside if m.start == start), None)
    if bare is None or not re.fullmatch(r"Ban [Cc]hỉ đạo|BCĐ", text[bare.start : bare.end]):
        return None
    return bare if all(start <= m.start and m.end <= end for m in inside) else None


def resolve_agency(name: str, catalogue: Catalogue, province: str | None = None) -> AgencyRef:
    """The curated agency a name refers to, or a minted one (resolved=False)."""
    written = name.strip()
    body = _POSITION.sub("", written, count=1) or written
    key = name_key(body)
    if key in catalogue.agency_index:
        return ref_of(catalogue.agencies[catalogue.agency_index[key]], written)
    ministry = _MINISTRY_STEERING.match(body)
    if ministry:  # one key for every naming of a ministry's own steering committee
        owner = find_agencies(ministry.group(1), catalogue, None, patterns=False)
        if owner and owner[0].start == 0 and owner[0].ref.level == "national":
            return AgencyRef(written, f"bcd-{owner[0].ref.key}", False, "national", None)
    if _COLLECTIVE.match(body):
        collective = _collective_agency(catalogue)
        if collective:
            return AgencyRef(written, collective.key, True, collective.level, None, True)
        return AgencyRef(written, slugify(body), False, None, None, True)
    key = name_key(body)
    if key in catalogue.agency_index:
        return ref_of(catalogue.agencies[catalogue.agency_index[key]], written)
    mentions = find_agencies(body, catalogue, province, patterns=False)
    if mentions and not body[: mentions[0].start].strip():
        ref = mentions[0].ref
        return AgencyRef(written, ref.key, ref.resolved, ref.level, ref.province, ref.collective)
    unique = _unique_prefix(key, catalogue, province)
    if unique:
        return ref_of(unique, written)
    place = None
    toks = tokens(body)
    for index in range(1, len(toks)):
        place, used, _ = province_suffix(toks, index, catalogue, body)
        if place and index + used == len(toks):
            break
        place = None
    if place and _not_a_place(body, place, catalogue):
        place = None
    national = bool(
        re.search(
            r"quốc gia|Việt Nam|Trung ương|"
            r"^(?:Bộ|Cục|Tổng cục|Ban cán sự (?:đảng )?Bộ|Đảng (?:ủy|uỷ) Bộ|Ban [Cc]hỉ đạo Bộ) ",
            body,
        )
    )
    local = _looks_local(body)
    # a region's institute, a numbered regional branch ("Kho bạc Nhà nước khu vực XIX"): no province
    regional = bool(re.search(rf"(?:{REGION}|khu vực (?:[IVXL]{{1,6}}|\d{{1,2}}))$", body))
    place = place or (None if national or regional else province)
    slug = slugify(re.sub(r"\s*\([^)]*\)", "", body))
    if place and not slug.endswith(place):
        slug = f"{slug}-{place}"
    level = "national" if national and not place else ("provincial" if local and place else "other")
    return AgencyRef(written, slug, False, level, place)


# "Ban Chỉ đạo của Bộ Tài chính …", "Ban chỉ đạo Bộ Nông nghiệp và Môi trường"
_MINISTRY_STEERING = re.compile(r"Ban [Cc]hỉ đạo (?:của )?((?:Bộ|Ngân hàng Nhà nước)\s.*)")


def _unique_prefix(key: Tokens, catalogue: Catalogue, province: str | None) -> AgencyEntry | None:
    """ "Ban Chỉ đạo" in a provincial text: the one curated body of that province so named."""
    if len(key) < 2:
        return None
    found = {
        entry.key
        for generic, by_province in catalogue.generic_index.items()
        if generic[: len(key)] == key
        for place, agency_key in by_province.items()
        if place == province
        for entry in [catalogue.agencies[agency_key]]
    }
    return catalogue.agencies[found.pop()] if len(found) == 1 else None


def _not_a_place(body: str, place: str, catalogue: Catalogue) -> bool:
    """A name's ending that names no province: the nation ("Hội … Việt Nam" is a national body)
    or the person ("Đoàn Thanh niên Cộng sản Hồ Chí Minh"; the city is "Thành phố Hồ Chí Minh")."""
    entry = catalogue.places.get(place)
    if place == "viet-nam" or (entry is not None and entry.is_nation):
        return True
    return place == "ho-chi-minh" and not re.search(
        r"(?:[Tt]hành phố|TP\.?|Tp\.?)\s*Hồ Chí Minh\s*$", body
    )


def _looks_local(name: str) -> bool:
    return bool(
        re.match(
            r"(Sở|Ban|Tỉnh|Ủy ban nhân dân|UBND|HĐND|Hội đồng nhân dân|Tổ|Văn phòng|Đảng ủy)\b",
            name,
        )
    )


def _collective_agency(catalogue: Catalogue) -> AgencyEntry | None:
    collectives = sorted(
        (a for a in catalogue.agencies.values() if a.collective), key=lambda a: a.key
    )
    return collectives[0] if collectives else None


def split_agencies(cell: str, catalogue: Catalogue, province: str | None = None) -> list[AgencyRef]:
    """Split a list of agencies ("Bộ A, Bộ B và các địa phương") into one reference each.

    Names are found first (curated names longest-first, so "và" and commas inside names stay);
    what lies between names is a separator or a collective phrase; a leftover piece of text
    becomes a name of its own.
    """
    mentions = find_agencies(cell, catalogue, province)
    refs: list[AgencyRef] = []
    position = 0
    for mention in [*mentions, None]:
        gap_end = mention.start if mention else len(cell)
        for piece in re.split(r"\s*(?:[,;]|\bvà\b|\bcùng\b)\s*", cell[position:gap_end]):
            piece = piece.strip(" .()")
            place = catalogue.place_index.get(name_key(piece))
            if place:  # "các địa phương Bắc Ninh, Bình Dương": each province's People's Committee
                refs.append(resolve_agency("Ủy ban nhân dân", catalogue, place))
            elif piece and len(piece) > 1:
                refs.append(resolve_agency(piece, catalogue, province))
        if mention:
            refs.append(mention.ref)
            position = mention.end
    merged: list[AgencyRef] = []
    for ref in refs:
        if ref.key not in {r.key for r in merged}:
            merged.append(ref)
    return merged
