"""The W3C SPARQL 1.1 Protocol harness (../shared/conformance) against a live server."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import CONFORMANCE, LiveServer


def run_harness(url: str, *options: str) -> tuple[str, dict[str, int]]:
    result = subprocess.run(
        [
            sys.executable,
            str(CONFORMANCE / "protocol_tests.py"),
            url,
            "--policy",
            "read-only",
            *options,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=CONFORMANCE,
    )
    summary = re.search(r"(\d+) passed, (\d+) failed, (\d+) skipped\s*$", result.stdout)
    assert summary, result.stdout + result.stderr
    passed, failed, skipped = map(int, summary.groups())
    return result.stdout, {"passed": passed, "failed": failed, "skipped": skipped}


def test_protocol_harness_with_fixture_graphs(live_server):
    output, counts = run_harness(live_server.sparql, "--require-fixture")
    assert counts["failed"] == 0, output
    assert counts["passed"] >= 51
    assert "fixture graphs present: True" in output


@pytest.fixture(scope="module")
def built_server(built_store):
    from ontology.releases import current_store_path

    server = LiveServer(str(current_store_path(built_store)), "--query-workers", "2")
    yield server
    server.stop()


def test_protocol_harness_against_the_built_graph(built_server):
    output, counts = run_harness(built_server.sparql)
    assert counts["failed"] == 0, output
    assert counts["passed"] >= 43
