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


def test_the_national_information_security_authority_is_named_in_full() -> None:
    """Vĩnh Phúc: "… trung tâm Giám sát an toàn không gian mạng quốc gia (Cục An toàn thông tin)"
    names the national authority, not a «Cục An toàn»."""
    found = agencies_of("vinh-phuc-kh68")
    assert found["cuc-attt"].agency.name == "Cục An toàn thông tin"
    assert not any(f.agency.name == "Cục An toàn" for f in found.values())


def test_a_provincial_security_operations_centre_is_named_in_full() -> None:
    """Thái Nguyên: "Trung tâm Giám sát an toàn thông tin tỉnh Thái Nguyên vừa đi vào hoạt
    động" — the province's centre, not a «Trung tâm Giám sát»."""
    found = agencies_of("thai-nguyen-chinh-quyen-so")
    assert "tt-gsattt-thai-nguyen" in found
    assert not any(f.agency.name == "Trung tâm Giám sát" for f in found.values())


def test_two_steering_committees_of_one_province_stay_two() -> None:
    """Hải Dương: the People's Committee's "Ban Chỉ đạo Chuyển đổi số, Cải cách hành chính và
    Đề án 06 tỉnh Hải Dương" (first written "Ban Chỉ đạo, Tổ Công tác …") and the Party
    committee's "Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số
    của Tỉnh ủy" are two bodies; the first takes its name in full."""
    found = agencies_of("hai-duong-tb-bcd-2025")
    assert "bcd-nq57-hai-duong" in found
    combined = found["bcd-cds-cchc-da06-hai-duong"]
    assert combined.agency.name.startswith(
        "Ban Chỉ đạo Chuyển đổi số, Cải cách hành chính và Đề án 06"
    )
