"""A server killed in the middle of a query restarts on the same store and answers."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx

from bench.server import Server
from ontology.releases import current_store_path

HEAVY = (Path(__file__).parent / "heavy.rq").read_text(encoding="utf-8")
COUNT_TASKS = "SELECT (COUNT(*) AS ?n) WHERE { ?t a <https://w3id.org/policygraph/ontology#Task> }"


def count_tasks(url: str) -> int:
    response = httpx.get(
        url + "/sparql",
        params={"query": COUNT_TASKS},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    response.raise_for_status()
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_sigkill_during_a_query_then_restart_answers(data_dir, tmp_path):
    store = current_store_path(data_dir / "build")
    outcome: dict[str, object] = {}
    with Server(store=store, timeout=30, log=tmp_path / "first.log") as first:
        before = count_tasks(first.url)
        tasks_before = httpx.get(first.url + "/api/tasks", params={"limit": 5}, timeout=30).json()

        def heavy() -> None:
            try:
                outcome["response"] = httpx.get(
                    first.url + "/sparql", params={"query": HEAVY}, timeout=60
                )
            except httpx.HTTPError as error:
                outcome["error"] = error

        worker = threading.Thread(target=heavy)
        worker.start()
        time.sleep(1.0)  # the query is running in a worker process now
        assert "response" not in outcome
        first.kill()
        worker.join(timeout=30)
    assert isinstance(outcome.get("error"), httpx.HTTPError)  # the client saw the connection drop
    with Server(store=store, timeout=30, log=tmp_path / "second.log") as second:
        assert count_tasks(second.url) == before > 0
        again = httpx.get(second.url + "/api/tasks", params={"limit": 5}, timeout=30).json()
        assert again == tasks_before
