"""The CLI imports only the subcommand it runs (issue 15 item 4: start-up), and parses as the
whole parser does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import SUBCOMMANDS, build_parser, chosen_subcommand

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["serve", "--port", "8001"], "serve"),
        (["--data-dir", "serve", "build"], "build"),  # a data directory named like a command
        (["--store", "http://127.0.0.1:8890/sparql", "--in-memory", "query", "ASK {}"], "query"),
        (["--data-dir=data", "eval-alignment"], "eval-alignment"),
        (["--help"], None),
        (["servee"], None),
        ([], None),
    ],
)
def test_the_subcommand_is_read_past_the_global_options(argv, expected):
    assert chosen_subcommand(argv) == expected


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_one_subcommand_parser_gives_the_whole_parsers_help(name):
    helps = []
    for only in (None, name):
        parser = build_parser(width=100, only=only)
        helps.append(parser._subparsers._group_actions[0].choices[name].format_help())
    assert helps[0] == helps[1]


def test_serve_does_not_import_the_other_subcommands():
    code = (
        "import sys; from cli.main import build_parser, chosen_subcommand;"
        "build_parser(only=chosen_subcommand(['serve', '--port', '1']));"
        "print(sorted(m for m in sys.modules if m.startswith('cli.commands.')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "['cli.commands.serve']"
