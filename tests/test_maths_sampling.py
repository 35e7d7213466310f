"""mathviz.maths.sampling against scipy.stats, statistics, fractions and plain loops."""

from __future__ import annotations

import math
import statistics

import numpy as np
import pytest
import scipy.integrate
import scipy.stats

from mathviz.maths.sampling import (
    Binning,
    ExponentialPopulation,
    binned_mean_and_spread,
    draw_sample_means,
    empirical_spread,
    normal_pdf,
    standard_error,
)


def test_exponential_population_matches_scipy():
    pop = ExponentialPopulation(2.0)
    ref = scipy.stats.expon(scale=2.0)
    xs = np.array([-1.0, 0.0, 0.5, 2.0, 7.5])
    np.testing.assert_allclose(pop.pdf(xs), ref.pdf(xs), rtol=1e-12)
    assert pop.std == pytest.approx(ref.std())
    area, _ = scipy.integrate.quad(lambda x: float(pop.pdf(x)), 0, np.inf)
    mean, _ = scipy.integrate.quad(lambda x: x * float(pop.pdf(x)), 0, np.inf)
    assert area == pytest.approx(1.0) and mean == pytest.approx(ref.mean())
    with pytest.raises(ValueError):
        ExponentialPopulation(0.0)


def test_draws_replay_through_scipy_with_the_same_seed():
    pop = ExponentialPopulation(2.0)
    ours = pop.draw(np.random.default_rng(5), (30, 4))
    theirs = scipy.stats.expon.rvs(scale=2.0, size=(30, 4), random_state=np.random.default_rng(5))
    np.testing.assert_array_equal(ours, theirs)


def test_sample_means_are_the_row_averages():
    samples = draw_sample_means(ExponentialPopulation(2.0), 16, 50, np.random.default_rng(3))
    assert samples.draws.shape == (50, 16) and samples.count == 50 and samples.n == 16
    for row, mean in zip(samples.draws, samples.means, strict=True):
        assert mean == pytest.approx(math.fsum(row) / 16, abs=1e-12)
    again = draw_sample_means(ExponentialPopulation(2.0), 16, 50, np.random.default_rng(3))
    np.testing.assert_array_equal(samples.means, again.means)
    with pytest.raises(ValueError):
        draw_sample_means(ExponentialPopulation(2.0), 0, 5, np.random.default_rng(3))


def test_standard_error_halves_when_n_quadruples():
    values = [standard_error(2.0, n) for n in (1, 4, 16, 64)]
    assert values == [2.0, 1.0, 0.5, 0.25]
    # the standard deviation of the mean of n exponentials: a gamma(n, scale σ/n)
    for n in (1, 4, 16, 64):
        assert standard_error(2.0, n) == pytest.approx(scipy.stats.gamma(n, scale=2.0 / n).std())
    with pytest.raises(ValueError):
        standard_error(2.0, 0)


def test_empirical_spread_is_the_population_standard_deviation():
    data = [1.0, 2.0, 4.0, 7.0]
    assert empirical_spread(data) == pytest.approx(statistics.pstdev(data))
    with pytest.raises(ValueError):
        empirical_spread([])


def test_binning_stacks_values_in_order_of_arrival():
    binning = Binning(0.0, 1.0, 0.25)
    assert binning.bins == 4
    np.testing.assert_allclose(binning.centers, [0.125, 0.375, 0.625, 0.875])
    values = [0.1, 0.3, 0.2, 0.9, 0.05, 0.26]
    bins, levels = binning.stack(values)
    assert bins.tolist() == [0, 1, 0, 3, 0, 1]
    assert levels.tolist() == [0, 0, 1, 0, 2, 1]
    counts, _ = np.histogram(values, bins=[0, 0.25, 0.5, 0.75, 1.0])
    assert binning.counts(values).tolist() == counts.tolist()
    with pytest.raises(ValueError):
        binning.index([1.0])
    with pytest.raises(ValueError):
        Binning(0.0, 1.0, 0.3)


def test_binned_mean_and_spread():
    mean, spread = binned_mean_and_spread([1, 0, 3], [0.5, 1.5, 2.5])
    values = [0.5, 2.5, 2.5, 2.5]
    assert mean == pytest.approx(statistics.fmean(values))
    assert spread == pytest.approx(statistics.pstdev(values))
    with pytest.raises(ValueError):
        binned_mean_and_spread([0, 0], [1.0, 2.0])


def test_normal_pdf_matches_scipy():
    xs = np.linspace(-3, 5, 17)
    np.testing.assert_allclose(normal_pdf(xs, 1.0, 0.5), scipy.stats.norm(1.0, 0.5).pdf(xs))
    with pytest.raises(ValueError):
        normal_pdf(xs, 0.0, 0.0)
