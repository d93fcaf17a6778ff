"""What the ingestion tests share: the curated catalogue (loaded once) and the appendices of
03/NQ-CP as the reader makes them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ingest.model import SourceMeta, SourceText
from ingest.readers.txt import find_pipe_tables
from ingest.resolve import Catalogue
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
