"""A build keeps from the previous release's serving index what did not change
(:mod:`graph_api.serving_index_reuse`): the file it writes must equal one computed from scratch
over the same store, after a source is added and after one is removed."""

from __future__ import annotations

import pickle
import shutil
from functools import partial
from pathlib import Path

import pytest

from bench.build_scale import copy_text
from graph_api.serving_index import sidecar_path, write_for_store
from graph_api.serving_index_reuse import Changes
from ingest.build import build, list_sources
from ontology.releases import current_store_path
from tests.conftest import copy_corpus

COPY = "c99999"  # bench.build_scale.copy_text's name prefix for the copy made here


def _payload(store_dir: Path) -> dict:
    payload = pickle.loads(sidecar_path(store_dir).read_bytes())
    del payload["fingerprint"]  # the same store, so the same; kept out of the comparison
    return payload


def _build(data: Path, kept: list[tuple[int, int]], documents: list[bool]) -> Path:
    """Build ``data`` with the build's hook; the new store. Appends to ``kept`` how many of the
    previous release's task records could be kept, and how many it had; to ``documents``
    whether what the document list reads changed (else the previous list is kept)."""

    def hook(store_dir: Path, previous: Path | None) -> Path:
        if (data / "build" / "current").exists():
            assert previous == (data / "build" / "current").resolve()  # the release it is made from
            changes = Changes(previous / "graph.nq", store_dir.parent / "graph.nq")
            old = pickle.loads(sidecar_path(previous / "store").read_bytes())["tasks"]["ranked"]
            kept.append((len(changes.unchanged(old)), len(old)))
            documents.append(changes.documents)
        else:
            assert previous is None
        return write_for_store(store_dir, previous)  # as `policygraph build` calls it

    build(data / "curated", data / "sources", data / "build", validate=False, beside_store=hook)
    return current_store_path(data / "build")


def _tasks(data: Path, text: Path) -> int:
    """How many tasks the built graph holds from ``text`` (task IRIs name their source)."""
    graph = (data / "build" / "graph.nq").read_text(encoding="utf-8")
    return graph.count(f"/id/task/{text.stem}-")


@pytest.fixture(scope="module")
def data(built_store, tmp_path_factory) -> Path:
    """The curated data and about a quarter of the texts, with the session build's facts: every
    fourth by name, the one with the most tasks (the test copies it) and those named before the
    copy (pg:taskRank is the place by IRI: only their tasks keep their rank, so their records)."""
    data = copy_corpus(tmp_path_factory.mktemp("incremental") / "data")
    shutil.copytree(built_store / "cache", data / "build" / "cache")
    texts, _ = list_sources(data / "sources")
    graph = (built_store / "graph.nq").read_text(encoding="utf-8")
    most = max(texts, key=lambda text: graph.count(f"/id/task/{text.stem}-"))
    before_copy = {text for text in texts if text.stem < COPY}
    for text in set(texts) - {most, *texts[::4], *before_copy}:
        text.unlink()
        text.with_name(text.stem + ".meta.json").unlink(missing_ok=True)
    return data


def test_an_added_and_a_removed_source_give_the_file_of_a_cold_computation(data, tmp_path):
    kept: list[tuple[int, int]] = []
    documents: list[bool] = []
    _build(data, kept, documents)  # the first release: nothing to keep
    assert kept == []
    text = max(sorted((data / "sources").glob("*.txt")), key=partial(_tasks, data))
    added = copy_text(text, data / "sources", int(COPY[1:]))  # with its sidecar, as the benchmark
    for step in ("added", "removed"):
        if step == "removed":
            added.unlink()
            added.with_name(added.stem + ".meta.json").unlink(missing_ok=True)
        store = _build(data, kept, documents)
        incremental = _payload(store)
        cold = tmp_path / step / "store"
        shutil.copytree(store, cold)
        write_for_store(cold)
        assert _payload(cold) == incremental, step
    (kept_added, before_added), (kept_removed, before_removed) = kept
    # the copy's tasks are its own (new IRIs); the subset holds enough tasks to matter (68 with
    # the 219 texts of 2026-12-08)
    assert before_removed > before_added > 50, kept
    assert 0 < kept_added <= before_added, kept
    assert 0 < kept_removed < before_removed, kept  # the removed copy's tasks are gone
    # a copy states the documents the others state already: the document list is kept (and the
    # files above equal the cold ones, which compute it)
    assert documents == [False, False], documents
