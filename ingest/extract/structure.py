"""The document tree: a text's letterhead, number/date line, title, preamble, numbered parts and
items, tables and closing "Nơi nhận", with spans into the normalised and the original text.

Extractors read facts line by line, but what a line means depends on where it stands: a lead
named in "3. Ban Tuyên giáo Tỉnh ủy:" governs the items under it, "Mục tiêu đến năm 2030:" gives
its list a year, and the recipient list after "Nơi nhận" is never a task. The tree makes that
context explicit: :meth:`DocumentTree.path_at` gives the nodes enclosing any offset.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ingest.model import SourceText

# A numbered line: (kind, pattern). The kind says which sequence a marker belongs to; a marker
# of a kind already open closes everything opened after it (it is a sibling), a new kind nests.
_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(r"(?:Phần|PHẦN|Chương|CHƯƠNG)\s+(?:[IVX]{1,5}|\d{1,2}|thứ\s+\w+)\b[.:]?")),
    ("article", re.compile(r"Điều\s+\d{1,3}\s*[.:]")),
    ("roman", re.compile(r"[IVX]{1,5}\s*[.\-–/]\s+|[IVX]{1,5}\)\s*")),
    ("number3", re.compile(r"\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+")),
    ("number2", re.compile(r"\d{1,2}\.\d{1,2}\.?\s+")),
    ("number", re.compile(r"\d{1,2}\s*[.)]\s+|\(\d{1,2}\)\s*")),
    ("letter", re.compile(r"[a-zđ]\s*[).]\s+|\([a-zđ]\)\s*")),
    (
        "ordinal",
        re.compile(
            r"(?:(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười(?:\s+(?:một|hai|ba|bốn|lăm))?)\s+là"
            r"|Thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\s*[,:]\s*"
        ),
    ),
    ("dash", re.compile(r"\\?[-–—•]\s+")),
    ("plus", re.compile(r"\\?[+*]\s+(?!\*)")),
)
_DECORATION = re.compile(r"[#>\s]*(?:\*\*|__)?\s*")
_TYPE_WORDS = (
    "KẾ HOẠCH|QUYẾT ĐỊNH|NGHỊ QUYẾT|CHƯƠNG TRÌNH|CHỈ THỊ|THÔNG BÁO|KẾT LUẬN|BÁO CÁO|CÔNG VĂN|"
    "TỜ TRÌNH|ĐỀ ÁN|HƯỚNG DẪN|QUY CHẾ|QUY ĐỊNH|CHIẾN LƯỢC|LUẬT|NGHỊ ĐỊNH|THÔNG TƯ|CÔNG ĐIỆN"
)
_TYPE_LINE = re.compile(rf"[#*\s]*(?:{_TYPE_WORDS})(?:\s+[A-ZĐÀ-Ỹ]+)*[*\s]*$")
_NUMBER_LINE = re.compile(r"[|*\s]*Số\s*:?\s*\S*\d")
_PLACE_DATE = re.compile(r"[^\n|]{0,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")
_MOTTO = re.compile(r"CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|ĐẢNG CỘNG SẢN|^[\s*\-–_|]*$")
_PREAMBLE = re.compile(r"[*\s]*(?:Căn cứ|Xét đề nghị|Theo đề nghị|Xét Tờ trình)\b", re.IGNORECASE)
_RECIPIENTS = re.compile(r"[*|\s]*(?:Nơi nhận|NƠI NHẬN)\s*:?", re.IGNORECASE)
_SIGNATURE = re.compile(r"[*|\s]*(?:TM\.|T/M|KT\.|TL\.|Q\.\s*CHỦ TỊCH|CHỦ TỊCH\s*$|BÍ THƯ\s*$)")
_ANNEX = re.compile(r"[#*\s]*(?:PHỤ LỤC|Phụ lục)(?:\s+[IVX\d]{1,5})?[*\s]*$")
_YEAR = re.compile(r"(?:đến|tới|trong|năm|cuối)\s+(?:năm\s+)?((?:19|20)\d\d)(?!\s*[-–]\s*\d)")
HEAD_WINDOW = 1500  # the letterhead and title sit in the first lines of an official text


@dataclass
class Node:
    """One part of a document. ``start``/``end`` cover the node and everything under it;
    ``heading`` is its first line (the marker and the words after it) in the normalised text."""

    # letterhead | number_date | title | preamble | recipients | signature | annex | table |
    # paragraph, or a section kind: part article roman number number2 number3 letter ordinal
    # dash plus
    kind: str
    start: int
    end: int
    heading_end: int
    marker: str = ""
    children: list[Node] = field(default_factory=list)

    def heading(self, text: str) -> str:
        """The heading line, without its marker."""
        return text[self.start + len(self.marker) : self.heading_end].strip(" *_#:|")

    @property
    def is_section(self) -> bool:
        return self.kind in SECTION_KINDS

    def walk(self) -> list[Node]:
        """This node and all under it, in text order."""
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found


SECTION_KINDS = frozenset(kind for kind, _ in _MARKERS)


@dataclass
class DocumentTree:
    """The tree of one source's normalised text (a root node whose children are the top parts)."""

    text: str
    root: Node
    source: SourceText | None = None

    def nodes(self) -> list[Node]:
        return self.root.walk()[1:]

    def of_kind(self, *kinds: str) -> list[Node]:
        return [n for n in self.nodes() if n.kind in kinds]

    def path_at(self, offset: int) -> list[Node]:
        """The nodes enclosing ``offset``, outermost first (the root excluded)."""
        path: list[Node] = []
        children = self.root.children
        while True:
            starts = [c.start for c in children]
            index = bisect_right(starts, offset) - 1
            if index < 0 or not (children[index].start <= offset < children[index].end):
                return path
            path.append(children[index])
            children = children[index].children

    def sections_at(self, offset: int) -> list[Node]:
        """The numbered sections enclosing ``offset``, outermost first."""
        return [n for n in self.path_at(offset) if n.is_section]

    def in_closing(self, offset: int) -> bool:
        """Whether ``offset`` lies in the recipient list or the signature block."""
        return any(n.kind in ("recipients", "signature") for n in self.path_at(offset))

    def annex_at(self, offset: int) -> Node | None:
        """The annex (a programme or appendix after the signature) enclosing ``offset``."""
        return next((n for n in self.path_at(offset) if n.kind == "annex"), None)

    def year_at(self, offset: int) -> tuple[int, Node] | None:
        """The year a heading enclosing ``offset`` states ("Mục tiêu đến năm 2030:"), innermost
        first, with the node that gave it."""
        for node in reversed(self.sections_at(offset)):
            if node.start <= offset < node.heading_end:
                continue  # the line itself says what it says
            match = _YEAR.search(node.heading(self.text))
            if match:
                return int(match.group(1)), node
        return None

    def original_span(self, node: Node) -> tuple[int, int]:
        """The node's span in the original text."""
        if self.source is None:
            return node.start, node.end
        return self.source.original_span(node.start, node.end)

    def table_spans(self) -> list[tuple[int, int]]:
        return [(n.start, n.end) for n in self.of_kind("table")]


