"""Targets on batch R's misses (issue 13), read from the real texts of data/sources: a list
continued in the next paragraph keeps its year, a year-by-year path without cue words gives one
target per year, results and restatements are no targets, month deadlines give their year, and
units are written as the gold format says ("%" for a population share, "% GRDP", rates)."""

from __future__ import annotations

from datetime import date

from ingest.extract.table_targets import normalise_unit
from ingest.extract.target_phrases import path_measure
from ingest.extract.target_results import is_equivalent, reports_past
from ingest.model import TargetFact
from ingest.resolve import resolve_indicator
from ingest.sources import read_source
from tests.ingest.common import SOURCES, source_targets


def _by_value(name: str, catalogue) -> dict[float, TargetFact]:
    return {t.value: t for t in source_targets(name) if t.value is not None}


def test_a_list_continued_by_ngoai_ra_keeps_the_years_of_the_paragraph_before(catalogue):
    # "… đặt mục tiêu đến hết năm 2025, tỷ trọng kinh tế số đạt 35% GRDP; …" then the next
    # paragraph "Ngoài ra, thành phố hướng tới đạt tỷ lệ trên 0,7 doanh nghiệp …; 85% …"
    targets = source_targets("dev-r-hai-phong-kh106.txt")
    assert len(targets) == 7
    assert {t.year for t in targets} == {2025}
    assert {t.scope for t in targets} == {"hai-phong"}
    got = {(t.value, t.comparator, t.unit) for t in targets}
    assert got == {
        (35, "eq", "% GRDP"),
        (15, "gte", "%"),
        (15, "gt", "%"),
        (0.7, "gt", "doanh nghiệp/1.000 dân"),
        (85, "eq", "%"),
        (50, "gt", "%"),
        (80, "eq", "%"),
    }


def test_a_count_per_thousand_people_is_one_rate_quoted_whole(catalogue):
    density = _by_value("dev-r-hai-phong-kh106.txt", catalogue)[0.7]
    assert density.indicator_key == "digital-tech-enterprise-density"
    assert density.indicator_text == "doanh nghiệp công nghệ số/1.000 dân"


def test_a_population_share_is_a_percentage_of_the_people_it_names(catalogue):
    # "85% dân số từ 15 tuổi trở lên có tài khoản thanh toán …": "trở lên" qualifies the age
    accounts = _by_value("dev-r-hai-phong-kh106.txt", catalogue)[85]
    assert accounts.unit == "%"
    assert "có tài khoản thanh toán" in accounts.indicator_text
    assert accounts.indicator_key == "bank-account-ownership"


def test_a_year_by_year_path_without_cue_words_gives_one_target_per_year(catalogue):
    # "Theo dự kiến, GRDP bình quân đầu người sẽ tăng dần qua các năm: năm 2026 đạt 133,5
    # triệu đồng; năm 2027 đạt 150,64 triệu đồng; … và đến năm 2030 đạt 220,12 triệu đồng."
    path = {
        t.year: t
        for t in source_targets("dev-r-tay-ninh-dai-hoi-grdp.txt")
        if t.comparator == "eq" and t.unit == "triệu đồng"
    }
    assert {year: t.value for year, t in path.items()} == {
        2026: 133.5,
        2027: 150.64,
        2028: 170.2,
        2029: 190.92,
        2030: 220.12,
    }
    assert {t.indicator_key for t in path.values()} == {"grdp-per-capita"}


def test_path_measure_reads_the_measure_before_the_colon_only():
    lead = "Theo dự kiến, GRDP bình quân đầu người sẽ tăng dần qua các năm: "
    assert path_measure(lead) == "GRDP bình quân đầu người"
    assert path_measure("Tỉnh đề ra các nhiệm vụ như sau: ") == ""  # no measure named
    assert path_measure("GRDP bình quân đầu người sẽ tăng dần") == ""  # no colon, no path


def test_results_of_past_years_and_restatements_are_no_targets(catalogue):
    # "năm 2020 GRDP bình quân đầu người của Tây Ninh đạt 3.249 USD, tương đương 75,41 triệu
    # đồng/người/năm", "tương đương 118,25 triệu đồng", "so với năm 2020, … tăng khoảng 47% …
    # và hơn 56% tính theo VNĐ"
    values = set(_by_value("dev-r-tay-ninh-dai-hoi-grdp.txt", catalogue))
    assert not values & {3249, 75.41, 118.25, 47, 56, 8000}
    assert {210, 94} <= values  # the congress's 2030 targets stay


def test_a_range_and_an_about_figure_read_as_the_gold_format_says(catalogue):
    # "GRDP bình quân đầu người từ 210 đến 225 triệu đồng": range, value_max 225;
    # "khoảng 94 triệu đồng/năm": approx
    targets = _by_value("dev-r-tay-ninh-dai-hoi-grdp.txt", catalogue)
    grdp = targets[210]
    assert (grdp.upper_value, grdp.comparator, grdp.unit, grdp.year) == (
        225,
        "range",
        "triệu đồng",
        2030,
    )
    assert grdp.indicator_key == "grdp-per-capita"
    assert targets[94].comparator == "approx"


