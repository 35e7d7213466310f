"""Taylor coefficients and partial sums of sin against sympy; the forward-difference error
curve against a plain float64 loop."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from mathviz.maths.approximation import (
    decade_steps,
    forward_difference_errors,
    sin_taylor,
    sin_taylor_coefficients,
    sin_taylor_error,
    symmetric_range_within,
)


@pytest.mark.parametrize("degree", [0, 1, 3, 5, 7, 9])
def test_coefficients_match_sympy_series(degree):
    x = sp.symbols("x")
    series = sp.series(sp.sin(x), x, 0, degree + 1).removeO()
    expected = [Fraction(str(series.coeff(x, k))) for k in range(degree + 1)]
    assert sin_taylor_coefficients(degree) == expected


def test_partial_sums_at_two_written_out():
    x = 2.0
    assert sin_taylor(x, 1) == pytest.approx(2.0)
    assert sin_taylor(x, 3) == pytest.approx(2 - 8 / 6)
    assert sin_taylor(x, 5) == pytest.approx(2 - 8 / 6 + 32 / 120)
    assert sin_taylor(x, 7) == pytest.approx(2 - 8 / 6 + 32 / 120 - 128 / 5040)
    errors = [sin_taylor_error(x, d) for d in (1, 3, 5, 7)]
    assert errors == sorted(errors, reverse=True)
    assert errors[-1] == pytest.approx(abs(math.sin(2) - (2 - 8 / 6 + 32 / 120 - 128 / 5040)))


def test_partial_sums_vectorise():
    xs = np.linspace(-1, 1, 5)
    np.testing.assert_allclose(sin_taylor(xs, 3), xs - xs**3 / 6)


def test_negative_degree_is_rejected():
    with pytest.raises(ValueError):
        sin_taylor_coefficients(-1)


def test_symmetric_range_keeps_the_polynomial_inside():
    r = symmetric_range_within(1, 2.5, 4.0)
    assert r == pytest.approx(2.5)
    r3 = symmetric_range_within(3, 2.5, 4.0)
    grid = np.linspace(-r3, r3, 401)
    assert np.all(np.abs(grid - grid**3 / 6) <= 2.5 + 1e-12)
    assert symmetric_range_within(7, 2.5, 4.0) == pytest.approx(4.0)


def test_forward_difference_errors_match_a_loop_and_dip_near_1e_8():
    hs = decade_steps(1, 15)
    assert list(hs) == [10.0**-k for k in range(1, 16)] or np.allclose(
        hs, 10.0 ** -np.arange(1, 16)
    )
    curve = forward_difference_errors(np.exp, np.exp, 1.0, hs)
    loop = [abs((math.exp(1 + h) - math.exp(1)) / h - math.exp(1)) for h in hs]
    np.testing.assert_array_equal(curve.errors, loop)
    assert 1e-9 <= curve.best_step <= 1e-7
    assert curve.best_error == min(loop)
    # truncation: error ≈ h/2 · |f''| for large h
    assert curve.errors[0] == pytest.approx(0.1 / 2 * math.e, rel=0.1)


def test_forward_difference_rejects_bad_steps():
    with pytest.raises(ValueError):
        forward_difference_errors(np.sin, np.cos, 1.0, [1e-3, 0.0])
    with pytest.raises(ValueError):
        decade_steps(5, 1)
