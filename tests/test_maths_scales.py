"""Blended linear/log scales and normalisation, against exact fractions, sympy logarithms,
scipy's root finder and the statistics module."""

from __future__ import annotations

import itertools
import math
import statistics
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from scipy.optimize import brentq

from mathviz.maths.scales import (
    BlendedScale,
    ShiftScale,
    decades,
    linear_ticks,
    min_max,
    min_max_constants,
    minor_log_ticks,
    population_std,
    z_constants,
    z_scores,
)

SCALE = BlendedScale(linear=(0.0, 1.0), log=(1e-5, 1.0))
RATES = [10.0**k for k in range(-5, 1)]
BLENDS = [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0]
#: the recommender's ratings of Alien, by user (Ana, Ben, Chloé, Dev, Eve, Femi)
ALIEN = [5, 4, 1, 2, 5, 3]


def test_the_two_ends_of_the_blend_are_the_plain_axes():
    # linear: a value's share of [0, 1] is itself
    assert SCALE.fraction(RATES, 0.0).tolist() == RATES
    # log: 10^k sits (k + 5) / 5 of the way along [10^-5, 1], from sympy's exact logarithm
    exact = [float((sp.log(sp.Integer(10) ** k, 10) + 5) / 5) for k in range(-5, 1)]
    np.testing.assert_allclose(SCALE.fraction(RATES, 1.0), exact, atol=1e-15)
    assert [Fraction(k + 5, 5) for k in range(-5, 1)] == [
        Fraction(x).limit_denominator(10) for x in exact
    ]


@pytest.mark.parametrize("s", BLENDS)
def test_every_blend_is_the_weighted_mean_of_the_two_positions(s):
    values = np.geomspace(1e-6, 3.0, 37)
    linear = values / 1.0
    log = (np.log10(values) + 5) / 5
    np.testing.assert_allclose(SCALE.fraction(values, s), (1 - s) * linear + s * log, atol=1e-14)


@pytest.mark.parametrize("s", BLENDS)
def test_values_never_change_order_while_the_axis_morphs(s):
    values = np.sort(np.random.default_rng(7).uniform(1e-6, 1.0, 200))
    assert np.all(np.diff(SCALE.fraction(values, s)) > 0)


@pytest.mark.parametrize("s", BLENDS)
def test_value_at_inverts_the_blend(s):
    values = np.geomspace(2e-6, 2.0, 25)
    back = SCALE.value_at(SCALE.fraction(values, s), s)
    np.testing.assert_allclose(back, values, rtol=1e-12)


@pytest.mark.parametrize("s", [0.2, 0.5, 0.8])
def test_value_at_agrees_with_a_root_finder(s):
    def blended(log_v: float, target: float) -> float:
        v = 10.0**log_v
        return (1 - s) * v + s * (log_v + 5) / 5 - target

    for target in (-0.05, 0.0, 0.13, 0.5, 0.97, 1.2):
        root = brentq(blended, -60, 3, args=(target,), xtol=1e-15)
        assert SCALE.value_at([target], s)[0] == pytest.approx(10.0**root, rel=1e-12)


def test_every_decade_is_equally_wide_on_the_log_axis():
    widths = np.diff(SCALE.fraction(RATES, 1.0))
    np.testing.assert_allclose(widths, [SCALE.decade_width()] * 5, atol=1e-15)
    assert SCALE.decade_width() == pytest.approx(1 / 5)
    # and wildly unequal on the linear axis: each nine times the one before
    linear = np.diff(SCALE.fraction(RATES, 0.0))
    np.testing.assert_allclose(linear[1:] / linear[:-1], 10.0)


def test_a_factor_of_ten_is_one_fixed_distance_on_the_log_axis_anywhere():
    for a in np.geomspace(1e-5, 0.1, 13):
        f = SCALE.fraction([a, 10 * a], 1.0)
        assert f[1] - f[0] == pytest.approx(0.2, abs=1e-12)


