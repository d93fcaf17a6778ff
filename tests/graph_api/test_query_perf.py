"""What keeps the REST answers fast, checked for the answers it gives on the real build:
task pages driven by their most selective filter agree with each other, the precomputed agency
counts equal live counts, the search index ranks exactly as a scan of every label, and REST
answers do not queue behind user SPARQL held by the query workers."""

from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.named_queries import load_query
from graph_api.search_index import KIND_RANK, SearchIndex, _kind, _score, words
from graph_api.settings import Settings
from graph_api.store import OxigraphStore

ID = "https://w3id.org/policygraph/id/"
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def built_client(built_oxigraph) -> TestClient:
    return TestClient(create_app(Settings(query_workers=0), built_oxigraph))


def task_set(client: TestClient, **params) -> set[str]:
    response = client.get("/api/tasks", params={**params, "limit": 10_000})
    assert response.status_code == 200, response.text
    return {task["iri"] for task in response.json()["tasks"]}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ({"agency": "bo-khcn"}, {"document": "57-ntw-2024"}),
        ({"province": "binh-duong"}, {"document": "57-ntw-2024"}),
        ({"agency": "bo-khcn"}, {"open_on": "2025-06-30"}),
        ({"document": "57-ntw-2024"}, {"open_on": "2025-06-30"}),
    ],
)
def test_combined_filters_are_the_intersection_of_each_filter(built_client, first, second):
    """The page query is picked by the most selective filter and checks the others per task;
    whichever drives, the answer is what each filter gives alone, intersected."""
    alone = task_set(built_client, **first) & task_set(built_client, **second)
    together = task_set(built_client, **first, **second)
    assert together == alone
    assert task_set(built_client, **first)  # the filters select something in the real build


def test_pages_of_all_tasks_cover_every_task_once(built_client):
    everything = task_set(built_client)
    pages: list[str] = []
    for offset in range(0, len(everything) + 100, 100):
        response = built_client.get("/api/tasks", params={"limit": 100, "offset": offset})
        pages += [task["iri"] for task in response.json()["tasks"]]
    assert len(pages) == len(set(pages)) == len(everything)


def test_precomputed_agency_counts_equal_counting_now(built_oxigraph):
    derived = built_oxigraph.select(load_query("agency_task_counts_derived"))
    live = built_oxigraph.select(load_query("agency_task_counts"))
    assert derived, "the build writes pg:leadTaskCount / pg:coordinatedTaskCount"

    def merged(rows):
        counts: dict[str, list[int]] = {}
        for row in rows:
            pair = counts.setdefault(row["agency"], [0, 0])
            pair[0] = max(pair[0], row.get("leadCount") or 0)
            pair[1] = max(pair[1], row.get("coordinatorCount") or 0)
        return counts

    assert merged(derived) == merged(live)


def test_agency_ranking_follows_task_counts(built_client):
    agencies = built_client.get("/api/agencies", params={"limit": 30}).json()["agencies"]
    keys = [(-a["lead_count"], -a["coordinator_count"], a["iri"]) for a in agencies]
    assert keys == sorted(keys)
    assert agencies[0]["lead_count"] > 0


def full_scan(index: SearchIndex, query: str, limit: int) -> list[tuple[str, str, float]]:
    """The ranking by scoring every label (what the index must reproduce)."""
    wanted = words(query)
    best: dict[str, tuple[float, object]] = {}
    for entry in index.entries:
        score = _score(wanted, entry)
        if score > 0 and score > best.get(entry.entity, (0.0, None))[0]:
            best[entry.entity] = (score, entry)
    ranked = sorted(
        best.items(),
        key=lambda i: (-i[1][0], KIND_RANK.get(_kind(i[0]), 9), len(i[1][1].label), i[0]),
    )
    return [(entity, entry.label, round(score, 3)) for entity, (score, entry) in ranked[:limit]]


@pytest.mark.parametrize(
    "query",
    ["so khoa hoc", "Sở KH", "binh duong", "k", "ke hoach", "57", "nq", "ubnd tinh", "zzz"],
)
def test_search_index_ranks_exactly_as_a_scan_of_every_label(built_oxigraph, query):
    index = SearchIndex(built_oxigraph.select(load_query("search_labels")))
    hits = [(h.entity, h.matched, h.score) for h in index.search(query, limit=50)]
    assert hits == full_scan(index, query, 50)
    assert all(_kind(entity) for entity, _, _ in hits)


def test_rest_answers_do_not_wait_for_the_query_workers(sample_store_dir):
    """One worker, held by a runaway /sparql query: the REST answers run in the serving
    process, so they are answered at once, and the runaway query is still stopped."""
    settings = Settings(query_workers=1, query_timeout=3.0, max_rows=50)
    with TestClient(create_app(settings, OxigraphStore(sample_store_dir))) as client:
        statuses: list[int] = []
        runaway = threading.Thread(
            target=lambda: statuses.append(
                client.get("/sparql", params={"query": CROSS_PRODUCT}).status_code
            )
        )
        runaway.start()
        time.sleep(0.5)  # the worker is now busy with the cross product
        started = time.perf_counter()
        for path in ("/api/tasks", "/api/agencies", "/api/documents/57-ntw-2024"):
            assert client.get(path).status_code == 200
        answered_in = time.perf_counter() - started
        runaway.join()
    assert statuses == [503]
    assert answered_in < 2.0, answered_in
