"""The targets as the alignment audit reads them: one row per target with its indicator, place,
level (national or provincial), value and quote, each looked up once for all the targets; a
target stated twice for one place read once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from graph_api.named_queries import load_query
from graph_api.store import Store
from graph_api.store_terms import IRI
from ontology.vocabulary import PG

NATION, PROVINCE = PG + "Nation", PG + "Province"
LOOKUP_CHUNK = 250  # IRIs bound in one lookup query


@dataclass(frozen=True)
class TargetRow:
    """One target as the audit reads it (a row of ``audit_targets``)."""

    target: str
    indicator: str
    indicator_label: str
    scope: str
    scope_label: str
    level: str  # "national" or "provincial"
    comparator: str | None = None
    value: float | None = None
    upper: float | None = None
    unit: str | None = None
    year: int | None = None
    direction: str | None = None
    rank_scope: str | None = None
    statement: str | None = None
    document: str | None = None
    document_label: str | None = None
    evidence: str | None = None
    quote: str | None = None
    source: str | None = None
    applies_to_provinces: bool = True  # pg:appliesToProvinces of the indicator (absent: true)
    applicability_note: str | None = None  # why not, when it does not (skos:editorialNote @vi)
    applicability_note_en: str | None = None  # the same in English
    duplicates: tuple[str, ...] = ()  # the same target stated again for the same place

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> TargetRow:
        return cls(
            target=row["target"],
            indicator=row["indicator"],
            indicator_label=row.get("indicator_label") or row["indicator"],
            scope=row["scope"],
            scope_label=row.get("scope_label") or row["scope"],
            level="national" if row["scope_type"] == NATION else "provincial",
            comparator=row.get("comparator"),
            value=_number(row.get("value")),
            upper=_number(row.get("upper")),
            unit=row.get("unit") or row.get("default_unit"),
            year=_year(row.get("year")),
            direction=row.get("direction"),
            rank_scope=row.get("rank_scope"),
            statement=row.get("statement"),
            document=row.get("document"),
            document_label=row.get("document_label"),
            evidence=row.get("evidence"),
            quote=row.get("quote"),
            source=row.get("source"),
            applies_to_provinces=str(row.get("applies", "true")).lower() != "false",
            applicability_note=row.get("applicability_note"),
            applicability_note_en=row.get("applicability_note_en"),
        )

    def same_target_key(self) -> tuple:
        """What makes two rows the same target for one place: a restatement (a photo caption,
        a second plan of the province) has the same indicator, value, unit and year."""
        national = self.level == "national"
        return (
            self.scope,
            self.indicator,
            self.document if national else None,  # two national documents: two statements
            self.comparator,
            self.value,
            self.upper,
            self.unit,
            self.year,
            self.rank_scope,
            None if self.value is not None else self.statement,
        )

    def wording(self) -> str:
        """The target as a short formula, e.g. ``> 55 % (2030)``."""
        if self.value is None or self.comparator is None:
            return self.statement or "(no value)"
        sign = {"gt": ">", "gte": "≥", "eq": "=", "approx": "≈", "lte": "≤", "lt": "<"}
        if self.comparator == "range":
            amount = f"{_fmt(self.value)}–{_fmt(self.upper)}"
        else:
            amount = f"{sign.get(self.comparator, self.comparator)} {_fmt(self.value)}"
        unit = f" {self.unit}" if self.unit else ""
        year = f" ({self.year})" if self.year else ""
        return f"{amount}{unit}{year}"


def once_each(targets: list[TargetRow]) -> list[TargetRow]:
    """Each target once per place: a restatement is folded into the first (by IRI) as one of
    its ``duplicates``, so it makes no finding of its own."""
    first: dict[tuple, TargetRow] = {}
    again: dict[tuple, list[str]] = defaultdict(list)
    for target in sorted(targets, key=lambda t: t.target):
        key = target.same_target_key()
        if key in first:
            again[key].append(target.target)
        else:
            first[key] = target
    kept = [replace(t, duplicates=tuple(again[k])) if k in again else t for k, t in first.items()]
    return sorted(kept, key=lambda t: (t.indicator, t.scope, t.target))


def target_rows(
    store: Store, scopes: dict[str, list[IRI]] | None, query: str = "audit_targets"
) -> list[dict[str, Any]]:
    """Rows of ``query`` (``audit_targets``, or ``audit_targets_all``) completed with the labels
    of their indicators, places and documents and their evidence quotes, each looked up once for
    all the targets."""
    rows = store.select(load_query(query), scopes)
    rows.sort(key=lambda row: (row["indicator"], row["scope"], row["target"]))

    def lookup(query: str, key: str, iris: set[str]) -> dict[str, dict[str, Any]]:
        if not iris:
            return {}
        found: dict[str, dict[str, Any]] = {}
        for row in _chunked_select(store, query, key, iris):
            values = found.setdefault(row[key], {})
            value = row["value"]
            if row["property"] not in values or str(value) < str(values[row["property"]]):
                values[row["property"]] = value  # the least, as MIN would give: deterministic
        return found

    indicators = lookup("audit_indicators", "indicator", {r["indicator"] for r in rows})
    places = lookup("audit_place_labels", "place", {r["scope"] for r in rows})
    documents = lookup(
        "audit_document_labels", "document", {r["document"] for r in rows if r.get("document")}
    )
    evidence_iris = {r["evidence"] for r in rows if r.get("evidence")}
    quotes = {}
    for row in _chunked_select(store, "evidence_quotes", "evidence", evidence_iris):
        quotes[row["evidence"]] = row
    completed = []
    for row in rows:
        indicator = indicators.get(row["indicator"], {})
        place = places.get(row["scope"], {})
        document = documents.get(row.get("document") or "", {})
        quote = quotes.get(row.get("evidence") or "")
        completed.append(
            {
                **row,
                "indicator_label": indicator.get("label") or indicator.get("any_label"),
                "direction": indicator.get("direction"),
                "applies": indicator.get("applies"),
                "applicability_note": indicator.get("applicability_note"),
                "applicability_note_en": indicator.get("applicability_note_en"),
                "default_unit": indicator.get("default_unit"),
                "scope_label": place.get("label") or place.get("any_label"),
                "document_label": document.get("number")
                or document.get("title")
                or row.get("document"),
                "evidence": row.get("evidence") if quote else None,
                "quote": quote["quote"] if quote else None,
                "source": quote.get("source") if quote else None,
            }
        )
    return completed


def _chunked_select(store: Store, query: str, key: str, iris: set[str]) -> list[dict[str, Any]]:
    """Rows of ``query`` with ``key`` bound to ``iris``, ``LOOKUP_CHUNK`` at a time: a VALUES
    list of more than about 1,000 IRIs falls off a cliff on the engine (1,827 evidence nodes at
    10⁶ quads)."""
    ordered = sorted(iris)
    rows: list[dict[str, Any]] = []
    for start in range(0, len(ordered), LOOKUP_CHUNK):
        chunk = [IRI(iri) for iri in ordered[start : start + LOOKUP_CHUNK]]
        rows += store.select(load_query(query), {key: chunk})
    return rows


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _year(value: Any) -> int | None:
    number = _number(value)
    return None if number is None else int(number)


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:g}"
