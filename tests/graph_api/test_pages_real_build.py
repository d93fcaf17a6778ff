"""The pages for people over the real build of data/ (tests/conftest.py ``built_oxigraph``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.routes.search import PAGE_LIMIT
from graph_api.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
ID = "https://w3id.org/policygraph/id/"
HTML = {"Accept": "text/html"}
TASK_52 = "/id/task/nq03-ncp-2025-phu-luc-2-nhiem-vu-52"


@pytest.fixture(scope="module")
def pages(built_oxigraph) -> TestClient:
    settings = Settings(query_workers=0, data_dir=ROOT / "data")
    return TestClient(create_app(settings, built_oxigraph))


def heading(page: str) -> str:
    return re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)


def test_no_page_shows_a_pg_name_or_a_slug_as_its_title(built_oxigraph, pages):
    rows = built_oxigraph.select(
        "SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), '" + ID + "')) }"
    )
    by_kind: dict[str, list[str]] = {}
    for row in rows:
        by_kind.setdefault(row["s"].removeprefix(ID).split("/")[0], []).append(row["s"])
    assert {"task", "agency", "document", "place", "target", "evidence"} <= set(by_kind)
    for iris in by_kind.values():
        for iri in sorted(iris)[:6]:
            response = pages.get("/id/" + iri.removeprefix(ID), headers=HTML)
            assert response.status_code == 200, iri
            assert "pg:" not in response.text, iri
            assert iri.rsplit("/", 1)[-1] not in heading(response.text), iri


def test_task_52_is_cited_and_says_who_holds_it_today_and_before(pages):
    page = pages.get(TASK_52, headers=HTML).text
    assert heading(page) == "03/NQ-CP, Phụ lục II, nhiệm vụ 52"
    holders = page[
        page.index('id="holders"') : page.index("</section>", page.index('id="holders"'))
    ]
    assert "Đơn vị phụ trách hiện nay" in holders
    assert "Bộ Nông nghiệp và Môi trường" in holders and "2025-03-01" in holders
    assert "theo <cite>Nghị quyết 176/2025/QH15" in holders  # the deciding document
    before = pages.get(TASK_52, params={"on": "2025-01-01"}, headers=HTML).text
    holders = before[before.index('id="holders"') :]
    assert "Đơn vị phụ trách vào ngày 2025-01-01" in holders
    assert "Bộ Nông nghiệp và Môi trường" not in holders.split("Trích nguyên văn")[0]
    assert "<mark>| 52." in page  # the quote inside its source lines
    assert "| 51." in page and "| 53." in page


def test_task_page_in_english_keeps_the_citation(pages):
    page = pages.get(TASK_52, params={"lang": "en"}, headers=HTML).text
    assert '<html lang="en">' in page and "Who holds it now" in page
    assert "Ministry of Industry and Trade" in page
    holders = page[page.index('id="holders"') :]
    assert "Ministry of Agriculture and Environment" in holders  # the audit's names, in English
    assert heading(page) == "03/NQ-CP, Phụ lục II, nhiệm vụ 52"


def test_document_57_states_each_fact_once_with_its_curated_title(pages):
    page = pages.get("/id/document/57-ntw-2024", headers=HTML).text
    assert heading(page).startswith("57-NQ/TW — Nghị quyết về đột phá phát triển khoa học")
    facts = page[page.index('<table class="facts">') : page.index("</table>")]
    assert facts.count("2024-12-22") == 1 and facts.count("Bộ Chính trị") == 1
    assert "Nghị quyết" in facts  # its type, in Vietnamese
    tree = page[page.index('id="implemented-by"') : page.index('id="tasks"')]
    assert tree.count('href="/id/document/ctrhd-cp-57-2025"') == 1
    assert 'href="/id/document/03-ncp-2025"' in tree


def test_document_03_lists_its_appendix_tasks(pages):
    page = pages.get("/id/document/03-ncp-2025", headers=HTML).text
    assert 'href="/id/task/nq03-ncp-2025-phu-luc-2-nhiem-vu-52"' in page
    assert ">03/NQ-CP, Phụ lục II, nhiệm vụ 52<" in page


@pytest.mark.parametrize(
    ("query", "first_kind", "first_href"),
    [
        ("hạ tầng năng lượng", "Nhiệm vụ", TASK_52),
        ("ha tang nang luong", "Nhiệm vụ", TASK_52),
        ("Bình Dương", "Tỉnh/thành, địa bàn", "/id/place/binh-duong"),
    ],
)
def test_search_page_ranks_and_names_kinds_in_vietnamese(pages, query, first_kind, first_href):
    page = pages.get("/search", params={"q": query}).text
    first = re.search(r'<li><span class="hit-kind">(.*?)</span> <a href="(.*?)"', page)
    assert first.groups() == (first_kind, first_href)


def test_search_page_says_when_nothing_matches(pages):
    page = pages.get("/search", params={"q": "xyzzy"}).text
    assert "Không tìm thấy kết quả nào cho «xyzzy»" in page


def test_kind_alone_lists_every_entity_of_that_kind(pages, built_oxigraph):
    page = pages.get("/search", params={"kind": "document"}).text
    total = int(re.search(r'<p class="count">(\d+) ', page).group(1))
    shown = page.count('<span class="hit-kind">Văn bản</span>')
    assert total > 50 and shown == min(total, PAGE_LIMIT)  # a long list shows its first ones
    if total > PAGE_LIMIT:
        assert f"({PAGE_LIMIT} đầu tiên)" in page
    narrowed = pages.get("/search", params={"kind": "document", "q": "57-NQ/TW"}).text
    assert 'href="/id/document/57-ntw-2024"' in narrowed


@pytest.mark.parametrize("start", ["/", "/?lang=en", "/id/agency/so-khcn-binh-duong", TASK_52])
def test_every_local_link_of_a_page_answers(pages, start):
    page = pages.get(start, headers=HTML).text
    links = {h.replace("&amp;", "&") for h in re.findall(r'href="(/[^"#]*)', page)}
    assert any(link.startswith("/views/") for link in links)  # the diagrams are linked
    for link in sorted(links):
        assert pages.get(link, headers=HTML).status_code == 200, (start, link)
