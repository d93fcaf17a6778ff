"""Documents and implements links read from the opening of real plans (batch P texts in
data/sources): every document a "Thực hiện …" line, the title or the purpose lists is carried out
by the text's own document; "Kế hoạch … như sau" is that document; a programme a resolution
issues is part of it; "Căn cứ …" is a legal basis, not an implements link."""

from __future__ import annotations

from datetime import date

from rdflib import Graph

from ingest.emit import emit_document
from ingest.extract import extract_all
from ingest.extract.gold_format import to_gold_format
from ingest.model import DocumentFact, SourceMeta
from ingest.resolve import Catalogue
from ontology.namespaces import ELI, PG, entity_iri
from tests.ingest.common import source_of

# dev-bac-kan-kh131.txt, lines 1-24 (page chrome, letterhead, title and the "Thực hiện" line)
BAC_KAN_131 = """Hệ thống pháp luật
Đang tải nội dung, vui lòng chờ giây lát...

ỦY BAN NHÂN DÂN
TỈNH BẮC KẠN
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 131/KH-UBND

Bắc Kạn, ngày 28 tháng 02 năm 2025

KẾ HOẠCH

TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 03/NQ-CP NGÀY 09/01/2025 CỦA CHÍNH PHỦ VÀ CHƯƠNG TRÌNH HÀNH \
ĐỘNG SỐ 35-CTR/TU NGÀY 14/02/2025 CỦA BAN THƯỜNG VỤ TỈNH ỦY BẮC KẠN THỰC HIỆN NGHỊ QUYẾT SỐ \
57-NQ/TW NGÀY 22/12/2024 CỦA BỘ CHÍNH TRỊ VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI \
SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ QUỐC GIA

Thực hiện Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ ban hành Chương trình hành động \
thực hiện Nghị quyết số 57 -NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa \
học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia (Nghị quyết số 03/NQ-CP); Chương \
trình hành động số 35-CTr/TU ngày 14/02/2025 của Ban Thường vụ Tỉnh uỷ Bắc Kạn về thực hiện \
Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công \
nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia (Chương trình hành động số 35-CTr/TU), Uỷ ban \
nhân dân tỉnh Bắc Kạn ban hành Kế hoạch triển khai thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU

Cụ thể hóa và tổ chức thực hiện đầy đủ các quan điểm, mục tiêu, nhiệm vụ và giải pháp đã đề ra \
tại Nghị quyết số 03/NQ-CP và Chương trình hành động số 35-CTr/TU.
"""

# dev-lang-son-kh145.txt: letterhead number, the "Thực hiện" line and the purpose
LANG_SON_145 = """Số: 145/KH-UBND |
Lạng Sơn, ngày 28 tháng 5 năm 2025 |
Thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ sửa đổi, bổ sung cập nhật \
Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ \
Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia; \
Kế hoạch hành động số 238-KH/TU, ngày 23/5/2025 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết \
số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới \
sáng tạo và chuyển đổi số quốc gia; UBND tỉnh Lạng Sơn xây dựng Kế hoạch triển khai thực hiện \
như sau:
1. Mục đích
Cụ thể hóa và tổ chức thực hiện các quan điểm, mục tiêu, nhiệm vụ, giải pháp đã đề ra tại Nghị \
quyết số 57-NQ/TW, Nghị quyết số 71/NQ-CP và Kế hoạch hành động số 238-KH/TU.
"""

# dev-thanh-hoa-kh130.txt, lines 1-6
THANH_HOA_130 = """Để sử dụng toàn bộ tiện ích nâng cao của Hệ Thống Pháp Luật vui lòng lựa \
chọn và đăng ký gói cước.
ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 130/KH-UBND | Thanh Hoá, ngày 27 tháng 6 năm 2025 |
KẾ HOẠCH
TRIỂN KHAI PHONG TRÀO THI ĐUA “CẢ NƯỚC THI ĐUA ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ” TRÊN ĐỊA BÀN \
TỈNH THANH HÓA
Thực hiện Quyết định số 923/QĐ-TTg ngày 14/5/2025 của Thủ tướng Chính phủ ban hành Kế hoạch \
triển khai Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” (sau đây viết \
tắt là Phong trào thi đua), Ủy ban nhân dân tỉnh Thanh Hóa ban hành Kế hoạch triển khai Phong \
trào thi đua trên địa bàn tỉnh như sau:
I. MỤC ĐÍCH, YÊU CẦU
"""

