"""The plain data that flows through ingestion: source text → facts with evidence → triples.

Every stage is a function over these classes, so each can be tested on one sentence.
Offsets in :class:`Evidence` always index the *original* text of the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class SourceMeta:
    """What is known about a source: from its sidecar file, or guessed from the text."""

    title: str | None = None
    date: date | None = None
    publisher: str | None = None
    address: str | None = None  # the URL it was read from, where known
    language: str = "vi"
    guessed: tuple[str, ...] = ()  # names of the fields guessed from the text, e.g. ("date",)
    notes: tuple[str, ...] = ()  # human-readable remarks: what was guessed and from what


@dataclass(frozen=True)
class SourceText:
    """One source: its original text, the normalised text, and the map between them.

    ``offset_map[i]`` is the index in ``original`` of the character ``normalised[i]``;
    it has one extra final entry equal to ``len(original)`` so that end offsets map too.
    """

    source_id: str  # the file stem: the slug of the source IRI and its named graph
    path: Path
    original: str
    normalised: str
    offset_map: tuple[int, ...]
    meta: SourceMeta
    tables: tuple[Table, ...] = ()  # tables found by the reader (Markdown, HTML, DOCX)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the original text."""
        o_start = self.offset_map[start]
        if end <= start:
            return o_start, o_start
        # Up to where the next normalised character begins, so that a letter decomposed in
        # the original (base + combining marks) is quoted whole; trailing space not included.
        o_end = self.offset_map[end]
        while o_end > o_start + 1 and self.original[o_end - 1].isspace():
            o_end -= 1
        return o_start, o_end

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for a span of the normalised text: the quote is the original text there."""
        o_start, o_end = self.original_span(start, end)
        return Evidence(self.source_id, o_start, o_end, self.original[o_start:o_end])


@dataclass(frozen=True)
class Table:
    """A table read from a source: header cells, rows of cells, each row's span in the original."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_spans: tuple[tuple[int, int], ...]  # [start, end) of each row in SourceText.original
    cell_spans: tuple[tuple[tuple[int, int], ...], ...] = ()  # per row, per cell, where known


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the exact quote and its [start, end) offsets in the original text."""

    source_id: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class AgencyRef:
    """An agency as named in a text, and the curated agency it resolved to (if any)."""

    name: str  # as written
    key: str  # slug of the agency IRI: curated one where resolved, else minted from the name
    resolved: bool = False  # True when it matched a curated agency
    level: str | None = None  # national | provincial | district | other
    province: str | None = None  # slug of the place, e.g. "binh-duong"
    collective: bool = False  # "các bộ, ngành, địa phương"


@dataclass(frozen=True)
class DocumentRef:
    """A mention of a document: enough to name it and give it a stable IRI."""

    key: str  # slug of the document IRI, e.g. "57-ntw-2024"
    # Resolution | ActionProgramme | Plan | Programme | Project | Decision | Directive |
    # Conclusion | Report | Other
    doc_type: str
    number: str | None = None  # canonical, e.g. "57-NQ/TW"
    title: str | None = None


@dataclass
class DocumentFact:
    ref: DocumentRef
    evidence: Evidence
    issued: date | None = None
    issuer: AgencyRef | None = None
    status: str | None = None  # "draft" | "adopted"
    period_start: int | None = None
    period_end: int | None = None
    vision_year: int | None = None
    scope: str | None = None  # place slug
    implements: list[DocumentRef] = field(default_factory=list)
    part_of: DocumentRef | None = None  # an action programme attached to its resolution
    updated_by: DocumentRef | None = None  # the act that amends it here ("sửa đổi, bổ sung …")
    based_on: list[DocumentRef] = field(default_factory=list)  # "Căn cứ": legal basis (ELI)


@dataclass
class AgencyFact:
    agency: AgencyRef
    evidence: Evidence
    abbrev: str | None = None


@dataclass
class AssignmentFact:
    """A task and who owns it: ``giao X chủ trì, phối hợp Y`` (chủ trì = lead, phối hợp = with)."""

    task: str  # the task as stated (exact span of the normalised text, or the table cell)
    leads: list[AgencyRef]
    evidence: Evidence
    coordinators: list[AgencyRef] = field(default_factory=list)
    deadline: str | None = None  # YYYY | YYYY-MM | YYYY-MM-DD | YYYY-Qn, or None
    deadline_text: str | None = None  # as written: "6/2025", "Thường xuyên"
    ongoing: bool = False  # "Thường xuyên", "Hằng năm"
    assigned_by: DocumentRef | None = None
    theme: str | None = None  # section heading of a task table, or a theme slug
    expected_output: str | None = None  # "Kết quả" column
    number: str | None = None  # "1.", "12." in a task table
    # The body that gives the task where the text names it ("Tỉnh Bình Dương đã giao …",
    # "Bí thư Tỉnh ủy giao …" → the province's UBND / Tỉnh ủy); None when only a document does.
    assigned_by_agency: AgencyRef | None = None
    # The document the assignment carries out ("Để triển khai thực hiện Nghị quyết 03/NQ-CP …")
    # when that document is not the one assigning the task.
    in_response_to: DocumentRef | None = None


@dataclass
class TargetFact:
    indicator_text: str  # the indicator as stated
    evidence: Evidence
    indicator_key: str | None = None  # slug of a curated indicator where it maps, else minted
    value: float | None = None
    upper_value: float | None = None
    comparator: str | None = None  # gt | gte | eq | approx | lte | lt | range
    unit: str | None = None  # normalised: "%", "% GDP", "người", "tỉ đồng", "thứ bậc"
    year: int | None = None
    year_inferred: bool = False  # True when the year is the setting document's horizon
    scope: str | None = None  # place slug: "viet-nam" or a province
    set_by: DocumentRef | None = None
    qualitative: str | None = None  # "Đạt mức tiên tiến …" when there is no number
    rank_scope: str | None = None  # "Đông Nam Á", "Thế giới" for ranks
    monitored_by: list[AgencyRef] = field(default_factory=list)


@dataclass
class MeetingFact:
    body: AgencyRef
    evidence: Evidence
    held_on: date | None = None
    chair: str | None = None  # person's name as written
    chair_role: str | None = None
    session_number: int | None = None
    approved: list[DocumentRef] = field(default_factory=list)
    discussed: list[DocumentRef] = field(default_factory=list)


Fact = DocumentFact | AgencyFact | AssignmentFact | TargetFact | MeetingFact
