"""Each SHACL shape catches the fault it is written for, and a correct graph passes them all.

valid_graph.ttl is a small real graph (Bình Dương, 57-NQ/TW, 03/NQ-CP) that conforms. Each case
below breaks it in one way — drops some triples, adds some — and must be reported by exactly the
shapes it names (sh:sourceShape), validated the way the build validates: the ontology's class
and property hierarchy materialised (ingest.validate.with_inferred_types), then the shapes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyshacl
import pytest
from rdflib import RDF, RDFS, Graph, Namespace, URIRef

from ingest.validate import with_inferred_types
from ontology.namespaces import ONTOLOGY_FILE, PG, SHAPES_FILE

SH = Namespace("http://www.w3.org/ns/shacl#")
PGSH = Namespace("https://w3id.org/policygraph/shapes#")
VALID_GRAPH = Path(__file__).with_name("valid_graph.ttl")

ONTOLOGY = Graph().parse(ONTOLOGY_FILE, format="turtle")
SHAPES = Graph().parse(SHAPES_FILE, format="turtle")
VALID_TURTLE = VALID_GRAPH.read_text(encoding="utf-8")
PREFIX_LINES = "".join(
    line + "\n" for line in VALID_TURTLE.splitlines() if line.startswith("@prefix")
)

# Shape parameters that are bookkeeping or wiring, not constraints of the shape itself.
NON_CONSTRAINTS = {
    SH.name,
    SH.message,
    SH.severity,
    SH.property,
    SH.path,
    SH.targetClass,
    SH.targetObjectsOf,
    SH.targetSubjectsOf,
    SH.targetNode,
}


@dataclass(frozen=True)
class Case:
    """A fault: triples to drop ("subject predicate" CURIEs) and Turtle to add."""

    name: str
    shape: str  # local name in pgsh:
    drop: tuple[str, ...] = ()
    add: str = ""
    also: tuple[str, ...] = ()  # other shapes the same fault rightly trips

    @property
    def expected(self) -> set[URIRef]:
        return {PGSH[self.shape], *(PGSH[s] for s in self.also)}


T26 = "task:nq03-ncp-2025-phu-luc-2-nhiem-vu-26"
T_BD = "task:002_164b680af517698d-1"
T_57 = "task:nq57-ntw-2024-1"
TFP = "target:001_48c50c3c403c9ef8-1"
INNOV = "target:001_48c50c3c403c9ef8-4"
RANGE = "target:nq57-ntw-2024-3"
RANK = "target:nq03-ncp-2025-phu-luc-1-chi-tieu-4"
QUAL = "target:nq03-ncp-2025-phu-luc-1-chi-tieu-1"
MEETING = "meeting:000_a3683a6493bfc795-1"
EV_BD = "evidence:002_164b680af517698d-3964-4177"

CASES = [
    # tasks
    Case("task without text", "TaskDescriptionShape", drop=(f"{T_BD} dcterms:description",)),
    Case(
        "task text only blanks",
        "TaskDescriptionShape",
        drop=(f"{T_BD} dcterms:description",),
        add=f'{T_BD} dcterms:description "   "@vi .',
    ),
    Case(
        "task assigned by two documents",
        "TaskAssignedByShape",
        add=f"{T26} pg:assignedBy doc:57-ntw-2024 .",
    ),
    Case(
        "deadline as written, untyped",
        "TaskDeadlineShape",
        drop=(f"{T26} pg:deadline",),
        add=f'{T26} pg:deadline "Quý II/2025" .',
    ),
    Case("ongoing as text", "TaskOngoingShape", add=f'{T26} pg:ongoing "Thường xuyên" .'),
    Case(
        "lead-unstated flag as text",
        "TaskLeadUnstatedShape",
        add=f'{T26} pg:leadUnstated "không" .',
    ),
    Case(
        "Bình Dương task assigned by 03/NQ-CP with no lead",
        "TaskLeadShape",
        drop=(f"{T_BD} pg:leadAgency",),
        add=f"{T_BD} pg:assignedBy doc:03-ncp-2025 .",
    ),
    Case(
        "national task with no lead and no flag", "TaskLeadShape", drop=(f"{T_57} pg:leadUnstated",)
    ),
    Case(
        "flagged lead-unstated yet has a lead",
        "TaskLeadConsistencyShape",
        add=f"{T_57} pg:leadAgency agency:bo-khcn .",
    ),
    # targets
    Case(
        "target with two indicators",
        "TargetIndicatorShape",
        add=f"{TFP} pg:indicator indicator:innovative-enterprise-share .",
    ),
    Case("target without indicator", "TargetIndicatorShape", drop=(f"{INNOV} pg:indicator",)),
    Case("target with two years", "TargetYearShape", add=f"{TFP} pg:targetYear 2030 ."),
    Case("target without year", "TargetYearStatedShape", drop=(f"{RANK} pg:targetYear",)),
    Case(
        "target year as text",
        "TargetYearShape",
        drop=(f"{INNOV} pg:targetYear",),
        add=f'{INNOV} pg:targetYear "năm 2030" .',
    ),
    Case(
        "target value with its unit glued on",
        "TargetValueShape",
        drop=(f"{TFP} pg:targetValue",),
        add=f'{TFP} pg:targetValue "45%" .',
    ),
    Case(
        "range with two upper values", "TargetUpperValueShape", add=f"{RANGE} pg:upperValue 60.0 ."
    ),
    Case(
        "comparator that is not a comparator",
        "TargetComparatorShape",
        drop=(f"{TFP} pg:comparator",),
        add=f"{TFP} pg:comparator pg:higherIsBetter .",
    ),
    Case("two comparators", "TargetComparatorShape", add=f"{TFP} pg:comparator pg:gt ."),
    Case("empty unit", "TargetUnitShape", drop=(f"{TFP} pg:unit",), add=f'{TFP} pg:unit "" .'),
    Case("two scopes", "TargetScopeShape", add=f"{TFP} pg:scope place:viet-nam ."),
    Case("two rank scopes", "TargetRankScopeShape", add=f'{RANK} pg:rankScope "Thế giới" .'),
    Case("numeric target without unit", "TargetFormShape", drop=(f"{TFP} pg:unit",)),
    Case("numeric target without comparator", "TargetFormShape", drop=(f"{INNOV} pg:comparator",)),
    Case(
        "qualitative target with a blank statement",
        "TargetFormShape",
        drop=(f"{QUAL} pg:qualitativeStatement",),
        add=f'{QUAL} pg:qualitativeStatement " "@vi .',
    ),
    Case(
        "qualitative target with a value but no comparator",
        "TargetFormShape",
        add=f"{QUAL} pg:targetValue 3.0 .",
        also=("RankTargetShape",),  # a numeric "thứ bậc" value with no rank scope
    ),
    Case("rank '≤ 3' with no rank scope", "RankTargetShape", drop=(f"{RANK} pg:rankScope",)),
    Case("rank scope on a percentage", "RankTargetShape", add=f'{TFP} pg:rankScope "Đông Nam Á" .'),
    Case(
        "rank 0",
        "RankTargetShape",
        drop=(f"{RANK} pg:targetValue",),
        add=f"{RANK} pg:targetValue 0 .",
    ),
    Case(
        "range with upper below lower (50–30)",
        "RangeTargetShape",
        drop=(f"{RANGE} pg:upperValue",),
        add=f"{RANGE} pg:upperValue 30.0 .",
    ),
    Case("range with no upper value", "RangeTargetShape", drop=(f"{RANGE} pg:upperValue",)),
    Case("upper value on an 'eq' target", "RangeTargetShape", add=f"{INNOV} pg:upperValue 50.0 ."),
    # indicators
    Case(
        "indicator without label",
        "IndicatorLabelShape",
        drop=("indicator:tfp-contribution skos:prefLabel",),
    ),
    Case(
        "indicator with two directions",
        "IndicatorDirectionShape",
        add="indicator:tfp-contribution pg:direction pg:lowerIsBetter .",
    ),
    Case(
        "indicator as a blank node",
        "IndicatorShape",
        drop=(f"{INNOV} pg:indicator",),
        add=f'{INNOV} pg:indicator [ rdfs:label "Tỷ lệ doanh nghiệp đổi mới sáng tạo"@vi ] .',
        also=("TargetIndicatorShape",),
    ),
    # documents
    Case(
        "document as a blank node",
        "DocumentShape",
        add='[] a pg:Decision ; dcterms:title "Quyết định phê duyệt Đề án Vùng ĐMST"@vi .',
    ),
    Case(
        "blank number from the appendix header",
        "DocumentIdentifierShape",
        drop=("doc:03-ncp-2025 dcterms:identifier",),
        add='doc:03-ncp-2025 dcterms:identifier "/NQ-CP" .',
    ),
    Case(
        "two numbers",
        "DocumentIdentifierShape",
        add='doc:03-ncp-2025 dcterms:identifier "71/NQ-CP" .',
    ),
    Case(
        "two issue dates (the appendix header's 01/01/2025)",
        "DocumentIssuedShape",
        add='doc:03-ncp-2025 dcterms:issued "2025-01-01"^^xsd:date .',
    ),
    Case(
        "issue date as written",
        "DocumentIssuedShape",
        drop=("doc:57-ntw-2024 dcterms:issued",),
        add='doc:57-ntw-2024 dcterms:issued "22/12/2024" .',
    ),
    Case(
        "draft and adopted at once",
        "DocumentStatusShape",
        add="doc:57-ntw-2024 pg:status pg:draft .",
    ),
    Case(
        "status that is not a status",
        "DocumentStatusShape",
        drop=("doc:kh-nq57-binh-duong pg:status",),
        add="doc:kh-nq57-binh-duong pg:status pg:provincial .",
    ),
    Case(
        "period starting after it ends",
        "DocumentPeriodStartShape",
        drop=("doc:ctr-khcn-dmst-binh-duong pg:periodStart",),
        add="doc:ctr-khcn-dmst-binh-duong pg:periodStart 2031 .",
    ),
    Case(
        "period end as text",
        "DocumentPeriodEndShape",
        drop=("doc:ctr-khcn-dmst-binh-duong pg:periodEnd",),
        add='doc:ctr-khcn-dmst-binh-duong pg:periodEnd "2030" .',
        also=("DocumentPeriodStartShape",),  # 2021 and "2030" cannot be compared
    ),
    Case("two vision years", "DocumentVisionYearShape", add="doc:57-ntw-2024 pg:visionYear 2040 ."),
    Case("resolution also typed as a plan", "DocumentTypeShape", add="doc:57-ntw-2024 a pg:Plan ."),
    Case(
        "plan with no number, title or label",
        "DocumentNamedShape",
        drop=("doc:kh-nq57-binh-duong dcterms:title",),
    ),
    # agencies
    Case(
        "lead agency IRI with no label (a mistyped slug)",
        "AgencyLabelShape",
        drop=(f"{T_BD} pg:leadAgency",),
        add=f"{T_BD} pg:leadAgency agency:so-kh-cn-binh-duong .",
    ),
    Case(
        "lead agency that is a place",
        "AgencyShape",
        drop=(f"{T_BD} pg:leadAgency",),
        add=f"{T_BD} pg:leadAgency place:binh-duong .",
        also=("PlaceShape",),
    ),
    Case(
        "issuer that is a document",
        "AgencyShape",
        drop=("doc:03-ncp-2025 pg:issuedBy",),
        add="doc:03-ncp-2025 pg:issuedBy doc:57-ntw-2024 .",
        also=("AgencyLabelShape",),  # a document has a title, not a label
    ),
    Case(
        "coordinating agency as a blank node",
        "AgencyShape",
        add=f'{T_BD} pg:coordinatingAgency [ rdfs:label "các cơ quan, đơn vị, địa phương"@vi ] .',
    ),
    Case("agency at two levels", "AgencyLevelShape", add="agency:bo-khcn pg:level pg:provincial ."),
    Case(
        "dissolution date as written",
        "AgencyDissolvedShape",
        drop=("agency:bo-tttt pg:dissolvedOn",),
        add='agency:bo-tttt pg:dissolvedOn "1/3/2025" .',
    ),
    Case(
        "two successors",
        "AgencySuccessorShape",
        add="agency:bo-tttt pg:succeededBy agency:chinh-phu .",
    ),
    # places
    Case(
        "target scope IRI with no label (a province not in the curated list)",
        "PlaceLabelShape",
        drop=(f"{TFP} pg:scope",),
        add=f"{TFP} pg:scope place:binh-dinh .",
    ),
    Case(
        "jurisdiction that is an agency",
        "PlaceShape",
        drop=("agency:so-khcn-binh-duong pg:jurisdiction",),
        add="agency:so-khcn-binh-duong pg:jurisdiction agency:ubnd-binh-duong .",
        also=("AgencyShape",),
    ),
    Case(
        "scope as a blank node",
        "PlaceShape",
        drop=(f"{INNOV} pg:scope",),
        add=f'{INNOV} pg:scope [ rdfs:label "Bình Dương"@vi ] .',
    ),
    Case(
        "merged into two provinces",
        "PlaceMergedIntoShape",
        add="place:binh-duong pg:mergedInto place:viet-nam .",
    ),
    Case(
        "merger date as written",
        "PlaceMergedOnShape",
        drop=("place:binh-duong pg:mergedOn",),
        add='place:binh-duong pg:mergedOn "1/7/2025" .',
    ),
    Case("merger without a date", "PlaceMergerShape", drop=("place:binh-duong pg:mergedOn",)),
    # meetings
    Case("meeting with no body", "MeetingHeldByShape", drop=(f"{MEETING} pg:heldBy",)),
    Case(
        "meeting date without a year ('22-9')",
        "MeetingDateShape",
        drop=(f"{MEETING} dcterms:date",),
        add=f'{MEETING} dcterms:date "22-9" .',
    ),
    Case(
        "session number in words",
        "MeetingSessionShape",
        drop=(f"{MEETING} pg:sessionNumber",),
        add=f'{MEETING} pg:sessionNumber "thứ hai" .',
    ),
    # sources and evidence
    Case(
        "source as a blank node",
        "SourceShape",
        add='[] a pg:Source ; pg:fileName "003_0098b399aefe7cee.txt" .',
    ),
    Case(
        "two file names",
        "SourceFileNameShape",
        add='source:002_164b680af517698d pg:fileName "002_164b680af517698d.html" .',
    ),
    Case(
        "address as a plain string",
        "SourceAddressShape",
        drop=("source:nq57-ntw-2024 dcterms:source",),
        add='source:nq57-ntw-2024 dcterms:source "https://github.com/thetrungdtt/VNMasterplan" .',
    ),
    Case(
        "evidence as a blank node",
        "EvidenceShape",
        add=(
            f'{T26} pg:evidence [ oa:exact "Bộ Khoa học và Công nghệ" ; '
            'oa:start "10392"^^xsd:nonNegativeInteger ; oa:end "10416"^^xsd:nonNegativeInteger ; '
            "pg:inSource source:nq03-ncp-2025-phu-luc-2-nhiem-vu ] ."
        ),
    ),
    Case(
        "evidence with empty quote",
        "EvidenceExactShape",
        drop=(f"{EV_BD} oa:exact",),
        add=f'{EV_BD} oa:exact "" .',
    ),
    Case("evidence with no quote", "EvidenceExactShape", drop=(f"{EV_BD} oa:exact",)),
    Case(
        "evidence offsets reversed",
        "EvidenceStartShape",
        drop=(f"{EV_BD} oa:start", f"{EV_BD} oa:end"),
        add=(
            f'{EV_BD} oa:start "4177"^^xsd:nonNegativeInteger ; '
            'oa:end "3964"^^xsd:nonNegativeInteger .'
        ),
    ),
    Case(
        "evidence start negative",
        "EvidenceStartShape",
        drop=(f"{EV_BD} oa:start",),
        add=f"{EV_BD} oa:start -1 .",
    ),
    Case("evidence with no end", "EvidenceEndShape", drop=(f"{EV_BD} oa:end",)),
    Case("evidence with no source", "EvidenceSourceShape", drop=(f"{EV_BD} pg:inSource",)),
]


def valid_data() -> Graph:
    return Graph().parse(data=VALID_TURTLE, format="turtle")


def validate(data: Graph) -> tuple[bool, Graph]:
    """Validate as the build does: the ontology's class and property hierarchy, then the shapes."""
    conforms, report, _text = pyshacl.validate(
        with_inferred_types(data, ONTOLOGY),
        shacl_graph=SHAPES,
        ont_graph=ONTOLOGY,
        inference="none",
        allow_warnings=True,
    )
    return conforms, report


