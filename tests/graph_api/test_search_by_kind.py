"""Names resolve by query while a remote engine's search index loads
(:mod:`graph_api.search_by_kind`): the index of one kind read by query resolves names and
suggests as the whole index does (real build), and a server over a real Virtuoso whose index is
still loading answers the routes that resolve names as the embedded store does."""

from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.named_queries import load_query
from graph_api.remote_store import RemoteStore
from graph_api.routes.search import search_rows
from graph_api.search_by_kind import QUERIED_KINDS, kind_index
from graph_api.search_index import SearchIndex, _kind
from graph_api.settings import Settings
from graph_api.store import IRI
from tests.graph_api.test_virtuoso_routes import assert_same_answer

TYPED = (
    "57-NQ/TW",
    "03/NQ-CP",
    "binh duong",
    "Bình Dương",
    "TP.HCM",
    "so khcn binh duon",
    "bo khoa hoc va cong nghe",
    "Sở KH&CN Bình Dương",
    "no-such-document",
    "ha noi",
    "chuyen doi so",
)


@pytest.mark.slow
def test_a_kinds_index_names_and_suggests_as_the_whole_index(built_oxigraph):
    whole = SearchIndex(search_rows(built_oxigraph))
    for kind in QUERIED_KINDS:
        mine = kind_index(built_oxigraph, kind)
        labels = sorted({e.label for e in whole.entries if _kind(e.entity) == kind})
        for text in (*TYPED, *labels[:: max(1, len(labels) // 12)]):
            assert mine.named(text, kind) == whole.named(text, kind), (kind, text)
            assert mine.closest(text, kind) == whole.closest(text, kind), (kind, text)
            found = [h for h in mine.search(text, len(mine.entries)) if h.kind == kind]
            expected = [h for h in whole.search(text, len(whole.entries)) if h.kind == kind]
            assert found == expected, (kind, text)


@pytest.mark.slow
def test_an_entity_the_index_holds_exists(built_oxigraph):
    """What lets a read index answer the existence check instead of the store."""
    whole = SearchIndex(search_rows(built_oxigraph))
    held = sorted({*whole.preferred_label, *whole.first_label})
    for iri in held[:: max(1, len(held) // 200)]:
        assert built_oxigraph.select(load_query("entity_exists"), {"entity": IRI(iri)}), iri


RESOLVING = (
    "/api/documents/57-NQ/TW?task_limit=5",
    "/api/documents/no-such-document",
    "/api/tasks?agency=B%E1%BB%99+Khoa+h%E1%BB%8Dc+v%C3%A0+C%C3%B4ng+ngh%E1%BB%87&limit=5",
    "/api/tasks?province=binh+duong&limit=5",
    "/api/tasks?province=no+such+place&limit=5",
    "/api/agencies/so-khcn-binh-duon",
)


@pytest.mark.virtuoso
def test_names_resolve_while_the_remote_index_loads(embedded_twin, virtuoso_engine):
    remote = RemoteStore(virtuoso_engine.sparql, timeout=60)
    app = create_app(Settings(query_workers=0, query_timeout=60), remote)
    loading = app.state.serving_index._lock  # held: the index is being read
    loading.acquire()
    guard = threading.Timer(300, loading.release)  # never hang the suite
    guard.start()
    try:
        with (
            TestClient(create_app(Settings(query_workers=0), embedded_twin)) as ours,
            TestClient(app) as on_virtuoso,
        ):
            for url in RESOLVING:
                assert_same_answer(ours, on_virtuoso, "GET", url, None)
            assert guard.is_alive(), "answered only after the index was read"

            def again() -> SearchIndex:
                raise AssertionError("a kind's index read again within the release")

            kept = app.state.serving_index.kind_index("document", again)  # kept, not re-read
            assert kept.named("57-NQ/TW", "document")
    finally:
        if guard.is_alive():
            guard.cancel()
            loading.release()
