"""Values bound into named queries: one list beside single values (the rank walk's shape)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph_api.binding import bind_values
from ontology.errors import QueryError

QUERY = "SELECT ?rank ?kind WHERE { BIND(?rank * 2 AS ?double) }"


def test_a_list_beside_single_values_gives_one_row_per_item():
    sparql = bind_values(QUERY, {"rank": [0, 1, 2], "kind": "task", "unused": None})
    rows = ox.Store().query(sparql)
    found = sorted((int(row["rank"].value), row["kind"].value) for row in rows)
    assert found == [(0, "task"), (1, "task"), (2, "task")]


def test_two_lists_are_refused_with_a_message():
    with pytest.raises(QueryError, match="only one list"):
        bind_values(QUERY, {"rank": [0, 1], "kind": ["a", "b"]})
