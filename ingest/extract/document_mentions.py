"""Document mentions: each naming of a document in a text (numbered, short-numbered or titled).
What is written around a naming (date, issuer, status) is read by :mod:`document_details`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ingest.extract.document_identity import (
    FULL_NUMBER,
    HEAD,
    HEAD_PATTERN,
    PARTY_ISSUERS,
    SHORT_NUMBER,
    YEAR_NUMBER,
    canonical_number,
    head_info,
    type_of_code,
)
from ingest.extract.sentences import Span, sentence_at
from ingest.model import AgencyRef

_TITLE_END = re.compile(
    r"\s*[.;:!?](?:\s|$)|\n|,\s*ngày\s|\s+ngày\s+\d|\s+(?:của|do)\s+(?=[A-ZĐ])|\s+(?:đã|được|sẽ"
    r"|nhằm|để|với tổng|"
    r"đặt|cũng|là|có|mà|tại hội nghị|tại phiên họp|thời gian qua|trong thời gian)[\s,]|,\s*(?:đồng"
    r" thời|trong đó|nhằm|"
    r"với|bảo đảm|đảm bảo|góp phần|thứ)\s|\s+và\s+(?:việc|các|những|(?=(?i:(?:dự thảo\s+)?(?:"
    + HEAD_PATTERN
    + r"))\s))|\s+\((?![A-ZĐ&0-9]+\))"
    r"|\s*\""
    r"|\s+(?:thực hiện\s+|triển khai\s+)?như sau"
    # "… vừa được UBND tỉnh ban hành" (not "doanh nghiệp vừa và nhỏ")
    r"|\s+vừa\s+(?=được|ban hành|ký|phê duyệt|thông qua|công bố)"
    # a reporting verb after the name: "Nghị quyết Đại hội, nhất trí …", "… xác định mục tiêu"
    r"|,?\s+(?:nhất trí|xác định|thông qua|đề ra|nêu rõ|khẳng định|nhấn mạnh)\s"
)


# A congress's resolution, named by the congress: "Nghị quyết Đại hội đại biểu toàn quốc lần thứ
# XIII của Đảng", "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020 - 2025".
_CONGRESS = re.compile(
    r"\s+Đại hội\s+(?:đại biểu\s+)?[^,;.:\n()]{0,60}?\s*(?:lần thứ\s+[IVXLC]+|[IVXLC]{2,})\b"
    r"(?:\s+của\s+Đảng(?!\s+bộ)\b)?(?:\s*,?\s*nhiệm kỳ\s+\d{4}\s*[-–]\s*\d{4})?"
)
# "biến Nghị quyết thành hành động", "đưa Nghị quyết vào cuộc sống": the document spoken of
_PUT_INTO = re.compile(r"\s+(?:thành\s+hành động|vào\s+(?:cuộc sống|thực tiễn))", re.IGNORECASE)
_BY_CONGRESS = re.compile(
    r"\s+Đại hội\s+(?:đại biểu\s+)?(?:Đảng bộ|toàn quốc|lần thứ|[IVXLC]{2,}\b)"
)
_DANGLING_DATE = re.compile(r"\s+ngày$")
_AMENDING = re.compile(r"sửa đổi,?\s*bổ sung(?:\s+một số điều)?$", re.IGNORECASE)
_OF_LAWS = re.compile(r"\s+của\s+(?:Bộ\s+)?Luật\s", re.IGNORECASE)
_AMENDED_END = re.compile(r"\s+ngày\s+\d|[;:]|\.(?:\s|$)|\n\s*\n|\(")

# Words after a bare head noun that show it is an anaphor ("Chương trình còn hướng đến …").
_ANAPHOR_NEXT = {
    "còn",
    "cũng",
    "đề",
    "đặt",
    "sẽ",
    "đã",
    "này",
    "đó",
    "trên",
    "tại",
    "của",
    "được",
    "là",
    "có",
    "kể",
    "nhằm",
    "với",
    "và",
    "trong",
    "theo",
    "dự",
    "cụ",
    "mới",
    "chung",
    "gồm",
    "bao",
    "hướng",
    "xác",
    "vẫn",
    # a verb right after the head noun: "Chỉ thị nêu rõ", "Nghị quyết một cách toàn diện"
    "một",
    "nêu",
    "nhấn",
    "yêu",
    "khẳng",
    "chỉ",
    "giao",
    "đánh",
    # a figure or a negation after the head noun: "Đề án gần 1.300 tỷ đồng", "Đề án không trùng"
    "gần",
    "khoảng",
    "không",
    # a verb or predicate right after the head noun: "thực hiện Kế hoạch trình UBND tỉnh phê
    # duyệt", "cụ thể hóa nội dung Nghị quyết phù hợp với thực tiễn"
    "trình",
    "phù",
}


# The number of what a programme carries out, odd spacing included ("57- NQ/TW")
_CARRIED_NUMBER = r"(?:số\s+)?(?P<number>\d[\w/.-]*\w(?:\s?[-/]\s?[A-ZĐ][\w/.-]*\w)?)"
_OF_BODY_CARRYING_OUT = re.compile(
    r"\s+của\s+[A-ZĐ][^,;.:\n]{1,60}?\s+(?:thực hiện|triển khai)\s+"
    r"(?:Nghị quyết|Kết luận|Chỉ thị|Chương trình|Kế hoạch)\s+" + _CARRIED_NUMBER
)
# "Thành ủy TP HCM vừa ban hành chương trình hành động thực hiện Nghị quyết số 57-NQ/TW": a
# lower-case head a body issues, named by what it carries out (the subject before is its issuer).
_ISSUED_CARRYING_OUT = re.compile(
    r"\s+(?:thực hiện|triển khai)\s+"
    r"(?:Nghị quyết|Kết luận|Chỉ thị|Chương trình|Kế hoạch)\s+" + _CARRIED_NUMBER
)


# "Hệ Thống Pháp Luật" (a site's name) holds no law; a sentence asking the reader to log in,
# subscribe or wait is the page around the text, not the text.
_NOT_A_HEAD = re.compile(r"\bpháp\s+$", re.IGNORECASE)
_PAGE_CHROME = re.compile(
    r"vui lòng|đăng ký gói|gói cước|đăng nhập|Đang tải nội dung|tiện ích nâng cao", re.IGNORECASE
)


@dataclass
class Mention:
    """One naming of a document in the text (several mentions may name one document)."""

    start: int
    end: int
    doc_type: str
    number: str | None = None
    short_number: str | None = None
    title: str | None = None
    quoted: bool = False
    issued: date | None = None
    issuer: AgencyRef | None = None
    issuer_phrase: str | None = None
    draft: bool = False
    period: tuple[int, int] | None = None
    vision: int | None = None
    implements: list[Mention] = field(default_factory=list)
    based_on: list[Mention] = field(default_factory=list)  # "Căn cứ …": its legal basis
    key: str = ""
    anaphor: bool = False
    part_of: Mention | None = None  # the document it is issued in, or supplements
    updated_by: Mention | None = None  # "Nghị quyết 71/NQ-CP sửa đổi, bổ sung <it>"
    carries_out: str | None = None  # "của Chính phủ thực hiện Nghị quyết số 57-NQ/TW": the number
    scope: str | None = None  # place slug, decided once the details are read


def _head_before(text: str, start: int) -> tuple[str, str, str, int] | None:
    """The head noun just before a number ("Nghị quyết số " …), with its start offset."""
    window = text[max(0, start - 40) : start]
    best = None
    for match in HEAD.finditer(window):
        tail = window[match.end() :]
        if re.fullmatch(r"\s+(?:số\s*:?\s*)?", tail) or (
            re.fullmatch(r"\s+(?:số\s*:?\s*)?\S*\s*", tail) and not tail.strip()
        ):
            best = match
    if not best:
        return None
    head = head_info(best.group())
    return (*head, max(0, start - 40) + best.start())


# Resolution, decree and decision codes are easily slipped (NQ, NĐ, QĐ): where the head noun
# names one and the number is written with another, the head noun is right ("Nghị quyết
# 71-NĐ/CP" is 71/NQ-CP, the resolution). Other pairs ("Chương trình hành động 03/NQ-CP") are
# how texts name a document by its promulgating act, so they are left as written.
_SLIPPED_CODES = {"NQ", "NĐ", "QĐ"}


def _code_named_by(head: tuple[str, str, str, int] | None, code: str) -> str:
    """The head noun's code where the written one is a slip for it."""
    if head is None or head[2].upper() == code.upper():
        return code
    if head[2].upper() in _SLIPPED_CODES and code.upper() in _SLIPPED_CODES:
        return head[2]
    return code


