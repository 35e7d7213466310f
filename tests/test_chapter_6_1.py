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
    assert values[f"slope_readout_{name}"] == pytest.approx(bracketed, abs=5e-5)
    np.testing.assert_allclose(
        values[f"second_point_{name}"], [float(1 + h), float((1 + h) ** 2)], atol=1e-6
    )
    # h is read off the drawn run leg, and printed with two decimals
    assert values[f"run_leg_{name}"] == pytest.approx(float(h), abs=1e-9)
    assert values[f"h_readout_{name}"] == round(float(h), 2)


def test_slopes_shrink_towards_the_tangent_slope(values):
    gaps = [values[f"secant_slope_h={h}"] - 2 for h in ("1", "0.1", "0.01")]
    assert gaps == pytest.approx([1.0, 0.1, 0.01], abs=1e-6)


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
