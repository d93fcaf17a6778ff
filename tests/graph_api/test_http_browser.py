"""The pages in real headless Chromium under their Content-Security-Policy: /docs and /redoc
render from the package's assets with no request off 127.0.0.1, and no page's own scripts are
blocked by the policy (a blocked script is a console error)."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import sync_playwright

from graph_api.app import create_app
from graph_api.settings import Settings
from tests.live import CHROMIUM, CHROMIUM_ARGS, serve_in_thread

pytestmark = pytest.mark.browser

# path → a selector that only appears once the page's scripts have run
PAGES = {
    "/docs": ".swagger-ui .opblock",
    "/redoc": "[data-section-id]",
    "/": "#q",
    "/sparql": "#yasgui .yasqe",
    "/views/agencies": "#graph canvas",
}


# A console error for a fetch the policy refused; the URL is the thing refused.
REFUSED = re.compile(r"^(?:Loading|Connecting to) the \w+ '([^']+)' violates")


@pytest.fixture(scope="module")
def server(sample_store):
    with serve_in_thread(create_app(Settings(query_workers=0), sample_store)) as base:
        yield base


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    profile = tmp_path_factory.mktemp("profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield context
        context.close()


@pytest.mark.parametrize(("path", "rendered"), PAGES.items())
def test_page_renders_offline_under_its_policy(server, browser, path, rendered):
    problems: list[str] = []
    outside: list[str] = []
    page = browser.new_page()

    def guard(route):
        if urlparse(route.request.url).hostname not in ("127.0.0.1", None):
            outside.append(route.request.url)
            return route.abort()
        return route.continue_()

    page.route("**/*", guard)
    refused_outside: list[str] = []  # ReDoc's footer logo (cdn.redoc.ly): the policy stops it

    def console(message) -> None:
        if message.type != "error":
            return
        refused = REFUSED.match(message.text)
        if refused and urlparse(refused[1]).hostname != "127.0.0.1":
            refused_outside.append(refused[1])
        else:
            problems.append(message.text)

    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    response = page.goto(server + path, wait_until="load")
    assert response.status == 200
    assert "default-src" in response.headers["content-security-policy"]
    page.wait_for_selector(rendered, state="attached", timeout=15_000)
    page.close()
    assert outside == []  # nothing reached the network beyond 127.0.0.1
    assert problems == []  # and none of the page's own scripts or assets was refused
    assert all(url.startswith("https://cdn.redoc.ly/") for url in refused_outside)
