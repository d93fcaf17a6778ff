"""Deterministic dumps of the dataset: sorted N-Quads and a TriG grouped by named graph.

Rebuilding the same input must give byte-identical files, so quads are sorted and the only
blank nodes (OWL lists in the ontology) are relabelled canonically. Serialising is done by
pyoxigraph: rdflib's Turtle writer took most of the build's time.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.compare import to_canonical_graph

from ontology.namespaces import ID_BASE, PREFIXES

# Prefixes for the TriG dump: the vocabularies, and one per kind of entity.
TRIG_PREFIXES = {
    **PREFIXES,
    **{
        kind: f"{ID_BASE}{kind}/"
        for kind in (
            "agency",
            "document",
            "place",
            "indicator",
            "task",
            "target",
            "source",
            "evidence",
        )
    },
}


def canonical_graphs(dataset: Dataset) -> list[tuple[URIRef, Graph]]:
    """The non-empty named graphs, sorted by IRI, blank nodes relabelled canonically."""
    graphs = []
    for context in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(context) == 0:
            continue
        has_bnodes = any(isinstance(t, BNode) for triple in context for t in triple)
        graphs.append((context.identifier, to_canonical_graph(context) if has_bnodes else context))
    return graphs


def sorted_nquads(dataset: Dataset) -> str:
    """The dataset as N-Quads, one quad a line, sorted and without duplicates."""
    lines: set[str] = set()
    for name, graph in canonical_graphs(dataset):
        lines.update(graph_lines(name, graph))
    return "\n".join(sorted(lines)) + "\n"


def graph_lines(name: URIRef, graph: Graph) -> list[str]:
    """The triples of ``graph`` as N-Quads lines in graph ``name`` (unsorted)."""
    suffix = f" <{name}> ." if isinstance(name, URIRef) else " ."
    return [
        line[:-2] + suffix
        for line in graph.serialize(format="nt").splitlines()
        if line.endswith(" .")
    ]


def trig_from_nquads(nquads: str) -> str:
    """TriG of sorted N-Quads: one block per graph, subjects grouped, prefixes abbreviated."""
    quads = list(ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    quads.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=TRIG_PREFIXES).decode("utf-8")


def trig_from_sorted_lines(lines: list[str]) -> str:
    """:func:`trig_from_nquads` of sorted N-Quads lines, without sorting parsed quads again.

    Sorted lines are in (subject, predicate, object) order within each graph, because every
    term's N-Triples text ends where it is unambiguous (``>``, a closing quote or its tag), so
    a stable sort on the graph alone gives the order of :func:`trig_from_nquads`.
    """
    by_graph = sorted(lines, key=_graph_of)
    quads = ox.parse(("\n".join(by_graph) + "\n").encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=TRIG_PREFIXES).decode("utf-8")


def _graph_of(line: str) -> str:
    return line[line.rfind(" <") + 1 : -2]


def trig(dataset: Dataset) -> str:
    """The dataset as TriG (see :func:`trig_from_nquads`)."""
    return trig_from_nquads(sorted_nquads(dataset))


def write_dumps(dataset: Dataset, directory: Path) -> tuple[Path, Path]:
    """Write ``graph.nq`` and ``graph.trig`` into ``directory``; return their paths."""
    nq_path = directory / "graph.nq"
    trig_path = directory / "graph.trig"
    nquads = sorted_nquads(dataset)
    nq_path.write_text(nquads, encoding="utf-8")
    trig_path.write_text(trig_from_nquads(nquads), encoding="utf-8")
    return nq_path, trig_path
