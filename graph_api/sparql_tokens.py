"""SPARQL text split into tokens: enough to place things in a query's text, never to judge it.

Used where the text itself must be edited: binding values at the start of a named query's WHERE
group (``graph_api.binding``) and cutting ``FROM``/``FROM NAMED`` clauses out of a user query
(:func:`cut_dataset_clauses`). Strings, IRIs, comments and variables are read whole, so
``"service"`` in a literal or ``?from`` are never taken for keywords. What a query *does* is
decided on a real parse (``graph_api.sparql_guard``), which re-parses any text cut here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ontology.errors import QueryError

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


def cut_dataset_clauses(text: str) -> str:
    """``text`` without its ``FROM [NAMED] <g>`` clauses (those before the first ``{``)."""
    tokens = tokenize(text)
    cuts: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens) and tokens[i].text != "{":
        token = tokens[i]
        if token.kind == "word" and token.text.upper() == "FROM":
            named = i + 1 < len(tokens) and tokens[i + 1].text.upper() == "NAMED"
            target = i + 2 if named else i + 1
            if target >= len(tokens) or tokens[target].kind not in ("iri", "word"):
                raise QueryError("SPARQL syntax error: FROM without a graph IRI")
            cuts.append((token.start, tokens[target].end))
            i = target + 1
            continue
        i += 1
    pieces, previous = [], 0
    for start, end in cuts:
        pieces.append(text[previous:start])
        pieces.append(" ")
        previous = end
    pieces.append(text[previous:])
    return "".join(pieces)