def test_ticks():
    assert decades(1e-5, 1.0) == (1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0)
    minor = minor_log_ticks(1e-5, 1.0)
    assert len(minor) == 40
    expected = [m * 10.0**k for k in range(-5, 0) for m in range(2, 10)]
    np.testing.assert_allclose(minor, expected, rtol=1e-12)
    assert linear_ticks(0.0, 1.0, 0.2) == (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
    assert linear_ticks(0.0, 0.3, 0.1)[-1] == 0.3  # not 0.30000000000000004
    with pytest.raises(ValueError):
        linear_ticks(0.0, 1.0, 0.3)
    with pytest.raises(ValueError):
        decades(2e-5, 1.0)


def test_bad_domains_and_blends_are_refused():
    with pytest.raises(ValueError):
        BlendedScale(linear=(1.0, 0.0))
    with pytest.raises(ValueError):
        BlendedScale(log=(0.0, 1.0))
    with pytest.raises(ValueError):
        SCALE.fraction([0.5], 1.5)
    with pytest.raises(ValueError):
        SCALE.fraction([0.0], 0.5)  # zero has no place once the axis is part log
    assert SCALE.fraction([0.0], 0.0)[0] == 0.0


# --- normalisation ----------------------------------------------------------------------------
def test_min_max_in_exact_arithmetic():
    low, high = min(ALIEN), max(ALIEN)
    exact = [Fraction(r - low, high - low) for r in ALIEN]
    assert min_max(ALIEN).tolist() == [float(f) for f in exact]
    move = min_max_constants(ALIEN)
    assert (move.shift, move.scale) == (1.0, 4.0)
    assert min(min_max(ALIEN)) == 0.0 and max(min_max(ALIEN)) == 1.0


def test_z_scores_use_the_population_standard_deviation_by_default():
    mean = statistics.fmean(ALIEN)
    pstd = statistics.pstdev(ALIEN)
    np.testing.assert_allclose(z_scores(ALIEN), [(r - mean) / pstd for r in ALIEN], atol=1e-15)
    z = z_scores(ALIEN).tolist()
    assert statistics.fmean(z) == pytest.approx(0.0, abs=1e-15)
    assert statistics.pstdev(z) == pytest.approx(1.0, abs=1e-15)
    # the exact constants: mean 10/3, variance 80/6 − (10/3)² = 20/9
    move = z_constants(ALIEN)
    assert move.shift == pytest.approx(float(Fraction(10, 3)))
    assert move.scale**2 == pytest.approx(float(Fraction(20, 9)))
    assert population_std(ALIEN) == pytest.approx(pstd)


def test_the_sample_version_divides_by_n_minus_one():
    sample = z_scores(ALIEN, ddof=1).tolist()
    sd = statistics.stdev(ALIEN)
    mean = statistics.fmean(ALIEN)
    np.testing.assert_allclose(sample, [(r - mean) / sd for r in ALIEN], atol=1e-15)
    assert statistics.stdev(sample) == pytest.approx(1.0)
    assert statistics.pstdev(sample) == pytest.approx(math.sqrt(5 / 6))


def test_shift_then_scale_passes_through_the_shifted_values():
    move = ShiftScale(shift=3.0, scale=2.0)
    values = np.array([1.0, 4.0, 9.0])
    np.testing.assert_allclose(move.partway(values, 0.0, 0.0), values)
    np.testing.assert_allclose(move.partway(values, 1.0, 0.0), values - 3.0)
    np.testing.assert_allclose(move.partway(values, 1.0, 1.0), (values - 3.0) / 2.0)
    np.testing.assert_allclose(move.partway(values, 1.0, 1.0), move.apply(values))
    # while it scales, a z-score's mean stays 0 and its spread falls from σ to 1
    z = z_constants(ALIEN)
    for t in np.linspace(0, 1, 11):
        now = z.partway(ALIEN, 1.0, float(t))
        assert statistics.fmean(now.tolist()) == pytest.approx(0.0, abs=1e-12)
    spreads = [
        statistics.pstdev(z.partway(ALIEN, 1.0, float(t)).tolist()) for t in np.linspace(0, 1, 11)
    ]
    assert all(a > b for a, b in itertools.pairwise(spreads))
    assert spreads[0] == pytest.approx(z.scale) and spreads[-1] == pytest.approx(1.0)


def test_degenerate_columns_are_refused():
    with pytest.raises(ValueError):
        min_max([3, 3, 3])
    with pytest.raises(ValueError):
        z_scores([2, 2])
    with pytest.raises(ValueError):
        z_scores([2], ddof=1)
    with pytest.raises(ValueError):
        ShiftScale(0.0, 0.0)
