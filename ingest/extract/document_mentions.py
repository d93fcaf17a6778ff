"""Document mentions: each naming of a document in a text, here the numbered and short-numbered
ones; titled namings are read by :mod:`document_titles`, what is written around a naming (date,
issuer, status) by :mod:`document_details`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ingest.extract.document_identity import (
    FULL_NUMBER,
    HEAD,
    PARTY_ISSUERS,
    SHORT_NUMBER,
    YEAR_NUMBER,
    canonical_number,
    head_info,
    type_of_code,
)
from ingest.model import AgencyRef


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
        code = re.split(r"[-.]", match.group(3))[0]  # "40/2024/QĐ-UBND": a decision
        mentions.append(
            Mention(
                head[3] if head else match.start(),
                match.end(),
                head[1] if head else type_of_code(code),
                match.group().replace(".", "-"),  # "01/1999/QĐ.UB" → 01/1999/QĐ-UB
            )
        )
    return mentions


# After "Chương trình hành động số 32" a title goes on only with whose it is or what it is about.
_SHORT_TITLE_GOES_ON = re.compile(r"\s*,?\s*(?:của|về|thực hiện|triển khai)\s", re.IGNORECASE)


# The fields of work a body's name or a duty lists ("Ban Chỉ đạo … về phát triển khoa học, công
# nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06"): a project closing such a list is a field of
# work, not a document cited, also with its verb ("…, chuyển đổi số, triển khai Đề án 06 và cải
# cách hành chính"); a resolution there ("chuyển đổi số và Nghị quyết 57") is still a document.
_FIELDS_BEFORE = re.compile(
    r"(?:khoa học|công nghệ|đổi mới sáng tạo|chuyển đổi số(?:\s+quốc gia)?|cải cách hành chính)"
    r"\s*(?:,\s*(?:và\s+)?|\s+và\s+)(?:triển khai\s+)?$",
    re.IGNORECASE,
)


_BY_NUMBER = re.compile(r"\s*Đề án\s+(?:số\s+)?\d+\b(?![/-])", re.IGNORECASE)


def closes_field_list(text: str, mention: Mention) -> bool:
    """Whether ``mention`` is a project named by its number ("Đề án 06") in a list of fields of
    work (a titled project after a programme, "Chương trình Chuyển đổi số quốc gia, Đề án Xây
    dựng …", is a document)."""
    return (
        mention.doc_type == "Project"
        and bool(_BY_NUMBER.match(text, mention.start))
        and bool(_FIELDS_BEFORE.search(text, max(0, mention.start - 60), mention.start))
    )


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
