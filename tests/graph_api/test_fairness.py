"""/sparql stays fair: clients looping runaway queries cannot shut a cheap client out."""

from __future__ import annotations

import threading
import time

import pytest

from bench.fairness import Phase
from bench.server import Server
from bench.timing import percentile
from graph_api.errors import StoreUnavailable
from graph_api.scheduler import FairScheduler

# Pure CPU: the engine must count a cross product of the store with itself, three times over.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_cheap_ask_is_answered_while_four_clients_loop_runaway_queries(
    sample_store_dir, monkeypatch
):
    """A real server, 2 workers, a 2 s limit; four runaway clients from four loopback addresses.

    Before fair scheduling every cheap ASK here waited out the limit and got 503. This is the
    steady state: the runaway clients loop 4 s first, long enough for each to be known. (A new
    runaway client holds a reserved worker until it has run past the light bar and is stopped
    for a cheap one: with a 2 s limit that can take the cheap client's whole wait, so the start
    is measured by bench/fairness.py, whose phases include it, not asserted here.)
    """
    monkeypatch.setenv("POLICYGRAPH_LIGHT_CLIENT_SECONDS", "0.5")  # read by the server
    with Server(store=sample_store_dir, workers=2, timeout=2.0) as server:
        phase = Phase(server, 4, 6.0, runaway_query=RUNAWAY, head_start=4.0).run()
    assert phase.cheap_status[200] >= 0.9 * len(phase.cheap_ms) >= 15, phase.report()
    assert percentile(phase.cheap_ms, 0.95) < 2000, phase.report()
    assert phase.runaway_status[503] >= 4, phase.report()  # the runaway queries still end


def _hold(scheduler: FairScheduler, client: str, started, release) -> None:
    """Hold a turn for ``client`` from ``started`` until ``release`` (two threading.Events)."""
    with scheduler.admit(client, 5.0):
        started.set()
        release.wait(5)


def _take_turn(scheduler: FairScheduler, client: str) -> None:
    with scheduler.admit(client, 0.3):
        pass


def test_a_heavy_client_cannot_take_the_reserved_worker():
    scheduler = FairScheduler(2, reserved=1, per_client=1, light_seconds=0.05)
    for client in ("heavy-1", "heavy-2"):  # each has used a worker for 0.1 s: over the bar
        with scheduler.admit(client, 1.0):
            time.sleep(0.1)
    release = threading.Event()
    started = threading.Event()
    holder = threading.Thread(target=_hold, args=(scheduler, "heavy-1", started, release))
    holder.start()
    started.wait(5)
    try:
        with pytest.raises(StoreUnavailable, match=r"stayed busy for 0\.3 s"):
            _take_turn(scheduler, "heavy-2")
        with scheduler.admit("light", 0.3):  # the reserved worker is there for it
            pass
    finally:
        release.set()
        holder.join()


def test_one_client_runs_one_query_at_a_time_and_queues_a_few():
    scheduler = FairScheduler(2, reserved=0, per_client=1, max_waiting=1)
    release, started = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold, args=(scheduler, "busy", started, release))
    holder.start()
    started.wait(5)
    outcome: list[str] = []

    def second() -> None:
        try:
            with scheduler.admit("busy", 0.3):
                outcome.append("ran")
        except StoreUnavailable as error:
            outcome.append(str(error))

    waiter = threading.Thread(target=second)
    waiter.start()
    time.sleep(0.1)
    try:
        with pytest.raises(StoreUnavailable, match="too many queries at once"):
            _take_turn(scheduler, "busy")  # one running, one waiting: no third
        with scheduler.admit("other", 0.3):  # the second worker is free for another client
            pass
    finally:
        waiter.join()
        release.set()
        holder.join()
    assert "stayed busy" in outcome[0]  # it waited for its own first query, not for a worker
