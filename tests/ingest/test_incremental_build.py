"""Incremental builds on the real data: the cache and the workers never change the output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ingest.build import build, list_sources
from tests.conftest import copy_corpus

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def cold(built_store, tmp_path_factory) -> tuple[Path, Path, dict]:
    """The real data/ built once from an empty cache on one worker per core (no SHACL: it does
    not change the dumps, and has its own test): a copy of the session's build
    (tests/conftest.py ``built_store``), which is that build, so it is not made twice."""
    root = copy_corpus(tmp_path_factory.mktemp("incremental"))
    shutil.copytree(built_store, root / "build", symlinks=True)
    return root, root / "build", json.loads((root / "build" / "report.json").read_text())


def test_cold_build_extracts_every_source_and_fills_the_cache(cold):
    _, build_dir, report = cold
    assert report["cache"]["hits"] == 0
    assert report["cache"]["extracted"] == len(report["sources_read"]) > 50
    assert len(list((build_dir / "cache" / "facts").glob("*.json"))) == report["cache"]["extracted"]
    assert set(report["stage_seconds"]) >= {"extract", "emit", "derive", "write dumps"}


def test_warm_build_on_one_worker_is_byte_identical_and_extracts_nothing(cold):
    root, build_dir, _ = cold
    first = (build_dir / "graph.nq").read_bytes()
    report = build(root / "curated", root / "sources", build_dir, validate=False, workers=1)
    assert report.cache["hits"] == len(report.sources_read) and report.cache["extracted"] == 0
    assert (build_dir / "graph.nq").read_bytes() == first


def subset(root: Path, target: Path, every: int) -> Path:
    """A copy of ``root``'s curated data and of every ``every``-th source text (by name, with
    its sidecar): fewer texts to extract again, of each kind and size the corpus has."""
    shutil.copytree(root / "curated", target / "curated")
    (target / "sources").mkdir()
    texts, _ = list_sources(root / "sources")
    for text in texts[::every]:
        for path in (text, text.with_name(text.stem + ".meta.json")):
            if path.exists():
                shutil.copy(path, target / "sources" / path.name)
    return target


def test_no_cache_one_worker_is_byte_identical(cold, tmp_path):
    """A third of the texts extracted again on one worker without a cache give the bytes that
    the facts the cold build extracted on its workers give (its cache: nothing extracted)."""
    _, build_dir, _ = cold
    data = subset(cold[0], tmp_path / "data", every=3)
    shutil.copytree(build_dir / "cache", tmp_path / "cached" / "cache")
    cached = build(data / "curated", data / "sources", tmp_path / "cached", validate=False)
    assert cached.cache["extracted"] == 0 and cached.cache["hits"] == len(cached.sources_read)
    assert len(cached.sources_read) > 50
    report = build(
        data / "curated",
        data / "sources",
        tmp_path / "b",
        validate=False,
        workers=1,
        use_cache=False,
    )
    assert report.cache["hits"] == 0 and report.sources_read == cached.sources_read
    assert not (tmp_path / "b" / "cache").exists()
    for name in ("graph.nq", "graph.trig"):
        assert (tmp_path / "b" / name).read_bytes() == (tmp_path / "cached" / name).read_bytes()


def test_added_source_is_the_only_one_extracted_and_corrupt_entries_are_rebuilt(cold, tmp_path):
    root, build_dir, _ = cold
    data = tmp_path / "data"
    shutil.copytree(root / "curated", data / "curated")
    shutil.copytree(root / "sources", data / "sources")
    shutil.copytree(build_dir / "cache", tmp_path / "build" / "cache")
    entries = sorted((tmp_path / "build" / "cache" / "facts").glob("*.json"))
    entries[0].write_text("{not json", encoding="utf-8")
    entries[1].write_bytes(entries[1].read_bytes()[:-40] + b"}")  # truncated: bad checksum
    (data / "sources" / "zz-added.txt").write_text(
        "Kế hoạch số 999/KH-UBND ngày 05/3/2025 của UBND tỉnh Bình Dương thực hiện Nghị quyết "
        "số 57-NQ/TW.\n\nGiao Sở Khoa học và Công nghệ chủ trì xây dựng cơ sở dữ liệu khoa "
        "học, hoàn thành năm 2025.\n",
        encoding="utf-8",
    )
    report = build(data / "curated", data / "sources", tmp_path / "build", validate=False)
    assert report.cache["extracted"] == 3  # the new source and the two broken entries
    assert len(report.cache["ignored_corrupt"]) == 2
    assert "zz-added.txt" in report.sources_read
    old = set((build_dir / "graph.nq").read_text(encoding="utf-8").splitlines())
    new = set((tmp_path / "build" / "graph.nq").read_text(encoding="utf-8").splitlines())
    added = new - old
    assert added and all("zz-added" in q or "/source/derived>" in q for q in added)


def test_a_rule_or_curated_change_invalidates_every_entry(monkeypatch, tmp_path):
    """The extractor version and the curated data are part of every key."""
    from ingest import fact_cache

    curated = shutil.copytree(DATA / "curated", tmp_path / "curated")
    source = next((DATA / "sources").glob("*.txt"))
    before = fact_cache.source_key(source, fact_cache.build_version(curated))
    assert before == fact_cache.source_key(source, fact_cache.build_version(curated))
    monkeypatch.setattr(fact_cache, "extractor_version", lambda: "a changed rule")
    after = fact_cache.source_key(source, fact_cache.build_version(curated))
    assert before != after
    themes = curated / "themes.ttl"
    themes.write_text(themes.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert fact_cache.source_key(source, fact_cache.build_version(curated)) != after
