"""Reviewers' corrections, applied to the extracted facts on every build.

``data/curated/corrections.toml`` (optional: no file, no corrections) holds two kinds of
entries; each names a source and a fact by the kind of fact and a piece of its evidence quote
(what a reviewer sees in ``policygraph extract``)::

    [[reject]]
    source = "003_0098b399aefe7cee"
    kind = "target"                     # document | agency | assignment | target | meeting
    quote = "đào tạo 2.500 kỹ sư"       # a substring of the fact's evidence quote
    reason = "a training figure, not a target"

    [[fix]]
    source = "001_48c50c3c403c9ef8"
    kind = "target"
    quote = "khoảng 45% (năm 2025)"
    set = { comparator = "approx", year = 2025 }

A correction that matches no fact is reported, not silently dropped: the text may have changed.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from ingest.model import (
    AgencyFact,
    AssignmentFact,
    DocumentFact,
    Fact,
    MeetingFact,
    TargetFact,
)
from ontology.errors import CuratedDataError

KINDS: dict[str, type] = {
    "document": DocumentFact,
    "agency": AgencyFact,
    "assignment": AssignmentFact,
    "target": TargetFact,
    "meeting": MeetingFact,
}
# Fields a fix may set: plain values only (references are fixed by rejecting and curating).
FIXABLE = {
    "target": {
        "value",
        "upper_value",
        "comparator",
        "unit",
        "year",
        "scope",
        "qualitative",
        "rank_scope",
        "indicator_key",
    },
    "assignment": {"task", "deadline", "deadline_text", "ongoing", "theme", "expected_output"},
    "document": {"status", "period_start", "period_end", "vision_year", "scope"},
    "meeting": {"chair", "chair_role", "session_number"},
    "agency": {"abbrev"},
}


@dataclass(frozen=True)
class Correction:
    action: str  # "reject" | "fix"
    source: str
    kind: str
    quote: str
    reason: str = ""
    changes: dict[str, Any] = field(default_factory=dict)

    def matches(self, source_id: str, fact: Fact) -> bool:
        return (
            source_id == self.source
            and isinstance(fact, KINDS[self.kind])
            and self.quote in fact.evidence.quote
        )


@dataclass
class CorrectionLog:
    applied: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)


def load_corrections(path: Path) -> list[Correction]:
    """Read and check the corrections file; a bad entry fails with its file and entry number."""
    if not path.exists():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise CuratedDataError(path, _line_of(error), str(error)) from error
    corrections = []
    for action in ("reject", "fix"):
        for number, entry in enumerate(data.get(action, []), start=1):
            corrections.append(_parse_entry(path, action, number, entry))
    unknown = set(data) - {"reject", "fix"}
    if unknown:
        raise CuratedDataError(path, None, f"unknown sections {sorted(unknown)}")
    return corrections


def _parse_entry(path: Path, action: str, number: int, entry: dict) -> Correction:
    where = f"[[{action}]] entry {number}"
    for key in ("source", "kind", "quote"):
        if not isinstance(entry.get(key), str) or not entry[key]:
            raise CuratedDataError(path, None, f"{where}: '{key}' (a non-empty string) is required")
    kind = entry["kind"]
    if kind not in KINDS:
        raise CuratedDataError(path, None, f"{where}: kind {kind!r} is not one of {sorted(KINDS)}")
    changes = entry.get("set", {})
    if action == "fix":
        if not changes:
            raise CuratedDataError(path, None, f"{where}: a fix needs a 'set' table")
        bad = set(changes) - FIXABLE[kind]
        if bad:
            raise CuratedDataError(
                path,
                None,
                f"{where}: cannot set {sorted(bad)} on a {kind}; fixable: {sorted(FIXABLE[kind])}",
            )
    return Correction(
        action, entry["source"], kind, entry["quote"], entry.get("reason", ""), dict(changes)
    )


def _line_of(error: Exception) -> int | None:
    return getattr(error, "lineno", None)


def apply_corrections(
    source_id: str, facts: list[Fact], corrections: list[Correction], log: CorrectionLog
) -> list[Fact]:
    """The facts of one source with the reviewers' rejections and fixes applied."""
    relevant = [c for c in corrections if c.source == source_id]
    if not relevant:
        return facts
    used: set[int] = set()
    result: list[Fact] = []
    for fact in facts:
        rejected = False
        for index, correction in enumerate(relevant):
            if not correction.matches(source_id, fact):
                continue
            used.add(index)
            if correction.action == "reject":
                rejected = True
                log.applied.append(
                    f"{source_id}: rejected {correction.kind} "
                    f"«{fact.evidence.quote[:60]}»: {correction.reason}"
                )
            else:
                _set_fields(fact, correction.changes)
                log.applied.append(
                    f"{source_id}: fixed {correction.kind} "
                    f"«{fact.evidence.quote[:60]}»: {correction.changes}"
                )
        if not rejected:
            result.append(fact)
    for index, correction in enumerate(relevant):
        if index not in used:
            log.unmatched.append(
                f"{source_id}: {correction.action} {correction.kind} «{correction.quote}» "
                "matched no extracted fact"
            )
    return result


def _set_fields(fact: Fact, changes: dict[str, Any]) -> None:
    names = {f.name for f in fields(fact)}
    for name, value in changes.items():
        if name in names:
            setattr(fact, name, value)
