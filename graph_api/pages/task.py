"""The task page: cited as people cite it, its owners, deadline, who holds it now, its quote."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from graph_api.audit.ownership import Holding, audit_ownership
from graph_api.pages.evidence import load_quotes
from graph_api.pages.facts import PREFIXES, Facts, entity_names, load_facts
from graph_api.pages.labels import task_citation
from graph_api.pages.successions import succession_steps
from graph_api.routes.common import select
from graph_api.store_terms import IRI

DCTERMS = PREFIXES["dcterms"]
SHOWN = {
    PREFIXES["pg"] + name
    for name in (
        "leadAgency",
        "coordinatingAgency",
        "assigningAgency",
        "deadline",
        "deadlineText",
        "ongoing",
        "expectedOutput",
        "theme",
        "assignedBy",
        "taskNumber",
    )
} | {DCTERMS + "description"}


@dataclass(frozen=True)
class Holders:
    """Who holds the task on ``on``: one line per assignment, with its chain of mergers."""

    on: date
    today: bool
    lead: list[Holding]
    coordinating: list[Holding]


async def task_context(request: Request, iri: str, lang: str, on: date) -> dict[str, Any]:
    facts: Facts = await load_facts(request, iri, lang)
    rows = await select(request, "page_task", {"task": IRI(iri)})
    # the first row by a total order, not the engine's row order
    rows.sort(key=lambda row: (str(row.get("document") or ""), str(row.get("number") or "")))
    cite = rows[0] if rows else {}
    citation = task_citation(
        cite.get("number"), cite.get("documentNumber"), cite.get("sourceTitle")
    )
    steps = await succession_steps(request)
    report = await run_in_threadpool(
        partial(audit_ownership, request.app.state.store, on, task=iri, by_agency=steps)
    )
    holders = Holders(
        on,
        on == date.today(),
        [h for h in report.holdings if h.role == "lead"],
        [h for h in report.holdings if h.role == "coordinating"],
    )
    names: dict[str, str] = {}
    if lang != "vi":  # the audit names agencies in Vietnamese
        iris = {h.assigned for h in report.holdings} | {h.holder for h in report.holdings}
        iris |= {step.successor for h in report.holdings for step in h.chain}
        names = await entity_names(request, sorted(iris), lang)
    description = facts.first("description", DCTERMS)
    return {
        "facts": facts,
        "title": citation or (description.text[:120] if description else facts.title),
        "citation": citation,
        "description": description,
        "holders": holders,
        "names": names,
        "quotes": await load_quotes(request, facts.evidence),
        "rest": facts.rest(SHOWN),
    }
