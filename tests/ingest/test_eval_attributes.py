"""What users rely on beyond a hit: target scope and indicator, assignment coordinators and
deadline, per-file figures, and ``eval`` reading the same catalogue wherever it is run."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from ingest.evaluate import evaluate, load_gold
from ingest.resolve import resolve_place

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "gold"
SOURCES = ROOT / "data" / "sources"
GOLD = load_gold(GOLD_DIR)
SEED_PROGRAMME = "001_48c50c3c403c9ef8"  # Bình Dương programme: TFP targets
SEED_REVIEW = "002_164b680af517698d"  # Sở KH&CN lead, Sở TT&TT coordinator
APPENDIX_II = "nq03-ncp-2025-phu-luc-2-nhiem-vu"  # 03/NQ-CP tasks with coordinators, deadlines


def score(stem: str, predicted: dict[str, Any], tmp_path: Path, gold: dict | None = None):
    """Score one prediction against one gold file (the real one unless ``gold`` is given)."""
    gold_dir = tmp_path / f"gold-{len(list(tmp_path.iterdir()))}"
    gold_dir.mkdir()
    text = json.dumps(gold or GOLD[stem], ensure_ascii=False)
    (gold_dir / f"{stem}.json").write_text(text, "utf-8")
    source = next(SOURCES.glob(f"{stem}.*[dt]"))
    return evaluate(gold_dir, {stem: predicted}, source_texts={stem: source.read_text("utf-8")})


def required(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [item for item in items if not item.get("optional")]


def test_real_gold_against_itself_has_every_attribute_right():
    report = evaluate(GOLD_DIR, copy.deepcopy(GOLD))
    attributes = report.attributes
    targets = sum(len(required(g.get("targets", []))) for g in GOLD.values())
    assignments = sum(len(required(g.get("assignments", []))) for g in GOLD.values())
    assert attributes.accuracy["target_scope"].measured == targets
    assert attributes.accuracy["target_scope"].value == 1.0
    assert attributes.accuracy["assignment_deadline"].measured == assignments
    assert attributes.accuracy["assignment_deadline"].value == 1.0
    assert attributes.coordinators.fp == attributes.coordinators.fn == 0
    assert attributes.coordinators.tp > 40  # Appendix II names its coordinators
    assert attributes.errors == []


def test_a_wrong_scope_is_still_a_hit_but_scores_scope(tmp_path):
    predicted = copy.deepcopy(GOLD[SEED_PROGRAMME])
    predicted["targets"][1]["scope"] = "national"
    report = score(SEED_PROGRAMME, predicted, tmp_path)
    assert report.scores["targets"].fn == report.scores["targets"].fp == 0
    scope = report.attributes.accuracy["target_scope"]
    assert (scope.right, scope.measured) == (scope.measured - 1, scope.measured)
    (error,) = report.attributes.errors
    assert error["gold"] == "binh duong" and error["predicted"] == "national"


def test_scope_names_compare_without_province_prefix_or_diacritics(tmp_path):
    predicted = copy.deepcopy(GOLD[SEED_PROGRAMME])
    for target in predicted["targets"]:
        target["scope"] = "Tỉnh Bình Dương"
    report = score(SEED_PROGRAMME, predicted, tmp_path)
    assert report.attributes.accuracy["target_scope"].value == 1.0


def test_indicator_ref_is_scored_where_gold_gives_it_null_included(tmp_path):
    gold = copy.deepcopy(GOLD[SEED_PROGRAMME])
    for target in gold["targets"]:  # the real gold keys them all; here only three are keyed
        target.pop("indicator_ref", None)
    targets = required(gold["targets"])
    targets[0]["indicator_ref"] = "tfp-contribution"
    targets[1]["indicator_ref"] = "tfp-contribution"
    targets[2]["indicator_ref"] = None  # no curated indicator fits
    predicted = copy.deepcopy(gold)
    for target in predicted["targets"]:
        target.pop("indicator_ref", None)
    predicted["targets"][0]["indicator_ref"] = "tfp-contribution"
    predicted["targets"][1]["indicator_ref"] = "labour-productivity-growth"
    report = score(SEED_PROGRAMME, predicted, tmp_path, gold)
    indicator = report.attributes.accuracy["target_indicator"]
    assert (indicator.right, indicator.measured) == (2, 3)  # the null counts as right when absent
    (error,) = report.attributes.errors
    assert error["predicted"] == "labour-productivity-growth"


def test_coordinators_score_as_a_set_and_deadlines_as_accuracy(tmp_path):
    predicted = copy.deepcopy(GOLD[APPENDIX_II])
    rows = required(predicted["assignments"])
    with_coordinators = next(a for a in rows if len(a["coordinators"]) >= 2)
    removed = with_coordinators["coordinators"].pop()
    with_coordinators["coordinators"].append("Bộ Y tế" if removed != "Bộ Y tế" else "Bộ Nội vụ")
    dated = next(a for a in rows if a["deadline"])
    dated["deadline"] = "2099"
    report = score(APPENDIX_II, predicted, tmp_path)
    coordinators = report.attributes.coordinators
    assert (coordinators.fp, coordinators.fn) == (1, 1)
    deadline = report.attributes.accuracy["assignment_deadline"]
    assert deadline.measured == len(rows) and deadline.right == len(rows) - 1
    assert report.scores["assignments"].f1 == 1.0  # attributes never turn a hit into a miss


def test_a_coordinator_abbreviation_matches_through_the_agency_key(tmp_path):
    predicted = copy.deepcopy(GOLD[SEED_REVIEW])
    predicted["assignments"][0]["coordinators"] = ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG"]
    report = score(SEED_REVIEW, predicted, tmp_path)
    assert report.attributes.coordinators.fn == report.attributes.coordinators.fp == 0


def test_json_report_gives_figures_per_file(tmp_path):
    predicted = copy.deepcopy(GOLD)
    predicted[SEED_PROGRAMME]["targets"][1]["scope"] = "national"
    report = evaluate(GOLD_DIR, predicted).to_dict()
    files = report["files"]
    assert set(files) == set(GOLD)
    assert (
        files[SEED_PROGRAMME]["attributes"]["target_scope"]["right"]
        < (files[SEED_PROGRAMME]["attributes"]["target_scope"]["measured"])
    )
    assert files[SEED_REVIEW]["scores"]["assignments"]["f1"] == 1.0
    assert report["attribute_errors"][0]["source"] == SEED_PROGRAMME


def _eval(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "cli", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)


def test_eval_outside_the_checkout_loads_the_project_catalogue(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(GOLD_DIR / f"{SEED_REVIEW}.json", gold)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    outside = _eval(elsewhere, "eval", str(gold), str(SOURCES), "--json")
    inside = _eval(ROOT, "eval", str(gold), str(SOURCES), "--json")
    explicit = _eval(elsewhere, "eval", str(gold), str(SOURCES), "--json", "--data-dir", "x")
    assert outside.returncode == inside.returncode == 0, outside.stderr + inside.stderr
    assert json.loads(outside.stdout)["scores"] == json.loads(inside.stdout)["scores"]
    assert json.loads(outside.stdout)["scores"]["agencies"]["tp"] > 0
    assert explicit.returncode == 2
    assert "elsewhere/x/curated" in explicit.stderr and "--data-dir" in explicit.stderr


def test_gold_indicator_refs_are_curated_keys_and_scopes_are_places(catalogue):
    """Every indicator_ref names a curated indicator; every scope is national or a known place."""
    refs = scopes = 0
    for stem, gold in GOLD.items():
        for target in gold.get("targets", []):
            ref = target.get("indicator_ref")
            if ref is not None:
                refs += 1
                assert ref in catalogue.indicators, (stem, ref)
            scope = target["scope"]
            scopes += 1
            known = scope == "national" or resolve_place(scope, catalogue) is not None
            assert known, (stem, scope)
    assert refs >= 5 and scopes >= 100
