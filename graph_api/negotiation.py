"""Content negotiation: the ``format`` parameter, else the ``Accept`` header with q-values.

Every answer lists what it can give as ``Offer``s in the server's order of preference; the first
is the default. A client that accepts none of them gets 406, an unknown ``format`` 400.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph_api.errors import NotAcceptable
from ontology.errors import QueryError


@dataclass(frozen=True)
class Offer:
    media_type: str  # what the response's Content-Type says
    key: str  # the short name a ``format`` parameter may use
    aliases: tuple[str, ...] = ()  # other media types a client may ask for


SOLUTIONS = (
    Offer("application/sparql-results+json", "json", ("application/json",)),
    Offer("application/sparql-results+xml", "xml", ("application/xml", "text/xml")),
    Offer("text/csv", "csv"),
    Offer("text/tab-separated-values", "tsv"),
)
BOOLEAN = SOLUTIONS[:2]
GRAPH = (
    Offer("text/turtle", "turtle", ("application/x-turtle",)),
    Offer("application/n-triples", "ntriples", ("text/plain",)),
    Offer("application/rdf+xml", "rdfxml"),
    Offer("application/ld+json", "jsonld"),
)
TABLE = (Offer("application/json", "json"), Offer("text/csv", "csv"))
ENTITY = (Offer("text/html", "html", ("application/xhtml+xml",)), *GRAPH)

ALL_FORMAT_KEYS = sorted({o.key for group in (SOLUTIONS, GRAPH, TABLE, ENTITY) for o in group})


def parse_accept(header: str) -> list[tuple[str, float]]:
    """``Accept`` as (media range, q) pairs; malformed q-values count as 0 (not acceptable)."""
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
        ranges.append((media, quality))
    return ranges


def _quality(offer: Offer, ranges: list[tuple[str, float]]) -> float:
    """q of the most specific range matching the offer (exact > type/* > */*); 0 if none."""
    best_specificity, best_quality = -1, 0.0
    for media, quality in ranges:
        for candidate in (offer.media_type, *offer.aliases):
            kind = candidate.split("/")[0]
            if media == candidate:
                specificity = 2
            elif media == f"{kind}/*":
                specificity = 1
            elif media == "*/*":
                specificity = 0
            else:
                continue
            if specificity > best_specificity:
                best_specificity, best_quality = specificity, quality
    return best_quality


def choose(offers: tuple[Offer, ...], accept: str | None, format_param: str | None) -> Offer:
    """The offer to answer with; raises QueryError (unknown format) or NotAcceptable."""
    if format_param:
        wanted = format_param.strip().lower()
        for offer in offers:
            if wanted in (offer.key, offer.media_type, *offer.aliases):
                return offer
        if wanted in ALL_FORMAT_KEYS or "/" in wanted:
            raise NotAcceptable(
                f"format {format_param!r} is not available for this answer; "
                f"use one of: {', '.join(o.key for o in offers)}"
            )
        raise QueryError(
            f"unknown format {format_param!r}; use one of: {', '.join(o.key for o in offers)}"
        )
    if not accept or not accept.strip():
        return offers[0]
    ranges = parse_accept(accept)
    scored = [(_quality(offer, ranges), -index, offer) for index, offer in enumerate(offers)]
    quality, _, offer = max(scored, key=lambda item: (item[0], item[1]))
    if quality <= 0:
        raise NotAcceptable(
            f"cannot answer in any type the Accept header allows ({accept!r}); "
            f"available: {', '.join(o.media_type for o in offers)}"
        )
    return offer
