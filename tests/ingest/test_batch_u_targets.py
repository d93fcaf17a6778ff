"""Targets and indicators on batch U's misses (issue 13), read from the real texts of
data/sources: lists of kinds of local unit counted as one set ("12 huyện, thị xã, thành phố"),
visits counted in people ("6 triệu lượt người"), domestic revenue as a measure of its own
("thu nội địa … tăng 9 - 10%", a part of budget revenue, not the whole), goals a programme
adopted in the past sets ("đã ban hành Chương trình … số 33-CTr/TU, ngày 10/7/2020 trong đó đề
ra mục tiêu đến năm 2025: …"), a province's own count that is no count of provinces, and a
year-by-year path under a lead ending with a colon ("- Năm 2022: 94 xã, phường, thị trấn.")."""

from __future__ import annotations

from ingest.extract.target_phrases import YEAR_ITEM, year_path_measure
from ingest.resolve.measure_words import (
    dossier_penalty,
    part_penalty,
    provinces_penalty,
    service_level_penalty,
)
from tests.ingest.common import source_targets, target_tuples


def test_a_list_of_kinds_of_local_unit_is_the_unit_of_a_count(catalogue):
    # "Đến năm 2025, hoàn thành chuyển đổi số tại 12 huyện, thị xã, thành phố: …"
    found = target_tuples("dev-u-thanh-hoa-qd969.txt")
    assert (12, None, "eq", "huyện, thị xã, thành phố", 2025) in found
    assert not any(unit == "huyện" for _v, _u, _c, unit, _y in found)
    (districts,) = [t for t in source_targets("dev-u-thanh-hoa-qd969.txt") if t.value == 12]
    # what is done where the counted units are names them ("hoàn thành … tại 12 huyện, …")
    assert districts.indicator_text == "huyện, thị xã, thành phố được hoàn thành chuyển đổi số"
    # "… có ít nhất 3 huyện/thành phố đạt chuẩn nông thôn mới, …"
    assert (3, None, "gte", "huyện/thành phố", 2030) in target_tuples("dev-u-lang-son-kh23.txt")


def test_visits_counted_in_people_keep_their_whole_unit(catalogue):
    # "tổng số khách du lịch đến năm 2030 đạt khoảng 6 triệu lượt người"
    assert (6, None, "approx", "triệu lượt người", 2030) in target_tuples("dev-u-lang-son-kh23.txt")


def test_domestic_revenue_is_a_measure_and_not_the_whole_budget_revenue(catalogue):
    # "… GRDP bình quân đầu người đạt khoảng 150 triệu đồng, thu nội địa bình quân hằng năm tăng
    # 9 - 10%, …" under "Một số chỉ tiêu chủ yếu đến năm 2030:"
    targets = source_targets("dev-u-lang-son-kh23.txt")
    (revenue,) = [t for t in targets if t.value == 9 and t.upper_value == 10]
    assert revenue.comparator == "range" and revenue.year == 2030
    assert revenue.indicator_text.startswith("thu nội địa")
    assert revenue.indicator_key is None  # a part of "thu ngân sách nhà nước trên địa bàn"
    labels = ("thu ngân sách trên địa bàn tăng bình quân",)
    assert part_penalty("thu nội địa bình quân hằng năm tăng", labels) > 0
    assert part_penalty("thu ngân sách bình quân tăng", labels) == 0


def test_goals_a_programme_adopted_in_the_past_set_out_are_targets(catalogue):
    # "… Ban Thường vụ Tỉnh ủy đã ban hành Chương trình hành động số 33-CTr/TU, ngày 10/7/2020
    # trong đó đề ra mục tiêu đến năm 2025: Kinh tế số chiếm khoảng 20% GRDP; …"
    targets = source_targets("dev-u-hoa-binh-ctr33.txt")
    shares = {(t.value, t.comparator, t.year, t.indicator_key) for t in targets}
    assert (20, "approx", 2025, "digital-economy-share-grdp") in shares
    assert (30, "gt", 2030, "digital-economy-share-grdp") in shares


def test_a_provinces_own_count_is_no_count_of_provinces(catalogue):
    # "Đến năm 2030: … hình thành 01 đô thị thông minh theo quy hoạch tỉnh …": one smart city
    # of the province, not the national count of provinces and cities that complete one
    targets = source_targets("dev-u-hoa-binh-ctr33.txt")
    (city,) = [t for t in targets if t.unit == "đô thị thông minh"]
    assert (city.value, city.year, city.indicator_key) == (1, 2030, None)
    assert provinces_penalty("đô thị thông minh", "thành phố, tỉnh", provincial=True) > 0
    assert provinces_penalty("đô thị thông minh", "thành phố, tỉnh", provincial=False) == 0


