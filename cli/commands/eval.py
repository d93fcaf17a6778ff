"""``policygraph eval GOLD_DIR SOURCES_DIR``: precision, recall and F1 of the extractor.

The curated catalogue comes from ``--data-dir`` (here or before the subcommand, or
``POLICYGRAPH_DATA_DIR``), else from the project the package is installed from, never from the
current directory: scores must not change with where the command is run.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.commands import add_quiet_argument, progress_bar
from graph_api.settings import Settings

HELP = "score the extractor against gold annotations (see tests/gold/README.md)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold_dir", type=Path, help="folder of <source-stem>.json gold files")
    parser.add_argument("sources_dir", type=Path, help="folder holding the annotated sources")
    parser.add_argument("--json", action="store_true", help="machine-readable report")
    add_quiet_argument(parser)
    parser.add_argument(
        "--data-dir",
        dest="eval_data_dir",
        type=Path,
        help="project data folder whose curated/ is the catalogue "
        "(default: the installed project's data/)",
    )


def explicit_data_dir(args: argparse.Namespace, settings: Settings) -> Path | None:
    """The data folder the user chose, if any; the Settings default (``./data``) is no choice."""
    if getattr(args, "eval_data_dir", None) is not None:
        return args.eval_data_dir
    if settings.data_dir != Settings().data_dir:
        return settings.data_dir
    return None


def run(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.project_data import curated_dir
    from ingest.resolve import Catalogue
    from ingest.scoring import score_extractor

    for folder in (args.gold_dir, args.sources_dir):
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder}: not a folder")
    catalogue = Catalogue.load(curated_dir(explicit_data_dir(args, settings)))
    with progress_bar("eval", quiet=args.quiet) as progress:
        report = score_extractor(args.gold_dir, args.sources_dir, catalogue, progress=progress)
    print(report.to_json() if args.json else report.to_text())
    return 0
