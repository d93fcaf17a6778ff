"""What a person types in a list filter, read as entities: a slug or IRI, a name with or without
diacritics, a document's official number — so ``agency=Bộ Khoa học và Công nghệ``,
``agency=bo khoa hoc va cong nghe`` and ``agency=bo-khcn`` filter alike.

A name is matched exactly first (the build's folded ``pg:searchKey`` of every label, or a
document's number); failing that, the best hit of the search index among entities of that kind
holding every word. Nothing found is a :class:`NotFound` naming the parameter.
"""

from __future__ import annotations

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from graph_api.entity_refs import SLUG, parse_entity_ref
from graph_api.pages.labels import nfc
from graph_api.routes.common import select
from graph_api.search_by_kind import lookup_index
from graph_api.store_terms import IRI
from ontology.errors import NotFound, QueryError
from ontology.namespaces import ID_BASE
from ontology.text_keys import label_key

MAX_MATCHES = 5  # one name naming more entities than this is too vague to filter by


async def resolve(request: Request, parameter: str, value: str | None, kind: str) -> list[IRI]:
    """The entities of ``kind`` that ``value`` names (empty list: no filter)."""
    text = nfc(value or "").strip()
    if not text:
        return []
    if SLUG.match(text) or text.startswith((ID_BASE, "/id/")):
        try:
            iri = parse_entity_ref(text, kind)
        except QueryError:
            iri = None
        if iri is not None and await select(request, "entity_exists", {"entity": iri}):
            return [iri]
    prefix = f"{ID_BASE}{kind}/"
    rows = await select(request, "list_entity_by_key", {"key": label_key(text), "prefix": prefix})
    if kind == "document":
        rows += await select(request, "list_document_by_number", {"number": text})
    found = sorted({IRI(row["entity"]) for row in rows})
    if not found:
        state = request.app.state  # while a remote engine's index loads: by query
        index = await run_in_threadpool(lookup_index, state.store, state.search_index, kind)
        hits = [hit for hit in index.search(text, limit=len(index.entries)) if hit.kind == kind]
        found = [IRI(hits[0].entity)] if hits else []
    if not found:
        raise NotFound(f"{parameter}={value!r}: no {kind} of that name, number or id")
    if len(found) > MAX_MATCHES:
        raise QueryError(
            f"{parameter}={value!r} names {len(found)} entities of kind {kind}: give a fuller name"
        )
    return found
