"""What a reviewer reads: each fact of one source with its quote (``policygraph extract``), and
the indicators no curated one fits, across the sources (``policygraph review``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ingest.model import (
    AgencyFact,
    AgencyRef,
    AssignmentFact,
    DocumentFact,
    Fact,
    MeetingFact,
    SourceText,
    TargetFact,
)
from ingest.provenance import Explainer
from ingest.resolve import Catalogue

SYMBOLS = {"gt": ">", "gte": "≥", "eq": "=", "approx": "≈", "lte": "≤", "lt": "<", "range": "–"}


def _agencies(refs: list[AgencyRef]) -> str:
    return "; ".join(f"{r.name} [{r.key}{'' if r.resolved else ', new'}]" for r in refs) or "—"


def describe(fact: Fact) -> list[str]:
    """Lines describing one fact (without its quote)."""
    if isinstance(fact, DocumentFact):
        ref = fact.ref
        lines = [f"DOCUMENT {ref.doc_type} {ref.number or ''} [{ref.key}]".rstrip()]
        if ref.title:
            lines.append(f"  title: {ref.title}")
        for label, value in (
            ("issued", fact.issued),
            ("issuer", fact.issuer and fact.issuer.name),
            ("status", fact.status),
            ("period", fact.period_start and f"{fact.period_start}–{fact.period_end}"),
            ("vision", fact.vision_year),
            ("implements", ", ".join(r.number or r.key for r in fact.implements)),
        ):
            if value:
                lines.append(f"  {label}: {value}")
        return lines
    if isinstance(fact, AgencyFact):
        return [f"AGENCY {_agencies([fact.agency])} level={fact.agency.level or '?'}"]
    if isinstance(fact, AssignmentFact):
        lines = [f"TASK {fact.number or ''} {fact.task}".replace("  ", " ")]
        lines.append(f"  lead: {_agencies(fact.leads)}")
        if fact.coordinators:
            lines.append(f"  coordinating: {_agencies(fact.coordinators)}")
        deadline = fact.deadline or ("ongoing" if fact.ongoing else None)
        if deadline or fact.deadline_text:
            lines.append(f"  deadline: {deadline} ({fact.deadline_text or ''})")
        if fact.assigned_by:
            lines.append(f"  assigned by: {fact.assigned_by.number or fact.assigned_by.key}")
        return lines
    if isinstance(fact, TargetFact):
        if fact.value is None:
            value = fact.qualitative or "?"
        else:
            value = f"{SYMBOLS.get(fact.comparator or '', '?')} {fact.value:g}"
            if fact.upper_value is not None:
                value += f"–{fact.upper_value:g}"
            value += f" {fact.unit or ''}"
        year = f"{fact.year or '?'}{' (inferred from the document)' if fact.year_inferred else ''}"
        lines = [f"TARGET {fact.indicator_text}: {value} by {year}"]
        indicator = fact.indicator_key or "(candidate: no curated indicator fits; for review)"
        lines.append(
            f"  indicator: {indicator}; scope: {fact.scope or '?'}; "
            f"set by: {fact.set_by.key if fact.set_by else '?'}"
        )
        return lines
    if isinstance(fact, MeetingFact):
        lines = [f"MEETING of {fact.body.name} on {fact.held_on or '?'}"]
        if fact.chair:
            lines.append(f"  chair: {fact.chair} ({fact.chair_role or ''})")
        for label, refs in (("approved", fact.approved), ("discussed", fact.discussed)):
            if refs:
                lines.append(f"  {label}: " + "; ".join(r.title or r.number or r.key for r in refs))
        return lines
    return [repr(fact)]


def _quote(fact: Fact) -> str:
    quote = " ".join(fact.evidence.quote.split())
    return quote if len(quote) <= 300 else quote[:297] + "…"


def _ordered(facts: list[Fact]) -> list[Fact]:
    return sorted(facts, key=lambda f: (f.evidence.start, type(f).__name__))


def review_text(facts: list[Fact], explainer: Explainer | None = None) -> str:
    """All facts, each with its quote and offsets, grouped in text order; with ``explainer``,
    also its line, the sections it stands in, what it inherited and a flag for each guess."""
    blocks = []
    for fact in _ordered(facts):
        lines = describe(fact)
        line = ""
        if explainer is not None:
            found = explainer.explain(fact)
            line = f" line {found.line}"
            if found.sections:
                lines.append("  under: " + " › ".join(found.sections))
            if found.document:
                lines.append(f"  document: {found.document}")
            lines.extend(f"  from context: {item}" for item in found.inherited)
            lines.extend(f"  GUESSED: {item}" for item in found.guesses)
        lines.append(f"  quote [{fact.evidence.start}:{fact.evidence.end}]{line}: «{_quote(fact)}»")
        blocks.append("\n".join(lines))
    counts: dict[str, int] = {}
    for fact in facts:
        counts[type(fact).__name__] = counts.get(type(fact).__name__, 0) + 1
    summary = ", ".join(f"{n} {k.removesuffix('Fact').lower()}" for k, n in sorted(counts.items()))
    return "\n\n".join([*blocks, f"({summary or 'no facts'})"])


def review_records(facts: list[Fact], explainer: Explainer) -> list[dict[str, object]]:
    """The same as :func:`review_text`, one JSON object per fact."""
    records = []
    for fact in _ordered(facts):
        lines = describe(fact)
        records.append(
            {
                "kind": type(fact).__name__.removesuffix("Fact").lower(),
                "fact": lines[0],
                "details": [line.strip() for line in lines[1:]],
                "quote": " ".join(fact.evidence.quote.split()),
                "start": fact.evidence.start,
                "end": fact.evidence.end,
                **explainer.explain(fact).as_json(),
            }
        )
    return records


@dataclass
class CandidateIndicator:
    """An indicator phrase no curated indicator fits, where it occurs, for a curator to map."""

    label: str
    unit: str | None
    occurrences: list[tuple[str, str, int]] = field(default_factory=list)  # (source, quote, line)


def extracted(
    sources: Iterable[SourceText], catalogue: Catalogue
) -> Iterator[tuple[SourceText, list[Fact]]]:
    """Each source with its facts, extracted once for every list of the review."""
    from ingest.extract import extract_all

    for source in sources:
        yield source, extract_all(source, catalogue)


def candidate_indicators(
    facts_by_source: Iterable[tuple[SourceText, list[Fact]]], catalogue: Catalogue
) -> list[CandidateIndicator]:
    """Every target indicator of the facts left unresolved, grouped by its label."""
    found: dict[tuple[str, str | None], CandidateIndicator] = {}
    for source, facts in facts_by_source:
        for fact in facts:
            if not isinstance(fact, TargetFact) or fact.indicator_key in catalogue.indicators:
                continue
            entry = found.setdefault(
                (fact.indicator_text, fact.unit), CandidateIndicator(fact.indicator_text, fact.unit)
            )
            line = source.original.count("\n", 0, fact.evidence.start) + 1
            entry.occurrences.append(
                (source.source_id, " ".join(fact.evidence.quote.split()), line)
            )
    return sorted(found.values(), key=lambda c: (-len(c.occurrences), c.label))


def candidates_text(candidates: list[CandidateIndicator]) -> str:
    """The review list: each candidate with its unit, how often and where (source, line)."""
    lines = []
    for candidate in candidates:
        lines.append(
            f"CANDIDATE INDICATOR «{candidate.label}» [{candidate.unit or '—'}]: "
            f"{len(candidate.occurrences)} target(s)"
        )
        for source_id, quote, line in candidate.occurrences:
            short = quote if len(quote) <= 160 else quote[:157] + "…"
            lines.append(f"  {source_id}: «{short}» (line {line})")
    lines.append(f"({len(candidates)} candidate indicators to map in data/curated/indicators.ttl)")
    return "\n".join(lines)
