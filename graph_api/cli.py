"""``policygraph``: one subcommand per user task, each a thin layer over a library function."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from graph_api.settings import Settings
from ingest.errors import PolicyGraphError

Command = Callable[[argparse.Namespace, Settings], int]
COMMANDS: dict[str, Command] = {}


def command(name: str) -> Callable[[Command], Command]:
    def register(function: Command) -> Command:
        COMMANDS[name] = function
        return function

    return register


def open_store(settings: Settings):
    """The store the settings name: a remote SPARQL URL, or the embedded store of the build."""
    if settings.store and settings.store.startswith(("http://", "https://")):
        from graph_api.remote_store import RemoteStore

        return RemoteStore(settings.store, update_url=settings.store_update)
    from graph_api.store import OxigraphStore
    from ingest.build import current_store_path

    path = Path(settings.store) if settings.store else current_store_path(settings.build_dir)
    return OxigraphStore(path, in_memory=settings.in_memory)


def _progress(index: int, total: int, name: str) -> None:
    width = 30
    done = int(width * index / max(total, 1))
    sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {index}/{total} {name[:40]:<40}")
    if index == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


@command("build")
def cmd_build(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.build import build

    report = build(
        settings.curated_dir,
        settings.sources_dir,
        settings.build_dir,
        validate=not args.no_validate,
        progress=None if args.quiet else _progress,
    )
    print(report.to_text())
    return 0


@command("validate")
def cmd_validate(args: argparse.Namespace, settings: Settings) -> int:
    from rdflib import Dataset

    from ingest.validate import validate_dataset

    path = Path(args.file) if args.file else settings.build_dir / "graph.nq"
    if not path.exists():
        raise PolicyGraphError(f"{path}: not found; run `policygraph build` first")
    dataset = Dataset()
    dataset.parse(path, format="nquads" if path.suffix == ".nq" else "trig")
    result = validate_dataset(dataset)
    print(result.to_text())
    return 0 if result.conforms else 1


@command("serve")
def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from graph_api.app import create_app

    store = open_store(settings)
    app = create_app(settings, store)
    print(f"policygraph serving on http://{settings.host}:{settings.port}/", file=sys.stderr)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
    return 0


@command("query")
def cmd_query(args: argparse.Namespace, settings: Settings) -> int:
    from graph_api.table import format_output

    store = open_store(settings)
    text = Path(args.query[1:]).read_text(encoding="utf-8") if args.query.startswith("@") else args.query
    output = store.query(text, solutions_format="csv" if args.format == "table" else args.format)
    print(format_output(output, args.format))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policygraph",
        description="Build, serve and query the policygraph knowledge graph.",
    )
    parser.add_argument("--data-dir", type=Path, help="data directory (default: data)")
    parser.add_argument("--store", help="a SPARQL endpoint URL, or a store directory")
    parser.add_argument("--in-memory", action="store_true", default=None,
                        help="load the embedded store into memory at start")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="build the graph from data/curated and data/sources")
    p.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    p.add_argument("--quiet", action="store_true", help="no progress bar")

    p = sub.add_parser("validate", help="SHACL-validate the built graph")
    p.add_argument("file", nargs="?", help="an N-Quads or TriG file (default: the current build)")

    p = sub.add_parser("serve", help="serve the SPARQL endpoint and API")
    p.add_argument("--host", help="interface to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default 8000)")
    p.add_argument("--query-timeout", type=float, help="seconds per query (default 10)")

    p = sub.add_parser("query", help="run a SPARQL query and print the result")
    p.add_argument("query", help="the query text, or @FILE")
    p.add_argument("--format", choices=["table", "json", "csv", "tsv", "xml"], default="table")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    overrides = {
        "data_dir": args.data_dir,
        "store": args.store,
        "in_memory": args.in_memory,
        "host": getattr(args, "host", None),
        "port": getattr(args, "port", None),
        "query_timeout": getattr(args, "query_timeout", None),
    }
    try:
        settings = Settings.from_env(**overrides)
        return COMMANDS[args.command](args, settings)
    except (PolicyGraphError, FileNotFoundError, ValueError) as error:
        print(f"policygraph {args.command}: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