def violated_shapes(report: Graph) -> set[URIRef]:
    results = list(report.subjects(RDF.type, SH.ValidationResult))
    assert all(report.value(r, SH.resultSeverity) == SH.Violation for r in results)
    return {report.value(r, SH.sourceShape) for r in results}


def broken(case: Case) -> Graph:
    data = valid_data()
    for pair in case.drop:
        subject, predicate = (data.namespace_manager.expand_curie(c) for c in pair.split())
        assert (subject, predicate, None) in data, f"{pair} not in the valid graph"
        data.remove((subject, predicate, None))
    if case.add:
        data.parse(data=PREFIX_LINES + case.add, format="turtle")
    return data


def test_shapes_parse_and_are_documented() -> None:
    shapes = set(SHAPES.subjects(RDF.type, SH.NodeShape)) | set(
        SHAPES.subjects(RDF.type, SH.PropertyShape)
    )
    assert len(shapes) > 40
    for shape in shapes:
        assert SHAPES.value(shape, SH.name) is not None, shape
        assert SHAPES.value(shape, SH.message) is not None, shape


def reported_shapes() -> set[URIRef]:
    """Shapes that can appear as sh:sourceShape: targeted or wired in by sh:property, with a
    constraint of their own."""
    targeted = {
        s
        for p in (SH.targetClass, SH.targetObjectsOf, SH.targetSubjectsOf, SH.targetNode)
        for s in SHAPES.subjects(p, None)
    }
    wired = {o for s in targeted for o in SHAPES.objects(s, SH.property)}
    return {
        s
        for s in targeted | wired
        if isinstance(s, URIRef) and set(SHAPES.predicates(s, None)) - NON_CONSTRAINTS - {RDF.type}
    }


