"""Plain text and Markdown: strict UTF-8 (with or without BOM), and Markdown pipe tables."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from ingest.model import Table
from ingest.readers import Extracted
from ontology.errors import SourceError

_BOM = b"\xef\xbb\xbf"
_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def decode_utf8(path: Path, data: bytes) -> str:
    """The text of ``data``; a BOM is dropped, anything that is not UTF-8 is a SourceError."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(path, "not valid UTF-8 (UTF-16 text: save it as UTF-8)")
    skipped = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[skipped:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = skipped + error.start
        raise SourceError(
            path, f"not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset})"
        ) from None


def read_text(path: Path, data: bytes) -> Extracted:
    """A .txt or .md file: its text as found, and its pipe tables."""
    text = decode_utf8(path, data)
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise SourceError(path, f"binary file ({controls} control characters in {len(text)})")
    return Extracted(text, find_pipe_tables(text))


def find_pipe_tables(text: str) -> tuple[Table, ...]:
    """Markdown pipe tables: a header row, a ``|---|`` separator, then the ``|``-rows that follow.

    Cells are the text between unescaped pipes, stripped of surrounding spaces; row and cell spans
    are offsets into ``text``, so ``text[start:end]`` gives the row (or the cell) back.
    """
    lines = _lines_with_offsets(text)
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        start, end = lines[index]
        if not _SEPARATOR_ROW.match(text[start:end]):
            index += 1
            continue
        header: tuple[str, ...] = ()
        if index > 0 and "|" in text[lines[index - 1][0] : lines[index - 1][1]]:
            header = tuple(cell for cell, _ in _cells(text, *lines[index - 1]))
        rows, row_spans, cell_spans = [], [], []
        index += 1
        while index < len(lines) and text[lines[index][0] : lines[index][1]].lstrip().startswith(
            "|"
        ):
            row_start, row_end = lines[index]
            cells = _cells(text, row_start, row_end)
            rows.append(tuple(cell for cell, _ in cells))
            cell_spans.append(tuple(span for _, span in cells))
            row_spans.append((row_start, row_end))
            index += 1
        if rows:  # a header with no rows (a signature block, say) is not a table of anything
            tables.append(Table(header, tuple(rows), tuple(row_spans), tuple(cell_spans)))
    return tuple(tables)


def _lines_with_offsets(text: str) -> list[tuple[int, int]]:
    """[start, end) of every line, without its line break (``\\n`` or ``\\r\\n``)."""
    spans = []
    start = 0
    for match in re.finditer(r"\r?\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _cells(text: str, start: int, end: int) -> list[tuple[str, tuple[int, int]]]:
    """The cells of one pipe row, each with its stripped span; outer pipes are not cells."""
    line = text[start:end]
    pipes = [match.start() for match in _UNESCAPED_PIPE.finditer(line)]
    bounds = [-1, *pipes, len(line)]
    cells = []
    for left, right in itertools.pairwise(bounds):
        cell_start, cell_end = left + 1, right
        while cell_start < cell_end and line[cell_start].isspace():
            cell_start += 1
        while cell_end > cell_start and line[cell_end - 1].isspace():
            cell_end -= 1
        cells.append((line[cell_start:cell_end], (start + cell_start, start + cell_end)))
    if line.lstrip().startswith("|"):
        cells = cells[1:]  # the empty text before the leading pipe
    if pipes and not line[pipes[-1] + 1 :].strip():
        cells = cells[:-1]  # the empty text after the closing pipe
    return cells
