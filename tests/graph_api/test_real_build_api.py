"""The API over the real build of the corpus (tests/conftest.py ``built_oxigraph``)."""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.settings import Settings

ID = "https://w3id.org/policygraph/id/"


@pytest.fixture(scope="module")
def built_client(built_oxigraph) -> TestClient:
    return TestClient(create_app(Settings(query_workers=0), built_oxigraph))


def test_appendix_ii_tasks_have_leads_and_deadlines(built_client):
    tasks = built_client.get("/api/tasks", params={"limit": 1000}).json()["tasks"]
    appendix = [t for t in tasks if "/task/nq03-ncp-2025-phu-luc-2-nhiem-vu-" in t["iri"]]
    assert len(appendix) > 100
    with_lead = [t for t in appendix if t["leads"]]
    assert len(with_lead) / len(appendix) > 0.9
    assert all(t["evidence"] and t["evidence"]["quote"] for t in appendix)
    assert any(t["deadline"] for t in appendix)


def test_bo_khcn_leads_tasks_in_the_built_graph(built_client):
    agency = built_client.get("/api/agencies/bo-khcn").json()
    assert agency["lead_count"] >= 10
    assert len(agency["tasks"]) >= agency["lead_count"]
    by_agency = built_client.get("/api/tasks", params={"agency": "bo-khcn", "limit": 1000}).json()
    assert by_agency["count"] == len(agency["tasks"])


def test_search_finds_binh_duong_department_without_diacritics(built_client):
    params = {"q": "so khoa hoc va cong nghe binh duong"}
    hits = built_client.get("/api/search", params=params).json()["hits"]
    assert hits[0]["iri"] == f"{ID}agency/so-khcn-binh-duong"


def test_agency_iri_dereferences_as_turtle_and_html(built_client):
    turtle = built_client.get("/id/agency/bo-khcn", headers={"Accept": "text/turtle"})
    triples = list(ox.parse(turtle.content, format=ox.RdfFormat.TURTLE))
    assert any(t.subject == ox.NamedNode(f"{ID}agency/bo-khcn") for t in triples)
    page = built_client.get("/id/agency/bo-khcn", headers={"Accept": "text/html"})
    assert "<h1>Bộ Khoa học và Công nghệ</h1>" in page.text


def test_stats_report_the_build(built_client):
    stats = built_client.get("/api/stats").json()
    assert stats["release"] and stats["total_quads"] > 1000
    classes = {c["class_iri"].rsplit("#", 1)[-1]: c["count"] for c in stats["classes"]}
    assert classes["Task"] > 100


def test_document_57_is_implemented_down_to_binh_duong(built_client):
    document = built_client.get("/api/documents/57-ntw-2024").json()
    below = {link["iri"].rsplit("/", 1)[1] for link in document["implemented_by"]}
    assert "03-ncp-2025" in below
    assert any(slug.endswith("binh-duong") for slug in below)
    assert len(document["tasks"]) > 100


def test_unfiltered_pages_follow_the_task_order_of_the_whole_list(built_client, built_oxigraph):
    """Pages of the unfiltered list are read by the build's pg:taskRank; they must be exactly the
    pages of every task sorted by IRI (what a filtered list gives), with no task lost at a chunk
    boundary (limit 1,200 spans three bound chunks of ranks)."""
    query = "SELECT ?t WHERE { ?t a <https://w3id.org/policygraph/ontology#Task> }"
    everything = sorted({row["t"] for row in built_oxigraph.select(query)})
    assert len(everything) > 150
    for limit, offset in ((7, 20), (100, 0), (1200, 3), (5, len(everything) - 2)):
        page = built_client.get("/api/tasks", params={"limit": limit, "offset": offset}).json()
        assert [task["iri"] for task in page["tasks"]] == everything[offset : offset + limit]


@pytest.mark.parametrize(
    "filters",
    [
        {"document": "57-ntw-2024"},
        {"open_on": "2025-06-30"},
        {"province": "binh-duong"},
        {"agency": "bo-khcn", "open_on": "2026-01-01"},
        {"document": "57-ntw-2024", "theme": "awareness"},
    ],
)
def test_filtered_pages_walked_by_rank_equal_the_driven_query(
    built_client, built_oxigraph, monkeypatch, filters
):
    """A filtered page is read by walking pg:taskRank with the filters checked, falling back to
    the query driven by the filter when the walk finds matches too rarely. With chunks of 7
    ranks and a walk of at most 30 ranks, both ways run on the real build: every page must be
    exactly the slice of the driven query's tasks sorted by IRI."""
    from graph_api.named_queries import load_query
    from graph_api.routes import common
    from graph_api.store_terms import IRI

    bindings = {"document": None, "province": None, "agency": None, "theme": None}
    for name in ("document", "province", "agency", "theme"):
        if name in filters:
            kind = {"province": "place"}.get(name, name)
            bindings[name] = IRI(f"{ID}{kind}/{filters[name]}")
    bindings["openOn"] = date.fromisoformat(filters["open_on"]) if "open_on" in filters else None
    driver = next(name for name in (*common.TASK_DRIVERS, "") if not name or bindings.get(name))
    query = load_query(f"task_page_{driver}" if driver else "task_page")
    everything = sorted({row["task"] for row in built_oxigraph.select(query, bindings)})
    assert everything, filters
    monkeypatch.setattr(common, "RANK_CHUNK", 7)
    monkeypatch.setattr(common, "WALK_RANKS", 30)
    for limit, offset in ((3, 0), (10, 4), (1000, 0), (5, max(len(everything) - 2, 0))):
        page = built_client.get("/api/tasks", params={**filters, "limit": limit, "offset": offset})
        assert page.status_code == 200, page.text
        got = [task["iri"] for task in page.json()["tasks"]]
        assert got == everything[offset : offset + limit], (filters, limit, offset)
