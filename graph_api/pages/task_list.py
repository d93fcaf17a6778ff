"""The list of tasks (``/tasks``): filtered in SPARQL (``task_list*.rq``), the wording matched by
the search index (diacritics ignored), put in the release's order of the sort asked (made when
it was built, :mod:`graph_api.pages.task_order`) and paged here, the page's rows detailed by the
REST route's queries (``tasks.rq`` through :func:`task_rows`). Without a filter no query runs:
the page is a slice of that order.

The query is the one driven by the most selective filter given (agency, province, document), as
``/api/tasks`` does, so its cost follows the answer. A name that names two entities (two
agencies of one name) runs the query once for each and the rows are united.
"""

from __future__ import annotations

import calendar
import itertools
from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from graph_api.exports import Column
from graph_api.pages.facts import entity_names
from graph_api.pages.lookup import resolve
from graph_api.pages.task_order import SORTS, TaskOrder
from graph_api.pages.task_rows import TaskRow, task_rows
from graph_api.routes.common import select
from graph_api.store_terms import IRI
from ontology.errors import QueryError
from ontology.text_keys import fold_words

DRIVERS = ("agency", "province", "document")  # most selective first, as routes.common.task_page
__all__ = ["SORTS", "matching_tasks", "task_order"]
DETAIL_CHUNK = 250  # tasks detailed per query (bound lists stay far under 1,000 IRIs)
COLUMNS = (
    Column("citation", "Nhiệm vụ", "Task"),
    Column("description", "Nội dung", "Content"),
    Column("document", "Văn bản", "Document"),
    Column("leads", "Chủ trì", "Lead"),
    Column("coordinators", "Phối hợp", "Coordinating"),
    Column("deadline", "Thời hạn", "Deadline"),
    Column("overdue", "Quá hạn", "Overdue"),
    Column("themes", "Chủ đề", "Themes"),
    Column("iri", "Địa chỉ (IRI)", "IRI"),
)


@dataclass(frozen=True)
class TaskFilters:
    """The filters as the person gave them (names, slugs or numbers; dates as written)."""

    q: str = ""
    document: str = ""
    agency: str = ""
    province: str = ""
    theme: str = ""
    deadline_from: str = ""
    deadline_to: str = ""
    overdue_on: str = ""
    deep: bool = False


def period(parameter: str, written: str, *, last: bool) -> date | None:
    """``2025``, ``2025-06`` or ``2025-06-30`` as its first (or ``last``) day; 400 otherwise."""
    text = written.strip()
    if not text:
        return None
    try:
        parts = [int(part) for part in text.split("-")]
        if len(parts) == 1:
            return date(parts[0], 12, 31) if last else date(parts[0], 1, 1)
        if len(parts) == 2:
            end = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], end if last else 1)
        if len(parts) == 3:
            return date(*parts)
    except ValueError:
        pass
    raise QueryError(f"{parameter}={written!r}: write a year, YYYY-MM or YYYY-MM-DD")


async def resolved_filters(request: Request, filters: TaskFilters) -> dict[str, list[IRI]]:
    """Each entity filter given, as the entities it names."""
    kinds = {"agency": "agency", "province": "place", "document": "document", "theme": "theme"}
    return {
        name: await resolve(request, name, getattr(filters, name), kind)
        for name, kind in kinds.items()
        if getattr(filters, name).strip()
    }


async def matching_tasks(
    request: Request, filters: TaskFilters, entities: dict[str, list[IRI]]
) -> set[str] | None:
    """The tasks matching the filters (``task_list*.rq``); None when no filter is given (every
    task: the list is then a slice of the release's order, :func:`task_order`, no query)."""
    dates = {
        "deadlineFrom": period("deadline_from", filters.deadline_from, last=False),
        "deadlineTo": period("deadline_to", filters.deadline_to, last=True),
        "overdueOn": period("overdue_on", filters.overdue_on, last=False),
        "deep": True if filters.deep else None,
    }
    wording = await text_matches(request, filters.q) if filters.q.strip() else None
    if not entities and all(value is None for value in dates.values()):
        return wording
    driver = next((name for name in DRIVERS if entities.get(name)), None)
    name = "task_list" if driver is None else f"task_list_{driver}"
    names = list(entities)
    found: set[str] = set()
    for combination in itertools.product(*(entities[n] for n in names)):
        bindings = {**dates, **dict(zip(names, combination, strict=True))}
        found |= {row["task"] for row in await select(request, name, bindings)}
    return found if wording is None else found & wording


async def task_order(request: Request) -> TaskOrder:
    """Every task in each sort's order, for the store's current release (made at build time)."""
    prepared = await run_in_threadpool(request.app.state.serving_index.prepared)
    return prepared.task_order


async def text_matches(request: Request, text: str) -> set[str]:
    """The tasks whose wording or citation holds every word of ``text`` (diacritics ignored)."""
    words = fold_words(text)
    if not words:
        return set()
    index = await run_in_threadpool(request.app.state.search_index.index)
    return {
        entity
        for position in index.candidates(words)
        if (entity := index.entries[position].entity).startswith(f"{_TASK_PREFIX}")
    }


_TASK_PREFIX = "https://w3id.org/policygraph/id/task/"


async def detailed_rows(
    request: Request, task_iris: list[IRI], on: date, lang: str
) -> list[dict[str, Any]]:
    """The rows of ``task_iris`` in that order, as the table and the downloads show them."""
    details: dict[str, TaskRow] = {}
    for start in range(0, len(task_iris), DETAIL_CHUNK):
        chunk = task_iris[start : start + DETAIL_CHUNK]
        details.update((row.iri, row) for row in await task_rows(request, chunk, on, lang))
    agencies = sorted({a for row in details.values() for a in (*row.leads, *row.coordinators)})
    names: dict[str, str] = {}
    for start in range(0, len(agencies), DETAIL_CHUNK):
        names.update(await entity_names(request, agencies[start : start + DETAIL_CHUNK], lang))
    themes = await task_themes(request, task_iris, lang)
    rows = []
    for iri in task_iris:
        row = details.get(iri)
        if row is None:
            continue
        rows.append(
            {
                "iri": row.iri,
                "citation": row.citation,
                "description": row.description,
                "document": row.document.label if row.document else "",
                "document_iri": row.document.iri if row.document else None,
                "leads": [(a, names.get(a, a)) for a in row.leads],
                "coordinators": [(a, names.get(a, a)) for a in row.coordinators],
                "deadline": row.deadline,
                "overdue": row.overdue,
                "themes": themes.get(row.iri, []),
            }
        )
    return rows


async def task_themes(request: Request, task_iris: list[IRI], lang: str) -> dict[str, list[str]]:
    """Each task's theme names (the short English label or the Vietnamese one)."""
    themes: dict[str, list[str]] = {}
    for start in range(0, len(task_iris), DETAIL_CHUNK):
        chunk = task_iris[start : start + DETAIL_CHUNK]
        for row in await select(request, "list_task_themes", {"task": chunk}):
            themes.setdefault(row["task"], []).append(row["theme"])
    iris = sorted({theme for found in themes.values() for theme in found})
    names = await entity_names(request, iris, lang) if iris else {}
    return {task: sorted(names.get(t, t) for t in found) for task, found in themes.items()}


def export_rows(rows: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """The detailed rows as plain cells (agency names, not pairs; "Có" for overdue)."""
    yes = "Yes" if lang == "en" else "Có"
    return [
        {
            **row,
            "overdue": yes if row["overdue"] else "",
            "leads": [name for _, name in row["leads"]],
            "coordinators": [name for _, name in row["coordinators"]],
        }
        for row in rows
    ]
