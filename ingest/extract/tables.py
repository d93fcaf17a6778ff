"""Task and target tables → AssignmentFact and TargetFact, one per row.

Official texts carry their task lists (TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |
Kết quả | Thời gian hoàn thành, with section rows I., II., …) and target lists (TT | Chỉ tiêu |
Đơn vị | Kết quả | Cơ quan chủ trì theo dõi, with period rows "Đến năm 2030") as tables. The
kind of a table is read from its header, tolerant to wording; every fact quotes its row.

An appendix says which document it belongs to in a line such as "(Kèm theo Chương trình hành
động tại Nghị quyết số …/NQ-CP …)"; that document assigns the tasks and sets the targets.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ingest.model import (
    AgencyRef,
    AssignmentFact,
    DocumentFact,
    DocumentRef,
    Evidence,
    Fact,
    SourceText,
    Table,
    TargetFact,
)
from ingest.resolve import Catalogue, resolve_agency, resolve_indicator, split_agencies
from ingest.text.dates import parse_deadline
from ingest.text.numbers import parse_number
from ingest.themes import classify_task_theme, resolve_theme
from ontology.slugs import document_slug, fold, slugify
from ontology.vocabulary import DOCUMENT_TYPES

if TYPE_CHECKING:
    from ingest.extract.context import ExtractionContext

NATION = "viet-nam"
INDICATOR_KEY_WORDS = 8

# --------------------------------------------------------------------------------------------
# Header → column roles
# --------------------------------------------------------------------------------------------

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def header_key(cell: str) -> str:
    """A header cell folded to plain words: "Cơ quan chủ trì" → "co quan chu tri"."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(clean_cell(cell))))


def column_role(cell: str) -> str | None:
    """What a header cell names: number, task, lead, coordinators, deadline, indicator, unit,
    result, monitor — checked in an order that keeps "Cơ quan chủ trì theo dõi" (monitor)
    apart from "Cơ quan chủ trì" (lead) and "Đơn vị chủ trì" (lead) apart from "Đơn vị" (unit)."""
    key = header_key(cell)
    if not key:
        return None
    if "theo doi" in key or "danh gia" in key or "giam sat" in key:
        return "monitor"
    if "chu tri" in key or key in ("co quan thuc hien", "don vi thuc hien", "thuc hien"):
        return "lead"
    if "phoi hop" in key:
        return "coordinators"
    if key in ("tt", "stt", "so tt", "so thu tu", "thu tu"):
        return "number"
    if any(w in key for w in ("thoi gian", "thoi han", "tien do", "hoan thanh")):
        return "deadline"
    if key in ("don vi", "dvt") or key.startswith("don vi tinh"):
        return "unit"
    if "chi tieu" in key and not _YEAR.search(key):
        return "indicator"
    if any(w in key for w in ("nhiem vu", "noi dung", "de an", "hoat dong")) or key.startswith(
        "ten"
    ):
        return "task"
    if any(w in key for w in ("ket qua", "san pham", "gia tri", "muc tieu")) or _YEAR.search(key):
        return "result"
    return None


@dataclass(frozen=True)
class Layout:
    """Which column holds what, and the table's kind ("tasks" or "targets")."""

    kind: str
    columns: dict[str, int]
    value_columns: tuple[tuple[int, int | None], ...] = ()  # (column, year named in its header)


def table_layout(header: tuple[str, ...]) -> Layout | None:
    """The layout of a task or target table, or None for any other table."""
    columns: dict[str, int] = {}
    results: list[tuple[int, int | None]] = []
    for index, cell in enumerate(header):
        role = column_role(cell)
        if role == "result":
            year = _YEAR.search(header_key(cell))
            results.append((index, int(year.group(1)) if year else None))
        elif role and role not in columns:
            columns[role] = index
    if "indicator" in columns and results:
        return Layout("targets", columns, tuple(results))
    if "lead" in columns and ("task" in columns or "number" in columns):
        if results:
            columns["output"] = results[0][0]
        columns.setdefault("task", _first_free(header, columns))
        return Layout("tasks", columns)
    return None


def _first_free(header: tuple[str, ...], columns: dict[str, int]) -> int:
    used = set(columns.values())
    return next((i for i in range(len(header)) if i not in used), 0)


# --------------------------------------------------------------------------------------------
# Cells
# --------------------------------------------------------------------------------------------

