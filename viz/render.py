"""A networkx view graph → one self-contained HTML page (vis-network inlined, no CDN).

pyvis ships the vis-network bundle we inline; its own page template is not used because it
loads Bootstrap from a CDN and writes labels into a script unescaped. Here every string goes
either through ``html.escape`` (page text) or into a JSON block with ``<``, ``>`` and ``&``
escaped (graph data), and the script reads it back with ``textContent``: nothing is parsed as HTML.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from string import Template

import networkx as nx
import pyvis

from viz import style

STATIC_DIR = Path(__file__).resolve().parent / "static"
VIS_DIR = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"


@dataclass
class Filter:
    """A select in the page's header that reloads the view with ``?name=value``."""

    name: str
    label: str
    options: list[tuple[str, str]]  # (value, text); the first is usually "all" with value ""
    selected: str = ""


@dataclass
class Page:
    """What a page shows besides the graph: its title, the collapse note, the language."""

    title: str
    lang: str = "vi"
    note: str = ""
    link_base: str = ""
    legend_edges: list[str] = field(default_factory=list)
    caption: str = ""
    legend_items: list[tuple[str, str, str]] = field(default_factory=list)  # fill, line, text
    filters: list[Filter] = field(default_factory=list)
    start_top: bool = False  # a tall view opens readable at its top rather than fitted whole
    frames: list[dict] = field(default_factory=list)  # labelled rectangles drawn behind nodes
    nav: list[tuple[str, str]] = field(default_factory=list)  # (href, label): the site's menu


