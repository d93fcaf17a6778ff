"""The alignment audit on a small graph: the real curated scheme plus one target of each verdict.

The quotes are the corpus's own (57-NQ/TW section II; the Bình Dương programme, seed 001) where the
corpus has such a target; the others are worded like them and marked as made up here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph_api.audit.alignment import Verdict, audit_alignment, comparable_units, resolve_province
from graph_api.store import OxigraphStore

ROOT = Path(__file__).resolve().parents[2]
ID = "https://w3id.org/policygraph/id/"

TARGETS = """
@prefix pg: <https://w3id.org/policygraph/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix target: <https://w3id.org/policygraph/id/target/> .
@prefix indicator: <https://w3id.org/policygraph/id/indicator/> .
@prefix place: <https://w3id.org/policygraph/id/place/> .
@prefix document: <https://w3id.org/policygraph/id/document/> .
@prefix evidence: <https://w3id.org/policygraph/id/evidence/> .

document:57-ntw-2024 a pg:Resolution ; dcterms:identifier "57-NQ/TW" ;
    pg:territorialScope place:viet-nam .
document:ctr-binh-duong a pg:Programme ; dcterms:title "Chương trình KHCN&ĐMST" ;
    pg:territorialScope place:binh-duong .
document:kh-binh-dinh a pg:Plan ; dcterms:title "Kế hoạch" ; pg:territorialScope place:binh-dinh .

# ---- national (57-NQ/TW, section II.1; scope from the document) ----
target:n-tfp a pg:Target ; pg:indicator indicator:tfp-contribution ; pg:comparator pg:gt ;
    pg:targetValue 55.0 ; pg:unit "%" ; pg:targetYear 2030 ; pg:setBy document:57-ntw-2024 ;
    pg:evidence evidence:n-tfp .
target:n-innovative a pg:Target ; pg:indicator indicator:innovative-enterprise-share ;
    pg:comparator pg:gt ; pg:targetValue 40.0 ; pg:unit "%" ; pg:targetYear 2030 ;
    pg:setBy document:57-ntw-2024 ; pg:evidence evidence:n-innovative .
target:n-digital-economy a pg:Target ; pg:indicator indicator:digital-economy-share-gdp ;
    pg:comparator pg:gte ; pg:targetValue 30.0 ; pg:unit "% GDP" ; pg:targetYear 2030 ;
    pg:scope place:viet-nam ; pg:setBy document:57-ntw-2024 ; pg:evidence evidence:n-de .
target:n-export a pg:Target ; pg:indicator indicator:high-tech-export-share ; pg:comparator pg:gte ;
    pg:targetValue 50.0 ; pg:unit "%" ; pg:targetYear 2030 ; pg:scope place:viet-nam ;
    pg:evidence evidence:n-export .
target:n-online a pg:Target ; pg:indicator indicator:online-public-service-usage ;
    pg:comparator pg:gt ; pg:targetValue 80.0 ; pg:unit "%" ; pg:targetYear 2030 ;
    pg:scope place:viet-nam ; pg:evidence evidence:n-online .
target:n-egov a pg:Target ; pg:indicator indicator:egov-development-rank ; pg:comparator pg:lte ;
    pg:targetValue 50.0 ; pg:unit "thứ bậc" ; pg:targetYear 2030 ; pg:scope place:viet-nam ;
    pg:evidence evidence:n-egov .

# ---- Bình Dương (seed 001 where it has the target) ----
target:p-tfp-2030 a pg:Target ; pg:indicator indicator:tfp-contribution ; pg:comparator pg:gt ;
    pg:targetValue 50.0 ; pg:unit "%" ; pg:targetYear 2030 ; pg:scope place:binh-duong ;
    pg:setBy document:ctr-binh-duong ; pg:evidence evidence:p-tfp-2030 .
target:p-tfp-2025 a pg:Target ; pg:indicator indicator:tfp-contribution ; pg:comparator pg:approx ;
    pg:targetValue 45.0 ; pg:unit "%" ; pg:targetYear 2025 ; pg:setBy document:ctr-binh-duong ;
    pg:evidence evidence:p-tfp-2025 .
target:p-renewal a pg:Target ; pg:indicator indicator:technology-renewal-rate ;
    pg:comparator pg:gt ; pg:targetValue 20.0 ; pg:unit "%/năm" ; pg:scope place:binh-duong ;
    pg:evidence evidence:p-renewal .
# made up, worded like the seeds: equal, stronger (close match GRDP ~ GDP; a rank), not comparable
target:p-innovative a pg:Target ; pg:indicator indicator:innovative-enterprise-share ;
    pg:comparator pg:gt ; pg:targetValue 40.0 ; pg:unit "%" ; pg:targetYear 2030 ;
    pg:scope place:binh-duong ; pg:evidence evidence:p-innovative .
target:p-digital-economy a pg:Target ; pg:indicator indicator:digital-economy-share-grdp ;
    pg:comparator pg:eq ; pg:targetValue 35.0 ; pg:unit "% GRDP" ; pg:targetYear 2030 ;
    pg:scope place:binh-duong ; pg:evidence evidence:p-de .
