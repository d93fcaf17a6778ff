"""The SPARQL 1.1 Protocol endpoint: forms, formats, dataset, errors, safety."""

from __future__ import annotations

import json

import pytest

from graph_api.sparql_guard import check_request
from ontology.errors import QueryError

ID = "https://w3id.org/policygraph/id/"
SPARQL_QUERY = "application/sparql-query"
ASK_BO_KHCN = f"ASK {{ <{ID}agency/bo-khcn> ?p ?o }}"


def test_get_post_form_and_post_direct_give_the_same_answer(client):
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    query = f"SELECT ?label WHERE {{ <{ID}agency/bo-khcn> {label} ?label }}"
    by_get = client.get("/sparql", params={"query": query})
    by_form = client.post("/sparql", data={"query": query})
    by_body = client.post(
        "/sparql", content=query.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    answers = [r.json()["results"]["bindings"] for r in (by_get, by_form, by_body)]
    assert answers[0] == answers[1] == answers[2]
    assert {"type": "literal", "value": "Bộ Khoa học và Công nghệ", "xml:lang": "vi"} in [
        row["label"] for row in answers[0]
    ]


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/sparql-results+xml;q=0.2, text/csv;q=0.8", "text/csv"),
        (None, "application/sparql-results+json"),
    ],
)
def test_select_formats_follow_accept(client, accept, media):
    headers = {"Accept": accept} if accept else {}
    response = client.get(
        "/sparql", params={"query": "SELECT ?x WHERE { BIND(1 AS ?x) }"}, headers=headers
    )
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media


@pytest.mark.parametrize(
    ("fmt", "media"),
    [
        ("turtle", "text/turtle"),
        ("ntriples", "application/n-triples"),
        ("rdfxml", "application/rdf+xml"),
        ("jsonld", "application/ld+json"),
    ],
)
def test_construct_formats_by_format_parameter(client, fmt, media):
    query = f"CONSTRUCT {{ <{ID}agency/bo-khcn> ?p ?o }} WHERE {{ <{ID}agency/bo-khcn> ?p ?o }}"
    response = client.get("/sparql", params={"query": query, "format": fmt})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    assert "bo-khcn" in response.text


def test_unacceptable_type_is_406_and_unknown_format_400(client):
    select = {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"}
    assert client.get("/sparql", params=select, headers={"Accept": "image/png"}).status_code == 406
    assert client.get("/sparql", params={**select, "format": "turtle"}).status_code == 406
    unknown = client.get("/sparql", params={**select, "format": "yaml"})
    assert unknown.status_code == 400
    assert "yaml" in unknown.json()["message"]


def test_service_description_without_query(client):
    response = client.get("/sparql")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    assert "sparql-service-description#" in response.text
    assert f"{ID}source/curated-agencies" in response.text


def get(client, params):
    return client.get("/sparql", params=params)


def test_dataset_parameters_restrict_the_default_graph(client):
    agencies = f"{ID}source/curated-agencies"
    places = f"{ID}source/curated-places"
    on_agencies = client.get(
        "/sparql", params={"query": ASK_BO_KHCN, "default-graph-uri": agencies}
    )
    on_places = client.get("/sparql", params={"query": ASK_BO_KHCN, "default-graph-uri": places})
    assert on_agencies.json()["boolean"] is True
    assert on_places.json()["boolean"] is False


def test_from_is_a_graph_of_this_store_and_never_fetched(client):
    places = f"{ID}source/curated-places"
    query = f"ASK FROM <{places}> WHERE {{ <{ID}agency/bo-khcn> ?p ?o }}"
    assert client.get("/sparql", params={"query": query}).json()["boolean"] is False
    checked = check_request(
        f"PREFIX s: <{ID}source/>\n"
        "SELECT * FROM s:curated-places FROM NAMED <x> WHERE { ?a ?b ?c }"
    )
    assert checked.from_graphs == (places,)
    assert checked.from_named_graphs == ("x",)
    assert "FROM" not in checked.text.upper().split("WHERE")[0]


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "PREFIX e: <http://e/> SELECT * WHERE { ?s ?p ?o OPTIONAL { SeRvIcE e:x { ?s ?p ?o } } }",
    ],
)
def test_service_is_refused_with_400(client, query):
    response = client.post("/sparql", data={"query": query})
    assert response.status_code == 400
    assert "SERVICE" in response.json()["message"]


