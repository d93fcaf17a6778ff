"""The ontology parses, names every term the contract fixes, and documents each one in vi and en.

The contract is docs/architecture.md: every ``pg:`` term it mentions must be defined here, and every
``pg:X ⊑ ns:Y`` mapping it states must be declared with rdfs:subClassOf / rdfs:subPropertyOf.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from ontology.namespaces import ONTOLOGY_FILE, PG, PREFIXES

ARCHITECTURE = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"
ONTOLOGY_IRI = URIRef("https://w3id.org/policygraph/ontology")
DCTERMS = Namespace("http://purl.org/dc/terms/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
XSD_PREFIX = "http://www.w3.org/2001/XMLSchema#"

# The core names design.md fixes "so that queries, tests and clients can rely on them".
DESIGN_CORE_TERMS = [
    *("PolicyDocument", "Resolution", "ActionProgramme", "Plan", "Programme", "Project"),
    *("Decision", "Directive", "implements", "Agency", "Task", "assignedBy", "leadAgency"),
    *("coordinatingAgency", "deadline", "Indicator", "Target", "indicator", "targetValue"),
    *("upperValue", "comparator", "unit", "targetYear", "scope", "setBy"),
    *("gt", "gte", "eq", "approx", "lte", "lt", "range", "Source", "evidence", "inSource"),
]

TERM_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def pg_terms(graph: Graph) -> set[URIRef]:
    """Every IRI in the pg: namespace that the ontology says something about."""
    return {s for s in graph.subjects() if isinstance(s, URIRef) and s.startswith(str(PG))}


def curie_to_iri(curie: str) -> URIRef:
    prefix, local = curie.split(":", 1)
    return URIRef(PREFIXES[prefix] + local)


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    titles = {t.language for t in ontology.objects(ONTOLOGY_IRI, DCTERMS.title)}
    assert {"en", "vi"} <= titles
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.description) is not None
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) is not None
    assert not list(ontology.objects(None, OWL.imports)), (
        "external terms are declared, not imported"
    )


def test_every_pg_term_is_typed_labelled_vi_en_and_commented(ontology: Graph) -> None:
    terms = pg_terms(ontology)
    assert len(terms) > 80
    problems = []
    for term in sorted(terms):
        types = set(ontology.objects(term, RDF.type))
        if not types & TERM_TYPES:
            problems.append(f"{term}: not declared as class, property or individual")
        label_langs = {lbl.language for lbl in ontology.objects(term, RDFS.label)}
        if not {"vi", "en"} <= label_langs:
            problems.append(f"{term}: labels in {label_langs}, need vi and en")
        comments = [c for c in ontology.objects(term, RDFS.comment) if str(c).strip()]
        if not any(c.language == "en" for c in comments):
            problems.append(f"{term}: no English rdfs:comment")
    assert not problems, "\n".join(problems)


def test_vietnamese_text_is_nfc(ontology: Graph) -> None:
    not_nfc = [
        str(o)
        for o in ontology.objects()
        if isinstance(o, Literal) and not unicodedata.is_normalized("NFC", str(o))
    ]
    assert not not_nfc


def test_document_types_have_the_vietnamese_names(ontology: Graph) -> None:
    expected = {
        "Resolution": "Nghị quyết",
        "ActionProgramme": "Chương trình hành động",
        "Plan": "Kế hoạch",
        "Programme": "Chương trình",
        "Project": "Đề án",
        "Decision": "Quyết định",
        "Directive": "Chỉ thị",
        "Conclusion": "Kết luận",
        "Report": "Báo cáo",
    }
    for name, vi in expected.items():
        assert (PG[name], RDFS.subClassOf, PG.PolicyDocument) in ontology
        assert Literal(vi, lang="vi") in set(ontology.objects(PG[name], RDFS.label)), name
    assert Literal("cơ quan chủ trì", lang="vi") in set(ontology.objects(PG.leadAgency, RDFS.label))
    assert Literal("cơ quan phối hợp", lang="vi") in set(
        ontology.objects(PG.coordinatingAgency, RDFS.label)
    )
    assert Literal("thời hạn", lang="vi") in set(ontology.objects(PG.deadline, RDFS.label))


def test_design_core_terms_are_defined(ontology: Graph) -> None:
    missing = [t for t in DESIGN_CORE_TERMS if PG[t] not in pg_terms(ontology)]
    assert not missing


def test_every_pg_term_in_the_architecture_is_defined(ontology: Graph) -> None:
    mentioned = set(re.findall(r"\bpg:([A-Za-z]\w*)", ARCHITECTURE.read_text(encoding="utf-8")))
    assert len(mentioned) > 60
    missing = sorted(t for t in mentioned if PG[t] not in pg_terms(ontology))
    assert not missing


def architecture_mappings() -> list[tuple[str, str]]:
    """(pg term, super term) for each ``A ⊑ B`` the architecture states, lists expanded."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    term = r"`[a-z]+:\w+`"
    pattern = re.compile(rf"((?:{term},\s*)*{term})[^`⊑\n]*⊑\s*((?:{term}(?:,\s*)?)+)")
    pairs = []
    for match in pattern.finditer(text):
        subs = re.findall(r"`([a-z]+:\w+)`", match.group(1))
        supers = re.findall(r"`([a-z]+:\w+)`", match.group(2))
        pairs += [(sub, sup) for sub in subs for sup in supers if sub.startswith("pg:")]
    return pairs


