"""A document issued "to carry out the aims" of a document left unnamed in its sentence.

A news text reports on one resolution, then on the body's programme for it: "Nhằm cụ thể hóa các
quan điểm chỉ đạo, thực hiện mục tiêu đề ra về …, Ban Thường vụ Tỉnh ủy đã ban hành Chương trình
hành động số 33-CTr/TU" — whose views and aims is left to the paragraphs before, which name one
document only. Where they name several, the link is left unmade.
"""

from __future__ import annotations

import re

from ingest.extract.document_mentions import Mention
from ingest.extract.sentences import Span

# A purpose clause naming what is carried out by its contents alone, at the sentence's start.
_PURPOSE = re.compile(
    r"[-+*•\s]*(?:Nhằm|Để)\s+(?:tiếp tục\s+)?(?:cụ thể hóa|cụ thể hoá|thực hiện|triển khai)\s+"
    r"(?:(?:các|những)\s+)?(?:quan điểm|mục tiêu|chủ trương|nội dung|nhiệm vụ)\b",
    re.IGNORECASE,
)
_ISSUES = re.compile(r"ban hành\s+$", re.IGNORECASE)


def link_purpose_implied(text: str, spans: list[Span], mentions: list[Mention]) -> None:
    """The document issued in a sentence opening with a purpose clause that names no document
    carries out the one document the text named before that sentence."""
    real = [m for m in mentions if m.key and not m.anaphor]
    for sentence in spans:
        if not _PURPOSE.match(text, sentence.start):
            continue
        inside = [m for m in mentions if sentence.start <= m.start < sentence.end]
        if not inside or inside[0].anaphor or not inside[0].key:
            continue
        issued = inside[0]
        if issued.implements or not _ISSUES.search(text, max(0, issued.start - 15), issued.start):
            continue
        earlier = {m.key: m for m in real if m.end <= sentence.start}
        if len(earlier) == 1:
            (carried,) = earlier.values()
            if carried.key != issued.key:
                issued.implements.append(carried)
