"""Targets on batch T's misses (issue 13), read from the real texts of data/sources: the year of
a year plan a text opens with governs its targets, a horizon carries over paragraphs that go on
with the same goals, stages of a period give no year, a minimum opening a coordinated list
governs its items, and units are read whole ("350 USD/người/năm", "500.000 người dân")."""

from __future__ import annotations

from tests.ingest.common import SOURCES, source_targets


def _stated(name: str) -> set[tuple[float | None, str | None, int | None]]:
    """(value, comparator, year) of each target, the year only where the text states it (an
    inferred horizon is no statement, as in the gold format)."""
    return {
        (t.value, t.comparator, None if t.year_inferred else t.year) for t in source_targets(name)
    }


def test_a_year_plan_named_in_the_opening_gives_its_targets_their_year(catalogue):
    # "UBND tỉnh vừa ban hành kế hoạch về chuyển đổi số, … năm 2024." then "Mục tiêu cụ thể, …
    # Tỷ lệ dữ liệu số trong từng ngành, lĩnh vực đạt 60%; …" and "Về kinh tế số, … tối thiểu 9%"
    levels = _stated("dev-t-binh-thuan-kh-2024.txt")
    assert {(60, "eq", 2024), (9, "gte", 2024), (7, "gte", 2024), (30, "gt", 2024)} <= levels
    assert {year for _value, _comparator, year in levels} == {2024}
    # "… ký ban hành Kế hoạch số 19/KH-UBND về việc triển khai phong trào “Bình dân học vụ số”
    # năm 2026." then "Mục tiêu mà Kế hoạch đề ra là 100% cán bộ, …"
    levels = _stated("dev-t-gia-lai-binh-dan-hoc-vu-so-2026.txt")
    assert {(100, "eq", 2026), (90, "eq", 2026)} <= levels


def test_stages_of_a_period_give_no_year(catalogue):
    # "… xác định mục tiêu chuyển đổi số cụ thể các giai đoạn 2025-2030 như: Bảo đảm hơn 80% …"
    levels = _stated("dev-t-tuyen-quang-muc-tieu-cap-xa.txt")
    assert {(80, "gt", None), (80, "gte", None), (100, "eq", None)} <= levels
    assert all(year is None for _value, _comparator, year in levels)


def test_a_horizon_carries_over_paragraphs_that_go_on_with_the_goals(catalogue):
    # "Phấn đấu đến năm 2030, Sóc Trăng hoàn thành …" then "Khi đó, 100% hồ sơ công việc … đối với
    # cấp tỉnh; 90% đối với cấp huyện; 70% đối với cấp xã; …" and "Tỉnh phấn đấu kinh tế số chiếm
    # 30% GRDP; … tối thiểu 20%; … tối thiểu 8%; … đạt 100%;"
    levels = _stated("dev-t-soc-trang-muc-tieu-2030.txt")
    expected = {(100, "eq", 2030), (90, "eq", 2030), (70, "eq", 2030), (30, "eq", 2030)}
    assert expected | {(20, "gte", 2030), (8, "gte", 2030)} <= levels
    # "mục tiêu cụ thể năm 2023 về hạ tầng số, … 70% …; 100% …" then the paragraph "Về chính
    # quyền số, 100% thủ tục hành chính …; tỷ lệ hồ sơ … đạt 60%"
    assert {(100, "eq", 2023), (60, "eq", 2023)} <= _stated("dev-t-binh-phuoc-muc-tieu-2023.txt")
    # "tỉnh đã đề ra mục tiêu đến năm 2025, …" … "Đối với xã hội số, có ít nhất 40% đơn vị …"
    assert (40, "gte", 2025) in _stated("dev-t-binh-phuoc-nong-thon-moi-so.txt")


def test_a_figure_opening_a_paragraph_is_the_next_goal_and_a_credited_caption_no_second(catalogue):
    # "100% người dân trưởng thành có tri thức cơ bản về CĐS, …" as a paragraph of its own after
    # the plan's goals; the caption "Gia Lai phấn đấu 90% người dân … trong năm 2026. Ảnh: Mộc
    # Trà" restates the body's "phấn đấu 90% người dân …"
    targets = source_targets("dev-t-gia-lai-binh-dan-hoc-vu-so-2026.txt")
    assert any(t.value == 100 and "người dân trưởng thành" in t.evidence.quote for t in targets)
    nineties = [t for t in targets if t.value == 90]
    assert len(nineties) == 1
    caption = (SOURCES / "dev-t-gia-lai-binh-dan-hoc-vu-so-2026.txt").read_text(encoding="utf-8")
    assert nineties[0].evidence.start < caption.index("Gia Lai phấn đấu 90%")  # the body's
