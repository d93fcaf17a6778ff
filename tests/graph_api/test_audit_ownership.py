"""Ownership on a date over the real curated agencies and 2025 changes, with seed tasks."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, URIRef

from graph_api.audit.ownership import Step, audit_ownership, chain_text, holder_on
from graph_api.store import OxigraphStore
from ingest.derive import add_derived

ROOT = Path(__file__).resolve().parents[2]
ID = "https://w3id.org/policygraph/id/"
CURATED = ("agencies", "changes", "places", "provincial-bodies", "provincial-changes")
SEED_002 = (
    "Tỉnh Bình Dương đã giao Sở Khoa học và Công nghệ chủ trì, phối hợp Sở Thông tin và "
    "Truyền thông cùng các cơ quan, đơn vị, địa phương căn cứ nội dung tại Nghị quyết để tổ "
    "chức triển khai thực hiện trên địa bàn tỉnh"
)
TASKS = f"""
@prefix pg: <https://w3id.org/policygraph/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix agency: <{ID}agency/> .
@prefix task: <{ID}task/> .
@prefix evidence: <{ID}evidence/> .

task:seed-002 a pg:Task ; pg:leadAgency agency:so-khcn-binh-duong ;
    pg:coordinatingAgency agency:so-tttt-binh-duong ; pg:evidence evidence:seed-002 .
evidence:seed-002 oa:exact {json.dumps(SEED_002, ensure_ascii=False)} .
task:appendix-2 a pg:Task ; pg:leadAgency agency:bo-tttt ; pg:coordinatingAgency agency:bo-cong-an .
task:unchanged a pg:Task ; pg:leadAgency agency:bo-khcn .
"""


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    """The curated agencies and changes, the seed tasks and what the build derives from them."""
    dataset = Dataset()
    for name in CURATED:
        path = ROOT / "data" / "curated" / f"{name}.ttl"
        dataset.graph(URIRef(f"{ID}source/curated-{name}")).parse(path, format="turtle")
    dataset.graph(URIRef(f"{ID}source/t")).parse(data=TASKS, format="turtle")
    add_derived(dataset)
    raw = ox.Store()
    raw.load(dataset.serialize(format="nquads").encode(), format=ox.RdfFormat.N_QUADS)
    return OxigraphStore.from_store(raw)


def holdings(report, task):
    return {h.role: h for h in report.holdings if h.task == f"{ID}task/{task}"}


def test_binh_duong_task_is_held_by_ho_chi_minh_city_department_in_2026(store):
    report = audit_ownership(store, date(2026, 1, 1))
    found = holdings(report, "seed-002")
    lead, coordinating = found["lead"], found["coordinating"]
    assert lead.holder == coordinating.holder == f"{ID}agency/so-khcn-ho-chi-minh"
    assert [s.date for s in coordinating.chain] == [date(2025, 3, 1), date(2025, 7, 1)]
    assert [s.successor.rsplit("/", 1)[-1] for s in coordinating.chain] == [
        "so-khcn-binh-duong",
        "so-khcn-ho-chi-minh",
    ]
    assert all(step.event and step.decided_by for step in coordinating.chain)
    assert "45/2025/NĐ-CP" in coordinating.chain[0].decided_by
    assert "202/2025/QH15" in coordinating.chain[1].decided_by
    assert chain_text(coordinating).startswith("Sở Thông tin và Truyền thông tỉnh Bình Dương → ")
    assert lead.quote == SEED_002


def test_the_date_decides_how_far_the_chain_goes(store):
    before = holdings(audit_ownership(store, date(2025, 2, 1)), "seed-002")
    assert before["coordinating"].holder == f"{ID}agency/so-tttt-binh-duong"
    assert not before["coordinating"].assignee_gone
    between = holdings(audit_ownership(store, date(2025, 4, 1)), "seed-002")
    assert between["coordinating"].holder == f"{ID}agency/so-khcn-binh-duong"
    assert between["lead"].holder == f"{ID}agency/so-khcn-binh-duong"


def test_ministries_merged_on_1_march_and_the_gone_list(store):
    report = audit_ownership(store, date(2026, 1, 1))
    appendix = holdings(report, "appendix-2")
    assert appendix["lead"].holder == f"{ID}agency/bo-khcn"
    assert appendix["coordinating"].holder == f"{ID}agency/bo-cong-an"
    gone_tasks = {h.task.rsplit("/", 1)[-1] for h in report.gone()}
    assert gone_tasks == {"seed-002", "appendix-2"}


def test_one_task_only(store):
    report = audit_ownership(store, date(2026, 1, 1), task=f"{ID}task/unchanged")
    assert [(h.role, h.holder) for h in report.holdings] == [("lead", f"{ID}agency/bo-khcn")]


def test_chains_skip_undated_steps_and_stop_at_cycles():
    a, b, c = "a", "b", "c"
    steps = {
        a: [Step(a, b, "B", date(2025, 3, 1))],
        b: [Step(b, a, "A", date(2025, 4, 1))],  # a cycle in bad data
        c: [Step(c, a, "A", None)],
    }
    assert [s.successor for s in holder_on(a, date(2026, 1, 1), steps)] == [b]
    assert holder_on(c, date(2026, 1, 1), steps) == ()
    assert holder_on(a, date(2025, 1, 1), steps) == ()


@pytest.mark.parametrize("first_tasks", [0, 1, 2])
def test_first_tasks_read_apart_give_the_same_rows_in_the_same_order(built_oxigraph, first_tasks):
    """A province's first tasks read on their own (so the first row is sent early), then the
    rest, list what one query over the province lists, in the same order, on the real build."""
    from graph_api.audit.ownership import iter_holdings

    for on in (date(2025, 9, 1), date(2026, 1, 1)):
        for gone in (False, True):
            whole = list(iter_holdings(built_oxigraph, on, gone=gone, first_tasks=10**9))
            parts = list(iter_holdings(built_oxigraph, on, gone=gone, first_tasks=first_tasks))
            assert parts == whole
            assert gone or any(h.province for h in whole)
