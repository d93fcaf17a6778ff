"""Document identity: types by head noun and number code, canonical numbers ("71-NQ/CP" →
"71/NQ-CP"), number series and the keys (slugs) that make two namings one document."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.model import AgencyRef
from ingest.resolve import Catalogue, name_key
from ontology.slugs import slugify

if TYPE_CHECKING:
    from ingest.extract.document_mentions import Mention

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


# A head noun may be wrapped over two lines ("Kết\nluận số 69-KL/TW").
HEAD_PATTERN = "|".join(re.escape(h).replace(r"\ ", r"[ \n]") for h, _, _ in HEAD_NOUNS)


HEAD = re.compile(rf"(?<![\w])(?:{HEAD_PATTERN})(?![\w])", re.IGNORECASE)


_CODE = r"[A-ZĐ][A-Za-zĐđ]{0,5}"


# TTg: the Prime Minister; a unit's part may join two with "&" ("3060/BTTTT-PTTH&TTĐT")
_ISSUER = (
    r"(?:TTg|[A-ZĐƯ][A-ZĐƯ0-9]{0,9}(?:&[A-ZĐƯ0-9]{1,8})?)"
    r"(?:-[A-ZĐƯ0-9]{1,10}(?:&[A-ZĐƯ0-9]{1,8})?){0,2}"
)


# A hyphen may be doubled or written as a dash ("57--NQ/TW", "57–NQ/TW"), with a space around it;
# the type code may be written twice ("8602/QĐ-QĐ/TU" is 8602-QĐ/TU); a site's page title may
# write the slash as "_" ("157-NQ_BCSĐ"); "458/QĐTTg" lacks the hyphen before the Prime
# Minister's code; a provincial office's numbers run to five digits ("10883 /UBND-KGVX9").
FULL_NUMBER = re.compile(
    rf"(?<![\w/.-])(\d{{1,5}}[a-z]?)\s?(-{{1,2}}|[/–])\s?({_CODE})(?:-(?:\3)(?=/))?"
    rf"(?:\s?(-{{1,2}}|[/–_])\s?|(?=TTg(?![\w])))({_ISSUER})"
    r"(?![\w])"
)


# An older style joins the code and the issuer with a dot ("01/1999/QĐ.UB" is 01/1999/QĐ-UB).
YEAR_NUMBER = re.compile(
    rf"(?<![\w/.-])(\d{{1,4}})/((?:19|20)\d\d)/([A-ZĐ]{{1,5}}\.[A-ZĐƯ]{{1,8}}|{_ISSUER})(?![\w])"
)


SHORT_NUMBER = re.compile(
    r"\s+(?:số\s+)?(\d{1,4})(?![\w%/-]|[.,]\d|\s*(?:%|năm|tháng|người|tỉ|tỷ))"
    # "Nghị quyết số 03 năm 2025 của Chính phủ": after "số", a number and the year it bears
    r"|\s+số\s+(\d{1,4})(?=\s+năm\s+\d{4}\b)"
)


NATIONAL_TITLE = re.compile(r"quốc gia|Chính phủ|Thủ tướng|Trung ương|Quốc hội|Bộ Chính trị")


NATIONAL_SERIES = ("TW", "CP", "TTg", "QH", "UBTVQH")


# Codes written in mixed case; a title in capitals writes them "CTR", "TTG", "TTR".
_MIXED_CASE = {"CTR": "CTr", "TTG": "TTg", "TTR": "TTr"}


def _code_case(code: str) -> str:
    """ "CTR" → "CTr" (a title in capitals), "kh" → "KH"; other codes as written."""
    upper = code.upper()
    return _MIXED_CASE.get(upper, upper if code.islower() or code.isupper() else code)


# Issuers of State series (N/X-Y): the Government, the Prime Minister, People's Councils and
# Committees, the National Assembly, ministries (B…), departments (S…), offices (VP…), the
# State Bank, steering committees of the State (BCĐ). Party series (N-X/Y) are PARTY_ISSUERS;
# the series of other issuers ("07-TB/CQTTBCĐ", "47-TB/TGV") is kept as written.
_STATE_ISSUER = re.compile(
    r"(?:CP|TTg|UBND|HĐND|HDND|UBTVQH\d*|QH\d*|NHNN|VP[A-ZĐ]*|[BS][A-ZĐ]{1,8}|BCĐ|BCD)$",
    re.IGNORECASE,
)


def canonical_number(number: str, code: str, sep1: str, issuer: str) -> str:
    """``71-NQ/CP`` → ``71/NQ-CP``, ``57/NQ-TW`` → ``57-NQ/TW``: Party: N-X/Y, State N/X-Y;
    ``07-TB/CQTTBCĐ`` (an issuer of neither known series) as written;
    ``35-CTR/TU`` (in a title in capitals) → ``35-CTr/TU``."""
    code = _code_case(code)
    issuer = "-".join(_MIXED_CASE.get(part.upper(), part) for part in issuer.split("-"))
    if issuer.split("-")[0].upper() in PARTY_ISSUERS and "-" not in issuer:
        return f"{number}-{code}/{issuer}"
    if sep1 == "-" and "-" not in issuer and not _STATE_ISSUER.match(issuer):
        return f"{number}-{code}/{issuer}"  # an issuer of neither known series: as written
    return f"{number}/{code}-{issuer}"


def type_of_code(code: str) -> str:
    return TYPE_OF_CODE.get(code.upper(), "Other")


def head_info(word: str) -> tuple[str, str, str]:
    key = " ".join(word.lower().split())
    for head, doc_type, code in HEAD_NOUNS:
        if head.lower() == key:
            return head, doc_type, code
    return word, "Other", ""


def issuer_code(issuer: AgencyRef | None, phrase: str | None) -> str | None:
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


TITLE_KEY_WORDS = 12


def titled_key(code: str, title: str, place: str | None) -> str:
    """An unnumbered document's slug: its type code and title (cut to a few words), then the
    province it belongs to, always kept so that two provinces' documents never share an IRI."""
    base = slugify(f"{code} {title}", max_words=TITLE_KEY_WORDS)
    if place and not base.endswith(place):
        base = f"{base}-{place}"
    return base


