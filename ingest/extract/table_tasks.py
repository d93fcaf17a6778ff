"""Task tables → one AssignmentFact per row; section rows (I., II., …) set the theme of the
rows below them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.extract.table_layout import Layout, cell_text, row_evidence
from ingest.model import AgencyRef, AssignmentFact, DocumentRef, SourceText, Table
from ingest.resolve import Catalogue, split_agencies
from ingest.text.dates import parse_deadline
from ingest.themes import classify_task_theme, resolve_theme

_ROMAN = re.compile(r"[IVXLC]+\.?|[A-Z]\.|Phần\s+\w+\.?", re.I)


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
    numbers = [cell_text(row, layout, "number") for row in table.rows]
    for index, row in enumerate(table.rows):
        cells = {
            role: cell_text(row, layout, role)
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
