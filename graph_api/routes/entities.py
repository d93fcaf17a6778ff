"""``/id/{kind}/{slug}``: every entity IRI of the graph, dereferenced.

HTML for people (a page per kind: task, agency, document, province; a plain page of facts for
the others), Turtle, JSON-LD, N-Triples or RDF/XML for clients that ask (``Accept`` or
``?format=``).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from graph_api import negotiation
from graph_api.entity_refs import suggestion
from graph_api.errors import UnknownEntity
from graph_api.named_queries import load_query
from graph_api.pages import agency, document, facts, province, task
from graph_api.pages.i18n import language
from graph_api.pages.labels import href
from graph_api.pages.render import render
from graph_api.routes.common import ERROR_RESPONSES, SLUG_PATTERN, format_pattern, select
from graph_api.store import QueryOptions
from graph_api.store_terms import IRI
from ontology.errors import QueryError
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
    lang: str | None = Query(None, pattern="^(vi|en)$", description="page language (vi, en)"),
    on: Annotated[date | None, Query(description="task pages: who holds it on this date")] = None,
) -> Response:
    iri = IRI(f"{ID_BASE}{kind}/{slug}")
    bindings = {"entity": iri}
    exists = kind in ENTITY_KINDS and await select(request, "entity_exists", bindings)
    if not exists:  # before negotiating: a JSON client asking for a mistyped id learns so
        raise await unknown_entity(request, kind, slug)
    offer = negotiation.choose(negotiation.ENTITY, request.headers.get("accept"), format)
    headers = {"Vary": "Accept"}
    if offer.key != "html":
        options = QueryOptions(graph_format=offer.key, bindings=bindings)
        output = await run_in_threadpool(
            request.app.state.store.query, load_query("entity_graph"), options
        )
        return Response(output.body, media_type=offer.media_type, headers=headers)
    if on is not None and kind != "task":
        raise QueryError("the parameter 'on' (a date) applies to task pages only")
    page_lang = language(request)
    if kind == "task":
        context = await task.task_context(request, str(iri), page_lang, on or date.today())
        template = "task.html"
    elif kind == "agency":
        context = await agency.agency_context(request, str(iri), page_lang)
        template = "agency.html"
    elif kind == "document":
        context = await document.document_context(request, str(iri), page_lang)
        template = "document.html"
    elif kind == "place" and await province.is_province(request, str(iri)):
        context = await province.province_context(request, str(iri), page_lang)
        template = "province.html"
    else:
        context = await facts.entity_context(request, str(iri), page_lang)
        template = "entity.html"
    context["alternates"] = href(str(iri))
    return render(request, template, context, headers=headers)


async def unknown_entity(request: Request, kind: str, slug: str) -> UnknownEntity:
    """The 404 of an IRI the graph lacks, with the closest entities of its kind (any kind when
    the kind is unknown; ``province`` means a place)."""
    searched = "place" if kind == "province" else kind
    known = searched if searched in ENTITY_KINDS else None
    index = await run_in_threadpool(request.app.state.search_index.index)
    closest = await run_in_threadpool(index.closest, slug, known)
    suggestions = [suggestion(index, hit.entity) for hit in closest]
    return UnknownEntity(f"the graph has no entity {ID_BASE}{kind}/{slug}", suggestions, known)
