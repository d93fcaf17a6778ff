"""Namespace constants and the IRI scheme shared by every part of policygraph.

Terms live under ``pg:``; entities under ``https://w3id.org/policygraph/id/<kind>/<slug>``.
The same input always yields the same IRI, so rebuilding is idempotent.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Namespace, URIRef

from ontology import vocabulary
from ontology.vocabulary import ENTITY_KINDS, ID_BASE, XSD

PG = Namespace(vocabulary.PG)
ID = Namespace(ID_BASE)
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")

ONTOLOGY_DIR = Path(__file__).resolve().parent
ONTOLOGY_FILE = ONTOLOGY_DIR / "policygraph.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"

PREFIXES = {
    "pg": str(PG),
    "org": str(ORG),
    "prov": str(PROV),
    "oa": str(OA),
    "eli": str(ELI),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": vocabulary.RDF,
    "xsd": XSD,
    "owl": "http://www.w3.org/2002/07/owl#",
}


def entity_iri(kind: str, slug: str) -> URIRef:
    """The IRI of an entity of ``kind`` (one of ENTITY_KINDS) with a ready-made ``slug``."""
    if kind not in ENTITY_KINDS:
        raise ValueError(f"unknown entity kind {kind!r}; expected one of {ENTITY_KINDS}")
    if not slug or "/" in slug or " " in slug:
        raise ValueError(f"bad slug {slug!r} for {kind}")
    return URIRef(f"{ID_BASE}{kind}/{slug}")


def sparql_prefixes() -> str:
    """PREFIX lines for every namespace above, for queries typed by people."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
