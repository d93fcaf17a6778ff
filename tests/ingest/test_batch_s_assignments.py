"""Assignments and documents on batch S's misses, as general rules: ministries listed by their
names without "Bộ" after "Các Bộ:", a deadline sentence closing the task before it, document
numbers written with "&", a missing hyphen or a space before the slash. Each case reads a real
batch-S text in data/sources."""

from __future__ import annotations

from functools import cache

from ingest.extract import extract_all
from ingest.model import AssignmentFact, DocumentFact, Fact
from ingest.sources import read_source
from tests.ingest.common import SOURCES, curated_catalogue


@cache
def facts_of(stem: str) -> tuple[Fact, ...]:
    return tuple(extract_all(read_source(SOURCES / f"dev-s-{stem}.txt"), curated_catalogue()))


def tasks_of(stem: str) -> list[AssignmentFact]:
    return [f for f in facts_of(stem) if isinstance(f, AssignmentFact)]


def test_ministries_listed_without_bo_lead_the_item_together() -> None:
    """VPCP 5764: "2. Các Bộ: Thông tin và Truyền thông, Văn hóa, Thể thao và Du lịch, Công an,
    Công Thương, Tài chính, Y tế theo chức năng, nhiệm vụ được phân công, nghiên cứu, đề xuất
    hoàn thiện hành lang pháp lý …": six ministries lead one task (no body "Công an" in Hà Nội)."""
    joint = [t for t in tasks_of("vpcp-cv5764") if len(t.leads) > 1]
    assert len(joint) == 1
    assert [lead.key for lead in joint[0].leads] == [
        "bo-tttt",
        "bo-vhttdl",
        "bo-cong-an",
        "bo-cong-thuong",
        "bo-tai-chinh",
        "bo-y-te",
    ]
    assert joint[0].task.startswith("nghiên cứu, đề xuất hoàn thiện hành lang pháp lý")


def test_a_deadline_sentence_closes_the_task_before_it() -> None:
    """VPCP 2844: "Giao Bộ Thông tin và Truyền thông chủ trì xây dựng Chiến lược quốc gia về phát
    triển kinh tế số và xã hội số. Hoàn thành trong tháng 8 năm 2021." — one task, due 2021-08
    (the deadline sentence is no second task)."""
    (task,) = tasks_of("vpcp-cv2844")
    assert task.task == "xây dựng Chiến lược quốc gia về phát triển kinh tế số và xã hội số"
    assert task.deadline == "2021-08"


def test_the_body_named_again_by_its_head_noun_goes_on_with_its_tasks() -> None:
    """Phú Thọ: "Sở Giáo dục và Đào tạo được giao đóng vai trò chủ trì, …. Sở sẽ tổ chức tập huấn
    nghiệp vụ …; phối hợp Sở Khoa học và Công nghệ cấp email công vụ, chữ ký số; .phối hợp với
    các đơn vị cung ứng dịch vụ …" — three more tasks of the department, the second with the
    Department of Science and Technology."""
    tasks = [t for t in tasks_of("phu-tho-hoc-ba-so") if t.leads[0].key == "so-gddt-phu-tho"]
    assert [t.task for t in tasks[1:3]] == [
        "tổ chức tập huấn nghiệp vụ cho toàn bộ cán bộ quản lý và giáo viên",
        "cấp email công vụ, chữ ký số",
    ]
    assert [c.key for c in tasks[2].coordinators] == ["so-khcn-phu-tho"]
    assert len(tasks) == 4
    assert "nền tảng hạ tầng kỹ thuật" in tasks[3].task


def numbers_of(stem: str) -> set[str | None]:
    return {f.ref.number for f in facts_of(stem) if isinstance(f, DocumentFact)}


