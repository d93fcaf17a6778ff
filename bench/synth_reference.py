"""What the synthetic graph is drawn from: the word lists for tasks and targets, the curated
reference (places, agencies, indicators, themes) cut to the provinces used, and the N-Quads
writer. :mod:`bench.synth` generates the sources from these.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from rdflib import RDF, RDFS, Dataset, Literal, URIRef

from ingest.curated import load_curated
from ingest.derive import DERIVED_GRAPH
from ontology.namespaces import PG
from ontology.vocabulary import ID_BASE

DCT = "http://purl.org/dc/terms/"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
ORG = "http://www.w3.org/ns/org#"
RDF_TYPE = str(RDF.type)
PGNS = str(PG)

PROVINCIAL_FILES = ("provincial-bodies.ttl", "provincial-changes.ttl")
NATIONAL_DOCS = {
    "57": ("57-ntw-2024", "57-NQ/TW", "2024-12-22", "bo-chinh-tri"),
    "03": ("03-ncp-2025", "03/NQ-CP", "2025-01-09", "chinh-phu"),
}
NATIONAL_TITLES = {
    "57": "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa "
    "học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    "03": "Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ ban hành Chương trình hành động "
    "của Chính phủ thực hiện Nghị quyết số 57-NQ/TW",
}
NATIONAL_TASKS = 140
VERBS = (
    "Xây dựng",
    "Hoàn thiện",
    "Triển khai",
    "Rà soát, sửa đổi",
    "Tổ chức thực hiện",
    "Đẩy mạnh",
    "Nghiên cứu, đề xuất",
    "Phát triển",
    "Nâng cao hiệu quả",
    "Ban hành",
    "Đầu tư nâng cấp",
    "Số hóa",
)
OBJECTS = (
    "cơ sở dữ liệu dùng chung của tỉnh",
    "hạ tầng số và trung tâm dữ liệu",
    "nguồn nhân lực chất lượng cao về bán dẫn và trí tuệ nhân tạo",
    "hệ sinh thái khởi nghiệp đổi mới sáng tạo",
    "dịch vụ công trực tuyến toàn trình",
    "cơ chế, chính sách thu hút chuyên gia khoa học, công nghệ",
    "nền tảng chính quyền số",
    "mạng 5G và cáp quang băng rộng",
    "phong trào Bình dân học vụ số",
    "quỹ phát triển khoa học và công nghệ",
    "hồ sơ thủ tục hành chính điện tử",
    "trung tâm đổi mới sáng tạo",
    "chương trình đào tạo kỹ năng số cho cán bộ, công chức",
    "hệ thống giám sát, đánh giá thực hiện nhiệm vụ",
    "kinh tế số trong các ngành, lĩnh vực",
    "khu công nghệ thông tin tập trung",
)
PURPOSES = (
    "bảo đảm kết nối, chia sẻ dữ liệu",
    "đáp ứng yêu cầu của Nghị quyết số 57-NQ/TW",
    "phục vụ người dân và doanh nghiệp",
    "góp phần tăng trưởng kinh tế số",
    "nâng cao năng lực cạnh tranh",
    "bảo đảm an toàn, an ninh mạng",
)
PROJECT_TOPICS = (
    "Đề án phát triển nguồn nhân lực ngành công nghiệp bán dẫn",
    "Đề án chuyển đổi số",
    "Đề án phát triển giáo dục STEM",
    "Đề án xây dựng trung tâm dữ liệu",
    "Đề án phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo",
    "Đề án ứng dụng trí tuệ nhân tạo trong quản lý nhà nước",
    "Đề án phát triển kinh tế số",
    "Đề án nâng cao tiềm lực khoa học và công nghệ",
)
PUBLISHERS = ("Cổng thông tin điện tử tỉnh", "Báo", "Sở Khoa học và Công nghệ")
COMPARATORS = ("gte", "gt", "approx", "eq", "lte")
RANK_UNIT = "thứ bậc"
RANK_SCOPES = ("cả nước", "Đông Nam Á", "thế giới")


@dataclass
class Reference:
    """What the synthetic facts point at, read from the curated data."""

    provinces: list[tuple[str, str]]  # (IRI, Vietnamese label) of the 34 units in force
    agencies_by_province: dict[str, list[str]]
    national_agencies: list[str]
    indicators: list[tuple[str, str]]  # (IRI, unit)
    themes: list[str]


@dataclass
class Writer:
    """Writes N-Quads lines and counts them; the budget tells the generator when to stop."""

    out: TextIO
    count: int = 0
    graph: str = ""

    def quad(self, s: str, p: str, o: str) -> None:
        self.out.write(f"<{s}> <{p}> {o} <{self.graph}> .\n")
        self.count += 1

    def iri(self, s: str, p: str, o: str) -> None:
        self.quad(s, p, f"<{o}>")

    def derived(self, s: str, p: str, o: str) -> None:
        self.out.write(f"<{s}> <{p}> {o} <{DERIVED_GRAPH}> .\n")
        self.count += 1


def literal(value: str, lang: str | None = None, datatype: str | None = None) -> str:
    """An N-Quads literal, escaped."""
    text = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if lang:
        return f'"{text}"@{lang}'
    if datatype:
        return f'"{text}"^^<{datatype}>'
    return f'"{text}"'


def provinces_for_scale(scale: int) -> int:
    """Small graphs cover a few provinces (curated bodies alone are ~300 triples a province)."""
    return min(34, max(2, scale // 2500))


def load_full_curated(curated_dir: Path) -> Dataset:
    """Every curated file and the ontology, one named graph each (as the build loads them)."""
    full = Dataset()
    load_curated(curated_dir, full)
    return full


def curated_subset(full: Dataset, province_slugs: set[str]) -> Dataset:
    """The curated data, with provincial bodies and their changes kept for ``province_slugs``."""
    kept = Dataset()
    for graph in full.graphs():
        if len(graph) == 0:
            continue
        target = kept.graph(graph.identifier)
        provincial = str(graph.identifier).endswith(
            tuple(f"curated-{Path(f).stem}" for f in PROVINCIAL_FILES)
        )
        for s, p, o in graph:
            if provincial and not _mentions(str(s), province_slugs):
                continue
            target.add((s, p, o))
    # a kept merger names bodies of provinces not used (Bà Rịa – Vũng Tàu's, merged with Bình
    # Dương's): the link to a body the subset does not describe is dropped, so every body named
    # is a labelled node (AgencyLabelShape) and the curated part stays small
    described = {s for g in kept.graphs() for s in g.subjects()}
    agencies = f"{ID_BASE}agency/"
    for graph in kept.graphs():
        for s, p, o in list(graph):
            if isinstance(o, URIRef) and str(o).startswith(agencies) and o not in described:
                graph.remove((s, p, o))
    return kept


def _mentions(iri: str, slugs: set[str]) -> bool:
    local = iri.rsplit("/", 1)[-1]
    return any(local.endswith("-" + s) or f"-{s}-" in local for s in slugs)


def reference_from(curated: Dataset) -> Reference:
    """Provinces in force, their bodies, national agencies, indicators and themes."""
    province_type, nation_level = PG.Province, PG.national
    merged = {s for s, _, _, _ in curated.quads((None, PG.mergedInto, None, None))}
    labels = {
        str(s): str(o)
        for s, _, o, _ in curated.quads((None, RDFS.label, None, None))
        if isinstance(o, Literal) and o.language == "vi"
    }
    provinces = sorted(
        (str(s), labels.get(str(s), str(s)))
        for s, _, _, _ in curated.quads((None, RDF.type, province_type, None))
        if s not in merged
    )
    by_province: dict[str, list[str]] = {}
    for agency, _, place, _ in curated.quads((None, PG.jurisdiction, None, None)):
        by_province.setdefault(str(place), []).append(str(agency))
    national = sorted(
        {str(s) for s, _, _, _ in curated.quads((None, PG.level, nation_level, None))}
    )
    units = {str(s): str(o) for s, _, o, _ in curated.quads((None, PG.defaultUnit, None, None))}
    indicators = sorted(
        (str(s), units.get(str(s), "%"))
        for s, _, _, _ in curated.quads((None, RDF.type, PG.Indicator, None))
    )
    themes = sorted({str(s) for s, _, _, _ in curated.quads((None, RDF.type, PG.Theme, None))})
    return Reference(
        provinces=provinces,
        agencies_by_province={k: sorted(set(v)) for k, v in by_province.items()},
        national_agencies=national,
        indicators=indicators,
        themes=themes,
    )
