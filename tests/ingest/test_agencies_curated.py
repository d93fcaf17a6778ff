"""Agencies (issue 13): curated national bodies, no body placed in a person's name or a letterhead's
province it does not belong to. Real texts from data/sources and the real curated catalogue."""

from __future__ import annotations

import pytest

from ingest.extract import extract_all
from ingest.model import AgencyFact
from ingest.resolve import (
    find_agencies,
    find_places,
    province_of_source,
    resolve_agency,
    split_agencies,
)
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


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Ban Tổ chức Trung ương", "ban-to-chuc-tw"),
        ("Ban Tuyên giáo và Dân vận Trung ương", "ban-tgdv-tw"),
        ("Văn phòng Trung ương Đảng", "vptw"),
        ("Hội đồng Dân tộc", "hoi-dong-dan-toc"),
        ("Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội", "ub-khcnmt-qh"),
        ("Uỷ ban Thường vụ Quốc hội", "ubtvqh"),
        ("Đảng uỷ Chính phủ", "dang-uy-chinh-phu"),
        ("Ban chỉ đạo của Chính phủ", "bcd-cp-khcn-de-an-06"),
        ("Ban Chỉ đạo Trung ương về phát triển KH-CN, ĐMST và CĐS quốc gia", "bcd-nq57-trung-uong"),
    ],
)
def test_national_party_and_assembly_bodies_are_curated(name: str, key: str) -> None:
    # In a provincial text too: a central body is never placed in the text's province.
    ref = resolve_agency(name, curated_catalogue(), "bac-ninh")
    assert (ref.key, ref.resolved, ref.level, ref.province) == (key, True, "national", "viet-nam")


def test_the_government_steering_committee_is_found_whole_in_a_real_notice() -> None:
    source = read_source(SOURCES / "dev-m-bcd-cp-2026.txt")
    keys = {m.ref.key for m in find_agencies(source.normalised, curated_catalogue())}
    assert "bcd-cp-khcn-de-an-06" in keys


def _steering_keys(stem: str, province: str | None) -> set[str]:
    source = read_source(SOURCES / f"{stem}.txt")
    return {
        m.ref.key
        for m in find_agencies(source.normalised, curated_catalogue(), province)
        if source.normalised[m.start : m.end].lower().startswith("ban chỉ đạo")
    }


def test_a_bare_ban_chi_dao_is_the_body_named_in_full() -> None:
    # "(sau đây gọi tắt là Ban Chỉ đạo của Chính phủ)": one body, not a provincial committee.
    assert _steering_keys("dev-m-tb552-vpcp", "ha-noi") == {"bcd-cp-khcn-de-an-06"}


def test_a_steering_committee_set_up_by_a_bank_is_no_provincial_body() -> None:
    # "Ngân hàng Nhà nước đã thành lập Ban Chỉ đạo …": a body made, named by nobody.
    assert _steering_keys("dev-m-nhnn-thidua", "ha-noi") == set()
    assert _steering_keys("dev-m-bca-vnplus", None) == set()


def test_a_provincial_texts_bare_ban_chi_dao_stays_the_provinces_committee() -> None:
    assert _steering_keys("000_a3683a6493bfc795", "binh-duong") == {"bcd-nq57-binh-duong"}


def test_a_letterhead_in_capitals_does_not_name_the_body() -> None:
    # Letterhead "ỦY BAN NHÂN DÂN / TỈNH BẮC NINH"; the text then says "UBND tỉnh".
    source = read_source(SOURCES / "dev-bac-ninh-qd933.txt")
    names = [
        fact.agency.name
        for fact in extract_all(source, curated_catalogue())
        if isinstance(fact, AgencyFact)
    ]
    assert names and not [name for name in names if name.isupper()]


def test_provinces_in_a_coordinator_list_are_their_peoples_committees() -> None:
    # 03/NQ-CP Appendix II, task 111: "… các địa phương Bắc Ninh, Bình Dương, An Giang".
    cell = "Bảo hiểm Xã hội Việt Nam, Bộ Công an và các địa phương Bắc Ninh, Bình Dương, An Giang"
    keys = [ref.key for ref in split_agencies(cell, curated_catalogue())]
    assert {"ubnd-bac-ninh", "ubnd-binh-duong", "ubnd-an-giang", "bo-cong-an"} <= set(keys)
    assert not {"bac-ninh", "binh-duong", "an-giang"} & set(keys)


def test_no_agency_from_an_output_column_or_a_recipients_list() -> None:
    # Appendix II's "Kết quả" column: "Bộ Chỉ số, Hệ thống thông tin …"; the Nơi nhận of 03/NQ-CP:
    # "HĐND, UBND các tỉnh"; "e) Chính quyền chủ động …"; "Trung tâm Đổi mới sáng tạo Quốc gia".
    keys = set()
    for stem in ("nq03-ncp-2025-phu-luc-2-nhiem-vu", "nq03-ncp-2025"):
        source = read_source(SOURCES / f"{stem}.md")
        facts = extract_all(source, curated_catalogue())
        keys |= {fact.agency.key for fact in facts if isinstance(fact, AgencyFact)}
    assert not {"bo-chi-so", "hdnd", "chinh-quyen", "trung-tam-doi-moi"} & keys
    assert "nic" in keys
