"""Assignments on batch U's misses, as general rules: a committee's standing duties ("có chức năng,
nhiệm vụ …", "Chức năng, nhiệm vụ của Ban Chỉ đạo là …") and the subject-less sentences that go on
listing them. Each case reads a real batch-U text in data/sources."""

from __future__ import annotations

from tests.ingest.common import lead_task_pairs as pairs
from tests.ingest.common import tasks_of


def test_a_committee_that_has_duties_leads_them_and_the_sentences_going_on() -> None:
    """ "Ban chỉ đạo xây dựng chính quyền điện tử sẽ có chức năng, nhiệm vụ nghiên cứu, đề xuất
    …", then the paragraphs "Đồng thời, giúp UBND tỉnh …" and "Điều phối, đôn đốc, kiểm tra …":
    three tasks of the committee, and no task of the departments it helps direct."""
    found = pairs("dev-u-nghe-an-bcd-cqdt")
    assert [k for k, _ in found] == ["bcd-nq57-nghe-an"] * 3
    tasks = [t for _, t in found]
    assert tasks[0].startswith("nghiên cứu, đề xuất với UBND tỉnh, Chủ tịch UBND tỉnh về")
    assert tasks[1].startswith("giúp UBND tỉnh, Chủ tịch UBND tỉnh trong việc chỉ đạo")
    assert tasks[2].startswith("Điều phối, đôn đốc, kiểm tra việc thực hiện")


def test_the_duties_of_a_committee_are_its_tasks() -> None:
    """ "Chức năng, nhiệm vụ của Ban Chỉ đạo là nghiên cứu, đề xuất …. Giúp …. Giúp …. Cho ý kiến
    về …": four tasks of the committee (the sentence "Giúp … chỉ đạo các sở, ban, ngành …" gives
    the departments no task)."""
    found = pairs("dev-u-hai-phong-kien-toan-bcd-2019")
    assert [k for k, _ in found] == ["bcd-nq57-hai-phong"] * 4
    assert [t.split()[0] for _, t in found] == ["nghiên", "Giúp", "Giúp", "Cho"]


def test_a_labelled_function_is_a_task_and_the_next_label_is_not() -> None:
    """ "Chức năng của Ban Chỉ đạo: nghiên cứu, đề xuất …" is the committee's task; the next
    paragraph "Tổ chức và hoạt động của Ban Chỉ đạo: …" is a label, not a duty going on."""
    found = pairs("dev-u-lang-son-bcd-cds-2021")
    assert len(found) == 1
    key, task = found[0]
    assert key == "bcd-nq57-lang-son"
    assert task.startswith("nghiên cứu, đề xuất với UBND tỉnh, Chủ tịch UBND tỉnh và giúp")


def test_tasks_given_to_others_in_a_noun_phrase_tell_no_one() -> None:
    """Hải Dương: item 3 gives Sở TT&TT a task, then the paragraph "Phối hợp với Văn phòng UBND
    tỉnh xây dựng phần mềm theo dõi tiến độ thực hiện các nhiệm vụ được giao cho các sở, ngành,
    địa phương …" goes on with it: "được giao cho các sở" names tasks, it gives none."""
    found = tasks_of("dev-u-hai-duong-tb-bcd-2025")
    (software,) = [t for t in found if t.task.startswith("xây dựng phần mềm theo dõi tiến độ")]
    assert [lead.key for lead in software.leads] == ["so-tttt-hai-duong"]
    assert [c.key for c in software.coordinators] == ["van-phong-ubnd-hai-duong"]
    assert str(software.deadline) == "2025-03-10"
    assert not any(t.task.startswith("trong Kế hoạch") for t in found)


def test_a_body_issuing_a_numbered_document_is_reported_not_tasked() -> None:
    """Hải Phòng: "…; Ban Chỉ đạo xây dựng Chính quyền điện tử thành phố Hải Phòng ban hành
    Quyết định số 2831/QĐ-BCĐ về việc ban hành Quy chế …" reports an act done."""
    found = tasks_of("dev-u-hai-phong-bcd-cqdt-2018")
    assert not any("2831/QĐ-BCĐ" in t.task for t in found)
    assert any(
        t.task.startswith("nghiên cứu, tham mưu UBND thành phố ban hành Chỉ thị") for t in found
    )


def test_a_body_after_a_connective_leading_with_a_verb_of_work() -> None:
    """Quảng Bình, after the secretary's "đề nghị": "Sở Khoa học và Công nghệ tỉnh khẩn trương
    hoàn thiện …" and "Bên cạnh đó, Đảng ủy các cơ quan Đảng tỉnh dẫn dắt, thúc đẩy …"."""
    found = pairs("dev-u-quang-binh-bcd-57")
    assert [k for k, _ in found] == ["so-khcn-quang-binh", "dang-uy-cac-co-quan-dang-quang-binh"]
    assert found[1][1].startswith("dẫn dắt, thúc đẩy tập trung chỉ đạo triển khai Nghị quyết")


def test_a_body_inside_a_noun_phrase_is_not_told_what_it_must_do() -> None:
    """Hải Dương: "Lưu ý, đối với thành phần tham gia Ban Chỉ đạo, Tổ Công tác và Tổ giúp việc
    Ban Chỉ đạo … tỉnh Hải Dương phải tinh gọn, …" — the membership must be lean; no task."""
    assert not any(t.task.startswith("tinh gọn") for t in tasks_of("dev-u-hai-duong-tb-bcd-2025"))
