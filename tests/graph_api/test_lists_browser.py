"""The lists as an analyst uses them: real Chromium against uvicorn on 127.0.0.1 over the real
build — from ``/`` to the tasks of a ministry through the navigation and the filter form, then
the table downloaded as XLSX, under ``default-src 'self'``, no request off 127.0.0.1."""

from __future__ import annotations

import openpyxl
import pytest
from playwright.sync_api import expect

from tests.graph_api.test_pages_browser import SCREENSHOTS, server, visit  # noqa: F401

pytestmark = pytest.mark.browser


def test_tasks_of_a_ministry_filtered_then_downloaded(server, visit, tmp_path):  # noqa: F811
    page = visit.page
    page.goto(f"{server}/", wait_until="load")
    visit.click(page.locator("header nav").get_by_role("link", name="Nhiệm vụ"))
    expect(page.locator("h1")).to_have_text("Nhiệm vụ")
    page.fill("input[name=agency]", "bo khoa hoc va cong nghe")
    page.fill("input[name=q]", "ha tang")
    visit.click(page.get_by_role("button", name="Lọc"))
    expect(page.locator(".chosen")).to_contain_text("Bộ Khoa học và Công nghệ")
    rows = page.locator("#task-list tbody tr")
    shown = [rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())]
    assert shown and all(citation.strip() for citation in shown)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "page-tasks.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="XLSX").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    sheet = openpyxl.load_workbook(path, read_only=True).active
    cells = list(sheet.values)
    assert cells[0][0] == "Nhiệm vụ" and [row[0] for row in cells[1:]] == shown
    assert visit.clicks <= 3
    assert visit.problems == [] and visit.outside == []


def test_agencies_and_documents_lists_render_in_both_languages(server, visit):  # noqa: F811
    page = visit.page
    page.goto(f"{server}/agencies?province=binh-duong&with_tasks=true", wait_until="load")
    expect(page.locator("#agency-list")).to_contain_text("Sở Khoa học và Công nghệ tỉnh Bình Dương")
    page.goto(f"{server}/documents?lang=en", wait_until="load")
    expect(page.locator("h1")).to_have_text("Documents")
    expect(page.locator("#document-list")).to_contain_text("57-NQ/TW")
    page.screenshot(path=str(SCREENSHOTS / "page-documents.png"), full_page=True)
    assert visit.problems == [] and visit.outside == []
