"""Build each view from a row source: query → networkx → layout → HTML.

``fetch(query_name, bindings)`` runs a named query and returns rows; the API and the CLI pass
one over their store, the tests and benchmarks over a small or synthetic graph. viz never
imports graph_api: the caller owns the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import networkx as nx

from ontology.errors import NotFound
from viz import agencies, alignment, dependencies, graphs, layout, style
from viz.aggregate import DEFAULT_BUDGET, collapse_leaves
from viz.names import DEFAULT_ROOT, fold_key
from viz.render import Filter, Page, render_html

Fetch = Callable[[str, dict[str, Any]], list[dict[str, Any]]]
VIEW_KINDS = ("dependencies", "agency", "agencies", "alignment")


@dataclass
class View:
    """A finished view: the page, and the graph and positions it was drawn from (for tests)."""

    html: str
    graph: nx.DiGraph
    positions: dict[str, tuple[float, float]]
    note: str
    title: str = ""
    page: Page | None = None

    def with_navigation(self, nav: list[tuple[str, str]]) -> str:
        """The page again with the site's menu (``nav``: href, label) above its title."""
        if self.page is None:
            return self.html
        return render_html(self.graph, self.positions, replace(self.page, nav=nav))


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
    counts = None
    if direction == "up":
        rows = fetch("view_dependencies_up", {"start": root})
    else:  # the tasks' facts only when they fit the budget: else counts per document
        counts = dependencies.leaf_counts(fetch("view_dependencies_counts", {"root": root}))
        over = sum(sum(c.values()) for c in counts.values()) > budget
        rows = fetch(
            "view_dependencies_documents" if over else "view_dependencies_down", {"root": root}
        )
        counts = counts if over else None
    graph = graphs.tree_graph(rows, lang)
    if root not in graph:
        raise ViewNotFound(f"no document or task {root} in the graph")
    title = f"{style.words(lang)['dependencies']}: {graph.nodes[root]['label'].splitlines()[0]}"
    if direction == "up":
        graph, note = collapse_leaves(graph, budget, lang)
        return _finish(graph, layout.layered_positions(graph), Page(title, lang, note, link_base))
    graph, positions, note = dependencies.fold_leaves(
        graph, root, lang, leaf_budget=budget, counts=counts
    )
    return _finish(graph, positions, Page(title, lang, note, link_base))


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


def alignment_view(
    fetch: Fetch,
    *,
    findings: list[dict[str, Any]],
    provinces: dict[str, str] | None = None,
    province: str | None = None,
    lang: str = "vi",
    link_base: str = "",
    limit: int = alignment.DEFAULT_LIMIT,
) -> View:
    """Compared targets coloured by verdict: national left, indicator middle, provincial right.

    ``findings`` are the alignment audit's (``Finding.as_dict()``), for ``province`` (an IRI of
    ``provinces``, IRI → label) or for all; ``provinces`` fills the page's province select.
    """
    del fetch  # the caller ran the audit over its store
    graph, verdicts, compared = alignment.alignment_graph(findings, lang, limit)
    ui = style.words(lang)
    title = ui["alignment"]
    if province and provinces and province in provinces:
        title += ": " + alignment.province_name(provinces[province])
    caption = ui["alignment_caption"].format(
        compared=compared, missing=verdicts["missing"], local=verdicts["local only"]
    )
    note = ""
    if compared > limit:
        note = ui["alignment_limit"].format(shown=limit, total=compared)
    page = Page(title, lang, note, link_base, ["indicator"], caption)
    page.legend_items = [
        (look.fill, look.line, look.vi if lang == "vi" else look.en)
        for look in style.VERDICTS.values()
    ]
    if provinces:
        named = [
            (iri.rsplit("/", 1)[-1], alignment.province_name(name))
            for iri, name in provinces.items()
        ]
        named.sort(key=lambda option: fold_key(option[1]))
        options = [("", ui["all_provinces"]), *named]
        selected = province.rsplit("/", 1)[-1] if province else ""
        page.filters = [Filter("province", ui["province"], options, selected)]
    page.start_top = True
    return _finish(graph, alignment.alignment_positions(graph), page)


def _finish(graph: nx.DiGraph, positions, page: Page) -> View:
    return View(render_html(graph, positions, page), graph, positions, page.note, page.title, page)


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
