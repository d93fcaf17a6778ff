"""The audits over HTTP: ``/api/audit/…`` (JSON, CSV, Markdown), the ``/alignment`` overview
(every province's scorecard counts) and the coverage matrix page."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from functools import partial
from itertools import chain, islice
from typing import Annotated, Any

from anyio import from_thread
from fastapi import APIRouter, Query, Request
from fastapi.responses import (
    HTMLResponse,
    PlainTextResponse,
    Response,
    StreamingResponse,
)

from graph_api.audit import render
from graph_api.audit.alignment import AlignmentReport, audit_alignment
from graph_api.audit.coverage import render_coverage
from graph_api.audit.memo import release_memo
from graph_api.audit.ownership import Holding, OwnershipReport, count_holdings, iter_holdings
from graph_api.audit.provinces import province_labels, resolve_province
from graph_api.audit.themes import TaskAlignmentReport, audit_tasks
from graph_api.bounded_store import bounded_store
from graph_api.models import IsoDate
from graph_api.pages.alignment import alignment_context
from graph_api.pages.i18n import language
from graph_api.pages.render import render as render_page
from graph_api.pages.successions import succession_steps
from graph_api.routes.common import ERROR_RESPONSES, resolve_in_store
from graph_api.serving_index_ownership import NAME as OWNERSHIP_PAGES
from graph_api.serving_index_ownership import KeptPage, kept_page, page_dicts, page_rows

router = APIRouter(tags=["audit"], responses=ERROR_RESPONSES)
PROVINCE = Query(description="a province slug or name; default all")
GONE = Query(description="only assignments whose agency no longer exists")
PAGE = 1000  # assignments per page of the ownership audit, unless asked otherwise
MAX_PAGE = 10_000_000  # a whole export in one streamed answer
BATCH = 100  # rows per chunk of a streamed page after the first (one send per row cost more)
MEDIA = {"csv": "text/csv; charset=utf-8", "md": "text/markdown; charset=utf-8"}
_TEXT = {"schema": {"type": "string"}}
# Every representation a `format` parameter can select, so OpenAPI clients know them all.
TEXT_FORMATS = {
    200: {"content": {"application/json": {}, "text/csv": _TEXT, "text/markdown": _TEXT}}
}
WITH_HTML = {200: {"content": {**TEXT_FORMATS[200]["content"], "text/html": _TEXT}}}


def _text(body: str | bytes, fmt: str) -> Response:
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
    if format == "html":
        return HTMLResponse(_coverage_html(request, province))
    if province:
        return _text(render.render_alignment(_alignment_report(request, province), format), format)
    # every province: 12.8 MB of JSON at 10⁶ quads (0.5 s to render), rendered once per release
    body = release_memo(request.app.state).get(
        f"alignment-{format}",
        request.app.state.store,
        lambda: render.render_alignment(_alignment_report(request, None), format).encode(),
    )
    return _text(body, format)


@router.get(
    "/api/audit/ownership",
    summary="Who holds each task on a date (a page, streamed; `total` counts every match)",
    responses=TEXT_FORMATS,
)
def ownership(
    request: Request,
    on: Annotated[IsoDate | None, Query(description="YYYY-MM-DD; default today")] = None,
    province: Annotated[str | None, Query(description="only the tasks of this province")] = None,
    task: Annotated[
        str | None,
        Query(
            max_length=300,
            description="only this task: IRI, slug or citation (03/NQ-CP, Phụ lục II, nhiệm vụ 52)",
        ),
    ] = None,
    gone: Annotated[bool, GONE] = False,
    format: Annotated[str, Query(pattern="^(json|csv|md)$")] = "json",
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="assignments per page")] = PAGE,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Response:
    store = bounded_store(request.app.state.store)  # reads every assignment: time-limited
    place = resolve_province(_province(request, province), _labels(request)) if province else None
    task_iri = str(resolve_in_store(request.app, task, "task", "task")) if task else None
    when = on or date.today()
    # every province: the build kept the first page of the date's band (serving index)
    kept = None if task_iri or place else _kept_page(request, when, gone)

    def live() -> Iterator[Holding]:
        steps = from_thread.run(succession_steps, request)  # read once per release
        return iter_holdings(
            store,
            when,
            task=task_iri,
            province=place,
            gone=gone,
            by_agency=steps,
            first_chunk=offset + limit,
        )

    if format == "md":
        report = OwnershipReport(when, list(page_rows(kept, live, offset, limit)))
        return _text(render.render_ownership(report, format), format)
    # JSON writes the kept holdings as the build wrote them (no decoding and re-encoding)
    page = (page_dicts if format == "json" else page_rows)(kept, live, offset, limit)

    def total() -> int:
        if kept is not None:
            return kept.total
        return count_holdings(store, when, gone=gone, task=task_iri, province=place)

    # the first rows are read before the answer starts: their queries are the costly part, and
    # a time-out there is still a 503 (once streaming has begun the status is sent)
    first = list(islice(page, 1))
    rows = chain(first, page)
    if format == "csv":
        return StreamingResponse(_csv_lines(rows), media_type=MEDIA["csv"])
    head = {"on": when.isoformat(), "limit": limit, "offset": offset}
    return StreamingResponse(_json_chunks(head, rows, total), media_type="application/json")


def _kept_page(request: Request, on: date, gone: bool) -> KeptPage | None:
    """The build's first page of the whole audit on ``on``'s band, if its file has it."""
    state = request.app.state
    index = getattr(state, "serving_index", None)
    entry = None if index is None else index.audit(OWNERSHIP_PAGES, state.store.release)
    return kept_page(entry, on, gone)


def _json_chunks(head: dict, holdings: Iterator[Holding | dict[str, Any]], total) -> Iterator[str]:
    """One JSON object written as it goes: the page's holdings (the first alone, then
    ``BATCH`` to a chunk), then ``total`` (every match) and ``assignee_gone`` (the page's tasks
    whose assignee no longer exists)."""
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "holdings": ['
    gone: set[str] = set()
    lines: list[str] = []
    for index, holding in enumerate(holdings):
        data = holding if isinstance(holding, dict) else holding.as_dict()
        lines.append(("," if index else "") + "\n" + json.dumps(data, ensure_ascii=False))
        if data["assignee_gone"]:
            gone.add(data["task"])
        if index == 0 or len(lines) >= BATCH:
            yield "".join(lines)
            lines.clear()
    yield "".join(lines)
    yield f'\n], "total": {total()}, "assignee_gone": {json.dumps(sorted(gone))}}}\n'


def _csv_lines(holdings: Iterator[Holding]) -> Iterator[str]:
    """The header and the first row at once, then ``BATCH`` rows to a chunk."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=render.OWNERSHIP_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for index, holding in enumerate(holdings):
        writer.writerow(render.ownership_record(holding))
        if index % BATCH == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


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
    store = request.app.state.store
    if province:
        report = audit_tasks(store, _province(request, province), _labels(request))
    else:
        report = release_memo(request.app.state).get("tasks", store, partial(audit_tasks, store))
    if format == "json":  # streamed a province at a time: 3 MB at 10⁶ quads
        return StreamingResponse(_province_chunks(report), media_type="application/json")
    return _text(render.render_tasks(report, format), format)


