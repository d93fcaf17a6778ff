"""One reader per file format; each turns a file's bytes into an :class:`Extracted`.

For HTML and DOCX the "original" is the plain text the reader extracts (tables rendered as pipe
rows), so evidence offsets point into that text. :mod:`ingest.sources` picks the reader by
extension.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.model import Table


@dataclass(frozen=True)
class Extracted:
    """What a reader got from a file: the text, its tables, and metadata the file itself declares.

    ``hints`` holds title/date/publisher/address found in the file's own metadata (HTML ``<meta>``,
    DOCX core properties), with ``hints_from`` saying where, for the notes.
    """

    text: str
    tables: tuple[Table, ...] = ()
    hints: dict[str, str] = field(default_factory=dict)
    hints_from: str = ""
