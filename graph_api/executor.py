"""Queries run in worker processes, so a runaway query can be stopped for real.

Neither pyoxigraph nor rdflib can cancel a running query, and a thread cannot be killed. Each
worker process opens its own read-only copy of the store (``StoreRecipe``); the pool hands one
idle worker a call, waits up to the time limit, and on time-out kills the worker and starts a
fresh one in the background. Other requests go on being served by the other workers.

Only arbitrary SPARQL (``Store.query``, the /sparql endpoint) needs that kill switch. The REST
answers run the project's own named queries (``Store.select``), each bounded by a selective
pattern and a page size, so :class:`PooledStore` runs them in the serving process (on the
caller's thread, off the event loop), saving the round trip to a worker. Workers run at a lower
CPU priority, so a runaway user query cannot starve the REST answers of the serving process.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import queue
import signal
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from graph_api.errors import StoreUnavailable
from graph_api.store import DEFAULT_OPTIONS, QueryOptions, QueryOutput, Store, StoreRecipe
from graph_api.worker_sandbox import deny_network
from ontology.errors import PolicyGraphError, QueryError, QueryTimeout

log = logging.getLogger(__name__)
START_LIMIT = 120.0  # seconds a new worker may take to open its store
WORKER_NICENESS = 5  # user SPARQL yields the CPU to the serving process's REST answers


def _worker_main(conn: Connection, recipe: StoreRecipe) -> None:
    """Open the store, say ready, then answer calls until the pipe closes."""
    deny_network()  # no outbound connection from here, even if a SERVICE query got through
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)
    try:
        store = recipe.open()
    except Exception as error:
        conn.send(("failed", f"{type(error).__name__}: {error}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        method, args, kwargs = message
        try:
            conn.send(("ok", getattr(store, method)(*args, **kwargs)))
        except PolicyGraphError as error:
            conn.send(("error", (type(error).__name__, str(error))))
        except Exception as error:  # an engine failure must not kill the worker silently
            conn.send(("error", ("QueryError", f"{type(error).__name__}: {error}")))


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection


class WorkerPool:
    """``size`` worker processes over one store recipe, each call limited to ``timeout`` s."""

    def __init__(self, recipe: StoreRecipe, size: int, timeout: float) -> None:
        if size < 1:
            raise ValueError("a worker pool needs at least one worker")
        self.recipe = recipe
        self.size = size
        self.timeout = timeout
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self._lock = threading.Lock()
        self._all: list[_Worker] = []

    def start(self) -> WorkerPool:
        """Start every worker and wait until each has opened the store."""
        workers = [self._spawn() for _ in range(self.size)]
        for worker in workers:
            self._await_ready(worker)
        return self

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main, args=(child, self.recipe), daemon=True, name="policygraph-query"
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._all.append(worker)
        return worker

    def _await_ready(self, worker: _Worker) -> None:
        if not worker.conn.poll(START_LIMIT):
            self._kill(worker)
            raise StoreUnavailable("a query worker did not start in time")
        status, detail = worker.conn.recv()
        if status != "ready":
            self._kill(worker)
            raise StoreUnavailable(f"a query worker could not open the store: {detail}")
        if self._closed:
            self._kill(worker)
        else:
            self._idle.put(worker)

    def _kill(self, worker: _Worker) -> None:
        with contextlib.suppress(OSError):
            worker.conn.close()
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` now; start its successor without making the caller wait for it."""
        self._kill(worker)
        if self._closed:
            return

        def start_successor() -> None:
            try:
                self._await_ready(self._spawn())
            except (PolicyGraphError, OSError, EOFError) as error:
                if not self._closed:  # closing the pool closes a starting worker's pipe too
                    log.error("could not replace a query worker: %s", error)

        threading.Thread(target=start_successor, daemon=True).start()

    def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """Run ``store.<method>(*args, **kwargs)`` in a worker within the time limit."""
        if self._closed:
            raise StoreUnavailable("the query workers are shut down")
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise StoreUnavailable(
                f"all {self.size} query workers stayed busy for {self.timeout:g} s; try again"
            ) from None
        try:
            worker.conn.send((method, args, kwargs))
            answered = worker.conn.poll(self.timeout)
            if answered:
                status, value = worker.conn.recv()
        except (EOFError, OSError):
            self._replace(worker)
            raise StoreUnavailable("the query worker died while running the query") from None
        if not answered:
            self._replace(worker)
            raise QueryTimeout(f"query stopped: it ran past the time limit of {self.timeout:g} s")
        self._idle.put(worker)
        if status == "error":
            name, message = value
            raise (QueryTimeout if name == "QueryTimeout" else _error_class(name))(message)
        return value

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            self._kill(worker)


def _error_class(name: str) -> type[QueryError]:
    from graph_api import errors

    found = getattr(errors, name, None)
    if isinstance(found, type) and issubclass(found, QueryError):
        return found
    return QueryError


class PooledStore(Store):
    """The :class:`Store` interface: user SPARQL (``query``) run in a :class:`WorkerPool`, the
    named queries of the REST answers (``select``) run on ``store`` in this process."""

    def __init__(self, store: Store, pool: WorkerPool) -> None:
        self.store = store  # named (bounded) queries run here; user SPARQL never does
        self.pool = pool

    def query(self, sparql: str, options: QueryOptions = DEFAULT_OPTIONS) -> QueryOutput:
        return self.pool.call("query", sparql, options)

    def select(self, sparql, bindings=None, *, limit=None, offset=0):
        return self.store.select(sparql, bindings, limit=limit, offset=offset)

    def build_report(self):
        return self.store.build_report()

    @property
    def release(self):
        return self.store.release

    def close(self) -> None:
        """Stop the workers; the wrapped store belongs to whoever opened it."""
        self.pool.close()
