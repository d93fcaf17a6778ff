"""A server over a real Virtuoso uses the build's serving index of the release loaded into it
(``serve --store URL --serving-index PATH``) — the same answers as the embedded store on every
route case — and refuses a file made for other data, answering by querying as before."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.remote_store import RemoteStore
from graph_api.serving_index import read_for_engine, sidecar_path, write_for_store
from graph_api.serving_index_remote import data_fingerprint, remote_sidecar
from graph_api.settings import Settings
from ingest.build import write_store
from ontology.releases import current_store_path
from tests.graph_api.test_virtuoso_routes import REQUESTS, assert_same_answer

pytestmark = pytest.mark.virtuoso


@pytest.fixture(scope="module")
def matching_sidecar(tmp_path_factory, remote_nquads):
    """The serving index a build writes for exactly the quads Virtuoso holds."""
    store_dir = tmp_path_factory.mktemp("sidecar") / "store"
    write_store(remote_nquads, store_dir)
    return write_for_store(store_dir)


@pytest.fixture(scope="module")
def clients(embedded_twin, virtuoso_engine, matching_sidecar):
    settings = Settings(query_workers=0, query_timeout=60, serving_index=matching_sidecar)
    remote = RemoteStore(virtuoso_engine.sparql, timeout=60)
    app = create_app(settings, remote)
    app.state.serving_index.prepared()  # read (not rebuilt): the task table is there
    assert app.state.serving_index.task_table() is not None
    with (
        TestClient(create_app(Settings(query_workers=0, query_timeout=60), embedded_twin)) as ours,
        TestClient(app) as on_virtuoso,
    ):
        yield ours, on_virtuoso


def test_same_fingerprint_on_both_engines(embedded_twin, virtuoso_engine):
    remote = RemoteStore(virtuoso_engine.sparql, timeout=60)
    assert data_fingerprint(remote) == data_fingerprint(embedded_twin)


@pytest.mark.parametrize(
    ("method", "url", "form"), REQUESTS, ids=[f"{m} {u}" for m, u, _ in REQUESTS]
)
def test_route_answers_match_with_sidecar(clients, method, url, form):
    assert_same_answer(*clients, method, url, form)


def test_sidecar_of_other_data_refused(built_store, virtuoso_engine, caplog):
    """The real build's file (its graph without the protocol fixture's graphs Virtuoso also
    holds) is not used: a warning says why and the server rebuilds from the engine."""
    other = sidecar_path(current_store_path(built_store))
    remote = RemoteStore(virtuoso_engine.sparql, timeout=60)
    with caplog.at_level(logging.WARNING, logger="graph_api.serving_index"):
        assert read_for_engine(other, remote) is None
    assert "made for other data than the engine holds" in caplog.text
    app = create_app(Settings(query_workers=0, query_timeout=60, serving_index=other), remote)
    prepared = app.state.serving_index.prepared()
    assert prepared.tasks is None and app.state.serving_index.task_table() is None
    assert prepared.search.entries  # rebuilt from the engine, as without a file


def test_serving_index_paths(built_store, tmp_path):
    """A release or store folder names the file beside its store; a path without one is an
    error naming the parameter; a URL store with no build has no default file to use."""
    store_dir = current_store_path(built_store)
    expected = sidecar_path(store_dir)
    for given in (expected, store_dir, store_dir.parent):
        assert remote_sidecar(Settings(serving_index=given)) == expected
    url = "http://127.0.0.1:9/sparql"
    assert remote_sidecar(Settings(store=url, data_dir=built_store.parent)) is None  # no build/
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "build").symlink_to(built_store)  # a data directory whose build is built_store
    assert remote_sidecar(Settings(store=url, data_dir=data_dir)) == expected
    assert remote_sidecar(Settings()) is None  # the embedded store reads the file beside it
    with pytest.raises(FileNotFoundError, match="--serving-index: no serving index file"):
        remote_sidecar(Settings(serving_index=tmp_path / "missing.pickle"))
