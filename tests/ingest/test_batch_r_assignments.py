"""Assignments and agencies on batch R's misses, as general rules: a passive assignment, heads of
bodies charged together, a duty moved from one body to another, a request addressed to named
bodies (its items and month deadlines), collective coordinators, a restated task, a "chỉ đạo"
inside a body's name; agency names wrapped over lines, "các Sở: …" lists, photo credits and
law titles. Each case reads a real batch-R text in data/sources (or quotes one)."""

from __future__ import annotations

from datetime import date
from functools import cache

from ingest.extract import extract_all
from ingest.extract.deadlines import deadline_of
from ingest.model import AgencyFact, AssignmentFact, Fact, SourceMeta
from ingest.sources import read_source
from tests.ingest.common import SOURCES, curated_catalogue, source_of


@cache
def facts_of(stem: str) -> tuple[Fact, ...]:
    return tuple(extract_all(read_source(SOURCES / f"dev-r-{stem}.txt"), curated_catalogue()))


def tasks_of(stem: str) -> list[AssignmentFact]:
    return [f for f in facts_of(stem) if isinstance(f, AssignmentFact)]


def agencies_of(stem: str) -> dict[str, str]:
    return {f.agency.key: f.agency.name for f in facts_of(stem) if isinstance(f, AgencyFact)}


def test_a_passive_assignment_names_its_lead_and_coordinators() -> None:
    """ "Sở Thông tin và Truyền thông được Ủy ban nhân dân tỉnh giao chủ trì, phối hợp Sở Văn hóa
    và Thể thao, Sở Khoa học và Công nghệ, các sở, ban ngành liên quan, ủy ban nhân dân các
    huyện, thành phố xây dựng kế hoạch …; hướng dẫn, chỉ đạo …": two tasks (the ";" convention of
    tests/gold/README.md), the roles before the first clause governing both."""
    tasks = tasks_of("kien-giang-ngay-cds")
    assert [t.task.split()[0] for t in tasks] == ["xây", "hướng"]
    for task in tasks:
        assert [lead.key for lead in task.leads] == ["so-tttt-kien-giang"]
        assert [c.key for c in task.coordinators] == [
            "so-van-hoa-va-the-thao-kien-giang",
            "so-khcn-kien-giang",
        ]


def test_local_committees_coordinate_collectively_and_a_restated_task_is_one() -> None:
    """Lai Châu: "phối hợp với Sở Y tế, UBND các huyện, thành phố và các sở, ngành liên quan,
    nghiên cứu, tham mưu UBND tỉnh …" in the sapo and again in item 1: one task, one coordinator
    (the districts' committees are no named body, the provincial committee is advised)."""
    tasks = tasks_of("lai-chau-nhiem-vu-khcn")
    assert [t.leads[0].key for t in tasks] == ["so-khcn-lai-chau", "so-tai-chinh-lai-chau"]
    first = tasks[0]
    assert first.task.startswith("nghiên cứu, tham mưu UBND tỉnh xây dựng, đặt hàng")
    assert [c.key for c in first.coordinators] == ["so-y-te-lai-chau"]


def test_heads_of_two_bodies_lead_together_and_a_moved_duty_goes_to_its_receiver() -> None:
    """The VPCP notice: "chuyển nhiệm vụ thường trực … từ Văn phòng Chính phủ sang Bộ TT&TT đảm
    nhiệm" (Bộ TT&TT leads the duty) and "Bộ trưởng, chủ nhiệm Văn phòng Chính phủ và bộ trưởng
    Bộ TT&TT khẩn trương bàn giao nhiệm vụ …" (both lead)."""
    tasks = {t.task: [lead.key for lead in t.leads] for t in tasks_of("vpcp-cpdt-btttt")}
    moved = (
        "nhiệm vụ thường trực tổ công tác giúp việc chủ tịch Ủy ban quốc gia về chính phủ điện tử"
    )
    assert tasks[moved] == ["bo-tttt"]
    handover = next(task for task in tasks if task.startswith("khẩn trương bàn giao nhiệm vụ"))
    assert tasks[handover] == ["vpcp", "bo-tttt"]
    assert "ubqg-cpdt" in agencies_of("vpcp-cpdt-btttt")  # written in lower case, now curated


