"""The agencies no curated one fits, across the sources, for a curator to map by hand.

An unresolved agency is minted from the text (``agency/<slug>``) and never joins the curated
body it may be: ``policygraph review`` lists each with how often and where (file and line) it
is named, so that a curator adds a label or short form to ``data/curated/agencies.ttl`` (national
bodies) or ``provincial-bodies.toml`` (a standard provincial body), or rejects it in
``corrections.toml`` when it is no agency at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ingest.model import (
    AgencyFact,
    AgencyRef,
    AssignmentFact,
    DocumentFact,
    Fact,
    MeetingFact,
    SourceText,
)

EXAMPLES = 3  # quotes shown per agency


@dataclass(frozen=True)
class Occurrence:
    """Where a fact names the agency: source, line in the original text, the quote."""

    source_id: str
    file: str
    line: int
    quote: str


@dataclass
class UnresolvedAgency:
    """An agency minted from the text (no curated one fits), and every place it is named."""

    key: str
    names: list[str]
    level: str | None
    province: str | None
    occurrences: list[Occurrence] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(o.source_id for o in self.occurrences))

    def as_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "names": self.names,
            "level": self.level,
            "province": self.province,
            "count": len(self.occurrences),
            "sources": self.sources,
            "examples": [o.__dict__ for o in self.occurrences[:EXAMPLES]],
        }


def agency_refs(fact: Fact) -> list[AgencyRef]:
    """Every agency a fact names."""
    if isinstance(fact, AgencyFact):
        return [fact.agency]
    if isinstance(fact, AssignmentFact):
        extra = [fact.assigned_by_agency] if fact.assigned_by_agency else []
        return [*fact.leads, *fact.coordinators, *extra]
    if isinstance(fact, DocumentFact):
        return [fact.issuer] if fact.issuer else []
    if isinstance(fact, MeetingFact):
        return [fact.body]
    return []


def line_of(source: SourceText, offset: int) -> int:
    return source.original.count("\n", 0, offset) + 1


def collect_unresolved(
    facts_by_source: Iterable[tuple[SourceText, list[Fact]]],
) -> list[UnresolvedAgency]:
    """The unresolved, non-collective agencies of the facts, grouped by key; each place a fact
    names one counts once (an agency fact and the task of the same sentence are one naming)."""
    found: dict[str, UnresolvedAgency] = {}
    seen: set[tuple[str, str, int]] = set()
    for source, facts in facts_by_source:
        for fact in facts:
            for ref in agency_refs(fact):
                if ref.resolved or ref.collective:
                    continue
                entry = found.setdefault(
                    ref.key, UnresolvedAgency(ref.key, [], ref.level, ref.province)
                )
                if ref.name not in entry.names:
                    entry.names.append(ref.name)
                place = (ref.key, source.source_id, fact.evidence.start)
                if place in seen:
                    continue
                seen.add(place)
                entry.occurrences.append(
                    Occurrence(
                        source.source_id,
                        source.path.name,
                        line_of(source, fact.evidence.start),
                        " ".join(fact.evidence.quote.split()),
                    )
                )
    return sorted(found.values(), key=lambda a: (-len(a.occurrences), a.key))


def unresolved_text(agencies: list[UnresolvedAgency]) -> str:
    """The review list: each agency with its names, level, province, count and example quotes."""
    lines = []
    for agency in agencies:
        where = f" province={agency.province}" if agency.province else ""
        lines.append(
            f"UNRESOLVED AGENCY «{' | '.join(agency.names)}» [{agency.key}] "
            f"level={agency.level or '?'}{where}: {len(agency.occurrences)} mention(s) in "
            f"{len(agency.sources)} source(s)"
        )
        for occurrence in agency.occurrences[:EXAMPLES]:
            quote = occurrence.quote
            short = quote if len(quote) <= 160 else quote[:157] + "…"
            lines.append(f"  {occurrence.file}:{occurrence.line}: «{short}»")
        if len(agency.occurrences) > EXAMPLES:
            lines.append(f"  … and {len(agency.occurrences) - EXAMPLES} more")
    lines.append(
        f"({len(agencies)} unresolved agencies: map them in data/curated/agencies.ttl or "
        "provincial-bodies.toml, or reject them in corrections.toml; see data/curated/README.md)"
    )
    return "\n".join(lines)
