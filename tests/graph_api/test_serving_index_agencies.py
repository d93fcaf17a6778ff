"""Every agency's detail kept in the serving index (:mod:`graph_api.serving_index_agencies`):
``/api/agencies/{id}`` answers byte for byte as it does by querying, on the real build."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.serving_index import read
from graph_api.serving_index_agencies import NAME
from graph_api.settings import Settings

pytestmark = pytest.mark.slow


def test_every_agency_answers_as_by_query(built_oxigraph, built_store_dir):
    entry = read(built_store_dir).audits[NAME]
    assert len(entry) > 20 and any(kept["tasks"] for kept in entry.values())
    with_file = TestClient(create_app(Settings(query_workers=0), built_oxigraph))
    without = TestClient(create_app(Settings(query_workers=0), built_oxigraph))
    without.app.state.serving_index = None  # every agency read by its queries
    slugs = [iri.rsplit("/", 1)[-1] for iri in sorted(entry)]
    for url in [f"/api/agencies/{slug}" for slug in slugs] + ["/api/agencies/no-such-body"]:
        kept, queried = with_file.get(url), without.get(url)
        assert (kept.status_code, kept.content) == (queried.status_code, queried.content), url
