"""The search index and the task list's sort keys are made by ``policygraph build`` and kept beside
the release's store (:mod:`graph_api.serving_index`); the server answers ``/tasks`` and search
from that file, and still starts, saying what it rebuilds, when the file is missing or wrong."""

from __future__ import annotations

import json
import pickle
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench.server import Server
from graph_api.pages.task_keys import read_task_keys
from graph_api.pages.task_order import SORTS, sort_rows
from graph_api.serving_index import (
    FORMAT,
    code_version,
    compute,
    fingerprint,
    read,
    sidecar_path,
)
from graph_api.store import OxigraphStore
from ontology.releases import current_store_path

ID = "https://w3id.org/policygraph/id/"


@pytest.fixture(scope="module")
def data_dir(cli_built_data) -> Path:
    """A copy of data/ built by the real command, as a user runs it (with the facts the
    session's build extracted from the same texts, so it does not extract them again)."""
    return cli_built_data


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.status, response.read().decode("utf-8")


def test_the_build_writes_the_index_and_sort_keys_beside_the_store(data_dir):
    store = current_store_path(data_dir / "build")
    assert sidecar_path(store).is_file()
    stored = read(store)
    assert stored is not None
    live = OxigraphStore(store)
    try:
        computed = compute(live)  # what the server would read from the whole graph
    finally:
        live.close()
    assert len(stored.task_order.orders["citation"]) > 100
    assert stored.search.tables() == computed.search.tables()
    assert stored.task_order.tables() == computed.task_order.tables()
    hits = stored.search.search("so khoa hoc va cong nghe binh duong", 1)
    assert hits[0].entity == f"{ID}agency/so-khcn-binh-duong"


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("descending", [False, True])
def test_the_stored_orders_give_what_sorting_the_keys_gives(data_dir, sort, descending):
    stored = read(current_store_path(data_dir / "build"))
    live = OxigraphStore(current_store_path(data_dir / "build"))
    try:
        keys = read_task_keys(live)
    finally:
        live.close()
    tasks = stored.task_order.orders["citation"]
    for chosen in (tasks, tasks[::3], tasks[1::7]):  # every task, and two filtered lists
        rows = [{"task": task, **keys.get(task, {})} for task in chosen]
        expected = [row["task"] for row in sort_rows(rows, sort, descending)]
        subset = None if chosen is tasks else chosen
        assert stored.task_order.ordered(subset, sort, descending) == expected


def test_the_server_answers_tasks_and_search_from_the_file(data_dir, tmp_path):
    log = tmp_path / "server.log"
    with Server(data_dir=data_dir, log=log) as server:
        status, page = get(server.url + "/tasks?sort=deadline")
        assert status == 200 and "/id/task/" in page
        status, body = get(server.url + "/api/search?q=binh+duong")
        assert status == 200
        assert f"{ID}place/binh-duong" in [hit["iri"] for hit in json.loads(body)["hits"]]
        status, page = get(server.url + "/search?q=so+khoa+hoc")
        assert status == 200 and "so-khcn-" in page
    assert "rebuilding" not in log.read_text()


def test_without_the_file_the_server_rebuilds_and_says_so(data_dir, tmp_path):
    store = current_store_path(data_dir / "build")
    moved = tmp_path / "kept.pickle"
    sidecar_path(store).rename(moved)
    log = tmp_path / "server.log"
    try:
        with Server(data_dir=data_dir, log=log) as server:
            status, body = get(server.url + "/api/search?q=binh+duong")
            assert status == 200
            assert f"{ID}place/binh-duong" in [hit["iri"] for hit in json.loads(body)["hits"]]
            assert get(server.url + "/tasks")[0] == 200
    finally:
        moved.rename(sidecar_path(store))
    text = log.read_text()
    assert "no serving index at" in text and str(sidecar_path(store)) in text
    assert "rebuilding the search index and the task list's sort keys" in text


