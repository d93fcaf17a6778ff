"""Every document's properties kept in the serving index (:mod:`graph_api.serving_index_documents`)
give the record ``document.rq`` gives, and ``/api/documents/{id}`` answers the same with and
without them, on the real build."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.named_queries import load_query
from graph_api.routes.documents import document_properties
from graph_api.serving_index import read
from graph_api.serving_index_documents import NAME, kept_rows
from graph_api.settings import Settings
from graph_api.store import IRI

pytestmark = pytest.mark.slow


def test_kept_properties_give_the_querys_record(built_oxigraph, built_store_dir):
    entry = read(built_store_dir).audits[NAME]
    assert len(entry) > 20
    for iri in entry:
        queried = built_oxigraph.select(load_query("document"), {"document": IRI(iri)})
        assert document_properties(kept_rows(entry, iri)) == document_properties(queried), iri
    assert kept_rows(entry, "https://w3id.org/policygraph/id/document/no-such") is None


def test_the_route_answers_the_same_without_them(built_oxigraph, built_store_dir):
    with_file = TestClient(create_app(Settings(query_workers=0), built_oxigraph))
    without = TestClient(create_app(Settings(query_workers=0), built_oxigraph))
    without.app.state.serving_index = None  # every document read by its query
    documents = sorted(read(built_store_dir).audits[NAME])[::25]
    slugs = [iri.rsplit("/", 1)[-1] for iri in documents]
    for url in [f"/api/documents/{slug}?task_limit=3" for slug in slugs] + [
        "/api/documents/57-NQ/TW?task_limit=5",
        "/api/documents/no-such-document",
    ]:
        kept, queried = with_file.get(url), without.get(url)
        assert (kept.status_code, kept.content) == (queried.status_code, queried.content), url
