"""Each query worker has a memory ceiling: a hog gets a clean 503, the worker is replaced, and a
client looping such queries is made to wait while other clients are served."""

from __future__ import annotations

import threading
import time

import psutil
import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.settings import Settings
from graph_api.store import OxigraphStore

# Sorting a cross product of the store with itself: memory grows until something stops it.
HOG = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
CEILING_MB = 300


@pytest.fixture
def app(sample_store_dir):
    settings = Settings(
        query_workers=2, query_timeout=15.0, worker_memory_mb=CEILING_MB, max_rows=50
    )
    app = create_app(settings, OxigraphStore(sample_store_dir))
    with TestClient(app):  # runs the lifespan: the pool is closed on exit
        yield app


def _workers(app) -> list[psutil.Process]:
    return [psutil.Process(w.process.pid) for w in app.state.store.pool._all]


def test_hog_query_gets_503_at_the_ceiling_and_the_next_query_is_answered(app):
    client = TestClient(app, client=("127.0.0.5", 40000))
    before = {p.pid for p in _workers(app)}
    started = time.monotonic()
    response = client.get("/sparql", params={"query": HOG})
    seconds = time.monotonic() - started
    assert response.status_code == 503
    body = response.json()
    assert body["error"] == "MemoryCeilingExceeded"
    assert f"memory ceiling of {CEILING_MB} MB" in body["message"]  # English
    assert f"giới hạn bộ nhớ {CEILING_MB} MB" in body["message"]  # and Vietnamese
    assert seconds < 15  # stopped by the ceiling, not by the time limit
    answer = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert answer.status_code == 200 and answer.json()["boolean"] is True
    deadline = time.monotonic() + 15  # the killed worker's successor starts in the background
    while len(after := _workers(app)) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert before - {p.pid for p in after}  # a worker was replaced
    assert len(after) == 3  # two workers and the standby again
    assert all(p.memory_info().rss < CEILING_MB * 2**20 for p in after)


def test_a_client_looping_hogs_is_backed_off_while_another_is_served(app):
    hog = TestClient(app, client=("127.0.0.6", 40000))
    other = TestClient(app, client=("127.0.0.7", 40000))
    statuses = [hog.get("/sparql", params={"query": HOG}).json()["error"] for _ in range(2)]
    assert statuses == ["MemoryCeilingExceeded", "MemoryCeilingExceeded"]
    refused = hog.get("/sparql", params={"query": HOG})  # refused before it reaches a worker
    assert refused.status_code == 503
    assert "ended a query worker 2 times in a row; retry in" in refused.json()["message"]
    answers = [other.get("/sparql", params={"query": "ASK {}"}) for _ in range(5)]
    assert [a.status_code for a in answers] == [200] * 5


def test_a_worker_that_dies_mid_query_gives_a_clean_503(app):
    """SIGKILL (what the kernel's OOM killer sends) to the worker running a query."""
    pool = app.state.store.pool
    client = TestClient(app, client=("127.0.0.8", 40000))
    outcome: dict[str, object] = {}
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    # The serving index loads in the background at start-up on a worker of the same pool; wait
    # for it, so that the only busy worker below is the one running the runaway query.
    app.state.serving_index.prepared()

    def run() -> None:
        outcome["response"] = client.get("/sparql", params={"query": runaway})

    thread = threading.Thread(target=run)
    thread.start()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        spare = {id(w) for w in list(pool._idle.queue) + list(pool._standby.queue)}
        busy = [w for w in pool._all if id(w) not in spare]
        if busy:
            break
        time.sleep(0.05)
    time.sleep(0.3)
    busy[0].process.kill()
    thread.join(20)
    response = outcome["response"]
    assert response.status_code == 503
    assert response.json()["error"] == "WorkerEnded"
    assert "died while running the query (signal 9)" in response.json()["message"]
    other = TestClient(app, client=("127.0.0.9", 40000))
    assert other.get("/sparql", params={"query": "ASK {}"}).status_code == 200
