"""Documents and implements links on batch T's misses (and batch S's where the same form
recurs), as general rules over the text's opening and sentence structure: a carry-out line the
transcription wraps, what is carried out named by its contents ("các chỉ tiêu, nhiệm vụ được
giao tại …", "chỉ đạo của … tại Văn bản số …"), a paragraph on a document's aims. Each case
reads a real batch text in data/sources."""

from __future__ import annotations

from tests.ingest.common import documents_of, implemented_by


def test_a_bare_carry_out_line_governs_the_wrapped_list_below_it() -> None:
    """Bắc Giang 324/KH-UBND: "Thực hiện" / "Quyết định số 942/QĐ-TTg … phê duyệt Chiến" /
    "lược phát triển Chính phủ điện tử … giai đoạn 2021-2025," / "định hướng đến năm 2030 và
    Nghị quyết số 111-NQ/TU … của Tỉnh ủy" — both acts are carried out; the strategy the
    decision approves is the decision's business, and the resolution after "và" is back at the
    decision's level."""
    assert implemented_by("dev-t-bac-giang-kh324", "324/KH-UBND") == ["942/QĐ-TTg", "111-NQ/TU"]


def test_direction_given_in_a_letter_is_carried_out() -> None:
    """Kon Tum 1570/KH-UBND: "Thực hiện chỉ đạo của Ban Thường vụ Tỉnh ủy tại Văn bản số
    1679-CV/TU ngày 28 tháng 4 năm 2025" — the Party letter is carried out, beside 71/NQ-CP and
    95-CTr/TU of the lines above."""
    assert implemented_by("dev-t-kon-tum-kh1570", "1570/KH-UBND") == [
        "71/NQ-CP",
        "95-CTr/TU",
        "1679-CV/TU",
    ]


def test_a_documents_aims_carry_out_the_targets_set_in_others() -> None:
    """Bắc Giang QĐ 1723: "Mục tiêu tổng quát của Đề án nhằm …; thực hiện hoàn thành các chỉ
    tiêu, nhiệm vụ được giao tại Nghị quyết số 433-NQ/TU … và Nghị quyết số 111-NQ/TU" — the
    project carries out both resolutions, and so does the decision that approves it."""
    assert implemented_by("dev-t-bac-giang-qd1723", "1723/QĐ-UBND") == ["433-NQ/TU", "111-NQ/TU"]
    (project,) = [d for d in documents_of("dev-t-bac-giang-qd1723") if d.part_of is not None]
    assert project.ref.title == "Đề án chuyển đổi số tỉnh Bắc Giang năm 2025"
    assert [ref.number for ref in project.implements] == ["433-NQ/TU", "111-NQ/TU"]


def test_a_letters_direction_is_carried_out_across_a_wrapped_line() -> None:
    """Batch S, Nghệ An: "Công văn số 4857/UBND-VX ngày 12/6, Phó Chủ tịch UBND tỉnh … giao" /
    "Sở GD&ĐT chủ trì, … triển khai thực hiện có hiệu quả ý kiến chỉ đạo của Bộ GD&ĐT" / "tại
    Công văn số 2781/BGDĐT-GDTH …" — the province's letter carries out the ministry's."""
    assert implemented_by("dev-s-nghe-an-hoc-ba-so", "4857/UBND-VX") == ["2781/BGDĐT-GDTH"]


def plans_of(stem: str) -> list[str | None]:
    return [d.ref.title for d in documents_of(stem) if d.ref.doc_type == "Plan"]


def test_a_plan_named_in_lower_case_after_a_verb_that_issues_it_is_a_document() -> None:
    """Bình Thuận: "UBND tỉnh vừa ban hành kế hoạch về chuyển đổi số, phát triển chính quyền số,
    kinh tế số và xã hội số năm 2024." — and batch S's Đồng Tháp ("vừa ban hành kế hoạch về phát
    triển kinh tế số …") and Bộ Y tế ("ký quyết định phê duyệt kế hoạch triển khai hồ sơ sức khỏe
    điện tử nhằm …"): the plan a news text reports, its title up to the sentence's end or verb."""
    assert plans_of("dev-t-binh-thuan-kh-2024") == [
        "Kế hoạch về chuyển đổi số, phát triển chính quyền số, kinh tế số và xã hội số năm 2024"
    ]
    assert plans_of("dev-s-dong-thap-kinh-te-so") == [
        "Kế hoạch về phát triển kinh tế số ngành, lĩnh vực trên địa bàn tỉnh năm 2025"
    ]
    assert plans_of("dev-s-byt-ho-so-suc-khoe") == ["Kế hoạch triển khai hồ sơ sức khỏe điện tử"]


def test_a_lower_case_plans_title_keeps_a_quoted_name_and_stops_before_vua() -> None:
    """Tây Ninh: "đang triển khai kế hoạch thực hiện phong trào “Bình dân học vụ số” trên địa
    bàn, giai đoạn 2025-2026." (the quoted name is inside the title); batch S's Vĩnh Long: "mục
    tiêu của kế hoạch thực hiện chuyển đổi số đến năm 2025 và định hướng đến năm 2030 vừa được
    UBND tỉnh Vĩnh Long ban hành" (the title stops before "vừa được")."""
    assert plans_of("dev-t-tay-ninh-binh-dan-hoc-vu-so") == [
        'Kế hoạch thực hiện phong trào "Bình dân học vụ số" trên địa bàn, giai đoạn 2025-2026'
    ]
    assert plans_of("dev-s-vinh-long-kinh-te-so") == [
        "Kế hoạch thực hiện chuyển đổi số đến năm 2025 và định hướng đến năm 2030"
    ]


