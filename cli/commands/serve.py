"""``policygraph serve``: the SPARQL endpoint, REST answers, entity pages and views."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.commands import open_store
from graph_api.settings import Settings

HELP = "serve the SPARQL endpoint and API on the built store (or --store URL)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", help="interface to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default 8000)")
    parser.add_argument("--query-timeout", type=float, help="seconds per query (default 10)")
    parser.add_argument("--max-rows", type=int, help="result rows per answer (default 10000)")
    parser.add_argument("--query-workers", type=int, help="query worker processes (default 2)")
    parser.add_argument(
        "--serving-index",
        type=Path,
        help="with --store URL: the build's serving index of the release loaded into the engine "
        "(its .serving.pickle file, release folder or store folder; default: the current "
        "build's), used only when its graphs' triple counts match the engine's",
    )


def run(args: argparse.Namespace, settings: Settings) -> int:
    from graph_api.serving_pool import serving_store

    store = open_store(settings)
    # the query workers start first, by default without waiting for them: their start overlaps
    # the web framework's imports, and only user SPARQL waits for the first one ready
    serving = serving_store(settings, store, wait=settings.workers_before_serving)
    import uvicorn

    from graph_api.app import create_app
    from graph_api.http_limits import uvicorn_config

    app = create_app(settings, store, serving)
    print(f"policygraph serving on http://{settings.host}:{settings.port}/", file=sys.stderr)
    uvicorn.Server(uvicorn_config(app, settings)).run()
    return 0
