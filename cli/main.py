"""``policygraph``: one subcommand per user task, each a thin layer over a library function.

Each subcommand lives in ``cli/commands/<name>.py`` and exposes ``HELP``,
``add_arguments(parser)`` and ``run(args, settings) -> int``; this module only dispatches.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import os
import sys
from pathlib import Path

from graph_api.settings import Settings
from ontology.errors import PolicyGraphError

SIGPIPE_STATUS = 141  # what a shell reports for a filter ended by SIGPIPE (128 + 13)

SUBCOMMANDS = (
    "build",
    "validate",
    "serve",
    "query",
    "extract",
    "review",
    "eval",
    "eval-alignment",
    "view",
    "audit",
    "synth",
)


def _load(name: str):
    """The module of one subcommand; a subcommand that fails to import is an error, not skipped."""
    return importlib.import_module(f"cli.commands.{name.replace('-', '_')}")


def build_parser(width: int | None = None, only: str | None = None) -> argparse.ArgumentParser:
    """The parser; ``width`` fixes the help's line width (None: the terminal's). With ``only``,
    just that subcommand (the others' modules are not imported: 0.15 s of every start)."""
    formatter = functools.partial(argparse.HelpFormatter, width=width)
    parser = argparse.ArgumentParser(
        prog="policygraph",
        description="Build, serve, query and view the policygraph knowledge graph.",
        formatter_class=formatter,
    )
    parser.add_argument("--data-dir", type=Path, help="data directory (default: data)")
    parser.add_argument("--store", help="a SPARQL endpoint URL, or a store directory")
    parser.add_argument(
        "--in-memory",
        action="store_true",
        default=None,
        help="load the embedded store into memory at start",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name in SUBCOMMANDS if only is None else (only,):
        module = _load(name)
        command = sub.add_parser(
            name, help=module.HELP, description=module.HELP, formatter_class=formatter
        )
        module.add_arguments(command)
    return parser


def chosen_subcommand(argv: list[str]) -> str | None:
    """The subcommand ``argv`` names, read as the parser reads it (past the global options and
    their values); None when there is none (``--help``, a typo: the whole parser answers)."""
    words = iter(argv)
    for word in words:
        if word in ("--data-dir", "--store"):
            next(words, None)
        elif not word.startswith("-"):
            return word if word in SUBCOMMANDS else None
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(only=chosen_subcommand(argv)).parse_args(argv)
    overrides = {
        "data_dir": args.data_dir,
        "store": args.store,
        "in_memory": args.in_memory,
        **{
            key: getattr(args, key, None)
            for key in (
                "host",
                "port",
                "query_timeout",
                "max_rows",
                "query_workers",
                "serving_index",
            )
        },
    }
    try:
        settings = Settings.from_env(**overrides)
        return _load(args.command).run(args, settings)
    except BrokenPipeError:
        return _reader_gone()
    except (PolicyGraphError, OSError, ValueError) as error:
        # A bad input, a missing build, a read-only or full disk: one line, no traceback.
        message = error.user_message() if isinstance(error, PolicyGraphError) else error
        print(f"policygraph {args.command}: error: {message}", file=sys.stderr)
        return 2


def _reader_gone() -> int:
    """The reader closed the pipe (``policygraph query … | head -1``): stop quietly, as a Unix
    filter does. Python's own recipe: point stdout at /dev/null so the exit flush cannot fail."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return SIGPIPE_STATUS


if __name__ == "__main__":
    sys.exit(main())
