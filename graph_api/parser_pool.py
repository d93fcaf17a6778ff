"""Private copies of rdflib's SPARQL grammar, each lent to one parse at a time.

rdflib's grammar is not thread-safe: pyparsing learns each parse action's arity on its first call,
and two threads doing that at once leave it wrong for good (6 threads parsing 6 fresh queries:
4 of the 6 were refused as syntax errors ever after). A lock around the one shared grammar made
every query wait behind the longest parse (the blocking probe's 28 KB query: a cheap ASK waited
5.4 s). So each parse borrows a grammar of its own: a fresh execution of rdflib's parser module
(about 90 ms and a few MB each), made when first needed, at most ``size`` of them.

Parsing is the server's own CPU (and GIL): four clients looping 10,000 nested braces (each a 400
after ~0.7 s of parsing) made a cheap ASK wait 1.1 s at the median. So parses also take turns
(:class:`~graph_api.scheduler.FairScheduler`): ``parallel`` at once, one of them kept for clients
whose recent parses were short, ``per_client`` per address.
"""

from __future__ import annotations

import contextlib
import importlib.util
import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType

from graph_api.errors import StoreUnavailable
from graph_api.scheduler import FairScheduler

PARSER_MODULE = "rdflib.plugins.sparql.parser"


@dataclass(eq=False)
class Grammar:
    """One copy of the parser module (``parseQuery``, ``parseUpdate``); ``spoilt`` drops it."""

    module: ModuleType
    spoilt: bool = False


def fresh_grammar() -> Grammar:
    spec = importlib.util.find_spec(PARSER_MODULE)
    if spec is None or spec.loader is None:
        raise ImportError(f"{PARSER_MODULE} not found")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return Grammar(module)


class ParserPool:
    """Up to ``size`` grammars; a parse waits (up to its time limit) when all are lent."""

    def __init__(self, size: int, *, parallel: int = 2, light_seconds: float = 0.25) -> None:
        self.size = size
        self.turns = FairScheduler(
            parallel,
            reserved=1,
            per_client=2,  # the blocking probe sends its ASK while its own long parse runs
            light_seconds=light_seconds,
            names=("query parser", "bộ phân tích truy vấn"),
        )
        self._free: queue.LifoQueue[Grammar] = queue.LifoQueue()
        self._made = 0
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def borrow(
        self, wait_limit: float | None, client: str = "", kind: int = 0
    ) -> Iterator[Grammar]:
        """A grammar for one parse, in ``client``'s turn (None: a trusted caller, no waiting)."""
        turn = self.turns.admit(client, wait_limit, kind) if wait_limit is not None else None
        with turn or contextlib.nullcontext(), self._lent(wait_limit) as grammar:
            yield grammar

    @contextlib.contextmanager
    def _lent(self, wait_limit: float | None) -> Iterator[Grammar]:
        grammar = self._take(wait_limit)
        try:
            yield grammar
        finally:
            if grammar.spoilt:  # interrupted mid-parse: its first-call state may be half made
                with self._lock:
                    self._made -= 1
            else:
                self._free.put(grammar)

    def _take(self, wait_limit: float | None) -> Grammar:
        with contextlib.suppress(queue.Empty):
            return self._free.get_nowait()
        with self._lock:
            make = self._made < self.size
            self._made += make
        if make:
            try:
                return fresh_grammar()
            except BaseException:
                with self._lock:
                    self._made -= 1
                raise
        try:
            return self._free.get(timeout=wait_limit)
        except queue.Empty:
            raise StoreUnavailable(
                f"all {self.size} query parsers stayed busy for {wait_limit:g} s; try again"
            ) from None
