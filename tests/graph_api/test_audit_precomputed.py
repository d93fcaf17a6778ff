"""The audits read what the build precomputed (pg:inProvince, pg:HoldingPeriod) and answer as the
per-request walk over every assignment did, on the real build of data/."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.audit.ownership import holder_on, iter_holdings, successions
from graph_api.audit.provinces import province_labels
from graph_api.audit.themes import Theme, audit_tasks, theme_coverage
from graph_api.named_queries import load_query
from graph_api.settings import Settings
from graph_api.store import OxigraphStore
from ontology.releases import current_release

pytestmark = pytest.mark.slow
ID = "https://w3id.org/policygraph/id/"
TASK_52 = ID + "task/nq03-ncp-2025-phu-luc-2-nhiem-vu-52"
DATES = (date(2025, 1, 1), date(2025, 4, 1), date(2026, 1, 1))


@pytest.fixture(scope="module")
def built_oxigraph(built_store):
    """The real build's store (here: main's tests/conftest.py asks ontology.releases for a
    ``current_store_path`` it no longer has)."""
    store = OxigraphStore(current_release(built_store) / "store")
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(built_oxigraph) -> TestClient:
    return TestClient(create_app(Settings(query_workers=0), built_oxigraph))


def walked(store, on: date) -> set[tuple]:
    """Every assignment and its holder as main computed them: all assignments read, the chain
    walked per assignment, the province taken from the query's fallbacks."""
    by_agency = successions(store.select(load_query("audit_successions")))
    found = set()
    for row in store.select(load_query("audit_task_agencies")):
        chain = holder_on(row["agency"], on, by_agency)
        holder = chain[-1].successor if chain else row["agency"]
        found.add((row["task"], row["role"], row["agency"], holder, row.get("province"), chain))
    return found


@pytest.fixture(scope="module")
def walks(built_oxigraph):
    """``walked`` on the real build, computed once per date for the tests that compare with it
    (the walk reads every assignment: seconds each)."""
    done: dict[date, set[tuple]] = {}

    def on(day: date) -> set[tuple]:
        if day not in done:
            done[day] = walked(built_oxigraph, day)
        return done[day]

    return on


def looked_up(holdings) -> set[tuple]:
    return {(h.task, h.role, h.assigned, h.holder, h.province, h.chain) for h in holdings}


@pytest.mark.parametrize("on", DATES)
def test_ownership_from_the_derived_holders_equals_the_walk(built_oxigraph, walks, on):
    before = walks(on)
    assert len(before) > 200
    assert looked_up(iter_holdings(built_oxigraph, on)) == before
    for province in province_labels(built_oxigraph):
        expected = {row for row in before if row[4] == province}
        assert looked_up(iter_holdings(built_oxigraph, on, province=province)) == expected


def test_task_52_is_held_by_the_ministry_of_science_after_the_merger(built_oxigraph, walks):
    before = {row for row in walks(date(2026, 1, 1)) if row[0] == TASK_52}
    now = looked_up(iter_holdings(built_oxigraph, date(2026, 1, 1), task=TASK_52))
    assert now == before and before
    holders = {row[3] for row in now}
    assert ID + "agency/bo-khcn" in holders  # Bộ TT&TT's tasks went to Bộ KH&CN on 1 March 2025


def test_ownership_route_pages_add_up_to_the_whole(client, built_oxigraph):
    on = date(2026, 1, 1)
    whole = looked_up(iter_holdings(built_oxigraph, on))
    first = client.get("/api/audit/ownership", params={"on": on.isoformat()}).json()
    assert first["total"] == len(whole) and first["limit"] == 1000 and first["offset"] == 0
    assert len(first["holdings"]) == min(1000, len(whole))
    seen = []
    for offset in range(0, len(whole), 150):
        params = {"on": on.isoformat(), "limit": 150, "offset": offset}
        page = client.get("/api/audit/ownership", params=params).json()
        assert page["total"] == len(whole)
        seen += [(h["task"], h["role"], h["assigned"]) for h in page["holdings"]]
    assert len(seen) == len(set(seen)) == len(whole)
    assert set(seen) == {(t, r, a) for t, r, a, *_ in whole}


def test_ownership_gone_and_csv_stream(client, walks):
    on = date(2026, 1, 1)
    gone = {row[:3] for row in walks(on) if row[5]}
    params = {"on": on.isoformat(), "gone": "true", "limit": 100_000}
    answer = client.get("/api/audit/ownership", params=params).json()
    assert answer["total"] == len(gone) > 0
    assert {(h["task"], h["role"], h["assigned"]) for h in answer["holdings"]} == gone
    text = client.get("/api/audit/ownership", params={**params, "format": "csv"}).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(gone) and all(row["assignee_gone"] == "yes" for row in rows)
    one = client.get("/api/audit/ownership", params={"on": "2026-01-01", "task": TASK_52})
    assert json.loads(one.text)["total"] == len(one.json()["holdings"]) > 0


def test_task_alignment_from_the_derived_provinces_equals_the_old_query(built_oxigraph):
    themes = {
        row["theme"]: Theme(row["theme"], row.get("label_vi") or "", row.get("label_en") or "")
        for row in built_oxigraph.select(load_query("audit_themes"))
    }
    provinces = province_labels(built_oxigraph)
    rows = built_oxigraph.select(load_query("audit_task_themes"))
    before = theme_coverage(themes, rows, provinces).as_dict()
    now = audit_tasks(built_oxigraph).as_dict()
    for key in ("national_themes", "national_tasks_by_theme", "provinces"):
        assert now[key] == before[key], key
    one = audit_tasks(built_oxigraph, "binh-duong").as_dict()["provinces"]
    assert one == [p for p in before["provinces"] if p["province"] == ID + "place/binh-duong"]


def test_tasks_csv_streamed_in_chunks_equals_the_json_page(client, monkeypatch):
    from graph_api.routes import tasks as tasks_route

    monkeypatch.setattr(tasks_route, "CHUNK", 40)  # several chunks over the real build's tasks
    params = {"limit": 1000}
    page = client.get("/api/tasks", params=params).json()["tasks"]
    assert len(page) > 100
    text = client.get("/api/tasks", params={**params, "format": "csv"}).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["iri"] for row in rows] == [task["iri"] for task in page]
    assert [row["deadline"] for row in rows] == [task["deadline"] or "" for task in page]
