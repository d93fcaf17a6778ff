"""What the REST routes share: running named queries, pages of tasks, JSON or CSV."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from graph_api import negotiation
from graph_api.entity_refs import resolve_entity
from graph_api.models import ErrorBody, Evidence, Ref, Task
from graph_api.named_queries import load_query
from graph_api.search_by_kind import known_entity, lookup_index
from graph_api.search_index import SearchIndex
from graph_api.serving_index_tasks import TaskTable
from graph_api.store_terms import IRI
from ontology.errors import NotFound, QueryError
from ontology.vocabulary import ID_BASE

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in (
        (400, "Bad parameter"),
        (404, "Unknown id or name (with the closest entities as suggestions)"),
        (406, "No acceptable format"),
        (503, "Query stopped at the time limit"),
    )
}
CSV_RESPONSE = {"content": {"text/csv": {"schema": {"type": "string"}}}}
FORMAT_DESCRIPTION = "json or csv (default: by Accept, else json)"
SLUG_PATTERN = r"^[\w.\-]+$"  # as SLUG: what the OpenAPI schema promises is what is accepted


def id_pattern(kind: str) -> str:
    """The values ``entity_ref(kind, …)`` accepts: empty, a slug, or the entity's full IRI."""
    return rf"^$|^({re.escape(f'{ID_BASE}{kind}/')})?[\w.\-]+$"


def name_or_id(kind: str, example: str) -> str:
    """The description of a parameter :func:`resolve_ref` reads."""
    return f"{kind} slug, IRI or name, e.g. {example} (unknown: 404 naming the closest ones)"


async def resolve_ref(request: Request, value: str | None, kind: str, parameter: str) -> IRI | None:
    """The IRI of the entity of ``kind`` that ``value`` (id or name) means; None when absent.

    Unknown: 404 naming ``parameter`` with the closest entities; see :func:`resolve_entity`.
    """
    if not value:
        return None
    return await run_in_threadpool(resolve_in_store, request.app, value, kind, parameter)


def resolve_in_store(app: Any, value: str, kind: str, parameter: str) -> IRI:
    """:func:`resolve_entity` over the app's store and search index (blocking)."""
    store = app.state.store

    def exists(iri: IRI) -> bool:  # an entity with a label in the read index: no query
        if known_entity(app.state.search_index, iri):
            return True
        return bool(store.select(load_query("entity_exists"), {"entity": iri}))

    def search_index() -> SearchIndex:  # while a remote engine's index loads: by query
        return lookup_index(store, app.state.search_index, kind)

    return resolve_entity(
        value, kind, exists=exists, search_index=search_index, parameter=parameter
    )


def format_pattern(offers: tuple[negotiation.Offer, ...]) -> str:
    """The ``format`` values an answer with these offers accepts (empty: by Accept)."""
    names = [name for o in offers for name in (o.key, o.media_type, *o.aliases)]
    return "^$|^(" + "|".join(re.escape(name) for name in names) + ")$"


DEFAULT_LIMIT = 100
# The declared maximum of a `limit` that `limit_within` caps at the server's max_rows (OpenAPI
# documents the cap itself: graph_api.openapi_doc).
ROW_CAPPED = 1_000_000


def limit_within(request: Request, limit: int | None) -> int:
    """The page size: as asked, or 100 (at most the server's row cap); over the cap is 400."""
    cap = request.app.state.settings.max_rows
    if limit is None:
        return min(DEFAULT_LIMIT, cap)
    if limit > cap:
        raise QueryError(f"limit {limit} is over this server's maximum of {cap}")
    return limit


