# Long lines below are Vietnamese names and legal citations, kept whole so they can be grepped.
# ruff: noqa: E501
"""Generate the standard provincial bodies and their 2025 changes from ``places.ttl``.

Every province has the same set of bodies (Tỉnh ủy, HĐND, UBND, Sở Khoa học và Công nghệ, …), so
they are written by this script rather than by hand, from the one table of standard bodies
``provincial-bodies.toml`` (which the resolver reads too, so both use the same codes):
``provincial-bodies.ttl`` (the bodies, with abbreviations that omit the province so that the
extractor can take it from context) and ``provincial-changes.ttl`` (the 1 March 2025 department mergers and the 1 July 2025 province
mergers, as ``org:ChangeEvent`` nodes with ``pg:succeededBy`` shortcuts). The output is
deterministic: run ``python data/curated/generate_provincial_bodies.py`` after editing
``places.ttl`` or ``provincial-bodies.toml`` and commit the result.
"""

from __future__ import annotations

import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.namespace import SKOS

from ingest.resolve.bodies import BODIES_FILE, StandardBody, load_bodies

CURATED_DIR = Path(__file__).resolve().parent
PG = Namespace("https://w3id.org/policygraph/ontology#")
PLACE_BASE = "https://w3id.org/policygraph/id/place/"
MARCH = "2025-03-01"
JULY = "2025-07-01"

# Tone placement: texts write both "Ủy"/"Uỷ" and "Hóa"/"Hoá"; both go in as altLabels.
_OLD_TONE = {
    "óa": "oá",
    "òa": "oà",
    "ỏa": "oả",
    "õa": "oã",
    "ọa": "oạ",
    "úy": "uý",
    "ùy": "uỳ",
    "ủy": "uỷ",
    "ũy": "uỹ",
    "ụy": "uỵ",
}


@dataclass(frozen=True)
class Place:
    """A provincial-level unit as ``places.ttl`` records it."""

    slug: str
    name: str  # "Bình Dương", "Thành phố Hồ Chí Minh"
    english: str
    is_city: bool  # thành phố trực thuộc trung ương
    merged_into: str | None  # slug of the unit it merged into on 1 July 2025

    @property
    def unit(self) -> str:
        """The generic word for the unit: "tỉnh" or "thành phố"."""
        return "thành phố" if self.is_city else "tỉnh"

    @property
    def admin_name(self) -> str:
        """ "tỉnh Bình Dương", "thành phố Hà Nội", "Thành phố Hồ Chí Minh"."""
        return self.name if self.name.startswith("Thành phố") else f"{self.unit} {self.name}"

    @property
    def party(self) -> str:
        """The name of its party committee: "Tỉnh ủy" or "Thành ủy"."""
        return "Thành ủy" if self.is_city else "Tỉnh ủy"


@dataclass(frozen=True)
class Role:
    """One standard body every province has; ``{…}`` fields are filled from a :class:`Place`."""

    code: str  # slug prefix; the IRI is agency/<code>-<place slug>
    name: str  # prefLabel template
    english: str
    alt_labels: tuple[str, ...]  # without the province: resolved with the province from context
    parent: str | None = None  # code of the body it belongs to (org:subOrganizationOf)
    until_march: bool = False  # ceased on 1 March 2025 (merged into another body)
    city_code: str | None = None  # the prefix in a city, where it differs

    @classmethod
    def of(cls, body: StandardBody) -> Role:
        assert body.label and body.english
        return cls(
            body.code,
            body.label,
            body.english,
            body.alt_labels,
            body.parent,
            body.until_march,
            body.city_code,
        )

    def code_for(self, place: Place) -> str:
        """The party committee (and its standing organs) is "thanh-uy" in a city, "tinh-uy" in a
        province: ``btv-tinh-uy-binh-dinh``, ``btv-thanh-uy-ha-noi``."""
        return self.city_code if place.is_city and self.city_code else self.code

    def slug_for(self, place: Place) -> str:
        return f"{self.code_for(place)}-{place.slug}"


# The bodies of provincial-bodies.toml that are curated (have a label), in the table's order.
ROLES: tuple[Role, ...] = tuple(
    Role.of(body) for body in load_bodies(CURATED_DIR / BODIES_FILE) if body.label
)

