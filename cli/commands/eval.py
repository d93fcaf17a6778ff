"""``policygraph eval GOLD_DIR SOURCES_DIR``: precision, recall and F1 of the extractor."""

from __future__ import annotations

import argparse
from pathlib import Path

from graph_api.settings import Settings

HELP = "score the extractor against gold annotations (see tests/gold/README.md)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold_dir", type=Path, help="folder of <source-stem>.json gold files")
    parser.add_argument("sources_dir", type=Path, help="folder holding the annotated sources")
    parser.add_argument("--json", action="store_true", help="machine-readable report")


def run(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.resolve import Catalogue
    from ingest.scoring import score_extractor

    for folder in (args.gold_dir, args.sources_dir):
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder}: not a folder")
    report = score_extractor(args.gold_dir, args.sources_dir, Catalogue.load(settings.curated_dir))
    print(report.to_json() if args.json else report.to_text())
    return 0
