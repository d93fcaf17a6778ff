"""The agencies overview, aggregated so it reads at a glance.

Only agencies that lead or coordinate a task are drawn (the query already drops the rest: no
"Ban Chỉ đạo … (0)"); they are grouped into framed clusters — national bodies by the body they
belong to (Chính phủ, Ban Chấp hành Trung ương…), collective mentions ("các bộ, ngành") apart,
provincial bodies by province — each dot sized by its workload (tasks led + coordinated) and
labelled with a short name, its province and its counts. Past ``limit`` agencies only the
busiest are drawn and the page says so.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from viz import graphs, style
from viz.names import short_agency_name

DEFAULT_LIMIT = 150
CELL_W, CELL_H = 250.0, 150.0
FRAME_PAD, FRAME_TITLE, FRAME_GAP = 30.0, 64.0, 60.0
ROW_WIDTH = 3400.0
NATIONAL_PLACE = graphs.NATIONAL_PLACE


@dataclass
class Cluster:
    """A framed group of agencies: one level, one parent body or province."""

    rank: int  # 0 national, 1 collective, 2 provincial; provincial clusters start a new row
    key: str
    label: str
    members: list[str] = field(default_factory=list)
    workload: int = 0


def agency_kind(row: dict[str, Any]) -> str:
    """NationalAgency, ProvincialAgency or CollectiveAgency (a class of ``viz.style``)."""
    if style.node_class(row.get("types")) == "CollectiveAgency":
        return "CollectiveAgency"
    level = (row.get("level") or "").rsplit("#", 1)[-1]
    place = row.get("place_node")
    if level == "provincial" or (level != "national" and place and place != NATIONAL_PLACE):
        return "ProvincialAgency"
    return "NationalAgency"


def cluster_of(row: dict[str, Any], kind: str, lang: str) -> tuple[int, str, str]:
    ui = style.words(lang)
    if kind == "CollectiveAgency":
        return 1, "collective", ui["cluster_collective"]
    if kind == "ProvincialAgency":
        if row.get("place_node"):
            return 2, row["place_node"], row.get("place") or row["place_node"]
        return 2, "provincial", ui["cluster_provincial"]
    if row.get("parent_node"):
        return 0, row["parent_node"], row.get("parent_label") or row["parent_node"]
    return 0, "national", ui["cluster_national"]


def overview_graph(
    rows: list[dict[str, Any]], lang: str, limit: int = DEFAULT_LIMIT
) -> tuple[nx.DiGraph, list[Cluster], int]:
    """The graph of the busiest ``limit`` agencies with tasks, their clusters, and how many
    agencies with tasks there were in all."""
    ui = style.words(lang)
    for row in rows:
        row["lead_tasks"] = int(row.get("lead_tasks") or 0)
        row["coordinated_tasks"] = int(row.get("coordinated_tasks") or 0)
        row["workload"] = row["lead_tasks"] + row["coordinated_tasks"]
    busy = [row for row in rows if row["workload"] > 0]
    busy.sort(key=lambda r: (-r["workload"], r.get("label") or "", r["node"]))
    shown = busy[:limit]
    graph = nx.DiGraph()
    clusters: dict[str, Cluster] = {}
    labels: dict[str, list[str]] = defaultdict(list)
    for row in shown:
        kind = agency_kind(row)
        place = row.get("place") if kind == "ProvincialAgency" else None
        name = row.get("label") or row["node"].rsplit("/", 1)[-1]
        short = short_agency_name(name, place, limit=24)
        long = short_agency_name(name, place, limit=60)
        lead, coordinated = row["lead_tasks"], row["coordinated_tasks"]
        counts = f"{lead} {ui['lead']} · {coordinated} {ui['coordinates']}"
        facts = {
            style.fact_name("title", lang): row.get("label"),
            style.fact_name("place", lang): row.get("place"),
            style.fact_name("parent", lang): row.get("parent_label"),
            style.fact_name("lead_tasks", lang): row["lead_tasks"],
            style.fact_name("coordinated_tasks", lang): row["coordinated_tasks"],
        }
        graph.add_node(
            row["node"],
            cls=kind,
            label=f"{short}\n{counts}",
            short=short,
            long=long,
            title=style.tooltip(kind, lang, row.get("label") or short, facts),
            url=style.entity_path(row["node"]),
            size=8 + 5 * math.sqrt(row["workload"]),
            shape="dot",
            font_size=18,
            workload=row["workload"],
            lead_tasks=row["lead_tasks"],
        )
        labels[short].append(row["node"])
        rank, key, label = cluster_of(row, kind, lang)
        cluster = clusters.setdefault(key, Cluster(rank, key, label))
        cluster.members.append(row["node"])
        cluster.workload += row["workload"]
    for short, nodes in labels.items():  # the same short name twice: longer, else the slug
        longer = {n: graph.nodes[n]["long"] for n in nodes}
        for node in nodes:
            data = graph.nodes[node]
            name = longer[node]
            if len(nodes) > 1 and list(longer.values()).count(name) > 1:
                name = f"{short} ({node.rsplit('/', 1)[-1]})"
            if len(nodes) > 1:
                data["label"] = data["label"].replace(short, name, 1)
    for row in shown:
        successor = row.get("successor")
        if successor and successor in graph and successor != row["node"]:
            graph.add_edge(row["node"], successor, relation="succeeded_by")
    ordered = sorted(clusters.values(), key=lambda c: (c.rank, -c.workload, c.label))
    return graph, ordered, len(busy)


def cluster_layout(
    graph: nx.DiGraph, clusters: list[Cluster]
) -> tuple[dict[str, tuple[float, float]], list[dict[str, Any]]]:
    """Positions of the members in a grid inside each cluster's frame, frames flowing in rows
    (a new row for each rank), and the frames to draw behind them."""
    positions: dict[str, tuple[float, float]] = {}
    frames = []
    x = y = 0.0
    row_height = 0.0
    rank = None
    for cluster in clusters:
        columns = max(1, math.ceil(math.sqrt(len(cluster.members) * 1.5)))
        rows = math.ceil(len(cluster.members) / columns)
        width = columns * CELL_W + 2 * FRAME_PAD
        height = rows * CELL_H + FRAME_TITLE + FRAME_PAD
        new_level = rank is not None and (cluster.rank == 2) != (rank == 2)
        if rank is not None and (new_level or x + width > ROW_WIDTH):
            x, y, row_height = 0.0, y + row_height + FRAME_GAP, 0.0
        rank = cluster.rank
        for index, node in enumerate(cluster.members):
            row, column = divmod(index, columns)
            positions[node] = (
                x + FRAME_PAD + (column + 0.5) * CELL_W,
                y + FRAME_TITLE + (row + 0.35) * CELL_H,
            )
        look = style.CLASS_STYLES[graph.nodes[cluster.members[0]]["cls"]]
        count = f"{cluster.label} — {len(cluster.members)}"
        frames.append(
            {"label": count, "x": x, "y": y, "w": width, "h": height, "colour": look.colour}
        )
        x += width + FRAME_GAP
        row_height = max(row_height, height)
    return positions, frames
