"""Facts → RDF triples in a source's named graph, with the IRIs fixed by docs/architecture.md.

Emission is deterministic: the same facts give the same triples (no blank nodes; tasks, targets
and meetings are numbered ``<source_id>-<n>`` in order of appearance in the source). Curated
entities (agencies, places, indicators, themes) are only referenced here; entities the text
introduces (an unknown agency, a new indicator, a section theme) are minted with a label.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from ingest.model import (
    AgencyFact,
    AgencyRef,
    AssignmentFact,
    DocumentFact,
    DocumentRef,
    Evidence,
    Fact,
    MeetingFact,
    SourceText,
    TargetFact,
)
from ontology.namespaces import ELI, ID_BASE, OA, PG, PROV, entity_iri
from ontology.slugs import slugify
from ontology.vocabulary import DOCUMENT_TYPES

LEVELS = frozenset({"national", "provincial", "district"})
COMPARATORS = frozenset({"gt", "gte", "eq", "approx", "lte", "lt", "range"})
THEME_SCHEME = URIRef(f"{ID_BASE}scheme/themes")
INDICATOR_SCHEME = URIRef(f"{ID_BASE}scheme/indicators")
MINTED_THEME_WORDS = 8
_SLUG_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


# --------------------------------------------------------------------------------------------
# Keys and literals shared by the extractors
# --------------------------------------------------------------------------------------------


def minted_indicator_key(indicator_text: str, max_words: int = 8) -> str:
    """The key of an indicator the text introduces: its folded words, truncated."""
    return slugify(indicator_text, max_words=max_words)


def is_minted_indicator(indicator_key: str, indicator_text: str) -> bool:
    """True when ``indicator_key`` is the text's own slug (any truncation), not a curated key."""
    full = slugify(indicator_text, max_words=10_000)
    return full == indicator_key or full.startswith(indicator_key + "-")


def theme_key(theme: str) -> tuple[str, bool]:
    """A theme's slug and whether it is minted: a ready slug is curated, a heading is minted."""
    if theme and set(theme) <= _SLUG_CHARS and not theme.startswith("-"):
        return theme, False
    return slugify(theme, max_words=MINTED_THEME_WORDS), True


def deadline_literal(deadline: str) -> Literal | None:
    """``2025`` → gYear, ``2025-06`` → gYearMonth, ``2025-06-30`` → date, ``2025-Q2`` → 2025-06."""
    parts = deadline.split("-")
    if len(parts) == 1 and len(parts[0]) == 4 and parts[0].isdigit():
        return Literal(parts[0], datatype=XSD.gYear)
    if len(parts) == 2 and parts[0].isdigit() and parts[1].upper().startswith("Q"):
        quarter = int(parts[1][1:])
        if 1 <= quarter <= 4:
            return Literal(f"{parts[0]}-{quarter * 3:02d}", datatype=XSD.gYearMonth)
        return None
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return Literal(f"{parts[0]}-{int(parts[1]):02d}", datatype=XSD.gYearMonth)
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return Literal(f"{parts[0]}-{int(parts[1]):02d}-{int(parts[2]):02d}", datatype=XSD.date)
    return None


def decimal_literal(value: float) -> Literal:
    """An xsd:decimal with a stable lexical form (55.0 → "55", 0.7 → "0.7")."""
    number = Decimal(repr(float(value))).normalize()
    text = format(number, "f")
    return Literal(text, datatype=XSD.decimal)


def _vi(text: str) -> Literal:
    return Literal(text, lang="vi")


# --------------------------------------------------------------------------------------------
# Shared nodes: evidence, agencies, documents, places
# --------------------------------------------------------------------------------------------


def evidence_iri(evidence: Evidence) -> URIRef:
    return entity_iri("evidence", f"{evidence.source_id}-{evidence.start}-{evidence.end}")


def add_evidence(graph: Graph, subject: URIRef, evidence: Evidence) -> None:
    """``subject pg:evidence <sel>``; the selector quotes ``original[start:end]`` of its source."""
    node = evidence_iri(evidence)
    graph.add((subject, PG.evidence, node))
    graph.add((node, RDF.type, OA.TextQuoteSelector))
    graph.add((node, RDF.type, OA.TextPositionSelector))
    graph.add((node, OA.exact, Literal(evidence.quote)))
    graph.add((node, OA.start, Literal(evidence.start, datatype=XSD.nonNegativeInteger)))
    graph.add((node, OA.end, Literal(evidence.end, datatype=XSD.nonNegativeInteger)))
    graph.add((node, PG.inSource, entity_iri("source", evidence.source_id)))


def place_iri(slug: str) -> URIRef:
    return entity_iri("place", slug)


def add_agency(graph: Graph, agency: AgencyRef) -> URIRef:
    """The agency's IRI; an agency not in the curated catalogue is described here."""
    iri = entity_iri("agency", agency.key)
    if agency.resolved:
        return iri
    graph.add((iri, RDF.type, PG.Agency))
    if agency.collective:
        graph.add((iri, RDF.type, PG.CollectiveAgency))
    graph.add((iri, RDFS.label, _vi(agency.name)))
    if agency.level in LEVELS:
        graph.add((iri, PG.level, PG[agency.level]))
    if agency.province:
        graph.add((iri, PG.jurisdiction, place_iri(agency.province)))
    return iri


