"""Values from a request bound into a named query as a ``VALUES`` block, never as query text.

Each value becomes one RDF term written by the rules of the SPARQL grammar (IRIs checked for
forbidden characters, literals escaped), and the block is placed at the start of the query's
WHERE group, so the rest of the query sees the variables bound. Works on every engine.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from graph_api.sparql_tokens import tokenize
from graph_api.store_terms import IRI
from ontology.errors import QueryError
from ontology.vocabulary import XSD

_BAD_IRI = re.compile(r"[\x00-\x20<>\"{}|^`\\]")
_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def sparql_term(value: Any) -> str:
    """One Python value as a SPARQL term: ``IRI`` → <…>, numbers/dates/booleans typed."""
    if isinstance(value, IRI):
        if _BAD_IRI.search(value):
            raise QueryError(f"not a valid IRI: {value!r}")
        return f"<{value}>"
    if isinstance(value, bool):
        return f'"{"true" if value else "false"}"^^<{XSD}boolean>'
    if isinstance(value, int):
        return f'"{value}"^^<{XSD}integer>'
    if isinstance(value, float):
        return f'"{value!r}"^^<{XSD}double>'
    if isinstance(value, date):
        return f'"{value.isoformat()}"^^<{XSD}date>'
    return '"' + _escape(str(value)) + '"'


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )


def bind_values(sparql: str, bindings: dict[str, Any] | None) -> str:
    """``sparql`` with ``VALUES (?k …) { (v …) }`` opening its WHERE group; None values skipped.

    A list value gives one row per item: ``VALUES ?k { v1 v2 … }`` (at most one list; the
    single values, if any, follow in their own one-row block).
    """
    present = {k: v for k, v in (bindings or {}).items() if v is not None}
    if not present:
        return sparql
    for name in present:
        if not _VARIABLE.match(name):
            raise QueryError(f"not a variable name: {name!r}")
    tokens = tokenize(sparql)
    words = [t.text.upper() if t.kind == "word" else "" for t in tokens]
    start = words.index("WHERE") if "WHERE" in words else 0
    brace = next(
        (t for t in tokens[start:] if t.kind == "punct" and t.text == "{"),
        None,
    )
    if brace is None:
        raise QueryError("the named query has no WHERE group to bind values in")
    lists = [name for name, value in present.items() if isinstance(value, list | tuple)]
    if len(lists) > 1:
        raise QueryError("only one list of values can be bound at a time")
    block = ""
    if lists:
        name = lists[0]
        terms = " ".join(sparql_term(value) for value in present.pop(name))
        block = f" VALUES ?{name} {{ {terms} }} "
    if present:  # the single values, one row joined with the list's rows
        names = " ".join(f"?{name}" for name in present)
        terms = " ".join(sparql_term(value) for value in present.values())
        block += f" VALUES ({names}) {{ ({terms}) }} "
    return sparql[: brace.end] + block + sparql[brace.end :]
