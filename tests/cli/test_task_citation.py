"""``audit ownership --task``: tasks named as analysts cite them, resolved on the real build."""

from __future__ import annotations

import pytest

from cli.task_refs import appendix_number, resolve_task
from ontology.errors import QueryError

TASK_52 = "https://w3id.org/policygraph/id/task/nq03-ncp-2025-phu-luc-2-nhiem-vu-52"


@pytest.mark.parametrize(
    "cited",
    [
        "03/NQ-CP PL2 52",
        "03/NQ-CP, Phụ lục II, nhiệm vụ 52",
        "03/nq-cp pl II 52.",
        "03/NQ-CP 52",  # no appendix: only Phụ lục II has a task 52
        "nq03-ncp-2025-phu-luc-2-nhiem-vu-52",
        TASK_52,
    ],
)
def test_citations_of_task_52(built_oxigraph, cited):
    citation = resolve_task(built_oxigraph, cited)
    assert citation.task == TASK_52
    assert str(citation) == "03/NQ-CP PL2 52"


@pytest.mark.parametrize(
    ("cited", "says"),
    [
        ("03/NQ-CP PL1 52", "không tìm thấy nhiệm vụ nào"),  # Phụ lục I lists targets
        ("03/NQ-CP PL2 999", "không tìm thấy nhiệm vụ nào"),
        ("57-NQ/TW 52", "không tìm thấy nhiệm vụ nào"),
        ("no-such-task", "không tìm thấy nhiệm vụ nào"),
        ("52", "thiếu số văn bản"),
    ],
)
def test_what_matches_nothing_is_an_error_naming_the_value(built_oxigraph, cited, says):
    with pytest.raises(QueryError) as raised:
        resolve_task(built_oxigraph, cited)
    assert f"--task {cited!r}" in str(raised.value)
    assert says in str(raised.value)


def test_appendix_numbers():
    assert [appendix_number(t) for t in ("I", "II", "IV", "ix", "2")] == [1, 2, 4, 9, 2]


def test_audit_ownership_by_citation(policygraph):
    result = policygraph("audit", "ownership", "--task", "03/NQ-CP PL2 52", "--on", "2026-01-01")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Task owners on 2026-01-01")
    assert "nq03-ncp-2025-phu-luc-2-nhiem-vu-52" in result.stdout
    assert "(6 assignments;" in result.stdout  # 4 leads + 2 coordinators in Phụ lục II


def test_bare_task_number_is_refused_with_the_tasks_it_could_be(policygraph):
    # Before: "(0 assignments; …)" and status 0, as if task 52 had no owner.
    result = policygraph("audit", "ownership", "--task", "52")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "policygraph audit: error: --task '52'" in result.stderr
    assert "03/NQ-CP PL2 52" in result.stderr  # the suggestion, from the graph
    assert "Traceback" not in result.stderr
