"""Agency leftovers of the development batches P and M: steering committees named in full, a
person's title naming no body of its own, and the letterhead "ỦY BAN NHÂN DÂN". Sentences are
quoted from the texts in data/sources (file named in each test)."""

from __future__ import annotations

from ingest.extract import extract_all
from ingest.model import AgencyFact, SourceMeta, SourceText
from ingest.sources import read_source
from tests.ingest.common import SOURCES, curated_catalogue, source_of


def agencies_of(src: SourceText) -> dict[str, str]:
    """Key → name as written, of every agency fact."""
    facts = extract_all(src, curated_catalogue())
    return {f.agency.key: f.agency.name for f in facts if isinstance(f, AgencyFact)}


def test_a_provincial_steering_committee_named_by_its_field_is_named_in_full():
    """dev-phu-tho-tong-ket-2026: no "về" after "Ban Chỉ đạo"; dev-tuyen-quang-kh60: the field
    and "tỉnh" only."""
    phu_tho = agencies_of(read_source(SOURCES / "dev-phu-tho-tong-ket-2026.txt"))
    assert phu_tho["bcd-nq57-phu-tho"] == (
        "Ban Chỉ đạo Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Phú Thọ"
    )
    tuyen_quang = agencies_of(read_source(SOURCES / "dev-tuyen-quang-kh60.txt"))
    assert tuyen_quang["bcd-nq57-tuyen-quang"] == "Ban Chỉ đạo chuyển đổi số tỉnh"
    assert "Ban Chỉ đạo" not in tuyen_quang.values()


def test_a_ministry_steering_committee_is_one_national_body_under_both_its_names():
    """dev-m-btc-bcd names the Finance ministry's committee twice, differently; the photo
    caption's "Tổ giúp việc Ban Chỉ đạo" is no second committee."""
    src = read_source(SOURCES / "dev-m-btc-bcd.txt")
    facts = [f for f in extract_all(src, curated_catalogue()) if isinstance(f, AgencyFact)]
    committee = [f.agency for f in facts if f.agency.name.startswith("Ban Chỉ đạo")]
    assert [(a.key, a.level, a.province) for a in committee] == [
        ("bcd-bo-tai-chinh", "national", None)
    ]
    assert committee[0].name.endswith("chuyển đổi số và Đề án 06")
    assert not [f for f in facts if f.agency.name.startswith("Tổ giúp việc")]


def test_a_persons_title_names_the_body_not_a_standing_organ_or_office():
    """dev-nghe-an-kh305 "Phó Bí thư Thường trực Tỉnh ủy"; dev-m-tb47-bcdtw "Bí thư Trung ương
    Đảng" and dev-m-tb552-vpcp "Phó Thủ tướng Chính phủ Nguyễn Chí Dũng"."""
    nghe_an = agencies_of(read_source(SOURCES / "dev-nghe-an-kh305.txt"))
    assert "tt-tinh-uy-nghe-an" not in nghe_an
    text = (
        "Tham dự Phiên họp tại Trụ sở Chính phủ có Phó Thủ tướng Chính phủ Nguyễn Chí Dũng, Phó"
        " Thủ tướng Chính phủ Hồ Đức Phớc, Bộ trưởng các bộ.\n"
    )
    keys = agencies_of(source_of(text, "vpcp", SourceMeta(publisher="Văn phòng Chính phủ")))
    assert "ttg" not in keys and "thu-tuong-chinh-phu" not in keys
    assert "chinh-phu" in keys


