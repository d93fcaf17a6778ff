"""The SPARQL 1.1 Protocol endpoint at ``/sparql``: read-only, checked before anything runs.

GET with ``query``, POST form-encoded, or POST ``application/sparql-query``; dataset from
``default-graph-uri`` / ``named-graph-uri``; results chosen by ``Accept`` or ``format``.
GET without a query answers with the Service Description, or a browser with the editor page.
"""

from __future__ import annotations

import codecs
import hmac
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from graph_api import negotiation
from graph_api.errors import Forbidden, PayloadTooLarge, UnsupportedMediaType
from graph_api.executor import for_client
from graph_api.models import ErrorBody
from graph_api.named_queries import load_query
from graph_api.routes import home
from graph_api.service_description import service_description
from graph_api.sparql_guard import CheckedQuery, check_request, require_query
from graph_api.store import Dataset, QueryOptions
from ontology.errors import QueryError

router = APIRouter(tags=["SPARQL"])
RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml", "jsonld": "json-ld"}
OFFERS = {
    "SELECT": negotiation.SOLUTIONS,
    "ASK": negotiation.BOOLEAN,
    "CONSTRUCT": negotiation.GRAPH,
    "DESCRIBE": negotiation.GRAPH,
}


class ProtocolRequest:
    """The protocol parameters of one request, wherever they came from (URL or body)."""

    def __init__(self, params: list[tuple[str, str]], body_query: str | None = None) -> None:
        self.params = params
        self.body_query = body_query

    def values(self, name: str) -> list[str]:
        return [value for key, value in self.params if key == name]

    def single(self, name: str) -> str | None:
        found = self.values(name)
        if len(found) > 1:
            raise QueryError(f"more than one {name!r} parameter; send exactly one")
        return found[0] if found else None

    def dataset(self) -> Dataset:
        return Dataset(
            tuple(self.values("default-graph-uri")), tuple(self.values("named-graph-uri"))
        )


def _decode_params(raw: bytes, where: str, charset: str = "utf-8") -> list[tuple[str, str]]:
    try:
        return parse_qsl(
            raw.decode(charset), keep_blank_values=True, encoding=charset, errors="strict"
        )
    except (UnicodeDecodeError, ValueError) as error:
        raise QueryError(f"{where} is not valid percent-encoded {charset}: {error}") from error


def _form_charset(content_type: str) -> str:
    """The charset a form body declares (UTF-8 when it declares none), checked to be known."""
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
            try:
                return codecs.lookup(charset).name
            except LookupError as error:
                raise UnsupportedMediaType(
                    f"unknown charset {charset!r} in {content_type!r}"
                ) from error
    return "utf-8"


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"request body of {declared} bytes exceeds the limit of {limit}")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise PayloadTooLarge(f"request body exceeds the limit of {limit} bytes")
    return body


def _charset_is_utf8(content_type: str) -> bool:
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip('"').lower() not in (
            "utf-8",
            "utf8",
        ):
            return False
    return True


async def _protocol_request(request: Request, limit: int) -> tuple[ProtocolRequest, str]:
    """Parse the request into its parameters and the operation (``query`` or ``update``)."""
    url_params = _decode_params(request.scope.get("query_string", b""), "the query string")
    if request.method in ("GET", "HEAD"):
        if any(key == "update" for key, _ in url_params):
            raise QueryError("SPARQL Update must be sent by POST")
        return ProtocolRequest(url_params), "query"
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";")[0].strip().lower()
    body = await _read_body(request, limit)
    if media in ("application/sparql-query", "application/sparql-update"):
        if not _charset_is_utf8(content_type):
            raise UnsupportedMediaType(f"{media} must be sent in UTF-8 (got {content_type!r})")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as error:
            raise QueryError(f"the request body is not valid UTF-8: {error}") from error
        operation = "query" if media == "application/sparql-query" else "update"
        if any(key in ("query", "update") for key, _ in url_params):
            raise QueryError("send the operation either in the body or in the URL, not both")
        return ProtocolRequest(url_params, text), operation
    if media == "application/x-www-form-urlencoded":
        form = _decode_params(body, "the form body", _form_charset(content_type))
        params = url_params + form
        has_update = any(key == "update" for key, _ in params)
        if has_update and any(key == "query" for key, _ in params):
            raise QueryError("a request carries either 'query' or 'update', not both")
        return ProtocolRequest(params), "update" if has_update else "query"
    raise UnsupportedMediaType(
        f"a SPARQL POST needs Content-Type application/sparql-query, application/sparql-update "
        f"or application/x-www-form-urlencoded (got {content_type or 'none'!r})"
    )


