"""Check a SPARQL request before any engine sees it, on a real parse by the SPARQL 1.1 grammar.

The text is parsed by rdflib's SPARQL 1.1 parser (``parseQuery``, else ``parseUpdate``), prefixed
names and relative IRIs are resolved as its algebra does (``translatePrologue`` /
``translatePName``), and the tree is walked. Refused, with a 400 before anything runs:

* ``SERVICE`` anywhere (subquery, OPTIONAL, UNION, MINUS, GRAPH, FILTER [NOT] EXISTS, any IRI
  spelling, a variable as the service, SILENT): engines would call the remote endpoint;
* any function call whose IRI is not an XSD cast: the SPARQL 1.1 built-ins are keywords of the
  grammar, so an IRI in function position is an engine extension, and some reach the network
  or the host (Virtuoso's ``bif:http_get``, ``bif:exec``, ``sql:…``).

A text the parser rejects is a 400 with the parser's message. The check also says which form
a request is (a query form or ``UPDATE``, with the update's operations) and lifts
``FROM``/``FROM NAMED`` into a dataset restriction over the store's own graphs, so no engine is
asked to dereference them. The text returned is the text that runs, and it is the text whose
parse was checked: when FROM clauses are cut out, the cut text is parsed and checked again.

The parse is bounded: deep nesting ends in RecursionError and a long parse at ``time_limit``
(:mod:`graph_api.deadline`), both a 400.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from types import ModuleType
from typing import Any

from pyparsing import ParseResults
from rdflib.plugins.sparql import algebra
from rdflib.plugins.sparql.parserutils import CompValue

from graph_api.deadline import DeadlineExceeded, run_on_deep_stack, run_with_deadline
from graph_api.errors import Forbidden
from graph_api.parser_pool import ParserPool
from graph_api.sparql_tokens import cut_dataset_clauses
from ontology.errors import QueryError
from ontology.vocabulary import XSD

FORMS = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}
# rdflib's grammar is not thread-safe: each parse borrows a copy of its own (graph_api.parser_pool).
PARSERS = ParserPool(3)  # 2 parses take turns at once (parser_pool), + a trusted caller
# (each copy is ~90,000 more objects for the GC: with 9 copies a deep parse took 30 % longer)
# The casts SPARQL 1.1 defines (§17.5) and those Oxigraph adds for dates and durations.
ALLOWED_FUNCTIONS = frozenset(
    XSD + name
    for name in (
        "boolean",
        "double",
        "float",
        "decimal",
        "integer",
        "string",
        "dateTime",
        "date",
        "time",
        "duration",
        "yearMonthDuration",
        "dayTimeDuration",
    )
)
SERVICE_REFUSED = (
    "SERVICE (federated query) is not allowed on this endpoint: "
    "it would make the server call another address"
)


@dataclass(frozen=True)
class CheckedQuery:
    """A request that passed the check: its form, its text without FROM, and the FROM graphs.

    ``operations`` names an update's operations as the grammar does (``Load``, ``Modify``, …).
    """

    form: str  # SELECT | ASK | CONSTRUCT | DESCRIBE | UPDATE
    text: str
    from_graphs: tuple[str, ...] = ()
    from_named_graphs: tuple[str, ...] = ()
    operations: tuple[str, ...] = ()

    @property
    def is_update(self) -> bool:
        return self.form == "UPDATE"

    @property
    def result_kind(self) -> str:
        """``solutions`` (SELECT/ASK results formats) or ``graph`` (RDF formats)."""
        return "graph" if self.form in ("CONSTRUCT", "DESCRIBE") else "solutions"


def check_request(text: str, time_limit: float | None = None, client: str = "") -> CheckedQuery:
    """Classify ``text`` and refuse what must never run; raises QueryError / Forbidden.

    ``time_limit`` (seconds) bounds the parsing; None leaves it unbounded (trusted callers).
    """
    with PARSERS.borrow(time_limit, client, hash(text)) as grammar:
        try:
            return run_on_deep_stack(run_with_deadline, time_limit, _check, text, grammar.module)
        except DeadlineExceeded:
            grammar.spoilt = True
            raise QueryError(
                f"the query took longer than {time_limit:g} s to parse; send a shorter query"
            ) from None


def _check(text: str, grammar: ModuleType) -> CheckedQuery:
    tree = _parse(text, grammar)
    if isinstance(tree, CompValue) and not tree.request:  # a prologue alone ("PREFIX : <>")
        raise QueryError("the request holds no query and no update operation")
    if isinstance(tree, CompValue):  # an update
        _refuse_forbidden(_resolve_update(tree))
        return CheckedQuery("UPDATE", text, operations=tuple(r.name for r in tree.request))
    form = FORMS[tree[1].name]
    resolved = _resolve_query(tree)
    clauses = resolved.datasetClause or []
    if not clauses:
        _refuse_forbidden(resolved)
        return CheckedQuery(form, text)
    default_graphs = tuple(str(c.default) for c in clauses if c.default is not None)
    named_graphs = tuple(str(c.named) for c in clauses if c.named is not None)
    stripped = cut_dataset_clauses(text)
    cut = _parse(stripped, grammar)
    if isinstance(cut, CompValue) or FORMS[cut[1].name] != form or cut[1].datasetClause:
        raise QueryError("SPARQL syntax error: could not separate the FROM clauses")
    _refuse_forbidden(_resolve_query(cut))
    return CheckedQuery(form, stripped, default_graphs, named_graphs)


def _parse(text: str, grammar: ModuleType) -> Any:
    """The query's parse (ParseResults), or the update's (a CompValue named ``Update``).

    Any failure of the parser is the client's 400, whatever its type (rdflib's parse actions can
    raise more than pyparsing's ParseException).
    """
    try:
        return grammar.parseQuery(text)
    except RecursionError:
        raise _too_deep() from None
    except Exception as query_error:
        try:
            return grammar.parseUpdate(text)
        except RecursionError:
            raise _too_deep() from None
        except Exception as update_error:
            # Report the reading that got further into the text.
            further = getattr(update_error, "loc", -1) > getattr(query_error, "loc", -1)
            error = update_error if further else query_error
            raise QueryError(f"SPARQL syntax error: {error}") from None


def _too_deep() -> QueryError:
    return QueryError(
        "SPARQL syntax error: the query is nested too deeply for the parser "
        "(too many nested groups, or a very long list of triple patterns joined by '.')"
    )


def _resolve(prologue_tree: Any, body: Any, prologue: algebra.Prologue | None = None):
    """``body`` with prefixed names and relative IRIs resolved by the prologue's declarations."""
    try:
        prologue = algebra.translatePrologue(prologue_tree, None, prologue=prologue)
        return prologue, algebra.traverse(body, partial(algebra.translatePName, prologue=prologue))
    except RecursionError:
        raise _too_deep() from None
    except Exception as error:  # rdflib raises a bare Exception for an undeclared prefix
        raise QueryError(f"SPARQL syntax error: {error}") from None


def _resolve_query(tree: Any) -> Any:
    return _resolve(tree[0], tree[1])[1]


def _resolve_update(tree: CompValue) -> list[Any]:
    prologue, resolved = None, []
    for prologue_tree, request in zip(tree.prologue, tree.request, strict=False):
        prologue, body = _resolve(prologue_tree, request, prologue)  # prefixes carry over
        resolved.append(body)
    return resolved


def _refuse_forbidden(tree: Any) -> None:
    """Walk the whole resolved tree; refuse SERVICE and any function IRI not allowed."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                raise QueryError(SERVICE_REFUSED)
            if node.name == "Function" and str(node.iri) not in ALLOWED_FUNCTIONS:
                raise QueryError(
                    f"the function <{node.iri}> is not allowed on this endpoint: only the "
                    "SPARQL 1.1 built-in functions and XSD casts (xsd:integer(…), …) run here"
                )
            stack.extend(node.values())
        elif isinstance(node, list | tuple | ParseResults):
            stack.extend(node)


def require_query(checked: CheckedQuery) -> CheckedQuery:
    """Refuse an update sent where only queries are accepted."""
    if checked.is_update:
        raise Forbidden(
            "this endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, …) is refused"
        )
    return checked
