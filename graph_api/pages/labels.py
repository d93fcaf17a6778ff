"""Names for people: an entity's label in the page's language, never a slug or a ``pg:`` name."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ontology.namespaces import ID_BASE

APPENDIX = re.compile(r"^\s*Phụ lục\s+([IVXLC]+|\d+)", re.IGNORECASE)


def nfc(text: Any) -> str:
    return unicodedata.normalize("NFC", str(text))


def href(iri: str) -> str:
    """The local address of one of the graph's entities; other IRIs as they are."""
    return "/id/" + iri.removeprefix(ID_BASE) if iri.startswith(ID_BASE) else iri


def kind_of(iri: str) -> str:
    return iri.removeprefix(ID_BASE).split("/", 1)[0] if iri.startswith(ID_BASE) else ""


def pick(lang: str, vi: Any = None, en: Any = None, *fallbacks: Any) -> str | None:
    """The label in ``lang``, else the other language's, else the first fallback given."""
    for value in (vi, en) if lang == "vi" else (en, vi):
        if value:
            return nfc(value)
    return next((nfc(value) for value in fallbacks if value), None)


def own_label(rows: list[dict[str, Any]], lang: str) -> tuple[str | None, list[str]]:
    """An entity's name in ``lang`` (rows of ``page_labels.rq``) and its other names."""
    preferred: dict[str, list[str]] = {"vi": [], "en": [], "": []}
    curated: set[str] = set()
    others: list[str] = []
    for row in rows:
        label = nfc(row["label"])
        if row.get("curated"):
            curated.add(label)
        if row["labelKind"] == "label":
            preferred.setdefault((row.get("lang") or "")[:2], []).append(label)
        else:
            others.append(label)
    order = ("vi", "", "en") if lang == "vi" else ("en", "vi", "")

    def rank(label: str) -> tuple:
        return (label not in curated, *title_rank(label))

    title = next((min(preferred[k], key=rank) for k in order if preferred.get(k)), None)
    if title is None and others:
        title = others[0]
    names = sorted({*others, *preferred.get("vi", []), *preferred.get("", [])} - {title})
    return title, names


def title_rank(label: str) -> tuple[int, int, str]:
    """The fullest plausible title first: long enough to say what it is, not a whole sentence."""
    size = len(label)
    return (0 if 12 <= size <= 200 else 1, -size if size <= 200 else size, label)


def task_citation(number: Any, document_number: str | None, source_title: str | None) -> str:
    """A task as people cite it: ``03/NQ-CP, Phụ lục II, nhiệm vụ 52``."""
    parts = [document_number] if document_number else []
    appendix = APPENDIX.match(source_title or "")
    if appendix:
        parts.append(f"Phụ lục {appendix.group(1).upper()}")
    if number not in (None, ""):
        parts.append(f"nhiệm vụ {str(number).strip().rstrip('.')}")
    return ", ".join(parts)
