"""Targets read in context, on real texts of data/sources (issue 13: "Targets in context",
"Indicators"): whole noun phrases for indicators, the horizon of a paragraph, list items,
captions, the document a paragraph opens with, and the candidate list a curator reviews."""

from __future__ import annotations

import shutil
from functools import cache

import pytest

from cli import main as cli
from ingest.extract import extract_all
from ingest.extract.target_phrases import is_noun_phrase
from ingest.model import TargetFact
from ingest.resolve import resolve_indicator
from ingest.sources import read_source
from tests.ingest.common import SOURCES


@cache
def _read(name: str):
    return read_source(SOURCES / name)


def _targets(name: str, catalogue) -> list[TargetFact]:
    return [f for f in extract_all(_read(name), catalogue) if isinstance(f, TargetFact)]


def _on(name: str, catalogue, key: str) -> list[TargetFact]:
    return [t for t in _targets(name, catalogue) if t.indicator_key == key]


@pytest.mark.parametrize(
    "name",
    [
        "nq57-ntw-2024.md",
        "003_0098b399aefe7cee.txt",
        "dev-m-ct07-ttg.txt",
        "dev-m-dien-bien-cds.txt",
        "dev-m-bcd-cp-2026.txt",
    ],
)
def test_no_indicator_is_a_fragment_of_a_clause(name, catalogue):
    for target in _targets(name, catalogue):
        if target.unit == "thứ bậc":
            continue  # ranks are named by their rank phrase ("nhóm 50 nước đứng đầu …")
        assert is_noun_phrase(target.indicator_text), (target.indicator_text, target.evidence)


def test_is_noun_phrase_rejects_the_audits_fragments():
    for fragment in ("Bố trí", "có tổ chức", "triển khai cho", "tại trường", "R&D)", "tỷ lệ",
                     "Thủ tướng giao Bộ Tài chính đảm bảo duy trì", "của tỉnh"):  # fmt: skip
        assert not is_noun_phrase(fragment), fragment
    assert is_noun_phrase("tổng chi ngân sách hằng năm cho phát triển khoa học, công nghệ")


def test_a_share_of_the_budget_is_named_by_what_follows_the_verb(catalogue):
    # "bố trí ít nhất 3% tổng chi ngân sách hằng năm cho phát triển khoa học, công nghệ …"
    (budget,) = _on("nq57-ntw-2024.md", catalogue, "sti-budget-share")
    assert budget.value == 3 and budget.comparator == "gte" and budget.year == 2030
    assert budget.unit == "% tổng chi ngân sách"
    assert budget.indicator_text.startswith("tổng chi ngân sách hằng năm cho phát triển")


def test_hdi_and_the_four_ranks_of_57_nq_tw(catalogue):
    (hdi,) = _on("nq57-ntw-2024.md", catalogue, "hdi")
    assert (hdi.comparator, hdi.value, hdi.unit) == ("gt", 0.7, "chỉ số")
    ranks = {
        (t.indicator_key, t.value)
        for t in _targets("nq57-ntw-2024.md", catalogue)
        if t.indicator_key in {"digital-competitiveness-rank", "egov-development-rank"}
    }
    assert ranks == {
        ("digital-competitiveness-rank", 3),
        ("digital-competitiveness-rank", 50),
        ("egov-development-rank", 3),
        ("egov-development-rank", 50),
    }


def test_the_horizon_an_earlier_sentence_of_the_paragraph_gives(catalogue):
    # "Đến năm 2030 hoàn thiện … . Bảo đảm 100% cuộc họp …; Kinh tế số chiếm tối thiểu 15% GRDP"
    shares = _on("dev-m-dien-bien-cds.txt", catalogue, "digital-economy-share-grdp")
    assert sorted((t.value, t.year) for t in shares) == [(10, 2025), (15, 2030)]


