"""Query rows → networkx graphs, one builder per view.

Every node carries ``cls`` (a key of ``viz.style.CLASS_STYLES``), ``label`` (one line),
``title`` (plain-text tooltip) and ``url`` (its entity page path); every edge carries
``relation``. Edges point from the higher node (national, assigning) to the lower one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from ontology.vocabulary import ID_BASE
from viz import style

NATIONAL_PLACE = ID_BASE + "place/viet-nam"
FACT_KEYS = (
    "identifier",
    "title",
    "number",
    "description",
    "lead",
    "deadline",
    "indicator",
    "comparator",
    "value",
    "unit",
    "year",
    "scope",
    "document",
    "statement",
    "level",
    "place",
    "lead_tasks",
    "coordinated_tasks",
    "verdict",
)


def pivot(rows: Iterable[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Long rows (node, key, value, value_lang[, relation, extra]) → one wide row per link up.

    Many-valued keys keep one value, preferring ``lang``, then Vietnamese, then untagged;
    ``types`` keeps all; ``roles`` and ``successors`` keep all; a quote keeps its source
    (``extra``). A node with several parents gives one row per parent; a node without, one row.
    """
    facts: dict[str, dict[str, list[tuple[Any, str, Any]]]] = {}
    parents: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        node = row["node"]
        values = facts.setdefault(node, {})
        if row["key"] == "parent":
            parents.setdefault(node, []).append((row["value"], row.get("relation") or ""))
            continue
        values.setdefault(row["key"], []).append(
            (row["value"], row.get("value_lang") or "", row.get("extra"))
        )
    preference = {lang: 0, "vi": 1, "": 2}
    wide = []
    for node, values in facts.items():
        record: dict[str, Any] = {"node": node}
        for key, candidates in values.items():
            if key in ("types", "role", "successor"):
                record[key] = sorted({str(c[0]) for c in candidates})
                continue
            value, _, extra = min(candidates, key=lambda c: (preference.get(c[1], 3), str(c[0])))
            record[key] = value
            if key == "quote":
                record["source"] = extra
        record["types"] = " ".join(record.get("types", []))
        record["deadline"] = record.get("deadline") or record.pop("deadline_date", None)
        if record.get("comparator"):
            record["comparator"] = str(record["comparator"]).rsplit("#", 1)[-1]
        links = parents.get(node) or [(None, None)]
        for parent, relation in links:
            wide.append({**record, "parent": parent, "relation": relation})
    return wide


def node_label(cls: str, row: dict[str, Any], lang: str) -> str:
    """A short one-line label drawn on the canvas."""
    if cls == "Task":
        text = style.shorten(row.get("description") or "", 30)
        number = str(row.get("number") or "").rstrip(".")  # "52." is written "52" too
        return f"{number}. {text}" if number else text or row["node"].rsplit("/", 1)[-1]
    if cls == "Target":
        sign = style.COMPARATOR_SIGNS.get(str(row.get("comparator") or ""), "")
        value = row.get("value")
        amount = "" if value is None else f" {sign}{_number(value)}{row.get('unit') or ''}"
        year = f" ({row['year']})" if row.get("year") else ""
        return style.shorten(f"{row.get('indicator') or ''}{amount}{year}", 60)
    if cls in style.DOCUMENT_CLASSES:
        return document_label(row)
    if row.get("identifier"):
        return str(row["identifier"])
    for key in ("label", "title", "description"):
        if row.get(key):
            return style.shorten(str(row[key]), 48)
    return row["node"].rsplit("/", 1)[-1]


def document_label(row: dict[str, Any]) -> str:
    """Number on the first line, a short title below, the province last when it is one:
    '238-KH/TU · Lạng Sơn' over 'Kế hoạch thực hiện Nghị quyết 57…'."""
    number = str(row["identifier"]) if row.get("identifier") else ""
    title = style.shorten(str(row.get("title") or row.get("label") or ""), 56)
    scope = row.get("scope")
    if scope and row.get("scope_iri") not in (None, NATIONAL_PLACE):
        number = f"{number} · {scope}" if number else str(scope)
    lines = [line for line in (number, title) if line]
    return "\n".join(lines) or row["node"].rsplit("/", 1)[-1]


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _facts(row: dict[str, Any], lang: str) -> dict[str, Any]:
    facts = {
        style.fact_name(k, lang): row.get(k) for k in FACT_KEYS if row.get(k) not in (None, "")
    }
    facts["quote"] = row.get("quote")
    facts["source"] = row.get("source")
    return facts


def add_row_node(graph: nx.DiGraph, row: dict[str, Any], lang: str, **extra: Any) -> str:
    """Add the row's node (once) with its class, label, tooltip and entity page."""
    iri = row["node"]
    if iri not in graph:
        cls = style.node_class(row.get("types"))
        label = node_label(cls, row, lang)
        graph.add_node(
            iri,
            cls=cls,
            label=label,
            title=style.tooltip(cls, lang, label, _facts(row, lang)),
            url=style.entity_path(iri),
            **extra,
        )
    return iri


def tree_graph(rows: Iterable[dict[str, Any]], lang: str, focus: str | None = None) -> nx.DiGraph:
    """Dependency and agency rows (parent, node, relation[, role]) → a directed graph.

    Edges to parents outside the view are dropped: the queries return every document a node
    implements, and only those in scope belong to the picture.
    """
    rows = pivot(rows, lang)
    graph = nx.DiGraph(focus=focus)
    for row in rows:
        add_row_node(graph, row, lang, scope=row.get("scope"), scope_iri=row.get("scope_iri"))
    for row in rows:
        parent = row.get("parent")
        if parent and parent in graph and parent != row["node"]:
            graph.add_edge(parent, row["node"], relation=row.get("relation") or "implements")
        for role in row.get("role", []):
            if focus in graph and row["node"] != focus:
                graph.add_edge(row["node"], focus, relation=role)
        for successor in row.get("successor", []):
            if successor in graph:
                graph.add_edge(row["node"], successor, relation="succeeded_by")
    return graph
