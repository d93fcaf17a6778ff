"""What provincial plans measure (issue 13): the curated concepts added for batches P, M, Q and R,
resolved from the whole indicator phrase (never a fragment), and compared by the alignment audit
with the national target they match (or read as local only) on the real build of data/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from graph_api.audit.alignment import Verdict, audit_alignment
from ingest.resolve import Catalogue, resolve_indicator
from ontology.namespaces import PG

CURATED = Path(__file__).resolve().parents[2] / "data" / "curated"
INDICATOR = "https://w3id.org/policygraph/id/indicator/"
NEW = (
    "economic-growth-gdp",
    "economic-growth-grdp",
    "budget-revenue-growth-local",
    "income-per-capita-local",
    "digital-economy-share-each-sector",
    "ecommerce-retail-share",
    "sme-digital-platform-use",
    "household-fibre-broadband",
    "e-payment-account-share",
)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.load(CURATED)


@pytest.fixture(scope="module")
def scheme() -> Graph:
    graph = Graph()
    for name in ("indicators.ttl", "indicator-applicability.ttl"):
        graph.parse(CURATED / name)
    return graph


@pytest.mark.parametrize("key", NEW)
def test_each_new_concept_is_fully_described(scheme, key):
    concept = URIRef(INDICATOR + key)
    langs = {label.language for label in scheme.objects(concept, SKOS.prefLabel)}
    assert langs == {"vi", "en"}, key
    assert any(scheme.objects(concept, SKOS.altLabel)), key
    assert scheme.value(concept, PG.direction) is not None, key
    assert scheme.value(concept, PG.defaultUnit) is not None, key
    assert scheme.value(concept, PG.appliesToProvinces) == Literal(True), key


# (indicator phrase as the extractor names it in the texts, unit, provincial scope?, key)
PHRASES = [
    ("tốc độ tăng trưởng GRDP đạt", "%/năm", True, "economic-growth-grdp"),
    (
        "Tốc độ tăng trưởng tổng sản phẩm trong tỉnh (GRDP) bình quân",
        "%",
        True,
        "economic-growth-grdp",
    ),
    ("tăng trưởng GDP", "%", False, "economic-growth-gdp"),
    ("thu ngân sách bình quân tăng", "%/năm", True, "budget-revenue-growth-local"),
    ("Ngân sách trên địa bàn tăng bình quân", "%", True, "budget-revenue-growth-local"),
    ("thu nhập bình quân đầu người", "triệu đồng/năm", True, "income-per-capita-local"),
    ("Tỷ trọng KTS trong từng ngành, lĩnh vực", "%", True, "digital-economy-share-each-sector"),
    ("Tỷ trọng thương mại điện tử trong tổng mức bán lẻ", "%", False, "ecommerce-retail-share"),
    ("tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số", "%", True, "sme-digital-platform-use"),
    (
        "Tỷ lệ hộ gia đình có đường Internet cáp quang băng rộng",
        "%",
        False,
        "household-fibre-broadband",
    ),
    (
        "tỷ lệ người dân và doanh nghiệp có tài khoản thanh toán điện tử",
        "%",
        True,
        "e-payment-account-share",
    ),
    # the provincial twin found through skos:closeMatch, the keys not named as a pair
    ("tỷ lệ giao dịch không dùng tiền mặt", "%", True, "cashless-payment-share-local"),
    ("tỷ lệ giao dịch không dùng tiền mặt", "%", False, "cashless-transaction-share"),
]


@pytest.mark.parametrize(
    ("text", "unit", "provincial", "key"), PHRASES, ids=[p[0] for p in PHRASES]
)
def test_the_whole_phrase_resolves_to_the_new_concept(catalogue, text, unit, provincial, key):
    assert resolve_indicator(text, unit, catalogue, provincial=provincial) == key


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("thương mại điện tử", "%"),  # Hải Phòng's phrase cut before "… tổng mức bán lẻ"
        ("tỉ lệ hộ gia đình", "%"),  # households of what?
        ("tổng thu ngân sách", "tỉ đồng"),  # a total, not its growth
        ("Quy mô GRDP theo giá hiện hành", "tỉ đồng"),  # a size, not its growth
        # another population on another platform (telemedicine), not SMEs on digital platforms
        ("Tỷ lệ dân số trưởng thành sử dụng nền tảng hỗ trợ tư vấn khám, chữa bệnh từ xa", "%"),
        # a share of the bodies that act, not what they act on (the 2023 national plan)
        (
            "tỉ lệ bộ, ngành, địa phương ban hành và tổ chức triển khai kế hoạch phát triển "
            "kinh tế số",
            "%",
        ),
        (
            "tỉ lệ bộ, ngành, địa phương triển khai các hoạt động thúc đẩy chuyển đổi số, "
            "thanh toán không dùng",
            "%",
        ),
        # other things enterprises use: electronic contracts, research results
        ("tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử", "%"),
        ("tỉ lệ DN sử dụng kết quả nghiên cứu từ viện, trường trong sản xuất, kinh doanh", "%"),
    ],
)
def test_a_fragment_or_another_measure_resolves_to_nothing(catalogue, text, unit):
    assert resolve_indicator(text, unit, catalogue, provincial=True) is None


def _key(iri: str | None) -> str:
    return (iri or "").rsplit("/", 1)[-1]


def _findings(store, province: str, fragment: str) -> list:
    return [
        f
        for f in audit_alignment(store, province).findings
        if f.provincial is not None and fragment in (f.provincial.quote or "").replace("\xa0", " ")
    ]


@pytest.mark.slow
def test_provincial_grdp_growth_is_compared_with_national_gdp_growth(built_oxigraph):
    # Gia Lai's congress: "tốc độ tăng trưởng GRDP đạt 10 - 10,5%/năm" (2030) against the
    # Government's "tăng trưởng GDP năm 2025 đạt từ 8,3 - 8,5%": the GDP/GRDP pair, closeMatch
    findings = _findings(built_oxigraph, "gia-lai", "tăng trưởng GRDP đạt 10")
    assert findings
    assert {_key(f.provincial.indicator) for f in findings} == {"economic-growth-grdp"}
    compared = [f for f in findings if f.national is not None]
    assert compared, [(f.verdict, f.reason) for f in findings]
    for finding in compared:
        assert _key(finding.national.indicator) == "economic-growth-gdp"
        assert finding.match == "closeMatch"
        assert finding.verdict is Verdict.OTHER_HORIZON  # 2030 against 2025


@pytest.mark.slow
def test_ho_chi_minh_city_cashless_share_meets_the_national_ones(built_oxigraph):
    # "tỷ lệ giao dịch không dùng tiền mặt đạt trên 80%" (2030) against 57-NQ/TW's 80% and
    # 03/NQ-CP's ≥ 80%: the city's twin found through closeMatch, so both are compared
    findings = _findings(
        built_oxigraph, "ho-chi-minh", "giao dịch không dùng tiền mặt đạt trên 80%"
    )
    got = {
        (f.national.document_label, _key(f.national.indicator)): f.verdict
        for f in findings
        if f.national is not None
    }
    assert got == {
        ("57-NQ/TW", "cashless-transaction-share"): Verdict.STRONGER,
        ("03/NQ-CP", "cashless-transaction-share"): Verdict.STRONGER,
    }
    assert {_key(f.provincial.indicator) for f in findings} == {"cashless-payment-share-local"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("province", "fragment", "key"),
    [
        # KH 106/KH-UBND's 15% (batch U's Hải Phòng text sets 9% on the same measure)
        ("hai-phong", "lĩnh vực đạt tối thiểu 15%", "digital-economy-share-each-sector"),
        ("tay-ninh", "thu nhập bình quân đầu người khoảng 94", "income-per-capita-local"),
        ("cao-bang", "thu ngân sách bình quân tăng 12%", "budget-revenue-growth-local"),
    ],
)
def test_a_measure_no_national_text_sets_is_local_only(built_oxigraph, province, fragment, key):
    findings = _findings(built_oxigraph, province, fragment)
    assert [(_key(f.provincial.indicator), f.verdict) for f in findings] == [
        (key, Verdict.LOCAL_ONLY)
    ]
