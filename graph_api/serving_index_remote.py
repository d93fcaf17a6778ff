"""Which serving index a server over a remote engine (``serve --store URL``) may use, and the
fingerprint that ties it to the engine's data.

A remote engine has no store folder to find the build's file beside, nor RocksDB files to
fingerprint, so without help the server rebuilt the search index from the engine at start (31 s
at 10⁶ quads, answering 503 meanwhile) and queried the task routes with no task table (1,336 ms
for the 1,000-task page vs 12 ms embedded). The file the build wrote for the release that was
loaded into the engine holds the same answers; it is trusted only when the data fingerprint it
records — each named graph's IRI and triple count, read by one cheap query — is what the engine
answers now. A graph whose edit kept every count is not told apart: the file is as trustworthy
as the release name it was found by (see docs/architecture.md, "Remote engine").
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from graph_api.named_queries import load_query
from graph_api.settings import Settings
from graph_api.store import Store

log = logging.getLogger(__name__)
QUERY = "serving_graph_sizes"


def data_fingerprint(store: Store) -> str:
    """Each named graph's IRI and triple count, hashed: the same on every engine holding the
    same quads."""
    rows = store.select(load_query(QUERY))
    sizes = sorted((str(row["graph"]), int(row["triples"])) for row in rows)
    return hashlib.sha256(repr(sizes).encode()).hexdigest()


def remote_sidecar(settings: Settings) -> Path | None:
    """The serving index file a remote server reads: ``settings.serving_index`` (a file, a
    release folder or a store folder), else the one of the build's current release when the
    store is a URL and the build has one; None otherwise. A path given that holds no file is a
    FileNotFoundError naming the parameter."""
    from graph_api.serving_index import sidecar_path  # which imports this module

    given = settings.serving_index
    if given is None:
        if not (settings.store or "").startswith(("http://", "https://")):
            return None
        current = (settings.build_dir / "store").resolve()  # data/build/store → its release
        found = sidecar_path(current)
        if found.is_file():
            return found
        log.warning("no serving index at %s: the search index is rebuilt from the engine", found)
        return None
    path = Path(given)
    if path.is_dir():
        store_dir = path / "store" if (path / "store").is_dir() else path
        path = sidecar_path(store_dir)
    if not path.is_file():
        raise FileNotFoundError(f"--serving-index: no serving index file at {path}")
    return path
