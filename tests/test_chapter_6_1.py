"""6.1 Limits: every checkpoint recomputed here independently (fractions, sympy, math)."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp


@pytest.fixture(scope="module")
def values(shown):
    return shown("6.1")


@pytest.mark.parametrize(
    ("h", "bracketed"), [(Fraction(1), 3.0), (Fraction(1, 10), 2.1), (Fraction(1, 100), 2.01)]
)
def test_secant_slopes_of_x_squared_at_1(values, h, bracketed):
    name = f"h={float(h):g}"
    exact = ((1 + h) ** 2 - 1) / h  # rise over run, exact
    assert float(exact) == pytest.approx(bracketed, abs=1e-12)
    assert values[f"secant_slope_{name}"] == pytest.approx(float(exact), abs=1e-6)
    # printed with the two decimals the narration uses (3.00, 2.10, 2.01)
    assert values[f"slope_readout_{name}"] == round(float(exact), 2)
    np.testing.assert_allclose(
        values[f"second_point_{name}"], [float(1 + h), float((1 + h) ** 2)], atol=1e-6
    )
    # h is read off the drawn run leg, and printed with two decimals
    assert values[f"run_leg_{name}"] == pytest.approx(float(h), abs=1e-9)
    assert values[f"h_readout_{name}"] == round(float(h), 2)


def test_slopes_shrink_towards_the_tangent_slope(values):
    gaps = [values[f"secant_slope_h={h}"] - 2 for h in ("1", "0.1", "0.01")]
    assert gaps == pytest.approx([1.0, 0.1, 0.01], abs=1e-6)


@pytest.mark.parametrize(("h", "name"), [(Fraction(1), "1"), (Fraction(1, 10), "0.1")])
def test_ghosts_keep_the_old_secants(values, h, name):
    """Each secant left behind as a ghost keeps the slope it had at its h."""
    assert values[f"ghost_slope_h={name}"] == pytest.approx(float(((1 + h) ** 2 - 1) / h), abs=1e-6)


def test_the_zoom_tells_h_001_apart_from_the_tangent(values):
    """Magnified, the two points are apart: run 0.01, rise 0.0201, slope 2.01 (not 2)."""
    h = Fraction(1, 100)
    rise = (1 + h) ** 2 - 1
    np.testing.assert_allclose(values["zoom_anchor"], [1.0, 1.0], atol=1e-6)
    np.testing.assert_allclose(
        values["zoom_second_point_h=0.01"], [float(1 + h), float((1 + h) ** 2)], atol=1e-6
    )
    assert values["zoom_secant_slope_h=0.01"] == pytest.approx(float(rise / h), abs=1e-6)
    assert values["zoom_run_readout"] == round(float(h), 2)
    assert values["zoom_rise_readout"] == round(float(rise), 4)
    # the zoomed secant and the zoomed tangent differ by h in slope
    x = sp.symbols("x")
    tangent = float(sp.diff(x**2, x).subs(x, 1))
    assert values["zoom_tangent_slope"] == pytest.approx(tangent, abs=1e-6)
    assert values["zoom_secant_slope_h=0.01"] - values["zoom_tangent_slope"] == pytest.approx(
        0.01, abs=1e-6
    )


def test_zooming_again_shows_the_tangent_h_squared_below(values):
    """A hundred times closer again, at the second point: the drawn gap between the secant's
    point and the tangent under it is h² = 0.0001, shown with four decimals."""
    h = Fraction(1, 100)
    second = (1 + h, (1 + h) ** 2)
    tangent_there = 1 + 2 * h  # the tangent y = 1 + 2(x − 1) at x = 1 + h
    np.testing.assert_allclose(
        values["closer_second_point_h=0.01"], [float(c) for c in second], atol=1e-9
    )
    assert values["closer_secant_slope_h=0.01"] == pytest.approx(2.01, abs=1e-6)
    assert values["closer_tangent_slope"] == pytest.approx(2.0, abs=1e-6)
    assert second[1] - tangent_there == h**2
    assert values["closer_gap"] == pytest.approx(float(h**2), abs=1e-9)
    assert values["closer_gap_readout"] == round(float(h**2), 4)


def test_tangent_slope_is_the_limit(values):
    h = sp.symbols("h")
    assert sp.limit(((1 + h) ** 2 - 1) / h, h, 0) == 2
    x = sp.symbols("x")
    assert sp.diff(x**2, x).subs(x, 1) == 2
    assert values["tangent_slope"] == pytest.approx(2.0, abs=1e-6)


@pytest.mark.parametrize("x", [1.0, 0.5, 0.1, 0.02])
def test_sin_x_over_x_read_from_the_dot(values, x):
    y = math.sin(x) / x
    np.testing.assert_allclose(values[f"sinc_dot_x={x:g}"], [x, y], atol=1e-6)
    assert values[f"sinc_readout_x={x:g}"] == pytest.approx(y, abs=5e-6)
    assert values[f"x_readout_x={x:g}"] == round(x, 2)
    # Taylor bound: 1 - x²/6 <= sin(x)/x <= 1, give or take the half unit of 5 decimals
    assert 1 - x * x / 6 - 5e-6 <= values[f"sinc_readout_x={x:g}"] <= 1 + 5e-6


def test_sin_x_over_x_starts_far_and_its_hole_sits_at_the_limit(values):
    np.testing.assert_allclose(values["sinc_at_start"], [3.0, math.sin(3.0) / 3.0], atol=1e-6)
    assert values["x_readout_at_start"] == 3.0
    assert values["sinc_readout_at_start"] == round(math.sin(3.0) / 3.0, 5)
    x = sp.symbols("x")
    np.testing.assert_allclose(
        values["sinc_hole_height"], [0.0, float(sp.limit(sp.sin(x) / x, x, 0))], atol=1e-6
    )


def test_the_hole_is_approached_from_both_sides(values):
    """The left dot stops at x = −0.02 at the same height as the right one (sin x / x is
    even); the inset shows the right dot at x = 0.02 beside the hole at (0, 1)."""
    y = math.sin(0.02) / 0.02
    np.testing.assert_allclose(values["sinc_left_dot"], [-0.02, math.sin(-0.02) / -0.02], atol=1e-6)
    np.testing.assert_allclose(values["zoom_sinc_dot_x=0.02"], [0.02, y], atol=1e-6)
    x = sp.symbols("x")
    assert sp.limit(sp.sin(x) / x, x, 0, "-") == sp.limit(sp.sin(x) / x, x, 0, "+") == 1
    np.testing.assert_allclose(values["zoom_sinc_hole"], [0.0, 1.0], atol=1e-6)


def test_readouts_follow_the_drawing_at_every_sampled_moment(held):
    """h is the drawn run leg and the slope the drawn secant's while it turns; the sinc
    readouts are the dot's x and sin x / x there while it slides."""
    results = held(
        "6.1",
        "h readout equals the drawn run",
        "slope readout equals the drawn secant's slope",
        "slope readout is the quotient for the drawn h",
        "x readout equals the dot's x",
        "height readout is sin x / x at the dot",
        source="printed",
    )
    # the last moments seen: h = 0.01 and the dot at x = 0.02
    assert results["h readout equals the drawn run"].shown == 0.01
    assert results["height readout is sin x / x at the dot"].shown == round(
        math.sin(0.02) / 0.02, 5
    )
