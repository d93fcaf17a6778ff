"""Targets and indicators on batch V's misses (issue 13), read from the real texts of
data/sources, with the variants of each form the other batches write or the form admits: a list
of goals carried over paragraphs ("Cùng đó, phấn đấu …", "Gia Lai cũng phấn đấu …"), "chỉ đạt"
(only reached) told from "chứng chỉ đạt" (a certificate), shares given together ("A, B, C và D
tương ứng w%, x%, y% và z%"), health services per population ("30 giường bệnh/vạn dân"), the
phrase after a figure ended by the next measure, GRDP per head written per year or per person,
and a rank whose measure only the next year's rank names."""

from __future__ import annotations

from ingest.extract.sentences import Span
from ingest.extract.target_context import continues_list
from ingest.extract.target_lists import is_result
from ingest.extract.target_ranks import RANK_TAIL
from ingest.extract.target_respective import respective_figures
from ingest.resolve import resolve_indicator
from ingest.resolve.measure_words import money_per_head
from tests.ingest.common import source_targets, target_tuples, variant_targets

GIA_LAI = "dev-v-gia-lai-muc-tieu-2030.txt"


def test_a_list_carried_over_paragraphs_keeps_its_year(catalogue):
    # "… đặt mục tiêu phấn đấu đến năm 2030, …" then "Cùng đó, phấn đấu tỷ lệ lao động qua đào
    # tạo 73% (trong đó, … có bằng cấp, chứng chỉ đạt trên 25%); …" then "Gia Lai cũng phấn đấu
    # tỷ lệ che phủ rừng đạt 49,2% …"
    found = target_tuples(GIA_LAI)
    for item in [
        (73, None, "eq", "%", 2030),
        (25, None, "gt", "%", 2030),
        (1, 2, "range", "%/năm", 2030),
        (100, None, "eq", "%", 2030),
        (77.5, None, "eq", "%", 2030),
        (90, None, "gte", "%", 2030),
        (49.2, None, "eq", "%", 2030),
    ]:
        assert item in found, item
    assert not any(year is None for *_rest, year in found)
    # the variants of the opening: "Cùng với đó, …" (batch S's Bộ KH&CN plan), "Song song đó, …"
    for opening in ("Cùng đó, phấn đấu", "Cùng với đó,", "Song song với đó,", "Song song đó,"):
        assert continues_list(f"{opening} tỷ lệ che phủ rừng đạt 49,2%."), opening
    assert (2, None, "eq", "% GDP", 2030) in target_tuples("dev-s-bkhcn-qd149.txt")
    variant = variant_targets(
        "Đến năm 2030, tỷ lệ đô thị hóa đạt 40%.\nSong song đó, tỷ lệ che phủ rừng đạt 45%.\n",
        catalogue,
    )
    assert {(t.value, t.year) for t in variant} == {(40, 2030), (45, 2030)}


def test_only_reached_is_a_result_but_a_certificate_reached_is_not():
    certificate = "lao động qua đào tạo có bằng cấp, chứng chỉ đạt trên 25%"
    assert not is_result(certificate, 0, len(certificate))
    address = "tỷ lệ hộ có địa chỉ đạt 90%"
    assert not is_result(address, 0, len(address))
    only = "tỷ lệ lao động qua đào tạo chỉ đạt 60%"
    assert is_result(only, 0, len(only))


def test_shares_given_together_are_one_target_each(catalogue):
    # "Tỷ trọng nông - lâm - thủy sản, công nghiệp - xây dựng, dịch vụ, thuế sản phẩm tương ứng
    # 26,62%, 28,94%, 39,84% và 4,6%" under "… đến năm 2030, …"
    quote = (
        "Tỷ trọng nông - lâm - thủy sản, công nghiệp - xây dựng, dịch vụ, thuế sản phẩm tương ứng "
        "26,62%, 28,94%, 39,84% và 4,6%"
    )
    shares = {t.value: t for t in source_targets(GIA_LAI) if t.evidence.quote == quote}
    assert {v: t.indicator_text for v, t in shares.items()} == {
        26.62: "tỷ trọng nông - lâm - thủy sản",
        28.94: "tỷ trọng công nghiệp - xây dựng",
        39.84: "tỷ trọng dịch vụ",
        4.6: "tỷ trọng thuế sản phẩm",
    }
    assert {(t.unit, t.comparator, t.year) for t in shares.values()} == {("%", "eq", 2030)}


