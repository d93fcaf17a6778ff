"""Namings that are no new document: a headline restating a numbered act by what it does, and a
document a task says is still to be made.

News text names the act it reports twice: "Thủ tướng vừa ký Quyết định số 1269/QĐ-TTg thành
lập Trung tâm …" and, in its headline, "Thủ tướng ký Quyết định thành lập Trung tâm …" — one
decision. A task's object ("giao Bộ … phê duyệt Quy chế tổ chức và hoạt động của Trung tâm",
"tham mưu cho Chủ tịch UBND tỉnh ban hành Quyết định công bố kết quả …") names a document that
does not exist yet: it has no number and no date, so it is not a document the text cites. A
programme, plan, project or strategy a task is to build ("giao Bộ … xây dựng Đề án …") stays:
the graph holds it as the task's output.
"""

from __future__ import annotations

import re

from ingest.extract.document_identity import HEAD
from ingest.extract.document_mentions import ASSIGNS, Mention
from ingest.extract.sentences import Span, sentence_at

_MIN_RESTATED_WORDS = 3  # "thành lập Trung tâm …": enough words to say it is the same act

# A verb of making right before the naming, and a verb of assigning earlier in the sentence.
_MAKES = re.compile(r"(?:ban hành|phê duyệt|xây dựng|trình)\s+$", re.IGNORECASE)
_ACTS = ("Decision", "Directive")  # acts and rules, not programmes, plans, projects, strategies
_RULES = re.compile(r"Quy (?:chế|định)\b")
# "Nghị định … về ban hành Quy chế làm việc", "… về việc phê duyệt Chiến lược …": an act's title
_TITLE_OF_ACT = re.compile(r"\bvề\s+(?:việc\s+)?$", re.IGNORECASE)


def number_restated(text: str, mentions: list[Mention]) -> None:
    """An unnumbered naming whose title is the words that follow one numbered document of its
    type ("Quyết định thành lập X" beside "Quyết định số 1269/QĐ-TTg thành lập X") takes its
    number."""
    numbered = [m for m in mentions if m.number and not m.anaphor]
    for mention in mentions:
        if mention.number or mention.anaphor or mention.quoted or not mention.title:
            continue
        head = HEAD.match(mention.title)
        if head is None:
            continue
        rest = " ".join(mention.title[head.end() :].split())
        if len(rest.split()) < _MIN_RESTATED_WORDS:
            continue
        numbers = {
            m.number
            for m in numbered
            if m.doc_type == mention.doc_type
            and " ".join(text[m.end : m.end + len(rest) + 40].split()).startswith(rest)
        }
        if len(numbers) == 1:
            mention.number = numbers.pop()


def still_to_be_made(text: str, spans: list[Span], mention: Mention) -> bool:
    """Whether ``mention`` is an act or rules a task is to issue ("giao … phê duyệt Quy chế …"):
    unnumbered, unquoted, right after a verb of making in a sentence that assigns."""
    if mention.number or mention.short_number or mention.quoted or mention.anaphor:
        return False
    if mention.doc_type not in _ACTS and not _RULES.match(mention.title or ""):
        return False
    verb = _MAKES.search(text, max(0, mention.start - 20), mention.start)
    if verb is None or _TITLE_OF_ACT.search(text, max(0, verb.start() - 12), verb.start()):
        return False
    sentence = sentence_at(spans, mention.start)
    return sentence is not None and bool(ASSIGNS.search(text, sentence.start, mention.start))
