"""The measure phrase a target hands the indicator resolver, on the tuned batches' real texts:
the whole noun phrase of the measure (a share of a whole named after "chiếm", a bracketed aside
inside it), a list of targets set ("đã đặt ra 6 mục tiêu cụ thể (…) … đến năm 2025") with the
year written after its brackets, short forms ("KTS") spelt out, and a satisfaction share never
taken for the administrative procedure it is about."""

from __future__ import annotations

from ingest.model import TargetFact
from ingest.resolve import resolve_indicator
from ingest.sources import read_source
from tests.ingest.common import SOURCES, source_targets


def _quoted(name: str, words: str, catalogue) -> TargetFact:
    source = read_source(SOURCES / name).original
    targets = source_targets(name)
    found = [t for t in targets if words in source[t.evidence.start : t.evidence.end]]
    assert len(found) == 1, [t.indicator_text for t in source_targets(name)]
    return found[0]


def test_a_share_of_a_whole_after_chiem_hands_the_whole_to_the_resolver(catalogue):
    # "thương mại điện tử chiếm trên 15% tổng mức bán lẻ"
    target = _quoted("dev-r-hai-phong-kh106.txt", "thương mại điện tử chiếm", catalogue)
    assert target.indicator_text == "thương mại điện tử trong tổng mức bán lẻ"
    assert target.indicator_key == "ecommerce-retail-share"
    assert (target.value, target.comparator, target.unit) == (15, "gt", "%")


def test_a_list_of_goals_set_is_no_result_and_takes_the_year_after_its_brackets(catalogue):
    # "Kế hoạch … đã đặt ra 6 mục tiêu cụ thể về phát triển KTS (Tỷ trọng KTS đạt 20% GDP; …
    # trên 2%) và 11 mục tiêu phát triển XHS đến năm 2025."
    targets = source_targets("dev-q-nam-dinh-kh105.txt")
    listed = {t.value: t for t in targets if t.year == 2025 and t.scope == "nam-dinh"}
    assert {20, 10, 80, 50, 2} <= set(listed)
    assert listed[20].indicator_key == "digital-economy-share-grdp"  # "KTS" = kinh tế số
    assert listed[50].indicator_key == "sme-digital-platform-use"
    assert not any(t.value in (6, 11) for t in targets)  # the counts of goals are no targets


def test_a_provinces_share_of_gdp_is_its_grdp_a_national_scope_keeps_gdp(catalogue):
    provincial = resolve_indicator("Tỷ trọng KTS", "% GDP", catalogue, provincial=True)
    national = resolve_indicator("Tỷ trọng KTS", "% GDP", catalogue, provincial=False)
    assert (provincial, national) == ("digital-economy-share-grdp", "digital-economy-share-gdp")


def test_satisfaction_about_procedures_is_not_the_procedures_measure(catalogue):
    # "tối thiểu 90% người dân và doanh nghiệp hài lòng về việc giải quyết thủ tục hành chính":
    # the curated scheme has no satisfaction indicator, so none, never electronic-admin-results
    target = _quoted("dev-q-hcm-cds-2020.txt", "hài lòng về việc", catalogue)
    assert "hài lòng" in target.indicator_text
    assert target.indicator_key is None
    assert (
        resolve_indicator(
            "tỉ lệ cấp kết quả giải quyết thủ tục hành chính điện tử",
            "%",
            catalogue,
            provincial=True,
        )
        == "electronic-admin-results"
    )


def test_a_basic_aim_by_a_bare_year_reads_the_measure_after_the_figure(catalogue):
    # "mục tiêu cơ bản đến 2030 là 100% dịch vụ công trực tuyến mức độ 4 được cung cấp …"
    target = _quoted("dev-q-hcm-cds-2020.txt", "100% dịch vụ công trực tuyến mức độ 4", catalogue)
    assert target.indicator_text.startswith("tỉ lệ dịch vụ công trực tuyến mức độ 4")
    assert target.indicator_key == "online-public-service-provision-local"
    assert target.year == 2030


