"""Assignments on batch T's misses, as general rules: joint leads under a mandate ("theo nhiệm vụ,
quyền hạn được giao"), several tasks of one lead after ";", a body going on with a plain verb in a
text that directs it, "là cơ quan được giao chủ trì", deadlines with the text's year. Each case
reads a real batch-T text in data/sources (batch R and S texts where a rule must stay put)."""

from __future__ import annotations

from tests.ingest.common import lead_task_pairs as pairs
from tests.ingest.common import tasks_of

ELECTION = "dev-t-bca-bau-cu-du-lieu-dan-cu"


def test_bodies_told_together_under_their_mandate_lead_together() -> None:
    """ "Thủ tướng giao Bộ Quốc phòng, Bộ Công an theo nhiệm vụ, quyền hạn được giao xây dựng kế
    hoạch, phương án …; chỉ đạo và hướng dẫn các lực lượng …": both ministries lead both tasks."""
    found = pairs(ELECTION)
    for key in ("bo-quoc-phong", "bo-cong-an"):
        assert (
            key,
            "chỉ đạo và hướng dẫn các lực lượng quân đội, công an tham gia cuộc bầu cử",
        ) in (found)
        assert any(
            k == key and t.startswith("xây dựng kế hoạch, phương án triển khai lực lượng")
            for k, t in found
        )


def test_bodies_opening_a_sentence_under_their_mandate_lead_together() -> None:
    """ "Đồng thời, Bộ Công an, Bộ Xây dựng, Bộ Khoa học và Công nghệ theo nhiệm vụ, quyền hạn được
    giao xây dựng kế hoạch, phương án cụ thể …": three leads of one task."""
    (joint,) = [
        t for t in tasks_of(ELECTION) if t.task.startswith("xây dựng kế hoạch, phương án cụ")
    ]
    assert [lead.key for lead in joint.leads] == ["bo-cong-an", "bo-xay-dung", "bo-khcn"]


def test_each_clause_after_a_semicolon_is_a_task_of_the_same_lead() -> None:
    """ "Bộ Công an cung cấp dữ liệu dân cư …; chỉ đạo Công an các tỉnh …; hướng dẫn việc khai
    thác …": three tasks; "giao Bộ Kế hoạch và Đầu tư quy định …; phê duyệt Quy chế …; quyết
    định thành lập …": three more."""
    police = [t for k, t in pairs(ELECTION) if k == "bo-cong-an"]
    assert "cung cấp dữ liệu dân cư cho Hội đồng bầu cử quốc gia và Bộ Nội vụ" in police
    assert any(t.startswith("chỉ đạo Công an các tỉnh, thành phố cung cấp") for t in police)
    assert any(t.startswith("hướng dẫn việc khai thác, sử dụng") for t in police)
    nic = [t.task for t in tasks_of("dev-t-ttg-qd1269-nic")]
    assert nic[1] == "phê duyệt Quy chế tổ chức và hoạt động của Trung tâm"
    assert nic[2].startswith("quyết định thành lập và phê duyệt Quy chế hoạt động")


def test_an_item_under_a_heading_lead_splits_at_a_semicolon_and_keeps_its_coordinators() -> None:
    """QĐ 420: "1. Bộ Thông tin và Truyền thông:" then "a) Ban hành phương án …; tổ chức triển
    khai, chỉ đạo …" (two tasks) and "c) Phối hợp với Bộ Tài chính, Bộ Kế hoạch và Đầu tư xây
    dựng dự toán …" (the two ministries coordinate)."""
    tasks = [t for t in tasks_of("dev-t-ttg-qd420") if t.leads[0].key == "bo-tttt"]
    assert tasks[1].task.startswith("tổ chức triển khai, chỉ đạo, hướng dẫn và kiểm tra")
    (budget,) = [t for t in tasks if t.task.startswith("xây dựng dự toán")]
    assert {c.key for c in budget.coordinators} == {"bo-tai-chinh", "bo-khdt"}


def test_a_coordinated_task_or_a_submission_stays_one_task() -> None:
    """Bắc Kạn's "… có nhiệm vụ tổng hợp báo cáo …; trình UBND tỉnh trước ngày 15/11/2021 …"
    (handing in the work) is one task. (Batch R's "… chủ trì, phối hợp … xây dựng kế hoạch …;
    hướng dẫn, chỉ đạo …" is two since round six's ";" convention: test_batch_x_assignments.)"""
    (bac_kan,) = tasks_of("dev-t-bac-kan-cv1066")
    assert bac_kan.deadline == "2021-11-15"
    assert "; trình UBND tỉnh" in bac_kan.task


def test_a_body_told_in_the_paragraph_before_goes_on_with_a_plain_verb() -> None:
    """NIC: "Thủ tướng giao Bộ Kế hoạch và Đầu tư quy định …." then "Bộ Kế hoạch và Đầu tư vận
    động, quản lý … . Chủ trì, phối hợp với Bộ Tài chính rà soát, kiến nghị …"."""
    tasks = tasks_of("dev-t-ttg-qd1269-nic")
    assert tasks[3].task.startswith("vận động, quản lý và sử dụng các nguồn lực")
    assert tasks[4].task.startswith("rà soát, kiến nghị cấp có thẩm quyền")
    assert [c.key for c in tasks[4].coordinators] == ["bo-tai-chinh"]
    assert {lead.key for t in tasks for lead in t.leads} == {"bo-khdt"}


