"""REST answers over the sample graph: tasks, agencies, documents, search, stats."""

from __future__ import annotations

import csv
import io

import pytest

ID = "https://w3id.org/policygraph/id/"
PL2 = "nq03-ncp-2025-phu-luc-2-nhiem-vu-"  # tasks of Appendix II of 03/NQ-CP


def task_ids(response) -> set[str]:
    return {task["iri"].removeprefix(f"{ID}task/") for task in response.json()["tasks"]}


def test_tasks_carry_owner_deadline_document_and_evidence(client):
    tasks = {t["iri"]: t for t in client.get("/api/tasks").json()["tasks"]}
    first = tasks[f"{ID}task/nq03-ncp-2025-phu-luc-2-nhiem-vu-1"]
    assert [lead["label"] for lead in first["leads"]] == ["Bộ Khoa học và Công nghệ"]
    assert {c["iri"].rsplit("/", 1)[1] for c in first["coordinators"]} == {
        "ban-tuyen-giao-tw",
        "cac-bo-nganh-dia-phuong",
        "vtv",
        "vov",
        "ttxvn",
    }
    assert first["deadline"] == "2025-06"
    assert first["document"]["iri"] == f"{ID}document/ctht-03-ncp-2025"
    assert first["evidence"]["quote"].startswith("Xây dựng, trình Thủ tướng")
    assert first["evidence"]["source"] == f"{ID}source/nq03-ncp-2025-phu-luc-2-nhiem-vu"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"agency": "bo-noi-vu"},
            {PL2 + "5", PL2 + "20"},
        ),
        (
            {"agency": f"{ID}agency/bo-khcn"},
            {PL2 + "1", PL2 + "18"},
        ),
        ({"province": "binh-duong"}, {"002_164b680af517698d-1"}),
        (
            {"theme": "institutions"},
            {PL2 + "18", PL2 + "20"},
        ),
        ({"document": "kh-nq57-binh-duong"}, {"002_164b680af517698d-1"}),
        ({"agency": "bo-noi-vu", "open_on": "2025-03-01"}, {PL2 + "5"}),
        ({"open_on": "2026-01-01"}, {"002_164b680af517698d-1"}),
    ],
)
def test_task_filters(client, params, expected):
    response = client.get("/api/tasks", params=params)
    assert response.status_code == 200
    assert task_ids(response) == expected


def test_document_filter_follows_the_implementation_chain(client):
    under_57 = task_ids(client.get("/api/tasks", params={"document": "57-ntw-2024"}))
    assert len(under_57) == 5  # four national tasks and the Bình Dương one


def test_tasks_as_csv_by_accept_and_by_format(client):
    by_accept = client.get(
        "/api/tasks", params={"agency": "bo-noi-vu"}, headers={"Accept": "text/csv"}
    )
    by_format = client.get("/api/tasks", params={"agency": "bo-noi-vu", "format": "csv"})
    assert by_accept.text == by_format.text
    rows = list(csv.DictReader(io.StringIO(by_accept.text)))
    assert {row["deadline"] for row in rows} == {"2025-06", "2025-02"}
    assert all(row["leads"] == f"{ID}agency/bo-noi-vu" for row in rows)


def test_limit_and_offset_page_through_tasks(client):
    everything = [t["iri"] for t in client.get("/api/tasks").json()["tasks"]]
    pages = [
        t["iri"]
        for offset in range(0, len(everything), 2)
        for t in client.get("/api/tasks", params={"limit": 2, "offset": offset}).json()["tasks"]
    ]
    assert pages == everything


def test_agencies_with_task_counts(client):
    agencies = client.get("/api/agencies", params={"limit": 5}).json()["agencies"]
    by_id = {a["iri"].rsplit("/", 1)[1]: a for a in agencies}
    assert by_id["bo-noi-vu"]["lead_count"] == 2
    assert (by_id["bo-khcn"]["lead_count"], by_id["bo-khcn"]["coordinator_count"]) == (1, 1)
    in_province = client.get("/api/agencies", params={"province": "binh-duong", "limit": 50}).json()
    assert in_province["count"] > 5
    assert all(a["jurisdiction"] == f"{ID}place/binh-duong" for a in in_province["agencies"])


def test_one_agency_with_its_tasks(client):
    agency = client.get("/api/agencies/so-khcn-binh-duong").json()
    assert agency["label"].startswith("Sở Khoa học và Công nghệ")
    assert agency["lead_count"] == 1
    assert [t["iri"] for t in agency["tasks"]] == [f"{ID}task/002_164b680af517698d-1"]


def test_document_chain_up_to_the_national_resolution_and_down_to_projects(client):
    plan = client.get("/api/documents/kh-nq57-binh-duong").json()
    ancestors = {link["iri"].rsplit("/", 1)[1] for link in plan["implements"]}
    assert ancestors == {"ctht-03-ncp-2025", "03-ncp-2025", "57-ntw-2024"}
    national = client.get("/api/documents/57-ntw-2024").json()
    descendants = {link["iri"].rsplit("/", 1)[1] for link in national["implemented_by"]}
    assert descendants == {
        "03-ncp-2025",
        "ctht-03-ncp-2025",
        "kh-nq57-binh-duong",
        "da-vung-dmst-binh-duong",
    }
    assert national["identifier"] == "57-NQ/TW"
    assert national["issued_by"]["label"] == "Bộ Chính trị"
    assert len(national["tasks"]) == 5


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("so khoa hoc va cong nghe binh duong", "agency/so-khcn-binh-duong"),
        ("Sở Khoa học và Công nghệ tỉnh Bình Dương", "agency/so-khcn-binh-duong"),
        ("bo khoa hoc va cong nghe", "agency/bo-khcn"),
        ("BKHCN", "agency/bo-khcn"),
        ("57-NQ/TW", "document/57-ntw-2024"),
        ("binh duong innovation region", "document/da-vung-dmst-binh-duong"),
    ],
)
def test_search_is_diacritic_insensitive_and_ranked(client, query, expected):
    hits = client.get("/api/search", params={"q": query}).json()["hits"]
    assert hits and hits[0]["iri"] == ID + expected


def test_search_so_khoa_hoc_finds_the_departments(client):
    hits = client.get(
        "/api/search", params={"q": "so khoa hoc", "kind": "agency", "limit": 100}
    ).json()["hits"]
    assert f"{ID}agency/so-khcn-binh-duong" in {h["iri"] for h in hits}
    assert all(h["label"].startswith("Sở Khoa học") for h in hits[:10])


def test_stats_counts_classes_and_sources(client):
    stats = client.get("/api/stats").json()
    classes = {c["class_iri"].rsplit("#", 1)[1]: c["count"] for c in stats["classes"]}
    assert classes["Task"] == 5
    sources = {s["graph"].rsplit("/", 1)[1]: s for s in stats["sources"]}
    assert sources["nq03-ncp-2025-phu-luc-2-nhiem-vu"]["triples"] > 50
    assert stats["version"]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/tasks?limit=-1", 400),
        ("/api/tasks?limit=999999", 400),
        ("/api/tasks?open_on=31-12-2025", 400),
        ("/api/tasks?open_on=0", 400),
        ("/api/tasks?agency=no-such-agency", 404),  # a name is resolved; an unknown one is 404
        ("/api/tasks?agency=%3E%20%7D", 404),
        ("/api/tasks?format=xml", 400),
        ("/api/tasks?format=bogus", 400),
        ("/api/agencies/unknown-agency", 404),
        ("/api/documents/no-such-document", 404),
        ("/api/search?q=", 400),
    ],
)
def test_bad_parameters_are_4xx_with_a_message(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert body["message"] and body["code"]
