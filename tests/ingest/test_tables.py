"""Task and target tables of the real appendices of 03/NQ-CP → facts, checked against the text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.extract import ExtractionContext
from ingest.extract.tables import (
    attached_document,
    column_role,
    extract,
    normalise_unit,
    read_values,
    table_layout,
)
from ingest.model import AssignmentFact, DocumentFact, SourceMeta, SourceText, Table, TargetFact
from ingest.text.normalise import normalise
from tests.ingest.common import (
    PROGRAMME_TITLE,
    TARGETS_FILE,
    TASKS_FILE,
    source_of,
)


@pytest.fixture(scope="module")
def tasks_source() -> SourceText:
    return source_of(TASKS_FILE.read_text(encoding="utf-8"), TASKS_FILE.stem)


@pytest.fixture(scope="module")
def task_facts(tasks_source, catalogue) -> list:
    return list(extract(tasks_source, ExtractionContext(catalogue)))


@pytest.fixture(scope="module")
def tasks(task_facts) -> dict[str, AssignmentFact]:
    found = [f for f in task_facts if isinstance(f, AssignmentFact)]
    return {f.number.rstrip("."): f for f in found}


@pytest.fixture(scope="module")
def targets_source() -> SourceText:
    text = TARGETS_FILE.read_text(encoding="utf-8")
    return source_of(text, TARGETS_FILE.stem, SourceMeta(title=PROGRAMME_TITLE))


@pytest.fixture(scope="module")
def targets(targets_source, catalogue) -> list[TargetFact]:
    facts = extract(targets_source, ExtractionContext(catalogue))
    return [f for f in facts if isinstance(f, TargetFact)]


def rows_of(path: Path) -> dict[str, list[str]]:
    """Independently of the extractor: numbered rows of a pipe table, by number, as cells."""
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and re.fullmatch(r"\d+(?:\.\d+)*\.?", cells[0]):
            rows[cells[0].rstrip(".")] = cells
    return rows


def by_row(targets: list[TargetFact], number: str) -> list[TargetFact]:
    return [t for t in targets if t.evidence.quote.split("|")[1].strip() == number]


# ---- Appendix II: tasks ---------------------------------------------------------------------


def test_every_numbered_row_of_appendix_ii_is_one_task(task_facts, tasks):
    numbered = rows_of(TASKS_FILE)
    assignments = [f for f in task_facts if isinstance(f, AssignmentFact)]
    assert len(numbered) > 130
    assert len(assignments) == len(numbered)
    assert set(tasks) == set(numbered)


def test_every_task_has_a_lead_and_its_cells(tasks):
    numbered = rows_of(TASKS_FILE)
    for number, task in tasks.items():
        cells = numbered[number]
        assert task.leads, number
        assert task.task.split()[:3] == cells[1].split()[:3]
        assert (task.deadline_text or "") == cells[5]
        if cells[3]:
            assert task.coordinators, number


def test_joint_leads_and_collective_leads(tasks):
    assert [a.key for a in tasks["103"].leads] == ["bo-khcn", "bo-quoc-phong", "bo-cong-an"]
    assert len(tasks["52"].leads) >= 4
    collective = tasks["6"].leads
    assert len(collective) == 1 and collective[0].collective


def test_deadlines(tasks):
    assert tasks["1"].deadline == "2025-06" and not tasks["1"].ongoing
    assert tasks["2"].deadline is None and tasks["2"].ongoing
    assert tasks["16"].deadline == "2025-10"  # "Tháng 10/2025"
    assert tasks["123"].deadline == "2025-Q2"  # "Quý II/2025"
    assert tasks["49"].ongoing  # "Hằng năm"
    assert tasks["42"].deadline is None and tasks["42"].deadline_text is None


def test_seven_sections_give_the_seven_curated_themes(tasks, catalogue):
    themes = list(dict.fromkeys(t.theme for t in tasks.values()))
    assert themes == [
        "awareness",
        "institutions",
        "infrastructure",
        "human-resources",
        "digital-transformation-political-system",
        "enterprises",
        "international-cooperation",
    ]
    assert set(themes) <= set(catalogue.themes)
    assert tasks["14"].theme == "institutions"
    assert tasks["76"].theme == tasks["43"].theme != tasks["77"].theme  # row IV has a stray cell


def test_evidence_is_the_row_as_written(tasks, tasks_source):
    for number, task in tasks.items():
        ev = task.evidence
        assert ev.quote == tasks_source.original[ev.start : ev.end]
        assert ev.quote.startswith("|") and f" {number}." in ev.quote[:12]


def test_tasks_are_assigned_by_the_action_programme(task_facts, tasks):
    programme = {t.assigned_by.key for t in tasks.values()}
    assert programme == {"ctrhd-cp-57-2025"}
    documents = [f for f in task_facts if isinstance(f, DocumentFact)]
    assert [d.ref.key for d in documents] == ["ctrhd-cp-57-2025"]
    assert documents[0].ref.doc_type == "ActionProgramme"
    assert [r.key for r in documents[0].implements] == ["57-ntw-2024"]
    assert "Kèm theo Chương trình hành động" in documents[0].evidence.quote


def test_the_blank_resolution_number_is_taken_from_the_main_document(tasks_source, catalogue):
    from ingest.model import DocumentRef

    resolution = DocumentRef("03-ncp-2025", "Resolution", "03/NQ-CP")
    facts = extract(tasks_source, ExtractionContext(catalogue, main_document=resolution))
    documents = {f.ref.key: f for f in facts if isinstance(f, DocumentFact)}
    assert set(documents) == {"ctrhd-cp-57-2025", "03-ncp-2025"}


def test_without_the_implemented_resolution_the_host_resolution_sets_the_targets(catalogue):
    """Appendix I's heading names neither 57-NQ/TW nor the number of its resolution; a metadata
    title naming 03/NQ-CP fills the blank number, and that resolution owns the table."""
    title = (
        "Phụ lục I: Danh mục các chỉ tiêu cụ thể "
        "(kèm theo Chương trình hành động của Chính phủ tại Nghị quyết số 03/NQ-CP)"
    )
    text = TARGETS_FILE.read_text(encoding="utf-8")
    source = source_of(text, TARGETS_FILE.stem, SourceMeta(title=title))
    attachment = attached_document(source, source.tables[0].row_spans[0][0], catalogue, None)
    assert attachment.document.key == "03-ncp-2025"
    assert attachment.national
    (document,) = attachment.facts
    assert document.ref.number == "03/NQ-CP" and document.issuer.key == "chinh-phu"
    bare = source_of(text, TARGETS_FILE.stem)
    unnamed = attached_document(bare, bare.tables[0].row_spans[0][0], catalogue, None)
    assert unnamed.document is None and unnamed.facts == [] and unnamed.national


def test_a_table_attached_to_a_government_text_is_national(tasks_source, catalogue):
    """A province guessed for the source (from place names in the tasks) does not localise it."""
    context = ExtractionContext(catalogue, province="an-giang")
    head = TARGETS_FILE.read_text(encoding="utf-8").split("| 12 ")[0]  # heading + first rows
    targets_head = source_of(head, TARGETS_FILE.stem)
    facts = [*extract(tasks_source, context), *extract(targets_head, context)]
    agencies = [
        agency
        for f in facts
        if isinstance(f, AssignmentFact)
        for agency in (*f.leads, *f.coordinators)
    ]
    assert len(agencies) > 250
    # Only the body the table names: task 111's "các địa phương Bắc Ninh, Bình Dương, An Giang".
    assert {a.key for a in agencies if a.province == "an-giang"} <= {"ubnd-an-giang"}
    scopes = [f.scope for f in facts if isinstance(f, TargetFact)]
    assert len(scopes) > 10 and set(scopes) == {"viet-nam"}


def test_a_row_with_an_empty_lead_cell_is_a_task_with_no_lead(tasks_source, catalogue):
    lines = TASKS_FILE.read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("| TT"))
    row = next(line for line in lines if line.startswith("| 8. "))
    cells = row.split("|")
    cells[3] = "  "
    text = "\n".join([*lines[: header + 2], "|".join(cells)]) + "\n"
    facts = list(extract(source_of(text, "fixture"), ExtractionContext(catalogue)))
    tasks = [f for f in facts if isinstance(f, AssignmentFact)]
    assert len(tasks) == 1 and tasks[0].leads == [] and tasks[0].number == "8."


# ---- Appendix I: targets --------------------------------------------------------------------


def test_every_stated_value_of_appendix_i_is_a_target(targets):
    expected = 0
    for cells in rows_of(TARGETS_FILE).values():
        expected += len([part for part in cells[3].split(";") if part.strip()])
    assert expected > 40
    assert len(targets) == expected


def test_numbers_comparators_and_units(targets):
    def one(number: str) -> tuple:
        (target,) = by_row(targets, number)
        return target.value, target.upper_value, target.comparator, target.unit, target.year

    assert one("8") == (55, None, "gte", "%", 2030)
    assert one("10") == (30, None, "gte", "% GDP", 2030)
    assert one("11.2") == (90, None, "eq", "%", 2030)
    assert one("11.8") == (30, None, "gte", "%", 2030)  # ">= 30"
    assert one("14")[:3] == (0.7, None, "gt")  # "> 0,7"
    assert one("17")[:4] == (3, None, "gte", "% tổng chi NSNN")
    assert one("18")[3] == "người/vạn dân"
    assert one("19") == (40, 50, "range", "tổ chức", 2030)  # "40 - 50"
    assert one("21") == (16, 18, "range", "%/năm", 2030)
    assert one("23.1") == (100, None, "eq", "%", 2030)  # "100%"
    assert one("23.2")[:3] == (9, None, "eq")  # "09"
    assert one("29")[:3] == (3, None, "gte")  # "≥ 03"
    assert one("36") == (50, None, "gte", "% GDP", 2045)
    assert one("41") == (20, 50, "range", "%", 2045)  # "20% - 50%"


def test_every_numeric_value_matches_the_cell(targets):
    for number, cells in rows_of(TARGETS_FILE).items():
        digits = re.findall(r"\d+(?:,\d+)?", cells[3].split(";")[0])
        found = by_row(targets, number)
        if digits:
            assert found[0].value == float(digits[0].replace(",", ".")), number


def test_two_ranks_in_one_cell_are_two_targets(targets):
    ranks = by_row(targets, "4")
    assert [(t.value, t.comparator, t.unit, t.rank_scope) for t in ranks] == [
        (3, "lte", "thứ bậc", "Đông Nam Á"),
        (50, "lte", "thứ bậc", "Thế giới"),
    ]
    assert ranks[0].indicator_key == ranks[1].indicator_key


def test_qualitative_targets_and_sub_headers(targets):
    (first,) = by_row(targets, "1")
    assert first.value is None and first.comparator is None
    assert first.qualitative.startswith("Đạt mức tiên tiến")
    assert by_row(targets, "11") == []  # a heading over 11.1 … 11.12, no value of its own
    (infrastructure,) = by_row(targets, "23")
    assert infrastructure.qualitative.startswith("Tiên tiến, hiện đại")


def test_targets_are_national_monitored_and_set_by_the_programme(targets):
    assert {t.scope for t in targets} == {"viet-nam"}
    assert {t.set_by.key for t in targets} == {"ctrhd-cp-57-2025"}
    assert all(t.monitored_by for t in targets)
    assert len(by_row(targets, "29")[0].monitored_by) == 3
    assert {t.year for t in targets} == {2030, 2045}


def test_target_evidence_is_the_row(targets, targets_source):
    for target in targets:
        ev = target.evidence
        assert ev.quote == targets_source.original[ev.start : ev.end]
        assert target.indicator_text.split()[0] in ev.quote


# ---- Header recognition and cells -----------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "role"),
    [
        ("TT", "number"),
        ("STT", "number"),
        ("Tên nhiệm vụ", "task"),
        ("Nội dung nhiệm vụ", "task"),
        ("Cơ quan chủ trì", "lead"),
        ("Đơn vị chủ trì", "lead"),
        ("Chủ trì", "lead"),
        ("Đơn vị phối hợp", "coordinators"),
        ("Kết quả/Sản phẩm", "result"),
        ("Thời gian hoàn thành", "deadline"),
        ("Thời hạn", "deadline"),
        ("Tiến độ thực hiện", "deadline"),
        ("Chỉ tiêu", "indicator"),
        ("Đơn vị tính", "unit"),
        ("ĐVT", "unit"),
        ("Cơ quan chủ trì theo dõi, đánh giá", "monitor"),
        ("Mục tiêu năm 2030", "result"),
    ],
)
def test_header_cells(cell, role):
    assert column_role(cell) == role


def test_a_provincial_task_table_with_other_wording(catalogue):
    """An HTML/DOCX table reaches the extractor as the same Table object."""
    text = (
        "KẾ HOẠCH\nThực hiện Nghị quyết số 57-NQ/TW\n"
        "STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện\n"
        "1\tXây dựng Cổng dữ liệu mở của tỉnh\tSở Khoa học và Công nghệ\t"
        "Các sở, ban, ngành\tQuý III/2025\n"
    )
    row_start = text.index("1\tXây")
    header = ("STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện")
    row = tuple(text[row_start:-1].split("\t"))
    table = Table(header, (row,), ((row_start, len(text) - 1),))
    normalised, offsets = normalise(text)
    source = SourceText(
        "kh-fixture", Path("kh.docx"), text, normalised, offsets, SourceMeta(), (table,)
    )
    context = ExtractionContext(catalogue, province="binh-duong")
    (task,) = [f for f in extract(source, context) if isinstance(f, AssignmentFact)]
    assert task.task == "Xây dựng Cổng dữ liệu mở của tỉnh"
    assert task.leads[0].province == "binh-duong"
    assert task.deadline == "2025-Q3"
    assert table_layout(header).kind == "tasks"


def test_a_provincial_target_table_with_year_columns(catalogue):
    header = ("TT", "Chỉ tiêu", "ĐVT", "Năm 2025", "Năm 2030")
    text = "| 1 | Tỷ trọng kinh tế số trong GRDP | % | khoảng 20 | trên 30 |"
    table = Table(
        header,
        (("1", "Tỷ trọng kinh tế số trong GRDP", "%", "khoảng 20", "trên 30"),),
        ((0, len(text)),),
    )
    normalised, offsets = normalise(text)
    source = SourceText(
        "ct-fixture", Path("ct.html"), text, normalised, offsets, SourceMeta(), (table,)
    )
    found = [
        f
        for f in extract(source, ExtractionContext(catalogue, province="binh-duong"))
        if isinstance(f, TargetFact)
    ]
    assert [(t.value, t.comparator, t.year, t.scope) for t in found] == [
        (20, "approx", 2025, "binh-duong"),
        (30, "gt", 2030, "binh-duong"),
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("≥ 55", [(55, None, "gte", None)]),
        (">= 30", [(30, None, "gte", None)]),
        ("40 \\- 50", [(40, 50, "range", None)]),
        (
            "≤ 3 Đông Nam Á; ≤ 50 Thế giới",
            [(3, None, "lte", "Đông Nam Á"), (50, None, "lte", "Thế giới")],
        ),
        ("> 0,7", [(0.7, None, "gt", None)]),
        ("09", [(9, None, "eq", None)]),
        ("Đạt mức tiên tiến", [(None, None, None, None)]),
    ],
)
def test_read_values(cell, expected):
    readings = read_values(cell)
    assert [(r.value, r.upper, r.comparator, r.rank_scope) for r in readings] == expected


def test_units():
    assert normalise_unit("Thứ bậc") == "thứ bậc"
    assert normalise_unit("% GDP") == "% GDP"
    assert normalise_unit("Người/vạn dân") == "người/vạn dân"
    assert normalise_unit("Tbps") == "Tbps"
    assert normalise_unit("") is None


def test_the_issuer_of_the_programme_gives_the_table_tasks(tasks):
    """The Government ("… của Chính phủ" in the Kèm theo line) assigns every row."""
    assert {t.assigned_by_agency.key for t in tasks.values() if t.assigned_by_agency} == {
        "chinh-phu"
    }
    assert all(t.assigned_by_agency for t in tasks.values())
