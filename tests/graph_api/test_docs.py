"""Docs that cannot drift: the CLI reference and the list of named queries are generated, and
every command is documented."""

from __future__ import annotations

from pathlib import Path

from cli.main import build_parser
from cli.reference import _subparsers, cli_reference
from graph_api.named_queries import query_names
from graph_api.query_reference import query_reference, query_summary

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


def test_query_list_is_up_to_date():
    current = (ROOT / "docs" / "queries.md").read_text(encoding="utf-8")
    assert current == query_reference(), (
        "docs/queries.md is stale: run `python -m graph_api.query_reference > docs/queries.md`"
    )


def test_every_named_query_says_what_it_answers():
    silent = [name for name in query_names() if not query_summary(name)]
    assert not silent, f"queries without a leading # comment: {silent}"
