"""Documents and implements links on batch U's misses, as general rules over sentence structure:
a number given in brackets for an act named by its title, a caption restating a numbered act
with the province added, a council's session papers in its "Xét" clause, a verb after a bare head
noun, a submission asking for an act, and "… về thực hiện C" closing a pair carried out. Each
case reads a real batch text in data/sources."""

from __future__ import annotations

from tests.ingest.common import documents_of, implemented_by


def test_a_bracketed_number_names_the_act_its_sentence_reports() -> None:
    """Lạng Sơn: headline "Quyết định kiện toàn và đổi tên Ban Chỉ đạo …" and "UBND tỉnh ban
    hành Quyết định kiện toàn và đổi tên Ban Chỉ đạo … (Quyết định số 2041/QĐ-UBND, ngày
    13/10/2021)" — one decision, numbered and dated, its headline folded in."""
    decisions = [
        d for d in documents_of("dev-u-lang-son-bcd-cds-2021") if d.ref.doc_type == "Decision"
    ]
    assert [(d.ref.number, str(d.issued)) for d in decisions] == [("2041/QĐ-UBND", "2021-10-13")]


def test_a_bracketed_number_closing_a_long_sentence_numbers_the_plan() -> None:
    """Lạng Sơn 23/KH-UBND: "UBND tỉnh vừa ban hành Kế hoạch thực hiện Nghị quyết số 96/NQ-CP …
    và Chương trình hành động số 52-CTr/TU … (Kế hoạch số 23/KH-UBND, ngày 26/01/2023)" — the
    plan of the headline is 23/KH-UBND, carrying out both."""
    plans = [d for d in documents_of("dev-u-lang-son-kh23") if d.ref.doc_type == "Plan"]
    assert [d.ref.number for d in plans] == ["23/KH-UBND"]
    assert implemented_by("dev-u-lang-son-kh23", "23/KH-UBND") == ["96/NQ-CP", "52-CTr/TU"]


def test_a_short_alias_in_brackets_gives_no_number_to_another_title() -> None:
    """Batch T, Kon Tum: "… Chương trình hành động của Chính phủ thực hiện Nghị quyết số
    57-NQ/TW … (Nghị quyết 71/NQ-CP); Chương trình số 95-CTr/TU … (Chương trình 95-CTr/TU)" —
    the bracket repeats a number already written: the Government's programme keeps no number
    of the province's."""
    (programme,) = [d for d in documents_of("dev-t-kon-tum-kh1570") if d.ref.number == "95-CTr/TU"]
    assert programme.issuer is not None and "Tỉnh ủy" in programme.issuer.name
    assert implemented_by("dev-t-kon-tum-kh1570", "71/NQ-CP") == ["57-NQ/TW"]


def test_a_caption_restating_a_numbered_act_with_the_province_added() -> None:
    """Nghệ An: "Quyết định số 5101/QĐ-UBND thành lập Ban chỉ đạo xây dựng chính quyền điện tử,
    …" and the caption "Quyết định thành lập Ban chỉ đạo xây dựng chính quyền điện tử tỉnh Nghệ
    An." — one decision."""
    documents = documents_of("dev-u-nghe-an-bcd-cqdt")
    assert [d.ref.number for d in documents] == ["5101/QĐ-UBND"]


def test_an_examination_report_in_a_considering_clause_is_no_document() -> None:
    """Hà Tĩnh 291/NQ-HĐND: "Xét Tờ trình số 693/TTr-UBND …; Báo cáo thẩm tra của các ban Hội
    đồng nhân dân tỉnh và ý kiến thảo luận …" — the submission stays, the examination report
    is a session paper (batch Q's Hưng Yên resolution has the same clause)."""
    for stem in ("dev-u-ha-tinh-nq291-hdnd", "dev-q-hung-yen-nq821"):
        titles = [d.ref.title or "" for d in documents_of(stem)]
        assert not [t for t in titles if t.startswith("Báo cáo thẩm tra")], stem
    numbers = [d.ref.number for d in documents_of("dev-u-ha-tinh-nq291-hdnd")]
    assert "693/TTr-UBND" in numbers


def test_a_verb_after_a_bare_head_noun_names_no_new_document() -> None:
    """Vĩnh Phúc: "hướng dẫn việc triển khai thực hiện Kế hoạch trình UBND tỉnh phê duyệt";
    Hòa Bình: "cụ thể hóa nội dung Nghị quyết phù hợp với thực tiễn của địa phương" — the plan
    and the resolution spoken of, not new documents."""
    assert [d.ref.number for d in documents_of("dev-u-vinh-phuc-kh68")] == ["68/KH-UBND"]
    titles = [d.ref.title or "" for d in documents_of("dev-u-hoa-binh-ctr33")]
    assert not [t for t in titles if "phù hợp" in t]


def test_a_submission_carries_out_nothing() -> None:
    """Hải Phòng 284/QĐ-UBND: "Tờ trình số 01/TTr-STTTT … về việc phê duyệt Chương trình hành
    động … thực hiện Nghị quyết số 03-NQ/TU" — the decision carries out the resolution, the
    submission does not."""
    assert implemented_by("dev-u-hai-phong-qd284", "01/TTr-STTTT") == []
    assert implemented_by("dev-u-hai-phong-qd284", "284/QĐ-UBND") == ["03-NQ/TU"]


def test_a_closing_about_clause_is_shared_by_the_pair_carried_out() -> None:
    """Lạng Sơn: "Kế hoạch thực hiện Nghị quyết số 96/NQ-CP … của Chính phủ và Chương trình
    hành động số 52-CTr/TU … về thực hiện Nghị quyết số 11-NQ/TW" — both carry out 11-NQ/TW.
    Bắc Ninh (batch P): "Kế hoạch số 17/KH-UBND … về thực hiện Nghị quyết số 71/NQ-CP … và Kế
    hoạch hành động số 07-KH/TU … về thực hiện Nghị quyết số 57-NQ/TW" — parallel "về"
    clauses: 57-NQ/TW is the party plan's only."""
    assert implemented_by("dev-u-lang-son-kh23", "96/NQ-CP") == ["11-NQ/TW"]
    assert implemented_by("dev-u-lang-son-kh23", "52-CTr/TU") == ["11-NQ/TW"]
    assert implemented_by("dev-bac-ninh-qd933", "71/NQ-CP") == []


def test_a_purpose_clause_without_a_document_carries_out_the_one_named_before() -> None:
    """Hòa Bình: a paragraph on "Nghị quyết 52-NQ/TW", then "Nhằm cụ thể hóa các quan điểm chỉ
    đạo, thực hiện mục tiêu đề ra về chủ động tham gia cuộc CMCN 4.0, Ban Thường vụ Tỉnh ủy đã
    ban hành Chương trình hành động số 33-CTr/TU" — the programme carries out the resolution."""
    assert implemented_by("dev-u-hoa-binh-ctr33", "33-CTr/TU") == ["52-NQ/TW"]
