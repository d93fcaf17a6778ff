"""``policygraph eval-alignment GOLD_DIR``: the alignment verdicts a user sees, scored end to end.

Builds the graph from the data folder's ``curated/`` and ``sources/`` into a temporary folder
(or reads the store given by ``--store``), runs the alignment audit, and scores the verdict of
every gold provincial target against the verdict its gold facts call for (see
:mod:`bench.alignment_verdicts`). GOLD_DIR should hold the national gold too (57-NQ/TW, 03/NQ-CP):
the expected verdicts are read against the national targets it holds.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from cli.commands import add_quiet_argument, open_store, progress_bar
from cli.commands.eval import explicit_data_dir
from graph_api.settings import Settings

HELP = "score the alignment audit's verdicts on gold provincial targets, per batch"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold_dir", type=Path, help="folder of <source-stem>.json gold files")
    parser.add_argument("--json", action="store_true", help="machine-readable report")
    add_quiet_argument(parser)
    parser.add_argument(
        "--data-dir",
        dest="eval_data_dir",
        type=Path,
        help="project data folder whose curated/ and sources/ are built "
        "(default: the installed project's data/)",
    )


def run(args: argparse.Namespace, settings: Settings) -> int:
    from bench.alignment_verdicts import evaluate_alignment
    from ingest.project_data import curated_dir, package_data_dir
    from ingest.resolve import Catalogue

    if not args.gold_dir.is_dir():
        raise FileNotFoundError(f"{args.gold_dir}: not a folder")
    data = explicit_data_dir(args, settings) or package_data_dir()
    curated, sources = curated_dir(data), data / "sources"
    if not sources.is_dir():
        raise FileNotFoundError(f"{sources}: not a folder (--data-dir holds sources/)")
    catalogue = Catalogue.load(curated)
    if settings.store:
        report = evaluate_alignment(args.gold_dir, sources, open_store(settings), catalogue)
    else:
        report = _on_fresh_build(args, curated, sources, catalogue)
    print(report.to_json() if args.json else report.to_text())
    return 0


def _on_fresh_build(args, curated: Path, sources: Path, catalogue):
    """The report on a graph built now, in a folder removed afterwards."""
    from bench.alignment_verdicts import evaluate_alignment
    from graph_api.store import OxigraphStore
    from ingest.build import build
    from ontology.releases import current_store_path

    with tempfile.TemporaryDirectory(prefix="policygraph-eval-alignment-") as folder:
        build_dir = Path(folder)
        with progress_bar("build", quiet=args.quiet) as progress:
            build(curated, sources, build_dir, validate=False, progress=progress, use_cache=False)
        store = OxigraphStore(current_store_path(build_dir))
        try:
            return evaluate_alignment(args.gold_dir, sources, store, catalogue)
        finally:
            store.close()
