"""Assignments read over the document tree: co-leads, recipients, leads carried over
subject-less sentences and from section headings, position holders, day-month deadlines.

Sentences are quoted from real texts (03/NQ-CP in data/sources; the Lạng Sơn and Government
steering-committee notices of the development batch) or follow a provincial plan's layout."""

from __future__ import annotations

from datetime import date

from ingest.extract import extract_all
from ingest.model import AssignmentFact, SourceMeta, SourceText
from ingest.sources import read_source
from tests.ingest.common import SOURCES, curated_catalogue, source_of


def tasks_of(src: SourceText) -> list[AssignmentFact]:
    return [f for f in extract_all(src, curated_catalogue()) if isinstance(f, AssignmentFact)]


def test_co_leads_are_kept_and_recipients_are_never_tasks() -> None:
    """03/NQ-CP III.4 "Bộ Khoa học và Công nghệ, Bộ Thông tin và Truyền thông chủ trì, phối hợp
    …": two leads. Its "Nơi nhận" list (ministries, "Các PCN, Trợ lý TTg") gives no task."""
    src = read_source(SOURCES / "nq03-ncp-2025.md")
    tasks = tasks_of(src)
    follow_up = next(t for t in tasks if t.task.startswith("theo dõi, đôn đốc"))
    assert [lead.key for lead in follow_up.leads] == ["bo-khcn", "bo-tttt"]
    recipients = src.original.index("Nơi nhận")
    closing_end = src.original.index("CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ")
    assert not [t for t in tasks if recipients <= t.evidence.start < closing_end]


LANG_SON = (
    "Theo đó, nhằm đẩy nhanh tiến độ triển khai thực hiện công tác chuyển đổi số trên địa bàn tỉnh,"
    " yêu cầu Sở Khoa học và Công nghệ chủ trì, phối hợp với các cơ quan liên quan rà soát, chủ"
    " động triển khai thực hiện các nội dung thuộc trách nhiệm của địa phương tại Báo cáo số"
    " 77/BC-SKHCN đảm bảo tiến độ, thời hạn theo quy định. Rà soát, báo cáo về kết quả thực hiện"
    " các mục tiêu, chỉ tiêu đề ra tại Nghị quyết số 49-NQ/TU, ngày 28/9/2021 của Ban Thường vụ"
    " Tỉnh ủy về chuyển đổi số tỉnh Lạng Sơn đến năm 2025, định hướng đến năm 2030. Chủ trì, phối"
    " hợp với các cơ quan liên quan rà soát lại các nhiệm vụ UBND tỉnh đã giao cho các cơ quan,"
    " đơn vị, địa phương tại các Kế hoạch của UBND tỉnh có liên quan đến công tác chuyển đổi số.\n"
)


def test_a_lead_carries_over_subject_less_sentences_of_the_same_request() -> None:
    tasks = tasks_of(source_of(LANG_SON, "lang-son", SourceMeta(date=date(2025, 5, 7))))
    assert [t.leads[0].key for t in tasks] == ["so-khcn-lang-son"] * 3
    assert tasks[1].task.startswith("Rà soát, báo cáo về kết quả")
    assert tasks[2].task.startswith("rà soát lại các nhiệm vụ")  # "Chủ trì, phối hợp …" dropped


def test_a_semicolon_clause_with_its_own_role_is_a_second_task_of_the_same_lead() -> None:
    text = (
        "Ban chỉ đạo của Chính phủ yêu cầu Bộ KH&CN trình Thủ tướng Chính phủ “Chương trình quốc"
        " gia phát triển các sản phẩm công nghệ chiến lược ưu tiên triển khai” trong tháng"
        " 11/2025; chủ trì, phối hợp với các bộ, ngành khẩn trương hoàn thành việc xây dựng và"
        " thiết lập Bộ công cụ theo dõi, giám sát trước ngày 10/12/2025.\n"
    )
    first, second = tasks_of(source_of(text, "bcd"))
    assert first.leads[0].key == second.leads[0].key == "bo-khcn"
    assert first.deadline == "2025-11"
    assert second.task.startswith("khẩn trương hoàn thành") and second.deadline == "2025-12-10"


