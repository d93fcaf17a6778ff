"""``policygraph build``: data/curated + data/sources → validated store and dumps."""

from __future__ import annotations

import argparse

from cli.commands import progress_bar
from graph_api.settings import Settings

HELP = "build the graph from data/curated and data/sources into data/build (atomically)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="no progress bar (there is none either when stderr is not a terminal)",
    )


def run(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.build import build

    with progress_bar("build", quiet=args.quiet) as progress:
        report = build(
            settings.curated_dir,
            settings.sources_dir,
            settings.build_dir,
            validate=not args.no_validate,
            progress=progress,
        )
    print(report.to_text())
    return 0
