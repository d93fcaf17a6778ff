"""What the list of tasks sorts by — each task's number, its document's official number, its
appendix and the last day of its deadline — computed once per release, when it is built, and
kept in the file beside its store with the search index (:mod:`graph_api.serving_index`).

Reading these keys with each filtered list cost 16 s at 10⁶ quads (a path per task through
its evidence to its source's title); read once as plain patterns (``task_sort_keys.rq``,
``document_numbers.rq``) and joined here, they cost 7 s at 10⁶ quads, which the first ``/tasks``
after start paid until the build wrote them down; a request now pays only for its filter query
(every task put in each sort's order there too: :mod:`graph_api.pages.task_order`).
"""

from __future__ import annotations

from typing import Any

from graph_api.named_queries import load_query
from graph_api.pages.task_rows import deadline_end
from graph_api.store import Store

Keys = dict[str, dict[str, Any]]  # task IRI → {number, documentNumber, sourceTitle, deadlineEnd}


def read_task_keys(store: Store) -> Keys:
    """Every task's sort keys, read from the whole graph (once per release: at build time)."""
    return combine(
        store.select(load_query("task_sort_keys")), store.select(load_query("document_numbers"))
    )


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