def number_head(mention: Mention) -> str:
    return re.split(r"[-/]", mention.carries_out or "")[0]


def head_of_type(doc_type: str) -> str:
    return next((h for h, t, _ in HEAD_NOUNS if t == doc_type), "Văn bản")


def series_of(number: str | None) -> str | None:
    """The issuer part of a number: ``57-NQ/TW`` → TW, ``03/NQ-CP`` → CP, ``142/KH-UBND`` → UBND."""
    if not number:
        return None
    tail = number.rsplit("/", 1)[-1]  # Party "57-NQ/TW" → "TW"; State "03/NQ-CP" → "NQ-CP"
    return tail.split("-", 1)[1] if "-" in tail else tail


def resolve_short(mention: Mention, mentions: list[Mention], catalogue: Catalogue) -> None:
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
    issuer = issuer_code(mention.issuer, mention.issuer_phrase)
    if not issuer:
        for other in mentions:
            if other.short_number == mention.short_number and other.doc_type == mention.doc_type:
                issuer = issuer or issuer_code(other.issuer, other.issuer_phrase)
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


def year_of(mention: Mention, mentions: list[Mention], catalogue: Catalogue) -> int | None:
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


_AMENDS_NAMED = re.compile(r"(?:Bộ\s+)?Luật\s+sửa đổi", re.IGNORECASE)


def same_titled(a: Mention, b: Mention) -> bool:
    """Two titled mentions name one document when their titles start alike."""
    if a.doc_type != b.doc_type or not a.title or not b.title:
        return False
    if a.carries_out != b.carries_out:  # the Government's programmes for 57 and for 45
        return False
    ka, kb = name_key(a.title), name_key(b.title)
    if _AMENDS_NAMED.match(a.title) or _AMENDS_NAMED.match(b.title):
        return ka == kb  # "Luật sửa đổi, bổ sung một số điều của <which laws>": all of it counts
    if a.title.lower().startswith(_head_lower(a)):
        ka = ka[len(name_key(_head_lower(a))) :]
    if b.title.lower().startswith(_head_lower(b)):
        kb = kb[len(name_key(_head_lower(b))) :]
    shorter = min(len(ka), len(kb))
    need = min(5, shorter)
    return need >= 2 and ka[:need] == kb[:need]


def _head_lower(mention: Mention) -> str:
    return next((h.lower() for h, t, _ in HEAD_NOUNS if t == mention.doc_type), "")
