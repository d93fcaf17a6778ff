"""The audit routes made fast at national scale answer as before on the real build of data/:
the ownership listing (gone agencies, rows sorted in Python, texts looked up a chunk at a time)
and the task alignment streamed a province at a time."""

from __future__ import annotations

import json
from datetime import date

import pytest
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.audit import render
from graph_api.audit.alignment import audit_alignment
from graph_api.audit.coverage import render_coverage
from graph_api.audit.memo import ReleaseMemo
from graph_api.audit.ownership import holder_on, successions
from graph_api.audit.provinces import province_labels
from graph_api.audit.themes import read_themes, theme_coverage
from graph_api.named_queries import load_query
from graph_api.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(built_oxigraph) -> TestClient:
    return TestClient(create_app(Settings(query_workers=0), built_oxigraph))


def gone_walked(store, on: date) -> set[tuple[str, str, str]]:
    """The assignments whose agency is gone on ``on``, each chain walked per assignment."""
    by_agency = successions(store.select(load_query("audit_successions")))
    return {
        (row["task"], row["role"], row["agency"])
        for row in store.select(load_query("audit_task_agencies"))
        if holder_on(row["agency"], on, by_agency)
    }


@pytest.mark.parametrize("on", [date(2024, 1, 1), date(2025, 4, 1), date(2026, 1, 1)])
def test_gone_listing_equals_the_walk_before_and_after_the_mergers(client, built_oxigraph, on):
    expected = gone_walked(built_oxigraph, on)
    params = {"on": on.isoformat(), "gone": "true", "limit": 100_000}
    answer = client.get("/api/audit/ownership", params=params).json()
    assert {(h["task"], h["role"], h["assigned"]) for h in answer["holdings"]} == expected
    assert answer["total"] == len(expected)
    if on == date(2024, 1, 1):  # nothing had merged yet: no agency is gone
        assert answer["holdings"] == [] and answer["total"] == 0
    else:
        assert expected


def test_ownership_rows_keep_the_order_of_the_queries_sort(client, built_oxigraph):
    """Each province's rows by task, role descending, agency (as the queries' ORDER BY gave),
    the provinces in IRI order, then the national tasks."""
    holdings = client.get("/api/audit/ownership", params={"on": "2026-01-01"}).json()["holdings"]
    assert len(holdings) > 200
    provinces = sorted({h["province"] for h in holdings if h["province"]})
    batch = {province: index for index, province in enumerate(provinces)}

    def key(h):
        return (batch.get(h["province"], len(batch)), h["task"], h["role"], h["assigned"])

    # two passes for "role descending": stable sorts, as the rows are sorted
    ordered = sorted(holdings, key=lambda h: (h["task"], h["assigned"]))
    ordered.sort(key=lambda h: h["role"], reverse=True)
    ordered.sort(key=lambda h: (batch.get(h["province"], len(batch)), h["task"]))
    assert [key(h) for h in holdings] == [key(h) for h in ordered]


def test_streamed_task_alignment_equals_the_whole_report(client, built_oxigraph):
    themes = read_themes(built_oxigraph)
    provinces = province_labels(built_oxigraph)
    rows = built_oxigraph.select(load_query("audit_task_themes"))  # every task, one query
    before = theme_coverage(themes, rows, provinces).as_dict()
    answer = client.get("/api/audit/tasks-alignment")
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    assert answer.json() == before
    assert answer.content == JSONResponse(before).body  # byte for byte as the whole answer was
    assert len(before["provinces"]) > 1
    one = client.get("/api/audit/tasks-alignment", params={"province": "binh-duong"}).json()
    assert one["provinces"] == [
        p for p in before["provinces"] if p["province"].endswith("/binh-duong")
    ]
    assert (
        client.get("/api/audit/tasks-alignment", params={"province": "nowhere"}).status_code == 404
    )


