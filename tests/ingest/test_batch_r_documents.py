"""Document and implements rules batch R showed were missing (issue 13, batch R in
`docs/extraction-quality.md`), checked on the real texts in data/sources: a document's date from
its own date line, laws named by title and number, congress resolutions carried out, updated
programmes."""

from __future__ import annotations

from datetime import date
from functools import cache

from ingest.extract import extract_all
from ingest.extract.context import make_context
from ingest.extract.documents import find_mentions
from ingest.extract.gold_format import to_gold_format
from ingest.model import DocumentFact
from ingest.sources import read_source
from tests.ingest.common import SOURCES


@cache
def _read(name: str):
    return read_source(SOURCES / name)


def _documents(name: str, catalogue) -> list[DocumentFact]:
    return [f for f in extract_all(_read(name), catalogue) if isinstance(f, DocumentFact)]


def _by_number(name: str, catalogue) -> dict[str, DocumentFact]:
    return {f.ref.number: f for f in _documents(name, catalogue) if f.ref.number}


def _gold_documents(name: str, catalogue) -> list[dict]:
    return to_gold_format(list(extract_all(_read(name), catalogue)), catalogue)["documents"]


def test_the_own_date_line_dates_the_document_not_a_date_its_text_quotes(catalogue):
    """Hà Nội 139/KH-UBND: "Hà Nội, ngày 16 tháng 05 năm 2025" beside "Số: 139/KH-UBND |" (a
    letterhead laid out as table cells) dates it; "Thực hiện Nghị quyết số 57-NQ/TW ngày
    22/12/2024 …, UBND Thành phố ban hành Kế hoạch …" quotes 57-NQ/TW's date, not the plan's."""
    documents = _by_number("dev-q-ha-noi-kh139.txt", catalogue)
    assert documents["139/KH-UBND"].issued == date(2025, 5, 16)
    assert documents["57-NQ/TW"].issued == date(2024, 12, 22)
    source = _read("dev-q-ha-noi-kh139.txt")
    issued_plan = [
        m
        for m in find_mentions(source, make_context(source, catalogue))
        if m.title and m.title.startswith("Kế hoạch tổ chức")
    ]
    assert issued_plan and all(m.issued is None for m in issued_plan)


def test_number_and_date_in_one_row_of_the_letterhead(catalogue):
    """ "Số: 17/KH-UBND | Bắc Ninh, ngày 11 tháng 8 năm 2025 |": the date in the next cell;
    "Số:\\n40/2024/QĐ-UBND" with "Đồng Nai, ngày 20\\ntháng 9 năm 2024" broken over lines."""
    assert _by_number("dev-bac-ninh-kh17.txt", catalogue)["17/KH-UBND"].issued == date(2025, 8, 11)
    qd40 = _by_number("dev-r-dong-nai-qd40.txt", catalogue)["40/2024/QĐ-UBND"]
    assert qd40.issued == date(2024, 9, 20)
    an_giang = _by_number("dev-r-an-giang-qd1762.txt", catalogue)["1762/QĐ-UBND"]
    assert an_giang.issued == date(2022, 7, 13)


def test_a_law_named_by_title_and_bare_number_is_one_document(catalogue):
    """Bộ Tư pháp 3133/QĐ-BTP: "Căn cứ Luật Công nghệ thông tin 67/2006/QH11 ngày 29/6/2006" (no
    "số") is one law, and "… của Luật An ninh mạng" later is the "Luật An ninh mạng số
    24/2018/QH14" cited above, not a second law."""
    laws = [
        d for d in _gold_documents("dev-r-btp-qd3133.txt", catalogue) if "QH" in (d["number"] or "")
    ]
    assert {(d["number"], d["title"]) for d in laws} == {
        ("67/2006/QH11", "Luật Công nghệ thông tin"),
        ("86/2015/QH13", "Luật An toàn thông tin mạng"),
        ("24/2018/QH14", "Luật An ninh mạng"),
    }
    titled_only = [d for d in _gold_documents("dev-r-btp-qd3133.txt", catalogue) if not d["number"]]
    assert titled_only == []


def test_an_amending_law_names_the_laws_it_amends_in_its_title(catalogue):
    """ "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức Chính quyền
    địa phương ngày 22 tháng 11 năm 2019" is one law (An Giang; in Đồng Nai broken over lines),
    and Đồng Nai's two amending laws stay two; "Luật … địa phương ngày\\n19 tháng 6 năm 2015" keeps
    no dangling "ngày" and gets its own date."""
    an_giang = {
        d["title"]: d["date"] for d in _gold_documents("dev-r-an-giang-qd1762.txt", catalogue)
    }
    amending = (
        "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức Chính quyền"
        " địa phương"
    )
    assert an_giang[amending] == "2019-11-22"
    assert "Luật Tổ chức Chính phủ" not in an_giang
    dong_nai = {
        d["title"]: d["date"] for d in _gold_documents("dev-r-dong-nai-qd40.txt", catalogue)
    }
    assert dong_nai["Luật Tổ chức chính quyền địa phương"] == "2015-06-19"
    assert (
        dong_nai["Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật"]
        == "2020-06-18"
    )
    assert len([t for t in dong_nai if t and t.startswith("Luật sửa đổi")]) == 2


