"""Agencies named in a text: curated names and abbreviations first, then name patterns.

A provincial body named without its province ("Sở Khoa học và Công nghệ" in a Bình Dương
article) takes the province of the text; a position holder ("Bí thư Tỉnh ủy") names the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ingest.extract.context import ExtractionContext
from ingest.extract.sentences import Span, sentence_at, sentences
from ingest.model import AgencyFact, AgencyRef, SourceText
from ingest.resolve import find_agencies
from ontology.text_keys import fold

_ABBREV_AFTER = re.compile(r"\s*\(([A-ZĐ][A-ZĐa-z&\-.]{1,14})\)")
# "Nguồn: …" closing a news item: the body cited as its source is not one the text is about
_CITED_SOURCE = re.compile(r"Nguồn\s*:\s*$")
_ABBREV_INSIDE = re.compile(r"\s*\(([A-ZĐ][A-ZĐa-z&\-.]{1,14})\)(?=\s)")


def _a_body(ref: AgencyRef) -> bool:
    """Whether an uncurated name is a body: every ministry is curated, so "Bộ Chỉ số" (an output
    column's "set of indicators") is none; a provincial body of no province ("HĐND" in a national
    recipients' list, "Chính quyền" opening a sentence) is nobody in particular."""
    if ref.resolved:
        return True
    if re.match(r"Bộ\s", ref.name):
        return False
    return not (ref.level == "provincial" and ref.province is None)


def _named_in_full(first: str, later: str) -> bool:
    """Whether a body first written by its bare head ("Ban Chỉ đạo") is later written in full
    (an uncurated body: a curated one takes its curated name, and its short form is kept)."""
    return " " in first and later.startswith(first + " ") and not _letterhead(later)


def _letterhead(name: str) -> bool:
    """A name in capitals ("ỦY BAN NHÂN DÂN", "BAN CHỈ ĐẠO TRUNG ƯƠNG") is a letterhead's."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) > 4 and all(c.isupper() for c in letters)


def extract(source: SourceText, context: ExtractionContext) -> Iterable[AgencyFact]:
    """One AgencyFact per distinct agency, quoting the sentence of its first mention in prose."""
    text = source.normalised
    spans = sentences(text)
    facts: dict[str, AgencyFact] = {}
    for mention in find_agencies(text, context.catalogue, context.province):
        if mention.ref.collective or not _a_body(mention.ref):
            continue
        if _CITED_SOURCE.search(text, max(0, mention.start - 12), mention.start):
            continue  # "(Nguồn: Cổng thông tin điện tử Tỉnh Kiên Giang …)" cites where it is from
        abbrev = _ABBREV_AFTER.match(text, mention.end) or _ABBREV_INSIDE.search(mention.ref.name)
        ref = replace(mention.ref, name=_ABBREV_INSIDE.sub("", mention.ref.name))
        identity = mention.ref.key
        known = facts.get(identity)
        closing = context.tree is not None and context.tree.in_closing(mention.start)
        if known and (
            closing or not (_letterhead(known.agency.name) and not _letterhead(ref.name))
        ):
            # the recipients' list ("Nơi nhận: - Chủ tịch, các PCT UBND tỉnh") names no body anew
            if abbrev and not known.abbrev:
                known.abbrev = abbrev.group(1)
            if not (closing or ref.resolved) and _named_in_full(known.agency.name, ref.name):
                # "Ban Chỉ đạo, Tổ Công tác …" then "Ban Chỉ đạo Chuyển đổi số, … tỉnh Hải Dương"
                known.agency = replace(known.agency, name=ref.name)
            continue
        # New, or first named in a letterhead's capitals: the running text's "UBND tỉnh" names it.
        sentence = sentence_at(spans, mention.start) or Span(mention.start, mention.end)
        short = abbrev.group(1) if abbrev else (known.abbrev if known else None)
        facts[identity] = AgencyFact(ref, source.evidence(sentence.start, sentence.end), short)
    for fact in _split_letterhead(source, context):
        facts.setdefault(fact.agency.key, fact)
    for fact in facts.values():
        if _letterhead(fact.agency.name) and " " in fact.agency.name.strip():
            _name_letterhead_body(fact, text, context)
        else:
            _name_clipped_body(fact, context)
    return list(facts.values())


def _name_clipped_body(fact: AgencyFact, context: ExtractionContext) -> None:
    """A national body written by the first words of its curated name ("Thủ tướng" for "Thủ
    tướng Chính phủ") is named in full; the words written stay as its short form."""
    entry = context.catalogue.agencies.get(fact.agency.key) if fact.agency.resolved else None
    if entry is None or not entry.labels or entry.level != "national" or fact.abbrev:
        return
    written, label = fact.agency.name.strip(), entry.labels[0]
    if label != written and label.startswith(written + " "):
        fact.agency = replace(fact.agency, name=label)
        fact.abbrev = written


def _split_letterhead(source: SourceText, context: ExtractionContext) -> list[AgencyFact]:
    """Bodies of a letterhead whose name is broken over two lines ("VĂN PHÒNG CHÍNH" / "PHỦ"),
    read on its lines joined: the running text cannot find a name across a line break."""
    tree = context.tree
    head = next(iter(tree.of_kind("letterhead")), None) if tree else None
    if head is None:
        return []
    text = source.normalised
    lines = [
        re.sub(r"[|*#]", " ", line).strip()
        for line in text[head.start : head.end].split("\n")
        if not _MOTTO.search(line)
    ]
    joined = " ".join(line for line in lines if line)
    if not _letterhead(joined):
        return []
    found = []
    for mention in find_agencies(joined, context.catalogue, context.province):
        if mention.ref.collective or not _a_body(mention.ref) or " " not in mention.ref.name:
            continue
        found.append(AgencyFact(mention.ref, source.evidence(head.start, head.end)))
    return found


_MOTTO = re.compile(r"CỘNG HÒA|CỘNG HOÀ|^[\s|*]*CHỦ NGHĨA|Độc lập|ĐỘC LẬP|ĐẢNG CỘNG SẢN")
_SYMBOL = re.compile(r"^[ \t|*]*Số[ \t]*:?[ \t]*\S*?-([A-ZĐ]{2,8})[ \t|*]*$", re.MULTILINE)


def _name_letterhead_body(fact: AgencyFact, text: str, context: ExtractionContext) -> None:
    """A body the text names only in its letterhead's capitals ("ỦY BAN NHÂN DÂN", the province
    on the next line or only in the page's metadata) is named by its curated name ("Ủy ban nhân
    dân tỉnh Đắk Lắk"); the issuer code of the text's own symbol ("Số: 0155/KH-UBND") is its
    abbreviation when it gives the initials of the letterhead's words."""
    entry = context.catalogue.agencies.get(fact.agency.key) if fact.agency.resolved else None
    if entry is None or not entry.labels:
        return
    written = fact.agency.name
    fact.agency = replace(fact.agency, name=entry.labels[0])
    symbol = _SYMBOL.search(text, 0, 3000)
    initials = "".join(fold(word)[0] for word in written.split()).upper()
    if symbol and not fact.abbrev and symbol.group(1).replace("Đ", "D") == initials:
        fact.abbrev = symbol.group(1)
