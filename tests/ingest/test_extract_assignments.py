"""Who gives a task in prose, and which document it carries out: seed sentences and unseen ones."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from ingest.emit import emit
from ingest.extract import extract_all
from ingest.model import AssignmentFact, SourceMeta, SourceText
from ingest.sources import read_source
from ingest.text.normalise import normalise
from ontology.namespaces import PG, entity_iri
from tests.ingest.common import curated_catalogue

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "data" / "sources"


catalogue = curated_catalogue


def source(text: str) -> SourceText:
    normalised, offsets = normalise(text)
    return SourceText("t", Path("t.txt"), text, normalised, tuple(offsets), SourceMeta())


def tasks_of(src: SourceText) -> list[AssignmentFact]:
    return [f for f in extract_all(src, catalogue()) if isinstance(f, AssignmentFact)]


def test_a_province_assigning_in_response_to_a_resolution_is_not_the_resolution() -> None:
    """Seed 002: "Để triển khai thực hiện Nghị quyết số 03/NQ-CP … Tỉnh Bình Dương đã giao Sở
    Khoa học và Công nghệ chủ trì …": the province gives the task, 03/NQ-CP does not."""
    src = read_source(SOURCES / "002_164b680af517698d.txt")
    (task,) = tasks_of(src)
    assert task.leads[0].key == "so-khcn-binh-duong"
    assert [c.key for c in task.coordinators] == ["so-tttt-binh-duong"]
    assert task.assigned_by is None
    assert task.assigned_by_agency is not None
    assert task.assigned_by_agency.key == "ubnd-binh-duong"
    assert task.in_response_to is not None and task.in_response_to.key == "03-ncp-2025"
    graph = Graph()
    emit([task], src, graph)
    iri = entity_iri("task", f"{src.source_id}-1")
    assert graph.value(iri, PG.assigningAgency) == entity_iri("agency", "ubnd-binh-duong")
    assert graph.value(iri, PG.inResponseTo) == entity_iri("document", "03-ncp-2025")
    assert graph.value(iri, PG.assignedBy) is None


def test_a_party_secretary_assigns_for_the_tinh_uy() -> None:
    """Seed 003: "Bí thư Tỉnh uỷ giao Ban Tuyên giáo và Dân vận chủ trì …"."""
    src = read_source(SOURCES / "003_0098b399aefe7cee.txt")
    given = {t.leads[0].key: t for t in tasks_of(src)}
    task = given["ban-tgdv-binh-dinh"]
    assert task.assigned_by_agency is not None
    assert task.assigned_by_agency.key == "tinh-uy-binh-dinh"
    assert task.assigned_by is None
    assert task.theme == "awareness"


def test_a_programme_assigning_its_own_lead_keeps_the_document() -> None:
    """Seed 001 reports the programme itself: "Sở KH&CN … là cơ quan đầu mối tổ chức thực hiện
    Chương trình" is assigned by the programme, issued by the province's UBND; its "; xây dựng
    kế hoạch …; tổ chức sơ kết …" are two more tasks of the department (the gold's optional ones),
    so the first keeps no deadline of theirs."""
    src = read_source(SOURCES / "001_48c50c3c403c9ef8.txt")
    task, plan, review = tasks_of(src)
    assert task.task == "tổ chức thực hiện Chương trình" and task.deadline is None
    assert plan.task.startswith("xây dựng kế hoạch triển khai") and review.deadline == "2025"
    assert task.assigned_by is not None and task.assigned_by.doc_type == "Programme"
    assert task.assigned_by_agency is not None
    assert task.assigned_by_agency.key == "ubnd-binh-duong"
    assert task.in_response_to is None


def test_an_unseen_province_subject_and_purpose_clause() -> None:
    text = (
        "Nhằm triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, tỉnh "
        "Quảng Ninh đã có nhiều chỉ đạo quyết liệt.\n"
        "Tỉnh Quảng Ninh đã giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính rà soát, sắp xếp "
        "các đơn vị sự nghiệp khoa học và công nghệ, hoàn thành trước ngày 30/6/2025."
    )
    (task,) = tasks_of(source(text))
    assert task.leads[0].key == "so-noi-vu-quang-ninh"
    assert task.assigned_by_agency is not None
    assert task.assigned_by_agency.key.startswith("ubnd") and "quang-ninh" in (
        task.assigned_by_agency.key
    )
    assert task.in_response_to is not None and task.in_response_to.number == "57-NQ/TW"
    assert task.deadline == "2025-06-30"
