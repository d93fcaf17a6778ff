"""The document page: number, title, type, issuer, date; what it implements and what implements
it as trees; the tasks and targets it sets — each fact once, however many sources state it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fastapi import Request

from graph_api.pages.facts import PREFIXES, entity_names, load_facts
from graph_api.pages.labels import nfc, pick, title_rank
from graph_api.pages.task_rows import task_rows
from graph_api.routes.common import select
from graph_api.store_terms import IRI

PG = PREFIXES["pg"]
DCTERMS = PREFIXES["dcterms"]
SHOWN = {
    PG + n for n in ("issuedBy", "implements", "implementsTransitive", "status", "territorialScope")
} | {DCTERMS + n for n in ("issued", "isPartOf")}


@dataclass
class Node:
    """One document in an implementation tree, with the documents under it."""

    iri: str
    number: str | None
    title: str | None
    kind: str | None
    children: list[Node] = field(default_factory=list)


def tree(
    root: str, rows: list[dict[str, Any]], child: str, parent: str, kinds: dict[str, str]
) -> list[Node]:
    """The documents under ``root`` following ``parent → child`` edges, each path once."""
    nodes: dict[str, Node] = {}
    edges: dict[str, set[str]] = {}
    for row in rows:
        iri = row[child]
        node = nodes.setdefault(iri, Node(iri, None, None, None))
        if row.get("identifier") and not node.number:
            node.number = nfc(row["identifier"])
        if row.get("title") and (
            node.title is None or title_rank(nfc(row["title"])) < title_rank(node.title)
        ):
            node.title = nfc(row["title"])
        if row.get("type") and not node.kind:
            node.kind = kinds.get(row["type"])
        edges.setdefault(row[parent], set()).add(iri)

    def below(iri: str) -> set[str]:
        found: set[str] = set()
        todo = list(edges.get(iri, ()))
        while todo:
            current = todo.pop()
            if current not in found:
                found.add(current)
                todo += edges.get(current, ())
        return found

    def by_label(iri: str) -> tuple[str, str, str]:
        # the IRI breaks ties: two documents may share a number and title (17/KH-UBND twice),
        # and the engines return them in their own orders
        return (nodes[iri].number or "", nodes[iri].title or "", iri)

    def grow(iri: str, seen: frozenset[str]) -> list[Node]:
        out = []
        children = edges.get(iri, set())
        deeper = set().union(*(below(child) for child in children))
        for found in sorted(children, key=by_label):
            if found in seen or found in deeper:  # shown once, under the part it belongs to
                continue
            base = nodes[found]
            out.append(
                Node(base.iri, base.number, base.title, base.kind, grow(found, seen | {found}))
            )
        return out

    return grow(root, frozenset({root}))


async def document_context(request: Request, iri: str, lang: str) -> dict[str, Any]:
    facts = await load_facts(request, iri, lang)
    bindings = {"document": IRI(iri)}
    up = await select(request, "document_implements", bindings)
    down = await select(request, "document_implemented_by", bindings)
    types = sorted({row["type"] for row in up + down if row.get("type")})
    kinds = await entity_names(request, types, lang)
    task_iris = [IRI(r["task"]) for r in await select(request, "page_document_tasks", bindings)]
    targets = await select(request, "page_document_targets", bindings)
    number = facts.first("identifier", DCTERMS)
    return {
        "facts": facts,
        "title": facts.title,
        "number": number.text if number else None,
        "implements": tree(iri, up, "ancestor", "from", kinds),
        "implemented_by": tree(iri, down, "descendant", "parent", kinds),
        "tasks": await task_rows(request, task_iris, date.today(), lang),
        "targets": sorted(
            (
                {
                    "iri": row["target"],
                    "indicator": row.get("indicator"),
                    "indicator_label": pick(lang, row.get("indicatorVi"), row.get("indicatorEn")),
                    "comparator": pick(lang, row.get("comparatorVi"), row.get("comparatorEn"))
                    or "",
                    "value": " ".join(v for v in (row.get("value"), row.get("unit")) if v),
                    "year": row.get("year") or "",
                }
                for row in targets
            ),
            # a total order: the same page on every engine
            key=lambda t: (t["indicator_label"] or "", t["year"], t["iri"]),
        ),
        "rest": facts.rest(SHOWN),
    }
