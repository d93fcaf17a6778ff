"""Fixtures for the view tests: a small hand-made graph (quotes from the real corpus)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph_api.routes.views import store_fetch
from graph_api.store import OxigraphStore

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
