"""Entity resolution against the real curated data: agencies, agency lists, places, indicators."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from ingest.model import SourceMeta, SourceText
from ingest.resolve import (
    Catalogue,
    find_agencies,
    name_key,
    province_of_source,
    resolve_agency,
    resolve_indicator,
    resolve_place,
    split_agencies,
)
from ingest.text.normalise import normalise

CURATED = Path(__file__).resolve().parents[2] / "data" / "curated"


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    return Catalogue.load(CURATED)


def source(text: str, address: str | None = None) -> SourceText:
    normalised, offsets = normalise(text)
    return SourceText(
        "t", Path("t.txt"), text, normalised, tuple(offsets), SourceMeta(address=address)
    )


def test_keys_ignore_spelling_variants_and_expand_abbreviations() -> None:
    assert (
        name_key("Sở KH&CN")
        == name_key("SỞ KHOA HỌC VÀ CÔNG NGHỆ")
        == name_key("Sở Khoa học Công nghệ")
    )
    assert name_key("Tỉnh uỷ") == name_key("Tỉnh ủy")
    assert name_key("UBND tỉnh") == name_key("Ủy ban nhân dân tỉnh")


@pytest.mark.parametrize(
    ("name", "province", "key"),
    [
        ("Bí thư Tỉnh ủy Bình Dương", None, "tinh-uy-binh-duong"),
        ("Chủ tịch UBND tỉnh", "binh-dinh", "ubnd-binh-dinh"),
        ("Bộ trưởng Bộ Tài chính", None, "bo-tai-chinh"),
        ("Bộ KH&CN", None, "bo-khcn"),
        ("Sở Khoa học và Công nghệ", "binh-duong", "so-khcn-binh-duong"),
        ("Sở Khoa học và Công nghệ tỉnh Đồng Nai", None, "so-khcn-dong-nai"),
        ("Sở Thông tin và Truyền thông", "quang-ninh", "so-tttt-quang-ninh"),
    ],
)
def test_resolve_agency(name: str, province: str | None, key: str) -> None:
    ref = resolve_agency(name, catalogue(), province)
    assert ref.key == key
    assert ref.name == name


def test_collective_names_resolve_to_the_curated_collective() -> None:
    ref = resolve_agency("các bộ, ngành, địa phương", catalogue())
    assert ref.collective and ref.resolved
    assert ref.key == "cac-bo-nganh-dia-phuong"


def test_unknown_body_gets_a_minted_key_with_the_context_province() -> None:
    ref = resolve_agency("Trung tâm Đổi mới sáng tạo Hạ Long", catalogue(), "quang-ninh")
    assert not ref.resolved
    assert ref.key == "trung-tam-doi-moi-sang-tao-ha-long-quang-ninh"


@pytest.mark.parametrize(
    ("cell", "keys"),
    [
        (
            "Bộ Khoa học và Công nghệ, Bộ Quốc phòng, Bộ Công an",
            ["bo-khcn", "bo-quoc-phong", "bo-cong-an"],
        ),
        ("Văn phòng Chính phủ; Bộ Công an", ["vpcp", "bo-cong-an"]),
        ("Bộ Khoa học và Công nghệ và các địa phương", ["bo-khcn", "cac-dia-phuong"]),
        ("VTV, VOV, TTXVN, các địa phương", ["vtv", "vov", "ttxvn", "cac-dia-phuong"]),
        ("Bộ Văn hóa, Thể thao và Du lịch, Bộ Tài chính", ["bo-vhttdl", "bo-tai-chinh"]),
    ],
)
def test_split_agencies_keeps_names_with_va_and_commas_whole(cell: str, keys: list[str]) -> None:
    assert [ref.key for ref in split_agencies(cell, catalogue())] == keys


def test_find_agencies_reads_provinces_from_suffix_or_context() -> None:
    text = (
        "UBND tỉnh Đồng Nai giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính "
        "tham mưu."
    )
    keys = [m.ref.key for m in find_agencies(text, catalogue(), "dong-nai")]
    assert keys == ["ubnd-dong-nai", "so-khcn-dong-nai", "so-tai-chinh-dong-nai"]


def test_member_titles_and_concepts_are_not_agencies() -> None:
    text = "Ông A, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy; xây dựng Chính phủ số."
    keys = [m.ref.key for m in find_agencies(text, catalogue(), "binh-dinh")]
    assert keys == ["tinh-uy-binh-dinh"]


def test_resolve_place() -> None:
    assert resolve_place("tỉnh Bình Dương", catalogue()) == "binh-duong"
    assert resolve_place("TP. Hà Nội", catalogue()) == "ha-noi"
    assert resolve_place("không có nơi nào", catalogue()) is None


def test_resolve_indicator_maps_close_wording_and_refuses_unrelated() -> None:
    key = resolve_indicator("Quy mô kinh tế số", "% GDP", catalogue())
    assert key is not None and "digital-economy" in key
    assert resolve_indicator("số con mèo trong vườn thú", "con", catalogue()) is None


def test_province_of_source_uses_mentions_and_the_address() -> None:
    text = "Ngày 24/2, tỉnh Bình Dương họp. Ảnh: binhduong.gov.vn. Tỉnh Bình Dương và TP. Hà Nội."
    assert province_of_source(source(text), catalogue()) == "binh-duong"
    assert province_of_source(source("Không có tỉnh nào được nêu."), catalogue()) is None
