"""``policygraph build``: data/curated + data/sources → validated store and dumps."""

from __future__ import annotations

import argparse

from cli.commands import add_quiet_argument, progress_bar
from graph_api.settings import Settings

HELP = "build the graph from data/curated and data/sources into data/build (atomically)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    add_quiet_argument(parser)
    parser.add_argument(
        "--workers",
        type=_positive_int,
        default=None,
        help="processes that extract and validate (default: one per core)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="re-extract and re-validate everything, ignoring data/build/cache",
    )


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"--workers: expected a whole number >= 1, got {text!r}")
    return value


def run(args: argparse.Namespace, settings: Settings) -> int:
    from graph_api.serving_index import write_for_store
    from ingest.build import build

    with progress_bar("build", quiet=args.quiet) as progress:
        report = build(
            settings.curated_dir,
            settings.sources_dir,
            settings.build_dir,
            validate=not args.no_validate,
            progress=progress,
            workers=args.workers,
            use_cache=not args.no_cache,
            beside_store=write_for_store,  # what the server reads, kept where unchanged
        )
    print(report.to_text())
    return 0
