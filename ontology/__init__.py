"""The policygraph ontology: OWL terms, SHACL shapes and namespace constants."""

from ontology.namespaces import ELI, ID, OA, ORG, PG, PROV, entity_iri

__all__ = ["ELI", "ID", "OA", "ORG", "PG", "PROV", "entity_iri"]
