"""The sentences the assignment reader walks: those of the text with the lines a transcription
wrapped joined again and those a page ran together split again, and the "TỔ CHỨC THỰC HIỆN"
sections whose items open with the body they charge."""

from __future__ import annotations

import re

from ingest.extract.sentences import Span, sentences
from ingest.extract.structure import DocumentTree


def assignment_sentences(text: str) -> list[Span]:
    """The text's sentences, wrapped lines joined and run-together sentences split."""
    return _run_together(text, _unwrapped(text, sentences(text)))


# "… bảo hiểm thất nghiệp.Bảo hiểm Xã hội Việt Nam nghiên cứu …": a stop with no space after
# it, a word of three or more letters before it (not "Tp.Hồ Chí Minh", "TP.HCM")
_RUN_TOGETHER = re.compile(r"(?<=[^\W\d_]{2}[a-zà-ỹđ])\.(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])")


def _run_together(text: str, spans: list[Span]) -> list[Span]:
    """Sentences a page ran together without a space after the stop, split again."""
    split: list[Span] = []
    for span in spans:
        start = span.start
        for stop in _RUN_TOGETHER.finditer(text, span.start, span.end):
            split.append(Span(start, stop.end()))
            start = stop.end()
        split.append(Span(start, span.end))
    return split


def _unwrapped(text: str, spans: list[Span]) -> list[Span]:
    """Sentences with the lines a transcription wrapped joined again: "Giao cho Sở A và Sở B" /
    "hướng dẫn chi tiết …" is one sentence (the next line opens in lower case, the first ends
    with no stop)."""
    joined: list[Span] = []
    for span in spans:
        last = joined[-1] if joined else None
        if (
            last is not None
            and text[last.end : span.start] == "\n"
            and text[span.start : span.start + 1].islower()
            and text[last.end - 1 : last.end] not in ".;:!?"
        ):
            joined[-1] = Span(last.start, span.end)
        else:
            joined.append(span)
    return joined


_DUTY_HEADING = re.compile(
    r"(?:tổ chức thực hiện|phân công nhiệm vụ|trách nhiệm thực hiện|phân công thực hiện)\s*:?$",
    re.IGNORECASE,
)


def duty_section_spans(tree: DocumentTree) -> list[Span]:
    """The "TỔ CHỨC THỰC HIỆN" sections of a plan (any level of the tree): each item there opens
    with the body it charges."""
    return [
        Span(node.heading_end, node.end)
        for node in tree.nodes()
        if node.is_section and _DUTY_HEADING.fullmatch(node.heading(tree.text))
    ]


def inside(sentence: Span, spans: list[Span]) -> bool:
    return any(s.start <= sentence.start < s.end for s in spans)