def test_words_inside_strings_iris_and_variables_are_not_keywords():
    checked = check_request(
        'SELECT ?service WHERE { ?service <http://e/SERVICE> "service # LOAD" } # SERVICE'
    )
    assert checked.form == "SELECT"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("INSERT DATA { <http://e/a> <http://e/p> <http://e/o> }", "application/sparql-update"),
        ("LOAD <http://127.0.0.1:9/g.ttl>", "application/sparql-update"),
        ("update=DROP%20ALL", "application/x-www-form-urlencoded"),
    ],
)
def test_updates_are_refused(client, body, content_type):
    response = client.post("/sparql", content=body.encode(), headers={"Content-Type": content_type})
    assert response.status_code == 403
    assert "read-only" in response.json()["message"]


def test_update_sent_as_query_is_refused(client):
    response = client.post("/sparql", data={"query": "DELETE WHERE { ?s ?p ?o }"})
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"params": {"query": "SELECT * WHERE { ?s ?p }"}}, 400),
        ({"params": [("query", "ASK {}"), ("query", "ASK {}")]}, 400),
        ({"params": {"query": "   "}}, 400),
        ({"params": {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "format": "nope"}}, 400),
    ],
)
def test_bad_get_requests_are_4xx_with_a_message(client, kwargs, status):
    response = client.get("/sparql", **kwargs)
    assert response.status_code == status
    assert response.json()["message"]


def test_bad_bodies_are_4xx_with_a_message(client):
    utf16 = client.post(
        "/sparql",
        content="ASK {}".encode("utf-16-le"),
        headers={"Content-Type": "application/sparql-query; charset=UTF-16"},
    )
    latin1 = client.post(
        "/sparql",
        content=b'ASK { ?s ?p "S\xe1" }',
        headers={"Content-Type": "application/sparql-query"},
    )
    plain = client.post("/sparql", content=b"ASK {}", headers={"Content-Type": "text/plain"})
    assert (utf16.status_code, latin1.status_code, plain.status_code) == (415, 400, 415)
    assert "UTF-8" in latin1.json()["message"]


def test_too_long_query_is_413(client):
    limit = client.app.state.settings.max_request_bytes
    padding = "#" + "x" * limit + "\n"
    response = client.post(
        "/sparql",
        content=(padding + "ASK {}").encode(),
        headers={"Content-Type": "application/sparql-query"},
    )
    assert response.status_code == 413


def test_result_rows_are_capped_and_flagged(client):
    cap = client.app.state.settings.max_rows
    response = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s a ?type }"})
    assert len(response.json()["results"]["bindings"]) == cap
    assert response.headers["x-result-truncated"].startswith("true")


def test_cors_allows_any_origin_without_credentials(client):
    response = client.get(
        "/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://evil.example"}
    )
    assert response.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in response.headers


def test_unterminated_string_is_a_query_error():
    with pytest.raises(QueryError):
        check_request('SELECT * WHERE { ?s ?p "open }')


def test_json_results_encode_terms(client):
    query = 'SELECT ?l ?d WHERE { BIND("Sở"@vi AS ?l) BIND(7.5 AS ?d) }'
    row = json.loads(client.get("/sparql", params={"query": query}).text)["results"]["bindings"][0]
    assert row["l"] == {"type": "literal", "value": "Sở", "xml:lang": "vi"}
    assert row["d"]["datatype"].endswith("#decimal")