def test_a_body_after_a_leaders_opinion_is_directed() -> None:
    """VPCP 10186: "…; Ban Tuyên giáo Trung ương, Phó Thủ tướng Vũ Đức Đam có ý kiến như sau:"
    then "Bộ Thông tin và Truyền thông nghiên cứu, tiếp thu ý kiến …" — the ministry's task, and
    no task of the board whose opinion was heard ("Xét đề nghị của …" directs no one)."""
    (task,) = tasks_of("dev-t-vpcp-cv10186")
    assert [lead.key for lead in task.leads] == ["bo-tttt"]
    assert task.task.startswith("nghiên cứu, tiếp thu ý kiến của các cơ quan liên quan")


def test_the_body_that_is_the_agency_given_the_lead() -> None:
    """Bắc Giang: "Sở TT&TT tỉnh Bắc Giang là cơ quan được giao chủ trì xây dựng kế hoạch triển
    khai cụ thể; hướng dẫn, chỉ đạo, tổ chức thực hiện …" — two tasks of the department."""
    assert [t.task[:28] for t in tasks_of("dev-t-bac-giang-ngay-cds")] == [
        "xây dựng kế hoạch triển khai",
        "hướng dẫn, chỉ đạo, tổ chức ",
    ]


def test_a_collective_qualified_by_thuoc_gives_no_broken_task() -> None:
    """Bắc Kạn: "… chỉ đạo các sở, ban, ngành thuộc UBND tỉnh và UBND các huyện, thành phố tổ
    chức tổng kết …" — no task whose span opens with «thuộc UBND tỉnh»."""
    assert not any(t.task.startswith("thuộc") for t in tasks_of("dev-t-bac-kan-cv1066"))


def test_yearless_month_and_quarter_take_the_year_of_the_text() -> None:
    """ "trình Thủ tướng Chính phủ trong tháng 4 này" beside "trong tháng 6/2012" (a text with no
    date; "từ năm 2012 đến năm 2020" is the plan's period, not its due date) → 2012-04; "(hoàn
    thành trong quý I)" in a text of 12 January 2026 → 2026-Q1."""
    assert [t.deadline for t in tasks_of("dev-t-bgddt-dao-tao-tien-si-2012")] == [
        "2012-04",
        "2012-06",
    ]
    (data,) = tasks_of("dev-t-ttg-bcd-du-lieu-2026")
    assert data.deadline == "2026-Q1"


def test_a_span_opening_with_more_bodies_told_together_is_no_task() -> None:
    """Batch S: "yêu cầu các sở, ban, ngành, UBND các huyện, thị xã, thành phố triển khai …" and
    "chỉ đạo Sở GD&ĐT và các\\nSở, ban, ngành thực hiện …" — no task whose span opens with «UBND
    các huyện» or «và các Sở» (the list of leads was not read to its end)."""
    for stem in ("dev-s-quang-nam-chinh-quyen-so", "dev-s-nghe-an-hoc-ba-so"):
        for task in tasks_of(stem):
            assert not task.task.startswith(("UBND các", "và các"))


def test_a_request_to_hand_in_the_work_goes_to_the_lead_just_charged() -> None:
    """Batch S: "Thủ tướng Chính phủ giao Bộ Thông tin và Truyền thông chủ trì, phối hợp với Văn
    phòng Chính phủ và Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử xây
    dựng Kiến trúc …" then "Thủ tướng yêu cầu trình Kiến trúc … trong tháng 12/2018" — the
    ministry's second task, and the working group (curated) coordinates the first."""
    first, second = tasks_of("dev-s-btttt-kien-truc-cpdt-2018")
    assert [c.key for c in first.coordinators] == ["vpcp", "tct-ubqg-cpdt"]
    assert [lead.key for lead in second.leads] == ["bo-tttt"]
    assert second.task.startswith("trình Kiến trúc tổng thể") and second.deadline == "2018-12"


def test_a_condition_or_a_recurring_time_opens_a_sentence_going_on_with_the_task() -> None:
    """Batch S: "Trên cơ sở kết quả rà soát của các bộ, ngành, Bộ Công an chủ trì …." then
    "Trường hợp cần thiết, đề xuất sửa đổi văn bản …; hoàn thành nhiệm vụ này trong tháng
    12/2022." (the ministry's, due 2022-12); Thanh Hóa's "… có trách nhiệm …. Vào tháng 11 hàng
    năm, lập phiếu điều tra …" (the department's)."""
    police = tasks_of("dev-s-bca-bo-so-ho-khau")[-1]
    assert police.task.startswith("đề xuất sửa đổi văn bản") and police.deadline == "2022-12"
    assert [lead.key for lead in police.leads] == ["bo-cong-an"]
    survey = tasks_of("dev-s-thanh-hoa-bo-chi-so-cds")[1]
    assert survey.task.startswith("lập phiếu điều tra") and survey.leads[0].key.startswith(
        "so-tttt"
    )
