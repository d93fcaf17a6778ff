"""Places: provinces and cities named in a text, and the province named after a body's name."""

from __future__ import annotations

import re

from ingest.resolve.catalogue import PROVINCE_WORDS, Catalogue
from ingest.resolve.names import FAMILY_NAMES, NAME_HEAD
from ontology.slugs import slugify
from ontology.text_keys import Token, name_key, tokens

PLACE_PATTERN = re.compile(
    r"(?<![\w])(?:tỉnh|thành phố|TP\.?)\s*((?:[A-ZĐ][\w]*)(?:\s+[A-ZĐ][\w]*){0,3})"
)
# "Phó Chủ tịch UBND tỉnh Đặng Minh Thông": an uncurated capitalised name after "tỉnh" that opens
# with a common family name is the person holding the post, not a province (no province name
# opens with one of these; "Hồ Chí Minh" is curated and matched before this pattern is read).
_SURNAMES = FAMILY_NAMES | {
    "Cao",
    "Chu",
    "Hà",
    "Hứa",
    "Kiều",
    "Lò",
    "Lưu",
    "Mạc",
    "Nông",
    "Quách",
    "Thái",
    "Triệu",
    "Trịnh",
    "Tạ",
    "Văn",
    "Vương",
}  # and rarer ones, seen in provincial leaders' names


def is_person_name(name: str) -> bool:
    """A capitalised name of 2-4 words opening with a common family name ("Đặng Minh Thông")."""
    words = name.split()
    return 2 <= len(words) <= 4 and words[0] in _SURNAMES


def province_suffix(
    toks: list[Token], index: int, catalogue: Catalogue, text: str
) -> tuple[str | None, int, bool]:
    """A province named at token ``index`` ("tỉnh Bình Dương", "Bình Dương", bare "tỉnh").

    Returns (place slug or None, tokens consumed, whether a bare "tỉnh" was consumed).
    """
    for words in ((), *PROVINCE_WORDS):
        lead = tuple(t.key for t in toks[index : index + len(words)])
        if lead != words:
            continue
        start = index + len(words)
        for width in range(min(5, len(toks) - start), 0, -1):
            key = tuple(t.key for t in toks[start : start + width])
            slug = catalogue.place_index.get(key)
            if slug and (words or text[toks[start].start].isupper()):
                return slug, len(words) + width, False
        if words:
            match = PLACE_PATTERN.match(text, toks[index].start)
            name = match.group(1) if match else None
            if name and not NAME_HEAD.match(name) and not is_person_name(name):
                width = len(name_key(name))
                return slugify(name), len(words) + width, False
            return None, len(words), True
    return None, 0, False


def find_places(text: str, catalogue: Catalogue) -> list[tuple[int, int, str]]:
    """(start, end, place slug) of each place named in ``text`` (curated names, "tỉnh X")."""
    toks = tokens(text)
    found: list[tuple[int, int, str]] = []
    index = 0
    while index < len(toks):
        hit = None
        for width in range(min(6, len(toks) - index), 0, -1):
            key = tuple(t.key for t in toks[index : index + width])
            slug = catalogue.place_index.get(key)
            if (slug and text[toks[index].start].isupper()) or (
                slug and key[:1] in (("tinh",), ("thanh",))
            ):
                hit = (width, slug)
                break
        if hit:
            found.append((toks[index].start, toks[index + hit[0] - 1].end, hit[1]))
            index += hit[0]
        else:
            index += 1
    covered = [(s, e) for s, e, _ in found]
    for match in PLACE_PATTERN.finditer(text):
        name = match.group(1)
        if (
            name
            and not is_person_name(name)
            and not any(s < match.end() and match.start() < e for s, e in covered)
        ):
            found.append((match.start(), match.end(), slugify(match.group(1))))
    return sorted(found)


def resolve_place(text: str, catalogue: Catalogue) -> str | None:
    """The place a name refers to ("tỉnh Bình Dương", "TP.HCM"), or None."""
    key = name_key(text)
    if key in catalogue.place_index:
        return catalogue.place_index[key]
    places = find_places(text, catalogue)
    return places[0][2] if places else None
