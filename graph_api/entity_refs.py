"""One reading of an entity id given by a person: every route and command parses ids here.

Accepted: the full IRI (``https://w3id.org/policygraph/id/agency/bo-khcn``), ``/id/agency/bo-khcn``,
``agency/bo-khcn``, or the bare slug ``bo-khcn`` where the kind is known. Anything else is a
:class:`QueryError` (HTTP 400) naming the value.
"""

from __future__ import annotations

import re

from graph_api.store_terms import IRI
from ontology.errors import QueryError
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
