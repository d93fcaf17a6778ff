"""A throw-away data directory with one finished build, for the fault tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def policygraph(data_dir: Path, *args: str, **popen) -> subprocess.Popen:
    """``policygraph --data-dir DATA ARGS`` as a child process (its own process group)."""
    command = [sys.executable, "-m", "cli", "--data-dir", str(data_dir), *args]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        **popen,
    )


@pytest.fixture(scope="session")
def built_data(built_store, tmp_path_factory) -> Path:
    """A data directory (curated, sources) whose ``build/`` holds one finished release."""
    data = tmp_path_factory.mktemp("fault-data")
    shutil.copytree(ROOT / "data" / "curated", data / "curated")
    shutil.copytree(ROOT / "data" / "sources", data / "sources")
    shutil.copytree(built_store, data / "build", symlinks=True)
    return data


@pytest.fixture
def data_dir(built_data, tmp_path) -> Path:
    """A private copy of ``built_data`` for one test to damage."""
    copy = tmp_path / "data"
    shutil.copytree(built_data, copy, symlinks=True)
    return copy
