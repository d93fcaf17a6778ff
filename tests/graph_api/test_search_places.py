"""Search on the real build: a query naming a place lists the place, then its own agencies,
documents and tasks (named so or not), before anything else that mentions the name."""

from __future__ import annotations

from itertools import takewhile

import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.settings import Settings

ID = "https://w3id.org/policygraph/id/"
OWN = """PREFIX pg: <https://w3id.org/policygraph/ontology#>
SELECT DISTINCT ?e { { ?e pg:jurisdiction ?p } UNION { ?e pg:territorialScope ?p }
UNION { ?e pg:inProvince ?p } VALUES ?p { <https://w3id.org/policygraph/id/place/binh-duong> } }"""


@pytest.fixture(scope="module")
def api(built_oxigraph) -> TestClient:
    return TestClient(create_app(Settings(query_workers=0), built_oxigraph))


def test_a_place_name_lists_the_place_then_its_own_entities(api, built_oxigraph):
    own = {row["e"] for row in built_oxigraph.select(OWN)}
    for query in ("Bình Dương", "binh duong", "tỉnh Bình Dương"):
        hits = api.get("/api/search", params={"q": query, "limit": 200}).json()["hits"]
        assert hits[0]["iri"] == f"{ID}place/binh-duong", query
        listed = [hit["iri"] for hit in takewhile(lambda hit: hit["iri"] in own, hits[1:])]
        assert len(listed) > 20 and {hit["iri"] for hit in hits} & own == set(listed), query
        kinds = [hit["kind"] for hit in hits[1 : 1 + len(listed)]]
        assert kinds == sorted(kinds, key=["agency", "document", "task"].index)
    # its own plan, whose title does not name the province, is found by the province's name
    assert f"{ID}agency/so-khcn-binh-duong" in listed
    assert any(hit["kind"] == "document" and "Bình Dương" not in hit["label"] for hit in hits)


def test_the_search_page_shows_them_in_vietnamese(api):
    page = api.get("/search", params={"q": "Bình Dương"}).text
    first = page.index('href="/id/place/binh-duong"')
    assert first < page.index('href="/id/agency/so-khcn-binh-duong"')
    assert "Tỉnh/thành, địa bàn" in page and "Cơ quan" in page


def test_a_search_without_results_says_so(api):
    page = api.get("/search", params={"q": "zzzqqq"}).text
    assert "Không tìm thấy kết quả nào cho «zzzqqq»" in page
