"""PDFs with a text layer (pypdf); a scan without one is reported, not silently read as empty."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from ingest.readers import Extracted
from ingest.readers.txt import find_pipe_tables
from ontology.errors import SourceError

# Bounded work: official plans run to tens of pages; anything past this is not a policy text.
MAX_PAGES = 2000


def read_pdf(path: Path, data: bytes) -> Extracted:
    """The text layer of every page, pages separated by a blank line."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError(path, "encrypted PDF (needs a password)")
        if len(reader.pages) > MAX_PAGES:
            raise SourceError(path, f"PDF has {len(reader.pages)} pages > {MAX_PAGES}")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
    except SourceError:
        raise
    except Exception as error:  # pypdf raises assorted types on a malformed file
        raise SourceError(path, f"not a readable PDF ({type(error).__name__}: {error})") from None
    text = "\n\n".join(page for page in pages if page)
    if not text.strip():
        raise SourceError(path, "no text layer (scanned PDF?)")
    return Extracted(text, find_pipe_tables(text), _info_hints(reader), "the PDF properties")


def _info_hints(reader: PdfReader) -> dict[str, str]:
    try:
        info = reader.metadata
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    hints: dict[str, str] = {}
    if info is not None and info.title and str(info.title).strip():
        hints["title"] = str(info.title).strip()
    return hints
