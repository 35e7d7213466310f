"""mathviz.maths.calculus against sympy (exact limits and derivatives) and hand formulas."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
import sympy as sp

from mathviz.maths.calculus import (
    CUBE,
    CUBIC_WELL,
    SIN_OF_SQUARE,
    SINE,
    SQUARE,
    DifferentiableFunction,
    central_difference,
    chain_rule,
    classify_critical_point,
    compose,
    critical_points,
    secant_slope,
    secant_slopes,
    sin_over_x,
    square_secant_slope,
    tangent_line,
)

x = sp.symbols("x", real=True)


@pytest.mark.parametrize(
    ("h", "exact"),
    [(1, Fraction(3)), (Fraction(1, 10), Fraction(21, 10)), (Fraction(1, 100), Fraction(201, 100))],
)
def test_secant_slopes_of_x_squared_at_1(h, exact):
    # exact rational arithmetic: ((1+h)^2 - 1)/h
    assert ((1 + h) ** 2 - 1) / h == exact
    assert secant_slope(lambda t: t * t, 1.0, float(h)) == pytest.approx(float(exact), abs=1e-12)
    assert square_secant_slope(1.0, float(h)) == pytest.approx(float(exact), abs=1e-15)


def test_secant_slopes_tend_to_the_sympy_limit():
    h = sp.symbols("h")
    limit = sp.limit(((1 + h) ** 2 - 1) / h, h, 0)
    assert limit == 2
    slopes = secant_slopes(SQUARE, 1.0, [1.0, 0.1, 0.01, 0.001])
    gaps = [abs(s - float(limit)) for s in slopes]
    assert gaps == sorted(gaps, reverse=True)
    assert gaps[-1] < 2e-3


def test_secant_with_zero_h_is_an_error():
    with pytest.raises(ValueError, match="non-zero"):
        secant_slope(SQUARE, 1.0, 0.0)


def test_sin_over_x_and_its_limit():
    assert sp.limit(sp.sin(x) / x, x, 0) == 1
    for t in (1.0, 0.5, 0.1, -0.2):
        assert sin_over_x(t) == pytest.approx(float(sp.sin(t) / t), abs=1e-14)
    with pytest.raises(ValueError, match="undefined"):
        sin_over_x(0.0)


@pytest.mark.parametrize(
    ("fn", "expr"),
    [(SQUARE, x**2), (CUBE, x**3), (CUBIC_WELL, x**3 / 3 - x), (SIN_OF_SQUARE, sp.sin(x**2))],
)
@pytest.mark.parametrize("t", [-1.7, -0.4, 0.0, 0.8, 1.3])
def test_closed_form_derivatives_match_sympy(fn, expr, t):
    assert fn(t) == pytest.approx(float(expr.subs(x, t)), abs=1e-12)
    assert fn.derivative(t) == pytest.approx(float(sp.diff(expr, x).subs(x, t)), abs=1e-12)
    assert central_difference(fn, t) == pytest.approx(fn.derivative(t), abs=1e-7)


def test_central_difference_needs_positive_step():
    with pytest.raises(ValueError):
        central_difference(SQUARE, 1.0, 0.0)


def test_tangent_line_of_the_square_at_1():
    m, b = tangent_line(SQUARE, 1.0)
    assert (m, b) == (2.0, -1.0)  # y = 2x - 1 touches x^2 at (1, 1)


def test_critical_points_match_sympy_solve():
    exact = sorted(float(r) for r in sp.solve(sp.diff(x**3 / 3 - x, x), x))
    found = critical_points(CUBIC_WELL.derivative, (-2.0, 2.0))
    assert found == pytest.approx(exact, abs=1e-10)
    assert [classify_critical_point(CUBIC_WELL, r) for r in found] == ["maximum", "minimum"]


def test_the_flat_spot_of_x_cubed_is_no_extremum():
    assert critical_points(CUBE.derivative, (-1.5, 1.5), samples=301) == pytest.approx([0.0])
    assert classify_critical_point(CUBE, 0.0) == "neither"
    assert classify_critical_point(SQUARE, 0.0) == "minimum"


def test_critical_points_rejects_empty_interval():
    with pytest.raises(ValueError):
        critical_points(CUBE.derivative, (1.0, 1.0))


def test_chain_rule_pieces_for_sin_of_x_squared():
    inner = DifferentiableFunction("x^2", lambda t: t * t, lambda t: 2 * t)
    step = chain_rule(SINE, inner, 1.0)
    assert step.inner_value == 1.0
    assert step.inner_rate == 2.0
    assert step.outer_rate == pytest.approx(math.cos(1.0))
    exact = sp.diff(sp.sin(x**2), x).subs(x, 1)
    assert sp.simplify(exact - 2 * sp.cos(1)) == 0
    assert step.rate == pytest.approx(float(exact), abs=1e-14)
    composed = compose(SINE, inner)
    assert composed(0.7) == pytest.approx(math.sin(0.49))
    assert composed.derivative(0.7) == pytest.approx(SIN_OF_SQUARE.derivative(0.7), abs=1e-14)
