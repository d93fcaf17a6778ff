"""The build: atomic, deterministic, and tolerant of bad sources but not of bad curated data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph_api.store import OxigraphStore
from ingest.build import build
from ontology.errors import CuratedDataError
from ontology.releases import current_store_path

DATA = Path(__file__).resolve().parents[2] / "data"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def copy_data(target: Path, sources: list[str] | None = None) -> Path:
    """A throw-away copy of data/curated and (some of) data/sources."""
    shutil.copytree(DATA / "curated", target / "curated")
    (target / "sources").mkdir(parents=True)
    for path in sorted((DATA / "sources").iterdir()):
        if sources is None or path.name.split(".")[0] in sources:
            shutil.copy(path, target / "sources" / path.name)
    return target


SEEDS = ["000_a3683a6493bfc795", "001_48c50c3c403c9ef8", "003_0098b399aefe7cee"]


def count(build_dir: Path) -> int:
    store = OxigraphStore(current_store_path(build_dir))
    return store.select(COUNT_ALL)[0]["n"]


def test_build_twice_gives_identical_dumps(tmp_path):
    data = copy_data(tmp_path / "data", SEEDS)
    first = build(data / "curated", data / "sources", tmp_path / "b1", validate=False)
    build(data / "curated", data / "sources", tmp_path / "b2", validate=False)
    assert first.total_quads > 0
    for name in ("graph.nq", "graph.trig"):
        assert (tmp_path / "b1" / name).read_bytes() == (tmp_path / "b2" / name).read_bytes()
    assert count(tmp_path / "b1") == first.total_quads


def test_broken_sources_are_skipped_with_reason_and_the_rest_builds(tmp_path):
    data = copy_data(tmp_path / "data", SEEDS[:1])
    (data / "sources" / "latin1.txt").write_bytes(b"S\xe1 Khoa h\xf4c v\xe0 C\xf4ng ngh\xea")
    (data / "sources" / "empty.txt").write_bytes(b"")
    report = build(data / "curated", data / "sources", tmp_path / "build", validate=False)
    skipped = {Path(s["path"]).name: s["reason"] for s in report.sources_skipped}
    assert set(skipped) == {"latin1.txt", "empty.txt"}
    assert "UTF-8" in skipped["latin1.txt"]
    assert "empty" in skipped["empty.txt"]
    assert report.sources_read == [f"{SEEDS[0]}.txt"]
    graphs = OxigraphStore(current_store_path(tmp_path / "build")).select(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    )
    assert any(row["g"].endswith(f"/source/{SEEDS[0]}") for row in graphs)


def test_source_without_metadata_builds_with_a_warning(tmp_path):
    data = copy_data(tmp_path / "data", [])
    text = (DATA / "sources" / f"{SEEDS[2]}.txt").read_text(encoding="utf-8")
    (data / "sources" / "unseen.txt").write_text(text, encoding="utf-8")
    report = build(data / "curated", data / "sources", tmp_path / "build", validate=False)
    assert report.sources_read == ["unseen.txt"]
    assert any("unseen.txt" in w and "no metadata file" in w for w in report.warnings)


def test_broken_curated_file_fails_with_file_and_line_and_keeps_previous_store(tmp_path):
    data = copy_data(tmp_path / "data", SEEDS[:1])
    build_dir = tmp_path / "build"
    build(data / "curated", data / "sources", build_dir, validate=False)
    before = count(build_dir)
    old_store = current_store_path(build_dir)
    broken = data / "curated" / "zz-broken.ttl"
    broken.write_text(
        "@prefix pg: <https://w3id.org/policygraph/ontology#> .\n"
        "<https://w3id.org/policygraph/id/agency/x> a pg:Agency ;\n"
        "    pg:level pg:provincial pg:national .\n",
        encoding="utf-8",
    )
    with pytest.raises(CuratedDataError) as error:
        build(data / "curated", data / "sources", build_dir, validate=False)
    assert "zz-broken.ttl" in str(error.value)
    assert error.value.line == 3
    assert current_store_path(build_dir) == old_store
    assert count(build_dir) == before
    assert not list((build_dir / "releases").glob(".staging-*"))
