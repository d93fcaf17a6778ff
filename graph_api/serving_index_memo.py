"""A store that answers a query it has already run from memory, for the serving index's build.

The serving index is made by the routes' own functions, which were written to stand alone: the
whole-country audits read the provinces four times and every target three times (the
``/alignment`` page in each language runs the alignment audit again), 5 s of the 35 s a
2,001-document build spent on its serving index. The store does not change while the index is
made, so a repeated query's rows are the ones it gave the first time; each caller gets its own
copy of them (callers may change the rows they are given).
"""

from __future__ import annotations

from typing import Any

from graph_api.binding import bind_values
from graph_api.store import DEFAULT_OPTIONS, QueryOptions, QueryOutput, Store


class MemoStore(Store):
    """``inner`` with ``select`` remembered by its bound query text, limit and offset."""

    def __init__(self, inner: Store) -> None:
        self.inner = inner
        self._rows: dict[tuple[str, int | None, int], list[dict[str, Any]]] = {}
        self.hits = 0

    def select(self, sparql, bindings=None, *, limit=None, offset=0) -> list[dict[str, Any]]:
        key = (bind_values(sparql, bindings), limit, offset)
        rows = self._rows.get(key)
        if rows is None:
            rows = self._rows[key] = self.inner.select(key[0], limit=limit, offset=offset)
        else:
            self.hits += 1
        return [dict(row) for row in rows]

    def query(self, sparql: str, options: QueryOptions = DEFAULT_OPTIONS) -> QueryOutput:
        return self.inner.query(sparql, options)

    def build_report(self) -> dict[str, Any] | None:
        return self.inner.build_report()

    @property
    def release(self) -> str | None:
        return self.inner.release
