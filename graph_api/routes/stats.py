"""``/api/stats``: counts per class and per source, build time and version."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from graph_api.bounded_store import bounded_store
from graph_api.models import ClassCount, SourceCount, Stats
from graph_api.named_queries import load_query
from graph_api.routes.common import ERROR_RESPONSES

router = APIRouter(tags=["answers"])


@router.get(
    "/api/stats",
    response_model=Stats,
    summary="What the graph holds: entities per class, triples per source, build and version",
    responses=ERROR_RESPONSES,
)
async def stats(request: Request) -> JSONResponse:
    store = bounded_store(request.app.state.store)  # counts the whole graph: time-limited
    classes = await run_in_threadpool(store.select, load_query("stats_classes"))
    sources = await run_in_threadpool(store.select, load_query("stats_sources"))
    report = await run_in_threadpool(request.app.state.store.build_report) or {}
    answer = Stats(
        version=request.app.state.version,
        release=report.get("release"),
        build_seconds=report.get("seconds"),
        total_quads=report.get("total_quads"),
        classes=[ClassCount(class_iri=row["class"], count=row["count"]) for row in classes],
        sources=[
            SourceCount(
                graph=row["graph"],
                title=row.get("title"),
                file_name=row.get("fileName"),
                triples=row["triples"],
            )
            for row in sources
        ],
    )
    return JSONResponse(answer.model_dump(mode="json"))
