"""Schemathesis against /openapi.json: no 500s, and every response matches its schema.

Each operation's cases come from schemathesis' Hypothesis strategy (a few examples each, so the
run stays short) and are sent to the ASGI app in process.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from graph_api.app import create_app
from graph_api.settings import Settings
from graph_api.store import OxigraphStore

OPERATIONS = [
    ("GET", "/api/tasks"),
    ("GET", "/api/agencies"),
    ("GET", "/api/agencies/{agency_id}"),
    ("GET", "/api/documents/{document_id}"),
    ("GET", "/api/search"),
    ("GET", "/search"),
    ("GET", "/provinces"),
    ("GET", "/tasks"),
    ("GET", "/agencies"),
    ("GET", "/documents"),
    ("GET", "/exports/agency/{slug}"),
    ("GET", "/exports/province/{slug}"),
    ("GET", "/api/stats"),
    ("GET", "/id/{kind}/{slug}"),
    ("GET", "/sparql"),
    ("POST", "/sparql"),
    ("GET", "/"),
    ("GET", "/api/audit/alignment"),
    ("GET", "/api/audit/ownership"),
    ("GET", "/api/audit/tasks-alignment"),
    ("GET", "/audit/coverage"),
    ("GET", "/alignment"),
    ("GET", "/views/dependencies"),
    ("GET", "/views/agencies"),
    ("GET", "/views/agency/{slug}"),
    ("GET", "/views/alignment"),
    ("GET", "/views/dependencies/preview.svg"),
    ("GET", "/views/agency/{slug}/preview.svg"),
    ("GET", "/views/alignment/preview.svg"),
]


@pytest.fixture(scope="module")
def api_schema(sample_store_dir):
    app = create_app(Settings(query_workers=0, max_rows=200), OxigraphStore(sample_store_dir))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_every_operation_is_fuzzed(api_schema):
    listed = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert listed == set(OPERATIONS)


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_operation_never_fails_and_matches_its_schema(api_schema, method, path):
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
    def check(case) -> None:
        response = case.call()
        assert response.status_code < 500, f"{case.formatted_path}: {response.text[:300]}"
        case.validate_response(
            response, checks=(response_schema_conformance, content_type_conformance)
        )

    check()
