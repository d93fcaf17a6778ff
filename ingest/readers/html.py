"""Saved web pages: keep the article, drop the page around it.

Removed: scripts and styles, navigation, headers, footers, sidebars, menus, share bars, visitor
counters ("Tổng số lượt truy cập") and the lists of other articles that follow a "Xem thêm",
"Tin cùng chuyên mục" or "Tin liên quan" heading. Tables are rendered as pipe rows so that they
become :class:`~ingest.model.Table` objects with spans in the extracted text.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest.readers import Extracted
from ingest.readers.txt import decode_utf8, find_pipe_tables
from ontology.errors import SourceError

_DROPPED_TAGS = (
    "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, "
    "select, input, textarea, object, embed, canvas, menu, dialog"
)
_NOISE_CLASS = re.compile(
    r"(?:^|[-_\s])(?:menu|nav|navbar|navigation|breadcrumbs?|footer|header|sidebar|share|social|"
    r"comments?|related|relate|tinlienquan|tin-lien-quan|counter|visitor|banner|adverts?|ads|"
    r"quangcao|tags?|widget|popup|cookie|toolbar|pagination)(?:$|[-_\s])",
    re.IGNORECASE,
)
# A heading after which the page lists other articles: it and what follows it go.
_LIST_HEADINGS = re.compile(
    r"^\s*(?:xem thêm|tin cùng chuyên mục|tin liên quan|bài viết liên quan|bài liên quan|"
    r"các tin khác|tin khác|tin mới|tin mới nhất|đọc thêm|tin đọc nhiều|có thể bạn quan tâm)\b",
    re.IGNORECASE,
)
_COUNTER = re.compile(
    r"^\s*(?:tổng số lượt truy cập|lượt truy cập|số lượt truy cập|đang truy cập|đang online|"
    r"lượt xem|hôm nay|thống kê truy cập)\b",
    re.IGNORECASE,
)
_ARTICLE_ROOTS = "article, [itemprop=articleBody], main"
_ARTICLE_CLASS = re.compile(
    r"article|content|detail|entry|post-body|news-body|noidung|chitiet|main-body", re.IGNORECASE
)
_BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article"}
    | {"blockquote", "figure", "figcaption", "pre", "dl", "dt", "dd", "hr", "main", "address"}
    | {"center", "tbody", "thead"}
)
_SPACES = re.compile(r"[ \t\r\n\f]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)


def read_html(path: Path, data: bytes) -> Extracted:
    """The article text of a saved page, its tables, and what its head declares (``<meta>``…)."""
    page = LexborHTMLParser(_decode(path, data))
    hints = _page_hints(page)
    for node in page.css(_DROPPED_TAGS):
        node.remove()
    root = _article_root(page)
    if root is None:
        raise SourceError(path, "no article text found in the HTML page")
    _drop_noise(root)
    try:
        blocks = _blocks(root)
    except RecursionError:
        raise SourceError(path, "HTML nested too deeply to read") from None
    text = "\n\n".join(blocks)
    if not text.strip():
        raise SourceError(path, "no article text found in the HTML page")
    return Extracted(text, find_pipe_tables(text), hints, "the page's own metadata")


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 unless the page declares another charset; undecodable bytes are a SourceError."""
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii", "replace")).name
        except LookupError:
            codec = "utf-8"
        if codec not in ("utf-8", "utf-8-sig"):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise SourceError(
                    path,
                    f"not valid {codec} (byte 0x{data[error.start]:02x} at offset {error.start})",
                ) from None
    return decode_utf8(path, data)


def _page_hints(page: LexborHTMLParser) -> dict[str, str]:
    hints: dict[str, str] = {}
    wanted = {
        "title": ('meta[property="og:title"]', "h1", "title"),
        "date": (
            'meta[property="article:published_time"]',
            'meta[name="pubdate"]',
            'meta[name="date"]',
            'meta[name="DC.date.issued"]',
            "time[datetime]",
        ),
        "publisher": ('meta[property="og:site_name"]', 'meta[name="author"]'),
        "address": ('link[rel="canonical"]', 'meta[property="og:url"]'),
    }
    for key, selectors in wanted.items():
        for selector in selectors:
            node = page.css_first(selector)
            if node is None:
                continue
            attributes = node.attributes
            value = (
                attributes.get("content")
                or attributes.get("href")
                or attributes.get("datetime")
                or node.text(deep=True)
            )
            if value and value.strip():
                hints[key] = _SPACES.sub(" ", value).strip()
                break
    return hints


