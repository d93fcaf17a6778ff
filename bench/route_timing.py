"""Every route of the app timed through a live server: median, p95 and first byte per request.

The requests are those of :mod:`bench.route_cases` (the differential test's list), so a route
the app serves without a case is a route the benchmark refuses to run (:func:`check_coverage`).
Each request is timed ``repeat`` times after one untimed warm-up, within a time budget, from the
request's start to the body's first byte and to its last byte; the answer's status and size are
kept beside the figures. Nothing is asserted here: the report compares with the goals.
"""

from __future__ import annotations

import http.client
import time
import urllib.parse
from dataclasses import dataclass
from typing import Any

from bench.route_cases import TASK, app_routes, cases_for
from bench.timing import summarise

# Goals of issue 15 in ms (median at 10⁶ quads); a route not named here has the default one.
DEFAULT_GOAL_MS = 100.0
GOALS_MS = {
    ("GET", "/api/audit/alignment"): 1000.0,  # every province at once
    ("GET", "/views/dependencies"): 1000.0,
    ("GET", "/views/agencies"): 1000.0,
    ("GET", "/views/agency/{slug}"): 1000.0,
    ("GET", "/views/alignment"): 1000.0,
}
# Streamed answers: the goal is on the first byte of the body, not its end.
STREAMED = {
    ("GET", "/api/audit/ownership"),
    ("GET", "/api/tasks"),
    ("GET", "/api/audit/tasks-alignment"),  # a province at a time
}
TASK_QUERY = (
    "SELECT ?t WHERE { ?t <https://w3id.org/policygraph/ontology#leadAgency> ?a } "
    "ORDER BY ?t LIMIT 1"
)


class MissingCases(RuntimeError):
    """The app serves routes the benchmark has no request for."""


def check_coverage(app_route_set: set[tuple[str, str]]) -> None:
    """Refuse to run when a route of the app has no timing case (or a case names no route)."""
    cases = set(cases_for(TASK))
    missing, stale = sorted(app_route_set - cases), sorted(cases - app_route_set)
    if missing or stale:
        raise MissingCases(
            "bench/route_cases.py does not match the app's routes: "
            f"without a case {missing}; cases for no route {stale}"
        )


def served_routes() -> set[tuple[str, str]]:
    """The routes of the app as ``policygraph serve`` builds it (routes do not depend on data)."""
    import pyoxigraph as ox

    from graph_api.app import create_app
    from graph_api.settings import Settings
    from graph_api.store import OxigraphStore

    return app_routes(create_app(Settings(query_workers=0), OxigraphStore.from_store(ox.Store())))


@dataclass
class Answer:
    first_byte_ms: float
    total_ms: float
    size: int
    status: int


def fetch(port: int, method: str, url: str, form: dict | None, timeout: float) -> Answer:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Accept-Encoding": "identity"}
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    url = urllib.parse.quote(url, safe="/?&=%:+,;@#")  # a case may name a province in Vietnamese
    started = time.perf_counter()
    connection.request(method, url, body=body, headers=headers)
    response = connection.getresponse()
    first = response.read(1)
    first_byte = time.perf_counter() - started
    size = len(first)
    while chunk := response.read(1 << 16):
        size += len(chunk)
    total = time.perf_counter() - started
    connection.close()
    return Answer(first_byte * 1000, total * 1000, size, response.status)


def synthetic_task(port: int) -> str:
    """The path (``task/…``) of one task of the served graph, for the task-shaped cases."""
    query = urllib.parse.urlencode({"query": TASK_QUERY})
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("GET", f"/sparql?{query}", headers={"Accept": "text/csv"})
    rows = connection.getresponse().read().decode().split()
    connection.close()
    iri = rows[1] if len(rows) > 1 else ""
    return iri.split("/id/", 1)[1] if "/id/" in iri else TASK


def time_request(
    port: int, method: str, url: str, form: dict | None, *, repeat: int, budget_s: float
) -> dict[str, Any]:
    timeout = max(60.0, budget_s * 3)
    warm = fetch(port, method, url, form, timeout)
    totals, firsts = [], []
    started = time.perf_counter()
    while len(totals) < repeat and (not totals or time.perf_counter() - started < budget_s):
        answer = fetch(port, method, url, form, timeout)
        totals.append(answer.total_ms)
        firsts.append(answer.first_byte_ms)
    summary = summarise(totals)
    summary["first_byte_median_ms"] = summarise(firsts)["median_ms"]
    return {"status": warm.status, "bytes": warm.size, **summary}


def time_routes(port: int, *, repeat: int, budget_s: float, say=None) -> dict[str, Any]:
    """Every case of every route; keyed by ``METHOD path`` then by the request's URL."""
    task = synthetic_task(port)
    figures: dict[str, Any] = {}
    for (method, path), requests in sorted(cases_for(task).items()):
        route = f"{method} {path}"
        figures[route] = {"goal_ms": GOALS_MS.get((method, path), DEFAULT_GOAL_MS)}
        figures[route]["streamed"] = (method, path) in STREAMED
        timed = {}
        for verb, url, form in requests:
            label = url if form is None else f"{url} {next(iter(form.values()))[:60]}"
            try:
                timed[label] = time_request(port, verb, url, form, repeat=repeat, budget_s=budget_s)
            except (OSError, http.client.HTTPException) as error:
                timed[label] = {"error": repr(error)[:200]}
        figures[route]["requests"] = timed
        if say:
            worst = max(
                (t.get("median_ms", float("inf")) for t in timed.values()), default=float("nan")
            )
            say(f"  {route}: slowest request median {worst:.1f} ms")
    return figures
