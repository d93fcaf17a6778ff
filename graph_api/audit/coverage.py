"""The coverage matrix: provinces × national indicators, each cell coloured by its verdict.

A self-contained HTML page (inline CSS, no script, no CDN); every text from the graph is escaped.
A cell's headline verdict is the comparison on the same horizon when there is one (the weakest
of them, since an audit looks for gaps), else *not comparable*, *other horizon*, *missing*.
Cells and the list below link to the entity pages of both targets and their evidence.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from graph_api.audit.alignment import AlignmentReport, Finding, Verdict
from ontology.namespaces import ID_BASE

HEADLINE_ORDER = (
    Verdict.WEAKER,
    Verdict.EQUAL,
    Verdict.STRONGER,
    Verdict.NOT_COMPARABLE,
    Verdict.OTHER_HORIZON,
    Verdict.MISSING,
)
COLOURS = {
    Verdict.STRONGER: "#1b7837",
    Verdict.EQUAL: "#7fbf7b",
    Verdict.WEAKER: "#d6604d",
    Verdict.OTHER_HORIZON: "#f4c542",
    Verdict.NOT_COMPARABLE: "#9e9e9e",
    Verdict.MISSING: "#f7f7f7",
    Verdict.LOCAL_ONLY: "#92c5de",
}
STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }
table { border-collapse: collapse; font-size: 0.85rem; }
th, td { border: 1px solid #ccc; padding: 0.3rem 0.45rem; vertical-align: top; }
thead th { background: #eee; max-width: 9rem; }
td.cell { text-align: center; min-width: 5.5rem; }
td.cell a { color: inherit; }
.legend span { display: inline-block; padding: 0.15rem 0.5rem; margin-right: 0.3rem;
  border: 1px solid #ccc; }
blockquote { margin: 0.2rem 0 0.2rem 1rem; font-style: italic; }
.dark { color: #fff; }
"""
DARK = {Verdict.STRONGER, Verdict.WEAKER, Verdict.NOT_COMPARABLE}


def page_path(iri: str | None) -> str | None:
    """The path of an entity's page on this server (``/id/<kind>/<slug>``)."""
    if not iri or not iri.startswith(ID_BASE):
        return None
    return "/id/" + iri[len(ID_BASE) :]


def headline(findings: list[Finding]) -> Verdict:
    verdicts = {f.verdict for f in findings}
    return next((v for v in HEADLINE_ORDER if v in verdicts), Verdict.MISSING)


def _link(iri: str | None, text: str) -> str:
    path = page_path(iri)
    if path is None:
        return escape(text)
    return f'<a href="{escape(path, quote=True)}">{escape(text)}</a>'


def _cell(findings: list[Finding]) -> str:
    verdict = headline(findings)
    tooltip = (
        "\n".join(f"{f.verdict}: {f.reason}" for f in findings if f.verdict is not Verdict.MISSING)
        or "no provincial target on this indicator"
    )
    shown = next(f for f in findings if f.verdict is verdict)
    anchor = f"#{_finding_id(shown)}"
    counts = defaultdict(int)
    for finding in findings:
        counts[finding.verdict] += 1
    extra = sum(counts.values()) - 1
    text = escape(str(verdict)) + (f" <small>(+{extra})</small>" if extra > 0 else "")
    css = ' class="cell dark"' if verdict in DARK else ' class="cell"'
    return (
        f'<td{css} style="background:{COLOURS[verdict]}" title="{escape(tooltip, quote=True)}">'
        f'<a href="{escape(anchor, quote=True)}">{text}</a></td>'
    )


def _finding_id(finding: Finding) -> str:
    parts = [finding.province, finding.national.target if finding.national else ""]
    parts.append(finding.provincial.target if finding.provincial else "")
    return "f-" + "-".join(p.rsplit("/", 1)[-1] for p in parts if p)


def _quote(label: str, target) -> str:
    if target is None or not target.quote:
        return ""
    links = _link(target.target, target.wording())
    if target.evidence:
        links += " · " + _link(target.evidence, "evidence")
    document = f" — {escape(target.document_label)}" if target.document_label else ""
    return (
        f"<div>{escape(label)}: {links}{document}"
        f"<blockquote>“{escape(target.quote)}”</blockquote></div>"
    )


def render_coverage(report: AlignmentReport, title: str = "Alignment coverage") -> str:
    """The whole page for an alignment report."""
    indicators: dict[str, str] = {}
    for target in report.national:  # those measured only for the country are no column
        if target.applies_to_provinces:
            indicators.setdefault(target.indicator, target.indicator_label)
    cells: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    local: list[Finding] = []
    for finding in report.findings:
        if finding.verdict is Verdict.LOCAL_ONLY:
            local.append(finding)
        elif finding.national is not None:
            cells[(finding.province, finding.national.indicator)].append(finding)
    head = "".join(f"<th>{_link(iri, label)}</th>" for iri, label in indicators.items())
    rows = []
    for province, label in report.provinces.items():
        row = [f"<th>{_link(province, label)}</th>"]
        for indicator in indicators:
            findings = cells.get((province, indicator))
            row.append(_cell(findings) if findings else "<td></td>")
        rows.append("<tr>" + "".join(row) + "</tr>")
    legend = "".join(
        f'<span style="background:{colour}"{" class=dark" if v in DARK else ""}>'
        f"{escape(str(v))}</span>"
        for v, colour in COLOURS.items()
    )
    details = []
    for finding in report.findings:
        target = finding.national or finding.provincial
        details.append(
            f'<li id="{escape(_finding_id(finding), quote=True)}">'
            f"<strong>{escape(str(finding.verdict))}</strong> — {escape(finding.province_label)}"
            f" — {escape(target.indicator_label if target else '')}"
            f"<div>{escape(finding.reason)}</div>"
            f"{_quote('provincial', finding.provincial)}{_quote('national', finding.national)}</li>"
        )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="data:,">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        f'<p class="legend">{legend}</p>'
        f"<p>{len(report.provinces)} provinces × {len(indicators)} national indicators; "
        f"{len(report.findings)} findings, {len(local)} provincial targets local only.</p>"
        f'<table id="matrix"><thead><tr><th>Province</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        f'<h2>Findings</h2><ol id="findings">{"".join(details)}</ol>'
        "</body></html>\n"
    )
