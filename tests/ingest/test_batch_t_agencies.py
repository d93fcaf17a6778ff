"""Agencies on batch T's misses and false hits, as general rules and curated names: a ministry's
hyphenated short form, a minister titled by the ministry's name without "Bộ", the national data
steering committee, a standing board of a provincial Party committee, the provincial public
administration service centre; no body from an e-newspaper's name or a reporting system's name.
Each case reads a real batch-T text in data/sources."""

from __future__ import annotations

from functools import cache

from ingest.extract import extract_all
from ingest.model import AgencyFact
from ingest.sources import read_source
from tests.ingest.common import SOURCES, curated_catalogue


@cache
def agencies_of(stem: str) -> dict[str, AgencyFact]:
    facts = extract_all(read_source(SOURCES / f"dev-t-{stem}.txt"), curated_catalogue())
    return {f.agency.key: f for f in facts if isinstance(f, AgencyFact)}


def test_a_hyphenated_short_form_names_the_ministry() -> None:
    """Bình Phước: "Đánh giá chỉ số chuyển đổi số (DTI) của Bộ TT-TT cho biết …"."""
    assert "bo-tttt" in agencies_of("binh-phuoc-muc-tieu-2023")


def test_a_minister_titled_without_bo_stands_for_the_ministry() -> None:
    """Sóc Trăng: "Bộ trưởng Thông tin và Truyền thông (TT-TT) Nguyễn Mạnh Hùng chủ trì …" — the
    ministry, with "TT-TT" as its short form."""
    fact = agencies_of("soc-trang-ke-hoach-2025")["bo-tttt"]
    assert fact.agency.name == "Bộ Thông tin và Truyền thông"
    assert fact.abbrev == "TT-TT"


def test_the_national_data_steering_committee_is_curated() -> None:
    """ "kết luận phiên họp thứ nhất Ban Chỉ đạo quốc gia về dữ liệu, Thủ tướng …"."""
    fact = agencies_of("ttg-bcd-du-lieu-2026")["bcd-quoc-gia-du-lieu"]
    assert fact.agency.level == "national"


def test_the_standing_board_of_a_party_committee_is_named_whole() -> None:
    """Thái Bình: "Kết luận của Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh" — the standing board,
    in the province, not the Party committee cut from its name."""
    found = agencies_of("thai-binh-kh86")
    assert found["btv-dang-uy-ubnd-thai-binh"].agency.province == "thai-binh"
    assert "dang-uy-ubnd-thai-binh" not in found


def test_the_public_administration_service_centre_is_named_whole() -> None:
    """Ninh Thuận's caption "Trung tâm Phục vụ Hành chính công tỉnh đẩy mạnh …"."""
    names = [f.agency.name for f in agencies_of("ninh-thuan-ngay-cds").values()]
    assert "Trung tâm Phục vụ Hành chính công tỉnh" in names
    assert "Trung tâm Phục vụ Hành chính" not in names


def test_an_e_newspaper_and_a_reporting_system_name_no_body() -> None:
    """VPCP 7967: "Báo Công Thương điện tử ngày 10 tháng 9 năm 2020 có bài viết …"; Bình Thuận:
    "… chia sẻ dữ liệu với hệ thống thông tin báo cáo Chính phủ"."""
    assert not any(f.agency.name.startswith("Báo") for f in agencies_of("vpcp-cv7967").values())
    assert "chinh-phu" not in agencies_of("binh-thuan-kh-2024")


def test_the_government_in_a_deputy_title_or_a_system_name_is_no_body() -> None:
    """Batch S's "Phó Thủ tướng Chính phủ Trần Lưu Quang có ý kiến như sau:" and batch P's "tích
    hợp với hệ thống Chính phủ" name no Government at work."""
    for stem in ("dev-s-vpcp-cv5764", "dev-ba-ria-vung-tau-cds-dieu-hanh"):
        facts = extract_all(read_source(SOURCES / f"{stem}.txt"), curated_catalogue())
        assert "chinh-phu" not in {f.agency.key for f in facts if isinstance(f, AgencyFact)}


def test_a_department_of_the_government_office_is_named_whole() -> None:
    """Batch S: "… Bộ Tư pháp, Cục Kiểm soát thủ tục hành chính (Văn phòng Chính phủ), Tổng cục
    Thuế …" — the curated department, not «Cục Kiểm soát»."""
    facts = extract_all(read_source(SOURCES / "dev-s-bca-dinh-danh-2021.txt"), curated_catalogue())
    names = {f.agency.name for f in facts if isinstance(f, AgencyFact)}
    assert "Cục Kiểm soát thủ tục hành chính" in names and "Cục Kiểm soát" not in names


def test_a_ward_committee_is_not_the_province_committee() -> None:
    """Tuyên Quang: "Chủ tịch Ủy ban nhân dân phường Tân Quang, thành phố Tuyên Quang, …" — the
    ward's committee (in the province), not Ủy ban nhân dân tỉnh Tuyên Quang."""
    found = agencies_of("tuyen-quang-muc-tieu-cap-xa")
    assert "ubnd-tuyen-quang" not in found
    (ward,) = found.values()
    assert ward.agency.name == "Ủy ban nhân dân phường Tân Quang"
    assert ward.agency.province == "tuyen-quang" and not ward.agency.resolved
