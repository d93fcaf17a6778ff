"""Gold annotations and scorer: gold is well-formed, quotes are verbatim, scores are exact."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from ingest.evaluate import (
    KINDS,
    canonical_number,
    evaluate,
    evaluate_files,
    find_source,
    folded_agency_key,
    load_gold,
    match_key,
    unit_key,
    validate_annotation,
)

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "gold"
SOURCE_DIRS = (ROOT / "data" / "sources",)  # the corpus texts, as found
GOLD = load_gold(GOLD_DIR)

SEED_PROGRAMME = "001_48c50c3c403c9ef8"  # Bình Dương programme: TFP targets, lead department
SEED_REVIEW = "002_164b680af517698d"  # Bình Dương review: Sở KH&CN lead, Sở TT&TT coordinator
SEED_BINH_DINH = "003_0098b399aefe7cee"
NQ57 = "nq57-ntw-2024"


def source_text(stem: str) -> str:
    for directory in SOURCE_DIRS:
        path = find_source(directory, stem)
        if path is not None:
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"no source text for gold file {stem}")


SOURCE_TEXTS = {stem: source_text(stem) for stem in GOLD}


def score_one(stem: str, predicted: dict[str, Any], tmp_path: Path, **kwargs: Any):
    """Score one source's prediction against its gold file alone (in a fresh directory)."""
    gold_dir = tmp_path / f"gold-{len(list(tmp_path.iterdir()))}"
    gold_dir.mkdir()
    (gold_dir / f"{stem}.json").write_text(json.dumps(GOLD[stem], ensure_ascii=False), "utf-8")
    texts = {stem: SOURCE_TEXTS[stem]}
    return evaluate(gold_dir, {stem: predicted}, source_texts=texts, **kwargs)


def counts(report, kind: str) -> tuple[int, int, int]:
    score = report.scores[kind]
    return score.tp, score.fp, score.fn


def required(items: list[dict[str, Any]]) -> int:
    return sum(1 for item in items if not item.get("optional"))


# --- the gold files -----------------------------------------------------------------------------


def test_gold_covers_the_five_seeds_and_the_national_parts():
    seeds = {p.stem for p in (ROOT / "data" / "sources").glob("00*.txt")}
    assert len(seeds) == 5
    assert seeds <= set(GOLD)
    assert {NQ57, "nq03-ncp-2025-phu-luc-1-chi-tieu", "nq03-ncp-2025-phu-luc-2-nhiem-vu"} <= set(
        GOLD
    )


@pytest.mark.parametrize("stem", sorted(GOLD))
def test_gold_file_validates(stem):
    assert validate_annotation(GOLD[stem]) == []


@pytest.mark.parametrize("stem", sorted(GOLD))
def test_every_quote_and_task_span_is_verbatim_in_its_source(stem):
    text = SOURCE_TEXTS[stem]
    spans = [a["task"] for a in GOLD[stem]["assignments"]]
    spans += [t["quote"] for t in GOLD[stem]["targets"]]
    coverage = GOLD[stem].get("coverage") or {}
    spans += [coverage[k] for k in ("from", "to") if coverage.get(k)]
    missing = [span for span in spans if span not in text]
    assert missing == []


def test_validation_catches_bad_enums_and_types():
    bad = copy.deepcopy(GOLD[SEED_PROGRAMME])
    bad["targets"][0]["comparator"] = "about"
    bad["targets"][1]["year"] = "2030"
    bad["agencies"][0]["level"] = "provincal"
    bad["assignments"][0]["deadline"] = "cuối năm 2025"
    bad["documents"][0]["type"] = "Programm"
    problems = validate_annotation(bad)
    assert len(problems) == 5


def test_appendix_ii_gold_has_one_entry_per_task_and_lead():
    rows = GOLD["nq03-ncp-2025-phu-luc-2-nhiem-vu"]["assignments"]
    row_two = [a["lead"] for a in rows if a["task"].startswith("Xây dựng chương trình chuyên biệt")]
    assert row_two == ["VTV", "VOV", "TTXVN", "các địa phương"]
    deadlines = {a["deadline"] for a in rows}
    assert {"2025-06", "2025-10", "2025", None} <= deadlines


