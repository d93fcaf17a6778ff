"""``/api/search?q=``: labels and alternative labels, diacritic-insensitive, ranked."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from graph_api.models import SearchHit, SearchResults
from graph_api.routes.common import ERROR_RESPONSES

router = APIRouter(tags=["answers"])


@router.get(
    "/api/search",
    response_model=SearchResults,
    summary="Find entities by label, with or without Vietnamese diacritics",
    responses=ERROR_RESPONSES,
)
async def search(
    request: Request,
    q: str = Query(..., min_length=1, max_length=200, description="e.g. 'so khoa hoc'"),
    kind: str | None = Query(None, pattern=r"^[a-z]+$", description="agency, document, place …"),
    limit: int = Query(20, ge=1, le=200),
) -> JSONResponse:
    index = await run_in_threadpool(request.app.state.search_index.index)
    hits = index.search(q, limit=limit if kind is None else len(index.entries))
    if kind is not None:
        hits = [hit for hit in hits if hit.kind == kind][:limit]
    answer = SearchResults(
        query=q,
        count=len(hits),
        hits=[
            SearchHit(iri=h.entity, label=h.label, matched=h.matched, kind=h.kind, score=h.score)
            for h in hits
        ],
    )
    return JSONResponse(answer.model_dump(mode="json"))
