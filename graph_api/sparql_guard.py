"""Check a SPARQL request before any engine sees it: which form it is, and what it may not do.

The check reads the query token by token (strings, IRIs, comments and variables are skipped
whole, so ``"service"`` in a literal or ``?from`` never trigger it). It refuses ``SERVICE``
(engines would call the remote endpoint), tells queries from updates, and lifts
``FROM``/``FROM NAMED`` out of the text into a dataset restriction over the store's own
graphs, so no engine is ever asked to dereference them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from graph_api.errors import Forbidden
from ingest.errors import QueryError

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_KEYWORDS = frozenset(
    ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
)

_IRI = re.compile(r"<([^<>\"{}|^`\\\x00-\x20]*)>")
_WORD = re.compile(r"[^\W\d][\w\-.]*(?::[\w\-.%:\\]*)?|:[\w\-.%:\\]*", re.UNICODE)
_VAR = re.compile(r"[?$][\w]*", re.UNICODE)
_LANGTAG = re.compile(r"@[A-Za-z]+(?:-[A-Za-z0-9]+)*")
_BNODE = re.compile(r"_:[\w\-.]*", re.UNICODE)


@dataclass(frozen=True)
class Token:
    kind: str  # word | iri | string | var | punct | other
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class CheckedQuery:
    """A request that passed the check: its form, its text without FROM, and the FROM graphs."""

    form: str  # SELECT | ASK | CONSTRUCT | DESCRIBE | UPDATE
    text: str
    from_graphs: tuple[str, ...] = ()
    from_named_graphs: tuple[str, ...] = ()

    @property
    def is_update(self) -> bool:
        return self.form == "UPDATE"

    @property
    def result_kind(self) -> str:
        """``solutions`` (SELECT/ASK results formats) or ``graph`` (RDF formats)."""
        return "graph" if self.form in ("CONSTRUCT", "DESCRIBE") else "solutions"


def tokenize(text: str) -> list[Token]:
    """Split SPARQL text into tokens; enough grammar to know what is a keyword and what is data."""
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
        elif char == "#":
            newline = text.find("\n", i)
            i = n if newline < 0 else newline + 1
        elif char in "\"'":
            end = _string_end(text, i)
            tokens.append(Token("string", text[i:end], i, end))
            i = end
        elif char == "<" and (match := _IRI.match(text, i)):
            tokens.append(Token("iri", match.group(1), i, match.end()))
            i = match.end()
        elif char in "?$" and (match := _VAR.match(text, i)):
            tokens.append(Token("var", match.group(0), i, match.end()))
            i = match.end()
        elif char == "@" and (match := _LANGTAG.match(text, i)):
            tokens.append(Token("other", match.group(0), i, match.end()))
            i = match.end()
        elif text.startswith("_:", i):
            match = _BNODE.match(text, i)
            tokens.append(Token("other", match.group(0), i, match.end()))
            i = match.end()
        elif match := _WORD.match(text, i):
            tokens.append(Token("word", match.group(0), i, match.end()))
            i = match.end()
        else:
            tokens.append(Token("punct", char, i, i + 1))
            i += 1
    return tokens


def _string_end(text: str, start: int) -> int:
    quote = text[start]
    long_quote = quote * 3
    if text.startswith(long_quote, start):
        end = start + 3
        while True:
            found = text.find(long_quote, end)
            if found < 0:
                raise QueryError("SPARQL syntax error: unterminated long string")
            backslashes = len(text[end:found]) - len(text[end:found].rstrip("\\"))
            if backslashes % 2 == 0:
                return found + 3
            end = found + 1
    i = start + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            return i + 1
        if text[i] in "\r\n":
            break
        i += 1
    raise QueryError("SPARQL syntax error: unterminated string")


def check_request(text: str) -> CheckedQuery:
    """Classify ``text`` and refuse what must never run; raises QueryError / Forbidden."""
    tokens = tokenize(text)
    words = [t for t in tokens if t.kind == "word" and ":" not in t.text]
    if any(t.text.upper() == "SERVICE" for t in words):
        raise QueryError(
            "SERVICE (federated query) is not allowed on this endpoint: "
            "it would make the server call another address"
        )
    prefixes, base, form_index = _prologue(tokens)
    if form_index is None:
        raise QueryError("SPARQL syntax error: no SELECT, ASK, CONSTRUCT or DESCRIBE found")
    keyword = tokens[form_index].text.upper()
    if keyword in UPDATE_KEYWORDS:
        return CheckedQuery("UPDATE", text)
    if keyword not in QUERY_FORMS:
        raise QueryError(
            f"SPARQL syntax error: expected SELECT, ASK, CONSTRUCT or DESCRIBE, "
            f"found {tokens[form_index].text!r}"
        )
    if any(t.text.upper() in UPDATE_KEYWORDS - {"WITH"} for t in words):
        found = next(t.text for t in words if t.text.upper() in UPDATE_KEYWORDS - {"WITH"})
        raise QueryError(f"SPARQL syntax error: {found!r} cannot appear in a query")
    stripped, default_graphs, named_graphs = _lift_from(text, tokens, form_index, prefixes, base)
    return CheckedQuery(keyword, stripped, default_graphs, named_graphs)


def _prologue(tokens: list[Token]) -> tuple[dict[str, str], str | None, int | None]:
    """Read BASE/PREFIX declarations; return them and the index of the first other word."""
    prefixes: dict[str, str] = {}
    base: str | None = None
    i = 0
    while i < len(tokens):
        token = tokens[i]
        upper = token.text.upper() if token.kind == "word" else ""
        if upper == "BASE" and i + 1 < len(tokens) and tokens[i + 1].kind == "iri":
            base = _resolve(tokens[i + 1].text, base)
            i += 2
        elif upper == "PREFIX" and i + 2 < len(tokens) and tokens[i + 2].kind == "iri":
            prefixes[tokens[i + 1].text.rstrip(":")] = _resolve(tokens[i + 2].text, base)
            i += 3
        elif token.kind == "word":
            return prefixes, base, i
        else:
            return prefixes, base, None
    return prefixes, base, None


def _resolve(iri: str, base: str | None) -> str:
    return urljoin(base, iri) if base else iri


def _lift_from(
    text: str, tokens: list[Token], form_index: int, prefixes: dict[str, str], base: str | None
) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Cut ``FROM [NAMED] <g>`` clauses (before WHERE's first brace) out of the query text."""
    default_graphs: list[str] = []
    named_graphs: list[str] = []
    cuts: list[tuple[int, int]] = []
    i = form_index + 1
    while i < len(tokens) and tokens[i].text != "{":
        token = tokens[i]
        if token.kind == "word" and token.text.upper() == "FROM":
            named = i + 1 < len(tokens) and tokens[i + 1].text.upper() == "NAMED"
            target_index = i + 2 if named else i + 1
            if target_index >= len(tokens):
                raise QueryError("SPARQL syntax error: FROM without a graph IRI")
            graph = _graph_iri(tokens[target_index], prefixes, base)
            (named_graphs if named else default_graphs).append(graph)
            cuts.append((token.start, tokens[target_index].end))
            i = target_index + 1
            continue
        i += 1
    if not cuts:
        return text, (), ()
    pieces, previous = [], 0
    for start, end in cuts:
        pieces.append(text[previous:start])
        pieces.append(" ")
        previous = end
    pieces.append(text[previous:])
    return "".join(pieces), tuple(default_graphs), tuple(named_graphs)


def _graph_iri(token: Token, prefixes: dict[str, str], base: str | None) -> str:
    if token.kind == "iri":
        return _resolve(token.text, base)
    if token.kind == "word" and ":" in token.text:
        prefix, _, local = token.text.partition(":")
        if prefix not in prefixes:
            raise QueryError(f"SPARQL syntax error: undeclared prefix {prefix!r}")
        return prefixes[prefix] + local
    raise QueryError(f"SPARQL syntax error: FROM needs a graph IRI, found {token.text!r}")


def require_query(checked: CheckedQuery) -> CheckedQuery:
    """Refuse an update sent where only queries are accepted."""
    if checked.is_update:
        raise Forbidden(
            "this endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, …) is refused"
        )
    return checked
