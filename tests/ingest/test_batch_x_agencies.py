"""Agencies on batch X's misses: a unit of a ministry whose name ends in a field written in
lower case ("Cục Công nghệ thông tin"). Each case reads a real text in data/sources."""

from __future__ import annotations

from ingest.model import AgencyFact
from ingest.resolve.names import pattern_names
from tests.ingest.common import source_facts, tasks_of


def _names(stem: str) -> set[str]:
    return {f.agency.name for f in source_facts(stem) if isinstance(f, AgencyFact)}


def test_a_department_named_by_its_field_in_lower_case_is_whole() -> None:
    """Bộ Tư pháp: "… phối hợp với … và Cục Công nghệ thông tin để trực tiếp chỉ đạo …. Cục Công
    nghệ thông tin được giao làm đầu mối tổng hợp thông tin, …" (and batch Q's Bộ Y tế text):
    the whole name, not "Cục Công nghệ"; the department then leads its task."""
    for stem in ("dev-x-btp-bcd-phien-hop-1", "dev-q-byt-qd1710"):
        names = _names(stem)
        assert "Cục Công nghệ thông tin" in names
        assert "Cục Công nghệ" not in names
    (task,) = [t for t in tasks_of("dev-x-btp-bcd-phien-hop-1") if t.task.startswith("làm đầu")]
    assert [lead.name for lead in task.leads] == ["Cục Công nghệ thông tin"]
    text = "Trung tâm Công nghệ thông tin và Viện Công nghệ thông báo kết quả"
    found = [text[a:b] for a, b in pattern_names(text)]
    assert found == ["Trung tâm Công nghệ thông tin", "Viện Công nghệ"]
