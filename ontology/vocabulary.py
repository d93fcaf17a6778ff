"""The vocabulary every part shares, as plain strings: namespace IRIs, entity kinds, document types.

Plain strings (no rdflib) so that ``viz`` and the API can use them cheaply;
:mod:`ontology.namespaces` builds rdflib ``Namespace`` objects from the same strings.
"""

from __future__ import annotations

from typing import NamedTuple

PG = "https://w3id.org/policygraph/ontology#"
ID_BASE = "https://w3id.org/policygraph/id/"  # entities: <ID_BASE><kind>/<slug>
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE = RDF + "type"

# Kinds of entity, each a path segment under ID_BASE.
ENTITY_KINDS = (
    "document",
    "agency",
    "place",
    "indicator",
    "task",
    "target",
    "meeting",
    "source",
    "evidence",
    "event",
    "theme",
    "scheme",
)


class DocumentType(NamedTuple):
    """A pg: class of policy document, with its name in Vietnamese and English."""

    name: str
    vi: str
    en: str


# The pg: subclasses of pg:PolicyDocument a document can be typed with (keyed by local name).
DOCUMENT_TYPES: dict[str, DocumentType] = {
    kind.name: kind
    for kind in (
        DocumentType("Resolution", "Nghị quyết", "Resolution"),
        DocumentType("ActionProgramme", "Chương trình hành động", "Action programme"),
        DocumentType("Plan", "Kế hoạch", "Plan"),
        DocumentType("Programme", "Chương trình", "Programme"),
        DocumentType("Project", "Đề án", "Project"),
        DocumentType("Decision", "Quyết định", "Decision"),
        DocumentType("Directive", "Chỉ thị", "Directive"),
        DocumentType("Conclusion", "Kết luận", "Conclusion"),
        DocumentType("Report", "Báo cáo", "Report"),
    )
}
# The types the gold annotations distinguish; any other document type is scored as "Other".
GOLD_DOCUMENT_TYPES = (
    "Resolution",
    "ActionProgramme",
    "Plan",
    "Programme",
    "Project",
    "Decision",
    "Directive",
)
