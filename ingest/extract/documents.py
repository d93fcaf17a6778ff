"""Documents named in a text: type, number, title, date, issuer, status, period and implements.

Vietnamese administrative writing names a document by a head noun (Nghị quyết, Kế hoạch, Đề án …)
followed by a number (``số 142/KH-UBND``), a short number whose issuer tells the series
(``Nghị quyết 57 … của Bộ Chính trị`` → ``57-NQ/TW``), or a title; a date (``ngày 22/12/2024``)
and an issuer (``của Chính phủ``) follow. "thực hiện / triển khai X" makes an implements link,
"Căn cứ X" does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from ingest.extract.context import ExtractionContext
from ingest.extract.sentences import Span, sentence_at, sentences
from ingest.model import AgencyRef, DocumentFact, DocumentRef, SourceText
from ingest.resolve import Catalogue, find_agencies, find_places, name_key
from ontology.slugs import document_slug, slugify

# Head nouns, longest first, with the document type and the type code used in numbers.
HEAD_NOUNS: tuple[tuple[str, str, str], ...] = (
    ("Chương trình hành động", "ActionProgramme", "CTr"),
    ("Kế hoạch hành động", "Plan", "KH"),
    ("Nghị quyết", "Resolution", "NQ"),
    ("Chương trình", "Programme", "CTr"),
    ("Kế hoạch", "Plan", "KH"),
    ("Đề án", "Project", "ĐA"),
    ("Quyết định", "Decision", "QĐ"),
    ("Chỉ thị", "Directive", "CT"),
    ("Kết luận", "Conclusion", "KL"),
    ("Báo cáo", "Report", "BC"),
    ("Nghị định", "Other", "NĐ"),
    ("Thông tư", "Other", "TT"),
    ("Chiến lược", "Other", "QĐ"),
    ("Luật", "Other", "QH"),
    ("Quy định", "Other", "QĐ"),
    ("Quy chế", "Other", "QC"),
    ("Thông báo", "Other", "TB"),
    ("Công văn", "Other", "CV"),
    ("Hướng dẫn", "Other", "HD"),
)
TYPE_OF_CODE = {
    "NQ": "Resolution",
    "CTR": "ActionProgramme",
    "KH": "Plan",
    "QĐ": "Decision",
    "QD": "Decision",
    "CT": "Directive",
    "KL": "Conclusion",
    "BC": "Report",
    "ĐA": "Project",
    "DA": "Project",
}
# Issuer codes of provincial series: every province has its own 32-CTr/TU and 142/KH-UBND,
# so their IRIs carry the province.
PROVINCIAL_SERIES = {"TU", "UBND", "HĐND", "HDND", "ĐU", "HU", "BCĐ", "BCD", "TƯ-TU"}


def _series_province(mention: Mention, context: ExtractionContext) -> str | None:
    """The province of a numbered provincial document (…/TU, …-UBND, …/SKHCN), else None."""
    issuer = re.split(r"[-/]", mention.number or "")[-1].upper()
    provincial = issuer in PROVINCIAL_SERIES or (issuer.startswith("S") and len(issuer) > 2)
    if not provincial:
        return None
    place = mention.scope if mention.scope and mention.scope != "viet-nam" else context.province
    return place if place and place != "viet-nam" else None


PARTY_ISSUERS = {
    "TW",
    "TƯ",
    "TU",
    "HU",
    "ĐU",
    "QU",
    "TT",
    "BCSĐ",
}  # Party series: 57-NQ/TW, 89-CTr/TU
_HEAD_PATTERN = "|".join(re.escape(h) for h, _, _ in HEAD_NOUNS)
_HEAD = re.compile(rf"(?<![\w])(?:{_HEAD_PATTERN})(?![\w])", re.IGNORECASE)
_CODE = r"[A-ZĐ][A-Za-zĐđ]{0,5}"
_ISSUER = r"[A-ZĐƯ][A-ZĐƯ0-9]{0,9}(?:-[A-ZĐƯ0-9]{1,10}){0,2}"
_FULL_NUMBER = re.compile(
    rf"(?<![\w/.-])(\d{{1,4}}[a-z]?)\s?([-/])\s?({_CODE})\s?([-/])\s?({_ISSUER})(?![\w])"
)
_YEAR_NUMBER = re.compile(rf"(?<![\w/.-])(\d{{1,4}})/((?:19|20)\d\d)/({_ISSUER})(?![\w])")
_SHORT_NUMBER = re.compile(
    r"\s+(?:số\s+)?(\d{1,4})(?![\w%/-]|[.,]\d|\s*(?:%|năm|tháng|người|tỉ|tỷ))"
)
_DATE_AFTER = re.compile(
    r"\s*,?\s*\(?\s*(?:được\s+)?(?:ban hành\s+)?(?:ngày\s+)"
    r"(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+"
    r"(\d{4}))\)?",
    re.IGNORECASE,
)
_DATE_ANYWHERE = re.compile(
    r"(?:ngày|Ngày)\s+(?:(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2}"
    r")\s+năm\s+(\d{4}))"
)
_ISSUER_AFTER = re.compile(r"\s*,?\s*(?:của|do)\s+(?=[A-ZĐ])")
_TITLE_END = re.compile(
    r"\s*[.;:!?](?:\s|$)|\n|,\s*ngày\s|\s+ngày\s+\d|\s+(?:của|do)\s+(?=[A-ZĐ])|\s+(?:đã|được|sẽ"
    r"|nhằm|để|với tổng|"
    r"đặt|cũng|là|có|mà|tại hội nghị|tại phiên họp|thời gian qua|trong thời gian)[\s,]|,\s*(?:đồng"
    r" thời|trong đó|nhằm|"
    r"với|bảo đảm|đảm bảo|góp phần|thứ)\s|\s+và\s+(?:việc|các|những|(?=(?:dự thảo\s+)?(?:"
    + _HEAD_PATTERN
    + r")\s))|\s+\((?![A-ZĐ&0-9]+\))"
    r"|\s*\""
    r"|\s+(?:thực hiện\s+|triển khai\s+)?như sau"
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
}
_PERIOD = re.compile(r"giai đoạn\s+((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)", re.IGNORECASE)
_VISION = re.compile(r"tầm nhìn\s+(?:đến\s+)?(?:năm\s+)?((?:20|21)\d\d)", re.IGNORECASE)
_IMPLEMENTS_BEFORE = re.compile(
    r"(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá|thi hành|quán triệt)\s+(?:và\s+\w+\s+)?$",
    re.IGNORECASE,
)
_OF_BODY_CARRYING_OUT = re.compile(
    r"\s+của\s+[A-ZĐ][^,;.:\n]{1,60}?\s+(?:thực hiện|triển khai)\s+"
    r"(?:Nghị quyết|Kết luận|Chỉ thị|Chương trình|Kế hoạch)\s+(?:số\s+)?(?P<number>\d[\w/.-]*\w)"
)
# "(Bổ sung Chương trình hành động số 32 của Tỉnh uỷ thực hiện Nghị quyết số 57)" right after a
# document: it supplements (or amends) the document named in the parenthesis.
_SUPPLEMENTS = re.compile(r"\s*\(\s*(?P<how>bổ sung|sửa đổi(?:,? bổ sung)?)\s+", re.IGNORECASE)
# Words that make a clause local: the document is the province's.
_LOCAL_CLAUSE = re.compile(
    r"trên địa bàn (?:tỉnh|thành phố)|của (?:tỉnh|địa phương)\b|toàn tỉnh|cấp tỉnh", re.IGNORECASE
)
_NATIONAL_TITLE = re.compile(r"quốc gia|Chính phủ|Thủ tướng|Trung ương|Quốc hội|Bộ Chính trị")
NATIONAL_SERIES = ("TW", "CP", "TTg", "QH", "UBTVQH")
_LEGAL_BASIS = re.compile(r"căn cứ", re.IGNORECASE)


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
    key: str = ""
    anaphor: bool = False
    part_of: Mention | None = None  # the document it is issued in, or supplements
    carries_out: str | None = None  # "của Chính phủ thực hiện Nghị quyết số 57-NQ/TW": the number
    scope: str | None = None  # place slug, decided once the details are read


def canonical_number(number: str, code: str, sep1: str, issuer: str) -> str:
    """``71-NQ/CP`` → ``71/NQ-CP``, ``57/NQ-TW`` → ``57-NQ/TW``: Party: N-X/Y, State N/X-Y."""
    del sep1
    if issuer.split("-")[0].upper() in PARTY_ISSUERS and "-" not in issuer:
        return f"{number}-{code}/{issuer}"
    return f"{number}/{code}-{issuer}"


def _type_of_code(code: str) -> str:
    return TYPE_OF_CODE.get(code.upper(), "Other")


def _head_before(text: str, start: int) -> tuple[str, str, str, int] | None:
    """The head noun just before a number ("Nghị quyết số " …), with its start offset."""
    window = text[max(0, start - 40) : start]
    best = None
    for match in _HEAD.finditer(window):
        tail = window[match.end() :]
        if re.fullmatch(r"\s+(?:số\s*:?\s*)?", tail) or (
            re.fullmatch(r"\s+(?:số\s*:?\s*)?\S*\s*", tail) and not tail.strip()
        ):
            best = match
    if not best:
        return None
    head = _head_info(best.group())
    return (*head, max(0, start - 40) + best.start())


def _head_info(word: str) -> tuple[str, str, str]:
    key = word.lower()
    for head, doc_type, code in HEAD_NOUNS:
        if head.lower() == key:
            return head, doc_type, code
    return word, "Other", ""


def _read_date(match: re.Match[str]) -> date | None:
    groups = match.groups()
    day, month, year = (
        (groups[0], groups[1], groups[2]) if groups[0] else (groups[3], groups[4], groups[5])
    )
    try:
        return date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def _numbered_mentions(text: str) -> list[Mention]:
    mentions = []
    for match in _FULL_NUMBER.finditer(text):
        number, sep1, code, sep2, issuer = match.groups()
        if sep1 == sep2:
            continue  # 2021/2022-style ranges and dates are not numbers
        if code.upper() in ("CP", "TW", "TU") or (len(code) == 1 and code.upper() not in ("L",)):
            continue
        head = _head_before(text, match.start())
        doc_type = head[1] if head else _type_of_code(code)
        if (
            head
            and head[1] == "Programme"
            and code.upper() == "CTR"
            and issuer.upper() in PARTY_ISSUERS
        ):
            doc_type = "ActionProgramme"
        start = head[3] if head else match.start()
        mentions.append(
            Mention(start, match.end(), doc_type, canonical_number(number, code, sep1, issuer))
        )
    for match in _YEAR_NUMBER.finditer(text):
        head = _head_before(text, match.start())
        mentions.append(
            Mention(
                head[3] if head else match.start(),
                match.end(),
                head[1] if head else "Other",
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
    words = text[position:end].split()
    if len(words) > 40:
        end = position + len(" ".join(text[position:end].split(" ")[:41]))
    title = text[position:end].strip(" ,-")
    return (title or None), position + len(text[position:end].rstrip(" ,-")), False


def _titled_mentions(text: str, spans: list[Span]) -> list[Mention]:
    """Head nouns with a title: capitalised mid-sentence, or lowercase after "dự thảo"."""
    mentions = []
    for match in _HEAD.finditer(text):
        sentence = sentence_at(spans, match.start())
        if sentence is None:
            continue
        word = match.group()
        before = text[max(sentence.start, match.start() - 12) : match.start()]
        draft = bool(re.search(r"dự thảo\s+(?:sửa đổi\s+)?$", before, re.IGNORECASE))
        if not word[0].isupper() and not draft:
            continue
        head, doc_type, _ = _head_info(word)
        nxt = re.match(r'\s+"?([\w-]+)', text[match.end() : sentence.end])
        if not nxt:
            continue
        first = nxt.group(1)
        if first.isdigit() or first.lower() == "số":
            continue  # numbered: handled elsewhere
        named = _OF_BODY_CARRYING_OUT.match(text, match.end(), sentence.end)
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
        if first.lower() in _ANAPHOR_NEXT and not draft:
            mentions.append(Mention(match.start(), match.end(), doc_type, anaphor=True))
            continue
        if head == "Chương trình" and first.lower() == "hành":
            continue
        title, end, quoted = _title_after(text, match.end(), sentence.end)
        if not title or (len(title.split()) < 2 and not quoted):
            continue
        full_title = title if quoted else f"{head} {title}"
        if draft and head.lower() != word.lower():
            full_title = f"{head} {title}"
        mentions.append(
            Mention(match.start(), end, doc_type, title=full_title, quoted=quoted, draft=draft)
        )
    return mentions


def _short_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """ "Nghị quyết 57", "Chương trình hành động số 32": a head noun and a bare number."""
    mentions = []
    for match in _HEAD.finditer(text):
        number = _SHORT_NUMBER.match(text, match.end())
        if not number or any(s <= match.start() < e for s, e in taken):
            continue
        _, doc_type, _ = _head_info(match.group())
        clause = re.match(r"[^;:.()\n]*", text[match.start() : match.start() + 200])
        title = " ".join(clause.group().split()[:20]).rstrip(" ,") if clause else None
        mentions.append(
            Mention(
                match.start(), number.end(), doc_type, short_number=number.group(1), title=title
            )
        )
    return mentions


def _issuer_code(issuer: AgencyRef | None, phrase: str | None) -> str | None:
    """The issuer part of a number series, from who issued the document."""
    key = " ".join(name_key(phrase or (issuer.name if issuer else "")))
    if not key:
        return None
    if re.search(r"bo chinh tri|ban chap hanh trung uong|ban bi thu|trung uong dang", key):
        return "TW"
    if re.search(r"^chinh phu", key):
        return "CP"
    if re.search(r"thu tuong", key):
        return "TTg"
    if re.search(r"tinh ui|thanh ui", key):
        return "TU"
    if re.search(r"ui ban nhan dan", key):
        return "UBND"
    if re.search(r"hoi dong nhan dan", key):
        return "HĐND"
    return None


def _attach_details(
    text: str, mention: Mention, context: ExtractionContext, inner_at_end: bool = False
) -> None:
    """Date, issuer, status and period written around a mention.

    When the mention's title ends with another document ("kế hoạch thực hiện Nghị quyết 57"),
    the date and issuer written after it ("…, ngày 22/12/2024 của Bộ Chính trị") are that
    document's, not this one's."""
    after = mention.end
    date_match = None if inner_at_end else _DATE_AFTER.match(text, after)
    if date_match:
        mention.issued = _read_date(date_match)
        after = date_match.end()
    issuer_match = None if inner_at_end else _ISSUER_AFTER.match(text, after)
    if issuer_match:
        found = find_agencies(
            text[issuer_match.end() : issuer_match.end() + 120], context.catalogue, context.province
        )
        if found and found[0].start == 0:
            mention.issuer = found[0].ref
            mention.issuer_phrase = found[0].ref.name
            after = issuer_match.end() + found[0].end
            if not mention.issued:
                date_match = _DATE_AFTER.match(text, after)
                if date_match:
                    mention.issued = _read_date(date_match)
    if mention.carries_out and not mention.issuer and mention.title:
        # "Chương trình hành động của Chính phủ thực hiện …": the body after "của" issues it
        body = re.search(r"\scủa\s+(?=[A-ZĐ])", mention.title)
        found = (
            find_agencies(mention.title[body.end() :], context.catalogue, context.province)
            if body
            else []
        )
        if found and found[0].start == 0:
            mention.issuer = found[0].ref
            mention.issuer_phrase = found[0].ref.name
    before = text[max(0, mention.start - 15) : mention.start]
    if re.search(r"dự thảo\s+(?:sửa đổi\s+)?$", before, re.IGNORECASE):
        mention.draft = True
    span = mention.title or ""
    period = _PERIOD.search(span)
    if period:
        mention.period = (int(period.group(1)), int(period.group(2)))
    vision = _VISION.search(span)
    if vision:
        mention.vision = int(vision.group(1))


def _issued_before(text: str, sentence: Span, mention: Mention, context: ExtractionContext) -> None:
    """ "Ngày 25 tháng 3 năm 2022, UBND tỉnh X đã ban hành <mention>": date and issuer before."""
    head = text[sentence.start : mention.start]
    if not re.search(r"ban hành\s*$", head):
        return
    agencies = find_agencies(head, context.catalogue, context.province)
    if agencies and not mention.issuer:
        mention.issuer = agencies[-1].ref
    date_match = _DATE_ANYWHERE.search(head)
    if date_match and not mention.issued:
        mention.issued = _read_date(date_match)


def _resolve_short(mention: Mention, mentions: list[Mention], catalogue: Catalogue) -> None:
    """Give "Nghị quyết 57" its full number: from the issuer, the same source, or curated data."""
    head_code = next((c for _, t, c in HEAD_NOUNS if t == mention.doc_type), "")
    same = sorted(
        {
            m.number
            for m in mentions
            if m.number
            and m.number.split("-")[0].split("/")[0] == mention.short_number
            and (m.doc_type == mention.doc_type)
        }
    )
    if len(same) == 1:
        mention.number = same[0]
        return
    issuer = _issuer_code(mention.issuer, mention.issuer_phrase)
    if not issuer:
        for other in mentions:
            if other.short_number == mention.short_number and other.doc_type == mention.doc_type:
                issuer = issuer or _issuer_code(other.issuer, other.issuer_phrase)
    if issuer and head_code:
        if mention.doc_type in ("ActionProgramme", "Programme") and issuer in PARTY_ISSUERS:
            mention.doc_type = "ActionProgramme"
        mention.number = canonical_number(mention.short_number or "", head_code, "-", issuer)
        return
    curated = sorted(
        {
            d.number
            for d in catalogue.documents.values()
            if d.number.split("-")[0].split("/")[0] == mention.short_number
            and d.doc_type == mention.doc_type
        }
    )
    if len(curated) == 1:
        mention.number = curated[0]


def _year_of(mention: Mention, mentions: list[Mention], catalogue: Catalogue) -> int | None:
    if mention.issued:
        return mention.issued.year
    for other in mentions:
        if other.number == mention.number and other.issued:
            return other.issued.year
    for entry in catalogue.documents.values():
        if entry.number == mention.number and entry.year:
            return entry.year
    in_number = re.search(r"/((?:19|20)\d\d)/", mention.number or "")
    return int(in_number.group(1)) if in_number else None


def _same_titled(a: Mention, b: Mention) -> bool:
    """Two titled mentions name one document when their titles start alike."""
    if a.doc_type != b.doc_type or not a.title or not b.title:
        return False
    if a.carries_out != b.carries_out:  # the Government's programmes for 57 and for 45
        return False
    ka, kb = name_key(a.title), name_key(b.title)
    if a.title.lower().startswith(_head_lower(a)):
        ka = ka[len(name_key(_head_lower(a))) :]
    if b.title.lower().startswith(_head_lower(b)):
        kb = kb[len(name_key(_head_lower(b))) :]
    shorter = min(len(ka), len(kb))
    need = min(5, shorter)
    return need >= 2 and ka[:need] == kb[:need]


def _head_lower(mention: Mention) -> str:
    return next((h.lower() for h, t, _ in HEAD_NOUNS if t == mention.doc_type), "")


def find_mentions(source: SourceText, context: ExtractionContext) -> list[Mention]:
    """Every document mention with its details and key (mentions of one document share a key)."""
    text = source.normalised
    spans = sentences(text)
    numbered = _numbered_mentions(text)
    taken = [(m.start, m.end) for m in numbered]
    short = [m for m in _short_mentions(text, taken)]
    taken += [(m.start, m.end) for m in short]
    titled = [
        m for m in _titled_mentions(text, spans) if not any(s <= m.start < e for s, e in taken)
    ]
    mentions = sorted([*numbered, *short, *titled], key=lambda m: m.start)
    for mention in mentions:
        if mention.anaphor:
            continue
        _attach_details(text, mention, context, _ends_with_inner(mention, mentions))
        sentence = sentence_at(spans, mention.start)
        if sentence:
            _issued_before(text, sentence, mention, context)
    _date_from_letterhead(text, mentions)
    for mention in mentions:
        if mention.short_number and not mention.number:
            _resolve_short(mention, mentions, context.catalogue)
    for mention in mentions:
        if not mention.anaphor:
            mention.scope = _scope_of(mention, context, text, spans)
    canonical: list[Mention] = []
    for mention in mentions:
        if mention.anaphor:
            continue
        if mention.number:
            mention.key = document_slug(
                mention.number, _year_of(mention, mentions, context.catalogue)
            )
            place = _series_province(mention, context)
            if place:
                mention.key = f"{mention.key}-{place}"
        elif mention.title:
            earlier = next(
                (c for c in canonical if not c.number and _same_titled(c, mention)), None
            )
            if earlier:
                mention.key = earlier.key
            else:
                code = next((c for _, t, c in HEAD_NOUNS if t == mention.doc_type), "")
                mention.key = _titled_key(code, mention.title, _key_place(mention, context))
        else:
            mention.key = _titled_key(
                mention.doc_type, mention.short_number or "", _key_place(mention, context)
            )
            mention.title = f"{_head_of_type(mention.doc_type)} {mention.short_number}"
        canonical.append(mention)
    _link_implements(text, spans, mentions)
    _link_supplements(text, mentions)
    _link_issued_within(text, mentions)
    _key_programmes_of_national_bodies(mentions, context.catalogue)
    _resolve_anaphors(mentions)
    return mentions


def _ends_with_inner(mention: Mention, mentions: list[Mention]) -> bool:
    """True when another document is named at the very end of this mention's span."""
    return any(
        other is not mention and mention.start < other.start and other.end >= mention.end - 1
        for other in mentions
        if not other.anaphor and other.start < mention.end
    )


