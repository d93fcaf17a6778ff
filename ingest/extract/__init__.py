"""Extractors: one module per kind of fact, each ``extract(source, context) -> Iterable[Fact]``.

``extract_all`` runs them in order. Documents come first because the later extractors need
them: targets name the document that sets them, assignments the document that assigns them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

from ingest.model import DocumentFact, DocumentRef, Fact, SourceText
from ingest.resolve import Catalogue, province_of_source


@dataclass(frozen=True)
class ExtractionContext:
    """What every extractor may know about a source beyond its text."""

    catalogue: Catalogue
    province: str | None = None  # slug of the province the source is about
    main_document: DocumentRef | None = None  # the document the source is (or reports on)
    reference_date: date | None = None  # the source's date: the year of "Ngày 24/2"
    documents: tuple[DocumentFact, ...] = ()  # documents found in the source, in text order


Extractor = Callable[[SourceText, ExtractionContext], Iterable[Fact]]

EXTRACTOR_MODULES = ("documents", "agencies", "assignments", "targets", "meetings", "tables")


def _load_extractors() -> list[tuple[str, Extractor]]:
    loaded = []
    for name in EXTRACTOR_MODULES:
        try:
            module = importlib.import_module(f"ingest.extract.{name}")
        except ImportError:
            if name == "tables":  # written by another engineer; optional until it lands
                continue
            raise
        loaded.append((name, module.extract))
    return loaded


EXTRACTORS: list[tuple[str, Extractor]] = _load_extractors()


def make_context(source: SourceText, catalogue: Catalogue) -> ExtractionContext:
    """The context of a source before its documents are known."""
    return ExtractionContext(
        catalogue, province_of_source(source, catalogue), None, source.meta.date
    )


def extract_all(source: SourceText, catalogue: Catalogue) -> list[Fact]:
    """Every fact every extractor finds in ``source``, documents first."""
    from ingest.extract import documents

    context = make_context(source, catalogue)
    document_facts = list(documents.extract(source, context))
    context = replace(
        context,
        documents=tuple(document_facts),
        main_document=documents.main_document(source, document_facts),
    )
    facts: list[Fact] = list(document_facts)
    for name, extractor in EXTRACTORS:
        if name != "documents":
            facts.extend(extractor(source, context))
    return facts