def test_list_items_are_named_by_the_phrase_after_their_figure(catalogue):
    targets = _targets("dev-m-dien-bien-cds.txt", catalogue)
    texts = {t.indicator_text for t in targets if t.value == 100 and t.year == 2025}
    assert (
        "tỉ lệ văn bản điện tử của cơ quan, đơn vị được trao đổi, liên thông trên môi trường mạng"
        in texts
    )
    assert any(t.startswith("tỉ lệ thủ tục hành chính đủ điều kiện") for t in texts)
    # the list goes on from "hạ tầng mạng băng rộng cáp quang phủ 100% …": its households are
    # those the network reaches (test_target_phrases_tuned)
    homes = {t.indicator_text for t in targets if t.value == 60}
    assert homes == {"tỉ lệ hộ gia đình có hạ tầng mạng băng rộng cáp quang"}


def test_paired_values_keep_their_indicator_and_years(catalogue):
    # "khoảng 45% (năm 2025), trên 50% (năm 2030)" and "trên 7% (năm 2025), trên 7,5% (năm 2030)"
    tfp = _on("001_48c50c3c403c9ef8.txt", catalogue, "tfp-contribution")
    assert sorted((t.value, t.year) for t in tfp) == [(45, 2025), (50, 2030)]
    labour = _on("001_48c50c3c403c9ef8.txt", catalogue, "labour-productivity-growth")
    assert sorted((t.value, t.year) for t in labour) == [(7, 2025), (7.5, 2030)]


def test_a_caption_repeating_the_body_adds_no_target(catalogue):
    # "… đạt 40%. (Ảnh: cand.com.vn)" repeats the body's 40% by 2030
    (share,) = _on("001_48c50c3c403c9ef8.txt", catalogue, "innovative-enterprise-share")
    assert "(Ảnh" not in share.evidence.quote


def test_binh_dinh_training_targets_belong_to_the_workforce_project(catalogue):
    targets = _targets("003_0098b399aefe7cee.txt", catalogue)
    training = [t for t in targets if t.unit in {"kỹ sư", "cử nhân", "lao động"}]
    assert len(training) == 4
    for target in training:
        assert "nguon-nhan-luc" in target.set_by.key, target.set_by
    stem = [t for t in targets if t.unit and "STEM-Lab" in t.unit]
    assert stem and all("stem" in t.set_by.key for t in stem)


def test_gdp_and_grdp_twins_and_index_acronyms(catalogue):
    assert resolve_indicator("Kinh tế số", "% GRDP", catalogue) == "digital-economy-share-grdp"
    assert resolve_indicator("Quy mô kinh tế số", "% GDP", catalogue) == "digital-economy-share-gdp"
    rank = resolve_indicator(
        "Chỉ số DTI của tỉnh năm 2025 nằm trong nhóm Top 20", "thứ bậc", catalogue
    )
    assert rank == "dti-rank"
    # a growth rate is no GRDP per capita (triệu đồng): it is GRDP growth, GDP's twin
    assert resolve_indicator("tốc độ tăng trưởng GRDP bình quân", "%/năm", catalogue) == (
        "economic-growth-grdp"
    )


