"""Session fixtures shared by every test package: the real build over a copy of data/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def copy_corpus(target: Path) -> Path:
    """A throw-away copy of data/curated and data/sources (the real corpus texts)."""
    if not any((DATA / "sources").glob("*.meta.json")):
        pytest.fail(f"{DATA / 'sources'}: no sources (the corpus is tracked in git)")
    shutil.copytree(DATA / "curated", target / "curated")
    shutil.copytree(DATA / "sources", target / "sources")
    return target


def cli_built_copy(built_store: Path, target: Path) -> Path:
    """A copy of data/ at ``target`` built by the real command, as a user runs it (with the facts
    the session's build extracted from the same texts, so it does not extract them again)."""
    data = copy_corpus(target)
    shutil.copytree(built_store / "cache", data / "build" / "cache")
    command = [sys.executable, "-m", "cli", "--data-dir", str(data)]
    subprocess.run([*command, "build", "--no-validate", "--quiet"], cwd=ROOT, check=True)
    return data


@pytest.fixture(scope="session")
def built_store(tmp_path_factory) -> Path:
    """Run the real build once over a copy of data/; the build directory."""
    from graph_api.serving_index import write_for_store
    from ingest.build import build

    data = copy_corpus(tmp_path_factory.mktemp("data"))
    build_dir = tmp_path_factory.mktemp("build")
    # with the file the server reads beside the store, as `policygraph build` writes it; on at
    # least two workers (tests/ingest/test_incremental_build.py compares it with one)
    build(
        data / "curated",
        data / "sources",
        build_dir,
        validate=False,
        workers=max(2, os.cpu_count() or 1),
        beside_store=write_for_store,
    )
    return build_dir


@pytest.fixture(scope="session")
def cli_built_data(built_store, tmp_path_factory) -> Path:
    """One copy of data/ built by the real command (``cli_built_copy``), shared by the modules
    that read it and put back whatever they change in it (the serving index file)."""
    return cli_built_copy(built_store, tmp_path_factory.mktemp("cli-built") / "data")


@pytest.fixture(scope="module")
def chromium():
    """Debian's headless Chromium (through Playwright), launched once per test module: each test
    opens its own context from it, a fresh profile (no cookies, storage or cache of another)."""
    from playwright.sync_api import sync_playwright

    from tests.live import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def built_store_dir(built_store) -> Path:
    """The current release's store directory of the session build (its serving index beside)."""
    from ontology.releases import current_store_path

    return current_store_path(built_store)


@pytest.fixture(scope="session")
def built_oxigraph(built_store):
    """The built graph opened read-only as the API opens it."""
    from graph_api.store import OxigraphStore
    from ontology.releases import current_store_path

    store = OxigraphStore(current_store_path(built_store))
    yield store
    store.close()
