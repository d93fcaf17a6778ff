"""The list pages (/tasks, /agencies, /documents) and their downloads over the real build of data/
(tests/conftest.py ``built_oxigraph``): filters give the rows the graph holds, the files hold the
same rows as the page, with Vietnamese headers."""

from __future__ import annotations

import asyncio
import csv
import html
import io
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.pages.task_rows import deadline_end
from graph_api.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
ID = "https://w3id.org/policygraph/id/"
HTML = {"Accept": "text/html"}
TASK_52 = "/id/task/nq03-ncp-2025-phu-luc-2-nhiem-vu-52"
PG = "PREFIX pg: <https://w3id.org/policygraph/ontology#> "


@pytest.fixture(scope="module")
def pages(built_oxigraph) -> TestClient:
    settings = Settings(query_workers=0, data_dir=ROOT / "data")
    return TestClient(create_app(settings, built_oxigraph))


def task_links(page: str) -> list[str]:
    """The task addresses of a list page's table, in order."""
    table = page[
        page.index('id="task-list"') : page.index("</table>", page.index('id="task-list"'))
    ]
    return re.findall(r'<tr[^>]*>\s*<td><a href="(/id/task/[^"]+)"', table)


def xlsx_rows(body: bytes) -> list[tuple]:
    sheet = openpyxl.load_workbook(io.BytesIO(body), read_only=True).active
    return [tuple(cell if cell is not None else "" for cell in row) for row in sheet.values]


def graph_tasks(store, pattern: str) -> set[str]:
    rows = store.select(PG + f"SELECT DISTINCT ?task WHERE {{ {pattern} }}")
    return {"/id/" + row["task"].removeprefix(ID) for row in rows}


def test_agency_by_name_with_or_without_diacritics_or_slug(pages, built_oxigraph):
    wanted = graph_tasks(
        built_oxigraph, f"?task pg:leadAgency|pg:coordinatingAgency <{ID}agency/bo-khcn>"
    )
    assert TASK_52 in wanted and len(wanted) > 50
    for agency in ("Bộ Khoa học và Công nghệ", "bo khoa hoc va cong nghe", "bo-khcn"):
        page = pages.get("/tasks", params={"agency": agency, "per_page": 500}, headers=HTML)
        assert page.status_code == 200
        assert set(task_links(page.text)) == wanted, agency
        assert "Bộ Khoa học và Công nghệ" in page.text[: page.text.index('id="count"')]
    siblings = [link for link in wanted if "nq03-ncp-2025-phu-luc-2" in link]
    assert len(siblings) > 20  # task 52's siblings in Appendix II


def test_text_search_ignores_diacritics(pages):
    page = pages.get("/tasks", params={"q": "ha tang nang luong"}, headers=HTML).text
    assert task_links(page) == [TASK_52]
    assert ">03/NQ-CP, Phụ lục II, nhiệm vụ 52<" in page  # cited as users cite it
    same = pages.get("/tasks", params={"q": "hạ tầng năng lượng"}, headers=HTML).text
    assert task_links(same) == [TASK_52]


def test_province_by_name_or_slug(pages, built_oxigraph):
    wanted = graph_tasks(
        built_oxigraph,
        f"{{ ?task (pg:leadAgency|pg:coordinatingAgency)/pg:jurisdiction <{ID}place/binh-duong> }}"
        f" UNION {{ ?task pg:assignedBy/pg:territorialScope <{ID}place/binh-duong> }}",
    )
    assert wanted
    for province in ("Bình Dương", "binh duong", "binh-duong"):
        page = pages.get("/tasks", params={"province": province}, headers=HTML).text
        assert set(task_links(page)) == wanted, province


