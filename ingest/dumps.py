"""Deterministic dumps of the dataset: sorted N-Quads and a TriG grouped by named graph.

Rebuilding the same input must give byte-identical files, so every line is sorted and no
blank nodes are used (entity IRIs are stable by construction).
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from ontology.namespaces import PREFIXES


def sorted_nquads(dataset: Dataset) -> str:
    """The dataset as N-Quads, one quad a line, sorted and without duplicates."""
    raw = dataset.serialize(format="nquads")
    lines = sorted({line for line in raw.splitlines() if line.strip()})
    return "\n".join(lines) + "\n"


def trig(dataset: Dataset) -> str:
    """The dataset as TriG: prefixes once, then each named graph (sorted by IRI) in Turtle."""
    parts = [f"@prefix {p}: <{iri}> .\n" for p, iri in sorted(PREFIXES.items())]
    parts.append("\n")
    for context in sorted(dataset.contexts(), key=lambda g: str(g.identifier)):
        if len(context) == 0:
            continue
        graph = Graph()
        for prefix, iri in PREFIXES.items():
            graph.bind(prefix, iri, override=True)
        for triple in context:
            graph.add(triple)
        body = graph.serialize(format="turtle")
        body_lines = [line for line in body.splitlines() if not line.startswith("@prefix")]
        name = context.identifier
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