def test_a_regulation_a_decision_issues_is_that_decision(catalogue):
    """Đồng Nai 40/2024/QĐ-UBND (a decision by its code, no head noun before the number):
    "QUYẾT ĐỊNH / BAN HÀNH QUY CHẾ XÉT TẶNG … TỈNH ĐỒNG\\nNAI" and "Ban hành kèm theo Quyết định
    này Quy chế …" name the regulation it issues — part of it, not a document of its own; the
    title ends before the enacting authority "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI"."""
    documents = _gold_documents("dev-r-dong-nai-qd40.txt", catalogue)
    decision = next(d for d in documents if d["number"] == "40/2024/QĐ-UBND")
    assert decision["type"] == "Decision"
    assert decision["title"].endswith("TRÊN ĐỊA BÀN TỈNH ĐỒNG NAI")
    assert not [d for d in documents if (d["title"] or "").startswith("Quy chế")]


def test_congress_resolutions_carried_out_by_the_text_a_page_gives_in_full(catalogue):
    """Phú Yên: the headline "… giới thiệu toàn văn Nghị quyết số 11-NQ/TU …" makes the page that
    resolution; "Quán triệt, thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của
    Đảng, Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020 - 2025, Ban Thường
    vụ Tỉnh ủy ban hành Nghị quyết về … như sau" names the two congress resolutions it carries
    out, and the resolution issued "như sau" is itself, not another."""
    documents = _gold_documents("dev-r-phu-yen-nq11.txt", catalogue)
    congress = [
        "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
        "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020 - 2025",
    ]
    assert [d["title"] for d in documents if not d["number"]] == congress
    own = next(d for d in documents if d["number"] == "11-NQ/TU")
    assert own["implements"] == congress


def test_putting_a_resolution_into_action_names_no_document(catalogue):
    """Tây Ninh: "biến Nghị quyết thành hành động thực tiễn" speaks of 57-NQ/TW; no document
    titled "Nghị quyết thành hành động …"."""
    titles = [d["title"] or "" for d in _gold_documents("dev-r-tay-ninh-nq57.txt", catalogue)]
    assert not [t for t in titles if "thành hành động" in t]


def test_a_programme_an_act_updates_is_that_acts_in_the_gold_view(catalogue):
    """Cà Mau: "Nghị quyết số 71/NQ-CP … sửa đổi, bổ sung cập nhật Chương trình hành động của
    Chính phủ thực hiện Nghị quyết số 57- NQ/TW": the programme is the Government's for 57-NQ/TW
    (odd spacing read), updated by 71/NQ-CP; the gold view folds it into 71/NQ-CP, which carries
    out 57-NQ/TW."""
    facts = _documents("dev-r-ca-mau-kh0280.txt", catalogue)
    programme = next(f for f in facts if f.ref.doc_type == "ActionProgramme")
    assert programme.updated_by is not None and programme.updated_by.number == "71/NQ-CP"
    assert [r.number for r in programme.implements] == ["57-NQ/TW"]
    documents = _gold_documents("dev-r-ca-mau-kh0280.txt", catalogue)
    assert not [d for d in documents if d["type"] == "ActionProgramme"]
    assert next(d for d in documents if d["number"] == "71/NQ-CP")["implements"] == ["57-NQ/TW"]


def test_a_plan_issued_with_a_decision_is_that_decision(catalogue):
    """Hà Nội 139/KH-UBND: "Kế hoạch hành động ban hành kèm theo Quyết định số 8602/QĐ-QĐ/TU …"
    is part of 8602-QĐ/TU; in the gold view it is that decision, and what carries it out (the
    text's own plan) carries out 8602-QĐ/TU."""
    facts = _documents("dev-q-ha-noi-kh139.txt", catalogue)
    issued = next(f for f in facts if (f.ref.title or "").startswith("Kế hoạch hành động ban hành"))
    assert issued.part_of is not None and issued.part_of.number == "8602-QĐ/TU"
    documents = _gold_documents("dev-q-ha-noi-kh139.txt", catalogue)
    assert not [d for d in documents if "kèm theo" in (d["title"] or "")]
    own = next(d for d in documents if d["number"] == "139/KH-UBND")
    assert {"57-NQ/TW", "71/NQ-CP", "8602-QĐ/TU"} <= set(own["implements"])


