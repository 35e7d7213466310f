"""Sample spaces and coin tosses: exact probabilities against brute-force enumeration with
itertools and sets, and the running share of heads against a toss-by-toss loop and
scipy's binomial distribution."""

from __future__ import annotations

from fractions import Fraction
from itertools import product

import numpy as np
import pytest
from scipy import stats

from mathviz.maths.outcomes import (
    Event,
    SampleSpace,
    complement,
    inclusion_exclusion,
    intersection,
    log_spaced_counts,
    running_frequency,
    toss_coins,
    two_dice,
    union,
)

SEVEN = Event("seven", lambda o: o[0] + o[1] == 7)
DOUBLES = Event("doubles", lambda o: o[0] == o[1])
HIGH = Event("high", lambda o: o[0] + o[1] >= 10)


def test_two_dice_are_the_36_ordered_pairs():
    space = two_dice()
    assert len(space) == 36
    assert set(space.outcomes) == set(product(range(1, 7), repeat=2))
    assert space.outcomes[:2] == ((1, 1), (1, 2))  # first die varies slowest


@pytest.mark.parametrize("sides", [2, 4, 6, 8])
def test_sum_distribution_matches_enumeration(sides):
    space = two_dice(sides)
    for total in range(2, 2 * sides + 1):
        brute = sum(1 for a in range(1, sides + 1) for b in range(1, sides + 1) if a + b == total)
        assert space.probability(lambda o, t=total: sum(o) == t) == Fraction(brute, sides**2)


def test_named_events_of_the_lecture():
    space = two_dice()
    assert space.cells(SEVEN) == ((1, 6), (2, 5), (3, 4), (4, 3), (5, 2), (6, 1))
    assert space.probability(SEVEN) == Fraction(1, 6)
    assert space.probability(DOUBLES) == Fraction(1, 6)
    assert space.probability(complement(SEVEN)) == Fraction(5, 6)
    assert space.count(HIGH) == 6


def test_union_and_intersection_are_set_operations():
    space = two_dice()
    a, b = set(space.cells(DOUBLES)), set(space.cells(HIGH))
    assert set(space.cells(union(DOUBLES, HIGH))) == a | b
    assert set(space.cells(intersection(DOUBLES, HIGH))) == a & b == {(5, 5), (6, 6)}
    pa, pb, both, either = inclusion_exclusion(space, DOUBLES, HIGH)
    assert (pa, pb, both) == (Fraction(6, 36), Fraction(6, 36), Fraction(2, 36))
    assert either == Fraction(len(a | b), 36) == Fraction(5, 18)


def test_bad_spaces_are_refused():
    with pytest.raises(ValueError, match="at least one"):
        SampleSpace(())
    with pytest.raises(ValueError, match="distinct"):
        SampleSpace(((1,), (1,)))
    with pytest.raises(ValueError):
        two_dice(0)


def test_tosses_replay_from_the_seed_and_count_by_loop():
    tosses = toss_coins(np.random.default_rng(20), 1000)
    again = toss_coins(np.random.default_rng(20), 1000)
    assert np.array_equal(tosses, again)
    assert set(np.unique(tosses)) <= {0, 1}
    shares = running_frequency(tosses)
    heads = 0
    for k, t in enumerate(tosses, start=1):
        heads += int(t)
        assert shares[k - 1] == pytest.approx(heads / k, abs=1e-15)


def test_heads_in_ten_tosses_follow_the_binomial():
    rng = np.random.default_rng(7)
    counts = np.array([toss_coins(rng, 10).sum() for _ in range(4000)])
    observed = np.bincount(counts, minlength=11) / len(counts)
    expected = stats.binom.pmf(np.arange(11), 10, 0.5)
    assert np.abs(observed - expected).max() < 0.03
    assert expected[5] == pytest.approx(252 / 1024)  # five heads is the likeliest, yet rare


def test_running_frequency_refuses_non_coins():
    with pytest.raises(ValueError):
        running_frequency(np.array([0, 2, 1]))
    with pytest.raises(ValueError):
        running_frequency(np.array([], dtype=int))


def test_log_spaced_counts_are_dense_then_logarithmic():
    counts = log_spaced_counts(10_000)
    assert counts[:20] == tuple(range(1, 21))
    assert counts[-1] == 10_000
    assert list(counts) == sorted(set(counts))
    assert {10, 100, 1000, 10_000} <= set(counts)
    ratios = np.diff(np.log10(counts[20:]))
    assert ratios.max() < 0.03  # about 60 counts per decade
