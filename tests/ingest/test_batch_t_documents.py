"""Documents and implements links on batch T's misses (and batch S's where the same form
recurs), as general rules over the text's opening and sentence structure: a carry-out line the
transcription wraps, what is carried out named by its contents ("các chỉ tiêu, nhiệm vụ được
giao tại …", "chỉ đạo của … tại Văn bản số …"), a paragraph on a document's aims. Each case
reads a real batch text in data/sources."""

from __future__ import annotations

from functools import cache

from ingest.extract import extract_all
from ingest.model import DocumentFact
from ingest.sources import read_source
from tests.ingest.common import SOURCES, curated_catalogue


@cache
def documents_of(stem: str) -> tuple[DocumentFact, ...]:
    facts = extract_all(read_source(SOURCES / f"{stem}.txt"), curated_catalogue())
    return tuple(f for f in facts if isinstance(f, DocumentFact))


def implemented_by(stem: str, number: str) -> list[str | None]:
    (document,) = [d for d in documents_of(stem) if d.ref.number == number]
    return [ref.number for ref in document.implements]


def test_a_bare_carry_out_line_governs_the_wrapped_list_below_it() -> None:
    """Bắc Giang 324/KH-UBND: "Thực hiện" / "Quyết định số 942/QĐ-TTg … phê duyệt Chiến" /
    "lược phát triển Chính phủ điện tử … giai đoạn 2021-2025," / "định hướng đến năm 2030 và
    Nghị quyết số 111-NQ/TU … của Tỉnh ủy" — both acts are carried out; the strategy the
    decision approves is the decision's business, and the resolution after "và" is back at the
    decision's level."""
    assert implemented_by("dev-t-bac-giang-kh324", "324/KH-UBND") == ["942/QĐ-TTg", "111-NQ/TU"]


def test_direction_given_in_a_letter_is_carried_out() -> None:
    """Kon Tum 1570/KH-UBND: "Thực hiện chỉ đạo của Ban Thường vụ Tỉnh ủy tại Văn bản số
    1679-CV/TU ngày 28 tháng 4 năm 2025" — the Party letter is carried out, beside 71/NQ-CP and
    95-CTr/TU of the lines above."""
    assert implemented_by("dev-t-kon-tum-kh1570", "1570/KH-UBND") == [
        "71/NQ-CP",
        "95-CTr/TU",
        "1679-CV/TU",
    ]


def test_a_documents_aims_carry_out_the_targets_set_in_others() -> None:
    """Bắc Giang QĐ 1723: "Mục tiêu tổng quát của Đề án nhằm …; thực hiện hoàn thành các chỉ
    tiêu, nhiệm vụ được giao tại Nghị quyết số 433-NQ/TU … và Nghị quyết số 111-NQ/TU" — the
    project carries out both resolutions, and so does the decision that approves it."""
    assert implemented_by("dev-t-bac-giang-qd1723", "1723/QĐ-UBND") == ["433-NQ/TU", "111-NQ/TU"]
    (project,) = [d for d in documents_of("dev-t-bac-giang-qd1723") if d.part_of is not None]
    assert project.ref.title == "Đề án chuyển đổi số tỉnh Bắc Giang năm 2025"
    assert [ref.number for ref in project.implements] == ["433-NQ/TU", "111-NQ/TU"]


def test_a_letters_direction_is_carried_out_across_a_wrapped_line() -> None:
    """Batch S, Nghệ An: "Công văn số 4857/UBND-VX ngày 12/6, Phó Chủ tịch UBND tỉnh … giao" /
    "Sở GD&ĐT chủ trì, … triển khai thực hiện có hiệu quả ý kiến chỉ đạo của Bộ GD&ĐT" / "tại
    Công văn số 2781/BGDĐT-GDTH …" — the province's letter carries out the ministry's."""
    assert implemented_by("dev-s-nghe-an-hoc-ba-so", "4857/UBND-VX") == ["2781/BGDĐT-GDTH"]
