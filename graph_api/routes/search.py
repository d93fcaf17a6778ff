"""``/api/search?q=`` and ``/search``: labels, other names and task wording, diacritics ignored."""

from __future__ import annotations

import unicodedata
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.concurrency import run_in_threadpool

from graph_api.models import SearchHit, SearchResults
from graph_api.named_queries import load_query
from graph_api.pages.labels import task_citation
from graph_api.pages.render import render
from graph_api.routes.common import ERROR_RESPONSES
from graph_api.store import Store

router = APIRouter(tags=["answers"])


def search_rows(store: Store) -> list[dict[str, Any]]:
    """What the search index holds: labels and alternative labels, task wordings, every
    task's citation as its label (tasks have no rdfs:label; people cite them so), and the
    place each agency, document and task belongs to."""
    rows = store.select(load_query("search_labels"))
    # a total order: the index keeps an entity's first preferred label among equals, the same
    # on every engine (ORDER BY in the query: 142 -> 891 ms at 10⁶ quads)
    rows.sort(key=lambda row: (row["entity"], row["labelKind"], row["label"]))
    rows += store.select(load_query("search_task_texts"))
    places = store.select(load_query("search_places"))  # rows with a place and no label
    rows += sorted(places, key=lambda row: (row["entity"], row["place"]))
    for row in store.select(load_query("page_task")):
        citation = task_citation(
            row.get("number"), row.get("documentNumber"), row.get("sourceTitle")
        )
        if citation and row.get("number"):
            rows.append({"entity": row["task"], "label": citation, "labelKind": "label"})
    return rows


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


PAGE_KINDS = ("task", "agency", "document", "place", "indicator")  # what people look for
PAGE_LIMIT = 200
KINDS = f"one of {', '.join(PAGE_KINDS)}; alone, lists every entity of that kind"


@router.get(
    "/search",
    response_class=HTMLResponse,
    summary="The search page (for people)",
)
async def search_page(
    request: Request,
    q: str = Query("", max_length=200, description="words, with or without diacritics"),
    kind: str | None = Query(None, pattern=f"^({'|'.join(PAGE_KINDS)})?$", description=KINDS),
    lang: str | None = Query(None, pattern="^(vi|en)$"),
) -> HTMLResponse:
    """Search over tasks, agencies, documents, provinces and indicators; with only ``kind``,
    every entity of that kind (the lists behind the navigation)."""
    index = await run_in_threadpool(request.app.state.search_index.index)
    kind = kind or None
    query = unicodedata.normalize("NFC", q).strip()
    if query:
        hits = index.search(query, limit=len(index.entries))
        hits = [h for h in hits if h.kind == kind or (kind is None and h.kind in PAGE_KINDS)]
    elif kind is not None:
        hits = index.listing(kind, len(index.entries))
    else:
        hits = []
    context = {
        "title": query or "Tìm kiếm",
        "query": query,
        "kind": kind,
        "kinds": PAGE_KINDS,
        "total": len(hits),
        "hits": hits[:PAGE_LIMIT],
    }
    return render(request, "search.html", context)
