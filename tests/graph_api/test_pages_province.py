"""The province page over the real build of data/ (tests/conftest.py ``built_oxigraph``): the
merger, the plans and their chain to 57-NQ/TW, the tasks by lead agency, and the scorecard."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.audit.alignment import Verdict, audit_alignment
from graph_api.audit.scorecard import COMPARED
from graph_api.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
ID = "https://w3id.org/policygraph/id/"
ENGLISH_VERDICTS = ("stronger", "equal", "weaker", "other horizon", "not comparable", "missing")


@pytest.fixture(scope="module")
def pages(built_oxigraph) -> TestClient:
    settings = Settings(query_workers=0, data_dir=ROOT / "data")
    return TestClient(create_app(settings, built_oxigraph))


def section(page: str, ident: str) -> str:
    return re.search(rf'<section id="{ident}">(.*?)</section>', page, re.S).group(1)


def text(fragment: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)))


def test_binh_duong_page_shows_merger_plans_tasks_and_scorecard(built_oxigraph, pages):
    page = pages.get("/id/place/binh-duong").text
    assert re.search(r"<h1>\s*Bình Dương\s*</h1>", page)
    merger = text(section(page, "merger"))
    assert "Thành phố Hồ Chí Minh" in merger and "2025-07-01" in merger
    assert "202/2025/QH15" in merger  # the deciding resolution, from the change event
    plans = text(section(page, "plans"))
    assert "57-NQ/TW" in plans  # the plan implementing 57 shows the chain up to it
    tasks = section(page, "tasks-by-agency")
    assert 'href="/id/agency/so-khcn-binh-duong#tasks-led"' in tasks

    card = section(page, "scorecard")
    report = audit_alignment(built_oxigraph, "binh-duong")
    compared = [f for f in report.findings if f.verdict in COMPARED]
    indicators = {f.national.indicator for f in compared}
    assert indicators, "the real build has comparisons for Bình Dương"
    assert len(re.findall(r'<th scope="row"', card)) == len(indicators)  # one row each
    words = set(re.findall(r'<span class="verdict (\w+)">', card))
    assert words <= {"stronger", "equal", "weaker", "horizon", "incomparable"}
    assert "<blockquote" in card  # both quotes
    # the 2022 programme predates 57-NQ/TW (2024-12-22): the page warns
    warning = text(" ".join(re.findall(r'<p class="warning">(.*?)</p>', card, re.S)))
    assert "2022-03-25" in warning and "57-NQ/TW (2024-12-22)" in warning
    assert "pg:" not in page


def test_a_province_without_comparisons_says_so(pages):
    page = pages.get("/id/place/binh-dinh").text
    assert "Gia Lai" in text(section(page, "merger"))
    assert "Chưa có chỉ tiêu nào của tỉnh so sánh được" in section(page, "scorecard")
    # its own targets (semiconductor and AI training, STEM) are listed, not lost
    own = text(section(page, "local-only"))
    assert "2500 kỹ sư" in own and "405 phòng STEM-Lab" in own


def test_english_page_uses_english_verdicts(pages):
    page = pages.get("/id/place/binh-duong?lang=en").text
    card = text(section(page, "scorecard"))
    assert "weaker" in card and "yếu hơn" not in card
    assert "Merged into" in text(section(page, "merger"))


def test_other_places_keep_the_plain_page(pages):
    page = pages.get("/id/place/viet-nam").text
    assert 'id="scorecard"' not in page


def test_home_and_navigation_lead_to_the_provinces(pages):
    home = pages.get("/").text
    assert 'href="/id/place/binh-duong#scorecard"' in section(home, "provinces")
    assert 'href="/provinces"' in home
    listing = pages.get("/provinces").text
    assert "Bình Dương (→ Thành phố Hồ Chí Minh, 2025-07-01)" in html.unescape(listing)
    assert 'href="/id/place/binh-dinh#scorecard"' in listing
    english = pages.get("/provinces?lang=en").text
    assert 'href="/id/place/binh-duong?lang=en#scorecard"' in english
    assert Verdict.MISSING not in COMPARED


def test_a_province_the_corpus_says_nothing_of_has_an_empty_scorecard(built_oxigraph, pages):
    # The corpus grows (An Giang was the example until batch W brought its congress targets), so
    # the province is chosen from the build: one that is the scope of no provincial target.
    report = audit_alignment(built_oxigraph)
    with_targets = {f.provincial.scope for f in report.findings if f.provincial is not None}
    silent = sorted(iri for iri in report.provinces if iri not in with_targets)
    assert silent, "every province has targets: choose another example of an empty scorecard"
    page = pages.get("/id/place/" + silent[0].rsplit("/", 1)[-1]).text
    assert "Chưa có chỉ tiêu nào của tỉnh so sánh được" in section(page, "scorecard")
    busy = sorted(with_targets)[0].rsplit("/", 1)[-1]  # and a province with targets has rows
    assert "Chưa có chỉ tiêu nào của tỉnh so sánh được" not in section(
        pages.get("/id/place/" + busy).text, "scorecard"
    )
