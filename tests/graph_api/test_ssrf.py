"""SERVICE and engine extension functions never make the server call another address (issue 11.1).

A corpus of spellings goes to a live uvicorn server on 127.0.0.1 by GET, form POST and direct
POST; the server runs queries in its own process (no worker sandbox), so only the query guard
stands between a query and the listener. Every request must be a 400 and the listener must see
zero connections. A control shows the same engine does call the listener when the guard is
bypassed, so the count can fail.
"""

from __future__ import annotations

import itertools
import time
import urllib.parse
import urllib.request

import httpx
import pyoxigraph as ox
import pytest
import virtuoso
from conftest import free_port
from listener import SECRET, Listener

from graph_api.app import create_app
from graph_api.remote_store import RemoteStore
from graph_api.settings import Settings
from graph_api.sparql_guard import check_request
from graph_api.store import OxigraphStore
from ontology.errors import QueryError
from tests.live import serve_in_thread

ISSUE_PROBES = [  # the three spellings issue 11 found past the old text guard
    "SELECT * WHERE { BIND(1 AS ?x) ?s ?p true.SERVICE <{L}/internal> { ?a ?b ?c } }",
    "PREFIX ex: <http://e/> SELECT * WHERE { BIND(ex:a\\# AS ?x) SERVICE <{L}/x> { ?s ?p ?o } }",
    "PREFIX ex: <http://e/> SELECT * WHERE { BIND(ex:a\\' AS ?x) SERVICE <{L}/x> { ?s ?p ?o } } #'",
]
PLACES = [  # SERVICE in every kind of group the grammar has; {S} is the SERVICE clause
    "SELECT * WHERE { {S} }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { {S} } }",
    "SELECT * WHERE { { ?s ?p ?o } UNION { {S} } }",
    "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { {S} } }",
    "SELECT * WHERE { ?s ?p ?o FILTER NOT EXISTS { {S} } }",
    "SELECT * WHERE { ?s ?p ?o MINUS { {S} } }",
    "SELECT * WHERE { GRAPH ?g { {S} } }",
    "SELECT * WHERE { { SELECT * WHERE { {S} } } }",
    "SELECT * WHERE { { SELECT * WHERE { { SELECT ?a WHERE { {S} } LIMIT 1 } } } }",
    "SELECT * WHERE { BIND(EXISTS { {S} } AS ?x) }",
    "SELECT * WHERE { ?s ?p ?o } ORDER BY (EXISTS { {S} })",
    "ASK { {S} }",
    "CONSTRUCT { ?a ?b ?c } WHERE { {S} }",
    "DESCRIBE ?a WHERE { {S} }",
    "SELECT * FROM <https://w3id.org/policygraph/id/source/curated-places> WHERE { {S} }",
]
TARGETS = [  # the service IRI in every spelling: full, prefixed, relative (BASE), variable
    "SERVICE <{L}/sparql> { ?a ?b ?c }",
    "SERVICE SILENT <{L}/sparql> { ?a ?b ?c }",
    "SERVICE\t#comment\n<{L}/sparql>\n{ ?a ?b ?c }",
    "SERVICE <{L}/\\u0073parql> { ?a ?b ?c }",
    "\\u0053ERVICE <{L}/sparql> { ?a ?b ?c }",
    "SERVIC\\U00000045 <{L}/sparql> { ?a ?b ?c }",
    "SERVICE ?service { ?a ?b ?c } VALUES ?service { <{L}/sparql> }",
    "SERVICE SILENT $service { ?a ?b ?c } VALUES $service { <{L}/sparql> }",
]
PREFIXED = [
    "PREFIX l: <{L}/> SELECT * WHERE { SERVICE l:sparql { ?a ?b ?c } }",
    "PREFIX : <{L}/> SELECT * WHERE { SERVICE :sparql { ?a ?b ?c } }",
    "PREFIX l: <{L}/> SELECT * WHERE { SERVICE SILENT l: { ?a ?b ?c } }",
    "BASE <{L}/> SELECT * WHERE { SERVICE <sparql> { ?a ?b ?c } }",
    "BASE <{L}/a/b> SELECT * WHERE { SERVICE <../sparql> { ?a ?b ?c } }",
    "BASE <{L}/> PREFIX l: <x/> SELECT * WHERE { SERVICE l:y { ?a ?b ?c } }",
    "SELECT * WHERE { SERVICE <sparql> { ?a ?b ?c } }",  # resolved against the endpoint
    "SELECT * WHERE { SERVICE <//127.0.0.1:{PORT}/sparql> { ?a ?b ?c } }",
]
FUNCTIONS = [  # engine extensions that reach the network or the host (Virtuoso), and any IRI
    'PREFIX bif: <bif:> SELECT (bif:http_get("{L}/x") AS ?x) WHERE {}',
    'PREFIX bif: <bif:> SELECT * WHERE { BIND(bif:http_get("{L}/x") AS ?x) }',
    'PREFIX bif: <bif:> SELECT * WHERE { FILTER(bif:http_get("{L}/x")) }',
    'PREFIX bif: <bif:> SELECT * WHERE { ?s ?p ?o } ORDER BY (bif:http_get("{L}/x"))',
    'PREFIX bif: <bif:> ASK { FILTER(bif:exec("curl {L}/x") = 1) }',
    'PREFIX sql: <sql:> SELECT (sql:fetch("{L}/x") AS ?x) WHERE {}',
    'SELECT (<bif:http_get>("{L}/x") AS ?x) WHERE {}',
    'SELECT (<bif:http_get>(DISTINCT "{L}/x") AS ?x) WHERE {}',
    "PREFIX f: <{L}/f#> SELECT (f:call(1) AS ?x) WHERE {}",
    'PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT (xsd:anyURI("{L}/x") AS ?x) {}',
    'SELECT (bif:http_get("{L}/x") AS ?x) WHERE {}',  # undeclared prefix: a parse error
]


