"""Agencies on batch V's misses and false hits: a province's web portal is one of its bodies, and
a body cited as a news item's source ("Nguồn: …") is none the text is about. Each case reads a real
text in data/sources."""

from __future__ import annotations

from functools import cache

from ingest.extract import extract_all
from ingest.model import AgencyFact
from ingest.sources import read_source
from tests.ingest.common import SOURCES, curated_catalogue


@cache
def agencies_of(stem: str) -> dict[str, AgencyFact]:
    facts = extract_all(read_source(SOURCES / f"{stem}.txt"), curated_catalogue())
    return {f.agency.key: f for f in facts if isinstance(f, AgencyFact)}


def test_the_provincial_web_portal_is_a_body_of_the_province() -> None:
    """Đắk Nông: "Cổng thông tin điện tử tỉnh, Đài Phát thanh và Truyền hình tỉnh, …" — the
    portal, written without the province's name, is Đắk Nông's."""
    found = agencies_of("dev-v-dak-nong-dti-nhiem-vu")
    assert found["cong-ttdt-dak-nong"].agency.name == "Cổng thông tin điện tử tỉnh"


def test_a_body_cited_as_the_source_is_not_named_as_a_body() -> None:
    """Kiên Giang: "(Nguồn: Cổng thông tin điện tử Tỉnh Kiên Giang - https://…)" cites where the
    item comes from; Bình Dương's "Theo Cổng thông tin điện tử tỉnh Bình Dương, …" is still read."""
    assert "cong-ttdt-kien-giang" not in agencies_of("dev-r-kien-giang-ngay-cds")
    assert "cong-ttdt-binh-duong" in agencies_of("000_a3683a6493bfc795")


def test_bodies_of_batch_v_named_in_full_are_curated() -> None:
    """Central and city bodies batch V names, now in the curated lexicon: the ministry's steering
    committee (written "Ban chỉ đạo Chuyển đổi số Bộ NNPTNT" too), the Prime Minister's economic
    advisers, the Press Authority, Đà Nẵng's high-tech park board (not cut to «Ban Quản lý Khu
    Công nghệ») and its infrastructure project board."""
    assert "bcd-cds-bo-nnptnt" in agencies_of("dev-v-bnnptnt-de-an-cds")
    assert "to-tu-van-kinh-te-ttg" in agencies_of("dev-v-da-nang-khu-cnc-sang-tao")
    assert "cuc-bao-chi" in agencies_of("dev-v-quang-nam-cv86549")
    da_nang = agencies_of("dev-v-da-nang-khu-cnc-dieu-chinh")
    assert {"bql-khu-cnc-kcn-da-nang", "bqlda-ha-tang-kcn-cnc-da-nang"} <= set(da_nang)
    assert not any(f.agency.name == "Ban Quản lý Khu Công nghệ" for f in da_nang.values())


def test_an_initialism_ends_a_name_before_a_lower_case_word() -> None:
    """ "giao Sở TT-TT ký kết …" names «Sở TT-TT», not «Sở TT-TT ký»; batch T's "Sở TT-TT Bình
    Phước" keeps its province."""
    names = {f.agency.name for f in agencies_of("dev-v-ba-ria-vung-tau-cv5013-zalo").values()}
    assert "Sở TT-TT" in names and "Sở TT-TT ký" not in names
    names = {f.agency.name for f in agencies_of("dev-t-binh-phuoc-muc-tieu-2023").values()}
    assert "Sở TT-TT Bình Phước" in names


def test_the_hyphenated_short_form_of_a_department_is_the_department() -> None:
    """ "Sở TT-TT" (Bà Rịa – Vũng Tàu, Bình Phước) is the Department of Information and
    Communications of the province, as "Sở TT&TT" is."""
    found = agencies_of("dev-v-ba-ria-vung-tau-cv5013-zalo")
    assert "so-tttt-ba-ria-vung-tau" in found
    assert found["so-tttt-ba-ria-vung-tau"].agency.resolved


def test_a_body_owning_a_system_is_not_at_work() -> None:
    """Đắk Nông: "… kết nối với hệ thống điện toán đám mây của Chính phủ" names a system by its
    owner; the Government is not a body of the text (batch T's "hệ thống thông tin báo cáo Chính
    phủ" likewise)."""
    assert "chinh-phu" not in agencies_of("dev-v-dak-nong-dti-nhiem-vu")


def test_a_national_firm_is_not_placed_in_the_province() -> None:
    """Bà Rịa – Vũng Tàu: "Zalo (do Công ty VNG nghiên cứu phát hành)" — the curated national
    firm, not a «Công ty VNG» of the province."""
    found = agencies_of("dev-v-ba-ria-vung-tau-cv5013-zalo")
    assert found["vng"].agency.province == "viet-nam"
    assert not any(key.startswith("cong-ty-vng") for key in found)
