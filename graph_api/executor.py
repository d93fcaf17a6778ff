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

Who gets a worker is decided by a :class:`~graph_api.scheduler.FairScheduler` (fair shares per
client address); each worker has a memory ceiling (:mod:`graph_api.worker_memory`).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from graph_api.errors import StoreUnavailable
from graph_api.scheduler import FairScheduler, Preempted
from graph_api.store import DEFAULT_OPTIONS, QueryOptions, QueryOutput, Store, StoreRecipe
from graph_api.worker_memory import (
    POLL_SECONDS,
    MemoryCeilingExceeded,
    MemoryWatch,
    WorkerEnded,
    cap_address_space,
    ceiling_message,
    death_error,
)
from graph_api.worker_sandbox import deny_network
from ontology.errors import PolicyGraphError, QueryError, QueryTimeout

log = logging.getLogger(__name__)
START_LIMIT = 120.0  # seconds a new worker may take to open its store
WORKER_NICENESS = 5  # user SPARQL yields the CPU to the serving process's REST answers


def _worker_main(conn: Connection, recipe: StoreRecipe, memory_ceiling: int | None) -> None:
    """Open the store, say ready, then answer calls until the pipe closes."""
    deny_network()  # no outbound connection from here, even if a SERVICE query got through
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop
    with contextlib.suppress(OSError):  # a successor already inherits it from its spawning thread
        os.setpriority(os.PRIO_PROCESS, 0, max(os.getpriority(os.PRIO_PROCESS, 0), WORKER_NICENESS))
    try:
        store = recipe.open()
    except Exception as error:
        conn.send(("failed", f"{type(error).__name__}: {error}"))
        return
    if memory_ceiling:
        cap_address_space(memory_ceiling)
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
        except MemoryError:  # the address-space cap; the parent replaces this worker
            conn.send(("error", ("MemoryCeilingExceeded", ceiling_message(memory_ceiling or 0))))
        except Exception as error:  # an engine failure must not kill the worker silently
            conn.send(("error", ("QueryError", f"{type(error).__name__}: {error}")))


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection


