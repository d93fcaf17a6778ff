"""Assignments on batch X's misses and on the ";" convention of round six, as general rules over
the sentence: roles written before the first clause carry to later ";"-clauses, a task opening
with a role ("là cơ quan đầu mối, …") is one of a series. Each case reads a real text in
data/sources (variants as single sentences)."""

from __future__ import annotations

from ingest.extract.deadlines import deadline_of
from ingest.extract.leads import opens_clause
from ingest.extract.sentences import Span
from tests.ingest.common import tasks_of


def _task(stem: str, opening: str):
    found = [t for t in tasks_of(stem) if t.task.startswith(opening)]
    assert len(found) == 1, [t.task for t in tasks_of(stem)]
    return found[0]


def test_coordinators_before_the_first_clause_govern_the_clause_after_a_semicolon() -> None:
    """Kiên Giang: "Sở TT&TT được … giao chủ trì, phối hợp Sở Văn hóa và Thể thao, Sở Khoa học
    và Công nghệ, … xây dựng kế hoạch triển khai cụ thể; hướng dẫn, chỉ đạo tổ chức …": two
    tasks, both with the two named coordinators."""
    stem = "dev-r-kien-giang-ngay-cds"
    first = _task(stem, "xây dựng kế hoạch triển khai cụ thể")
    second = _task(stem, "hướng dẫn, chỉ đạo tổ chức thực hiện hoạt động truyền thông")
    assert first.task == "xây dựng kế hoạch triển khai cụ thể"
    assert [lead.name for lead in second.leads] == [lead.name for lead in first.leads]
    assert {c.key for c in second.coordinators} == {c.key for c in first.coordinators}
    assert len(first.coordinators) == 2


def test_a_task_opening_with_a_role_is_one_of_a_series() -> None:
    """Bộ TT&TT "được giao là cơ quan đầu mối, giúp Ủy ban điều phối …; bảo đảm các điều kiện
    cần thiết cho hoạt động của Ủy ban và Tổ công tác": two tasks."""
    stem = "dev-s-btttt-khung-kien-truc-2"
    first = _task(stem, "là cơ quan đầu mối, giúp Ủy ban điều phối")
    assert first.task.endswith("phát triển Chính phủ điện tử")
    _task(stem, "bảo đảm các điều kiện cần thiết cho hoạt động của Ủy ban và Tổ công tác")


def test_a_clause_opening_with_lap_is_a_task_of_its_own() -> None:
    """Thanh Hóa: "… lập phiếu điều tra, thu thập số liệu …, gửi các cơ quan …; kiểm tra, xác
    thực số liệu, …": two tasks of the department; "đôn đốc các sở, ban, ngành cấp tỉnh; UBND
    các huyện …" (objects of one verb) is not split into a task for the committees."""
    stem = "dev-s-thanh-hoa-bo-chi-so-cds"
    first = _task(stem, "lập phiếu điều tra, thu thập số liệu")
    assert first.task.endswith("các cơ quan nhà nước trên địa bàn tỉnh")
    _task(stem, "kiểm tra, xác thực số liệu, phân tích, đánh giá, chấm điểm")


def test_a_clause_after_a_task_opening_with_no_verb_of_work_stays_in_it() -> None:
    """Hải Phòng: "… yêu cầu Giám đốc các Sở … quán triệt, thống nhất các quan điểm …; triển
    khai thực hiện Quyết định số 2830/QĐ-UBND …": the first clause opens with no verb of work of
    the list, so the ";" does not split (as the gold of batch U has it)."""
    stem = "dev-u-hai-phong-bcd-cqdt-2018"
    assert not [t for t in tasks_of(stem) if t.task.startswith("triển khai thực hiện Quyết định")]


def test_a_committee_s_duties_go_on_in_subject_less_sentences_of_duty_verbs() -> None:
    """Hà Nội: "Ban Chỉ đạo có trách nhiệm tham mưu …. Đề xuất …. Cho ý kiến về các nội dung liên
    quan …. Điều phối triển khai …": "Cho ý kiến" and "Điều phối" go on with the committee's
    duties as "Đề xuất" does."""
    stem = "dev-x-ha-noi-bcd-khcn-cchc"
    for opening in ("Cho ý kiến về các nội dung liên quan", "Điều phối triển khai đảm bảo"):
        assert [lead.key for lead in _task(stem, opening).leads] == ["bcd-nq57-ha-noi"]


def test_at_the_same_time_without_a_comma_goes_on_with_the_duties() -> None:
    """TP HCM: "Ban Chỉ đạo có nhiệm vụ nghiên cứu, đề xuất …. Đồng thời cho ý kiến về các nội
    dung trên." (no comma after "Đồng thời")."""
    task = _task("dev-x-hcm-bcd-khcn-ubnd", "cho ý kiến về các nội dung trên")
    assert [lead.key for lead in task.leads] == ["bcd-nq57-ho-chi-minh"]


