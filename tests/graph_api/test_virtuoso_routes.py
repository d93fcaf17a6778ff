"""Every route of the app gives the same answer over the embedded store and over a real
Virtuoso holding the same quads; the route list comes from ``app.routes``, so a new route
without a case in ``bench/route_cases.py`` fails here."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph
from rdflib.compare import isomorphic

from bench.route_cases import CASES, app_routes
from graph_api.app import create_app
from graph_api.remote_store import RemoteStore
from graph_api.settings import Settings

pytestmark = pytest.mark.virtuoso
REQUESTS = [request for requests in CASES.values() for request in requests]
RDF_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt"}


@pytest.fixture(scope="module")
def clients(embedded_twin, virtuoso_engine):
    settings = Settings(query_workers=0, query_timeout=60)
    remote = RemoteStore(virtuoso_engine.sparql, timeout=60)
    with (
        TestClient(create_app(settings, embedded_twin)) as embedded,
        TestClient(create_app(settings, remote)) as on_virtuoso,
    ):
        yield embedded, on_virtuoso


def test_every_route_has_a_case():
    import pyoxigraph as ox

    from graph_api.store import OxigraphStore

    app = create_app(Settings(query_workers=0), OxigraphStore.from_store(ox.Store()))
    routes = app_routes(app)
    assert routes - set(CASES) == set(), "routes without a differential case"
    assert set(CASES) - routes == set(), "cases for routes the app no longer has"


def comparable(response):
    """The answer as compared: RDF as a graph (serialisation order is free), JSON parsed."""
    media = response.headers.get("content-type", "").split(";")[0]
    if media in RDF_TYPES:
        return Graph().parse(data=response.text, format=RDF_TYPES[media])
    if media.endswith("json"):
        return json.loads(response.content)
    return response.content


@pytest.mark.parametrize(
    ("method", "url", "form"), REQUESTS, ids=[f"{m} {u}" for m, u, _ in REQUESTS]
)
def test_route_answers_match(clients, method, url, form):
    assert_same_answer(*clients, method, url, form)


def assert_same_answer(embedded, on_virtuoso, method, url, form) -> None:
    """The two clients give the same status, media type and content (graphs up to isomorphism)."""
    expected = embedded.request(method, url, data=form)
    answer = on_virtuoso.request(method, url, data=form)
    assert (answer.status_code, answer.headers.get("content-type")) == (
        expected.status_code,
        expected.headers.get("content-type"),
    )
    want, got = comparable(expected), comparable(answer)
    if isinstance(want, Graph):
        assert isomorphic(want, got)
    else:
        assert got == want


def test_engine_extensions_and_service_refused_in_remote_mode(clients):
    """The guard stops Virtuoso's bif: functions and SERVICE before they reach the engine."""
    _, on_virtuoso = clients
    for query in (
        'SELECT (bif:http_get("http://127.0.0.1:9/") AS ?x) {}',
        "SELECT ?x { ?x ?p ?o FILTER(bif:exec('ls') = 1) }",
        "SELECT ?x { SERVICE <http://127.0.0.1:9/> { ?x ?y ?z } }",
    ):
        assert on_virtuoso.post("/sparql", data={"query": query}).status_code in (400, 403)


def test_ask_is_a_boolean(clients):
    _, on_virtuoso = clients
    yes = on_virtuoso.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    no = on_virtuoso.get("/sparql", params={"query": "ASK { <urn:none> ?p ?o }"})
    assert yes.json() == {"head": {}, "boolean": True}
    assert no.json() == {"head": {}, "boolean": False}