class WorkerPool:
    """``size`` worker processes over one store recipe, each call limited to ``timeout`` s and,
    when ``memory_mb`` is set, each worker to that many MB of resident memory.

    ``standby`` more workers are started and kept aside: a killed worker's place is taken by one
    at once, and its successor becomes the new standby. Starting a worker took 0.7-1.5 s on the
    loaded test machine, and without a standby the pool ran a worker short all that time.
    """

    def __init__(
        self,
        recipe: StoreRecipe,
        size: int,
        timeout: float,
        *,
        memory_mb: int | None = None,
        standby: int = 0,
    ) -> None:
        if size < 1:
            raise ValueError("a worker pool needs at least one worker")
        self.recipe = recipe
        self.size = size
        self.timeout = timeout
        self.memory_ceiling = memory_mb * 2**20 if memory_mb else None
        self.standby = max(standby, 0)
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._standby: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self._lock = threading.Lock()
        self._all: list[_Worker] = []
        self.ready = 0  # workers started and not killed since: what the pool can serve with
        self.on_ready_change: Callable[[int], None] = lambda ready: None
        self.on_standby_change: Callable[[int], None] = lambda standing_by: None

    def start(self, *, wait: bool = True) -> WorkerPool:
        """Start every worker and wait until the serving ones have opened the store; the
        standby ones are awaited on a thread (the server answers without them).

        Without ``wait`` one worker is started at once and the others once it is ready, all
        awaited on that thread: a server then answers while they start, a query waits for the
        first ready one (each counts through ``on_ready_change``, so wire that before), and on a
        busy machine the first one does not share the CPU with the others."""
        if not wait:
            first = self._spawn()
            threading.Thread(target=self._start_after, args=(first,), daemon=True).start()
            return self
        workers = [self._spawn() for _ in range(self.size + self.standby)]
        for worker in workers[: self.size]:
            self._await_ready(worker)
        if workers[self.size :]:
            threading.Thread(
                target=self._await_started, args=(workers[self.size :], True), daemon=True
            ).start()
        return self

    def _start_after(self, first: _Worker) -> None:
        self._await_started([first], standby=False)
        # the rest start at the workers' lower priority (a child takes its spawning thread's
        # nice value), so their interpreters do not slow the server's own start-up
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WORKER_NICENESS)
        serving = [self._spawn() for _ in range(self.size - 1)]
        standby = [self._spawn() for _ in range(self.standby)]
        self._await_started(serving, standby=False)
        self._await_started(standby, standby=True)

    def _await_started(self, workers: list[_Worker], standby: bool) -> None:
        for worker in workers:
            try:
                self._await_ready(worker, standby=standby)
            except (PolicyGraphError, OSError, EOFError) as error:
                if not self._closed:  # closing the pool closes a starting worker's pipe too
                    log.error("a query worker did not start: %s", error)

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main,
            args=(child, self.recipe, self.memory_ceiling),
            daemon=True,
            name="policygraph-query",
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._all.append(worker)
        return worker

    def _await_ready(self, worker: _Worker, *, standby: bool = False) -> None:
        if not worker.conn.poll(START_LIMIT):
            self._kill(worker)
            raise StoreUnavailable("a query worker did not start in time")
        status, detail = worker.conn.recv()
        if status != "ready":
            self._kill(worker)
            raise StoreUnavailable(f"a query worker could not open the store: {detail}")
        if self._closed:
            self._kill(worker)
        elif standby:
            self._standby.put(worker)
            self.on_standby_change(self.standing_by())
        else:
            self._count_ready(+1)
            self._idle.put(worker)

    def standing_by(self) -> int:
        """Standby workers ready to take a killed worker's place."""
        return self._standby.qsize()

    def _count_ready(self, change: int) -> None:
        with self._lock:
            self.ready += change
            ready = self.ready
        self.on_ready_change(ready)

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
        try:
            self._idle.put(self._standby.get_nowait())  # the pool stays at full strength
            self.on_standby_change(self.standing_by())
            successor_is_standby = True
        except queue.Empty:
            self._count_ready(-1)
            successor_is_standby = False
        if self._closed:
            return

        def start_successor() -> None:
            # Linux keeps a nice value per thread, and a child starts with its parent thread's:
            # the successor's interpreter start-up already yields the CPU to the serving process.
            with contextlib.suppress(OSError):
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WORKER_NICENESS)
            try:
                self._await_ready(self._spawn(), standby=successor_is_standby)
            except (PolicyGraphError, OSError, EOFError) as error:
                if not self._closed:  # closing the pool closes a starting worker's pipe too
                    log.error("could not replace a query worker: %s", error)

        threading.Thread(target=start_successor, daemon=True).start()

    def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """Run ``store.<method>(*args, **kwargs)`` in a worker within the time limit."""
        return self.call_stoppable(None, method, *args, **kwargs)

    def call_stoppable(
        self, stop: threading.Event | None, method: str, *args: Any, **kwargs: Any
    ) -> Any:
        """:meth:`call`, but once ``stop`` is set the worker is killed and Preempted raised."""
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
            outcome = self._await_answer(worker, stop)
            if outcome == "answered":
                status, value = worker.conn.recv()
        except (EOFError, OSError):
            self._replace(worker)
            raise death_error(worker.process.exitcode, self.memory_ceiling) from None
        if outcome == "memory":
            self._replace(worker)
            raise MemoryCeilingExceeded(ceiling_message(self.memory_ceiling or 0))
        if outcome == "stopped":
            self._replace(worker)
            raise Preempted(
                "truy vấn dài bị dừng để nhường chỗ cho truy vấn ngắn; thử lại / a long query was "
                "stopped to free a worker for short queries; try again"
            )
        if outcome == "timeout":
            self._replace(worker)
            raise QueryTimeout(f"query stopped: it ran past the time limit of {self.timeout:g} s")
        if status == "error" and value[0] == "MemoryCeilingExceeded":
            self._replace(worker)  # a fresh worker gives its memory back to the machine
            raise MemoryCeilingExceeded(value[1])
        self._idle.put(worker)
        if status == "error":
            name, message = value
            raise (QueryTimeout if name == "QueryTimeout" else _error_class(name))(message)
        return value

    def _await_answer(self, worker: _Worker, stop: threading.Event | None) -> str:
        """``answered``, ``timeout``, ``memory`` (past the ceiling, watched while waiting) or
        ``stopped`` (``stop`` was set)."""
        watch = MemoryWatch(worker.process.pid, self.memory_ceiling or 0)
        deadline = time.monotonic() + self.timeout
        while (left := deadline - time.monotonic()) > 0:
            if worker.conn.poll(min(POLL_SECONDS, left)):
                return "answered"
            if self.memory_ceiling and watch.over():
                return "memory"
            if stop is not None and stop.is_set():
                return "stopped"
        return "answered" if worker.conn.poll(0) else "timeout"

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
    """The :class:`Store` interface: user SPARQL (``query``) run in a :class:`WorkerPool`, in the
    turn ``scheduler`` gives its client; the named queries of the REST answers (``select``) run
    on ``store`` in this process."""

    def __init__(
        self, store: Store, pool: WorkerPool, scheduler: FairScheduler | None = None
    ) -> None:
        self.store = store  # named (bounded) queries run here; user SPARQL never does
        self.pool = pool
        self.scheduler = scheduler or FairScheduler(pool.size)
        pool.on_ready_change = self.scheduler.set_capacity  # a respawning worker is no capacity
        pool.on_standby_change = self.scheduler.set_standing_by
        self.scheduler.set_capacity(pool.ready)
        self.scheduler.set_standing_by(pool.standing_by())

    def for_client(self, client: str) -> ClientStore:
        """This store as seen by one client address: its queries wait for that client's turn."""
        return ClientStore(self, client)

    def query(
        self, sparql: str, options: QueryOptions = DEFAULT_OPTIONS, *, client: str = ""
    ) -> QueryOutput:
        try:
            return self._run(client, sparql, options)
        except Preempted:  # stopped for a light client: once more, now in the heavy share
            return self._run(client, sparql, options)

    def _run(self, client: str, sparql: str, options: QueryOptions) -> QueryOutput:
        with self.scheduler.admit(client, self.pool.timeout, hash(sparql)) as admission:
            try:
                return self.pool.call_stoppable(admission.stop, "query", sparql, options)
            except WorkerEnded:
                admission.ended_worker = True
                raise

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


class ClientStore:
    """A :class:`PooledStore` bound to one client address (the /sparql route's view of it)."""

    def __init__(self, pooled: PooledStore, client: str) -> None:
        self.pooled = pooled
        self.client = client

    def query(self, sparql: str, options: QueryOptions = DEFAULT_OPTIONS) -> QueryOutput:
        return self.pooled.query(sparql, options, client=self.client)

    def __getattr__(self, name: str) -> Any:  # everything else is the shared store's
        return getattr(self.pooled, name)


def for_client(store: Store, client: str) -> Store | ClientStore:
    """``store`` as ``client`` uses it: with a turn of its own when queries run in workers."""
    return store.for_client(client) if isinstance(store, PooledStore) else store
