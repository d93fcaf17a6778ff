"""Comparator semantics: targets as intervals, compared along the indicator's direction."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph_api.audit.intervals import (
    Direction,
    Strength,
    compare_intervals,
    interval_of,
)

UP, DOWN = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER


def test_intervals_accept_what_the_comparator_says():
    assert interval_of("gt", 50).contains(50.1) and not interval_of("gt", 50).contains(50)
    assert interval_of("gte", 50).contains(50)
    assert interval_of("eq", 50).contains(50) and not interval_of("eq", 50).contains(50.5)
    assert interval_of("approx", 45).contains(45.5) and not interval_of("approx", 45).contains(47)
    assert interval_of("lte", 3).contains(1) and not interval_of("lte", 3).contains(4)
    assert not interval_of("lt", 3).contains(3)
    assert interval_of("range", 16, 18).contains(17) and not interval_of("range", 16, 18).contains(
        19
    )
    assert interval_of("gt", 50).high.value == math.inf


def test_unknown_comparator_and_open_range_are_refused():
    with pytest.raises(ValueError):
        interval_of("about", 1)
    with pytest.raises(ValueError):
        interval_of("range", 1)


@pytest.mark.parametrize(
    ("mine", "theirs", "direction", "expected"),
    [
        (("gt", 50), ("gt", 55), UP, Strength.WEAKER),  # Bình Dương TFP vs 57-NQ/TW
        (("gt", 55), ("gte", 55), UP, Strength.STRONGER),  # > asks more than ≥ at one value
        (("gte", 55), ("gt", 55), UP, Strength.WEAKER),
        (("eq", 40), ("gt", 40), UP, Strength.WEAKER),  # "đạt 40%" vs "trên 40%"
        (("eq", 35), ("gte", 30), UP, Strength.STRONGER),
        (("approx", 55), ("gt", 55), UP, Strength.EQUAL),  # "khoảng 55%" within tolerance
        (("approx", 50), ("gt", 55), UP, Strength.WEAKER),
        (("range", 20, 50), ("gte", 30), UP, Strength.WEAKER),  # the low end binds
        (("lte", 30), ("lte", 50), DOWN, Strength.STRONGER),  # top 30 beats top 50
        (("lte", 3), ("lt", 3), DOWN, Strength.WEAKER),
        (("lte", 50), ("lte", 50), DOWN, Strength.EQUAL),
        (("gte", 10), ("lte", 50), DOWN, Strength.WEAKER),  # no upper bound on a rank
    ],
)
def test_compare(mine, theirs, direction, expected):
    assert compare_intervals(interval_of(*mine), interval_of(*theirs), direction) is expected


comparators = st.sampled_from(["gt", "gte", "eq", "lte", "lt"])
values = st.integers(min_value=0, max_value=200).map(float)


@given(comparators, values, comparators, values, st.sampled_from([UP, DOWN]))
def test_comparison_is_antisymmetric(c1, v1, c2, v2, direction):
    forward = compare_intervals(interval_of(c1, v1), interval_of(c2, v2), direction)
    backward = compare_intervals(interval_of(c2, v2), interval_of(c1, v1), direction)
    flipped = {Strength.STRONGER: Strength.WEAKER, Strength.WEAKER: Strength.STRONGER}
    assert backward is flipped.get(forward, Strength.EQUAL)


@given(comparators, values, st.sampled_from([UP, DOWN]))
def test_a_target_equals_itself(comparator, value, direction):
    interval = interval_of(comparator, value)
    assert compare_intervals(interval, interval, direction) is Strength.EQUAL
