"""The layout of task and target tables: which column holds what, read from the header
(tolerant to wording), clean cell text, and a row as its evidence."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ingest.model import Evidence, SourceText, Table
from ontology.slugs import fold

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


_MARKUP = re.compile(r"\*\*|__|(?<!\w)\*(?!\s)|<br\s*/?>", re.I)
_ESCAPE = re.compile(r"\\([-&.*_#+!()\[\]{}<>|`~\"'=:;,/%$@^])")
_SPACE = re.compile(r"\s+")


def clean_cell(cell: str) -> str:
    """A cell's text without Markdown markup and escapes, NFC, with single spaces."""
    text = _ESCAPE.sub(r"\1", _MARKUP.sub(" ", unicodedata.normalize("NFC", cell or "")))
    return _SPACE.sub(" ", text).strip()


def cell_text(row: tuple[str, ...], layout: Layout, role: str) -> str:
    index = layout.columns.get(role)
    return clean_cell(row[index]) if index is not None and index < len(row) else ""


def row_evidence(source: SourceText, table: Table, index: int) -> Evidence:
    """The whole row, as written, is the quote: it holds the task with its owners and deadline."""
    start, end = table.row_spans[index]
    while end > start and source.original[end - 1].isspace():
        end -= 1
    return Evidence(source.source_id, start, end, source.original[start:end])
