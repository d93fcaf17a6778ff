"""A line a transcription wrapped mid-sentence is no sentence end; a heading, a list item, a
title in capitals or a blank line still is. Built from the real wrapped texts of the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.extract import extract_all
from ingest.extract.sentences import sentences
from ingest.model import DocumentFact
from ingest.resolve import Catalogue
from ingest.sources import read_source

SOURCES = Path(__file__).resolve().parents[2] / "data" / "sources"


def _sentences(stem: str) -> list[str]:
    text = read_source(SOURCES / f"{stem}.txt").normalised
    return [span.of(text) for span in sentences(text)]


def _containing(found: list[str], *parts: str) -> list[str]:
    return [s for s in found if all(part in s for part in parts)]


def test_a_wrapped_sentence_is_one_sentence() -> None:
    found = _sentences("dev-q-ninh-binh-kh177")
    # "… ngày 18/3/2024 của" / "Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 69-KL/TW …"
    assert _containing(found, "Kế hoạch số 183-KH/TU ngày 18/3/2024 của\nBan Thường vụ", "69-KL/TW")
    # "Thực hiện Quyết định số" / "709/QĐ-TTg … Kế hoạch thực hiện Kết" / "luận số 69-KL/TW …"
    opening = _containing(found, "Thực hiện Quyết định số\n709/QĐ-TTg")
    assert len(opening) == 1 and "Kết\nluận số 69-KL/TW" in opening[0]
    # a title in capitals wraps too: "… 183-KH/TU NGÀY 18/3/2024 CỦA" / "BAN THƯỜNG VỤ …"
    assert _containing(found, "SỐ 183-KH/TU", "KẾT LUẬN SỐ 69-KL/TW")


def test_headings_list_items_and_titles_still_end_a_sentence() -> None:
    found = _sentences("dev-q-ninh-binh-kh177")
    assert "KẾ HOẠCH" in found  # the heading stands alone
    assert not _containing(found, "KẾ HOẠCH\nTHỰC HIỆN")  # "KẾ HOẠCH" does not end on an open word
    khanh_hoa = _sentences("dev-khanh-hoa-kh4636")
    # a capitals title ending on "TIẾP THEO", then the body's "Căn cứ …": two sentences
    assert not _containing(khanh_hoa, "TIẾP THEO\nCăn cứ")
    assert _containing(khanh_hoa, "Căn cứ Quyết định số 405/QĐ-BKHCN")
    dong_nai = _sentences("dev-r-dong-nai-qd40")
    # each legal basis ends on ";": the next "Căn cứ" opens a sentence of its own
    law = _containing(dong_nai, "Căn cứ Luật Tổ chức chính quyền địa phương ngày\n19 tháng 6")
    assert len(law) == 1 and law[0].endswith("năm 2015;") and law[0].count("Căn cứ") == 1


def test_a_list_item_after_an_open_line_is_its_own_sentence() -> None:
    text = "Giao Sở Khoa học và Công nghệ chủ trì các nhiệm vụ của\na) xây dựng cơ sở dữ liệu"
    assert [s.of(text) for s in sentences(text)] == [
        "Giao Sở Khoa học và Công nghệ chủ trì các nhiệm vụ của",
        "xây dựng cơ sở dữ liệu",
    ]


def test_a_blank_line_ends_a_sentence() -> None:
    text = "Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với\n\nSở Tài chính thực hiện"
    assert [s.of(text) for s in sentences(text)] == [
        "Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với",
        "Sở Tài chính thực hiện",
    ]


def _documents(stem: str, catalogue: Catalogue) -> dict[str, DocumentFact]:
    facts = extract_all(read_source(SOURCES / f"{stem}.txt"), catalogue)
    return {f.ref.number: f for f in facts if isinstance(f, DocumentFact) and f.ref.number}


@pytest.mark.parametrize("number", ["183-KH/TU", "709/QĐ-TTg"])
def test_links_across_a_wrapped_line_are_found(catalogue: Catalogue, number: str) -> None:
    documents = _documents("dev-q-ninh-binh-kh177", catalogue)
    assert "69-KL/TW" in [ref.number for ref in documents[number].implements]


def test_a_date_on_the_line_before_is_the_documents(catalogue: Catalogue) -> None:
    # "Ngày 03/6/2020, Thủ tướng Chính phủ" / "đã ban hành Quyết định số 749/QĐ-TTg …"
    decision = _documents("dev-q-btttt-cv2390", catalogue)["749/QĐ-TTg"]
    assert str(decision.issued) == "2020-06-03"
    assert decision.issuer is not None and decision.issuer.key == "thu-tuong"


def test_a_short_numbered_heading_is_not_joined_to_its_body() -> None:
    # dev-tuyen-quang-kh60, lines 18-19: the heading ends on "được", its body opens a sentence
    body = "Tỉnh đã ban hành Kế hoạch số 264/KH-UBND ngày 19/12/2023 về chuyển đổi số trên địa bàn."
    text = "a) Kết quả đạt được\n" + body
    assert [s.of(text) for s in sentences(text)] == [
        "Kết quả đạt được",  # the sentence starts after its bullet
        body,
    ]