TITLE_KEY_WORDS = 12


def _titled_key(code: str, title: str, place: str | None) -> str:
    """An unnumbered document's slug: its type code and title (cut to a few words), then the
    province it belongs to, always kept so that two provinces' documents never share an IRI."""
    base = slugify(f"{code} {title}", max_words=TITLE_KEY_WORDS)
    if place and not base.endswith(place):
        base = f"{base}-{place}"
    return base


def _key_place(mention: Mention, context: ExtractionContext) -> str | None:
    """The province in an unnumbered document's key: its scope's, else the source's unless the
    document is a national one."""
    if mention.scope == "viet-nam":
        return None
    if mention.scope:
        return mention.scope
    if mention.issuer and mention.issuer.level == "national":
        return None
    if mention.title and _NATIONAL_TITLE.search(mention.title):
        return None
    return context.province


_ISSUED_WITH_THIS = re.compile(
    r"(?:ban hành\s+)?kèm theo\s+(?:Nghị quyết|Quyết định|Chỉ thị|Kết luận)\s+này\s+$",
    re.IGNORECASE,
)


def _link_issued_within(text: str, mentions: list[Mention]) -> None:
    """The document a source is (its letterhead "Số: …") issues the document its title names
    after "Ban hành" ("NGHỊ QUYẾT / Ban hành Chương trình hành động … thực hiện …"), and the one
    "Ban hành kèm theo Nghị quyết này": that one is part of it, and it carries out what that
    one carries out."""
    number_line = _LETTERHEAD_NUMBER.search(text, 0, LETTERHEAD_WINDOW)
    if not number_line:
        return
    written = number_line.group(1).replace(" ", "")
    main = next((m for m in mentions if m.number and m.number in written and m.key), None)
    if main is None:
        return
    date_line = _PLACE_DATE.search(text, number_line.end(), number_line.end() + 400)
    _, words, title_start, title_end = _letterhead_title(
        text, date_line.end() if date_line else number_line.end()
    )
    issued: list[Mention] = []
    if re.match(r"ban hành\s", words, re.IGNORECASE):
        issued += [m for m in mentions if title_start <= m.start < title_end and m.key][:1]
    for mention in mentions:
        if mention.key and _ISSUED_WITH_THIS.search(
            text[max(0, mention.start - 60) : mention.start]
        ):
            issued.append(mention)
    for document in issued:
        if document is main or document.key == main.key:
            continue
        if document.part_of is None:
            document.part_of = main
        for carried in document.implements:
            if carried.key not in [m.key for m in main.implements] and carried.key != main.key:
                main.implements.append(carried)


