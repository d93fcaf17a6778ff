"""The quads ``ingest.derive`` reads, indexed in plain dicts instead of an rdflib Dataset.

Parsing 40,000 quads with rdflib's N-Quads parser into its memory store took 14 s of a 2,000
document build under load; pyoxigraph parses them in a fraction of that and two dicts answer
the only questions ``add_derived`` and the build report ask: ``quads`` with the predicate given
(and maybe the subject or object), ``graph(iri).add`` and ``graph(iri).objects``. Terms are
rdflib's, so ``ingest.derive`` runs unchanged; ``tests/ingest/test_build_incremental.py`` checks
that the derived graph and the report equal those of the whole dataset in rdflib.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import XSD, BNode, Literal, URIRef
from rdflib.plugins.serializers.nt import _nt_row

_STRING = str(XSD.string)
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class QuadIndex:
    """Quads by predicate and by (subject, predicate), in the order they were added."""

    def __init__(self) -> None:
        self.by_predicate: dict[object, list[tuple]] = defaultdict(list)
        self.by_subject: dict[tuple, list[tuple]] = defaultdict(list)
        self.seen: set[tuple] = set()

    @classmethod
    def from_nquads(cls, text: str) -> QuadIndex:
        index = cls()
        terms: dict[str, object] = {}
        for quad in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS):
            index.add_quad(
                _term(quad.subject, terms),
                _term(quad.predicate, terms),
                _term(quad.object, terms),
                _term(quad.graph_name, terms),
            )
        return index

    def add_quad(self, s, p, o, g) -> None:
        if (s, p, o, g) in self.seen:
            return
        self.seen.add((s, p, o, g))
        self.by_predicate[p].append((s, o, g))
        self.by_subject[(s, p)].append((o, g))

    def quads(self, pattern: tuple) -> Iterator[tuple]:
        """rdflib's ``Dataset.quads`` for a pattern whose predicate is given."""
        s, p, o, g = pattern
        if p is None:
            raise ValueError("QuadIndex answers patterns with a predicate only")
        if s is not None:
            rows = ((s, o2, g2) for o2, g2 in self.by_subject.get((s, p), ()))
        else:
            rows = iter(self.by_predicate.get(p, ()))
        for s2, o2, g2 in rows:
            if (o is None or o2 == o) and (g is None or g2 == g):
                yield s2, p, o2, g2

    def graph(self, identifier) -> GraphView:
        return GraphView(self, URIRef(str(identifier)))


class GraphView:
    """One named graph of a :class:`QuadIndex`: what ``add_derived`` and the report use."""

    def __init__(self, index: QuadIndex, identifier: URIRef) -> None:
        self.index = index
        self.identifier = identifier
        self.added: dict[tuple, None] = {}  # the triples added through this view, in order

    def add(self, triple: tuple) -> None:
        self.index.add_quad(*triple, self.identifier)
        self.added[triple] = None

    def objects(self, subject, predicate) -> Iterator:
        for o, g in self.index.by_subject.get((subject, predicate), ()):
            if g == self.identifier:
                yield o

    def nquad_lines(self) -> list[str]:
        """The added triples as N-Quads lines, as ``ingest.dumps.graph_lines`` prints them."""
        suffix = f" <{self.identifier}> ."
        return [_nt_row(triple)[:-3] + suffix for triple in self.added]


def _term(term, cache: dict[str, object]):
    """The rdflib term of a pyoxigraph one (IRIs shared through ``cache``)."""
    if isinstance(term, ox.NamedNode):
        found = cache.get(term.value)
        if found is None:
            found = cache[term.value] = URIRef(term.value)
        return found
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if term.language:
            return Literal(term.value, lang=term.language)
        if datatype == _STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.DefaultGraph):
        return None
    raise TypeError(f"unexpected term {term!r}")
