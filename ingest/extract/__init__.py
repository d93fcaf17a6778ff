"""Extractors: one module per kind of fact, each ``extract(source, context) -> Iterable[Fact]``.

``extract_all`` runs them in order. Documents come first because the later extractors need
them: targets name the document that sets them, assignments the document that assigns them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

from ingest.model import AgencyFact, DocumentFact, DocumentRef, Fact, SourceText, TargetFact
from ingest.resolve import Catalogue, is_national_source, province_of_source


@dataclass(frozen=True)
class ExtractionContext:
    """What every extractor may know about a source beyond its text."""

    catalogue: Catalogue
    province: str | None = None  # slug of the province the source is about
    main_document: DocumentRef | None = None  # the document the source is (or reports on)
    reference_date: date | None = None  # the source's date: the year of "Ngày 24/2"
    documents: tuple[DocumentFact, ...] = ()  # documents found in the source, in text order
    # (start, end, document) of every naming of a document in the normalised text
    document_mentions: tuple[tuple[int, int, DocumentRef], ...] = ()
    national_source: bool = False  # published by a national body: its documents are national


Extractor = Callable[[SourceText, ExtractionContext], Iterable[Fact]]

EXTRACTOR_MODULES = ("documents", "agencies", "assignments", "targets", "meetings", "tables")


def _load_extractors() -> list[tuple[str, Extractor]]:
    """Every extractor, in order; one that fails to import is an error, never skipped."""
    return [
        (name, importlib.import_module(f"ingest.extract.{name}").extract)
        for name in EXTRACTOR_MODULES
    ]


EXTRACTORS: list[tuple[str, Extractor]] = _load_extractors()


def make_context(source: SourceText, catalogue: Catalogue) -> ExtractionContext:
    """The context of a source before its documents are known."""
    return ExtractionContext(
        catalogue,
        province_of_source(source, catalogue),
        None,
        source.meta.date,
        national_source=is_national_source(source, catalogue),
    )


def extract_all(source: SourceText, catalogue: Catalogue) -> list[Fact]:
    """Every fact every extractor finds in ``source``, documents first."""
    from ingest.extract import documents

    context = make_context(source, catalogue)
    mentions = documents.find_mentions(source, context)
    document_facts = documents.facts_of(source, mentions, context)
    context = replace(
        context,
        documents=tuple(document_facts),
        main_document=documents.main_document(source, document_facts),
        document_mentions=documents.mention_spans(mentions),
    )
    prose_facts: list[Fact] = list(document_facts)
    table_facts: list[Fact] = []
    for name, extractor in EXTRACTORS:
        if name == "tables":
            table_facts.extend(extractor(source, context))
        elif name != "documents":
            prose_facts.extend(extractor(source, context))
    facts = drop_prose_facts_in_tables(source, prose_facts) + table_facts
    infer_target_years(facts)
    return facts


def infer_target_years(facts: list[Fact]) -> None:
    """A target whose text states no year takes the horizon of the document that sets it
    (the end of "giai đoạn 2025-2030"), flagged as inferred; with no horizon it stays None."""
    horizons = {
        f.ref.key: f.period_end or f.vision_year
        for f in facts
        if isinstance(f, DocumentFact) and (f.period_end or f.vision_year)
    }
    for fact in facts:
        if isinstance(fact, TargetFact) and fact.year is None and fact.set_by:
            year = horizons.get(fact.set_by.key)
            if year:
                fact.year = year
                fact.year_inferred = True


def table_spans(source: SourceText) -> list[tuple[int, int]]:
    """Original-text spans of the tables that the table extractor reads (task or target tables)."""
    from ingest.extract.tables import table_layout

    spans = []
    for table in source.tables:
        if table.row_spans and table_layout(table.header) is not None:
            spans.append((table.row_spans[0][0], table.row_spans[-1][1]))
    return spans


def drop_prose_facts_in_tables(source: SourceText, facts: list[Fact]) -> list[Fact]:
    """Keep one reading of each table row: the table extractor's, not the prose extractors'.

    A task table's cells are not sentences: prose rules would read a lead column as the subject
    of a clause and a task name ("Xây dựng Đề án …") as a document mention. Agency mentions are
    kept wherever they are.
    """
    spans = table_spans(source)
    if not spans:
        return facts

    def inside(fact: Fact) -> bool:
        return any(s <= fact.evidence.start and fact.evidence.end <= e for s, e in spans)

    return [f for f in facts if isinstance(f, AgencyFact) or not inside(f)]