def _respective(text: str) -> dict[float, str]:
    return {
        r.quantity.value: r.label for r in respective_figures(text, Span(0, len(text))).values()
    }


def test_shares_given_together_in_their_variants():
    # "lần lượt là", a verb before "tương ứng", a lead-in before the measures, "và" between items
    assert _respective("Tỷ lệ hộ nghèo, hộ cận nghèo lần lượt là 2% và 3%.") == {
        2: "tỷ lệ hộ nghèo",
        3: "tỷ lệ hộ cận nghèo",
    }
    assert _respective(
        "Đến năm 2030, kinh tế số và thương mại điện tử chiếm tương ứng 30% và 15% GRDP."
    ) == {30: "kinh tế số", 15: "thương mại điện tử"}
    assert _respective("Cùng đó, tỷ trọng công nghiệp, dịch vụ tương ứng đạt 40%, 45%;") == {
        40: "tỷ trọng công nghiệp",
        45: "tỷ trọng dịch vụ",
    }
    # a short subject before the goal verb is no measure
    assert _respective("Tỉnh phấn đấu kinh tế số, thương mại điện tử tương ứng 30% và 10%.") == {
        30: "kinh tế số",
        10: "thương mại điện tử",
    }
    assert _respective("Gia Lai cũng đặt mục tiêu tỷ lệ A, B lần lượt đạt 5% và 6%.") == {
        5: "tỷ lệ A",
        6: "tỷ lệ B",
    }
    # as many measures as figures, or no such reading
    assert _respective("Tỷ trọng công nghiệp, dịch vụ, nông nghiệp tương ứng 40% và 45%.") == {}
    assert _respective("Tỷ lệ đô thị hóa đạt 40%, tương ứng 1,2 triệu người.") == {}


def test_health_services_per_population_are_counted_rates():
    # "đạt 30 giường bệnh/vạn dân, 10 bác sĩ/vạn dân"
    found = target_tuples(GIA_LAI)
    assert (30, None, "eq", "giường bệnh/vạn dân", 2030) in found
    assert (10, None, "eq", "bác sĩ/vạn dân", 2030) in found
    labels = {t.value: t.indicator_text for t in source_targets(GIA_LAI)}
    assert labels[30] == "giường bệnh/vạn dân" and labels[10] == "bác sĩ/vạn dân"
    # batch S's "12 người/vạn dân" keeps its reading
    assert (12, None, "eq", "người/vạn dân", 2030) in target_tuples("dev-s-bkhcn-qd149.txt")


def test_the_phrase_after_a_figure_ends_at_the_next_measure():
    # "có trên 82% số xã đạt chuẩn nông thôn mới, tỷ lệ xã đạt chuẩn nông thôn mới nâng cao
    # chiếm trên 20%"
    labels = {t.value: t.indicator_text for t in source_targets(GIA_LAI)}
    assert labels[82] == "tỉ lệ xã đạt chuẩn nông thôn mới"
    assert labels[20] == "tỷ lệ xã đạt chuẩn nông thôn mới nâng cao"
    # batch U's "có ít nhất 3 huyện/thành phố đạt chuẩn nông thôn mới, tổng số trường học đạt
    # chuẩn quốc gia 375 trường, …": "tổng số" opens the next measure and heads it
    lang_son = {t.value: t.indicator_text for t in source_targets("dev-u-lang-son-kh23.txt")}
    assert lang_son[3] == "huyện/thành phố đạt chuẩn nông thôn mới"
    assert lang_son[375] == "tổng số trường học đạt chuẩn quốc gia"


