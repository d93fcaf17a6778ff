"""Links between documents (implements, part of), their scope and keys, recurring deadlines and
who speaks for a body: the rules the dependency view and the alignment audit rely on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ingest.extract import extract_all
from ingest.extract.deadlines import recurrence_of
from ingest.model import AgencyFact, AssignmentFact, DocumentFact, SourceMeta, SourceText
from ingest.resolve import resolve_agency
from ingest.text.normalise import normalise
from tests.ingest.common import curated_catalogue

catalogue = curated_catalogue


def facts_of(text: str, kind: type, publisher: str | None = None) -> list:
    normalised, offsets = normalise(text)
    meta = SourceMeta(date=date(2025, 4, 23), publisher=publisher)
    src = SourceText("t", Path("t.txt"), text, normalised, tuple(offsets), meta)
    facts = [f for f in extract_all(src, catalogue()) if isinstance(f, kind)]
    for fact in facts:
        assert fact.evidence.quote == src.original[fact.evidence.start : fact.evidence.end]
    return facts


def by_key(facts: list[DocumentFact]) -> dict[str, DocumentFact]:
    return {f.ref.key: f for f in facts}


# --- implements and part of --------------------------------------------------------------------

SEED_003 = (
    "Ban chỉ đạo tỉnh Bình Định đã cho ý kiến đối với dự thảo kế hoạch hành động của địa phương "
    "về phát triển khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số (Bổ sung Chương trình "
    "hành động số 32 của Tỉnh uỷ thực hiện Nghị quyết số 57); dự thảo Kế hoạch triển khai phong "
    "trào Bình dân học vụ số trên địa bàn tỉnh."
)


def test_a_supplement_is_part_of_the_programme_and_carries_out_its_resolution() -> None:
    docs = by_key(facts_of(SEED_003, DocumentFact))
    programme = docs["32-ctu-binh-dinh"]
    assert [r.key for r in programme.implements] == ["57-ntw-2024"]  # year from curated data
    plan = next(d for k, d in docs.items() if k.startswith("kh-ke-hoach-hanh-dong"))
    assert plan.part_of is not None and plan.part_of.key == "32-ctu-binh-dinh"
    assert [r.key for r in plan.implements] == ["57-ntw-2024"]
    assert plan.status == "draft" and plan.scope == "binh-dinh"
    assert plan.ref.key.endswith("-binh-dinh")  # a long title does not push the province out


def test_an_amendment_carries_out_the_resolution_but_is_not_part_of_the_programme() -> None:
    text = (
        "Ủy ban nhân dân tỉnh Nghệ An ban hành Kế hoạch chuyển đổi số năm 2025 (Sửa đổi Chương "
        "trình hành động số 14 của Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW)."
    )
    docs = by_key(facts_of(text, DocumentFact))
    plan = next(d for k, d in docs.items() if k.startswith("kh-"))
    assert plan.part_of is None
    assert [r.key for r in plan.implements] == ["57-ntw-2024"]
    assert plan.scope == "nghe-an"


def test_the_governments_action_programme_has_one_key_and_sits_in_its_resolution() -> None:
    text = (
        "Để triển khai thực hiện Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ ban hành "
        "Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 "
        "của Bộ Chính trị, tỉnh Bình Dương đã giao Sở Khoa học và Công nghệ chủ trì."
    )
    docs = by_key(facts_of(text, DocumentFact))
    programme = docs["ctrhd-cp-57-2025"]  # the key the Appendix II table reader gives it
    assert programme.part_of is not None and programme.part_of.key == "03-ncp-2025"
    assert [r.key for r in programme.implements] == ["57-ntw-2024"]
    assert programme.issuer is not None and programme.issuer.key == "chinh-phu"
    assert [r.key for r in docs["03-ncp-2025"].implements] == ["57-ntw-2024"]
    assert programme.scope == docs["03-ncp-2025"].scope == "viet-nam"


def test_a_letterhead_title_ban_hanh_makes_the_named_programme_part_of_the_document() -> None:
    text = (
        "CHÍNH PHỦ\nSố: 03/NQ-CP\nHà Nội, ngày 09 tháng 01 năm 2025\n\n# NGHỊ QUYẾT\n"
        "## Ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày "
        "22 tháng 12 năm 2024 của Bộ Chính trị\n\nCác bộ, ngành tổ chức thực hiện Chương trình "
        "hành động của Chính phủ thực hiện Nghị quyết số 45-NQ/TW."
    )
    docs = by_key(facts_of(text, DocumentFact, publisher="Chính phủ"))
    assert docs["ctrhd-cp-57-2025"].part_of is not None
    assert docs["ctrhd-cp-57-2025"].part_of.key == "03-ncp-2025"
    assert [r.key for r in docs["03-ncp-2025"].implements] == ["57-ntw-2024"]
    other = docs["ctrhd-cp-45"]  # another programme: not merged with the first
    assert [r.key for r in other.implements] == ["45-ntw-2023"] and other.part_of is None


# --- scope -------------------------------------------------------------------------------------


def test_a_plan_carrying_out_a_national_resolution_on_the_province_is_the_provinces() -> None:
    text = (
        "Theo Cổng thông tin điện tử tỉnh Bình Dương, phiên họp đã thông qua dự thảo kế hoạch "
        "thực hiện Nghị quyết 57, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa "
        "học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia trên địa bàn tỉnh."
    )
    docs = by_key(facts_of(text, DocumentFact))
    plan = next(d for k, d in docs.items() if k.startswith("kh-"))
    assert plan.issuer is None and plan.issued is None  # the date and issuer are 57's
    assert plan.scope == "binh-duong"
    assert docs["57-ntw-2024"].scope == "viet-nam"
    assert docs["57-ntw-2024"].issuer is not None


def test_a_title_naming_a_province_or_its_body_gives_the_scope() -> None:
    text = (
        "Tỉnh Thái Nguyên tổ chức hội nghị tại thành phố Thái Nguyên. Hội nghị nghe báo cáo Đề án "
        "Vùng đổi mới sáng tạo Bắc Ninh và dự thảo Quyết định thành lập Tổ giúp việc Ban Chỉ đạo."
    )
    scopes = {d.ref.key: d.scope for d in facts_of(text, DocumentFact)}
    assert scopes[next(k for k in scopes if k.startswith("da-"))] == "bac-ninh"
    assert scopes[next(k for k in scopes if k.startswith("qd-"))] == "thai-nguyen"


def test_a_national_bodys_text_names_no_province() -> None:
    text = (
        "CHÍNH PHỦ\nSố: 05/NQ-CP\nHà Nội, ngày 10 tháng 02 năm 2025\n\nGiao Bộ Khoa học và Công "
        "nghệ xây dựng Đề án phát triển nền tảng số dùng chung tại Hà Nội."
    )
    docs = facts_of(text, DocumentFact, publisher="Chính phủ")
    project = next(d for d in docs if d.ref.doc_type == "Project")
    assert project.scope == "ha-noi"  # named in the title
    assert all(not d.ref.key.endswith("-ha-noi") or d is project for d in docs)


# --- recurring deadlines and speakers ----------------------------------------------------------


def test_recurring_deadlines_are_ongoing_with_the_date_as_written() -> None:
    assert recurrence_of("báo cáo kết quả trước ngày 15/12 hằng năm") == (
        "trước ngày 15/12 hằng năm"
    )
    assert recurrence_of("định kỳ hằng năm tổng hợp, báo cáo trước ngày 30/11") == (
        "định kỳ hằng năm, trước ngày 30/11"
    )
    assert recurrence_of("hoàn thành trước ngày 30/11/2025") is None
    text = (
        "Ủy ban nhân dân tỉnh Đồng Nai giao Sở Khoa học và Công nghệ chủ trì tổng hợp tình hình "
        "thực hiện, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm."
    )
    (task,) = facts_of(text, AssignmentFact)
    assert task.ongoing and task.deadline is None
    assert task.deadline_text == "trước ngày 15/12 hằng năm"


def test_a_person_introduced_with_an_office_speaks_for_that_body() -> None:
    text = (
        "Sáng 12/5, đồng chí Nguyễn Văn An, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch "
        "HĐND tỉnh Quảng Ngãi chủ trì hội nghị. Tham dự có Chủ tịch UBND tỉnh Trần Văn Bình.\n"
        "Kết luận hội nghị, đồng chí Nguyễn Văn An yêu cầu Sở Khoa học và Công nghệ khẩn trương "
        "xây dựng cơ sở dữ liệu khoa học dùng chung của tỉnh.\n"
        "Đồng chí Trần Văn Bình giao Sở Tài chính bố trí kinh phí thực hiện."
    )
    tasks = {t.leads[0].key: t for t in facts_of(text, AssignmentFact)}
    speaker = tasks["so-khcn-quang-ngai"].assigned_by_agency
    assert speaker is not None and speaker.key == "tinh-uy-quang-ngai"
    other = tasks["so-tai-chinh-quang-ngai"].assigned_by_agency
    assert other is not None and other.key == "ubnd-quang-ngai"


# --- the party committee's standing organs -------------------------------------------------------


def test_standing_organs_are_bodies_of_their_own() -> None:
    btv = resolve_agency("Ban Thường vụ Tỉnh ủy", catalogue(), "thai-nguyen")
    board = resolve_agency("Thường trực Tỉnh uỷ", catalogue(), "thai-nguyen")
    committee = resolve_agency("Tỉnh ủy", catalogue(), "thai-nguyen")
    assert (btv.key, board.key, committee.key) == (
        "btv-tinh-uy-thai-nguyen",
        "tt-tinh-uy-thai-nguyen",
        "tinh-uy-thai-nguyen",
    )
    assert resolve_agency("Ban Thường vụ Thành ủy", catalogue(), "ha-noi").key == (
        "btv-thanh-uy-ha-noi"
    )
    text = "Thực hiện Nghị quyết 57, Ban Thường vụ Tỉnh ủy Thái Nguyên ban hành Chương trình."
    keys = {f.agency.key for f in facts_of(text, AgencyFact)}
    assert "btv-tinh-uy-thai-nguyen" in keys


def test_a_slipped_type_code_follows_the_head_noun_and_prime_minister_series_are_read():
    """Seen in a Phú Thọ report: "Nghị quyết 71-NĐ/CP của Chính phủ" is 71/NQ-CP (a second
    dcterms:identifier on one node broke SHACL); 07/CT-TTg was never read (the issuer 'TTg')."""
    from ingest.extract.document_mentions import numbered_mentions

    def numbers(text: str) -> list[str | None]:
        return [m.number for m in numbered_mentions(text)]

    assert numbers("thực hiện Nghị quyết 71-NĐ/CP của Chính phủ") == ["71/NQ-CP"]
    assert numbers("Nghị định số 47/NĐ-CP") == ["47/NĐ-CP"]
    assert numbers("Chương trình hành động 03/NQ-CP") == ["03/NQ-CP"]  # named by its act
    assert numbers("Chỉ thị số 07/CT-TTg ngày") == ["07/CT-TTg"]
    assert numbers("Quyết định 1131/QĐ-TTg") == ["1131/QĐ-TTg"]
