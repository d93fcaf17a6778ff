"""SHACL validation of the built dataset with pySHACL (shapes and ontology from ``ontology/``)."""

from __future__ import annotations

from dataclasses import dataclass

from pyshacl import validate
from rdflib import OWL, RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef

from ontology.namespaces import ONTOLOGY_FILE, SHAPES_FILE
from ontology.wording import counted

SH = Namespace("http://www.w3.org/ns/shacl#")
MAX_LISTED = 200


@dataclass(frozen=True)
class Violation:
    focus: str
    shape: str
    path: str | None
    message: str
    severity: str


@dataclass
class ValidationResult:
    conforms: bool
    violations: list[Violation]

    def summary(self) -> dict:
        by_shape: dict[str, int] = {}
        for v in self.violations:
            by_shape[v.shape] = by_shape.get(v.shape, 0) + 1
        return {
            "conforms": self.conforms,
            "violations": sum(1 for v in self.violations if v.severity.endswith("Violation")),
            "results": len(self.violations),
            "by_shape": dict(sorted(by_shape.items())),
            "listed": [v.__dict__ for v in self.violations[:MAX_LISTED]],
        }

    def to_text(self) -> str:
        if self.conforms:
            return "SHACL: conforms (0 violations)"
        lines = [f"SHACL: {counted(len(self.violations), 'result')}"]
        lines += [
            f"  {v.severity.rsplit('#', 1)[-1]}: {v.focus} [{v.shape}] {v.message}"
            for v in self.violations
        ]
        return "\n".join(lines)


def union_graph(dataset: Dataset) -> Graph:
    """All triples of all named graphs in one graph, as SHACL sees the published data."""
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def load_shapes() -> tuple[Graph, Graph]:
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    ontology = Graph().parse(ONTOLOGY_FILE, format="turtle")
    return shapes, ontology


def with_inferred_types(data: Graph, ontology: Graph) -> Graph:
    """``data`` plus what RDFS entails from the ontology's axioms that the shapes rely on:
    super-property triples (rdfs7), types from property domains and ranges (rdfs2, rdfs3) and
    superclass types (rdfs9).

    pySHACL's ``inference="rdfs"`` gives the same validation results but took 26 s on the
    corpus (a full closure with owlrl); this takes a second or two.
    """
    enriched = Graph()
    for triple in data:
        enriched.add(triple)
    for prop in set(ontology.subjects(RDFS.subPropertyOf, None)):
        parents = set(ontology.transitive_objects(prop, RDFS.subPropertyOf)) - {prop}
        for s, o in data.subject_objects(prop):
            for parent in parents:
                enriched.add((s, parent, o))
    for prop, cls in ontology.subject_objects(RDFS.domain):
        if isinstance(cls, URIRef) and cls != OWL.Thing:
            for s in set(enriched.subjects(prop, None)):
                enriched.add((s, RDF.type, cls))
    for prop, cls in ontology.subject_objects(RDFS.range):
        if isinstance(cls, URIRef) and not str(cls).startswith((str(XSD), str(RDFS.Literal))):
            for o in set(enriched.objects(None, prop)):
                if not isinstance(o, Literal):
                    enriched.add((o, RDF.type, cls))
    superclasses: dict = {}
    for cls in set(enriched.objects(None, RDF.type)):
        superclasses[cls] = set(ontology.transitive_objects(cls, RDFS.subClassOf)) - {cls}
    for node, cls in list(enriched.subject_objects(RDF.type)):
        for parent in superclasses.get(cls, ()):
            enriched.add((node, RDF.type, parent))
    return enriched


def validate_graph(data: Graph) -> ValidationResult:
    """Validate one graph against the project's shapes, with the ontology's class hierarchy."""
    shapes, ontology = load_shapes()
    conforms, report_graph, _ = validate(
        with_inferred_types(data, ontology),
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        allow_warnings=True,
        inplace=True,  # the enriched graph is a copy: no second copy to mix the ontology in
    )
    violations = []
    for result in report_graph.subjects(SH.resultSeverity, None):
        violations.append(
            Violation(
                focus=str(report_graph.value(result, SH.focusNode)),
                shape=str(report_graph.value(result, SH.sourceShape)),
                path=_str_or_none(report_graph.value(result, SH.resultPath)),
                message=str(report_graph.value(result, SH.resultMessage) or ""),
                severity=str(report_graph.value(result, SH.resultSeverity)),
            )
        )
    violations.sort(key=lambda v: (v.shape, v.focus, v.message))
    return ValidationResult(conforms=bool(conforms), violations=violations)


def validate_dataset(dataset: Dataset) -> ValidationResult:
    return validate_graph(union_graph(dataset))


def _str_or_none(term) -> str | None:
    return None if term is None else str(term)