PLAN = (
    "IV. TỔ CHỨC THỰC HIỆN\n"
    "3. Sở Nội vụ:\n"
    "- Xây dựng chính sách thu hút, trọng dụng nhân lực chất lượng cao, hoàn thành trước"
    " ngày 30/6.\n"
    "- Hướng dẫn các cơ quan, đơn vị rà soát vị trí việc làm về chuyển đổi số.\n"
    "4. Giao Giám đốc Sở Tài chính chủ trì bố trí kinh phí thực hiện Kế hoạch.\n"
    "Nơi nhận:\n- Sở Khoa học và Công nghệ;\n- Lưu: VT.\n"
)


def test_a_heading_lead_governs_its_items_and_a_position_holder_stands_for_the_body() -> None:
    meta = SourceMeta(date=date(2025, 3, 1))
    tasks = tasks_of(source_of(PLAN, "plan", meta))
    assert [(t.leads[0].key, t.task.split()[0]) for t in tasks] == [
        ("so-noi-vu", "Xây"),
        ("so-noi-vu", "Hướng"),
        ("so-tai-chinh", "bố"),
    ]
    assert tasks[0].deadline == "2025-06-30"  # the day and month take the year of the text


def test_bodies_listed_before_a_joint_verb_lead_together() -> None:
    """Phú Thọ's 2026 review: "Văn phòng Tỉnh ủy, Sở Khoa học và Công nghệ phối hợp nghiên cứu
    …" is one task with two leads."""
    text = (
        "Văn phòng Tỉnh ủy, Sở Khoa học và Công nghệ phối hợp nghiên cứu hình thành công cụ phần"
        " mềm chấm điểm, đánh giá xếp loại chất lượng các cơ quan, đơn vị và cán bộ, công chức,"
        " viên chức trong toàn hệ thống chính trị\n"
    )
    src = source_of(text, "phu-tho", SourceMeta(publisher="Báo Phú Thọ"))
    (task,) = tasks_of(src)
    assert [lead.name for lead in task.leads] == ["Văn phòng Tỉnh ủy", "Sở Khoa học và Công nghệ"]


def test_a_subject_first_duty_in_a_paragraph_of_assignments_is_a_task() -> None:
    """Bà Rịa – Vũng Tàu: "Văn phòng UBND tỉnh được giao …. Công an tỉnh đảm bảo an toàn thông
    tin …": the second body's duty belongs to the same list of assignments."""
    text = (
        "Văn phòng UBND tỉnh được giao hoàn thiện hệ thống thông tin báo cáo, xây dựng chỉ số điều"
        " hành. Công an tỉnh đảm bảo an toàn thông tin, an ninh mạng cho các hệ thống.\n"
    )
    tasks = tasks_of(source_of(text, "brvt"))
    assert [(t.leads[0].name, t.task.split()[0]) for t in tasks] == [
        ("Văn phòng UBND tỉnh", "hoàn"),
        ("Công an tỉnh", "đảm"),
    ]


def test_ministries_abbreviated_in_a_list_are_each_a_lead() -> None:
    """ "các bộ: TC, XD, CT và Ngân hàng Nhà nước" names four leads: the ministries by the
    initials of their curated names."""
    text = (
        "Giao các bộ: TC, XD, CT và Ngân hàng Nhà nước Việt Nam chủ trì, phối hợp với các địa"
        " phương hoàn thiện cơ chế tài chính cho nhà ở xã hội.\n"
    )
    (task,) = tasks_of(source_of(text, "abbreviated"))
    assert [lead.key for lead in task.leads] == [
        "bo-tai-chinh",
        "bo-xay-dung",
        "bo-cong-thuong",
        "nhnn",
    ]
    assert task.task == "hoàn thiện cơ chế tài chính cho nhà ở xã hội"