def test_overdue_and_deadline_range_and_sort(pages):
    on = "2026-01-01"
    page = pages.get(
        "/tasks", params={"overdue_on": on, "per_page": 500, "format": "xlsx"}, headers=HTML
    )
    rows = xlsx_rows(page.content)
    assert rows[0][5] == "Thời hạn" and len(rows) > 10
    assert all(deadline_end(row[5]) < date.fromisoformat(on) for row in rows[1:])
    assert all(row[6] == "Có" for row in rows[1:])
    ranged = xlsx_rows(
        pages.get(
            "/tasks",
            params={"deadline_from": "2025-07", "deadline_to": "2025", "format": "xlsx"},
        ).content
    )
    ends = [deadline_end(row[5]) for row in ranged[1:]]
    assert ends and all(date(2025, 7, 1) <= end <= date(2025, 12, 31) for end in ends)
    ordered = xlsx_rows(
        pages.get("/tasks", params={"sort": "deadline", "order": "desc", "format": "xlsx"}).content
    )
    known = [deadline_end(row[5]) for row in ordered[1:] if deadline_end(row[5])]
    assert known == sorted(known, reverse=True)


def test_pages_follow_each_other_and_download_every_row(pages):
    first = task_links(pages.get("/tasks", params={"per_page": 20}, headers=HTML).text)
    second = task_links(pages.get("/tasks", params={"per_page": 20, "page": 2}).text)
    everything = task_links(pages.get("/tasks", params={"per_page": 500}).text)
    assert first + second == everything[:40] and len(set(everything)) == len(everything)
    rows = xlsx_rows(pages.get("/tasks", params={"format": "xlsx", "per_page": 20}).content)
    assert ["/id/" + row[8].removeprefix(ID) for row in rows[1:]] == everything


def test_xlsx_and_csv_hold_the_pages_rows_with_vietnamese_headers(pages):
    params = {"agency": "Bộ Khoa học và Công nghệ", "per_page": 500}
    page = pages.get("/tasks", params=params, headers=HTML).text
    assert 'href="/tasks?agency=' in page and "format=xlsx" in page and "format=csv" in page
    links = task_links(page)
    sheet = pages.get("/tasks", params={**params, "format": "xlsx"})
    assert sheet.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert 'filename="Tasks.xlsx"' in sheet.headers["content-disposition"]
    rows = xlsx_rows(sheet.content)
    assert rows[0][:4] == ("Nhiệm vụ", "Nội dung", "Văn bản", "Chủ trì")
    assert ["/id/" + row[8].removeprefix(ID) for row in rows[1:]] == links
    found = re.findall(r'<td><a href="/id/task/[^"]+">([^<]+)</a>', page)
    cited = dict(zip(links, map(html.unescape, found), strict=True))
    assert [row[0] for row in rows[1:]] == [cited[link] for link in links]
    text = pages.get("/tasks", params={**params, "format": "csv"})
    assert text.content.startswith("\ufeff".encode())  # the BOM: Excel reads UTF-8
    table = list(csv.reader(io.StringIO(text.content.decode("utf-8-sig"))))
    assert table[0][0] == "Nhiệm vụ" and len(table) == len(rows)
    english = pages.get("/tasks", params={**params, "format": "csv", "lang": "en"})
    assert english.content.decode("utf-8-sig").startswith("Task,Content,Document,Lead")


def test_bad_filters_are_named(pages):
    unknown = pages.get("/tasks", params={"agency": "Bộ Không Có Thật Nào"})
    assert unknown.status_code == 404 and "agency=" in unknown.json()["message"]
    bad = pages.get("/tasks", params={"deadline_from": "2025-02-30"})
    assert bad.status_code == 400 and "deadline_from" in bad.json()["message"]
    refused = pages.get("/tasks", params={"overdue_on": "2025-13"})
    assert refused.status_code == 400 and "overdue_on" in refused.text


def test_values_are_escaped_on_the_page(pages):
    page = pages.get("/tasks", params={"q": '<script>"x'}, headers=HTML).text
    assert "<script>&#34;x" not in page and "&lt;script&gt;&#34;x" in page
    assert 'id="empty"' in page


