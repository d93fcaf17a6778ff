"""The curated reference data (``data/curated/*.ttl``) checked against itself and the real corpus.

The corpus is read from ``data/sources/`` (the seed articles and the national texts):
the provinces the seed articles name and the agencies Appendix II of 03/NQ-CP assigns tasks to
must all resolve to curated entities, and the 2025 mergers must lead from the bodies the texts
name to the bodies that exist today.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS, XSD

REPO = Path(__file__).resolve().parents[2]
CURATED = REPO / "data" / "curated"
SOURCES = REPO / "data" / "sources"
SEEDS = sorted(SOURCES.glob("0*.txt"))  # the five seed articles, NNN_<hash>.txt
APPENDIX_I = SOURCES / "nq03-ncp-2025-phu-luc-1-chi-tieu.md"
APPENDIX_II = SOURCES / "nq03-ncp-2025-phu-luc-2-nhiem-vu.md"

PG = Namespace("https://w3id.org/policygraph/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
ID = "https://w3id.org/policygraph/id/"
PLACE = Namespace(ID + "place/")
AGENCY = Namespace(ID + "agency/")

CURATED_FILES = sorted(CURATED.glob("*.ttl"))


@cache
def parsed(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


@cache
def union() -> Graph:
    graph = Graph()
    for path in CURATED_FILES:
        graph += parsed(path)
    return graph


def key(text: str) -> str:
    """Matching key: NFC, case-folded, single spaces, Markdown escapes and final dot removed."""
    text = unicodedata.normalize("NFC", text).replace("\\", "")
    return re.sub(r"\s+", " ", text).strip().rstrip(".").strip().casefold()


def labels_of(graph: Graph, kind: URIRef) -> dict[str, set[URIRef]]:
    """Every prefLabel/altLabel/rdfs:label (as a key) of the nodes of type ``kind``."""
    index: dict[str, set[URIRef]] = {}
    for node in graph.subjects(RDF.type, kind):
        for prop in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
            for label in graph.objects(node, prop):
                index.setdefault(key(str(label)), set()).add(node)
    return index


def successors(graph: Graph, node: URIRef, prop: URIRef) -> list[URIRef]:
    """The chain node → prop → … to its end; fails on a cycle or a fork."""
    chain = [node]
    while True:
        following = list(graph.objects(chain[-1], prop))
        assert len(following) <= 1, f"{chain[-1]} has several {prop}: {following}"
        if not following:
            return chain
        assert following[0] not in chain, f"cycle: {[*chain, following[0]]}"
        chain.append(following[0])


# ---- every file ----------------------------------------------------------------------------


def test_curated_files_are_present() -> None:
    stems = {path.stem for path in CURATED_FILES}
    expected = {"places", "agencies", "changes", "indicators", "themes", "provincial-bodies"}
    assert expected <= stems, f"missing: {expected - stems}"


@pytest.mark.parametrize("path", CURATED_FILES, ids=lambda p: p.name)
def test_each_file_parses_and_says_where_its_facts_come_from(path: Path) -> None:
    graph = parsed(path)
    source = URIRef(f"{ID}source/curated-{path.stem}")
    assert (source, RDF.type, PG.Source) in graph
    assert any(t.language == "vi" for t in graph.objects(source, DCTERMS.title))
    citations = list(graph.objects(source, PG.citation))
    assert citations, f"{path.name}: no pg:citation"
    assert path.read_text(encoding="utf-8").startswith("#"), f"{path.name}: no comment block"


@pytest.mark.parametrize("path", CURATED_FILES, ids=lambda p: p.name)
def test_all_text_is_nfc(path: Path) -> None:
    bad = [
        str(o)
        for o in parsed(path).objects()
        if isinstance(o, Literal) and unicodedata.normalize("NFC", str(o)) != str(o)
    ]
    assert not bad, f"{path.name}: not NFC: {bad[:5]}"


@pytest.mark.parametrize(
    "kind", [PG.Place, PG.Agency, PG.Indicator, PG.Theme, ORG.ChangeEvent], ids=lambda k: k.fragment
)
def test_every_entity_has_a_vietnamese_label(kind: URIRef) -> None:
    graph = union()
    nodes = set(graph.subjects(RDF.type, kind))
    assert nodes
    unlabelled = [
        n for n in nodes if not any(lab.language == "vi" for lab in graph.objects(n, RDFS.label))
    ]
    assert not unlabelled, f"{len(unlabelled)} without rdfs:label@vi, e.g. {unlabelled[:5]}"
    if kind != ORG.ChangeEvent:
        no_pref = [n for n in nodes if not any(graph.objects(n, SKOS.prefLabel))]
        assert not no_pref, f"without skos:prefLabel: {no_pref[:5]}"


def test_every_entity_iri_follows_the_slug_rules() -> None:
    pattern = re.compile(r"^https://w3id\.org/policygraph/id/[a-z]+/[a-z0-9]+(-[a-z0-9]+)*$")
    bad = [
        s
        for s in union().subjects()
        if isinstance(s, URIRef) and s.startswith(ID) and not pattern.match(str(s))
    ]
    assert not bad, bad[:5]


# ---- places --------------------------------------------------------------------------------


def test_63_provinces_and_34_after_the_mergers() -> None:
    graph = union()
    provinces = set(graph.subjects(RDF.type, PG.Province))
    assert len(provinces) == 63
    remaining = {p for p in provinces if (p, PG.mergedInto, None) not in graph}
    assert len(remaining) == 34
    assert all((p, PG.partOf, PLACE["viet-nam"]) in graph for p in provinces)
    for province in provinces - remaining:
        assert graph.value(province, PG.mergedOn) == Literal("2025-07-01", datatype=XSD.date)


def test_binh_duong_merged_into_ho_chi_minh_city_on_1_july_2025() -> None:
    graph = union()
    assert graph.value(PLACE["binh-duong"], PG.mergedInto) == PLACE["ho-chi-minh"]
    assert graph.value(PLACE["binh-duong"], PG.mergedOn) == Literal("2025-07-01", datatype=XSD.date)
    assert graph.value(PLACE["binh-dinh"], PG.mergedInto) == PLACE["gia-lai"]


def test_province_merger_chains_end_in_a_remaining_province() -> None:
    graph = union()
    for province in graph.subjects(RDF.type, PG.Province):
        chain = successors(graph, province, PG.mergedInto)
        assert len(chain) <= 2, f"merged twice: {chain}"
        assert (chain[-1], RDF.type, PG.Province) in graph


def test_each_province_merger_has_a_change_event() -> None:
    graph = union()
    prov_used = URIRef("http://www.w3.org/ns/prov#used")
    for province, target in graph.subject_objects(PG.mergedInto):
        events = set(graph.subjects(prov_used, province)) & set(graph.subjects(prov_used, target))
        assert len(events) == 1, f"{province} → {target}: {events}"
        event = events.pop()
        assert graph.value(event, DCTERMS.date) == Literal("2025-07-01", datatype=XSD.date)
        assert "202/2025/QH15" in str(graph.value(event, DCTERMS.source))


def seed_province_names() -> set[str]:
    """Names after "tỉnh" in the seed articles, except people introduced by their title."""
    names = set()
    capitalised = r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÌÓÒÚÙÝ]\w*"
    pattern = re.compile(rf"(Chủ tịch UBND |Bí thư )?\btỉnh ({capitalised}(?: {capitalised})*)")
    assert len(SEEDS) == 5
    for path in SEEDS:
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        names |= {m.group(2) for m in pattern.finditer(text) if not m.group(1)}
    return names


def test_every_province_the_seed_texts_name_is_curated() -> None:
    names = seed_province_names()
    assert {"Bình Dương", "Bình Định"} <= names  # the rule finds what a reader finds
    places = labels_of(union(), PG.Place)
    assert not [n for n in names if key(n) not in places]


# ---- agencies ------------------------------------------------------------------------------


def resolvable_names() -> dict[str, set[URIRef]]:
    """Agency labels (any kind, collective included) and place labels, by key."""
    graph = union()
    index = labels_of(graph, PG.Agency)
    for name, nodes in labels_of(graph, PG.Place).items():
        index.setdefault(name, set()).update(nodes)
    return index


def juxtaposed_names(piece: str, names: dict[str, set[URIRef]]) -> list[str]:
    """ "các địa phương bắc ninh" → ["các địa phương", "bắc ninh"]: a name, a space, a name."""
    for cut in (m.start() for m in re.finditer(" ", piece)):
        head, tail = piece[:cut], piece[cut + 1 :]
        if head in names and tail in names:
            return [head, tail]
    return []


def segment(cell: str, names: dict[str, set[URIRef]]) -> tuple[list[str], list[str]]:
    """Split an agency cell into known names joined by ",", ";" or " và " (names may contain them).

    Returns (matched names, unmatched pieces). Among all ways to cut the cell at separators, the
    one leaving the least text unmatched wins, then the one with the fewest (so longest) names:
    "Bộ Khoa học và Công nghệ" and "các bộ, ngành, địa phương" stay whole.
    """
    text = key(cell)
    gaps = list(re.finditer(r"\s*(?:,|;| và )\s*", text))
    starts = [0, *(g.end() for g in gaps)]  # piece i starts at starts[i]
    ends = [*(g.start() for g in gaps), len(text)]  # and may end at ends[j], j >= i
    # best[i]: (unmatched count, matched, unmatched) for the text from starts[i]
    best: dict[int, tuple[int, list[str], list[str]]] = {len(starts): (0, [], [])}
    for i in range(len(starts) - 1, -1, -1):
        options = []
        for j in range(i, len(ends)):
            piece = text[starts[i] : ends[j]].strip()
            cost, matched, unmatched = best[j + 1]
            if piece in names:
                options.append((cost, [piece, *matched], unmatched))
            elif juxtaposed := juxtaposed_names(piece, names):
                options.append((cost, [*juxtaposed, *matched], unmatched))
            else:
                options.append((cost + 1, matched, [piece, *unmatched]))
        best[i] = min(options, key=lambda o: (sum(map(len, o[2])), o[0], len(o[1])))
    _, matched, unmatched = best[0]
    return matched, unmatched


def appendix_ii_agency_cells() -> list[str]:
    cells = []
    for line in APPENDIX_II.read_text(encoding="utf-8").splitlines():
        parts = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(parts) < 4 or parts[0] in {"TT", "---"}:
            continue
        cells += [c for c in parts[2:4] if c and c not in {"Cơ quan chủ trì", "Cơ quan phối hợp"}]
    return cells


def test_segment_keeps_names_that_contain_separators() -> None:
    names = {key(n): set() for n in ("Bộ Khoa học và Công nghệ", "các bộ, ngành", "Bộ Công an")}
    matched, unmatched = segment("Bộ Công an, Bộ Khoa học và Công nghệ và các bộ, ngành", names)
    assert matched == ["bộ công an", "bộ khoa học và công nghệ", "các bộ, ngành"]
    assert not unmatched
    assert segment("Bộ Công an, Bộ Lạ", names)[1] == ["bộ lạ"]
    assert segment("các bộ, ngành Bộ Công an", names) == (["các bộ, ngành", "bộ công an"], [])


def test_every_appendix_ii_agency_is_curated() -> None:
    cells = appendix_ii_agency_cells()
    assert len(cells) > 200
    names = resolvable_names()
    unmatched = {piece for cell in cells for piece in segment(cell, names)[1]}
    assert not unmatched, f"Appendix II names with no curated agency: {sorted(unmatched)}"


def test_appendix_ii_ministries_resolve_to_one_agency_each() -> None:
    names = resolvable_names()
    for name in (
        "Bộ Thông tin và Truyền thông",
        "Bộ Tài nguyên và môi trường",
        "Bộ Công An",
        "VTV",
    ):
        assert len(names[key(name)]) == 1, name
    assert names[key("Bộ KH&CN")] == {AGENCY["bo-khcn"]}
    assert names[key("Bộ TT&TT")] == {AGENCY["bo-tttt"]}
    assert (AGENCY["cac-bo-nganh-dia-phuong"], RDF.type, PG.CollectiveAgency) in union()


def test_national_and_provincial_levels_and_jurisdictions() -> None:
    graph = union()
    for agency in graph.subjects(RDF.type, PG.Agency):
        level = graph.value(agency, PG.level)
        assert level in {PG.national, PG.provincial}, agency
        jurisdiction = graph.value(agency, PG.jurisdiction)
        if level == PG.national:
            assert jurisdiction == PLACE["viet-nam"], agency
        elif (agency, RDF.type, PG.CollectiveAgency) not in graph:
            assert (jurisdiction, RDF.type, PG.Province) in graph, agency


def test_every_province_has_the_standard_bodies() -> None:
    graph = union()
    codes = ("hdnd", "ubnd", "bcd-nq57", "so-khcn", "so-tttt", "so-gddt", "ban-tgdv")
    for province in graph.subjects(RDF.type, PG.Province):
        slug = str(province).rsplit("/", 1)[1]
        for code in codes:
            body = AGENCY[f"{code}-{slug}"]
            assert graph.value(body, PG.jurisdiction) == province, body
        party = {AGENCY[f"tinh-uy-{slug}"], AGENCY[f"thanh-uy-{slug}"]}
        assert sum((p, RDF.type, PG.Agency) in graph for p in party) == 1, slug
    so_khcn = labels_of(graph, PG.Agency)[key("Sở KH&CN")]
    assert AGENCY["so-khcn-binh-duong"] in so_khcn and len(so_khcn) == 63
    assert AGENCY["tinh-uy-binh-duong"] in labels_of(graph, PG.Agency)[key("Tỉnh uỷ Bình Dương")]


def test_generated_files_are_current() -> None:
    spec = importlib.util.spec_from_file_location(
        "generate_provincial_bodies", CURATED / "generate_provincial_bodies.py"
    )
    assert spec and spec.loader
    generator = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generator  # dataclasses look their module up while being defined
    try:
        spec.loader.exec_module(generator)
    finally:
        del sys.modules[spec.name]
    places = generator.load_places(CURATED / "places.ttl")
    for name, render in (
        ("provincial-bodies.ttl", generator.render_bodies),
        ("provincial-changes.ttl", generator.render_changes),
    ):
        expected = render(places)
        assert expected == render(places), "generator output is not deterministic"
        assert (CURATED / name).read_text(encoding="utf-8") == expected, f"{name} is stale"


# ---- changes -------------------------------------------------------------------------------


def test_succession_chains_are_acyclic_and_end_in_a_labelled_agency() -> None:
    graph = union()
    for agency in set(graph.subjects(PG.succeededBy, None)):
        chain = successors(graph, agency, PG.succeededBy)
        end = chain[-1]
        assert (end, RDF.type, PG.Agency) in graph, chain
        assert (end, PG.dissolvedOn, None) not in graph, chain
        assert all((a, PG.dissolvedOn, None) in graph for a in chain[:-1]), chain


def test_change_events_are_complete_and_agree_with_the_shortcuts() -> None:
    graph = union()
    agency_events = [
        e
        for e in graph.subjects(RDF.type, ORG.ChangeEvent)
        if (e, ORG.resultingOrganization, None) in graph
    ]
    assert len(agency_events) > 300
    for event in agency_events:
        date = graph.value(event, DCTERMS.date)
        assert isinstance(date, Literal) and date.datatype == XSD.date, event
        assert graph.value(event, DCTERMS.source), event
        result = graph.value(event, ORG.resultingOrganization)
        assert (result, RDF.type, PG.Agency) in graph, event
        for original in graph.objects(event, ORG.originalOrganization):
            assert (original, RDF.type, PG.Agency) in graph, (event, original)
            assert graph.value(original, PG.succeededBy) == result, (event, original)
            assert graph.value(original, PG.dissolvedOn) == date, (event, original)


def test_ministries_merged_on_1_march_2025() -> None:
    graph = union()
    expected = {
        "bo-tttt": "bo-khcn",
        "bo-khdt": "bo-tai-chinh",
        "bo-ldtbxh": "bo-noi-vu",
        "bo-tnmt": "bo-nnmt",
        "bo-nnptnt": "bo-nnmt",
        "bo-gtvt": "bo-xay-dung",
        "ubdt": "bo-dttg",
        "ban-tuyen-giao-tw": "ban-tgdv-tw",
        "ban-dan-van-tw": "ban-tgdv-tw",
    }
    for old, new in expected.items():
        assert graph.value(AGENCY[old], PG.succeededBy) == AGENCY[new], old
    event = URIRef(ID + "event/merge-bo-tttt-into-bo-khcn-2025-03-01")
    assert graph.value(event, DCTERMS.date) == Literal("2025-03-01", datatype=XSD.date)


def test_binh_duong_department_of_information_now_belongs_to_ho_chi_minh_city() -> None:
    graph = union()
    chain = successors(graph, AGENCY["so-tttt-binh-duong"], PG.succeededBy)
    assert chain == [
        AGENCY["so-tttt-binh-duong"],
        AGENCY["so-khcn-binh-duong"],
        AGENCY["so-khcn-ho-chi-minh"],
    ]
    dates = [str(graph.value(a, PG.dissolvedOn)) for a in chain[:-1]]
    assert dates == ["2025-03-01", "2025-07-01"]
    assert graph.value(AGENCY["so-khcn-binh-dinh"], PG.succeededBy) == AGENCY["so-khcn-gia-lai"]
    assert (
        successors(graph, AGENCY["tinh-uy-binh-duong"], PG.succeededBy)[-1]
        == AGENCY["thanh-uy-ho-chi-minh"]
    )


# ---- indicators and themes -----------------------------------------------------------------


def test_indicators_have_direction_unit_and_scheme() -> None:
    graph = union()
    scheme = URIRef(ID + "scheme/indicators")
    indicators = set(graph.subjects(RDF.type, PG.Indicator))
    assert len(indicators) >= 45
    for indicator in indicators:
        assert (indicator, SKOS.inScheme, scheme) in graph
        assert graph.value(indicator, PG.direction) in {PG.higherIsBetter, PG.lowerIsBetter}
        assert graph.value(indicator, PG.defaultUnit), indicator
        assert any(lab.language == "en" for lab in graph.objects(indicator, SKOS.prefLabel))
        if str(indicator).endswith("-rank"):
            assert graph.value(indicator, PG.direction) == PG.lowerIsBetter, indicator
    for match in (SKOS.closeMatch, SKOS.broadMatch, SKOS.exactMatch):
        for a, b in graph.subject_objects(match):
            assert (b, RDF.type, PG.Indicator) in graph, (a, match, b)
    ind = Namespace(ID + "indicator/")
    assert (
        ind["digital-economy-share-grdp"],
        SKOS.closeMatch,
        ind["digital-economy-share-gdp"],
    ) in graph


def test_every_appendix_i_row_names_a_curated_indicator() -> None:
    labels = labels_of(union(), PG.Indicator)
    rows = 0
    missing = []
    for line in APPENDIX_I.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) < 5 or not re.match(r"^\d", cells[0]):
            continue
        if not cells[3]:  # a group heading (11.) with no value of its own
            continue
        rows += 1
        if key(cells[1]) not in labels:
            missing.append(f"{cells[0]} {cells[1]}")
    assert rows >= 45
    assert not missing, f"Appendix I rows with no indicator label: {missing}"


def test_seed_wordings_resolve_to_indicators() -> None:
    labels = labels_of(union(), PG.Indicator)
    seed = (SOURCES / "001_48c50c3c403c9ef8.txt").read_text(encoding="utf-8")
    ind = Namespace(ID + "indicator/")
    for wording, slug in (
        (
            "tỉ lệ đóng góp của khoa học công nghệ vào tăng trưởng kinh tế "
            "thông qua yếu tố tổng hợp (TFP)",
            "tfp-contribution",
        ),
        ("tốc độ đổi mới công nghệ, thiết bị", "technology-renewal-rate"),
        ("tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo", "innovative-enterprise-share"),
    ):
        assert key(wording) in key(seed), wording
        assert labels[key(wording)] == {ind[slug]}


def test_themes_cover_the_seven_sections_and_three_cross_cutting_themes() -> None:
    graph = union()
    scheme = URIRef(ID + "scheme/themes")
    themes = {str(t).rsplit("/", 1)[1] for t in graph.subjects(SKOS.inScheme, scheme)}
    assert {
        "awareness",
        "institutions",
        "infrastructure",
        "human-resources",
        "digital-transformation-political-system",
        "enterprises",
        "international-cooperation",
        "data",
        "digital-government",
        "innovation-ecosystem",
    } <= themes
    notations = sorted(str(n) for n in graph.objects(None, SKOS.notation))
    assert notations == [str(n) for n in range(1, 8)]