ROLE_BY_CODE = {role.code: role for role in ROLES}

# 1 March 2025: (codes that ceased, code of the body they merged into, citation, note).
MARCH_MERGERS: tuple[tuple[tuple[str, ...], str, str, str | None], ...] = (
    (
        ("so-tttt",),
        "so-khcn",
        "Nghị định 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ quy định tổ chức các cơ quan chuyên môn thuộc "
        "Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương (hiệu lực từ 01/3/2025)",
        "Báo chí, xuất bản, thông tin cơ sở chuyển sang Sở Văn hóa, Thể thao và Du lịch; phần còn lại hợp nhất vào Sở KH&CN.",
    ),
    (
        ("so-khdt",),
        "so-tai-chinh",
        "Nghị định 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ quy định tổ chức các cơ quan chuyên môn thuộc "
        "Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương (hiệu lực từ 01/3/2025)",
        None,
    ),
    (
        ("so-ldtbxh",),
        "so-noi-vu",
        "Nghị định 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ quy định tổ chức các cơ quan chuyên môn thuộc "
        "Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương (hiệu lực từ 01/3/2025)",
        "Giáo dục nghề nghiệp chuyển sang Sở GD&ĐT; bảo trợ xã hội, trẻ em, phòng chống tệ nạn xã hội chuyển sang Sở Y tế. "
        "Mô hình hóa người kế nhiệm chính.",
    ),
    (
        ("ban-tuyen-giao", "ban-dan-van"),
        "ban-tgdv",
        "Theo chủ trương của Bộ Chính trị về hợp nhất Ban Tuyên giáo và Ban Dân vận (công bố ở Trung ương ngày "
        "03/02/2025); quyết định của Ban Thường vụ từng Tỉnh ủy, Thành ủy",
        "Ngày 01/3/2025 là ngày ước định: các tỉnh hợp nhất trong tháng 2–3/2025 theo quyết định riêng.",
    ),
)

JULY_CITATION = (
    "Nghị quyết 202/2025/QH15 ngày 12/6/2025 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh; "
    "theo thông báo chính thức về việc thành lập đảng bộ, chính quyền và cơ quan chuyên môn của đơn vị hành chính mới"
)

PREFIXES = """@prefix pg: <https://w3id.org/policygraph/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix agency: <https://w3id.org/policygraph/id/agency/> .
@prefix place: <https://w3id.org/policygraph/id/place/> .
@prefix event: <https://w3id.org/policygraph/id/event/> .
@prefix source: <https://w3id.org/policygraph/id/source/> .
"""


def load_places(path: Path) -> list[Place]:
    """The provinces in ``places.ttl``, sorted by slug."""
    graph = Graph().parse(path, format="turtle")
    places = []
    for node in graph.subjects(RDF.type, PG.Province):
        slug = str(node).removeprefix(PLACE_BASE)
        labels = {lit.language: str(lit) for lit in graph.objects(node, SKOS.prefLabel)}
        names = [labels["vi"], *(str(a) for a in graph.objects(node, SKOS.altLabel))]
        is_city = any(n.casefold().startswith("thành phố ") for n in names)
        target = graph.value(node, PG.mergedInto)
        merged_into = str(target).removeprefix(PLACE_BASE) if isinstance(target, URIRef) else None
        places.append(Place(slug, labels["vi"], labels["en"], is_city, merged_into))
    return sorted(places, key=lambda p: p.slug)


def _fill(template: str, place: Place) -> str:
    short = place.name.removeprefix("Thành phố ")
    text = template.format(
        admin=place.admin_name,
        unit=place.unit,
        party=place.party,
        short=short,
        english=place.english,
    )
    return unicodedata.normalize("NFC", text[0].upper() + text[1:])


def _old_tone(text: str) -> str:
    for new, old in _OLD_TONE.items():
        text = text.replace(new, old)
    return text


def _literal(text: str, lang: str = "vi") -> str:
    escaped = unicodedata.normalize("NFC", text).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@{lang}'


def _string(text: str) -> str:
    """A plain (untagged) literal: citations name documents, they are not Vietnamese prose."""
    return _literal(text).removesuffix("@vi")


