"""The store interface the API talks to, and its embedded backend (Oxigraph on disk or in memory).

Callers see only :class:`Store`: ``query`` gives serialised results for the SPARQL endpoint,
``select`` gives rows of Python values for the REST answers. A remote SPARQL 1.1 engine
implements the same interface (``graph_api.remote_store``) so callers never change.
"""

from __future__ import annotations

import json
import logging
import weakref
from abc import ABC, abstractmethod
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph_api.binding import bind_values
from graph_api.errors import Forbidden
from graph_api.results import BOOLEAN_WRITERS, SOLUTION_WRITERS
from graph_api.store_terms import IRI as IRI
from ontology import releases
from ontology.errors import QueryError
from ontology.namespaces import PREFIXES
from ontology.releases import Pin
from ontology.vocabulary import ENTITY_KINDS, ID_BASE, XSD

log = logging.getLogger(__name__)

RESULT_FORMATS = {
    "json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "csv": (ox.QueryResultsFormat.CSV, "text/csv"),
    "tsv": (ox.QueryResultsFormat.TSV, "text/tab-separated-values"),
}
# One prefix per kind of entity (agency:so-khcn-binh-duong), which reads better than id:agency\/….
SERIALISATION_PREFIXES = {
    **PREFIXES,
    **{kind: f"{ID_BASE}{kind}/" for kind in ENTITY_KINDS},
}
GRAPH_FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "rdfxml": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json"),
}


@dataclass(frozen=True)
class QueryOutput:
    """Serialised results and their media type; ``kind`` is ``solutions``, ``boolean`` or ``graph``.

    ``truncated`` says the result had more rows (or triples) than the cap and was cut there.
    """

    body: bytes
    media_type: str
    kind: str
    truncated: bool = False


@dataclass(frozen=True)
class Dataset:
    """The RDF dataset of a request (``default-graph-uri`` / ``named-graph-uri``); empty = all."""

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


@dataclass(frozen=True)
class QueryOptions:
    """How :meth:`Store.query` runs and serialises one query: the one definition of its options.

    SELECT/ASK results in ``solutions_format``, graphs in ``graph_format``; ``dataset`` as the
    request named it; at most ``max_rows`` rows; relative IRIs resolve against ``base_iri`` (the
    endpoint's address); ``bindings`` as in :meth:`Store.select`.
    """

    solutions_format: str = "json"
    graph_format: str = "turtle"
    dataset: Dataset | None = None
    max_rows: int | None = None
    base_iri: str | None = None
    bindings: dict[str, Any] | None = None


DEFAULT_OPTIONS = QueryOptions()


@dataclass(frozen=True)
class StoreRecipe:
    """How a worker process opens its own copy of an embedded store (picklable)."""

    path: str | None = None
    in_memory: bool = False
    nquads: bytes | None = None  # a store that lives only in memory, passed as N-Quads
    build_dir: str | None = None  # follow this build directory's current release

    def open(self) -> Store:
        if self.build_dir is not None:
            from graph_api.release_store import CurrentReleaseStore

            return CurrentReleaseStore(Path(self.build_dir), in_memory=self.in_memory)
        if self.nquads is not None:
            store = ox.Store()
            store.bulk_load(self.nquads, format=ox.RdfFormat.N_QUADS)
            return OxigraphStore.from_store(store)
        return OxigraphStore(Path(self.path), in_memory=self.in_memory)


