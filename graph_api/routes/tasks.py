"""``/api/tasks``: who owns which task (a page of ``task_page*.rq``, details by ``tasks.rq``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from graph_api import negotiation
from graph_api.entity_refs import optional_entity_ref
from graph_api.models import IsoDate, TaskList
from graph_api.routes.common import (
    CSV_RESPONSE,
    ERROR_RESPONSES,
    FORMAT_DESCRIPTION,
    format_pattern,
    id_pattern,
    limit_within,
    load_tasks,
    table_response,
    task_page,
)

router = APIRouter(tags=["answers"])
OPEN_ON = "only tasks whose deadline has not passed on this day (YYYY-MM-DD)"
DOCUMENT = "document slug: tasks it (or what implements it) assigns"


@router.get(
    "/api/tasks",
    response_model=TaskList,
    summary="Tasks with their lead and coordinating agencies, deadline and source",
    responses={**ERROR_RESPONSES, 200: CSV_RESPONSE},
)
async def list_tasks(
    request: Request,
    agency: str | None = Query(
        None, description="agency slug or IRI (lead or coordinator)", pattern=id_pattern("agency")
    ),
    province: str | None = Query(
        None, description="place slug, e.g. binh-duong", pattern=id_pattern("place")
    ),
    document: str | None = Query(None, description=DOCUMENT, pattern=id_pattern("document")),
    theme: str | None = Query(None, description="theme slug", pattern=id_pattern("theme")),
    open_on: Annotated[IsoDate | None, Query(description=OPEN_ON)] = None,
    limit: int | None = Query(None, ge=1, le=1_000_000, description="default 100"),
    offset: int = Query(0, ge=0, le=1_000_000),
    format: str | None = Query(
        None, description=FORMAT_DESCRIPTION, pattern=format_pattern(negotiation.TABLE)
    ),
) -> Response:
    bindings = {
        "agency": optional_entity_ref(agency, "agency"),
        "province": optional_entity_ref(province, "place"),
        "document": optional_entity_ref(document, "document"),
        "theme": optional_entity_ref(theme, "theme"),
        "openOn": open_on,
    }
    limit = limit_within(request, limit)
    page = await task_page(request, bindings, limit=limit, offset=offset)
    tasks = await load_tasks(request, page)
    answer = TaskList(count=len(tasks), limit=limit, offset=offset, tasks=tasks)
    return table_response(request, answer, "tasks", format)
