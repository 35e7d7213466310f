"""The A/B test model against scipy, fractions and plain loops."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from scipy import integrate, stats

from mathviz.maths.hypothesis import (
    TwoProportions,
    click_order,
    clicked,
    histogram,
    normal_density,
    permutation_differences,
    share_at_least,
    tail_outline,
    two_sided_p,
)


def test_two_proportion_z_test_matches_scipy():
    t = TwoProportions(120, 1000, 155, 1000)
    pooled = Fraction(275, 2000)
    se = math.sqrt(pooled * (1 - pooled) * Fraction(2, 1000))
    assert t.pooled == float(pooled)
    assert t.standard_error == pytest.approx(se, rel=1e-12)
    assert t.difference == pytest.approx(0.035, abs=1e-15)
    assert t.difference_points == pytest.approx(3.5, abs=1e-12)
    assert t.z == pytest.approx(0.035 / se, rel=1e-12)
    assert t.p_value == pytest.approx(2 * stats.norm.sf(0.035 / se), rel=1e-10)


@pytest.mark.parametrize("z", [0.0, 0.5, 1.959963984540054, -2.5, 4.0])
def test_two_sided_p_is_both_tails(z):
    assert two_sided_p(z) == pytest.approx(2 * stats.norm.sf(abs(z)), rel=1e-12, abs=1e-15)


def test_invalid_groups_are_refused():
    with pytest.raises(ValueError):
        TwoProportions(1, 0, 1, 10)
    with pytest.raises(ValueError):
        TwoProportions(11, 10, 1, 10)


def test_density_is_scipys_normal():
    xs = np.linspace(-5, 5, 11)
    np.testing.assert_allclose(normal_density(xs, 1.5), stats.norm.pdf(xs, scale=1.5))
    with pytest.raises(ValueError):
        normal_density(xs, 0.0)


def test_tail_outline_area_is_the_tail_probability():
    sd = 1.54
    outline = tail_outline(sd, 3.5, 7.0, samples=400)
    x, y = outline[:, 0], outline[:, 1]
    area = 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))
    exact = integrate.quad(lambda t: stats.norm.pdf(t, scale=sd), 3.5, 7.0)[0]
    assert area == pytest.approx(exact, abs=1e-6)


def test_click_order_keeps_the_same_users_when_clicks_fall():
    order = click_order(1000, np.random.default_rng(3))
    assert sorted(order.tolist()) == list(range(1000))
    many, few = clicked(order, 155), clicked(order, 130)
    assert many.sum() == 155 and few.sum() == 130
    assert not (few & ~many).any()


def test_permutation_replays_with_a_plain_loop():
    t = TwoProportions(3, 10, 6, 10)
    got = permutation_differences(t, 50, np.random.default_rng(1))
    rng = np.random.default_rng(1)
    pool = [1] * 9 + [0] * 11
    want = []
    for _ in range(50):
        dealt = rng.permutation(np.array(pool)).tolist()
        want.append(Fraction(sum(dealt[10:]), 10) - Fraction(sum(dealt[:10]), 10))
    np.testing.assert_allclose(got, [float(w) for w in want], atol=1e-15)


def test_histogram_heights_are_a_density():
    values = [0.1, 0.1, 0.3, -0.5]
    h = histogram(values, [-0.6, -0.4, -0.2, 0.0, 0.2, 0.4], total=8)
    assert h.counts.tolist() == [1, 0, 0, 2, 1]
    assert float(np.sum(h.heights * np.diff(h.edges))) == pytest.approx(4 / 8)


def test_share_at_least_counts_both_sides_and_ties():
    assert share_at_least([0.035, -0.035, 0.01, -0.04], 0.035) == 0.75
    with pytest.raises(ValueError):
        share_at_least([], 1.0)
