"""What every extractor may know about a source beyond its text: its tree, its province, the
documents found so far. Kept apart from the extractor list so that extractors can import it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ingest.extract.structure import DocumentTree, parse
from ingest.model import DocumentFact, DocumentRef, SourceText
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
    tree: DocumentTree | None = None  # the source's document tree (None: read as flat prose)

    def document_at(self, offset: int) -> DocumentRef | None:
        """The document the text at ``offset`` belongs to: the one an annex's title names (the
        Programme issued after the signature of 03/NQ-CP), else the source's own document."""
        annex = self.tree.annex_at(offset) if self.tree else None
        if annex is not None:
            named = next(
                (
                    ref
                    for start, _, ref in self.document_mentions
                    if annex.start <= start < annex.heading_end
                ),
                None,
            )
            if named is not None:
                return named
        return self.main_document


def make_context(source: SourceText, catalogue: Catalogue) -> ExtractionContext:
    """The context of a source before its documents are known: its tree, province and date."""
    return ExtractionContext(
        catalogue,
        province_of_source(source, catalogue),
        None,
        source.meta.date,
        national_source=is_national_source(source, catalogue),
        tree=parse(source.normalised, source),
    )