def add_document_ref(graph: Graph, ref: DocumentRef) -> URIRef:
    """A mentioned document: its type, number and title, enough to name it."""
    iri = entity_iri("document", ref.key)
    doc_class = PG[ref.doc_type] if ref.doc_type in DOCUMENT_TYPES else PG.PolicyDocument
    graph.add((iri, RDF.type, doc_class))
    if ref.number:
        graph.add((iri, DCTERMS.identifier, Literal(ref.number)))
    if ref.title:
        graph.add((iri, DCTERMS.title, _vi(ref.title)))
    return iri


# --------------------------------------------------------------------------------------------
# One function per kind of fact
# --------------------------------------------------------------------------------------------


def emit_document(graph: Graph, fact: DocumentFact) -> None:
    iri = add_document_ref(graph, fact.ref)
    if fact.issued:
        graph.add((iri, DCTERMS.issued, Literal(fact.issued.isoformat(), datatype=XSD.date)))
    if fact.issuer:
        graph.add((iri, PG.issuedBy, add_agency(graph, fact.issuer)))
    if fact.status in ("draft", "adopted"):
        graph.add((iri, PG.status, PG[fact.status]))
    for prop, year in (
        (PG.periodStart, fact.period_start),
        (PG.periodEnd, fact.period_end),
        (PG.visionYear, fact.vision_year),
    ):
        if year is not None:
            graph.add((iri, prop, Literal(year, datatype=XSD.integer)))
    if fact.scope:
        graph.add((iri, PG.territorialScope, place_iri(fact.scope)))
    for implemented in fact.implements:
        graph.add((iri, PG.implements, add_document_ref(graph, implemented)))
    part_of = getattr(fact, "part_of", None)  # DocumentFact.part_of, where the model has it
    if part_of is not None:
        graph.add((iri, DCTERMS.isPartOf, add_document_ref(graph, part_of)))
    for basis in fact.based_on:  # "Căn cứ …": the legal basis, not an implements link
        graph.add((iri, ELI.based_on, add_document_ref(graph, basis)))
    add_evidence(graph, iri, fact.evidence)


def emit_agency(graph: Graph, fact: AgencyFact) -> None:
    iri = add_agency(graph, fact.agency)
    if fact.agency.resolved:
        return
    if fact.abbrev:
        graph.add((iri, SKOS.altLabel, _vi(fact.abbrev)))
    add_evidence(graph, iri, fact.evidence)


def emit_assignment(graph: Graph, fact: AssignmentFact, iri: URIRef) -> None:
    graph.add((iri, RDF.type, PG.Task))
    graph.add((iri, DCTERMS.description, _vi(fact.task)))
    if fact.assigned_by:
        graph.add((iri, PG.assignedBy, add_document_ref(graph, fact.assigned_by)))
    if fact.assigned_by_agency:
        graph.add((iri, PG.assigningAgency, add_agency(graph, fact.assigned_by_agency)))
    if fact.in_response_to:
        graph.add((iri, PG.inResponseTo, add_document_ref(graph, fact.in_response_to)))
    for lead in fact.leads:
        graph.add((iri, PG.leadAgency, add_agency(graph, lead)))
    if not fact.leads:
        graph.add((iri, PG.leadUnstated, Literal(True)))
    for coordinator in fact.coordinators:
        graph.add((iri, PG.coordinatingAgency, add_agency(graph, coordinator)))
    deadline = deadline_literal(fact.deadline) if fact.deadline else None
    if deadline is not None:
        graph.add((iri, PG.deadline, deadline))
    if fact.deadline_text:
        graph.add((iri, PG.deadlineText, Literal(fact.deadline_text)))
    if fact.ongoing:
        graph.add((iri, PG.ongoing, Literal(True)))
    if fact.theme:
        slug, minted = theme_key(fact.theme)
        theme = entity_iri("theme", slug)
        graph.add((iri, PG.theme, theme))
        if minted:
            graph.add((theme, RDF.type, PG.Theme))
            graph.add((theme, SKOS.prefLabel, _vi(fact.theme)))
            graph.add((theme, SKOS.inScheme, THEME_SCHEME))
    if fact.expected_output:
        graph.add((iri, PG.expectedOutput, _vi(fact.expected_output)))
    if fact.number:
        graph.add((iri, PG.taskNumber, Literal(fact.number)))
    add_evidence(graph, iri, fact.evidence)


