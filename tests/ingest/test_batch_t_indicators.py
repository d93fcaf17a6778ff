"""Indicators on batch T's misses (issue 13), read from the real texts of data/sources: a rank
whose own words name no measure takes the index that opens its clause, or the ranking of the
rank before it when its clause names only a year; what a share counts (work records, the
population, units, people trained), at which tier and level, and what a budget share is spent on
tell alike phrases apart; budget units written "NSNN" or spelt out are one unit."""

from __future__ import annotations

from graph_api.audit.alignment import comparable_units
from ingest.resolve import resolve_indicator
from tests.ingest.common import source_targets


def _keys(name: str) -> dict[tuple[float, int | None], str | None]:
    return {(t.value, t.year): t.indicator_key for t in source_targets(name) if t.value}


def test_a_rank_takes_the_index_that_opens_its_clause(catalogue):
    # "…; Chỉ số đổi mới sáng tạo toàn cầu không ngừng cải thiện, thuộc nhóm 40 quốc gia hàng
    # đầu thế giới;…"
    assert _keys("dev-t-hue-qd569-chien-luoc-khcn.txt")[(40, 2025)] == "gii-rank"


def test_a_rank_clause_naming_only_its_year_keeps_the_ranking_before_it(catalogue):
    # "… tỉnh có chỉ số đánh giá về chuyển đổi số thuộc nhóm 15 tỉnh, thành phố dẫn đầu cả nước;
    # đến năm 2030 thuộc nhóm 10 tỉnh, thành phố dẫn đầu cả nước"
    keys = _keys("dev-t-bac-giang-ngay-cds.txt")
    assert keys[(15, 2025)] == keys[(10, 2030)] == "dti-rank"


def test_a_year_closing_a_rank_topic_is_its_horizon_not_its_measure(catalogue):
    # "… thuộc nhóm 10 tỉnh, thành phố dẫn đầu cả nước về chuyển đổi số năm 2025"
    ranks = [t for t in source_targets("dev-t-bac-giang-qd1723.txt") if t.unit == "thứ bậc"]
    assert [(t.value, t.indicator_key) for t in ranks] == [(10, "dti-rank")]


def test_work_records_at_the_provincial_tier_are_the_national_measure_of_records(catalogue):
    # "… 90% hồ sơ công việc cấp tỉnh; 80% hồ sơ công việc cấp huyện; 60% hồ sơ công việc cấp xã
    # được xử lý trên môi trường mạng": the province's own tier is 03/NQ-CP's end-to-end records;
    # the tiers below are the districts' and communes' measures, which no curated indicator holds
    keys = _keys("dev-t-binh-phuoc-nong-thon-moi-so.txt")
    assert keys[(90, 2025)] == "end-to-end-electronic-records"
    assert keys[(80, 2025)] is None
    assert keys[(60, 2025)] is None


def test_digital_literacy_of_adults_is_digital_skills_not_digital_signatures(catalogue):
    # "ít nhất 60% người dân trưởng thành đạt chuẩn phổ cập kiến thức chuyển đổi số trên nền tảng
    # VNeID"
    assert _keys("dev-t-tay-ninh-binh-dan-hoc-vu-so.txt")[(60, 2026)] == "digital-skills-share"


def test_what_a_share_counts_keeps_it_off_alike_measures(catalogue):
    # 1563/QĐ-TTg: "30% dân số tham gia mua sắm trực tuyến" is no dossier handled online, "70% các
    # đơn vị cung cấp dịch vụ điện, nước, … chấp nhận thanh toán …" no procedure offered online,
    # "50% cá nhân, hộ gia đình … sử dụng phương tiện thanh toán không dùng tiền mặt" no share of
    # transactions
    keys = _keys("dev-t-bct-qd1563-tmdt-2020.txt")
    assert keys[(30, 2020)] is None
    assert keys[(70, 2020)] is None
    assert keys[(50, 2020)] is None
    # Bình Thuận's "Tỷ lệ dữ liệu số trong từng ngành, lĩnh vực đạt 60%": data, not the economy
    said = "Tỷ lệ dữ liệu số trong từng ngành, lĩnh vực"
    assert resolve_indicator(said, "%", catalogue, provincial=True) is None
    # the quote's own wording (with its figure) reads the same
    assert resolve_indicator("30% dân số tham gia mua sắm trực tuyến", "%", catalogue) is None
    # the same group under two names still meets its label ("dân số" = "người dân")
    said = "tỉ lệ người dân từ 15 tuổi trở lên có tài khoản thanh toán tại ngân hàng"
    assert resolve_indicator(said, "%", catalogue) == "bank-account-ownership"


