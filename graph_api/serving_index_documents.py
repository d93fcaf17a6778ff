"""Every document's properties (``document.rq``'s rows), read when a release is built and kept in
its serving index file, so ``/api/documents/{id}`` served from a remote engine sends it no
query for them (with the task table and the document's links already in the file, that query
and the id's existence check were the route's whole round trips to the engine: 20–50 ms each
to Virtuoso under load, against 16 ms for the whole answer embedded).

Rows are kept as (property, value as text): the route reads each value as text
(:func:`graph_api.routes.documents.document_properties`), so the answer is the same; a document
the file lacks is queried as before.
"""

from __future__ import annotations

from typing import Any

from graph_api.named_queries import load_query
from graph_api.store import IRI, Store

NAME = "document-properties"  # the entry of the file's audits (the memo's names) holding them


def compute(store: Store) -> dict[str, list[list[str]]]:
    """Document IRI → its ``document.rq`` rows as [property, value text], for every document
    the document list names."""
    documents = sorted({str(row["document"]) for row in store.select(load_query("document_list"))})
    query = load_query("document")
    kept: dict[str, list[list[str]]] = {}
    for iri in documents:
        rows = store.select(query, {"document": IRI(iri)})
        kept[iri] = [[row["property"], str(row["value"])] for row in rows]
    return kept


def kept_rows(entry: dict[str, Any] | None, iri: str) -> list[dict[str, str]] | None:
    """The document's rows as the query gives them (values as text); None when not kept."""
    if not entry or iri not in entry:
        return None
    return [{"property": name, "value": value} for name, value in entry[iri]]