def test_a_year_by_year_path_under_a_lead_with_a_colon_is_one_target_per_year(catalogue):
    # "Số xã, phường, thị trấn tại các huyện, thị xã, thành phố hoàn thành chuyển đổi số theo
    # từng năm, cụ thể như sau:" then "- Năm 2022: 94 xã, phường, thị trấn." … "- Năm 2025: 118 …"
    targets = source_targets("dev-u-thanh-hoa-qd969.txt")
    path = [t for t in targets if t.unit == "xã, phường, thị trấn"]
    assert [(t.value, t.year) for t in path] == [(94, 2022), (132, 2023), (133, 2024), (118, 2025)]
    assert {t.indicator_text for t in path} == {
        "Số xã, phường, thị trấn tại các huyện, thị xã, thành phố hoàn thành chuyển đổi số"
    }
    assert {t.indicator_key for t in path} == {None}
    assert year_path_measure("Kết quả thực hiện theo từng năm như sau:") == ""  # no measure
    assert YEAR_ITEM.match("- Năm 2022: 94 xã, phường, thị trấn.")
    assert not YEAR_ITEM.match("Năm 2022, tỉnh đã hoàn thành 94 xã.")


def test_a_sector_joined_by_a_dash_names_its_share(catalogue):
    # "(2) Cơ cầu GRDP đến năm 2030: công nghiệp - xây dựng chiếm 51%, dịch vụ chiếm 40%, nông
    # nghiệp chiếm 9%": "xây dựng" after the dash is part of the sector, no verb
    targets = source_targets("dev-u-ha-tinh-nq291-hdnd.txt")
    shares = {(t.value, t.year): t.indicator_text for t in targets if t.unit == "%"}
    assert shares[(51, 2030)] == "công nghiệp - xây dựng"
    assert shares[(40, 2030)] == "dịch vụ" and shares[(9, 2030)] == "nông nghiệp"


def test_one_of_the_leading_provinces_is_a_rank_read_over_a_broken_line(catalogue):
    # "Đến năm 2030, chuyển đổi số đồng bộ,\ntoàn diện …, đưa Hà Tĩnh trở thành 1 trong 15 tỉnh
    # thành\nphố trực thuộc Trung ương có chỉ số cao nhất về Chính phủ số, kinh tế số của cả\nnước"
    targets = source_targets("dev-u-ha-tinh-kh393.txt")
    (rank,) = [t for t in targets if t.unit == "thứ bậc"]
    assert (rank.value, rank.comparator, rank.year, rank.indicator_key) == (15, "lte", 2030, None)
    assert rank.indicator_text == (
        "thứ hạng trong các tỉnh thành phố trực thuộc Trung ương có chỉ số cao nhất về Chính phủ "
        "số, kinh tế số"
    )
    assert not any(t.value == 1 for t in targets)


def _keys(name: str) -> dict[float, str | None]:
    return {t.value: t.indicator_key for t in source_targets(name) if t.unit and "%" in t.unit}


def test_indicators_of_a_city_passage_resolve_by_what_is_counted(catalogue):
    # "hạ tầng mạng băng rộng cáp quang phủ 80% hộ gia đình": households reached, not area covered;
    # "cung cấp danh tính số trên nền tảng di động cho tối thiểu 20% người dân …": the share of
    # people provided with a digital identity; "60% hồ sơ công việc tại các cơ quan thành phố": the
    # city tier of a centrally-run city is its provincial tier
    keys = _keys("dev-u-hai-phong-muc-tieu-cds.txt")
    assert keys[80] == "household-fibre-broadband"
    assert keys[20] == "digital-identity-accounts"
    assert keys[60] == "end-to-end-electronic-records"
    (identity,) = [t for t in source_targets("dev-u-hai-phong-muc-tieu-cds.txt") if t.value == 20]
    assert identity.indicator_text.endswith("được cung cấp danh tính số trên nền tảng di động")


def test_levels_3_and_4_of_procedures_are_neither_full_online_nor_dossiers(catalogue):
    # "… thủ tục hành chính đủ điều kiện được cung cấp trực tuyến mức độ 3 và 4 đạt 80%"
    assert _keys("dev-u-thai-nguyen-chinh-quyen-so.txt")[80] is None
    provision = ("thủ tục hành chính đủ điều kiện được cung cấp mức độ 4",)
    assert service_level_penalty("thủ tục hành chính … mức độ 3 và 4", provision) > 0
    assert service_level_penalty("dịch vụ công trực tuyến mức độ 4", provision) == 0
    dossiers = ("Tỉ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến",)
    assert dossier_penalty("thủ tục hành chính đủ điều kiện được cung cấp trực tuyến", dossiers)
    assert not dossier_penalty("thủ tục hành chính đủ điều kiện", provision)
    assert not dossier_penalty("số hồ sơ được giải quyết trực tuyến", dossiers)
