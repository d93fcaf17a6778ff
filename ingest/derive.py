"""Relations precomputed at build time so the API's questions need no costly closure at query time.

Everything here is derived from the other graphs and written to its own named graph
(``…/id/source/derived``), so it can be told apart from what a source states:

- ``pg:implementsTransitive``: a document → every document it carries out, directly or through
  a chain (the backbone of "everything that implements X");
- ``pg:inProvince``: a task → the province it belongs to (its lead agency's jurisdiction, or the
  territorial scope of the document that assigns it);
- ``pg:isNational`` (true): a task with no province, so the national tasks are a lookup rather
  than every task checked for a missing ``pg:inProvince``;
- ``pg:searchKey``: every labelled entity → its labels folded (no diacritics, lowercase), so
  search ignores diacritics without a function call per label;
- ``pg:leadTaskCount`` and ``pg:coordinatedTaskCount`` (xsd:integer): each agency with tasks →
  how many distinct tasks it leads and coordinates, so ranking every agency by its tasks
  (``/api/agencies``) reads one value per agency instead of counting every assignment;
- ``pg:taskRank`` (xsd:integer): each task → its place (from 0) among all tasks sorted by IRI,
  so a page of the unfiltered task list (``/api/tasks``) looks up the ranks of its rows instead
  of reading and sorting every task (423 ms at 10⁶ quads);
- ``pg:HoldingPeriod`` nodes: for each agency a succession retired, who holds its tasks from one
  date (``pg:heldFrom``) until the next change (``pg:heldUntil``), following the chain of
  successions as ``graph_api.audit.ownership.holder_on`` does, so "who holds it on date D" is a
  lookup and a filter in SPARQL, not a walk per request.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from rdflib import DCTERMS, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef

from ontology.namespaces import ORG, PG, entity_iri
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
    provinces = {s for s, _, _, _ in dataset.quads((None, RDF.type, PG.Province, None))}
    jurisdiction: dict[URIRef, set] = defaultdict(set)  # an agency may be stated in several graphs
    for s, _, o, _ in dataset.quads((None, PG.jurisdiction, None, None)):
        jurisdiction[s].add(o)
    scope: dict[URIRef, set] = defaultdict(set)
    for s, _, o, _ in dataset.quads((None, PG.territorialScope, None, None)):
        scope[s].add(o)
    result: dict[URIRef, set[URIRef]] = defaultdict(set)
    for task, _, agency, _ in dataset.quads((None, PG.leadAgency, None, None)):
        result[task] |= jurisdiction.get(agency, set()) & provinces
    for task, _, document, _ in dataset.quads((None, PG.assignedBy, None, None)):
        if not result.get(task):
            result[task] |= scope.get(document, set()) & provinces
    result = defaultdict(set, {task: places for task, places in result.items() if places})
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


def successions(dataset: Dataset) -> dict[URIRef, list[tuple[date | None, URIRef]]]:
    """agency → its successions as (date, successor), earliest first: the rows of
    ``audit_successions.rq`` (``pg:succeededBy`` dated by its change event, else by
    ``pg:dissolvedOn``; a dated change event counts when the body has no ``pg:succeededBy``)."""
    event_dates: dict[tuple[URIRef, URIRef], date] = {}
    for event, _, _, _ in dataset.quads((None, RDF.type, ORG.ChangeEvent, None)):
        when = _first_date(dataset, event, DCTERMS.date)
        for _, _, old, _ in dataset.quads((event, ORG.originalOrganization, None, None)):
            for _, _, new, _ in dataset.quads((event, ORG.resultingOrganization, None, None)):
                if when is not None and (old, new) not in event_dates:
                    event_dates[(old, new)] = when
                elif when is not None:
                    event_dates[(old, new)] = min(event_dates[(old, new)], when)
    found: dict[URIRef, set[tuple[date | None, URIRef]]] = defaultdict(set)
    for agency, _, successor, _ in dataset.quads((None, PG.succeededBy, None, None)):
        when = event_dates.get((agency, successor)) or _first_date(dataset, agency, PG.dissolvedOn)
        found[agency].add((when, successor))
    for (agency, successor), when in event_dates.items():
        if agency != successor and agency not in found:
            found[agency].add((when, successor))
    return {
        agency: sorted(steps, key=lambda s: (s[0] or date.max, str(s[1])))
        for agency, steps in found.items()
        if isinstance(agency, URIRef)
    }


def holder_on(agency: URIRef, on: date, steps: dict) -> URIRef | None:
    """The body holding ``agency``'s tasks on ``on`` (None: the agency itself); undated
    successions are not followed and a cycle stops the walk."""
    seen, current, holder = {agency}, agency, None
    while True:
        step = next((s for s in steps.get(current, ()) if s[0] is not None and s[0] <= on), None)
        if step is None or step[1] in seen:
            return holder
        holder = current = step[1]
        seen.add(current)


def holding_periods(dataset: Dataset) -> list[tuple[URIRef, URIRef, date, date | None]]:
    """(agency, holder, from, until or None) for each agency a succession retired: the holder
    changes only on a succession's date, so the periods are cut at those dates."""
    steps = successions(dataset)
    dates = sorted({when for chain in steps.values() for when, _ in chain if when is not None})
    periods = []
    for agency in sorted(steps):
        current: tuple[URIRef, date] | None = None
        for when in dates:
            holder = holder_on(agency, when, steps)
            if current is not None and holder != current[0]:
                periods.append((agency, current[0], current[1], when))
                current = None
            if holder is not None and current is None:
                current = (holder, when)
        if current is not None:
            periods.append((agency, current[0], current[1], None))
    return periods


