"""A small picture of a view for the page it belongs to: the shapes, no text, as SVG.

The app forbids framing (``frame-ancestors 'none'``), so an entity page cannot embed the
interactive view; it shows this preview instead, linked to the view. Only what the view shows
at first is drawn (folded tasks stay folded); every colour comes from ``viz.style``.
"""

from __future__ import annotations

import html

import networkx as nx

from viz import style

WIDTH, HEIGHT, MARGIN = 480, 240, 12


def preview_svg(graph: nx.DiGraph, positions: dict[str, tuple[float, float]], title: str) -> str:
    """The view's nodes and edges scaled into a WIDTH × HEIGHT box, aspect kept."""
    shown = [n for n, d in graph.nodes(data=True) if not d.get("hidden") and n in positions]
    xs = [positions[n][0] for n in shown] or [0.0]
    ys = [positions[n][1] for n in shown] or [0.0]
    inner_w, inner_h = WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN
    scale = min(inner_w / max(max(xs) - min(xs), 1.0), inner_h / max(max(ys) - min(ys), 1.0))
    left = (WIDTH - (max(xs) - min(xs)) * scale) / 2
    top = (HEIGHT - (max(ys) - min(ys)) * scale) / 2

    def at(node: str) -> tuple[float, float]:
        x, y = positions[node]
        return round(left + (x - min(xs)) * scale, 1), round(top + (y - min(ys)) * scale, 1)

    visible = set(shown)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img">',
        f"<title>{html.escape(title)}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff" stroke="#cccccc"/>',
    ]
    for source, target, data in graph.edges(data=True):
        if source in visible and target in visible:
            (x1, y1), (x2, y2) = at(source), at(target)
            colour = data.get("colour") or style.EDGE_COLOURS.get(data.get("relation"), "#999999")
            parts.append(
                f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{colour}" '
                'stroke-width="1" stroke-opacity="0.6"/>'
            )
    for node in shown:
        data = graph.nodes[node]
        look = style.CLASS_STYLES.get(data.get("cls"), style.CLASS_STYLES[style.DEFAULT_CLASS])
        colour = data.get("colour", {}).get("background") if data.get("colour") else look.colour
        x, y = at(node)
        if data.get("shape", look.shape) in ("box", "database"):
            parts.append(
                f'<rect x="{x - 7}" y="{y - 4}" width="14" height="8" rx="2" fill="{colour}"/>'
            )
        else:
            radius = min(10.0, max(2.5, (data.get("size") or 10) * scale * 0.5))
            parts.append(f'<circle cx="{x}" cy="{y}" r="{round(radius, 1)}" fill="{colour}"/>')
    parts.append("</svg>")
    return "".join(parts)
