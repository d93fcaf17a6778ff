"""Sentence, clause and paragraph spans over normalised text.

Every extractor quotes a sentence (or a clause) as evidence, so the spans must be exact
offsets into the normalised text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A [start, end) span of the normalised text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "tp",
    "ths",
    "ts",
    "pgs",
    "gs",
    "v.v",
    "vv",
    "tr",
    "st",
    "ks",
    "bs",
    "no",
    "ông",
    "bà",
}
_BULLET = re.compile(r"(?:\\?[-*+•]\s+|\d{1,2}[.)]\s+|[a-zđ][.)]\s+|[IVX]{1,5}[.-]\s+)")


def _is_sentence_break(text: str, index: int) -> bool:
    """Whether the punctuation at ``index`` ends a sentence."""
    char = text[index]
    nxt = index + 1
    while nxt < len(text) and text[nxt] in '"”’)]*':
        nxt += 1
    if nxt < len(text) and not text[nxt].isspace():
        return False  # 2.500, TP.HCM, ./.
    rest = text[nxt:].lstrip(" \t")
    if not rest or rest[0] == "\n":
        return True
    first = rest[0]
    if char == "." and index > 0:
        word = re.search(r"([\w.]+)$", text[max(0, index - 12) : index])
        if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
            return False
    return first.isupper() or first.isdigit() or first in '"“(-•*+\\'


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "|"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "|"):
        end -= 1
    return start, end


def paragraphs(text: str) -> list[Span]:
    """Spans of the lines (a line is a paragraph in news text and Markdown)."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = _trim(text, match.start(), match.end())
        if end > start:
            spans.append(Span(start, end))
    return spans


# Words a sentence does not end on: a line ending with one was wrapped mid-sentence
# ("… ngày 18/3/2024 của" / "Ban Thường vụ Tỉnh ủy …", "Thực hiện Quyết định số" / "709/QĐ-TTg").
_OPEN_ENDINGS = frozenset(
    [
        "của",
        "số",
        "và",
        "về",
        "ngày",
        "với",
        "tại",
        "theo",
        "cho",
        "các",
        "những",
        "trong",
        "để",
        "được",
        "là",
        "hoặc",
        "từ",
        "đến",
        "thuộc",
        "nhằm",
    ]
)
_LAST_WORD = re.compile(r"(\w+)$")
# A wrapped transcription fills its lines (90-110 characters); a numbered line shorter than
# this followed by a capital is a heading over its body.
_HEADING_WIDTH = 60
# A line that opens a heading, a list item, a table row or a quotation block: never a wrap.
_BLOCK_OPENING = re.compile(r"(?:[#|>]|(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+\b)")


def _is_upper(text: str, span: Span) -> bool:
    return not any(char.islower() for char in text[span.start : span.end])


def _wrapped(text: str, line: Span, following: Span) -> bool:
    """Whether the break between two adjacent lines falls inside a sentence: the first line ends
    with no stop, and the next opens in lower case, or the first ends on a comma, a hyphen or a
    word no sentence ends on; a blank line, a heading, a list item or a table row is a break."""
    if text[line.end : following.start].count("\n") != 1:
        return False
    last = text[line.end - 1]
    if last in ".!?…:;|" or text[line.start] in "|#":
        return False
    if _BULLET.match(text, following.start) or _BLOCK_OPENING.match(text, following.start):
        return False
    if text[following.start].islower():
        return True
    if _BULLET.match(text, line.start) and line.end - line.start < _HEADING_WIDTH:
        return False  # a short numbered heading, then its body: "a) Kết quả đạt được" / "Tỉnh …"
    if _is_upper(text, line) and not _is_upper(text, following):
        return False  # a title in capitals, then the body: "… CÁC NĂM TIẾP THEO" / "Căn cứ …"
    if last in ",-":
        return True
    word = _LAST_WORD.search(text, line.start, line.end)
    return bool(word) and word.group(1).lower() in _OPEN_ENDINGS


def sentence_blocks(text: str) -> list[Span]:
    """The lines of ``text``, with the lines a transcription wrapped mid-sentence joined again."""
    blocks: list[Span] = []
    for line in paragraphs(text):
        if blocks and _wrapped(text, blocks[-1], line):
            blocks[-1] = Span(blocks[-1].start, line.end)
        else:
            blocks.append(line)
    return blocks


def sentences(text: str, within: Span | None = None) -> list[Span]:
    """Sentence spans: split at . ! ? … followed by a capital, digit or bullet, and at line
    breaks other than those inside a wrapped sentence (:func:`sentence_blocks`)."""
    result: list[Span] = []
    for paragraph in [within] if within else sentence_blocks(text):
        start = paragraph.start
        bullet = _BULLET.match(text, start, paragraph.end)
        if bullet:
            start = bullet.end()
        for index in range(start, paragraph.end):
            if text[index] in ".!?…" and _is_sentence_break(text, index):
                s, e = _trim(text, start, index + 1)
                if e > s:
                    result.append(Span(s, e))
                start = index + 1
        s, e = _trim(text, start, paragraph.end)
        if e > s:
            result.append(Span(s, e))
    return result


def clauses(text: str, sentence: Span) -> list[Span]:
    """The ``;``-separated clauses of a sentence (lists of tasks and targets use them)."""
    result = []
    start = sentence.start
    for index in range(sentence.start, sentence.end):
        if text[index] == ";":
            s, e = _trim(text, start, index)
            if e > s:
                result.append(Span(s, e))
            start = index + 1
    s, e = _trim(text, start, sentence.end)
    if e > s:
        result.append(Span(s, e))
    return result


def sentence_at(spans: list[Span], offset: int) -> Span | None:
    """The span that contains ``offset`` (``spans`` sorted and disjoint, as made here)."""
    index = bisect_right(spans, offset, key=lambda span: span.start) - 1
    if index >= 0 and spans[index].start <= offset < spans[index].end:
        return spans[index]
    return None
