"""``/api/stats`` reads the counts the build wrote in report.json; they equal a direct count."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.settings import Settings
from graph_api.store import OxigraphStore
from ontology.releases import current_release

pytestmark = pytest.mark.slow
CLASSES = "SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?c } GROUP BY ?c"
GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
SOURCES = "SELECT ?g WHERE { ?g a <https://w3id.org/policygraph/ontology#Source> }"


@pytest.fixture(scope="module")
def built_oxigraph(built_store):
    """The real build's store (here: main's tests/conftest.py asks ontology.releases for a
    ``current_store_path`` it no longer has)."""
    store = OxigraphStore(current_release(built_store) / "store")
    yield store
    store.close()


def test_stats_counts_equal_a_direct_count(built_oxigraph):
    assert built_oxigraph.build_report()["instances_per_class"]
    client = TestClient(create_app(Settings(query_workers=0), built_oxigraph))
    stats = client.get("/api/stats").json()
    classes = {row["c"]: row["n"] for row in built_oxigraph.select(CLASSES)}
    assert {c["class_iri"]: c["count"] for c in stats["classes"]} == classes
    graphs = {row["g"]: row["n"] for row in built_oxigraph.select(GRAPHS)}
    assert {s["graph"]: s["triples"] for s in stats["sources"]} == graphs
    assert stats["total_quads"] == sum(graphs.values())
    titled = {s["graph"] for s in stats["sources"] if s["title"] and s["file_name"]}
    assert titled == {row["g"] for row in built_oxigraph.select(SOURCES)}


def test_stats_without_a_report_are_counted_by_bounded_queries(built_oxigraph, monkeypatch):
    """A store with no report.json (as a remote endpoint) still answers, from the store."""
    monkeypatch.setattr(type(built_oxigraph), "build_report", lambda self: None)
    client = TestClient(create_app(Settings(query_workers=0), built_oxigraph))
    stats = client.get("/api/stats").json()
    classes = {row["c"]: row["n"] for row in built_oxigraph.select(CLASSES)}
    assert {c["class_iri"]: c["count"] for c in stats["classes"]} == classes
    graphs = {row["g"]: row["n"] for row in built_oxigraph.select(GRAPHS)}
    assert {s["graph"]: s["triples"] for s in stats["sources"]} == graphs