def test_whole_country_alignment_read_once_per_release_answers_as_computed(client, built_oxigraph):
    fresh = audit_alignment(built_oxigraph)
    for _ in range(2):  # the first answer reads the store, the second the release's memo
        answer = client.get("/api/audit/alignment")
        assert answer.json() == json.loads(render.render_alignment(fresh, "json"))
        assert client.get("/audit/coverage").text == render_coverage(fresh)
        for fmt in ("csv", "md"):
            text = client.get("/api/audit/alignment", params={"format": fmt}).text
            assert text == render.render_alignment(fresh, fmt)
        html = client.get("/api/audit/alignment", params={"format": "html"}).text
        assert html == render_coverage(fresh)
    one = client.get("/api/audit/alignment", params={"province": "binh-duong"}).json()
    assert one == json.loads(
        render.render_alignment(audit_alignment(built_oxigraph, "binh-duong"), "json")
    )
    pages = [client.get("/alignment", params={"lang": "en"}).text for _ in range(2)]
    assert pages[0] == pages[1] and "Bình Dương" in pages[0]


def test_memo_reads_again_when_the_release_changes():
    class Release:  # what the memo reads of a store: the name of its release
        release = "r1"

    memo, store, reads = ReleaseMemo(), Release(), []
    compute = lambda: reads.append(1) or len(reads)  # noqa: E731
    assert memo.get("x", store, compute) == memo.get("x", store, compute) == 1
    store.release = "r2"
    assert memo.get("x", store, compute) == 2


@pytest.mark.parametrize("gone", ["false", "true"])
def test_small_pages_are_slices_of_the_whole_listing(client, gone):
    """A first page looks its texts up for its own rows only: the same holdings as the whole."""
    params = {"on": "2026-01-01", "gone": gone}
    whole = client.get("/api/audit/ownership", params={**params, "limit": 100_000}).json()
    for offset, limit in ((0, 1), (0, 5), (3, 7), (250, 3)):
        page = client.get(
            "/api/audit/ownership", params={**params, "limit": limit, "offset": offset}
        ).json()
        assert page["holdings"] == whole["holdings"][offset : offset + limit]
        assert page["total"] == whole["total"]


def test_whole_country_answers_follow_a_rebuild(tmp_path):
    """A live server keeps the whole-country audits per release: after a rebuild that adds a
    theme, the next answers name it (read again, not served from the old release's memo)."""
    import urllib.request

    from bench.server import Server
    from ingest.build import build
    from tests.ingest.common import small_data

    theme = "https://w3id.org/policygraph/id/theme/zz-rebuild-marker"
    data = small_data(tmp_path / "data")

    def rebuild(with_theme: bool) -> None:
        marker = data / "curated" / "zz-theme.ttl"
        marker.write_text(
            f"<{theme}> a <https://w3id.org/policygraph/ontology#Theme> ;\n"
            f'  <http://www.w3.org/2004/02/skos/core#prefLabel> "Chủ đề thử"@vi .\n'
            if with_theme
            else "",
            encoding="utf-8",
        )
        build(data / "curated", data / "sources", data / "build", validate=False)

    def themes(url: str) -> dict:
        with urllib.request.urlopen(url + "/api/audit/tasks-alignment", timeout=60) as answer:
            return json.loads(answer.read())["themes"]

    def coverage(url: str) -> str:
        with urllib.request.urlopen(url + "/audit/coverage", timeout=60) as answer:
            return answer.read().decode()

    rebuild(with_theme=False)
    server = Server(data_dir=data, workers=2, timeout=10.0, log=tmp_path / "server.log")
    try:
        assert theme not in themes(server.url) and themes(server.url)
        page = coverage(server.url)
        rebuild(with_theme=True)
        assert theme in themes(server.url)
        assert coverage(server.url) == page  # the coverage has no theme: read again, the same
    finally:
        server.stop()


@pytest.mark.parametrize("gone", ["false", "true"])
def test_one_province_total_is_its_listing_length(client, gone):
    """The total of one province's (or one task's) page counts its query's rows, not the page."""
    for params in ({"province": "binh-duong"}, {"task": "nq03-ncp-2025-phu-luc-2-nhiem-vu-52"}):
        params = {**params, "on": "2026-01-01", "gone": gone}
        whole = client.get("/api/audit/ownership", params={**params, "limit": 100_000}).json()
        page = client.get("/api/audit/ownership", params={**params, "limit": 2}).json()
        assert whole["total"] == page["total"] == len(whole["holdings"])
        assert page["holdings"] == whole["holdings"][:2]
    assert whole["total"] > 0 or gone == "true"