def test_trained_on_trial_within_a_ministry_and_another_skill_level_are_other_measures(catalogue):
    def key(text: str) -> str | None:
        return resolve_indicator(text, "%", catalogue, provincial=True)

    # batch S's Lào Cai, Bộ Nội vụ and the national committee's 2023 plan
    assert key("Cán bộ, công chức, viên chức được tập huấn, phổ cập kỹ năng số") is None
    assert key("tỉ lệ có kỹ năng số chuyên sâu") is None
    assert key("tỉ lệ doanh nghiệp được đào tạo về khoa học, công nghệ, đổi mới sáng tạo") is None
    trial = "tỉ lệ doanh nghiệp nhỏ và vừa được tiếp cận dùng thử các nền tảng chuyển đổi số"
    assert key(trial) is None
    remit = "tỉ lệ dịch vụ công trực tuyến thuộc thẩm quyền giải quyết của Bộ Nội vụ ở mức độ"
    assert resolve_indicator(remit, "%", catalogue, provincial=False) is None
    # the firms a label counts, but not what it says of them (applying S&T is not innovating)
    applying = "tỉ lệ doanh nghiệp đang hoạt động ứng dụng khoa học, công nghệ, công nghệ số"
    assert key(applying) is None
    # what still resolves: regular use, basic skills of workers, innovating firms
    used = "tỉ lệ doanh nghiệp nhỏ và vừa thường xuyên sử dụng các nền tảng chuyển đổi số"
    assert key(used) == "sme-digital-platform-use"
    assert key("tỉ lệ lao động được trang bị kỹ năng số cơ bản") == "digital-skills-share"
    innovating = "tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt 40%"
    assert key(innovating) == "innovative-enterprise-share"


def test_a_budget_share_for_one_purpose_is_not_the_share_for_them_all(catalogue):
    # Ban Chỉ đạo's "tối thiểu 3% tổng chi ngân sách nhà nước hằng năm cho chuyển đổi số" is not
    # 57-NQ/TW's share "cho phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số"
    unit = "% tổng chi ngân sách nhà nước"
    alone = "tổng chi ngân sách nhà nước hằng năm cho chuyển đổi số, ưu tiên kinh phí đào tạo"
    assert resolve_indicator(alone, unit, catalogue, provincial=False) is None
    together = (
        "bố trí ít nhất 3% tổng chi ngân sách hằng năm cho phát triển khoa học, công nghệ, đổi "
        "mới sáng tạo và chuyển đổi số"
    )
    assert resolve_indicator(together, "% tổng chi ngân sách", catalogue) == "sti-budget-share"
    # two of the purposes ("cho khoa học công nghệ", the seeds' wording) still name the share
    seeds = "Bố trí ít nhất 3% ngân sách cho khoa học công nghệ"
    assert resolve_indicator(seeds, "% ngân sách", catalogue, provincial=True) == (
        "sti-budget-share-local"
    )


def test_the_state_budget_abbreviated_or_spelt_out_is_one_unit():
    assert comparable_units("% tổng chi ngân sách", "% tổng chi NSNN")
    assert comparable_units("% tổng chi ngân sách nhà nước", "% tổng chi NSNN")
    assert not comparable_units("% ngân sách", "% tổng chi NSNN")


def test_a_count_of_another_noun_is_another_measure(catalogue):
    # Bình Định's "xây dựng 1 Trung tâm STEM-Lab cấp tỉnh" beside "405 phòng STEM-Lab": a centre
    # is no STEM-Lab room; Điện Biên's "10 dịch vụ đô thị thông minh" no smart city completed
    keys = {t.unit: t.indicator_key for t in source_targets("003_0098b399aefe7cee.txt")}
    assert keys["Trung tâm STEM-Lab"] is None
    assert keys["phòng STEM-Lab"] == "stem-lab-rooms"
    assert keys["phòng thí nghiệm"] == "semiconductor-labs"
    service = "Triển khai tối thiểu 10 dịch vụ đô thị thông minh"
    assert resolve_indicator(service, "dịch vụ đô thị thông minh", catalogue) is None
    # money per head is a rate, whatever its currency: GRDP per head in "triệu đồng"
    said = "GRDP bình quân đầu người"
    assert resolve_indicator(said, "triệu đồng", catalogue, provincial=True) == "grdp-per-capita"


def test_an_electronic_identity_is_neither_a_smartphone_nor_a_bank_account(catalogue):
    # batch S's Đồng Tháp and the national committee's 2022 plan, as their quotes read
    said = "80% dân số trưởng thành có định danh điện tử VNeID"
    assert resolve_indicator(said, "%", catalogue, provincial=True) == "digital-identity-accounts"
    said = "từ 15-20% người dân sử dụng ứng dụng định danh điện tử"
    assert resolve_indicator(said, "%", catalogue) == "digital-identity-accounts"


def test_mobile_coverage_is_not_5g_coverage(catalogue):
    # Bình Phước's "100% dân số được phủ sóng bởi mạng di động": 5G names its measure
    mobile = [
        t
        for t in source_targets("dev-t-binh-phuoc-muc-tieu-2023.txt")
        if "mạng di động" in t.indicator_text
    ]
    assert [(t.value, t.indicator_key) for t in mobile] == [(100, None)]
    said = "tỉ lệ dân số được phủ sóng 5G"
    assert resolve_indicator(said, "%", catalogue, provincial=True) == "5g-coverage-local"
