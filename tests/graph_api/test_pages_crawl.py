"""Every page a user can reach from ``/`` by following links, checked as issue 14 accepts it.

A breadth-first crawl over the real build of data/ (tests/conftest.py ``built_oxigraph``): every
same-site link found on a page is requested; every HTML page must answer 200, carry the nine
navigation entries and the right ``lang``, show no raw ``pg:``/``rdf:``/``skos:`` name in its
text, no slug or IRI as its ``<h1>``, and (in Vietnamese) no English verdict word. The crawl takes
at most a few pages of each shape (``/id/task/…``, ``/tasks?…``) so that its bound covers every
kind of page rather than 400 tasks; then a sample of the same pages is read with ``?lang=en``.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
HTML = {"Accept": "text/html"}
BOUND = 400  # pages requested at most, in each language
PER_SHAPE = 3  # pages of one shape (``/id/task/*``, ``/tasks?agency``) at most
DOWNLOADS = 1  # files of one shape (``/exports/province/*?format&table``) fetched at most
NAV_VI = [
    "Tìm kiếm",
    "Nhiệm vụ",
    "Cơ quan",
    "Văn bản",
    "Tỉnh/thành",
    "Đối chiếu mục tiêu",
    "Sơ đồ",
    "SPARQL",
    "API",
]
NAV_EN = [
    "Search",
    "Tasks",
    "Agencies",
    "Documents",
    "Provinces",
    "Target alignment",
    "Diagrams",
    "SPARQL",
    "API",
]
FOREIGN = {"/docs", "/redoc"}  # FastAPI's own documentation pages: no site navigation
UNTRANSLATED = ("/docs", "/redoc", "/api", "/static")  # no ?lang: the same in both languages
ORDERING = {"lang", "sort", "order", "page", "per_page"}  # same page, other order or slice
RAW_NAME = re.compile(r"\b(?:pg|rdf|rdfs|skos|owl|xsd|prov|dcterms):[A-Za-z]")
VERDICT_EN = re.compile(
    r"\b(?:stronger|weaker|equal|missing|other horizon|local only|not comparable)\b", re.I
)
SLUG = re.compile(r"^(?:[a-z0-9]+-)+[a-z0-9]+$|^[a-z]+/[a-z0-9-]+$|://|^/id/")
REPEATED = re.compile(r"^(.+) — \1$")  # "523/BC-VP — 523/BC-VP": a number as its own title
DOWNLOAD = {"csv", "xlsx", "turtle", "jsonld", "ntriples", "rdfxml", "nt", "xml", "json"}


class Page(HTMLParser):
    """The parts of a page the checks read: links, ``lang``, navigation, ``<h1>``, visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.lang: str | None = None
        self.nav: list[str] = []
        self.h1: list[str] = []
        self.text: list[str] = []
        self._stack: list[str] = []
        self._hidden = 0  # inside <script>, <style>, <template>
        self._in_nav = self._in_h1 = self._in_nav_link = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag in ("script", "style", "template"):
            self._hidden += 1
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "nav" and not self.nav and not self._in_nav:
            self._in_nav = True
        if tag == "a" and self._in_nav:
            self._in_nav_link = True
            self.nav.append("")
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self._hidden = max(0, self._hidden - 1)
        if tag == "nav":
            self._in_nav = False
        if tag == "a":
            self._in_nav_link = False
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._hidden:
            return
        self.text.append(data)
        if self._in_nav_link:
            self.nav[-1] += data.strip()
        if self._in_h1:
            self.h1[-1] += data

    def visible(self) -> str:
        return " ".join(" ".join(self.text).split())


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def shape(url: str) -> str:
    """Pages alike for the crawl: ``/id/task/*``, ``/exports/province/*?format&table``, ``/tasks``
    in any order or page."""
    parts = urlsplit(url)
    segments = parts.path.rstrip("/").split("/")
    path = "/".join([*segments[:-1], "*"]) if len(segments) > 3 else parts.path
    keys = sorted({k for k, _ in parse_qsl(parts.query)} - ORDERING)
    return path + ("?" + "&".join(keys) if keys else "")


def page_lang(url: str) -> str:
    return "en" if ("lang", "en") in parse_qsl(urlsplit(url).query) else "vi"


def local(href: str, base: str) -> str | None:
    """``href`` as a path on this site, or None for another site, a fragment, mailto: …"""
    absolute = urljoin("http://testserver" + base, href)
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def is_download(url: str) -> bool:
    query = dict(parse_qsl(urlsplit(url).query))
    return query.get("format") in DOWNLOAD or urlsplit(url).path.startswith("/exports/")


@pytest.fixture(scope="module")
def site(built_oxigraph) -> TestClient:
    settings = Settings(query_workers=0, data_dir=ROOT / "data")
    return TestClient(create_app(settings, built_oxigraph), raise_server_exceptions=False)


