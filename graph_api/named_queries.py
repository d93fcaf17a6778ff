"""Named SPARQL queries: ``graph_api/queries/<name>.rq``, loaded by name and cached."""

from __future__ import annotations

from functools import cache
from pathlib import Path

QUERY_DIR = Path(__file__).resolve().parent / "queries"


@cache
def load_query(name: str) -> str:
    """The text of ``queries/<name>.rq``; KeyError names the missing query."""
    path = QUERY_DIR / f"{name}.rq"
    if not path.is_file():
        raise KeyError(f"no named query {name!r} in {QUERY_DIR}")
    return path.read_text(encoding="utf-8")


def query_names() -> list[str]:
    return sorted(p.stem for p in QUERY_DIR.glob("*.rq"))
