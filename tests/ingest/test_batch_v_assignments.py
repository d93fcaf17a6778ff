"""Assignments on batch V's misses, as general rules over the sentence and the document tree:
bodies listed together before a plain verb in a directive's item, a topic label ("Về …:") before
the body an item charges, "cũng cần" as a modal, ", đồng thời <verb>" as a second task of the same
lead. Each case reads a real batch-V text in data/sources (variants as single sentences)."""

from __future__ import annotations

from ingest.extract.assignment_forms import modal_end
from ingest.extract.deadlines import span_end
from ingest.extract.leads import opens_clause
from ingest.extract.sentences import Span
from ingest.resolve.mentions import member_title_before
from tests.ingest.common import lead_task_pairs as pairs
from tests.ingest.common import tasks_of


def test_bodies_listed_before_a_plain_verb_in_a_directive_item_lead_together() -> None:
    """Đắk Nông: "… yêu cầu các cơ quan, đơn vị, địa phương … cụ thể như sau:" then "1. Về Nhận
    thức số: Cổng thông tin điện tử tỉnh, Đài Phát thanh và Truyền hình tỉnh, Báo Đắk Nông, UBND
    các huyện, thành phố Gia Nghĩa tiếp tục duy trì …": the three named bodies lead one task (the
    local committees' collective names no one)."""
    found = pairs("dev-v-dak-nong-dti-nhiem-vu")
    kept = [k for k, t in found if t.startswith("tiếp tục duy trì các chuyên trang")]
    assert kept == [
        "cong-ttdt-dak-nong",
        "dai-phat-thanh-va-truyen-hinh-tinh-dak-nong",
        "bao-dak-nong",
    ]


def test_a_body_after_a_topic_label_with_a_plain_verb_and_its_next_clause() -> None:
    """Đắk Nông item 3: "Về Hạ tầng số: Sở Thông tin và Truyền thông triển khai các nền tảng
    dùng chung …; Tham mưu nâng cấp, bổ sung Trung tâm tích hợp dữ liệu …": two tasks of the
    department."""
    found = pairs("dev-v-dak-nong-dti-nhiem-vu")
    tasks = [t for k, t in found if k == "so-tttt-dak-nong"]
    assert any(t.startswith("triển khai các nền tảng dùng chung của tỉnh") for t in tasks)
    assert any(t.startswith("Tham mưu nâng cấp, bổ sung Trung tâm tích hợp") for t in tasks)
    assert not any(t.startswith("Về") for _, t in found)


def test_a_topic_label_does_not_hide_the_opening_of_a_clause() -> None:
    """ "Về …:", "Đối với …:", "Trong lĩnh vực …:" before a body: the body opens its clause; a
    body after other words does not."""
    for label in ("Về Hạ tầng số: ", "Đối với chính quyền số: ", "Trong lĩnh vực y tế: "):
        text = f"{label}Sở Y tế triển khai hồ sơ sức khỏe điện tử."
        assert opens_clause(text, Span(0, len(text)), len(label))
    text = "Theo báo cáo của Sở Y tế triển khai hồ sơ."
    assert not opens_clause(text, Span(0, len(text)), text.index("Sở"))


def test_also_must_and_at_the_same_time_give_the_same_lead_two_more_tasks() -> None:
    """Directive 22/CT-TTg: "Ngoài ra, Ngân hàng Nhà nước cũng cần tiếp tục nghiên cứu, ứng
    dụng các giải pháp xác thực …, đồng thời tăng cường kiểm tra, giám sát, phòng chống rửa
    tiền…": two tasks of the State Bank beside the first one, the trailing "…" not part of it."""
    found = pairs("dev-v-ttg-ct22-thanh-toan")
    assert [k for k, _ in found] == ["nhnn"] * 3
    assert found[1][1].startswith("tiếp tục nghiên cứu, ứng dụng các giải pháp xác thực")
    assert found[1][1].endswith("bằng phương thức điện tử")
    assert found[2][1] == "tăng cường kiểm tra, giám sát, phòng chống rửa tiền"


def test_two_bodies_given_two_roles_in_one_sentence() -> None:
    """Đà Nẵng: "UBND TP Đà Nẵng giao Ban Quản lý Khu Công nghệ cao và các KCN (BQL) làm chủ đầu
    tư và Ban Quản lý các dự án phát triển hạ tầng KCN và công nghệ cao Đà Nẵng làm quản lý dự án
    …": "và" before another body with a verb of its own ends the first task and tells the second
    body the second; the short form "(BQL)" is no part of the task."""
    found = pairs("dev-v-da-nang-khu-cnc-dieu-chinh")
    assert found[0] == ("bql-khu-cnc-kcn-da-nang", "làm chủ đầu tư")
    assert found[1][0] == "bqlda-ha-tang-kcn-cnc-da-nang"
    assert found[1][1].startswith("làm quản lý dự án để triển khai các bước tiếp theo")
    assert len(found) == 2


