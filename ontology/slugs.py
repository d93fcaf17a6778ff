"""Readable, stable slugs for entity IRIs: Vietnamese folded to ASCII, lowercase, hyphens."""

from __future__ import annotations

import re

from ontology.text_keys import fold

__all__ = ["document_slug", "fold", "slugify"]

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_words: int = 12) -> str:
    """``Sở Khoa học và Công nghệ Bình Dương`` → ``so-khoa-hoc-va-cong-nghe-binh-duong``."""
    words = [w for w in _NON_ALNUM.split(fold(text)) if w]
    return "-".join(words[:max_words]) or "x"


_DOC_NUMBER = re.compile(
    r"^\s*(\d+[a-z]?)\s*(?:/\s*((?:19|20)\d\d)\s*)?[-/]\s*([A-ZĐ]+)\s*"
    r"(?:[-/]\s*([A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*))?",
    re.I,
)


def document_slug(number: str, year: int | None = None) -> str:
    """Slug of a numbered document: ``57-NQ/TW`` (2024) → ``57-ntw-2024``.

    Legal acts that carry their year (``107/2021/NĐ-CP``) → ``107-ncp-2021``.
    The type code contributes its first letter and the issuer code follows in full, which keeps
    the slugs short and matches the IRIs the design fixes (``…/id/document/57-ntw-2024``).
    """
    match = _DOC_NUMBER.match(number)
    if match:
        num, number_year, type_code, issuer = match.groups()
        issuer_part = slugify(issuer).replace("-", "") if issuer else ""
        base = f"{num}-{fold(type_code)[0]}{issuer_part}"
        year = year or (int(number_year) if number_year else None)
    else:
        base = slugify(number)
    return f"{base}-{year}" if year else base