def _first_date(dataset: Dataset, subject, predicate) -> date | None:
    values = [o.toPython() for _, _, o, _ in dataset.quads((subject, predicate, None, None))]
    dates = [v for v in values if isinstance(v, date)]
    return min(dates) if dates else None


def add_derived(dataset: Dataset) -> Graph:
    """Compute the derived relations and write them into the derived named graph."""
    derived = dataset.graph(DERIVED_GRAPH)
    for document, ancestors in implements_closure(dataset).items():
        for ancestor in ancestors:
            derived.add((document, PG.implementsTransitive, ancestor))
    provinces = task_provinces(dataset)
    for task, places in provinces.items():
        for place in places:
            derived.add((task, PG.inProvince, place))
    tasks = {s for s, _, _, _ in dataset.quads((None, RDF.type, PG.Task, None))}
    stated = {s for s, _, _, _ in dataset.quads((None, PG.inProvince, None, None))}
    for task in tasks - provinces.keys() - stated:
        derived.add((task, PG.isNational, Literal(True)))
    for rank, task in enumerate(sorted(tasks, key=str)):
        derived.add((task, PG.taskRank, Literal(rank, datatype=XSD.integer)))
    for entity, keys in search_keys(dataset).items():
        for key in keys:
            derived.add((entity, PG.searchKey, Literal(key)))
    for agency, (lead, coordinated) in agency_task_counts(dataset).items():
        derived.add((agency, PG.leadTaskCount, Literal(lead, datatype=XSD.integer)))
        derived.add((agency, PG.coordinatedTaskCount, Literal(coordinated, datatype=XSD.integer)))
    for agency, holder, start, until in holding_periods(dataset):
        period = URIRef(f"{DERIVED_GRAPH}#holding-{agency.rsplit('/', 1)[-1]}-{start}")
        derived.add((period, RDF.type, PG.HoldingPeriod))
        derived.add((period, PG.holdingOf, agency))
        derived.add((period, PG.holder, holder))
        derived.add((period, PG.heldFrom, Literal(start, datatype=XSD.date)))
        if until is not None:
            derived.add((period, PG.heldUntil, Literal(until, datatype=XSD.date)))
    return derived
