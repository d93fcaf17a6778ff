"""HTML for entity pages: every value escaped, links to the graph's own entities kept local."""

from __future__ import annotations

from html import escape
from typing import Any

from ontology.namespaces import ID_BASE, PREFIXES

RDF_TYPE = PREFIXES["rdf"] + "type"
PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} — policygraph</title>
<link rel="stylesheet" href="/static/style.css">
{alternates}
</head><body>
<header><a href="/">policygraph</a> · <a href="/docs">API</a> ·
<a href="/sparql">SPARQL</a></header>
<main>
{body}
</main></body></html>
"""


def compact(iri: str) -> str:
    """``pg:leadAgency`` for a known namespace, ``agency/bo-khcn`` for an entity, else the IRI."""
    if iri.startswith(ID_BASE):
        return iri.removeprefix(ID_BASE)
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri.removeprefix(namespace)}"
    return iri


def href(iri: str) -> str:
    return "/id/" + iri.removeprefix(ID_BASE) if iri.startswith(ID_BASE) else iri


def link(iri: str, label: str | None = None) -> str:
    text = escape(label or compact(iri))
    title = escape(iri, quote=True)
    if iri.startswith(("http://", "https://")):
        return f'<a href="{escape(href(iri), quote=True)}" title="{title}">{text}</a>'
    return text


def value_html(value: Any, label: str | None, is_iri: bool) -> str:
    if is_iri:
        return link(str(value), label)
    return f"<span class=literal>{escape(str(value))}</span>"


def page(title: str, body: str, iri: str | None = None) -> str:
    alternates = ""
    if iri is not None:
        path = escape(href(iri), quote=True)
        alternates = (
            f'<link rel="alternate" type="text/turtle" href="{path}?format=turtle">\n'
            f'<link rel="alternate" type="application/ld+json" href="{path}?format=jsonld">'
        )
    return PAGE.format(title=escape(title), alternates=alternates, body=body)


def entity_page(
    iri: str,
    out_rows: list[dict[str, Any]],
    in_rows: list[dict[str, Any]],
    evidence_rows: list[dict[str, Any]],
    iri_values: set[str],
) -> str:
    """The page of one entity: labels, types, links out and in, evidence with sources."""
    labels = [
        r["value"]
        for r in out_rows
        if compact(r["property"]) in ("rdfs:label", "skos:prefLabel", "dcterms:title")
    ]
    title = labels[0] if labels else compact(iri)
    types = [r["value"] for r in out_rows if r["property"] == RDF_TYPE]
    parts = [f"<h1>{escape(title)}</h1>", f"<p class=iri><code>{escape(iri)}</code></p>"]
    parts.append(
        '<p class=formats>Also as <a href="?format=turtle">Turtle</a> · '
        '<a href="?format=jsonld">JSON-LD</a> · <a href="?format=ntriples">N-Triples</a></p>'
    )
    if types:
        parts.append("<p class=types>" + ", ".join(link(t) for t in types) + "</p>")
    parts.append(
        "<h2>Statements</h2><table><thead><tr><th>property</th><th>value</th>"
        "<th>source graph</th></tr></thead><tbody>"
    )
    for row in out_rows:
        if row["property"] == RDF_TYPE:
            continue
        is_iri = (row["property"], row["value"]) in iri_values
        parts.append(
            f"<tr><td>{link(row['property'])}</td>"
            f"<td>{value_html(row['value'], row.get('valueLabel'), is_iri)}</td>"
            f"<td>{link(row['graph'])}</td></tr>"
        )
    parts.append("</tbody></table>")
    if in_rows:
        parts.append(
            "<h2>Linked from</h2><table><thead><tr><th>subject</th><th>property</th>"
            "<th>source graph</th></tr></thead><tbody>"
        )
        for row in in_rows:
            parts.append(
                f"<tr><td>{link(row['subject'], _short(row.get('subjectLabel')))}</td>"
                f"<td>{link(row['property'])}</td><td>{link(row['graph'])}</td></tr>"
            )
        parts.append("</tbody></table>")
    if evidence_rows:
        parts.append("<h2>Evidence</h2>")
        for row in evidence_rows:
            source = link(row["source"], row.get("sourceTitle")) if row.get("source") else ""
            where = ""
            if row.get("start") is not None:
                where = f" (characters {escape(str(row['start']))}–{escape(str(row.get('end')))})"
            address = ""
            if row.get("address"):
                address = f' · <a href="{escape(row["address"], quote=True)}">original</a>'
            parts.append(
                f"<blockquote>{escape(row['quote'])}</blockquote>"
                f"<p class=source>{source}{where}{address}</p>"
            )
    return page(title, "\n".join(parts), iri)


def not_found_page(iri: str) -> str:
    body = (
        f"<h1>Not found</h1><p>The graph has no entity <code>{escape(iri)}</code>.</p>"
        '<p>Try the <a href="/">search and query page</a>.</p>'
    )
    return page("Not found", body)


def _short(text: str | None, size: int = 120) -> str | None:
    if text is None or len(text) <= size:
        return text
    return text[: size - 1] + "…"
