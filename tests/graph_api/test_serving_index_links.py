"""The implementation chains the build walks in Python (:mod:`graph_api.serving_index_links`) are
the rows the routes' own queries give, on the real build."""

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

    # The queries take about 0.1 s each on the real build: every document whose chain runs two
    # steps or more either way (where a walk can go wrong) and every fifth of the others.
    def long(document: str) -> bool:
        down = {row["parent"] for row in links.implemented_by(document)}
        up = {row["from"] for row in links.implements(document)}
        return len(down) > 1 or len(up) > 1

    chained = [d for d in documents if long(d)]
    checked = chained + [d for d in documents if d not in chained][::5]
    assert len(chained) > 10 and len(checked) > 50, (len(chained), len(checked))
    long_down = 0
    for document in checked:
        down = links.implemented_by(document)
        assert _walked(down) == _queried(built_oxigraph, "document_implemented_by", document)
        up = links.implements(document)
        assert _walked(up) == _queried(built_oxigraph, "document_implements", document)
        long_down += len({row["parent"] for row in down}) > 1  # a chain of two steps or more
    assert long_down > 0  # some chains go further than one link
    unknown = "https://w3id.org/policygraph/id/document/no-such-document"
    assert links.implemented_by(unknown) == links.implements(unknown) == []
