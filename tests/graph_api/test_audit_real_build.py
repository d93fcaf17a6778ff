"""The audits on the real build of data/ (the session fixtures of tests/conftest.py)."""

from __future__ import annotations

from datetime import date

import pytest

from cli.main import main as cli_main
from graph_api.audit.alignment import Verdict, audit_alignment
from graph_api.audit.ownership import audit_ownership
from ontology.releases import current_store_path

pytestmark = pytest.mark.slow
ID = "https://w3id.org/policygraph/id/"
SEED_002_SOURCE = ID + "task/002_164b680af517698d-"


def test_binh_duong_tfp_2030_is_weaker_than_57_nq_tw(built_oxigraph):
    report = audit_alignment(built_oxigraph, "binh-duong")
    national_57 = [t for t in report.national if t.document_label == "57-NQ/TW"]
    assert national_57, "the national layer has no target set by 57-NQ/TW"
    assert all(t.quote for t in national_57)
    weaker = [
        f
        for f in report.findings
        if f.verdict is Verdict.WEAKER
        and f.national.document_label == "57-NQ/TW"
        and f.provincial.year == 2030
        and f.provincial.indicator == ID + "indicator/tfp-contribution"
    ]
    assert len(weaker) == 1, [(f.verdict, f.reason) for f in report.findings]
    (finding,) = weaker
    assert finding.provincial.comparator == "gt" and finding.provincial.value == 50
    assert finding.national.comparator == "gt" and finding.national.value == 55
    assert "trên 50%" in finding.provincial.quote
    assert "trên 55%" in finding.national.quote


def seed_002_holdings(report):
    return {h.role: h for h in report.holdings if h.task.startswith(SEED_002_SOURCE)}


def test_seed_002_task_is_held_by_ho_chi_minh_city_in_2026(built_oxigraph):
    holdings = seed_002_holdings(audit_ownership(built_oxigraph, date(2026, 1, 1)))
    assert holdings["lead"].assigned == ID + "agency/so-khcn-binh-duong"
    assert holdings["coordinating"].assigned == ID + "agency/so-tttt-binh-duong"
    for holding in holdings.values():
        assert holding.holder == ID + "agency/so-khcn-ho-chi-minh"
        assert holding.assignee_gone
    chain = holdings["coordinating"].chain
    assert [(s.successor.rsplit("/", 1)[-1], s.date) for s in chain] == [
        ("so-khcn-binh-duong", date(2025, 3, 1)),
        ("so-khcn-ho-chi-minh", date(2025, 7, 1)),
    ]


def test_cli_ownership_shows_the_holder_and_the_chain(built_store, capsys):
    store = str(current_store_path(built_store))
    status = cli_main(["--store", store, "audit", "ownership", "--on", "2026-01-01"])
    assert status == 0
    out = capsys.readouterr().out
    block = out[out.index("002_164b680af517698d-1  (coordinating)") :].split("\n\n")[0]
    assert "assigned: Sở Thông tin và Truyền thông tỉnh Bình Dương" in block
    assert "holder:   Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh" in block
    assert "2025-03-01: Hợp nhất Sở Thông tin và Truyền thông tỉnh Bình Dương" in block
    assert "2025-07-01: Hợp nhất" in block
