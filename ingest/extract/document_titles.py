"""Documents named by a head noun and a title rather than a number: capitalised mid-sentence
("Chương trình Chuyển đổi số quốc gia"), after "dự thảo", by the congress that passed them, by
what they carry out, or a bare head noun standing for a document named before (an anaphor)."""

from __future__ import annotations

import re

from ingest.extract.document_identity import HEAD, head_info
from ingest.extract.document_lower_plans import (
    just_issued_mention,
    lower_plan_mention,
    named_lower_plan,
)
from ingest.extract.document_mentions import Mention
from ingest.extract.document_title_ends import amended_laws, title_after
from ingest.extract.sentences import Span, sentence_at

# A congress's resolution, named by the congress: "Nghị quyết Đại hội đại biểu toàn quốc lần thứ
# XIII của Đảng", "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020 - 2025".
_CONGRESS = re.compile(
    r"\s+Đại hội\s+(?:đại biểu\s+)?[^,;.:\n()]{0,60}?\s*(?:lần thứ\s+[IVXLC]+|[IVXLC]{2,})\b"
    r"(?:\s+của\s+Đảng(?!\s+bộ)\b)?(?:\s*,?\s*nhiệm kỳ\s+\d{4}\s*[-–]\s*\d{4})?"
)
# "biến Nghị quyết thành hành động", "đưa Nghị quyết vào cuộc sống": the document spoken of
_PUT_INTO = re.compile(r"\s+(?:thành\s+hành động|vào\s+(?:cuộc sống|thực tiễn))", re.IGNORECASE)
# A verb phrase after a bare head noun: it is the subject spoken of, not a title's first words —
# "Kế hoạch ban hành nhằm …" (issued to …; not "ban hành kèm theo", "ban hành Quy chế …"),
# "Theo Kế hoạch đưa ra mục tiêu …", "thực hiện Chương trình từ tỉnh đến cấp xã" (a range).
_SUBJECT_OF = re.compile(
    r"\s+(?:ban hành\s+(?:nhằm|để)\s|đưa ra\s|từ\s+[^\W\d][^,;.:\n]{0,30}?\s+đến\s)",
    re.IGNORECASE,
)
# Several drafts of a kind, a lower-case head after a plural: "tuyên truyền đối với các dự thảo
# nghị quyết trong lĩnh vực khoa học, công nghệ, đổi mới sáng tạo" names no one document.
_PLURAL_DRAFTS = re.compile(r"\b(?:các|những)\s+dự thảo\s+$", re.IGNORECASE)
_BY_CONGRESS = re.compile(
    r"\s+Đại hội\s+(?:đại biểu\s+)?(?:Đảng bộ|toàn quốc|lần thứ|[IVXLC]{2,}\b)"
)

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
    "phân",  # "Quyết định phân công các Phó ban gồm …": the decision named before assigns
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
        if draft and word[0].islower() and _PLURAL_DRAFTS.search(before):
            continue  # "các dự thảo nghị quyết trong lĩnh vực …": a kind of drafts, not one
        issued = (
            word[0].islower()
            and re.search(r"\bban hành\s+$", before)
            and _ISSUED_CARRYING_OUT.match(text, match.end(), sentence.end)
        )
        congress_named = _BY_CONGRESS.match(text, match.end())  # "nghị quyết Đại hội Đảng bộ …"
        if (
            not draft
            and not issued
            and named_lower_plan(text, word, match.start(), match.end(), sentence, before)
        ):
            plan = lower_plan_mention(text, word, match.start(), match.end(), sentence.end)
            if plan:
                mentions.append(plan)
            continue
        if not word[0].isupper() and not draft and not issued and not congress_named:
            just_issued = just_issued_mention(text, word, match.start(), match.end(), sentence.end)
            if just_issued:
                mentions.append(just_issued)
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
        spoken_of = _PUT_INTO.match(text, match.end()) or _SUBJECT_OF.match(text, match.end())
        if (first.lower() in _ANAPHOR_NEXT or spoken_of) and not draft:
            mentions.append(Mention(match.start(), match.end(), doc_type, anaphor=True))
            continue
        if head == "Chương trình" and first.lower() == "hành":
            continue
        title, end, quoted = title_after(text, match.end(), sentence.end)
        if not title or (len(title.split()) < 2 and not quoted):
            continue
        amending = None if quoted else amended_laws(text, title, end)
        if amending:
            title, end = amending
            covered = end
        full_title = title if quoted else f"{head} {title}"
        if draft and head.lower() != word.lower():
            full_title = f"{head} {title}"
        mentions.append(
            Mention(match.start(), end, doc_type, title=full_title, quoted=quoted, draft=draft)
        )
    return [m for m in mentions if not _issued_in_title(text, m, mentions)]


def _issued_in_title(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """ "dự thảo Quyết định ban hành Quy chế làm việc Ban Chỉ đạo …": what an unnumbered decision
    issues, named inside its title, is the decision's title, not a second document."""
    return any(
        outer.start < mention.start < outer.end
        and not outer.anaphor
        and re.search(r"\sban hành\s+$", text[outer.start : mention.start])
        for outer in mentions
    )
