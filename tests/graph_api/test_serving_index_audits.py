"""The whole-country audits are computed by ``policygraph build`` into the release's serving index
file (:mod:`graph_api.serving_index_audits`): the server's first answers come from there and equal
what it computes itself from a store whose file lacks them (which it still answers, and logs)."""

from __future__ import annotations

import pickle
import urllib.request
from pathlib import Path

import pytest

from bench.server import Server
from graph_api.serving_index import read, sidecar_path, write
from graph_api.serving_index_audits import compute
from graph_api.store import OxigraphStore
from ontology.releases import current_store_path

AUDITED = (  # every route whose whole-country answer the memo keeps
    "/api/audit/alignment",
    "/api/audit/alignment?format=csv",
    "/api/audit/alignment?format=md",
    "/api/audit/alignment?format=html",
    "/audit/coverage",
    "/api/audit/tasks-alignment",
    "/api/audit/tasks-alignment?format=csv",
    "/alignment",
    "/alignment?lang=en",
    "/api/audit/tasks-alignment?province=binh-duong",
)
MISSING = "is not in the release's serving index: computed"


@pytest.fixture(scope="module")
def data_dir(cli_built_data) -> Path:
    """A copy of data/ built by the real command (reusing the session build's extracted facts)."""
    return cli_built_data


def answers(data: Path, log: Path) -> dict[str, bytes]:
    """Each audited route's body on the first request to a fresh server."""
    found = {}
    with Server(data_dir=data, log=log) as server:
        for path in AUDITED:
            with urllib.request.urlopen(server.url + path, timeout=120) as response:
                assert response.status == 200, path
                found[path] = response.read()
    return found


def test_the_build_writes_the_audits_the_store_gives(data_dir):
    store = current_store_path(data_dir / "build")
    stored = read(store)
    assert stored is not None
    live = OxigraphStore(store)
    try:
        computed = compute(live)
    finally:
        live.close()
    assert set(stored.audits) == set(computed) >= {"alignment-json", "tasks", "coverage"}
    for name, value in computed.items():
        assert stored.audits[name] == value, name
    assert len(stored.audits["tasks"].provinces) > 1  # a real report, not an empty one
    assert b"binh-duong" in stored.audits["alignment-json"]
    kept = sidecar_path(store).read_bytes()
    try:
        write(store, stored)  # what was read writes back whole, and reads back the same
        assert read(store).audits == stored.audits
    finally:
        sidecar_path(store).write_bytes(kept)


def test_first_answers_come_from_the_file_and_equal_the_computed_ones(data_dir, tmp_path):
    with_file = answers(data_dir, tmp_path / "with.log")
    assert MISSING not in (tmp_path / "with.log").read_text()
    path = sidecar_path(current_store_path(data_dir / "build"))
    kept = path.read_bytes()
    payload = pickle.loads(kept)
    del payload["audits"]  # as a store built before the audits were written
    path.write_bytes(pickle.dumps(payload, protocol=5))
    try:
        computed = answers(data_dir, tmp_path / "without.log")
    finally:
        path.write_bytes(kept)
    log = (tmp_path / "without.log").read_text()
    assert "audit 'alignment-json' " + MISSING in log
    assert "audit 'tasks' " + MISSING in log
    for route in AUDITED:
        assert with_file[route] == computed[route], route
