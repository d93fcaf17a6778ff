"""Agencies on batch U's misses and false hits: a city a photo caption names does not outrank, on a
tie, the curated province the text names. Each case reads a real batch-U text in data/sources."""

from __future__ import annotations

from functools import cache

from ingest.extract import extract_all
from ingest.model import AgencyFact
from ingest.sources import read_source
from tests.ingest.common import SOURCES, curated_catalogue


@cache
def agencies_of(stem: str) -> dict[str, AgencyFact]:
    facts = extract_all(read_source(SOURCES / f"dev-u-{stem}.txt"), curated_catalogue())
    return {f.agency.key: f for f in facts if isinstance(f, AgencyFact)}


def test_a_caption_city_does_not_take_the_place_of_the_named_province() -> None:
    """Quảng Bình: the caption "Một góc thành phố Đồng Hới" and "Bí thư Tỉnh ủy Quảng Bình" each
    once; the bodies written "… tỉnh" with no name are Quảng Bình's."""
    found = agencies_of("quang-binh-bcd-57")
    for key in (
        "vp-tinh-uy-quang-binh",
        "so-khcn-quang-binh",
        "dang-uy-cac-co-quan-dang-quang-binh",
    ):
        assert key in found
        assert found[key].agency.province == "quang-binh"
    assert not any(f.agency.province == "dong-hoi" for f in found.values())