def test_review_lists_candidate_indicators_with_their_quotes(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(SOURCES.parent / "curated", data / "curated")
    (data / "sources").mkdir()
    for stem in ("003_0098b399aefe7cee", "dev-m-dien-bien-cds"):
        for path in SOURCES.glob(f"{stem}.*"):
            shutil.copy(path, data / "sources" / path.name)
    assert cli.main(["--data-dir", str(data), "review"]) == 0
    out = capsys.readouterr().out
    # households now resolve (household-fibre-broadband); documents exchanged online do not
    assert (
        "CANDIDATE INDICATOR «tỉ lệ văn bản điện tử của cơ quan, đơn vị được trao đổi, liên thông"
        " trên môi trường mạng» [%]" in out
    )
    assert "dev-m-dien-bien-cds: «" in out and "003_0098b399aefe7cee: «" in out
    for line in out.splitlines():
        if line.startswith("CANDIDATE INDICATOR «"):
            label = line.split("«", 1)[1].split("»", 1)[0]
            assert is_noun_phrase(label), label


def test_20_nq_tw_tfp_and_researchers_resolve_to_their_curated_indicators(catalogue):
    # "thông qua yếu tố năng suất tổng hợp (TFP) hoạt động khoa học và công nghệ đóng góp khoảng
    # 35%": the acronym names the index; "Số cán bộ khoa học và công nghệ … 11 người trên một vạn
    # dân": a rate per 10,000 people is no count of enterprises
    (tfp,) = _on("nq20-ntw-2012.md", catalogue, "tfp-contribution")
    assert (tfp.comparator, tfp.value, tfp.year) == ("approx", 35, 2020)
    (researchers,) = _on("nq20-ntw-2012.md", catalogue, "researchers-per-10000")
    assert (researchers.value, researchers.unit) == (11, "người/vạn dân")
    assert not _on("nq20-ntw-2012.md", catalogue, "st-enterprise-count")


def test_a_goal_sentence_gives_its_year_to_the_next_sentences_of_its_paragraph(catalogue):
    # "Đại hội thống nhất các mục tiêu, chỉ tiêu phát triển của tỉnh đến năm 2030, trong đó …
    # Tỉnh cũng đặt mục tiêu …; tỷ lệ trường đạt chuẩn quốc gia ít nhất 80,5%; 100% trạm y tế …"
    gia_lai = _targets("dev-gia-lai-dai-hoi-chi-tieu.txt", catalogue)
    schools = [t for t in gia_lai if t.value == 80.5]
    assert [(t.comparator, t.year) for t in schools] == [("gte", 2030)]
    assert [t.year for t in gia_lai if t.value == 100] == [2030, 2030]
    # a period still sets no single year: "xuất khẩu giai đoạn 2026-2030 trên 17 tỷ USD"
    assert [t.year for t in gia_lai if t.value == 17] == [None]
    # "Cụ thể, phấn đấu đến năm 2025 hạ tầng … . Kinh tế số chiếm tối thiểu 10% GRDP của tỉnh…"
    (digital,) = [
        t
        for t in _targets("dev-m-dien-bien-cds.txt", catalogue)
        if (t.value, t.unit) == (10, "% GRDP")
    ]
    assert (digital.comparator, digital.year) == ("gte", 2025)


@pytest.mark.parametrize("name", ["dev-quang-ngai-dai-hoi-muc-tieu.txt", "dev-m-bkhcn-9nv.txt"])
def test_the_count_of_a_plans_own_tasks_is_no_target(name, catalogue):
    # "Quảng Ngãi xác định 5 nhiệm vụ trọng tâm", "Bộ KH&CN tập trung triển khai 9 nhiệm vụ
    # trọng tâm": the plan's headings, not what it aims at
    assert not [t for t in _targets(name, catalogue) if t.unit == "nhiệm vụ"]


def test_a_national_target_quoted_in_a_provincial_text_is_national_and_set_by_none(catalogue):
    # "Văn kiện Đại hội đại biểu toàn quốc lần thứ XIII của Đảng cũng đã đặt rõ mục tiêu … giai
    # đoạn 2020 – 2025, kinh tế số sẽ chiếm 20% GDP và khoảng 30% GDP vào năm 2030": "đã đặt rõ
    # mục tiêu" sets goals (no result), a level over a period is its end year, and the province's
    # own "kinh tế số phải đạt 20% GRDP" stays provincial
    quang_ninh = _targets("dev-m-quang-ninh-nq09.txt", catalogue)
    national = [t for t in quang_ninh if t.scope == "viet-nam"]
    got = [(t.indicator_key, t.comparator, t.value, t.year, t.set_by) for t in national]
    assert got == [
        ("digital-economy-share-gdp", "eq", 20, 2025, None),
        ("digital-economy-share-gdp", "approx", 30, 2030, None),
    ]
    provincial = [t for t in quang_ninh if t.scope == "quang-ninh"]
    assert [(t.indicator_key, t.value, t.year) for t in provincial] == [
        ("digital-economy-share-grdp", 20, 2025),
        ("digital-economy-share-grdp", 30, 2030),
    ]


def test_a_rank_among_localities_on_innovation_is_the_provincial_rank(catalogue):
    # "đạt mức tiên tiến trong nhóm 5 địa phương dẫn đầu toàn quốc" (Đà Nẵng): not the PII index
    (rank,) = [t for t in _targets("dev-da-nang-kh309-tu.txt", catalogue) if t.unit == "thứ bậc"]
    assert (rank.indicator_key, rank.value, rank.rank_scope) == (
        "provincial-innovation-digital-rank",
        5,
        "cả nước",  # among the country's provinces, as the audit compares ranks
    )


def test_a_list_of_bare_figures_after_a_goal_paragraph_is_a_list_of_targets(catalogue):
    # "Đại hội xác định giai đoạn 2025-2030, …" then, without a cue word, "Tốc độ tăng trưởng …
    # bình quân đạt 10%. Quy mô GRDP … 589.730 tỷ đồng. GRDP bình quân đầu người đến năm 2030 là
    # 169,46 triệu đồng. …" (Vĩnh Long): six targets, only the per-capita one with a year
    got = [
        (t.indicator_text, t.value, t.unit, t.year)
        for t in _targets("dev-vinh-long-dai-hoi-chi-tieu.txt", catalogue)
    ]
    assert got == [
        ("Tốc độ tăng trưởng tổng sản phẩm trong tỉnh (GRDP) bình quân", 10, "%", None),
        ("Quy mô GRDP theo giá hiện hành", 589730, "tỉ đồng", None),
        ("GRDP bình quân đầu người", 169.46, "triệu đồng", 2030),
        ("Tỷ trọng giá trị tăng thêm của kinh tế số trong GRDP", 10.08, "%", None),
        ("Ngân sách trên địa bàn tăng bình quân", 7, "%", None),
        ("Vốn đầu tư thực hiện trên địa bàn theo giá hiện hành", 176919, "tỉ đồng", None),
    ]


@pytest.mark.parametrize(
    "name", ["dev-m-lai-chau-q3.txt", "dev-phu-tho-ket-qua-nq57.txt", "004_ed128cdcc0aeed6f.txt"]
)
def test_results_reports_give_no_targets(name, catalogue):
    assert not _targets(name, catalogue)


def test_a_lists_opening_quantifier_governs_its_items(catalogue):
    # "một số mục tiêu được điều chỉnh trong năm 2025 như: Có hơn 30 DN KH-CN, 300 cán bộ nghiên
    # cứu KH-CN, … 25 nhiệm vụ KH-CN cấp tỉnh triển khai, 20 công trình KH-CN cấp tỉnh được nghiệm
    # thu, trong đó trên 40% kết quả KH-CN … Có hơn 10% DN … và 15% DN có hoạt động đổi mới …"
    got = {
        t.value: (t.comparator, t.year, t.evidence.quote)
        for t in _targets("dev-ba-ria-vung-tau-muc-tieu-2025.txt", catalogue)
    }
    assert got[300] == ("gt", 2025, "300 cán bộ nghiên cứu KH-CN")
    assert got[20] == ("eq", 2025, "20 công trình KH-CN cấp tỉnh được nghiệm thu")
    assert got[40][:2] == ("gt", 2025)
    assert got[40][2].endswith("kết quả KH-CN được ứng dụng thực tiễn sau 12 tháng nghiệm thu")
    assert got[15] == ("gt", 2025, "15% DN có hoạt động đổi mới quy trình, mô hình kinh doanh")


def test_a_headline_and_sapo_announcing_the_bodys_target_add_none(catalogue):
    # dev-m-ct07-ttg: "Bố trí ít nhất 3% ngân sách cho khoa học công nghệ" as headline, in the
    # sapo ("Thủ tướng giao Bộ Tài Chính bảo đảm …") and in the body: one national target; "và
    # tiếp tục nâng tỷ lệ lên 2% GDP" is a share of GDP, not of the budget
    ct07 = _targets("dev-m-ct07-ttg.txt", catalogue)
    budget = [t for t in ct07 if t.value == 3]
    assert [(t.indicator_key, t.scope) for t in budget] == [("sti-budget-share", "viet-nam")]
    (gdp,) = [t for t in ct07 if t.value == 2]
    assert (gdp.unit, gdp.year, gdp.scope) == ("% GDP", None, "viet-nam")
    assert gdp.indicator_key != "sti-budget-share"


def test_a_level_is_kept_as_a_qualitative_target(catalogue):
    # seed 000: "trình độ, năng lực công nghệ, chuyển đổi mô hình sản xuất của doanh nghiệp đạt
    # mức khá của cả nước" — no value, the statement kept, the curated indicator resolved
    (level,) = [t for t in _targets("000_a3683a6493bfc795.txt", catalogue) if t.qualitative]
    assert level.qualitative == "mức khá của cả nước"
    assert (level.value, level.comparator, level.unit) == (None, None, None)
    assert level.indicator_key == "enterprise-technology-capability"
    assert level.scope == "binh-duong"
    # "đạt mức tiên tiến trong nhóm 5 địa phương dẫn đầu toàn quốc": the rank is the target
    assert not [t for t in _targets("dev-da-nang-kh309-tu.txt", catalogue) if t.qualitative]


def test_annual_targets_after_a_goal_paragraph(catalogue):
    # Cao Bằng: "… tỉnh Cao Bằng phấn đấu, …" then "Hằng năm, tỷ lệ … đạt 80% trở lên; kết nạp
    # đảng viên mới đạt từ 1.500 đến 1.600 đảng viên." ("đảng viên mới đạt" is no "mới đạt"
    # result); Cần Thơ: "484 đại biểu đại diện cho 143.000 đảng viên" describes, it sets nothing
    got = {
        t.value: (t.comparator, t.upper_value, t.unit, t.year, t.indicator_text)
        for t in _targets("dev-m-cao-bang-daihoi.txt", catalogue)
    }
    assert got[80][:4] == ("gte", None, "%", None)
    assert got[1500] == ("range", 1600, "đảng viên", None, "kết nạp đảng viên mới")
    assert not [t for t in _targets("dev-can-tho-dai-hoi-ket-qua.txt", catalogue) if t.value]


def test_a_count_in_millions_keeps_its_multiplier_in_the_unit(catalogue):
    # "Tỉnh cũng đặt mục tiêu đón 18,5 triệu lượt khách du lịch" (Gia Lai, under 2030)
    (tourists,) = [
        t for t in _targets("dev-gia-lai-dai-hoi-chi-tieu.txt", catalogue) if t.value == 18.5
    ]
    assert (tourists.unit, tourists.year, tourists.indicator_text) == (
        "triệu lượt khách",
        2030,
        "lượt khách du lịch",
    )


def test_the_clauses_after_a_results_opening_report_results(catalogue):
    # "Lực lượng Công an đã phát huy vai trò …; phát triển ứng dụng VNeID …, thu hút trung bình
    # 1,5 triệu lượt truy cập mỗi ngày; …"
    assert not [t for t in _targets("dev-m-bca-vnplus.txt", catalogue) if t.value == 1.5]


def test_a_count_of_places_is_named_by_what_is_done_there(catalogue):
    # seed 003: "tỉnh tiến hành giáo dục STEM tại 35 trường" — not "trường" alone
    (schools,) = [t for t in _targets("003_0098b399aefe7cee.txt", catalogue) if t.value == 35]
    assert schools.indicator_text == "trường được tiến hành giáo dục STEM"
    assert is_noun_phrase(schools.indicator_text)
