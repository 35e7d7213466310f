"""The expectation model: exact mean, moments and variance (against scipy.stats and plain
loops), the beam's tilt, and the seeded simulation replayed by another route."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from scipy import stats

from mathviz.maths.expectation import DiscreteGame, running_mean, simulate, tilt_angle

GAME = DiscreteGame.of((100, -200), ("1/3", "2/3"))


def test_mean_and_variance_match_scipy():
    rv = stats.rv_discrete(values=([-200, 100], [2 / 3, 1 / 3]))
    assert float(GAME.mean()) == pytest.approx(rv.mean(), abs=1e-9)
    assert float(GAME.variance()) == pytest.approx(rv.var(), abs=1e-6)
    assert GAME.std() == pytest.approx(rv.std(), abs=1e-9)
    assert GAME.mean() == Fraction(-100) and GAME.variance() == Fraction(20000)


def test_variance_is_the_second_moment_minus_the_mean_squared():
    second = sum(p * x * x for x, p in zip(GAME.outcomes, GAME.probabilities, strict=True))
    assert GAME.variance() == second - GAME.mean() ** 2
    assert GAME.squared_deviations() == (Fraction(40000), Fraction(10000))
    assert GAME.weighted_squares() == (Fraction(40000, 3), Fraction(20000, 3))


def test_moment_vanishes_exactly_at_the_mean():
    assert GAME.moment(GAME.mean()) == 0
    assert GAME.moment(0) == Fraction(-100)  # the weight sits left of zero
    assert GAME.moment(-250) > 0
    assert tilt_angle(0.0, scale=100, max_angle=0.2) == 0.0
    assert tilt_angle(-100.0, scale=100, max_angle=0.2) == pytest.approx(0.2 * math.tanh(1))


def test_games_that_are_not_distributions_are_refused():
    with pytest.raises(ValueError):
        DiscreteGame.of((1, 2), ("1/2", "1/3"))
    with pytest.raises(ValueError):
        DiscreteGame.of((1, 1), ("1/2", "1/2"))
    with pytest.raises(ValueError):
        DiscreteGame.of((1,), ("1/2", "1/2"))


def test_simulation_replays_through_scipys_inverse_cdf():
    results = simulate(GAME, 500, np.random.default_rng(7))
    u = np.random.default_rng(7).random(500)
    rv = stats.rv_discrete(values=([-200, 100], [2 / 3, 1 / 3]))
    np.testing.assert_array_equal(results, rv.ppf(u))
    assert set(np.unique(results)) <= {-200.0, 100.0}


def test_running_mean_is_the_average_so_far():
    data = [100.0, -200.0, -200.0, 100.0]
    expected = [math.fsum(data[:n]) / n for n in range(1, 5)]
    np.testing.assert_allclose(running_mean(data), expected)
