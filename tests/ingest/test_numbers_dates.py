"""Numbers, quantities, dates and deadlines, on phrases taken from the corpus."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.text.dates import find_dates, parse_date, parse_deadline
from ingest.text.normalise import normalise
from ingest.text.numbers import find_quantities, parse_number

CORPUS = Path(__file__).resolve().parents[2] / "data" / "sources"
CORPUS_TEXT = "\n".join(
    normalise(path.read_text(encoding="utf-8"))[0] for path in sorted(CORPUS.glob("*.[tm][xd]*"))
)


def in_corpus(phrase: str) -> str:
    """The phrase, once checked to occur in the corpus: these tests are about real text."""
    assert phrase in CORPUS_TEXT, phrase
    return phrase


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("2.500", 2500), ("1.500.000", 1_500_000), ("7,5", 7.5), ("0,7", 0.7), ("09", 9),
        ("2,6 lần", 2.6), ("2.5", 2.5), ("1.500,5", 1500.5), ("100%", 100), ("≥", None),
        ("", None), ("1.2.3", None), ("-3", -3),
    ],
)  # fmt: skip
def test_parse_number(written: str, value: float | None) -> None:
    assert parse_number(written) == value


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (
            "khoảng 45% (năm 2025), trên 50% (năm 2030)",
            [(45, None, "%", "approx"), (50, None, "%", "gt")],
        ),
        ("trên 7,5% (năm 2030)", [(7.5, None, "%", "gt")]),
        ("2.500 kỹ sư", [(2500, None, "kỹ sư", "eq")]),
        ("| 40 - 50", [(40, 50, None, "range")]),
        ("| 16 - 18", [(16, 18, None, "range")]),
        ("| ≥ 55", [(55, None, None, "gte")]),
        ("| >= 30", [(30, None, None, "gte")]),
        ("| ≤ 3 Đông Nam Á; ≤ 50 Thế giới", [(3, None, None, "lte"), (50, None, None, "lte")]),
        ("trên 20%/năm", [(20, None, "%/năm", "gt")]),
        ("cao gấp 2,6 lần", [(2.6, None, "lần", "eq")]),
        ("405 phòng STEM-Lab", [(405, None, "phòng", "eq")]),
    ],
)  # fmt: skip
def test_quantities_in_corpus_phrases(phrase: str, expected: list[tuple]) -> None:
    found = find_quantities(in_corpus(phrase))
    assert [(q.value, q.upper_value, q.unit, q.comparator) for q in found] == expected
    for quantity in found:
        assert phrase[quantity.start : quantity.end].strip()


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("943 tỉ đồng", [(943, "tỉ đồng", "eq")]),  # the examples (Bình Định's budget)
        ("hơn 943 tỷ đồng", [(943, "tỉ đồng", "gt")]),
        ("30% GDP", [(30, "% GDP", "eq")]),
        ("12 người/vạn dân", [(12, "người/vạn dân", "eq")]),
        ("tối thiểu 3 doanh nghiệp", [(3, "doanh nghiệp", "gte")]),
        ("ít nhất 10 cơ sở", [(10, "cơ sở", "gte")]),
        ("từ 30% trở lên", [(30, "%", "gte")]),
        ("dưới 5%", [(5, "%", "lt")]),
        ("không quá 2 năm", [(2, None, "lte")]),
        ("xấp xỉ 1,5 triệu đồng", [(1.5, "triệu đồng", "approx")]),
        ("đạt 100%", [(100, "%", "eq")]),
    ],
)
def test_quantity_units_and_comparators(phrase: str, expected: list[tuple]) -> None:
    found = find_quantities(phrase)
    assert [(q.value, q.unit, q.comparator) for q in found] == expected


def test_dates_and_document_numbers_are_not_quantities() -> None:
    phrase = in_corpus("Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ")
    assert find_quantities(phrase) == []
    assert find_quantities(in_corpus("giai đoạn 2021-2030")) == []


@pytest.mark.parametrize(
    ("phrase", "value", "precision"),
    [
        ("ngày 22/12/2024", "2024-12-22", "day"),
        ("Ngày 25 tháng 3 năm 2022", "2022-03-25", "day"),
        ("ngày 09 tháng 01 năm 2025", "2025-01-09", "day"),
        ("tháng 3-2020", "2020-03", "month"),
        ("năm 2030", "2030", "year"),
        ("năm học 2025 – 2026", "2025-2026", "school-year"),
        ("giai đoạn 2021-2030", "2021-2030", "period"),
        ("Quý II/2025", "2025-Q2", "quarter"),
        ("Tháng 10/2025", "2025-10", "month"),
    ],
)
def test_dates_in_corpus_phrases(phrase: str, value: str, precision: str) -> None:
    in_corpus(normalise(phrase)[0])
    (mention,) = find_dates(phrase)
    assert (mention.value, mention.precision) == (value, precision)
    assert (mention.start, mention.end) == (0, len(phrase))


def test_dashed_date_and_raw_en_dash() -> None:
    assert parse_date("22-12-2024") == date(2024, 12, 22)
    (school_year,) = find_dates("năm học 2025 – 2026")  # as written, before normalisation
    assert school_year.end_year == 2026


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("Ngày 24/2, Bình Dương đã tổ chức", date(2025, 2, 1), date(2025, 2, 24)),
        ("Sáng 23/4, đồng chí Hồ Quốc Dũng", date(2025, 4, 23), date(2025, 4, 23)),
        ("Ngày 22-9, lãnh đạo UBND tỉnh Bình Dương", date(2024, 10, 1), date(2024, 9, 22)),
        ("Ngày 28/12", date(2025, 1, 5), date(2024, 12, 28)),  # shortly before a January source
    ],
)
def test_day_month_takes_year_from_the_source(phrase: str, reference: date, expected: date) -> None:
    assert parse_date(phrase, reference) == expected


def test_day_month_without_reference_keeps_what_is_known() -> None:
    (mention,) = find_dates(in_corpus("Ngày 22-9, lãnh đạo"))
    assert (mention.value, mention.date, mention.precision) == ("--09-22", None, "day")
    assert parse_date("Ngày 22-9") is None


def test_invalid_and_embedded_numbers_are_not_dates() -> None:
    assert find_dates("ngày 31/02/2025") == []
    assert find_dates("Nghị định 13/2023/NĐ-CP") == []
    assert find_dates("tỉ lệ 3/4 số doanh nghiệp") == []


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("6/2025", ("2025-06", False)), ("06/2025", ("2025-06", False)),
        ("Tháng 10/2025", ("2025-10", False)), ("12/2028", ("2028-12", False)),
        ("2025", ("2025", False)), ("Quý II/2025", ("2025-Q2", False)),
        ("2025-2026", ("2026", False)), ("2025 - 2026", ("2026", False)),
        ("Thường xuyên", (None, True)), ("Nhiệm vụ thường xuyên", (None, True)),
        ("Hằng năm", (None, True)), ("hằng năm", (None, True)),
        ("2025 và những năm tiếp theo", ("2025", True)), ("", (None, False)),
        ("30/6/2025", ("2025-06-30", False)),
    ],
)  # fmt: skip
def test_parse_deadline(cell: str, expected: tuple[str | None, bool]) -> None:
    assert parse_deadline(cell) == expected


def test_every_deadline_cell_of_appendix_ii_is_understood() -> None:
    lines = (
        (CORPUS / "nq03-ncp-2025-phu-luc-2-nhiem-vu.md").read_text(encoding="utf-8").splitlines()
    )
    cells = [
        line.split("|")[6].strip() for line in lines if line.startswith("| ") and "**" not in line
    ]
    cells = [cell for cell in cells if cell and cell != "Thời gian hoàn thành"]
    assert len(cells) > 120
    not_understood = [c for c in cells if parse_deadline(c) == (None, False)]
    assert not_understood == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_total_on_any_text(text: str) -> None:
    for quantity in find_quantities(text):
        assert 0 <= quantity.start < quantity.end <= len(text)
    for mention in find_dates(text, date(2025, 1, 1)):
        assert 0 <= mention.start < mention.end <= len(text)
    parse_deadline(text)
    parse_number(text)