def test_a_linking_phrase_then_any_verb_goes_on_and_its_semicolon_clauses_too() -> None:
    """QĐ 2319: "Ban Chỉ đạo có nhiệm vụ nghiên cứu, đề xuất …" then the paragraph "Cùng với đó,
    tích hợp, đồng bộ, … về dữ liệu; cho ý kiến về các chiến lược, …": two more duties."""
    stem = "dev-x-ttg-qd2319-bcd-du-lieu"
    first = _task(stem, "tích hợp, đồng bộ, lưu trữ, chia sẻ")
    assert first.task.endswith("liên ngành về dữ liệu")
    second = _task(stem, "cho ý kiến về các chiến lược, chương trình")
    assert [lead.key for lead in second.leads] == [lead.key for lead in first.leads]


def test_making_things_easier_after_a_semicolon_is_a_duty_of_its_own() -> None:
    """Cần Thơ: "Tham mưu xây dựng, phát triển chính quyền số, …; tạo thuận lợi cho việc triển
    khai ứng dụng dữ liệu dân cư …": two duties."""
    stem = "dev-x-can-tho-bcd-khcn-2025"
    assert _task(stem, "Tham mưu xây dựng, phát triển chính quyền số").task.endswith("thông minh")
    _task(stem, "tạo thuận lợi cho việc triển khai ứng dụng dữ liệu dân cư")


def test_a_quarter_written_in_digits_is_a_deadline() -> None:
    """VPCP TB 43: "… Nghị định quy định hoạt động của Sàn dữ liệu, hoàn thành trong quý 2/2026";
    "quý II/2026" and "quý 4 năm 2025" read alike."""
    task = _task("dev-x-vpcp-tb43-du-lieu-2026", "nghiên cứu, trình Chính phủ ban hành các Nghị")
    assert task.deadline == "2026-Q2"
    assert deadline_of("hoàn thành trong quý II/2026", None)[0] == "2026-Q2"
    assert deadline_of("trong quý 4 năm 2025", None)[0] == "2025-Q4"


def test_bodies_joined_by_cung_after_a_purpose_clause_are_passive_joint_leads() -> None:
    """ "Để bảo đảm nguồn lực thực thi, Bộ Tài chính cùng Bộ Khoa học và Công nghệ được yêu cầu
    đề xuất cơ chế tài chính phù hợp, …": both ministries lead, "được yêu cầu" as "được giao"."""
    task = _task("dev-x-btc-bkhcn-ngan-sach-2026", "đề xuất cơ chế tài chính phù hợp")
    assert [lead.key for lead in task.leads] == ["bo-tai-chinh", "bo-khcn"]
    text = "Để bảo đảm tiến độ, Bộ Tài chính được yêu cầu bố trí kinh phí."
    assert opens_clause(text, Span(0, len(text)), text.index("Bộ"))


def test_a_demand_that_a_body_must_act_and_its_negated_clause() -> None:
    """Cần Thơ: "Điều này đòi hỏi Sở Khoa học và Công nghệ phải theo sát quá trình, đảm bảo vận
    hành hiệu quả …; không để xảy ra gián đoạn …": "đòi hỏi X phải" charges X, two tasks."""
    stem = "dev-x-can-tho-nq57-so-khcn"
    first = _task(stem, "theo sát quá trình, đảm bảo vận hành hiệu quả")
    assert first.task.endswith("đến tận xã, phường")
    second = _task(stem, "không để xảy ra gián đoạn trong quá trình chuyển giao")
    assert [lead.key for lead in first.leads] == [lead.key for lead in second.leads]
    assert [lead.key for lead in first.leads] == ["so-khcn-can-tho"]


def test_the_committee_named_again_before_a_duty_verb_goes_on_with_its_duties() -> None:
    """QĐ 2319: "Đồng thời, Ban Chỉ đạo giúp Chính phủ, Thủ tướng Chính phủ chỉ đạo các bộ,
    ngành, địa phương thực hiện …": a further duty of the committee, not a task of the bodies
    the Government directs."""
    stem = "dev-x-ttg-qd2319-bcd-du-lieu"
    task = _task(stem, "giúp Chính phủ, Thủ tướng Chính phủ chỉ đạo các bộ")
    assert [lead.key for lead in task.leads] == ["bcd-quoc-gia-du-lieu"]
    assert not [t for t in tasks_of(stem) if t.task.startswith("thực hiện các mục tiêu")]


def test_a_standing_role_that_ends_the_sentence_is_the_task() -> None:
    """TP HCM: "Sở Khoa học và Công nghệ là cơ quan thường trực của Ban Chỉ đạo." and Cần Thơ's
    "…, Sở Khoa học và Công nghệ là cơ quan thường trực.": the role is the task (not "của Ban
    Chỉ đạo", not nothing)."""
    hcm = _task("dev-x-hcm-bcd-khcn-ubnd", "là cơ quan thường trực")
    assert hcm.task == "là cơ quan thường trực của Ban Chỉ đạo"
    assert _task("dev-x-can-tho-bcd-khcn-2025", "là cơ quan").task == "là cơ quan thường trực"
    assert not [t for t in tasks_of("dev-x-hcm-bcd-khcn-ubnd") if t.task.startswith("của")]