def _link_supplements(text: str, mentions: list[Mention]) -> None:
    """ "<document> (Bổ sung <X> … thực hiện <Y>)": the document supplements X — is part of it —
    and, like X, carries out Y; "(Sửa đổi X …)" amends X and carries out Y as well."""
    real = [m for m in mentions if m.key and not m.anaphor]
    for document in real:
        opening = _SUPPLEMENTS.match(text, document.end)
        if not opening:
            continue
        close = text.find(")", opening.end())
        if close < 0:
            continue
        inside = [m for m in real if opening.end() <= m.start < close]
        if not inside or inside[0].start != opening.end():
            continue
        supplemented = inside[0]
        if opening.group("how").lower() == "bổ sung" and document.part_of is None:
            document.part_of = supplemented
        for carried in supplemented.implements:
            if carried.key not in [m.key for m in document.implements]:
                document.implements.append(carried)


def _key_programmes_of_national_bodies(mentions: list[Mention], catalogue: Catalogue) -> None:
    """ "Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW": one programme
    per body and resolution, keyed as the table reader keys it (``ctrhd-cp-57-2025``, the year
    being that of the resolution that issues it) so that every text names the same node."""
    from ingest.extract.tables import action_programme_key

    programmes = [
        m
        for m in mentions
        if m.carries_out
        and m.doc_type == "ActionProgramme"
        and m.issuer is not None
        and m.issuer.level == "national"
    ]
    years: dict[tuple[str, str], int | None] = {}
    for mention in programmes:
        host = mention.part_of
        if host is not None and host.number:
            ident = (mention.issuer.key if mention.issuer else "", _number_head(mention))
            years[ident] = years.get(ident) or _year_of(host, mentions, catalogue)
    renamed: dict[str, set[str]] = {}
    for mention in programmes:
        ident = (mention.issuer.key if mention.issuer else "", _number_head(mention))
        new_key = action_programme_key(mention.issuer, mention.carries_out or "", years.get(ident))
        renamed.setdefault(mention.key, set()).add(new_key)
        mention.key = new_key
    for mention in mentions:  # other namings that shared a programme's key ("Chương trình …")
        targets = renamed.get(mention.key)
        if targets and len(targets) == 1 and not mention.carries_out:
            mention.key = next(iter(targets))


