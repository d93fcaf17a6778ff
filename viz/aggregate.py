"""Keep big views usable: past a node budget, collapse each document's tasks and targets.

Measured in headless Chromium (docs/views.md): drawing time grows with nodes; at the default
budget a view still draws in about two seconds. The page says what was collapsed and how to narrow.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from viz import style

DEFAULT_BUDGET = 1500
LEAF_CLASSES = ("Task", "Target")


def collapse_leaves(graph: nx.DiGraph, budget: int, lang: str) -> tuple[nx.DiGraph, str]:
    """Replace the tasks and targets under each document by one counted group node.

    Returns the graph (unchanged when within ``budget``) and a note for the page ('' if none).
    """
    if graph.number_of_nodes() <= budget:
        return graph, ""
    collapsed = nx.DiGraph(graph)
    groups: Counter[str] = Counter()
    total = Counter()
    for node, data in graph.nodes(data=True):
        if data.get("cls") not in LEAF_CLASSES:
            continue
        parents = list(graph.predecessors(node))
        if not parents:
            continue
        parent = parents[0]
        group = f"{parent}#collapsed"
        if group not in collapsed:
            collapsed.add_node(group, cls="TaskGroup", url=graph.nodes[parent].get("url"))
            collapsed.add_edge(parent, group, relation="assigns")
        collapsed.nodes[group].setdefault("counts", Counter())[data["cls"]] += 1
        collapsed.remove_node(node)
        groups[parent] += 1
        total[data["cls"]] += 1
    ui = style.words(lang)
    for node, data in collapsed.nodes(data=True):
        if data.get("cls") != "TaskGroup":
            continue
        parent_label = graph.nodes[node.removesuffix("#collapsed")].get("label", "")
        parts = [f"{n} {style.class_name(cls, lang).lower()}" for cls, n in data["counts"].items()]
        data["label"] = ", ".join(parts)
        data["title"] = f"{ui['collapsed']}: {data['label']} — {parent_label}"
        data["size"] = min(60, 10 + sum(data["counts"].values()) ** 0.5 * 2)
    what = ", ".join(f"{n} {style.class_name(cls, lang).lower()}" for cls, n in total.items())
    if lang == "en":
        note = (
            f"This view has {graph.number_of_nodes()} nodes, over the budget of {budget}: "
            f"{what} were collapsed into {len(groups)} groups, one per document. "
            "To see them, narrow the view: pick a lower document as root (?root=… or --root), "
            "or open one agency's view."
        )
    else:
        note = (
            f"Sơ đồ có {graph.number_of_nodes()} nút, vượt ngưỡng {budget}: {what} đã được "
            f"thu gọn thành {len(groups)} nhóm, mỗi văn bản một nhóm. "
            "Để xem chi tiết, hãy thu hẹp: chọn một văn bản cấp dưới làm gốc "
            "(?root=… hoặc --root), hoặc mở sơ đồ của một cơ quan."
        )
    return collapsed, note
