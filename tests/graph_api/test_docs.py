"""Docs that cannot drift: the CLI reference is generated, and every command is documented."""

from __future__ import annotations

from pathlib import Path

from cli.main import build_parser
from cli.reference import _subparsers, cli_reference

ROOT = Path(__file__).resolve().parents[2]


def test_cli_reference_is_up_to_date():
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == cli_reference(), (
        "docs/cli.md is stale: run `python -m cli.reference > docs/cli.md`"
    )


def test_every_subcommand_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [n for n in _subparsers(build_parser()) if f"policygraph {n}" not in readme]
    assert not missing, f"README.md does not mention: {missing}"