def test_and_before_a_body_inside_a_task_does_not_cut_it() -> None:
    """ "và" before a body that has no verb of its own stays inside the task: Đà Nẵng's "giúp UBND
    Thành phố Đà Nẵng xây dựng phương án" (a second national lead, curated: "Tổ Tư vấn kinh tế
    của Thủ tướng Chính phủ") and batch S's "Sở Tài chính, Sở Kế hoạch và Đầu tư" lead."""
    found = pairs("dev-v-da-nang-khu-cnc-sang-tao")
    assert found[1] == (
        "to-tu-van-kinh-te-ttg",
        "hỗ trợ, huy động nguồn lực chuyên gia giúp UBND Thành phố Đà Nẵng xây dựng phương án",
    )
    budget = [
        k for k, t in pairs("dev-s-quang-nam-chinh-quyen-so") if t.startswith("ưu tiên bố trí")
    ]
    assert budget == ["so-tai-chinh-quang-nam", "so-khdt-quang-nam"]


def test_a_short_form_glued_to_the_verb_is_not_part_of_the_lead() -> None:
    """Bà Rịa – Vũng Tàu: "giao Sở TT-TT ký kết hợp tác với Zalo …": an initialism takes no
    lower-case syllable after it, so the lead is «Sở TT-TT» and the task "ký kết hợp tác …"; the
    collective "các sở, ngành liên quan và UBND các huyện, …" gives no task «liên quan và …»."""
    found = pairs("dev-v-ba-ria-vung-tau-cv5013-zalo")
    assert found[0][1].startswith("ký kết hợp tác với Zalo")
    assert found[0][0] == "so-tttt-ba-ria-vung-tau"
    assert not any(t.startswith("liên quan") for _, t in found)


def test_a_holder_working_with_a_collective_stands_for_the_lead() -> None:
    """Tiền Giang, Article 2 broken over lines: "Giám đốc Sở Thông tin và Truyền thông phối hợp
    với các sở,\\nban, ngành có liên quan tổ chức triển khai thực hiện Quyết định này": with only
    a collective to work with, the holder's department leads."""
    found = tasks_of("dev-v-tien-giang-qd33-2009")
    (article,) = [t for t in found if t.task == "tổ chức triển khai thực hiện Quyết định này"]
    assert [lead.key for lead in article.leads] == ["so-tttt-tien-giang"]


def test_a_caption_restating_a_task_is_one_task_dated_by_the_body() -> None:
    """Mekong plan: the caption "Bộ KH&ĐT chủ trì, phối hợp với các bộ, ngành...rà soát, …
    vùng ĐBSCL Ảnh: Tường Lâm" and the body "Theo Kế hoạch, từ tháng 11/2016 - 10/2018, Bộ
    KH&ĐT chủ trì, phối hợp với các bộ, ngành, địa phương rà soát, …" are one task (the photo
    credit and the dots are no part of it), due at the end of the span of months."""
    found = tasks_of("dev-v-ttg-dbscl-lien-ket-vung")
    assert [t.task for t in found] == [
        "rà soát, điều chỉnh, bổ sung Quy hoạch phát triển KTXH vùng ĐBSCL",
        "xây dựng và ban hành bộ tiêu chí xác định các chương trình, dự án liên kết",
        "xây dựng Danh mục các chương trình, dự án liên kết vùng và có tính chất vùng",
    ]
    assert str(found[0].deadline) == "2018-10"


def test_a_span_of_months_is_due_at_its_end() -> None:
    assert span_end("từ tháng 11/2016 - 10/2018") == ("2018-10", "từ tháng 11/2016 - 10/2018")
    assert span_end("từ tháng 3/2024 đến tháng 6/2025")[0] == "2025-06"
    assert span_end("giai đoạn 2016 - 2020") == (None, None)


def test_a_committee_told_through_its_members_leads() -> None:
    """Bộ NNPTNT: "Thứ trưởng … yêu cầu thành viên Ban chỉ đạo làm rõ các vấn đề …" and "Ban chỉ
    đạo cần tham khảo về trình tự, thủ tục …": the ministry's steering committee leads both (the
    members told stand for it; "làm rõ" and "tham khảo" are verbs of work)."""
    found = pairs("dev-v-bnnptnt-de-an-cds")
    assert [k for k, _ in found] == ["bcd-cds-bo-nnptnt"] * 2
    assert found[0][1] == "làm rõ các vấn đề liên quan tới thực trạng ngành trong dự thảo"
    assert found[1][1].startswith("tham khảo về trình tự, thủ tục xây dựng lộ trình")


def test_a_member_who_is_not_told_names_no_body() -> None:
    """A member's title still holds the body's name when no one tells the members anything
    ("Ủy viên Ban Thường vụ Tỉnh ủy", "thành viên Ban Chỉ đạo" as a person's title)."""
    text = "Ông A, thành viên Ban Chỉ đạo, phát biểu."
    assert member_title_before(text, text.index("Ban"))
    text = "Thứ trưởng yêu cầu thành viên Ban chỉ đạo làm rõ các vấn đề."
    assert not member_title_before(text, text.index("Ban"))


def test_the_modals_before_a_task_verb() -> None:
    """ "cần", "cần phải", "sẽ" and "cũng cần" stand between a body and its task's verb."""
    for modal in ("cần ", "cần phải ", "sẽ ", "cũng cần "):
        text = f"{modal}tiếp tục nghiên cứu"
        assert text[modal_end(text, 0) :] == "tiếp tục nghiên cứu"
    assert modal_end("cũng đã làm", 0) == 0
