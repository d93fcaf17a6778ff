"""Rules batch Q showed were missing (issue 13, `docs/extraction-quality.md`, batch Q), checked
on the batch's real texts in data/sources: a city's own targets, ranks among provinces and
among cities, a horizon written "đến 2025" without "năm"."""

from __future__ import annotations

from functools import cache

from ingest.extract import extract_all
from ingest.extract.gold_format import to_gold_format
from ingest.model import AssignmentFact, DocumentFact, TargetFact
from ingest.sources import read_source
from tests.ingest.common import SOURCES


@cache
def _read(name: str):
    return read_source(SOURCES / name)


def _facts(name: str, catalogue) -> list:
    return list(extract_all(_read(name), catalogue))


def _targets(name: str, catalogue) -> list[TargetFact]:
    return [f for f in _facts(name, catalogue) if isinstance(f, TargetFact)]


def test_a_city_party_committees_programme_sets_the_citys_targets(catalogue):
    """ "Thành ủy TP HCM vừa ban hành chương trình hành động thực hiện Nghị quyết số 57-NQ/TW":
    the programme (unnumbered, lower-case) is a document of its own that carries out 57-NQ/TW,
    and the 2030 list after it is the city's, not the nation's."""
    name = "dev-q-hcm-ctr57-muc-tieu.txt"
    documents = [f for f in _facts(name, catalogue) if isinstance(f, DocumentFact)]
    programmes = [f for f in documents if f.ref.key != "57-ntw-2024"]
    assert [p.ref.doc_type for p in programmes] == ["ActionProgramme"]
    assert [r.number for r in programmes[0].implements] == ["57-NQ/TW"]
    targets = _targets(name, catalogue)
    assert len(targets) >= 8
    assert {t.scope for t in targets} == {"ho-chi-minh"}
    assert {t.set_by.key for t in targets if t.set_by} == {programmes[0].ref.key}


def test_ranks_among_provinces_and_among_cities(catalogue):
    """ "nhóm 3 tỉnh, thành đứng đầu về đổi mới sáng tạo, chuyển đổi số" is a rank among provinces
    (never the GII); "nhóm 5 tỉnh, thành dẫn đầu cả nước về năng lực cạnh tranh" is the PCI;
    "nhóm 100 thành phố … toàn cầu" fits no curated indicator (a candidate)."""
    ranks = {
        t.value: t.indicator_key
        for t in _targets("dev-q-hcm-ctr57-muc-tieu.txt", catalogue)
        if t.unit == "thứ bậc"
    }
    assert ranks == {100: None, 3: "provincial-innovation-digital-rank", 5: "pci-rank"}


def test_a_horizon_without_nam_gives_the_lists_year(catalogue):
    """ "mục tiêu cơ bản là đến 2025, bao gồm: …" and "mục tiêu cơ bản đến 2030 là …"."""
    years = [(t.value, t.year) for t in _targets("dev-q-hcm-cds-2020.txt", catalogue)]
    assert (50, 2025) in years and (95, 2025) in years
    assert (40, 2030) in years and (85, 2030) in years
    assert all(year in (2025, 2030) for _, year in years)


def _assignments(name: str, catalogue) -> list[tuple[str, list[str]]]:
    return [
        (f.task, [lead.key for lead in f.leads])
        for f in _facts(name, catalogue)
        if isinstance(f, AssignmentFact)
    ]


def test_joint_leads_after_giao_cho_on_a_wrapped_line(catalogue):
    """ "Điều 2: Giao cho Sở Khoa học & Công nghệ và Sở Tài chính" / "hướng dẫn chi tiết …": one
    task, two leads; the name with "&" is whole."""
    assert _assignments("dev-q-yen-bai-qd27.txt", catalogue) == [
        (
            "hướng dẫn chi tiết việc thực hiện Quyết định này",
            ["so-khcn-yen-bai", "so-tai-chinh-yen-bai"],
        )
    ]


def test_subject_first_joint_leads_with_collective_coordinators(catalogue):
    """ "Bộ Tài chính, Bộ Khoa học và Công nghệ phối hợp với các cơ quan liên quan xem xét …"."""
    ((task, leads),) = _assignments("dev-q-bqp-bkhcn-ghep-mo.txt", catalogue)
    assert task.startswith("xem xét bố trí kinh phí")
    assert leads == ["bo-tai-chinh", "bo-khcn"]


def test_duty_verbs_phai_and_duoc_giao_nhiem_vu(catalogue):
    """ "Bộ Thông tin và Truyền thông phải xây dựng …", "Bộ TT&TT cũng được giao nhiệm vụ …"."""
    tasks = [task for task, _ in _assignments("dev-q-btttt-xep-hang-cds.txt", catalogue)]
    assert tasks[:2] == [
        "xây dựng tiêu chí xếp hạng trong năm 2020",
        "kiểm tra, đề xuất thành lập thêm các khu CNTT tập trung, báo cáo Thủ tướng Chính phủ"
        " xem xét",
    ]


def test_phai_co_is_no_duty(catalogue):
    """ "mỗi đơn vị trong toàn Công an tỉnh phải có một sản phẩm mới …" is a target, no task."""
    assert _assignments("dev-m-quang-ninh-ca.txt", catalogue) == []


def _gold_documents(name: str, catalogue) -> list[dict]:
    return to_gold_format(_facts(name, catalogue), catalogue)["documents"]


def test_a_strategy_a_decision_approves_is_that_decisions_part(catalogue):
    """ "Căn cứ Quyết định số 411/QĐ-TTg … Phê duyệt Chiến lược quốc gia …", "… 749/QĐ-TTg … về
    phê duyệt “Chương trình Chuyển đổi số quốc gia …”": no second document beside the decision."""
    documents = _gold_documents("dev-q-hcm-qd3301.txt", catalogue)
    assert {"411/QĐ-TTg", "749/QĐ-TTg"} <= {d["number"] for d in documents}
    titles = [d["title"] or "" for d in documents if not d["number"]]
    assert not [
        t for t in titles if t.startswith(("Chương trình Chuyển đổi số", "Chiến lược quốc"))
    ]


def test_a_party_number_with_its_code_written_twice(catalogue):
    """ "Quyết định số 8602/QĐ-QĐ/TU" is 8602-QĐ/TU, not a State number 8602/QĐ-QĐ."""
    numbers = {d["number"] for d in _gold_documents("dev-q-ha-noi-kh139.txt", catalogue)}
    assert "8602-QĐ/TU" in numbers
    assert "8602/QĐ-QĐ" not in numbers
