"""Build each view from a row source: query → networkx → layout → HTML.

``fetch(query_name, bindings)`` runs a named query and returns rows; the API and the CLI pass
one over their store, the tests and benchmarks over a small or synthetic graph. viz never
imports graph_api: the caller owns the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ontology.errors import NotFound
from ontology.vocabulary import ID_BASE
from viz import agencies, graphs, layout, style
from viz.aggregate import DEFAULT_BUDGET, collapse_leaves
from viz.render import Page, render_html

Fetch = Callable[[str, dict[str, Any]], list[dict[str, Any]]]
DEFAULT_ROOT = ID_BASE + "document/57-ntw-2024"
VIEW_KINDS = ("dependencies", "agency", "agencies", "alignment")


@dataclass
class View:
    """A finished view: the page, and the graph and positions it was drawn from (for tests)."""

    html: str
    graph: nx.DiGraph
    positions: dict[str, tuple[float, float]]
    note: str


class ViewNotFound(NotFound):
    """The requested root or agency is not in the graph."""


def dependencies_view(
    fetch: Fetch,
    *,
    root: str = DEFAULT_ROOT,
    direction: str = "down",
    lang: str = "vi",
    budget: int = DEFAULT_BUDGET,
    link_base: str = "",
) -> View:
    """Documents implementing ``root`` down to tasks and targets, or from a node up to the top."""
    if direction == "up":
        rows = fetch("view_dependencies_up", {"start": root})
    else:
        rows = fetch("view_dependencies_down", {"root": root})
    graph = graphs.tree_graph(rows, lang)
    if root not in graph:
        raise ViewNotFound(f"no document or task {root} in the graph")
    graph, note = collapse_leaves(graph, budget, lang)
    title = f"{style.words(lang)['dependencies']}: {graph.nodes[root]['label']}"
    return _finish(graph, layout.layered_positions(graph), Page(title, lang, note, link_base))


def agency_view(
    fetch: Fetch,
    agency: str,
    *,
    lang: str = "vi",
    budget: int = DEFAULT_BUDGET,
    link_base: str = "",
) -> View:
    """One agency: its tasks as lead and coordinator, their documents, and its successors."""
    rows = fetch("view_agency", {"agency": agency})
    graph = graphs.tree_graph(rows, lang, focus=agency)
    if agency not in graph:
        raise ViewNotFound(f"no agency {agency} in the graph")
    graph, note = collapse_leaves(graph, budget, lang)
    title = f"{style.words(lang)['agency']}: {graph.nodes[agency]['label']}"
    page = Page(title, lang, note, link_base, ["assigns", "lead", "coordinates", "succeeded_by"])
    return _finish(graph, layout.layered_positions(graph), page)


def agencies_view(
    fetch: Fetch, *, lang: str = "vi", link_base: str = "", limit: int = agencies.DEFAULT_LIMIT
) -> View:
    """Agencies with tasks, clustered by level and parent body or province, sized by workload."""
    rows = fetch("view_agencies", {"lang": lang})
    graph, clusters, total = agencies.overview_graph(rows, lang, limit)
    positions, frames = agencies.cluster_layout(graph, clusters)
    ui = style.words(lang)
    note = ""
    if total > graph.number_of_nodes():
        note = ui["agencies_limit"].format(shown=graph.number_of_nodes(), total=total)
    page = Page(ui["agencies"], lang, note, link_base, ["succeeded_by"], ui["agencies_caption"])
    page.frames = frames
    return _finish(graph, positions, page)


def alignment_view(fetch: Fetch, *, lang: str = "vi", link_base: str = "") -> View:
    """National targets (left) beside provincial targets (right) on the same indicator."""
    graph = graphs.alignment_graph(fetch("view_alignment", {}), lang)
    palette = style.INDICATOR_PALETTE
    indicators = sorted(n for n, d in graph.nodes(data=True) if d.get("side") == "indicator")
    colour_of = {iri: palette[i % len(palette)] for i, iri in enumerate(indicators)}
    for source, _target, data in graph.edges(data=True):
        if data["relation"] != "aligns":
            continue
        verdict = data.get("verdict")
        indicator = graph.nodes[source].get("indicator")
        data["colour"] = style.EDGE_COLOURS.get(verdict) if verdict else colour_of.get(indicator)
    positions = layout.column_positions(graph)
    return _finish(graph, positions, Page(style.words(lang)["alignment"], lang, "", link_base))


def _finish(graph: nx.DiGraph, positions, page: Page) -> View:
    return View(render_html(graph, positions, page), graph, positions, page.note)


def build_view(kind: str, fetch: Fetch, **options: Any) -> View:
    """Dispatch by kind (``dependencies``, ``agency``, ``agencies``, ``alignment``)."""
    builders = {
        "dependencies": dependencies_view,
        "agency": agency_view,
        "agencies": agencies_view,
        "alignment": alignment_view,
    }
    if kind not in builders:
        raise ValueError(f"unknown view {kind!r}; expected one of {VIEW_KINDS}")
    return builders[kind](fetch, **options)
