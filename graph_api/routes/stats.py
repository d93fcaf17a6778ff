"""``/api/stats``: counts per class and per source, build time and version.

The counts are the build's (``report.json``: counted once, when the graph is built), so the
route reads them instead of counting a national graph on every request; only the sources'
titles are queried. A store with no build report (a remote endpoint) is counted by bounded
queries (``stats_*_bounded.rq``: at most the first 1,000,000 triples).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from graph_api.bounded_store import bounded_store
from graph_api.models import ClassCount, SourceCount, Stats
from graph_api.named_queries import load_query
from graph_api.routes.common import ERROR_RESPONSES, select

router = APIRouter(tags=["answers"])


@router.get(
    "/api/stats",
    response_model=Stats,
    summary="What the graph holds: entities per class, triples per source, build and version",
    responses=ERROR_RESPONSES,
)
async def stats(request: Request) -> JSONResponse:
    report = await run_in_threadpool(request.app.state.store.build_report) or {}
    if report.get("instances_per_class") and report.get("triples_per_graph"):
        classes, sources = await _from_report(request, report)
    else:
        store = bounded_store(request.app.state.store)  # counts the graph: time-limited
        classes = await run_in_threadpool(store.select, load_query("stats_classes_bounded"))
        sources = await run_in_threadpool(store.select, load_query("stats_sources_bounded"))
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


async def _from_report(request: Request, report: dict[str, Any]) -> tuple[list, list]:
    """The rows of the counting queries, from the build report's counts and the titles."""
    counts = report["instances_per_class"]
    classes = [
        {"class": c, "count": counts[c]} for c in sorted(counts, key=lambda c: (-counts[c], c))
    ]
    titles = {row["graph"]: row for row in await select(request, "stats_source_titles")}
    sources = [
        {**titles.get(graph, {}), "graph": graph, "triples": triples}
        for graph, triples in sorted(report["triples_per_graph"].items())
    ]
    return classes, sources
