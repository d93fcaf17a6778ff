"""What the server needs once per release — the search index, and every task in the order of
each sort of the task list — computed when the release is built and kept in a file beside its
store, so a server starting on it (or the first request after a rebuild) loads it in a fraction
of a second instead of reading the whole graph (at 10⁶ quads: 15 s for the index on the first
search; 7 s for the sort keys on the first ``/tasks``, and 1.5–2 s of query and sort on each).

A file, not derived triples: the index is a data structure (folded words → the labels holding
them) the server needs whole in memory, and read back as triples it would still cost a read of
every label at start, which is what is removed here. The file is made from the store alone,
with the queries the server would run (:func:`compute`), so a build, a benchmark's synthetic
store and an old store get the same answers. It is tied to its store by a fingerprint of the
store's immutable files and by a format number; a missing or mismatched file is rebuilt in
memory from the store, in the background from start-up, and the log says so.

The file is a pickle of plain lists, dicts, strings and bytes, read by an unpickler that refuses
every class (:class:`_PlainUnpickler`): it never runs code, whoever wrote the file.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import pickle
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph_api.named_queries import load_query
from graph_api.pages.task_keys import read_task_keys
from graph_api.pages.task_order import TaskOrder
from graph_api.release_store import CurrentReleaseStore
from graph_api.routes.search import search_rows
from graph_api.search_index import SearchIndex
from graph_api.serving_index_audits import DOCUMENT_LIST
from graph_api.serving_index_audits import compute as compute_audits
from graph_api.serving_index_audits import decode as decode_audits
from graph_api.serving_index_audits import encode as encode_audits
from graph_api.serving_index_memo import MemoStore
from graph_api.serving_index_remote import data_fingerprint
from graph_api.serving_index_reuse import Changes
from graph_api.serving_index_tasks import TaskTable
from graph_api.serving_index_tasks import compute as compute_tasks
from graph_api.store import OxigraphStore, Store

log = logging.getLogger(__name__)
FORMAT = 4  # bump when the tables change shape: older files are then rebuilt, not misread
SUFFIX = ".serving.pickle"  # beside the store folder: releases/<id>/store.serving.pickle


@dataclass(frozen=True)
class Prepared:
    """One release's search index and its tasks in each sort's order, as the routes read them,
    and the whole-country audit answers its memo keeps (empty when the file predates them)."""

    search: SearchIndex
    task_order: TaskOrder
    audits: dict[str, Any] = field(default_factory=dict)
    tasks: TaskTable | None = None  # every task's record (a build's file only)


def sidecar_path(store_dir: Path) -> Path:
    return store_dir.with_name(store_dir.name + SUFFIX)


def fingerprint(store_dir: Path) -> str:
    """The store's immutable files (RocksDB's tables and manifest), by name and size: another
    store, or this folder rebuilt, gives another fingerprint."""
    names = sorted(
        (entry.name, entry.stat().st_size)
        for entry in os.scandir(store_dir)
        if entry.name.endswith(".sst") or entry.name.startswith(("MANIFEST-", "CURRENT"))
    )
    return hashlib.sha256(repr(names).encode()).hexdigest()


def code_version() -> str:
    """The server code that made the file (graph_api's Python, queries and templates): a file
    made by other code (a new release serving an old store) is rebuilt, never served stale."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".rq", ".html") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def compute(store: Store) -> Prepared:
    """Read the index, the sort keys and every task from the store and put the tasks in order
    (what costs the graph's size)."""
    keys = read_task_keys(store)
    tasks = [row["task"] for row in store.select(load_query("task_list"))]  # every pg:Task
    return Prepared(SearchIndex(search_rows(store)), TaskOrder.of(tasks, keys))


def write(store_dir: Path, prepared: Prepared, data: str | None = None) -> Path:
    """Write ``prepared`` beside ``store_dir`` (atomically: a reader sees the old file or the
    whole new one); the file's path. ``data``: the store's :func:`data_fingerprint`, which a
    server over a remote engine holding the same quads checks before trusting the file."""
    path = sidecar_path(store_dir)
    payload = {
        "format": FORMAT,
        "fingerprint": fingerprint(store_dir),
        "data": data,
        "code": code_version(),
        "search": prepared.search.tables(),
        "task_order": prepared.task_order.tables(),
        "audits": encode_audits(prepared.audits),  # optional: without it, the memo computes
        "tasks": prepared.tasks.tables() if prepared.tasks else None,  # optional: else queries
    }
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        with partial.open("wb") as out:
            pickle.dump(payload, out, protocol=5)
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise OSError(f"{path}: could not write the serving index: {error}") from error
    return path


def write_for_store(store_dir: Path, previous_release: Path | None = None) -> Path:
    """Compute and write the file of the store at ``store_dir`` (``policygraph build``'s hook,
    benchmarks), with the whole-country audits the server would otherwise compute on their first
    request. Given the ``previous_release`` the build made this one from (which the build keeps
    pinned meanwhile), the task records its file holds for tasks whose statements did not change
    are kept, and its document list when no document's statement changed
    (:mod:`graph_api.serving_index_reuse`)."""
    previous, changes = _previous(store_dir, previous_release)
    kept = {}
    if previous and changes and not changes.documents and DOCUMENT_LIST in previous.audits:
        kept[DOCUMENT_LIST] = previous.audits[DOCUMENT_LIST]  # what no change could alter
    store = OxigraphStore(store_dir)
    try:
        prepared = compute(store)
        audits = compute_audits(MemoStore(store), kept)  # they run some queries several times
        tasks = compute_tasks(store, previous and previous.tasks, changes)
        whole = Prepared(prepared.search, prepared.task_order, audits, tasks)
        return write(store_dir, whole, data_fingerprint(store))
    finally:
        store.close()


def _previous(
    store_dir: Path, previous_release: Path | None
) -> tuple[Prepared | None, Changes | None]:
    """The previous release's file and what changed since, if both can be read."""
    if previous_release is None:
        return None, None
    previous = read(previous_release / store_dir.name)
    if previous is None:
        return None, None  # the reason is logged; everything is computed
    try:
        changes = Changes(previous_release / "graph.nq", store_dir.parent / "graph.nq")
    except (OSError, ValueError) as error:
        log.warning("nothing kept from %s: %s", previous_release, error)
        return None, None
    return previous, changes


def read(store_dir: Path) -> Prepared | None:
    """The file beside ``store_dir`` if it is there and made for this store; else None (why is
    logged)."""
    path = sidecar_path(store_dir)
    if not path.is_file():
        log.warning("no serving index at %s (a store built before it existed)", path)
        return None
    payload = _payload(path)
    if payload is None:
        return None
    if payload.get("fingerprint") != fingerprint(store_dir):
        log.warning("the serving index %s was made for another store than %s", path, store_dir)
        return None
    return _prepared(path, payload)


def read_for_engine(path: Path, store: Store) -> Prepared | None:
    """The file at ``path`` if its recorded data fingerprint is the one ``store`` (a remote
    engine) answers now; else None, with a warning saying why."""
    payload = _payload(path)
    if payload is None:
        return None
    recorded = payload.get("data")
    if not recorded:
        log.warning("the serving index %s records no data fingerprint (an older build)", path)
        return None
    if recorded != data_fingerprint(store):
        log.warning(
            "the serving index %s was made for other data than the engine holds (its graphs' "
            "triple counts differ): not used",
            path,
        )
        return None
    return _prepared(path, payload)


def _payload(path: Path) -> dict[str, Any] | None:
    """The file's contents when readable and of this format and code; else None (logged)."""
    try:
        with path.open("rb") as handle:
            payload = _PlainUnpickler(io.BufferedReader(handle, 1 << 20)).load()
    except (OSError, pickle.UnpicklingError, EOFError, ValueError) as error:
        log.warning("the serving index %s cannot be read: %s", path, error)
        return None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        log.warning("the serving index %s has another format than %d", path, FORMAT)
        return None
    if payload.get("code") != code_version():
        log.warning("the serving index %s was made by other server code: rebuilt", path)
        return None
    return payload


def _prepared(path: Path, payload: dict[str, Any]) -> Prepared | None:
    try:
        return Prepared(
            SearchIndex.from_tables(payload["search"]),
            TaskOrder(*payload["task_order"]),
            decode_audits(payload.get("audits", {})),
            TaskTable.from_tables(payload.get("tasks")),
        )
    except (KeyError, TypeError, ValueError) as error:
        log.warning("the serving index %s is not whole: %r", path, error)
        return None


class _PlainUnpickler(pickle.Unpickler):
    """Reads lists, dicts, tuples, strings, bytes and numbers only: no class, no code."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"the serving index may not name {module}.{name}")


def store_folder(store: Any) -> Path | None:
    """The on-disk folder ``store`` answers from now, when it is an embedded one."""
    inner = getattr(store, "store", store)  # a PooledStore answers REST queries from its store
    if isinstance(inner, CurrentReleaseStore):
        inner = inner.current()
    if isinstance(inner, OxigraphStore) and inner.path.is_dir():
        return inner.path.resolve()  # data/build/store is a link into the current release
    return None


class ServingIndex:
    """The app's :class:`Prepared` for the store's current release: read from the build's file
    (beside an embedded store, or ``sidecar`` for a remote engine, checked against its data),
    else computed from the store; once per release, whatever number of requests ask at once."""

    def __init__(self, store: Store, sidecar: Path | None = None) -> None:
        self._store = store
        self._sidecar = sidecar
        self._prepared: Prepared | None = None
        self._release: object = None
        self._lock = threading.Lock()
        self._kinds: dict[str, tuple[object, SearchIndex]] = {}  # while the index loads
        self._kinds_lock = threading.Lock()

    def prepared(self) -> Prepared:
        with self._lock:
            release = self._store.release
            if self._prepared is None or release != self._release:
                self._prepared = self._load()
                self._release = release
            return self._prepared

    def _has_file(self) -> bool:
        return self._sidecar is not None or store_folder(self._store) is not None

    def audit(self, name: str, release: object) -> Any | None:
        """The build's answer of the memo's ``name`` for ``release``; None when the file lacks
        it (an old store, a remote engine without the build's file) or the release has changed
        since; on a remote engine also while the file is being read (the memo computes)."""
        if not self._has_file():
            return None  # no build's file: the memo computes, not waiting for the index
        if self._sidecar is not None:
            prepared = self._ready()
            return None if prepared is None else prepared.audits.get(name)
        prepared = self.prepared()
        with self._lock:
            if release != self._release:
                return None
        return prepared.audits.get(name)

    def task_table(self) -> TaskTable | None:
        """The build's task table for the current release; None without one (an old file, a
        remote engine or a store in memory) or while the file is being read: the routes then
        query, never waiting for the index (a rebuild of it reads the whole graph)."""
        if not self._has_file():
            return None
        prepared = self._ready()
        return None if prepared is None else prepared.tasks

    def _ready(self) -> Prepared | None:
        """The current release's :class:`Prepared` if already loaded, without waiting; else
        None, and loading starts (the next requests find it read)."""
        if not self._lock.acquire(blocking=False):
            return None
        try:
            current = self._prepared is not None and self._store.release == self._release
            prepared = self._prepared if current else None
        finally:
            self._lock.release()
        if prepared is None:
            self.start_loading()
        return prepared

    def index(self) -> SearchIndex:
        """The search index (what ``app.state.search_index.index()`` gives the routes)."""
        return self.prepared().search

    def index_now(self) -> SearchIndex | None:
        """The search index; on a store without a folder (a remote engine, a store in memory),
        whose index may be rebuilt from the whole graph, None until it is read, and loading
        starts (names are then resolved by query: :mod:`graph_api.search_by_kind`)."""
        if store_folder(self._store) is not None:
            return self.index()  # the build's file beside the store: read in under a second
        return self.loaded_index()

    def kind_index(self, kind: str, compute: Callable[[], SearchIndex]) -> SearchIndex:
        """``kind``'s index read by query (``compute``: :func:`graph_api.search_by_kind.
        kind_index`) while the whole one loads, kept for the release: the next name of that
        kind is looked up without querying again (3–7 s at 10⁶ on a loaded Virtuoso)."""
        release = self._store.release
        with self._kinds_lock:
            kept = self._kinds.get(kind)
            if kept is None or kept[0] != release:
                kept = (release, compute())
                self._kinds[kind] = kept
            return kept[1]

    def loaded_index(self) -> SearchIndex | None:
        """The search index if it is read already, never waiting; else None (loading starts)."""
        prepared = self._ready()
        return None if prepared is None else prepared.search

    def _load(self) -> Prepared:
        started = time.perf_counter()
        folder = store_folder(self._store)
        if folder is not None:
            prepared = read(folder)
        elif self._sidecar is not None:
            prepared = read_for_engine(self._sidecar, self._store)
        else:
            prepared = None
        if prepared is not None:
            where = folder or self._sidecar
            log.info("serving index of %s read in %.2f s", where, time.perf_counter() - started)
            return prepared
        log.warning(
            "rebuilding the search index and the task list's sort keys from the graph of %s",
            folder or "a store without a folder (remote or in memory)",
        )
        prepared = compute(self._store)
        log.warning(
            "search index (%d labels) and task orders (%d tasks) rebuilt in %.1f s",
            len(prepared.search.entries),
            len(prepared.task_order.orders["citation"]),
            time.perf_counter() - started,
        )
        return prepared

    def start_loading(self) -> threading.Thread:
        """Load (or rebuild) in the background, so that neither start-up nor the first request
        waits for it when there is time; a failure is logged and retried on the next request."""

        def load() -> None:
            try:
                self.prepared()
            except Exception as error:  # a store down at start must not stop it
                log.warning("the serving index could not be prepared yet: %s", error)

        thread = threading.Thread(target=load, name="serving-index", daemon=True)
        thread.start()
        return thread
