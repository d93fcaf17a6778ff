"""The dependency view top-down, tasks folded under their document until clicked.

Documents are laid out in layers: the root (57-NQ/TW) on top, national documents below it,
provincial documents at least one layer lower even when they implement the root directly, so
the page reads national → provincial. Under each document one group node counts its tasks and
targets ("▸ 52 nhiệm vụ · 3 chỉ tiêu"); its members travel in the page hidden, with their
place in a column under the group, and view.js shows them (pushing the lower layers down)
when the group is clicked. Past ``leaf_budget`` tasks and targets the members are left out
(the group links to the document's page), past ``document_limit`` documents the deepest are.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from viz import layout, style
from viz.graphs import NATIONAL_PLACE

LEAF_CLASSES = ("Task", "Target")
DEFAULT_LEAF_BUDGET = 1500
DEFAULT_DOCUMENT_LIMIT = 300
GROUP_DY = 80.0  # the group node under its document
MEMBER_DY = 50.0  # each task of an open group, one under the other
LAYER_GAP = 200.0
MAX_ROW = 10  # documents side by side in a layer before it wraps onto another row


def leaf_counts(rows: list[dict[str, Any]]) -> dict[str, Counter]:
    """Rows of view_dependencies_counts → document → Counter of its tasks and targets."""
    counts: dict[str, Counter] = {}
    for row in rows:
        counts.setdefault(row["document"], Counter())[row["kind"]] += int(row["count"] or 0)
    return counts


def is_provincial(data: dict[str, Any]) -> bool:
    return data.get("scope_iri") not in (None, NATIONAL_PLACE)


def document_layers(graph: nx.DiGraph, root: str) -> dict[str, int]:
    """Longest path from the root, with provincial documents at least on layer 2."""
    dag = graph
    if not nx.is_directed_acyclic_graph(graph):
        dag = nx.DiGraph(graph)
        dag.remove_edges_from(layout.back_edges(graph))
    layer_of: dict[str, int] = {}
    for node in nx.topological_sort(dag):
        floor = 0 if node == root else (2 if is_provincial(graph.nodes[node]) else 1)
        layer_of[node] = max([floor, *(layer_of[p] + 1 for p in dag.predecessors(node))])
    return layer_of


def fold_leaves(
    graph: nx.DiGraph,
    root: str,
    lang: str,
    *,
    leaf_budget: int = DEFAULT_LEAF_BUDGET,
    document_limit: int = DEFAULT_DOCUMENT_LIMIT,
    counts: dict[str, Counter] | None = None,
) -> tuple[nx.DiGraph, dict[str, tuple[float, float]], str]:
    """The view's graph with one group per document, every node's position, and a note.

    ``counts`` (document → tasks and targets) is given when the graph holds no tasks, only
    documents: past the budget the caller fetched the counts instead of the tasks."""
    ui = style.words(lang)
    documents = nx.DiGraph()
    documents.add_nodes_from(
        (n, d) for n, d in graph.nodes(data=True) if d.get("cls") not in LEAF_CLASSES
    )
    documents.add_edges_from(
        (a, b, d) for a, b, d in graph.edges(data=True) if a in documents and b in documents
    )
    layer_of = document_layers(documents, root)
    notes = []
    if documents.number_of_nodes() > document_limit:
        kept = sorted(documents, key=lambda n: (layer_of[n], documents.nodes[n].get("label", "")))
        dropped = kept[document_limit:]
        documents.remove_nodes_from(dropped)
        notes.append(ui["documents_limit"].format(shown=document_limit, total=len(kept)))
    leaves = [n for n, d in graph.nodes(data=True) if d.get("cls") in LEAF_CLASSES]
    members: dict[str, list[str]] = {}
    for leaf in leaves:
        parents = sorted(p for p in graph.predecessors(leaf) if p in documents)
        if parents:
            members.setdefault(parents[0], []).append(leaf)
    if counts is None:
        counts = {d: Counter(graph.nodes[n]["cls"] for n in found) for d, found in members.items()}
    total = sum(sum(c.values()) for c in counts.values())
    ship_members = bool(leaves) and len(leaves) <= leaf_budget
    if total > leaf_budget:
        notes.append(ui["leaves_limit"].format(total=total, budget=leaf_budget))
    folded = nx.DiGraph(documents)
    positions = _document_positions(documents, layer_of)
    for document in sorted(d for d in counts if d in documents and sum(counts[d].values())):
        found = members.get(document, [])
        group = f"{document}#tasks"
        kinds = counts[document]
        what = " · ".join(
            f"{kinds[cls]} {style.class_name(cls, lang).lower()}"
            for cls in LEAF_CLASSES
            if kinds[cls]
        )
        x, y = positions[document]
        folded.add_node(
            group,
            cls="TaskGroup",
            label=f"▸ {what}",
            title=f"{what} — {ui['click_to_open' if ship_members else 'open_document']}",
            url=None if ship_members else documents.nodes[document].get("url"),
            members=found if ship_members else [],
            closed_label=f"▸ {what}",
            open_label=f"▾ {what}",
        )
        folded.add_edge(document, group, relation="assigns")
        positions[group] = (x, y + GROUP_DY)
        if not ship_members:
            continue
        found.sort(key=lambda n: _leaf_order(graph.nodes[n]))
        for index, leaf in enumerate(found):
            folded.add_node(leaf, **graph.nodes[leaf], hidden=True, group=group)
            relation = "sets" if graph.nodes[leaf]["cls"] == "Target" else "assigns"
            folded.add_edge(group, leaf, relation=relation)
            positions[leaf] = (x, y + GROUP_DY + (index + 1) * MEMBER_DY)
    return folded, positions, " ".join(notes)


def _leaf_order(data: dict[str, Any]) -> tuple:
    label = data.get("label", "")
    number = label.split(".", 1)[0]
    return (data.get("cls") != "Task", int(number) if number.isdigit() else 10**9, label)


def _document_positions(
    documents: nx.DiGraph, layer_of: dict[str, int]
) -> dict[str, tuple[float, float]]:
    """Layered positions for the documents alone, ordered by parents then province."""
    by_layer: dict[int, list[str]] = {}
    for node in documents:
        by_layer.setdefault(layer_of[node], []).append(node)
    order: dict[str, float] = {}
    positions: dict[str, tuple[float, float]] = {}
    widest = max((min(len(m), MAX_ROW) for m in by_layer.values()), default=1)
    rows = 0
    for layer in sorted(by_layer):
        members = by_layer[layer]
        members.sort(
            key=lambda n: (
                _mean(order[p] for p in documents.predecessors(n) if p in order),
                str(documents.nodes[n].get("scope") or ""),
                documents.nodes[n].get("label", ""),
            )
        )
        for index, node in enumerate(members):
            order[node] = float(index)
            row, column = divmod(index, MAX_ROW)
            in_row = min(MAX_ROW, len(members) - row * MAX_ROW)
            offset = (widest - in_row) / 2.0
            positions[node] = ((column + offset) * layout.X_GAP, (rows + row) * LAYER_GAP)
        rows += -(-len(members) // MAX_ROW)
    return positions


def _mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0
