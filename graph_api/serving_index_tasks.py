"""Every task's REST record and each document's tasks, computed when the release is built and kept
in its serving index file (:mod:`graph_api.serving_index`), so a page of tasks is a slice and a
lookup instead of queries whose cost grows with the page and the graph.

At 10⁶ quads on disk (load ~8), ``/api/tasks?document=57-ntw-2024&limit=1000`` spent 313 ms
walking the task ranks to find its page and 540 ms detailing 1,000 tasks (``tasks.rq``,
``task_texts.rq``, ``evidence_quotes.rq``); a document's detail 175 ms walking for its first 200.
Here each task's record is the JSON :func:`graph_api.routes.common.load_tasks` gives (made by
that very function over the built store, so the answers are the same), and each document's tasks
(assigned by it or by what implements it, as ``task_page_walk.rq`` filters them) are their ranks,
beside the rows of its implementation chain up and down (``document_implements.rq``,
``document_implemented_by.rq``: 80 ms for the 478 descendants of 57-NQ/TW at 10⁶ quads), walked
in Python by :mod:`graph_api.serving_index_links`.

Only a build writes the table (:func:`compute` from ``write_for_store``): a server over a store
without it (an older file, a remote engine, a store in memory) answers by the queries.
"""

from __future__ import annotations

import asyncio
import json
from array import array
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from graph_api.named_queries import load_query
from graph_api.serving_index_links import chains
from graph_api.serving_index_reuse import Changes
from graph_api.store import Store
from graph_api.store_terms import IRI

CHUNK = 250  # tasks detailed per query at build time (bound lists stay under the engine's cliff)


@dataclass(frozen=True)
class TaskTable:
    """Tasks by rank (their place among all tasks sorted by IRI, ``pg:taskRank``): the IRIs, the
    JSON record of each (empty when ``load_tasks`` gives none for it), and each document's ranks,
    ascending (``array('I')`` as bytes)."""

    ranked: list[str]
    records: list[bytes]
    by_document: dict[str, bytes]
    links: dict[str, dict[str, list[dict[str, str]]]] = field(default_factory=dict)
    _rank: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.records) != len(self.ranked):
            raise ValueError("task table: one record per ranked task expected")
        self._rank.update((task, rank) for rank, task in enumerate(self.ranked))

    def rank(self, task: str) -> int | None:
        return self._rank.get(task)

    def document_page(self, document: str, *, limit: int, offset: int) -> list[IRI]:
        """The page of ``document``'s tasks, in IRI order (as ``task_page`` gives it)."""
        ranks = array("I")
        ranks.frombytes(self.by_document.get(document, b""))
        return [IRI(self.ranked[rank]) for rank in ranks[offset : offset + limit]]

    def records_of(self, tasks: list[str]) -> list[bytes] | None:
        """The records of ``tasks`` in that order (those without one left out, as ``load_tasks``
        does); None when a task is not in the table (the caller then queries)."""
        found = []
        for task in tasks:
            rank = self._rank.get(task)
            if rank is None:
                return None
            if self.records[rank]:
                found.append(self.records[rank])
        return found

    def document_links(self, document: str, query: str) -> list[dict[str, str]] | None:
        """The rows of ``query`` (``document_implements`` or ``document_implemented_by``) bound
        to ``document``, as the build read them; None when not kept (the caller queries)."""
        return self.links.get(document, {}).get(query)

    def tables(self) -> dict[str, Any]:
        return {
            "ranked": self.ranked,
            "records": self.records,
            "by_document": self.by_document,
            "links": self.links,
        }

    @classmethod
    def from_tables(cls, tables: dict[str, Any] | None) -> TaskTable | None:
        if not tables:
            return None
        return cls(tables["ranked"], tables["records"], tables["by_document"], tables["links"])


def _json(value: Any) -> bytes:
    """``value`` as ``JSONResponse`` writes it (compact, UTF-8), so records splice into bodies."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


class _BuildRequest:
    """What ``load_tasks`` reads from a request (``request.app.state.store``), with no server."""

    def __init__(self, store: Store) -> None:
        self.app = SimpleNamespace(state=SimpleNamespace(store=store))


def compute(
    store: Store, previous: TaskTable | None = None, changes: Changes | None = None
) -> TaskTable:
    """Every ranked task's record and every document's tasks, read from ``store``; the records
    ``changes`` shows unchanged since the ``previous`` release's table are taken from it."""
    from graph_api.routes.common import load_tasks  # the routes' own code makes the records

    rows = store.select(load_query("serving_task_ranks"))
    ranks = {row["task"]: int(row["rank"]) for row in rows}
    ranked = sorted(ranks, key=ranks.__getitem__)
    request = _BuildRequest(store)

    found: dict[str, bytes] = {}
    if previous is not None and changes is not None:
        for task in changes.unchanged(t for t in ranked if previous.rank(t) is not None):
            found[task] = previous.records[previous.rank(task)]  # type: ignore[index]
    missing = [task for task in ranked if task not in found]

    async def records() -> list[bytes]:
        for start in range(0, len(missing), CHUNK):
            chunk = [IRI(task) for task in missing[start : start + CHUNK]]
            for task in await load_tasks(request, chunk):  # type: ignore[arg-type]
                found[task.iri] = _json(task.model_dump(mode="json"))
        return [found.get(task, b"") for task in ranked]

    by_document: dict[str, set[int]] = {}
    for row in store.select(load_query("serving_document_tasks")):
        rank = ranks.get(row["task"])
        if rank is not None:
            by_document.setdefault(row["document"], set()).add(rank)
    links = chains(store, sorted(by_document))
    return TaskTable(
        ranked,
        asyncio.run(records()),
        {document: array("I", sorted(found)).tobytes() for document, found in by_document.items()},
        links,
    )