def numbered_mentions(text: str) -> list[Mention]:
    mentions = []
    for match in FULL_NUMBER.finditer(text):
        number, sep1, code, sep2, issuer = match.groups()
        if f"{code}-{code}/" in match.group():
            sep1 = "-"  # "8602/QĐ-QĐ/TU": a Party number (8602-QĐ/TU) with its code written twice
        if sep1 == sep2:
            continue  # 2021/2022-style ranges and dates are not numbers
        if code.upper() in ("CP", "TW", "TU") or (len(code) == 1 and code.upper() not in ("L",)):
            continue
        head = _head_before(text, match.start())
        doc_type = head[1] if head else type_of_code(code)
        if (
            head
            and head[1] == "Programme"
            and code.upper() == "CTR"
            and issuer.upper() in PARTY_ISSUERS
        ):
            doc_type = "ActionProgramme"
        start = head[3] if head else match.start()
        code = _code_named_by(head, code)
        mentions.append(
            Mention(start, match.end(), doc_type, canonical_number(number, code, sep1, issuer))
        )
    for match in YEAR_NUMBER.finditer(text):
        head = _head_before(text, match.start())
        code = match.group(3).split("-")[0]  # "40/2024/QĐ-UBND": a decision
        mentions.append(
            Mention(
                head[3] if head else match.start(),
                match.end(),
                head[1] if head else type_of_code(code),
                match.group(),
            )
        )
    return mentions