# --- normalisation ----------------------------------------------------------------------------


def test_keys_ignore_tone_placement_case_and_ti_ty_spelling():
    assert match_key("Tỉnh uỷ Bình Dương") == match_key("TỈNH ỦY  bình dương")
    assert unit_key("tỷ đồng") == unit_key("Tỉ Đồng")
    assert unit_key("Tổ chức, doanh nghiệp") == unit_key("tổ chức doanh nghiệp")
    assert unit_key("% GDP") != unit_key("%")


def test_document_numbers_compare_canonically():
    assert canonical_number("71-NQ/CP") == canonical_number("71/NQ-CP")
    assert canonical_number("03/NQ-CP") == canonical_number("3/NQ-CP")
    assert canonical_number("57-NQ/TW") != canonical_number("57/NQ-CP")
    assert canonical_number("109/2022/NĐ-CP") == canonical_number("109/2022/ND-CP")


def test_default_agency_key_drops_a_trailing_province_name():
    assert folded_agency_key(
        "Sở Khoa học và Công nghệ Bình Dương", "Bình Dương"
    ) == folded_agency_key("Sở Khoa học và Công nghệ", "tỉnh Bình Dương")
    assert folded_agency_key("UBND tỉnh", "Bình Định") == folded_agency_key(
        "UBND tỉnh Bình Định", "Bình Định"
    )
    assert folded_agency_key("UBND tỉnh", "Bình Định") != folded_agency_key(
        "UBND tỉnh", "Bình Dương"
    )


# --- scoring ------------------------------------------------------------------------------------


@pytest.mark.parametrize("with_sources", [True, False])
def test_gold_scored_against_itself_is_perfect(with_sources):
    texts = SOURCE_TEXTS if with_sources else None
    report = evaluate(GOLD_DIR, copy.deepcopy(GOLD), source_texts=texts)
    for kind in KINDS:
        assert report.scores[kind].f1 == 1.0, kind
        assert report.scores[kind].fp == report.scores[kind].fn == 0
    assert report.misses == report.false_hits == []
    assert report.scores["targets"].tp == sum(required(g["targets"]) for g in GOLD.values())


def test_dropping_one_target_gives_one_miss(tmp_path):
    predicted = copy.deepcopy(GOLD[SEED_PROGRAMME])
    dropped = predicted["targets"].pop(1)  # trên 50% (năm 2030)
    report = score_one(SEED_PROGRAMME, predicted, tmp_path)
    n = required(GOLD[SEED_PROGRAMME]["targets"])
    assert counts(report, "targets") == (n - 1, 0, 1)
    assert report.misses[0].item["quote"] == dropped["quote"]


@pytest.mark.parametrize(
    ("field", "wrong"), [("comparator", "gte"), ("year", 2025), ("value", 5.0), ("unit", "người")]
)
def test_a_wrong_field_gives_a_miss_and_a_false_hit(tmp_path, field, wrong):
    predicted = copy.deepcopy(GOLD[SEED_PROGRAMME])
    predicted["targets"][1][field] = wrong
    report = score_one(SEED_PROGRAMME, predicted, tmp_path)
    n = required(GOLD[SEED_PROGRAMME]["targets"])
    assert counts(report, "targets") == (n - 1, 1, 1)
    assert report.false_hits[0].item[field] == wrong


def test_a_target_whose_evidence_is_elsewhere_is_no_hit(tmp_path):
    predicted = copy.deepcopy(GOLD[SEED_PROGRAMME])
    predicted["targets"][0]["quote"] = "trên 7% (năm 2025)"  # right value, wrong clause
    report = score_one(SEED_PROGRAMME, predicted, tmp_path)
    assert counts(report, "targets")[1:] == (1, 1)


