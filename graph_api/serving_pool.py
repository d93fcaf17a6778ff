"""The store the routes use: the given store, or query worker processes over it.

Apart from :mod:`graph_api.app` so that ``policygraph serve`` can start the workers before it
imports the web framework: their start (a new interpreter each, its imports, the store opened)
then overlaps the server's own, and the server answers without waiting for them.
"""

from __future__ import annotations

from graph_api.executor import PooledStore, WorkerPool
from graph_api.scheduler import FairScheduler
from graph_api.settings import Settings
from graph_api.store import Store


def serving_store(settings: Settings, store: Store, *, wait: bool = True) -> Store:
    """``store`` itself, or worker processes over it when it allows; with ``wait``, once the
    serving workers have opened the store, else at once (user SPARQL waits for a worker)."""
    recipe = store.recipe()
    if settings.query_workers < 1 or recipe is None:
        return store
    pool = WorkerPool(
        recipe,
        settings.query_workers,
        settings.query_timeout,
        memory_mb=settings.worker_memory_mb,
        standby=settings.standby_workers,
    )
    pooled = PooledStore(store, pool, FairScheduler.from_settings(settings))  # wired first
    pool.start(wait=wait)
    return pooled
