"""Bernoulli, binomial, Poisson and normal models against scipy.stats; moments as sums; the
binomial's gap to its normal shrinking with n."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import integrate, stats

from mathviz.maths.distributions import (
    Bernoulli,
    Binomial,
    Normal,
    Poisson,
    max_gap,
    moments,
    normal_approximation,
)


@pytest.mark.parametrize("p", [0.0, 0.3, 0.8, 1.0])
def test_bernoulli(p):
    b = Bernoulli(p)
    np.testing.assert_allclose(b.probabilities(), stats.bernoulli.pmf([0, 1], p), atol=1e-15)
    assert b.mean == pytest.approx(stats.bernoulli.mean(p))
    assert b.variance == pytest.approx(stats.bernoulli.var(p))
    assert b.largest == 1 and list(b.support) == [0, 1]


@pytest.mark.parametrize(("n", "p"), [(1, 0.3), (10, 0.5), (20, 0.2), (20, 0.6), (60, 0.3)])
def test_binomial(n, p):
    b = Binomial(n, p)
    ks = np.arange(n + 1)
    np.testing.assert_allclose(b.probabilities(), stats.binom.pmf(ks, n, p), rtol=1e-10, atol=1e-15)
    assert b.mean == pytest.approx(stats.binom.mean(n, p))
    assert b.variance == pytest.approx(stats.binom.var(n, p))
    # padded with zeros past n; zero off the support
    assert b.probabilities(n + 3)[-3:].tolist() == [0.0, 0.0, 0.0]
    assert b.pmf(-1) == 0.0 and b.largest == n


def test_binomial_of_one_trial_is_bernoulli():
    np.testing.assert_allclose(Binomial(1, 0.3).probabilities(), Bernoulli(0.3).probabilities())


@pytest.mark.parametrize("lam", [0.5, 2.0, 4.0, 7.0])
def test_poisson(lam):
    p = Poisson(lam)
    ks = np.arange(25)
    np.testing.assert_allclose(p.probabilities(24), stats.poisson.pmf(ks, lam), rtol=1e-12)
    assert p.mean == p.variance == lam
    assert p.largest is None and p.pmf(-2) == 0.0
    with pytest.raises(ValueError):
        p.probabilities()


@pytest.mark.parametrize(("mu", "sigma"), [(0.0, 1.0), (1.5, 0.6), (-1.0, 1.8)])
def test_normal(mu, sigma):
    n = Normal(mu, sigma)
    xs = np.linspace(-6, 6, 25)
    np.testing.assert_allclose(n.densities(xs), stats.norm.pdf(xs, mu, sigma), rtol=1e-12)
    assert n.pdf(0.3) == pytest.approx(stats.norm.pdf(0.3, mu, sigma), rel=1e-12)
    assert n.mass_between(-6, 6) == pytest.approx(
        stats.norm.cdf(6, mu, sigma) - stats.norm.cdf(-6, mu, sigma), abs=1e-12
    )
    assert n.peak == pytest.approx(1 / (sigma * math.sqrt(2 * math.pi)))
    assert n.variance == pytest.approx(sigma**2)
    area, _ = integrate.quad(n.pdf, -math.inf, math.inf)
    assert area == pytest.approx(1.0, abs=1e-9)


def test_moments_are_sums_over_the_pmf():
    ks = np.arange(21)
    mean, var = moments(ks, stats.binom.pmf(ks, 20, 0.6))
    assert (mean, var) == pytest.approx((12.0, 4.8), abs=1e-12)
    with pytest.raises(ValueError):
        moments([0, 1], [1.0])


def test_normal_approximation_and_its_gap():
    b = Binomial(60, 0.3)
    approx = normal_approximation(b)
    assert (approx.mu, approx.sigma) == pytest.approx((18.0, math.sqrt(12.6)))
    ks = np.arange(61)
    gap = np.max(np.abs(stats.binom.pmf(ks, 60, 0.3) - stats.norm.pdf(ks, 18, math.sqrt(12.6))))
    assert max_gap(b) == pytest.approx(gap, abs=1e-15)
    gaps = [max_gap(Binomial(n, 0.3)) for n in (5, 10, 20, 40, 60)]
    assert gaps == sorted(gaps, reverse=True)
    with pytest.raises(ValueError):
        normal_approximation(Binomial(10, 0.0))


@pytest.mark.parametrize(
    ("make", "args"),
    [
        (Bernoulli, (1.2,)),
        (Binomial, (2.5, 0.5)),
        (Binomial, (3, -0.1)),
        (Poisson, (0.0,)),
        (Normal, (0.0, 0.0)),
    ],
)
def test_parameters_are_checked(make, args):
    with pytest.raises(ValueError):
        make(*args)
