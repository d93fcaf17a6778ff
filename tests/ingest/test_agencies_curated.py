"""Agencies (issue 13): curated national bodies, no body placed in a person's name or a letterhead's
province it does not belong to. Real texts from data/sources and the real curated catalogue."""

from __future__ import annotations

from ingest.resolve import find_agencies, find_places, province_of_source
from ingest.sources import read_source
from tests.ingest.common import SOURCES, curated_catalogue


def test_a_person_after_tinh_is_not_a_province() -> None:
    text = "Phó Chủ tịch UBND tỉnh Đặng Minh Thông vừa ký văn bản."
    assert find_places(text, curated_catalogue()) == []


def test_a_provincial_paper_names_the_province_of_its_text() -> None:
    # The article names no province; its publisher is Báo Bà Rịa - Vũng Tàu.
    source = read_source(SOURCES / "dev-ba-ria-vung-tau-cds-dieu-hanh.txt")
    assert province_of_source(source, curated_catalogue()) == "ba-ria-vung-tau"
    places = {
        m.ref.province
        for m in find_agencies(source.normalised, curated_catalogue(), "ba-ria-vung-tau")
    }
    assert "dang-minh-thong" not in places