def _article_root(page: LexborHTMLParser) -> LexborNode | None:
    candidates = list(page.css(_ARTICLE_ROOTS))
    for node in page.css("div[class], div[id], section[class], section[id], td[class]"):
        label = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if _ARTICLE_CLASS.search(label) and not _NOISE_CLASS.search(label):
            candidates.append(node)
    candidates = [node for node in candidates if node.text(deep=True).strip()]
    if candidates:
        return max(candidates, key=lambda node: len(node.text(deep=True)))
    return page.body


def _drop_noise(root: LexborNode) -> None:
    """Remove menus, share bars, counters and "Xem thêm"-style lists inside the article root."""
    for node in list(root.css("[class], [id]")):
        label = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if _NOISE_CLASS.search(label) and node.css_first("h1") is None:
            node.remove()
    for node in list(root.css("*")):
        own_text = node.text(deep=False)
        if _LIST_HEADINGS.match(own_text) and len(node.text(deep=True)) < 80:
            _drop_with_following(node)
        elif _COUNTER.match(own_text):
            parent = node.parent
            short_parent = (
                parent is not None and parent.mem_id != root.mem_id and len(parent.text()) < 200
            )
            (parent if short_parent else node).remove()


def _drop_with_following(node: LexborNode) -> None:
    following = node.next
    while following is not None:
        after = following.next
        following.remove()
        following = after
    node.remove()


def _blocks(node: LexborNode) -> list[str]:
    """The text of ``node`` as blocks (paragraphs, headings, list items, rendered tables)."""
    blocks: list[str] = []
    line: list[str] = []

    def flush() -> None:
        text = _SPACES.sub(" ", "".join(line)).strip()
        if text:
            blocks.append(text)
        line.clear()

    def walk(current: LexborNode) -> None:
        for child in current.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                line.append(child.text(deep=False))
            elif tag == "br":
                flush()
            elif tag == "table":
                flush()
                rendered = _render_table(child)
                if rendered:
                    blocks.append(rendered)
            elif tag in _BLOCK_TAGS:
                flush()
                walk(child)
                flush()
            elif not tag.startswith("-"):
                walk(child)

    walk(node)
    flush()
    return blocks


def _render_table(table: LexborNode) -> str:
    """A table as Markdown pipe rows (first row as header); spans of rows and cells carry down."""
    rows: list[list[str]] = []
    carried: dict[int, tuple[str, int]] = {}  # column → (text, rows still to fill)
    for row in table.css("tr"):
        if _closest_table(row) != table.mem_id:
            continue  # a row of a nested table: its text is in the enclosing cell
        cells: list[str] = []
        column = 0
        for cell in (child for child in row.iter() if child.tag in ("td", "th")):
            while column in carried:
                column = _fill_carried(cells, carried, column)
            text = _SPACES.sub(" ", cell.text(deep=True)).strip().replace("|", "/")
            span = _int_attribute(cell, "colspan")
            down = _int_attribute(cell, "rowspan")
            for offset in range(span):
                cells.append(text if offset == 0 else "")
                if down > 1:
                    carried[column + offset] = (text if offset == 0 else "", down - 1)
            column += span
        while column in carried:
            column = _fill_carried(cells, carried, column)
        if any(cells):
            rows.append(cells)
    if not rows:
        return ""
    width = max(len(cells) for cells in rows)
    lines = [_pipe_row(rows[0], width), "|" + "---|" * width]
    lines.extend(_pipe_row(cells, width) for cells in rows[1:])
    return "\n".join(lines)


def _fill_carried(cells: list[str], carried: dict[int, tuple[str, int]], column: int) -> int:
    text, remaining = carried.pop(column)
    cells.append(text)
    if remaining > 1:
        carried[column] = (text, remaining - 1)
    return column + 1


def _closest_table(node: LexborNode) -> int | None:
    parent = node.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent.mem_id if parent is not None else None


def _int_attribute(node: LexborNode, name: str) -> int:
    value = (node.attributes.get(name) or "1").strip()
    return min(int(value), 50) if value.isdigit() and int(value) > 0 else 1


def _pipe_row(cells: list[str], width: int) -> str:
    padded = cells + [""] * (width - len(cells))
    return "| " + " | ".join(padded) + " |"
