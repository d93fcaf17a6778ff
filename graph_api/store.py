"""The store interface the API talks to, and its embedded backend (Oxigraph on disk or in memory).

Callers see only :class:`Store`: ``query`` gives serialised results for the SPARQL endpoint,
``select`` gives rows of Python values for the REST answers. A remote SPARQL 1.1 engine
implements the same interface (``graph_api.remote_store``) so callers never change.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ingest.errors import QueryError

RESULT_FORMATS = {
    "json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "csv": (ox.QueryResultsFormat.CSV, "text/csv"),
    "tsv": (ox.QueryResultsFormat.TSV, "text/tab-separated-values"),
}
GRAPH_FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "rdfxml": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json"),
}


@dataclass(frozen=True)
class QueryOutput:
    """Serialised results and their media type; ``kind`` is ``solutions``, ``boolean`` or ``graph``."""

    body: bytes
    media_type: str
    kind: str


@dataclass(frozen=True)
class Dataset:
    """The RDF dataset of a request (``default-graph-uri`` / ``named-graph-uri``); empty = all."""

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


class Store(ABC):
    """What the API needs of a graph store."""

    @abstractmethod
    def query(
        self,
        sparql: str,
        *,
        solutions_format: str = "json",
        graph_format: str = "turtle",
        dataset: Dataset | None = None,
    ) -> QueryOutput:
        """Run a query and serialise its results (SELECT/ASK in ``solutions_format``)."""

    @abstractmethod
    def select(self, sparql: str, bindings: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a SELECT with values bound to variables; rows map variable → Python value."""

    def close(self) -> None:  # noqa: B027 - optional for backends
        """Release resources."""


def python_value(term: Any) -> Any:
    """A pyoxigraph term as a plain Python value (IRIs and strings as str, numbers as numbers)."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype.endswith(("#integer", "#int", "#long", "#nonNegativeInteger", "#gYear")):
            try:
                return int(term.value)
            except ValueError:
                return term.value
        if datatype.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
        if datatype.endswith("#boolean"):
            return term.value == "true"
        return term.value
    return term.value


def oxigraph_term(value: Any) -> Any:
    """A Python value as a pyoxigraph term for substitution: str IRIs must be given as NamedNode."""
    if isinstance(value, ox.NamedNode | ox.Literal | ox.BlankNode):
        return value
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(_XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(_XSD + "integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(_XSD + "decimal"))
    return ox.Literal(str(value))


_XSD = "http://www.w3.org/2001/XMLSchema#"


class OxigraphStore(Store):
    """The embedded store: the build's Oxigraph directory opened read-only, or copied to memory."""

    def __init__(self, path: Path, *, in_memory: bool = False) -> None:
        self.path = Path(path)
        if not self.path.is_dir():
            raise FileNotFoundError(f"no store at {self.path}: run `policygraph build` first")
        if in_memory:
            on_disk = ox.Store.read_only(str(self.path))
            self._store = ox.Store()
            self._store.bulk_extend(on_disk.quads_for_pattern(None, None, None, None))
            del on_disk
        else:
            self._store = ox.Store.read_only(str(self.path))

    @classmethod
    def from_store(cls, store: ox.Store) -> OxigraphStore:
        """Wrap an existing pyoxigraph store (tests, benchmarks)."""
        self = cls.__new__(cls)
        self.path = Path("<memory>")
        self._store = store
        return self

    def _run(self, sparql: str, dataset: Dataset | None, substitutions=None):
        kwargs: dict[str, Any] = {"substitutions": substitutions}
        if dataset and (dataset.default_graphs or dataset.named_graphs):
            kwargs["default_graph"] = [ox.NamedNode(g) for g in dataset.default_graphs]
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in dataset.named_graphs]
        else:
            kwargs["use_default_graph_as_union"] = True
        try:
            return self._store.query(sparql, **kwargs)
        except SyntaxError as error:
            raise QueryError(f"SPARQL syntax error: {error}") from error
        except (OSError, ValueError, TypeError) as error:
            raise QueryError(str(error)) from error

    def query(self, sparql, *, solutions_format="json", graph_format="turtle", dataset=None):
        result = self._run(sparql, dataset)
        if isinstance(result, ox.QueryTriples):
            fmt, media = GRAPH_FORMATS[graph_format]
            return QueryOutput(result.serialize(format=fmt), media, "graph")
        fmt, media = RESULT_FORMATS[solutions_format]
        kind = "boolean" if isinstance(result, ox.QueryBoolean) else "solutions"
        return QueryOutput(result.serialize(format=fmt), media, kind)

    def select(self, sparql, bindings=None):
        substitutions = None
        if bindings:
            substitutions = {ox.Variable(k): oxigraph_term(v) for k, v in bindings.items()}
        result = self._run(sparql, None, substitutions)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("select() needs a SELECT query")
        names = [v.value for v in result.variables]
        return [{n: python_value(row[n]) for n in names} for row in result]

    @property
    def raw(self) -> ox.Store:
        """The pyoxigraph store, for the build and benchmarks."""
        return self._store

    def close(self) -> None:
        self._store = None  # type: ignore[assignment]
