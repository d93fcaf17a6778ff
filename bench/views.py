"""Benchmark the views: generation time (query + layout + HTML), file size, browser draw time.

Run: ``.venv/bin/python -m bench.views [--sizes 100 1000 10000] [--no-browser]``.
The graph is synthetic, in the project vocabulary: one resolution, an action programme,
provincial plans implementing both, tasks and targets under every document.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from ontology import vocabulary
from ontology.vocabulary import ID_BASE, PG, XSD

RDF_TYPE = ox.NamedNode(vocabulary.RDF_TYPE)
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
DESCRIPTION = ox.NamedNode("http://purl.org/dc/terms/description")
IDENTIFIER = ox.NamedNode("http://purl.org/dc/terms/identifier")


def _iri(kind: str, slug: str) -> ox.NamedNode:
    return ox.NamedNode(f"{ID_BASE}{kind}/{slug}")


def _pg(name: str) -> ox.NamedNode:
    return ox.NamedNode(PG + name)


def synthetic_quads(nodes: int) -> list[ox.Quad]:
    """About ``nodes`` nodes under 57-NQ/TW: ~2% documents, ~85% tasks, the rest targets."""
    quads = []

    def add(s, p, o):
        quads.append(ox.Quad(s, p, o))

    root = _iri("document", "57-ntw-2024")
    add(root, RDF_TYPE, _pg("Resolution"))
    add(root, IDENTIFIER, ox.Literal("57-NQ/TW"))
    documents = max(2, nodes // 50)
    agencies = [_iri("agency", f"agency-{i}") for i in range(max(3, nodes // 100))]
    for index, agency in enumerate(agencies):
        add(agency, RDF_TYPE, _pg("Agency"))
        add(agency, RDFS_LABEL, ox.Literal(f"Sở Khoa học và Công nghệ số {index}", language="vi"))
    indicator = _iri("indicator", "digital-economy-share-grdp")
    add(indicator, RDF_TYPE, _pg("Indicator"))
    doc_iris = [root]
    for index in range(1, documents):
        document = _iri("document", f"kh-{index}")
        add(document, RDF_TYPE, _pg("Plan" if index > 1 else "ActionProgramme"))
        add(document, IDENTIFIER, ox.Literal(f"{index}/KH-UBND"))
        parent = doc_iris[0] if index < 3 else doc_iris[1 + (index % 2)]
        add(document, _pg("implements"), parent)
        doc_iris.append(document)
    leaves = nodes - documents
    for index in range(leaves):
        document = doc_iris[index % len(doc_iris)]
        if index % 7 == 6:
            target = _iri("target", f"t-{index}")
            add(target, RDF_TYPE, _pg("Target"))
            add(target, _pg("indicator"), indicator)
            add(target, _pg("targetValue"), ox.Literal("30", datatype=ox.NamedNode(_XSD_DEC)))
            add(target, _pg("setBy"), document)
        else:
            task = _iri("task", f"nv-{index}")
            add(task, RDF_TYPE, _pg("Task"))
            add(task, DESCRIPTION, ox.Literal(f"Nhiệm vụ chuyển đổi số số {index}", language="vi"))
            add(task, _pg("assignedBy"), document)
            add(task, _pg("leadAgency"), agencies[index % len(agencies)])
    return quads


_XSD_DEC = XSD + "decimal"


def synthetic_store(nodes: int) -> ox.Store:
    store = ox.Store()
    store.bulk_extend(synthetic_quads(nodes))
    return store


def generation_figures(nodes: int, budget: int) -> dict:
    """Seconds to query, lay out and render each view over a synthetic graph, and HTML bytes."""
    from graph_api.routes.views import store_fetch
    from graph_api.store import OxigraphStore
    from viz import views

    fetch = store_fetch(OxigraphStore.from_store(synthetic_store(nodes)))
    figures = {}
    for kind, options in (
        ("dependencies", {"budget": budget}),
        ("agency", {"agency": f"{ID_BASE}agency/agency-0", "budget": budget}),
        ("agencies", {}),
    ):
        start = time.perf_counter()
        view = views.build_view(kind, fetch, **options)
        figures[kind] = (time.perf_counter() - start, len(view.html.encode()), view)
    return figures


def browser_draw_seconds(html: str, browser) -> float:
    """Seconds from navigation to the first complete drawing (``window.__viewReady``)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "view.html"
        path.write_text(html, encoding="utf-8")
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("window.__viewReady === true", timeout=120_000)
        seconds = time.perf_counter() - start
        page.close()
    return seconds


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 1000, 2000, 10000])
    parser.add_argument("--budget", type=int, default=1_000_000, help="collapse past this many")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    browser = context = None
    if not args.no_browser:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        profile = tempfile.mkdtemp(prefix="bench-chromium-")
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path="/usr/bin/chromium",
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 800},
        )
        browser = context
    print(f"{'nodes':>6} {'view':<13} {'shown':>6} {'generate s':>10} {'MB':>6} {'draw s':>7}")
    for size in args.sizes:
        for kind, (seconds, size_bytes, view) in generation_figures(size, args.budget).items():
            draw = browser_draw_seconds(view.html, browser) if browser else float("nan")
            shown = view.graph.number_of_nodes()
            print(
                f"{size:>6} {kind:<13} {shown:>6} {seconds:>10.3f} "
                f"{size_bytes / 1e6:>6.2f} {draw:>7.2f}",
                flush=True,
            )
    if context:
        context.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