def test_a_legal_sites_related_document_panels_name_no_document(catalogue):
    """A legal site shows tabs ("Văn bản gốc | Lược đồ | Văn bản liên quan") and panels listing
    the documents it relates to the text; none of the visible sources keeps one, so the panel is
    put around the real An Giang decision as such sites lay it out: the text's documents are the
    same with it as without it."""
    from tests.ingest.common import source_of

    plain = _read("dev-r-an-giang-qd1762.txt")
    panel = (
        "Văn bản gốc | Lược đồ | Văn bản liên quan | Tải về\n"
        + plain.original
        + "\nVăn bản liên quan\n"
        "Quyết định 749/QĐ-TTg năm 2020 phê duyệt Chương trình Chuyển đổi số quốc gia\n"
        "Nghị định 18/2024/NĐ-CP về Giải thưởng Hồ Chí Minh\n"
        "\nLược đồ: Luật Khoa học và công nghệ 2013; Thông tư 03/2023/TT-BKHCN\n"
    )
    framed = source_of(panel, "an-giang-framed", plain.meta)

    def documents(source) -> list[tuple]:
        facts = to_gold_format(list(extract_all(source, catalogue)), catalogue)["documents"]
        return sorted((d["number"] or "", d["title"] or "", d["date"] or "") for d in facts)

    assert documents(framed) == documents(plain)


def test_a_news_headline_names_the_plan_its_body_numbers_and_dates(catalogue):
    """Nam Định: the headline "Kế hoạch thực hiện Chiến lược quốc gia phát triển kinh tế số …"
    and "Thực hiện Quyết định số 411/QĐ-TTg ngày 31-3-2022 … (Chiến lược), ngày 5-8-2022, UBND
    tỉnh ban hành Kế hoạch số 105/KH-UBND …" are one plan, dated 5-8-2022 (not 411's date),
    carrying out 411/QĐ-TTg."""
    documents = _gold_documents("dev-q-nam-dinh-kh105.txt", catalogue)
    assert [d["number"] for d in documents] == ["105/KH-UBND", "411/QĐ-TTg"]
    plan = documents[0]
    assert plan["date"] == "2022-08-05" and plan["implements"] == ["411/QĐ-TTg"]
    assert plan["title"].startswith("Kế hoạch thực hiện Chiến lược quốc gia")


def test_a_sites_page_title_names_the_act_and_what_it_issues(catalogue):
    """Bộ Y tế: the page title "Quyết định 1710/QĐ-BYT ngày 05/04/2023 Kế hoạch hành động thực
    hiện Nghị quyết 157-NQ_BCSĐ …" names the decision by the plan it issues (part of it), and
    "157-NQ_BCSĐ" (the slash written "_") is 157-NQ/BCSĐ."""
    documents = _gold_documents("dev-q-byt-qd1710.txt", catalogue)
    assert [d["number"] for d in documents if d["type"] != "Other"] == [
        "1710/QĐ-BYT",
        "157-NQ/BCSĐ",
    ]
    assert documents[0]["implements"] == ["157-NQ/BCSĐ"]


def test_the_letterhead_body_issues_the_text_and_a_wrapped_title_goes_on(catalogue):
    """Ninh Bình 177/KH-UBND: "ỦY BAN NHÂN / DÂN / TỈNH NINH BÌNH" above "Số: 177/KH-UBND" issues
    it, not the Prime Minister whose decision a sentence quotes ("… 709/QĐ-TTg ngày 23/7/2024 của
    Thủ tướng Chính phủ ban hành Kế hoạch …"); its capitals title wrapped at "… CỦA / BAN THƯỜNG VỤ
    TỈNH ỦY THỰC HIỆN …" goes on past the body's name."""
    plan = _by_number("dev-q-ninh-binh-kh177.txt", catalogue)["177/KH-UBND"]
    assert plan.issuer is not None and plan.issuer.key.startswith("ubnd")
    assert plan.issued == date(2024, 9, 30)
    assert "BAN THƯỜNG VỤ TỈNH ỦY THỰC HIỆN KẾT LUẬN SỐ 69-KL/TW" in (plan.ref.title or "")


def test_a_congress_resolution_in_lower_case_is_a_document(catalogue):
    """Cao Bằng: "… thông qua nghị quyết Đại hội Đảng bộ tỉnh Cao Bằng." — the head in lower case,
    the congress named with capitals: the resolution the congress adopts."""
    titles = [d["title"] for d in _gold_documents("dev-m-cao-bang-daihoi.txt", catalogue)]
    assert "Nghị quyết Đại hội Đảng bộ tỉnh Cao Bằng" in titles
