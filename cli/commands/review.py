"""``policygraph review``: what the extractor could not map, for a curator to map by hand."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from graph_api.settings import Settings

HELP = (
    "list the unresolved agencies and candidate indicators (names and phrases no curated entry "
    "fits), with counts, example quotes and file:line, to map in data/curated/"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "sources", type=Path, nargs="?", help="folder of sources (default: data/sources)"
    )
    parser.add_argument("--json", action="store_true", help="JSON instead of text")


def run(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.resolve import Catalogue
    from ingest.review import candidate_indicators, candidates_text, extracted
    from ingest.review_agencies import collect_unresolved, unresolved_text
    from ingest.sources import iter_sources
    from ontology.errors import SourceError

    folder = args.sources or settings.sources_dir
    catalogue = Catalogue.load(settings.curated_dir)
    sources = [s for s in iter_sources(folder) if not isinstance(s, SourceError)]
    facts = list(extracted(sources, catalogue))
    agencies = collect_unresolved(facts)
    indicators = candidate_indicators(facts, catalogue)
    if args.json:
        report = {
            "agencies": [a.as_json() for a in agencies],
            "indicators": [
                {
                    "label": c.label,
                    "unit": c.unit,
                    "count": len(c.occurrences),
                    "examples": [
                        {"source_id": s, "quote": q, "line": n} for s, q, n in c.occurrences
                    ],
                }
                for c in indicators
            ],
        }
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    print(unresolved_text(agencies))
    print()
    print(candidates_text(indicators))
    return 0
