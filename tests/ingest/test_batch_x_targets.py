"""Targets and indicators on batch X's misses (issue 13), read from the real texts of
data/sources, with the variants of each form the other batches write or the form admits: a list
of bare figures carried over paragraphs keeps the horizon of the paragraph that opened it ("Theo
đó đến 2030, … đặt mục tiêu …" then "Tốc độ tăng trưởng … từ 11%/năm trở lên; …"), a stage's
goals are due by its end ("trong giai đoạn 2026 - 2027, Bộ phấn đấu …"), a figure list may open
with a lead-in ("Đồng thời, 100% …"), and a year plan named as a clause's subject after the
decision adopting it ("Theo Quyết định số …, kế hoạch chuyển đổi số năm 2025 của Bộ …")."""

from __future__ import annotations

from ingest.extract.sentences import Span
from ingest.extract.target_context import continues_list, goal_horizon
from ingest.extract.target_lists import is_figure_list
from ingest.extract.target_phrases import contribution_label
from ingest.extract.target_years import plan_year, sentence_deadline
from ingest.resolve import resolve_indicator
from tests.ingest.common import source_targets, target_tuples, variant_targets

DA_NANG = "dev-x-da-nang-dai-hoi-muc-tieu-2030.txt"
BDTTG = "dev-x-bdttg-kh447-cds-2026-2030.txt"
BCT = "dev-x-bct-qd792-cds-2025.txt"
HA_NOI_TTHC = "dev-x-ha-noi-tthc-truc-tuyen-2025.txt"
HCM = "dev-x-hcm-kinh-te-so-40-grdp-2030.txt"


def test_a_figure_list_over_paragraphs_keeps_the_opening_horizon(catalogue):
    # "Theo đó đến 2030, Đà Nẵng đặt mục tiêu …" then paragraphs of bare figures
    found = target_tuples(DA_NANG)
    for item in [
        (11, None, "gte", "%/năm", 2030),
        (28, None, "eq", "%", 2030),
        (10, None, "gte", "%/năm", 2030),
        (11.5, 12, "range", "%/năm", 2030),
    ]:
        assert item in found, item
    # a rate tied to a period in its own sentence keeps no year ("giai đoạn 2026-2030 …, tăng
    # bình quân 14-15%/năm")
    assert (14, 15, "range", "%/năm", None) in found
    variant = variant_targets(
        "Tiêu đề\nTheo đó, đến năm 2030, tỉnh đặt mục tiêu tỷ lệ đô thị hóa đạt 50%.\n"
        "Tốc độ tăng trưởng GRDP bình quân đạt 8%/năm; tỷ lệ che phủ rừng đạt 45%.\n",
        catalogue,
    )
    assert {(t.value, t.year) for t in variant} == {(50, 2030), (8, 2030), (45, 2030)}


def test_a_stage_gives_its_end_year_to_the_paragraphs_after(catalogue):
    # "Với mục tiêu …, trong giai đoạn 2026 - 2027, Bộ phấn đấu 100% …" then "Tỷ lệ … kỳ vọng
    # đạt mức 90%. Đồng thời, 100% … và 90% …"
    found = target_tuples(BDTTG)
    for item in [
        (100, None, "eq", "%", 2027),
        (90, None, "eq", "%", 2027),
    ]:
        assert item in found, item
    assert not any(year is None for *_rest, year in found)
    # "Bước sang giai đoạn 2028 - 2030, tỷ lệ hài lòng … được đặt mục tiêu nâng lên 99%": the
    # measure before the goal word, the stage's end year
    (later,) = [t for t in source_targets(BDTTG) if t.value == 99]
    assert later.indicator_text == "tỷ lệ hài lòng của người dân và doanh nghiệp"
    assert later.year == 2030
    for phrase in ("Tỷ lệ che phủ rừng phấn đấu đạt", "Tỷ lệ che phủ rừng được đặt mục tiêu là"):
        (variant,) = variant_targets(f"Tiêu đề\n{phrase} 45%.\n", catalogue)
        assert variant.indicator_text == "Tỷ lệ che phủ rừng", phrase
    # the place before the goal word is no measure: the figure's phrase names it
    (place,) = variant_targets("Tiêu đề\nTỉnh phấn đấu 90% hồ sơ xử lý trực tuyến.\n", catalogue)
    assert place.indicator_text == "tỉ lệ hồ sơ xử lý trực tuyến"
    assert goal_horizon("Với mục tiêu A, trong giai đoạn 2026 - 2027, Bộ phấn đấu 100% B.") == 2027
    assert goal_horizon("Tỉnh phấn đấu giai đoạn 2026–2028 hoàn thành 90% C.") == 2028
    # the stages of a period are due by its end too (the round-six convention)
    assert goal_horizon("Mục tiêu cụ thể các giai đoạn 2025-2030 như sau:") == 2030


