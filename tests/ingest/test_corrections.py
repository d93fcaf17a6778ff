"""Reviewers' corrections: a rejected fact disappears and a fixed value sticks, on every build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph_api.store import OxigraphStore
from ingest.build import build
from ingest.corrections import CorrectionLog, apply_corrections, load_corrections
from ingest.extract import extract_all
from ingest.model import TargetFact
from ingest.sources import read_source
from ontology.errors import CuratedDataError
from ontology.releases import current_store_path

DATA = Path(__file__).resolve().parents[2] / "data"
SEED_001 = "001_48c50c3c403c9ef8"  # Bình Dương programme: TFP khoảng 45% (2025), trên 50% (2030)
SEED_003 = "003_0098b399aefe7cee"  # Bình Định: "2.500 kỹ sư", "hơn 943 tỉ đồng"

CORRECTIONS = f"""
[[reject]]
source = "{SEED_003}"
kind = "target"
quote = "943 tỉ đồng"
reason = "a budget estimate, not a target"

[[fix]]
source = "{SEED_001}"
kind = "target"
quote = "khoảng 45% (năm 2025)"
set = {{ value = 46.0 }}

[[fix]]
source = "{SEED_001}"
kind = "target"
quote = "a sentence that is not in the text"
set = {{ year = 2031 }}
"""


def test_reject_and_fix_apply_and_unused_entries_are_reported(tmp_path, catalogue):
    path = tmp_path / "corrections.toml"
    path.write_text(CORRECTIONS, encoding="utf-8")
    corrections = load_corrections(path)
    log = CorrectionLog()
    source = read_source(DATA / "sources" / f"{SEED_003}.txt")
    facts = extract_all(source, catalogue)
    assert any(isinstance(f, TargetFact) and "943" in f.evidence.quote for f in facts)
    kept = apply_corrections(source.source_id, facts, corrections, log)
    assert not any(isinstance(f, TargetFact) and "943 tỉ" in f.evidence.quote for f in kept)
    assert len(kept) == len(facts) - 1

    source = read_source(DATA / "sources" / f"{SEED_001}.txt")
    facts = apply_corrections(source.source_id, extract_all(source, catalogue), corrections, log)
    fixed = [f for f in facts if isinstance(f, TargetFact) and f.value == 46.0]
    assert len(fixed) == 1 and fixed[0].year == 2025
    assert len(log.applied) == 2
    assert len(log.unmatched) == 1 and "not in the text" in log.unmatched[0]


def test_bad_corrections_file_names_the_entry(tmp_path):
    path = tmp_path / "corrections.toml"
    path.write_text('[[fix]]\nsource = "x"\nkind = "target"\nquote = "y"\nset = { lead = 1 }\n')
    with pytest.raises(CuratedDataError, match=r"\[\[fix\]\] entry 1: cannot set \['lead'\]"):
        load_corrections(path)
    path.write_text("[[reject]\nsource=")
    with pytest.raises(CuratedDataError, match=r"corrections\.toml"):
        load_corrections(path)


def test_build_applies_corrections_on_every_rebuild(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA / "curated", data / "curated")
    (data / "sources").mkdir()
    for name in (f"{SEED_003}.txt", f"{SEED_003}.meta.json"):
        shutil.copy(DATA / "sources" / name, data / "sources" / name)
    (data / "curated" / "corrections.toml").write_text(CORRECTIONS, encoding="utf-8")
    query = (
        "PREFIX pg: <https://w3id.org/policygraph/ontology#> "
        "PREFIX oa: <http://www.w3.org/ns/oa#> "
        "SELECT ?t WHERE { ?t a pg:Target ; pg:evidence/oa:exact ?q . "
        'FILTER(CONTAINS(?q, "943 tỉ")) }'
    )
    for _ in range(2):
        report = build(data / "curated", data / "sources", tmp_path / "build", validate=False)
        assert any("rejected target" in line for line in report.corrections_applied)
        store = OxigraphStore(current_store_path(tmp_path / "build"))
        assert store.select(query) == []
        store.close()
