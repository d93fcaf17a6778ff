"""Entity resolution against the real curated data: agencies, agency lists, places, indicators."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.model import SourceMeta, SourceText
from ingest.resolve import (
    BODIES_FILE,
    find_agencies,
    load_bodies,
    name_key,
    province_of_source,
    resolve_agency,
    resolve_indicator,
    resolve_place,
    split_agencies,
)
from ingest.text.normalise import normalise
from ingest.themes import classify_task_theme, resolve_theme
from ontology.errors import CuratedDataError
from tests.ingest.common import ROOT, curated_catalogue

catalogue = curated_catalogue


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


# --- themes ----------------------------------------------------------------------------------

APPENDIX_II = Path(__file__).resolve().parents[2] / "data" / "sources"


def test_the_catalogue_reads_the_ten_curated_themes_with_their_keywords() -> None:
    themes = catalogue().themes
    assert len(themes) == 10
    assert "nhân tài" in themes["human-resources"].alt_labels
    assert "đào tạo" not in themes["human-resources"].keywords  # already a short form
    assert "kỹ sư" in themes["human-resources"].keywords


@pytest.mark.parametrize(
    ("heading", "theme"),
    [
        # the seven section headings of Appendix II of 03/NQ-CP, as written there
        ("Nâng cao nhận thức, đột phá về đổi mới tư duy, xác định quyết tâm", "awareness"),
        ("Khẩn trương, quyết liệt hoàn thiện thể chế; xoá bỏ mọi tư tưởng", "institutions"),
        ("Tăng cường đầu tư, hoàn thiện hạ tầng cho khoa học, công nghệ", "infrastructure"),
        ("Phát triển, trọng dụng nhân lực chất lượng cao, nhân tài", "human-resources"),
        (
            "Đẩy mạnh chuyển đổi số, ứng dụng khoa học, công nghệ, đổi mới sáng tạo trong hoạt "
            "động của các cơ quan trong hệ thống chính trị; nâng cao hiệu quả  quản trị quốc gia",
            "digital-transformation-political-system",
        ),
        ("Thúc đẩy mạnh mẽ hoạt động khoa học, công nghệ … trong doanh nghiệp", "enterprises"),
        ("Tăng cường hợp tác quốc tế trong phát triển khoa học", "international-cooperation"),
        # a province's own headings
        ("Nhiệm vụ về phát triển nguồn nhân lực", "human-resources"),
        ("Hoàn thiện cơ chế, chính sách", "institutions"),
        ("Phát triển hạ tầng số", "infrastructure"),
        ("Tổ chức thực hiện", None),
    ],
)
def test_resolve_theme_maps_headings_to_curated_themes(heading: str, theme: str | None) -> None:
    assert resolve_theme(heading, catalogue()) == theme


@pytest.mark.parametrize(
    ("task", "theme"),
    [  # tasks in prose from the seeds (003: Bình Định; 002: Bình Dương)
        (
            "rà soát lại thật kỹ các nội dung 2 Đề án phát triển nguồn nhân lực phục vụ ngành "
            "công nghiệp bán dẫn, trí tuệ nhân tạo, an toàn, an ninh mạng",
            "human-resources",
        ),
        (
            "tiếp tục triển khai, phát triển hệ sinh thái khởi nghiệp sáng tạo trên địa bàn tỉnh",
            "innovation-ecosystem",
        ),
        (
            "hoàn thiện và sớm trình để ban hành Kế hoạch triển khai phong trào Bình dân học vụ số",
            "awareness",
        ),
        (
            "triển khai ngay việc chuyển đổi số trong các cơ quan, đơn vị theo kế hoạch",
            "digital-transformation-political-system",
        ),
        ("đẩy nhanh số hoá dữ liệu đất đai toàn tỉnh", "data"),
        ("đơn giản hóa thủ tục hành chính, cung cấp dịch vụ công trực tuyến", "digital-government"),
        ("căn cứ nội dung tại Nghị quyết để tổ chức triển khai thực hiện trên địa bàn tỉnh", None),
    ],
)
def test_classify_task_theme_on_prose_tasks(task: str, theme: str | None) -> None:
    assert classify_task_theme(task, catalogue()) == theme


def test_keyword_themes_mostly_agree_with_the_sections_of_appendix_ii() -> None:
    """Classifying each Appendix II task from its text alone (as prose tasks are) lands in its
    section's theme, or a theme the scheme relates to it, for well over half of the tasks."""
    from ingest.extract import ExtractionContext
    from ingest.extract.tables import extract
    from ingest.model import AssignmentFact
    from ingest.sources import read_source

    related = {
        ("infrastructure", "data"),
        ("digital-transformation-political-system", "data"),
        ("digital-transformation-political-system", "digital-government"),
        ("enterprises", "innovation-ecosystem"),
    }
    src = read_source(APPENDIX_II / "nq03-ncp-2025-phu-luc-2-nhiem-vu.md")
    facts = extract(src, ExtractionContext(catalogue()))
    tasks = [f for f in facts if isinstance(f, AssignmentFact)]
    classified = [(t.theme, classify_task_theme(t.task, catalogue())) for t in tasks]
    decided = [(s, c) for s, c in classified if c]
    agree = [1 for s, c in decided if s == c or (s, c) in related]
    assert len(decided) >= 0.7 * len(tasks)
    assert len(agree) >= 0.55 * len(decided)


