"""The estimation maths: the coin's likelihood, its derivative and maximiser, the t and
normal intervals and the seeded repeated samples, each checked against a route of its own
(fractions, sympy, scipy.stats, scipy.optimize, a plain loop over the same seed)."""

from __future__ import annotations

import math
import statistics
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from scipy import optimize, stats

from mathviz.maths.estimation import (
    CoinLikelihood,
    RepeatedSamples,
    normal_interval,
    population_mean,
    t_critical,
    t_interval,
)

P = sp.symbols("p")


@pytest.mark.parametrize(("heads", "tosses"), [(7, 10), (0, 4), (5, 5), (3, 8)])
def test_likelihood_and_its_derivative_match_sympy(heads, tosses):
    model = CoinLikelihood(heads, tosses)
    expr = P**heads * (1 - P) ** (tosses - heads)
    for p in ("0", "0.05", "0.3", "0.5", "0.7", "0.95", "1"):
        exact = Fraction(p) ** heads * (1 - Fraction(p)) ** (tosses - heads)
        assert model(float(p)) == pytest.approx(float(exact), rel=1e-12, abs=1e-300)
        slope = float(sp.diff(expr, P).subs(P, sp.Rational(p)))
        assert model.derivative(float(p)) == pytest.approx(slope, rel=1e-9, abs=1e-15)
    ps = np.linspace(0, 1, 11)
    np.testing.assert_allclose(model.curve(ps), [model(float(p)) for p in ps], rtol=1e-12)


def test_the_maximum_is_the_share_of_heads():
    model = CoinLikelihood(7, 10)
    found = optimize.minimize_scalar(
        lambda p: -stats.binom.logpmf(7, 10, p), bounds=(0.01, 0.99), method="bounded"
    )
    assert model.mle == pytest.approx(found.x, abs=1e-5)
    assert model.mle == 0.7
    assert abs(model.derivative(0.7)) < 1e-15
    # the likelihood of the sequence is the binomial pmf without its C(10, 7) = 120
    assert model(0.7) * math.comb(10, 7) == pytest.approx(stats.binom.pmf(7, 10, 0.7))
    assert model.log(0.7) == pytest.approx(7 * math.log(0.7) + 3 * math.log(0.3))
    assert model.log(0.0) == -math.inf
    assert model.tails == 3


def test_likelihood_refuses_bad_inputs():
    with pytest.raises(ValueError):
        CoinLikelihood(11, 10)
    with pytest.raises(ValueError):
        CoinLikelihood(1, 0)
    with pytest.raises(ValueError):
        CoinLikelihood(7, 10)(1.5)


def test_t_interval_matches_scipy():
    rng = np.random.default_rng(0)
    sample = rng.normal(3.0, 1.5, size=25)
    low, high = stats.t.interval(0.95, 24, loc=sample.mean(), scale=stats.sem(sample))
    assert t_interval(sample) == pytest.approx((low, high), abs=1e-12)
    assert t_critical(0.95, 29) == pytest.approx(stats.t.ppf(0.975, 29), abs=1e-12)
    with pytest.raises(ValueError):
        t_interval([1.0])
    with pytest.raises(ValueError):
        t_critical(1.5, 3)


def test_normal_interval_matches_scipy():
    sample = [2.0, 4.0, 4.0, 5.0]
    low, high = stats.norm.interval(0.9, loc=3.75, scale=2.0 / 2.0)
    assert normal_interval(sample, sigma=2.0, level=0.9) == pytest.approx((low, high))


def test_population_mean_in_fractions():
    values, probs = (1, 2, 3, 4, 5), (0.05, 0.10, 0.20, 0.40, 0.25)
    exact = sum(Fraction(v) * Fraction(str(p)) for v, p in zip(values, probs, strict=True))
    assert population_mean(values, probs) == float(exact) == 3.7
    with pytest.raises(ValueError):
        population_mean((1, 2), (0.5, 0.6))


def test_repeated_samples_replay_their_seed():
    values, probs = (1.0, 2.0, 3.0, 4.0, 5.0), (0.05, 0.10, 0.20, 0.40, 0.25)
    draws = RepeatedSamples(values, probs, 30, 40, np.random.default_rng(3))
    rng = np.random.default_rng(3)
    rows = [rng.choice(np.array(values), size=30, p=probs) for _ in range(40)]
    np.testing.assert_array_equal(draws.samples, np.array(rows))
    np.testing.assert_allclose(draws.means, [statistics.fmean(r) for r in rows])
    ends = np.array([stats.t.interval(0.95, 29, loc=np.mean(r), scale=stats.sem(r)) for r in rows])
    np.testing.assert_allclose(draws.intervals, ends, atol=1e-12)
    covered = [lo <= 3.7 <= hi for lo, hi in ends]
    assert draws.covers.tolist() == covered
    running = [sum(covered[: k + 1]) / (k + 1) for k in range(40)]
    np.testing.assert_allclose(draws.running_share(), running)
    assert draws.true_mean == pytest.approx(3.7)
    with pytest.raises(ValueError):
        RepeatedSamples(values, probs, 1, 3, np.random.default_rng(0))
