"""The store the costly answers read through: their queries run in the query workers.

``/api/stats``, ``/api/audit/ownership`` and ``/views/agencies`` count over the whole graph
(1–3 s each). Run in the serving process, their queries had no time limit and held its CPU: under
8 clients they pushed ``/api/search`` p50 from 25 ms to 188 ms. Read through
:func:`bounded_store`, their queries run where user SPARQL runs: in the worker processes, at a
lower CPU priority, stopped at ``query_timeout`` (503), while the serving process stays free for
the cheap answers. Without workers (``query_workers=0``, a remote engine) the store is unchanged.
"""

from __future__ import annotations

from typing import Any

from graph_api.executor import PooledStore
from graph_api.store import DEFAULT_OPTIONS, QueryOptions, QueryOutput, Store


class WorkerSelects(Store):
    """A :class:`PooledStore` whose named queries (``select``) also run in its workers."""

    def __init__(self, pooled: PooledStore) -> None:
        self.pooled = pooled

    def select(self, sparql, bindings=None, *, limit=None, offset=0) -> list[dict[str, Any]]:
        return self.pooled.pool.call("select", sparql, bindings, limit=limit, offset=offset)

    def query(self, sparql: str, options: QueryOptions = DEFAULT_OPTIONS) -> QueryOutput:
        return self.pooled.query(sparql, options)

    def build_report(self) -> dict[str, Any] | None:
        return self.pooled.build_report()


def bounded_store(store: Store) -> Store:
    """``store`` with its named queries under the query time limit, when it has workers."""
    return WorkerSelects(store) if isinstance(store, PooledStore) else store