def _province_chunks(report: TaskAlignmentReport) -> Iterator[str]:
    """The report's JSON written a province at a time, byte for byte as ``JSONResponse`` wrote
    ``TaskAlignmentReport.as_dict()`` whole."""

    def dump(data: Any) -> str:
        return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))

    head = dump({**report.as_dict(), "provinces": []})
    yield head[: head.rindex('"provinces"')] + '"provinces":['
    for index, province in enumerate(report.provinces):
        yield ("," if index else "") + dump(province.as_dict())
    yield "]}"


@router.get("/audit/coverage", response_class=HTMLResponse, summary="The coverage matrix page")
def coverage(
    request: Request,
    province: Annotated[str | None, Query(description="one province")] = None,
) -> HTMLResponse:
    return HTMLResponse(_coverage_html(request, province))


def _coverage_html(request: Request, province: str | None) -> str:
    """The coverage matrix of one province, or of all (3 MB of HTML at 10⁶ quads: rendered
    once per release)."""
    if province:
        return render_coverage(_alignment_report(request, province))
    return release_memo(request.app.state).get(
        "coverage",
        request.app.state.store,
        lambda: render_coverage(_alignment_report(request, None)),
    )


@router.get(
    "/alignment",
    response_class=HTMLResponse,
    summary="Target alignment: each province's scorecard counts and the national targets",
)
async def alignment_page(
    request: Request, lang: Annotated[str | None, Query(pattern="^(vi|en)$")] = None
) -> HTMLResponse:
    lang = language(request)
    memo = release_memo(request.app.state)  # the same for every visitor until a rebuild
    context = await memo.aget(
        f"alignment-page-{lang}", request.app.state.store, partial(alignment_context, request, lang)
    )
    return render_page(request, "alignment.html", context)


def _alignment_report(request: Request, province: str | None) -> AlignmentReport:
    """The alignment audit of one province (lookups), or of all, read once per release."""
    store = request.app.state.store
    if province:
        return audit_alignment(store, _province(request, province), _labels(request))
    return release_memo(request.app.state).get("alignment", store, partial(audit_alignment, store))


def _labels(request: Request) -> dict[str, str]:
    """Province IRI → label as the audits name them, read once per release (0.5 s on Virtuoso at
    10⁶ quads, for every one-province audit)."""
    store = request.app.state.store
    return release_memo(request.app.state).get("provinces", store, partial(province_labels, store))


def _province(request: Request, province: str | None) -> str | None:
    """The province IRI a slug or name means (404 with the closest provinces when none)."""
    if not province:
        return None
    return str(resolve_in_store(request.app, province, "place", "province"))
