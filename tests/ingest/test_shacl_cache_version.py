"""The SHACL results cache is keyed by the fact cache's extractor version, looked up when a build
runs: a corpus built with a version set there (``bench.build_scale --pin-version``, comparing two
checkouts on one warm corpus) reuses its SHACL results as it reuses its facts. Bound at import,
the SHACL cache kept its code's own version and validated all 21,000 nodes again (112-115 s at
2,001 documents) while every fact was reused."""

from __future__ import annotations

import shutil

from bench.build_scale import copy_text
from ingest import fact_cache
from ingest.build import build
from tests.conftest import DATA


def test_a_warm_corpus_built_under_a_pinned_version_reuses_its_shacl_results(tmp_path, monkeypatch):
    shutil.copytree(DATA / "curated", tmp_path / "curated")
    texts = sorted((DATA / "sources").glob("*.txt"))[:4]
    (tmp_path / "sources").mkdir()
    for index, text in enumerate(texts[:3]):
        copy_text(text, tmp_path / "sources", index)
    monkeypatch.setattr(fact_cache, "extractor_version", lambda: "the warm corpus's code")
    warm = build(tmp_path / "curated", tmp_path / "sources", tmp_path / "build", workers=1)
    assert warm.validation["nodes_reused"] == 0
    copy_text(texts[3], tmp_path / "sources", 3)
    real_digest = fact_cache.tree_digest  # another checkout: its ingest code hashes otherwise

    def other_code(root, suffixes=None):
        other = "-other-code" if root.name in fact_cache.PACKAGE_ROOTS else ""
        return real_digest(root, suffixes) + other

    monkeypatch.setattr(fact_cache, "tree_digest", other_code)
    added = build(tmp_path / "curated", tmp_path / "sources", tmp_path / "build", workers=1)
    assert added.cache["hits"] == 3 and added.cache["extracted"] == 1
    reused, validated = added.validation["nodes_reused"], added.validation["nodes_validated"]
    assert reused > validated > 0, added.validation  # the new source's nodes only
