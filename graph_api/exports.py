"""Tables as the files analysts open in Excel: CSV (UTF-8 with a BOM, so Excel reads Vietnamese)
and XLSX (openpyxl), with the column headers in the page's language.

Every downloadable table of the pages (the lists, an agency's tasks, a province's tables, the
alignment scorecard) goes through :func:`download`: one place decides the headers, the file name
and how a cell is written. A cell that a spreadsheet would run as a formula (``=…``, ``+…``,
``-…``, ``@…``) is written as text: in the CSV behind an apostrophe, in the XLSX as a string cell.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi.responses import Response

from ontology.errors import QueryError

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMAT_PATTERN = "^$|^(html|csv|xlsx)$"  # the ``format`` parameter of the pages with tables
BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FILE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Column:
    """One column of a downloadable table: the row key it reads and its header in each language."""

    key: str
    vi: str
    en: str

    def header(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


def cell_text(value: Any) -> str:
    """A value as the text of one cell (lists joined by "; ", None empty)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, list | tuple | set):
        return "; ".join(cell_text(item) for item in value if item not in (None, ""))
    return str(value)


def _csv_safe(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(columns: Sequence[Column], rows: Iterable[dict[str, Any]], lang: str) -> bytes:
    """The table as CSV: a BOM, the headers, one line per row (CRLF, as Excel writes)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column.header(lang) for column in columns])
    for row in rows:
        writer.writerow([_csv_safe(cell_text(row.get(column.key))) for column in columns])
    return (BOM + out.getvalue()).encode("utf-8")


def to_xlsx(
    columns: Sequence[Column], rows: Iterable[dict[str, Any]], lang: str, sheet: str
) -> bytes:
    """The table as one XLSX sheet: bold headers, every cell a string (never a formula)."""
    # openpyxl is imported on first use: the server starts without paying for it
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(title=_FILE_NAME.sub(" ", sheet)[:31] or "Sheet1")
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(worksheet, value=column.header(lang))
        cell.font = bold
        header.append(cell)
    worksheet.append(header)
    for row in rows:
        cells = []
        for column in columns:
            cell = WriteOnlyCell(worksheet, value=None)
            text = ILLEGAL_CHARACTERS_RE.sub("", cell_text(row.get(column.key)))
            if text:
                cell.value = text
                cell.data_type = "s"  # "=1+1" stays text: openpyxl would make it a formula
            cells.append(cell)
        worksheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def download(
    columns: Sequence[Column],
    rows: Iterable[dict[str, Any]],
    *,
    format: str,
    lang: str,
    name: str,
) -> Response:
    """The table as an attachment ``name.csv`` or ``name.xlsx``."""
    if format not in FORMATS:
        raise QueryError(f"format={format!r}: a table downloads as csv or xlsx")
    body = to_csv(columns, rows, lang) if format == "csv" else to_xlsx(columns, rows, lang, name)
    filename = f"{_FILE_NAME.sub('-', name).strip('-') or 'table'}.{format}"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(body, media_type=FORMATS[format], headers=headers)


def download_url(path: str, params: Iterable[tuple[str, str]], format: str) -> str:
    """The address of this page's table as ``format``: the same filters, no paging."""
    kept = [(k, v) for k, v in params if k not in ("format", "page") and v != ""]
    return f"{path}?{urlencode([*kept, ('format', format)])}"