def test_a_request_addressed_to_named_bodies_governs_its_items_with_month_deadlines() -> None:
    """Bộ GTVT: "Đối với Tổng cục Đường bộ Việt Nam, các Cục quản lý chuyên ngành, Bộ GTVT yêu
    cầu: Thủ trưởng các cơ quan, đơn vị gương mẫu …. Bảo đảm đến tháng 7/2021 …" and the
    subject-less paragraph after it ("Tổ chức tuyên truyền …")."""
    tasks = tasks_of("bgtvt-cpdt-2021")
    assert [" ".join(t.task.split()[:5]) for t in tasks] == [
        "gương mẫu trong sử dụng",
        "Bảo đảm đến tháng 7/2021",
        "Tổ chức tuyên truyền nâng",
    ]
    assert {lead.name for t in tasks for lead in t.leads} == {"Tổng cục Đường bộ Việt Nam"}
    assert [t.deadline for t in tasks] == [None, "2021-07", None]


def test_a_month_with_no_year_takes_the_texts_year() -> None:
    assert deadline_of("hoàn thành trong tháng 7", 2025) == ("2025-07", "trong tháng 7")
    assert deadline_of("trong 6 tháng đầu năm", 2025) == (None, None)


def test_a_body_whose_name_says_chi_dao_directs_no_one() -> None:
    """Tây Ninh's caption "Ban Chỉ đạo thực hiện Nghị quyết số 57 tỉnh Tây Ninh tổ chức Hội nghị
    đánh giá …" reports an event: no task."""
    assert tasks_of("tay-ninh-nq57") == []


def test_joint_heads_named_by_ministry_list() -> None:
    """ "Bộ trưởng các Bộ: A, B và C chủ trì …" (the form of a Government notice's joint leads)."""
    text = (
        "Bộ trưởng các Bộ: Tài chính, Xây dựng và Công Thương chủ trì, phối hợp với Bộ Tư pháp"
        " rà soát các văn bản quy phạm pháp luật.\n"
    )
    facts = extract_all(
        source_of(text, "notice", SourceMeta(date=date(2025, 5, 7))), curated_catalogue()
    )
    (task,) = [f for f in facts if isinstance(f, AssignmentFact)]
    assert [lead.key for lead in task.leads] == ["bo-tai-chinh", "bo-xay-dung", "bo-cong-thuong"]
    assert [c.key for c in task.coordinators] == ["bo-tu-phap"]


def test_wrapped_names_and_a_list_of_departments_are_whole_bodies() -> None:
    """Đồng Nai: "Chánh Văn phòng Ủy\\nban nhân dân tỉnh, Giám đốc các Sở: Khoa học và Công
    nghệ, Tài chính, Nội vụ" and "Giám đốc Sở Khoa học và Công\\nnghệ"."""
    found = agencies_of("dong-nai-qd40")
    assert found["so-khcn-dong-nai"] == "Sở Khoa học và Công nghệ"
    assert found["van-phong-ubnd-dong-nai"] == "Văn phòng Ủy ban nhân dân tỉnh"
    assert {"so-tai-chinh-dong-nai", "so-noi-vu-dong-nai"} <= set(found)


def test_no_body_from_a_photo_credit_or_a_law_title() -> None:
    """ "(Ảnh: BTC)" credits a photo; "Luật Tổ chức Chính quyền địa phương", "Luật Tổ chức Chính
    phủ" are laws' titles, so An Giang's People's Committee is named by its letterhead."""
    assert all(name != "BTC" for name in agencies_of("tay-ninh-dai-hoi-grdp").values())
    an_giang = agencies_of("an-giang-qd1762")
    assert an_giang["ubnd-an-giang"] == "Ủy ban nhân dân tỉnh An Giang"
    assert "chinh-phu" not in an_giang


