"""The ``/views`` pages and previews kept per release: drawn once, answered from memory.

A view reads its rows, builds a networkx graph, lays it out and writes the pyvis page: 0.5–3 s
at 10⁶ quads, the same bytes for every visitor until the data changes. So the app keeps the
finished body (HTML or SVG text, not the graph) under the request's own parameters and the name
of the release it was drawn from; a rebuild swaps the release and the kept bodies are dropped.
At most ``Settings.view_cache_entries`` bodies are kept, the least recently asked dropped first
(a visitor may ask for any task's tree). Concurrent first requests for one body wait for one
drawing; errors (an unknown root, a time limit) are not kept.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any

_CREATE = threading.Lock()  # guards only the creation of an app's cache, holds no data


class ViewCache:
    """(kind, parameters) → body, for one release at a time; used from the event loop only."""

    def __init__(self, entries: int) -> None:
        self.entries = entries
        self._release: Any = None
        self._bodies: OrderedDict[Hashable, str] = OrderedDict()
        self._locks: dict[Hashable, asyncio.Lock] = {}

    async def get(self, key: Hashable, release: Any, draw: Callable[[], Awaitable[str]]) -> str:
        """The body kept for ``key`` in ``release``, drawn by ``draw`` when there is none."""
        if self.entries <= 0:
            return await draw()
        if release != self._release:  # a rebuild: what was drawn before is stale
            self._release, self._bodies, self._locks = release, OrderedDict(), {}
        lock = self._locks.setdefault(key, asyncio.Lock())
        try:
            async with lock:
                body = self._bodies.get(key)
                if body is None:
                    body = await draw()
                    if release == self._release:  # not swapped while drawing
                        self._bodies[key] = body
                        while len(self._bodies) > self.entries:
                            self._bodies.popitem(last=False)
                else:
                    self._bodies.move_to_end(key)
        finally:
            if not lock.locked():  # nobody else waits for it: do not keep one lock per key
                self._locks.pop(key, None)
        return body

    def bodies(self) -> list[tuple[Hashable, str]]:
        """The kept bodies, oldest first (what the build writes for a release)."""
        return list(self._bodies.items())


def view_cache(state: Any) -> ViewCache:
    """The cache of the app whose ``state`` this is (made on first use, sized by its settings)."""
    with _CREATE:
        cache = getattr(state, "view_cache", None)
        if cache is None:
            settings = getattr(state, "settings", None)
            cache = ViewCache(settings.view_cache_entries if settings is not None else 64)
            state.view_cache = cache
        return cache
