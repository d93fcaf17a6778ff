"""``make bench`` times every route the app serves: its case list is the app's route list."""

from __future__ import annotations

import pytest

from bench.route_cases import TASK, cases_for
from bench.route_timing import MissingCases, check_coverage, served_routes


def test_bench_routes_equal_the_app_routes():
    routes = served_routes()
    check_coverage(routes)  # raises when a route has no timing case, or a case no route
    assert set(cases_for("task/synth-000001-1")) == routes


def test_a_route_without_a_case_stops_the_benchmark():
    routes = served_routes() | {("GET", "/api/new-answer")}
    with pytest.raises(MissingCases, match="/api/new-answer"):
        check_coverage(routes)


def test_cases_for_a_synthetic_graph_replace_the_real_task():
    cases = cases_for("task/synth-000001-1")
    urls = [url for requests in cases.values() for _, url, _ in requests]
    assert not any(TASK in url for url in urls)
    assert any("task/synth-000001-1" in url for url in urls)
