"""Plain-text rendering of query output for the terminal."""

from __future__ import annotations

import csv
import io

from graph_api.store import QueryOutput
from ontology.wording import counted

MAX_CELL = 80


def format_output(output: QueryOutput, fmt: str) -> str:
    """A table for SELECT results in ``table`` format; the serialised body otherwise."""
    text = output.body.decode("utf-8")
    if fmt != "table" or output.kind != "solutions":
        return text.rstrip("\n")
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return "(no results)"
    rows = [[_clip(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in rows if i < len(row)) for i in range(len(rows[0]))]
    lines = [
        " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) for row in rows
    ]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    lines.append(f"({counted(len(rows) - 1, 'row')})")
    return "\n".join(lines)


def _clip(cell: str) -> str:
    cell = " ".join(cell.split())
    return cell if len(cell) <= MAX_CELL else cell[: MAX_CELL - 1] + "…"
