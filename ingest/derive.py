"""Relations precomputed at build time so the API's questions need no costly closure at query time.

Everything here is derived from the other graphs and written to its own named graph
(``…/id/source/derived``), so it can be told apart from what a source states:

- ``pg:implementsTransitive``: a document → every document it carries out, directly or through
  a chain (the backbone of "everything that implements X");
- ``pg:inProvince``: a task → the province it belongs to (its lead agency's jurisdiction, or the
  territorial scope of the document that assigns it);
- ``pg:searchKey``: every labelled entity → its labels folded (no diacritics, lowercase), so
  search ignores diacritics without a function call per label;
- ``pg:leadTaskCount`` and ``pg:coordinatedTaskCount`` (xsd:integer): each agency with tasks →
  how many distinct tasks it leads and coordinates, so ranking every agency by its tasks
  (``/api/agencies``) reads one value per agency instead of counting every assignment.
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef

from ontology.namespaces import PG, entity_iri
from ontology.text_keys import label_key

DERIVED_GRAPH = entity_iri("source", "derived")
LABEL_PREDICATES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel)


def implements_closure(dataset: Dataset) -> dict[URIRef, set[URIRef]]:
    """Each document → the set of documents it implements, transitively (cycles tolerated)."""
    direct: dict[URIRef, set[URIRef]] = defaultdict(set)
    for s, _, o, _ in dataset.quads((None, PG.implements, None, None)):
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            direct[s].add(o)
    closure: dict[URIRef, set[URIRef]] = {}
    for start in direct:
        seen: set[URIRef] = set()
        stack = list(direct[start])
        while stack:
            node = stack.pop()
            if node in seen or node == start:
                continue
            seen.add(node)
            stack.extend(direct.get(node, ()))
        closure[start] = seen
    return closure


def task_provinces(dataset: Dataset) -> dict[URIRef, set[URIRef]]:
    """Each task → its province(s): the lead agencies' jurisdictions that are provinces, else the
    assigning document's territorial scope."""
    provinces = {s for s, _, _, _ in dataset.quads((None, None, PG.Province, None))}
    jurisdiction = {s: o for s, _, o, _ in dataset.quads((None, PG.jurisdiction, None, None))}
    scope = {s: o for s, _, o, _ in dataset.quads((None, PG.territorialScope, None, None))}
    result: dict[URIRef, set[URIRef]] = defaultdict(set)
    for task, _, agency, _ in dataset.quads((None, PG.leadAgency, None, None)):
        place = jurisdiction.get(agency)
        if place in provinces:
            result[task].add(place)
    for task, _, document, _ in dataset.quads((None, PG.assignedBy, None, None)):
        if task not in result and scope.get(document) in provinces:
            result[task].add(scope[document])
    return result


def search_keys(dataset: Dataset) -> dict[URIRef, set[str]]:
    keys: dict[URIRef, set[str]] = defaultdict(set)
    for predicate in LABEL_PREDICATES:
        for s, _, label, _ in dataset.quads((None, predicate, None, None)):
            if isinstance(s, URIRef) and isinstance(label, Literal):
                keys[s].add(label_key(str(label)))
    return keys


def agency_task_counts(dataset: Dataset) -> dict[URIRef, tuple[int, int]]:
    """Each agency with tasks → (distinct tasks it leads, distinct tasks it coordinates)."""
    led: dict[URIRef, set] = defaultdict(set)
    coordinated: dict[URIRef, set] = defaultdict(set)
    for task, _, agency, _ in dataset.quads((None, PG.leadAgency, None, None)):
        led[agency].add(task)
    for task, _, agency, _ in dataset.quads((None, PG.coordinatingAgency, None, None)):
        coordinated[agency].add(task)
    return {
        agency: (len(led.get(agency, ())), len(coordinated.get(agency, ())))
        for agency in led.keys() | coordinated.keys()
        if isinstance(agency, URIRef)
    }


def add_derived(dataset: Dataset) -> Graph:
    """Compute the derived relations and write them into the derived named graph."""
    derived = dataset.graph(DERIVED_GRAPH)
    for document, ancestors in implements_closure(dataset).items():
        for ancestor in ancestors:
            derived.add((document, PG.implementsTransitive, ancestor))
    for task, places in task_provinces(dataset).items():
        for place in places:
            derived.add((task, PG.inProvince, place))
    for entity, keys in search_keys(dataset).items():
        for key in keys:
            derived.add((entity, PG.searchKey, Literal(key)))
    for agency, (lead, coordinated) in agency_task_counts(dataset).items():
        derived.add((agency, PG.leadTaskCount, Literal(lead, datatype=XSD.integer)))
        derived.add((agency, PG.coordinatedTaskCount, Literal(coordinated, datatype=XSD.integer)))
    return derived
