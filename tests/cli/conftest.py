"""The CLI as a user runs it: the installed ``policygraph`` in a real subprocess, on the real
build (tests/conftest.py's ``built_store``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

POLICYGRAPH = [sys.executable, "-m", "cli"]


@pytest.fixture(scope="session")
def store_dir(built_store) -> Path:
    """The built store's directory, as ``--store`` takes it."""
    from ontology.releases import current_store_path

    return current_store_path(built_store)


@pytest.fixture(scope="session")
def argv(store_dir) -> list[str]:
    """The command line up to the subcommand."""
    return [*POLICYGRAPH, "--store", str(store_dir)]


@pytest.fixture(scope="session")
def policygraph(argv):
    """Run ``policygraph --store STORE ARGS…``; the completed process (text, both streams)."""

    def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*argv, *args],
            capture_output=True,
            text=True,
            timeout=120,
            **kwargs,
        )

    return run