# dev-bac-ninh-kh186.txt, lines 14-24: a preamble of "Căn cứ" lines only
BAC_NINH_186 = """Số: 186/KH-UBND |
Bắc Ninh, ngày 29 tháng 12 năm 2025 |
KẾ HOẠCH
PHÁT TRIỂN CHÍNH QUYỀN SỐ TỈNH BẮC NINH GIAI ĐOẠN 2026-2030
Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, \
công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;
Căn cứ Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ ban hành Chương trình hành động thực \
hiện Nghị quyết số 57-NQ/TW;
Căn cứ Nghị quyết số 214/NQ-CP ngày 23/7/2025 của Chính phủ về thúc đẩy tạo lập dữ liệu phục vụ \
chuyển đổi số toàn diện;
Căn cứ Quyết định số 2629/QĐ-TTg ngày 01/12/2025 của Thủ tướng Chính phủ về việc Phê duyệt \
Chương trình phát triển Chính phủ số;
Theo đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số 164/TTr- SKHCN ngày 17/12/2025.
Ủy ban nhân dân tỉnh ban hành Kế hoạch phát triển Chính quyền số tỉnh Bắc Ninh giai đoạn \
2026-2030, cụ thể như sau:
I. MỤC ĐÍCH, YÊU CẦU
- Tiếp tục nêu cao tinh thần trách nhiệm, tiên phong, gương mẫu trong quá trình triển khai thực \
hiện các nhiệm vụ được giao tại Nghị quyết số 57- NQ/TW ngày 22/12/2024 của Bộ Chính trị.
"""


def documents(text: str, catalogue: Catalogue) -> dict[str, DocumentFact]:
    source = source_of(text, "t", SourceMeta(date=date(2025, 6, 1)))
    facts = [f for f in extract_all(source, catalogue) if isinstance(f, DocumentFact)]
    return {f.ref.number or f.ref.key: f for f in facts}


def numbers(refs: list) -> set[str]:
    return {r.number or r.key for r in refs}


def test_every_document_of_the_list_is_carried_out_not_those_named_inside(
    catalogue: Catalogue,
) -> None:
    docs = documents(BAC_KAN_131, catalogue)
    own = docs["131/KH-UBND"]
    assert numbers(own.implements) == {"03/NQ-CP", "35-CTr/TU"}  # not 57, named inside them
    assert numbers(docs["03/NQ-CP"].implements) == {"57-NQ/TW"}
    assert numbers(docs["35-CTr/TU"].implements) == {"57-NQ/TW"}
    assert "35-CTR/TU" not in docs  # the title's capitals give the canonical number
    plans = [d for d in docs.values() if d.ref.doc_type == "Plan"]
    assert plans == [own]  # "ban hành Kế hoạch triển khai thực hiện như sau" is the text itself
    programme = next(d for d in docs.values() if d.ref.doc_type == "ActionProgramme" and d.part_of)
    assert programme.part_of.number == "03/NQ-CP"  # issued by the resolution


def test_a_resolution_updating_a_programme_carries_out_its_resolution(
    catalogue: Catalogue,
) -> None:
    docs = documents(LANG_SON_145, catalogue)
    own = docs["145/KH-UBND"]
    # the "Thực hiện" line gives 71 and 238; the purpose adds 57
    assert numbers(own.implements) == {"71/NQ-CP", "238-KH/TU", "57-NQ/TW"}
    assert numbers(docs["71/NQ-CP"].implements) == {"57-NQ/TW"}
    assert not [d for d in docs.values() if d.ref.doc_type == "Plan" and not d.ref.number]
    programme = next(d for d in docs.values() if d.ref.doc_type == "ActionProgramme")
    assert programme.ref.key == "ctrhd-cp-57-2025"  # the node the appendix tables fill
    assert programme.part_of is None  # updated by 71 but issued with 03: not a part of 71


def test_a_plan_a_decision_issues_is_that_decisions_and_page_chrome_is_no_document(
    catalogue: Catalogue,
) -> None:
    docs = documents(THANH_HOA_130, catalogue)
    assert numbers(docs["130/KH-UBND"].implements) == {"923/QĐ-TTg"}
    national = [d for d in docs.values() if d.ref.doc_type == "Plan" and not d.ref.number]
    assert [d.part_of.number for d in national] == ["923/QĐ-TTg"]
    assert not any("gói cước" in (d.ref.title or "") for d in docs.values())
    gold = to_gold_format(list(docs.values()), catalogue)["documents"]
    assert sorted(d["number"] for d in gold) == ["130/KH-UBND", "923/QĐ-TTg"]


