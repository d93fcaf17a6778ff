"""Documents and implements links on batch X's misses, as general rules over sentence structure:
a project named by its number inside a list of fields of work (a body's name or a duty) is a
field, not a document; a provincial number named once with its issuer and repeated bare is one
document. Each case reads a real text in data/sources (batch X and the variants of the same form
in other batches)."""

from __future__ import annotations

from tests.ingest.common import documents_of, implemented_by


def _projects(stem: str) -> list[str]:
    return [d.ref.title or "" for d in documents_of(stem) if d.ref.doc_type == "Project"]


def test_a_numbered_project_closing_a_list_of_fields_is_no_document() -> None:
    """Cần Thơ, TP HCM, Hà Nội: "Ban Chỉ đạo … khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi
    số (, cải cách hành chính) và Đề án 06"; TP HCM: "…, chuyển đổi số, triển khai Đề án 06 và
    cải cách hành chính"; Bộ Tư pháp: "… chuyển đổi số và Đề án 06 của Bộ Tưpháp trong thời gian
    tới"; Hà Nội's letter: "Ủy ban quốc gia về Chuyển đổi số và Đề án 06"."""
    for stem in (
        "dev-x-can-tho-bcd-khcn-2025",
        "dev-x-hcm-bcd-khcn-ubnd",
        "dev-x-ha-noi-bcd-khcn-cchc",
        "dev-x-btp-bcd-phien-hop-1",
        "dev-x-ha-noi-cv-tb56-vpcp",
    ):
        assert _projects(stem) == [], stem


def test_a_resolution_or_a_titled_project_after_a_field_stays_a_document() -> None:
    """Batch M: "… chuyển đổi số và Nghị quyết 57" is 57-NQ/TW; batch Q: "Chương trình Chuyển đổi
    số quốc gia, Đề án Xây dựng TPHCM trở thành đô thị thông minh …" is a project; batch M's
    "gắn với triển khai Đề án 06 làm nền tảng" (no list of fields before it) stays too."""
    assert "57-NQ/TW" in [d.ref.number for d in documents_of("dev-m-nhnn-thidua")]
    assert [t for t in _projects("dev-q-hcm-cds-2020") if t.startswith("Đề án Xây dựng TPHCM")]
    assert "Đề án 06" in _projects("dev-m-bcd-cp-2026")


def test_a_provincial_number_repeated_bare_is_the_document_named_with_its_issuer() -> None:
    """Cần Thơ 3400/UBND-KGVX: "Nghị quyết số 02-NQ/TU của Thành ủy Cần Thơ …" then "triển khai
    thực hiện Nghị quyết số 02-NQ/TU." and "Nghị quyết số 02-NQ/TU hướng đến …" — one resolution,
    the city's."""
    docs = [d for d in documents_of("dev-x-can-tho-cv3400-nq02") if d.ref.number == "02-NQ/TU"]
    assert [d.ref.key for d in docs] == ["02-ntu-can-tho"]


def test_a_plural_of_drafts_names_no_document() -> None:
    """Hà Nội 231/KH-UBND: "tuyên truyền đối với các dự thảo nghị quyết trong lĩnh vực khoa học,
    công nghệ, đổi mới sáng tạo" — drafts of a kind, not one resolution."""
    titles = [d.ref.title or "" for d in documents_of("dev-x-ha-noi-kh231-luat-thu-do")]
    assert not [t for t in titles if t.lower().startswith("nghị quyết")]


def test_a_bare_head_noun_before_phan_cong_is_the_decision_spoken_of() -> None:
    """Cần Thơ: "Quyết định phân công các Phó ban gồm các Phó Chủ tịch UBND thành phố, …" — the
    decision named before assigns; no decision titled «Quyết định phân công …»."""
    titles = [d.ref.title or "" for d in documents_of("dev-x-can-tho-bcd-khcn-2025")]
    assert not [t for t in titles if "phân công các Phó ban" in t]


def test_a_field_tied_to_carrying_out_a_law_carries_nothing_out() -> None:
    """Hà Nội 231/KH-UBND "về hoàn thiện các văn bản phục vụ phát triển khoa học, công nghệ gắn
    với triển khai thi hành Luật Thủ đô"; batch Q's 2000/QĐ-UBND in the same words: no link to
    the law (117/KH-UBND still carries out 2000/QĐ-UBND)."""
    assert implemented_by("dev-x-ha-noi-kh231-luat-thu-do", "231/KH-UBND") == []
    assert implemented_by("dev-q-ha-noi-kh117", "2000/QĐ-UBND") == []
    assert "2000/QĐ-UBND" in implemented_by("dev-q-ha-noi-kh117", "117/KH-UBND")


