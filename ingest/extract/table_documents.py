"""The document a table belongs to: "(Kèm theo Chương trình hành động tại Nghị quyết số …)"
above an appendix names the document that assigns its tasks and sets its targets, and the
document that in turn holds it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.extract.table_layout import clean_cell, header_key
from ingest.model import AgencyRef, DocumentFact, DocumentRef, Evidence, Fact, SourceText
from ingest.resolve import Catalogue, resolve_agency
from ontology.slugs import document_slug, slugify
from ontology.vocabulary import DOCUMENT_TYPES

_ATTACHED = re.compile(r"\(?\s*(?:ban hành\s+)?kèm theo\s+(?P<what>[^()\n]{5,400})\)?", re.I)
# Document type → the short code its table-document keys use; the longest name is tried first.
_TYPE_CODES = {
    "ActionProgramme": "ctrhd",
    "Resolution": "nq",
    "Plan": "kh",
    "Programme": "ctr",
    "Decision": "qd",
    "Project": "da",
    "Directive": "ct",
    "Conclusion": "kl",
    "Report": "bc",
}
_DOC_TYPES = tuple(
    (DOCUMENT_TYPES[doc_type].vi.lower(), doc_type, code) for doc_type, code in _TYPE_CODES.items()
)
_NUMBER = r"(?P<num>(?:\d+\s*[-/]|/)\s*[A-ZĐ]{1,6}(?:\s*[-/]\s*[A-ZĐ0-9]{1,12})*)"
_NUMBERED = re.compile(
    r"(?P<type>Nghị quyết|Quyết định|Kế hoạch|Chương trình|Chỉ thị|Kết luận|Thông báo)"
    rf"\s+(?:số\s+)?{_NUMBER}"
    r"(?:\s+ngày\s+(?P<day>\d{1,2})\s*(?:/|tháng)\s*(?P<month>\d{1,2})\s*(?:/|năm)\s*(?P<year>\d{4}))?",
    re.I,
)
_IMPLEMENTS = re.compile(
    r"(?:thực hiện|triển khai)\s+Nghị quyết\s+(?:số\s+)?(?P<num>\d+\s*-\s*NQ\s*/\s*TW)"
    r"(?:\s+ngày\s+\d{1,2}\s*(?:/|tháng)\s*\d{1,2}\s*(?:/|năm)\s*(?P<year>\d{4}))?",
    re.I,
)
_ISSUER = re.compile(r"\bcủa\s+(?P<issuer>[^,;()\n]{3,80}?)\s*\)?\s*$", re.I)
_ISSUER_CODES = {"chinh phu": "cp", "thu tuong chinh phu": "ttg", "bo chinh tri": "bct"}
_ISSUER_KEY_CODES = {"chinh-phu": "cp", "thu-tuong": "ttg", "bo-chinh-tri": "bct"}


def action_programme_key(issuer: AgencyRef | None, carried_out: str, year: int | None) -> str:
    """The key of a body's action programme for a resolution, wherever it is named:
    ``ctrhd-cp-57-2025`` (the Government's for 57-NQ/TW, issued with a 2025 resolution)."""
    code = _ISSUER_KEY_CODES.get(issuer.key, issuer.key) if issuer else ""
    number = re.split(r"[-/]", carried_out.strip())[0]
    return slugify(f"ctrhd {code} {number} {year or ''}")


@dataclass
class Attachment:
    """The document a table is attached to, and the document that in turn holds it."""

    document: DocumentRef | None  # None when the text names it too vaguely to give it a key
    facts: list[Fact] = field(default_factory=list)
    issuer: AgencyRef | None = None  # "… của Chính phủ": a national issuer makes a national table

    @property
    def national(self) -> bool:
        return self.issuer is not None and self.issuer.level == "national"


def _doc_type(text: str) -> tuple[str, str] | None:
    lowered = text.lower()
    for words, doc_type, code in _DOC_TYPES:
        if lowered.startswith(words):
            return doc_type, code
    return None


def canonical_number(written: str) -> str | None:
    """``57 - NQ/TW`` → ``57-NQ/TW``; a number with its digits missing ("/NQ-CP") → None."""
    compact = re.sub(r"\s+", "", written).upper()
    return compact if re.match(r"\d+[-/]", compact) else None


def document_key(number: str, year: int | None, catalogue: Catalogue) -> str:
    """The curated document with that number, else the slug of number and year."""
    for entry in sorted(catalogue.documents.values(), key=lambda e: e.key):
        if entry.number == number and (year is None or entry.year in (None, year)):
            return entry.key
    return document_slug(number, year)


def attached_document(
    source: SourceText, before: int, catalogue: Catalogue, fallback: DocumentRef | None
) -> Attachment | None:
    """Read "(Kèm theo <document> …)" in the text above a table (at original offset ``before``).

    A Government action programme issued inside a resolution gets the key ``ctrhd-cp-<n>-<year>``
    where ``<n>`` is the number of the resolution it implements (``ctrhd-cp-57-2025``); the
    resolution holding it is described too, with its number where the text gives one (else the
    fallback document's, when that is a resolution of the same year).
    """
    preamble = source.original[max(0, before - 3000) : before]
    matches = list(_ATTACHED.finditer(preamble))
    if not matches:
        return None
    match = matches[-1]
    what = clean_cell(match.group("what")).rstrip(")")
    kind = _doc_type(what)
    if kind is None:
        return None
    doc_type, code = kind
    offset = before - len(preamble)
    evidence = Evidence(
        source.source_id,
        offset + match.start(),
        offset + match.end(),
        source.original[offset + match.start() : offset + match.end()],
    )
    own = _NUMBERED.match(what)
    host = next((m for m in _NUMBERED.finditer(what) if m.start() > 0), None)
    issuer_match = _ISSUER.search(what)
    issuer_name = issuer_match.group("issuer") if issuer_match else None
    issuer = resolve_agency(issuer_name, catalogue) if issuer_name else None
    year = int(host.group("year")) if host and host.group("year") else None
    if own and canonical_number(own.group("num")):
        number = canonical_number(own.group("num"))
        own_year = int(own.group("year")) if own.group("year") else year
        ref = DocumentRef(document_key(number, own_year, catalogue), doc_type, number)
        facts = [DocumentFact(ref, evidence, issuer=issuer, status="adopted")]
        return Attachment(ref, facts, issuer)
    title_text = clean_cell(preamble)
    implemented = list(_IMPLEMENTS.finditer(title_text))
    if not implemented and source.meta.title:
        implemented = list(_IMPLEMENTS.finditer(source.meta.title))
    host_ref = _host_reference(host, year, catalogue, fallback, source.meta.title)
    if not implemented:  # the programme cannot be named: its resolution assigns and sets
        if host_ref is not None:
            facts = [DocumentFact(host_ref, evidence, issuer=issuer, status="adopted")]
            return Attachment(host_ref, facts, issuer)
        return Attachment(fallback, [], issuer)
    implemented_number = canonical_number(implemented[-1].group("num")) or ""
    implemented_year = implemented[-1].group("year")
    implemented_ref = DocumentRef(
        document_key(
            implemented_number, int(implemented_year) if implemented_year else None, catalogue
        ),
        "Resolution",
        implemented_number,
    )
    issuer_code = _ISSUER_CODES.get(header_key(issuer_name or ""), issuer.key if issuer else "")
    if code == "ctrhd" and issuer is not None and issuer.resolved:
        key = action_programme_key(issuer, implemented_number, year)
    else:
        key = slugify(f"{code} {issuer_code} {implemented_number.split('-')[0]} {year or ''}")
    phrase = what.split(" tại ")[0].split(" của ")[0]
    title = f"{phrase} của {issuer_name} thực hiện Nghị quyết số {implemented_number}"
    ref = DocumentRef(key, doc_type, None, title if issuer_name else None)
    programme = DocumentFact(
        ref, evidence, issuer=issuer, status="adopted", implements=[implemented_ref]
    )
    facts: list[Fact] = [programme]
    if host_ref is not None:
        facts.append(
            DocumentFact(
                host_ref, evidence, issuer=issuer, status="adopted", implements=[implemented_ref]
            )
        )
        if "part_of" in DocumentFact.__dataclass_fields__:  # where the model has the field
            programme.part_of = host_ref  # type: ignore[attr-defined]
    return Attachment(ref, facts, issuer)


def _host_reference(
    host: re.Match[str] | None,
    year: int | None,
    catalogue: Catalogue,
    fallback: DocumentRef | None,
    meta_title: str | None,
) -> DocumentRef | None:
    """The resolution an attached programme sits in, by its number; where the text leaves the
    number blank ("Nghị quyết số /NQ-CP"), the main document's or the metadata title's number
    of the same kind ("…/NQ-CP")."""
    if host is None:
        return None
    doc_type = (_doc_type(host.group("type")) or ("Other", ""))[0]
    number = canonical_number(host.group("num"))
    if number:
        return DocumentRef(document_key(number, year, catalogue), doc_type, number)
    code = re.sub(r"\s+", "", host.group("num")).lstrip("/").upper()
    if fallback is not None and fallback.number and fallback.number.upper().endswith(code):
        return fallback
    for mention in _NUMBERED.finditer(meta_title or ""):
        number = canonical_number(mention.group("num"))
        if number and number.upper().endswith(code):
            return DocumentRef(document_key(number, year, catalogue), doc_type, number)
    return None
