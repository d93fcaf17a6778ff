"""Plans a news text names in lower case, by what they are about ("ban hành kế hoạch về chuyển đổi
số …") or by their issuer ("kế hoạch hành động của Uỷ ban Quốc gia …"), not by a number; and the
decisions and letters a body is reported to have just issued ("vừa có quyết định thành lập …")."""

from __future__ import annotations

import re

from ingest.extract.document_identity import head_info
from ingest.extract.document_mentions import Mention
from ingest.extract.document_title_ends import SUBJECT_CLAUSE, TITLE_END, VERB_END
from ingest.extract.sentences import Span

# A plan named in lower case by what it is about, after a verb that issues, approves or carries
# it out ("UBND tỉnh vừa ban hành kế hoạch về chuyển đổi số … năm 2024", "đang triển khai kế
# hoạch thực hiện phong trào …", "phê duyệt kế hoạch triển khai hồ sơ sức khỏe điện tử", "mục
# tiêu của kế hoạch thực hiện chuyển đổi số …"): a news text's name for the plan it reports.
_LOWER_PLAN_BEFORE = re.compile(r"(?:ban hành|phê duyệt|triển khai|thực hiện|của|và)\s+$")
# A verb of assigning before it: the plan is a task's object ("nhiệm vụ xây dựng và tổ chức thực
# hiện kế hoạch thực hiện Nghị quyết số 57-NQ/TW" — each body's own plan), not a document named.
ASSIGNS = re.compile(
    r"\b(?:giao|tham mưu|có trách nhiệm|chủ trì|được giao|nhiệm vụ|yêu cầu|đề nghị)\b",
    re.IGNORECASE,
)
_LOWER_PLAN_TITLE = re.compile(r"\s+(?:về|thực hiện|triển khai)\s")
# "kế hoạch hành động của Uỷ ban Quốc gia về chuyển đổi số đặt mục tiêu …": named by its issuer
_LOWER_PLAN_OF = re.compile(r"\s+của\s+(?=[^\W\d_])")


def _issuer_follows(text: str, position: int) -> bool:
    """Whether "của" and a capitalised name follow ``position`` ("của Ủy ban Quốc gia …")."""
    of = _LOWER_PLAN_OF.match(text, position)
    return of is not None and text[of.end()].isupper()


def _lower_plan_title(
    text: str, position: int, limit: int, *, through_of: bool = False
) -> tuple[str, int] | None:
    """The title after a lower-case "kế hoạch", a quoted name inside it kept ("phong trào "Bình
    dân học vụ số" trên địa bàn"), a comma clause naming the sentence's subject left out."""
    search_from = position
    while True:
        boundary = TITLE_END.search(text, search_from, limit)
        if boundary is None:
            end = limit
            break
        if through_of and _issuer_follows(text, boundary.start()):
            search_from = boundary.end()  # the issuer is part of the name
            continue
        if boundary.group().strip() == '"':  # an opening quote: the name goes on past its close
            close = text.find('"', boundary.end(), limit)
            if close < 0:
                end = boundary.start()
                break
            search_from = close + 1
            continue
        end = boundary.start()
        break
    title = text[position:end].rstrip(" ,-")
    if boundary is not None and VERB_END.match(text, boundary.start()):
        title = SUBJECT_CLAUSE.sub("", title)
    if len(title.split()) < 3 or len(title.split()) > 40:
        return None
    return " ".join(title.split()), position + len(title)


def named_lower_plan(
    text: str, word: str, start: int, end: int, sentence: Span, before: str
) -> bool:
    """Whether the head noun ``word`` at ``start``..``end`` is a lower-case plan's naming (not the
    object of an assigning verb earlier in the sentence)."""
    lower_plan = (
        word == "kế hoạch"
        and _LOWER_PLAN_BEFORE.search(before)
        and _LOWER_PLAN_TITLE.match(text, end)
    )
    of_issuer = word == "kế hoạch hành động" and _issuer_follows(text, end)
    return bool(lower_plan or of_issuer) and not ASSIGNS.search(text, sentence.start, start)


def lower_plan_mention(text: str, word: str, start: int, end: int, limit: int) -> Mention | None:
    """The mention of a lower-case plan whose head noun is at ``start``..``end``, its title up to
    a boundary before ``limit`` (the sentence's end); None where no title of 3-40 words is found."""
    of_issuer = word == "kế hoạch hành động" and _issuer_follows(text, end)
    found = _lower_plan_title(text, end, limit, through_of=of_issuer)
    if not found:
        return None
    return Mention(start, found[1], "Plan", title=f"{word[0].upper()}{word[1:]} {found[0]}")


# A decision, directive or letter a body is reported to have just issued, in lower case and named
# by what it does ("UBND TP HCM vừa có quyết định thành lập Ban Chỉ đạo …", "vừa có quyết định kiện
# toàn …", "vừa ban hành công văn về việc triển khai thực hiện Thông báo số 56/TB-VPCP …", "vừa ban
# hành quyết định về thực hiện Chương trình hành động số 54-CTrHĐ/TU …"). One approving another
# document ("vừa ký quyết định phê duyệt kế hoạch …") is named by that document instead.
_JUST_ISSUED = re.compile(r"\b(?:vừa|đã|mới)\s+(?:ban hành|có|ký(?:\s+ban hành)?)\s+$")
_ISSUED_HEADS = {"quyết định", "chỉ thị", "công văn"}
_ISSUED_TITLE = re.compile(r"\s+(?:về việc|về|thực hiện|triển khai|thành lập|kiện toàn)\s")


def just_issued_mention(text: str, word: str, start: int, end: int, limit: int) -> Mention | None:
    """The mention of a lower-case decision, directive or letter at ``start``..``end`` that the
    sentence's subject has just issued, its title up to a boundary before ``limit``."""
    if word not in _ISSUED_HEADS or not _JUST_ISSUED.search(text, max(0, start - 25), start):
        return None
    if not _ISSUED_TITLE.match(text, end):
        return None
    found = _lower_plan_title(text, end, limit)
    if not found:
        return None
    head, doc_type, _ = head_info(word)
    return Mention(start, found[1], doc_type, title=f"{head} {found[0]}")
