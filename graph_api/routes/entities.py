"""``/id/{kind}/{slug}``: every entity IRI of the graph, dereferenced.

HTML for browsers (labels, types, links in and out, evidence with sources), Turtle, JSON-LD,
N-Triples or RDF/XML for clients that ask (``Accept`` or ``?format=``).
"""

from __future__ import annotations

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from graph_api import negotiation
from graph_api.html_pages import entity_page, not_found_page
from graph_api.named_queries import load_query
from graph_api.routes.common import ERROR_RESPONSES, SLUG_PATTERN, format_pattern, select
from graph_api.store import QueryOptions
from graph_api.store_terms import IRI
from ontology.errors import NotFound
from ontology.vocabulary import ENTITY_KINDS, ID_BASE

router = APIRouter(tags=["entities"])


@router.get(
    "/id/{kind}/{slug}",
    summary="An entity of the graph as HTML, Turtle, JSON-LD, N-Triples or RDF/XML",
    response_class=Response,
    responses={
        **ERROR_RESPONSES,
        404: {
            **ERROR_RESPONSES[404],
            "content": {"text/html": {"schema": {"type": "string"}}},
        },
        200: {
            "description": "The entity",
            "content": {o.media_type: {} for o in negotiation.ENTITY},
        },
    },
)
async def entity(
    request: Request,
    kind: str = Path(description=f"one of {', '.join(ENTITY_KINDS)}"),
    slug: str = Path(pattern=SLUG_PATTERN),
    format: str | None = Query(
        None,
        description="html, turtle, jsonld, ntriples or rdfxml",
        pattern=format_pattern(negotiation.ENTITY),
    ),
) -> Response:
    offer = negotiation.choose(negotiation.ENTITY, request.headers.get("accept"), format)
    iri = IRI(f"{ID_BASE}{kind}/{slug}")
    bindings = {"entity": iri}
    exists = kind in ENTITY_KINDS and await select(request, "entity_exists", bindings)
    if not exists:
        if offer.key == "html":
            return HTMLResponse(not_found_page(iri), status_code=404)
        raise NotFound(f"the graph has no entity {iri}")
    headers = {"Vary": "Accept"}
    if offer.key != "html":
        options = QueryOptions(graph_format=offer.key, bindings=bindings)
        output = await run_in_threadpool(
            request.app.state.store.query, load_query("entity_graph"), options
        )
        return Response(output.body, media_type=offer.media_type, headers=headers)
    limit = request.app.state.settings.max_rows
    out_rows = await select(request, "entity_links_out", bindings, limit=limit)
    in_rows = await select(request, "entity_links_in", bindings, limit=limit)
    evidence = await select(request, "entity_evidence", bindings, limit=limit)
    iri_rows = await select(request, "entity_iri_values", bindings, limit=limit)
    iri_values = {(row["property"], row["value"]) for row in iri_rows}
    html = entity_page(iri, out_rows, in_rows, evidence, iri_values)
    return HTMLResponse(html, headers=headers)
