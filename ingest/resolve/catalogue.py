"""The curated catalogue: agencies, places, indicators, themes and documents with match keys.

Read from the curated triples (``data/curated/*.ttl``) and the table of standard provincial bodies.
Provincial bodies are also indexed under their name with the province taken out (``Sở Khoa học và
Công nghệ``), so that a text about any province resolves them with the province from context, and
an uncurated province still gets the same key shape (``so-khcn-dong-nai``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from ingest.resolve.bodies import BODIES_FILE, StandardBody, load_bodies
from ontology.namespaces import ID_BASE, PG
from ontology.text_keys import Tokens, name_key

PROVINCE_WORDS = (("tinh",), ("thanh", "pho"))  # "tỉnh X", "thành phố X"


@dataclass(frozen=True)
class AgencyEntry:
    key: str
    labels: tuple[str, ...]
    alt_labels: tuple[str, ...] = ()
    level: str | None = None
    province: str | None = None
    collective: bool = False

    @property
    def code(self) -> str:
        """The key without its province suffix: ``so-khcn-binh-duong`` → ``so-khcn``."""
        if self.province and self.key.endswith("-" + self.province):
            return self.key[: -len(self.province) - 1]
        return self.key


@dataclass(frozen=True)
class PlaceEntry:
    key: str
    labels: tuple[str, ...]
    is_nation: bool = False


@dataclass(frozen=True)
class IndicatorEntry:
    key: str
    labels: tuple[str, ...]
    default_unit: str | None = None
    close_matches: tuple[str, ...] = ()  # skos:closeMatch either way (national ↔ provincial twin)


@dataclass(frozen=True)
class ThemeEntry:
    """A curated theme: its heading (prefLabel), short forms (altLabel) and keywords (hidden)."""

    key: str
    labels: tuple[str, ...]
    alt_labels: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentEntry:
    key: str
    number: str
    doc_type: str
    year: int | None = None


@dataclass
class Catalogue:
    """The curated agencies, places, indicators (and documents) with their match keys."""

    agencies: dict[str, AgencyEntry] = field(default_factory=dict)
    places: dict[str, PlaceEntry] = field(default_factory=dict)
    indicators: dict[str, IndicatorEntry] = field(default_factory=dict)
    documents: dict[str, DocumentEntry] = field(default_factory=dict)
    themes: dict[str, ThemeEntry] = field(default_factory=dict)
    agency_index: dict[Tokens, str] = field(default_factory=dict)
    generic_index: dict[Tokens, dict[str | None, str]] = field(default_factory=dict)
    generic_codes: dict[Tokens, str] = field(default_factory=dict)
    place_index: dict[Tokens, str] = field(default_factory=dict)
    max_name_tokens: int = 1
    # Results computed once per catalogue (theme index, agency mentions of a text): the
    # catalogue is read-only after loading, so what is derived from it stays valid.
    cache: dict[object, object] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_graph(cls, graph: Graph, bodies: Iterable[StandardBody]) -> Catalogue:
        """Read agencies, places, indicators and documents from curated triples.

        ``bodies`` (the standard provincial bodies) name the bodies every province has, so that
        one named without its province, or in an uncurated province, still gets its code.
        """
        catalogue = cls()
        subjects = {
            s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(ID_BASE)
        }
        for subject in sorted(subjects):
            kind, _, slug = str(subject)[len(ID_BASE) :].partition("/")
            labels = _labels(graph, subject, (RDFS.label, SKOS.prefLabel))
            alts = _labels(graph, subject, (SKOS.altLabel, SKOS.hiddenLabel))
            if kind == "agency":
                types = {_local(t) for t in graph.objects(subject, RDF.type)}
                catalogue.agencies[slug] = AgencyEntry(
                    slug,
                    labels,
                    alts,
                    _local_of(graph, subject, PG.level),
                    _local_of(graph, subject, PG.jurisdiction),
                    "CollectiveAgency" in types,
                )
            elif kind == "place":
                types = {_local(t) for t in graph.objects(subject, RDF.type)}
                catalogue.places[slug] = PlaceEntry(slug, labels + alts, "Nation" in types)
            elif kind == "indicator":
                unit = graph.value(subject, PG.defaultUnit)
                catalogue.indicators[slug] = IndicatorEntry(
                    slug, labels + alts, str(unit) if unit else None, _close_matches(graph, subject)
                )
            elif kind == "theme" and (subject, RDF.type, PG.Theme) in graph:
                catalogue.themes[slug] = ThemeEntry(
                    slug,
                    labels,
                    _labels(graph, subject, (SKOS.altLabel,)),
                    _labels(graph, subject, (SKOS.hiddenLabel,)),
                )
            elif kind == "document":
                number = graph.value(subject, DCTERMS.identifier)
                issued = graph.value(subject, DCTERMS.issued)
                types = sorted(_local(t) for t in graph.objects(subject, RDF.type))
                year = int(str(issued)[:4]) if issued and str(issued)[:4].isdigit() else None
                if number:
                    doc_type = next((t for t in types if t != "PolicyDocument"), "Other")
                    catalogue.documents[slug] = DocumentEntry(slug, str(number), doc_type, year)
        catalogue._index(bodies)
        return catalogue

    @classmethod
    def load(cls, curated_dir: Path) -> Catalogue:
        """Parse every ``*.ttl`` under ``curated_dir`` into one graph and read it, with the
        standard provincial bodies of ``provincial-bodies.toml`` there.

        Oxigraph's parser reads the curated files two orders of magnitude faster than rdflib's.
        """
        graph = Graph()
        for path in sorted(Path(curated_dir).glob("*.ttl")):
            for quad in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE):
                if quad.predicate.value not in _CATALOGUE_PREDICATES:
                    continue
                graph.add(
                    (_to_rdflib(quad.subject), _to_rdflib(quad.predicate), _to_rdflib(quad.object))
                )
        return cls.from_graph(graph, load_bodies(Path(curated_dir) / BODIES_FILE))

    def _index(self, bodies: Iterable[StandardBody]) -> None:
        for place in self.places.values():
            for label in (*place.labels, place.key.replace("-", " ")):
                key = name_key(label)
                if key:
                    self.place_index.setdefault(key, place.key)
                    for words in PROVINCE_WORDS:
                        if key[: len(words)] == words and len(key) > len(words):
                            self.place_index.setdefault(key[len(words) :], place.key)
        owners: dict[Tokens, set[str]] = {}
        for agency in self.agencies.values():
            for label in (*agency.labels, *agency.alt_labels):
                owners.setdefault(name_key(label), set()).add(agency.key)
        for agency in self.agencies.values():
            for label in (*agency.labels, *agency.alt_labels):
                key = name_key(label)
                if not key:
                    continue
                if len(owners[key]) == 1 or not agency.province:
                    self.agency_index.setdefault(key, agency.key)
                else:  # "Sở Khoa học và Công nghệ" names one body in each province
                    self.generic_index.setdefault(key, {}).setdefault(agency.province, agency.key)
                    self.generic_codes.setdefault(key, agency.code)
                if agency.province:
                    for generic in self._generic_keys(key, agency.province):
                        self.generic_index.setdefault(generic, {}).setdefault(
                            agency.province, agency.key
                        )
                        self.generic_codes.setdefault(generic, agency.code)
                elif agency.level == "provincial" or agency.collective:
                    continue
        for body in bodies:
            for label, code in body.resolver_names():
                key = name_key(label)
                self.generic_index.setdefault(key, {})
                self.generic_codes.setdefault(key, code)
                for words in PROVINCE_WORDS:
                    if key[-len(words) :] == words and len(key) > len(words):
                        self.generic_index.setdefault(key[: -len(words)], {})
                        self.generic_codes.setdefault(key[: -len(words)], code)
        lengths = [len(k) for k in (*self.agency_index, *self.generic_index, *self.place_index)]
        self.max_name_tokens = max(lengths, default=1)

    def _generic_keys(self, key: Tokens, province: str) -> list[Tokens]:
        """``Sở … tỉnh Bình Dương`` → ``Sở … tỉnh`` and ``Sở …``: the name without its province."""
        result = []
        for place_key, slug in self.place_index.items():
            if slug != province or not place_key:
                continue
            for index in range(1, len(key) - len(place_key) + 1):
                if key[index : index + len(place_key)] == place_key:
                    stripped = key[:index] + key[index + len(place_key) :]
                    result.append(stripped)
                    for words in PROVINCE_WORDS:
                        if stripped[index - len(words) : index] == words and index - len(words) > 0:
                            result.append(stripped[: index - len(words)] + stripped[index:])
        return [k for k in result if k and k not in PROVINCE_WORDS]

    def place_label(self, slug: str | None) -> str | None:
        """The first label of a place, for gold output ("Bình Dương")."""
        place = self.places.get(slug or "")
        return place.labels[0] if place and place.labels else None


def _close_matches(graph: Graph, subject: URIRef) -> tuple[str, ...]:
    """The indicator slugs ``subject`` is a skos:closeMatch of, read in both directions."""
    prefix = f"{ID_BASE}indicator/"
    found = {*graph.objects(subject, SKOS.closeMatch), *graph.subjects(SKOS.closeMatch, subject)}
    return tuple(sorted(str(m)[len(prefix) :] for m in found if str(m).startswith(prefix)))


_CATALOGUE_PREDICATES = {
    str(p)
    for p in (
        RDF.type,
        RDFS.label,
        SKOS.prefLabel,
        SKOS.altLabel,
        SKOS.hiddenLabel,
        PG.level,
        PG.jurisdiction,
        PG.defaultUnit,
        SKOS.closeMatch,
        DCTERMS.identifier,
        DCTERMS.issued,
    )
}


def _to_rdflib(term: object) -> URIRef | BNode | Literal:
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unexpected term {term!r}")


def _labels(graph: Graph, subject: URIRef, predicates: Iterable[URIRef]) -> tuple[str, ...]:
    found: list[str] = []
    for predicate in predicates:
        for value in graph.objects(subject, predicate):
            if (
                isinstance(value, Literal)
                and value.language not in ("en",)
                and str(value) not in found
            ):
                found.append(str(value))
    return tuple(sorted(found, key=lambda s: (-len(s), s)))


def _local(term: object) -> str:
    text = str(term)
    return re.split(r"[#/]", text)[-1]


def _local_of(graph: Graph, subject: URIRef, predicate: URIRef) -> str | None:
    value = graph.value(subject, predicate)
    return _local(value) if value is not None else None
