"""Who gets the next query worker: fair shares of /sparql between client addresses.

Without it the pool served whoever asked first, so two clients looping runaway queries held both
workers and every other client waited out the time limit. Here each client address

- runs at most ``per_client`` queries at once, and has at most ``max_waiting`` more queued (a
  client past that gets a 503 at once, so it cannot tie up the server's threads);
- is charged the worker-seconds its queries use, decaying with a half-life of ``HALF_LIFE`` s;
  when a worker frees up it goes to a light client before a heavy one (below), among light ones
  to the one whose recent queries were shortest (a new client counts as half the bar), then to
  the smallest charge, then to the one served longest ago: a client that just had a worker for
  10 s goes after one that did not;
- may use the ``reserved`` workers with a query while that query's longest recent run from this
  client (decaying with the same half-life; for a text it has not sent before, the longest of
  any of its queries) is under ``light_seconds``: a query that runs into the time limit shares
  the other workers with its kind for minutes, and cheap queries, however many, always find a
  worker kept for them (a total would not do: 15 ASKs a second add up to seconds of charge).
  Judging the query and not only the address keeps the cheap queries of many users behind one
  address (50 load-test clients on 127.0.0.1) light while one of them loops a runaway query.
  The count is of workers *ready*: while a killed worker is being replaced, heavy clients wait,
  not the reserve. A client not yet known to be heavy can still take a reserved worker with a
  long query; when a light client then finds no worker, the long query (run past
  ``light_seconds``) that started last is stopped (``Admission.stop``) and queued again, now as
  a heavy client's;
- is made to wait before its next query (1, 2, 4 … up to ``MAX_BACKOFF`` s, refused with 503
  meanwhile) after its queries ended workers twice or more in a row (a crash or the memory
  ceiling), so a client looping a query that kills workers cannot keep them respawning.

The first runaway query of a client is not known to be one: until it has been charged, it can
hold a reserved worker once, for at most the time limit.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from graph_api.errors import StoreUnavailable
from graph_api.settings import Settings

HALF_LIFE = 30.0  # seconds for a client's charge to halve
MAX_BACKOFF = 60.0  # seconds, the longest wait imposed after repeated worker crashes
RECHECK = 0.1  # seconds between a waiting light client's looks for a query to stop
MAX_LENGTHS = 4096  # (client, query) run lengths remembered; the oldest are forgotten first


@dataclass
class _Client:
    running: int = 0
    waiting: int = 0
    charge: float = 0.0  # worker-seconds, decayed to ``charged_at``
    charged_at: float = 0.0
    served_at: float = -math.inf
    longest: float = 0.0  # seconds, the longest recent query, decayed to ``charged_at``
    strikes: int = 0  # queries in a row that ended a worker (crash, memory ceiling)
    blocked_until: float = -math.inf


@dataclass
class _Length:
    longest: float  # seconds, decayed to ``at``
    at: float


@dataclass(frozen=True)
class _Ticket:
    client: str
    kind: int  # the query's text, hashed: one client's runs of one query are judged together
    sequence: int  # arrival order, the last tie-break


class FairScheduler:
    """Admission to ``slots`` workers, shared fairly between client addresses."""

    def __init__(
        self,
        slots: int,
        *,
        reserved: int = 1,
        per_client: int = 2,
        max_waiting: int = 16,
        light_seconds: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        names: tuple[str, str] = ("query worker", "tiến trình truy vấn"),  # English, Vietnamese
    ) -> None:
        if slots < 1 or per_client < 1 or max_waiting < 1:
            raise ValueError("slots, per_client and max_waiting must each be at least 1")
        self.slots = slots
        self.capacity = slots  # workers ready now: fewer while killed ones are being replaced
        self.standing_by: int | None = None  # ready spare workers; None: not told (no pool)
        self.reserved = min(max(reserved, 0), slots - 1)  # heavy clients keep at least one
        self.per_client = per_client
        self.max_waiting = max_waiting
        self.light_seconds = light_seconds
        self.clock = clock
        self.name, self.name_vi = names
        self._clients: dict[str, _Client] = {}
        self._waiting: list[_Ticket] = []
        self._lengths: dict[tuple[str, int], _Length] = {}
        self._in_use = 0
        self._heavy_in_use = 0
        self._running: list[Admission] = []
        self._sequence = itertools.count()
        self._changed = threading.Condition()

    @classmethod
    def from_settings(cls, settings: Settings) -> FairScheduler:
        return cls(
            settings.query_workers,
            reserved=settings.reserved_workers,
            per_client=settings.client_concurrency,
            max_waiting=settings.client_queue,
            light_seconds=settings.light_client_seconds,
        )

    def set_capacity(self, ready: int) -> None:
        """The pool has ``ready`` workers (one was killed, or its successor is ready)."""
        with self._changed:
            self.capacity = ready
            self._changed.notify_all()

    def set_standing_by(self, spares: int) -> None:
        """The pool has ``spares`` ready standby workers (to take a stopped query's place)."""
        with self._changed:
            self.standing_by = spares

    def charge(self, client: str) -> float:
        """``client``'s worker-seconds, decayed to now."""
        with self._changed:
            return self._charge(self._clients.get(client, _Client()), self.clock())

    def _charge(self, state: _Client, now: float) -> float:
        return state.charge * 0.5 ** ((now - state.charged_at) / HALF_LIFE)

    def _longest(self, state: _Client, now: float) -> float:
        """The client's longest recent query; for a client never served, half the light bar."""
        if state.served_at == -math.inf:
            return self.light_seconds / 2
        return state.longest * 0.5 ** ((now - state.charged_at) / HALF_LIFE)

    def _expected(self, ticket: _Ticket, now: float) -> float:
        """How long ``ticket``'s query should run: its own recent runs, else its client's."""
        length = self._lengths.get((ticket.client, ticket.kind))
        if length is None:
            return self._longest(self._clients[ticket.client], now)
        return length.longest * 0.5 ** ((now - length.at) / HALF_LIFE)

    def _is_heavy(self, ticket: _Ticket, now: float) -> bool:
        return self._expected(ticket, now) >= self.light_seconds

    @contextlib.contextmanager
    def admit(self, client: str, wait_limit: float, kind: int = 0) -> Iterator[Admission]:
        """Wait (up to ``wait_limit`` s) for this client's turn at a worker; hold it inside.

        ``kind`` tells queries apart (a hash of the text): each is judged light or heavy by its
        own recent runs."""
        with self._changed:
            now = self.clock()
            state = self._clients.setdefault(client, _Client())
            if now < state.blocked_until:
                raise StoreUnavailable(
                    "truy vấn của địa chỉ này đã làm dừng tiến trình truy vấn nhiều lần; thử lại "
                    f"sau {state.blocked_until - now:.0f} s / your queries ended a query worker "
                    f"{state.strikes} times in a row; retry in {state.blocked_until - now:.0f} s"
                )
            if state.waiting >= self.max_waiting:
                raise StoreUnavailable(
                    f"quá nhiều truy vấn đồng thời từ địa chỉ này (tối đa {self.per_client} chạy, "
                    f"{self.max_waiting} chờ) / too many queries at once from your address "
                    f"(at most {self.per_client} running and {self.max_waiting} waiting)"
                )
            ticket = _Ticket(client, kind, next(self._sequence))
            self._waiting.append(ticket)
            state.waiting += 1
            deadline = now + wait_limit
            try:
                while (heavy := self._may_start(ticket)) is None:
                    self._stop_a_long_query_for(ticket)
                    left = deadline - self.clock()
                    if left <= 0:
                        raise StoreUnavailable(
                            f"mọi {self.name_vi} đều bận trong {wait_limit:g} s; thử lại / every "
                            f"{self.name} open to you stayed busy for {wait_limit:g} s; "
                            "try again"
                        )
                    self._changed.wait(min(left, RECHECK))
            finally:
                self._waiting.remove(ticket)
                state.waiting -= 1
                self._changed.notify_all()  # the next in line may be someone else now
            state.running += 1
            self._in_use += 1
            self._heavy_in_use += heavy
            admission = Admission(self.clock(), heavy, wait_limit, kind)
            self._running.append(admission)
        try:
            yield admission
        finally:
            self._release(client, heavy, admission)

    def _may_start(self, ticket: _Ticket) -> bool | None:
        """None while ``ticket`` must wait; else whether it starts as a heavy client."""
        if self._in_use >= self.capacity:
            return None
        now = self.clock()

        def turn(waiting: _Ticket) -> tuple[bool, float, float, float, int]:
            state = self._clients[waiting.client]
            expected = self._expected(waiting, now)
            heavy = expected >= self.light_seconds
            shortest_first = 0.0 if heavy else expected
            charge = self._charge(state, now)
            return heavy, shortest_first, charge, state.served_at, waiting.sequence

        for candidate in sorted(self._waiting, key=turn):
            state = self._clients[candidate.client]
            if state.running >= self.per_client:
                continue
            heavy = self._is_heavy(candidate, now)
            if heavy and self._heavy_in_use >= self.capacity - self.reserved:
                continue
            return heavy if candidate is ticket else None
        return None

    def _stop_a_long_query_for(self, ticket: _Ticket) -> None:
        """If ``ticket``'s light client waits while long queries hold more than the unreserved
        workers, ask the latest-started of them to stop."""
        now = self.clock()
        state = self._clients[ticket.client]
        if self._in_use < self.capacity or state.running >= self.per_client:
            return  # it waits for a turn, not for a worker
        if self._is_heavy(ticket, now) or any(a.stop.is_set() for a in self._running):
            return
        if self.standing_by == 0:  # stopping a query frees no worker until its successor starts
            return
        long = [a for a in self._running if now - a.started >= self.light_seconds]
        if len(long) > self.slots - self.reserved:  # slots: a respawn is no reason to stop more
            # the latest-started of those holding the reserve (admitted light), else of all
            max(long, key=lambda a: (not a.heavy, a.started)).stop.set()

    def _release(self, client: str, heavy: bool, admission: Admission) -> None:
        with self._changed:
            now = self.clock()
            self._running.remove(admission)
            state = self._clients[client]
            state.running -= 1
            self._in_use -= 1
            self._heavy_in_use -= heavy
            used = now - admission.started
            decay = 0.5 ** ((now - state.charged_at) / HALF_LIFE)
            state.charge = state.charge * decay + used
            # a stopped query's length is unknown: count it as long as it could have run
            longest = admission.time_limit if admission.stop.is_set() else used
            state.longest = max(state.longest * decay, longest)
            key = (client, admission.kind)
            length = self._lengths.pop(key, None)  # re-inserted last: the dict stays in age order
            earlier = length.longest * 0.5 ** ((now - length.at) / HALF_LIFE) if length else 0.0
            self._lengths[key] = _Length(max(earlier, longest), now)
            while len(self._lengths) > MAX_LENGTHS:
                del self._lengths[next(iter(self._lengths))]
            state.charged_at = state.served_at = now
            if admission.ended_worker:
                state.strikes += 1
                if state.strikes >= 2:
                    state.blocked_until = now + min(MAX_BACKOFF, 2.0 ** (state.strikes - 2))
            else:
                state.strikes = 0
            self._forget_idle_clients(now)
            self._changed.notify_all()

    def _forget_idle_clients(self, now: float) -> None:
        """Drop clients whose charge has decayed away, so the table does not grow without end."""
        if len(self._clients) < 1024:
            return
        for name, state in list(self._clients.items()):
            idle = state.running == 0 and state.waiting == 0 and now >= state.blocked_until
            if idle and self._charge(state, now) < 0.01 and state.strikes == 0:
                del self._clients[name]


@dataclass(eq=False)
class Admission:
    """One admitted query; the caller marks it when the query ended its worker, and stops it
    (killing its worker) once ``stop`` is set."""

    started: float
    heavy: bool  # admitted in the heavy share
    time_limit: float
    kind: int = 0
    ended_worker: bool = False
    stop: threading.Event = field(default_factory=threading.Event)


class Preempted(StoreUnavailable):
    """A long query stopped to free a worker for a light client; it is queued again."""
