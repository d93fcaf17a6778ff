"""``schemathesis run --checks all`` against /openapi.json of a live ``policygraph serve``:
every check on every operation, 0 failures (schemathesis.toml beside this file says the one
setting changed, and why)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.graph_api.conftest import LiveServer

HERE = Path(__file__).resolve().parent
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


@pytest.fixture(scope="module")
def server(sample_store_dir):
    # requests come one at a time and every query has 30 s: a 503 here is a failure, not load
    live = LiveServer(str(sample_store_dir), "--query-workers", "2", "--query-timeout", "30")
    yield live
    live.stop()


@pytest.mark.slow
def test_schemathesis_checks_all_finds_no_failure(server, tmp_path):
    command = [str(SCHEMATHESIS), "--config-file", str(HERE / "schemathesis.toml"), "run"]
    command += [f"{server.base}/openapi.json", "--checks", "all", "--max-examples", "2"]
    command += ["--workers", "1", "--seed", "1", "--no-color"]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    report = run.stdout + run.stderr
    assert run.returncode == 0, report[-6000:]
    spec = httpx.get(f"{server.base}/openapi.json").json()
    operations = sum(len(methods) for methods in spec["paths"].values())
    assert f"{operations}/{operations}" in report  # every operation was tested
