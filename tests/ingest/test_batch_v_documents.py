"""Documents and implements links on batch V's misses, as general rules over sentence structure:
a verb phrase after a bare head noun, a number whose code and issuer a dot joins, a cue the
transcription wrapped, reporting on carrying out (not carrying out), an alias closing a naming in
a list, a purpose's items across ";", a sentence opening with the cue, and one programme named
with and without its issuer. Each case reads a real text in data/sources (batch V and the
variants of the same form in other batches)."""

from __future__ import annotations

from ingest.extract.document_links import _REVIEWED
from ingest.extract.document_mentions import numbered_mentions
from tests.ingest.common import documents_of, implemented_by


def test_a_verb_phrase_after_a_bare_head_noun_names_no_new_document() -> None:
    """Hậu Giang: "Kế hoạch ban hành nhằm phát triển kinh tế số …", "Theo Kế hoạch đưa ra mục
    tiêu …"; Phú Yên: "thực hiện Chương trình từ tỉnh đến cấp xã" — the plan and the programme
    spoken of; Hà Nội (batch Q): "Kế hoạch hành động ban hành kèm theo Quyết định số
    8602/QĐ-QĐ/TU" stays a document issued with the decision."""
    assert [d.ref.number for d in documents_of("dev-v-hau-giang-kh128-kinh-te-so")] == [
        "128/KH-UBND"
    ]
    titles = [d.ref.title or "" for d in documents_of("dev-v-phu-yen-dtts-cds")]
    assert not [t for t in titles if "từ tỉnh" in t]
    (issued_with,) = [
        d
        for d in documents_of("dev-q-ha-noi-kh139")
        if (d.ref.title or "").startswith("Kế hoạch hành động ban hành kèm theo")
    ]
    assert issued_with.part_of is not None and issued_with.part_of.number == "8602-QĐ/TU"


def test_a_dot_between_code_and_issuer_is_read_as_the_number() -> None:
    """Tiền Giang 33/2009/QĐ-UBND: "thay thế Quyết định số 01/1999/QĐ.UB ngày 15/01/1999" is
    the decision 01/1999/QĐ-UB (not «01/1999/QĐ»); a run-on "…/QĐ-UBND.UBND" is not a dot."""
    numbers = [d.ref.number for d in documents_of("dev-v-tien-giang-qd33-2009")]
    assert "01/1999/QĐ-UB" in numbers and "01/1999/QĐ" not in numbers
    assert [m.number for m in numbered_mentions("số 40/2024/QĐ-UBND.UBND tỉnh")] == [
        "40/2024/QĐ-UBND"
    ]


def test_a_cue_and_a_list_the_transcription_wrapped_link_the_letter() -> None:
    """Bà Rịa – Vũng Tàu 08/KH-UBND: "Công văn số 5104/BTTTT-PTTH&TTĐT … về việc triển khai
    thực\\nhiện các nhiệm vụ tại Chỉ thị 09/CT-TTg … giai đoạn\\n2021-2025 và Chỉ thị 07/CT-TTg"
    — the letter carries out both directives; the plan its four "Thực hiện …" lines."""
    stem = "dev-v-ba-ria-vung-tau-kh08-truyen-thong"
    assert implemented_by(stem, "5104/BTTTT-PTTH&TTĐT") == ["09/CT-TTg", "07/CT-TTg"]
    assert implemented_by(stem, "08/KH-UBND") == [
        "09/CT-TTg",
        "07/CT-TTg",
        "765/QĐ-BTTTT",
        "5104/BTTTT-PTTH&TTĐT",
    ]


def test_reporting_on_carrying_out_a_document_is_no_link() -> None:
    """Quảng Nam: "Công văn số 86549/UBND-NCKS báo cáo thực hiện Chiến lược …", "Công văn số
    6028/BTTT-CBC … về việc báo cáo thực hiện Chiến lược …", "rà soát, báo cáo tình hình, kết
    quả thực hiện Quyết định số 348/QĐ-TTg" — neither letter carries out the strategy or the
    decision. The same form in batches M and P (a review conference, an evaluation) is no
    link in their gold either."""
    assert implemented_by("dev-v-quang-nam-cv86549", "6028/BTTT-CBC") == []
    for phrase in (
        "Công văn số 86549/UBND-NCKS báo cáo ",
        "rà soát, báo cáo tình hình, kết quả ",
        "tại Hội nghị sơ kết tình hình triển khai ",  # dev-m-tb47-bcdtw
        "Hội nghị tổng kết ",  # dev-phu-tho-tong-ket-2026
        "sơ kết, tổng kết, đánh giá việc tổ chức ",  # dev-m-bgddt-kh
    ):
        assert _REVIEWED.search(phrase), phrase
    assert not _REVIEWED.search("Ủy ban nhân dân tỉnh ban hành Kế hoạch ")
    assert "57-NQ/TW" not in implemented_by("dev-m-tb47-bcdtw", "47-TB/TGV")


