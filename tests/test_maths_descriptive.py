"""The descriptive-statistics model against the standard library's ``statistics``, numpy and
scipy.stats: means, medians and modes exactly, the population spread, tallies, arrival slots
and the balance-point sum."""

from __future__ import annotations

import statistics
from collections import Counter
from fractions import Fraction

import numpy as np
import pytest
from scipy import stats

from mathviz.maths.descriptive import (
    arrival_order,
    counts,
    deviation_sum,
    exact,
    from_counts,
    inside_band,
    mean,
    median,
    modes,
    sorted_with_middle,
    stack_slots,
    std,
    variance,
    with_value_replaced,
)

RATINGS = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5, 5, 5]


def test_exact_reads_floats_as_their_decimals():
    assert exact(0.1) == Fraction(1, 10)
    assert exact(3) == 3 and exact(Fraction(2, 3)) == Fraction(2, 3)


@pytest.mark.parametrize(
    "data", [RATINGS, [3, 1, 2], [1, 2, 3, 4], [2.5, 0.1, 7.25, 7.25], [68, 24, 84, 52, 314]]
)
def test_centre_and_spread_match_statistics(data):
    assert mean(data) == statistics.mean(Fraction(repr(v)) for v in map(float, data))
    assert float(median(data)) == pytest.approx(statistics.median(data), abs=1e-12)
    assert float(variance(data)) == pytest.approx(np.var(data), rel=1e-12)
    assert std(data) == pytest.approx(statistics.pstdev(data), rel=1e-12)
    assert std(data) == pytest.approx(float(np.std(data)), rel=1e-12)


def test_ratings_example_is_exact():
    assert mean(RATINGS) == Fraction(18, 5)
    assert median(RATINGS) == 4
    assert modes(RATINGS) == [4] == [stats.mode(RATINGS).mode]
    assert variance(RATINGS) == Fraction(36, 25)
    assert std(RATINGS) == 1.2


def test_modes_lists_every_tie():
    assert modes([1, 1, 2, 2, 3]) == [1, 2] == sorted(statistics.multimode([1, 1, 2, 2, 3]))


def test_tallies_round_trip():
    tally = counts(RATINGS, (1, 2, 3, 4, 5))
    assert tally == [Counter(RATINGS)[k] for k in range(1, 6)]
    assert from_counts((1, 2, 3, 4, 5), tally) == RATINGS
    with pytest.raises(ValueError):
        counts([6], (1, 2, 3))
    with pytest.raises(ValueError):
        from_counts((1, 2), (1, -1))


def test_arrivals_are_a_seeded_permutation_and_stack_in_order():
    a = arrival_order(RATINGS, np.random.default_rng(81))
    b = arrival_order(RATINGS, np.random.default_rng(81))
    assert a == b and sorted(a) == RATINGS
    slots = stack_slots(a)
    # each value's levels are 0, 1, 2 … in arrival order
    for v in set(a):
        assert [lvl for val, lvl in slots if val == v] == list(range(a.count(v)))


def test_sorted_middle_and_band():
    ordered, middle = sorted_with_middle(RATINGS)
    assert ordered[middle] == statistics.median(RATINGS) and middle == 7
    with pytest.raises(ValueError):
        sorted_with_middle([1, 2])
    assert inside_band(RATINGS, 2.4, 4.8) == sum(1 for r in RATINGS if 2.4 <= r <= 4.8) == 8


def test_deviation_sum_vanishes_at_the_mean_only():
    assert deviation_sum(RATINGS, 3) == 9
    assert deviation_sum(RATINGS, 3.6) == 0
    assert deviation_sum(RATINGS, 4) == -6


def test_value_replaced():
    assert with_value_replaced([1.0, 2.0], -1, 9) == [1.0, 9.0]
    with pytest.raises(IndexError):
        with_value_replaced([1.0], 3, 0.0)