def _error(description: str) -> dict:
    return {"model": ErrorBody, "description": description}


SPARQL_RESPONSES = {
    200: {
        "description": "Query results (SPARQL JSON/XML/CSV/TSV or an RDF graph), "
        "or the Service Description when no query is given",
        "content": {o.media_type: {} for o in negotiation.SOLUTIONS + negotiation.GRAPH},
    },
    400: _error(
        "Malformed query, or a forbidden feature "
        "(SERVICE, a function that is not a SPARQL built-in or XSD cast)"
    ),
    403: _error("An update on the read-only endpoint"),
    406: _error("No acceptable result format"),
    413: _error("Request too large"),
    415: _error("Unsupported request content type or charset"),
    503: _error("Query stopped at the time limit"),
}
_TEXT = {"type": "string"}
_IRIS = {"type": "array", "items": _TEXT}
DATASET_PARAMETERS = [
    {"name": name, "in": "query", "required": False, "schema": _IRIS, "style": "form"}
    for name in ("default-graph-uri", "named-graph-uri")
]
GET_PARAMETERS = {
    "parameters": [
        {"name": "query", "in": "query", "required": False, "schema": _TEXT},
        *DATASET_PARAMETERS,
    ]
}
POST_BODY = {
    "parameters": DATASET_PARAMETERS,
    "requestBody": {
        "required": True,
        "content": {
            "application/sparql-query": {"schema": _TEXT},
            "application/sparql-update": {"schema": _TEXT},
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "query": _TEXT,
                        "update": _TEXT,
                        **dict.fromkeys(("default-graph-uri", "named-graph-uri"), _IRIS),
                    },
                }
            },
        },
    },
}
ALLOW = "GET, POST, HEAD, OPTIONS"


@router.get(
    "/sparql",
    summary="SPARQL 1.1 query by GET (?query=…), or the Service Description",
    operation_id="sparql_get",
    response_class=Response,
    responses=SPARQL_RESPONSES,
    openapi_extra=GET_PARAMETERS,
)
async def sparql_get(request: Request) -> Response:
    """Answer ``?query=`` (with ``default-graph-uri``, ``named-graph-uri``, ``format``)."""
    return await sparql(request)


@router.head("/sparql", include_in_schema=False)
async def sparql_head(request: Request) -> Response:
    """As GET, without the body (the server drops it)."""
    return await sparql(request)


@router.options("/sparql", include_in_schema=False)
async def sparql_options() -> Response:
    """The methods /sparql answers (a CORS preflight is answered by the CORS middleware)."""
    return Response(status_code=204, headers={"Allow": ALLOW})


@router.post(
    "/sparql",
    summary="SPARQL 1.1 query by POST (form-encoded or application/sparql-query)",
    operation_id="sparql_post",
    response_class=Response,
    responses=SPARQL_RESPONSES,
    openapi_extra=POST_BODY,
)
async def sparql_post(request: Request) -> Response:
    """Answer a query sent in the body."""
    return await sparql(request)


