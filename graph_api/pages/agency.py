"""The agency page: its name with diacritics, level and province, the tasks it leads and
coordinates, its predecessors and successors with dates, and the tasks it inherited."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import Request

from graph_api.audit.ownership import holder_on
from graph_api.pages.facts import PREFIXES, entity_names, load_facts
from graph_api.pages.successions import succession_steps
from graph_api.pages.task_rows import task_rows
from graph_api.routes.common import select
from graph_api.store_terms import IRI

PG = PREFIXES["pg"]
ORG = PREFIXES["org"]
SHOWN = {
    PG + n
    for n in (
        "level",
        "jurisdiction",
        "succeededBy",
        "dissolvedOn",
        "leadTaskCount",
        "coordinatedTaskCount",
    )
} | {ORG + "subOrganizationOf"}


async def agency_context(request: Request, iri: str, lang: str) -> dict[str, Any]:
    facts = await load_facts(request, iri, lang)
    today = date.today()
    roles = await select(request, "page_agency_tasks", {"agency": IRI(iri)})
    by_role: dict[str, list[IRI]] = {"lead": [], "coordinating": []}
    for row in roles:
        by_role[row["role"]].append(IRI(row["task"]))
    steps = await succession_steps(request)
    successors = steps.get(iri, [])
    predecessors = [step for found in steps.values() for step in found if step.successor == iri]
    predecessors.sort(key=lambda s: (s.date or date.max, s.agency))
    # tasks inherited: those assigned to a predecessor whose chain of successions ends here today
    inherited: list[IRI] = []
    for step in predecessors:
        chain = holder_on(step.agency, today, steps)
        if chain and chain[-1].successor == iri:
            inherited += [
                IRI(r["task"])
                for r in await select(request, "page_agency_tasks", {"agency": IRI(step.agency)})
            ]
    labels = await entity_names(request, [s.agency for s in predecessors], lang)
    return {
        "facts": facts,
        "title": facts.title,
        "led": await task_rows(request, by_role["lead"], today, lang),
        "coordinated": await task_rows(request, by_role["coordinating"], today, lang),
        "inherited": await task_rows(request, sorted(set(inherited)), today, lang),
        "successors": successors,
        "predecessors": [(step, labels.get(step.agency, step.agency)) for step in predecessors],
        "rest": facts.rest(SHOWN),
    }
