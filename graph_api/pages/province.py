"""The province page: its plans and their chain up to 57-NQ/TW, its tasks by lead agency, the
merger that made today's province, and the alignment scorecard against national targets.

The scorecard is the alignment audit read for one province (``graph_api.audit.scorecard``, worded
by ``graph_api.pages.alignment``): one row per national indicator the province addresses, the
national targets it leaves unaddressed, its own targets with no national counterpart.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from graph_api.audit.alignment import Finding, audit_alignment
from graph_api.audit.scorecard import COMPARED, scorecard
from graph_api.pages.alignment import audited_provinces, card_view, province_list
from graph_api.pages.alignment import words as alignment_words
from graph_api.pages.document import tree
from graph_api.pages.facts import entity_names, load_facts
from graph_api.routes.common import select
from graph_api.store_terms import IRI

WORDS = {  # key: (Vietnamese, English)
    "merged": ("Sáp nhập vào", "Merged into"),
    "merged_on": ("ngày", "on"),
    "decided_by": ("theo", "under"),
    "plans": ("Kế hoạch, chương trình của tỉnh", "The province's plans"),
    "chain": ("triển khai", "implements"),
    "tasks_by_agency": ("Nhiệm vụ theo cơ quan chủ trì", "Tasks by lead agency"),
    "no_lead": ("(chưa rõ cơ quan chủ trì)", "(lead agency unknown)"),
}


__all__ = ["COMPARED", "is_province", "province_agencies", "province_context", "province_list"]


async def province_context(request: Request, iri: str, lang: str) -> dict[str, Any]:
    facts = await load_facts(request, iri, lang)
    bindings = {"province": IRI(iri)}
    mergers = await select(request, "page_province_merger", bindings)
    into_names = await entity_names(request, [row["into"] for row in mergers], lang)
    plans = []
    for row in await select(request, "page_province_documents", bindings):
        up = await select(request, "document_implements", {"document": IRI(row["document"])})
        types = sorted({r["type"] for r in up if r.get("type")})
        kinds = await entity_names(request, types, lang)
        plans.append(
            {
                "iri": row["document"],
                "issued": str(row["issued"])[:10] if row.get("issued") else None,
                "chain": tree(row["document"], up, "ancestor", "from", kinds),
            }
        )
    plan_names = await entity_names(request, [p["iri"] for p in plans], lang)
    for plan in plans:
        plan["label"] = plan_names.get(plan["iri"], plan["iri"])
    plans.sort(key=lambda p: (p["issued"] or "9999", p["label"]))
    agencies = await province_agencies(request, iri, lang)
    findings: list[Finding] = []
    audited = await audited_provinces(request)
    if iri in audited:  # the audit knows the provinces with a plan or target
        report = await run_in_threadpool(audit_alignment, request.app.state.store, iri, audited)
        findings = report.for_province(iri)
    card = scorecard(iri, facts.title, findings)
    words = {key: pair[0 if lang == "vi" else 1] for key, pair in WORDS.items()}
    words |= alignment_words(lang)
    return {
        "facts": facts,
        "title": facts.title,
        "pw": words,
        "mergers": [
            {
                "into": row["into"],
                "into_label": into_names.get(row["into"], row["into"]),
                "on": str(row["on"])[:10] if row.get("on") else None,
                "decision": row.get("decision"),
                "event": row.get("event"),
            }
            for row in mergers
        ],
        "plans": plans,
        "agencies": agencies,
        "card": await card_view(request, card, lang, facts.title),
        "today": date.today(),
    }


async def province_agencies(request: Request, iri: str, lang: str) -> list[dict[str, Any]]:
    """The province's tasks by lead agency, busiest first (the page's table and its export,
    which reads only this: not the scorecard's audit)."""
    by_agency: dict[str, set[str]] = defaultdict(set)
    for row in await select(request, "page_province_tasks", {"province": IRI(iri)}):
        by_agency[row.get("agency") or ""].add(row["task"])
    agency_names = await entity_names(request, [a for a in by_agency if a], lang)
    no_lead = WORDS["no_lead"][0 if lang == "vi" else 1]
    return sorted(
        (
            {
                "iri": agency or None,
                "label": agency_names.get(agency, no_lead),
                "count": len(tasks),
            }
            for agency, tasks in by_agency.items()
        ),
        key=lambda a: (-a["count"], a["label"]),
    )


async def is_province(request: Request, iri: str) -> bool:
    """Whether the place ``iri`` is a province (other places keep the plain page of facts)."""
    return bool(await select(request, "page_is_province", {"province": IRI(iri)}))
