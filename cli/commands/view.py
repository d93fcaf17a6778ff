"""``policygraph view``: write one interactive view as a self-contained HTML file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.commands import open_store
from graph_api.settings import Settings
from ontology.wording import counted

HELP = "write an interactive view (dependencies, agency, agencies, alignment) as an HTML file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=["dependencies", "agency", "agencies", "alignment"])
    parser.add_argument(
        "--root", help="dependencies: root document, or with --up a task (IRI or kind/slug)"
    )
    parser.add_argument("--up", action="store_true", help="dependencies: from --root upwards")
    parser.add_argument("--agency", help="agency: its slug or IRI (e.g. so-khcn-binh-duong)")
    parser.add_argument("--province", help="alignment: one province, by name or slug")
    parser.add_argument("--lang", choices=["vi", "en"], default="vi")
    parser.add_argument("--budget", type=int, help="collapse tasks past this many nodes")
    parser.add_argument(
        "--link-base",
        default="http://127.0.0.1:8000",
        help="where clicks open entity pages (default: the local server)",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="the HTML file to write")


def run(args: argparse.Namespace, settings: Settings) -> int:
    from graph_api.entity_refs import parse_entity_ref
    from graph_api.routes.views import alignment_options, store_fetch
    from viz import views

    options: dict = {"lang": args.lang, "link_base": args.link_base.rstrip("/")}
    if args.kind == "dependencies":
        options["root"] = parse_entity_ref(args.root) if args.root else views.DEFAULT_ROOT
        options["direction"] = "up" if args.up else "down"
    elif args.kind == "agency":
        if not args.agency:
            raise ValueError("the agency view needs --agency SLUG")
        options["agency"] = parse_entity_ref(args.agency, "agency")
    if args.budget and args.kind in ("dependencies", "agency"):
        options["budget"] = args.budget
    store = open_store(settings)
    try:
        if args.kind == "alignment":
            options.update(alignment_options(store, args.province))
        view = views.build_view(args.kind, store_fetch(store), **options)
    except views.ViewNotFound as error:
        print(f"policygraph view: {error}", file=sys.stderr)
        return 1
    args.output.write_text(view.html, encoding="utf-8")
    print(f"{args.output}: {counted(view.graph.number_of_nodes(), 'node')}", file=sys.stderr)
    if view.note:
        print(view.note, file=sys.stderr)
    return 0