def case_variants(word: str) -> list[str]:
    """Every upper/lower-case spelling of ``word`` (128 for SERVICE)."""
    pairs = [(c.lower(), c.upper()) for c in word]
    return ["".join(chars) for chars in itertools.product(*pairs)]


def corpus(listener: str, port: int) -> list[str]:
    def fill(text: str) -> str:
        return text.replace("{L}", listener).replace("{PORT}", str(port))

    queries = [fill(q) for q in ISSUE_PROBES + PREFIXED + FUNCTIONS]
    queries += [fill(place.replace("{S}", target)) for place in PLACES for target in TARGETS]
    queries += [
        fill(f"SELECT * WHERE {{ {word} <{{L}}/sparql> {{ ?a ?b ?c }} }}")
        for word in case_variants("service")
    ]
    queries += [
        fill(f"SELECT * WHERE {{ SERVICE {word} <{{L}}/sparql> {{ ?a ?b ?c }} }}")
        for word in case_variants("silent")
    ]
    return queries


@pytest.fixture(scope="module")
def listener():
    running = Listener()
    yield running
    running.close()


@pytest.fixture(scope="module")
def server(sample_store):
    """A live server whose queries run in its own (unsandboxed) process: only the guard holds."""
    app = create_app(Settings(query_workers=0, max_rows=50, parse_timeout=2.0), sample_store)
    with serve_in_thread(app) as base:
        yield base


def test_the_engine_does_call_the_listener_when_the_guard_is_bypassed(listener):
    """The control: without the guard, pyoxigraph sends SERVICE to the listener and reads it."""
    before = len(listener.hits)
    query = f"SELECT * WHERE {{ SERVICE <{listener.url}/sparql> {{ ?a ?b ?c }} }}"
    rows = list(ox.Store().query(query))
    assert len(listener.hits) > before
    assert rows[0]["a"].value == SECRET


def test_every_spelling_is_refused_by_every_method_and_nothing_reaches_the_listener(
    server, listener
):
    queries = corpus(listener.url, listener.port)
    assert len(queries) >= 330
    before = len(listener.hits)
    answers = {}
    with httpx.Client(base_url=server, timeout=30) as client:
        for query in queries:
            answers[("GET", query)] = client.get("/sparql", params={"query": query})
            answers[("form", query)] = client.post("/sparql", data={"query": query})
            answers[("direct", query)] = client.post(
                "/sparql",
                content=query.encode(),
                headers={"Content-Type": "application/sparql-query"},
            )
        time.sleep(0.5)  # a connection in flight would have arrived by now
        alive = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    not_refused = {key: r.status_code for key, r in answers.items() if r.status_code != 400}
    assert not_refused == {}
    assert listener.hits[before:] == []
    assert all(SECRET not in r.text for r in answers.values())
    assert alive.status_code == 200


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
            "SERVICE (federated query) is not allowed",
        ),
        (
            'PREFIX bif: <bif:> SELECT (bif:http_get("http://127.0.0.1:1/x") AS ?x) WHERE {}',
            "the function <bif:http_get> is not allowed",
        ),
        ("SELECT (bif:http_get(1) AS ?x) WHERE {}", "Unknown namespace prefix"),
        ("SELECT * WHERE { ?s ?p }", "SPARQL syntax error"),
    ],
)
def test_refusals_say_why(server, query, expected):
    response = httpx.get(f"{server}/sparql", params={"query": query}, timeout=30)
    assert response.status_code == 400
    assert expected in response.json()["message"]


def test_builtins_and_xsd_casts_still_run(server):
    query = (
        "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> "
        'SELECT (xsd:integer("41") + 1 AS ?n) (STRLEN(CONCAT("a", "b")) AS ?l) '
        '(xsd:date("2025-01-02") AS ?d) WHERE {}'
    )
    response = httpx.get(f"{server}/sparql", params={"query": query}, timeout=30)
    assert response.status_code == 200, response.text
    row = response.json()["results"]["bindings"][0]
    assert (row["n"]["value"], row["l"]["value"], row["d"]["value"]) == ("42", "2", "2025-01-02")


