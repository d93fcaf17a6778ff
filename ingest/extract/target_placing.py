"""Who sets a target and at what scope: the plan or project the paragraph opens with, else the
last document named before that is not one the text carries out, else the text's own document;
a figure is national when that document is (a resolution of the Politburo, the Government or the
Prime Minister, a law) or when a provincial text quotes a national requirement ("cao hơn yêu cầu
của Trung ương là 30%").
"""

from __future__ import annotations

import re

from ingest.extract.context import ExtractionContext
from ingest.extract.sentences import Span
from ingest.extract.target_context import named_in_paragraph
from ingest.model import DocumentRef, SourceText

# A national requirement quoted in a provincial text: "cao hơn yêu cầu của Trung ương là 30%"
_NATIONAL_QUOTE = re.compile(
    r"(?:yêu cầu|mục tiêu|chỉ tiêu)\s+(?:của\s+)?(?:Trung ương|Chính phủ|quốc gia|cả nước)"
    r"|Trung ương\s+(?:đề ra|đặt ra|giao)|(?:cả nước|toàn quốc)\s+(?:phấn đấu|đạt)"
    r"|Đại hội (?:đại biểu )?toàn quốc|Đại hội [XVI]+ của Đảng|của nền kinh tế"
    r"|(?:Thủ tướng(?: Chính phủ)?|Chính phủ) giao",
    re.IGNORECASE,
)


def _set_by(context: ExtractionContext, source: SourceText, sentence: Span) -> DocumentRef | None:
    implemented = {ref.key for fact in context.documents for ref in fact.implements}
    original_start = source.offset_map[sentence.start]
    candidates = [
        f.ref
        for f in context.documents
        if f.evidence.start <= original_start and f.ref.key not in implemented
    ]
    return candidates[-1] if candidates else context.main_document


def _is_national(ref: DocumentRef | None) -> bool:
    return bool(ref and ref.number and re.search(r"/TW$|-CP$|-TTg$|/QH", ref.number))


def placing(
    text: str, at: int, sentence: Span, source: SourceText, context: ExtractionContext
) -> tuple[DocumentRef | None, bool]:
    """The document that sets a target stated at ``at``, and whether the target is national."""
    set_by = named_in_paragraph(context, text, at) or _set_by(context, source, sentence)
    clause = text[max(sentence.start, text.rfind(";", sentence.start, at) + 1) : at]
    quoted = context.province is not None and bool(_NATIONAL_QUOTE.search(clause))
    national = _is_national(set_by) or context.province is None or quoted
    if quoted and not _is_national(set_by):
        set_by = None  # a national figure quoted in a provincial text: the province sets none
    return set_by, national
