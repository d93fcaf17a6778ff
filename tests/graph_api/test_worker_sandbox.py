"""The query workers' network sandbox (issue 11.1, defence in depth): a SERVICE query that reaches
a worker directly, past the guard, makes no connection."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest
from conftest import ROOT
from listener import SECRET, Listener

from graph_api.executor import WorkerPool
from graph_api.store import StoreRecipe
from ontology.errors import QueryError

PROBE = """
import socket, sys
from graph_api.worker_sandbox import deny_network
applied = deny_network()
try:
    socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2).close()
    inet = "connected"
except OSError as error:
    inet = f"refused errno={error.errno}"
left, right = socket.socketpair()
left.sendall(b"x")
print(applied, inet, right.recv(1) == b"x")
"""


@pytest.fixture()
def listener():
    running = Listener()
    yield running
    running.close()


def service(listener: Listener) -> str:
    return f"SELECT * WHERE {{ SERVICE <{listener.url}/sparql> {{ ?a ?b ?c }} }}"


def test_service_run_in_a_worker_makes_no_connection(listener):
    unsandboxed = list(ox.Store().query(service(listener)))  # the control, in this process
    assert unsandboxed[0]["a"].value == SECRET
    assert len(listener.hits) == 1
    pool = WorkerPool(StoreRecipe(nquads=b""), size=1, timeout=20).start()
    try:
        with pytest.raises(QueryError) as caught:
            pool.call("query", service(listener))  # straight to the engine: no guard
        silent = pool.call("query", service(listener).replace("SERVICE", "SERVICE SILENT"))
        after = pool.call("query", "ASK {}")
    finally:
        pool.close()
    time.sleep(0.3)
    assert len(listener.hits) == 1  # only the control's
    assert SECRET not in str(caught.value)
    assert SECRET.encode() not in silent.body
    assert b"true" in after.body  # the worker goes on answering


def run_probe(listener: Listener, *prefix: str) -> str:
    result = subprocess.run(
        [*prefix, sys.executable, "-c", PROBE, str(listener.port)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_sandbox_denies_inet_sockets_and_keeps_unix_ones(listener):
    assert run_probe(listener) == "True refused errno=13 True"
    assert listener.hits == []


@pytest.mark.skipif(shutil.which("setpriv") is None, reason="util-linux setpriv not installed")
def test_sandbox_applies_without_any_capability(listener):
    """A process with no capability (as an unprivileged user) can still load the filter."""
    no_caps = ["setpriv", "--bounding-set=-all", "--inh-caps=-all", "--ambient-caps=-all"]
    assert run_probe(listener, *no_caps) == "True refused errno=13 True"
    assert listener.hits == []


def test_without_seccomp_the_worker_goes_on_and_warns(listener):
    code = "import sys; sys.modules['pyseccomp'] = None\n" + PROBE
    result = subprocess.run(
        [sys.executable, "-c", code, str(listener.port)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False connected True"
    assert "WITHOUT its network sandbox" in result.stderr