_MARKUP = re.compile(r"\*\*|__|(?<!\w)\*(?!\s)|<br\s*/?>", re.I)
_ESCAPE = re.compile(r"\\([-&.*_#+!()\[\]{}<>|`~\"'=:;,/%$@^])")
_SPACE = re.compile(r"\s+")
_ROMAN = re.compile(r"[IVXLC]+\.?|[A-Z]\.|Phần\s+\w+\.?", re.I)


def clean_cell(cell: str) -> str:
    """A cell's text without Markdown markup and escapes, NFC, with single spaces."""
    text = _ESCAPE.sub(r"\1", _MARKUP.sub(" ", unicodedata.normalize("NFC", cell or "")))
    return _SPACE.sub(" ", text).strip()


def _cell(row: tuple[str, ...], layout: Layout, role: str) -> str:
    index = layout.columns.get(role)
    return clean_cell(row[index]) if index is not None and index < len(row) else ""


def row_evidence(source: SourceText, table: Table, index: int) -> Evidence:
    """The whole row, as written, is the quote: it holds the task with its owners and deadline."""
    start, end = table.row_spans[index]
    while end > start and source.original[end - 1].isspace():
        end -= 1
    return Evidence(source.source_id, start, end, source.original[start:end])


# --------------------------------------------------------------------------------------------
# The document a table belongs to
# --------------------------------------------------------------------------------------------

_ATTACHED = re.compile(r"\(?\s*(?:ban hành\s+)?kèm theo\s+(?P<what>[^()\n]{5,400})\)?", re.I)
# Document type → the short code its table-document keys use; the longest name is tried first.
_TYPE_CODES = {
    "ActionProgramme": "ctrhd",
    "Resolution": "nq",
    "Plan": "kh",
    "Programme": "ctr",
    "Decision": "qd",
    "Project": "da",
    "Directive": "ct",
    "Conclusion": "kl",
    "Report": "bc",
}
_DOC_TYPES = tuple(
    (DOCUMENT_TYPES[doc_type].vi.lower(), doc_type, code) for doc_type, code in _TYPE_CODES.items()
)
_NUMBER = r"(?P<num>(?:\d+\s*[-/]|/)\s*[A-ZĐ]{1,6}(?:\s*[-/]\s*[A-ZĐ0-9]{1,12})*)"
_NUMBERED = re.compile(
    r"(?P<type>Nghị quyết|Quyết định|Kế hoạch|Chương trình|Chỉ thị|Kết luận|Thông báo)"
    rf"\s+(?:số\s+)?{_NUMBER}"
    r"(?:\s+ngày\s+(?P<day>\d{1,2})\s*(?:/|tháng)\s*(?P<month>\d{1,2})\s*(?:/|năm)\s*(?P<year>\d{4}))?",
    re.I,
)
_IMPLEMENTS = re.compile(
    r"(?:thực hiện|triển khai)\s+Nghị quyết\s+(?:số\s+)?(?P<num>\d+\s*-\s*NQ\s*/\s*TW)"
    r"(?:\s+ngày\s+\d{1,2}\s*(?:/|tháng)\s*\d{1,2}\s*(?:/|năm)\s*(?P<year>\d{4}))?",
    re.I,
)
_ISSUER = re.compile(r"\bcủa\s+(?P<issuer>[^,;()\n]{3,80}?)\s*\)?\s*$", re.I)
_ISSUER_CODES = {"chinh phu": "cp", "thu tuong chinh phu": "ttg", "bo chinh tri": "bct"}
_ISSUER_KEY_CODES = {"chinh-phu": "cp", "thu-tuong": "ttg", "bo-chinh-tri": "bct"}


def action_programme_key(issuer: AgencyRef | None, carried_out: str, year: int | None) -> str:
    """The key of a body's action programme for a resolution, wherever it is named:
    ``ctrhd-cp-57-2025`` (the Government's for 57-NQ/TW, issued with a 2025 resolution)."""
    code = _ISSUER_KEY_CODES.get(issuer.key, issuer.key) if issuer else ""
    number = re.split(r"[-/]", carried_out.strip())[0]
    return slugify(f"ctrhd {code} {number} {year or ''}")