def emit_target(graph: Graph, fact: TargetFact, iri: URIRef) -> None:
    graph.add((iri, RDF.type, PG.Target))
    key = fact.indicator_key or minted_indicator_key(fact.indicator_text)
    indicator = entity_iri("indicator", key)
    graph.add((iri, PG.indicator, indicator))
    if is_minted_indicator(key, fact.indicator_text):  # no curated indicator fits: for review
        graph.add((indicator, RDF.type, PG.Indicator))
        graph.add((indicator, RDF.type, PG.CandidateIndicator))
        graph.add((indicator, SKOS.prefLabel, _vi(fact.indicator_text)))
        graph.add((indicator, SKOS.inScheme, INDICATOR_SCHEME))
    if fact.value is not None:
        graph.add((iri, PG.targetValue, decimal_literal(fact.value)))
    if fact.upper_value is not None:
        graph.add((iri, PG.upperValue, decimal_literal(fact.upper_value)))
    if fact.comparator in COMPARATORS:
        graph.add((iri, PG.comparator, PG[fact.comparator]))
    if fact.unit:
        graph.add((iri, PG.unit, Literal(fact.unit)))
    if fact.year is not None:
        graph.add((iri, PG.targetYear, Literal(fact.year, datatype=XSD.integer)))
        if fact.year_inferred:
            graph.add((iri, PG.yearInferred, Literal(True)))
    else:
        graph.add((iri, PG.yearUnstated, Literal(True)))
    if fact.scope:
        graph.add((iri, PG.scope, place_iri(fact.scope)))
    if fact.set_by:
        graph.add((iri, PG.setBy, add_document_ref(graph, fact.set_by)))
    if fact.qualitative:
        graph.add((iri, PG.qualitativeStatement, _vi(fact.qualitative)))
    if fact.rank_scope:
        graph.add((iri, PG.rankScope, Literal(fact.rank_scope)))
    for agency in fact.monitored_by:
        graph.add((iri, PG.monitoredBy, add_agency(graph, agency)))
    add_evidence(graph, iri, fact.evidence)


def emit_meeting(graph: Graph, fact: MeetingFact, iri: URIRef) -> None:
    graph.add((iri, RDF.type, PG.Meeting))
    graph.add((iri, PG.heldBy, add_agency(graph, fact.body)))
    if fact.held_on:
        graph.add((iri, DCTERMS.date, Literal(fact.held_on.isoformat(), datatype=XSD.date)))
    if fact.chair:
        graph.add((iri, PG.chair, Literal(fact.chair)))
    if fact.chair_role:
        graph.add((iri, PG.chairRole, _vi(fact.chair_role)))
    if fact.session_number is not None:
        graph.add((iri, PG.sessionNumber, Literal(fact.session_number, datatype=XSD.integer)))
    for ref in fact.approved:
        graph.add((iri, PG.approved, add_document_ref(graph, ref)))
    for ref in fact.discussed:
        graph.add((iri, PG.discussed, add_document_ref(graph, ref)))
    add_evidence(graph, iri, fact.evidence)


# --------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------

_NUMBERED = {AssignmentFact: "task", TargetFact: "target", MeetingFact: "meeting"}


def in_order_of_appearance(facts: Iterable[Fact]) -> list[Fact]:
    """Facts sorted by where their evidence starts (ties keep the extractor's order)."""
    indexed = list(enumerate(facts))
    indexed.sort(key=lambda pair: (pair[1].evidence.start, pair[1].evidence.end, pair[0]))
    return [fact for _, fact in indexed]


def emit(facts: Iterable[Fact], source: SourceText, graph: Graph) -> None:
    """Add the triples of every fact of ``source`` to ``graph`` (the source's named graph)."""
    counters = dict.fromkeys(_NUMBERED.values(), 0)
    for fact in in_order_of_appearance(facts):
        kind = _NUMBERED.get(type(fact))
        if kind is not None:
            counters[kind] += 1
            iri = entity_iri(kind, f"{source.source_id}-{counters[kind]}")
            if isinstance(fact, AssignmentFact):
                emit_assignment(graph, fact, iri)
            elif isinstance(fact, TargetFact):
                emit_target(graph, fact, iri)
            else:
                emit_meeting(graph, fact, iri)
        elif isinstance(fact, DocumentFact):
            emit_document(graph, fact)
        elif isinstance(fact, AgencyFact):
            emit_agency(graph, fact)


def source_triples(source: SourceText, graph: Graph) -> None:
    """Describe the source itself: a pg:Source and prov:Entity with what is known of it."""
    iri = entity_iri("source", source.source_id)
    meta = source.meta
    graph.add((iri, RDF.type, PG.Source))
    graph.add((iri, RDF.type, PROV.Entity))
    graph.add((iri, PG.fileName, Literal(source.path.name)))
    if meta.title:
        graph.add((iri, DCTERMS.title, Literal(meta.title, lang=meta.language or "vi")))
    if meta.date:
        graph.add((iri, DCTERMS.date, Literal(meta.date.isoformat(), datatype=XSD.date)))
    if meta.publisher:
        graph.add((iri, DCTERMS.publisher, Literal(meta.publisher)))
    if meta.address:
        graph.add((iri, DCTERMS.source, Literal(meta.address, datatype=XSD.anyURI)))
    notes = meta.notes or tuple(f"{name} guessed from the text" for name in meta.guessed)
    for note in notes:
        graph.add((iri, PG.guessed, Literal(note)))