class Store(ABC):
    """What the API needs of a graph store."""

    @abstractmethod
    def query(self, sparql: str, options: QueryOptions = DEFAULT_OPTIONS) -> QueryOutput:
        """Run a query and serialise its results as ``options`` say."""

    @abstractmethod
    def select(
        self,
        sparql: str,
        bindings: dict[str, Any] | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Run a SELECT with values bound to variables; rows map variable → Python value."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update; stores are read-only unless a backend says otherwise."""
        raise Forbidden("this store is read-only; rebuild it with `policygraph build`")

    def recipe(self) -> StoreRecipe | None:
        """How worker processes open this store; None: run queries in this process."""
        return None

    def build_report(self) -> dict[str, Any] | None:
        """The build's report.json, when the store came from a local build."""
        return None

    @property
    def release(self) -> str | None:
        """Which data is served, when it can change while the server runs (a rebuild)."""
        return None

    def close(self) -> None:  # noqa: B027 - optional for backends
        """Release resources."""


def _number(convert):
    def converted(text: str) -> Any:
        try:
            return convert(text)
        except ValueError:
            return text

    return converted


# datatype → conversion, looked up by the datatype node (no string work per value: the REST
# answers convert thousands of values per request)
CONVERSIONS = {
    **{ox.NamedNode(XSD + t): _number(int) for t in ("integer", "int", "long")},
    ox.NamedNode(XSD + "nonNegativeInteger"): _number(int),
    **{ox.NamedNode(XSD + t): _number(float) for t in ("decimal", "double", "float")},
    ox.NamedNode(XSD + "boolean"): lambda text: text in ("true", "1"),
}


def python_value(term: Any) -> Any:
    """A pyoxigraph term as a plain Python value (IRIs and strings as str, numbers as numbers)."""
    if term is None:
        return None
    if type(term) is ox.Literal:
        convert = CONVERSIONS.get(term.datatype)
        return term.value if convert is None else convert(term.value)
    return term.value


class OxigraphStore(Store):
    """The embedded store: the build's Oxigraph directory opened read-only, or copied to memory."""

    def __init__(self, path: Path, *, in_memory: bool = False, pin: Pin | None = None) -> None:
        """``pin``: the release's pin, when the caller took it; else taken here if ``path`` is
        a release's store. It is held while this object lives, so no build deletes the files."""
        self.path = Path(path)
        self.in_memory = in_memory
        if not self.path.is_dir():
            raise FileNotFoundError(f"no store at {self.path}: run `policygraph build` first")
        pin = pin or releases.pin_store_folder(self.path)
        self._unpin = weakref.finalize(self, pin.release) if pin else lambda: None
        if in_memory:
            on_disk = ox.Store.read_only(str(self.path))
            self._store = ox.Store()
            self._store.bulk_extend(on_disk.quads_for_pattern(None, None, None, None))
            del on_disk
            self._unpin()  # the copy in memory no longer needs the files
        else:
            self._store = ox.Store.read_only(str(self.path))

    @classmethod
    def from_store(cls, store: ox.Store) -> OxigraphStore:
        """Wrap an existing pyoxigraph store (tests, benchmarks)."""
        self = cls.__new__(cls)
        self.path = Path("<memory>")
        self.in_memory = True
        self._store = store
        self._unpin = lambda: None
        return self

    def recipe(self) -> StoreRecipe:
        if str(self.path) == "<memory>":
            return StoreRecipe(nquads=self._store.dump(format=ox.RdfFormat.N_QUADS))
        return StoreRecipe(path=str(self.path), in_memory=self.in_memory)

    def build_report(self) -> dict[str, Any] | None:
        report = self.path.parent / "report.json"
        if str(self.path) == "<memory>" or not report.is_file():
            return None
        return json.loads(report.read_text(encoding="utf-8"))

    def _run(self, sparql: str, dataset: Dataset | None, base_iri: str | None = None):
        kwargs: dict[str, Any] = {"base_iri": base_iri}
        if dataset:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in dataset.default_graphs]
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in dataset.named_graphs]
        else:
            kwargs["use_default_graph_as_union"] = True
        try:
            return self._store.query(sparql, **kwargs)
        except SyntaxError as error:
            raise QueryError(f"SPARQL syntax error: {error}") from error
        except OSError as error:
            raise _io_failure(error) from None
        except (ValueError, TypeError) as error:
            raise QueryError(str(error)) from error

    def query(self, sparql: str, options: QueryOptions = DEFAULT_OPTIONS) -> QueryOutput:
        result = self._run(
            bind_values(sparql, options.bindings), options.dataset, base_iri=options.base_iri
        )
        try:
            return serialise_result(
                result, options.solutions_format, options.graph_format, options.max_rows
            )
        except OSError as error:
            raise _io_failure(error) from None
        except (ValueError, TypeError) as error:
            raise QueryError(f"query evaluation failed: {error}") from error

    def select(self, sparql, bindings=None, *, limit=None, offset=0):
        result = self._run(bind_values(sparql, bindings), None)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("select() needs a SELECT query")
        names = [v.value for v in result.variables]
        stop = None if limit is None else offset + limit
        try:
            return [
                dict(zip(names, map(python_value, row), strict=True))
                for row in islice(result, offset, stop)
            ]
        except OSError as error:
            raise _io_failure(error) from None
        except (ValueError, TypeError) as error:
            raise QueryError(f"query evaluation failed: {error}") from error

    @property
    def raw(self) -> ox.Store:
        """The pyoxigraph store, for the build and benchmarks."""
        return self._store

    def close(self) -> None:
        self._store = None  # type: ignore[assignment]
        self._unpin()


def _io_failure(error: OSError) -> QueryError:
    """An engine I/O error, logged here and told to the client without its text: the text of a
    failed remote call (SERVICE) names connection states and echoes the remote body."""
    log.warning("query evaluation failed with an I/O error: %s", error)
    return QueryError(
        "the query could not be evaluated: the engine reported an input/output error "
        "(the details are in the server log)"
    )


def serialise_result(result, solutions_format: str, graph_format: str, max_rows: int | None):
    """Serialise a pyoxigraph result, reading at most ``max_rows`` rows or triples."""
    if isinstance(result, ox.QueryBoolean):
        _, media = RESULT_FORMATS[solutions_format]
        writer = BOOLEAN_WRITERS.get(solutions_format)
        if writer is None:
            raise QueryError(f"an ASK answer cannot be given as {solutions_format}")
        return QueryOutput(writer(bool(result)), media, "boolean")
    cap = None if max_rows is None else max_rows + 1
    if isinstance(result, ox.QueryTriples | list):
        fmt, media = GRAPH_FORMATS[graph_format]
        triples = list(islice(result, cap))
        truncated = max_rows is not None and len(triples) > max_rows
        body = ox.serialize(triples[:max_rows], format=fmt, prefixes=SERIALISATION_PREFIXES)
        return QueryOutput(body, media, "graph", truncated)
    _, media = RESULT_FORMATS[solutions_format]
    names = [v.value for v in result.variables]
    rows = [[row[i] for i in range(len(names))] for row in islice(result, cap)]
    truncated = max_rows is not None and len(rows) > max_rows
    body = SOLUTION_WRITERS[solutions_format](names, rows[:max_rows])
    return QueryOutput(body, media, "solutions", truncated)
