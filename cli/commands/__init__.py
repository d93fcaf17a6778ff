"""One module per ``policygraph`` subcommand: ``HELP``, ``add_arguments``, ``run``."""

from __future__ import annotations

import sys

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


def progress_bar(index: int, total: int, name: str) -> None:
    """A one-line progress bar on stderr for long work."""
    width = 30
    done = int(width * index / max(total, 1))
    sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {index}/{total} {name[:40]:<40}")
    if index == total:
        sys.stderr.write("\n")
    sys.stderr.flush()