def test_the_letterhead_people_committee_with_its_province_on_the_next_line():
    """A letterhead as the official texts print it: "ỦY BAN NHÂN DÂN" / "TỈNH ĐẮK LẮK"."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 0155/KH-UBND\n"
        "Đắk Lắk, ngày 24 tháng 12 năm 2025\nKẾ HOẠCH\nChuyển đổi số tỉnh Đắk Lắk năm 2026\n"
    )
    keys = agencies_of(source_of(text, "dak-lak"))
    assert "ubnd-dak-lak" in keys
    assert not [k for k in keys if k.startswith("ubnd") and k != "ubnd-dak-lak"]


def test_a_body_named_only_in_the_letterhead_takes_its_curated_name_and_symbol_code():
    """dev-dak-lak-kh0155: the letterhead "ỦY BAN NHÂN DÂN" (its province only in the page's
    metadata) and "Số: 0155/KH-UBND"; no prose names the body."""
    src = read_source(SOURCES / "dev-dak-lak-kh0155.txt")
    facts = [f for f in extract_all(src, curated_catalogue()) if isinstance(f, AgencyFact)]
    (ubnd,) = [f for f in facts if f.agency.key == "ubnd-dak-lak"]
    assert ubnd.agency.name == "Ủy ban nhân dân tỉnh Đắk Lắk" and ubnd.abbrev == "UBND"
    assert ubnd.evidence.quote == "ỦY BAN NHÂN DÂN"  # the quote stays what the text says


def test_a_name_ending_in_the_nation_or_the_person_ho_chi_minh_is_no_provincial_body():
    """kl69-ktw-2024 "Ban Bí thư Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh" (now curated);
    nq20-ntw-2012 "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam"; dev-phu-tho-ctr02-hoi-thao
    "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh" (the province's union, named whole)."""
    from ingest.resolve import resolve_agency

    catalogue = curated_catalogue()
    youth = resolve_agency("Đoàn Thanh niên Cộng sản Hồ Chí Minh", catalogue, "binh-duong")
    assert (youth.key, youth.level, youth.resolved) == ("tw-doan-tncs", "national", True)
    association = resolve_agency("Hội Tin học Việt Nam", catalogue, "binh-duong")
    assert association.level == "national" and association.province is None
    academy = resolve_agency("Học viện Chính trị quốc gia Hồ Chí Minh", catalogue, "binh-duong")
    assert academy.level == "national" and academy.province is None
    city = resolve_agency("Sở Xây dựng Thành phố Hồ Chí Minh", catalogue, "binh-duong")
    assert city.province == "ho-chi-minh"
    phu_tho = agencies_of(read_source(SOURCES / "dev-phu-tho-ctr02-hoi-thao.txt"))
    assert "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh" in phu_tho.values()
    assert "Hội Khoa học và Kỹ thuật tỉnh" not in phu_tho.values()


def test_a_letterhead_name_broken_over_two_lines_is_read_whole():
    """dev-m-tb552-vpcp: "VĂN PHÒNG CHÍNH" / "PHỦ |" above "Số: 552/TB-VPCP"."""
    src = read_source(SOURCES / "dev-m-tb552-vpcp.txt")
    facts = [f for f in extract_all(src, curated_catalogue()) if isinstance(f, AgencyFact)]
    (office,) = [f for f in facts if f.agency.key == "vpcp"]
    assert office.agency.name == "Văn phòng Chính phủ" and office.agency.level == "national"
    assert office.evidence.quote.startswith("VĂN PHÒNG CHÍNH\nPHỦ")


def test_two_bodies_contrasted_in_one_sentence_are_two_tasks():
    """dev-ba-ria-vung-tau-cds-dieu-hanh: "Công an tỉnh đảm bảo …, trong khi Sở KH-CN chủ trì
    thúc đẩy …" — the police's task ends at the comma; the department leads the second."""
    from ingest.model import AssignmentFact

    src = read_source(SOURCES / "dev-ba-ria-vung-tau-cds-dieu-hanh.txt")
    tasks = [f for f in extract_all(src, curated_catalogue()) if isinstance(f, AssignmentFact)]
    police = next(t for t in tasks if t.task.startswith("đảm bảo an toàn thông tin"))
    assert police.task.endswith("cho các hệ thống")
    science = next(t for t in tasks if t.task.startswith("thúc đẩy hợp tác nghiên cứu"))
    assert [lead.key for lead in science.leads] == ["so-khcn-ba-ria-vung-tau"]


def test_a_regional_institute_is_named_to_its_region_and_placed_in_no_province():
    """dev-phu-tho-ctr02-hoi-thao: "Viện Khoa học kỹ thuật Nông lâm nghiệp miền núi phía Bắc"
    (not "Viện Khoa học" of Phú Thọ); a sentence about a region names no institute."""
    from ingest.resolve.names import pattern_names

    src = read_source(SOURCES / "dev-phu-tho-ctr02-hoi-thao.txt")
    facts = [f for f in extract_all(src, curated_catalogue()) if isinstance(f, AgencyFact)]
    institute = next(f.agency for f in facts if f.agency.name.startswith("Viện"))
    assert institute.name == "Viện Khoa học kỹ thuật Nông lâm nghiệp miền núi phía Bắc"
    assert institute.province is None and institute.level == "other"
    text = "các Trường học tại các tỉnh miền núi phía Bắc; là Trung tâm của miền Nam"
    assert pattern_names(text) == []


def test_enterprises_named_as_coordinators_are_kept():
    """dev-m-bcd-cp-phien5: "chủ trì, phối hợp với các bộ, ngành, FPT, CMC khẩn trương hoàn
    thành …" — both companies coordinate the Ministry's task."""
    from ingest.model import AssignmentFact

    src = read_source(SOURCES / "dev-m-bcd-cp-phien5.txt")
    tasks = [f for f in extract_all(src, curated_catalogue()) if isinstance(f, AssignmentFact)]
    tool = next(t for t in tasks if t.task.startswith("khẩn trương hoàn thành"))
    assert {"fpt", "cmc"} <= {c.key for c in tool.coordinators}
    assert [lead.key for lead in tool.leads] == ["bo-khcn"]


def test_the_party_committee_of_a_body_is_a_body_of_its_own():
    """dev-m-quang-ninh-ca: "lãnh đạo Đảng ủy Công an tỉnh nhấn mạnh …"."""
    keys = agencies_of(read_source(SOURCES / "dev-m-quang-ninh-ca.txt"))
    assert keys["dang-uy-cong-an-tinh-quang-ninh"] == "Đảng ủy Công an tỉnh"
    assert keys["cong-an-quang-ninh"] == "Công an tỉnh Quảng Ninh"  # named on its own before
