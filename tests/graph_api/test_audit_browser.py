"""The coverage matrix in headless Chromium (Debian's, through Playwright) from a live server."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import sync_playwright

from graph_api.app import create_app
from graph_api.routes import audit as audit_routes
from graph_api.settings import Settings
from tests.graph_api.test_audit_alignment import audit_store
from tests.live import CHROMIUM, CHROMIUM_ARGS, serve_in_thread

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server():
    app = create_app(Settings(query_workers=0), audit_store())
    app.include_router(audit_routes.router)
    with serve_in_thread(app) as base:
        yield base


def test_coverage_matrix_opens_without_console_errors(server, tmp_path):
    problems: list[str] = []
    outside: list[str] = []
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        page = context.new_page()

        def guard(route):
            if urlparse(route.request.url).hostname not in ("127.0.0.1", None):
                outside.append(route.request.url)
                return route.abort()
            return route.continue_()

        page.route("**/*", guard)
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        page.on("pageerror", lambda error: problems.append(str(error)))
        response = page.goto(f"{server}/audit/coverage", wait_until="load")
        assert response.status == 200
        rows = page.locator("#matrix tbody tr")
        assert rows.count() == 2
        weaker = page.locator("td.cell", has_text="weaker")
        assert weaker.count() == 1
        colour = weaker.evaluate("cell => getComputedStyle(cell).backgroundColor")
        assert colour == "rgb(214, 96, 77)"
        weaker.locator("a").click()  # jumps to the finding with both quotes
        finding = page.locator("#findings li:target")
        assert "trên 55%" in finding.inner_text() and "trên 50% (năm 2030)" in finding.inner_text()
        page.screenshot(path=str(tmp_path / "coverage.png"), full_page=True)
        context.close()
    assert problems == [] and outside == []
