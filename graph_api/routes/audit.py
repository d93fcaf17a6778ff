"""The audits over HTTP: ``/api/audit/…`` (JSON, CSV, Markdown) and the coverage matrix page."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from graph_api.audit import render
from graph_api.audit.alignment import audit_alignment
from graph_api.audit.coverage import render_coverage
from graph_api.audit.ownership import audit_ownership
from graph_api.audit.provinces import province_labels, resolve_province
from graph_api.audit.themes import audit_tasks
from graph_api.bounded_store import bounded_store
from graph_api.entity_refs import parse_entity_ref
from graph_api.models import IsoDate
from graph_api.routes.common import ERROR_RESPONSES, id_pattern

router = APIRouter(tags=["audit"], responses=ERROR_RESPONSES)
PROVINCE = Query(description="a province slug or name; default all")
GONE = Query(description="only assignments whose agency no longer exists")
MEDIA = {"csv": "text/csv; charset=utf-8", "md": "text/markdown; charset=utf-8"}
_TEXT = {"schema": {"type": "string"}}
# Every representation a `format` parameter can select, so OpenAPI clients know them all.
TEXT_FORMATS = {
    200: {"content": {"application/json": {}, "text/csv": _TEXT, "text/markdown": _TEXT}}
}
WITH_HTML = {200: {"content": {**TEXT_FORMATS[200]["content"], "text/html": _TEXT}}}


def _text(body: str, fmt: str) -> Response:
    if fmt == "json":
        return Response(body, media_type="application/json")
    return PlainTextResponse(body, media_type=MEDIA[fmt])


@router.get(
    "/api/audit/alignment",
    summary="National targets against provincial targets",
    responses=WITH_HTML,
)
def alignment(
    request: Request,
    province: Annotated[str | None, PROVINCE] = None,
    format: Annotated[str, Query(pattern="^(json|csv|md|html)$")] = "json",
) -> Response:
    report = audit_alignment(request.app.state.store, province)
    if format == "html":
        return HTMLResponse(render_coverage(report))
    return _text(render.render_alignment(report, format), format)


@router.get("/api/audit/ownership", summary="Who holds each task on a date", responses=TEXT_FORMATS)
def ownership(
    request: Request,
    on: Annotated[IsoDate | None, Query(description="YYYY-MM-DD; default today")] = None,
    province: Annotated[str | None, Query(description="only the tasks of this province")] = None,
    task: Annotated[
        str | None, Query(description="only this task (IRI or slug)", pattern=id_pattern("task"))
    ] = None,
    gone: Annotated[bool, GONE] = False,
    format: Annotated[str, Query(pattern="^(json|csv|md)$")] = "json",
) -> Response:
    store = bounded_store(request.app.state.store)  # reads every assignment: time-limited
    place = resolve_province(province, province_labels(store)) if province else None
    task_iri = str(parse_entity_ref(task, "task")) if task else None
    report = audit_ownership(store, on or date.today(), task=task_iri, province=place)
    return _text(render.render_ownership(report, format, gone_only=gone), format)


@router.get(
    "/api/audit/tasks-alignment",
    summary="National themes each province has tasks for",
    responses=TEXT_FORMATS,
)
def tasks_alignment(
    request: Request,
    province: Annotated[str | None, PROVINCE] = None,
    format: Annotated[str, Query(pattern="^(json|csv|md)$")] = "json",
) -> Response:
    report = audit_tasks(request.app.state.store, province)
    if format == "json":
        return JSONResponse(report.as_dict())
    return _text(render.render_tasks(report, format), format)


@router.get("/audit/coverage", response_class=HTMLResponse, summary="The coverage matrix page")
def coverage(
    request: Request,
    province: Annotated[str | None, Query(description="one province")] = None,
) -> HTMLResponse:
    report = audit_alignment(request.app.state.store, province)
    return HTMLResponse(render_coverage(report))
