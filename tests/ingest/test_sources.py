"""Source readers: every format, every kind of bad input, metadata, and the real corpus."""

from __future__ import annotations

import hashlib
import shutil
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.model import SourceText
from ingest.sources import iter_sources, read_source
from ontology.errors import PolicyGraphError, SourceError
from ontology.slugs import fold

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "sources"
FIXTURES = Path(__file__).parent / "fixtures" / "sources"
# SHA-256 of each corpus text as found (../shared/corpus/seeds|national, 7 December 2026).
CORPUS_SUMS = Path(__file__).with_name("corpus.sha256")

BAD_FIXTURES = {
    "empty.txt": "empty file",
    "blank.md": "empty file",
    "junk.txt": "binary file (NUL byte at offset",
    "controls.txt": "binary file (",
    "image.png": "unsupported file type '.png'",
    "legacy-cp1258.txt": "not valid UTF-8 (byte 0xec at offset 2)",
    "notepad-utf16.txt": "not valid UTF-8 (UTF-16",
    "scanned.pdf": "no text layer (scanned PDF?)",
}


@pytest.fixture(scope="module")
def corpus() -> dict[str, SourceText]:
    read = list(iter_sources(CORPUS))
    errors = [item for item in read if isinstance(item, SourceError)]
    assert errors == []
    return {item.source_id: item for item in read if isinstance(item, SourceText)}


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "reason"), sorted(BAD_FIXTURES.items()))
def test_bad_input_is_reported_with_path_and_reason(name: str, reason: str) -> None:
    path = FIXTURES / name
    with pytest.raises(SourceError) as raised:
        read_source(path)
    assert raised.value.path == path
    assert raised.value.reason.startswith(reason)
    assert str(raised.value) == f"{path}: {raised.value.reason}"
    assert isinstance(raised.value, PolicyGraphError)


def test_iter_sources_reports_bad_files_and_reads_the_rest() -> None:
    items = list(iter_sources(FIXTURES))
    names = [Path(item.path).name for item in items]
    assert names == sorted(names)
    errors = {Path(item.path).name: item.reason for item in items if isinstance(item, SourceError)}
    read = {item.path.name for item in items if isinstance(item, SourceText)}
    assert set(errors) == set(BAD_FIXTURES)
    assert read == {"article.html", "bom.txt", "notes.md", "plan-text.pdf", "plan.docx"}
    assert "make_fixtures.py" not in names


def test_too_large_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # a sparse 21 MB file: cheap to make, costly to read
        handle.truncate(21 * 1024 * 1024)
    started = time.perf_counter()
    with pytest.raises(
        SourceError, match=r"file too large: 22020096 bytes > cap of 20000000 bytes"
    ):
        read_source(huge)
    assert time.perf_counter() - started < 0.5


def test_size_cap_is_configurable(tmp_path: Path) -> None:
    small = tmp_path / "small.txt"
    small.write_text("Sở Khoa học và Công nghệ chủ trì.", encoding="utf-8")
    with pytest.raises(SourceError, match="file too large"):
        read_source(small, max_bytes=10)
    assert read_source(small, max_bytes=1000).original.startswith("Sở")


