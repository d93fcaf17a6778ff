"""Unresolved agencies for a curator: ``policygraph review`` lists each with counts, example
quotes and file:line; the build report counts the same agencies."""

from __future__ import annotations

from ingest.build import build
from ingest.resolve import Catalogue
from ingest.review import extracted
from ingest.review_agencies import collect_unresolved, unresolved_text
from ingest.sources import read_source
from tests.ingest.common import SOURCES, curated_catalogue, small_data


def test_an_unresolved_agency_is_listed_with_its_count_file_and_line():
    """Phú Thọ's 2026 review names "Văn phòng Tỉnh ủy", which no curated body fits (yet)."""
    source = read_source(SOURCES / "dev-phu-tho-tong-ket-2026.txt")
    agencies = collect_unresolved(extracted([source], curated_catalogue()))
    office = next(a for a in agencies if a.key == "vp-tinh-uy-phu-tho")
    assert office.names == ["Văn phòng Tỉnh ủy"] and office.province == "phu-tho"
    # the agency fact and the task of the same sentence are one naming
    assert len(office.occurrences) == 1
    (where,) = office.occurrences
    line = source.original.splitlines()[where.line - 1]
    assert line.startswith("Văn phòng Tỉnh ủy, Sở Khoa học và Công nghệ phối hợp")
    text = unresolved_text(agencies)
    assert "UNRESOLVED AGENCY «Văn phòng Tỉnh ủy» [vp-tinh-uy-phu-tho]" in text
    assert "dev-phu-tho-tong-ket-2026.txt:11: «Văn phòng Tỉnh ủy" in text
    assert not [a for a in agencies if a.key.startswith("so-khcn")]  # curated: not listed


def test_the_build_report_counts_the_agencies_review_lists(tmp_path):
    data = small_data(tmp_path / "data")
    report = build(data / "curated", data / "sources", tmp_path / "build", validate=False)
    catalogue = Catalogue.load(data / "curated")
    sources = [read_source(p) for p in sorted((data / "sources").glob("*.txt"))]
    listed = {a.key for a in collect_unresolved(extracted(sources, catalogue))}
    assert listed and set(report.to_review["agencies"]) == listed
    for entry in report.to_review["agencies"].values():
        assert entry["label"] and entry["sources"] == [sources[0].source_id]
    assert "unresolved agencies" in report.to_text()
