"""SHACL on what changed gives the same results as pySHACL over the whole union."""

from __future__ import annotations

import shutil
from pathlib import Path

from rdflib import URIRef

from ingest.build import BuildReport, collect_dataset
from ingest.curated import curated_graph_iri
from ingest.derive import add_derived
from ingest.validate import validate_dataset
from ingest.validate_nodes import NodeResultCache, validate_incrementally

DATA = Path(__file__).resolve().parents[2] / "data"
SEED = "000_a3683a6493bfc795"
# The largest curated graphs (1.5 of 1.7 MB), left out of the comparison to keep the test short:
# both ways validate the same dataset, so their results must still agree.
LEFT_OUT = ("provincial-bodies.ttl", "provincial-changes.ttl")
PLAN = "Kế hoạch số 999/KH-UBND ngày {day}/3/2025 của UBND tỉnh Bình Dương thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị.\n"  # noqa: E501
ISSUED = "https://w3id.org/policygraph/shapes#DocumentIssuedShape"


def dataset_of(root: Path):
    dataset = collect_dataset(root / "curated", root / "sources", BuildReport())
    for name in LEFT_OUT:
        dataset.remove_graph(dataset.graph(URIRef(curated_graph_iri(Path(name)))))
    add_derived(dataset)
    return dataset


def test_a_conflict_across_two_sources_is_found_both_ways_and_incrementally(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(DATA / "curated", root / "curated")
    (root / "sources").mkdir()
    for path in (DATA / "sources").glob(f"{SEED}.*"):
        shutil.copy(path, root / "sources" / path.name)
    (root / "sources" / "zz-plan-a.txt").write_text(PLAN.format(day="05"), encoding="utf-8")
    cache = NodeResultCache(tmp_path / "shacl.json")

    before = validate_incrementally(dataset_of(root), cache, workers=2)
    assert not any(v.shape == ISSUED for v in before.violations)
    nodes = cache.validated

    # a second source gives the same plan another issue date: one document, two dates
    (root / "sources" / "zz-plan-b.txt").write_text(PLAN.format(day="20"), encoding="utf-8")
    dataset = dataset_of(root)
    warm = NodeResultCache(tmp_path / "shacl.json")
    incremental = validate_incrementally(dataset, warm, workers=1)
    whole = validate_dataset(dataset)

    assert incremental.violations == whole.violations
    assert incremental.conforms == whole.conforms
    conflict = [v for v in whole.violations if v.shape == ISSUED]
    assert [v.focus for v in conflict] == [
        "https://w3id.org/policygraph/id/document/999-kubnd-2025-binh-duong"
    ]
    assert 0 < warm.validated < nodes / 10  # only the new source's nodes and what they touch
    assert warm.reused > nodes / 2
