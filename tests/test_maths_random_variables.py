"""Discrete random variables: PMF, CDF and interval probabilities in exact fractions,
against brute-force enumeration and scipy."""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest
from scipy import signal

from mathviz.maths.random_variables import DiscreteRandomVariable, stack_order, two_dice_sum


def test_two_dice_pmf_matches_the_convolution():
    x = two_dice_sum()
    die = np.full(6, 1 / 6)
    expected = signal.convolve(die, die)
    pmf = x.pmf()
    assert list(pmf) == list(range(2, 13))
    np.testing.assert_allclose([float(p) for p in pmf.values()], expected, atol=1e-15)
    assert sum(pmf.values()) == 1


def test_cdf_is_a_step_function():
    x = two_dice_sum()
    assert x.cdf(1.99) == 0
    assert x.cdf(7) == Fraction(21, 36)
    assert x.cdf(7.5) == x.cdf(7)
    assert x.cdf(12) == x.cdf(100) == 1
    steps = x.cdf_steps()
    assert [v for v, _ in steps] == list(range(2, 13))
    assert [float(f) for _, f in steps] == pytest.approx(
        np.cumsum(signal.convolve(np.full(6, 1 / 6), np.full(6, 1 / 6)))
    )


def test_between_is_a_difference_of_cdf_values():
    x = two_dice_sum()
    assert x.between(4, 6) == x.cdf(6) - x.cdf(3) == Fraction(12, 36)


def test_preimages_and_counts_by_enumeration():
    x = two_dice_sum()
    for s in range(2, 13):
        pairs = tuple(p for p in itertools.product(range(1, 7), repeat=2) if sum(p) == s)
        assert x.preimage(s) == pairs
        assert x.counts()[s] == len(pairs)


def test_stack_order_counts_up_within_each_value():
    x = two_dice_sum()
    order = stack_order(x)
    for s in range(2, 13):
        places = [order[i] for i, v in enumerate(x.values) if v == s]
        assert places == list(range(len(places)))


def test_unequal_probabilities_and_validation():
    coin = DiscreteRandomVariable.from_function(
        ["H", "T"], lambda w: 1 if w == "H" else 0, [Fraction(1, 3), Fraction(2, 3)]
    )
    assert coin.pmf() == {0: Fraction(2, 3), 1: Fraction(1, 3)}
    with pytest.raises(ValueError):
        DiscreteRandomVariable(("a",), (Fraction(1, 2),), (1,))
    with pytest.raises(ValueError):
        DiscreteRandomVariable((), (), ())
