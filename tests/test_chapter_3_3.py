"""3.3 Multivariable Functions: every value the lecture shows, recomputed here with sympy,
fractions and numpy (the scene read heights and curves back through its 3-D axes, and the
digits it typeset)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

X, Y = sp.symbols("x y", real=True)
F = 2 * X**2 + Y**2
#: the inputs the probe visits, exactly
MARKS = {
    "A": (Fraction(1), Fraction(1)),
    "B": (Fraction(-1), Fraction(2)),
    "C": (Fraction(1, 2), Fraction(-1)),
}
LEVELS = (1, 2, 3, 4)


def f_exact(x: Fraction, y: Fraction) -> Fraction:
    return 2 * x * x + y * y


@pytest.fixture(scope="module")
def values(shown):
    return shown("3.3")


@pytest.mark.parametrize("name", sorted(MARKS))
def test_heights_at_the_marked_inputs(values, name):
    x, y = MARKS[name]
    exact = f_exact(x, y)
    assert float(exact) == float(F.subs({X: sp.Rational(x), Y: sp.Rational(y)}))
    # read back through the 3-D axes: the probe's input and the height of its top dot
    np.testing.assert_allclose(values[f"input_{name}"], [float(x), float(y)], atol=1e-6)
    assert values[f"f_at_{name}"] == pytest.approx(float(exact), abs=1e-6)
    # as typeset: the live readout (one decimal) and the row left in the panel
    assert values[f"f_readout_at_{name}"] == round(float(exact), 1)
    assert values[f"row_{name}"] == float(exact)


def test_the_bracketed_heights(values):
    assert [values[f"f_at_{n}"] for n in "ABC"] == pytest.approx([3.0, 6.0, 1.5], abs=1e-6)
    assert values["f_at_bottom"] == pytest.approx(0.0, abs=1e-6)
    assert values["f_readout_at_bottom"] == 0.0
    # the probe stops where the top of the outer ring meets the y axis: f(0, 2) = 4
    assert values["f_readout_on_ring_4"] == f_exact(Fraction(0), Fraction(2)) == 4


def test_surface_spans_the_heights_of_its_rectangle(values):
    corners = [2 * x * x + y * y for x in (-1.6, 1.6) for y in (-2.2, 2.2)]
    low, high = values["surface_height_range"]
    assert low == pytest.approx(0.0, abs=1e-6)
    assert high == pytest.approx(max(corners), abs=1e-6)


def test_the_slice_at_height_three(values):
    assert values["slice_height"] == pytest.approx(3.0, abs=1e-6)
    assert values["c_readout"] == 3.0
    # the marked input A lies on that level set
    assert f_exact(*MARKS["A"]) == 3
    assert values["curve_f_error_at_3"] == pytest.approx(0.0, abs=1e-6)


@pytest.mark.parametrize("level", LEVELS)
def test_every_dropped_ring_is_a_level_set_on_the_floor(values, level):
    assert values[f"ring_{level}_f_error"] == pytest.approx(0.0, abs=1e-6)
    assert values[f"ring_{level}_height"] == pytest.approx(0.0, abs=1e-6)
    # and its label, as typeset on the map
    assert values[f"label_{level}"] == level


def test_the_map_has_one_ring_per_level(values):
    assert values["rings_on_the_floor"] == len(LEVELS)


def test_rings_are_tighter_along_x_than_along_y(values):
    # the outer ring 2x² + y² = 4 meets the axes at x = ±√2 and y = ±2
    half_width = sp.solve(sp.Eq(F.subs(Y, 0), 4), X)
    half_height = sp.solve(sp.Eq(F.subs(X, 0), 4), Y)
    assert max(half_width) == sp.sqrt(2)
    assert max(half_height) == 2
    assert values["ring_4_half_width"] == pytest.approx(float(sp.sqrt(2)), abs=1e-6)
    assert values["ring_4_half_height"] == pytest.approx(2.0, abs=1e-6)
    assert values["ring_4_half_width"] < values["ring_4_half_height"]


def test_readouts_and_curves_hold_at_every_sampled_moment(held):
    held(
        "3.3",
        "f readout equals the probe's height",
        "f readout is f at the probe's input",
        "x readout equals the probe's x",
        "y readout equals the probe's y",
        "c readout equals the plane's height",
        "f readout is f at the probe's input on the map",
        "f readout equals the probe's height on the map",
        source="printed",
    )
    held("3.3", "the drawn curve lies on f = plane height", source="derived")