def test_navigation_links_the_lists(pages):
    home = pages.get("/", headers=HTML).text
    for path in ("/tasks", "/agencies", "/documents"):
        assert f'href="{path}"' in home


def row_links(page: str, table_id: str, kind: str) -> list[str]:
    start = page.index(f'id="{table_id}"')
    table = page[start : page.index("</table>", start)]
    return re.findall(rf'<tr>\s*<td>(?:<a href="(/id/{kind}/[^"]+)">)?', table)


def test_agencies_with_their_task_counts(pages, built_oxigraph):
    led = graph_tasks(built_oxigraph, f"?task pg:leadAgency <{ID}agency/bo-khcn>")
    coordinated = graph_tasks(built_oxigraph, f"?task pg:coordinatingAgency <{ID}agency/bo-khcn>")
    page = pages.get("/agencies", headers=HTML).text
    first = page[page.index('id="agency-list"') :].split("</tr>")[1]
    assert "Bộ Khoa học và Công nghệ" in first  # the most tasks led comes first
    assert f">{len(led)}</a>" in first and f">{len(coordinated)}</a>" in first
    sheet = xlsx_rows(pages.get("/agencies", params={"format": "xlsx", "q": "khoa hoc"}).content)
    assert sheet[0] == (
        "Tên cơ quan",
        "Cấp",
        "Tỉnh/thành",
        "Số nhiệm vụ chủ trì",
        "Số nhiệm vụ phối hợp",
        "Địa chỉ (IRI)",
    )
    by_iri = {row[5]: row for row in sheet[1:]}
    assert by_iri[f"{ID}agency/bo-khcn"][1:5] == (
        "Trung ương",
        "Việt Nam",
        str(len(led)),
        str(len(coordinated)),
    )


def test_agencies_of_a_province_by_name(pages, built_oxigraph):
    rows = built_oxigraph.select(
        PG
        + f"SELECT DISTINCT ?a WHERE {{ ?a a pg:Agency ; pg:jurisdiction <{ID}place/binh-duong> }}"
    )
    wanted = {"/id/" + row["a"].removeprefix(ID) for row in rows}
    page = pages.get("/agencies", params={"province": "Bình Dương", "per_page": 500}).text
    assert set(row_links(page, "agency-list", "agency")) == wanted
    assert "/id/agency/so-khcn-binh-duong" in wanted
    params = {"province": "binh duong"}
    sheet = xlsx_rows(pages.get("/agencies", params={**params, "format": "xlsx"}).content)
    assert {"/id/" + row[5].removeprefix(ID) for row in sheet[1:]} == wanted
    text = pages.get("/agencies", params={**params, "format": "csv"}).content.decode("utf-8-sig")
    assert [tuple(row) for row in csv.reader(io.StringIO(text))] == sheet


def test_documents_each_once_filtered_by_province_and_issuer(pages, built_oxigraph):
    rows = built_oxigraph.select(
        PG + f"SELECT DISTINCT ?d WHERE {{ ?d pg:territorialScope <{ID}place/binh-dinh> }}"
    )
    wanted = {"/id/" + row["d"].removeprefix(ID) for row in rows}
    page = pages.get("/documents", params={"province": "Bình Định"}, headers=HTML).text
    found = re.findall(r'<tr>\s*<td>.*?href="(/id/document/[^"]+)"', page, re.S)
    assert len(found) == len(set(found)) and set(found) == wanted
    everything = xlsx_rows(pages.get("/documents", params={"format": "xlsx"}).content)
    assert everything[0][:3] == ("Số hiệu", "Loại văn bản", "Tên văn bản")
    assert [row[6] for row in everything[1:]].count(f"{ID}document/57-ntw-2024") == 1
    government = xlsx_rows(
        pages.get("/documents", params={"issuer": "Chính phủ", "format": "xlsx"}).content
    )
    assert "03/NQ-CP" in {row[0] for row in government[1:]}
    assert {row[3] for row in government[1:]} == {"Chính phủ"}


