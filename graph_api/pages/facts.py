"""One entity's facts for its page: each property and value once, in the page's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import Request

from graph_api.least_rows import least_per_key
from graph_api.pages.evidence import load_quotes
from graph_api.pages.i18n import Words
from graph_api.pages.labels import kind_of, nfc, own_label, pick
from graph_api.routes.common import select
from graph_api.store_terms import IRI
from ontology.namespaces import ID_BASE, PREFIXES

PG = PREFIXES["pg"]
RDF_TYPE = PREFIXES["rdf"] + "type"
NAME_PROPERTIES = {
    PREFIXES["rdfs"] + "label",
    PREFIXES["skos"] + "prefLabel",
    PREFIXES["skos"] + "altLabel",
    PREFIXES["skos"] + "hiddenLabel",
    PREFIXES["dcterms"] + "title",
    PREFIXES["dcterms"] + "identifier",
}


@dataclass(frozen=True)
class Value:
    text: str
    iri: str | None = None  # a link when the value is one of the graph's entities

    @property
    def local(self) -> bool:
        return bool(self.iri and self.iri.startswith(ID_BASE))


@dataclass
class Facts:
    iri: str
    title: str
    other_names: list[str]
    types: list[Value]
    by_property: dict[str, list[Value]] = field(default_factory=dict)
    property_labels: dict[str, str] = field(default_factory=dict)
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def values(self, local_name: str, namespace: str = PG) -> list[Value]:
        return self.by_property.get(namespace + local_name, [])

    def first(self, local_name: str, namespace: str = PG) -> Value | None:
        found = self.values(local_name, namespace)
        return found[0] if found else None

    def rest(self, shown: set[str]) -> list[tuple[str, list[Value]]]:
        """The facts not shown elsewhere on the page, as (property label, values)."""
        return [
            (self.property_labels[prop], values)
            for prop, values in sorted(
                self.by_property.items(), key=lambda i: self.property_labels[i[0]]
            )
            if prop not in shown and prop not in NAME_PROPERTIES and prop != RDF_TYPE
        ]


async def load_facts(request: Request, iri: str, lang: str) -> Facts:
    """The facts, names and evidence of ``iri`` (three queries, each fact once)."""
    bindings = {"entity": IRI(iri)}
    rows = await select(request, "page_facts", bindings)
    # one row per (property, value), the least of each other column: as MIN on every engine
    rows = list(least_per_key(rows, lambda row: (str(row["property"]), str(row["value"]))).values())
    title, other_names = own_label(await select(request, "page_labels", bindings), lang)
    facts = Facts(iri, title or "", other_names, [])
    for row in rows:
        prop = row["property"]
        label = pick(lang, row.get("propertyVi"), row.get("propertyEn"))
        facts.property_labels[prop] = label or _humanise(prop)
        value = _value(row, lang)
        if prop == RDF_TYPE:
            if row.get("valueVi") or row.get("valueEn"):
                facts.types.append(Value(value.text, row["value"]))  # the class, for templates
            continue
        facts.by_property.setdefault(prop, []).append(value)
    for values in facts.by_property.values():
        values.sort(key=lambda v: v.text)
    facts.evidence = await select(request, "entity_evidence", bindings)
    facts.title = facts.title or describe(kind_of(iri), facts, lang) or _fallback_title(iri, lang)
    return facts


def describe(kind: str, facts: Facts, lang: str) -> str | None:
    """A title for what has no name: a target by its indicator and value, a meeting by its
    host and session, evidence by its quote; else the start of its description."""
    if facts.title:
        return None

    def text(name: str, namespace: str = PG) -> str:
        found = facts.first(name, namespace)
        return found.text if found else ""

    if kind == "target":
        value = " ".join(v for v in (text("comparator"), text("targetValue"), text("unit")) if v)
        year = text("targetYear")
        title = f"{text('indicator')}: {value}" if text("indicator") else value
        return f"{title} ({year})" if year else title or None
    if kind == "meeting":
        session = text("sessionNumber")
        word = "Phiên họp" if lang == "vi" else "Meeting"
        title = f"{word} {session}".strip() if session else word
        host = text("heldBy")
        return f"{title} — {host}" if host else title
    if kind == "evidence":
        quote = text("exact", PREFIXES["oa"])
        if "|" in quote:  # a row of a Markdown table (an appendix) read as its cells
            quote = " · ".join(cell.strip() for cell in quote.split("|") if cell.strip())
        return f"«{_short(quote, 120)}»" if quote else None
    description = text("description", PREFIXES["dcterms"])
    return _short(description, 120) if description else None


def _value(row: dict[str, Any], lang: str) -> Value:
    value = row["value"]
    is_iri = (
        isinstance(value, str)
        and value.startswith(("http://", "https://"))
        and (
            row.get("valueVi")
            or row.get("valueEn")
            or row.get("valueId")
            or value.startswith(ID_BASE)
        )
    )
    if not is_iri:
        if isinstance(value, bool):
            return Value(
                "có"
                if value and lang == "vi"
                else "yes"
                if value
                else "không"
                if lang == "vi"
                else "no"
            )
        return Value(nfc(value))
    text = pick(lang, row.get("valueVi"), row.get("valueEn"), row.get("valueId"))
    if not value.startswith(ID_BASE):  # an ontology term (level, status): its name, no link
        return Value(text or _humanise(value))
    return Value(text or _fallback_title(value, lang), value)


def _fallback_title(iri: str, lang: str = "vi") -> str:
    """A label-less entity with nothing to describe it: its kind, in words."""
    return Words(lang).kind(kind_of(iri)) or iri.rsplit("/", 1)[-1]


def _humanise(prop: str) -> str:
    """A property the ontology does not label: its local name in words (``dissolvedOn`` →
    ``dissolved on``), never a ``prefix:name``."""
    local = prop.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    words = []
    for char in local:
        if char.isupper() and words:
            words.append(" ")
        words.append(char.lower())
    return "".join(words)


async def entity_context(request: Request, iri: str, lang: str) -> dict[str, Any]:
    """A page for the kinds without their own: names, kind, facts, what refers to it, quotes."""
    facts = await load_facts(request, iri, lang)
    links_in = []
    for row in await select(request, "page_links_in", {"entity": IRI(iri)}):
        text = pick(lang, row.get("subjectVi"), row.get("subjectEn"), row.get("subjectId"))
        prop = pick(lang, row.get("propertyVi"), row.get("propertyEn")) or _humanise(
            row["property"]
        )
        links_in.append(
            (
                prop,
                Value(
                    _short(text) if text else _fallback_title(row["subject"], lang), row["subject"]
                ),
            )
        )
    links_in.sort(key=lambda item: (item[0], item[1].text))
    return {
        "facts": facts,
        "title": facts.title,
        "kind": kind_of(iri),
        "rest": facts.rest(set()),
        "links_in": links_in,
        "quotes": await load_quotes(request, facts.evidence),
    }


def _short(text: str, size: int = 160) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


async def entity_names(request: Request, iris: list[str], lang: str) -> dict[str, str]:
    """The names of ``iris`` in ``lang`` (the other language's when missing)."""
    if not iris:
        return {}
    rows = await select(request, "page_names", {"entity": [IRI(i) for i in sorted(set(iris))]})
    found: dict[str, str] = {}
    for row in rows:
        label = row.get("labelVi") if lang == "vi" else row.get("labelEn")
        found[row["entity"]] = label or row.get("labelVi") or row.get("labelEn") or row["entity"]
    return found
