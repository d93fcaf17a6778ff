"""Where a fact's context came from, and where the extractor guessed.

A fact often says more than its quote: the year of a target may come from the heading of its
list, the lead of a task from the heading of its section or an earlier sentence, the province of
a body from the letterhead, a curated agency from a short form. A reviewer must see which, so
``policygraph extract`` shows each fact's line, the sections it stands in, what it inherited and
from where, and a flag for each guess. This is read back from the document tree and the quote
after extraction, so extractors carry no extra state.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ingest.extract.leads import list_item_at
from ingest.extract.structure import DocumentTree, Node, parse
from ingest.model import (
    AgencyFact,
    AgencyRef,
    AssignmentFact,
    DocumentFact,
    DocumentRef,
    Fact,
    MeetingFact,
    SourceText,
    TargetFact,
)
from ingest.resolve import Catalogue, find_places, province_of_source
from ontology.text_keys import fold_keep_length, name_key

HEADING_CHARS = 90
_HOLDER = re.compile(r"^(?:Lãnh đạo|Chủ tịch|Giám đốc|Bộ trưởng|Trưởng ban|Thủ trưởng)\s+")
_BARE_SHORT_FORM = re.compile(r"Ban [Cc]hỉ đạo|BCĐ")  # whose steering committee: a guess


@dataclass(frozen=True)
class Provenance:
    """What a reviewer needs besides the fact: where it stands, what its quote does not say."""

    line: int  # 1-based line of the quote's start in the original text
    sections: tuple[str, ...]  # headings of the sections around the fact, outermost first
    document: str | None  # the document the fact belongs to, and why
    inherited: tuple[str, ...]  # context taken from elsewhere, each naming where
    guesses: tuple[str, ...]  # flags: what the extractor guessed (a reviewer should check)

    def as_json(self) -> dict[str, object]:
        return {
            "line": self.line,
            "sections": list(self.sections),
            "document": self.document,
            "inherited": list(self.inherited),
            "guesses": list(self.guesses),
        }


def _short(text: str, limit: int = HEADING_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Explainer:
    """Reads the provenance of the facts of one source (its tree is parsed once)."""

    def __init__(self, source: SourceText, catalogue: Catalogue) -> None:
        self.source = source
        self.catalogue = catalogue
        self.tree: DocumentTree = parse(source.normalised, source)
        self.province = province_of_source(source, catalogue)
        self.folded = fold_keep_length(source.normalised)
        self._newlines = [m.start() for m in re.finditer("\n", source.original)]
        self._norm_newlines = [m.start() for m in re.finditer("\n", source.normalised)]

    # -- positions ---------------------------------------------------------------------------

    def line_of(self, original_offset: int) -> int:
        return bisect_right(self._newlines, original_offset - 1) + 1

    def _norm_line(self, offset: int) -> int:
        return bisect_right(self._norm_newlines, offset - 1) + 1

    def _offset(self, fact: Fact) -> int:
        from ingest.extract import normalised_offset

        return normalised_offset(self.source, fact.evidence.start)

    def _heading(self, node: Node) -> str:
        return _short(self.source.normalised[node.start : node.heading_end].lstrip("#*> \t"))

    def _in_quote(self, name: str, fact: Fact) -> bool:
        return fold_keep_length(" ".join(name.split())) in fold_keep_length(
            " ".join(fact.evidence.quote.split())
        )

    # -- the parts ---------------------------------------------------------------------------

    def explain(self, fact: Fact) -> Provenance:
        offset = self._offset(fact)
        sections = tuple(
            self._heading(node)
            for node in self.tree.sections_at(offset)
            if not node.start <= offset < node.heading_end
        )
        inherited: list[str] = []
        guesses: list[str] = []
        document = None
        if isinstance(fact, AssignmentFact):
            document = self._document(fact.assigned_by, offset)
            self._leads(fact, offset, inherited, guesses)
            self._deadline(fact, inherited, guesses)
            for ref in [*fact.leads, *fact.coordinators]:
                self._agency(ref, fact, inherited, guesses)
        elif isinstance(fact, TargetFact):
            document = self._document(fact.set_by, offset)
            self._target(fact, offset, inherited, guesses)
        elif isinstance(fact, AgencyFact):
            self._agency(fact.agency, fact, inherited, guesses)
        elif isinstance(fact, DocumentFact):
            if fact.issuer is not None and not self._in_quote(fact.issuer.name, fact):
                inherited.append(f"issuer {fact.issuer.name}: named outside the quote")
            if fact.ref.number is None:
                guesses.append("document without a number: identified by its type and title")
        elif isinstance(fact, MeetingFact):
            self._agency(fact.body, fact, inherited, guesses)
        return Provenance(
            self.line_of(fact.evidence.start),
            sections,
            document,
            tuple(dict.fromkeys(inherited)),
            tuple(dict.fromkeys(guesses)),
        )

    def _document(self, ref: DocumentRef | None, offset: int) -> str | None:
        if ref is None:
            return None
        name = ref.number or ref.title or ref.key
        annex = self.tree.annex_at(offset)
        if annex is not None:
            return f"{name}: the annex it stands in, «{self._heading(annex)}»"
        return f"{name}: the text's own document (or the one it reports on)"

    def _leads(
        self, fact: AssignmentFact, offset: int, inherited: list[str], guesses: list[str]
    ) -> None:
        for lead in fact.leads:
            if lead.collective or self._in_quote(lead.name, fact):
                continue
            folded = fold_keep_length(" ".join(lead.name.split()))
            heading = next(
                (
                    node
                    for node in reversed(self.tree.sections_at(offset))
                    if folded in fold_keep_length(" ".join(self._heading(node).split()))
                ),
                None,
            )
            if heading is not None:
                line = self._norm_line(heading.start)
                inherited.append(
                    f"lead {lead.name} from heading «{self._heading(heading)}» (line {line})"
                )
                guesses.append("lead carried over from a heading")
                continue
            earlier = self.folded.rfind(folded, 0, offset)
            item = list_item_at(self.tree, offset)
            lead_in = (
                item is not None
                and 0 <= earlier < item.start
                and (self.source.normalised[earlier : item.start].rstrip().endswith(":"))
            )
            if lead_in:
                line = self._norm_line(earlier)
                inherited.append(f"lead {lead.name} from the list's lead-in (line {line})")
                guesses.append("lead carried over from the lead-in of a list")
            elif earlier >= 0:
                line = self._norm_line(earlier)
                inherited.append(f"lead {lead.name} from an earlier sentence (line {line})")
                guesses.append("lead carried over from an earlier sentence")
            else:
                guesses.append(f"lead {lead.name} not named in the text as such")

    def _deadline(self, fact: AssignmentFact, inherited: list[str], guesses: list[str]) -> None:
        year = (fact.deadline or "")[:4]
        if year.isdigit() and fact.deadline_text and year not in fact.deadline_text:
            inherited.append(f"deadline year {year} from the text's date ({fact.deadline_text})")
            guesses.append("deadline year inherited")

    def _target(
        self, fact: TargetFact, offset: int, inherited: list[str], guesses: list[str]
    ) -> None:
        if fact.year and (fact.year_inferred or str(fact.year) not in fact.evidence.quote):
            heading = self.tree.year_at(offset)
            earlier = self.source.normalised.rfind(str(fact.year), 0, offset)
            if heading is not None and heading[0] == fact.year:
                line = self._norm_line(heading[1].start)
                shown = self._heading(heading[1])
                inherited.append(f"year {fact.year} from heading «{shown}» (line {line})")
            elif fact.year_inferred or earlier < 0:
                ref = fact.set_by
                setter = (ref.number or ref.title or ref.key) if ref else "?"
                inherited.append(f"year {fact.year}: the horizon of {setter}")
            else:
                line = self._norm_line(earlier)
                inherited.append(f"year {fact.year} from an earlier sentence (line {line})")
            guesses.append("year inherited")
        if fact.scope and fact.scope != "viet-nam" and not self._place_in_quote(fact.scope, fact):
            self._province_source(fact.scope, "scope", inherited, guesses)
        if fact.indicator_key not in self.catalogue.indicators:
            guesses.append("candidate indicator: no curated indicator fits")

    def _place_in_quote(self, slug: str, fact: Fact) -> bool:
        place = self.catalogue.places.get(slug)
        labels = place.labels if place else (slug.replace("-", " "),)
        return any(self._in_quote(label, fact) for label in labels)

    def _province_source(
        self, slug: str, what: str, inherited: list[str], guesses: list[str]
    ) -> None:
        label = self.catalogue.place_label(slug) or slug
        letterhead = next(iter(self.tree.of_kind("letterhead")), None)
        if letterhead is not None:
            text = fold_keep_length(self.source.normalised[letterhead.start : letterhead.end])
            place = self.catalogue.places.get(slug)
            if place and any(fold_keep_length(label) in text for label in place.labels):
                inherited.append(f"{what}: {label} from the letterhead")
                guesses.append("province taken from the letterhead")
                return
        if slug == self.province:
            inherited.append(f"{what}: {label}, the province the source is about ({self._why()})")
            guesses.append("province taken from the source's context")
        else:
            inherited.append(f"{what}: {label}, not named in the quote")

    def _why(self) -> str:
        """Why the source is about its province (the hints :func:`province_of_source` weighs)."""
        meta = self.source.meta
        slug = self.province or ""
        if any(s == slug for _, _, s in find_places(meta.publisher or "", self.catalogue)):
            return f"its publisher, {meta.publisher}"
        if slug and slug.replace("-", "") in fold_keep_length(meta.address or "").replace("y", "i"):
            return "its address"
        places = find_places(self.source.normalised, self.catalogue)
        return f"the province the text names most: {sum(1 for *_, s in places if s == slug)} times"

    def _agency(self, ref: AgencyRef, fact: Fact, inherited: list[str], guesses: list[str]) -> None:
        if ref.collective:
            return
        if not ref.resolved:
            guesses.append(f"new agency {ref.name}: not in the curated data (policygraph review)")
        else:
            self._resolution(ref, inherited, guesses)
        nation = ref.province == "viet-nam" or (
            ref.province in self.catalogue.places and self.catalogue.places[ref.province].is_nation
        )
        in_quote = self._in_quote(ref.name, fact)
        capitals = [c for c in fact.evidence.quote if c.isalpha()]
        if isinstance(fact, AgencyFact) and not in_quote and all(c.isupper() for c in capitals):
            quote = _short(fact.evidence.quote)
            inherited.append(f"named {ref.name}: the curated name of «{quote}»")
            guesses.append("named from the letterhead (the text never names it in prose)")
        if ref.province and not nation and not self._place_in_quote(ref.province, fact):
            place = self.catalogue.places.get(ref.province)
            named = fold_keep_length(ref.name) if in_quote else ""
            if not place or not any(fold_keep_length(label) in named for label in place.labels):
                self._province_source(ref.province, f"province of {ref.name}", inherited, guesses)

    def _resolution(self, ref: AgencyRef, inherited: list[str], guesses: list[str]) -> None:
        """How a curated agency was found: by its name or a curated short form (nothing to say),
        by a bare "Ban Chỉ đạo" read as the body the text names, or by a partial name (a guess)."""
        entry = self.catalogue.agencies.get(ref.key)
        if entry is None:
            return
        key = name_key(_HOLDER.sub("", ref.name))
        shown = entry.labels[0] if entry.labels else ref.key
        bare = bool(_BARE_SHORT_FORM.fullmatch(ref.name.strip())) and len(name_key(shown)) > len(
            key
        )
        if not bare and any(name_key(label) == key for label in (*entry.labels, *entry.alt_labels)):
            return
        curated = self.catalogue.agency_index.get(key) == ref.key or (
            self.catalogue.generic_index.get(key, {}).get(ref.province) == ref.key
        )
        if curated and not bare:
            return
        how = "a bare short form" if curated else "a partial or short name"
        inherited.append(f"{ref.name} read as {shown} [{ref.key}] ({how})")
        guesses.append(f"agency {ref.name} resolved by {how}")
