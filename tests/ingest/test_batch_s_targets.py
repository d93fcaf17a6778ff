"""Targets on batch S's misses (issue 13), read from the real texts of data/sources: a numbered
heading "(1) …, đến năm 2025:" gives its list a year, a paired level "(năm 2030 đạt 100%)" keeps
its own year, and a minimum opening a clause ("Tối thiểu 90% …, 80% … và 60% …") governs the
figures of that clause."""

from __future__ import annotations

from tests.ingest.common import source_targets


def _levels(name: str, catalogue) -> set[tuple[float, str, int | None]]:
    return {(t.value, t.comparator, t.year) for t in source_targets(name) if t.value}


def test_paired_levels_keep_their_year_and_the_heading_gives_the_rest(catalogue):
    # "(1) Về xây dựng và phát triển chính quyền số, đến năm 2025:" then "- Tối thiểu 90% hồ sơ
    # công việc cấp tỉnh (năm 2030 đạt 100%), 80% … cấp huyện (năm 2030 đạt 90%) và 60% … cấp xã
    # (năm 2030 đạt 70%)"
    levels = _levels("dev-s-tra-vinh-kh50.txt", catalogue)
    assert {(90, "gte", 2025), (80, "gte", 2025), (60, "gte", 2025)} <= levels
    assert {(100, "eq", 2030), (90, "eq", 2030), (70, "eq", 2030)} <= levels


def test_a_minimum_governs_the_figures_of_its_clause_only(catalogue):
    # "Tối thiểu 50% lao động được trang bị kỹ năng số cơ bản và 20% có kỹ năng số chuyên sâu;
    # 100% cán bộ, công chức, viên chức …"
    by_value = {t.value: t for t in source_targets("dev-s-lao-cai-kh-dot-pha.txt")}
    assert by_value[50].comparator == "gte"
    assert by_value[20].comparator == "gte"
    assert by_value[100].comparator == "eq"


def test_a_lead_in_before_the_horizon_still_gives_the_paragraph_its_year(catalogue):
    # "Theo kế hoạch, đến cuối năm 2025, tỉnh Đồng Tháp đặt chỉ tiêu … . Đồng thời, 80% người dân
    # từ 15 tuổi trở lên có tài khoản …; 80% dân số trưởng thành có định danh điện tử VNeID …"
    assert {t.year for t in source_targets("dev-s-dong-thap-kinh-te-so.txt")} == {2025}
    # "Theo đó, đến năm 2025, tỷ trọng kinh tế số … . Tỉnh có 100% sản phẩm OCOP …; có ít nhất 10
    # sản phẩm …"
    levels = _levels("dev-s-vinh-long-kinh-te-so.txt", catalogue)
    assert {(100, "eq", 2025), (10, "gte", 2025)} <= levels


def test_a_headline_rounding_a_body_figure_and_a_credited_caption_are_not_counted_again(catalogue):
    # headline "Đến năm 2025, kinh tế số đóng góp khoảng 10% tổng sản phẩm nội địa" for the body's
    # "phấn đấu đến năm 2025 kinh tế số chiếm 10% GRDP của tỉnh"
    tens = [t for t in source_targets("dev-s-vinh-long-kinh-te-so.txt") if t.value == 10]
    assert sorted(t.comparator for t in tens) == ["eq", "gte", "gte"]
    # caption "… đến năm 2030, kinh phí chi cho R&D đạt 2% GDP. Ảnh minh họa." beside the body's
    twos = [t for t in source_targets("dev-s-bkhcn-qd149.txt") if t.value == 2]
    assert len(twos) == 1
    assert "Cùng với đó" in twos[0].evidence.quote


def test_a_place_written_vi_tri_is_a_rank(catalogue):
    # "Đến năm 2045, Chỉ số đổi mới sáng tạo toàn cầu (GII) đứng vị trí ≤ 30."
    ranks = [t for t in source_targets("dev-s-bkhcn-qd149.txt") if t.unit == "thứ bậc"]
    assert [(t.value, t.comparator, t.year, t.indicator_key) for t in ranks] == [
        (30, "lte", 2045, "gii-rank")
    ]


def test_a_goal_after_de_starts_at_its_figure_and_holds_from_its_school_year(catalogue):
    # "Sở Giáo dục và Đào tạo được giao … hướng dẫn triển khai để 100% cơ sở giáo dục phổ thông …
    # sử dụng sổ điểm điện tử và Học bạ số từ năm học 2025–2026."
    (target,) = source_targets("dev-s-phu-tho-hoc-ba-so.txt")
    assert (target.value, target.year) == (100, 2025)
    assert target.evidence.quote.startswith("100% cơ sở giáo dục phổ thông")


def test_a_second_attribute_of_the_same_population_is_a_measure_of_its_own(catalogue):
    # "80% dân số trưởng thành có định danh điện tử VNeID và 50% có chữ ký số cá nhân"
    by_value = {t.value: t for t in source_targets("dev-s-dong-thap-kinh-te-so.txt")}
    assert by_value[50].indicator_key == "digital-signature-adoption-local"
    assert by_value[50].evidence.quote.startswith("50% có chữ ký số cá nhân")
    assert by_value[80].indicator_key in {"digital-identity-accounts", "bank-account-ownership"}