def test_a_figure_list_may_open_with_a_lead_in():
    text = "Tỷ lệ A đạt mức 90%. Đồng thời, 100% B được quản trị và 90% C được đưa vào sử dụng."
    first = text.index(".") + 1
    spans = [Span(0, first), Span(first + 1, len(text))]
    assert is_figure_list(text, spans)
    other = "Tỷ lệ A đạt 90%. Ngoài ra, 100% B có internet."
    cut = other.index(".") + 1
    assert is_figure_list(other, [Span(0, cut), Span(cut + 1, len(other))])
    # a clause with no figure that is no short lead-in still breaks the list
    broken = "Tỷ lệ A đạt 90%; xây dựng hệ thống quản lý văn bản điện tử của tỉnh, 100% B."
    assert not is_figure_list(broken, [Span(0, len(broken))])


def test_a_year_plan_named_after_the_decision_adopting_it():
    # "Theo Quyết định số 792/QĐ-BCT ngày 20/3/2025, kế hoạch chuyển đổi số năm 2025 của Bộ Công
    # Thương đặt mục tiêu …"
    found = target_tuples(BCT)
    for item in [(70, None, "gte", "%", 2025), (90, None, "eq", "%", 2025)]:
        assert item in found, item
    assert plan_year("Tiêu đề\nTheo đó, kế hoạch cải cách hành chính năm 2026 đặt ra.") == 2026
    # a period, or another document's year, is no plan's year
    assert plan_year("Tiêu đề\nTheo Quyết định số 1/QĐ-UBND, kế hoạch giai đoạn 2026-2030.") is None
    assert plan_year("Tiêu đề\nCăn cứ Nghị quyết, kế hoạch thực hiện Nghị quyết năm 2024.") is None


def test_a_closing_deadline_gives_its_year_to_the_sentence_and_the_list_after():
    # "… tiếp nhận tối thiểu 60% hồ sơ TTHC …, trong đó ít nhất 20% …, hoàn thành trước
    # 30/7/2025." then "… tối thiểu 80% …, với ít nhất 20% toàn trình, cùng thời hạn hoàn thành."
    # then "Đồng thời, 100% kết quả …"
    found = target_tuples(HA_NOI_TTHC)
    for item in [
        (60, None, "gte", "%", 2025),
        (20, None, "gte", "%", 2025),
        (80, None, "gte", "%", 2025),
        (100, None, "eq", "%", 2025),
    ]:
        assert item in found, item
    assert not any(year is None for *_rest, year in found)
    # the deadline forms of the other batches' texts (M's CT07, U's Hải Dương notice, X's 43/TB)
    for closing, year in [
        ("hoàn thành trước 30/7/2025.", 2025),
        ("hoàn thành trước ngày 10/3/2025;", 2025),
        ("hoàn thành trong tháng 3 năm 2025.", 2025),
        ("hoàn thành trong quý 2/2026.", 2026),
        ("hoàn thành trong tháng 1/2026", 2026),
        ("hoàn thành trong năm 2025.", 2025),
    ]:
        assert sentence_deadline(f"tối thiểu 60% hồ sơ, {closing}") == year, closing
    # a deadline opening a list ("…, hoàn thành trong năm 2025 như: 100% …") closes nothing
    assert sentence_deadline("…, hoàn thành trong năm 2025 như: 100% thủ tục") is None
    assert continues_list("B phải tiếp nhận tối thiểu 80% hồ sơ, cùng thời hạn hoàn thành.")


def test_shares_of_a_total_count_and_contributions_to_the_product(catalogue):
    # "tỷ lệ kết nạp đảng viên mới hằng năm từ 3-4% tổng số đảng viên;" and "… kinh tế tư nhân
    # đạt 11,5-12%/năm, đóng góp khoảng 60-62% GRDP;"
    found = target_tuples(DA_NANG)
    assert (3, 4, "range", "% tổng số đảng viên", 2030) in found
    assert (60, 62, "range", "% GRDP", 2030) in found
    # a sum of money over a period is a total: no year ("Vốn đầu tư … giai đoạn 2026-2030 đạt
    # hơn 710 nghìn tỷ đồng"), while the level "đến năm 2030 đạt trên 660 ngàn tỷ đồng" keeps 2030
    assert (710, None, "gt", "nghìn tỉ đồng", None) in found
    assert (660, None, "gt", "nghìn tỉ đồng", 2030) in found
    variant = variant_targets(
        "Tiêu đề\nĐến năm 2030, kinh tế tư nhân đóng góp khoảng 60-62% GRDP; tỷ lệ kết nạp "
        "đảng viên đạt 2% tổng số đảng viên.\n",
        catalogue,
    )
    assert {(t.indicator_text, t.unit) for t in variant} == {
        ("đóng góp của kinh tế tư nhân vào GRDP", "% GRDP"),
        ("tỷ lệ kết nạp đảng viên", "% tổng số đảng viên"),
    }
    previous = "tốc độ tăng trưởng bình quân của kinh tế tư nhân"
    assert contribution_label("đóng góp khoảng", "% GRDP", previous) == (
        "đóng góp của kinh tế tư nhân vào GRDP"
    )
    assert contribution_label("đóng góp khoảng", "% GRDP") == ""  # no subject to name
    assert contribution_label("đóng góp", "%", previous) == ""  # no product named


