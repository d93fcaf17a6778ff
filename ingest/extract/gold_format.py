"""Facts → the gold annotation JSON shape (``gold-format.md``), so the scorer can read them."""

from __future__ import annotations

from typing import Any

from ingest.model import (
    AgencyFact,
    AgencyRef,
    AssignmentFact,
    DocumentFact,
    DocumentRef,
    Fact,
    TargetFact,
)
from ingest.resolve import Catalogue
from ontology.vocabulary import GOLD_DOCUMENT_TYPES


def _place_name(slug: str | None, catalogue: Catalogue | None) -> str | None:
    if not slug or slug == "viet-nam":
        return None
    label = catalogue.place_label(slug) if catalogue else None
    return label or slug.replace("-", " ").title()


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _indicator_ref(key: str | None, catalogue: Catalogue | None) -> str | None:
    """The curated indicator's key; None for a minted (uncurated) indicator."""
    if key and catalogue is not None and key in catalogue.indicators:
        return key
    return None


def _agency(
    ref: AgencyRef, catalogue: Catalogue | None, abbrev: str | None = None
) -> dict[str, Any]:
    return {
        "name": ref.name,
        "abbrev": abbrev,
        "level": ref.level or "other",
        "province": None if ref.level == "national" else _place_name(ref.province, catalogue),
    }


_ISSUING = ("Resolution", "Decision")  # acts that promulgate a programme (not one it supplements)


def fold_issued_parts(facts: list[Fact]) -> list[Fact]:
    """The gold names a programme that a resolution or decision issues (or updates) by that act
    ("the programme it promulgates is this document"): an unnumbered document that is part of
    another one of the same source, or updated by it, is left out, and what it carries out is
    carried out by its host."""
    documents = {f.ref.key: f for f in facts if isinstance(f, DocumentFact)}
    folded: list[Fact] = []
    hosts: dict[str, DocumentRef] = {}
    for fact in facts:
        host_ref = (fact.part_of or fact.updated_by) if isinstance(fact, DocumentFact) else None
        host = documents.get(host_ref.key) if host_ref else None
        if host is None or fact.ref.number or host is fact or host.ref.doc_type not in _ISSUING:
            folded.append(fact)
            continue
        for ref in fact.implements:
            if ref.key != host.ref.key and ref.key not in [r.key for r in host.implements]:
                host.implements.append(ref)
        hosts[fact.ref.key] = host.ref
    for fact in folded:  # what carries out a folded part carries out its host
        if isinstance(fact, DocumentFact) and any(r.key in hosts for r in fact.implements):
            refs: list[DocumentRef] = []
            for ref in (hosts.get(r.key, r) for r in fact.implements):
                if ref.key != fact.ref.key and ref.key not in [r.key for r in refs]:
                    refs.append(ref)
            fact.implements = refs
    return folded


def to_gold_format(facts: list[Fact], catalogue: Catalogue | None = None) -> dict[str, Any]:
    """The gold-format dict of one source's facts: names as written, numbers canonical."""
    documents, agencies, assignments, targets = [], [], [], []
    # A lead is named as in the agency list, where the scorer looks up its province.
    listed = {f.agency.key: f.agency.name for f in facts if isinstance(f, AgencyFact)}
    facts = fold_issued_parts(facts)
    for fact in facts:
        if isinstance(fact, DocumentFact):
            documents.append(
                {
                    "type": fact.ref.doc_type
                    if fact.ref.doc_type in GOLD_DOCUMENT_TYPES
                    else "Other",
                    "number": fact.ref.number,
                    "title": fact.ref.title,
                    "date": fact.issued.isoformat() if fact.issued else None,
                    "issuer": fact.issuer.name if fact.issuer else None,
                    "implements": [ref.number or ref.title or ref.key for ref in fact.implements],
                }
            )
        elif isinstance(fact, AgencyFact):
            agencies.append(_agency(fact.agency, catalogue, fact.abbrev))
        elif isinstance(fact, AssignmentFact):
            for lead in fact.leads:
                assignments.append(
                    {
                        "task": fact.task,
                        "lead": listed.get(lead.key, lead.name),
                        "coordinators": [listed.get(c.key, c.name) for c in fact.coordinators],
                        "deadline": fact.deadline,
                    }
                )
        elif isinstance(fact, TargetFact):
            targets.append(
                {
                    "indicator": fact.indicator_text,
                    "indicator_ref": _indicator_ref(fact.indicator_key, catalogue),
                    "value": _number(fact.value),
                    "value_max": _number(fact.upper_value),
                    "unit": fact.unit,
                    "comparator": fact.comparator,
                    # The gold gives the year the text states; an inferred horizon is no statement.
                    "year": None if fact.year_inferred else fact.year,
                    "scope": "national"
                    if fact.scope in (None, "viet-nam")
                    else _place_name(fact.scope, catalogue),
                    "quote": fact.evidence.quote,
                }
            )
    return {
        "documents": documents,
        "agencies": agencies,
        "assignments": assignments,
        "targets": targets,
    }
