"""The /views pages and previews kept per release give the bytes a fresh drawing gives, and a
new release draws them again (graph_api.view_cache)."""

from __future__ import annotations

import asyncio

import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.settings import Settings
from graph_api.view_cache import ViewCache

URLS = [
    "/views/dependencies",
    "/views/dependencies?lang=en",
    "/views/dependencies/preview.svg?root=document/03-ncp-2025",
    "/views/agencies",
    "/views/agency/bo-khcn?lang=en",
    "/views/agency/bo-khcn/preview.svg",
    "/views/alignment",
    "/views/alignment?province=binh-duong",
    "/views/alignment/preview.svg?province=binh-duong",
]


@pytest.fixture(scope="module")
def clients(built_oxigraph):
    """The same real build served twice: drawing every time, and keeping the bodies."""
    drawing = create_app(Settings(query_workers=0, view_cache_entries=0), built_oxigraph)
    keeping = create_app(Settings(query_workers=0), built_oxigraph)
    with TestClient(drawing) as fresh, TestClient(keeping) as kept:
        yield fresh, kept


@pytest.mark.parametrize("url", URLS)
def test_kept_body_is_the_drawn_one(clients, url):
    fresh, kept = clients
    drawn = fresh.get(url)
    assert drawn.status_code == 200, drawn.text[:300]
    first, second = kept.get(url), kept.get(url)
    assert first.content == drawn.content == second.content
    assert first.headers["content-type"] == drawn.headers["content-type"]


def test_bodies_are_kept_once_per_request_and_errors_not_at_all(clients):
    _, kept = clients
    for url in URLS[:3]:
        kept.get(url)
    cache = kept.app.state.view_cache
    size = len(cache._bodies)
    assert size >= 3
    assert kept.get("/views/agency/no-such-agency").status_code == 404
    assert kept.get(URLS[0]).status_code == 200
    assert len(cache._bodies) == size and not cache._locks


def test_new_release_draws_again_and_the_oldest_body_goes_first():
    drawn: list[str] = []

    def drawer(text: str):
        async def draw() -> str:
            drawn.append(text)
            return text

        return draw

    async def run() -> list[str]:
        cache = ViewCache(entries=2)
        bodies = [
            await cache.get("a", "r1", drawer("a1")),
            await cache.get("a", "r1", drawer("never")),
            await cache.get("b", "r1", drawer("b1")),
            await cache.get("c", "r1", drawer("c1")),  # over 2: "a" goes
            await cache.get("a", "r1", drawer("a2")),
            await cache.get("c", "r2", drawer("c2")),  # a rebuild: drawn again
        ]
        both = await asyncio.gather(*(cache.get("d", "r2", drawer("d")) for _ in range(3)))
        return bodies + list(both)

    assert asyncio.run(run()) == ["a1", "a1", "b1", "c1", "a2", "c2", "d", "d", "d"]
    assert drawn == ["a1", "b1", "c1", "a2", "c2", "d"]


def test_build_draws_the_default_pages_into_the_serving_index(clients, built_oxigraph):
    from graph_api.serving_index import read, store_folder

    fresh, kept = clients
    built = read(store_folder(built_oxigraph)).audits["views"]
    assert len(built) == 6  # dependencies, agencies, alignment; vi and en
    for url in ("/views/dependencies", "/views/agencies?lang=en", "/views/alignment"):
        assert kept.get(url).text == fresh.get(url).text
        assert kept.get(url).text in built.values()