def test_a_file_naming_a_class_partial_or_for_another_store_is_not_used(data_dir, tmp_path, caplog):
    store = tmp_path / "store"
    store.mkdir()
    (store / "000001.sst").write_bytes(b"x")
    sidecar_path(store).write_bytes(pickle.dumps({"format": FORMAT, "x": OSError("not plain")}))
    assert read(store) is None
    assert "may not name builtins.OSError" in caplog.text
    this_store = {"format": FORMAT, "fingerprint": fingerprint(store), "code": code_version()}
    sidecar_path(store).write_bytes(pickle.dumps(this_store))
    assert read(store) is None  # made for this store, but holds no tables
    assert "is not whole" in caplog.text
    sidecar_path(store).write_bytes(pickle.dumps({**this_store, "code": "an older release"}))
    assert read(store) is None  # made for this store by other server code: stale audits
    assert "made by other server code" in caplog.text
    real = sidecar_path(current_store_path(data_dir / "build")).read_bytes()
    sidecar_path(store).write_bytes(real)  # made for the built store, not this one
    assert read(store) is None
    assert "was made for another store" in caplog.text


def test_suggestions_come_from_the_stored_keys_and_match_an_old_file(data_dir):
    """The keys an unknown id is matched against are in the build's file; an index read from a
    file without them (an older build) makes the same keys and gives the same suggestions."""
    stored = read(current_store_path(data_dir / "build")).search
    assert len(stored.tables()) == 7 and stored.near["document"][0]
    older = type(stored).from_tables(stored.tables()[:6])
    assert older.near == stored.near
    closest = stored.closest("so-khcn-binh-duon", "agency")
    assert closest[0].entity == f"{ID}agency/so-khcn-binh-duong"
    for text in ("so-khcn-binh-duon", "57-ntw-202", "binh duon", "no-such-document"):
        for kind in (None, "document", "agency", "place", "task"):
            expected = [vars(hit) for hit in older.closest(text, kind)]
            assert [vars(hit) for hit in stored.closest(text, kind)] == expected, (text, kind)


def test_an_unknown_document_is_answered_with_the_closest_ones(data_dir):
    with Server(data_dir=data_dir) as server:
        try:
            get(server.url + "/api/documents/57-ntw-202")
        except urllib.error.HTTPError as error:
            assert error.code == 404
            body = json.loads(error.read())
        else:
            raise AssertionError("an unknown document was answered")
    assert f"{ID}document/57-ntw-2024" in [s["iri"] for s in body["suggestions"]]


TASK_PAGES = (  # the answers the build's task table serves, every kind of page of it
    "/api/tasks",
    "/api/tasks?limit=7&offset=20",
    "/api/tasks?document=57-ntw-2024&limit=1000",
    "/api/tasks?document=57-ntw-2024&limit=3&offset=40",
    "/api/tasks?document=03-ncp-2025&format=csv",
    "/api/tasks?agency=bo-khcn",
    "/api/documents/57-ntw-2024",
    "/api/documents/57-NQ/TW?task_limit=5&task_offset=3",
    "/api/documents/03-ncp-2025",
    "/api/documents/57-ntw-2024?task_limit=0",
    "/api/agencies/bo-khcn",
    "/tasks?document=57-NQ%2FTW&per_page=100",
    "/tasks?format=csv",
)


def test_the_task_table_gives_the_answers_the_queries_give(data_dir, tmp_path):
    """Every task's record and each document's tasks, precomputed by the build
    (``serving_index_tasks``), answer byte for byte as the queries do without them."""
    store = current_store_path(data_dir / "build")
    path = sidecar_path(store)
    stored = read(store)
    assert stored is not None and stored.tasks is not None
    assert len(stored.tasks.ranked) == len(stored.task_order.orders["citation"])
    document = stored.tasks.document_page(f"{ID}document/57-ntw-2024", limit=10**6, offset=0)
    assert len(document) > 100 and document == sorted(document)
    with Server(data_dir=data_dir, log=tmp_path / "with.log") as server:
        get(server.url + "/tasks")  # waits for the file to be read: the table is then served
        with_table = {url: get(server.url + url) for url in TASK_PAGES}
    kept = tmp_path / "kept.pickle"
    path.rename(kept)
    try:
        payload = pickle.loads(kept.read_bytes())
        path.write_bytes(pickle.dumps({**payload, "tasks": None}))  # a file without the table
        assert read(store).tasks is None
        with Server(data_dir=data_dir, log=tmp_path / "without.log") as server:
            without = {url: get(server.url + url) for url in TASK_PAGES}
    finally:
        kept.replace(path)
    for url in TASK_PAGES:
        assert with_table[url][0] == 200, url
        assert with_table[url] == without[url], url
    assert '"tasks":[{' in with_table["/api/tasks?document=57-ntw-2024&limit=1000"][1]
