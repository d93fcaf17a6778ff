"""Indicators: the curated indicator a stated target measures, by name similarity and unit."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ingest.resolve.catalogue import Catalogue
from ontology.text_keys import name_key


@lru_cache(maxsize=8192)
def _profile(text: str) -> tuple[Counter[str], int, frozenset[str]]:
    """Trigram counts, their total and the token set of a name (labels repeat across calls)."""
    padded = f"  {' '.join(name_key(text))} "
    grams = Counter(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams, sum(grams.values()), frozenset(name_key(text))


def _similarity(query: str, label: str) -> float:
    (a, a_total, qa), (b, b_total, la) = _profile(query), _profile(label)
    overlap = sum((a & b).values())
    trigram = 2 * overlap / (a_total + b_total or 1)
    token = len(qa & la) / (len(la) or 1)
    return 0.5 * trigram + 0.5 * token


_PERCENT_UNITS = {"%", "% gdp", "% grdp"}


def resolve_indicator(
    text: str, unit: str | None, catalogue: Catalogue, threshold: float = 0.55
) -> str | None:
    """The curated indicator a stated indicator fits best, or None when none fits well enough."""
    best: tuple[float, str] | None = None
    for indicator in catalogue.indicators.values():
        score = max((_similarity(text, label) for label in indicator.labels), default=0.0)
        if unit and indicator.default_unit:
            same_kind = (unit.lower() in _PERCENT_UNITS) == (
                indicator.default_unit.lower() in _PERCENT_UNITS
            )
            if not same_kind:
                score -= 0.2
            elif "gdp" in unit.lower() and "gdp" not in indicator.default_unit.lower():
                score -= 0.1
        if best is None or score > best[0]:
            best = (score, indicator.key)
    return best[1] if best and best[0] >= threshold else None