def test_predicted_offsets_place_a_repeated_quote(tmp_path):
    text = SOURCE_TEXTS[SEED_PROGRAMME]
    predicted = copy.deepcopy(GOLD[SEED_PROGRAMME])
    predicted["targets"] = [t for t in predicted["targets"] if not t.get("optional")]
    innovative = next(t for t in predicted["targets"] if t["quote"].startswith("Đến năm 2030"))
    inside = text.index(innovative["quote"]) + 5
    innovative.update(quote="đạt 40%", start=inside, end=inside + 10)
    assert counts(score_one(SEED_PROGRAMME, predicted, tmp_path), "targets")[1:] == (0, 0)
    caption = text.index("Bình Dương phấn đấu đến năm 2030")
    innovative.update(start=caption, end=caption + 10)  # the optional caption, not the gold quote
    assert counts(score_one(SEED_PROGRAMME, predicted, tmp_path), "targets")[1:] == (0, 1)


def test_a_range_needs_its_upper_value(tmp_path):
    predicted = copy.deepcopy(GOLD[NQ57])
    ranges = [t for t in predicted["targets"] if t["comparator"] == "range"]
    ranges[0]["value_max"] = 60
    report = score_one(NQ57, predicted, tmp_path)
    assert counts(report, "targets")[1:] == (1, 1)


def test_an_extra_assignment_is_one_false_hit(tmp_path):
    predicted = copy.deepcopy(GOLD[SEED_REVIEW])
    predicted["assignments"].append(
        {
            "task": "tổ chức triển khai chương trình tuyên truyền",
            "lead": "Sở Thông tin và Truyền thông",
            "coordinators": [],
            "deadline": None,
        }
    )
    report = score_one(SEED_REVIEW, predicted, tmp_path)
    assert counts(report, "assignments") == (required(GOLD[SEED_REVIEW]["assignments"]), 1, 0)


