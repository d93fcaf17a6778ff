"""``view_agencies.rq`` reads each agency's values with set semantics (a DISTINCT subquery per
OPTIONAL): its answer must be the one of the former form, plain OPTIONALs whose cross product
multiplied a statement by the graphs holding it (kept in ``queries_before/`` as the reference),
on the real build, where many statements are held by several graphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_api.named_queries import load_query

BEFORE = Path(__file__).parent / "queries_before" / "view_agencies.rq"


def _answer(store, query: str, lang: str) -> list[tuple]:
    rows = store.select(query, {"lang": lang})
    return sorted(
        tuple(
            sorted(
                # GROUP_CONCAT's order is the engine's; the view reads the types as a set
                (name, " ".join(sorted(str(value).split())) if name == "types" else str(value))
                for name, value in row.items()
                if value is not None
            )
        )
        for row in rows
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_agencies_overview_answers_as_before(built_oxigraph, lang):
    now = _answer(built_oxigraph, load_query("view_agencies"), lang)
    assert len(now) > 20
    assert sum(1 for row in now if dict(row).get("label")) > 20  # values read, not only counts
    assert now == _answer(built_oxigraph, BEFORE.read_text(encoding="utf-8"), lang)