def test_a_position_holder_who_acts_stands_for_the_body_one_who_tells_does_not() -> None:
    acts = "Bộ trưởng Bộ Tài chính chỉ đạo rà soát, sửa đổi các quy định về quản lý tài chính.\n"
    (task,) = tasks_of(source_of(acts, "acts"))
    assert task.leads[0].key == "bo-tai-chinh"
    tells = "Bí thư Tỉnh ủy chỉ đạo các cấp ủy tập trung lãnh đạo.\n"
    assert tasks_of(source_of(tells, "tells")) == []


def test_a_task_in_an_annex_belongs_to_the_programme_the_annex_titles() -> None:
    """03/NQ-CP issues its Programme after the signature: the Programme's own tasks (section III)
    are assigned by the Programme, as the 140 tasks of its Appendix II are."""
    tasks = tasks_of(read_source(SOURCES / "nq03-ncp-2025.md"))
    assert tasks and {t.assigned_by.key for t in tasks if t.assigned_by} == {"ctrhd-cp-57-2025"}


def test_a_body_announcing_its_tasks_leads_the_enumerated_items() -> None:
    """The Ministry of Science and Technology's nine key tasks: "Theo đó, Bộ KH&CN tập trung
    triển khai 9 nhiệm vụ trọng tâm:" then "Một là, quán triệt …. Khẩn trương phối hợp với Bộ
    Thông tin và Truyền thông tham mưu, trình …" — both tasks are the ministry's."""
    text = (
        "Theo đó, Bộ KH&CN tập trung triển khai 9 nhiệm vụ trọng tâm:\n"
        "Một là, quán triệt, tổ chức thực hiện nghiêm túc các chủ trương, đường lối của Đảng về"
        " KHCN&ĐMST. Khẩn trương phối hợp với Bộ Thông tin và Truyền thông tham mưu, trình Chính"
        " phủ ban hành Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW.\n"
    )
    first, second = tasks_of(source_of(text, "bkhcn"))
    assert first.leads[0].key == second.leads[0].key == "bo-khcn"
    assert first.task.startswith("quán triệt")
    assert second.task.startswith("tham mưu") and [c.key for c in second.coordinators] == [
        "bo-tttt"
    ]


def test_a_directive_goes_on_in_the_next_paragraph_past_a_photo_caption() -> None:
    """Chỉ thị 33/CT-TTg as reported: "Bộ Công an chủ trì, đẩy nhanh …", a caption, then
    "Đồng thời, hướng dẫn, đôn đốc …"; Chỉ thị 07/CT-TTg: "… yêu cầu Bộ Tài chính …, hoàn thành
    trong tháng 3 năm 2025." then "Xây dựng, tham mưu Chính phủ …"."""
    text = (
        "Bộ Công an chủ trì, đẩy nhanh tiến độ triển khai các nhiệm vụ, tiện ích thuộc Đề án"
        " 06.\n\n"
        "VNeID là tài khoản duy nhất để làm dịch vụ công trực tuyến. Ảnh minh hoạ: VGP\n\n"
        "Đồng thời, hướng dẫn, đôn đốc các bộ ngành, địa phương chuyển đổi sang sử dụng VNeID.\n"
    )
    tasks = tasks_of(source_of(text, "ct33"))
    assert [(t.leads[0].key, t.task.split()[0]) for t in tasks] == [
        ("bo-cong-an", "đẩy"),
        ("bo-cong-an", "hướng"),
    ]
    text = (
        "Cụ thể, Thủ tướng yêu cầu Bộ Tài chính xây dựng Kế hoạch đẩy mạnh thương mại điện tử,"
        " hoàn thành trong tháng 3 năm 2025.\n\n"
        "Xây dựng, tham mưu Chính phủ trình Quốc hội ban hành Nghị quyết về cơ chế đặc thù đầu"
        " tư, báo cáo Chính phủ trong tháng 5 năm 2025.\n"
    )
    first, second = tasks_of(source_of(text, "ct07"))
    assert first.leads[0].key == second.leads[0].key == "bo-tai-chinh"
    assert (first.deadline, second.deadline) == ("2025-03", "2025-05")
