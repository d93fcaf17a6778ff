"""The embedded store of a build directory's *current* release, followed across rebuilds.

``policygraph build`` swaps ``current`` to a new release while a server runs. Before each call
this store reads where ``current`` points (one ``readlink``); when that changed, it opens the new
release (pinned, see :mod:`ontology.releases`) and answers from it from then on. The release it
answered from before stays pinned until the last call still reading it returns, so a rebuild
never deletes files under a running query. Query workers open the same kind of store from
:class:`~graph_api.store.StoreRecipe`, so each one follows on its next call, and a worker
started later opens whatever is current then.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from graph_api.store import (
    DEFAULT_OPTIONS,
    OxigraphStore,
    QueryOptions,
    QueryOutput,
    Store,
    StoreRecipe,
)
from ontology import releases


class CurrentReleaseStore(Store):
    """Answers from ``build_dir/current``, re-opened on the first call after a rebuild."""

    def __init__(self, build_dir: Path, *, in_memory: bool = False) -> None:
        self.build_dir = Path(build_dir)
        self.in_memory = in_memory
        self._lock = threading.Lock()
        self._marker, self._store = self._open()

    def _open(self) -> tuple[str, OxigraphStore]:
        marker = releases.current_marker(self.build_dir)
        release, pin = releases.pin_current(self.build_dir)
        return marker, OxigraphStore(release / "store", in_memory=self.in_memory, pin=pin)

    def current(self) -> OxigraphStore:
        """The store of the current release, opened anew if a build swapped it in."""
        if releases.current_marker(self.build_dir) != self._marker:
            with self._lock:
                if releases.current_marker(self.build_dir) != self._marker:
                    # The old store is unpinned when the last call still using it lets go.
                    self._marker, self._store = self._open()
        return self._store

    @property
    def release(self) -> str:
        """The name of the release answered from (tells caches that the data changed)."""
        return self.current().path.parent.name

    def query(self, sparql: str, options: QueryOptions = DEFAULT_OPTIONS) -> QueryOutput:
        return self.current().query(sparql, options)

    def select(self, sparql, bindings=None, *, limit=None, offset=0):
        return self.current().select(sparql, bindings, limit=limit, offset=offset)

    def recipe(self) -> StoreRecipe:
        return StoreRecipe(build_dir=str(self.build_dir), in_memory=self.in_memory)

    def build_report(self) -> dict[str, Any] | None:
        return self.current().build_report()

    def close(self) -> None:
        self._store.close()
