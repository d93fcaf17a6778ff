"""Entity pages (HTML / Turtle / JSON-LD) and the offline query page."""

from __future__ import annotations

import json
import re

import pyoxigraph as ox
import pytest

from graph_api.named_queries import load_query, query_names
from graph_api.routes.home import example_queries
from graph_api.store import QueryOptions

ID = "https://w3id.org/policygraph/id/"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_agency_page_for_a_browser(client):
    response = client.get("/id/agency/bo-khcn", headers={"Accept": BROWSER})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "<h1>Bộ Khoa học và Công nghệ</h1>" in page
    assert 'href="/id/agency/chinh-phu"' in page  # link out (org:subOrganizationOf)
    assert 'href="/id/task/nq03-ncp-2025-phu-luc-2-nhiem-vu-18"' in page  # a task it leads
    assert "pg:" not in page and "Nhiệm vụ chủ trì" in page


@pytest.mark.parametrize(
    ("accept", "media", "rdf_format"),
    [
        ("text/turtle", "text/turtle", ox.RdfFormat.TURTLE),
        ("application/ld+json", "application/ld+json", ox.RdfFormat.JSON_LD),
    ],
)
def test_agency_as_rdf_for_a_client(client, accept, media, rdf_format):
    response = client.get("/id/agency/bo-khcn", headers={"Accept": accept})
    assert response.headers["content-type"].split(";")[0] == media
    triples = list(ox.parse(response.content, format=rdf_format))
    subject = ox.NamedNode(f"{ID}agency/bo-khcn")
    label = ox.Literal("Bộ Khoa học và Công nghệ", language="vi")
    assert any(t.subject == subject and t.object == label for t in triples)


def test_task_page_shows_evidence_with_its_source(client):
    page = client.get("/id/task/nq03-ncp-2025-phu-luc-2-nhiem-vu-18").text
    assert "<mark>Sửa đổi một số quy định trong Luật Ngân sách nhà nước</mark>" in page
    assert 'href="/id/source/nq03-ncp-2025-phu-luc-2-nhiem-vu"' in page


def test_page_text_is_escaped(client):
    page = client.get("/id/agency/bo-khcn").text
    assert "Bộ KH&amp;CN" in page and "Bộ KH&CN<" not in page


@pytest.mark.parametrize("path", ["/id/agency/no-such-agency", "/id/nokind/x"])
def test_unknown_entity_is_404(client, path):
    assert client.get(path, headers={"Accept": BROWSER}).status_code == 404
    response = client.get(path, headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    assert "no entity" in response.json()["message"]


def test_sparql_endpoint_shows_a_browser_the_editor_offline(client):
    page = client.get("/sparql", headers={"Accept": BROWSER}).text
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert "/static/vendor/yasgui/yasgui.min.js" in assets
    assert all(src.startswith("/static/") for src in assets)
    for src in assets:
        assert client.get(src).status_code == 200
    assert "<script>" not in page and "style=" not in page  # CSP default-src 'self'
    embedded = json.loads(re.search(r'type="application/json">(.*?)</script>', page, re.S).group(1))
    assert set(embedded["examples"]) == {
        "example_task_owners",
        "example_plan_dependencies",
        "example_alignment",
    }
    assert embedded["prefixes"]["pg"] == "https://w3id.org/policygraph/ontology#"
    description = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert description.headers["content-type"].startswith("text/turtle")  # still the service


def test_home_is_vietnamese_with_english_on_request(client):
    page = client.get("/").text
    assert '<html lang="vi">' in page
    for word in ("Tìm kiếm", "Nhiệm vụ", "Cơ quan", "Văn bản", "Tỉnh/thành", "Đối chiếu mục tiêu"):
        assert word in page
    assert 'href="/?lang=en"' in page
    english = client.get("/", params={"lang": "en"}).text
    assert '<html lang="en">' in english and "Agencies" in english
    assert 'href="/id/agency/so-khcn-binh-duong?lang=en#tasks-led"' in english


@pytest.mark.parametrize("name", sorted(example_queries()))
def test_example_queries_run(client, name):
    response = client.post("/sparql", data={"query": load_query(name)})
    assert response.status_code == 200
    assert response.json()["results"]["bindings"], f"{name} found nothing"


MINE = [n for n in query_names() if not n.startswith(("view_", "audit_"))]


@pytest.mark.parametrize("name", MINE)
def test_every_named_query_runs_unbound(sample_store, name):
    text = load_query(name)
    if "CONSTRUCT" in text:
        assert sample_store.query(text, QueryOptions(max_rows=5)).kind == "graph"
    else:
        assert isinstance(sample_store.select(text, limit=5), list)
