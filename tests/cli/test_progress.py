"""Progress bars on long runs: drawn on a terminal (a real pty), absent with --quiet or when
stderr is a pipe or a file, and never mixed into stdout."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from ingest.build import list_sources

POLICYGRAPH = [sys.executable, "-m", "cli"]


ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
SOURCES = ROOT / "data" / "sources"


def run_on_terminal(args: list[str], cwd: Path | None = None) -> tuple[int, str, str]:
    """Run with stderr on a fresh pseudo-terminal; (status, stdout, what the terminal got)."""
    main, child = pty.openpty()
    # stdout to a file: a pipe read only after the terminal closes could fill and block the child.
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen([*POLICYGRAPH, *args], stdout=out, stderr=child, cwd=cwd)
        os.close(child)
        screen = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            screen += chunk
        status = process.wait(timeout=120)
        os.close(main)
        out.seek(0)
        stdout = out.read().decode()
    return status, stdout, screen.decode(errors="replace")


@pytest.fixture(scope="module")
def small_gold(tmp_path_factory) -> Path:
    """Three real gold files: enough for a bar, quick to score."""
    folder = tmp_path_factory.mktemp("gold")
    for path in sorted(GOLD.glob("*.json"))[:3]:
        shutil.copy(path, folder)
    return folder


def test_eval_draws_a_bar_on_a_terminal(small_gold):
    status, stdout, screen = run_on_terminal(["eval", str(small_gold), str(SOURCES)])
    assert status == 0, screen
    assert "eval: 100%" in screen and "3/3" in screen
    assert "F1" in stdout and "3/3" not in stdout  # the report alone on stdout


def test_eval_quiet_draws_nothing(small_gold):
    status, stdout, screen = run_on_terminal(["eval", str(small_gold), str(SOURCES), "--quiet"])
    assert status == 0, screen
    assert "eval:" not in screen and "files/s" not in screen
    assert "F1" in stdout


def test_no_bar_when_stderr_is_not_a_terminal(small_gold):
    result = subprocess.run(
        [*POLICYGRAPH, "eval", str(small_gold), str(SOURCES)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "\r" not in result.stderr and "files/s" not in result.stderr


def test_build_draws_a_bar_on_a_terminal(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    # The real curated data, read in place, and every tenth real text (19 of 185, with their
    # sidecars: a bar of many steps, without extracting the whole corpus again on one more
    # cold build); the build goes to tmp_path/data/build.
    (data / "curated").symlink_to(ROOT / "data" / "curated")
    (data / "sources").mkdir()
    texts, _ = list_sources(SOURCES)
    for text in texts[::10]:
        for path in (text, text.with_name(text.stem + ".meta.json")):
            if path.exists():
                (data / "sources" / path.name).symlink_to(path)
    status, stdout, screen = run_on_terminal(["--data-dir", str(data), "build", "--no-validate"])
    assert status == 0, screen
    assert "build: 100%" in screen and f"{len(texts[::10])}/{len(texts[::10])}" in screen
    assert stdout.startswith("release ")  # the report, on stdout
    assert (data / "build").is_dir()


def test_extract_draws_a_bar_of_its_steps_on_a_terminal():
    source = SOURCES / "nq03-ncp-2025-phu-luc-2-nhiem-vu.md"
    status, stdout, screen = run_on_terminal(["extract", str(source)])
    assert status == 0, screen
    assert f"{source.name}: 100%" in screen and "steps" in screen
    quiet_status, quiet_stdout, quiet_screen = run_on_terminal(["extract", str(source), "--quiet"])
    assert quiet_status == 0 and "steps" not in quiet_screen
    assert stdout == quiet_stdout  # the facts, the same with or without the bar
