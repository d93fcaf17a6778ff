"""The ownership audit's first pages kept per date band (:mod:`graph_api.serving_index_ownership`)
give, on every day, the rows and total the audit reads from the graph, on the real build."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.audit.ownership import count_holdings, iter_holdings, successions
from graph_api.named_queries import load_query
from graph_api.serving_index import read
from graph_api.serving_index_ownership import (
    NAME,
    band_days,
    change_days,
    compute,
    kept_page,
    page_rows,
)
from graph_api.settings import Settings

pytestmark = pytest.mark.slow
SLICES = ((0, 1), (0, 5), (0, 7), (3, 10), (7, 3), (6, 2), (40, 5), (0, 1000))


def days_to_check(store) -> list[date]:
    """Each change day and the day before it, and today."""
    by_agency = successions(store.select(load_query("audit_successions")))
    changes = change_days(store, by_agency)
    assert changes, "the real build records successions with dates"
    around = {day + timedelta(days=shift) for day in changes for shift in (-1, 0)}
    return sorted(around | {date.today(), *band_days(changes)})


def test_kept_pages_give_the_audit_on_every_day(built_oxigraph):
    entry = compute(built_oxigraph, rows=7)  # a short page, so reading on past it is tested too
    by_agency = successions(built_oxigraph.select(load_query("audit_successions")))
    for day in days_to_check(built_oxigraph):
        for gone in (False, True):
            # the whole audit read once from the graph; each slice is served from it
            audit = list(iter_holdings(built_oxigraph, day, gone=gone, by_agency=by_agency))
            kept = kept_page(entry, day, gone)
            assert kept is not None
            assert kept.total == count_holdings(built_oxigraph, day, gone=gone), (day, gone)
            for offset, limit in SLICES:
                expected = [h.as_dict() for h in audit[offset : offset + limit]]
                served = [h.as_dict() for h in page_rows(kept, audit.__iter__, offset, limit)]
                assert served == expected, (day, gone, offset, limit)


def test_the_build_keeps_them_and_the_route_answers_the_same(built_oxigraph, built_store_dir):
    prepared = read(built_store_dir)
    assert prepared is not None and NAME in prepared.audits
    with_file = TestClient(create_app(Settings(query_workers=0), built_oxigraph))
    without = TestClient(create_app(Settings(query_workers=0), built_oxigraph))
    without.app.state.serving_index = None  # the audit read from the graph
    changes = prepared.audits[NAME]["changes"]
    assert changes
    first = date.fromisoformat(changes[0])
    for day in (first - timedelta(days=1), first, date(2026, 1, 1)):
        for query in ("", "&gone=true", "&limit=3&offset=2", "&gone=true&format=csv"):
            url = f"/api/audit/ownership?on={day.isoformat()}{query}"
            kept, read_live = with_file.get(url), without.get(url)
            assert kept.status_code == read_live.status_code == 200, url
            assert kept.content == read_live.content, url
    md = "/api/audit/ownership?format=md&limit=4"
    assert with_file.get(md).content == without.get(md).content
