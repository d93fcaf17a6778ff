"""The built dataset as N-Quads lines, so a build never loads the whole union into rdflib.

Each source's graph comes from the fact cache (or a worker) as sorted N-Quads text and the
curated graphs from the curated cache, so the union is the set of their lines: ``graph.nq`` is
those lines sorted, the counts of the report are read off them, and SHACL hashes each node's
lines. Only the derived graph needs rdflib, and ``ingest.derive`` reads a few predicates: the
quads with those predicates are indexed (``derive_input``), not the 200,000 others.

Every line is ``S P O G .`` as rdflib's N-Triples writer prints it (``ingest.dumps``): subject
and predicate hold no space and the graph IRI no ``" <"``, so splitting needs no parser.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rdflib import RDF, RDFS, SKOS, URIRef
from rdflib.namespace import DCTERMS

from ingest.quad_index import QuadIndex
from ontology.namespaces import ORG, PG

# What ingest.derive.add_derived reads (and count_report's list of entities to review):
# predicates with any object, and rdf:type with these classes only.
DERIVE_PREDICATES = frozenset(
    f"<{p}>"
    for p in (
        PG.implements,
        PG.jurisdiction,
        PG.territorialScope,
        PG.leadAgency,
        PG.coordinatingAgency,
        PG.assignedBy,
        PG.inProvince,
        PG.succeededBy,
        PG.dissolvedOn,
        ORG.originalOrganization,
        ORG.resultingOrganization,
        DCTERMS.date,
        RDFS.label,
        SKOS.prefLabel,
        SKOS.altLabel,
    )
)
DERIVE_CLASSES = frozenset(
    f"<{c}>" for c in (PG.Province, PG.Task, ORG.ChangeEvent, PG.Agency, PG.CandidateIndicator)
)
RDF_TYPE = f"<{RDF.type}>"


def quad_terms(line: str) -> tuple[str, str, str, str]:
    """``<s> <p> "o" <g> .`` → the four terms as N-Triples text."""
    subject, predicate, rest = line.split(" ", 2)
    cut = rest.rfind(" <")
    return subject, predicate, rest[:cut], rest[cut + 1 : -2]


def text_lines(texts: Iterable[str]) -> Iterable[str]:
    """The lines of N-Quads texts, in order."""
    for text in texts:
        yield from text.splitlines()


def is_derive_input(line: str) -> bool:
    _, predicate, rest = line.split(" ", 2)
    if predicate == RDF_TYPE:
        return rest[: rest.rfind(" <")] in DERIVE_CLASSES
    return predicate in DERIVE_PREDICATES


def derive_input(texts: Iterable[str]) -> QuadIndex:
    """The quads ``ingest.derive`` reads, added in the order of ``texts`` (so that 'the first
    label' of an entity is the one a dataset of every quad would give)."""
    chosen = [line for line in text_lines(texts) if is_derive_input(line)]
    return QuadIndex.from_nquads("\n".join(chosen) + "\n")


def graph_counts(lines: Iterable[str]) -> dict[str, int]:
    """Distinct triples per named graph (IRI without brackets), for the build report."""
    counts: Counter[str] = Counter()
    for line in lines:
        counts[line[line.rfind(" <") + 2 : -3]] += 1
    return dict(counts)


def class_counts(lines: Iterable[str]) -> dict[str, int]:
    """Distinct instances per class over the union (subject and class once, whatever graphs)."""
    seen: set[tuple[str, str]] = set()
    for line in lines:
        subject, predicate, rest = line.split(" ", 2)
        if predicate == RDF_TYPE:
            seen.add((subject, rest[: rest.rfind(" <")]))
    classes: Counter[str] = Counter(_term_str(cls) for _, cls in seen)
    return dict(classes)


def _term_str(term: str) -> str:
    """``str()`` of an rdflib IRI or blank node from its N-Triples text."""
    if term.startswith("<"):
        return term[1:-1]
    return term[2:] if term.startswith("_:") else term


def graph_iri(line: str) -> URIRef:
    return URIRef(line[line.rfind(" <") + 2 : -3])