def test_can_cu_is_the_legal_basis_not_an_implements_link(catalogue: Catalogue) -> None:
    docs = documents(BAC_NINH_186, catalogue)
    own = docs["186/KH-UBND"]
    assert own.implements == []  # neither the bases nor "nhiệm vụ được giao tại Nghị quyết 57"
    assert numbers(own.based_on) == {"57-NQ/TW", "71/NQ-CP", "214/NQ-CP", "2629/QĐ-TTg"}
    assert numbers(docs["71/NQ-CP"].implements) == {"57-NQ/TW"}
    assert [d for d in docs.values() if d.ref.doc_type == "Plan"] == [own]


def test_bulleted_documents_under_the_title_are_the_legal_basis(catalogue: Catalogue) -> None:
    # dev-dak-lak-kh0155.txt, lines 14-21: the "Căn cứ" heading is left implied
    text = (
        "Số: 0155/KH-UBND |\nĐắk Lắk, ngày 24 tháng 12 năm 2025 |\n"
        "CHUYỂN ĐỔI SỐ TỈNH ĐẮK LẮK NĂM 2026\n"
        "- Luật Công nghệ thông tin ngày 29/6/2006;\n"
        "- Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa "
        "học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;\n"
        "- Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương "
        "trình chuyển đổi số quốc gia đến năm 2025, định hướng năm 2030;\n"
        "I. MỤC TIÊU\n"
    )
    docs = documents(text, catalogue)
    own = docs["0155/KH-UBND"]
    assert own.implements == []
    assert numbers(own.based_on) == {"nd-luat-cong-nghe-thong-tin", "57-NQ/TW", "749/QĐ-TTg"}


def test_the_legal_basis_is_emitted_as_eli_based_on(catalogue: Catalogue) -> None:
    docs = documents(BAC_NINH_186, catalogue)
    graph = Graph()
    emit_document(graph, docs["186/KH-UBND"])
    own = entity_iri("document", docs["186/KH-UBND"].ref.key)
    bases = set(graph.objects(own, ELI.based_on))
    assert entity_iri("document", docs["57-NQ/TW"].ref.key) in bases and len(bases) == 4
    assert not list(graph.objects(own, PG.implements))


def test_a_report_carries_out_nothing(catalogue: Catalogue) -> None:
    # the report named as the seed texts name results ("kết quả thực hiện Nghị quyết số 57")
    text = (
        "Sở Khoa học và Công nghệ gửi Báo cáo số 77/BC-SKHCN về kết quả thực hiện Nghị quyết số "
        "57-NQ/TW."
    )
    docs = documents(text, catalogue)
    assert docs["77/BC-SKHCN"].implements == []


def test_malformed_numbers_are_canonical(catalogue: Catalogue) -> None:
    # dev-nghe-an-kh305.txt: "Kế hoạch số 305 -KH/TU … Nghị quyết số 57 - NQ/TW"
    text = (
        "Ban Thường vụ Tỉnh ủy Nghệ An ký ban hành Kế hoạch số 305 -KH/TU ngày 20/2/2025 triển "
        "khai quán triệt, tuyên truyền và thực hiện Nghị quyết số 57 - NQ/TW, ngày 22/12/2024 của "
        "Bộ Chính trị; Nghị quyết số 57--NQ/TW."
    )
    docs = documents(text, catalogue)
    assert set(docs) == {"305-KH/TU", "57-NQ/TW"}
    assert numbers(docs["305-KH/TU"].implements) == {"57-NQ/TW"}


# --- one document, however it is named (batch M texts) -----------------------------------------

# dev-m-tb47-bcdtw.txt, lines 2-6 (shortened after the bracket)
TB47 = """BAN CHỈ ĐẠO TRUNG ƯƠNG | ĐẢNG CỘNG SẢN VIỆT NAM |
Số 47-TB/TGV | Hà Nội, ngày 17 tháng 10 năm 2025 |
THÔNG BÁO KẾT LUẬN
CUỘC HỌP CỦA LÃNH ĐẠO BAN CHỈ ĐẠO TRUNG ƯƠNG VỀ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO \
VÀ CHUYỂN ĐỔI SỐ VỚI THƯỜNG TRỰC TỔ GIÚP VIỆC VÀ CÁC CƠ QUAN CÓ LIÊN QUAN
Triển khai kết luận của đồng chí Tổng Bí thư, Trưởng Ban Chỉ đạo Trung ương về phát triển khoa \
học, công nghệ, đổi mới sáng tạo và chuyển đổi số (gọi tắt là Ban Chỉ đạo) tại Hội nghị sơ kết \
tình hình triển khai thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị trong \
Quý III/2025 và nhiệm vụ, giải pháp trọng tâm cuối năm 2025 (Thông báo Kết luận số \
07-TB/CQTTBCĐ ngày 15/10/2025), ngày 16/10/2025, các đồng chí đã chủ trì cuộc họp.
"""

