"""The common function types and their sampled graphs, against scipy, math and fractions."""

from __future__ import annotations

import math
import warnings
from fractions import Fraction

import numpy as np
import pytest
from scipy.special import expit

from mathviz.maths import activations as act

X_RANGE, Y_RANGE = (-4.0, 4.0), (-1.5, 3.0)
PINS = (-2.0, 0.0, 1.0)
XS = np.linspace(-6.0, 6.0, 241)


def test_the_six_functions():
    for x in XS:
        assert act.linear(x) == pytest.approx(float(Fraction(1, 2) * Fraction(x) + 1))
        assert act.quadratic(x) == pytest.approx(float(Fraction(x) ** 2 / 4))
        assert act.exponential(x) == pytest.approx(math.exp(x))
        assert act.relu(x) == max(0.0, x)
    np.testing.assert_allclose(act.sigmoid(XS), expit(XS), rtol=1e-15, atol=1e-16)
    np.testing.assert_allclose(act.tanh(XS), [math.tanh(x) for x in XS], atol=1e-15)


def test_the_sigmoid_never_overflows():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = act.sigmoid(np.array([-1000.0, -50.0, 0.0, 50.0, 1000.0]))
    np.testing.assert_allclose(values, expit([-1000.0, -50.0, 0.0, 50.0, 1000.0]))
    assert values[2] == 0.5


def test_tanh_is_a_stretched_shifted_sigmoid():
    np.testing.assert_allclose(act.scaled_sigmoid(2, 2, -1)(XS), np.tanh(XS), atol=1e-15)
    np.testing.assert_allclose(act.scaled_sigmoid()(XS), expit(XS), atol=1e-16)
    np.testing.assert_allclose(act.scaled_sigmoid(1, 2, 0)(XS), expit(2 * XS), atol=1e-16)


def test_window_domains():
    assert act.window_domain(act.linear, X_RANGE, Y_RANGE) == (-4.0, 4.0)
    a, b = act.window_domain(act.quadratic, X_RANGE, Y_RANGE)
    assert (a, b) == pytest.approx((-math.sqrt(12), math.sqrt(12)), abs=1e-12)
    a, b = act.window_domain(act.exponential, X_RANGE, Y_RANGE)
    assert (a, b) == pytest.approx((-4.0, math.log(3)), abs=1e-12)
    assert act.window_domain(act.relu, X_RANGE, Y_RANGE) == pytest.approx((-4.0, 3.0), abs=1e-12)
    with pytest.raises(ValueError, match="never enters"):
        act.window_domain(lambda x: np.asarray(x) + 100, X_RANGE, Y_RANGE)
    with pytest.raises(ValueError, match="comes back"):
        act.window_domain(lambda x: 4 * np.cos(np.asarray(x)), X_RANGE, Y_RANGE)


def test_pinned_grids_hold_every_pin_exactly():
    for domain in ((-4.0, 4.0), (-math.sqrt(12), math.sqrt(12)), (-4.0, math.log(3))):
        xs = act.pinned_grid(domain, PINS, X_RANGE, 161)
        assert len(xs) == 161
        assert xs[0] == domain[0] and xs[-1] == domain[1]
        assert np.all(np.diff(xs) > 0)
        # the pins sit at the same indices as on the uniform reference grid of step 0.05
        for p in PINS:
            assert xs[round((p + 4) / 0.05)] == p
    with pytest.raises(ValueError, match="inside the domain"):
        act.pinned_grid((-1.0, 4.0), PINS, X_RANGE, 161)
    with pytest.raises(ValueError, match="reference grid"):
        act.pinned_grid((-4.0, 4.0), (0.01,), X_RANGE, 161)


def test_a_blend_keeps_pinned_inputs_and_mixes_their_heights():
    e = act.sample(
        act.exponential, act.window_domain(act.exponential, X_RANGE, Y_RANGE), PINS, X_RANGE, 161
    )
    s = act.sample(act.sigmoid, X_RANGE, PINS, X_RANGE, 161)
    for t in (0.0, 0.25, 0.5, 1.0):
        mid = act.blend(e, s, t)
        assert np.all(np.diff(mid.xs) > 0)
        for p in PINS:
            k = mid.index_of(p)
            assert mid.xs[k] == p
            assert mid.ys[k] == pytest.approx((1 - t) * math.exp(p) + t * expit(p), abs=1e-15)
    with pytest.raises(ValueError, match="same number"):
        act.blend(e, act.sample(act.sigmoid, X_RANGE, PINS, X_RANGE, 81), 0.5)


def test_polyline_read_backs():
    g = act.sample(act.relu, (-4.0, 3.0), PINS, X_RANGE, 161)
    assert act.height_at(g.points, -2.0) == 0.0
    assert act.height_at(g.points, 1.0) == 1.0
    assert act.height_at(g.points, 0.5) == pytest.approx(0.5)
    assert act.slope_beside(g.points, 0.0, -1) == 0.0
    assert act.slope_beside(g.points, 0.0, 1) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="outside"):
        act.height_at(g.points, 3.5)


def test_sampled_graphs_are_checked():
    with pytest.raises(ValueError, match="increase"):
        act.SampledGraph(np.array([0.0, 0.0]), np.array([1.0, 2.0]))
    with pytest.raises(ValueError, match="equal-length"):
        act.SampledGraph(np.array([0.0, 1.0]), np.array([1.0]))
    g = act.SampledGraph(np.array([0.0, 1.0]), np.array([1.0, 2.0]))
    with pytest.raises(ValueError, match="not a sample"):
        g.index_of(0.5)