def test_a_national_body_written_by_its_first_words_is_named_in_full() -> None:
    """ "Thủ tướng yêu cầu …" (the VPCP notice) names Thủ tướng Chính phủ, short form kept."""
    (fact,) = [
        f
        for f in facts_of("vpcp-cpdt-btttt")
        if isinstance(f, AgencyFact) and f.agency.key == "thu-tuong"
    ]
    assert (fact.agency.name, fact.abbrev) == ("Thủ tướng Chính phủ", "Thủ tướng")


def test_no_body_from_the_parts_of_the_political_system_or_every_district() -> None:
    """ "… trong các cơ quan Đảng, Nhà nước, Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã
    hội" (Quảng Trị) names the Front as a part of the system; "Chủ tịch UBND các huyện, thị xã,
    thành phố" (Thanh Hóa) every district's committee, not the province's."""
    catalogue = curated_catalogue()
    quang_tri = extract_all(read_source(SOURCES / "dev-q-quang-tri-cds.txt"), catalogue)
    names = [f.agency.name for f in quang_tri if isinstance(f, AgencyFact)]
    assert not [name for name in names if name.startswith("Mặt trận")]
    text = (
        "Chủ tịch UBND các huyện, thị xã, thành phố tỉnh Thanh Hóa chịu trách nhiệm thi hành"
        " Quyết định này.\n"
    )
    facts = extract_all(source_of(text, "thanh-hoa"), catalogue)
    assert not [f for f in facts if isinstance(f, AgencyFact) and f.agency.name == "UBND"]


def test_a_ministry_named_again_by_its_head_noun_keeps_the_lead() -> None:
    """Bộ TT&TT's ranking news: "Bộ TT&TT cũng được giao nhiệm vụ kiểm tra, …. Bộ cũng có nhiệm
    vụ phối hợp với Bộ Kế hoạch và Đầu tư, Bộ Công Thương … xây dựng Quy hoạch … đến năm 2025,
    tầm nhìn đến năm 2030" — the plan's period is no deadline."""
    src = read_source(SOURCES / "dev-q-btttt-xep-hang-cds.txt")
    facts = extract_all(src, curated_catalogue())
    task = next(
        f
        for f in facts
        if isinstance(f, AssignmentFact) and f.task.startswith("xây dựng Quy hoạch")
    )
    assert [lead.key for lead in task.leads] == ["bo-tttt"]
    assert [c.key for c in task.coordinators] == ["bo-khdt", "bo-cong-thuong"]
    assert task.deadline is None
    assert deadline_of("hoàn thành việc số hóa hồ sơ đến năm 2030", 2025)[0] == "2030"


def test_a_bodys_leaders_directing_its_units_are_the_body() -> None:
    """Bộ Y tế's decision: "Điều 2. Các đồng chí Lãnh đạo Bộ Y tế tập trung lãnh đạo, chỉ đạo các
    cơ quan, đơn vị thuộc, trực thuộc Bộ Y tế … tổ chức thực hiện …": Bộ Y tế leads."""
    src = read_source(SOURCES / "dev-q-byt-qd1710.txt")
    tasks = [f for f in extract_all(src, curated_catalogue()) if isinstance(f, AssignmentFact)]
    task = next(t for t in tasks if t.task.startswith("tập trung lãnh đạo, chỉ đạo các cơ quan"))
    assert [lead.key for lead in task.leads] == ["bo-y-te"]


