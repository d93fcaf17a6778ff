"""Tasks as table rows for the agency and document pages: citation, wording, document, deadline,
and whether the deadline has passed."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from fastapi import Request

from graph_api.models import Ref
from graph_api.pages.facts import entity_names
from graph_api.pages.i18n import Words
from graph_api.pages.labels import nfc, task_citation
from graph_api.routes.common import load_tasks, select
from graph_api.store_terms import IRI


@dataclass(frozen=True)
class TaskRow:
    iri: str
    citation: str
    description: str
    document: Ref | None
    deadline: str
    overdue: bool
    leads: tuple[str, ...]
    coordinators: tuple[str, ...]


def deadline_end(written: str | None) -> date | None:
    """The last day of a deadline written as a date, ``YYYY-MM`` or ``YYYY``; None if unreadable."""
    if not written:
        return None
    parts = written[:10].split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, int(parts[2]))
    except (ValueError, IndexError):
        return None


async def task_rows(request: Request, task_iris: list[IRI], on: date, lang: str) -> list[TaskRow]:
    """The rows of ``task_iris``, ordered by citation (document, then task number)."""
    tasks = await load_tasks(request, task_iris)
    ongoing_word = Words(lang)("ongoing")
    citations: dict[str, str] = {}
    if task_iris:
        rows = await select(request, "page_task", {"task": task_iris})
        # the first citation by a total order, not the engine's row order
        for row in sorted(rows, key=_row_key):
            citations.setdefault(
                row["task"],
                task_citation(row.get("number"), row.get("documentNumber"), row.get("sourceTitle")),
            )
    unnamed = [t.document.iri for t in tasks if t.document is not None and not t.document.label]
    names = await entity_names(request, unnamed, lang)
    rows = []
    for task in tasks:
        document = task.document
        if document is not None and not document.label:
            document = Ref(iri=document.iri, label=_short(names.get(document.iri, ""), 60) or None)
        end = deadline_end(task.deadline)
        written = task.deadline or task.deadline_text or (ongoing_word if task.ongoing else "")
        rows.append(
            TaskRow(
                iri=task.iri,
                citation=citations.get(task.iri) or _short(nfc(task.description or task.iri)),
                description=nfc(task.description or ""),
                document=document,
                deadline=nfc(written),
                overdue=end is not None and end < on,
                leads=tuple(ref.iri for ref in task.leads),
                coordinators=tuple(ref.iri for ref in task.coordinators),
            )
        )
    rows.sort(key=lambda r: (_citation_key(r.citation), r.iri))  # total: same on every engine
    return rows


def _row_key(row: dict) -> tuple:
    return tuple((key, str(row.get(key) or "")) for key in ("task", "document", "number"))


def _citation_key(citation: str) -> tuple:
    """``…, nhiệm vụ 9`` before ``…, nhiệm vụ 52``: numbers compared as numbers."""
    head, _, number = citation.rpartition(" ")
    return (head, int(number)) if number.isdigit() else (citation, 0)


def _short(text: str, size: int = 70) -> str:
    """A task without a number is named by the start of its wording."""
    return text if len(text) <= size else text[: size - 1].rsplit(" ", 1)[0] + "…"
