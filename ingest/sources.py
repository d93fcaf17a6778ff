"""Read source files into SourceText: pick the reader, bound the work, attach metadata, normalise.

A file that cannot be read raises :class:`~ontology.errors.SourceError` naming the file and the
reason; :func:`iter_sources` yields that error in the file's place so the build reports it and
goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ingest.bounded_parse import PARSE_MEMORY_BYTES, BoundedParser, Reader
from ingest.model import SourceText
from ingest.readers import Extracted
from ingest.readers.docx import read_docx
from ingest.readers.html import read_html
from ingest.readers.metadata import SIDECAR_SUFFIX, build_meta, read_declared
from ingest.readers.pdf import read_pdf
from ingest.readers.txt import read_text
from ingest.text.normalise import normalise
from ontology.errors import SourceError

DEFAULT_MAX_BYTES = 20_000_000
# Text longer than this is refused after extraction: normalising and extracting cost about 60
# bytes of memory per character (10.7 M characters took 706 MB). The longest real source has
# 57 K characters.
MAX_TEXT_CHARS = 5_000_000
_TEXT_SUFFIXES = (".txt", ".md")


def _text(path: Path, data: bytes, _cap: int) -> Extracted:
    return read_text(path, data)


def _html(path: Path, data: bytes, _cap: int) -> Extracted:
    return read_html(path, data)


def _pdf(path: Path, data: bytes, _cap: int) -> Extracted:
    return read_pdf(path, data)


# Module-level functions, not lambdas: the bounded parser sends them to its process by name.
_READERS: dict[str, Reader] = {
    ".txt": _text,
    ".md": _text,
    ".html": _html,
    ".htm": _html,
    ".docx": read_docx,
    ".pdf": _pdf,
}
_BINARY_CHECKED = (".txt", ".md", ".html", ".htm")
PACKAGED_SUFFIXES = (".docx", ".pdf", ".html", ".htm")  # parse cost unrelated to file size: bounded


def read_source(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, parser: BoundedParser | None = None
) -> SourceText:
    """One source file as a SourceText; SourceError (path + reason) when it cannot be read.

    With ``parser``, .docx, .pdf and .html files are parsed in its memory-bounded process.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        known = ", ".join(_READERS)
        raise SourceError(path, f"unsupported file type {suffix or '(none)'!r} (expected {known})")
    data = _read_bounded(path, max_bytes)
    if not data.strip(b" \t\r\n\f\v"):
        raise SourceError(path, "empty file")
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    nul_at = data.find(b"\x00") if suffix in _BINARY_CHECKED and not utf16 else -1
    if nul_at >= 0:
        raise SourceError(path, f"binary file (NUL byte at offset {nul_at})")
    if parser is not None and suffix in PACKAGED_SUFFIXES:
        extracted = parser(reader, path, data, max_bytes)
    else:
        extracted = reader(path, data, max_bytes)
    if not extracted.text.strip():
        raise SourceError(path, "empty file")
    if len(extracted.text) > MAX_TEXT_CHARS:
        raise SourceError(
            path,
            f"skipped: {len(extracted.text):,} characters of text > bound of {MAX_TEXT_CHARS:,}",
        )
    declared, problems = read_declared(path, extracted.text)
    meta = build_meta(extracted.text, declared, problems, extracted.hints, extracted.hints_from)
    normalised, offset_map = normalise(extracted.text)
    return SourceText(
        source_id=path.stem,
        path=path,
        original=extracted.text,
        normalised=normalised,
        offset_map=offset_map,
        meta=meta,
        tables=extracted.tables,
    )


def iter_sources(
    directory: Path, max_bytes: int = DEFAULT_MAX_BYTES, parse_memory: int = PARSE_MEMORY_BYTES
) -> Iterator[SourceText | SourceError]:
    """Every source in ``directory`` by file name; unreadable ones come as SourceError.

    Skipped: sidecar ``*.meta.json`` files, README files, hidden files and subdirectories.
    Two files with the same stem would share a source IRI, so the second is an error.
    Packaged formats are parsed in a process of at most ``parse_memory`` bytes.
    """
    seen: dict[str, Path] = {}
    with BoundedParser(parse_memory) as parser:
        for path in sorted(Path(directory).iterdir(), key=lambda p: p.name):
            if not _is_source_file(path):
                continue
            if path.stem in seen:
                yield SourceError(path, f"same source id {path.stem!r} as {seen[path.stem].name}")
                continue
            seen[path.stem] = path
            try:
                yield read_source(path, max_bytes, parser)
            except SourceError as error:
                yield error


def _is_source_file(path: Path) -> bool:
    name = path.name
    return (
        path.is_file()
        and not name.startswith(".")
        and not name.endswith(SIDECAR_SUFFIX)
        and not name.upper().startswith("README")
    )


def _read_bounded(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing (before reading them) any file over ``max_bytes``."""
    try:
        if not path.is_file():
            raise SourceError(path, "not a regular file")
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(path, f"file too large: {size} bytes > cap of {max_bytes} bytes")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise SourceError(path, f"cannot read ({error.strerror or error})") from None
    if len(data) > max_bytes:
        raise SourceError(path, f"file too large: over the cap of {max_bytes} bytes")
    return data
