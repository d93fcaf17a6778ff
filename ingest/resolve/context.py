"""Source context: whether a text is national, and which province it is about."""

from __future__ import annotations

import re
from collections import Counter

from ingest.model import SourceText
from ingest.resolve.agencies import resolve_agency
from ingest.resolve.catalogue import Catalogue
from ingest.resolve.places import find_places
from ontology.text_keys import fold_keep_length


def is_national_source(source: SourceText, catalogue: Catalogue) -> bool:
    """A text published by a national body (Bộ Chính trị, Chính phủ …), per its metadata."""
    if not source.meta.publisher:
        return False
    publisher = resolve_agency(source.meta.publisher, catalogue)
    return publisher.resolved and publisher.level == "national"


def province_of_source(source: SourceText, catalogue: Catalogue) -> str | None:
    """The province a source is about: the most mentioned, with the publisher's domain as a hint.

    A text a national body publishes (the Government's resolution, signed "Hà Nội, ngày …") is
    about no province, whatever places it names — unless the publisher as recorded names a
    province ("Bộ Xây dựng (moc.gov.vn; reprint of Cần Thơ news)"): a national site reprinting a
    province's news."""
    nations = {p.key for p in catalogue.places.values() if p.is_nation} | {"viet-nam"}
    reprinted = any(
        slug in catalogue.places and slug not in nations
        for _, _, slug in find_places(source.meta.publisher or "", catalogue)
    )
    if is_national_source(source, catalogue) and not reprinted:
        return None
    counts: Counter[str] = Counter()
    for _, _, slug in find_places(source.normalised, catalogue):
        if slug not in nations:
            counts[slug] += 1
    hints = " ".join(filter(None, (source.meta.address, source.meta.publisher)))
    hints += " " + " ".join(re.findall(r"[\w.-]+\.gov\.vn", source.normalised[:3000]))
    folded_hints = fold_keep_length(hints).replace("i", "y")
    for slug in {*counts, *catalogue.places}:
        if (
            slug not in nations
            and slug.replace("-", "").replace("i", "y") + ".gov.vn" in folded_hints
        ):
            counts[slug] += 3
    # "Báo Bà Rịa - Vũng Tàu": a provincial paper names its province (a news text may not).
    for _, _, slug in find_places(source.meta.publisher or "", catalogue):
        if slug in catalogue.places and slug not in nations:
            counts[slug] += 3
    if not counts:
        return None
    # a tie goes to a curated province over a place only a pattern found ("Một góc thành phố Đồng
    # Hới" in a photo caption, "Tỉnh ủy Quảng Bình" once in the text)
    return sorted(
        counts.items(), key=lambda item: (-item[1], item[0] not in catalogue.places, item[0])
    )[0][0]
