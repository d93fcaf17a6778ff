"""Where the project's curated data is when a command is not told: next to the installed package.

``policygraph eval`` run outside the checkout used to read ``./data/curated`` relative to the
current directory, find nothing and score against an empty catalogue (agency F1 0.89 → 0.61)
without a word. The catalogue now comes from an explicit data directory, else from the project
root the package was installed from, and a directory without curated files is an error.
"""

from __future__ import annotations

from pathlib import Path

from ontology.errors import CuratedDataError

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def package_data_dir() -> Path:
    """``data/`` of the project the ``ingest`` package belongs to (an editable install: the
    checkout)."""
    return PROJECT_ROOT / "data"


def curated_dir(data_dir: Path | None) -> Path:
    """The curated folder of ``data_dir`` (or of the package's project); an error when it holds
    no curated Turtle files, naming the folder and how to choose another."""
    base = data_dir if data_dir is not None else package_data_dir()
    folder = base / "curated"
    if not folder.is_dir() or not any(folder.glob("*.ttl")):
        origin = "--data-dir" if data_dir is not None else "the installed package's project"
        raise CuratedDataError(
            folder.resolve(),
            None,
            f"no curated catalogue (*.ttl) here (from {origin}); "
            "pass --data-dir pointing at a project data folder holding curated/",
        )
    return folder
