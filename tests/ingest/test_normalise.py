"""Normalisation: the rules on corpus phrases, and the offset-map contract on any text at all."""

from __future__ import annotations

import itertools
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.text.keys import match_key
from ingest.text.normalise import normalise
from ontology.slugs import fold

CORPUS = Path(__file__).resolve().parents[2] / "data" / "sources"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Bí thư Tỉnh uỷ giao", "Bí thư Tỉnh ủy giao"),
        ("hoà bình, Hoá học, thuỷ lợi", "hòa bình, Hóa học, thủy lợi"),
        ("khoẻ mạnh, Uỷ ban, HOÀ", "khỏe mạnh, Ủy ban, HÒA"),
        # Final consonant, and qu + y: the same in both conventions — untouched.
        ("hoàng, toán, thuyết, quý, khuya", "hoàng, toán, thuyết, quý, khuya"),
        ("tỷ lệ và tỉ lệ", "tỷ lệ và tỉ lệ"),  # spellings, not placements: keys.py folds them
        ("R\\&D, 40 \\- 50, 1\\.", "R&D, 40 - 50, 1."),
        ("“Vùng đổi mới sáng tạo” ‘x’ «y»", '"Vùng đổi mới sáng tạo" \'x\' "y"'),
        ("Bình Dương – Binh Duong — 2021–2030", "Bình Dương - Binh Duong - 2021-2030"),
        ("a\u00a0\u00a0b\t\tc   d", "a b c d"),
        ("một  \r\n  hai\n\n\n\n ba", "một\nhai\n\nba"),
        ("zero\u200bwidth\u00ad\ufeff", "zerowidth"),
    ],
)
def test_rules(written: str, expected: str) -> None:
    assert normalise(written)[0] == expected


def test_nfc_on_the_non_nfc_national_text() -> None:
    original = (CORPUS / "kl69-ktw-2024.md").read_text(encoding="utf-8")
    assert not unicodedata.is_normalized("NFC", original)
    normalised, offset_map = normalise(original)
    assert unicodedata.is_normalized("NFC", normalised)
    assert "Kết luận số 69-KL/TW" in normalised
    _check_map(original, normalised, offset_map)


def test_offsets_point_into_the_original() -> None:
    original = "Tỉnh  uỷ\u00a0Bình Định: R\\&D “khoảng 45%”"
    normalised, offset_map = normalise(original)
    start = normalised.index("R&D")
    end = start + len("R&D")
    assert original[offset_map[start] : offset_map[end - 1] + 1] == "R\\&D"
    start = normalised.index("Bình Định")
    assert original[offset_map[start] : offset_map[start + 8] + 1] == "Bình Định"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Tỉnh uỷ Bình Dương", "TỈNH ỦY BÌNH DƯƠNG"),
        ("Sở Khoa học & Công nghệ", "Sở Khoa học và Công nghệ"),
        ("KHCN&ĐMST", "KHCN & ĐMST"),
        ("943 tỷ đồng", "943 tỉ đồng"),
        ("2.500 kĩ sư", "2.500 kỹ sư"),
        ("Sở Khoa học và Công nghệ.", "  sở khoa học và công nghệ"),
    ],
)
def test_match_key_equates_variants(first: str, second: str) -> None:
    assert match_key(first) == match_key(second)


def test_match_key_keeps_different_words_apart() -> None:
    assert match_key("tay") != match_key("tai")  # y after a vowel is not the i/y spelling variant
    assert match_key("Bộ Nội vụ") != match_key("Bộ Ngoại giao")
    assert match_key("Sở Khoa học và Công nghệ") == "so khoa hoc va cong nghe"


def _check_map(original: str, normalised: str, offset_map: tuple[int, ...]) -> None:
    assert len(offset_map) == len(normalised) + 1
    assert offset_map[-1] == len(original)
    assert all(a <= b for a, b in itertools.pairwise(offset_map))
    assert all(0 <= index <= len(original) for index in offset_map)


def _same_text(a: str, b: str) -> bool:
    """Equal up to what normalising a slice cannot know: tone placement context and marks."""
    return " ".join(fold(a).split()) == " ".join(fold(b).split())


VIETNAMESE_PIECES = st.sampled_from(
    [
        "Tỉnh uỷ", "hoà", "Hoá", "thuỷ", "quý", "tỷ", "R\\&D", "40 \\- 50", "“", "”", "–", "—",
        "\u00a0", "\t", "\n", "\r\n", "\n\n\n", "  ", "\u200b", "\\", "\\\\-",
        unicodedata.normalize("NFD", "Kết luận hoá"), "\u0301", "\u031b", "Đ", "ệ", "|", "%", " ",
        "2.500", "7,5%", "ngày 25 tháng 3 năm 2022", "a", "o", "u", "y",
    ]
)  # fmt: skip
VIETNAMESE_TEXT = st.lists(VIETNAMESE_PIECES, max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_total_with_map_invariants_on_any_text(original: str) -> None:
    normalised, offset_map = normalise(original)
    _check_map(original, normalised, offset_map)
    assert unicodedata.is_normalized("NFC", normalised)


@settings(max_examples=300, deadline=None)
@given(VIETNAMESE_TEXT | st.text(max_size=60), st.data())
def test_every_span_slices_back_from_the_original(original: str, data: st.DataObject) -> None:
    normalised, offset_map = normalise(original)
    _check_map(original, normalised, offset_map)
    if not normalised:
        return
    start = data.draw(st.integers(0, len(normalised) - 1))
    end = data.draw(st.integers(start + 1, len(normalised)))
    quote = original[offset_map[start] : offset_map[end - 1] + 1]
    assert _same_text(normalise(quote)[0], normalised[start:end])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=100))
def test_match_key_is_total_and_idempotent(text: str) -> None:
    key = match_key(text)
    assert match_key(key) == key
