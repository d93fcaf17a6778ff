"""Counts printed by the CLI agree in number with their noun ("in 1 task", "(1 row)")."""

from __future__ import annotations

from ontology.wording import counted

TASK_52 = "nq03-ncp-2025-phu-luc-2-nhiem-vu-52"


def test_counted():
    assert [counted(n, "task") for n in (0, 1, 2)] == ["0 tasks", "1 task", "2 tasks"]
    assert counted(1, "agency", "agencies") == "1 agency"
    assert counted(3, "agency", "agencies") == "3 agencies"


def test_ownership_of_one_task_says_one_task(policygraph):
    result = policygraph("audit", "ownership", "--task", TASK_52, "--on", "2026-01-01")
    assert result.returncode == 0, result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    # Bộ GTVT and Bộ TN&MT, two of task 52's leads, were merged away in 2025.
    assert summary.endswith("in 1 task)"), summary
    assert "1 tasks" not in result.stdout


def test_query_of_one_row_says_one_row(policygraph):
    result = policygraph(
        "query", "SELECT ?s WHERE { ?s a <https://w3id.org/policygraph/ontology#Theme> } LIMIT 1"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("(1 row)")
