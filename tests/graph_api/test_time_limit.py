"""Runaway queries are stopped at the time limit in worker processes; others keep being served."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

CONFORMANCE = Path(__file__).resolve().parents[3] / "shared" / "conformance"
CROSS_PRODUCT = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# The same cross product, but the engine must finish it before answering (no row cap can help).
COUNT_CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_runaway_query_is_stopped_while_another_client_is_answered(pooled_client):
    outcome: dict[str, object] = {}

    def run_slow() -> None:
        started = time.monotonic()
        response = pooled_client.post(
            "/sparql",
            content=COUNT_CROSS_PRODUCT.encode(),
            headers={"Content-Type": "application/sparql-query"},
        )
        outcome["slow"] = (response.status_code, response.json(), time.monotonic() - started)

    slow = threading.Thread(target=run_slow)
    slow.start()
    time.sleep(0.3)
    started = time.monotonic()
    quick = pooled_client.get("/api/agencies/bo-khcn")
    quick_seconds = time.monotonic() - started
    slow.join(timeout=30)
    status, body, seconds = outcome["slow"]
    assert quick.status_code == 200 and quick.json()["label"] == "Bộ Khoa học và Công nghệ"
    assert quick_seconds < 1.5
    assert status == 503
    assert body["error"] == "QueryTimeout" and "time limit" in body["message"]
    assert 1.9 < seconds < 6
    # the killed worker is replaced: the pool answers again at full size
    time.sleep(1.5)
    answers = [pooled_client.get("/sparql", params={"query": "ASK {}"}) for _ in range(4)]
    assert all(r.status_code == 200 for r in answers)


def test_blocking_probe_against_live_server(live_server):
    """The conformance folder's probe: ASK stays fast while a slow query runs, which is stopped."""
    result = subprocess.run(
        [
            sys.executable,
            str(CONFORMANCE / "blocking_probe.py"),
            live_server.sparql,
            "--size",
            "3000",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=CONFORMANCE,
    )
    lines = dict(line.split(": ", 1) for line in result.stdout.strip().splitlines())
    during = float(lines["ASK while slow query runs"].rstrip("s"))
    slow = lines[next(key for key in lines if key.startswith("slow query"))]
    assert during < 1.0
    assert "HTTP 503" in slow


def test_cross_product_select_ends_promptly_at_the_row_cap(pooled_client):
    started = time.monotonic()
    response = pooled_client.get("/sparql", params={"query": CROSS_PRODUCT})
    assert time.monotonic() - started < 2.0
    assert response.status_code == 200
    assert len(response.json()["results"]["bindings"]) == 50
    assert response.headers["x-result-truncated"] == "true; max-rows=50"


def test_literal_cross_product_is_stopped_at_the_time_limit_when_no_row_cap_helps(
    sample_store_dir,
):
    """Issue 4's acceptance query, with the row cap raised out of the way: killed at the limit
    (503) while another client is answered."""
    from fastapi.testclient import TestClient

    from graph_api.app import create_app
    from graph_api.settings import Settings
    from graph_api.store import OxigraphStore

    settings = Settings(query_workers=2, query_timeout=2.0, max_rows=10**12)
    with TestClient(create_app(settings, OxigraphStore(sample_store_dir))) as client:
        outcome: dict[str, object] = {}

        def run_slow() -> None:
            started = time.monotonic()
            response = client.get("/sparql", params={"query": CROSS_PRODUCT})
            outcome["slow"] = (response.status_code, response.json(), time.monotonic() - started)

        slow = threading.Thread(target=run_slow)
        slow.start()
        time.sleep(0.3)
        quick = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
        slow.join(timeout=30)
        status, body, seconds = outcome["slow"]
        assert quick.status_code == 200 and quick.json()["boolean"] is True
        assert status == 503 and body["error"] == "QueryTimeout"
        assert 1.9 < seconds < 6