def test_a_sentence_opening_with_the_cue_says_what_the_text_carries_out() -> None:
    """Quảng Nam: "Ngày 08/12/2023 UBND tỉnh đã ban hành Công văn số 86549/UBND-NCKS … .
    Thực hiện Công văn số 6028/BTTT-CBC …; UBND tỉnh có ý kiến như sau: …" — the news text's
    own letter answers the Ministry's."""
    assert implemented_by("dev-v-quang-nam-cv86549", "86549/UBND-NCKS") == ["6028/BTTT-CBC"]


def test_an_alias_closes_its_naming_and_the_list_goes_on_at_its_level() -> None:
    """Cà Mau 120/KH-UBND's purpose: "… của Nghị quyết số 71/NQ-CP … về sửa đổi, bổ sung cập
    nhật Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW … (sau đây gọi
    tắt là Nghị quyết số 71/NQ-CP) và Chương trình hành động của Ban Thường vụ Tỉnh ủy …" —
    the plan carries out both, 71/NQ-CP not the province's programme. The same bracket before
    ";" in batches P and T (Bắc Ninh 17/KH-UBND, Kon Tum 1570/KH-UBND) keeps its lists."""
    stem = "dev-v-ca-mau-kh120"
    carried = next(d for d in documents_of(stem) if d.ref.number == "120/KH-UBND").implements
    assert [r.number for r in carried] == ["71/NQ-CP", None]
    assert (carried[1].title or "").startswith("Chương trình hành động của Ban Thường vụ Tỉnh ủy")
    assert implemented_by(stem, "71/NQ-CP") == ["57-NQ/TW"]
    assert implemented_by("dev-bac-ninh-kh17", "17/KH-UBND") == ["71/NQ-CP", "57-NQ/TW", "07-KH/TU"]
    assert implemented_by("dev-t-kon-tum-kh1570", "1570/KH-UBND")[:2] == ["71/NQ-CP", "95-CTr/TU"]


def test_one_programme_named_with_and_without_its_issuer() -> None:
    """Cà Mau 120/KH-UBND: its title line's "Chương trình hành động thực hiện Nghị quyết
    57-NQ/TW … trên địa bàn tỉnh Cà Mau" is the body's "Chương trình hành động của Ban Thường
    vụ Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW" — one document; the Government's programme
    named in the same sentence ("… của Chính phủ thực hiện …") stays apart (keyed as the table
    reader keys it). Hải Phòng (batch U): the title's programme stays one document."""
    programmes = [
        d for d in documents_of("dev-v-ca-mau-kh120") if d.ref.doc_type == "ActionProgramme"
    ]
    keys = sorted(d.ref.key for d in programmes)
    assert keys == [
        "ctr-chuong-trinh-hanh-dong-cua-ban-thuong-vu-tinh-uy-thuc-ca-mau",
        "ctrhd-cp-57-2025",
    ]
    hai_phong = [
        d for d in documents_of("dev-u-hai-phong-qd284") if d.ref.doc_type == "ActionProgramme"
    ]
    assert len(hai_phong) == 1


def test_a_purpose_lists_items_across_a_semicolon() -> None:
    """Cà Mau 60/KH-UBND: "- Triển khai thực hiện có hiệu quả Nghị quyết số 03/NQ-CP … (sau
    đây gọi tắt là Nghị quyết số 03/NQ-CP); Chương trình số 86-Ctr/TU … của Ban Thường vụ Tỉnh
    ủy …" — the document right after the cue is the purpose's object, and the one opening the
    clause after ";" is its next item."""
    assert implemented_by("dev-v-ca-mau-kh60", "60/KH-UBND") == ["03/NQ-CP", "86-CTr/TU"]