def test_a_sapo_after_a_byline_and_a_subheading_restate_the_body(catalogue):
    # headline, byline "Thanh An 09/09/2024 10:16", sapo "TP.HCM đặt mục tiêu … khoảng 40% GRDP
    # … đến năm 2030.", subheading "Đến năm 2030, TP.HCM phấn đấu kinh tế số đóng góp khoảng 40%
    # GRDP" and the body's "Phấn đấu kinh tế số đóng góp khoảng 40% GRDP của Thành phố.": one
    (target,) = source_targets(HCM)
    assert (target.value, target.comparator, target.unit, target.year) == (
        40,
        "approx",
        "% GRDP",
        2030,
    )
    assert "Phấn đấu kinh tế số" in target.evidence.quote
    # a sapo whose figure differs from the body's stays (batch Q's "trên 90%" against "90%")
    assert (90, None, "gt", "%", 2022) in target_tuples("dev-q-ubqgcds-kh2022.txt")
    variant = variant_targets(
        "Tiêu đề\nNguyễn An 01/02/2025 08:00\nTỉnh đặt mục tiêu 80% hồ sơ xử lý trực tuyến đến "
        "năm 2030.\nĐến năm 2030, 80% hồ sơ xử lý trực tuyến\nTheo kế hoạch, đến năm 2030, 80% "
        "hồ sơ xử lý trực tuyến.\n",
        catalogue,
    )
    assert len(variant) == 1 and variant[0].evidence.start > 140  # the body's sentence


def _keys(name: str) -> dict[float, str | None]:
    return {t.value: t.indicator_key for t in source_targets(name) if t.value is not None}


def test_indicators_of_batch_x(catalogue):
    # "Một trong những chỉ tiêu nổi bật là tối thiểu 70% giao dịch thanh toán …": the target word
    # names no measure; "số hóa 100% kết quả giải quyết thủ tục hành chính …": digitise, no count
    keys = _keys(BCT)
    assert keys[70] == "online-payment-public-services"
    assert "admin-dossier-digitisation" in {t.indicator_key for t in source_targets(BCT)}
    # satisfaction is no use of the services
    satisfied = [t for t in source_targets(BDTTG) if "hài lòng" in t.indicator_text]
    assert len(satisfied) == 2 and all(t.indicator_key is None for t in satisfied)
    # one sector's growth is no GRDP growth; a bare "tăng bình quân" names no measure
    growth = {t.indicator_text: t.indicator_key for t in source_targets(DA_NANG)}
    assert growth["tốc độ tăng trưởng bình quân của kinh tế tư nhân"] is None
    assert growth["tăng bình quân"] is None
    assert growth["Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)"] == "economic-growth-grdp"
    for phrase in ("tốc độ tăng trưởng của khu vực kinh tế nhà nước", "tăng hằng năm"):
        assert resolve_indicator(phrase, "%/năm", catalogue, provincial=True) is None, phrase
    assert (
        resolve_indicator("tỷ lệ người dân hài lòng với dịch vụ công trực tuyến", "%", catalogue)
        is None
    )
    assert resolve_indicator(
        "tốc độ tăng trưởng GRDP bình quân", "%/năm", catalogue, provincial=True
    ) == ("economic-growth-grdp")


def test_who_is_counted_and_a_receiving_body(catalogue):
    # "100% công chức được gắn định danh số trong xử lý công việc" counts civil servants, not
    # work records; "100% cơ quan Nhà nước … được kết nối hạ tầng mạng băng thông rộng …" counts
    # state bodies, not homes with broadband
    byt = {t.indicator_text: t.indicator_key for t in source_targets("dev-x-byt-cds-2025.txt")}
    assert [k for text, k in byt.items() if "công chức được gắn định danh" in text] == [None]
    hue = [
        t for t in source_targets("dev-x-hue-kh495-cds-2026.txt") if "cơ quan" in t.indicator_text
    ]
    assert hue and all(t.indicator_key != "fibre-broadband-coverage" for t in hue)
    # "Trung tâm … phải tiếp nhận tối thiểu 80% hồ sơ trực tuyến": the body receives, the
    # dossiers are measured
    (centre,) = [t for t in source_targets(HA_NOI_TTHC) if t.value == 80]
    assert centre.indicator_key == "online-dossier-share"
    (variant,) = variant_targets(
        "Tiêu đề\nĐến năm 2030, Bộ phận một cửa tiếp nhận tối thiểu 90% hồ sơ trực tuyến.\n",
        catalogue,
    )
    assert variant.indicator_key is not None and "hồ sơ" in variant.indicator_text
