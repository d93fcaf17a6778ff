"""``policygraph query``: run one SPARQL query and print the result."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.commands import open_store
from graph_api.settings import Settings

HELP = "run a SPARQL query against the store and print the result (a table by default)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", help="the query text, or @FILE")
    parser.add_argument("--format", choices=["table", "json", "csv", "tsv", "xml"], default="table")


def run(args: argparse.Namespace, settings: Settings) -> int:
    from graph_api.sparql_guard import check_request, require_query
    from graph_api.store import Dataset, QueryOptions
    from graph_api.table import format_output

    text = args.query
    if text.startswith("@"):
        text = Path(text[1:]).read_text(encoding="utf-8")
    checked = require_query(check_request(text))  # SERVICE refused, FROM kept to the store
    store = open_store(settings)
    options = QueryOptions(
        solutions_format="csv" if args.format == "table" else args.format,
        dataset=Dataset(checked.from_graphs, checked.from_named_graphs),
        max_rows=settings.max_rows,
    )
    output = store.query(checked.text, options)
    print(format_output(output, args.format))
    return 0
