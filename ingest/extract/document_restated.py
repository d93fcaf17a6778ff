"""Namings that are no new document: a headline restating a numbered act by what it does, and a
document a task says is still to be made.

News text names the act it reports twice: "Thủ tướng vừa ký Quyết định số 1269/QĐ-TTg thành
lập Trung tâm …" and, in its headline, "Thủ tướng ký Quyết định thành lập Trung tâm …" — one
decision. A task's object ("giao Bộ … phê duyệt Quy chế tổ chức và hoạt động của Trung tâm",
"tham mưu cho Chủ tịch UBND tỉnh ban hành Quyết định công bố kết quả …") names a document that
does not exist yet: it has no number and no date, so it is not a document the text cites. A
programme, plan, project or strategy a task is to build ("giao Bộ … xây dựng Đề án …") stays:
the graph holds it as the task's output.

A news text often names the act it reports by its title and gives the number in brackets at the
end of the sentence ("UBND tỉnh ban hành Quyết định kiện toàn … (Quyết định số 2041/QĐ-UBND,
ngày 13/10/2021)"); its headline and a photo caption repeat the title, the caption sometimes
with the province added ("Quyết định thành lập Ban chỉ đạo … tỉnh Nghệ An"). A council's
resolution lists the session's papers in its "Xét …" clause; an unnumbered examination report
there ("Báo cáo thẩm tra của các ban Hội đồng nhân dân tỉnh") is no document the text cites.
"""

from __future__ import annotations

import re

from ingest.extract.document_identity import HEAD, same_titled
from ingest.extract.document_lower_plans import ASSIGNS
from ingest.extract.document_mentions import Mention
from ingest.extract.sentences import Span, sentence_at

_MIN_RESTATED_WORDS = 3  # "thành lập Trung tâm …": enough words to say it is the same act

# A verb of making right before the naming, and a verb of assigning earlier in the sentence.
_MAKES = re.compile(r"(?:ban hành|phê duyệt|xây dựng|trình)\s+$", re.IGNORECASE)
_ACTS = ("Decision", "Directive")  # acts and rules, not programmes, plans, projects, strategies
_RULES = re.compile(r"Quy (?:chế|định)\b")
# A place name closing a restated title: "… chính quyền điện tử tỉnh Nghệ An" (a caption's)
_PLACE_END = re.compile(r"\s+(?:tỉnh|thành phố|TP\.?)\s+[A-ZĐ][^,;.()]*$")
# "(Quyết định số 2041/QĐ-UBND, ngày 13/10/2021)": a number given in brackets for what was named
_OPENS_BRACKET = re.compile(r"\(\s*$")
# A council's "Xét …" clause listing the session's papers, and an examination report in it.
_CLAUSE_CUE = re.compile(r"\b(?:Xét|Căn cứ|Theo đề nghị)\b")
_EXAMINATION = re.compile(r"Báo cáo thẩm tra\b", re.IGNORECASE)
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
        rests = {rest, _PLACE_END.sub("", rest)}  # a caption may add the province's name
        rests = {r for r in rests if len(r.split()) >= _MIN_RESTATED_WORDS}
        numbers = {
            m.number
            for m in numbered
            if m.doc_type == mention.doc_type
            and any(
                " ".join(text[m.end : m.end + len(r) + 40].split()).startswith(r) for r in rests
            )
        }
        if len(numbers) == 1:
            mention.number = numbers.pop()


def number_bracketed(text: str, spans: list[Span], mentions: list[Mention]) -> None:
    """A numbered naming in brackets ("(Quyết định số 2041/QĐ-UBND, ngày …)") gives its number to
    the one unnumbered titled naming of its type before it in the sentence, and to the other
    namings of that title (a headline, a caption)."""
    for numbered in [m for m in mentions if m.number and not m.anaphor]:
        if not _OPENS_BRACKET.search(text, max(0, numbered.start - 3), numbered.start):
            continue
        sentence = sentence_at(spans, numbered.start)
        if sentence is None:
            continue
        before = [m for m in mentions if sentence.start <= m.start < numbered.start]
        if any(m.number == numbered.number for m in before):
            continue  # "Chương trình số 95-CTr/TU … (Chương trình 95-CTr/TU)": a short alias
        named = [
            m
            for m in before
            if m.doc_type == numbered.doc_type
            and m.title
            and not (m.number or m.short_number or m.anaphor or m.quoted)
            and ";" not in text[m.end : numbered.start]
        ]
        if len(named) != 1:
            continue
        titled = named[0]
        for other in mentions:
            if other is titled or (
                not (other.number or other.short_number or other.anaphor or other.quoted)
                and same_titled(other, titled)
            ):
                other.number = numbered.number


def session_paper(text: str, mention: Mention) -> bool:
    """Whether ``mention`` is an unnumbered examination report in a "Xét …" clause (the last
    clause cue before it on its line is "Xét", not "Căn cứ")."""
    if mention.number or mention.short_number or not mention.title:
        return False
    if not _EXAMINATION.match(mention.title):
        return False
    line_start = text.rfind("\n", 0, mention.start) + 1
    cues = list(_CLAUSE_CUE.finditer(text, line_start, mention.start))
    return bool(cues) and cues[-1].group() == "Xét"


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