@dataclass
class Attachment:
    """The document a table is attached to, and the document that in turn holds it."""

    document: DocumentRef | None  # None when the text names it too vaguely to give it a key
    facts: list[Fact] = field(default_factory=list)
    issuer: AgencyRef | None = None  # "… của Chính phủ": a national issuer makes a national table

    @property
    def national(self) -> bool:
        return self.issuer is not None and self.issuer.level == "national"


def _doc_type(text: str) -> tuple[str, str] | None:
    lowered = text.lower()
    for words, doc_type, code in _DOC_TYPES:
        if lowered.startswith(words):
            return doc_type, code
    return None


def canonical_number(written: str) -> str | None:
    """``57 - NQ/TW`` → ``57-NQ/TW``; a number with its digits missing ("/NQ-CP") → None."""
    compact = re.sub(r"\s+", "", written).upper()
    return compact if re.match(r"\d+[-/]", compact) else None


def document_key(number: str, year: int | None, catalogue: Catalogue) -> str:
    """The curated document with that number, else the slug of number and year."""
    for entry in sorted(catalogue.documents.values(), key=lambda e: e.key):
        if entry.number == number and (year is None or entry.year in (None, year)):
            return entry.key
    return document_slug(number, year)


def attached_document(
    source: SourceText, before: int, catalogue: Catalogue, fallback: DocumentRef | None
) -> Attachment | None:
    """Read "(Kèm theo <document> …)" in the text above a table (at original offset ``before``).

    A Government action programme issued inside a resolution gets the key ``ctrhd-cp-<n>-<year>``
    where ``<n>`` is the number of the resolution it implements (``ctrhd-cp-57-2025``); the
    resolution holding it is described too, with its number where the text gives one (else the
    fallback document's, when that is a resolution of the same year).
    """
    preamble = source.original[max(0, before - 3000) : before]
    matches = list(_ATTACHED.finditer(preamble))
    if not matches:
        return None
    match = matches[-1]
    what = clean_cell(match.group("what")).rstrip(")")
    kind = _doc_type(what)
    if kind is None:
        return None
    doc_type, code = kind
    offset = before - len(preamble)
    evidence = Evidence(
        source.source_id,
        offset + match.start(),
        offset + match.end(),
        source.original[offset + match.start() : offset + match.end()],
    )
    own = _NUMBERED.match(what)
    host = next((m for m in _NUMBERED.finditer(what) if m.start() > 0), None)
    issuer_match = _ISSUER.search(what)
    issuer_name = issuer_match.group("issuer") if issuer_match else None
    issuer = resolve_agency(issuer_name, catalogue) if issuer_name else None
    year = int(host.group("year")) if host and host.group("year") else None
    if own and canonical_number(own.group("num")):
        number = canonical_number(own.group("num"))
        own_year = int(own.group("year")) if own.group("year") else year
        ref = DocumentRef(document_key(number, own_year, catalogue), doc_type, number)
        facts = [DocumentFact(ref, evidence, issuer=issuer, status="adopted")]
        return Attachment(ref, facts, issuer)
    title_text = clean_cell(preamble)
    implemented = list(_IMPLEMENTS.finditer(title_text))
    if not implemented and source.meta.title:
        implemented = list(_IMPLEMENTS.finditer(source.meta.title))
    host_ref = _host_reference(host, year, catalogue, fallback, source.meta.title)
    if not implemented:  # the programme cannot be named: its resolution assigns and sets
        if host_ref is not None:
            facts = [DocumentFact(host_ref, evidence, issuer=issuer, status="adopted")]
            return Attachment(host_ref, facts, issuer)
        return Attachment(fallback, [], issuer)
    implemented_number = canonical_number(implemented[-1].group("num")) or ""
    implemented_year = implemented[-1].group("year")
    implemented_ref = DocumentRef(
        document_key(
            implemented_number, int(implemented_year) if implemented_year else None, catalogue
        ),
        "Resolution",
        implemented_number,
    )
    issuer_code = _ISSUER_CODES.get(header_key(issuer_name or ""), issuer.key if issuer else "")
    if code == "ctrhd" and issuer is not None and issuer.resolved:
        key = action_programme_key(issuer, implemented_number, year)
    else:
        key = slugify(f"{code} {issuer_code} {implemented_number.split('-')[0]} {year or ''}")
    phrase = what.split(" tại ")[0].split(" của ")[0]
    title = f"{phrase} của {issuer_name} thực hiện Nghị quyết số {implemented_number}"
    ref = DocumentRef(key, doc_type, None, title if issuer_name else None)
    programme = DocumentFact(
        ref, evidence, issuer=issuer, status="adopted", implements=[implemented_ref]
    )
    facts: list[Fact] = [programme]
    if host_ref is not None:
        facts.append(
            DocumentFact(
                host_ref, evidence, issuer=issuer, status="adopted", implements=[implemented_ref]
            )
        )
        if "part_of" in DocumentFact.__dataclass_fields__:  # where the model has the field
            programme.part_of = host_ref  # type: ignore[attr-defined]
    return Attachment(ref, facts, issuer)