def check_page(url: str, html: str, lang: str) -> tuple[Page, list[str]]:
    """The page parsed, and what is wrong with it (empty when nothing is)."""
    page = parse(html)
    problems = []
    if urlsplit(url).path in FOREIGN:  # Swagger UI / ReDoc: English, their own page
        return page, problems
    if page.lang != lang:
        problems.append(f"lang={page.lang!r}, expected {lang!r}")
    expected_nav = NAV_VI if lang == "vi" else NAV_EN
    if page.nav != expected_nav:  # the diagrams under /views/ too
        problems.append(f"navigation {page.nav}")
    text = page.visible()
    if urlsplit(url).path != "/sparql":  # the editor's prefixes are the point of that page
        for raw in sorted(set(RAW_NAME.findall(text)))[:3]:
            at = text.index(raw)
            problems.append(f"raw name {text[max(0, at - 40) : at + 40]!r}")
    if not page.h1 or not page.h1[0].strip():
        problems.append("no <h1>")
    elif SLUG.search(page.h1[0].strip()):
        problems.append(f"slug as title {page.h1[0].strip()!r}")
    elif REPEATED.match(page.h1[0].strip()) or "|" in page.h1[0]:
        problems.append(f"title repeats itself or is a table row {page.h1[0].strip()!r}")
    if lang == "vi":
        for word in sorted({w.lower() for w in VERDICT_EN.findall(text)}):
            at = text.lower().index(word)
            problems.append(f"English verdict {text[max(0, at - 40) : at + 40]!r}")
    return page, problems


def crawl(site: TestClient, start: str, bound: int, only_en: bool = False):
    """Breadth-first from ``start``: ({url: problems} for pages, {url: status} for downloads,
    [links of an English page that drop ``?lang=en``]). ``only_en``: stay in English.
    A link to ``page#part`` is a problem of the linking page when ``page`` was read and has no
    element ``part``."""
    seen, queue = {start}, deque([start])
    pages: dict[str, list[str]] = {}
    ids: dict[str, set[str]] = {}
    anchors: list[tuple[str, str, str]] = []  # (linking page, linked page, fragment)
    downloads: dict[str, int] = {}
    lost: list[str] = []
    shapes: Counter = Counter()
    while queue and len(pages) < bound:
        url = queue.popleft()
        if is_download(url):  # resolvable, not parsed
            downloads[url] = site.get(url).status_code
            continue
        response = site.get(url, headers=HTML)
        if response.status_code != 200:
            pages[url] = [f"status {response.status_code}"]
            continue
        if not response.headers["content-type"].startswith("text/html"):
            continue
        lang = page_lang(url)
        page, problems = check_page(url, response.text, lang)
        pages[url] = problems
        ids[url] = page.ids
        for href in page.links:
            target = local(href, url)
            fragment = urlsplit(href).fragment
            if target is not None and fragment:
                anchors.append((url, target, fragment))
            if target is None or target in seen:
                continue
            seen.add(target)
            path = urlsplit(target).path
            if lang == "en" and page_lang(target) == "vi":
                if path != urlsplit(url).path and not path.startswith(UNTRANSLATED):
                    lost.append(f"{url} → {target}")  # not the language toggle
                if only_en:
                    continue
            kind = shape(target)
            if shapes[kind] < (DOWNLOADS if is_download(target) else PER_SHAPE):
                shapes[kind] += 1
                queue.append(target)
    for source, target, fragment in anchors:
        if target in ids and fragment not in ids[target]:
            pages[source].append(f"link to {target}#{fragment}: no such element")
    return pages, downloads, lost


def report(pages: dict[str, list[str]]) -> str:
    bad = {url: problems for url, problems in pages.items() if problems}
    return "\n".join(f"{url}: {'; '.join(problems)}" for url, problems in sorted(bad.items()))


def test_every_page_reachable_from_home_reads_right_in_vietnamese(site):
    pages, downloads, _ = crawl(site, "/", BOUND)
    assert len(pages) >= 50, f"only {len(pages)} pages reached"
    for kind in ("/id/task/*", "/id/agency/*", "/id/document/*", "/id/place/*", "/alignment"):
        assert any(shape(url).startswith(kind) for url in pages), f"no {kind} page reached"
    assert not report(pages), report(pages)
    assert downloads and all(status == 200 for status in downloads.values()), downloads


def test_pages_in_english_stay_in_english(site):
    pages, downloads, lost = crawl(site, "/?lang=en", BOUND // 4, only_en=True)
    assert len(pages) >= 40, f"only {len(pages)} pages reached"
    assert not report(pages), report(pages)
    assert not lost, "links that drop ?lang=en:\n" + "\n".join(lost)
    assert all(status == 200 for status in downloads.values()), downloads


def test_a_deliberately_unknown_address_is_the_vietnamese_404_page(site):
    response = site.get("/id/agency/khong-ton-tai", headers=HTML)
    assert response.status_code == 404
    page, problems = check_page("/id/agency/x", response.text, "vi")
    assert "Không tìm thấy" in page.visible()
    assert not [p for p in problems if not p.startswith("slug")], problems


def test_the_checks_see_what_they_look_for():
    """The crawler's checks on pages written to fail them (so a pass above means something)."""
    nav = "".join(f'<a href="/">{name}</a>' for name in NAV_VI)
    bad = (
        '<html lang="en"><body><nav>' + nav + "</nav><h1>task/nq03-ncp-2025-52</h1>"
        "<p>pg:leadAgency</p><p>yếu hơn · weaker</p><script>var a = 'pg:x stronger'</script>"
    )
    _, problems = check_page("/id/task/x", bad, "vi")
    assert [p.split(" ")[0] for p in problems] == ["lang='en',", "raw", "slug", "English"]
    assert "stronger" not in " ".join(problems)  # script text is not visible text
    _, problems = check_page("/x", '<html lang="vi"><h1>5/BC — 5/BC</h1>', "vi")
    assert problems[0].startswith("navigation") and problems[1].startswith("title repeats")
    good = '<html lang="vi"><nav>' + nav + "</nav><h1>Bộ Xây dựng</h1><p>mạnh hơn</p>"
    assert check_page("/id/agency/bo-xay-dung", good, "vi")[1] == []