def test_architecture_mappings_are_parsed() -> None:
    pairs = architecture_mappings()
    # the statements the architecture makes, read back: guards the parser, not the ontology
    for pair in [
        ("pg:PolicyDocument", "eli:LegalResource"),
        ("pg:PolicyDocument", "prov:Entity"),
        ("pg:issuedBy", "dcterms:creator"),
        ("pg:territorialScope", "dcterms:spatial"),
        ("pg:CollectiveAgency", "pg:Agency"),
        ("pg:Theme", "skos:Concept"),
        ("pg:Nation", "pg:Place"),
        ("pg:Province", "pg:Place"),
        ("pg:Source", "prov:Entity"),
    ]:
        assert pair in pairs
    assert len(pairs) >= 14


@pytest.mark.parametrize(("sub", "sup"), architecture_mappings())
def test_architecture_mapping_is_declared(ontology: Graph, sub: str, sup: str) -> None:
    sub_iri, sup_iri = curie_to_iri(sub), curie_to_iri(sup)
    declared = (sub_iri, RDFS.subClassOf, sup_iri) in ontology or (
        sub_iri,
        RDFS.subPropertyOf,
        sup_iri,
    ) in ontology
    assert declared, f"{sub} ⊑ {sup} not declared"


def test_properties_have_ranges_and_object_ranges_are_declared_classes(ontology: Graph) -> None:
    problems = []
    for prop in pg_terms(ontology):
        types = set(ontology.objects(prop, RDF.type))
        if not types & {OWL.ObjectProperty, OWL.DatatypeProperty}:
            continue
        ranges = list(ontology.objects(prop, RDFS.range))
        if not ranges:
            problems.append(f"{prop}: no rdfs:range")
        if OWL.ObjectProperty in types:
            problems += [
                f"{prop}: range {r} is not a declared class"
                for r in ranges
                if (r, RDF.type, OWL.Class) not in ontology
            ]
        else:
            problems += [
                f"{prop}: datatype range {r} is not XSD or rdfs:Literal"
                for r in ranges
                if isinstance(r, URIRef) and not (r.startswith(XSD_PREFIX) or r == RDFS.Literal)
            ]
    assert not problems, "\n".join(problems)


def test_every_external_term_used_in_axioms_is_declared(ontology: Graph) -> None:
    used = set()
    for predicate in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range):
        used |= {o for o in ontology.objects(None, predicate) if isinstance(o, URIRef)}
    external = {
        t
        for t in used
        if not t.startswith(str(PG)) and not t.startswith(XSD_PREFIX) and t != RDFS.Literal
    }
    undeclared = sorted(
        t for t in external if t != RDFS.label and not list(ontology.objects(t, RDF.type))
    )
    assert not undeclared


def test_comparators_carry_their_symbols(ontology: Graph) -> None:
    expected = {
        "gt": ">",
        "gte": "≥",
        "eq": "=",
        "approx": "≈",
        "lte": "≤",
        "lt": "<",
        "range": "–",
    }
    for name, symbol in expected.items():
        assert (PG[name], RDF.type, PG.Comparator) in ontology
        assert str(ontology.value(PG[name], SKOS.notation)) == symbol


@pytest.mark.parametrize(
    ("enumeration", "members"),
    [
        (PG.DocumentStatus, {"draft", "adopted"}),
        (PG.AdministrativeLevel, {"national", "provincial", "district"}),
        (PG.Comparator, {"gt", "gte", "eq", "approx", "lte", "lt", "range"}),
        (PG.Direction, {"higherIsBetter", "lowerIsBetter"}),
    ],
)
def test_enumerations_are_closed_and_typed(
    ontology: Graph, enumeration: URIRef, members: set[str]
) -> None:
    one_of_node = next(
        ontology.value(eq, OWL.oneOf)
        for eq in ontology.objects(enumeration, OWL.equivalentClass)
        if isinstance(eq, BNode)
    )
    listed = set(Collection(ontology, one_of_node))
    assert listed == {PG[m] for m in members}
    assert set(ontology.subjects(RDF.type, enumeration)) == listed


def test_document_subclasses_are_pairwise_disjoint(ontology: Graph) -> None:
    disjoint_sets = [
        set(Collection(ontology, ontology.value(node, OWL.members)))
        for node in ontology.subjects(RDF.type, OWL.AllDisjointClasses)
    ]
    document_types = set(ontology.subjects(RDFS.subClassOf, PG.PolicyDocument))
    assert len(document_types) == 9
    assert document_types in disjoint_sets
