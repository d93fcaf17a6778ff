"""``/api/tasks``: who owns which task (a page of ``task_page*.rq``, details by ``tasks.rq``).

CSV is streamed: the page's details are loaded and written a few hundred tasks at a time, so a
large page is never one body in memory and no query binds more than ``CHUNK`` task IRIs (bound
lists of ~1,000 IRIs and more fall off a cliff on the engine).
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response, StreamingResponse

from graph_api import negotiation
from graph_api.models import IsoDate, Task, TaskList
from graph_api.routes.common import (
    CSV_RESPONSE,
    ERROR_RESPONSES,
    FORMAT_DESCRIPTION,
    ROW_CAPPED,
    _cell,
    format_pattern,
    limit_within,
    load_tasks,
    name_or_id,
    resolve_ref,
    table_response,
    task_page,
    task_table,
)
from graph_api.store_terms import IRI

router = APIRouter(tags=["answers"])
CHUNK = 250  # task IRIs bound in one query when streaming CSV
OPEN_ON = "only tasks whose deadline has not passed on this day (YYYY-MM-DD)"
DOCUMENT = "document slug, IRI or number (57-NQ/TW): tasks it (or what implements it) assigns"


@router.get(
    "/api/tasks",
    response_model=TaskList,
    summary="Tasks with their lead and coordinating agencies, deadline and source",
    responses={**ERROR_RESPONSES, 200: CSV_RESPONSE},
)
async def list_tasks(
    request: Request,
    agency: str | None = Query(
        None,
        max_length=300,
        description=name_or_id("agency", "bo-khcn or Sở KH&CN Bình Dương") + "; lead or partner",
    ),
    province: str | None = Query(
        None, max_length=300, description=name_or_id("province", "binh-duong, Bình Dương, TP.HCM")
    ),
    document: str | None = Query(None, max_length=300, description=DOCUMENT),
    theme: str | None = Query(None, max_length=300, description=name_or_id("theme", "awareness")),
    open_on: Annotated[IsoDate | None, Query(description=OPEN_ON)] = None,
    limit: int | None = Query(None, ge=1, le=ROW_CAPPED, description="default 100"),
    offset: int = Query(0, ge=0, le=1_000_000),
    format: str | None = Query(
        None, description=FORMAT_DESCRIPTION, pattern=format_pattern(negotiation.TABLE)
    ),
) -> Response:
    bindings = {
        "agency": await resolve_ref(request, agency, "agency", "agency"),
        "province": await resolve_ref(request, province, "place", "province"),
        "document": await resolve_ref(request, document, "document", "document"),
        "theme": await resolve_ref(request, theme, "theme", "theme"),
        "openOn": open_on,
    }
    limit = limit_within(request, limit)
    offer = negotiation.choose(negotiation.TABLE, request.headers.get("accept"), format)
    page = await task_page(request, bindings, limit=limit, offset=offset)
    if offer.key == "csv":
        return StreamingResponse(
            _csv_chunks(request, page), media_type="text/csv", headers={"Vary": "Accept"}
        )
    table = await task_table(request) if offer.key == "json" else None
    records = table.records_of(page) if table is not None else None
    if records is not None:  # the build's JSON of each task, spliced: as JSONResponse writes it
        head = b'{"count":%d,"limit":%d,"offset":%d,"tasks":[' % (len(records), limit, offset)
        body = head + b",".join(records) + b"]}"
        return Response(body, media_type="application/json", headers={"Vary": "Accept"})
    tasks = await load_tasks(request, page)
    answer = TaskList(count=len(tasks), limit=limit, offset=offset, tasks=tasks)
    return table_response(request, answer, "tasks", format)


async def _csv_chunks(request: Request, page: list[IRI]) -> AsyncIterator[str]:
    """The page's tasks as CSV, ``CHUNK`` tasks per query (header only when none)."""
    columns = list(Task.model_fields)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    if page:
        writer.writeheader()
    for start in range(0, len(page), CHUNK):
        for task in await load_tasks(request, page[start : start + CHUNK]):
            record = task.model_dump(mode="json")
            writer.writerow({key: _cell(record[key]) for key in columns})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
