"""Fixtures for the view tests: a small hand-made graph (quotes from the real corpus), and a
headless Chromium whose pages record console errors and requests leaving 127.0.0.1."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pyoxigraph as ox
import pytest
from playwright.sync_api import sync_playwright

from graph_api.routes.views import store_fetch
from graph_api.store import OxigraphStore
from tests.live import CHROMIUM, CHROMIUM_ARGS

SMALL_GRAPH = Path(__file__).parent / "small_graph.trig"
ID = "https://w3id.org/policygraph/id/"


def load_small_graph(store: ox.Store) -> ox.Store:
    store.load(path=str(SMALL_GRAPH), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="session")
def small_store() -> OxigraphStore:
    return OxigraphStore.from_store(load_small_graph(ox.Store()))


@pytest.fixture(scope="session")
def fetch(small_store):
    return store_fetch(small_store)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 800},
        )
        yield context
        context.close()


@pytest.fixture
def page(browser):
    """A page that records console errors, dialogs and every request not to 127.0.0.1."""
    page = browser.new_page()
    page.problems = {"console": [], "dialogs": [], "outside": []}

    def guard(route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith("http") and host != "127.0.0.1":
            page.problems["outside"].append(route.request.url)
            return route.abort()
        return route.continue_()

    page.route("**/*", guard)
    page.on(
        "console",
        lambda m: m.type == "error" and page.problems["console"].append(m.text),
    )
    page.on("pageerror", lambda e: page.problems["console"].append(str(e)))

    def on_dialog(dialog):
        page.problems["dialogs"].append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    page.close()