def test_every_reported_shape_is_a_violation() -> None:
    for shape in reported_shapes():
        assert SHAPES.value(shape, SH.severity) == SH.Violation, shape


def test_every_pg_term_in_the_shapes_is_in_the_ontology() -> None:
    used = {o for o in SHAPES.objects() if isinstance(o, URIRef) and o.startswith(str(PG))}
    defined = {s for s in ONTOLOGY.subjects() if isinstance(s, URIRef)}
    assert used, "the shapes use pg: terms"
    assert not used - defined


def test_every_shape_has_a_breaking_case() -> None:
    covered = {PGSH[c.shape] for c in CASES}
    assert reported_shapes() - covered == set()
    assert covered - reported_shapes() == set()


def test_valid_graph_conforms() -> None:
    data = valid_data()
    for cls in (PG.Task, PG.Target, PG.Meeting, PG.Source, PG.Agency, PG.Province, PG.Indicator):
        assert list(data.subjects(RDF.type, cls)), cls
    conforms, report = validate(data)
    assert conforms, report.serialize(format="turtle")


def test_target_flagged_year_unstated_needs_no_year() -> None:
    data = broken(Case("unstated", "TargetYearStatedShape", drop=(f"{RANK} pg:targetYear",)))
    data.parse(data=PREFIX_LINES + f"{RANK} pg:yearUnstated true .", format="turtle")
    assert validate(data)[0]


def test_national_assembly_numbers_with_their_legislature_conform() -> None:
    """193/2025/QH15 (a resolution of the 15th National Assembly) is a canonical number."""
    number = "doc:57-ntw-2024 dcterms:identifier"
    data = broken(Case("QH15", "DocumentIdentifierShape", drop=(number,)))
    data.parse(data=PREFIX_LINES + f'{number} "193/2025/QH15" .', format="turtle")
    assert validate(data)[0]


def test_skos_pref_label_counts_as_label() -> None:
    """bo-khcn has only skos:prefLabel: inference through the ontology makes it an rdfs:label."""
    data = valid_data()
    bo_khcn = data.namespace_manager.expand_curie("agency:bo-khcn")
    assert (bo_khcn, RDFS.label, None) not in data
    assert validate(data)[0]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_shape_catches_its_fault(case: Case) -> None:
    conforms, report = validate(broken(case))
    assert not conforms
    assert violated_shapes(report) == case.expected