def _host_reference(
    host: re.Match[str] | None,
    year: int | None,
    catalogue: Catalogue,
    fallback: DocumentRef | None,
    meta_title: str | None,
) -> DocumentRef | None:
    """The resolution an attached programme sits in, by its number; where the text leaves the
    number blank ("Nghị quyết số /NQ-CP"), the main document's or the metadata title's number
    of the same kind ("…/NQ-CP")."""
    if host is None:
        return None
    doc_type = (_doc_type(host.group("type")) or ("Other", ""))[0]
    number = canonical_number(host.group("num"))
    if number:
        return DocumentRef(document_key(number, year, catalogue), doc_type, number)
    code = re.sub(r"\s+", "", host.group("num")).lstrip("/").upper()
    if fallback is not None and fallback.number and fallback.number.upper().endswith(code):
        return fallback
    for mention in _NUMBERED.finditer(meta_title or ""):
        number = canonical_number(mention.group("num"))
        if number and number.upper().endswith(code):
            return DocumentRef(document_key(number, year, catalogue), doc_type, number)
    return None


# --------------------------------------------------------------------------------------------
# Task tables
# --------------------------------------------------------------------------------------------


def _is_section(number: str, lead: str) -> bool:
    return not lead and bool(_ROMAN.fullmatch(number))


def _is_group(number: str, row_cells: dict[str, str], next_number: str) -> bool:
    """A row like "1 | Nhóm nhiệm vụ …" above "1.1 | …": a heading inside a section."""
    stem = number.rstrip(".")
    return (
        bool(stem)
        and not any(row_cells[r] for r in ("lead", "coordinators", "deadline", "output"))
        and next_number.startswith(stem + ".")
        and len(next_number.rstrip(".")) > len(stem) + 1
    )


def task_facts(
    source: SourceText,
    table: Table,
    layout: Layout,
    catalogue: Catalogue,
    province: str | None,
    assigned_by: DocumentRef | None,
    assigner: AgencyRef | None = None,
) -> Iterator[AssignmentFact]:
    """One AssignmentFact per task row; section rows set the theme of the rows below them.

    A section heading maps to a curated theme; rows under a heading that maps to none (or with
    no heading at all) are classified one by one from their own text.
    """
    theme: str | None = None
    numbers = [_cell(row, layout, "number") for row in table.rows]
    for index, row in enumerate(table.rows):
        cells = {
            role: _cell(row, layout, role)
            for role in ("number", "task", "lead", "coordinators", "output", "deadline")
        }
        if _is_section(cells["number"], cells["lead"]):
            theme = resolve_theme(cells["task"], catalogue) if cells["task"] else theme
            continue
        next_number = numbers[index + 1] if index + 1 < len(numbers) else ""
        if not cells["task"] or _is_group(cells["number"], cells, next_number):
            continue
        deadline, ongoing = (
            parse_deadline(cells["deadline"]) if cells["deadline"] else (None, False)
        )
        yield AssignmentFact(
            task=cells["task"],
            leads=split_agencies(cells["lead"], catalogue, province) if cells["lead"] else [],
            evidence=row_evidence(source, table, index),
            coordinators=(
                split_agencies(cells["coordinators"], catalogue, province)
                if cells["coordinators"]
                else []
            ),
            deadline=deadline,
            deadline_text=cells["deadline"] or None,
            ongoing=ongoing,
            assigned_by=assigned_by,
            theme=theme or classify_task_theme(cells["task"], catalogue),
            expected_output=cells["output"] or None,
            number=cells["number"] or None,
            assigned_by_agency=assigner,  # who issued the document the table is attached to
        )


# --------------------------------------------------------------------------------------------
# Target tables
# --------------------------------------------------------------------------------------------

