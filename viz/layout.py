"""Node positions computed in Python, so the browser draws at once with physics off.

Layouts here are linear or n·log n: a layered (Sugiyama-style) layout for the agency view and
upward dependencies (viz.dependencies, viz.agencies and viz.alignment lay out their own views).
networkx's force layouts are far too slow past a few thousand nodes (spring_layout: 197 s at
10,000; see docs/views.md).
"""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

X_GAP = 210.0
Y_GAP = 160.0
ROW_GAP = 90.0


def layers(graph: nx.DiGraph) -> dict[str, int]:
    """Layer of each node: the longest path from a source (national documents on layer 0).

    Cycles (a document implementing its own descendant) are broken by ignoring back edges
    found in a depth-first search, so every graph gets a layering.
    """
    dag = graph
    if not nx.is_directed_acyclic_graph(graph):
        dag = nx.DiGraph(graph)
        dag.remove_edges_from(back_edges(graph))
    layer_of: dict[str, int] = {}
    for node in nx.topological_sort(dag):
        parents = [layer_of[p] + 1 for p in dag.predecessors(node)]
        layer_of[node] = max(parents, default=0)
    return layer_of


def back_edges(graph: nx.DiGraph) -> list[tuple[str, str]]:
    back = []
    for component in nx.simple_cycles(graph, length_bound=50):
        back.append((component[-1], component[0]))
        if len(back) > 10_000:
            break
    return back


def layered_positions(
    graph: nx.DiGraph, *, max_row: int = 40, sweeps: int = 2
) -> dict[str, tuple[float, float]]:
    """Top-down positions: layer by layer, ordered by the barycentre of each node's parents.

    A layer wider than ``max_row`` wraps onto several rows, so a document with 500 tasks
    makes a block under it rather than a line kilometres wide.
    """
    layer_of = layers(graph)
    by_layer: dict[int, list[str]] = defaultdict(list)
    for node, layer in layer_of.items():
        by_layer[layer].append(node)
    order: dict[str, float] = {}
    for layer in sorted(by_layer):
        members = by_layer[layer]
        if layer == 0:
            members.sort(key=lambda n: graph.nodes[n].get("label", ""))
        else:
            members.sort(key=lambda n: _barycentre(graph.predecessors(n), order))
        for index, node in enumerate(members):
            order[node] = float(index)
    for _ in range(sweeps - 1):  # one more downward pass smooths orders after the first
        for layer in sorted(by_layer)[1:]:
            members = by_layer[layer]
            members.sort(key=lambda n: (_barycentre(graph.predecessors(n), order), order[n]))
            for index, node in enumerate(members):
                order[node] = float(index)
    positions: dict[str, tuple[float, float]] = {}
    y = 0.0
    widest = max((min(len(m), max_row) for m in by_layer.values()), default=1)
    for layer in sorted(by_layer):
        members = by_layer[layer]
        rows = math.ceil(len(members) / max_row)
        for index, node in enumerate(members):
            row, column = divmod(index, max_row)
            in_row = min(max_row, len(members) - row * max_row)
            offset = (widest - in_row) / 2.0
            positions[node] = ((column + offset) * X_GAP, y + row * ROW_GAP)
        y += (rows - 1) * ROW_GAP + Y_GAP
    return positions


def _barycentre(parents, order: dict[str, float]) -> float:
    values = [order[p] for p in parents if p in order]
    return sum(values) / len(values) if values else 0.0