def _number_head(mention: Mention) -> str:
    return re.split(r"[-/]", mention.carries_out or "")[0]


def _head_of_type(doc_type: str) -> str:
    return next((h for h, t, _ in HEAD_NOUNS if t == doc_type), "Văn bản")


def _resolve_anaphors(mentions: list[Mention]) -> None:
    """A bare "Chương trình" names the last document of its type mentioned before it."""
    for index, mention in enumerate(mentions):
        if mention.anaphor:
            earlier = [m for m in mentions[:index] if m.key and m.doc_type == mention.doc_type]
            mention.key = earlier[-1].key if earlier else ""


def _link_implements(text: str, spans: list[Span], mentions: list[Mention]) -> None:
    """M implements N when N follows "thực hiện/triển khai" after M in the same clause."""
    real = [m for m in mentions if m.key]
    for target in real:
        before = text[max(0, target.start - 30) : target.start]
        if not _IMPLEMENTS_BEFORE.search(before):
            continue
        sentence = sentence_at(spans, target.start)
        if sentence is None:
            continue
        candidates = [
            m for m in real if sentence.start <= m.start < target.start and m.key != target.key
        ]
        for candidate in reversed(candidates):
            gap = text[candidate.start : target.start]
            if ";" in gap[candidate.end - candidate.start :] or _LEGAL_BASIS.search(gap):
                break
            inside = candidate.end >= target.end
            chained = _IMPLEMENTS_BEFORE.search(
                text[max(0, candidate.start - 30) : candidate.start]
            )
            if chained and not inside:
                # "triển khai thực hiện Nghị quyết 03 … thực hiện Nghị quyết 57": 03 implements 57.
                pass
            if target.key not in [m.key for m in candidate.implements]:
                candidate.implements.append(target)
            issuing = _issuing(text, candidate, candidates)
            if issuing and target.key not in [m.key for m in issuing.implements]:
                # "Nghị quyết 03 ban hành Chương trình … thực hiện 57": 03 carries out 57 too
                issuing.implements.append(target)
            if issuing and candidate.part_of is None:
                candidate.part_of = issuing
            break


