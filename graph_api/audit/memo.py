"""Whole-country audits kept per release: computed once, answered from memory until a rebuild.

The alignment audit of every province reads every target (0.5–1.5 s at 10⁶ quads) and the task
alignment every provincial task (54,000 rows, 1–2 s), yet both change only when the data does.
So the app keeps each answer beside the name of the release it was read from, as it keeps the
successions, the province list and the search index, and reads it again after a rebuild.
``policygraph build`` computes these answers into the release's serving index file
(:mod:`graph_api.serving_index_audits`), read on a thread at start: the memo takes them from
there; only a store whose file lacks them (built before, or a remote engine) pays the reading on
its first request, logged. Concurrent first requests wait for one reading.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from graph_api.store import Store

T = TypeVar("T")
log = logging.getLogger(__name__)
_CREATE = threading.Lock()  # guards only the creation of an app's memo, holds no data


class ReleaseMemo:
    """name → (release, value), one lock per name so one slow reading blocks no other."""

    def __init__(self, built: Callable[[str, Any], Any] | None = None) -> None:
        self._built = built  # (name, release) → the build's answer, or None
        self._values: dict[str, tuple[Any, Any]] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self._async_locks: dict[str, asyncio.Lock] = {}  # made and used in the event loop

    def get(self, name: str, store: Store, compute: Callable[[], T]) -> T:
        release = getattr(store, "release", None)  # a rebuild swaps the release: read again
        with self._guard:
            lock = self._locks.setdefault(name, threading.Lock())
        with lock:
            kept = self._values.get(name)
            if kept is None or kept[0] != release:
                value = self._from_build(name, release)
                kept = (release, value if value is not None else self._computed(name, compute))
                self._values[name] = kept
            return kept[1]

    def _from_build(self, name: str, release: Any) -> Any | None:
        return None if self._built is None else self._built(name, release)

    @staticmethod
    def _computed(name: str, compute: Callable[[], T]) -> T:
        started = time.perf_counter()
        value = compute()
        log.warning(
            "audit %r is not in the release's serving index: computed in %.2f s",
            name,
            time.perf_counter() - started,
        )
        return value

    async def aget(self, name: str, store: Store, compute: Callable[[], Awaitable[T]]) -> T:
        """As :meth:`get`, for a value an async page function computes."""
        release = getattr(store, "release", None)
        async with self._async_locks.setdefault(name, asyncio.Lock()):
            kept = self._values.get(name)
            if kept is None or kept[0] != release:
                value = await asyncio.to_thread(self._from_build, name, release)
                if value is None:
                    started = time.perf_counter()
                    value = await compute()
                    log.warning(
                        "audit %r is not in the release's serving index: computed in %.2f s",
                        name,
                        time.perf_counter() - started,
                    )
                kept = (release, value)
                self._values[name] = kept
            return kept[1]


def release_memo(state: Any) -> ReleaseMemo:
    """The memo of the app whose ``state`` this is (made on first use)."""
    with _CREATE:
        memo = getattr(state, "audit_memo", None)
        if memo is None:
            serving = getattr(state, "serving_index", None)
            memo = ReleaseMemo(serving.audit if serving is not None else None)
            state.audit_memo = memo
        return memo
