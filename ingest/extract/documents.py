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
from dataclasses import replace

from ingest.extract.context import ExtractionContext
from ingest.extract.document_aliases import issued_under_alias
from ingest.extract.document_carriers import fold_unnamed_carriers
from ingest.extract.document_chrome import outside_chrome
from ingest.extract.document_details import attach_details, ends_with_inner, issued_before
from ingest.extract.document_identity import (
    HEAD_NOUNS,
    NATIONAL_TITLE,
    PROVINCIAL_SERIES,
    head_of_type,
    resolve_short,
    same_titled,
    titled_key,
    year_of,
)
from ingest.extract.document_implied import link_purpose_implied
from ingest.extract.document_links import (
    key_programmes_of_national_bodies,
    link_implements,
    link_issued_with,
    link_issued_within,
    link_supplements,
    resolve_anaphors,
)
from ingest.extract.document_lists import (
    link_coordinated,
    link_opening,
    link_shared_about,
    opening_end_of,
)
from ingest.extract.document_mentions import (
    Mention,
    closes_field_list,
    numbered_mentions,
    short_mentions,
)
from ingest.extract.document_restated import (
    number_bracketed,
    number_restated,
    session_paper,
    still_to_be_made,
)
from ingest.extract.document_self import (
    alias_short_namings,
    fold_self_references,
    link_issued_inside,
    number_news_subject,
    number_titles,
    own_mention,
)
from ingest.extract.document_titles import titled_mentions
from ingest.extract.letterhead import apply_letterhead, date_from_letterhead, scope_of
from ingest.extract.sentences import Span, sentence_at, sentences
from ingest.model import DocumentFact, DocumentRef, SourceText
from ingest.resolve import name_key
from ontology.slugs import document_slug

_LAW = re.compile(r"(?:Luật|Bộ luật|Hiến pháp)\s")  # laws are the nation's, never a province's
_SUBMISSION = re.compile(r"/TTr\b")  # a submission's series: "01/TTr-STTTT", "693/TTr-UBND"
_DECORATION = re.compile(r"[#*\s]*")  # Markdown around a title line ("# NGHỊ QUYẾT")


def _series_province(mention: Mention, context: ExtractionContext) -> str | None:
    """The province of a numbered provincial document (…/TU, …-UBND, …/SKHCN), else None."""
    issuer = re.split(r"[-/]", mention.number or "")[-1].upper()
    provincial = issuer in PROVINCIAL_SERIES or (issuer.startswith("S") and len(issuer) > 2)
    if not provincial:
        return None
    place = mention.scope if mention.scope and mention.scope != "viet-nam" else context.province
    return place if place and place != "viet-nam" else None