def _issuing(text: str, issued: Mention, candidates: list[Mention]) -> Mention | None:
    """The document that issues ``issued`` ("Nghị quyết số 03/NQ-CP … ban hành <issued>")."""
    if not re.search(r"ban hành\s+$", text[max(0, issued.start - 15) : issued.start]):
        return None
    earlier = [m for m in candidates if m.end <= issued.start and m.key != issued.key]
    if earlier and ";" not in text[earlier[-1].end : issued.start]:
        return earlier[-1]
    return None


def extract(source: SourceText, context: ExtractionContext) -> Iterable[DocumentFact]:
    """One DocumentFact per document named in the source, details merged over its mentions."""
    return facts_of(source, find_mentions(source, context), context)


def step(
    source: SourceText, context: ExtractionContext
) -> tuple[list[DocumentFact], ExtractionContext]:
    """The documents of a source, and the context the later extractors read them from: the
    source's own document and where each document is named."""
    mentions = find_mentions(source, context)
    facts = facts_of(source, mentions, context)
    return facts, replace(
        context,
        documents=tuple(facts),
        main_document=main_document(source, facts),
        document_mentions=mention_spans(mentions),
    )


def mention_spans(mentions: list[Mention]) -> tuple[tuple[int, int, DocumentRef], ...]:
    """Where each document is named in the normalised text, for the other extractors."""
    return tuple(
        (m.start, m.end, DocumentRef(m.key, m.doc_type, m.number, m.title))
        for m in mentions
        if m.key
    )


