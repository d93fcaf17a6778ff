"""``/api/documents/{id}``: a document, what it implements and what implements it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from graph_api.models import Document, DocumentLink, Ref
from graph_api.routes.common import (
    ERROR_RESPONSES,
    load_tasks,
    name_or_id,
    require_found,
    resolve_ref,
    select,
    split_lines,
    task_page,
    task_table,
)
from graph_api.serving_index_documents import NAME as DOCUMENT_PROPERTIES
from graph_api.serving_index_documents import kept_rows
from graph_api.serving_index_tasks import TaskTable

router = APIRouter(tags=["answers"])
TASK_PAGE = 200  # a national resolution has every task of the country under it: page them
TASK_LIMIT = "how many of its tasks to list (default 200; all of them: /api/tasks?document=)"


def _links(rows: list[dict[str, Any]], target: str, via: str) -> list[DocumentLink]:
    """One link per document (a document with several types is listed once)."""
    links: dict[tuple[str, str], DocumentLink] = {}
    # a total order in Python: engines order titles differently ("57- NQ/TW" / "57-NQ/TW")
    order = (via, target, "identifier", "title", "type")
    for row in sorted(rows, key=lambda row: tuple(str(row.get(k) or "") for k in order)):
        key = (row[target], row[via])
        if key not in links or (links[key].type is None and row.get("type")):
            links[key] = DocumentLink(
                iri=row[target],
                identifier=row.get("identifier"),
                title=row.get("title"),
                type=row.get("type"),
                via=row[via],
            )
    return list(links.values())


def document_properties(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Rows of ``document.rq`` (property, value) as one record: the least value of each property
    (as MIN would give), every type newline-separated; empty when the document has no type."""
    values: dict[str, list[str]] = {}
    for row in rows:
        values.setdefault(row["property"], []).append(str(row["value"]))
    if not values.get("types"):
        return {}
    record: dict[str, Any] = {name: min(found) for name, found in values.items()}
    record["types"] = "\n".join(sorted(set(values["types"])))
    return record


@router.get(
    "/api/documents/{document_id:path}",
    response_model=Document,
    summary="A document with its implementation chain up and down",
    responses=ERROR_RESPONSES,
)
async def get_document(
    request: Request,
    document_id: str = Path(
        max_length=300, description=name_or_id("document", "57-ntw-2024 or 57-NQ/TW")
    ),
    task_limit: int = Query(TASK_PAGE, ge=0, le=1_000_000, description=TASK_LIMIT),
    task_offset: int = Query(0, ge=0, le=1_000_000),
) -> JSONResponse:
    iri = await resolve_ref(request, document_id, "document", "document_id")
    bindings = {"document": iri}
    record = document_properties(await _properties(request, iri))
    row = require_found([record] if record else [], "document", iri)
    table = await task_table(request)
    up = await _chain(request, table, "document_implements", bindings)
    down = await _chain(request, table, "document_implemented_by", bindings)
    page = await task_page(
        request,
        bindings,
        limit=min(task_limit, request.app.state.settings.max_rows),
        offset=task_offset,
    )
    issuer = None
    if row.get("issuedBy"):
        issuer = Ref(iri=row["issuedBy"], label=row.get("issuedByLabel"))
    document = Document(
        iri=iri,
        identifier=row.get("identifier"),
        title=row.get("title"),
        types=split_lines(row.get("types")),
        issued=None if row.get("issued") is None else str(row["issued"]),
        issued_by=issuer,
        status=row.get("status"),
        territorial_scope=row.get("territorialScope"),
        is_part_of=row.get("isPartOf"),
        implements=_links(up, "ancestor", "from"),
        implemented_by=_links(down, "descendant", "parent"),
        tasks=[],
    )
    records = table.records_of(page) if table is not None else None
    head = bytes(JSONResponse(document.model_dump(mode="json")).body)
    if records is not None and head.endswith(b',"tasks":[]}'):
        # the build's JSON of each task spliced in, byte for byte as JSONResponse writes it
        body = head[: -len(b"]}")] + b",".join(records) + b"]}"
        return Response(body, media_type="application/json")
    document.tasks = await load_tasks(request, page)
    return JSONResponse(document.model_dump(mode="json"))


async def _properties(request: Request, iri: str) -> list[dict[str, Any]]:
    """The document's ``document.rq`` rows: the build's (values as text), else read."""
    state = request.app.state
    index = getattr(state, "serving_index", None)
    if index is not None:
        entry = await run_in_threadpool(index.audit, DOCUMENT_PROPERTIES, state.store.release)
        kept = kept_rows(entry, iri)
        if kept is not None:
            return kept
    return await select(request, "document", {"document": iri})


async def _chain(
    request: Request, table: TaskTable | None, query: str, bindings: dict[str, Any]
) -> list[dict[str, Any]]:
    """The document's links (``query``'s rows): the build's, else read."""
    kept = table.document_links(str(bindings["document"]), query) if table is not None else None
    return kept if kept is not None else await select(request, query, bindings)