def find_mentions(source: SourceText, context: ExtractionContext) -> list[Mention]:
    """Every document mention with its details and key (mentions of one document share a key)."""
    text = source.normalised
    spans = sentences(text)
    numbered = numbered_mentions(text)
    taken = [(m.start, m.end) for m in numbered]
    short = [m for m in short_mentions(text, taken)]
    taken += [(m.start, m.end) for m in short]
    titled = [
        m for m in titled_mentions(text, spans) if not any(s <= m.start < e for s, e in taken)
    ]
    found = [*numbered, *short, *titled]
    found = sorted([*found, *issued_under_alias(text, spans, found)], key=lambda m: m.start)
    keep = outside_chrome(text, [m.start for m in found])  # a legal site's related documents
    mentions = [
        m
        for m, kept in zip(found, keep, strict=True)
        if kept
        and not still_to_be_made(text, spans, m)
        and not session_paper(text, m)
        and not closes_field_list(text, m)
    ]
    for mention in mentions:
        if mention.anaphor:
            continue
        attach_details(text, mention, context, ends_with_inner(mention, mentions))
        sentence = sentence_at(spans, mention.start)
        if sentence:
            issued_before(text, sentence, mention, context)
    number_titles(text, mentions)
    number_bracketed(text, spans, mentions)
    number_restated(text, mentions)
    if own_mention(text, mentions) is None:
        number_news_subject(text, mentions)
    date_from_letterhead(text, mentions)
    for mention in mentions:
        if mention.short_number and not mention.number:
            resolve_short(mention, mentions, context.catalogue)
    for mention in mentions:
        if not mention.anaphor:
            mention.scope = scope_of(mention, context, text, spans)
    canonical: list[Mention] = []
    for mention in mentions:
        if mention.anaphor:
            continue
        if mention.number:
            mention.key = document_slug(
                mention.number, year_of(mention, mentions, context.catalogue)
            )
            place = _series_province(mention, context)
            if place:
                mention.key = f"{mention.key}-{place}"
            else:  # "Nghị quyết số 02-NQ/TU của Thành ủy Cần Thơ …" then "… Nghị quyết số 02-NQ/TU"
                mention.key = _placed_before(mention, canonical) or mention.key
        elif mention.title:
            earlier = next((c for c in canonical if not c.number and same_titled(c, mention)), None)
            numbered = _numbered_alike(mention, canonical)
            if numbered:  # "Luật An ninh mạng số 24/2018/QH14 …; … của Luật An ninh mạng"
                mention.key, mention.number = numbered.key, numbered.number
            elif earlier:
                mention.key = earlier.key
            else:
                code = next((c for _, t, c in HEAD_NOUNS if t == mention.doc_type), "")
                mention.key = titled_key(code, mention.title, _key_place(mention, context))
        else:
            mention.key = titled_key(
                mention.doc_type, mention.short_number or "", _key_place(mention, context)
            )
            mention.title = f"{head_of_type(mention.doc_type)} {mention.short_number}"
        canonical.append(mention)
    fold_unnamed_carriers(text, mentions)
    alias_short_namings(text, mentions)
    own = own_mention(text, mentions)
    opening_end = opening_end_of(context.tree, text)
    titles = context.tree.of_kind("title") if context.tree else []
    title_start = _DECORATION.match(text, titles[0].start).end() if titles else None
    if own is not None:
        fold_self_references(text, spans, mentions, own, opening_end, title_start)
    link_implements(text, spans, mentions)
    link_purpose_implied(text, spans, mentions)
    for sentence in spans:
        within = [m for m in mentions if sentence.start <= m.start < sentence.end]
        link_coordinated(text, within, sentence.end)
        link_shared_about(text, within, sentence.end)
    link_supplements(text, mentions)
    link_issued_within(text, mentions)
    link_issued_with(text, mentions)
    link_issued_inside(text, spans, mentions)
    if own is not None:
        link_opening(text, context.tree, mentions, own)
    key_programmes_of_national_bodies(mentions, context.catalogue)
    resolve_anaphors(mentions)
    if own is not None:
        fold_self_references(text, spans, mentions, own, opening_end, title_start)
    return mentions


def _placed_before(mention: Mention, canonical: list[Mention]) -> str | None:
    """The key an earlier naming of the same provincial number got from its place, if one did:
    a text names the issuer once and repeats the bare number after."""
    placed = {
        c.key
        for c in canonical
        if c.number == mention.number and c.key.startswith(f"{mention.key}-")
    }
    return next(iter(placed)) if len(placed) == 1 else None


def _numbered_alike(mention: Mention, canonical: list[Mention]) -> Mention | None:
    """The numbered document named earlier by exactly this title, if just one is."""
    alike = {
        c.key: c
        for c in canonical
        if c.number
        and c.title
        and c.doc_type == mention.doc_type
        and name_key(c.title) == name_key(mention.title or "")
    }
    return next(iter(alike.values())) if len(alike) == 1 else None


def _key_place(mention: Mention, context: ExtractionContext) -> str | None:
    """The province in an unnumbered document's key: its scope's, else the source's unless the
    document is a national one."""
    if mention.scope == "viet-nam":
        return None
    if mention.scope:
        return mention.scope
    if mention.issuer and mention.issuer.level == "national":
        return None
    if mention.title and (NATIONAL_TITLE.search(mention.title) or _LAW.match(mention.title)):
        return None
    return context.province


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
        if mention.updated_by is not None and mention.updated_by.key and fact.updated_by is None:
            act = mention.updated_by
            fact.updated_by = DocumentRef(act.key, act.doc_type, act.number, act.title)
        if fact.ref.doc_type != "Report" and not _SUBMISSION.search(fact.ref.number or ""):
            # a report tells what was done, a submission asks for an act: neither carries out
            # anything ("Tờ trình số 01/TTr-STTTT … về việc phê duyệt Chương trình hành động …
            # thực hiện Nghị quyết số 03-NQ/TU": the programme carries out the resolution)
            _add_refs(fact.implements, mention.implements, fact.ref.key)
        _add_refs(fact.based_on, mention.based_on, fact.ref.key)
    result = list(facts.values())
    apply_letterhead(text, result, mentions, context)
    return result


def _add_refs(refs: list[DocumentRef], mentions: list[Mention], own_key: str) -> None:
    """Add the documents ``mentions`` name to ``refs``, once each, never the document itself."""
    for other in mentions:
        if other.key and other.key != own_key and other.key not in [d.key for d in refs]:
            refs.append(DocumentRef(other.key, other.doc_type, other.number, other.title))


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
