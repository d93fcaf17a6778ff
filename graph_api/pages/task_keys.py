"""What the list of tasks sorts by — each task's number, its document's official number, its
appendix and the last day of its deadline — read once per release and kept beside it (as the
province list and the search index are).

Reading these keys with each filtered list cost 16 s at 10⁶ quads (a path per task through
its evidence to its source's title); read once as plain patterns (``task_sort_keys.rq``,
``document_numbers.rq``) and joined here, a request pays only for its filter query.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request

from graph_api.pages.task_rows import deadline_end
from graph_api.routes.common import select

Keys = dict[str, dict[str, Any]]  # task IRI → {number, documentNumber, sourceTitle, deadlineEnd}


async def task_keys(request: Request) -> Keys:
    """Every task's sort keys, for the store's current release."""
    state = request.app.state
    release = getattr(state.store, "release", None)
    cached = getattr(state, "task_sort_keys", None)
    if cached is None or cached[0] != release:
        keys = combine(
            await select(request, "task_sort_keys"), await select(request, "document_numbers")
        )
        state.task_sort_keys = cached = (release, keys)
    return cached[1]


def combine(rows: list[dict[str, Any]], documents: list[dict[str, Any]]) -> Keys:
    """The rows of the two queries as one record per task; where a task has several values,
    the least (as MIN in ``page_task.rq``, so the list's order follows the citations shown)."""
    own: dict[str, set[str]] = {}
    parents: dict[str, set[str]] = {}
    for row in documents:
        if row.get("identifier"):
            own.setdefault(row["document"], set()).add(str(row["identifier"]))
        if row.get("parent"):
            parents.setdefault(row["document"], set()).add(row["parent"])

    def number(document: str) -> str | None:
        """The least number of the document or of what it is part of (dcterms:isPartOf*)."""
        found: set[str] = set()
        seen, todo = set(), [document]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                found |= own.get(current, set())
                todo += parents.get(current, ())
        return min(found) if found else None

    values: dict[str, dict[str, set[str]]] = {}
    for row in rows:
        values.setdefault(row["task"], {}).setdefault(row["property"], set()).add(str(row["value"]))
    keys: Keys = {}
    for task, found in values.items():
        numbers = [n for d in found.get("document", ()) if (n := number(d))]
        deadline = min(found["deadline"]) if found.get("deadline") else None
        end = deadline_end(deadline)
        keys[task] = {
            "number": min(found["number"]) if found.get("number") else None,
            "documentNumber": min(numbers) if numbers else None,
            "sourceTitle": min(found["appendix"]) if found.get("appendix") else None,
            "deadlineEnd": end.isoformat() if end else None,
        }
    return keys
