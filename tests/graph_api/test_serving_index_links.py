"""The implementation chains the build walks in Python (:mod:`graph_api.serving_index_links`) are
the rows the routes' own queries give, for every document of the real build."""

from __future__ import annotations

from collections import Counter

from graph_api.named_queries import load_query
from graph_api.serving_index_links import Links
from graph_api.store_terms import IRI


def _queried(store, query: str, document: str) -> Counter:
    rows = store.select(load_query(query), {"document": IRI(document)})
    return Counter(
        tuple(sorted((k, str(v)) for k, v in row.items() if v is not None)) for row in rows
    )


def _walked(rows: list[dict[str, str]]) -> Counter:
    return Counter(tuple(sorted(row.items())) for row in rows)


def test_each_documents_chains_are_the_queries_rows(built_oxigraph):
    links = Links(built_oxigraph)
    documents = sorted(set(links.parents) | set(links.children))
    documents = [d for d in documents if "/id/document/" in d]
    assert len(documents) > 50, documents  # the real build links many documents
    long_down = 0
    for document in documents:
        down = links.implemented_by(document)
        assert _walked(down) == _queried(built_oxigraph, "document_implemented_by", document)
        up = links.implements(document)
        assert _walked(up) == _queried(built_oxigraph, "document_implements", document)
        long_down += len({row["parent"] for row in down}) > 1  # a chain of two steps or more
    assert long_down > 0  # some chains go further than one link
    unknown = "https://w3id.org/policygraph/id/document/no-such-document"
    assert links.implemented_by(unknown) == links.implements(unknown) == []
