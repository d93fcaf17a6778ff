"""Task and target tables → AssignmentFact and TargetFact, one per row.

Official texts carry their task lists (TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |
Kết quả | Thời gian hoàn thành, with section rows I., II., …) and target lists (TT | Chỉ tiêu |
Đơn vị | Kết quả | Cơ quan chủ trì theo dõi, with period rows "Đến năm 2030") as tables. The
kind of a table is read from its header, tolerant to wording; every fact quotes its row.

An appendix says which document it belongs to in a line such as "(Kèm theo Chương trình hành
động tại Nghị quyết số …/NQ-CP …)"; that document assigns the tasks and sets the targets.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ingest.extract.table_documents import action_programme_key, attached_document
from ingest.extract.table_layout import column_role, table_layout
from ingest.extract.table_targets import normalise_unit, read_values, target_facts
from ingest.extract.table_tasks import task_facts
from ingest.model import DocumentFact, DocumentRef, Fact, SourceText
from ingest.resolve import Catalogue

if TYPE_CHECKING:
    from ingest.extract.context import ExtractionContext

__all__ = [
    "action_programme_key",
    "attached_document",
    "column_role",
    "extract",
    "normalise_unit",
    "read_values",
    "table_layout",
]


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
