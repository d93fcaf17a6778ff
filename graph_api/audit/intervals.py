"""Comparator semantics: a target as an interval of acceptable values, and how two compare.

A target "trên 50%" accepts (50, ∞); "đạt tối thiểu 30%" accepts [30, ∞); "khoảng 45%" accepts
45 give or take a small tolerance; "top 50" (a rank, lower is better) accepts [1, 50]. Which end
of the interval is the commitment depends on the indicator's direction: for a share (higher is
better) it is the lower bound, for a rank (lower is better) the upper bound. One target is
*stronger* than another when its binding bound asks for more.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

APPROX_RELATIVE_TOLERANCE = 0.02  # "khoảng 45%" also accepts 44.1–45.9
COMPARATORS = ("gt", "gte", "eq", "approx", "lte", "lt", "range")


class Direction(StrEnum):
    HIGHER_IS_BETTER = "higherIsBetter"
    LOWER_IS_BETTER = "lowerIsBetter"


class Strength(StrEnum):
    STRONGER = "stronger"
    EQUAL = "equal"
    WEAKER = "weaker"


@dataclass(frozen=True)
class Bound:
    """One end of an interval: its value, whether the value itself is excluded, and the slack
    within which another bound counts as the same (approximate targets)."""

    value: float
    open: bool = False
    tolerance: float = 0.0


@dataclass(frozen=True)
class Interval:
    low: Bound
    high: Bound

    def contains(self, value: float) -> bool:
        low = self.low.value - self.low.tolerance
        high = self.high.value + self.high.tolerance
        above = value > low if self.low.open else value >= low
        below = value < high if self.high.open else value <= high
        return above and below


NO_LOW = Bound(-math.inf, open=True)
NO_HIGH = Bound(math.inf, open=True)


def interval_of(comparator: str, value: float, upper: float | None = None) -> Interval:
    """The values a target accepts; ValueError for an unknown comparator or a range without
    an upper value."""
    if comparator == "gt":
        return Interval(Bound(value, open=True), NO_HIGH)
    if comparator == "gte":
        return Interval(Bound(value), NO_HIGH)
    if comparator == "eq":
        return Interval(Bound(value), Bound(value))
    if comparator == "approx":
        slack = abs(value) * APPROX_RELATIVE_TOLERANCE
        return Interval(Bound(value, tolerance=slack), Bound(value, tolerance=slack))
    if comparator == "lte":
        return Interval(NO_LOW, Bound(value))
    if comparator == "lt":
        return Interval(NO_LOW, Bound(value, open=True))
    if comparator == "range":
        if upper is None:
            raise ValueError("a range target needs an upper value")
        low, high = sorted((value, upper))
        return Interval(Bound(low), Bound(high))
    raise ValueError(f"unknown comparator {comparator!r}; expected one of {COMPARATORS}")


def _compare_bounds(mine: Bound, theirs: Bound, higher_wins: bool) -> Strength:
    """How ``mine`` compares with ``theirs`` when the larger (``higher_wins``) or smaller bound
    asks for more; open beats closed at the same value (> 55 asks more than ≥ 55)."""
    if math.isinf(mine.value) or math.isinf(theirs.value):
        if mine.value == theirs.value:
            return Strength.EQUAL
    else:
        slack = max(mine.tolerance, theirs.tolerance)
        if abs(mine.value - theirs.value) <= slack:
            if slack > 0 or mine.open == theirs.open:
                return Strength.EQUAL
            return Strength.STRONGER if mine.open else Strength.WEAKER
    mine_more = mine.value > theirs.value if higher_wins else mine.value < theirs.value
    return Strength.STRONGER if mine_more else Strength.WEAKER


def compare_intervals(mine: Interval, theirs: Interval, direction: Direction) -> Strength:
    """Whether ``mine`` asks for more than, as much as, or less than ``theirs``."""
    if direction is Direction.HIGHER_IS_BETTER:
        return _compare_bounds(mine.low, theirs.low, higher_wins=True)
    return _compare_bounds(mine.high, theirs.high, higher_wins=False)
