"""Issue 15 item 5 on the real data: a build from the caches gives the bytes a cold one gives.

The build works on N-Quads lines (cached per source, curated parsed once per version) and hands
rdflib only the quads ``ingest.derive`` reads; these tests hold that to a cold build without
caches and to the whole dataset in rdflib, validated by one pySHACL run over the union.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph
import pytest

from ingest import fact_cache, validate_nodes
from ingest.build import BuildReport, build, collect_dataset, count_report
from ingest.derive import add_derived
from ingest.dumps import sorted_nquads, trig_from_nquads
from ingest.validate import validate_dataset

DATA = Path(__file__).resolve().parents[2] / "data"
ADDED = "Giao Sở Thông tin và Truyền thông chủ trì triển khai nền tảng số dùng chung, hoàn thành năm 2026.\n"  # noqa: E501
SOURCES = 12  # of the real texts: enough for shared agencies and documents, quick to extract
SAME = ("triples_per_graph", "instances_per_class", "total_quads", "to_review", "sources_read")


def comparable(report: dict) -> dict:
    """What a build states about the data (not its timings, release id or cache figures)."""
    keep = {k: report[k] for k in (*SAME, "facts_per_source", "warnings", "sources_skipped")}
    keep["validation"] = {k: v for k, v in report["validation"].items() if "nodes_" not in k}
    return keep


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    """The real data built cold with caches but one source, then again with that source added
    and another changed; and the final sources built cold without any cache."""
    root = tmp_path_factory.mktemp("build-incremental")
    shutil.copytree(DATA / "curated", root / "curated")
    (root / "sources").mkdir()
    for text in sorted((DATA / "sources").glob("*.txt"))[:SOURCES]:
        for path in (text, text.with_name(text.stem + ".meta.json")):
            if path.exists():
                shutil.copy(path, root / "sources" / path.name)
    texts = sorted((root / "sources").glob("*.txt"))
    held, changed = texts[3], texts[5]
    held_back = root / "held" / held.name
    held_back.parent.mkdir()
    held.rename(held_back)
    first = build(root / "curated", root / "sources", root / "warm", workers=2)
    held_back.rename(held)
    changed.write_text(changed.read_text(encoding="utf-8") + "\n" + ADDED, encoding="utf-8")
    second = build(root / "curated", root / "sources", root / "warm", workers=2)
    cold = build(root / "curated", root / "sources", root / "cold", workers=2, use_cache=False)
    return {"root": root, "first": first, "second": second, "cold": cold}


def test_one_added_and_one_changed_source_give_the_cold_build_byte_for_byte(built):
    root, first, second = built["root"], built["first"], built["second"]
    assert first.cache["extracted"] == len(first.sources_read) == SOURCES - 1
    assert second.cache["extracted"] == 2  # the added source and the changed one
    assert second.cache["hits"] == len(second.sources_read) - 2
    assert 0 < second.validation["nodes_validated"] < second.validation["nodes_reused"]
    for name in ("graph.nq", "graph.trig"):
        assert (root / "warm" / name).read_bytes() == (root / "cold" / name).read_bytes(), name
    warm = json.loads((root / "warm" / "report.json").read_text(encoding="utf-8"))
    cold = json.loads((root / "cold" / "report.json").read_text(encoding="utf-8"))
    assert comparable(warm) == comparable(cold)
    assert "Sở Thông tin và Truyền thông" in (root / "warm" / "graph.nq").read_text("utf-8")


def store_and_dump(release: Path) -> tuple[set, set]:
    """The quads of a release's store and of its graph.nq loaded into a store (which stores
    some datatypes as others, xsd:nonNegativeInteger as xsd:integer), those without blank
    nodes (a load renames them), plus how many of each hold one."""

    def split(quads) -> set:
        plain = {q for q in quads if not any(isinstance(t, pyoxigraph.BlankNode) for t in q)}
        return plain | {("with blank nodes", len(list(quads)) - len(plain))}

    store = pyoxigraph.Store.read_only(str(release / "store"))
    dumped = pyoxigraph.Store()
    dumped.load(path=str(release / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
    return split(list(store)), split(list(dumped))


def test_a_rebuild_updates_the_previous_store_and_leaves_it_as_it_was(built):
    """The second build's store is the first's checkpoint with the changed quads removed and
    added: it holds exactly its own graph.nq, and the first release still holds the first's."""
    root, first, second = built["root"], built["first"], built["second"]
    assert first.cache["store"] == "bulk load" == built["cold"].cache["store"]
    assert second.cache["store"]["added"] > 0 and second.cache["store"]["removed"] > 0
    in_store, in_dump = store_and_dump(root / "warm" / "releases" / second.release)
    assert in_store == in_dump
    assert in_store == store_and_dump(root / "cold" / "releases" / built["cold"].release)[0]
    in_store, in_dump = store_and_dump(root / "warm" / "releases" / first.release)
    assert in_store == in_dump


def test_the_lines_give_what_the_whole_dataset_in_rdflib_gives(built):
    """Dumps, counts and SHACL results equal those of every quad parsed into rdflib, derived
    from all of them and validated in one pySHACL run over the union (the build before)."""
    root = built["root"]
    report = BuildReport()
    dataset = collect_dataset(root / "curated", root / "sources", report, workers=2)
    add_derived(dataset)
    count_report(dataset, report)
    nquads = sorted_nquads(dataset)
    assert (root / "cold" / "graph.nq").read_text(encoding="utf-8") == nquads
    assert (root / "cold" / "graph.trig").read_text(encoding="utf-8") == trig_from_nquads(nquads)
    built_report = json.loads((root / "cold" / "report.json").read_text(encoding="utf-8"))
    for key in SAME:
        assert built_report[key] == json.loads(json.dumps(getattr(report, key))), key
    whole = validate_dataset(dataset).summary()
    assert {k: v for k, v in built_report["validation"].items() if "nodes_" not in k} == whole


def test_a_curated_edit_or_a_new_extractor_version_invalidates_the_caches(built, monkeypatch):
    root = built["root"]
    curated_cache = root / "warm" / "cache" / "curated"
    (pickled,) = curated_cache.glob("*.pickle")
    places = root / "curated" / "places.ttl"
    places.write_text(places.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    after_edit = build(root / "curated", root / "sources", root / "warm", validate=False)
    assert after_edit.cache["hits"] == 0
    assert after_edit.cache["extracted"] == len(after_edit.sources_read)
    assert [p.name for p in curated_cache.glob("*.pickle")] != [pickled.name]
    shacl = root / "warm" / "cache" / "shacl.json"
    assert validate_nodes.NodeResultCache(shacl).results  # the warm builds' SHACL results
    # one version for both caches: the SHACL cache reads the fact cache's
    monkeypatch.setattr(fact_cache, "extractor_version", lambda: "a changed rule")
    assert validate_nodes.NodeResultCache(shacl).results == {}
    version = fact_cache.build_version(root / "curated")
    assert not (curated_cache / f"{version}.pickle").exists()  # the curated data: parsed again
    facts = root / "warm" / "cache" / "facts"
    for text in sorted((root / "sources").glob("*.txt")):  # and every source extracted again
        assert not (facts / f"{fact_cache.source_key(text, version)}.json").exists()
