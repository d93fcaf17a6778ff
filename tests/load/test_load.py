"""50 concurrent clients against a live server: no errors; a client stuck on time-limited
queries does not slow the others more than twofold. ``LOAD_SECONDS`` sets each phase's length
(15 s in the suite, 60 s in ``make soak``), after a short warm-up that is not measured.

The REST answers run in the serving process (bounded named queries); only /sparql goes to the
two query workers, so the time-limited client holds at most one worker and the /sparql share
of the mix, not the whole server."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import pytest

from bench.load import run_load
from bench.server import Server
from ontology.releases import current_store_path

SECONDS = float(os.environ.get("LOAD_SECONDS", "15"))
CLIENTS = 50
WARM_UP_SECONDS = 3.0
HEAVY = (Path(__file__).resolve().parents[2] / "bench" / "queries" / "heavy.rq").read_text()


@pytest.fixture(scope="module")
def server(built_store, tmp_path_factory):
    log = tmp_path_factory.mktemp("load") / "server.log"
    with Server(store=current_store_path(built_store), timeout=2.0, log=log) as live:
        yield live


def test_fifty_clients_quiet_then_with_a_time_limited_client(server):
    # warm-up, not measured: the search index is built on first use, the store's pages cached
    warm = asyncio.run(run_load(server.url, clients=CLIENTS, seconds=WARM_UP_SECONDS)).summary()
    assert warm["errors"] == 0, warm["error_examples"]
    quiet = asyncio.run(run_load(server.url, clients=CLIENTS, seconds=SECONDS)).summary()
    noisy = asyncio.run(
        run_load(server.url, clients=CLIENTS, seconds=SECONDS, heavy_query=HEAVY)
    ).summary()
    print(json.dumps({"quiet": quiet, "with_heavy_client": noisy}, indent=2))
    assert quiet["errors"] == 0, quiet["error_examples"]
    assert noisy["errors"] == 0, noisy["error_examples"]
    assert quiet["requests"] > CLIENTS * 2
    assert noisy["heavy_sent"] >= 1
    assert set(noisy["heavy_statuses"]) <= {503, 504, 408, 400}, noisy["heavy_statuses"]
    assert noisy["p95_ms"] <= 2 * quiet["p95_ms"], (quiet, noisy)
