"""A running server keeps answering through rebuilds, and answers from the new release.

Issue 11 §2: two builds while a server ran pruned the release it had open; the next time-limited
queries respawned workers that failed with FileNotFoundError, and /sparql answered 503 until a
restart. Here a real ``policygraph serve`` (uvicorn on 127.0.0.1, two query workers, a 1.5 s
limit) runs over a small build directory while three more builds run into it.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from bench.server import Server
from ingest.build import build
from tests.ingest.common import small_data

MARKER = "https://w3id.org/policygraph/id/document/rebuild-marker"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ASK_MARKER = f"SELECT ?n WHERE {{ GRAPH ?g {{ <{MARKER}> <{LABEL}> ?n }} }}"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def build_with_marker(data: Path, label: str) -> str:
    """Build ``data`` with a curated triple whose label names this build; the release's name."""
    (data / "curated" / "zz-marker.ttl").write_text(
        f'<{MARKER}> <{LABEL}> "{label}" .\n', encoding="utf-8"
    )
    return build(data / "curated", data / "sources", data / "build", validate=False).release


def sparql(url: str, query: str, timeout: float = 30) -> tuple[int, dict | str]:
    request = urllib.request.Request(
        url + "/sparql?" + urllib.parse.urlencode({"query": query}),
        headers={"Accept": "application/sparql-results+json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def marker(url: str) -> tuple[int, str]:
    status, body = sparql(url, ASK_MARKER)
    if status != 200:
        return status, str(body)
    return status, body["results"]["bindings"][0]["n"]["value"]


def searched(url: str) -> list[str]:
    """Labels /api/search finds for the marker (the search index is built per release)."""
    with urllib.request.urlopen(url + "/api/search?q=build&kind=document", timeout=30) as answer:
        hits = json.loads(answer.read())["hits"]
    return [hit["label"] for hit in hits if hit["iri"] == MARKER]


def releases_on_disk(data: Path) -> set[str]:
    return {p.name for p in (data / "build" / "releases").iterdir() if not p.name.startswith(".")}


def test_server_survives_two_rebuilds_and_serves_the_new_release(tmp_path):
    data = small_data(tmp_path / "data")
    first = build_with_marker(data, "build-1")
    server = Server(data_dir=data, workers=2, timeout=1.5, log=tmp_path / "server.log")
    try:
        assert marker(server.url) == (200, "build-1")
        assert searched(server.url) == ["build-1"]
        build_with_marker(data, "build-2")
        assert marker(server.url) == (200, "build-2")  # picked up on the next request
        third = build_with_marker(data, "build-3")
        # the server's main process still pins the first release; a worker may pin the second
        assert {first, third} <= releases_on_disk(data)

        # Time-limited queries kill their workers; the successors open the current release.
        for _ in range(2):
            status, body = sparql(server.url, RUNAWAY)
            assert status == 503 and "time limit" in str(body)
        answers = [marker(server.url) for _ in range(6)]
        assert answers == [(200, "build-3")] * 6

        assert searched(server.url) == ["build-3"]  # the REST answers follow too
    finally:
        server.kill()  # SIGKILL: its pins die with it

    fourth = build_with_marker(data, "build-4")
    # a dead process's pins do not hold anything: only the newest two remain
    assert releases_on_disk(data) == {third, fourth}
