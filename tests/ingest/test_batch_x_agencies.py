"""Agencies on batch X's misses: a unit of a ministry whose name ends in a field written in
lower case ("Cục Công nghệ thông tin"), a province's news reprinted by a national site.
Each case reads a real text in data/sources."""

from __future__ import annotations

from dataclasses import replace

from ingest.model import AgencyFact
from ingest.resolve import find_agencies
from ingest.resolve.context import province_of_source
from ingest.resolve.names import pattern_names
from ingest.sources import read_source
from tests.ingest.common import SOURCES, curated_catalogue, source_facts, tasks_of


def _names(stem: str) -> set[str]:
    return {f.agency.name for f in source_facts(stem) if isinstance(f, AgencyFact)}


def test_a_department_named_by_its_field_in_lower_case_is_whole() -> None:
    """Bộ Tư pháp: "… phối hợp với … và Cục Công nghệ thông tin để trực tiếp chỉ đạo …. Cục Công
    nghệ thông tin được giao làm đầu mối tổng hợp thông tin, …" (and batch Q's Bộ Y tế text):
    the whole name, not "Cục Công nghệ"; the department then leads its task."""
    for stem in ("dev-x-btp-bcd-phien-hop-1", "dev-q-byt-qd1710"):
        names = _names(stem)
        assert "Cục Công nghệ thông tin" in names
        assert "Cục Công nghệ" not in names
    (task,) = [t for t in tasks_of("dev-x-btp-bcd-phien-hop-1") if t.task.startswith("làm đầu")]
    assert [lead.name for lead in task.leads] == ["Cục Công nghệ thông tin"]
    text = "Trung tâm Công nghệ thông tin và Viện Công nghệ thông báo kết quả"
    found = [text[a:b] for a, b in pattern_names(text)]
    assert found == ["Trung tâm Công nghệ thông tin", "Viện Công nghệ"]


def test_a_national_site_reprinting_a_province_s_news_keeps_the_province() -> None:
    """Công văn 3400/UBND-KGVX of Cần Thơ, reprinted by the Ministry of Construction's site
    (publisher "Bộ Xây dựng (moc.gov.vn; reprint of Cần Thơ news)"): "giao Sở Thông tin và
    Truyền thông …" is Cần Thơ's department (curated, merged in 2025 into Sở KH&CN), not a body
    of no province; a national publisher naming no province still gives no province."""
    stem = "dev-x-can-tho-cv3400-nq02"
    keys = {f.agency.key for f in source_facts(stem) if isinstance(f, AgencyFact)}
    assert "so-tttt-can-tho" in keys
    (task,) = [t for t in tasks_of(stem) if t.task.startswith("tham mưu UBND thành phố")]
    assert [lead.key for lead in task.leads] == ["so-tttt-can-tho"]
    source = read_source(SOURCES / f"{stem}.txt")
    assert province_of_source(source, curated_catalogue()) == "can-tho"
    national = replace(source, meta=replace(source.meta, publisher="Bộ Xây dựng (moc.gov.vn)"))
    assert province_of_source(national, curated_catalogue()) is None


def test_a_ministry_s_party_bodies_are_bodies_of_their_own() -> None:
    """Bộ Y tế: "Nghị quyết số 157-NQ/BCSĐ … của Ban cán sự Bộ Y tế" (without "đảng"); Bộ Tư pháp:
    "báo cáo Đảng uỷ Bộ Tư pháp": national bodies of their own beside the ministry."""
    found = {
        f.agency.name: f.agency.level
        for f in source_facts("dev-x-byt-cds-2025")
        if isinstance(f, AgencyFact)
    }
    assert found["Ban cán sự Bộ Y tế"] == "national"
    assert "Bộ Y tế" in found
    keys = {
        f.agency.key for f in source_facts("dev-x-btp-bcd-phien-hop-1") if isinstance(f, AgencyFact)
    }
    assert {"dang-uy-bo-tu-phap", "bo-tu-phap"} <= keys


def test_a_ministry_s_steering_committee_named_without_de() -> None:
    """Bộ NN&MT: "Tại phiên họp của Ban chỉ đạo Bộ Nông nghiệp và Môi trường vào chiều 9/3/2026":
    the ministry's steering committee, one key with "Ban Chỉ đạo của Bộ … về …"."""
    text = (
        "Tại phiên họp của Ban chỉ đạo Bộ Nông nghiệp và Môi trường vào chiều 9/3/2026, Bộ trưởng"
    )
    found = [(text[m.start : m.end], m.ref.key) for m in find_agencies(text, curated_catalogue())]
    assert found[0] == ("Ban chỉ đạo Bộ Nông nghiệp và Môi trường", "bcd-bo-nnmt")
    keys = {
        f.agency.key
        for f in source_facts("dev-x-bnnmt-csdl-dat-dai-2026")
        if isinstance(f, AgencyFact)
    }
    assert {"bcd-bo-nnmt", "bo-nnmt"} <= keys


def test_a_numbered_regional_branch_is_whole_and_of_no_province() -> None:
    """Cần Thơ's steering committee's members include "Kho bạc Nhà nước khu vực XIX": a regional
    branch over several provinces, named whole, of no province."""
    found = {
        f.agency.name: f.agency
        for f in source_facts("dev-x-can-tho-bcd-khcn-2025")
        if isinstance(f, AgencyFact)
    }
    assert "Kho bạc Nhà nước" not in found
    assert found["Kho bạc Nhà nước khu vực XIX"].province is None
    text = "Kho bạc Nhà nước khu vực 2 phối hợp"
    assert [text[a:b] for a, b in pattern_names(text)] == ["Kho bạc Nhà nước khu vực 2"]


def test_the_city_s_fatherland_front_committee_is_its_own_body() -> None:
    """TP HCM's steering committee's members: "… thường trực HĐND TP HCM, Ủy ban MTTQ TP HCM, Văn
    phòng UBND TP HCM …": the city's Fatherland Front committee, not the national front."""
    text = "thường trực HĐND TP HCM, Ủy ban MTTQ TP HCM, Văn phòng UBND TP HCM, lãnh đạo"
    found = [(text[m.start : m.end], m.ref.key) for m in find_agencies(text, curated_catalogue())]
    assert ("Ủy ban MTTQ TP HCM", "ub-mttq-ho-chi-minh") in found
    keys = {
        f.agency.key for f in source_facts("dev-x-hcm-bcd-khcn-ubnd") if isinstance(f, AgencyFact)
    }
    assert "ub-mttq-ho-chi-minh" in keys
    assert "mttq" not in keys