async def sparql(request: Request) -> Response:
    """Answer a SPARQL query (GET ``?query=``, POST form or POST ``application/sparql-query``)."""
    settings = request.app.state.settings
    protocol, operation = await _protocol_request(request, settings.max_request_bytes)
    if operation == "update":
        return await _update(request, protocol)
    text = protocol.body_query if protocol.body_query is not None else protocol.single("query")
    format_param = protocol.single("format")
    if text is None:
        if format_param is None and home.wants_editor(request):  # a browser: the editor page
            return home.sparql_editor(request)
        return await _service_description(request, format_param)
    if len(text.encode("utf-8")) > settings.max_request_bytes:
        raise PayloadTooLarge(
            f"the query is longer than the limit of {settings.max_request_bytes} bytes"
        )
    if not text.strip():
        raise QueryError("the query is empty")
    client = request.client.host if request.client else ""
    checked = require_query(await _check(text, settings.parse_timeout, client))
    offer = negotiation.choose(OFFERS[checked.form], request.headers.get("accept"), format_param)
    dataset = protocol.dataset() or Dataset(checked.from_graphs, checked.from_named_graphs)
    key = offer.key
    options = QueryOptions(
        solutions_format=key if checked.result_kind == "solutions" else "json",
        graph_format=key if checked.result_kind == "graph" else "turtle",
        dataset=dataset,
        max_rows=settings.max_rows,
        base_iri=str(request.url.replace(query="")),
    )
    output = await run_in_threadpool(
        for_client(request.app.state.store, client).query, checked.text, options
    )
    headers = {"Vary": "Accept"}
    if output.truncated:
        headers["X-Result-Truncated"] = f"true; max-rows={settings.max_rows}"
    return Response(content=output.body, media_type=offer.media_type, headers=headers)


async def _check(text: str, time_limit: float, client: str = "") -> CheckedQuery:
    """Parse and check off the event loop, within ``parse_timeout`` (a 400 past it).

    rdflib's parser is pure Python, about 1 ms per literal in a VALUES block: a large query takes
    seconds of this process's CPU. That cost is the server's, not the engine's, so it has its own
    limit rather than eating into the query's ``query_timeout``. It runs in a thread, not a
    queue: a cheap query's parse never waits behind a long one.
    """
    return await run_in_threadpool(check_request, text, time_limit, client)


async def _service_description(request: Request, format_param: str | None) -> Response:
    try:
        offer = negotiation.choose(negotiation.GRAPH, request.headers.get("accept"), format_param)
    except QueryError:
        offer = negotiation.GRAPH[0]
    endpoint = str(request.url.replace(query=""))
    graph = service_description(
        endpoint,
        await run_in_threadpool(_named_graphs, request.app.state.store),
        updates=request.app.state.settings.allow_updates,
    )
    body = graph.serialize(format=RDFLIB_FORMATS[offer.key], encoding="utf-8")
    return Response(content=body, media_type=offer.media_type, headers={"Vary": "Accept"})


def _named_graphs(store) -> list[str]:
    """The build report's graphs (counted once at build time); else asked of the store.

    Asking Oxigraph scans every quad (``GRAPH ?g { ?s ?p ?o }``: 2.2 s at 10⁵ quads), and the
    index-only form ``GRAPH ?g {}`` answers nothing on Virtuoso, so a local build's list wins.
    """
    report = store.build_report() or {}
    if report.get("triples_per_graph"):
        return sorted(report["triples_per_graph"])
    return [row["graph"] for row in store.select(load_query("named_graphs"))]


async def _update(request: Request, protocol: ProtocolRequest) -> Response:
    """Run an update only when the operator switched updates on and the token matches."""
    settings = request.app.state.settings
    if not settings.allow_updates or not settings.update_token:
        raise Forbidden("this endpoint is read-only: SPARQL Update is refused")
    given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), settings.update_token.encode()):
        raise Forbidden("SPARQL Update needs the operator's token (Authorization: Bearer …)")
    text = protocol.body_query if protocol.body_query is not None else protocol.single("update")
    if not text or not text.strip():
        raise QueryError("the update is empty")
    checked = await _check(text, settings.parse_timeout)
    if not checked.is_update:
        raise QueryError("expected a SPARQL Update, found a query")
    if "Load" in checked.operations:
        raise Forbidden("LOAD is refused: the server never fetches data from other addresses")
    await run_in_threadpool(request.app.state.store.update, checked.text)
    return Response(status_code=204)