def _alt_labels(role: Role, place: Place) -> list[str]:
    """Province-free abbreviations, then the same with the province's name, in both tone placements."""
    name = _fill(role.name, place)
    short = place.name.removeprefix("Thành phố ")
    generic = [_fill(a, place) for a in role.alt_labels]
    with_place = [f"{a} {short}" for a in generic if not a.endswith(f" {place.unit}")]
    with_place += [f"{a} {short}" for a in generic if a.endswith(f" {place.unit}")]
    candidates = [*generic, *with_place]
    candidates += [_old_tone(c) for c in [name, *candidates]]
    seen = {name.casefold()}
    result = []
    for label in candidates:
        if label.casefold() not in seen:
            seen.add(label.casefold())
            result.append(label)
    return result


def render_body(role: Role, place: Place) -> str:
    """The Turtle block of one provincial body."""
    lines = [
        f"agency:{role.slug_for(place)} a pg:Agency, org:Organization ;",
        f"    rdfs:label {_literal(_fill(role.name, place))} , {_literal(_fill(role.english, place), 'en')} ;",
        f"    skos:prefLabel {_literal(_fill(role.name, place))} , {_literal(_fill(role.english, place), 'en')} ;",
        "    skos:altLabel " + " , ".join(_literal(a) for a in _alt_labels(role, place)) + " ;",
    ]
    if role.parent:
        lines.append(
            f"    org:subOrganizationOf agency:{ROLE_BY_CODE[role.parent].slug_for(place)} ;"
        )
    lines += ["    pg:level pg:provincial ;", f"    pg:jurisdiction place:{place.slug} .", ""]
    return "\n".join(lines)


def render_bodies(places: list[Place]) -> str:
    """``provincial-bodies.ttl``: every standard body of every province."""
    header = f"""# Standard provincial bodies of every provincial-level unit in places.ttl ({len(places)} units:
# the 63 in force until 30 June 2025, of which the 34 that did not merge are the units in force
# from 1 July 2025 under the same IRIs).
#
# GENERATED by data/curated/generate_provincial_bodies.py from places.ttl and
# provincial-bodies.toml (the table of standard bodies) — do not edit by hand.
#
# Where the facts come from: the standard organisation of provincial government and party bodies
# (Luật Tổ chức chính quyền địa phương; Nghị định 45/2025/NĐ-CP ngày 28/02/2025 quy định tổ chức các
# cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh, for the departments from 1 March 2025) and the
# provincial steering committees for Resolution 57-NQ/TW set up by each Tỉnh ủy/Thành ủy.
# Bodies that ceased on 1 March 2025 (Sở TT&TT, Sở KH&ĐT, Sở LĐ-TB&XH, Ban Tuyên giáo, Ban Dân vận)
# are kept: texts written before then name them. Their successors: provincial-changes.ttl.
#
# altLabels without the province name ("Sở KH&CN", "UBND tỉnh", "BCĐ") are shared by every province:
# a resolver must take the province from the text's context.

{PREFIXES}
source:curated-provincial-bodies a pg:Source, prov:Entity ;
    dcterms:title "Cơ quan cấp tỉnh theo mô hình chuẩn"@vi , "Standard provincial bodies"@en ;
    pg:fileName "provincial-bodies.ttl" ;
    pg:citation "Nghị định 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương" ,
        "Nghị quyết 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị (mục IV: tổ chức thực hiện)" ;
    pg:guessed "Mỗi tỉnh được giả định có đủ các cơ quan chuẩn liệt kê ở đây; tên gọi theo mẫu chung, không theo từng quyết định thành lập." .
"""
    blocks = [render_body(role, place) for place in places for role in ROLES]
    return header + "\n" + "\n".join(blocks)


@dataclass(frozen=True)
class BodyRef:
    """A body as a change event names it: its slug and its Vietnamese name."""

    slug: str
    name: str
    english: str

    @classmethod
    def of(cls, role: Role, place: Place) -> BodyRef:
        return cls(role.slug_for(place), _fill(role.name, place), _fill(role.english, place))


