"""Extraction never crashes, always quotes its source exactly, and scores on the seed gold."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.evaluate import evaluate
from ingest.extract import extract_all
from ingest.extract.gold_format import to_gold_format
from ingest.model import SourceMeta, SourceText
from ingest.text.normalise import normalise
from tests.ingest.common import curated_catalogue

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "sources"  # the project's copy of the seed texts
SEED_GOLD = sorted((ROOT / "tests" / "gold").glob("00*.json"))
FRAGMENTS = [
    "UBND tỉnh Đồng Nai giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính ",
    "Kế hoạch số 142/KH-UBND ngày 15/3/2025 ",
    "thực hiện Nghị quyết số 57-NQ/TW ",
    "khoảng 45% (năm 2025), ",
    "trên 50% (năm 2030)",
    "; ",
    ". ",
    "\n",
    "đào tạo 2.500 kỹ sư",
    "nhóm 10 địa phương dẫn đầu",
    "(BCĐ)",
    "Đề án “Vùng đổi mới sáng tạo”",
    "Ngày 24/2, ",
    "phiên họp lần thứ hai của Ban Chỉ đạo ",
    "Bí thư Tỉnh uỷ ",
    "giao ",
    "chủ trì ",
    "là cơ quan đầu mối ",
    "tối thiểu ",
    "\\- ",
    "R\\&D ",
    "Số: 03/NQ-CP\n",
    "  ",
    "ừ",
]


catalogue = curated_catalogue


def make_source(text: str) -> SourceText:
    normalised, offsets = normalise(text)
    return SourceText("p", Path("p.txt"), text, normalised, tuple(offsets), SourceMeta())


def check(text: str) -> None:
    src = make_source(text)
    for fact in extract_all(src, catalogue()):
        evidence = fact.evidence
        assert 0 <= evidence.start <= evidence.end <= len(text)
        assert evidence.quote == text[evidence.start : evidence.end]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_random_text_never_crashes(text: str) -> None:
    check(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25), st.integers(0, 50), st.text(max_size=5))
def test_mutated_administrative_text_never_crashes(parts: list[str], cut: int, noise: str) -> None:
    text = "".join(parts)
    check(text[:cut] + noise + text[cut:])


def test_seed_gold_scores(tmp_path: Path) -> None:
    """Per-kind F1 on the five seed texts, against gold written by reading them."""
    assert SEEDS is not None and SEED_GOLD, "seed texts and gold are part of the project"
    predictions, texts = {}, {}
    for gold in SEED_GOLD:
        (tmp_path / gold.name).write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
        text = (SEEDS / f"{gold.stem}.txt").read_text(encoding="utf-8")
        src = make_source(text)
        predictions[gold.stem] = to_gold_format(extract_all(src, catalogue()), catalogue())
        texts[gold.stem] = text
    report = evaluate(tmp_path, predictions, source_texts=texts)
    f1 = {
        kind: report.scores[kind].f1 for kind in ("documents", "agencies", "assignments", "targets")
    }
    assert f1["documents"] >= 0.9 and f1["agencies"] >= 0.9 and f1["assignments"] >= 0.9, f1
    assert f1["targets"] >= 0.85, f1
