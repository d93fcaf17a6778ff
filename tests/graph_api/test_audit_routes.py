"""The audit routes over the small alignment graph, in the app as the API builds it."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.routes import audit as audit_routes
from graph_api.settings import Settings
from tests.graph_api.test_audit_alignment import ID, audit_store


@pytest.fixture(scope="module")
def client():
    app = create_app(Settings(query_workers=0), audit_store())
    app.include_router(audit_routes.router)
    with TestClient(app) as client:
        yield client


def test_alignment_json_for_one_province(client):
    response = client.get("/api/audit/alignment", params={"province": "Bình Dương"})
    assert response.status_code == 200
    findings = response.json()["findings"]
    assert {f["province"] for f in findings} == {ID + "place/binh-duong"}
    weaker = [f for f in findings if f["verdict"] == "weaker"]
    assert [f["provincial"]["target"] for f in weaker] == [ID + "target/p-tfp-2030"]
    assert "trên 55%" in weaker[0]["national"]["quote"]
    assert response.json()["summary"]["weaker"] == 1


def test_alignment_csv_and_markdown(client):
    response = client.get("/api/audit/alignment", params={"format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {r["verdict"] for r in rows} >= {"weaker", "missing", "local only"}
    md = client.get("/api/audit/alignment", params={"format": "md"}).text
    assert md.startswith("| province | indicator | verdict |")


def test_unknown_province_and_format(client):
    assert client.get("/api/audit/alignment", params={"province": "Atlantis"}).status_code == 404
    assert client.get("/api/audit/alignment", params={"format": "xls"}).status_code == 400


def test_ownership_and_tasks_alignment_answer(client):
    response = client.get("/api/audit/ownership", params={"on": "2026-01-01"})
    assert response.status_code == 200 and response.json()["on"] == "2026-01-01"
    assert client.get("/api/audit/ownership", params={"on": "soon"}).status_code == 400
    tasks = client.get("/api/audit/tasks-alignment").json()
    assert {p["province"] for p in tasks["provinces"]} == {
        ID + "place/binh-duong",
        ID + "place/binh-dinh",
    }


def test_coverage_page_links_and_escapes(client):
    response = client.get("/audit/coverage")
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert 'href="/id/target/p-tfp-2030"' in page and 'href="/id/evidence/n-tfp"' in page
    assert "<script" not in page and "http://" not in page.replace('href="/id/', "")
    assert page.count("<tr>") == 1 + 2  # header + two provinces


def test_coverage_escapes_what_the_graph_says():
    hostile = """
@prefix pg: <https://w3id.org/policygraph/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/policygraph/id/indicator/x> skos:prefLabel "<script>alert(1)</script>"@vi .
<https://w3id.org/policygraph/id/target/x> a pg:Target ;
    pg:indicator <https://w3id.org/policygraph/id/indicator/x> ;
    pg:scope <https://w3id.org/policygraph/id/place/viet-nam> ;
    pg:evidence <https://w3id.org/policygraph/id/evidence/x> .
<https://w3id.org/policygraph/id/evidence/x> oa:exact "\\"><img src=x onerror=alert(2)>" .
<https://w3id.org/policygraph/id/target/y> a pg:Target ;
    pg:indicator <https://w3id.org/policygraph/id/indicator/x> ;
    pg:scope <https://w3id.org/policygraph/id/place/binh-duong> .
"""
    app = create_app(Settings(query_workers=0), audit_store(hostile))
    app.include_router(audit_routes.router)
    with TestClient(app) as client:
        page = client.get("/audit/coverage").text
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
