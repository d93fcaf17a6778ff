"""Extractors over prose: seed sentences and unseen ones in the same administrative style."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ingest.extract import documents as documents_module
from ingest.extract import extract_all, make_context
from ingest.extract.deadlines import deadline_of
from ingest.extract.gold_format import to_gold_format
from ingest.model import (
    AgencyFact,
    AssignmentFact,
    DocumentFact,
    MeetingFact,
    SourceMeta,
    SourceText,
    TargetFact,
)
from ingest.text.normalise import normalise
from tests.ingest.common import curated_catalogue

catalogue = curated_catalogue


def source(text: str, day: date | None = None) -> SourceText:
    normalised, offsets = normalise(text)
    return SourceText("t", Path("t.txt"), text, normalised, tuple(offsets), SourceMeta(date=day))


def facts_of(text: str, kind: type, day: date | None = None) -> list:
    src = source(text, day)
    facts = [f for f in extract_all(src, catalogue()) if isinstance(f, kind)]
    for fact in facts:
        assert fact.evidence.quote == src.original[fact.evidence.start : fact.evidence.end]
    return facts


# --- documents -------------------------------------------------------------------------------


def test_numbered_plan_with_date_issuer_and_implements() -> None:
    text = (
        "Kế hoạch số 142/KH-UBND ngày 15/3/2025 của UBND tỉnh Quảng Ninh thực hiện Nghị quyết số "
        "57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ."
    )
    docs = {d.ref.number: d for d in facts_of(text, DocumentFact)}
    plan = docs["142/KH-UBND"]
    assert plan.ref.doc_type == "Plan" and plan.ref.key == "142-kubnd-2025-quang-ninh"
    assert plan.issued == date(2025, 3, 15)
    assert plan.issuer is not None and plan.issuer.key == "ubnd-quang-ninh"
    assert [r.number for r in plan.implements] == ["57-NQ/TW"]
    assert docs["57-NQ/TW"].ref.key == "57-ntw-2024"


def test_numbers_are_canonical_in_both_series() -> None:
    text = (
        "Nghị quyết số 71-NQ/CP sửa đổi Nghị quyết 03/NQ-CP. Chương trình hành động số 89-CTr/TU "
        "của Tỉnh ủy. Báo cáo số 198/BC-UBND."
    )
    docs = {d.ref.number: d.ref.doc_type for d in facts_of(text, DocumentFact)}
    assert docs == {
        "71/NQ-CP": "Resolution",
        "03/NQ-CP": "Resolution",
        "89-CTr/TU": "ActionProgramme",
        "198/BC-UBND": "Report",
    }


def test_short_number_takes_its_series_from_the_issuer() -> None:
    text = "Tỉnh đã ban hành kế hoạch thực hiện Nghị quyết 57, ngày 22/12/2024 của Bộ Chính trị."
    docs = {d.ref.number for d in facts_of(text, DocumentFact)}
    assert "57-NQ/TW" in docs


def test_legal_basis_is_not_an_implements_link() -> None:
    text = (
        "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, UBND tỉnh ban hành Kế "
        "hoạch số 12/KH-UBND."
    )
    plan = next(d for d in facts_of(text, DocumentFact) if d.ref.number == "12/KH-UBND")
    assert plan.implements == []


def test_draft_title_period_and_vision() -> None:
    text = (
        "Phiên họp đã cho ý kiến đối với dự thảo Đề án phát triển kinh tế số tỉnh Gia Lai giai "
        "đoạn "
        "2025-2030, tầm nhìn đến năm 2045; các nội dung khác."
    )
    project = next(d for d in facts_of(text, DocumentFact) if d.ref.doc_type == "Project")
    assert project.status == "draft"
    assert (project.period_start, project.period_end, project.vision_year) == (2025, 2030, 2045)


def test_quoted_title_and_letterhead_main_document() -> None:
    text = (
        "Số: 03/NQ-CP\nHà Nội, ngày 09 tháng 01 năm 2025\nNGHỊ QUYẾT\n"
        'Triển khai Đề án "Thành phố thông minh Huế".'
    )
    src = source(text)
    context = make_context(src, catalogue())
    facts = list(documents_module.extract(src, context))
    assert documents_module.main_document(src, facts).number == "03/NQ-CP"
    assert any(f.ref.title == "Thành phố thông minh Huế" for f in facts)


# --- agencies --------------------------------------------------------------------------------


def test_agencies_from_seed_sentence_with_positions() -> None:
    text = (
        "Sáng 23/4, đồng chí Hồ Quốc Dũng, Uỷ viên Trung ương đảng, Bí thư Tỉnh uỷ, Chủ tịch "
        "HĐND tỉnh "
        "chủ trì phiên họp. Tham dự có Chủ tịch UBND tỉnh Bình Định Phạm Anh Tuấn."
    )
    keys = {f.agency.key for f in facts_of(text, AgencyFact)}
    assert keys == {"tinh-uy-binh-dinh", "hdnd-binh-dinh", "ubnd-binh-dinh"}


def test_unseen_bodies_by_pattern_take_the_province() -> None:
    text = (
        "Tỉnh Thái Nguyên giao Trường Đại học Kỹ thuật Công nghiệp phối hợp với Tập đoàn Viettel "
        "xây dựng trung tâm dữ liệu."
    )
    agencies = {f.agency.name: f.agency for f in facts_of(text, AgencyFact)}
    assert agencies["Trường Đại học Kỹ thuật Công nghiệp"].province == "thai-nguyen"
    assert "Tập đoàn Viettel" in agencies


# --- assignments -----------------------------------------------------------------------------


def test_giao_chu_tri_phoi_hop() -> None:
    text = (
        "UBND tỉnh Đồng Nai giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính, "
        "Sở Nội vụ tham mưu ban hành cơ chế hỗ trợ doanh nghiệp đổi mới sáng tạo trước ngày "
        "30/6/2025."
    )
    (fact,) = facts_of(text, AssignmentFact)
    assert fact.leads[0].key == "so-khcn-dong-nai"
    assert [c.key for c in fact.coordinators] == ["so-tai-chinh-dong-nai", "so-noi-vu-dong-nai"]
    assert fact.task.startswith("tham mưu ban hành cơ chế")
    assert fact.deadline == "2025-06-30"


def test_focal_agency_and_person_speaking_for_a_body() -> None:
    text = (
        "Sở Thông tin và Truyền thông là cơ quan đầu mối tổng hợp, báo cáo kết quả thực hiện. "
        "Bí thư Tỉnh ủy giao Ban Tuyên giáo và Dân vận chủ trì tổ chức tuyên truyền Nghị quyết; "
        "UBND tỉnh hoàn thành cơ sở dữ liệu đất đai trong năm 2025."
    )
    facts = facts_of(text, AssignmentFact)
    leads = [(f.leads[0].name, f.deadline) for f in facts]
    assert leads == [
        ("Sở Thông tin và Truyền thông", None),
        ("Ban Tuyên giáo và Dân vận", None),
        ("UBND tỉnh", "2025"),
    ]


def test_speech_without_directive_is_no_assignment() -> None:
    text = (
        "UBND tỉnh Bình Dương cho biết sẽ đẩy mạnh phối hợp thực hiện tốt cơ chế hợp tác công tư."
    )
    assert facts_of(text, AssignmentFact) == []


def test_deadline_phrases() -> None:
    assert deadline_of("hoàn thành trong quý II/2025") == (
        "2025-Q2",
        "hoàn thành trong quý II/2025",
    )
    assert deadline_of("trình trước tháng 10/2025")[0] == "2025-10"
    assert deadline_of("thường xuyên rà soát") == (None, None)


# --- targets ---------------------------------------------------------------------------------


def test_paired_figures_are_two_targets() -> None:
    text = (
        "Chương trình hướng đến các mục tiêu cụ thể như: tỉ lệ đóng góp của TFP khoảng 45% (năm "
        "2025), "
        "trên 50% (năm 2030)."
    )
    targets = facts_of(text, TargetFact)
    assert [(t.value, t.comparator, t.unit, t.year) for t in targets] == [
        (45, "approx", "%", 2025),
        (50, "gt", "%", 2030),
    ]


def test_goal_year_comparator_and_scope_in_an_unseen_province() -> None:
    text = "Tỉnh Quảng Ninh phấn đấu đến năm 2030 kinh tế số chiếm tối thiểu 30% GRDP."
    (target,) = facts_of(text, TargetFact)
    assert (target.value, target.comparator, target.year, target.scope) == (
        30,
        "gte",
        2030,
        "quang-ninh",
    )
    assert target.unit is not None and target.unit.startswith("%")


def test_counts_ranks_and_results() -> None:
    text = (
        "Đề án đặt mục tiêu đào tạo 2.500 kỹ sư và hình thành 405 phòng STEM-Lab cho 405 trường. "
        "Tầm nhìn đến năm 2045, tỉnh nằm trong nhóm 10 địa phương dẫn đầu cả nước về chuyển đổi "
        "số.\n"
        "Năm 2024, tỷ lệ này ước đạt 13,8%."
    )
    targets = facts_of(text, TargetFact)
    assert [(t.value, t.unit, t.comparator, t.year) for t in targets] == [
        (2500, "kỹ sư", "eq", None),
        (405, "phòng STEM-Lab", "eq", None),
        (10, "thứ bậc", "lte", 2045),
    ]


def test_section_heading_gives_the_year() -> None:
    text = (
        "II- MỤC TIÊU\n1. Đến năm 2030\n- Quy mô kinh tế số đạt tối thiểu 30% GDP.\nIII- NHIỆM "
        "VỤ\n- Tăng 10%."
    )
    (target,) = facts_of(text, TargetFact)
    assert (target.value, target.year, target.scope) == (30, 2030, "viet-nam")


# --- meetings and gold format ----------------------------------------------------------------


def test_meeting_body_date_session_and_drafts() -> None:
    text = (
        "Ngày 24/2, tỉnh Đồng Nai đã tổ chức phiên họp lần thứ hai của Ban Chỉ đạo về phát "
        "triển khoa học, "
        "công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Đồng Nai. Phiên họp đã thông qua dự "
        "thảo "
        "kế hoạch thực hiện Nghị quyết 57 của Bộ Chính trị."
    )
    (meeting,) = facts_of(text, MeetingFact, day=date(2025, 3, 1))
    assert meeting.body.key == "bcd-nq57-dong-nai"
    assert (meeting.session_number, meeting.held_on) == (2, date(2025, 2, 24))
    assert [d.doc_type for d in meeting.approved] == ["Plan"]


def test_gold_format_shape() -> None:
    text = (
        "UBND tỉnh Bình Dương giao Sở Khoa học và Công nghệ chủ trì xây dựng kế hoạch chuyển "
        "đổi số."
    )
    src = source(text)
    gold = to_gold_format(extract_all(src, catalogue()), catalogue())
    assert set(gold) == {"documents", "agencies", "assignments", "targets"}
    assert {
        "name": "Sở Khoa học và Công nghệ",
        "abbrev": None,
        "level": "provincial",
        "province": "Bình Dương",
    } in gold["agencies"]
    assert gold["assignments"][0]["lead"] == "Sở Khoa học và Công nghệ"
