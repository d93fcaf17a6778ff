"""The error page as a user meets it: real Chromium against uvicorn on 127.0.0.1 over the real
build. A mistyped agency address shows the Vietnamese page, and its first "Có phải bạn muốn
tìm" link leads to the agency meant."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect, sync_playwright

from graph_api.app import create_app
from graph_api.settings import Settings
from tests.live import CHROMIUM, CHROMIUM_ARGS, serve_in_thread

pytestmark = pytest.mark.browser
STATUS_404 = "the server responded with a status of 404"  # Chromium's note on the page itself


@pytest.fixture(scope="module")
def server(built_oxigraph):
    with serve_in_thread(create_app(Settings(query_workers=0), built_oxigraph)) as base:
        yield base


def test_a_mistyped_agency_page_leads_to_the_agency(server, tmp_path):
    problems: list[str] = []
    outside: list[str] = []

    def guard(route) -> None:
        if urlparse(route.request.url).hostname not in ("127.0.0.1", None):
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        page = context.new_page()
        page.route("**/*", guard)
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        page.on("pageerror", lambda error: problems.append(str(error)))
        response = page.goto(f"{server}/id/agency/so-khcn-binh-duon")
        assert response.status == 404
        expect(page.locator("h1")).to_have_text("Không tìm thấy cơ quan")
        expect(page.locator("nav")).to_contain_text("Tỉnh/thành")
        first = page.locator("#suggestions a").first
        expect(first).to_have_text("Sở Khoa học và Công nghệ tỉnh Bình Dương")
        first.click()
        page.wait_for_load_state("load")
        assert page.url == f"{server}/id/agency/so-khcn-binh-duong"
        expect(page.locator("h1")).to_have_text("Sở Khoa học và Công nghệ tỉnh Bình Dương")
        context.close()
    assert [p for p in problems if STATUS_404 not in p] == [] and outside == []
