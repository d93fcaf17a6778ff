"""The one folding/key module: pure ``str`` functions, and each key doing the job its users need."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from ontology.text_keys import (
    fold,
    fold_keep_length,
    fold_words,
    label_key,
    match_key,
    name_key,
    tokens,
    unit_key,
    unit_words_key,
)

MODULE = Path(__file__).resolve().parents[2] / "ontology" / "text_keys.py"


def test_the_module_imports_only_the_standard_library() -> None:
    tree = ast.parse(MODULE.read_text(encoding="utf-8"))
    imported = {
        (node.module or "").split(".")[0] if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert imported - {"__future__"} <= set(sys.stdlib_module_names), imported


def test_fold_keep_length_keeps_offsets_into_the_text() -> None:
    text = "Sở KH&CN tỉnh Bình Dương, Tỉnh uỷ và ĐẠI HỌC Kỹ thuật"
    folded = fold_keep_length(text)
    assert len(folded) == len(text)
    assert folded.startswith("so kh&cn tinh binh duong")
    assert "ki thuat" in folded  # kỹ = kĩ: y folds to i


def test_name_tokens_point_at_the_words_they_come_from() -> None:
    text = "Giao Sở KH&CN chủ trì."
    found = tokens(text)
    assert [t.key for t in found][1:6] == ["so", "khoa", "hoc", "cong", "nghe"]
    assert {text[t.start : t.end] for t in found[2:6]} == {"KH&CN"}
    assert found[-1].key == "|"  # the full stop: no name runs across it
    assert name_key("UBND tỉnh") == name_key("Ủy ban nhân dân tỉnh")


@pytest.mark.parametrize(
    ("label", "key"),
    [("  Sở Khoa học\u00a0và  Công nghệ ", "so khoa hoc va cong nghe"), ("57-NQ/TW", "57-nq/tw")],
)
def test_label_key_is_the_search_key_literal(label: str, key: str) -> None:
    assert label_key(label) == key


def test_fold_words_drop_punctuation_for_the_search_index() -> None:
    assert fold_words("Nghị quyết 57-NQ/TW (Bộ Chính trị)") == [
        "nghi",
        "quyet",
        "57",
        "nq",
        "tw",
        "bo",
        "chinh",
        "tri",
    ]


def test_gold_scoring_keys() -> None:
    assert match_key("Tỉnh uỷ Bình Dương") == match_key("TỈNH ỦY  BÌNH DƯƠNG.")
    assert match_key("943 tỷ đồng") == match_key("943 tỉ đồng") == "943 ti dong"
    assert unit_key("Phần trăm") == unit_key("%") == "%"
    assert unit_key("tỷ đồng") == unit_key("tỉ  đồng")
    assert unit_key(None) == ""


def test_unit_words_key_makes_grdp_and_gdp_one_unit() -> None:
    assert unit_words_key("% GRDP") == unit_words_key("%GDP") == "% gdp"
    assert unit_words_key("% GRDP") != unit_words_key("%")
    assert fold("Đà Nẵng") == "da nang"
