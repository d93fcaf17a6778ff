"""What a build reports about its data, and the derived graph, read off the union's lines.

``add_derived_lines`` is the build's path (N-Quads lines, derive on a :class:`QuadIndex`);
``count_report`` the same counts over an rdflib dataset, for tools and tests that hold one.
"""

from __future__ import annotations

import heapq
from collections import Counter
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, Dataset, URIRef

from ingest.derive import add_derived
from ingest.nquad_lines import class_counts, derive_input, graph_counts
from ontology.namespaces import PG

if TYPE_CHECKING:
    from ingest.build import BuildReport


def count_report(dataset: Dataset, report: BuildReport) -> None:
    """Fill the per-graph triple counts and per-class instance counts of an rdflib dataset."""
    report.triples_per_graph = {str(g.identifier): len(g) for g in dataset.graphs() if len(g) > 0}
    classes: Counter[str] = Counter()
    seen: set[tuple[URIRef, URIRef]] = set()
    for s, _, o, _ in dataset.quads((None, RDF.type, None, None)):
        if (s, o) not in seen:
            seen.add((s, o))
            classes[str(o)] += 1
    report.instances_per_class = dict(classes)
    report.total_quads = sum(report.triples_per_graph.values())
    report.to_review = {
        "agencies": minted(dataset, PG.Agency),
        "indicators": minted(dataset, PG.CandidateIndicator),
    }


def add_derived_lines(texts: list[str], union: list[str], report: BuildReport) -> list[str]:
    """The union's sorted N-Quads lines (``union``: those of ``texts``) with the derived graph,
    which is computed from the few quads ``ingest.derive`` reads; the report's counts are read
    off the lines."""
    needed = derive_input(texts)
    derived = add_derived(needed).nquad_lines()  # type: ignore[arg-type]  # a QuadIndex
    lines = list(heapq.merge(union, sorted(derived)))
    report.triples_per_graph = graph_counts(lines)
    report.instances_per_class = class_counts(lines)
    report.total_quads = len(lines)
    report.to_review = {
        "agencies": minted(needed, PG.Agency),
        "indicators": minted(needed, PG.CandidateIndicator),
    }
    return lines


def minted(dataset: Dataset, rdf_class: URIRef) -> dict[str, dict]:
    """Entities of ``rdf_class`` described by the sources and by no curated file (an agency no
    curated one fits, a candidate indicator): their label and the sources naming them."""
    curated = {
        s for s, _, _, g in dataset.quads((None, RDF.type, rdf_class, None)) if _is_curated(g)
    }
    found: dict[str, dict] = {}
    for subject, _, _, graph in dataset.quads((None, RDF.type, rdf_class, None)):
        if subject in curated or _is_curated(graph):
            continue
        entry = found.setdefault(str(subject).rsplit("/", 1)[-1], {"label": None, "sources": []})
        label = next(dataset.graph(graph).objects(subject, RDFS.label), None)
        entry["label"] = entry["label"] or (str(label) if label is not None else None)
        source = str(getattr(graph, "identifier", graph)).rsplit("/", 1)[-1]
        if source not in entry["sources"]:
            entry["sources"].append(source)
    return dict(sorted(found.items()))


def _is_curated(graph: object) -> bool:
    return "/source/curated-" in str(getattr(graph, "identifier", graph))
