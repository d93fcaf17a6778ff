"""``/api/search?q=``: labels and alternative labels, diacritic-insensitive, ranked."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from graph_api.models import SearchHit, SearchResults
from graph_api.routes.common import ERROR_RESPONSES, select
from graph_api.search_index import SearchIndex

router = APIRouter(tags=["answers"])


async def search_index(request: Request) -> SearchIndex:
    """The app's label index, built from the store on first use and after each rebuild."""
    state = request.app.state
    if not hasattr(state, "search_lock"):
        state.search_lock = asyncio.Lock()
    release = request.app.state.store.release  # a rebuild swapped in new data: index anew
    async with state.search_lock:
        if getattr(state, "search_index", None) is None or state.search_release != release:
            rows = await select(request, "search_labels")
            state.search_index = SearchIndex(rows)
            state.search_release = release
    return state.search_index


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
    index = await search_index(request)
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
