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
    """The app's label index, built from the store on first use and kept for the app's life."""
    state = request.app.state
    if not hasattr(state, "search_lock"):
        state.search_lock = asyncio.Lock()
    async with state.search_lock:
        if getattr(state, "search_index", None) is None:
            rows = await select(request, "search_labels")
            # a total order: the index keeps an entity's first preferred label among equals,
            # the same on every engine (ORDER BY in the query: 142 -> 891 ms at 10⁶ quads)
            rows.sort(key=lambda row: (row["entity"], row["labelKind"], row["label"]))
            state.search_index = SearchIndex(rows)
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
