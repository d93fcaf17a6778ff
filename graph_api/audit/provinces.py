"""The provinces the audits report on, and how a user names one (IRI, slug or name)."""

from __future__ import annotations

from graph_api.named_queries import load_query
from graph_api.store import Store
from ontology.errors import NotFound
from ontology.slugs import slugify


def province_labels(store: Store) -> dict[str, str]:
    """Province IRI → label, noting a merger: ``Bình Dương (→ Hồ Chí Minh, 2025-07-01)``."""
    labels = {}
    for row in store.select(load_query("audit_provinces")):
        label = row["label"]
        if row.get("merged_into"):
            when = f", {row['merged_on']}" if row.get("merged_on") else ""
            label = f"{label} (→ {row['merged_into_label']}{when})"
        labels[row["province"]] = label
    return labels


def resolve_province(text: str, provinces: dict[str, str]) -> str:
    """The province IRI a user means by an IRI, a slug or a name (diacritics optional)."""
    wanted = slugify(text.rsplit("/", 1)[-1])
    for iri, label in provinces.items():
        if iri == text or iri.rsplit("/", 1)[-1] == wanted:
            return iri
        if slugify(label.split(" (→")[0]) == wanted:
            return iri
    known = ", ".join(sorted(iri.rsplit("/", 1)[-1] for iri in provinces))
    raise NotFound(f"no province {text!r} in the corpus; known: {known}")
