"""A document a text leaves unnamed but for the short name it gives in brackets.

"Thứ trưởng Bộ Y tế … vừa ký văn bản chỉ đạo các đơn vị … triển khai Nghị quyết số 157-NQ/BCSĐ …
(gọi tắt là Kế hoạch hành động)": the bracket's bare head noun is of another type than the
resolution before it, so it names the "văn bản" just signed — a plan carrying the resolution out —
not the resolution (an alias of the document before it keeps that document's type: "Nghị quyết số
71/NQ-CP … (sau đây gọi tắt là Nghị quyết số 71/NQ-CP)").
"""

from __future__ import annotations

import re

from ingest.extract.document_identity import HEAD, head_info
from ingest.extract.document_mentions import Mention
from ingest.extract.sentences import Span, sentence_at

_ALIAS = re.compile(r"\(\s*(?:sau đây\s+)?gọi tắt là\s+(?P<name>[^()\n]{3,60}?)\s*\)")
_SIGNS_UNNAMED = re.compile(r"\bvừa\s+(?:ký|ban hành)(?:\s+ban hành)?\s+văn bản\s")
_CARRIES_OUT = re.compile(r"(?:thực hiện|triển khai)\s+$")


def issued_under_alias(text: str, spans: list[Span], mentions: list[Mention]) -> list[Mention]:
    """The documents signed as "văn bản" and named only by a bracketed bare head noun, each
    carrying out the document its sentence carries out."""
    found = []
    for alias in _ALIAS.finditer(text):
        name = alias.group("name")
        head = HEAD.fullmatch(name)
        sentence = sentence_at(spans, alias.start())
        if head is None or sentence is None:
            continue
        before = [m for m in mentions if sentence.start <= m.start and m.end <= alias.start()]
        signed = _SIGNS_UNNAMED.search(text, sentence.start, alias.start())
        if not before or not signed or len(before) != 1:
            continue
        (carried,) = before
        _, doc_type, _ = head_info(name)
        cue = _CARRIES_OUT.search(text, max(signed.end(), carried.start - 20), carried.start)
        if carried.doc_type == doc_type or cue is None:
            continue
        start = alias.start("name")
        issued = Mention(start, start + len(name), doc_type, title=name)
        issued.implements.append(carried)
        found.append(issued)
    return found
