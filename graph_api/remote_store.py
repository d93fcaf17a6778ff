"""The :class:`Store` interface over any SPARQL 1.1 engine (Virtuoso, Fuseki, Oxigraph server).

Queries go through SPARQLWrapper, always by POST (a query of any length fits, and no proxy
caches it); answers come back as SPARQL JSON (or Turtle for graphs) and are re-serialised here,
so formats, the row cap and term encoding are the same as the embedded store.

No dataset is sent unless the request names one: the engine's own default graph must be the
union of the project's graphs and nothing else (docs/architecture.md, "Remote engine", says how
to configure Virtuoso, Fuseki and Oxigraph server so). Naming every graph on every query cost
~170 ms a query at 504 graphs and made Virtuoso echo one ``X-SPARQL-*`` header per graph, past
the 100 headers Python's HTTP client accepts.

The time limit travels with the query (``timeout``, in ms, Virtuoso's per-request limit), so
the engine stops too; an answer the engine marks as cut short (Virtuoso's "anytime" answer,
``X-SQL-State: S1TAT``) is a :class:`QueryTimeout`, never a partial result. Loading uses the
SPARQL 1.1 Graph Store Protocol, one named graph at a time.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.parse
import urllib.request
from itertools import islice
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, TURTLE, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from graph_api.binding import bind_values
from graph_api.errors import Forbidden, StoreUnavailable
from graph_api.sparql_guard import check_request
from graph_api.store import (
    DEFAULT_OPTIONS,
    Dataset,
    QueryOptions,
    QueryOutput,
    Store,
    python_value,
    serialise_result,
)
from ontology.errors import QueryError, QueryTimeout

# Virtuoso answers ASK as a one-row table with this variable (1 or 0), not as a boolean.
VIRTUOSO_ASK_VARIABLE = "__ASK_RETVAL"
# Virtuoso's SQL state for an answer cut short by its time limit ("anytime" query).
INTERRUPTED_STATES = ("S1TAT",)
# Virtuoso answers a query it cancelled at its time limit either with 200 + X-SQL-State S1TAT
# (partial "anytime" result) or, when the cancel lands mid-statement, with HTTP 500 whose body
# carries SQL state HY008 / error SR203 ("Async statement killed by SQLCancel").
CANCELLED_MARKERS = ("HY008", "SR203", "S1TAT")
GRACE_SECONDS = 2.0  # waited past the time limit for the engine's own time-out answer
TRUE_BODY = b'{"head":{},"boolean":true}'
FALSE_BODY = b'{"head":{},"boolean":false}'


class RemoteStore(Store):
    """A remote SPARQL endpoint (``url``), with an optional update / Graph Store endpoint.

    ``timeout_parameter`` names the request parameter that carries the time limit in
    milliseconds to the engine (Virtuoso: ``timeout``); None sends none.
    """

    def __init__(
        self,
        url: str,
        update_url: str | None = None,
        *,
        timeout: float = 10.0,
        graph_store_url: str | None = None,
        timeout_parameter: str | None = "timeout",
    ) -> None:
        self.url = url
        self.update_url = update_url
        self.graph_store_url = graph_store_url
        self.timeout = timeout
        self.timeout_parameter = timeout_parameter

    def _wrapper(self, url: str) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(url)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        # the engine stops at the limit and says so; waiting a little longer lets its answer
        # (an interrupted query) arrive instead of a dropped connection
        wrapper.setTimeout(self.timeout + max(GRACE_SECONDS, self.timeout / 2))
        return wrapper

    def _send(self, text: str, dataset: Dataset | None, base_iri: str | None, accept: str) -> bytes:
        """Send checked (or the project's own) query text; the engine's answer body."""
        if base_iri and "BASE" not in text.upper():
            text = f"BASE <{base_iri}>\n{text}"
        wrapper = self._wrapper(self.url)
        wrapper.setQuery(text)
        wrapper.setReturnFormat(accept)
        if self.timeout_parameter:
            wrapper.addParameter(self.timeout_parameter, str(max(1, round(self.timeout * 1000))))
        for graph in dataset.default_graphs if dataset else ():
            wrapper.addDefaultGraph(graph)
        for graph in dataset.named_graphs if dataset else ():
            wrapper.addNamedGraph(graph)
        try:
            response = wrapper.query().response
            state = response.headers.get("X-SQL-State", "")
            body = response.read()
        except SPARQLWrapperException as error:
            if any(marker in str(error) for marker in CANCELLED_MARKERS):
                raise QueryTimeout(
                    f"query stopped by the engine: it ran past the time limit of {self.timeout:g} s"
                ) from error
            raise QueryError(f"the remote engine refused the query: {error}") from error
        except TimeoutError as error:
            raise QueryTimeout(
                f"query stopped: the remote engine did not answer within {self.timeout:g} s"
            ) from error
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            raise StoreUnavailable(f"the remote engine did not answer: {error}") from error
        if state in INTERRUPTED_STATES:
            raise QueryTimeout(
                f"query stopped by the engine: it ran past the time limit of {self.timeout:g} s"
            )
        return body

    def _solutions(self, sparql: str, dataset: Dataset | None, base_iri: str | None):
        body = self._send(sparql, dataset, base_iri, JSON)
        try:
            return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as error:
            raise QueryError(f"unreadable results from the remote engine: {error}") from error

    def _boolean(self, sparql: str, dataset: Dataset | None, base_iri: str | None):
        """An ASK answer as a boolean, whether the engine sent one or a one-cell table."""
        result = self._solutions(sparql, dataset, base_iri)
        if isinstance(result, ox.QueryBoolean):
            return result
        rows = list(result)
        names = [v.value for v in result.variables]
        if names != [VIRTUOSO_ASK_VARIABLE] or len(rows) > 1:
            raise QueryError(f"the remote engine answered ASK with a table of {names}")
        answer = bool(rows) and python_value(rows[0][0]) in (1, True, "1", "true")
        body = TRUE_BODY if answer else FALSE_BODY
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)

    def query(self, sparql: str, options: QueryOptions = DEFAULT_OPTIONS) -> QueryOutput:
        # SERVICE and extension functions are refused before anything is sent
        checked = check_request(bind_values(sparql, options.bindings))
        if checked.is_update:
            raise Forbidden("updates go through update(), not query()")
        text, dataset, base_iri = checked.text, options.dataset, options.base_iri
        if checked.result_kind == "graph":
            body = self._send(text, dataset, base_iri, TURTLE)
            try:
                triples = ox.parse(body, format=ox.RdfFormat.TURTLE)
                result = [t.triple for t in triples]
            except SyntaxError as error:
                raise QueryError(f"unreadable graph from the remote engine: {error}") from error
        elif checked.form == "ASK":
            result = self._boolean(text, dataset, base_iri)
        else:
            result = self._solutions(text, dataset, base_iri)
        return serialise_result(
            result, options.solutions_format, options.graph_format, options.max_rows
        )

    def select(
        self,
        sparql: str,
        bindings: dict[str, Any] | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        # the project's own named queries, values bound as escaped terms: not parsed again
        result = self._solutions(bind_values(sparql, bindings), None, None)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("select() needs a SELECT query")
        names = [v.value for v in result.variables]
        stop = None if limit is None else offset + limit
        return [{n: python_value(row[n]) for n in names} for row in islice(result, offset, stop)]

    def update(self, sparql: str) -> None:
        if not self.update_url:
            raise Forbidden("no update endpoint configured for the remote store")
        wrapper = self._wrapper(self.update_url)
        wrapper.setQuery(sparql)
        try:
            wrapper.query()
        except SPARQLWrapperException as error:
            raise QueryError(f"the remote engine refused the update: {error}") from error

    def load(self, nquads: Path) -> int:
        """PUT each named graph of an N-Quads file through the Graph Store Protocol."""
        if not self.graph_store_url:
            raise Forbidden("no Graph Store Protocol endpoint configured for the remote store")
        by_graph: dict[str, list[ox.Triple]] = {}
        for quad in ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS):
            by_graph.setdefault(quad.graph_name.value, []).append(quad.triple)
        for graph, triples in by_graph.items():
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            target = f"{self.graph_store_url}?{urllib.parse.urlencode({'graph': graph})}"
            request = urllib.request.Request(
                target, data=body, method="PUT", headers={"Content-Type": "application/n-triples"}
            )
            with urllib.request.urlopen(request, timeout=max(60, self.timeout)):
                pass
        return sum(len(t) for t in by_graph.values())