# ---- the table of standard provincial bodies (data/curated/provincial-bodies.toml) ----------

BODIES = load_bodies(ROOT / "data" / "curated" / BODIES_FILE)


@pytest.mark.parametrize("body", [b for b in BODIES if b.label], ids=lambda b: b.code)
def test_each_curated_standard_body_resolves_to_the_iri_the_generator_wrote(body) -> None:
    """One set of codes: a body's name, read in a province, is the body the generator made."""
    for name in body.names:
        ref = resolve_agency(name, catalogue(), "binh-duong")
        assert ref.key == f"{body.code}-binh-duong", name
        # "Ủy ban nhân dân thành phố" is no label of a tỉnh's UBND: same key, not a curated match
        assert ref.resolved or "thành phố" in name, name
    for name in body.city_names:
        ref = resolve_agency(name, catalogue(), "ha-noi")
        assert (ref.key, ref.resolved) == (f"{body.city_code}-ha-noi", True), name


def test_a_body_the_table_knows_by_name_only_gets_its_code_and_the_province() -> None:
    uncurated = {b.code for b in BODIES if not b.label}
    assert {"so-xay-dung", "cong-an", "vp-tinh-uy"} <= uncurated
    ref = resolve_agency("Sở Xây dựng", catalogue(), "dong-nai")
    assert (ref.key, ref.resolved, ref.level) == ("so-xay-dung-dong-nai", False, "provincial")
    text = "Công an tỉnh Bình Dương phối hợp với Sở Xây dựng."
    keys = [m.ref.key for m in find_agencies(text, catalogue(), "binh-duong")]
    assert keys == ["cong-an-binh-duong", "so-xay-dung-binh-duong"]


@pytest.mark.parametrize(
    ("table", "reason"),
    [
        ('[[body]]\nnames = ["Sở Xây dựng"]\n', "[[body]] 1: 'code' is required"),
        ('[[body]]\ncode = "So XD"\nnames = ["Sở Xây dựng"]\n', "is not a slug"),
        ('[[body]]\ncode = "a"\nnames = ["A"]\n[[body]]\ncode = "a"\nnames = ["B"]\n', "twice"),
        ('[[body]]\ncode = "a"\nnames = "A"\n', "[[body]] 1: 'names' must be a list"),
        ('[[body]]\ncode = "a"\nlabel = "A {admin}"\n', "needs label and english"),
        ("[[body]\n", "provincial-bodies.toml"),
    ],
)
def test_a_bad_bodies_table_fails_naming_the_file_and_the_row(tmp_path, table, reason) -> None:
    path = tmp_path / BODIES_FILE
    path.write_text(table, encoding="utf-8")
    with pytest.raises(CuratedDataError) as error:
        load_bodies(path)
    assert str(path) in str(error.value) and reason in str(error.value)
