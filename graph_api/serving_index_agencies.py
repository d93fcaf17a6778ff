"""Every agency's detail as its route reads it — its ``agencies.rq`` row, its task counts and its
tasks (``task_page_agency.rq``) — read when a release is built and kept in its serving index
file, so ``/api/agencies/{id}`` served from a remote engine sends it no query (three round trips
to Virtuoso, 56–188 ms under load at 10⁶ quads, against 4–23 ms for the whole answer embedded;
the tasks' records are already the task table's).

Values are kept as plain text and numbers (the file's unpickler refuses classes, IRIs included);
an agency the file lacks is queried as before.
"""

from __future__ import annotations

from typing import Any

from graph_api.named_queries import load_query
from graph_api.store import IRI, Store

NAME = "agency-details"  # the entry of the file's audits (the memo's names) holding them
CHUNK = 250  # agencies bound in one query (long VALUES lists fall off a cliff on the engine)


def compute(store: Store) -> dict[str, dict[str, Any]]:
    """Agency IRI → {"row": its ``agencies.rq`` row or None, "lead", "coordinated": its counts
    (as the route takes them: the greatest of its rows), "tasks": its tasks, sorted}."""
    agencies = sorted({str(row["agency"]) for row in store.select(load_query("agency_ids"))})
    kept: dict[str, dict[str, Any]] = {}
    for start in range(0, len(agencies), CHUNK):
        chunk = [IRI(iri) for iri in agencies[start : start + CHUNK]]
        found = store.select(load_query("agencies"), {"agency": chunk})
        rows = {str(row["agency"]): row for row in found}
        counts: dict[str, list[int]] = {}
        for row in store.select(load_query("agency_task_counts"), {"agency": chunk}):
            pair = counts.setdefault(str(row["agency"]), [0, 0])
            pair[0] = max(pair[0], row.get("leadCount") or 0)
            pair[1] = max(pair[1], row.get("coordinatorCount") or 0)
        for iri in chunk:
            tasks = store.select(load_query("task_page_agency"), {"agency": iri})
            lead, coordinated = counts.get(iri, [0, 0])
            kept[str(iri)] = {
                "row": _plain(rows.get(str(iri))),
                "lead": lead,
                "coordinated": coordinated,
                "tasks": sorted({str(row["task"]) for row in tasks}),
            }
    return kept


def kept_agency(entry: dict[str, Any] | None, iri: str) -> dict[str, Any] | None:
    """The agency's kept detail; None when not kept."""
    return entry.get(iri) if entry else None


def _plain(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        key: value if isinstance(value, bool | int | float) else str(value)
        for key, value in row.items()
        if value is not None
    }