def test_a_title_stops_before_a_lower_case_plan_and_the_sentences_subject() -> None:
    """Bình Phước: "Thực hiện Nghị quyết về chuyển đổi số đến năm 2025 và kế hoạch triển khai
    thực hiện Chương trình … giai đoạn 2022-2025, tỉnh đã đề ra mục tiêu …" — the resolution's
    title ends before "và kế hoạch", and no title ends on ", tỉnh" (the subject of "đã đề ra")."""
    titles = [d.ref.title or "" for d in documents_of("dev-t-binh-phuoc-nong-thon-moi-so")]
    assert titles[0] == "Nghị quyết về chuyển đổi số đến năm 2025"
    assert titles[1].startswith("Kế hoạch triển khai thực hiện Chương trình chuyển đổi số")
    assert all(t.endswith("giai đoạn 2022-2025") for t in titles[1:])


def test_a_headline_restating_a_numbered_act_is_that_act() -> None:
    """NIC: the headline "Thủ tướng ký Quyết định thành lập Trung tâm Đổi mới sáng tạo Quốc gia"
    beside "vừa ký Quyết định số 1269/QĐ-TTg thành lập Trung tâm Đổi mới sáng tạo Quốc gia" —
    one decision, not a second unnumbered one."""
    decisions = [d for d in documents_of("dev-t-ttg-qd1269-nic") if d.ref.doc_type == "Decision"]
    assert [d.ref.number for d in decisions] == ["1269/QĐ-TTg"]


def test_a_document_a_task_is_to_make_is_not_yet_a_document() -> None:
    """NIC: "Thủ tướng giao Bộ Kế hoạch và Đầu tư quy định …; phê duyệt Quy chế tổ chức và hoạt
    động của Trung tâm; quyết định thành lập và phê duyệt Quy chế hoạt động của Hội đồng quản
    lý …" and batch S's Thanh Hóa "tham mưu cho Chủ tịch UBND tỉnh ban hành Quyết định công bố
    kết quả đánh giá, xếp loại" — rules and a decision still to be made, named by no number."""
    assert [d.ref.number for d in documents_of("dev-t-ttg-qd1269-nic")] == ["1269/QĐ-TTg"]
    assert documents_of("dev-s-thanh-hoa-bo-chi-so-cds") == ()


def test_a_short_number_with_its_year_and_issuer_is_resolved() -> None:
    """Batch S, Bộ KH&CN: "Quyết định số 149/QĐ-BKHCN … ban hành Kế hoạch của Bộ KH&CN thực
    hiện Nghị quyết số 03 năm 2025 của Chính phủ" — "số 03 năm 2025" is the number and its year,
    the Government's series gives 03/NQ-CP, which the decision carries out through its plan."""
    assert implemented_by("dev-s-bkhcn-qd149", "149/QĐ-BKHCN") == ["03/NQ-CP"]


def test_a_figure_or_a_negation_after_a_head_noun_is_no_title() -> None:
    """Batch S: "Tổng kinh phí thực hiện Đề án gần 1.300 tỷ đồng, …" (Bến Tre) and "… của Đề án
    không trùng lắp với các nhiệm vụ, giải pháp khác …" (VPCP 3820) — the project spoken of,
    not projects titled "gần 1.300 tỷ đồng" or "không trùng lắp"."""
    for stem in ("dev-s-ben-tre-de-an-cds", "dev-s-vpcp-cv3820"):
        titles = [d.ref.title or "" for d in documents_of(stem)]
        assert not [t for t in titles if t.startswith(("Đề án gần", "Đề án không"))]


def test_a_lower_case_action_plan_named_by_its_issuer_is_a_document() -> None:
    """Batch Q: "Trong vấn đề phát triển kinh tế số, kế hoạch hành động của Uỷ ban Quốc gia về
    chuyển đổi số đặt mục tiêu …" — the plan named by the body that issued it (the issuer's name,
    "của" included, is its title; "đặt mục tiêu" is the sentence's verb)."""
    assert plans_of("dev-q-ubqgcds-kh2023") == [
        "Kế hoạch hành động của Ủy ban Quốc gia về chuyển đổi số"
    ]


def test_vua_ends_a_title_only_before_a_verb_of_issuing() -> None:
    """Batch M, the Government's steering committee: "Đề án chuyển đổi số các doanh nghiệp vừa
    và nhỏ" keeps "vừa và nhỏ" (small and medium), where Vĩnh Long's "… vừa được UBND tỉnh Vĩnh
    Long ban hành" ends the plan's title."""
    titles = [d.ref.title or "" for d in documents_of("dev-m-bcd-cp-phien5")]
    assert any("doanh nghiệp vừa và nhỏ" in t for t in titles)
