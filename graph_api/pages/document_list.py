"""The list of documents (``/documents``): official number, type, title, issuer, date and
province, filtered in SPARQL (``document_list.rq``), each fact once however many sources state
it, sorted and paged here; words of the number or title matched by the search index."""

from __future__ import annotations

import itertools
from functools import partial
from typing import Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from graph_api.audit.memo import release_memo
from graph_api.exports import Column
from graph_api.pages.facts import entity_names
from graph_api.pages.labels import nfc, title_rank
from graph_api.pages.lookup import resolve
from graph_api.routes.common import select
from graph_api.store_terms import IRI
from ontology.errors import QueryError
from ontology.namespaces import PG
from ontology.text_keys import fold, fold_words

SORTS = ("issued", "number", "title")
GENERIC = str(PG) + "PolicyDocument"  # every document is one: shown only when nothing else is
COLUMNS = (
    Column("number", "Số hiệu", "Number"),
    Column("types", "Loại văn bản", "Type"),
    Column("title", "Tên văn bản", "Title"),
    Column("issuer", "Cơ quan ban hành", "Issued by"),
    Column("issued", "Ngày ban hành", "Issued on"),
    Column("provinces", "Phạm vi", "Scope"),
    Column("iri", "Địa chỉ (IRI)", "IRI"),
)


async def matching_documents(
    request: Request, q: str, province: str, type_: str, issuer: str
) -> tuple[list[dict[str, Any]], dict[str, list[IRI]]]:
    """Every document matching the filters as a record (unsorted), and the entities named."""
    chosen = {
        "province": await resolve(request, "province", province, "place"),
        "issuer": await resolve(request, "issuer", issuer, "agency"),
    }
    kind = None
    if type_.strip():
        if not type_.isidentifier():
            raise QueryError(f"type={type_!r}: a kind of document such as Resolution or Plan")
        kind = IRI(str(PG) + type_)
    values = await document_records(request)
    if kind is not None or chosen["province"] or chosen["issuer"]:
        kept: set[str] = set()
        for place, agency in itertools.product(
            chosen["province"] or [None], chosen["issuer"] or [None]
        ):
            bindings = {"province": place, "issuer": agency, "type": kind}
            kept |= {
                row["document"] for row in await select(request, "document_list_filtered", bindings)
            }
        values = {iri: record for iri, record in values.items() if iri in kept}
    if q.strip():
        wanted = await text_matches(request, q)
        values = {iri: record for iri, record in values.items() if iri in wanted}
    return [dict(record) for record in values.values()], {
        name: found for name, found in chosen.items() if found
    }


async def document_records(request: Request) -> dict[str, dict[str, Any]]:
    """Every document's record (IRI → :func:`_record`), read once per release: the list reads
    every document's facts (2,891 rows at 10⁶ quads, 70–150 ms on disk) for each request."""
    memo = release_memo(request.app.state)
    return await memo.aget("document-list", request.app.state.store, partial(read_records, request))


async def read_records(request: Request) -> dict[str, dict[str, Any]]:
    """Every document's record from ``document_list.rq`` (one row per fact and source)."""
    values: dict[str, dict[str, set[str]]] = {}
    for row in await select(request, "document_list"):
        record = values.setdefault(row["document"], {})
        record.setdefault(row["property"], set()).add(str(row["value"]))
    return {iri: _record(iri, found) for iri, found in values.items()}


async def text_matches(request: Request, text: str) -> set[str]:
    """The documents with a title or number holding every word of ``text``."""
    words = fold_words(text)
    if not words:
        return set()
    index = await run_in_threadpool(request.app.state.search_index.index)
    prefix = "https://w3id.org/policygraph/id/document/"
    return {
        entry.entity
        for position in index.candidates(words)
        if (entry := index.entries[position]).entity.startswith(prefix)
    }


def _record(iri: str, found: dict[str, set[str]]) -> dict[str, Any]:
    """One document's facts, each once: the least number and date, the fullest plausible title."""
    titles = sorted(found.get("curatedTitle") or found.get("title", ()), key=title_rank)
    types = sorted(found.get("type", ()))
    return {
        "iri": iri,
        "number": nfc(min(found["identifier"])) if found.get("identifier") else "",
        "title": nfc(titles[0]) if titles else "",
        "issued": min(found["issued"])[:10] if found.get("issued") else "",
        "issuer_iri": min(found["issuer"]) if found.get("issuer") else None,
        "province_iris": sorted(found.get("province", ())),
        "type_iris": [t for t in types if t != GENERIC] or types,
    }


async def with_names(request: Request, rows: list[dict[str, Any]], lang: str) -> list[dict]:
    """``rows`` with the names of their issuer, scope and types in ``lang``."""
    iris = sorted(
        {row["issuer_iri"] for row in rows if row["issuer_iri"]}
        | {iri for row in rows for iri in (*row["province_iris"], *row["type_iris"])}
    )
    names: dict[str, str] = {}
    for start in range(0, len(iris), 250):
        names.update(await entity_names(request, iris[start : start + 250], lang))
    return [
        {
            **row,
            "issuer": names.get(row["issuer_iri"] or "", ""),
            "provinces": [names.get(p, p) for p in row["province_iris"]],
            "types": [names.get(t, t.rsplit("#", 1)[-1]) for t in row["type_iris"]],
            "title": row["title"] or (names.get(row["iri"], "") if lang == "en" else ""),
        }
        for row in rows
    ]


async def type_choices(request: Request, lang: str) -> list[tuple[str, str]]:
    """(class name, its label) of every kind of document in the graph, for the type filter."""
    types = sorted(row["type"] for row in await select(request, "list_document_types"))
    names = await entity_names(request, types, lang)
    return sorted(
        ((t.rsplit("#", 1)[-1], names.get(t, t)) for t in types if t != GENERIC),
        key=lambda choice: fold(choice[1]),
    )


def sort_rows(rows: list[dict[str, Any]], sort: str, descending: bool) -> list[dict[str, Any]]:
    """By date (latest first by default), number or title; missing values last either way."""
    if sort not in SORTS:
        raise QueryError(f"sort={sort!r}: one of {', '.join(SORTS)}")
    key = {"issued": "issued", "number": "number", "title": "title"}[sort]
    by_number = sorted(rows, key=lambda row: (fold(row["number"]), row["iri"]))
    present = [row for row in by_number if row[key]]
    latest_first = sort == "issued"
    present.sort(key=lambda row: fold(row[key]), reverse=latest_first != descending)
    return present + [row for row in by_number if not row[key]]
