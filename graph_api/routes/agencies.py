"""``/api/agencies`` and ``/api/agencies/{id}``: agencies with their task counts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from graph_api.models import Agency, AgencyDetail, AgencyList
from graph_api.routes.common import (
    CSV_RESPONSE,
    ERROR_RESPONSES,
    FORMAT_DESCRIPTION,
    entity_ref,
    limit_within,
    load_tasks,
    require_found,
    select,
    split_lines,
    table_response,
)

router = APIRouter(tags=["answers"])


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
    province: str | None = Query(None, description="place slug: agencies with that jurisdiction"),
    limit: int | None = Query(None, ge=1, le=1_000_000, description="default 100"),
    offset: int = Query(0, ge=0, le=1_000_000),
    format: str | None = Query(None, description=FORMAT_DESCRIPTION),
) -> Response:
    limit = limit_within(request, limit)
    bindings = {"province": entity_ref("place", province)}
    rows = await select(request, "agencies", bindings, limit=limit, offset=offset)
    agencies = [agency_from_row(row) for row in rows]
    answer = AgencyList(count=len(agencies), limit=limit, offset=offset, agencies=agencies)
    return table_response(request, answer, "agencies", format)


@router.get(
    "/api/agencies/{agency_id}",
    response_model=AgencyDetail,
    summary="One agency, its task counts and its tasks",
    responses=ERROR_RESPONSES,
)
async def get_agency(
    request: Request, agency_id: str = Path(description="agency slug, e.g. bo-khcn")
) -> JSONResponse:
    iri = entity_ref("agency", agency_id)
    row = require_found(await select(request, "agencies", {"agency": iri}), "agency", iri)
    tasks = await select(
        request, "tasks", {"agency": iri}, limit=request.app.state.settings.max_rows
    )
    detail = AgencyDetail(
        **agency_from_row(row).model_dump(), tasks=await load_tasks(request, tasks)
    )
    return JSONResponse(detail.model_dump(mode="json"))