def facts_of(
    source: SourceText, mentions: list[Mention], context: ExtractionContext
) -> list[DocumentFact]:
    """The facts of the documents named by ``mentions`` (from :func:`find_mentions`)."""
    text = source.normalised
    spans = sentences(text)
    facts: dict[str, DocumentFact] = {}
    for mention in mentions:
        if mention.anaphor or not mention.key:
            continue
        ref = DocumentRef(mention.key, mention.doc_type, mention.number, mention.title)
        sentence = sentence_at(spans, mention.start) or Span(mention.start, mention.end)
        fact = facts.get(mention.key)
        if fact is None:
            fact = DocumentFact(ref, source.evidence(sentence.start, sentence.end))
            facts[mention.key] = fact
        elif mention.quoted and not (fact.ref.title or "").startswith('"'):
            fact.ref = DocumentRef(fact.ref.key, fact.ref.doc_type, fact.ref.number, mention.title)
        fact.issued = fact.issued or mention.issued
        fact.issuer = fact.issuer or mention.issuer
        if mention.draft:
            fact.status = "draft"
        if mention.period and fact.period_start is None:
            fact.period_start, fact.period_end = mention.period
        fact.vision_year = fact.vision_year or mention.vision
        fact.scope = fact.scope or mention.scope
        if mention.part_of is not None and mention.part_of.key and fact.part_of is None:
            host = mention.part_of
            fact.part_of = DocumentRef(host.key, host.doc_type, host.number, host.title)
        for implemented in mention.implements:
            if implemented.key not in [d.key for d in fact.implements]:
                fact.implements.append(
                    DocumentRef(
                        implemented.key, implemented.doc_type, implemented.number, implemented.title
                    )
                )
    result = list(facts.values())
    apply_letterhead(text, result, mentions, context)
    return result


