"""The front door as a user walks it: real Chromium (Debian's, through Playwright) against the
app served by uvicorn on 127.0.0.1 over the real build of data/ (tests/conftest.py).

Each journey starts at ``/`` and counts its clicks; every page must load without a console error
and without a request leaving 127.0.0.1. Screenshots go to data/build/screenshots/page-*.png
(git-ignored; ``make screenshots`` copies them to docs/img).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from graph_api.app import create_app
from graph_api.settings import Settings
from tests.live import serve_in_thread

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "data" / "build" / "screenshots"
MAX_ROWS = 500  # small enough that the editor's truncation warning can be shown


@pytest.fixture(scope="module")
def server(built_oxigraph):
    settings = Settings(query_workers=0, max_rows=MAX_ROWS, data_dir=ROOT / "data")
    app = create_app(settings, built_oxigraph)

    @app.middleware("http")
    async def strict_policy(request, call_next):
        """The pages must work under the strictest policy the app may send: scripts and styles
        from this server only, nothing inline (a refused inline style is a console error)."""
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", "default-src 'self'")
        return response

    with serve_in_thread(app) as base:
        yield base


class Visit:
    """One fresh Chromium context: console errors and requests off 127.0.0.1 are recorded."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.problems: list[str] = []
        self.outside: list[str] = []
        self.clicks = 0
        page.route("**/*", self._guard)
        page.on("console", lambda m: m.type == "error" and self.problems.append(m.text))
        page.on("pageerror", lambda error: self.problems.append(str(error)))

    def _guard(self, route) -> None:
        if urlparse(route.request.url).hostname not in ("127.0.0.1", None):
            self.outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    def click(self, locator) -> None:
        self.clicks += 1
        locator.click()
        self.page.wait_for_load_state("load")

    def shot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        # the diagram previews load lazily: bring them into view so the full-page shot has them
        for image in self.page.locator("img[loading=lazy]").all():
            image.scroll_into_view_if_needed()
        self.page.wait_for_load_state("networkidle")
        self.page.screenshot(path=str(SCREENSHOTS / f"page-{name}.png"), full_page=True)


@pytest.fixture
def visit(chromium):
    context = chromium.new_context()  # a fresh profile for each journey, one browser per module
    yield Visit(context.new_page())
    context.close()


def test_who_holds_task_52_today_from_the_front_door(server, visit):
    page = visit.page
    page.goto(f"{server}/", wait_until="load")
    expect(page.locator("nav")).to_contain_text("Đối chiếu mục tiêu")
    visit.shot("home")
    page.fill("input[name=q]", "hạ tầng năng lượng")
    page.press("input[name=q]", "Enter")
    page.wait_for_load_state("load")
    visit.click(page.get_by_role("link", name="03/NQ-CP, Phụ lục II, nhiệm vụ 52"))
    expect(page.locator("h1")).to_have_text("03/NQ-CP, Phụ lục II, nhiệm vụ 52")
    holders = page.locator("#holders")
    expect(holders).to_contain_text("Đơn vị phụ trách hiện nay")
    # Bộ TN&MT merged into Bộ Nông nghiệp và Môi trường, Bộ GTVT into Bộ Xây dựng (2025-03-01)
    expect(holders.locator("tr", has_text="Bộ Tài nguyên và Môi trường")).to_contain_text(
        "Bộ Nông nghiệp và Môi trường"
    )
    expect(holders.locator("tr", has_text="Bộ Giao thông vận tải")).to_contain_text("Bộ Xây dựng")
    expect(page.locator("figure.quote mark")).to_contain_text("hạ tầng năng lượng")
    assert "pg:" not in page.content()
    visit.shot("task")
    assert visit.clicks <= 3
    assert visit.problems == [] and visit.outside == []


def test_binh_duong_department_and_its_tasks(server, visit):
    page = visit.page
    page.goto(f"{server}/", wait_until="load")
    page.fill("input[name=q]", "so khcn binh duong")
    page.press("input[name=q]", "Enter")
    page.wait_for_load_state("load")
    first = page.locator("#hits li").first
    expect(first).to_contain_text("Cơ quan")
    visit.click(first.locator("a"))
    expect(page.locator("h1")).to_have_text("Sở Khoa học và Công nghệ tỉnh Bình Dương")
    led = page.locator("#table-led tbody tr")
    assert led.count() >= 2
    expect(page.locator("#tasks-led")).to_contain_text("Nhiệm vụ chủ trì")
    expect(page.locator(".facts")).to_contain_text("Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh")
    page.fill("input.filter[data-table=table-led]", "khong co chu nay")  # filter hides every row
    expect(page.locator("#table-led tbody tr:visible")).to_have_count(0)
    page.fill("input.filter[data-table=table-led]", "")
    visit.shot("agency")
    assert visit.clicks <= 3
    assert visit.problems == [] and visit.outside == []


def test_search_says_when_nothing_is_found_and_english_is_a_click_away(server, visit):
    page = visit.page
    page.goto(f"{server}/search?q=xyzzy+khong+ton+tai", wait_until="load")
    expect(page.locator("#empty")).to_contain_text("Không tìm thấy kết quả nào cho")
    visit.click(page.locator("a.lang"))
    expect(page.locator("#empty")).to_contain_text("Nothing found for")
    assert visit.problems == [] and visit.outside == []


def test_sparql_editor_runs_an_example_and_warns_of_truncation(server, visit):
    page = visit.page
    page.goto(f"{server}/sparql", wait_until="load")
    expect(page.locator(".yasqe .CodeMirror")).to_be_visible()
    page.click("button[data-example=example_task_owners]")
    editor_text = page.locator(".yasqe .CodeMirror").inner_text()
    assert "PREFIX pg:" in editor_text
    page.click(".yasqe_queryButton")
    expect(page.locator(".yasr .dataTable tbody tr").first).to_be_visible(timeout=20_000)
    expect(page.locator("#truncated")).to_be_hidden()
    page.evaluate(
        "() => document.querySelector('.yasqe .CodeMirror').CodeMirror"
        ".setValue('SELECT ?s ?p ?o WHERE { ?s ?p ?o }')"
    )
    page.click(".yasqe_queryButton")
    expect(page.locator("#truncated")).to_be_visible(timeout=20_000)
    expect(page.locator("#truncated")).to_contain_text(str(MAX_ROWS))
    visit.shot("sparql")
    assert visit.problems == [] and visit.outside == []


def test_what_implements_57_nq_tw_is_one_click_from_the_front_door(server, visit):
    page = visit.page
    page.goto(f"{server}/", wait_until="load")
    visit.click(page.get_by_role("link", name="Những văn bản nào triển khai Nghị quyết 57-NQ/TW?"))
    expect(page.locator("h1")).to_contain_text("57-NQ/TW — Nghị quyết về đột phá")
    tree = page.locator("#implemented-by")
    expect(tree).to_contain_text("03/NQ-CP")
    expect(tree.locator("ul.tree ul.tree").first).to_be_visible()  # parts nested under a document
    visit.shot("document")
    assert visit.clicks <= 3
    assert visit.problems == [] and visit.outside == []
