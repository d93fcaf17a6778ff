"""One row per key with the least value of each column, decided in Python.

SPARQL's MIN and SAMPLE are not the same on every engine (Virtuoso orders "57- NQ/TW" and
"57-NQ/TW" otherwise than Oxigraph, and left a long quote unbound under SAMPLE), so the queries
that feed pages and audits return every row and the choice is made here, in code-point order.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any

Row = dict[str, Any]


def least_per_key(rows: Iterable[Row], key: Callable[[Row], Hashable]) -> dict[Hashable, Row]:
    """``rows`` grouped by ``key(row)``, each group as one row holding the least non-None value
    of each column (compared as strings)."""
    found: dict[Hashable, Row] = {}
    for row in rows:
        kept = found.setdefault(key(row), {})
        for name, value in row.items():
            if value is not None and (kept.get(name) is None or str(value) < str(kept[name])):
                kept[name] = value
    return found