async def select(
    request: Request,
    name: str,
    bindings: dict[str, Any] | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Run the named query ``name`` with ``bindings`` on the app's store (off the event loop)."""
    return await run_in_threadpool(
        request.app.state.store.select, load_query(name), bindings, limit=limit, offset=offset
    )


def split_refs(packed: str | None) -> list[Ref]:
    """``iri<TAB>label`` lines (GROUP_CONCAT in the .rq) as references, sorted: GROUP_CONCAT's
    order is each engine's own, and every store must give the same answer."""
    refs = []
    for line in sorted((packed or "").split("\n")):
        if line.strip():
            iri, _, label = line.partition("\t")
            refs.append(Ref(iri=iri, label=label or None))
    return refs


def split_lines(packed: str | None) -> list[str]:
    """GROUP_CONCAT lines, sorted (as in :func:`split_refs`)."""
    return sorted(line for line in (packed or "").split("\n") if line.strip())


TASK_DRIVERS = ("agency", "province", "document", "theme")  # most selective first


async def task_page(
    request: Request, bindings: dict[str, Any], *, limit: int, offset: int = 0
) -> list[IRI]:
    """The IRIs of one page of tasks matching ``bindings`` (filters; None = not given), in IRI
    order (every store, embedded or remote, gives the same pages).

    With the build's task table (:func:`task_table`), the unfiltered page and a document's page
    are slices of it. Else, without a filter, the page is looked up by the build's
    ``pg:taskRank``. With a document,
    theme or date filter and no agency or province, the list is first walked in rank order, a
    stretch of ranks per query with the filters checked on each (:func:`_walked_page`): a broad
    filter (every task under 57-NQ/TW, every task still open) fills its page in a few lookups.
    Otherwise, or when the walk shows the filter to be narrow, the query driven by the most
    selective filter (``task_page_<filter>.rq``) reads its matches, whose cost follows the
    answer, not the graph, and they are sorted here, not by ORDER BY (13 s on
    disk at 10⁶ quads against 0.7 s); so is every page of a graph built without the ranks.
    """
    # an agency's or a province's tasks are read by lookup, never by rank: no probe for those;
    # a graph built without the derived ranks has none
    table = await task_table(request)
    if table is not None and all(value is None for value in bindings.values()):
        return [IRI(task) for task in table.ranked[offset : offset + limit]]
    if table is not None and _only_document(bindings):
        return table.document_page(str(bindings["document"]), limit=limit, offset=offset)
    lookup = any(bindings.get(name) is not None for name in LOOKUP_DRIVERS)
    ranked = not lookup and await _has_rank(request, 0)
    if ranked and all(value is None for value in bindings.values()):
        return await _ranked_page(request, limit=limit, offset=offset)
    walked = await _walked_page(request, bindings, limit=limit, offset=offset) if ranked else None
    if walked is not None:
        return walked
    driver = next((name for name in TASK_DRIVERS if bindings.get(name) is not None), None)
    name = "task_page" if driver is None else f"task_page_{driver}"
    tasks = sorted({row["task"] for row in await select(request, name, bindings)})
    return [IRI(task) for task in tasks[offset : offset + limit]]


def _only_document(bindings: dict[str, Any]) -> bool:
    return bindings.get("document") is not None and all(
        value is None for name, value in bindings.items() if name != "document"
    )


async def task_table(request: Request) -> TaskTable | None:
    """The release's precomputed task records and document pages (the serving index's), or
    None: a store without them is queried (:mod:`graph_api.serving_index_tasks`)."""
    index = getattr(request.app.state, "serving_index", None)
    return None if index is None else await run_in_threadpool(index.task_table)


RANK_CHUNK = 500  # ranks bound in one query (bound lists of ~1,000 values fall off a cliff)
WALK_RANKS = 10 * RANK_CHUNK  # the most ranks a walk reads before the driven query is cheaper
LOOKUP_DRIVERS = ("agency", "province")  # filters whose driven query beats any walk


async def _walked_page(
    request: Request, bindings: dict[str, Any], *, limit: int, offset: int
) -> list[IRI] | None:
    """The page, by walking the ranks in order with the filters checked on each task
    (``task_page_walk.rq``); None when the matches seen so far say the page would need more
    than ``WALK_RANKS`` ranks (a narrow filter: the caller runs the driven query instead), and
    without walking for an agency or a province (their tasks are read by lookup: walking first
    cost agency detail 4× and one province's page 1.7× at 10⁶ quads) or for a page ending past
    ``WALK_RANKS``."""
    wanted = offset + limit
    if any(bindings.get(name) is not None for name in LOOKUP_DRIVERS) or wanted > WALK_RANKS:
        return None  # an agency's or province's tasks are a lookup; no walk reaches this deep
    found: list[tuple[int, str]] = []
    start = 0
    while len(found) < wanted:
        ranks = list(range(start, start + RANK_CHUNK))
        rows = await select(request, "task_page_walk", {**bindings, "rank": ranks})
        found.extend(sorted({(int(row["rank"]), row["task"]) for row in rows}))
        start += RANK_CHUNK
        if len(found) >= wanted or not await _has_rank(request, start):
            break  # the page is full, or every task has been walked
        if wanted * start > WALK_RANKS * max(len(found), 1):
            return None  # at the rate seen so far the page needs more than WALK_RANKS ranks
    return [IRI(task) for _, task in found[offset:wanted]]


async def _has_rank(request: Request, rank: int) -> bool:
    """Whether some task has the rank ``rank`` (ranks run from 0 without gaps)."""
    return bool(await select(request, "task_page_ranked", {"rank": [rank]}))


async def _ranked_page(request: Request, *, limit: int, offset: int) -> list[IRI]:
    """The unfiltered page by the build's ``pg:taskRank``: one lookup per row, in rank order."""
    ranked: dict[int, str] = {}
    for start in range(offset, offset + limit, RANK_CHUNK):
        ranks = list(range(start, min(offset + limit, start + RANK_CHUNK)))
        for row in await select(request, "task_page_ranked", {"rank": ranks}):
            ranked[int(row["rank"])] = row["task"]
    return [IRI(ranked[rank]) for rank in sorted(ranked)]


async def load_tasks(request: Request, task_iris: list[IRI]) -> list[Task]:
    """The tasks ``task_iris`` (in that order) with owners, deadline, document, description and
    evidence quote: three queries bound to the page's tasks."""
    if not task_iris:
        return []
    table = await task_table(request)
    records = table.records_of(task_iris) if table is not None else None
    if records is not None:
        return [Task.model_validate_json(record) for record in records]
    rows = {row["task"]: row for row in await select(request, "tasks", {"task": task_iris})}
    descriptions: dict[str, str] = {}
    for found in await select(request, "task_texts", {"task": task_iris}):
        current = descriptions.get(found["task"])
        if current is None or found["description"] < current:
            descriptions[found["task"]] = found["description"]
    evidence_iris = sorted({IRI(row["evidence"]) for row in rows.values() if row.get("evidence")})
    evidence: dict[str, Evidence] = {}
    if evidence_iris:
        for found in await select(request, "evidence_quotes", {"evidence": evidence_iris}):
            evidence[found["evidence"]] = Evidence(quote=found["quote"], source=found["source"])
    return [
        task_from_row(row, descriptions.get(iri), evidence.get(row.get("evidence") or ""))
        for iri in task_iris
        if (row := rows.get(iri)) is not None
    ]


def task_from_row(row: dict[str, Any], description: str | None, evidence: Evidence | None) -> Task:
    document = None
    if row.get("document"):
        document = Ref(iri=row["document"], label=row.get("documentLabel"))
    return Task(
        iri=row["task"],
        description=description,
        number=None if row.get("taskNumber") is None else str(row["taskNumber"]),
        deadline=None if row.get("deadline") is None else str(row["deadline"]),
        deadline_text=row.get("deadlineText"),
        ongoing=row.get("ongoing"),
        document=document,
        leads=split_refs(row.get("leads")),
        coordinators=split_refs(row.get("coordinators")),
        themes=split_lines(row.get("themes")),
        evidence=evidence,
    )


def require_found(rows: list[dict[str, Any]], kind: str, iri: str) -> dict[str, Any]:
    if not rows:
        raise NotFound(f"no {kind} {iri.rsplit('/', 1)[-1]!r} in the graph ({iri})")
    return rows[0]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(item) for item in value)
    if isinstance(value, dict):
        return value.get("iri") or value.get("quote") or ""
    return str(value)


def table_response(
    request: Request, model: BaseModel, rows_field: str, format_param: str | None
) -> Response:
    """``model`` as JSON, or its list ``rows_field`` as CSV, as the client asked."""
    offer = negotiation.choose(negotiation.TABLE, request.headers.get("accept"), format_param)
    if offer.key == "json":
        return JSONResponse(model.model_dump(mode="json"), headers={"Vary": "Accept"})
    records = [item.model_dump(mode="json") for item in getattr(model, rows_field)]
    out = io.StringIO()
    if records:
        writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({key: _cell(value) for key, value in r.items()} for r in records)
    return Response(out.getvalue(), media_type="text/csv", headers={"Vary": "Accept"})
