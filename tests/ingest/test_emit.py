"""Facts → triples: IRIs and datatypes per docs/architecture.md, evidence that quotes the source,
deterministic output, and SHACL conformance of the appendices' triples with the curated data."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest
from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from ingest.emit import deadline_literal, decimal_literal, emit, source_triples
from ingest.extract import ExtractionContext
from ingest.extract.tables import extract
from ingest.model import (
    AgencyRef,
    AssignmentFact,
    DocumentFact,
    DocumentRef,
    Evidence,
    MeetingFact,
    SourceMeta,
    TargetFact,
)
from ontology.namespaces import OA, ONTOLOGY_FILE, PG, PROV, SHAPES_FILE, entity_iri
from tests.ingest.common import (
    PROGRAMME_TITLE,
    ROOT,
    TARGETS_FILE,
    TASKS_FILE,
    source_of,
)


@pytest.fixture(scope="module")
def tasks_source():
    return source_of(TASKS_FILE.read_text(encoding="utf-8"), TASKS_FILE.stem)


@pytest.fixture(scope="module")
def targets_source():
    meta = SourceMeta(
        title=PROGRAMME_TITLE,
        date=date(2025, 1, 9),
        guessed=("date",),
        notes=("date: that of 03/NQ-CP; the header reads 01/01/2025",),
    )
    return source_of(TARGETS_FILE.read_text(encoding="utf-8"), TARGETS_FILE.stem, meta)


@pytest.fixture(scope="module")
def task_facts(tasks_source, catalogue):
    resolution = DocumentRef("03-ncp-2025", "Resolution", "03/NQ-CP")
    return list(extract(tasks_source, ExtractionContext(catalogue, main_document=resolution)))


@pytest.fixture(scope="module")
def target_facts(targets_source, catalogue):
    return list(extract(targets_source, ExtractionContext(catalogue)))


@pytest.fixture(scope="module")
def tasks_graph(task_facts, tasks_source) -> Graph:
    graph = Graph()
    source_triples(tasks_source, graph)
    emit(task_facts, tasks_source, graph)
    return graph


@pytest.fixture(scope="module")
def targets_graph(target_facts, targets_source) -> Graph:
    graph = Graph()
    source_triples(targets_source, graph)
    emit(target_facts, targets_source, graph)
    return graph


def task_iri(n: int):
    return entity_iri("task", f"{TASKS_FILE.stem}-{n}")


def test_tasks_are_numbered_in_order_of_appearance(tasks_graph):
    tasks = set(tasks_graph.subjects(RDF.type, PG.Task))
    assert tasks == {task_iri(n) for n in range(1, 141)}
    for n in (1, 12, 140):
        assert tasks_graph.value(task_iri(n), PG.taskNumber) == Literal(f"{n}.")


def test_task_triples(tasks_graph):
    first = task_iri(1)
    description = tasks_graph.value(first, DCTERMS.description)
    assert description.language == "vi" and description.startswith("Xây dựng, trình Thủ tướng")
    assert tasks_graph.value(first, PG.leadAgency) == entity_iri("agency", "bo-khcn")
    assert len(set(tasks_graph.objects(first, PG.coordinatingAgency))) == 5
    assert tasks_graph.value(first, PG.deadline) == Literal("2025-06", datatype=XSD.gYearMonth)
    assert tasks_graph.value(first, PG.deadlineText) == Literal("6/2025")
    assert tasks_graph.value(first, PG.assignedBy) == entity_iri("document", "ctrhd-cp-57-2025")
    assert tasks_graph.value(task_iri(2), PG.ongoing) == Literal(True)
    assert tasks_graph.value(task_iri(14), PG.deadline) == Literal("2025", datatype=XSD.gYear)
    quarter = tasks_graph.value(task_iri(123), PG.deadline)  # "Quý II/2025"
    assert quarter == Literal("2025-06", datatype=XSD.gYearMonth)
    assert len(set(tasks_graph.objects(task_iri(103), PG.leadAgency))) == 3
    themes = set(tasks_graph.objects(None, PG.theme))
    assert len(themes) == 7
    assert tasks_graph.value(task_iri(14), PG.theme) == entity_iri("theme", "institutions")
    for theme in themes:  # curated themes: referenced, not described again
        assert (
            str(theme).rsplit("/", 1)[0]
            == str(entity_iri("theme", "institutions")).rsplit("/", 1)[0]
        )
        assert (theme, RDF.type, PG.Theme) not in tasks_graph


def test_the_programme_and_its_resolution(tasks_graph):
    programme = entity_iri("document", "ctrhd-cp-57-2025")
    resolution = entity_iri("document", "03-ncp-2025")
    assert (programme, RDF.type, PG.ActionProgramme) in tasks_graph
    assert (programme, PG.implements, entity_iri("document", "57-ntw-2024")) in tasks_graph
    assert (programme, PG.issuedBy, entity_iri("agency", "chinh-phu")) in tasks_graph
    assert (resolution, DCTERMS.identifier, Literal("03/NQ-CP")) in tasks_graph
    assert tasks_graph.value(programme, PG.evidence) is not None


def test_evidence_quotes_the_original(tasks_graph, targets_graph, tasks_source, targets_source):
    for graph, source in ((tasks_graph, tasks_source), (targets_graph, targets_source)):
        selectors = set(graph.subjects(RDF.type, OA.TextQuoteSelector))
        assert len(selectors) > 40
        for node in selectors:
            start, end = graph.value(node, OA.start), graph.value(node, OA.end)
            assert start.datatype == XSD.nonNegativeInteger
            assert str(graph.value(node, OA.exact)) == source.original[int(start) : int(end)]
            assert graph.value(node, PG.inSource) == entity_iri("source", source.source_id)
            assert str(node).endswith(f"{source.source_id}-{int(start)}-{int(end)}")


def test_target_triples(targets_graph):
    def target_of_row(number: str):
        for node in targets_graph.subjects(RDF.type, PG.Target):
            quote = str(targets_graph.value(targets_graph.value(node, PG.evidence), OA.exact))
            if quote.split("|")[1].strip() == number:
                yield node

    (tfp,) = target_of_row("8")
    assert targets_graph.value(tfp, PG.targetValue) == Literal("55", datatype=XSD.decimal)
    assert targets_graph.value(tfp, PG.comparator) == PG.gte
    assert targets_graph.value(tfp, PG.unit) == Literal("%")
    assert targets_graph.value(tfp, PG.targetYear) == Literal(2030, datatype=XSD.integer)
    assert targets_graph.value(tfp, PG.scope) == entity_iri("place", "viet-nam")
    assert targets_graph.value(tfp, PG.monitoredBy) is not None
    (organisations,) = target_of_row("19")
    assert targets_graph.value(organisations, PG.upperValue) == Literal("50", datatype=XSD.decimal)
    assert targets_graph.value(organisations, PG.comparator) == PG.range
    ranks = list(target_of_row("4"))
    assert {str(targets_graph.value(r, PG.rankScope)) for r in ranks} == {"Đông Nam Á", "Thế giới"}
    (qualitative,) = target_of_row("1")
    assert targets_graph.value(qualitative, PG.qualitativeStatement).language == "vi"
    assert targets_graph.value(qualitative, PG.targetValue) is None
    indicator = targets_graph.value(tfp, PG.indicator)
    assert targets_graph.value(indicator, SKOS.prefLabel) or "curated"


def test_source_triples(targets_graph, targets_source):
    source = entity_iri("source", targets_source.source_id)
    assert (source, RDF.type, PG.Source) in targets_graph
    assert (source, RDF.type, PROV.Entity) in targets_graph
    assert targets_graph.value(source, DCTERMS.date) == Literal("2025-01-09", datatype=XSD.date)
    assert targets_graph.value(source, PG.fileName) == Literal(f"{targets_source.source_id}.md")
    assert "01/01/2025" in str(targets_graph.value(source, PG.guessed))


def test_no_blank_nodes(tasks_graph, targets_graph):
    for graph in (tasks_graph, targets_graph):
        assert not any(isinstance(term, BNode) for triple in graph for term in triple)


def test_emission_is_deterministic_and_order_free(task_facts, tasks_source, tasks_graph):
    shuffled = list(task_facts)
    random.Random(7).shuffle(shuffled)
    again = Graph()
    source_triples(tasks_source, again)
    emit(shuffled, tasks_source, again)
    assert set(again) == set(tasks_graph)
    assert sorted(again.serialize(format="nt").splitlines()) == sorted(
        tasks_graph.serialize(format="nt").splitlines()
    )


def test_unstated_lead_unresolved_agency_and_meeting(tasks_source):
    evidence = Evidence(tasks_source.source_id, 0, 5, tasks_source.original[0:5])
    minted = AgencyRef(
        "Tổ công tác đặc biệt", "to-cong-tac-dac-biet-binh-duong", False, "provincial", "binh-duong"
    )
    programme = DocumentRef("ctrhd-cp-57-2025", "ActionProgramme", None, "Chương trình")
    facts = [
        AssignmentFact(
            "Rà soát", [], evidence, [minted], "2025-Q4", "Quý IV/2025", assigned_by=programme
        ),
        MeetingFact(
            minted,
            evidence,
            date(2025, 2, 24),
            "Nguyễn Văn A",
            "Trưởng ban",
            2,
            approved=[DocumentRef("kh-x", "Plan", None, "Kế hoạch")],
        ),
        DocumentFact(
            DocumentRef("57-ntw-2024", "Resolution", "57-NQ/TW"),
            evidence,
            issued=date(2024, 12, 22),
            status="adopted",
            period_end=2030,
            vision_year=2045,
            scope="viet-nam",
        ),
    ]
    graph = Graph()
    emit(facts, tasks_source, graph)
    task = entity_iri("task", f"{tasks_source.source_id}-1")
    assert graph.value(task, PG.leadUnstated) == Literal(True)
    assert graph.value(task, PG.leadAgency) is None
    assert graph.value(task, PG.deadline) == Literal("2025-12", datatype=XSD.gYearMonth)
    agency = entity_iri("agency", minted.key)
    assert (agency, RDF.type, PG.Agency) in graph
    assert graph.value(agency, PG.jurisdiction) == entity_iri("place", "binh-duong")
    meeting = entity_iri("meeting", f"{tasks_source.source_id}-1")
    assert graph.value(meeting, PG.sessionNumber) == Literal(2, datatype=XSD.integer)
    assert graph.value(meeting, DCTERMS.date) == Literal("2025-02-24", datatype=XSD.date)
    resolution = entity_iri("document", "57-ntw-2024")
    assert graph.value(resolution, PG.status) == PG.adopted
    assert graph.value(resolution, PG.visionYear) == Literal(2045, datatype=XSD.integer)


def test_curated_agencies_get_no_triples(tasks_graph):
    khcn = entity_iri("agency", "bo-khcn")
    assert not list(tasks_graph.triples((khcn, None, None)))


@pytest.mark.parametrize(
    ("deadline", "lexical", "datatype"),
    [
        ("2025", "2025", XSD.gYear),
        ("2025-6", "2025-06", XSD.gYearMonth),
        ("2025-06-30", "2025-06-30", XSD.date),
        ("2025-Q1", "2025-03", XSD.gYearMonth),
        ("2025-Q4", "2025-12", XSD.gYearMonth),
    ],
)
def test_deadline_literals(deadline, lexical, datatype):
    assert deadline_literal(deadline) == Literal(lexical, datatype=datatype)


def test_decimal_literals():
    assert str(decimal_literal(55.0)) == "55"
    assert str(decimal_literal(0.7)) == "0.7"
    assert str(decimal_literal(2500.0)) == "2500"


@pytest.mark.slow
def test_appendices_conform_to_the_shapes(tasks_graph, targets_graph):
    """SHACL over the emitted triples with the curated entities they reference (as in the build)."""
    from pyshacl import validate

    curated = Graph()
    for path in sorted((ROOT / "data" / "curated").glob("*.ttl")):
        curated.parse(path, format="turtle")
    data = Graph()
    for graph in (tasks_graph, targets_graph):
        for triple in graph:
            data.add(triple)
    referenced = {o for o in data.objects() if isinstance(o, URIRef)}
    described: set[URIRef] = set()
    while referenced - described:  # curated entities reachable from the emitted triples
        subject = (referenced - described).pop()
        described.add(subject)
        for triple in curated.triples((subject, None, None)):
            data.add(triple)
            if isinstance(triple[2], URIRef):
                referenced.add(triple[2])
    ontology = Graph().parse(ONTOLOGY_FILE, format="turtle")
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    conforms, _, text = validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs", allow_warnings=True
    )
    assert conforms, text[:4000]


def test_a_fact_without_the_optional_fields(tasks_source):
    evidence = Evidence(tasks_source.source_id, 10, 20, tasks_source.original[10:20])
    target = TargetFact("Tỉ lệ X", evidence, value=5.0, comparator="gte", unit="%", year=2030)
    graph = Graph()
    emit([replace(target)], tasks_source, graph)
    node = entity_iri("target", f"{tasks_source.source_id}-1")
    indicator = graph.value(node, PG.indicator)
    assert graph.value(indicator, SKOS.prefLabel) == Literal("Tỉ lệ X", lang="vi")