def _title_after(text: str, position: int, limit: int) -> tuple[str | None, int, bool]:
    """The title following a head noun: a quoted one, or words up to a boundary."""
    quoted = re.match(r'\s*"([^"\n]{3,200})"', text[position:limit])
    if quoted:
        return quoted.group(1).strip(), position + quoted.end(), True
    end_match = _TITLE_END.search(text, position, limit)
    end = end_match.start() if end_match else limit
    if end_match and _VERB_END.match(text, end):  # "… giai đoạn 2022-2025, tỉnh đã đề ra"
        subject = _SUBJECT_CLAUSE.search(text, position, end)
        if subject and text[subject.start() + 1 : end].strip()[:1].islower():
            end = subject.start()
    words = text[position:end].split()
    if len(words) > 40:
        end = position + len(" ".join(text[position:end].split(" ")[:41]))
    title = text[position:end].strip(" ,-")
    dangling = _DANGLING_DATE.search(title)
    if dangling:  # "Luật Tổ chức chính quyền địa phương ngày\n19 tháng 6 …": the line broke
        title = title[: dangling.start()]
        end = position + len(text[position:end].rstrip(" ,-")) - len(dangling.group())
        return (title or None), end, False
    return (title or None), position + len(text[position:end].rstrip(" ,-")), False


def _amended_laws(text: str, title: str, end: int) -> tuple[str, int] | None:
    """ "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền
    địa phương": an amending law's title goes on through the laws it amends (they are named in
    it, not cited), line breaks included, up to its date or the end of the clause."""
    if not _AMENDING.search(title) or not _OF_LAWS.match(text, end):
        return None
    stop = _AMENDED_END.search(text, end, end + 300)
    stop_at = stop.start() if stop else min(len(text), end + 300)
    return " ".join(f"{title}{text[end:stop_at]}".split()), stop_at


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
_VERB_END = re.compile(r"\s+(?:vừa|đã|được|sẽ|đặt|cũng|là|có|mà)[\s,]")
_SUBJECT_CLAUSE = re.compile(r",\s*\w+(?:\s+\w+)?$")  # "… giai đoạn 2022-2025, tỉnh" (đã đề ra)


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
        boundary = _TITLE_END.search(text, search_from, limit)
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
    if boundary is not None and _VERB_END.match(text, boundary.start()):
        title = _SUBJECT_CLAUSE.sub("", title)
    if len(title.split()) < 3 or len(title.split()) > 40:
        return None
    return " ".join(title.split()), position + len(title)


