"""Issue 14's three journeys by their shortest paths from ``/``, in real Chromium over the real
build: the home page's questions and provinces, and the navigation. The longer paths (through a
search, through the provinces list) are walked in test_pages_browser.py and
test_pages_province_browser.py; each journey here counts its clicks, and every page loads
without a console error and without a request leaving 127.0.0.1.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.graph_api.test_pages_browser import server, visit  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser


def test_a_who_holds_task_52_is_one_click_from_home(server, visit):  # noqa: F811
    page = visit.page
    page.goto(f"{server}/", wait_until="load")
    visit.click(page.locator("ul.questions a").first)
    expect(page.locator("h1")).to_have_text("03/NQ-CP, Phụ lục II, nhiệm vụ 52")
    holders = page.locator("#holders")
    expect(holders).to_contain_text("Đơn vị phụ trách hiện nay")
    expect(holders.locator("tr", has_text="Bộ Giao thông vận tải")).to_contain_text("Bộ Xây dựng")
    assert visit.clicks == 1
    assert visit.problems == [] and visit.outside == []


def test_b_binh_duong_department_tasks_then_binh_dinh_plan_up_to_57(server, visit):  # noqa: F811
    page = visit.page
    page.goto(f"{server}/", wait_until="load")
    visit.click(page.locator("ul.questions a").nth(1))
    expect(page.locator("h1")).to_have_text("Sở Khoa học và Công nghệ tỉnh Bình Dương")
    assert page.locator("#table-led tbody tr").count() >= 2
    assert visit.clicks == 1

    page.goto(f"{server}/", wait_until="load")
    visit.clicks = 0
    visit.click(page.locator("#provinces").get_by_role("link", name="Bình Định", exact=False))
    expect(page.locator("h1")).to_have_text("Bình Định")
    plan = page.locator("#plans ul.plans > li").filter(has_text="57-NQ/TW").first
    expect(plan.locator(".chain")).to_contain_text("57-NQ/TW")  # the chain on the province page
    visit.click(plan.locator("a").first)
    expect(page.locator("p.kind")).to_have_text("Văn bản")
    expect(page.locator("#implements")).to_contain_text("57-NQ/TW")  # and on the plan's page
    assert visit.clicks == 2
    assert visit.problems == [] and visit.outside == []


def test_c_a_scorecard_is_two_clicks_through_the_navigation(server, visit):  # noqa: F811
    page = visit.page
    page.goto(f"{server}/", wait_until="load")
    visit.click(page.locator("header.site nav").get_by_role("link", name="Đối chiếu mục tiêu"))
    expect(page.locator("h1")).to_have_text("Đối chiếu mục tiêu")
    # the link named exactly so: Bắc Giang's row also names Bắc Ninh (merged into it in 2025)
    visit.click(page.locator("#provinces").get_by_role("link", name="Bắc Ninh", exact=True))
    expect(page.locator("h1")).to_contain_text("Bắc Ninh")
    card = page.locator("#scorecard")
    expect(card.locator("p.summary")).to_contain_text("Bắc Ninh:")
    verdicts = card.locator("span.verdict").all_text_contents()
    assert set(verdicts) <= {
        "mạnh hơn",
        "bằng",
        "yếu hơn",
        "khác mốc thời gian",
        "không so sánh được",
    }
    assert visit.clicks == 2
    assert visit.problems == [] and visit.outside == []


def test_c_in_english_the_same_two_clicks(server, visit):  # noqa: F811
    page = visit.page
    page.goto(f"{server}/?lang=en", wait_until="load")
    visit.click(page.locator("header.site nav").get_by_role("link", name="Target alignment"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    visit.click(page.locator("#provinces tr", has_text="Binh Duong").get_by_role("link").first)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    verdicts = set(page.locator("#scorecard span.verdict").all_text_contents())
    assert "weaker" in verdicts
    assert verdicts <= {"stronger", "equal", "weaker", "other horizon", "not comparable"}
    assert visit.clicks == 2
    assert visit.problems == [] and visit.outside == []