def test_what_an_unnumbered_decision_issues_is_its_title() -> None:
    """Bộ Tư pháp: "dự thảo Quyết định ban hành Quy chế làm việc Ban Chỉ đạo của Bộ Tư pháp …" —
    one draft decision, no separate «Quy chế làm việc Ban Chỉ đạo»; batch V's "Kế hoạch triển
    khai thực hiện Quy chế thí điểm liên kết …" keeps the regulation it carries out."""
    docs = documents_of("dev-x-btp-bcd-phien-hop-1")
    titles = [d.ref.title or "" for d in docs]
    assert [t for t in titles if t.startswith("Quyết định ban hành Quy chế")]
    assert not [t for t in titles if t.startswith("Quy chế")]
    v_titles = [d.ref.title or "" for d in documents_of("dev-v-ttg-dbscl-lien-ket-vung")]
    assert [t for t in v_titles if t.startswith("Quy chế thí điểm liên kết")]


def test_a_decision_or_letter_a_body_has_just_issued_is_a_document() -> None:
    """TP HCM: "UBND TP HCM vừa có quyết định thành lập Ban Chỉ đạo …"; Cần Thơ: "vừa có quyết
    định kiện toàn Ban Chỉ đạo …"; Hà Nội: "vừa ban hành công văn về việc triển khai thực hiện
    Thông báo số 56/TB-VPCP" (it carries out the notice); TP HCM: "vừa ban hành quyết định về
    thực hiện Chương trình hành động số 54-CTrHĐ/TU …" (it carries out the programme)."""
    for stem, title in (
        ("dev-x-hcm-bcd-khcn-ubnd", "Quyết định thành lập Ban Chỉ đạo"),
        ("dev-x-can-tho-bcd-khcn-2025", "Quyết định kiện toàn Ban Chỉ đạo"),
    ):
        docs = [d for d in documents_of(stem) if (d.ref.title or "").startswith(title)]
        assert [d.ref.doc_type for d in docs] == ["Decision"], stem
    (letter,) = [
        d
        for d in documents_of("dev-x-ha-noi-cv-tb56-vpcp")
        if (d.ref.title or "").startswith("Công văn về việc triển khai")
    ]
    assert [r.number for r in letter.implements] == ["56/TB-VPCP"]
    (decision,) = [
        d
        for d in documents_of("dev-x-hcm-kinh-te-so-40-grdp-2030")
        if d.ref.doc_type == "Decision" and not d.ref.number
    ]
    assert [r.number for r in decision.implements] == ["54-CTrHĐ/TU"]


def test_a_decision_approving_a_plan_is_named_by_the_plan() -> None:
    """Batch S's Bộ Y tế: "vừa ký quyết định phê duyệt kế hoạch triển khai hồ sơ sức khỏe điện tử"
    — the plan is the document reported, no «Quyết định phê duyệt …» beside it."""
    docs = documents_of("dev-s-byt-ho-so-suc-khoe")
    assert not [d for d in docs if (d.ref.title or "").startswith("Quyết định phê duyệt")]


def test_a_bracketed_short_name_of_another_type_names_the_document_signed() -> None:
    """Bộ Y tế: "vừa ký văn bản chỉ đạo … triển khai Nghị quyết số 157-NQ/BCSĐ … (gọi tắt là Kế
    hoạch hành động)" — a plan carrying out 157-NQ/BCSĐ; aliases of the document before them
    (Thái Bình's "(gọi tắt là Nghị quyết số 57-NQ/TW)", Cà Mau's "(sau đây gọi tắt là Chương
    trình hành động)" after the province's programme) mint nothing."""
    (plan,) = [d for d in documents_of("dev-x-byt-cds-2025") if d.ref.doc_type == "Plan"]
    assert plan.ref.title == "Kế hoạch hành động"
    assert [r.number for r in plan.implements] == ["157-NQ/BCSĐ"]
    for stem in ("dev-t-thai-binh-kh86", "dev-v-ca-mau-kh120"):
        assert not [
            d
            for d in documents_of(stem)
            if d.ref.title in ("Kế hoạch hành động", "Chương trình hành động")
        ], stem