_PERIOD = re.compile(
    r"(?:đến|tới|trong|vào)?\s*(?:năm|giai đoạn)\s+(?:\d{4}\s*-\s*)?(?P<year>(?:19|20)\d{2})", re.I
)
_COMPARATORS = (
    (re.compile(r"^(?:≥|>=|=>|ít nhất|tối thiểu|từ)\s*"), "gte"),
    (re.compile(r"^(?:≤|<=|=<|tối đa|không quá|nhóm|top)\s*", re.I), "lte"),
    (re.compile(r"^(?:>|trên|hơn|vượt)\s*", re.I), "gt"),
    (re.compile(r"^(?:<|dưới)\s*", re.I), "lt"),
    (re.compile(r"^(?:~|≈|khoảng|xấp xỉ|gần)\s*", re.I), "approx"),
    (re.compile(r"^(?:=|đạt|bằng)\s*", re.I), "eq"),
)
_NUMBER_TOKEN = re.compile(r"\d+(?:[.,]\d+)*")
_RANGE_TAIL = re.compile(r"^\s*%?\s*(?:-|–|—|đến|tới)\s*(\d+(?:[.,]\d+)*)\s*(%?)")
_KEEP_CASE_UNIT = re.compile(r"^(?:[KMGTP]?(?:bps|b|B|W|Wh|Hz)|[A-Z]{2,}\w*)$")
_WORLD_WORDS = re.compile(r"toàn cầu|thế giới|quốc tế", re.I)
_REGION_WORDS = re.compile(r"Đông Nam Á|ASEAN|châu Á", re.I)


@dataclass(frozen=True)
class ValueReading:
    """One target read from a value cell."""

    value: float | None
    upper: float | None
    comparator: str | None
    percent: bool = False
    rank_scope: str | None = None
    qualitative: str | None = None


def normalise_unit(written: str) -> str | None:
    """The unit column as the graph keeps it: "Thứ bậc" → "thứ bậc", "Thành phố, Tỉnh" →
    "thành phố, tỉnh"; acronyms and SI units keep their case ("% GDP", "Tbps", "(HDI)")."""
    unit = clean_cell(written)
    if not unit:
        return None
    return re.sub(r"[^\W\d_]+", _lower_word, unit)


def _lower_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if _KEEP_CASE_UNIT.match(word) or word[1:] != word[1:].lower():
        return word
    return word.lower()


def read_values(cell: str) -> list[ValueReading]:
    """Targets in a value cell: "≥ 55" → gte 55; "40 - 50" → range; "≤ 3 Đông Nam Á; ≤ 50 Thế
    giới" → two ranks; "≥ 3% và tăng dần …" → gte 3, words kept; no number → qualitative."""
    text = clean_cell(cell)
    if not text:
        return []
    parts = [p.strip() for p in text.split(";") if p.strip()]
    readings = [_read_part(p) for p in parts]
    if len(parts) > 1 and any(r.value is None for r in readings):
        return [ValueReading(None, None, None, qualitative=text)]
    return readings


def _read_part(part: str) -> ValueReading:
    comparator = None
    rest = part
    for pattern, name in _COMPARATORS:
        match = pattern.match(rest)
        if match and _NUMBER_TOKEN.match(rest[match.end() :].lstrip()):
            comparator, rest = name, rest[match.end() :].lstrip()
            break
    number = _NUMBER_TOKEN.match(rest)
    if not number:
        return ValueReading(None, None, None, qualitative=part)
    value = parse_number(number.group(0))
    if value is None:
        return ValueReading(None, None, None, qualitative=part)
    rest = rest[number.end() :]
    upper = None
    percent = rest.lstrip().startswith("%")
    range_tail = _RANGE_TAIL.match(rest)
    if range_tail and comparator in (None, "eq"):
        upper = parse_number(range_tail.group(1))
        percent = percent or bool(range_tail.group(2))
        rest = rest[range_tail.end() :]
        comparator = "range"
    rest = rest.strip().lstrip("%").strip()
    comparator = comparator or "eq"
    if not rest:
        return ValueReading(value, upper, comparator, percent)
    if re.fullmatch(r"(?:ở\s+|tại\s+|trong\s+)?[A-ZĐ][\w\s]{1,40}", rest) and not re.match(
        r"(?:và|,)", rest
    ):
        return ValueReading(value, upper, comparator, percent, rank_scope=rest)
    return ValueReading(value, upper, comparator, percent, qualitative=part)


