"""The document tree: real texts parsed into letterhead, title, preamble, sections, tables and
the closing, with spans that quote the original text."""

from __future__ import annotations

from ingest.extract import EXTRACTORS
from ingest.extract.structure import parse
from ingest.sources import read_source
from tests.ingest.common import SOURCES, TASKS_FILE

ROOT = SOURCES.parents[1]
DONG_NAI = ROOT / "tests" / "ingest" / "unseen" / "kh142-ubnd-dong-nai.txt"


def test_a_provincial_plan_has_its_head_sections_and_closing() -> None:
    source = read_source(DONG_NAI)
    tree = parse(source.normalised, source)
    kinds = [n.kind for n in tree.root.children]
    assert kinds[:3] == ["letterhead", "number_date", "title"]
    assert kinds.count("preamble") == 2
    assert kinds[-2:] == ["recipients", "signature"]
    romans = [n.heading(tree.text) for n in tree.of_kind("roman")]
    assert romans == ["MỤC ĐÍCH, YÊU CẦU", "MỤC TIÊU", "NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN"]
    duties = tree.of_kind("roman")[-1]
    assert [c.marker.strip() for c in duties.children] == ["1.", "2.", "3.", "4.", "5."]
    # Every node's original span quotes the same words as its normalised span.
    for node in tree.nodes():
        start, end = tree.original_span(node)
        words = tree.text[node.start : node.end].split()[:3]
        assert source.original[start:end].split()[:3] == words


def test_a_list_under_a_dated_heading_takes_its_year() -> None:
    source = read_source(DONG_NAI)
    tree = parse(source.normalised, source)
    item = tree.text.index("Kinh tế số chiếm tối thiểu 30% GRDP")
    year, node = tree.year_at(item)
    assert year == 2030 and node.heading(tree.text) == "Mục tiêu đến năm 2030"
    assert not tree.in_closing(item)
    assert tree.in_closing(tree.text.index("Nơi nhận") + 12)


def test_a_programme_after_the_signature_is_an_annex_with_its_own_sections() -> None:
    """03/NQ-CP: the resolution's articles, recipients and signature, then the programme it
    issues, whose parts nest under the annex rather than under the signature."""
    source = read_source(SOURCES / "nq03-ncp-2025.md")
    tree = parse(source.normalised, source)
    kinds = [n.kind for n in tree.root.children]
    assert kinds.count("article") == 3
    annex = tree.of_kind("annex")[0]
    assert annex.heading(tree.text) == "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ"
    assert [n.heading(tree.text) for n in annex.children if n.kind == "roman"] == [
        "MỤC TIÊU",
        "NHIỆM VỤ CỤ THỂ",
        "TỔ CHỨC THỰC HIỆN",
    ]
    assert tree.of_kind("signature")[0].end <= annex.start


def test_a_table_is_one_node_not_lines_of_prose() -> None:
    source = read_source(TASKS_FILE)
    tree = parse(source.normalised, source)
    (table,) = tree.of_kind("table")
    assert not [n for n in tree.nodes() if n.kind != "table" and table.start <= n.start < table.end]


def test_the_extractors_are_one_explicit_ordered_list() -> None:
    names = [e.name for e in EXTRACTORS]
    assert names == ["documents", "agencies", "assignments", "targets", "meetings", "tables"]
    assert [e.name for e in EXTRACTORS if e.reads_tables] == ["tables"]