# dev-m-nq193-qh15.txt, lines 22-26
NQ193_BASES = """Căn cứ Luật Tổ chức Quốc hội số 57/2014/QH13 đã
được sửa đổi, bổ sung một số điều theo Luật số 65/2020/QH14 và Luật số
62/2025/QH15;
Căn cứ Luật Ban hành văn bản quy phạm pháp luật
số 80/2015/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số 63/2020/QH14;
"""


def test_the_title_line_is_the_text_and_an_unknown_series_is_kept_as_written(
    catalogue: Catalogue,
) -> None:
    docs = documents(TB47, catalogue)
    assert set(docs) == {"47-TB/TGV", "57-NQ/TW", "07-TB/CQTTBCĐ"}  # no "Thông báo KẾT LUẬN"
    assert docs["07-TB/CQTTBCĐ"].ref.title == "Thông báo Kết luận"
    # "Triển khai kết luận … (Thông báo Kết luận số 07-TB/CQTTBCĐ …)", not the 57 it mentions
    assert numbers(docs["47-TB/TGV"].implements) == {"07-TB/CQTTBCĐ"}


def test_a_law_named_by_title_then_number_is_one_document(catalogue: Catalogue) -> None:
    docs = documents(NQ193_BASES, catalogue)
    assert docs["57/2014/QH13"].ref.title == "Luật Tổ chức Quốc hội"
    assert docs["80/2015/QH13"].ref.title == "Luật Ban hành văn bản quy phạm pháp luật"
    assert all(d.ref.number for d in docs.values())


def test_a_short_form_in_brackets_and_a_verb_after_the_head_name_no_new_document(
    catalogue: Catalogue,
) -> None:
    # dev-m-ct07-ttg.txt and dev-m-ct33-ttg.txt
    text = (
        "Thủ tướng Chính phủ ban hành Chỉ thị số 07/CT-TTg ngày 14/3/2025 về đẩy mạnh triển khai "
        "Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển "
        "đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030 (Đề án 06) tại các bộ, "
        "ngành, địa phương năm 2025.\n\nChỉ thị nêu rõ, thời gian qua, công tác cải cách hành "
        "chính và triển khai Đề án 06 đã đạt được những kết quả ban đầu quan trọng."
    )
    docs = documents(text, catalogue)
    assert len(docs) == 2
    project = next(d for d in docs.values() if d.ref.doc_type == "Project")
    assert project.ref.title.startswith("Đề án phát triển ứng dụng dữ liệu về dân cư")
    assert [r.key for r in docs["07/CT-TTg"].implements] == [project.ref.key]


def test_news_names_the_plan_it_reports_by_headline_and_number(catalogue: Catalogue) -> None:
    # dev-nghe-an-kh305.txt, lines 1 and 3
    text = (
        "Tỉnh ủy Nghệ An ban hành Kế hoạch quán triệt, tuyên truyền, thực hiện Nghị quyết của Bộ "
        "Chính trị về đột phá khoa học, công nghệ\nĐồng chí Hoàng Nghĩa Hiếu – Phó Bí thư Thường "
        "trực Tỉnh ủy, Chủ tịch HĐND tỉnh vừa thay mặt Ban Thường vụ Tỉnh ủy Nghệ An ký ban hành "
        "Kế hoạch số 305 -KH/TU ngày 20/2/2025 triển khai quán triệt, tuyên truyền và thực hiện "
        "Nghị quyết số 57 - NQ/TW, ngày 22/12/2024 của Bộ Chính trị."
    )
    docs = documents(text, catalogue)
    assert set(docs) == {"305-KH/TU", "57-NQ/TW"}
    assert docs["305-KH/TU"].ref.title.startswith("Kế hoạch quán triệt, tuyên truyền")


def test_a_reporting_verb_ends_a_title(catalogue: Catalogue) -> None:
    # dev-gia-lai-dai-hoi-chi-tieu.txt
    text = (
        "Đại hội Đại biểu Đảng bộ tỉnh Gia Lai lần thứ I, nhiệm kỳ 2025-2030 đã thông qua Nghị "
        "quyết Đại hội, nhất trí mục tiêu, định hướng chiến lược phát triển và nhiệm vụ, giải pháp "
        "nhiệm kỳ 2025-2030. Nghị quyết Đại hội xác định mục tiêu chung."
    )
    docs = documents(text, catalogue)
    assert [d.ref.title for d in docs.values()] == ["Nghị quyết Đại hội"]
