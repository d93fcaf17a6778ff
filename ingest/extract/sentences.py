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


def sentences(text: str, within: Span | None = None) -> list[Span]:
    """Sentence spans: split at newlines and at . ! ? … followed by a capital, digit or bullet."""
    result: list[Span] = []
    for paragraph in [within] if within else paragraphs(text):
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