def _event(
    originals: list[BodyRef], result: BodyRef, date: str, citation: str, note: str | None
) -> str:
    slug = "merge-" + "-".join(o.slug for o in originals) + f"-into-{result.slug}-{date}"
    label_vi = "Hợp nhất " + ", ".join(o.name for o in originals) + f" vào {result.name}"
    label_en = "Merger of " + ", ".join(o.english for o in originals) + f" into {result.english}"
    lines = [
        f"event:{slug} a org:ChangeEvent ;",
        f"    rdfs:label {_literal(label_vi)} , {_literal(label_en, 'en')} ;",
        f'    dcterms:date "{date}"^^xsd:date ;',
        f"    dcterms:source {_string(citation)} ;",
    ]
    if note:
        lines.append(f"    skos:note {_literal(note)} ;")
    lines.append(
        "    org:originalOrganization " + " , ".join(f"agency:{o.slug}" for o in originals) + " ;"
    )
    lines += [f"    org:resultingOrganization agency:{result.slug} .", ""]
    for original in originals:
        lines += [
            f"agency:{original.slug} pg:succeededBy agency:{result.slug} ;",
            f'    pg:dissolvedOn "{date}"^^xsd:date .',
            "",
        ]
    return "\n".join(lines)


def render_changes(places: list[Place]) -> str:
    """``provincial-changes.ttl``: the 1 March and 1 July 2025 changes of provincial bodies."""
    header = f"""# Changes of provincial bodies in 2025, as org:ChangeEvent nodes with pg:succeededBy shortcuts.
#
# GENERATED by data/curated/generate_provincial_bodies.py from places.ttl and
# provincial-bodies.toml (the table of standard bodies) — do not edit by hand.
#
# 1 March 2025: in every province the Sở Thông tin và Truyền thông merged into the Sở Khoa học và
#   Công nghệ, the Sở Kế hoạch và Đầu tư into the Sở Tài chính, the Sở Lao động - Thương binh và Xã hội
#   into the Sở Nội vụ (Nghị định 45/2025/NĐ-CP, in force 01/3/2025), and the party committee's Ban
#   Tuyên giáo and Ban Dân vận into one Ban Tuyên giáo và Dân vận (date approximate, see pg:guessed).
# 1 July 2025: each body of a province that merged (Nghị quyết 202/2025/QH15) into the same body of the
#   resulting province (so-khcn-binh-duong → so-khcn-ho-chi-minh). Bodies that had already ceased on
#   1 March reach the July successor through their March successor.
# org:originalOrganization lists only the bodies that ceased; the continuing body is the result.

{PREFIXES}
source:curated-provincial-changes a pg:Source, prov:Entity ;
    dcterms:title "Thay đổi cơ quan cấp tỉnh năm 2025"@vi , "Changes of provincial bodies in 2025"@en ;
    pg:fileName "provincial-changes.ttl" ;
    pg:citation "Nghị định 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương" ,
        "Nghị quyết 202/2025/QH15 ngày 12/6/2025 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh" ;
    pg:guessed "Ngày hợp nhất Ban Tuyên giáo và Ban Dân vận cấp tỉnh đặt là 2025-03-01; các tỉnh thực hiện vào các ngày khác nhau trong tháng 2–3/2025." .
"""
    blocks = []
    for place in places:
        for ceased, merged_into, citation, note in MARCH_MERGERS:
            originals = [BodyRef.of(ROLE_BY_CODE[code], place) for code in ceased]
            blocks.append(
                _event(
                    originals, BodyRef.of(ROLE_BY_CODE[merged_into], place), MARCH, citation, note
                )
            )
    by_slug = {place.slug: place for place in places}
    for target in places:
        absorbed = [p for p in places if p.merged_into == target.slug]
        if not absorbed:
            continue
        for role in ROLES:
            if role.until_march:
                continue
            originals = [BodyRef.of(role, p) for p in absorbed]
            blocks.append(
                _event(originals, BodyRef.of(role, by_slug[target.slug]), JULY, JULY_CITATION, None)
            )
    return header + "\n" + "\n".join(blocks)


def main(curated_dir: Path = CURATED_DIR) -> None:
    """Write both generated files next to ``places.ttl``."""
    places = load_places(curated_dir / "places.ttl")
    (curated_dir / "provincial-bodies.ttl").write_text(render_bodies(places), encoding="utf-8")
    (curated_dir / "provincial-changes.ttl").write_text(render_changes(places), encoding="utf-8")
    print(f"{len(places)} places → provincial-bodies.ttl, provincial-changes.ttl", file=sys.stderr)


if __name__ == "__main__":
    main()
