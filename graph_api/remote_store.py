"""The :class:`Store` interface over any SPARQL 1.1 engine (Virtuoso, Fuseki, Oxigraph server).

Queries go through SPARQLWrapper; answers come back as SPARQL JSON (or Turtle for graphs) and are
re-serialised here, so formats, the row cap and term encoding are the same as the embedded store.
The default graph is the union of the project's graphs (``https://w3id.org/policygraph/…``),
given to the engine as an explicit dataset: engines differ in what their own default graph
holds (Virtuoso's includes its system graphs). Loading uses the SPARQL 1.1 Graph Store
Protocol, one named graph at a time.
"""

from __future__ import annotations

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
from graph_api.named_queries import load_query
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
from ontology.errors import QueryError

PROJECT_GRAPHS = "https://w3id.org/policygraph/"  # sources, curated files, the ontology


class RemoteStore(Store):
    """A remote SPARQL endpoint (``url``), with an optional update / Graph Store endpoint."""

    def __init__(
        self,
        url: str,
        update_url: str | None = None,
        *,
        timeout: float = 10.0,
        graph_store_url: str | None = None,
    ) -> None:
        self.url = url
        self.update_url = update_url
        self.graph_store_url = graph_store_url
        self.timeout = timeout
        self._graphs: tuple[str, ...] | None = None

    def _wrapper(self, url: str) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(url)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.setTimeout(max(1, round(self.timeout)))
        return wrapper

    def data_graphs(self) -> tuple[str, ...]:
        """The project's named graphs on the engine (found once, refreshed after a load)."""
        if self._graphs is None:
            rows = self._solutions(load_query("named_graphs"), Dataset(), None)
            names = [python_value(row["graph"]) for row in rows]
            self._graphs = tuple(g for g in names if g.startswith(PROJECT_GRAPHS))
        return self._graphs

    def _dataset(self, dataset: Dataset | None) -> Dataset:
        if dataset:
            return dataset
        graphs = self.data_graphs()
        return Dataset(graphs, graphs)

    def _send(self, text: str, dataset: Dataset, base_iri: str | None, accept: str) -> bytes:
        """Send checked (or the project's own) query text; the engine's answer body."""
        if base_iri and "BASE" not in text.upper():
            text = f"BASE <{base_iri}>\n{text}"
        wrapper = self._wrapper(self.url)
        wrapper.setQuery(text)
        wrapper.setReturnFormat(accept)
        for graph in dataset.default_graphs:
            wrapper.addDefaultGraph(graph)
        for graph in dataset.named_graphs:
            wrapper.addNamedGraph(graph)
        try:
            response = wrapper.query().response
            return response.read()
        except SPARQLWrapperException as error:
            raise QueryError(f"the remote engine refused the query: {error}") from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise StoreUnavailable(f"the remote engine did not answer: {error}") from error

    def _solutions(self, sparql: str, dataset: Dataset, base_iri: str | None):
        body = self._send(sparql, dataset, base_iri, JSON)
        try:
            return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as error:
            raise QueryError(f"unreadable results from the remote engine: {error}") from error

    def query(self, sparql: str, options: QueryOptions = DEFAULT_OPTIONS) -> QueryOutput:
        checked = check_request(bind_values(sparql, options.bindings))  # SERVICE etc. refused
        if checked.is_update:
            raise Forbidden("updates go through update(), not query()")
        text, chosen = checked.text, self._dataset(options.dataset)
        base_iri = options.base_iri
        if checked.result_kind == "graph":
            body = self._send(text, chosen, base_iri, TURTLE)
            try:
                triples = ox.parse(body, format=ox.RdfFormat.TURTLE)
                result = [t.triple for t in triples]
            except SyntaxError as error:
                raise QueryError(f"unreadable graph from the remote engine: {error}") from error
        else:
            result = self._solutions(text, chosen, base_iri)
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
        result = self._solutions(bind_values(sparql, bindings), self._dataset(None), None)
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
        self._graphs = None

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
        self._graphs = None
        return sum(len(t) for t in by_graph.values())
