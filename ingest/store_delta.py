"""The new release's store as the previous release's plus the quads that changed.

Bulk-loading the whole union was a fixed cost of every build (2.6–5.9 s at 2,000 documents for
one added document). A release's ``graph.nq`` is exactly its store's quads, so the previous
release's ``graph.nq`` against the new sorted lines gives the quads to remove and to add. The
previous store is checkpointed into the new release (RocksDB hard-links its immutable tables:
nothing is copied, and the previous store is never written to), then those quads are removed
and inserted. A failed build deletes the new folder; the previous release is as it was.

A bulk load renames blank nodes, so a quad holding one cannot be found again by its label:
when a changed quad holds a blank node (the ontology's OWL lists changed), when there is no
previous release, or when more than :data:`MAX_CHANGED_SHARE` of the quads changed, the store
is bulk-loaded as before. ``tests/ingest/test_build_incremental.py`` checks that an updated
store holds exactly the quads of its ``graph.nq``.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph

MAX_CHANGED_SHARE = 0.1  # beyond this, a bulk load of everything is about as quick


def changed_lines(previous_nq: Path, lines: list[str]) -> tuple[list[str], list[str]]:
    """The N-Quads lines of ``previous_nq`` not in ``lines``, and those of ``lines`` not in it."""
    with previous_nq.open(encoding="utf-8") as stream:
        old = set(stream.read().splitlines())
    new = set(lines)
    old.discard("")
    return sorted(old - new), sorted(new - old)


def update_from_previous(previous: Path, lines: list[str], store_dir: Path) -> dict | None:
    """Write ``store_dir`` as the store of ``previous`` (a release folder) with the changes that
    make its quads ``lines``; what was removed and added, or None when that is not possible
    (the caller bulk-loads instead)."""
    previous_nq, previous_store = previous / "graph.nq", previous / "store"
    if not (previous_nq.is_file() and previous_store.is_dir()):
        return None
    removed, added = changed_lines(previous_nq, lines)
    if len(removed) + len(added) > MAX_CHANGED_SHARE * max(len(lines), 1):
        return None
    if any("_:" in line for line in (*removed, *added)):
        return None  # blank nodes were renamed by the bulk load: not found by their label
    source = pyoxigraph.Store.read_only(str(previous_store))
    try:
        source.backup(str(store_dir))  # hard links of the immutable tables
    finally:
        del source
    store = pyoxigraph.Store(str(store_dir))
    try:
        for quad in _quads(removed):
            store.remove(quad)
        store.extend(_quads(added))
        store.flush()
    finally:
        del store
    return {"removed": len(removed), "added": len(added)}


def _quads(lines: list[str]) -> list[pyoxigraph.Quad]:
    if not lines:
        return []
    text = ("\n".join(lines) + "\n").encode("utf-8")
    return list(pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.N_QUADS))
