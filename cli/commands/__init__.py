"""One module per ``policygraph`` subcommand: ``HELP``, ``add_arguments``, ``run``."""

from __future__ import annotations

import argparse
import shutil
import sys
from contextlib import contextmanager
from typing import TextIO

from graph_api.settings import Settings


def open_store(settings: Settings):
    """The store the settings name: a remote SPARQL URL, a store directory, or the build's
    current release (followed across rebuilds)."""
    from pathlib import Path

    if settings.store and settings.store.startswith(("http://", "https://")):
        from graph_api.remote_store import RemoteStore

        return RemoteStore(
            settings.store, update_url=settings.store_update, timeout=settings.query_timeout
        )
    from graph_api.store import OxigraphStore

    if settings.store:
        return OxigraphStore(Path(settings.store), in_memory=settings.in_memory)
    from graph_api.release_store import CurrentReleaseStore

    return CurrentReleaseStore(settings.build_dir, in_memory=settings.in_memory)


def add_quiet_argument(parser: argparse.ArgumentParser) -> None:
    """``--quiet``, the one switch for :func:`progress_bar` on every long command."""
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="no progress bar (there is none either when stderr is not a terminal)",
    )


@contextmanager
def progress_bar(
    what: str, *, quiet: bool = False, unit: str = "files", stream: TextIO | None = None
):
    """A progress callback ``(index, total, name)`` for long library loops, drawn by tqdm on
    stderr — or None when ``quiet`` or stderr is not a terminal (logs and pipes stay clean).

    ``index`` is the item being started (1-based), so the bar counts the ones finished."""
    stream = stream or sys.stderr
    if quiet or not stream.isatty():
        yield None
        return
    from tqdm import tqdm

    # The terminal's size, 80×24 when it reports none (a pty opened by a program): tqdm hides
    # its bar on a terminal of 0 rows.
    size = shutil.get_terminal_size()
    bar = tqdm(desc=what, unit=f" {unit}", file=stream, ncols=size.columns, nrows=size.lines)

    def update(index: int, total: int, name: str) -> None:
        bar.total = total
        bar.n = index - 1
        bar.set_postfix_str(name[:40], refresh=False)
        bar.refresh()

    try:
        yield update
        if bar.total is not None:
            bar.n = bar.total
            bar.refresh()
    finally:
        bar.close()
