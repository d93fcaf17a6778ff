"""Extractors: one module per kind of fact, run in one explicit order by :func:`extract_all`.

Each step has one interface, ``run(source, context) -> (facts, context)``: documents come first
because they add to the context what the later steps need (the source's own document, where
each document is named); the table step comes last and is the only reader of task and target
tables, so prose facts found inside those tables are dropped (agency mentions excepted).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ingest.extract import agencies, assignments, documents, meetings, tables, targets
from ingest.extract.context import ExtractionContext, make_context
from ingest.model import AgencyFact, DocumentFact, Fact, SourceText, TargetFact
from ingest.resolve import Catalogue

__all__ = ["EXTRACTORS", "ExtractionContext", "Extractor", "extract_all", "make_context"]

Step = Callable[[SourceText, ExtractionContext], tuple[list[Fact], ExtractionContext]]


def _facts_only(extract: Callable[[SourceText, ExtractionContext], Iterable[Fact]]) -> Step:
    """A step that finds facts and leaves the context as it was."""

    def run(source: SourceText, context: ExtractionContext) -> tuple[list[Fact], ExtractionContext]:
        return list(extract(source, context)), context

    return run


@dataclass(frozen=True)
class Extractor:
    """One step of extraction: its name, its run, and whether it is the reader of tables."""

    name: str
    run: Step
    reads_tables: bool = False


EXTRACTORS: tuple[Extractor, ...] = (
    Extractor("documents", documents.step),  # type: ignore[arg-type]
    Extractor("agencies", _facts_only(agencies.extract)),
    Extractor("assignments", _facts_only(assignments.extract)),
    Extractor("targets", _facts_only(targets.extract)),
    Extractor("meetings", _facts_only(meetings.extract)),
    Extractor("tables", _facts_only(tables.extract), reads_tables=True),
)


def extract_all(
    source: SourceText,
    catalogue: Catalogue,
    progress: Callable[[int, int, str], None] | None = None,
) -> list[Fact]:
    """Every fact every extractor finds in ``source``, in the order of :data:`EXTRACTORS`;
    ``progress(index, total, name)`` is told of each step as it starts (for the CLI's bar)."""
    context = make_context(source, catalogue)
    spans = table_spans(source)
    facts: list[Fact] = []
    for index, extractor in enumerate(EXTRACTORS, start=1):
        if progress:
            progress(index, len(EXTRACTORS), extractor.name)
        found, context = extractor.run(source, context)
        facts.extend(found if extractor.reads_tables else outside_tables(spans, found))
    infer_target_years(facts, source, context)
    return facts


def infer_target_years(facts: list[Fact], source: SourceText, context: ExtractionContext) -> None:
    """A target whose text states no year takes the year of the heading it stands under
    ("1. Mục tiêu đến năm 2030" then a list), else the horizon of the document that sets it
    (the end of "giai đoạn 2025-2030"); both flagged as inferred. With neither it stays None."""
    horizons = {
        f.ref.key: f.period_end or f.vision_year
        for f in facts
        if isinstance(f, DocumentFact) and (f.period_end or f.vision_year)
    }
    tree = context.tree
    for fact in facts:
        if not isinstance(fact, TargetFact) or fact.year is not None:
            continue
        heading = tree.year_at(normalised_offset(source, fact.evidence.start)) if tree else None
        year = heading[0] if heading else horizons.get(fact.set_by.key) if fact.set_by else None
        if year:
            fact.year = year
            fact.year_inferred = True


def normalised_offset(source: SourceText, original: int) -> int:
    """The offset in the normalised text of the character at ``original`` in the original."""
    from bisect import bisect_left

    return min(bisect_left(source.offset_map, original), len(source.normalised))


def table_spans(source: SourceText) -> list[tuple[int, int]]:
    """Original-text spans of the tables that the table extractor reads (task or target tables)."""
    spans = []
    for table in source.tables:
        if table.row_spans and tables.table_layout(table.header) is not None:
            spans.append((table.row_spans[0][0], table.row_spans[-1][1]))
    return spans


def outside_tables(spans: list[tuple[int, int]], facts: list[Fact]) -> list[Fact]:
    """Keep one reading of each table row: the table extractor's, not the prose extractors'.

    A task table's cells are not sentences: prose rules would read a lead column as the subject
    of a clause and a task name ("Xây dựng Đề án …") as a document mention. Agency mentions are
    kept wherever they are.
    """
    if not spans:
        return facts

    def inside(fact: Fact) -> bool:
        return any(s <= fact.evidence.start and fact.evidence.end <= e for s, e in spans)

    return [f for f in facts if isinstance(f, AgencyFact) or not inside(f)]