def test_not_a_file_and_duplicate_ids(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(SourceError, match="not a regular file"):
        read_source(tmp_path / "folder.txt")
    (tmp_path / "a.md").write_text("Sở Nội vụ chủ trì.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Sở Tài chính phối hợp.", encoding="utf-8")
    items = list(iter_sources(tmp_path))
    assert isinstance(items[0], SourceText)
    assert isinstance(items[1], SourceError) and "same source id 'a'" in items[1].reason


def test_broken_sidecar_is_noted_and_the_text_still_read(tmp_path: Path) -> None:
    shutil.copy(CORPUS / "003_0098b399aefe7cee.txt", tmp_path)
    (tmp_path / "003_0098b399aefe7cee.meta.json").write_text("{ not json", encoding="utf-8")
    source = read_source(tmp_path / "003_0098b399aefe7cee.txt")
    assert any("unreadable" in note for note in source.meta.notes)
    assert source.meta.publisher == "binhdinh.gov.vn"
    assert "publisher" in source.meta.guessed


# --- each format -----------------------------------------------------------------------------


def test_html_keeps_the_article_and_drops_the_page() -> None:
    source = read_source(FIXTURES / "article.html")
    text = source.original
    assert text.startswith("Ban Chỉ đạo về phát triển khoa học")
    assert "Bí thư Tỉnh uỷ giao Ban Tuyên giáo và Dân vận chủ trì" in text
    for dropped in (
        "Trang chủ", "Tin tức", "Chính quyền", "Chia sẻ", "Tin cùng chuyên mục",
        "Hội nghị trực tuyến", "Xem thêm", "lượt truy cập", "14182", "Bản quyền", "font-family",
        "var visits",
    ):  # fmt: skip
        assert dropped not in text, dropped
    (table,) = source.tables
    assert table.header[:3] == ("TT", "Tên nhiệm vụ", "Cơ quan chủ trì")
    assert [row[0] for row in table.rows] == ["I.", "4.", "5."]
    assert table.rows[0][2:] == ("", "", "", "")  # the section row spans the columns once
    assert table.rows[1][2] == "Bộ Khoa học và Công nghệ"
    assert table.rows[2][5] == "Thường xuyên"
    _check_table_spans(source)
    meta = source.meta
    assert meta.date == date(2025, 4, 23)
    assert meta.publisher == "Cổng thông tin điện tử tỉnh Bình Định"
    assert meta.address == "https://binhdinh.gov.vn/tin-tuc/ban-chi-dao-hop-phien-thu-2.html"
    assert set(meta.guessed) == {"title", "date", "publisher", "address"}


def test_docx_paragraphs_in_order_and_tables() -> None:
    source = read_source(FIXTURES / "plan.docx")
    text = source.original
    assert text.index("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH") < text.index("Bí thư Tỉnh uỷ giao")
    assert text.index("| TT |") < text.index("Sở Khoa học và Công nghệ là cơ quan đầu mối")
    (table,) = source.tables
    assert len(table.header) == 6
    assert table.rows[0][:2] == (
        "I.",
        "Nâng cao nhận thức, đột phá về đổi mới tư duy, xác định quyết tâm chính trị mạnh mẽ",
    )
    assert table.rows[0][2:] == ("", "", "", "")  # merged cell written once
    assert table.rows[1][2:4] == ("Bộ Khoa học và Công nghệ", "Các bộ, ngành, địa phương")
    _check_table_spans(source)
    assert source.meta.title == "Kế hoạch triển khai Nghị quyết 57-NQ/TW"  # from DOCX properties
    assert source.meta.date == date(2025, 5, 5)  # from the letterhead, not the file's creation
    assert source.meta.publisher == "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH"


def test_pdf_text_layer() -> None:
    source = read_source(FIXTURES / "plan-text.pdf")
    assert "Sở Khoa học và Công nghệ là cơ quan đầu mối" in source.normalised
    assert "khoảng 45% (năm 2025), trên 50% (năm 2030)" in source.normalised
    assert source.meta.date == date(2022, 3, 25)
    assert "date 2022-03-25 guessed from the letterhead (place, date)" in source.meta.notes
    assert source.meta.title.startswith("KẾ HOẠCH Nâng cao tỉ lệ đóng góp")


def test_bom_is_dropped_and_front_matter_is_declared_metadata() -> None:
    bom = read_source(FIXTURES / "bom.txt")
    assert bom.original.startswith("(binhdinh.gov.vn) - Sáng 23/4")
    notes = read_source(FIXTURES / "notes.md")
    assert notes.meta.title == "Ghi chép phiên họp Ban Chỉ đạo tỉnh Bình Định"
    assert notes.meta.date == date(2025, 4, 1)
    assert notes.meta.guessed == ()
    assert any("month only" in note for note in notes.meta.notes)
    (table,) = notes.tables
    assert [row[5] for row in table.rows] == ["6/2025", "Thường xuyên"]
    _check_table_spans(notes)


# --- metadata guessed from the text ----------------------------------------------------------


LEADING = "the leading date line"
LETTERHEAD = "the letterhead (place, date)"


@pytest.mark.parametrize(
    ("stem", "field", "value", "origin"),
    [
        ("001_48c50c3c403c9ef8", "date", date(2024, 4, 20), LEADING),
        ("000_a3683a6493bfc795", "date", date(2025, 2, 1), "the leading 'date' line"),
        ("003_0098b399aefe7cee", "publisher", "binhdinh.gov.vn", "the credit '(binhdinh.gov.vn)'"),
        ("002_164b680af517698d", "publisher", "Xây dựng", "the credit '(Xây dựng)'"),
        (
            "000_a3683a6493bfc795",
            "publisher",
            "Cổng thông tin điện tử tỉnh Bình Dương",
            "'Theo Cổng thông tin điện tử tỉnh Bình Dương'",
        ),
        ("nq03-ncp-2025", "date", date(2025, 1, 9), LETTERHEAD),
        ("nq03-ncp-2025", "publisher", "CHÍNH PHỦ", "the letterhead"),
        ("nq20-ntw-2012", "date", date(2012, 11, 1), LETTERHEAD),
        (
            "004_ed128cdcc0aeed6f",
            "title",
            "Triển khai Đề án Vùng đổi mới sáng tạo Bình Dương",
            None,
        ),
    ],
)
def test_metadata_guessed_without_a_sidecar(
    tmp_path: Path, stem: str, field: str, value: object, origin: str | None
) -> None:
    (path,) = (p for p in CORPUS.iterdir() if p.stem == stem and not p.name.endswith(".json"))
    shutil.copy(path, tmp_path)
    meta = read_source(tmp_path / path.name).meta
    assert getattr(meta, field) == value
    assert field in meta.guessed
    if origin:
        assert any(
            note.startswith(f"{field} ") and note.endswith(f"guessed from {origin}")
            for note in meta.notes
        ), meta.notes


def test_no_date_guessed_where_the_text_gives_no_year(tmp_path: Path) -> None:
    shutil.copy(CORPUS / "004_ed128cdcc0aeed6f.txt", tmp_path)
    meta = read_source(tmp_path / "004_ed128cdcc0aeed6f.txt").meta
    assert meta.date is None and "date" not in meta.guessed


# --- the real corpus -------------------------------------------------------------------------


def test_corpus_copies_are_byte_identical() -> None:
    """The texts stay as they were found: each one's SHA-256 is the one recorded when copied."""
    recorded = dict(
        reversed(line.split("  ", 1)) for line in CORPUS_SUMS.read_text().splitlines() if line
    )
    assert len(recorded) == 11
    for name, digest in recorded.items():
        assert hashlib.sha256((CORPUS / name).read_bytes()).hexdigest() == digest, name


def test_corpus_reads_with_its_declared_metadata(corpus: dict[str, SourceText]) -> None:
    sidecars = {path.name.removesuffix(".meta.json") for path in CORPUS.glob("*.meta.json")}
    assert set(corpus) == sidecars  # counted from disk: every source has its sidecar
    for source_id, source in corpus.items():
        assert source.meta.guessed == (), source_id
        assert source.meta.title, source_id
    expected = {
        "000_a3683a6493bfc795": (date(2025, 2, 1), "binhduong.gov.vn"),
        "001_48c50c3c403c9ef8": (date(2022, 4, 19), None),
        "002_164b680af517698d": (None, "Báo Xây dựng"),
        "003_0098b399aefe7cee": (date(2025, 4, 23), "binhdinh.gov.vn"),
        "004_ed128cdcc0aeed6f": (None, None),
        "nq57-ntw-2024": (date(2024, 12, 22), "Bộ Chính trị"),
        "kl69-ktw-2024": (date(2024, 1, 11), "Bộ Chính trị"),
        "nq20-ntw-2012": (date(2012, 11, 1), "Ban Chấp hành Trung ương Đảng"),
        "nq03-ncp-2025": (date(2025, 1, 9), "Chính phủ"),
        "nq03-ncp-2025-phu-luc-1-chi-tieu": (date(2025, 1, 9), "Chính phủ"),
        "nq03-ncp-2025-phu-luc-2-nhiem-vu": (date(2025, 1, 9), "Chính phủ"),
    }
    for source_id, (issued, publisher) in expected.items():
        meta = corpus[source_id].meta
        assert (meta.date, meta.publisher) == (issued, publisher), source_id
        assert meta.guessed == (), source_id  # every field is declared in the sidecar
        assert meta.title
    assert any("year" in note for note in corpus["004_ed128cdcc0aeed6f"].meta.notes)
    national = corpus["nq03-ncp-2025-phu-luc-2-nhiem-vu"].meta
    assert national.address.startswith("https://github.com/thetrungdtt/VNMasterplan/")
    assert any("/NQ-CP ngày 01 tháng 01 năm 2025" in note for note in national.notes)


def test_appendix_ii_is_one_task_table(corpus: dict[str, SourceText]) -> None:
    source = corpus["nq03-ncp-2025-phu-luc-2-nhiem-vu"]
    (table,) = source.tables
    assert table.header == (
        "TT",
        "Tên nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Kết quả",
        "Thời gian hoàn thành",
    )
    assert len(table.rows) == 147
    assert all(len(row) == 6 for row in table.rows)
    numbers = [row[0].rstrip(".") for row in table.rows if row[0].rstrip(".").isdigit()]
    assert [int(n) for n in numbers] == list(range(1, 141))
    sections = [row[0] for row in table.rows if "**" in row[0]]
    assert sections[0] == "**I.**" and len(sections) == 7
    _check_table_spans(source)


def test_appendix_i_is_one_target_table(corpus: dict[str, SourceText]) -> None:
    (table,) = corpus["nq03-ncp-2025-phu-luc-1-chi-tieu"].tables
    assert table.header[1:4] == ("Chỉ tiêu", "Đơn vị", "Kết quả")
    assert len(table.rows) == 59
    assert table.rows[10][:4] == ("10", "Quy mô kinh tế số", "% GDP", "≥ 30")
    _check_table_spans(corpus["nq03-ncp-2025-phu-luc-1-chi-tieu"])


def test_pipe_in_prose_is_not_a_table(corpus: dict[str, SourceText]) -> None:
    assert corpus["002_164b680af517698d"].tables == ()  # a caption ending in " |"


def test_normalised_spans_map_back_to_the_original(corpus: dict[str, SourceText]) -> None:
    for source in corpus.values():
        normalised = source.normalised
        for start in range(0, len(normalised) - 40, 97):
            quote = source.evidence(start, start + 40).quote
            assert _letters(quote) == _letters(normalised[start : start + 40]), source.source_id


def _letters(text: str) -> str:
    """Letters and digits only, folded: what normalisation never adds, drops or reorders."""
    return "".join(char for char in fold(text) if char.isalnum())


def _check_table_spans(source: SourceText) -> None:
    for table in source.tables:
        for row, (start, end), cell_spans in zip(
            table.rows, table.row_spans, table.cell_spans, strict=True
        ):
            row_text = source.original[start:end]
            assert row_text.lstrip().startswith("|") and "\n" not in row_text
            assert [source.original[a:b] for a, b in cell_spans] == list(row)
            assert all(start <= a <= b <= end for a, b in cell_spans)


# --- never anything but SourceText or SourceError ---------------------------------------------

SEED_BYTES = (CORPUS / "003_0098b399aefe7cee.txt").read_bytes()[:600]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    suffix=st.sampled_from([".txt", ".md", ".html", ".docx", ".pdf"]),
    data=st.binary(max_size=400)
    | st.builds(
        lambda cut, junk: SEED_BYTES[:cut] + junk + SEED_BYTES[cut:],
        st.integers(0, len(SEED_BYTES)),
        st.binary(max_size=8),
    ),
)
def test_any_bytes_give_a_source_or_a_source_error(
    tmp_path: Path, suffix: str, data: bytes
) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    try:
        source = read_source(path)
    except SourceError as error:
        assert error.path == path and error.reason
    else:
        assert len(source.offset_map) == len(source.normalised) + 1
        assert source.offset_map[-1] == len(source.original)
