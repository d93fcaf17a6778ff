"""Journey (c) as a user walks it in real Chromium: from ``/`` to Bình Dương's alignment
scorecard, through the provinces list of the navigation and straight from the home page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.graph_api.test_pages_browser import server, visit  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser


def test_binh_duong_scorecard_from_the_front_door(server, visit):  # noqa: F811
    page = visit.page
    page.goto(f"{server}/", wait_until="load")
    visit.click(page.locator("header.site nav").get_by_role("link", name="Tỉnh/thành"))
    expect(page.locator("h1")).to_have_text("Tỉnh/thành")
    visit.click(page.get_by_role("link", name="Bình Dương (→ Thành phố Hồ Chí Minh, 2025-07-01)"))
    expect(page.locator("h1")).to_have_text("Bình Dương")
    card = page.locator("#scorecard")
    expect(card).to_be_visible()
    expect(card.locator("p.warning")).to_contain_text("57-NQ/TW")
    weaker = card.locator("span.verdict.weaker").first
    expect(weaker).to_have_text("yếu hơn")
    colour = weaker.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")  # the stylesheet applies under CSP
    expect(card.locator("span.verdict.stronger").first).to_have_text("mạnh hơn")
    expect(page.locator("#merger")).to_contain_text("Thành phố Hồ Chí Minh")
    card.scroll_into_view_if_needed()
    visit.shot("province")
    assert visit.clicks <= 3
    assert visit.problems == [] and visit.outside == []


def test_scorecard_is_one_click_from_the_home_page(server, visit):  # noqa: F811
    page = visit.page
    page.goto(f"{server}/", wait_until="load")
    visit.click(page.locator("#provinces").get_by_role("link", name="Bình Định", exact=False))
    expect(page.locator("h1")).to_have_text("Bình Định")
    expect(page.locator("#scorecard")).to_contain_text("Chưa có chỉ tiêu nào")
    assert visit.clicks == 1
    assert visit.problems == [] and visit.outside == []


def test_alignment_overview_from_the_navigation(server, visit):  # noqa: F811
    page = visit.page
    page.goto(f"{server}/", wait_until="load")
    visit.click(page.locator("header.site nav").get_by_role("link", name="Đối chiếu mục tiêu"))
    expect(page.locator("h1")).to_have_text("Đối chiếu mục tiêu")
    row = page.locator("#provinces tr", has_text="Bình Dương")
    expect(row.locator("td.count").first).to_have_text("1")  # one row "mạnh hơn"
    visit.click(row.get_by_role("link"))
    expect(page.locator("h1")).to_have_text("Bình Dương")
    expect(page.locator("#scorecard p.summary")).to_contain_text("Bình Dương: 1 mạnh hơn")
    expect(page.locator("#not-addressed")).not_to_contain_text("cáp quang biển")
    assert visit.clicks == 2
    assert visit.problems == [] and visit.outside == []