def test_numbers_with_an_ampersand_a_missing_hyphen_or_five_digits() -> None:
    """ "công văn số 3060/BTTTT-PTTH&TTĐT" (not cut at "&"), "458/QĐTTg" (the hyphen missing) and
    "văn bản số 10883 /UBND-KGVX9" (five digits, a space before the slash)."""
    assert "3060/BTTTT-PTTH&TTĐT" in numbers_of("vpcp-cv5764")
    assert "3060/BTTTT-PTTH" not in numbers_of("vpcp-cv5764")
    assert "458/QĐ-TTg" in numbers_of("bnv-cpdt")
    assert "10883/UBND-KGVX9" in numbers_of("phu-tho-hoc-ba-so")


def test_a_sentence_opening_with_yeu_cau_directs_the_body_after_it() -> None:
    """VPCP 7599: "Yêu cầu Bộ Khoa học và Công nghệ lấy ý kiến Bộ Tài chính và ý kiến thẩm định
    của Bộ Tư pháp về Đề án …" — the ministry after the capitalised "Yêu cầu" leads."""
    (task,) = tasks_of("vpcp-cv7599")
    assert [lead.key for lead in task.leads] == ["bo-khcn"]
    assert task.task.startswith("lấy ý kiến Bộ Tài chính và ý kiến thẩm định của Bộ Tư pháp")


def test_sentences_run_together_are_read_one_by_one() -> None:
    """BHXH: "… bảo hiểm thất nghiệp.Bảo hiểm Xã hội Việt Nam nghiên cứu thực hiện cấp thẻ …
    chung.Bên cạnh đó, Bảo hiểm Xã hội Việt Nam cần nâng cao chất lượng …" after "Theo đó, Bảo
    hiểm Xã hội Việt Nam áp dụng công nghệ thông tin …": three tasks of their own."""
    tasks = [t.task for t in tasks_of("bhxh-the-bhyt-dien-tu")]
    assert any(t.startswith("áp dụng công nghệ thông tin, kết nối mạng") for t in tasks)
    assert any(
        t.startswith("nghiên cứu thực hiện cấp thẻ bảo hiểm y tế điện tử")
        and t.endswith("vào một thẻ điện tử chung")
        for t in tasks
    )
    assert any(t.startswith("nâng cao chất lượng công tác giám định") for t in tasks)


def test_a_second_lead_after_tren_co_so_do_has_its_own_task() -> None:
    """VPCP 3820: "Giao Bộ Thông tin và Truyền thông chủ trì, phối hợp với Đài Tiếng nói Việt Nam …
    rà soát …; trên cơ sở đó, Đài Tiếng nói Việt Nam tiếp thu, giải trình đầy đủ ý kiến …"."""
    tasks = tasks_of("vpcp-cv3820")
    assert [t.leads[0].key for t in tasks] == ["bo-tttt", "vov"]
    assert tasks[0].task.endswith("đang được thực hiện")
    assert tasks[1].task.startswith("tiếp thu, giải trình đầy đủ ý kiến")


def test_departments_told_together_before_the_local_committees_lead_together() -> None:
    """Quảng Nam: "UBND tỉnh giao Sở Tài chính, Sở Kế hoạch và Đầu tư, UBND các huyện, thị xã,
    thành phố ưu tiên bố trí ngân sách hằng năm …" — both departments lead."""
    (task,) = [t for t in tasks_of("quang-nam-chinh-quyen-so") if t.task.startswith("ưu tiên")]
    assert [lead.name for lead in task.leads] == ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]


def test_a_headline_and_sapo_told_in_full_in_the_body_are_one_task() -> None:
    """The sapo "… được giao ban hành Khung kiến trúc Chính phủ điện tử Việt Nam phiên bản 2.0"
    and the headline "Giao Bộ Thông tin và Truyền thông ban hành Khung kiến trúc Chính phủ điện tử
    2.0" restate the body's "ký ban hành Khung Kiến trúc … phiên bản 2.0"."""
    tasks = [t.task for t in tasks_of("btttt-khung-kien-truc-2")]
    assert [t for t in tasks if "Khung" in t] == [
        "ký ban hành Khung Kiến trúc Chính phủ điện tử Việt Nam phiên bản 2.0"
    ]
    assert len(tasks) == 3  # "là cơ quan đầu mối, …; bảo đảm …": two tasks (gold README, ";")