def implied_rank_scope(indicator: str) -> str:
    """Where an unqualified rank is counted: the region the indicator names, else the world
    ("Chỉ số đổi mới sáng tạo toàn cầu", "Xếp hạng về an toàn thông tin mạng": world rankings)."""
    region = _REGION_WORDS.search(indicator)
    if region and not _WORLD_WORDS.search(indicator):
        return region.group(0)
    return "Thế giới"


def period_year(row: tuple[str, ...], layout: Layout) -> int | None:
    """The year of a period row ("Đến năm 2030", value cells empty), for the rows below it."""
    if any(_value_text(row, column) for column, _ in layout.value_columns):
        return None
    for cell in row:
        match = _PERIOD.search(clean_cell(cell))
        if match:
            return int(match.group("year"))
    return None


def _value_text(row: tuple[str, ...], column: int) -> str:
    return clean_cell(row[column]) if column < len(row) else ""


def target_facts(
    source: SourceText,
    table: Table,
    layout: Layout,
    catalogue: Catalogue,
    province: str | None,
    set_by: DocumentRef | None,
) -> Iterator[TargetFact]:
    """One TargetFact per value (two for "≤ 3 Đông Nam Á; ≤ 50 Thế giới"); sub-headers give none."""
    year: int | None = None
    scope = province or NATION
    for index, row in enumerate(table.rows):
        found_year = period_year(row, layout)
        if found_year is not None:
            year = found_year
            continue
        indicator = _cell(row, layout, "indicator")
        if not indicator:
            continue
        unit_text = _cell(row, layout, "unit")
        monitors_text = _cell(row, layout, "monitor")
        monitors = split_agencies(monitors_text, catalogue, province) if monitors_text else []
        for column, column_year in layout.value_columns:
            for reading in read_values(_value_text(row, column)):
                yield _target(
                    source,
                    table,
                    index,
                    indicator,
                    unit_text,
                    reading,
                    catalogue,
                    year=column_year or year,
                    scope=scope,
                    set_by=set_by,
                    monitors=monitors,
                )


def _target(
    source: SourceText,
    table: Table,
    index: int,
    indicator: str,
    unit_text: str,
    reading: ValueReading,
    catalogue: Catalogue,
    *,
    year: int | None,
    scope: str,
    set_by: DocumentRef | None,
    monitors: list[AgencyRef],
) -> TargetFact:
    unit = normalise_unit(unit_text) or ("%" if reading.percent else None)
    if reading.rank_scope and not unit:
        unit = "thứ bậc"
    rank_scope = reading.rank_scope
    if unit == "thứ bậc" and reading.value is not None and not rank_scope:
        rank_scope = implied_rank_scope(indicator)
    key = resolve_indicator(indicator, unit, catalogue) or slugify(
        indicator, max_words=INDICATOR_KEY_WORDS
    )
    return TargetFact(
        indicator_text=indicator,
        evidence=row_evidence(source, table, index),
        indicator_key=key,
        value=reading.value,
        upper_value=reading.upper,
        comparator=reading.comparator,
        unit=unit,
        year=year,
        scope=scope,
        set_by=set_by,
        qualitative=reading.qualitative,
        rank_scope=rank_scope,
        monitored_by=list(monitors),
    )


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def extract(source: SourceText, context: ExtractionContext) -> Iterable[Fact]:
    """Every task and target in the source's tables, with the documents they belong to."""
    catalogue: Catalogue = context.catalogue
    province: str | None = context.province
    fallback: DocumentRef | None = context.main_document
    facts: list[Fact] = []
    seen_documents: set[str] = set()
    for table in source.tables:
        layout = table_layout(table.header)
        if layout is None or not table.rows:
            continue
        start = table.row_spans[0][0] if table.row_spans else 0
        attachment = attached_document(source, start, catalogue, fallback)
        owner = attachment.document if attachment and attachment.document else fallback
        place = None if attachment and attachment.national else province
        for fact in attachment.facts if attachment else []:
            if isinstance(fact, DocumentFact) and fact.ref.key not in seen_documents:
                seen_documents.add(fact.ref.key)
                facts.append(fact)
        if layout.kind == "tasks":
            issuer = attachment.issuer if attachment else None
            facts.extend(task_facts(source, table, layout, catalogue, place, owner, issuer))
        else:
            facts.extend(target_facts(source, table, layout, catalogue, place, owner))
    return facts