def titled_mentions(text: str, spans: list[Span]) -> list[Mention]:
    """Head nouns with a title: capitalised mid-sentence, or lowercase after "dự thảo"."""
    mentions = []
    covered = 0  # the end of an amending law's title: the laws named in it are not cited
    for match in HEAD.finditer(text):
        sentence = sentence_at(spans, match.start())
        if sentence is None or match.start() < covered:
            continue
        word = match.group()
        before = text[max(sentence.start, match.start() - 12) : match.start()]
        draft = bool(re.search(r"dự thảo\s+(?:sửa đổi\s+)?$", before, re.IGNORECASE))
        issued = (
            word[0].islower()
            and re.search(r"\bban hành\s+$", before)
            and _ISSUED_CARRYING_OUT.match(text, match.end(), sentence.end)
        )
        congress_named = _BY_CONGRESS.match(text, match.end())  # "nghị quyết Đại hội Đảng bộ …"
        lower_plan = (
            word == "kế hoạch"
            and _LOWER_PLAN_BEFORE.search(before)
            and _LOWER_PLAN_TITLE.match(text, match.end())
        )
        of_issuer = word == "kế hoạch hành động" and _issuer_follows(text, match.end())
        assigned = ASSIGNS.search(text, sentence.start, match.start())
        if (lower_plan or of_issuer) and not draft and not issued and not assigned:
            found = _lower_plan_title(text, match.end(), sentence.end, through_of=bool(of_issuer))
            if found:
                title = f"{word[0].upper()}{word[1:]} {found[0]}"
                mentions.append(Mention(match.start(), found[1], "Plan", title=title))
            continue
        if not word[0].isupper() and not draft and not issued and not congress_named:
            continue
        if _NOT_A_HEAD.search(before) or _PAGE_CHROME.search(text, sentence.start, sentence.end):
            continue
        head, doc_type, _ = head_info(word)
        nxt = re.match(r'\s+"?([\w-]+)', text[match.end() : sentence.end])
        if not nxt:
            continue
        first = nxt.group(1)
        if first.isdigit() or first.lower() == "số":
            continue  # numbered: handled elsewhere
        named = _OF_BODY_CARRYING_OUT.match(text, match.end(), sentence.end) or issued
        if named:  # "Chương trình hành động của Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW"
            title = f"{head} {text[match.end() : named.end()].strip()}"
            mentions.append(
                Mention(
                    match.start(),
                    named.end(),
                    doc_type,
                    title=title,
                    draft=draft,
                    carries_out=named.group("number"),
                )
            )
            continue
        congress = _CONGRESS.match(text, match.end())
        if congress:  # "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII"
            title = f"{head} {' '.join(text[match.end() : congress.end()].split())}"
            mentions.append(Mention(match.start(), congress.end(), doc_type, title=title))
            continue
        if (first.lower() in _ANAPHOR_NEXT or _PUT_INTO.match(text, match.end())) and not draft:
            mentions.append(Mention(match.start(), match.end(), doc_type, anaphor=True))
            continue
        if head == "Chương trình" and first.lower() == "hành":
            continue
        title, end, quoted = _title_after(text, match.end(), sentence.end)
        if not title or (len(title.split()) < 2 and not quoted):
            continue
        amending = None if quoted else _amended_laws(text, title, end)
        if amending:
            title, end = amending
            covered = end
        full_title = title if quoted else f"{head} {title}"
        if draft and head.lower() != word.lower():
            full_title = f"{head} {title}"
        mentions.append(
            Mention(match.start(), end, doc_type, title=full_title, quoted=quoted, draft=draft)
        )
    return mentions


# After "Chương trình hành động số 32" a title goes on only with whose it is or what it is about.
_SHORT_TITLE_GOES_ON = re.compile(r"\s*,?\s*(?:của|về|thực hiện|triển khai)\s", re.IGNORECASE)


def short_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """ "Nghị quyết 57", "Chương trình hành động số 32": a head noun and a bare number."""
    mentions = []
    for match in HEAD.finditer(text):
        number = SHORT_NUMBER.match(text, match.end())
        if not number or any(s <= match.start() < e for s, e in taken):
            continue
        _, doc_type, _ = head_info(match.group())
        if _SHORT_TITLE_GOES_ON.match(text, number.end()):
            clause = re.match(r"[^;:.()\n]*", text[match.start() : match.start() + 200])
            title = " ".join(clause.group().split()[:20]).rstrip(" ,") if clause else None
        else:  # "Đề án 06 làm nền tảng", "Đề án 06 đã đạt được": the words after are the sentence's
            title = " ".join(text[match.start() : number.end()].split())
        mentions.append(
            Mention(
                match.start(),
                number.end(),
                doc_type,
                short_number=number.group(number.lastindex or 1),
                title=title,
            )
        )
    return mentions
