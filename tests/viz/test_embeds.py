"""Each view is linked, with a preview picture, from the page it belongs to (real build):
an agency page shows its agency view, a document page its dependency tree, a province page
its alignment view. The preview is SVG from the same view (viz.preview), served by the API."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.settings import Settings

PAGES = {
    "/id/agency/so-khcn-binh-duong": "/views/agency/so-khcn-binh-duong",
    "/id/document/57-ntw-2024": "/views/dependencies?root=document/57-ntw-2024",
    "/id/place/binh-duong": "/views/alignment?province=binh-duong",
}


@pytest.fixture(scope="module")
def client(built_oxigraph):
    with TestClient(create_app(Settings(query_workers=0), built_oxigraph)) as client:
        yield client


@pytest.mark.parametrize("page", list(PAGES))
def test_page_links_its_view_with_a_preview(client, page):
    html = client.get(page).text
    diagram = re.search(r'<section id="diagram">.*?</section>', html, re.S)[0]
    view = PAGES[page]
    assert f'href="{view}"' in diagram.replace("&amp;", "&")
    preview = re.search(r'<img src="([^"]+)"', diagram)[1].replace("&amp;", "&")
    answer = client.get(preview)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "image/svg+xml"
    assert (
        answer.text.startswith("<svg")
        and answer.text.count("<rect") + answer.text.count("<circle") > 3
    )  # the view's nodes, drawn
    assert client.get(view).status_code == 200
    english = client.get(page + "?lang=en").text
    assert "Diagram" in english and "Sơ đồ" not in english.split('id="diagram"', 1)[1]


def test_preview_of_an_unknown_agency_is_a_404(client):
    assert client.get("/views/agency/no-such-agency/preview.svg").status_code == 404