target:p-egov a pg:Target ; pg:indicator indicator:egov-development-rank ; pg:comparator pg:lte ;
    pg:targetValue 30.0 ; pg:unit "thứ bậc" ; pg:targetYear 2030 ; pg:scope place:binh-duong ;
    pg:evidence evidence:p-egov .
target:p-export a pg:Target ; pg:indicator indicator:high-tech-export-share ; pg:comparator pg:gte ;
    pg:targetValue 20.0 ; pg:unit "tỷ USD" ; pg:targetYear 2030 ; pg:scope place:binh-duong ;
    pg:evidence evidence:p-export .
"""


QUOTES = {  # evidence slug → the quote
    "n-tfp": (
        "Đóng góp của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế ở mức trên 55%"
    ),
    "n-innovative": (
        "Tỉ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt trên 40% trong tổng số doanh nghiệp"
    ),
    "n-de": "Quy mô kinh tế số đạt tối thiểu 30% GDP",
    "n-export": (
        "tỉ trọng xuất khẩu sản phẩm công nghệ cao trên tổng giá trị hàng hoá "
        "xuất khẩu đạt tối thiểu 50%"
    ),
    "n-online": (
        "Tỉ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp đạt trên 80%"
    ),
    "n-egov": "thuộc nhóm 50 nước dẫn đầu về chỉ số phát triển Chính phủ điện tử",
    "p-tfp-2030": (
        "Nâng cao tỉ lệ đóng góp của khoa học công nghệ vào tăng trưởng kinh tế "
        "thông qua yếu tố tổng hợp (TFP) khoảng 45% (năm 2025), trên 50% (năm "
        "2030)"
    ),
    "p-tfp-2025": (
        "Nâng cao tỉ lệ đóng góp của khoa học công nghệ vào tăng trưởng kinh tế "
        "thông qua yếu tố tổng hợp (TFP) khoảng 45% (năm 2025)"
    ),
    "p-renewal": "tốc độ đổi mới công nghệ, thiết bị trên 20%/năm",
    "p-innovative": ("Đến năm 2030, tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt trên 40%"),
    "p-de": "kinh tế số chiếm 35% GRDP vào năm 2030",
    "p-egov": "thuộc nhóm 30 dẫn đầu về chỉ số phát triển Chính phủ điện tử",
    "p-export": "xuất khẩu sản phẩm công nghệ cao đạt tối thiểu 20 tỷ USD",
}


def evidence_turtle() -> str:
    """The quotes as evidence nodes (oa:exact), in Turtle."""
    lines = ["@prefix oa: <http://www.w3.org/ns/oa#> ."]
    for slug, quote in QUOTES.items():
        lines.append(f"<{ID}evidence/{slug}> oa:exact {json.dumps(quote, ensure_ascii=False)} .")
    return "\n".join(lines)


def audit_store(
    extra_turtle: str | None = None, curated: tuple[str, ...] = ("places", "indicators")
) -> OxigraphStore:
    """The real curated places and indicators, plus the targets above in their own graph."""
    store = ox.Store()
    for name in curated:
        path = ROOT / "data" / "curated" / f"{name}.ttl"
        graph = ox.NamedNode(f"{ID}source/curated-{name}")
        store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=graph)
    extra_turtle = extra_turtle if extra_turtle is not None else TARGETS + evidence_turtle()
    store.load(
        extra_turtle.encode("utf-8"),
        format=ox.RdfFormat.TURTLE,
        to_graph=ox.NamedNode(f"{ID}source/fixture"),
    )
    return OxigraphStore.from_store(store)


@pytest.fixture(scope="module")
def report():
    return audit_alignment(audit_store())


def verdicts_of(report, provincial_slug=None, national_slug=None, province_slug=None):
    found = []
    for finding in report.findings:
        if provincial_slug and (
            not finding.provincial or finding.provincial.target != f"{ID}target/{provincial_slug}"
        ):
            continue
        if national_slug and (
            not finding.national or finding.national.target != f"{ID}target/{national_slug}"
        ):
            continue
        if province_slug and finding.province != f"{ID}place/{province_slug}":
            continue
        found.append(finding)
    return found


@pytest.mark.parametrize(
    ("provincial", "national", "verdict"),
    [
        ("p-tfp-2030", "n-tfp", Verdict.WEAKER),
        ("p-innovative", "n-innovative", Verdict.EQUAL),
        ("p-digital-economy", "n-digital-economy", Verdict.STRONGER),
        ("p-egov", "n-egov", Verdict.STRONGER),
        ("p-tfp-2025", "n-tfp", Verdict.OTHER_HORIZON),
        ("p-export", "n-export", Verdict.NOT_COMPARABLE),
    ],
)
def test_each_pair_gets_its_verdict(report, provincial, national, verdict):
    (finding,) = verdicts_of(report, provincial, national)
    assert finding.verdict is verdict
    assert finding.national.quote and finding.provincial.quote


def test_weaker_tfp_quotes_both_resolutions(report):
    (finding,) = verdicts_of(report, "p-tfp-2030", "n-tfp")
    assert "trên 55%" in finding.national.quote
    assert "trên 50% (năm 2030)" in finding.provincial.quote
    assert finding.national.document_label == "57-NQ/TW"
    assert finding.national.level == "national"  # from the document's territorial scope


def test_other_horizon_says_which_year_and_compares_the_values(report):
    (finding,) = verdicts_of(report, "p-tfp-2025", "n-tfp")
    assert "2025" in finding.reason and "2030" in finding.reason and "sooner" in finding.reason
    assert finding.value_comparison == "weaker"


def test_close_match_is_named_and_units_follow_it(report):
    (finding,) = verdicts_of(report, "p-digital-economy")
    assert finding.match == "closeMatch"


def test_not_comparable_names_both_units(report):
    (finding,) = verdicts_of(report, "p-export")
    assert "tỷ USD" in finding.reason and "%" in finding.reason


def test_local_only_and_missing(report):
    (local,) = verdicts_of(report, "p-renewal")
    assert local.verdict is Verdict.LOCAL_ONLY and local.national is None
    (missing,) = verdicts_of(report, national_slug="n-online", province_slug="binh-duong")
    assert missing.verdict is Verdict.MISSING and missing.national.quote
    binh_dinh = verdicts_of(report, province_slug="binh-dinh")
    assert {f.verdict for f in binh_dinh} == {Verdict.MISSING}
    assert len(binh_dinh) == len(report.national) == 6


def test_every_verdict_occurs(report):
    assert {f.verdict for f in report.findings} == set(Verdict)


def test_province_filter_and_names():
    provinces = {f"{ID}place/binh-duong": "Bình Dương (→ Hồ Chí Minh, 2025-07-01)"}
    assert resolve_province("Binh Duong", provinces) == f"{ID}place/binh-duong"
    assert resolve_province("bình dương", provinces) == f"{ID}place/binh-duong"
    with pytest.raises(LookupError):
        resolve_province("Gia Lai", provinces)
    only = audit_alignment(audit_store(), province="binh-dinh")
    assert {f.province for f in only.findings} == {f"{ID}place/binh-dinh"}


def test_units():
    assert comparable_units("% GRDP", "% GDP")
    assert comparable_units("%", "%")
    assert not comparable_units("%", "tỷ USD")
    assert not comparable_units("% GDP", "%/năm")


def test_national_only_indicators_are_neither_compared_nor_missing():
    """With the curated applicability, the e-government rank (a rank among countries) is no
    province's business: no comparison, no 'missing'; the rest is unchanged."""
    curated = ("places", "indicators", "indicator-applicability")
    report = audit_alignment(audit_store(curated=curated))
    (egov,) = [t for t in report.national if t.target == f"{ID}target/n-egov"]
    assert not egov.applies_to_provinces and "quốc gia" in egov.applicability_note
    assert not verdicts_of(report, national_slug="n-egov")
    (local,) = verdicts_of(report, "p-egov")
    assert local.verdict is Verdict.LOCAL_ONLY
    binh_dinh = verdicts_of(report, province_slug="binh-dinh")
    assert len(binh_dinh) == len(report.national) - 1 == 5
    assert {f.verdict for f in binh_dinh} == {Verdict.MISSING}