def test_a_task_span_must_cover_half_the_gold_words(tmp_path):
    gold_task = GOLD[SEED_BINH_DINH]["assignments"][0]["task"]
    words = gold_task.split()
    predicted = copy.deepcopy(GOLD[SEED_BINH_DINH])
    predicted["assignments"][0]["task"] = " ".join(words[: len(words) // 2 + 1])
    assert counts(score_one(SEED_BINH_DINH, predicted, tmp_path), "assignments")[1:] == (0, 0)
    predicted["assignments"][0]["task"] = " ".join(words[: len(words) // 2 - 1])
    assert counts(score_one(SEED_BINH_DINH, predicted, tmp_path), "assignments")[1:] == (1, 1)


HCM_PROGRAMME = "dev-q-hcm-cds-2020"  # gold writes "UBND TPHCM" in "Thành phố Hồ Chí Minh"


def test_usual_spellings_of_a_place_or_body_give_one_key():
    from ingest.attribute_scores import scope_key

    city = folded_agency_key("UBND TPHCM", "Thành phố Hồ Chí Minh")
    assert city == folded_agency_key("UBND TP.HCM", "TP.HCM")
    assert city == folded_agency_key("Ủy ban nhân dân Thành phố Hồ Chí Minh", "Hồ Chí Minh")
    assert city == folded_agency_key("Uỷ ban nhân dân thành phố", "TP. Hồ Chí Minh")
    assert folded_agency_key("UBND tỉnh", "Tây Ninh") == folded_agency_key(
        "Ủy ban nhân dân tỉnh Tây Ninh", "Tỉnh Tây Ninh"
    )
    assert folded_agency_key("HĐND tỉnh", "Cà Mau") == folded_agency_key(
        "Hội đồng nhân dân tỉnh", "Cà Mau"
    )
    assert folded_agency_key("Thành ủy TP HCM", "Thành phố Hồ Chí Minh") == folded_agency_key(
        "Thành ủy", "TPHCM"
    )
    assert scope_key("TPHCM") == scope_key("Thành phố Hồ Chí Minh") == scope_key("TP.HCM")
    # still different bodies and places
    assert city != folded_agency_key("HĐND TPHCM", "TPHCM")
    assert city != folded_agency_key("UBND tỉnh", "Tây Ninh")


def test_a_spelling_of_the_city_matches_on_either_side(tmp_path):
    gold = GOLD[HCM_PROGRAMME]
    predicted = copy.deepcopy(gold)
    for agency in predicted["agencies"]:
        if agency["name"] == "UBND TPHCM":
            agency["name"], agency["province"] = "Ủy ban nhân dân Thành phố Hồ Chí Minh", "TP.HCM"
    for doc in predicted["documents"]:
        doc["title"] = (doc.get("title") or "").replace("TPHCM", "Thành phố Hồ Chí Minh")
    report = score_one(HCM_PROGRAMME, predicted, tmp_path)
    for kind in ("documents", "agencies"):
        assert counts(report, kind)[1:] == (0, 0), kind


def khcn_resolver(name: str, province: str | None) -> str:
    """A stand-in for the agency resolver: knows one abbreviation."""
    expanded = re.sub(r"\bKH&CN\b", "Khoa học và Công nghệ", name)
    return folded_agency_key(expanded, province)


def test_an_abbreviated_lead_matches_only_through_the_resolver_key(tmp_path):
    predicted = copy.deepcopy(GOLD[SEED_REVIEW])
    for agency in predicted["agencies"]:
        if agency["name"] == "Sở Khoa học và Công nghệ":
            agency["name"] = "Sở KH&CN"
    for assignment in predicted["assignments"]:
        if assignment["lead"] == "Sở Khoa học và Công nghệ":
            assignment["lead"] = "Sở KH&CN"
    n = required(GOLD[SEED_REVIEW]["assignments"])

    folded = score_one(SEED_REVIEW, predicted, tmp_path)
    assert counts(folded, "assignments") == (n - 1, 2, 1)  # the optional second task: a false hit
    assert counts(folded, "agencies")[1:] == (1, 1)

    resolved = score_one(SEED_REVIEW, predicted, tmp_path, agency_key=khcn_resolver)
    assert counts(resolved, "assignments") == (n, 0, 0)
    assert counts(resolved, "agencies")[1:] == (0, 0)


def test_the_lead_must_be_the_same_province(tmp_path):
    predicted = copy.deepcopy(GOLD[SEED_REVIEW])
    for agency in predicted["agencies"]:
        if agency["name"] == "Sở Khoa học và Công nghệ":
            agency["province"] = "Bình Định"
    report = score_one(SEED_REVIEW, predicted, tmp_path)
    assert counts(report, "agencies")[1:] == (1, 1)
    assert counts(report, "assignments")[2] == 1


def test_optional_gold_counts_neither_found_nor_missed(tmp_path):
    gold = GOLD[SEED_PROGRAMME]
    optional_targets = [t for t in gold["targets"] if t.get("optional")]
    assert optional_targets
    without_optional = copy.deepcopy(gold)
    without_optional["targets"] = [t for t in gold["targets"] if not t.get("optional")]
    n = required(gold["targets"])
    assert counts(score_one(SEED_PROGRAMME, without_optional, tmp_path), "targets") == (n, 0, 0)
    assert counts(score_one(SEED_PROGRAMME, copy.deepcopy(gold), tmp_path), "targets") == (n, 0, 0)


def test_matching_is_one_to_one(tmp_path):
    predicted = copy.deepcopy(GOLD[SEED_PROGRAMME])
    predicted["targets"].append(copy.deepcopy(predicted["targets"][0]))
    predicted["agencies"].append(copy.deepcopy(predicted["agencies"][0]))
    report = score_one(SEED_PROGRAMME, predicted, tmp_path)
    assert counts(report, "targets")[1] == 1
    assert counts(report, "agencies")[1] == 1


def test_documents_match_by_number_or_by_type_and_title(tmp_path):
    predicted = copy.deepcopy(GOLD[SEED_REVIEW])
    by_number = next(d for d in predicted["documents"] if d["number"] == "03/NQ-CP")
    by_number.update(number="3/NQ-CP", title=None, date=None)  # number alone is enough
    report = score_one(SEED_REVIEW, predicted, tmp_path)
    assert counts(report, "documents")[1:] == (0, 0)

    predicted = copy.deepcopy(GOLD[SEED_PROGRAMME])
    predicted["documents"][0]["title"] = (
        "Chương trình phát triển KHCN&ĐMST phục vụ đô thị thông minh"
    )
    assert counts(score_one(SEED_PROGRAMME, predicted, tmp_path), "documents") == (1, 0, 0)
    predicted["documents"][0]["type"] = "Plan"
    assert counts(score_one(SEED_PROGRAMME, predicted, tmp_path), "documents") == (0, 1, 1)


def test_implements_links_compare_both_ends(tmp_path):
    predicted = copy.deepcopy(GOLD[SEED_REVIEW])
    resolution = next(d for d in predicted["documents"] if d["number"] == "03/NQ-CP")
    resolution["implements"] = ["57/NQ-CP"]
    report = score_one(SEED_REVIEW, predicted, tmp_path)
    assert counts(report, "implements") == (0, 1, 1)
    assert report.misses[0].item == {"document": "03/NQ-CP", "implements": "57-NQ/TW"}


def test_partial_gold_ignores_predictions_outside_its_region(tmp_path):
    predicted = copy.deepcopy(GOLD[NQ57])
    predicted["targets"].append(  # section III, outside the annotated section II
        {
            "indicator": "state S&T budget for strategic technologies",
            "value": 15,
            "value_max": None,
            "unit": "%",
            "comparator": "gte",
            "year": None,
            "scope": "national",
            "quote": "Bố trí ít nhất 15% ngân sách nhà nước",
        }
    )
    predicted["assignments"].append(
        {
            "task": "hướng dẫn việc quán triệt thực hiện Nghị quyết",
            "lead": "Ban Tuyên giáo Trung ương",
        }
    )
    report = score_one(NQ57, predicted, tmp_path)
    assert counts(report, "targets")[1:] == (0, 0)
    assert counts(report, "assignments") == (0, 0, 0)  # not a kind this file annotates


def test_scores_are_micro_averaged_over_files(tmp_path):
    predictions = copy.deepcopy(GOLD)
    predictions[SEED_PROGRAMME]["targets"].pop(0)
    predictions[NQ57]["targets"].pop(0)
    predictions.pop("004_ed128cdcc0aeed6f")  # a missing prediction: all its items are misses
    predictions["999_unknown"] = {"targets": []}
    report = evaluate(GOLD_DIR, predictions, source_texts=SOURCE_TEXTS)
    total = sum(required(g["targets"]) for g in GOLD.values())
    assert counts(report, "targets") == (total - 2, 0, 2)
    assert report.scores["targets"].recall == pytest.approx((total - 2) / total)
    assert counts(report, "agencies")[2] == required(GOLD["004_ed128cdcc0aeed6f"]["agencies"])
    assert report.unscored_sources == ["999_unknown"]


def test_report_reads_as_json_and_as_a_table(tmp_path):
    predicted = copy.deepcopy(GOLD[SEED_PROGRAMME])
    predicted["targets"][0]["comparator"] = "eq"
    report = score_one(SEED_PROGRAMME, predicted, tmp_path)
    as_json = json.loads(report.to_json())
    assert as_json["scores"]["targets"]["fp"] == 1
    assert as_json["misses"][0]["source"] == SEED_PROGRAMME
    text = report.to_text()
    assert re.search(r"^targets\s+\d+\s+1\s+1\s", text, re.M)
    assert "khoảng 45% (năm 2025)" in text


def test_evaluate_files_reads_prediction_files(tmp_path):
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    (gold_dir / f"{SEED_PROGRAMME}.json").write_text(json.dumps(GOLD[SEED_PROGRAMME]), "utf-8")
    predicted = copy.deepcopy(GOLD[SEED_PROGRAMME])
    predicted["targets"].pop(0)
    (pred_dir / f"{SEED_PROGRAMME}.json").write_text(json.dumps(predicted), "utf-8")
    report = evaluate_files(gold_dir, pred_dir, sources_dir=ROOT / "data" / "sources")
    assert counts(report, "targets")[2] == 1
