"""Fixtures for the API tests: a store on disk, apps over it, and a live server subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from bench.server import free_port  # also imported from here by test_virtuoso
from graph_api.app import create_app
from graph_api.settings import Settings
from graph_api.store import OxigraphStore
from ingest.build import write_store as load_nquads_store

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CONFORMANCE = ROOT.parent / "shared" / "conformance"
SAMPLE_GRAPH = HERE / "sample_graph.trig"
ID = "https://w3id.org/policygraph/id/"


def write_store(path: Path, *, extra_nquads: Path | None = None) -> Path:
    """An on-disk Oxigraph store: data/curated/*.ttl (each in its curated-<stem> graph),
    the sample graph, and optionally more N-Quads (the protocol fixture)."""
    store = ox.Store(str(path))
    for ttl in sorted((ROOT / "data" / "curated").glob("*.ttl")):
        graph = ox.NamedNode(f"{ID}source/curated-{ttl.stem}")
        store.bulk_load(path=str(ttl), format=ox.RdfFormat.TURTLE, to_graph=graph)
    store.bulk_load(path=str(SAMPLE_GRAPH), format=ox.RdfFormat.TRIG)
    if extra_nquads is not None:
        store.bulk_load(path=str(extra_nquads), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    return path


@pytest.fixture(scope="session")
def sample_store_dir(tmp_path_factory) -> Path:
    return write_store(tmp_path_factory.mktemp("sample") / "store")


@pytest.fixture(scope="session")
def protocol_fixture(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fixture") / "protocol-fixture.nq"
    subprocess.run(
        [sys.executable, str(CONFORMANCE / "protocol_tests.py"), "--write-fixture", str(path)],
        check=True,
        capture_output=True,
    )
    return path


@pytest.fixture(scope="session")
def sample_store(sample_store_dir):
    store = OxigraphStore(sample_store_dir)
    yield store
    store.close()


@pytest.fixture(scope="session")
def client(sample_store) -> TestClient:
    """An app over the sample store, queries run in this process (fast, no time limit)."""
    settings = Settings(query_workers=0, max_rows=50)
    return TestClient(create_app(settings, sample_store))


@pytest.fixture(scope="session")
def pooled_client(sample_store_dir):
    """An app whose queries run in two worker processes with a 2 s limit."""
    settings = Settings(query_workers=2, query_timeout=2.0, max_rows=50)
    with TestClient(create_app(settings, OxigraphStore(sample_store_dir))) as test_client:
        yield test_client


class LiveServer:
    """``policygraph serve`` as a subprocess on 127.0.0.1, stopped by its own process id."""

    def __init__(self, store: str, *options: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.sparql = f"{self.base}/sparql"
        command = [sys.executable, "-m", "cli", "--store", store, "serve"]
        command += ["--host", "127.0.0.1", "--port", str(self.port), *options]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        self._wait_ready()

    def _wait_ready(self, limit: float = 60.0) -> None:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                output = self.process.stdout.read().decode(errors="replace")
                raise RuntimeError(f"server exited with {self.process.returncode}:\n{output}")
            try:
                with urllib.request.urlopen(f"{self.sparql}?query=ASK%7B%7D", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("server did not answer within 60 s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory, protocol_fixture):
    """A live server over the sample store with the protocol fixture graphs loaded beside it."""
    store_dir = write_store(
        tmp_path_factory.mktemp("live") / "store", extra_nquads=protocol_fixture
    )
    server = LiveServer(str(store_dir), "--query-timeout", "3", "--query-workers", "2")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def remote_nquads(tmp_path_factory, built_store, protocol_fixture) -> Path:
    """The built graph and the protocol fixture graphs, in one file for both stores compared."""
    path = tmp_path_factory.mktemp("remote") / "graph.nq"
    path.write_bytes((built_store / "graph.nq").read_bytes() + protocol_fixture.read_bytes())
    return path


@pytest.fixture(scope="session")
def virtuoso_engine(tmp_path_factory, remote_nquads):
    """A real Virtuoso on 127.0.0.1 loaded with ``remote_nquads`` (started once: ~1-2 min)."""
    import virtuoso

    if not virtuoso.available():  # a missing engine is a failure to see, not a skip
        pytest.fail("virtuoso-t / isql-vt not found: install Debian's virtuoso-opensource")
    server = virtuoso.Virtuoso(tmp_path_factory.mktemp("virtuoso"), free_port(), free_port())
    try:
        server.bulk_load(remote_nquads)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def embedded_twin(tmp_path_factory, remote_nquads):
    """An on-disk Oxigraph store with exactly what ``virtuoso_engine`` holds."""
    path = tmp_path_factory.mktemp("twin") / "store"
    load_nquads_store(remote_nquads, path)
    twin = OxigraphStore(path)
    yield twin
    twin.close()
