"""``policygraph extract FILE``: the facts one source would give, each with its quote."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from cli.commands import add_quiet_argument, progress_bar
from graph_api.settings import Settings

HELP = (
    "print the facts extracted from one source file, each with its quote, its inherited context "
    "and a flag where it guessed (for review)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="a .txt, .md, .html, .docx or .pdf source")
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--json", action="store_true", help="the same as JSON: one object per fact, with context"
    )
    output.add_argument(
        "--gold", action="store_true", help="gold-format JSON (tests/gold/README.md) instead"
    )
    parser.add_argument(
        "--no-corrections",
        action="store_true",
        help="show the raw extraction, without data/curated/corrections.toml",
    )
    add_quiet_argument(parser)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.build import CORRECTIONS_FILE
    from ingest.corrections import CorrectionLog, apply_corrections, load_corrections
    from ingest.extract import extract_all
    from ingest.extract.gold_format import to_gold_format
    from ingest.provenance import Explainer
    from ingest.resolve import Catalogue
    from ingest.review import review_records, review_text
    from ingest.sources import read_source

    source = read_source(args.file)
    catalogue = Catalogue.load(settings.curated_dir)
    with progress_bar(args.file.name, quiet=args.quiet, unit="steps") as progress:
        facts = extract_all(source, catalogue, progress=progress)
    log = CorrectionLog()
    if not args.no_corrections:
        corrections = load_corrections(settings.curated_dir / CORRECTIONS_FILE)
        facts = apply_corrections(source.source_id, facts, corrections, log)
    if args.gold:
        print(json.dumps(to_gold_format(facts, catalogue), ensure_ascii=False, indent=1))
        return 0
    explainer = Explainer(source, catalogue)
    if args.json:
        report = {
            "source": source.source_id,
            "path": str(args.file),
            "notes": list(source.meta.notes),
            "corrections": list(log.applied),
            "facts": review_records(facts, explainer),
        }
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        for note in source.meta.notes:
            print(f"# {note}")
        for line in log.applied:
            print(f"# correction: {line}")
        print(review_text(facts, explainer))
    return 0
