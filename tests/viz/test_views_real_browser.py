"""The views of the real build (data/sources → build) in headless Chromium, as a user opens them
from a live server on 127.0.0.1: each draws, with no console error and no request leaving
127.0.0.1; the alignment select filters; a document's tasks unfold on click. The screenshots
README.md and docs/views.md show are taken here (data/build/screenshots/view-*.png, git-ignored;
``make screenshots`` copies them to docs/img/)."""

from __future__ import annotations

import pytest

from graph_api.app import create_app
from graph_api.settings import Settings
from tests.live import serve_in_thread
from tests.viz.test_browser import SCREENSHOTS, canvas_is_drawn, open_view, screen_point

pytestmark = pytest.mark.browser
ID = "https://w3id.org/policygraph/id/"
ROOT = ID + "document/57-ntw-2024"
VIEWS = {
    "dependencies": "/views/dependencies",
    "dependencies-up": "/views/dependencies?root=task/nq03-ncp-2025-phu-luc-2-nhiem-vu-52"
    "&direction=up",
    "agency": "/views/agency/so-khcn-binh-duong",
    "agencies": "/views/agencies",
    "alignment": "/views/alignment",
    "alignment-province": "/views/alignment?province=Bình Dương",
}


@pytest.fixture(scope="module")
def server(built_oxigraph):
    app = create_app(Settings(query_workers=0), built_oxigraph)
    with serve_in_thread(app) as base:
        yield base


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"view-{name}.png"))


@pytest.mark.parametrize("name", list(VIEWS))
def test_real_view_draws_offline_without_errors(page, server, name):
    open_view(page, server, VIEWS[name])
    assert canvas_is_drawn(page)
    assert "(0)" not in page.evaluate(
        "window.__network.body.data.nodes.get().map(n => n.label).join('|')"
    )
    shot(page, name)
    assert page.problems == {"console": [], "dialogs": [], "outside": []}


def test_real_alignment_filters_by_the_province_select(page, server):
    open_view(page, server, VIEWS["alignment"])
    places = (
        "() => [...new Set(window.__network.body.data.nodes.get()"
        ".filter(n => n.label.includes(': ')).map(n => n.label.split(': ')[0]))].sort()"
    )
    assert len(page.evaluate(places)) > 1
    with page.expect_navigation():
        page.select_option("#province", "binh-duong")
    page.wait_for_function("window.__viewReady === true", timeout=15_000)
    assert page.evaluate(places) == ["Bình Dương"]
    assert page.text_content("h1") == "Đối chiếu chỉ tiêu: Bình Dương"
    legend = page.text_content("#legend")
    assert "mạnh hơn" in legend and "khác mốc thời gian" in legend
    assert page.problems == {"console": [], "dialogs": [], "outside": []}


def test_real_tasks_unfold_under_57_nq_tw_on_click(page, server):
    open_view(page, server, VIEWS["dependencies"])
    group = ROOT + "#tasks"
    hidden = f"""() => window.__network.body.data.nodes.get()
        .filter(n => n.fold === '{group}' && n.hidden).length"""
    folded = page.evaluate(hidden)
    assert folded > 0
    box = screen_point(page, group)
    page.mouse.click(box["x"], box["y"])
    assert page.evaluate(hidden) == 0
    assert page.evaluate(f"window.__network.body.data.nodes.get('{group}').label").startswith("▾")
    page.evaluate("window.__network.fit({animation: false})")
    shot(page, "dependencies-open")
    assert page.problems == {"console": [], "dialogs": [], "outside": []}
