"""One reading of an entity id given by a person: every route and command parses ids here.

Accepted: the full IRI (``https://w3id.org/policygraph/id/agency/bo-khcn``), ``/id/agency/bo-khcn``,
``agency/bo-khcn``, or the bare slug ``bo-khcn`` where the kind is known. Anything else is a
:class:`QueryError` (HTTP 400) naming the value. :func:`resolve_entity` also takes an entity's
names (a province's, an agency's short form) and answers an unknown one with the closest
entities of its kind: every REST parameter and page that takes an id resolves it there.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from graph_api.errors import AmbiguousName, UnknownEntity
from graph_api.models import Suggestion
from graph_api.search_index import SearchIndex
from graph_api.store_terms import IRI
from ontology.errors import QueryError
from ontology.text_keys import fold_words
from ontology.vocabulary import ENTITY_KINDS, ID_BASE

SLUG = re.compile(r"^[\w.\-]+$", re.UNICODE)
_KIND_SLUG = re.compile(r"^(?:/?id/)?([a-z]+)/([\w.\-]+)$", re.UNICODE)


def parse_entity_ref(value: str, kind: str | None = None) -> IRI:
    """The IRI ``value`` names; with ``kind``, it must name an entity of that kind."""
    text = value.strip()
    short = text.removeprefix(ID_BASE) if text.startswith(ID_BASE) else text
    if match := _KIND_SLUG.match(short):
        found_kind, slug = match[1], match[2]
    elif kind is not None and text == short and SLUG.match(text):
        found_kind, slug = kind, text
    else:
        wanted = f"a {kind} id (a slug such as 'bo-khcn' or its IRI)" if kind else "kind/slug"
        raise QueryError(f"{value!r} is not {wanted}")
    if found_kind not in ENTITY_KINDS or (kind is not None and found_kind != kind):
        expected = kind or f"one of {', '.join(ENTITY_KINDS)}"
        raise QueryError(f"{value!r} is not a {expected} id: its kind is {found_kind!r}")
    return IRI(f"{ID_BASE}{found_kind}/{slug}")


def optional_entity_ref(value: str | None, kind: str) -> IRI | None:
    """A request parameter that may be absent: None when absent or empty, else its IRI."""
    return None if not value else parse_entity_ref(value, kind)


NOUNS = {"place": "province", "agency": "agency", "document": "document", "task": "task"}
_PLACE_WORDS = ("tinh ", "thanh pho ", "tp ")  # "tỉnh Bình Dương", "TP. Hồ Chí Minh"


def resolve_entity(
    value: str,
    kind: str,
    *,
    exists: Callable[[IRI], bool],
    search_index: Callable[[], SearchIndex],
    parameter: str | None = None,
) -> IRI:
    """The entity of ``kind`` a person means by ``value``: its IRI, ``kind/slug``, slug, or one
    of its names (``Bình Dương``, ``binh duong``, ``TP.HCM``, ``Sở KH&CN Bình Dương``).

    An id of another kind stays a :class:`QueryError`; a name several entities carry is an
    :class:`AmbiguousName`; nothing of that kind is an :class:`UnknownEntity` proposing the
    closest entities of the kind from the search index (``search_index()``).
    """
    text = unicodedata.normalize("NFC", value).strip()
    noun = NOUNS.get(kind, kind)
    where = f"{parameter}: " if parameter else ""
    iri: IRI | None = None
    if text.startswith(ID_BASE) or _KIND_SLUG.match(text):
        try:
            iri = parse_entity_ref(text, kind)  # an id of another kind is refused here
        except QueryError as error:
            raise QueryError(f"{where}{error} (a {noun} was expected)") from error
    elif SLUG.match(text):
        iri = IRI(f"{ID_BASE}{kind}/{text}")
    if iri is not None and exists(iri):
        return iri
    index = search_index()  # built on first use: an id that exists never waits for it
    named = _named(index, text, kind)
    if len(named) == 1:
        return IRI(named[0])
    if len(named) > 1:
        raise AmbiguousName(
            f"{where}{len(named)} {noun} entities are named {value!r}; give one's id",
            [suggestion(index, entity) for entity in named[:10]],
        )
    shown = iri.rsplit("/", 1)[-1] if iri is not None else text
    closest = [suggestion(index, hit.entity) for hit in index.closest(shown, kind)]
    hint = "; did you mean " + ", ".join(repr(s.iri.rsplit("/", 1)[-1]) for s in closest)
    message = f"{where}no {noun} {value!r} in the graph{hint if closest else ''}"
    raise UnknownEntity(message, closest, kind)


def _named(index: SearchIndex, text: str, kind: str) -> list[str]:
    named = index.named(text, kind)
    if not named and kind == "place":
        folded = " ".join(fold_words(text))
        for prefix in _PLACE_WORDS:
            if folded.startswith(prefix):
                return index.named(folded.removeprefix(prefix), kind)
    return named


def suggestion(index: SearchIndex, entity: str) -> Suggestion:
    """``entity`` proposed in an error, under its preferred label."""
    label = index.preferred_label.get(entity) or entity.rsplit("/", 1)[-1]
    return Suggestion(iri=entity, label=label, kind=entity.removeprefix(ID_BASE).split("/")[0])