def test_grdp_per_head_is_one_measure_per_year_or_per_person(catalogue):
    # body "GRDP bình quân đầu người 133 triệu đồng/năm", headline "GRDP bình quân đạt 133 triệu
    # đồng/người vào năm 2030": one target, the product per head (not income per head)
    per_head = [t for t in source_targets(GIA_LAI) if t.value == 133]
    assert [(t.unit, t.indicator_key) for t in per_head] == [("triệu đồng/năm", "grdp-per-capita")]
    for unit in ("triệu đồng/năm", "triệu đồng/người", "USD/người", "triệu đồng/người/năm"):
        assert money_per_head(unit), unit
        key = resolve_indicator("GRDP bình quân đầu người", unit, catalogue, provincial=True)
        assert key == "grdp-per-capita", unit
    assert not money_per_head("tỷ đồng") and not money_per_head("người/vạn dân")
    income = resolve_indicator("thu nhập bình quân đầu người", "triệu đồng/năm", catalogue, True)
    assert income == "income-per-capita-local"


def test_a_rank_leaves_its_measure_to_the_next_years_rank(catalogue):
    # "Đồng Tháp đặt mục tiêu đến năm 2025 nằm trong top 25 và đến năm 2030, Đồng Tháp nằm trong
    # top 20 tỉnh, thành phố có chỉ số chuyển đổi số tốt nhất của cả nước …"
    ranks = [t for t in source_targets("dev-v-dong-thap-muc-tieu-dti.txt") if t.unit == "thứ bậc"]
    assert [(t.value, t.year, t.indicator_key) for t in ranks] == [
        (25, 2025, "dti-rank"),
        (20, 2030, "dti-rank"),
    ]
    assert ranks[0].evidence.quote == "Đồng Tháp đặt mục tiêu đến năm 2025 nằm trong top 25"
    # the rank's span stops before another year's rank, not before the topics it lists
    assert RANK_TAIL.match(" và đến năm 2030, Đồng Tháp").group() == ""
    assert RANK_TAIL.match(" và năm 2030 top 10").group() == ""
    tail = " tỉnh dẫn đầu về chuyển đổi số và đổi mới sáng tạo; "
    assert RANK_TAIL.match(tail).group() == " tỉnh dẫn đầu về chuyển đổi số và đổi mới sáng tạo"


def test_whom_a_service_serves_is_not_what_is_measured(catalogue):
    # "60% dịch vụ công trực tuyến toàn trình có ứng dụng AI hỗ trợ người dân, doanh nghiệp":
    # services offered fully online (provision), not their use by people and firms
    keys = {t.value: t.indicator_key for t in source_targets("dev-v-dak-nong-de-an-2030.txt")}
    assert keys[60] == "online-public-service-provision-local"
    for served in (
        "hỗ trợ người dân, doanh nghiệp",
        "phục vụ cho người dân",
        "hỗ trợ doanh nghiệp",
    ):
        phrase = f"tỉ lệ dịch vụ công trực tuyến toàn trình {served}"
        key = resolve_indicator(phrase, "%", catalogue, provincial=True)
        assert key == "online-public-service-provision-local", served
    # use stays use
    used = "tỉ lệ người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến"
    assert (
        resolve_indicator(used, "%", catalogue, provincial=False) == "online-public-service-usage"
    )


def test_the_workforce_heads_its_measure(catalogue):
    # "nhân lực lao động kinh tế số trong lực lượng lao động đạt trên 2%": a share of the
    # workforce, not the digital economy's share of GRDP
    (workforce,) = [
        t for t in source_targets("dev-v-hau-giang-kh128-kinh-te-so.txt") if t.value == 2
    ]
    assert workforce.indicator_text == "nhân lực lao động kinh tế số trong lực lượng lao động"
    assert workforce.indicator_key is None
    # batch S's "nguồn nhân lực nghiên cứu khoa học, … đạt 12 người/vạn dân" keeps "nguồn"
    (researchers,) = [t for t in source_targets("dev-s-bkhcn-qd149.txt") if t.value == 12]
    assert researchers.indicator_text.startswith("nguồn nhân lực nghiên cứu khoa học")
    assert researchers.indicator_key == "researchers-per-10000"


def test_a_plans_own_verb_is_nothing_done_to_what_it_counts():
    # "Phấn đấu 08 huyện, thành phố có Trung tâm điều hành thông minh"
    (centres,) = [
        t for t in source_targets("dev-v-dak-nong-de-an-2030.txt") if t.unit == "huyện, thành phố"
    ]
    assert centres.indicator_text == "huyện, thành phố có Trung tâm điều hành thông minh"