def test_a_per_year_income_keeps_its_rate_unit(catalogue):
    # "thu nhập bình quân đầu người khoảng 94 triệu đồng/năm"
    income = _by_value("dev-r-tay-ninh-dai-hoi-grdp.txt", catalogue)[94]
    assert (income.unit, income.comparator, income.year) == ("triệu đồng/năm", "approx", 2030)
    # "(tương đương 8.000-8.500 USD) và thu nhập …": the quote starts after the bracket
    original = read_source(SOURCES / "dev-r-tay-ninh-dai-hoi-grdp.txt").original
    quote = original[income.evidence.start : income.evidence.end]
    assert quote == "thu nhập bình quân đầu người khoảng 94 triệu đồng/năm"


def test_reports_past_on_the_texts_sentences():
    text = "Theo số liệu thống kê, năm 2020 GRDP bình quân đầu người của Tây Ninh đạt 3.249 USD"
    assert reports_past(text, 0, text.index("3.249"), 2020, date(2025, 10, 9))
    text = "Như vậy, so với năm 2020, GRDP bình quân đầu người tăng khoảng 47% tính theo USD"
    assert reports_past(text, 0, text.index("47"), None, date(2025, 10, 9))
    # a growth rate over a period still to come is a target; over one ended, a result
    text = (
        "Theo đó, Quảng Ngãi phấn đấu tốc độ tăng trưởng GRDP bình quân giai đoạn 2026-2030 đạt"
        " trên 10%/năm"
    )
    assert not reports_past(text, 0, text.index("10%"), None, date(2025, 10, 1))
    past = text.replace("Theo đó, Quảng Ngãi phấn đấu t", "T")
    assert reports_past(past, 0, past.index("10%"), None, date(2030, 12, 31))
    assert not reports_past(past, 0, past.index("10%"), None, date(2025, 10, 1))


def test_is_equivalent_reads_a_restatement():
    text = "năm 2020 … đạt 3.249 USD, tương đương 75,41 triệu đồng/người/năm"
    assert is_equivalent(text, text.index("75,41"), 0)
    assert not is_equivalent(text, text.index("3.249"), 0)


def test_a_month_deadline_gives_its_year_and_the_next_stage_keeps_the_measure(catalogue):
    # "Bảo đảm đến tháng 7/2021 ít nhất 50% hồ sơ, công việc tại đơn vị (trừ văn bản mật) được
    # xử lý trên mô trường mạng; đến tháng 12/2021 đạt tỷ lệ là 100%."
    targets = _by_value("dev-r-bgtvt-cpdt-2021.txt", catalogue)
    assert (targets[50].comparator, targets[50].year) == ("gte", 2021)
    assert (targets[100].comparator, targets[100].year) == ("eq", 2021)
    assert targets[100].indicator_text == targets[50].indicator_text


def test_income_per_capita_is_no_grdp_per_capita(catalogue):
    # "thu nhập bình quân đầu người khoảng 94 triệu đồng/năm": what people earn, not the
    # province's product per head: income per head has its own curated indicator
    income = _by_value("dev-r-tay-ninh-dai-hoi-grdp.txt", catalogue)[94]
    assert income.indicator_key == "income-per-capita-local"
    assert resolve_indicator("GRDP bình quân đầu người", "triệu đồng", catalogue) == (
        "grdp-per-capita"
    )


def test_a_share_within_each_sector_is_not_the_sectors_share_of_the_digital_economy(catalogue):
    # "kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu 15%" (Strategy 411's measure) against
    # 57-NQ/TW's "kinh tế số các ngành, lĩnh vực chiếm tối thiểu 70% kinh tế số"
    within = _by_value("dev-r-hai-phong-kh106.txt", catalogue)
    (each,) = [t for t in source_targets("dev-r-hai-phong-kh106.txt") if t.comparator == "gte"]
    assert each.indicator_text == "kinh tế số trong từng ngành, lĩnh vực"
    assert each.indicator_key == "digital-economy-share-each-sector"
    assert within[35].indicator_key == "digital-economy-share-grdp"
    assert resolve_indicator("kinh tế số các ngành, lĩnh vực", "%", catalogue) == (
        "sectoral-digital-economy-share"
    )


def test_an_exclusion_in_brackets_does_not_cut_the_measure(catalogue):
    # "ít nhất 50% hồ sơ, công việc tại đơn vị (trừ văn bản mật) được xử lý trên mô trường mạng"
    targets = _by_value("dev-r-bgtvt-cpdt-2021.txt", catalogue)
    assert "được xử" in targets[50].indicator_text
    assert {targets[50].indicator_key, targets[100].indicator_key} == {
        "end-to-end-electronic-records"
    }


def test_table_units_are_the_counted_noun_and_an_index_is_chi_so():
    # Appendix I of 03/NQ-CP: rows 38 ("Số doanh nghiệp/1000 dân") and 14 (HDI)
    assert normalise_unit("Số doanh nghiệp/1000 dân") == "doanh nghiệp/1000 dân"
    assert normalise_unit("Chỉ số phát triển con người (HDI)") == "chỉ số"
    assert normalise_unit("Sàn dữ liệu") == "sàn dữ liệu"
