"""``policygraph review``: what the extractor could not map, for a curator to map by hand."""

from __future__ import annotations

import argparse
from pathlib import Path

from graph_api.settings import Settings

HELP = "list the candidate indicators (target phrases no curated indicator fits) to review"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "sources", type=Path, nargs="?", help="folder of sources (default: data/sources)"
    )


def run(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.resolve import Catalogue
    from ingest.review import candidate_indicators, candidates_text
    from ingest.sources import iter_sources
    from ontology.errors import SourceError

    folder = args.sources or settings.sources_dir
    catalogue = Catalogue.load(settings.curated_dir)
    sources = [s for s in iter_sources(folder) if not isinstance(s, SourceError)]
    print(candidates_text(candidate_indicators(sources, catalogue)))
    return 0
