"""What ``policygraph extract`` tells a reviewer besides the fact: its line, the sections around
it, the context it inherited (heading, earlier sentence, letterhead, the text's date) and a flag
for each guess. Lines are from the development texts in data/sources."""

from __future__ import annotations

from datetime import date

from ingest.extract import extract_all
from ingest.model import AgencyFact, AssignmentFact, Fact, SourceMeta, SourceText, TargetFact
from ingest.provenance import Explainer, Provenance
from ingest.sources import read_source
from tests.ingest.common import SOURCES, curated_catalogue, source_of
from tests.ingest.test_assignments_tree import LANG_SON, PLAN


def explained(src: SourceText) -> list[tuple[Fact, Provenance]]:
    catalogue = curated_catalogue()
    explainer = Explainer(src, catalogue)
    return [(fact, explainer.explain(fact)) for fact in extract_all(src, catalogue)]


def test_a_lead_from_a_section_heading_and_a_deadline_year_from_the_text_date_are_flagged():
    src = source_of(PLAN, "plan", SourceMeta(date=date(2025, 3, 1)))
    tasks = [(f, p) for f, p in explained(src) if isinstance(f, AssignmentFact)]
    (first, why), (_, why2), (third, why3) = tasks
    assert why.sections == ("IV. TỔ CHỨC THỰC HIỆN", "3. Sở Nội vụ:")
    assert "lead Sở Nội vụ from heading «3. Sở Nội vụ:» (line 2)" in why.inherited
    assert "lead carried over from a heading" in why.guesses
    assert "lead carried over from a heading" in why2.guesses
    assert first.deadline == "2025-06-30"
    assert "deadline year inherited" in why.guesses
    assert why.line == 3 and why2.line == 4
    # "Giao Giám đốc Sở Tài chính chủ trì …" names its lead: nothing carried over
    assert third.leads[0].key == "so-tai-chinh"
    assert not [g for g in why3.guesses if g.startswith("lead")]


def test_a_lead_carried_over_subject_less_sentences_names_the_sentence_it_came_from():
    src = source_of(LANG_SON, "lang-son", SourceMeta(date=date(2025, 5, 7)))
    tasks = [p for f, p in explained(src) if isinstance(f, AssignmentFact)]
    assert [any("earlier sentence" in g for g in p.guesses) for p in tasks] == [False, True, True]
    assert "lead Sở Khoa học và Công nghệ from an earlier sentence (line 1)" in tasks[1].inherited


def test_a_year_from_the_heading_of_a_list_names_the_heading():
    """Điện Biên's digital-transformation figures as a plan lists them under a year heading."""
    text = (
        "II. MỤC TIÊU\n1. Mục tiêu đến năm 2030:\n- Kinh tế số chiếm tối thiểu 15% GRDP của tỉnh.\n"
    )
    src = source_of(text, "dien-bien", SourceMeta(publisher="UBND tỉnh Điện Biên"))
    (target, why) = next((f, p) for f, p in explained(src) if isinstance(f, TargetFact))
    assert target.year == 2030 and "2030" not in target.evidence.quote
    assert "year 2030 from heading «1. Mục tiêu đến năm 2030:» (line 2)" in why.inherited
    assert "year inherited" in why.guesses
    assert (
        "scope: Điện Biên, the province the source is about (its publisher, UBND tỉnh Điện Biên)"
        in why.inherited
    )


def test_a_letterhead_body_and_a_steering_committee_named_in_part_are_flagged():
    """Tuyên Quang's KH 60/KH-UBND: the letterhead says only "ỦY BAN NHÂN DÂN", and the text
    says "Ban Chỉ đạo chuyển đổi số tỉnh", read as the province's curated steering committee."""
    src = read_source(SOURCES / "dev-tuyen-quang-kh60.txt")
    agencies = {f.agency.key: (f, p) for f, p in explained(src) if isinstance(f, AgencyFact)}
    _, letterhead = agencies["ubnd-tuyen-quang"]
    assert letterhead.line == 9
    assert "province taken from the letterhead" in letterhead.guesses
    fact, steering = agencies["bcd-nq57-tuyen-quang"]
    assert fact.agency.name == "Ban Chỉ đạo chuyển đổi số tỉnh"
    assert (
        "agency Ban Chỉ đạo chuyển đổi số tỉnh resolved by a partial or short name"
        in steering.guesses
    )
    assert steering.sections[0] == "Phần I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2024"


def test_a_bare_steering_committee_is_flagged_and_a_standard_short_form_is_not():
    """Phú Thọ: "Sở Khoa học và Công nghệ - Cơ quan Thường trực Ban Chỉ đạo": whose Ban Chỉ đạo
    is a guess; "UBND tỉnh" is the curated short form (only its province comes from context)."""
    src = read_source(SOURCES / "dev-phu-tho-ket-qua-nq57.txt")
    agencies = {f.agency.key: p for f, p in explained(src) if isinstance(f, AgencyFact)}
    steering = agencies["bcd-nq57-phu-tho"]
    assert "agency Ban Chỉ đạo resolved by a bare short form" in steering.guesses
    assert not [g for g in agencies["ubnd-phu-tho"].guesses if "short" in g]


def test_a_named_curated_national_body_has_nothing_guessed():
    src = read_source(SOURCES / "dev-m-tb552-vpcp.txt")
    for fact, why in explained(src):
        if isinstance(fact, AgencyFact) and fact.agency.key in ("bo-cong-an", "bo-noi-vu"):
            assert not why.guesses, (fact.agency, why)


def test_a_lead_from_the_lead_in_of_a_list_is_named_as_such():
    """dev-m-bkhcn-9nv: "Theo đó, Bộ KH&CN tập trung triển khai 9 nhiệm vụ trọng tâm:" then
    "Một là, quán triệt, tổ chức thực hiện …"."""
    src = read_source(SOURCES / "dev-m-bkhcn-9nv.txt")
    tasks = [(f, p) for f, p in explained(src) if isinstance(f, AssignmentFact)]
    first, why = next((f, p) for f, p in tasks if f.task.startswith("quán triệt"))
    assert first.leads[0].key == "bo-khcn"
    assert "lead carried over from the lead-in of a list" in why.guesses
    assert "lead Bộ KH&CN from the list's lead-in (line 4)" in why.inherited


def test_a_province_from_the_text_says_how_the_text_gave_it():
    """dev-gia-lai-dai-hoi-chi-tieu: a news text with no letterhead; its targets' scope is the
    province the text names most."""
    src = read_source(SOURCES / "dev-gia-lai-dai-hoi-chi-tieu.txt")
    scoped = [p for f, p in explained(src) if isinstance(f, TargetFact) and f.scope == "gia-lai"]
    reasons = {i for p in scoped for i in p.inherited if i.startswith("scope: Gia Lai")}
    assert reasons and all("the province the text names most:" in r for r in reasons)
