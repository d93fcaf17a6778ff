"""Issue 15 item 4: ``serve`` does not wait for its query workers before answering.

``serving_store(..., wait=False)`` starts one worker and returns; the others start once it is
ready. User SPARQL sent meanwhile waits for the first ready worker and is answered; a worker
that cannot open the store makes such a query fail with the pool's own message, never hang.
"""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox
import pytest

from graph_api.errors import StoreUnavailable
from graph_api.executor import PooledStore
from graph_api.serving_pool import serving_store
from graph_api.settings import Settings
from graph_api.store import OxigraphStore, StoreRecipe

PLACES = Path(__file__).resolve().parents[2] / "data" / "curated" / "places.ttl"
COUNT = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <https://w3id.org/policygraph/ontology#Province> }"  # noqa: E501


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    """The curated places on disk, as a store a worker opens."""
    folder = tmp_path_factory.mktemp("pool-start") / "store"
    store = ox.Store(str(folder))
    store.bulk_load(path=str(PLACES), format=ox.RdfFormat.TURTLE)
    store.flush()
    del store
    return folder


def provinces(output) -> int:
    return int(json.loads(output.body)["results"]["bindings"][0]["n"]["value"])


def test_a_pool_started_without_waiting_answers_and_fills_up(store_dir):
    settings = dataclasses.replace(Settings.from_env(), query_workers=2, query_timeout=60.0)
    store = OxigraphStore(store_dir)
    expected = provinces(store.query(COUNT))
    assert expected > 30  # the real provinces
    serving = serving_store(settings, store, wait=False)
    try:
        assert isinstance(serving, PooledStore)
        assert provinces(serving.query(COUNT)) == expected  # waited for the first worker
        deadline = time.monotonic() + 60
        while serving.pool.ready < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert serving.pool.ready == 2  # the second one started after the first
        assert serving.scheduler.capacity == 2
        assert provinces(serving.query(COUNT)) == expected
    finally:
        serving.pool.close()
        store.close()


def test_workers_that_cannot_open_the_store_fail_queries_with_a_message(tmp_path):
    settings = dataclasses.replace(Settings.from_env(), query_workers=1, query_timeout=3.0)
    missing = StoreRecipe(path=str(tmp_path / "no-store-here"))
    serving = serving_store(settings, SimpleNamespace(recipe=lambda: missing), wait=False)
    try:
        with pytest.raises(StoreUnavailable, match="busy"):
            serving.query(COUNT)
        assert serving.pool.ready == 0
    finally:
        serving.pool.close()
