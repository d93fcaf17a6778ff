"""Word files: paragraphs in document order; tables rendered as pipe rows, read back as Tables."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from ingest.readers import Extracted
from ingest.readers.txt import find_pipe_tables
from ontology.errors import SourceError

# A DOCX is a zip: refuse, before parsing, one that inflates past these bounds (a zip bomb).
# python-docx needs about 35 bytes of memory per byte of XML (706 MB for 20 MB), so the parse
# itself is bounded too (ingest.bounded_parse). zipfile stops each entry at its declared size.
MAX_INFLATED_BYTES = 50_000_000
MAX_ZIP_ENTRIES = 1_000
_SPACES = re.compile(r"\s+")


def read_docx(path: Path, data: bytes, max_bytes: int) -> Extracted:
    """The text of a .docx in reading order, its tables, and its declared title as a hint."""
    _check_zip(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises assorted types on a broken package
        raise SourceError(
            path, f"not a readable DOCX file ({type(error).__name__}: {error})"
        ) from None
    blocks: list[str] = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            text = Paragraph(element, document).text.strip()
            if text:
                blocks.append(text)
        elif element.tag == qn("w:tbl"):
            rendered = _render_table(DocxTable(element, document))
            if rendered:
                blocks.append(rendered)
    text = "\n\n".join(blocks)
    if not text.strip():
        raise SourceError(path, "empty file (the DOCX has no text)")
    return Extracted(text, find_pipe_tables(text), _core_hints(document), "the DOCX properties")


def _check_zip(path: Path, data: bytes) -> None:
    """Refuse a package with too many entries or too many bytes once inflated."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            entries = package.infolist()
    except zipfile.BadZipFile:
        raise SourceError(path, "not a readable DOCX file (not a zip package)") from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise SourceError(
            path, f"skipped: the DOCX has {len(entries)} zip entries > bound of {MAX_ZIP_ENTRIES}"
        )
    inflated = sum(info.file_size for info in entries)
    if inflated > MAX_INFLATED_BYTES:
        raise SourceError(
            path,
            f"skipped: the DOCX inflates to {inflated:,} bytes > bound of "
            f"{MAX_INFLATED_BYTES:,} bytes (a zip bomb?)",
        )


def _render_table(table: DocxTable) -> str:
    """Pipe rows; a cell merged across columns is written once, its other columns left empty."""
    lines: list[str] = []
    width = 0
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            same_as_left = previous is not None and cell._tc is previous
            previous = cell._tc
            text = "" if same_as_left else _SPACES.sub(" ", cell.text).strip().replace("|", "/")
            cells.append(text)
        if not any(cells):
            continue
        width = max(width, len(cells))
        lines.append("| " + " | ".join(cells) + " |")
    if not lines:
        return ""
    lines.insert(1, "|" + "---|" * width)
    return "\n".join(lines)


def _core_hints(document: Document) -> dict[str, str]:
    properties = document.core_properties
    hints: dict[str, str] = {}
    if properties.title and properties.title.strip():
        hints["title"] = properties.title.strip()
    return hints  # author and created date describe the file, not the published text
