"""What the ingestion tests share: the curated catalogue (loaded once) and the appendices of
03/NQ-CP as the reader makes them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ingest.extract import extract_all
from ingest.model import AssignmentFact, DocumentFact, SourceMeta, SourceText, TargetFact
from ingest.readers.txt import find_pipe_tables
from ingest.resolve import Catalogue
from ingest.sources import read_source
from ingest.text.normalise import normalise

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "data" / "sources"
TASKS_FILE = SOURCES / "nq03-ncp-2025-phu-luc-2-nhiem-vu.md"
TARGETS_FILE = SOURCES / "nq03-ncp-2025-phu-luc-1-chi-tieu.md"
PROGRAMME_TITLE = (
    "Phụ lục I: Danh mục các chỉ tiêu cụ thể, kèm theo Chương trình hành động của Chính phủ "
    "thực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị"
)


def source_of(text: str, source_id: str, meta: SourceMeta | None = None) -> SourceText:
    """A source as the reader makes it: original text, normalised text and pipe tables."""
    normalised, offsets = normalise(text)
    return SourceText(
        source_id,
        Path(f"{source_id}.md"),
        text,
        normalised,
        offsets,
        meta or SourceMeta(),
        find_pipe_tables(text),
    )


@cache
def curated_catalogue() -> Catalogue:
    """The catalogue of data/curated, loaded once per test run (it takes about a second)."""
    return Catalogue.load(ROOT / "data" / "curated")


@cache
def source_targets(name: str) -> tuple[TargetFact, ...]:
    """The targets the extractor finds in ``data/sources/<name>`` with the curated catalogue
    (read once per test run)."""
    facts = extract_all(read_source(SOURCES / name), curated_catalogue())
    return tuple(f for f in facts if isinstance(f, TargetFact))


def target_tuples(name: str) -> set[tuple[float, float | None, str, str | None, int | None]]:
    """(value, upper value, comparator, unit, year) of each numeric target of a source."""
    return {
        (t.value, t.upper_value, t.comparator, t.unit, t.year)
        for t in source_targets(name)
        if t.value is not None
    }


def variant_targets(text: str, catalogue: Catalogue) -> list[TargetFact]:
    """The targets of a written variant of a real sentence."""
    facts = extract_all(source_of(text, "variant"), catalogue)
    return [f for f in facts if isinstance(f, TargetFact)]


@cache
def source_facts(stem: str) -> tuple:
    """Every fact the extractor finds in ``data/sources/<stem>.txt`` (read once per test run)."""
    return tuple(extract_all(read_source(SOURCES / f"{stem}.txt"), curated_catalogue()))


def documents_of(stem: str) -> tuple[DocumentFact, ...]:
    return tuple(f for f in source_facts(stem) if isinstance(f, DocumentFact))


def implemented_by(stem: str, number: str) -> list[str | None]:
    """The numbers of what the document numbered ``number`` in ``stem`` carries out."""
    (document,) = [d for d in documents_of(stem) if d.ref.number == number]
    return [ref.number for ref in document.implements]


def tasks_of(stem: str) -> tuple[AssignmentFact, ...]:
    return tuple(f for f in source_facts(stem) if isinstance(f, AssignmentFact))


def lead_task_pairs(stem: str) -> list[tuple[str, str]]:
    """(lead key, task) for each lead of each task, in text order."""
    return [(lead.key, t.task) for t in tasks_of(stem) for lead in t.leads]


SMALL_CURATED = ("agencies.ttl", "documents.ttl", "themes.ttl")
SMALL_SOURCE = "000_a3683a6493bfc795"


def small_data(root: Path) -> Path:
    """A few curated files and one source: a build of about 5,000 quads in a few seconds."""
    import shutil

    (root / "curated").mkdir(parents=True)
    (root / "sources").mkdir()
    for name in SMALL_CURATED:
        shutil.copy(ROOT / "data" / "curated" / name, root / "curated" / name)
    for table in (ROOT / "data" / "curated").glob("provincial-bodies.toml"):  # the build needs it
        shutil.copy(table, root / "curated" / table.name)
    for path in (ROOT / "data" / "sources").glob(SMALL_SOURCE + ".*"):
        shutil.copy(path, root / "sources" / path.name)
    return root


def zip_bomb_docx(path: Path, inflated_mb: int) -> Path:
    """A real .docx (made by python-docx) whose document.xml inflates to ``inflated_mb`` MB of
    Vietnamese paragraphs; it compresses about 280:1, as the issue's 646 KB / 190 MB one did."""
    import io
    import zipfile

    import docx

    package = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Kế hoạch")
    document.save(package)
    paragraph = (
        "<w:p><w:r><w:t>Bộ Khoa học và Công nghệ chủ trì thực hiện nhiệm vụ.</w:t></w:r></w:p>"
    ).encode()
    chunk = paragraph * 1000
    with (
        zipfile.ZipFile(package) as template,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb,
    ):
        for info in template.infolist():
            data = template.read(info.filename)
            if info.filename != "word/document.xml":
                bomb.writestr(info, data)
                continue
            body, tail = data.split(b"<w:sectPr", 1)
            with bomb.open(info.filename, "w", force_zip64=True) as xml:
                xml.write(body)
                for _ in range(inflated_mb * 1_000_000 // len(chunk)):
                    xml.write(chunk)
                xml.write(b"<w:sectPr" + tail)
    return path
