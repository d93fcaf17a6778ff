"""``/api/agencies`` and ``/api/agencies/{id}``: agencies with their task counts.

The listing ranks its candidates (all agencies, or a province's) by task counts in Python, then
details only the page: the counts of a province's agencies are counted on the spot from their
assignments; for all agencies they are read from the build's precomputed counts when the store
has them (ingest/derive.py), since counting every assignment grows with the graph.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from graph_api import negotiation
from graph_api.models import Agency, AgencyDetail, AgencyList
from graph_api.routes.common import (
    CSV_RESPONSE,
    ERROR_RESPONSES,
    FORMAT_DESCRIPTION,
    ROW_CAPPED,
    format_pattern,
    limit_within,
    load_tasks,
    name_or_id,
    require_found,
    resolve_ref,
    select,
    split_lines,
    table_response,
    task_page,
)
from graph_api.serving_index_agencies import NAME as AGENCY_DETAILS
from graph_api.serving_index_agencies import kept_agency
from graph_api.store_terms import IRI

router = APIRouter(tags=["answers"])


Counts = dict[str, tuple[int, int]]  # agency IRI → (tasks led, tasks coordinated)


async def task_counts(request: Request, agencies: list[IRI] | None) -> Counts:
    """Lead and coordinator task counts of ``agencies`` (None: of every agency)."""
    rows: list[dict[str, Any]] = []
    if agencies is None:
        rows = await select(request, "agency_task_counts_derived")
    if not rows:
        if agencies == []:
            return {}
        rows = await select(request, "agency_task_counts", {"agency": agencies})
    counts: dict[str, list[int]] = {}
    for row in rows:
        pair = counts.setdefault(row["agency"], [0, 0])
        pair[0] = max(pair[0], row.get("leadCount") or 0)
        pair[1] = max(pair[1], row.get("coordinatorCount") or 0)
    return {agency: (lead, coordinated) for agency, (lead, coordinated) in counts.items()}


async def agency_details(request: Request, page: list[IRI], counts: Counts) -> list[Agency]:
    """The agencies of ``page`` in that order, with their counts."""
    if not page:
        return []
    rows = {row["agency"]: row for row in await select(request, "agencies", {"agency": page})}
    return [_with_counts(rows[iri], counts, iri) for iri in page if iri in rows]


def _with_counts(row: dict[str, Any], counts: Counts, iri: str) -> Agency:
    lead, coordinated = counts.get(iri, (0, 0))
    return agency_from_row({**row, "leadCount": lead, "coordinatorCount": coordinated})


async def _kept(request: Request, iri: str) -> dict[str, Any] | None:
    """The agency's detail the build kept in the serving index; None without it."""
    state = request.app.state
    index = getattr(state, "serving_index", None)
    if index is None:
        return None
    entry = await run_in_threadpool(index.audit, AGENCY_DETAILS, state.store.release)
    return kept_agency(entry, iri)


def agency_from_row(row: dict[str, Any]) -> Agency:
    return Agency(
        iri=row["agency"],
        label=row.get("label"),
        label_en=row.get("labelEn"),
        alt_labels=split_lines(row.get("altLabels")),
        level=row.get("level"),
        jurisdiction=row.get("jurisdiction"),
        parent=row.get("parent"),
        succeeded_by=row.get("succeededBy"),
        lead_count=row.get("leadCount") or 0,
        coordinator_count=row.get("coordinatorCount") or 0,
    )


@router.get(
    "/api/agencies",
    response_model=AgencyList,
    summary="Agencies with how many tasks each leads and coordinates",
    responses={**ERROR_RESPONSES, 200: CSV_RESPONSE},
)
async def list_agencies(
    request: Request,
    province: str | None = Query(
        None,
        max_length=300,
        description=name_or_id("province", "binh-duong or Bình Dương") + "; its agencies",
    ),
    limit: int | None = Query(None, ge=1, le=ROW_CAPPED, description="default 100"),
    offset: int = Query(0, ge=0, le=1_000_000),
    format: str | None = Query(
        None, description=FORMAT_DESCRIPTION, pattern=format_pattern(negotiation.TABLE)
    ),
) -> Response:
    limit = limit_within(request, limit)
    place = await resolve_ref(request, province, "place", "province")
    if place is None:
        candidates = [IRI(row["agency"]) for row in await select(request, "agency_ids")]
        counts = await task_counts(request, None)
    else:
        found = await select(request, "agency_ids_province", {"province": place})
        candidates = [IRI(row["agency"]) for row in found]
        counts = await task_counts(request, candidates)
    ranked = sorted(candidates, key=lambda iri: (*(-n for n in counts.get(iri, (0, 0))), iri))
    agencies = await agency_details(request, ranked[offset : offset + limit], counts)
    answer = AgencyList(count=len(agencies), limit=limit, offset=offset, agencies=agencies)
    return table_response(request, answer, "agencies", format)


@router.get(
    "/api/agencies/{agency_id}",
    response_model=AgencyDetail,
    summary="One agency, its task counts and its tasks",
    responses=ERROR_RESPONSES,
)
async def get_agency(
    request: Request,
    agency_id: str = Path(max_length=300, description=name_or_id("agency", "bo-khcn or Bộ KH&CN")),
) -> JSONResponse:
    iri = await resolve_ref(request, agency_id, "agency", "agency_id")
    limit = request.app.state.settings.max_rows
    kept = await _kept(request, iri)
    if kept is not None:  # the build's row, counts and tasks (serving index): no query
        counts = {iri: (kept["lead"], kept["coordinated"])}
        found = [_with_counts(kept["row"], counts, iri)] if kept["row"] else []
        page = [IRI(task) for task in kept["tasks"][:limit]]
    else:
        found = await agency_details(request, [iri], await task_counts(request, [iri]))
    require_found(found, "agency", iri)
    if kept is None:
        page = await task_page(request, {"agency": iri}, limit=limit, offset=0)
    detail = AgencyDetail(**found[0].model_dump(), tasks=await load_tasks(request, page))
    return JSONResponse(detail.model_dump(mode="json"))
