"""Names resolved by query while the search index loads, on a store whose index takes long.

A server over a remote engine without the build's file (or a store in memory) rebuilds the
search index from the whole graph's labels at start: more than 60 s at 10⁶ quads under load,
during which every route that resolves a name (``57-NQ/TW``, ``Bình Dương``) or an unknown id
waited and answered 503. What resolving needs of the index is one kind's entities: its labels,
and for the suggestions of an unknown name the places' labels and which place each of them
belongs to. :func:`kind_index` reads exactly those (two queries bound to the kind) into a
:class:`SearchIndex`, whose ``named`` and ``closest`` for that kind answer as the whole
index's do, since both look only at that kind's entries and, for a place the text names, at
the places'. Tasks are cited by number and document (read from every task's page row), so a
task name still waits for the whole index.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from graph_api.named_queries import load_query
from graph_api.search_index import SearchIndex
from graph_api.store import Store
from ontology.vocabulary import ID_BASE

QUERIED_KINDS = ("agency", "document", "place", "theme", "indicator", "programme")


def kind_index(store: Store, kind: str) -> SearchIndex:
    """The search index of ``kind``'s entities and the places, read by query."""
    bindings = {"kindPrefix": f"{ID_BASE}{kind}/"}
    rows: list[dict[str, Any]] = store.select(load_query("search_labels_of_kind"), bindings)
    rows.sort(key=lambda row: (row["entity"], row["labelKind"], row["label"]))  # search_rows'
    places = store.select(load_query("search_places_of_kind"), bindings)
    rows += sorted(places, key=lambda row: (row["entity"], row["place"]))
    return SearchIndex(rows)


def lookup_index(store: Store, serving: Any, kind: str) -> SearchIndex:
    """The index a name of ``kind`` is resolved with: the whole one when it is read (or
    beside an on-disk store, read in a fraction of a second); else, while a remote engine's or
    an in-memory store's index loads, ``kind``'s by query."""
    ready = getattr(serving, "index_now", None)
    if kind not in QUERIED_KINDS or ready is None:
        return serving.index()
    index = ready()
    if index is not None:
        return index
    keep = getattr(serving, "kind_index", None)  # kept for the release while the index loads
    compute = partial(kind_index, store, kind)
    return keep(kind, compute) if keep is not None else compute()


def known_entity(serving: Any, iri: str) -> bool:
    """Whether the release's search index, if read already (never waiting), holds ``iri``:
    it then has a label, so it exists, with no query (a round trip to a remote engine)."""
    loaded = getattr(serving, "loaded_index", None)
    index = loaded() if loaded is not None else None
    return index is not None and (iri in index.preferred_label or iri in index.first_label)
