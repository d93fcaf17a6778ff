"""Deterministic dumps of the dataset: sorted N-Quads and a TriG grouped by named graph.

Rebuilding the same input must give byte-identical files, so every line is sorted and no
blank nodes are used (entity IRIs are stable by construction).
"""

from __future__ import annotations

from pathlib import Path

from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.compare import to_canonical_graph

from ontology.namespaces import PREFIXES


def canonical_graphs(dataset: Dataset) -> list[Graph]:
    """The non-empty named graphs, sorted by IRI, blank nodes relabelled canonically.

    Entity IRIs are stable by construction; the only blank nodes are OWL lists in the
    ontology, whose generated labels would otherwise differ from run to run.
    """
    graphs = []
    for context in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(context) == 0:
            continue
        has_bnodes = any(isinstance(t, BNode) for triple in context for t in triple)
        graph = to_canonical_graph(context) if has_bnodes else context
        graphs.append((context.identifier, graph))
    return graphs


def sorted_nquads(dataset: Dataset) -> str:
    """The dataset as N-Quads, one quad a line, sorted and without duplicates."""
    lines: set[str] = set()
    for name, graph in canonical_graphs(dataset):
        suffix = f" <{name}> ." if isinstance(name, URIRef) else " ."
        for line in graph.serialize(format="nt").splitlines():
            if line.endswith(" ."):
                lines.add(line[:-2] + suffix)
    return "\n".join(sorted(lines)) + "\n"


def trig(dataset: Dataset) -> str:
    """The dataset as TriG: prefixes once, then each named graph (sorted by IRI) in Turtle."""
    parts = [f"@prefix {p}: <{iri}> .\n" for p, iri in sorted(PREFIXES.items())]
    parts.append("\n")
    for name, canonical in canonical_graphs(dataset):
        graph = Graph()
        for prefix, iri in PREFIXES.items():
            graph.bind(prefix, iri, override=True)
        for triple in canonical:
            graph.add(triple)
        body = graph.serialize(format="turtle")
        body_lines = [line for line in body.splitlines() if not line.startswith("@prefix")]
        label = f"<{name}>" if isinstance(name, URIRef) else "<urn:x-default>"
        parts.append(f"{label} {{\n")
        parts.extend(f"    {line}\n" if line else "\n" for line in _trim(body_lines))
        parts.append("}\n\n")
    return "".join(parts)


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def write_dumps(dataset: Dataset, directory: Path) -> tuple[Path, Path]:
    """Write ``graph.nq`` and ``graph.trig`` into ``directory``; return their paths."""
    nq_path = directory / "graph.nq"
    trig_path = directory / "graph.trig"
    nq_path.write_text(sorted_nquads(dataset), encoding="utf-8")
    trig_path.write_text(trig(dataset), encoding="utf-8")
    return nq_path, trig_path
