"""Tasks named as analysts cite them: ``03/NQ-CP PL2 52`` or ``03/NQ-CP, Phụ lục II, nhiệm vụ 52``
(document number, optional appendix, task number), besides the task's slug or IRI.

Resolved against the built store (``task_citations.rq``), never guessed: a citation that
matches no task, or several, is a :class:`QueryError` naming the value and what the graph has.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from graph_api.entity_refs import parse_entity_ref
from graph_api.named_queries import load_query
from graph_api.store import Store
from ontology.errors import QueryError

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_APPENDIX = r"(?:pl|phụ\s*lục|phu\s*luc|appendix|annex)\.?\s*(?P<appendix>[ivxlc]+|\d+)"
_NUMBER = r"(?:(?:nhiệm\s*vụ|nhiem\s*vu|nv|task|số|so|no)\.?\s*)?(?P<number>\d+)\.?"
CITATION = re.compile(
    rf"^(?P<document>\d+[\w\-]*[/\-][\w/\-]*[^\W\d_][\w/\-]*)[\s,;]+"
    rf"(?:{_APPENDIX}[\s,;]+)?{_NUMBER}$",
    re.IGNORECASE,
)
BARE_NUMBER = re.compile(r"^(?:nhiệm\s*vụ\s*|nv\s*)?(?P<number>\d+)\.?$", re.IGNORECASE)
_TITLE_APPENDIX = re.compile(r"^\s*(?:phụ\s*lục|phu\s*luc)\s+([IVXLC]+|\d+)\b", re.IGNORECASE)
EXAMPLE = "03/NQ-CP PL2 52"


@dataclass(frozen=True)
class TaskCitation:
    """One task as users cite it."""

    task: str
    document: str | None
    appendix: int | None
    number: str | None

    def __str__(self) -> str:
        parts = [self.document or "?"]
        if self.appendix:
            parts.append(f"PL{self.appendix}")
        parts.append(self.number or "?")
        return " ".join(parts)


def appendix_number(text: str) -> int:
    """``II`` or ``2`` → 2."""
    if text.isdigit():
        return int(text)
    values = [_ROMAN[c] for c in text.upper()]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def _key(document: str) -> str:
    """A document number compared loosely: case, spaces and the dash/slash slips ignored."""
    return re.sub(r"[\s/\-–]", "", document).casefold()


def _citations(store: Store, bindings: dict) -> list[TaskCitation]:
    found: dict[str, TaskCitation] = {}
    for row in store.select(load_query("task_citations"), bindings):
        appendix = None
        if row.get("sourceTitle") and (match := _TITLE_APPENDIX.match(row["sourceTitle"])):
            appendix = appendix_number(match[1])
        number = str(row["taskNumber"]).rstrip(".) ") if row.get("taskNumber") else None
        old = found.get(row["task"])
        found[row["task"]] = TaskCitation(
            str(row["task"]),
            row.get("identifier") or (old.document if old else None),
            appendix or (old.appendix if old else None),
            number,
        )
    return list(found.values())


def resolve_task(store: Store, value: str) -> TaskCitation:
    """The one task ``value`` names: a citation, a slug or an IRI that exists in the store."""
    text = unicodedata.normalize("NFC", value).strip()
    if match := CITATION.match(text):
        wanted_doc = _key(match["document"])
        wanted_appendix = appendix_number(match["appendix"]) if match["appendix"] else None
        candidates = _citations(store, {"number": match["number"]})
        found = [
            c
            for c in candidates
            if c.document
            and _key(c.document) == wanted_doc
            and (wanted_appendix is None or c.appendix == wanted_appendix)
        ]
        return _one(value, found, candidates)
    if match := BARE_NUMBER.match(text):
        candidates = _citations(store, {"number": match["number"]})
        raise QueryError(
            f"--task {value!r}: chỉ có số nhiệm vụ, thiếu số văn bản "
            f"(a task number alone names no task: give its document, e.g. "
            f"--task '{EXAMPLE}'){_listing(candidates)}"
        )
    iri = parse_entity_ref(text, "task")
    found = _citations(store, {"task": iri})
    return _one(value, found, [])


def _one(value: str, found: list[TaskCitation], candidates: list[TaskCitation]) -> TaskCitation:
    if len(found) == 1:
        return found[0]
    if not found:
        raise QueryError(
            f"--task {value!r}: không tìm thấy nhiệm vụ nào (no task matches; cite it as "
            f"'{EXAMPLE}' — document number, appendix, task number — or give its slug)"
            f"{_listing(candidates)}"
        )
    raise QueryError(
        f"--task {value!r}: khớp {len(found)} nhiệm vụ (matches {len(found)} tasks; "
        f"add the appendix, e.g. PL2){_listing(found)}"
    )


def _listing(citations: list[TaskCitation], most: int = 10) -> str:
    """The tasks the graph has with that number, as a hint."""
    if not citations:
        return ""
    lines = [f"\n  {c}  ({c.task.rsplit('/', 1)[-1]})" for c in citations[:most]]
    more = f"\n  … {len(citations) - most} more" if len(citations) > most else ""
    return "; tasks with this number / các nhiệm vụ có số này:" + "".join(lines) + more