def test_pathological_queries_are_a_clean_400_and_the_server_stays_up(server):
    nested = "SELECT * WHERE " + "{" * 10_000 + "}" * 10_000
    long_filter = "ASK { FILTER(" + " || ".join(["?a = 1"] * 60_000) + ") }"  # 600 KB
    with httpx.Client(base_url=server, timeout=60) as client:
        deep = client.post("/sparql", data={"query": nested})
        started = time.monotonic()
        slow = client.post(
            "/sparql",
            content=long_filter.encode(),
            headers={"Content-Type": "application/sparql-query"},
        )
        slow_seconds = time.monotonic() - started
        alive = client.get("/sparql", params={"query": "ASK {}"})
    assert deep.status_code == 400
    assert "nested too deeply" in deep.json()["message"]
    assert slow.status_code == 400
    assert "to parse" in slow.json()["message"]
    assert slow_seconds < 30  # the parse stops at the time limit (2 s), loose on a busy machine
    assert alive.status_code == 200


def test_engine_io_errors_reach_the_client_without_their_text(listener):
    """If an engine I/O error happens (here a SERVICE run directly), its text stays in the log:
    it would echo the remote body and tell connection states apart."""
    store = OxigraphStore.from_store(ox.Store())
    before = len(listener.hits)
    for target in (f"{listener.url}/fail", "http://127.0.0.1:9/x"):  # error body; refused
        with pytest.raises(QueryError) as caught:
            store.query(f"SELECT * WHERE {{ SERVICE <{target}> {{ ?a ?b ?c }} }}")
        message = str(caught.value)
        assert SECRET not in message
        assert "127.0.0.1" not in message
        assert "refused" not in message.lower()
    assert len(listener.hits) > before  # the engine did call it: the error came from there


@pytest.mark.skipif(not virtuoso.available(), reason="virtuoso-opensource not installed")
def test_virtuoso_extension_functions_are_refused_in_remote_mode(tmp_path, listener):
    """Virtuoso fetches a URL for ``bif:http_get`` (the control, sent to it directly); through
    RemoteStore the same query is refused before it is sent."""
    engine = virtuoso.Virtuoso(tmp_path, free_port(), free_port())
    try:
        fetch = f'SELECT (bif:http_get("{listener.url}/x") AS ?x) WHERE {{}}'
        before = len(listener.hits)
        direct = f"{engine.sparql}?{urllib.parse.urlencode({'query': fetch})}"
        with urllib.request.urlopen(direct, timeout=30) as answer:
            assert SECRET in answer.read().decode()
        assert len(listener.hits) == before + 1
        remote = RemoteStore(engine.sparql, timeout=30)
        for query in (
            fetch,
            "PREFIX bif: <bif:> " + fetch,
            fetch.replace("bif:http_get", "<bif:http_get>"),
        ):
            with pytest.raises(QueryError):
                remote.query(query)
        time.sleep(0.5)
        assert len(listener.hits) == before + 1
    finally:
        engine.stop()


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE"),
        ("DELETE WHERE { ?s ?p ?o } ; INSERT { ?s ?p ?o } WHERE { SERVICE ?x { } }", "SERVICE"),
        ('PREFIX bif: <bif:> INSERT { ?s ?p ?o } WHERE { BIND(bif:exec("x") AS ?s) }', "function"),
    ],
)
def test_updates_are_checked_too(text, refused):
    """An update runs only with the operator's token, and still never reaches out."""
    with pytest.raises(QueryError, match=refused):
        check_request(text)


def test_update_operations_are_named_by_the_grammar():
    checked = check_request("PREFIX e: <http://e/> LOAD <http://127.0.0.1:9/g> ; CLEAR GRAPH e:g")
    assert checked.is_update
    assert checked.operations == ("Load", "Clear")


def test_a_long_basic_graph_pattern_parses(server):
    """120 triple patterns joined by '.' are a valid query (rdflib's parser recurses per pattern:
    from 100 patterns it was refused as "too deep" before the parse got a deep stack of its own).
    Oxigraph's join planning grows steeply with the pattern count (120: 1 s, 300: 45 s), so the
    test stays at 120."""
    patterns = " . ".join(f"?s <http://example.org/p{i}> ?o{i}" for i in range(120))
    query = f"SELECT ?s WHERE {{ {patterns} }} LIMIT 1"
    response = httpx.post(
        f"{server}/sparql",
        content=query.encode(),
        headers={"Content-Type": "application/sparql-query"},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    assert response.json()["results"]["bindings"] == []


def test_a_prologue_alone_is_a_clean_400(server):
    """Found by the fuzz test: "PREFIX:<>" parses as an update with no operation (a 500)."""
    response = httpx.get(f"{server}/sparql", params={"query": "PREFIX:<>"}, timeout=60)
    assert response.status_code == 400
    assert "no query" in response.json()["message"]
