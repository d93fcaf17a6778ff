"""``policygraph validate``: the SHACL report for the built graph."""

from __future__ import annotations

import argparse
from pathlib import Path

from graph_api.settings import Settings
from ontology.errors import PolicyGraphError

HELP = "SHACL-validate the built graph (exit status 1 on violations)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", help="an N-Quads or TriG file (default: the build)")


def run(args: argparse.Namespace, settings: Settings) -> int:
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