def test_a_target_restated_in_a_caption_counts_once():
    caption = """
@prefix pg: <https://w3id.org/policygraph/ontology#> .
<https://w3id.org/policygraph/id/target/p-tfp-2030-caption> a pg:Target ;
    pg:indicator <https://w3id.org/policygraph/id/indicator/tfp-contribution> ;
    pg:comparator pg:gt ; pg:targetValue 50.0 ; pg:unit "%" ; pg:targetYear 2030 ;
    pg:scope <https://w3id.org/policygraph/id/place/binh-duong> .
"""
    report = audit_alignment(audit_store(TARGETS + evidence_turtle() + caption))
    weaker = [f for f in report.findings if f.verdict is Verdict.WEAKER]
    assert len(weaker) == 1
    assert weaker[0].provincial.target == f"{ID}target/p-tfp-2030"
    assert weaker[0].provincial.duplicates == (f"{ID}target/p-tfp-2030-caption",)


def test_applicability_is_curated_for_known_indicators_with_a_reason():
    """Every indicator ``indicator-applicability.ttl`` speaks of is one of the scheme, and each
    national-only one says why in Vietnamese and English."""
    import rdflib

    curated = ROOT / "data" / "curated"
    scheme = rdflib.Graph().parse(curated / "indicators.ttl")
    applicability = rdflib.Graph().parse(curated / "indicator-applicability.ttl")
    pg = rdflib.Namespace("https://w3id.org/policygraph/ontology#")
    skos = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
    indicators = set(scheme.subjects(rdflib.RDF.type, pg.Indicator))
    said = dict(applicability.subject_objects(pg.appliesToProvinces))
    assert set(said) <= indicators, set(said) - indicators  # no misspelt indicator
    assert len(list(applicability.triples((None, pg.appliesToProvinces, None)))) == len(said)
    for indicator, applies in said.items():
        notes = {n.language for n in applicability.objects(indicator, skos.editorialNote)}
        assert (notes == {"vi", "en"}) is (not applies.toPython()), indicator
