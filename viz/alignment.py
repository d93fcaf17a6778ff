"""The alignment view: national targets (left), their indicator (middle) and the provincial
targets compared with them (right), each comparison coloured by the audit's verdict in the
province scorecard's words and colours.

Input is the alignment audit's findings as plain dicts (``Finding.as_dict()``): viz never
imports the audit; the caller runs it, for one province or all. Only compared pairs are drawn;
national targets no province addresses ("missing") and provincial targets with no national
counterpart ("local only") are counted in the caption — the province page lists them.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from viz import style

COMPARED = ("stronger", "equal", "weaker", "other horizon", "not comparable")
DEFAULT_LIMIT = 400  # comparisons drawn at most; past it the page says so
COLUMN_X = 380.0  # national targets at -COLUMN_X, provincial at +COLUMN_X
ROW_GAP, BAND_GAP, HEADER_GAP = 80.0, 70.0, 90.0


def wording(target: dict[str, Any]) -> str:
    """A target as a short formula, e.g. ``≥ 30 % (2030)``; its statement when it has no value."""
    value, comparator = target.get("value"), target.get("comparator")
    year = f" ({target['year']})" if target.get("year") else ""
    if value is None or comparator is None:
        return style.shorten(target.get("statement") or "—", 60) + year
    if comparator == "range":
        amount = f"{value:g}–{target.get('upper') or 0:g}"
    else:
        amount = f"{style.COMPARATOR_SIGNS.get(comparator, comparator)} {value:g}"
    unit = f" {target['unit']}" if target.get("unit") else ""
    return f"{amount}{unit}{year}"


def readable(quote: str | None) -> str | None:
    """A row of a Markdown table (an appendix's list of targets) as its cells, as read."""
    if quote is None or "|" not in quote:
        return quote
    return " · ".join(cell.strip() for cell in quote.split("|") if cell.strip())


def province_name(label: str) -> str:
    """'Bình Dương (→ Thành phố Hồ Chí Minh, 2025-07-01)' → 'Bình Dương'."""
    return label.split(" (→", 1)[0]


def alignment_graph(
    findings: list[dict[str, Any]], lang: str, limit: int = DEFAULT_LIMIT
) -> tuple[nx.DiGraph, Counter, int]:
    """The graph of compared pairs, the count of every verdict, and how many pairs were compared.

    A national target restated by several documents (57-NQ/TW and 03/NQ-CP) is one node.
    """
    graph = nx.DiGraph()
    verdicts = Counter(str(f["verdict"]) for f in findings)
    compared = [f for f in findings if str(f["verdict"]) in COMPARED]
    national_node: dict[tuple[str, str], str] = {}
    documents: dict[str, list[str]] = {}
    ui = style.words(lang)
    for finding in compared[:limit]:
        verdict = str(finding["verdict"])
        look = style.VERDICTS[verdict]
        national, provincial = finding["national"], finding["provincial"]
        indicator = national["indicator"]
        if indicator not in graph:
            graph.add_node(
                indicator,
                cls="Indicator",
                side="indicator",
                label=style.shorten(national.get("indicator_label") or indicator, 90),
                font_size=18,
                title=style.tooltip("Indicator", lang, national.get("indicator_label") or "", {}),
                url=style.entity_path(indicator),
            )
        key = (indicator, wording(national))
        if key not in national_node:
            national_node[key] = national["target"]
            documents[national["target"]] = []
            graph.add_node(
                national["target"],
                cls="Target",
                side="national",
                font_size=16,
                indicator=indicator,
                url=style.entity_path(national["target"]),
            )
            graph.add_edge(indicator, national["target"], relation="indicator")
        node = national_node[key]
        if national.get("document_label") and national["document_label"] not in documents[node]:
            documents[node].append(national["document_label"])
            graph.nodes[node].update(_target_text(national, lang, documents[node]))
        elif "label" not in graph.nodes[node]:
            graph.nodes[node].update(_target_text(national, lang, documents[node]))
        local = provincial["target"]
        place = province_name(finding.get("province_label") or provincial.get("scope_label") or "")
        if local not in graph:
            text = _target_text(provincial, lang, [provincial.get("document_label") or ""])
            graph.add_node(
                local,
                cls="Target",
                side="provincial",
                font_size=16,
                indicator=indicator,
                label=f"{place}: {wording(provincial)}",
                title=f"{text['title']}\n{style.fact_name('place', lang)}: {place}",
                url=style.entity_path(local),
                colour={"background": look.fill, "border": look.line},
                verdict=verdict,
            )
        word = look.vi if lang == "vi" else look.en
        summary = f"{place} {wording(provincial)} — {ui['national']} {wording(national)}: {word}"
        graph.add_edge(
            node, local, relation="aligns", colour=look.line, verdict=verdict, summary=summary
        )
    return graph, verdicts, len(compared)


def _target_text(target: dict[str, Any], lang: str, documents: list[str]) -> dict[str, str]:
    where = ", ".join(d for d in documents if d)
    label = f"{wording(target)} — {where}" if where else wording(target)
    facts = {
        style.fact_name("indicator", lang): target.get("indicator_label"),
        style.fact_name("document", lang): where,
        "quote": readable(target.get("quote")),
        "source": target.get("source"),
    }
    return {"label": label, "title": style.tooltip("Target", lang, label, facts)}


def alignment_positions(graph: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """One band per indicator, its name on top; national targets left, the provincial targets
    compared with them right, each beside its first national counterpart (edges stay level)."""
    positions: dict[str, tuple[float, float]] = {}
    indicators = [n for n, d in graph.nodes(data=True) if d.get("side") == "indicator"]
    indicators.sort(key=lambda n: graph.nodes[n].get("label", ""))
    y = 0.0
    for indicator in indicators:
        positions[indicator] = (0.0, y)
        y += HEADER_GAP
        nationals = sorted(graph.successors(indicator), key=lambda n: graph.nodes[n]["label"])
        left = right = y
        for national in nationals:
            locals_ = [n for n in graph.successors(national) if n not in positions]
            locals_.sort(key=lambda n: graph.nodes[n]["label"])
            row = max(left, right)
            positions[national] = (-COLUMN_X, row)
            left = row + ROW_GAP
            for index, local in enumerate(locals_):
                positions[local] = (COLUMN_X, row + index * ROW_GAP)
            right = max(right, row + len(locals_) * ROW_GAP)
        y = max(left, right) + BAND_GAP
    return positions
