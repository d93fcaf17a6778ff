"""Each view in headless Chromium from a live server on 127.0.0.1 (Playwright, Debian chromium).

Checks: no console errors, no request leaving 127.0.0.1, the drawing completes, the canvas is
not blank, search focuses a node, a click reaches the entity page, the XSS label stays text.
The screenshots of the real build are taken by test_views_real_browser.py.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph_api.app import create_app
from graph_api.routes import views as views_routes
from graph_api.settings import Settings
from graph_api.store import OxigraphStore
from tests.live import serve_in_thread
from tests.viz.conftest import load_small_graph

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "data" / "build" / "screenshots"
VIEWS = {
    "dependencies": "/views/dependencies",
    "dependencies-up": "/views/dependencies?root=task/000_a3683a6493bfc795-1&direction=up",
    "agency": "/views/agency/bo-khcn",
    "agencies": "/views/agencies",
    "alignment": "/views/alignment?lang=en",
}


@pytest.fixture(scope="module")
def server():
    store = OxigraphStore.from_store(load_small_graph(ox.Store()))  # the app closes it at exit
    app = create_app(Settings(query_workers=0), store)
    app.include_router(views_routes.router)

    with serve_in_thread(app) as base:
        yield base


def open_view(page, server, path):
    page.goto(server + path)
    page.wait_for_function("window.__viewReady === true", timeout=15_000)


def canvas_is_drawn(page) -> bool:
    """The canvas holds more than one colour: something was drawn."""
    return page.evaluate(
        """() => {
        const canvas = document.querySelector('#graph canvas');
        const ctx = canvas.getContext('2d');
        const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        const seen = new Set();
        for (let i = 0; i < pixels.length; i += 4 * 97) {
            seen.add(pixels[i] + ',' + pixels[i + 1] + ',' + pixels[i + 2] + ',' + pixels[i + 3]);
            if (seen.size > 3) return true;
        }
        return false;
    }"""
    )


@pytest.mark.parametrize("name", list(VIEWS))
def test_view_draws_offline_without_errors(page, server, name):
    open_view(page, server, VIEWS[name])
    assert canvas_is_drawn(page)
    assert page.problems == {"console": [], "dialogs": [], "outside": []}


def test_search_focuses_the_node(page, server):
    open_view(page, server, VIEWS["dependencies"])
    before = page.evaluate("window.__network.getViewPosition()")
    page.fill("#search-input", "binh dinh")  # folded: matches "Bình Định"
    page.press("#search-input", "Enter")
    selected = page.evaluate("window.__network.getSelectedNodes()")
    assert selected == ["https://w3id.org/policygraph/id/document/da-stem-binh-dinh"]
    after = page.evaluate("window.__network.getViewPosition()")
    target = page.evaluate(f"window.__network.getPositions(['{selected[0]}'])['{selected[0]}']")
    assert after != before
    assert abs(after["x"] - target["x"]) < 1 and abs(after["y"] - target["y"]) < 1
    assert page.text_content("#search-status") == "1/1"


def screen_point(page, node: str) -> dict:
    """Where ``node`` is on the screen, after centring the view on it."""
    page.evaluate(f"window.__network.focus('{node}', {{scale: 1.5, animation: false}})")
    return page.evaluate(
        f"""() => {{
        const p = window.__network.getPositions(['{node}'])['{node}'];
        const dom = window.__network.canvasToDOM(p);
        const rect = document.querySelector('#graph').getBoundingClientRect();
        return {{x: rect.left + dom.x, y: rect.top + dom.y}};
    }}"""
    )


def test_click_on_a_node_opens_its_entity_page(page, server):
    open_view(page, server, VIEWS["dependencies"])
    box = screen_point(page, "https://w3id.org/policygraph/id/document/03-ncp-2025")
    with page.expect_navigation():
        page.mouse.click(box["x"], box["y"])
    assert page.url == server + "/id/document/03-ncp-2025"
    assert "03/NQ-CP" in page.text_content("body")  # the API's entity page for the document


def test_xss_label_is_text_and_runs_nothing(page, server):
    open_view(page, server, VIEWS["agencies"])
    probe = "https://w3id.org/policygraph/id/agency/xss-probe"
    label = page.evaluate(f"window.__network.body.data.nodes.get('{probe}').label")
    assert label.startswith("<img src=x")  # shortened on the canvas, whole in the tooltip
    assert page.locator("img").count() == 0
    page.fill("#search-input", "onerror")
    page.press("#search-input", "Enter")
    position = page.evaluate(f"window.__network.getPositions(['{probe}'])['{probe}']")
    dom = page.evaluate(f"window.__network.canvasToDOM({position})".replace("'", '"'))
    rect = page.evaluate("document.querySelector('#graph').getBoundingClientRect().toJSON()")
    page.mouse.move(rect["x"] + dom["x"], rect["y"] + dom["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    tooltip = page.text_content("div.vis-tooltip")
    assert "<img src=x onerror=alert(1)>" in tooltip
    assert page.locator("div.vis-tooltip img").count() == 0
    assert page.problems["dialogs"] == []


def test_alignment_province_select_filters_the_view(page, server):
    open_view(page, server, "/views/alignment")
    provincial = (
        "() => window.__network.body.data.nodes.get()"
        ".filter(n => n.label.includes(':')).map(n => n.label).sort()"
    )
    assert page.evaluate(provincial) == ["Bình Dương: ≥ 30 % (2030)", "Bình Định: ≥ 20 % (2030)"]
    with page.expect_navigation():
        page.select_option("#province", "binh-dinh")  # the select submits its form on change
    page.wait_for_function("window.__viewReady === true", timeout=15_000)
    assert "province=binh-dinh" in page.url
    assert page.evaluate(provincial) == ["Bình Định: ≥ 20 % (2030)"]
    assert page.text_content("h1") == "Đối chiếu chỉ tiêu: Bình Định"
    assert page.problems == {"console": [], "dialogs": [], "outside": []}


def test_tasks_unfold_under_their_document_on_click(page, server):
    open_view(page, server, VIEWS["dependencies"])
    programme = "https://w3id.org/policygraph/id/document/03-ncp-2025"
    group, plan = (
        programme + "#tasks",
        "https://w3id.org/policygraph/id/document/kh-nq57-binh-duong",
    )
    task = "https://w3id.org/policygraph/id/task/nq03-ncp-2025-phu-luc-2-nhiem-vu-5"
    state = f"""() => {{
        const nodes = window.__network.body.data.nodes;
        const at = window.__network.getPositions(['{plan}', '{task}']);
        return {{hidden: nodes.get('{task}').hidden, label: nodes.get('{group}').label,
                 plan: at['{plan}'].y, task: at['{task}'].y}};
    }}"""
    before = page.evaluate(state)
    assert before["hidden"] is True and before["label"] == "▸ 3 nhiệm vụ"
    box = screen_point(page, group)
    page.mouse.click(box["x"], box["y"])
    opened = page.evaluate(state)
    assert opened["hidden"] is False and opened["label"] == "▾ 3 nhiệm vụ"
    assert (
        opened["plan"]
        > opened["task"]
        > page.evaluate(f"window.__network.getPositions(['{group}'])['{group}'].y")
    )  # the column sits under its group; the provincial plan moved below it
    assert page.url.endswith(VIEWS["dependencies"])  # a group toggles, it does not navigate
    box = screen_point(page, group)
    page.mouse.click(box["x"], box["y"])
    assert page.evaluate(state) == before  # closed again: back where Python put everything
    assert page.problems == {"console": [], "dialogs": [], "outside": []}


def test_search_unfolds_a_folded_task(page, server):
    open_view(page, server, VIEWS["dependencies"])
    task = "https://w3id.org/policygraph/id/task/nq03-ncp-2025-phu-luc-2-nhiem-vu-5"
    assert page.evaluate(f"window.__network.body.data.nodes.get('{task}').hidden") is True
    page.fill("#search-input", "muc do hoan thanh")  # task 5, folded under 03/NQ-CP
    page.press("#search-input", "Enter")
    assert page.evaluate("window.__network.getSelectedNodes()") == [task]
    assert page.evaluate(f"window.__network.body.data.nodes.get('{task}').hidden") is False
    assert page.problems == {"console": [], "dialogs": [], "outside": []}