# ---------------------------------------------------------------------------------------------
# Letterheads: "ỦY BAN NHÂN DÂN / TỈNH X / Số: 142/KH-UBND … X, ngày … / KẾ HOẠCH / <title>"

_LETTERHEAD_NUMBER = re.compile(r"^[ \t]*Số[ \t]*:?[ \t]*(\S+)[ \t]*$", re.MULTILINE)
_PLACE_DATE = re.compile(
    r"^[ \t]*[A-ZĐ][^\n,]{1,40},\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
    re.MULTILINE,
)
_MOTTO = re.compile(r"CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|ĐẢNG CỘNG SẢN|^[\s*\-–_]*$")
_IMPLEMENTING_TITLE = re.compile(
    r"^(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá)\s", re.IGNORECASE
)
LETTERHEAD_WINDOW = 1500


def apply_letterhead(
    text: str, facts: list[DocumentFact], mentions: list[Mention], context: ExtractionContext
) -> None:
    """Complete the document a source *is* from its letterhead: issuer (the body named above
    "Số: …"), date ("X, ngày 14 tháng 3 năm 2025"), title (the type line and the lines under it)
    and, when the title opens with "Thực hiện …", the document it implements."""
    number_line = _LETTERHEAD_NUMBER.search(text, 0, LETTERHEAD_WINDOW)
    if not number_line:
        return
    written = number_line.group(1).replace(" ", "")
    fact = next((f for f in facts if f.ref.number and f.ref.number in written), None)
    if fact is None:
        return
    head_lines = [
        line.strip()
        for line in text[: number_line.start()].splitlines()
        if line.strip() and not _MOTTO.search(line)
    ]
    bodies = find_agencies(" ".join(head_lines), context.catalogue, context.province)
    if bodies and not fact.issuer:
        fact.issuer = bodies[-1].ref
    date_line = _PLACE_DATE.search(text, number_line.end(), number_line.end() + 400)
    if date_line and not fact.issued:
        fact.issued = _read_date_parts(*date_line.groups())
    after = date_line.end() if date_line else number_line.end()
    head, words, title_start, title_end = _letterhead_title(text, after)
    if head and words:
        fact.ref = replace(fact.ref, title=f"{head} {words[0].lower()}{words[1:]}")
        if _IMPLEMENTING_TITLE.match(words):
            for mention in mentions:
                if title_start <= mention.start < title_end and mention.key != fact.ref.key:
                    ref = DocumentRef(mention.key, mention.doc_type, mention.number, mention.title)
                    if ref.key not in [d.key for d in fact.implements]:
                        fact.implements.append(ref)
                    break
    fact.status = fact.status or "adopted"
    if fact.issuer and fact.issuer.province and not fact.scope:
        fact.scope = fact.issuer.province