def test_a_named_plans_period_is_no_deadline() -> None:
    """Sơn La: "giao Sở KH&CN nghiên cứu tiếp thu để trình UBND tỉnh nội dung sửa đổi, bổ sung
    Chiến lược phát triển Khoa học và công nghệ tỉnh Sơn La đến năm 2020"."""
    task = (
        "nghiên cứu tiếp thu để trình UBND tỉnh nội dung sửa đổi, bổ sung Chiến lược phát triển"
        " Khoa học và công nghệ tỉnh Sơn La đến năm 2020"
    )
    assert deadline_of(task, 2016) == (None, None)
    assert deadline_of("hoàn thành Kế hoạch, trình UBND tỉnh đến năm 2026", 2025)[0] == "2026"


def test_coordinators_named_in_a_clause_of_their_own_after_the_role() -> None:
    """The National Committee's plan: "Bộ trưởng Bộ Công an chủ trì chỉ đạo, Bộ Thông tin và
    Truyền thông và các địa phương phối hợp xây dựng Hệ thống định danh …"."""
    src = read_source(SOURCES / "dev-q-ubqgcds-kh2022.txt")
    tasks = [f for f in extract_all(src, curated_catalogue()) if isinstance(f, AssignmentFact)]
    task = next(t for t in tasks if t.task.startswith("xây dựng Hệ thống định danh"))
    assert [lead.key for lead in task.leads] == ["bo-cong-an"]
    assert [c.key for c in task.coordinators] == ["bo-tttt"]


def test_a_ministrys_party_board_is_a_national_body_and_so_is_not_so() -> None:
    """Bộ Y tế's decision (dated "Hà Nội, ngày …"): "Nghị quyết số 157-NQ/BCSĐ … của Ban cán sự
    đảng Bộ Y tế" names the ministry's Party board (national, not of Hà Nội); the title's
    "CHUYỂN ĐỔI SỐ Y TẾ" names no "Sở Y tế"."""
    src = read_source(SOURCES / "dev-q-byt-qd1710.txt")
    agencies = [
        f.agency for f in extract_all(src, curated_catalogue()) if isinstance(f, AgencyFact)
    ]
    board = next(a for a in agencies if a.name == "Ban cán sự đảng Bộ Y tế")
    assert (board.level, board.province) == ("national", None)
    assert not [a for a in agencies if a.key.startswith("so-y-te")]


def test_the_office_of_the_delegation_and_council_is_one_body() -> None:
    """Hưng Yên: "Báo cáo số 523/BC-VP … của Văn phòng Đoàn ĐBQH và HĐND tỉnh" (one office since
    2025), not the delegation "Đoàn ĐBQH" alone."""
    src = read_source(SOURCES / "dev-q-hung-yen-nq821.txt")
    facts = extract_all(src, curated_catalogue())
    names = {f.agency.name for f in facts if isinstance(f, AgencyFact)}
    assert "Văn phòng Đoàn ĐBQH và HĐND tỉnh" in names
    assert "Đoàn ĐBQH" not in names


def test_the_recipients_list_does_not_rename_the_letterheads_body() -> None:
    """Thanh Hóa's decision, headed "ỦY BAN NHÂN DÂN TỈNH THANH HÓA", writes "UBND tỉnh" only in
    its "Nơi nhận" list ("Chủ tịch, các PCT UBND tỉnh"): the body keeps its letterhead's name."""
    src = read_source(SOURCES / "dev-q-thanh-hoa-qd4216.txt")
    facts = extract_all(src, curated_catalogue())
    names = {f.agency.key: f.agency.name for f in facts if isinstance(f, AgencyFact)}
    assert names["ubnd-thanh-hoa"] == "Ủy ban nhân dân tỉnh Thanh Hóa"


def test_the_giver_of_a_passive_assignment_is_recorded() -> None:
    """ "Sở Thông tin và Truyền thông được Ủy ban nhân dân tỉnh giao chủ trì …": the provincial
    People's Committee gives both its tasks."""
    for task in tasks_of("kien-giang-ngay-cds"):
        assert task.assigned_by_agency is not None
        assert task.assigned_by_agency.key == "ubnd-kien-giang"