def test_exports_write_text_never_formulas():
    from graph_api.exports import Column, to_csv, to_xlsx

    columns = (Column("a", "Cột", "Column"),)
    rows = [{"a": '=HYPERLINK("http://x")'}, {"a": "Sở KH&CN <b>"}, {"a": None}]
    text = to_csv(columns, rows, "vi").decode("utf-8")
    assert text.startswith("\ufeffCột\r\n") and "'=HYPERLINK" in text
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(columns, rows, "en", "t"))).active
    cells = [cell for (cell,) in sheet.iter_rows()]
    assert cells[0].value == "Column" and cells[1].data_type == "s"
    assert cells[1].value.startswith("=HYPERLINK") and cells[2].value == "Sở KH&CN <b>"


def test_agency_page_tables_download_as_shown(pages):
    page = pages.get("/id/agency/bo-khcn", headers=HTML).text
    for table in ("led", "coordinated"):
        link = f"/exports/agency/bo-khcn?table={table}&amp;format=xlsx"
        assert f'href="{link}"' in page
        start = page.index(f'id="table-{table}"')
        shown = re.findall(
            r'<td><a href="(/id/task/[^"]+)"', page[start : page.index("</table>", start)]
        )
        sheet = xlsx_rows(pages.get(html.unescape(link)).content)
        assert sheet[0][0] == "Nhiệm vụ" and len(shown) > 10
        assert ["/id/" + row[8].removeprefix(ID) for row in sheet[1:]] == shown
    english = pages.get(
        "/exports/agency/bo-khcn", params={"table": "led", "lang": "en", "format": "csv"}
    )
    assert english.content.startswith("\ufeffTask,Content".encode())
    assert pages.get("/exports/agency/no-such-agency").status_code == 404


def test_province_scorecard_downloads_with_vietnamese_verdicts(pages):
    page = pages.get("/id/place/binh-duong", headers=HTML).text
    assert 'href="/exports/province/binh-duong?table=scorecard&amp;format=xlsx"' in page
    verdicts = re.findall(r'<span class="verdict [a-z]+">([^<]+)</span>', page)
    sheet = xlsx_rows(
        pages.get("/exports/province/binh-duong", params={"table": "scorecard"}).content
    )
    assert sheet[0][:2] == ("Chỉ số", "Đánh giá") and len(verdicts) > 2
    assert [row[1] for row in sheet[1:]] == [html.unescape(v) for v in verdicts]
    assert {row[1] for row in sheet[1:]} <= {
        "mạnh hơn",
        "bằng",
        "yếu hơn",
        "khác mốc thời gian",
        "không so sánh được",
    }
    plans = xlsx_rows(pages.get("/exports/province/binh-duong?table=plans&format=xlsx").content)
    assert plans[0][0] == "Kế hoạch, chương trình" and len(plans) > 1
    assert pages.get("/exports/province/viet-nam-no-such").status_code == 404


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_province_agencies_download_is_the_pages_table(pages, lang):
    """The agencies table is read on its own for its download (not the whole page and its
    scorecard): the same agencies, counts and order as the page shows."""
    from graph_api.pages.province import province_context

    class Request:  # what the page builder reads: the app's state
        app = pages.app

    iri = "https://w3id.org/policygraph/id/place/binh-duong"
    context = asyncio.run(province_context(Request(), iri, lang))
    sheet = pages.get(f"/exports/province/binh-duong?table=agencies&format=csv&lang={lang}")
    assert sheet.status_code == 200
    rows = list(csv.reader(io.StringIO(sheet.content.decode("utf-8-sig"))))
    expected = [[a["label"], str(a["count"]), a["iri"] or ""] for a in context["agencies"]]
    assert rows[1:] == expected and expected