def _date_from_letterhead(text: str, mentions: list[Mention]) -> None:
    """The number under a letterhead is dated by the "X, ngày … tháng … năm …" line beside it."""
    number_line = _LETTERHEAD_NUMBER.search(text, 0, LETTERHEAD_WINDOW)
    if not number_line:
        return
    date_line = _PLACE_DATE.search(text, number_line.end(), number_line.end() + 400)
    written = number_line.group(1).replace(" ", "")
    for mention in mentions:
        if date_line and mention.number and mention.number in written and not mention.issued:
            mention.issued = _read_date_parts(*date_line.groups())


def _read_date_parts(day: str, month: str, year: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _letterhead_title(text: str, position: int) -> tuple[str | None, str, int, int]:
    """ "KẾ HOẠCH\nThực hiện Nghị quyết …": the head noun ("Kế hoạch"), the words under it and
    their span; (None, "", 0, 0) when no type line follows the letterhead."""
    none: tuple[str | None, str, int, int] = (None, "", 0, 0)
    type_line = _TYPE_LINE.search(text, position, position + 300)
    if not type_line:
        return none
    wanted = type_line.group(1).strip().lower()
    head = next((h for h, _, _ in HEAD_NOUNS if h.lower() == wanted), None)
    block = re.match(r"[^\n]+(?:\n[^\n]+)*", text[type_line.end() :])
    if head is None or not block or block.group().strip().startswith(("-", "*", "Căn cứ")):
        return none
    words = " ".join(
        line.strip(" \t#*") for line in block.group().splitlines() if not _MOTTO.search(line)
    )
    return head, words, type_line.end(), type_line.end() + block.end()


_TYPE_LINE = re.compile(r"\n[ \t#*]*([A-ZĐÀ-Ỹ ]{4,40}?)[ \t*]*\n")


def _scope_of(
    mention: Mention, context: ExtractionContext, text: str, spans: list[Span]
) -> str | None:
    """The territory a document covers: the nation for a national issuer or series (…/TW,
    …/NQ-CP); a provincial issuer's province; else the source's province when the text marks
    the document as local (its title or its clause says "tỉnh", "trên địa bàn tỉnh", "của địa
    phương"), or when it is a provincial series number (…/KH-UBND, …-CTr/TU)."""
    if mention.issuer and mention.issuer.level == "national":
        return "viet-nam"
    if mention.issuer and mention.issuer.province:
        return mention.issuer.province
    series = _series_of(mention.number)
    if series in NATIONAL_SERIES:
        return "viet-nam"
    named = _province_in_title(mention, context)
    if named:
        return named
    if context.national_source:
        return "viet-nam"
    if not context.province:
        return None
    if series:
        return context.province
    if mention.title and re.search(r"tỉnh|địa phương|trên địa bàn", mention.title):
        return context.province
    if _LOCAL_CLAUSE.search(_clause_after(text, spans, mention)):
        return context.province
    return None


def _province_in_title(mention: Mention, context: ExtractionContext) -> str | None:
    """ "Đề án Vùng đổi mới sáng tạo Bình Dương", "Quyết định thành lập Ban chỉ đạo" (the
    province's): the province a title names, or the province of the provincial body it names."""
    if not mention.title:
        return None
    nations = {p.key for p in context.catalogue.places.values() if p.is_nation}
    for _, _, place in find_places(mention.title, context.catalogue):
        if place not in nations:
            return place
    for found in find_agencies(mention.title, context.catalogue, context.province):
        if found.ref.resolved and found.ref.level == "provincial" and found.ref.province:
            return found.ref.province
    return None


def _series_of(number: str | None) -> str | None:
    """The issuer part of a number: ``57-NQ/TW`` → TW, ``03/NQ-CP`` → CP, ``142/KH-UBND`` → UBND."""
    if not number:
        return None
    tail = number.rsplit("/", 1)[-1]  # Party "57-NQ/TW" → "TW"; State "03/NQ-CP" → "NQ-CP"
    return tail.split("-", 1)[1] if "-" in tail else tail


def _clause_after(text: str, spans: list[Span], mention: Mention) -> str:
    """From the mention to the end of its clause (a ";" or the end of the sentence)."""
    sentence = sentence_at(spans, mention.start)
    end = sentence.end if sentence else min(len(text), mention.end + 200)
    clause = text[mention.start : end]
    return clause.split(";", 1)[0].split("(", 1)[0]


def main_document(source: SourceText, facts: list[DocumentFact]) -> DocumentRef | None:
    """The document a source is, or reports on: a letterhead "Số: …", else the first issued one."""
    text = source.normalised
    letterhead = re.search(r"Số\s*:?\s*(\S+)", text[:2000])
    for fact in facts:
        if (
            letterhead
            and fact.ref.number
            and fact.ref.number.replace(" ", "") in letterhead.group(1)
        ):
            return fact.ref
    first_line = text.split("\n", 1)[0]
    for fact in facts:
        if fact.ref.number and fact.ref.number in first_line:
            return fact.ref
    for fact in facts:
        if "ban hành" in fact.evidence.quote and fact.issued:
            return fact.ref
    return None
