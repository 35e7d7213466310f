"""Riemann sums, signed areas and accumulated areas against sympy, written-out sums and
scipy quadrature."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from scipy import integrate

from mathviz.maths.integrals import (
    accumulated_area,
    polygon_area,
    region_outline,
    riemann_sum,
    signed_area,
)


@pytest.mark.parametrize("n", [1, 4, 8, 16, 64])
def test_midpoint_sum_of_sin_equals_the_written_out_sum(n):
    h = math.pi / n
    written = sum(math.sin((k + 0.5) * h) * h for k in range(n))
    assert riemann_sum(np.sin, 0, math.pi, n, "mid").total == pytest.approx(written, abs=1e-12)


def test_left_and_right_sums_of_a_line_are_exact_formulas():
    # f(x) = x on [0, 1]: left sum (n-1)/(2n), right sum (n+1)/(2n)
    n = 10
    assert riemann_sum(lambda x: x, 0, 1, n, "left").total == pytest.approx((n - 1) / (2 * n))
    assert riemann_sum(lambda x: x, 0, 1, n, "right").total == pytest.approx((n + 1) / (2 * n))
    assert riemann_sum(lambda x: x, 0, 1, n, "mid").total == pytest.approx(0.5)


def test_sums_converge_to_the_integral():
    x = sp.symbols("x")
    exact = float(sp.integrate(sp.sin(x), (x, 0, sp.pi)))
    errors = [abs(riemann_sum(np.sin, 0, math.pi, n).total - exact) for n in (4, 8, 16, 64)]
    assert errors == sorted(errors, reverse=True)
    assert errors[-1] < 3e-4


def test_constant_function_broadcasts():
    rs = riemann_sum(lambda x: 3.0, 0, 2, 5)
    np.testing.assert_allclose(rs.heights, 3.0)
    assert rs.total == pytest.approx(6.0)
    np.testing.assert_allclose(rs.widths, 0.4)


@pytest.mark.parametrize(
    ("args", "match"),
    [
        ((0, 1, 0, "mid"), "at least one"),
        ((1, 1, 4, "mid"), "a < b"),
        ((0, 1, 4, "trapezoid"), "unknown rule"),
    ],
)
def test_bad_arguments(args, match):
    with pytest.raises(ValueError, match=match):
        riemann_sum(np.sin, *args)


def test_signed_area_splits_sin_over_two_pi():
    parts = signed_area(np.sin, 0, 2 * math.pi, breakpoints=[math.pi])
    assert parts.positive == pytest.approx(2.0, abs=1e-10)
    assert parts.negative == pytest.approx(-2.0, abs=1e-10)
    assert parts.total == pytest.approx(integrate.quad(np.sin, 0, 2 * math.pi)[0], abs=1e-10)
    with pytest.raises(ValueError):
        signed_area(np.sin, 1, 0)


def test_accumulated_area_is_one_minus_cosine():
    xs = np.array([0.0, 0.5, 1.0, math.pi, 4.0, 2 * math.pi])
    np.testing.assert_allclose(accumulated_area(np.sin, 0, xs), 1 - np.cos(xs), atol=1e-10)


def test_region_outline_area_is_the_signed_part():
    pos = polygon_area(region_outline(np.sin, 0, 2 * math.pi, "positive", 2001))
    neg = polygon_area(region_outline(np.sin, 0, 2 * math.pi, "negative", 2001))
    assert pos == pytest.approx(2.0, abs=1e-5)
    assert neg == pytest.approx(-2.0, abs=1e-5)
    with pytest.raises(ValueError):
        region_outline(np.sin, 0, 1, "sideways")
    with pytest.raises(ValueError):
        region_outline(np.sin, 0, 1, "positive", samples=1)


def test_polygon_area_orientation():
    square = [(0, 0), (2, 0), (2, 2), (0, 2)]
    assert polygon_area(square) == 4.0
    assert polygon_area(square[::-1]) == -4.0
