"""The costly answers (/api/stats, /api/audit/ownership, /views/agencies) run their queries in
the query workers under the query time limit, not unbounded in the serving process."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.settings import Settings
from graph_api.store import OxigraphStore

COSTLY = ["/api/stats", "/api/audit/ownership?on=2026-01-01", "/views/agencies"]
# /api/stats reads the build's counts where there is a build report; the time-out case covers the
# two answers that read every assignment or agency.
TIMED_OUT = [path for path in COSTLY if path != "/api/stats"]


@pytest.fixture(scope="module")
def strict_client(sample_store_dir):
    """Workers with a time limit no query can meet (1 µs: less than a round trip to a worker),
    so a query sent to the workers always stops there, however fast the machine or the query
    (0.05 s stopped being enough when the agencies view became fast), while an answer the
    serving process computes itself is not limited."""
    settings = Settings(query_workers=1, query_timeout=1e-6)
    with TestClient(create_app(settings, OxigraphStore(sample_store_dir))) as client:
        yield client


@pytest.mark.parametrize("path", TIMED_OUT)
def test_costly_answers_stop_at_the_query_time_limit(strict_client, path):
    response = strict_client.get(path)
    assert response.status_code == 503, response.text[:300]
    assert response.json()["error"] in ("QueryTimeout", "StoreUnavailable")


def test_cheap_answers_still_run_in_the_serving_process(strict_client):
    assert strict_client.get("/api/tasks?limit=2").status_code == 200


@pytest.fixture(scope="module")
def patient_client(sample_store_dir):
    settings = Settings(query_workers=1, query_timeout=60.0)
    with TestClient(create_app(settings, OxigraphStore(sample_store_dir))) as client:
        yield client


@pytest.mark.parametrize("path", COSTLY)
def test_costly_answers_answer_through_the_workers(patient_client, path):
    assert patient_client.get(path).status_code == 200
