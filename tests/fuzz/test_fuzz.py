"""Bad input at scale: random text through the extractor, random queries through /sparql and
the REST answers — never a crash, never a 500. Bounded by example counts (seconds in CI)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph_api.app import create_app
from graph_api.settings import Settings
from ingest.extract import extract_all
from ingest.model import SourceMeta, SourceText
from ingest.resolve import Catalogue
from ingest.text.normalise import normalise

ROOT = Path(__file__).resolve().parents[2]
CORPUS_LINES = [
    line
    for path in sorted((ROOT / "data" / "sources").glob("*.md"))[:4]
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
][:400]
SPARQL_PIECES = [
    "SELECT",
    "ASK",
    "CONSTRUCT",
    "DESCRIBE",
    "*",
    "?s",
    "?p",
    "?o",
    "WHERE",
    "{",
    "}",
    "(",
    ")",
    ".",
    ";",
    "FILTER",
    "OPTIONAL",
    "UNION",
    "LIMIT 5",
    "GRAPH ?g",
    "SERVICE <http://127.0.0.1:9/>",
    "FROM <http://127.0.0.1:9/x>",
    "INSERT DATA",
    "<https://w3id.org/policygraph/id/document/57-ntw-2024>",
    '"Sở Khoa học"@vi',
    "pg:Task",
    "PREFIX pg: <https://w3id.org/policygraph/ontology#>",
    "a",
    'REGEX(?o, "(a+)+$")',
    "COUNT(*)",
    "GROUP BY ?s",
    "\\u0000",
    "'''",
]


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    return Catalogue.load(ROOT / "data" / "curated")


texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(CORPUS_LINES), max_size=12).map("\n".join),
    st.lists(st.one_of(st.sampled_from(CORPUS_LINES), st.text(max_size=30)), max_size=10).map(
        " ".join
    ),
)


def checked_facts(text: str) -> list:
    """The facts extracted from ``text``, each checked to quote the text exactly where it says."""
    normalised, offsets = normalise(text)
    source = SourceText("fuzz", Path("fuzz.txt"), text, normalised, tuple(offsets), SourceMeta())
    facts = extract_all(source, catalogue())
    for fact in facts:
        evidence = fact.evidence  # every kind of fact carries one
        assert evidence.source_id == "fuzz"
        assert 0 <= evidence.start <= evidence.end <= len(text), (fact, len(text))
        assert text[evidence.start : evidence.end] == evidence.quote, fact
    return facts


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=texts)
def test_extractor_never_crashes_and_quotes_exactly(text):
    checked_facts(text)


def test_the_quote_check_runs_on_facts_of_every_kind():
    """The corpus lines the fuzzer samples give facts of every kind, so the check above bites."""
    facts = checked_facts("\n".join(CORPUS_LINES))
    kinds = {type(fact).__name__ for fact in facts}
    assert {"DocumentFact", "AgencyFact", "AssignmentFact", "TargetFact"} <= kinds, kinds


@pytest.fixture(scope="module")
def client(built_oxigraph):
    app = create_app(Settings(query_workers=0, max_rows=100), built_oxigraph)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


queries = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(SPARQL_PIECES), min_size=1, max_size=14).map(" ".join),
)


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(query=queries, method=st.sampled_from(["GET", "POST-form", "POST-direct"]))
def test_sparql_endpoint_never_answers_500(client, query, method):
    if method == "GET":
        response = client.get("/sparql", params={"query": query})
    elif method == "POST-form":
        response = client.post("/sparql", data={"query": query})
    else:
        response = client.post(
            "/sparql", content=query.encode(), headers={"Content-Type": "application/sparql-query"}
        )
    assert response.status_code < 500 or response.status_code == 503, (query, response.text)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    path=st.sampled_from(
        ["/api/tasks", "/api/agencies", "/api/search", "/api/documents/x", "/api/audit/alignment"]
    ),
    key=st.sampled_from(
        ["q", "province", "agency", "document", "theme", "limit", "offset", "format"]
    ),
    value=st.text(max_size=60),
)
def test_rest_answers_never_500(client, path, key, value):
    response = client.get(path, params={key: value})
    assert response.status_code < 500, (path, key, value, response.text[:300])
