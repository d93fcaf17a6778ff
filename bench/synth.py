"""A national-scale synthetic graph in the project's ontology, streamed as N-Quads.

The real corpus is a few documents; the users' graph is every province's plans, projects, tasks
and targets. This generator writes that shape at a chosen size so the store, the queries and the
API can be measured as the graph grows:

- the curated reference data (ontology, places with the 2025 mergers, national agencies,
  indicators, themes; the provincial bodies and their 2025 merger events for the provinces used),
  in their own named graphs, exactly as the build loads them;
- one named graph for the national resolutions (57-NQ/TW, 03/NQ-CP implementing it) with the
  Government programme's ~140 tasks and a national target on every indicator;
- one named graph per synthetic source: a provincial plan (1–5 per province, implementing a
  national resolution) or a project (Đề án, implementing one of its province's plans or
  projects), each with 20–200 tasks and a few targets, every task and target with evidence;
- the derived graph (``…/id/source/derived``) as ``ingest.derive`` computes it:
  ``pg:implementsTransitive``, ``pg:inProvince``, ``pg:isNational``, ``pg:searchKey``,
  ``pg:leadTaskCount``, ``pg:coordinatedTaskCount`` (and, in the curated part, the holding
  periods of the agencies the 2025 changes retired).

Lines are written as they are generated (nothing but the small curated data is held in rdflib),
and the output depends only on the seed and the scale.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from rdflib import Dataset

from bench.synth_reference import (
    COMPARATORS,
    DCT,
    NATIONAL_DOCS,
    NATIONAL_TASKS,
    NATIONAL_TITLES,
    OA,
    OBJECTS,
    PGNS,
    PROJECT_TOPICS,
    PROV,
    PUBLISHERS,
    PURPOSES,
    RANK_SCOPES,
    RANK_UNIT,
    RDF_TYPE,
    VERBS,
    Reference,
    Writer,
    curated_subset,
    literal,
    load_full_curated,
    provinces_for_scale,
    reference_from,
)
from ingest.derive import add_derived
from ingest.dumps import sorted_nquads
from ontology.namespaces import entity_iri
from ontology.vocabulary import XSD


@dataclass
class DocumentNode:
    iri: str
    province: str | None
    ancestors: list[str] = field(default_factory=list)


class Generator:
    """Emits the synthetic sources until the triple budget is spent."""

    def __init__(self, reference: Reference, writer: Writer, seed: int, n_provinces: int) -> None:
        self.ref = reference
        self.w = writer
        self.rng = random.Random(seed)
        self.provinces = reference.provinces[:n_provinces]
        self.plans: dict[str, list[DocumentNode]] = {p: [] for p, _ in self.provinces}
        self.projects: dict[str, list[DocumentNode]] = {p: [] for p, _ in self.provinces}
        self.national: dict[str, DocumentNode] = {}
        self.source_number = 0
        self.task_counts: dict[str, list[int]] = {}  # agency → [tasks led, tasks coordinated]
        self.tasks: list[str] = []  # every task IRI written, for the derived ranks

    def write_task_counts(self) -> None:
        """The derived per-agency task counts and task ranks, once every task is written."""
        for agency, (lead, coordinated) in sorted(self.task_counts.items()):
            for name, count in (("leadTaskCount", lead), ("coordinatedTaskCount", coordinated)):
                self.w.derived(agency, PGNS + name, literal(str(count), datatype=XSD + "integer"))
        for rank, task in enumerate(sorted(self.tasks)):
            self.w.derived(task, PGNS + "taskRank", literal(str(rank), datatype=XSD + "integer"))

    # -- building blocks ---------------------------------------------------------------------

    def start_source(self, title: str, date: str, publisher: str) -> str:
        self.source_number += 1
        stem = f"synth-{self.source_number:06d}"
        source = str(entity_iri("source", stem))
        self.w.graph = source
        self.w.iri(source, RDF_TYPE, PGNS + "Source")
        self.w.iri(source, RDF_TYPE, PROV + "Entity")
        self.w.quad(source, DCT + "title", literal(title, "vi"))
        self.w.quad(source, DCT + "date", literal(date, datatype=XSD + "date"))
        self.w.quad(source, DCT + "publisher", literal(publisher))
        self.w.quad(source, PGNS + "fileName", literal(stem + ".txt"))
        return stem

    def evidence(self, stem: str, offset: int, quote: str) -> tuple[str, int]:
        end = offset + len(quote)
        node = str(entity_iri("evidence", f"{stem}-{offset}-{end}"))
        self.w.iri(node, RDF_TYPE, OA + "TextQuoteSelector")
        self.w.iri(node, RDF_TYPE, OA + "TextPositionSelector")
        self.w.quad(node, OA + "exact", literal(quote))
        self.w.quad(node, OA + "start", literal(str(offset), datatype=XSD + "nonNegativeInteger"))
        self.w.quad(node, OA + "end", literal(str(end), datatype=XSD + "nonNegativeInteger"))
        self.w.iri(node, PGNS + "inSource", str(entity_iri("source", stem)))
        return node, end + 2

    def document(
        self,
        stem: str,
        slug: str,
        kind: str,
        number: str,
        title: str,
        issued: str,
        issuer: str,
        scope: str,
        parents: list[DocumentNode],
        province: str | None,
    ) -> tuple[DocumentNode, int]:
        iri = str(entity_iri("document", slug))
        w = self.w
        w.iri(iri, RDF_TYPE, PGNS + kind)
        w.quad(iri, DCT + "identifier", literal(number))
        w.quad(iri, DCT + "title", literal(title, "vi"))
        w.quad(iri, DCT + "issued", literal(issued, datatype=XSD + "date"))
        w.iri(iri, PGNS + "issuedBy", issuer)
        w.iri(iri, PGNS + "status", PGNS + "adopted")
        w.iri(iri, PGNS + "territorialScope", scope)
        w.quad(iri, PGNS + "periodStart", literal(issued[:4], datatype=XSD + "integer"))
        w.quad(iri, PGNS + "visionYear", literal("2045", datatype=XSD + "integer"))
        ancestors: list[str] = []
        for parent in parents:
            w.iri(iri, PGNS + "implements", parent.iri)
            for a in [parent.iri, *parent.ancestors]:
                if a not in ancestors:
                    ancestors.append(a)
        for a in ancestors:
            w.derived(iri, PGNS + "implementsTransitive", f"<{a}>")
        node, offset = self.evidence(stem, 0, title)
        w.iri(iri, PGNS + "evidence", node)
        return DocumentNode(iri, province, ancestors), offset

    def deadline(self, issued_year: int) -> tuple[str, str]:
        year = self.rng.randint(issued_year, 2030)
        form = self.rng.random()
        if form < 0.4:
            return literal(str(year), datatype=XSD + "gYear"), f"năm {year}"
        if form < 0.7:
            month = self.rng.randint(1, 12)
            value = f"{year}-{month:02d}"
            return literal(value, datatype=XSD + "gYearMonth"), f"tháng {month}/{year}"
        month, day = self.rng.randint(1, 12), self.rng.randint(1, 28)
        return (
            literal(f"{year}-{month:02d}-{day:02d}", datatype=XSD + "date"),
            f"trước ngày {day:02d}/{month:02d}/{year}",
        )

    def task(
        self,
        stem: str,
        n: int,
        offset: int,
        document: DocumentNode,
        agencies: list[str],
        place_label: str,
        issued_year: int,
    ) -> int:
        rng, w = self.rng, self.w
        text = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {place_label}, {rng.choice(PURPOSES)}"
        iri = str(entity_iri("task", f"{stem}-{n}"))
        lead = rng.choice(agencies)
        w.iri(iri, RDF_TYPE, PGNS + "Task")
        self.tasks.append(iri)
        w.quad(iri, DCT + "description", literal(text, "vi"))
        w.iri(iri, PGNS + "assignedBy", document.iri)
        w.iri(iri, PGNS + "leadAgency", lead)
        self.task_counts.setdefault(lead, [0, 0])[0] += 1
        for coordinator in rng.sample(agencies, k=min(len(agencies), rng.randint(0, 3))):
            if coordinator != lead:
                w.iri(iri, PGNS + "coordinatingAgency", coordinator)
                self.task_counts.setdefault(coordinator, [0, 0])[1] += 1
        if rng.random() < 0.85:
            value, written = self.deadline(issued_year)
            w.quad(iri, PGNS + "deadline", value)
            w.quad(iri, PGNS + "deadlineText", literal(written, "vi"))
        else:
            w.quad(iri, PGNS + "ongoing", literal("true", datatype=XSD + "boolean"))
        w.iri(iri, PGNS + "theme", rng.choice(self.ref.themes))
        w.quad(iri, PGNS + "taskNumber", literal(str(n)))
        node, offset = self.evidence(stem, offset, text)
        w.iri(iri, PGNS + "evidence", node)
        if document.province:
            w.derived(iri, PGNS + "inProvince", f"<{document.province}>")
        else:
            w.derived(iri, PGNS + "isNational", literal("true", datatype=XSD + "boolean"))
        return offset

    def target(
        self,
        stem: str,
        n: int,
        offset: int,
        document: DocumentNode,
        scope: str,
        place: str,
        indicator_and_unit: tuple[str, str] | None = None,
    ) -> int:
        rng, w = self.rng, self.w
        indicator, unit = indicator_and_unit or rng.choice(self.ref.indicators)
        year = rng.choice((2025, 2026, 2027, 2030, 2030, 2035, 2045))
        rank_scope = rng.choice(RANK_SCOPES) if unit == RANK_UNIT else None
        if rank_scope:  # a rank: "trong nhóm 10 ... dẫn đầu cả nước"
            value, comparator = float(rng.randint(1, 30)), "lte"
        else:
            value, comparator = round(rng.uniform(1, 100), 1), rng.choice(COMPARATORS)
        quote = f"đến năm {year}, chỉ tiêu đạt {str(value).replace('.', ',')} {unit} {place}"
        iri = str(entity_iri("target", f"{stem}-t{n}"))
        w.iri(iri, RDF_TYPE, PGNS + "Target")
        w.iri(iri, PGNS + "indicator", indicator)
        w.quad(iri, PGNS + "targetValue", literal(f"{value}", datatype=XSD + "decimal"))
        w.iri(iri, PGNS + "comparator", PGNS + comparator)
        w.quad(iri, PGNS + "unit", literal(unit))
        w.quad(iri, PGNS + "targetYear", literal(str(year), datatype=XSD + "integer"))
        if rank_scope:
            w.quad(iri, PGNS + "rankScope", literal(rank_scope))
        w.iri(iri, PGNS + "scope", scope)
        w.iri(iri, PGNS + "setBy", document.iri)
        node, offset = self.evidence(stem, offset, quote)
        w.iri(iri, PGNS + "evidence", node)
        return offset

    # -- sources -----------------------------------------------------------------------------

    def national_sources(
        self, n_tasks: int = NATIONAL_TASKS, both_set_targets: bool = True
    ) -> None:
        """57-NQ/TW, and 03/NQ-CP implementing it with the Government's ~140 tasks."""
        viet_nam = str(entity_iri("place", "viet-nam"))
        previous: list[DocumentNode] = []
        for key in ("57", "03"):
            slug, number, issued, issuer = NATIONAL_DOCS[key]
            stem = self.start_source(
                NATIONAL_TITLES[key], issued, "Cổng thông tin điện tử Chính phủ"
            )
            doc, offset = self.document(
                stem,
                slug,
                "Resolution",
                number,
                NATIONAL_TITLES[key],
                issued,
                str(entity_iri("agency", issuer)),
                viet_nam,
                previous,
                None,
            )
            self.national[key] = doc
            for n, indicator in enumerate(self.ref.indicators, start=1):
                if key == "57" or (both_set_targets and n % 2 == 0):
                    offset = self.target(stem, n, offset, doc, viet_nam, "trên cả nước", indicator)
            if key == "03":
                for n in range(1, n_tasks + 1):
                    offset = self.task(
                        stem, n, offset, doc, self.ref.national_agencies, "trên cả nước", 2025
                    )
            previous = [doc]

    def provincial_source(self, index: int, budget: int) -> None:
        """A plan (the province's first 1–5 sources) or a project under one of its documents."""
        rng = self.rng
        province, label = self.provinces[index % len(self.provinces)]
        plans = self.plans[province]
        slug = province.rsplit("/", 1)[-1]
        agencies = self.ref.agencies_by_province.get(province) or self.ref.national_agencies
        year = rng.choice((2025, 2025, 2026))
        issued = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        number_value = rng.randint(1, 999)
        is_plan = not plans or (len(plans) < rng.randint(1, 5) and rng.random() < 0.5)
        if is_plan:
            kind, code = "Plan", "KH-UBND"
            parent = [self.national[rng.choice(("57", "03"))]]
            title = (
                f"Kế hoạch thực hiện Nghị quyết số 57-NQ/TW trên địa bàn {label}"
                f" (đợt {len(plans) + 1})"
            )
        else:
            kind, code = "Project", "QĐ-UBND"
            pool = plans + self.projects[province][-20:]
            parent = [rng.choice(pool)]
            title = f"{rng.choice(PROJECT_TOPICS)} {label} giai đoạn {year}–2030"
        number = f"{number_value}/{code}"
        stem = self.start_source(title, issued, f"{rng.choice(PUBLISHERS)} {label}")
        doc_slug = f"{number_value}-{code[0].lower()}{code.split('-')[1].lower()}-{slug}-{stem[6:]}"
        ubnd = str(entity_iri("agency", f"ubnd-{slug}"))
        doc, offset = self.document(
            stem, doc_slug, kind, number, title, issued, ubnd, province, parent, province
        )
        (plans if is_plan else self.projects[province]).append(doc)
        per_task = 17
        tasks = min(rng.randint(20, 200), max(5, budget // per_task))
        place_label = f"trên địa bàn {label}"
        for n in range(1, tasks + 1):
            offset = self.task(stem, n, offset, doc, agencies, place_label, year)
        for n in range(1, rng.randint(1, 6) + 1):
            offset = self.target(stem, n, offset, doc, province, place_label)


def write_curated(curated: Dataset, out: TextIO) -> int:
    """The curated data and its derived relations, as the build's sorted N-Quads; line count."""
    add_derived(curated)
    text = sorted_nquads(curated)  # canonical blank nodes: the same bytes on every run
    out.write(text if text.endswith("\n") else text + "\n")
    return sum(1 for line in text.splitlines() if line.strip())


def generate(
    out: TextIO, scale: int, seed: int = 57, curated_dir: Path = Path("data/curated")
) -> int:
    """Write about ``scale`` quads of synthetic graph (curated data included) to ``out``."""
    full = load_full_curated(curated_dir)
    reference = reference_from(full)
    n_provinces = provinces_for_scale(scale)
    slugs = {iri.rsplit("/", 1)[-1] for iri, _ in reference.provinces[:n_provinces]}
    curated = curated_subset(full, slugs)
    writer = Writer(out)
    writer.count = write_curated(curated, out)

    generator = Generator(reference, writer, seed, n_provinces)
    generator.national_sources(
        n_tasks=min(NATIONAL_TASKS, max(20, scale // 250)), both_set_targets=scale >= 50_000
    )
    index = 0
    while writer.count < scale:
        generator.provincial_source(index, scale - writer.count)
        index += 1
    generator.write_task_counts()
    return writer.count


def write_file(path: Path, scale: int, seed: int = 57, curated_dir: Path = Path("data/curated")):
    """Generate into ``path`` (written next to it, then renamed); returns the quad count."""
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8", newline="\n") as out:
        count = generate(out, scale, seed, curated_dir)
    partial.replace(path)
    return count