@cache
def _asset(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def script_safe_json(value: object) -> str:
    """JSON that cannot close its <script> element or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def vis_nodes(graph: nx.DiGraph, positions: dict[str, tuple[float, float]]) -> list[dict]:
    """vis-network node dicts built directly (pyvis's add_node scans a list per node)."""
    nodes = []
    for node, data in graph.nodes(data=True):
        cls = data.get("cls", style.DEFAULT_CLASS)
        look = style.CLASS_STYLES.get(cls, style.CLASS_STYLES[style.DEFAULT_CLASS])
        x, y = positions.get(node, (0.0, 0.0))
        entry = {
            "id": node,
            "label": data.get("label", ""),
            "title": data.get("title", ""),
            "shape": data.get("shape", look.shape),
            "color": look.colour,
            "x": round(x, 1),
            "y": round(y, 1),
            "url": data.get("url"),
        }
        if data.get("size"):
            entry["size"] = data["size"]
        if data.get("colour"):
            entry["color"] = data["colour"]
        if data.get("hidden"):  # a task folded under its document's group (view.js opens it)
            entry["hidden"] = True
            entry["fold"] = data["group"]
        if "members" in data:
            entry["members"] = data["members"]
            entry["labels"] = [data["closed_label"], data["open_label"]]
        if data.get("font_size"):
            entry["font"] = {"size": data["font_size"]}
        if entry["shape"] in ("box", "database", "ellipse"):  # label inside: wrap and contrast
            entry["widthConstraint"] = {"maximum": 170}
            entry["font"] = {"color": _text_colour(look.colour)}
        nodes.append(entry)
    return nodes


def _text_colour(background: str) -> str:
    """White text on dark fills, black on light ones (relative luminance)."""
    red, green, blue = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#ffffff" if luminance < 140 else "#111111"


def vis_edges(graph: nx.DiGraph, lang: str) -> list[dict]:
    ui = style.words(lang)
    edges = []
    for source, target, data in graph.edges(data=True):
        relation = data.get("relation", "")
        colour = data.get("colour") or style.EDGE_COLOURS.get(relation, "#999999")
        title = data.get("summary") or ui.get(relation, relation)
        entry = {"from": source, "to": target, "color": colour, "title": title}
        if relation in ("coordinates", "indicator"):
            entry["dashes"] = True
        if data.get("verdict"):
            entry["width"] = 3
        edges.append(entry)
    return edges


def legend_html(graph: nx.DiGraph, page: Page) -> str:
    """Legend items for the classes and edge kinds present in this view, escaped."""
    classes = sorted({d.get("cls", style.DEFAULT_CLASS) for _, d in graph.nodes(data=True)})
    items = []
    for cls in classes:
        look = style.CLASS_STYLES.get(cls, style.CLASS_STYLES[style.DEFAULT_CLASS])
        items.append(
            f'<li><span class="swatch" style="background:{look.colour}"></span>'
            f"{html.escape(style.class_name(cls, page.lang))}</li>"
        )
    for fill, line, text in page.legend_items:
        items.append(
            f'<li><span class="swatch" style="background:{fill};border-color:{line}"></span>'
            f"{html.escape(text)}</li>"
        )
    ui = style.words(page.lang)
    relations = page.legend_edges or sorted(
        {d.get("relation", "") for *_, d in graph.edges(data=True)}
    )
    for relation in relations:
        colour = style.EDGE_COLOURS.get(relation, "#999999")
        items.append(
            f'<li><span class="line" style="background:{colour}"></span>'
            f"{html.escape(ui.get(relation, relation))}</li>"
        )
    return "".join(items)


def filters_html(page: Page) -> str:
    """A GET form of selects (the view's filters), every value and text escaped."""
    if not page.filters:
        return ""
    parts = ['<form id="filters" method="get">']
    for choice in page.filters:
        name = html.escape(choice.name)
        parts.append(f'<label>{html.escape(choice.label)} <select name="{name}" id="{name}">')
        for value, text in choice.options:
            selected = " selected" if value == choice.selected else ""
            parts.append(
                f'<option value="{html.escape(value)}"{selected}>{html.escape(text)}</option>'
            )
        parts.append("</select></label>")
    parts.append(f'<input type="hidden" name="lang" value="{html.escape(page.lang)}">')
    parts.append(f'<button type="submit">{html.escape(style.words(page.lang)["show"])}</button>')
    parts.append("</form>")
    return "".join(parts)


def nav_html(page: Page) -> str:
    """The site's navigation above a served view (none in a file written by the CLI)."""
    if not page.nav:
        return ""
    items = "".join(
        f'<li><a href="{html.escape(href)}">{html.escape(label)}</a></li>'
        for href, label in page.nav
    )
    name = html.escape(style.words(page.lang)["site_nav"])
    return f'<nav aria-label="{name}"><ul>{items}</ul></nav>'


def render_html(graph: nx.DiGraph, positions: dict[str, tuple[float, float]], page: Page) -> str:
    """The whole page as a string: assets inlined, data as escaped JSON, text escaped."""
    ui = style.words(page.lang)
    data = {
        "nodes": vis_nodes(graph, positions),
        "edges": vis_edges(graph, page.lang),
        "words": {"not_found": ui["not_found"]},
        "link_base": page.link_base,
        "frames": page.frames,
        "start_top": page.start_top,
    }
    counts = f"{graph.number_of_nodes()} {ui['nodes']} · {graph.number_of_edges()} {ui['edges']}"
    note = f'<p id="note" role="status">{html.escape(page.note)}</p>' if page.note else ""
    if page.caption:
        note = f'<p id="caption">{html.escape(page.caption)}</p>' + note
    template = Template(_asset(STATIC_DIR / "view.html"))
    return template.substitute(
        nav=nav_html(page),
        lang=html.escape(page.lang),
        title=html.escape(page.title),
        vis_css=_asset(VIS_DIR / "vis-network.css"),
        view_css=_asset(STATIC_DIR / "view.css"),
        search_placeholder=html.escape(ui["search"]),
        find=html.escape(ui["find"]),
        counts=html.escape(counts),
        filters=filters_html(page),
        note=note,
        legend_name=html.escape(ui["legend"]),
        legend=legend_html(graph, page),
        data=script_safe_json(data),
        vis_js=_asset(VIS_DIR / "vis-network.min.js"),
        view_js=_asset(STATIC_DIR / "view.js"),
    )