def _lines(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.start(), match.end()
        while start < end and text[start] in " \t":
            start += 1
        while end > start and text[end - 1] in " \t\r":
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _marker(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The kind of a numbered line and where its marker ends (decoration included)."""
    position = _DECORATION.match(text, start, end).end()
    for kind, pattern in _MARKERS:
        match = pattern.match(text, position, end)
        if match and match.end() < end:
            return kind, match.end()
    return None


def _normalised_table_spans(source: SourceText | None) -> list[tuple[int, int]]:
    """The readers' tables, mapped from the original text onto the normalised text."""
    if source is None:
        return []
    spans = []
    for table in source.tables:
        if not table.row_spans:
            continue
        start = bisect_right(source.offset_map, table.row_spans[0][0] - 1)
        end = bisect_right(source.offset_map, table.row_spans[-1][1] - 1)
        spans.append((start, min(end, len(source.normalised))))
    return spans


def _head_nodes(text: str, lines: list[tuple[int, int]]) -> tuple[list[Node], int]:
    """Letterhead, number/date line and title at the top of an official text, and the index of
    the first line after them. A text with no number/date line (news) has none of these."""
    head = [i for i, (s, _) in enumerate(lines) if s < HEAD_WINDOW]
    dated = [
        i for i in head if _NUMBER_LINE.match(text, *lines[i]) or _PLACE_DATE.match(text, *lines[i])
    ]
    if not dated:
        return [], 0
    first, last = dated[0], dated[-1]
    nodes = []
    letterhead = [i for i in range(first) if not _MOTTO.search(text[slice(*lines[i])])]
    if letterhead:
        start = lines[letterhead[0]][0]
        nodes.append(Node("letterhead", start, lines[first - 1][1], lines[letterhead[0]][1]))
    nodes.append(Node("number_date", lines[first][0], lines[last][1], lines[first][1]))
    index = last + 1
    if index < len(lines) and _TYPE_LINE.match(text, *lines[index]):
        title_end = index
        while (
            title_end + 1 < len(lines)
            and title_end + 1 - index < 4
            and not _PREAMBLE.match(text, *lines[title_end + 1])
            and not _marker(text, *lines[title_end + 1])
            and text[lines[title_end + 1][1] - 1] not in ".;:"
            and not _RECIPIENTS.match(text, *lines[title_end + 1])
        ):
            title_end += 1
        nodes.append(Node("title", lines[index][0], lines[title_end][1], lines[index][1]))
        index = title_end + 1
    return nodes, index


def parse(text: str, source: SourceText | None = None) -> DocumentTree:
    """The tree of a normalised text (``source`` lets tables and original offsets be known)."""
    lines = _lines(text)
    root = Node("root", 0, len(text), 0)
    head_nodes, index = _head_nodes(text, lines)
    root.children.extend(head_nodes)
    tables = _normalised_table_spans(source)
    stack: list[Node] = [root]  # stack[0] is the container: the root or an annex
    closing: Node | None = None
    while index < len(lines):
        start, end = lines[index]
        index += 1
        table = next(((s, e) for s, e in tables if s <= start < e), None)
        if (closing is not None and _TYPE_LINE.match(text, start, end)) or _ANNEX.match(
            text, start, end
        ):
            # A programme or appendix issued with the text, after its signature
            if closing is not None:
                closing.end = start
            closing = None
            annex = Node("annex", start, end, end)
            root.children.append(annex)
            stack = [annex]
            continue
        if table is not None:
            node = Node("table", start, max(end, table[1]), end)
            while index < len(lines) and lines[index][0] < table[1]:
                index += 1
        elif closing is not None or _RECIPIENTS.match(text, start, end):
            if closing is None:
                closing = Node("recipients", start, len(text), end)
                stack = [root]
                root.children.append(closing)
            elif _SIGNATURE.match(text, start, end) and closing.kind == "recipients":
                closing.end = start
                closing = Node("signature", start, len(text), end)
                root.children.append(closing)
            continue
        elif _SIGNATURE.match(text, start, end) and not _marker(text, start, end):
            closing = Node("signature", start, len(text), end)
            stack = [root]
            root.children.append(closing)
            continue
        elif len(stack) == 1 and _PREAMBLE.match(text, start, end):
            node = Node("preamble", start, end, end)
        else:
            marked = _marker(text, start, end)
            if marked is None:
                node = Node("paragraph", start, end, end)
            else:
                kind, marker_end = marked
                open_kinds = [n.kind for n in stack[1:]]
                if kind in open_kinds:
                    del stack[1 + open_kinds.index(kind) :]
                node = Node(kind, start, end, end, text[start:marker_end])
                stack[-1].children.append(node)
                stack.append(node)
                continue
        stack[-1].children.append(node)
    _close(root)
    return DocumentTree(text, root, source)


def _close(node: Node) -> None:
    """Give each section the span of everything under it."""
    for child in node.children:
        _close(child)
        node.end = max(node.end, child.end)