def test_a_whole_after_chiem_ends_at_the_comma_before_the_next_target(catalogue):
    # "kinh tế số chiếm 25% tổng sản phẩm trên địa bàn GRDP, năng suất lao động hằng năm tăng
    # tối thiểu 7%": the next item keeps its own measure
    share = _quoted("dev-q-hcm-cds-2020.txt", "kinh tế số chiếm 25%", catalogue)
    assert share.indicator_text == "kinh tế số trong tổng sản phẩm trên địa bàn GRDP"
    assert share.indicator_key == "digital-economy-share-grdp"
    growth = _quoted("dev-q-hcm-cds-2020.txt", "tăng tối thiểu 7%", catalogue)
    assert growth.indicator_text == "năng suất lao động hằng năm tăng"
    assert growth.indicator_key == "labour-productivity-growth"


def test_coverage_by_a_network_and_the_households_its_list_goes_on_to(catalogue):
    # "hạ tầng mạng băng rộng cáp quang phủ 100% khu vực dân cư sinh sống, làm việc và trên 60%
    # hộ gia đình, …"
    name = "dev-m-dien-bien-cds.txt"
    area = _quoted(name, "phủ 100% khu vực dân cư", catalogue)
    assert area.indicator_text.startswith("hạ tầng mạng băng rộng cáp quang phủ khu vực dân cư")
    assert area.indicator_key == "fibre-broadband-coverage"
    homes = _quoted(name, "trên 60% hộ gia đình", catalogue)
    assert homes.indicator_text == "tỉ lệ hộ gia đình có hạ tầng mạng băng rộng cáp quang"
    assert homes.indicator_key == "household-fibre-broadband"


def test_a_bracketed_aside_does_not_cut_the_measure(catalogue):
    # "trên 50% cuộc họp 3 cấp (tỉnh - huyện - xã) được thực hiện trực tuyến"
    meetings = [
        t
        for t in source_targets("dev-m-dien-bien-cds.txt")
        if t.indicator_text.startswith("tỉ lệ cuộc họp 3 cấp")
    ]
    assert {(t.value, t.year) for t in meetings} == {(50, 2025), (70, 2030)}
    assert {t.indicator_text for t in meetings} == {
        "tỉ lệ cuộc họp 3 cấp (tỉnh - huyện - xã) được thực hiện trực tuyến"
    }
    assert {t.indicator_key for t in meetings} == {"online-meetings-share"}


def test_a_share_of_the_workforce_is_no_share_of_the_economy(catalogue):
    # "tỷ lệ nhân lực lao động KTS trong lực lượng lao động đạt trên 2%": "KTS" spelt out must
    # not make the workforce share the digital economy's share of GRDP
    target = _quoted("dev-q-nam-dinh-kh105.txt", "nhân lực lao động KTS", catalogue)
    assert target.indicator_key is None


def test_a_share_of_documents_is_no_share_of_tasks(catalogue):
    # "100% văn bản điện tử của cơ quan, đơn vị được trao đổi, liên thông trên môi trường mạng":
    # no curated indicator counts documents exchanged, so none (not electronic-task-monitoring)
    target = _quoted("dev-m-dien-bien-cds.txt", "100% văn bản điện tử", catalogue)
    assert target.indicator_key is None
    assert (
        resolve_indicator(
            "Tỷ lệ nhiệm vụ được theo dõi, quản lý, giám sát trên môi trường điện tử",
            "%",
            catalogue,
            provincial=False,
        )
        == "electronic-task-monitoring"
    )


def test_a_list_of_bare_figures_goes_on_in_the_next_paragraph_of_figures(catalogue):
    # "… đặt mục tiêu phấn đấu …" / "100% bộ, ngành, địa phương …. 100% bộ, ngành …" / "Trên
    # 90% doanh nghiệp nhỏ và vừa được tiếp cận dùng thử …, trên 30% doanh nghiệp nhỏ và vừa
    # thường xuyên sử dụng các nền tảng chuyển đổi số."
    name = "dev-q-ubqgcds-kh2023.txt"
    regular = _quoted(name, "trên 30% doanh nghiệp nhỏ và vừa thường xuyên", catalogue)
    assert (regular.value, regular.comparator, regular.unit) == (30, "gt", "%")
    assert regular.indicator_key == "sme-digital-platform-use"
    trial = _quoted(name, "Trên 90% doanh nghiệp nhỏ và vừa", catalogue)
    assert (trial.value, trial.comparator) == (90, "gt")
