"""Loss functions, line fits and Jensen's gap against written-out formulas and numpy."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mathviz.maths.losses import (
    Polynomial,
    absolute,
    binary_cross_entropy,
    chord_point,
    huber,
    huber_loss,
    jensen_gap,
    least_squares_line,
    mae,
    mean_binary_cross_entropy,
    mse,
    squared,
)


def test_mse_and_mae_by_hand():
    y, yhat = [3, 5, 7], [2.5, 5, 8]
    assert mse(y, yhat) == pytest.approx((0.25 + 0 + 1) / 3)
    assert mae(y, yhat) == pytest.approx((0.5 + 0 + 1) / 3)
    np.testing.assert_allclose(squared([-2, 3]), [4, 9])
    np.testing.assert_allclose(absolute([-2, 3]), [2, 3])


def test_losses_reject_mismatched_or_empty_inputs():
    with pytest.raises(ValueError):
        mse([1, 2], [1])
    with pytest.raises(ValueError):
        mae([], [])


def test_least_squares_line_matches_numpy_lstsq():
    x = np.array([0.0, 1.0, 2.0, 4.0])
    y = np.array([1.0, 2.5, 2.9, 5.2])
    fit = least_squares_line(x, y)
    A = np.column_stack([x, np.ones_like(x)])
    (m, c), *_ = np.linalg.lstsq(A, y, rcond=None)
    assert fit.slope == pytest.approx(m) and fit.intercept == pytest.approx(c)
    assert fit.residuals.sum() == pytest.approx(0.0, abs=1e-12)  # normal equation
    with pytest.raises(ValueError):
        least_squares_line([2, 2, 2], [1, 2, 3])
    with pytest.raises(ValueError):
        least_squares_line([1], [1])


@pytest.mark.parametrize(("r", "expected"), [(0.5, 0.125), (-1.0, 0.5), (2.0, 1.5), (-3.0, 2.5)])
def test_huber_quadratic_inside_linear_outside(r, expected):
    assert float(huber(r, 1.0)) == pytest.approx(expected)


def test_huber_is_continuous_at_delta_and_checks_delta():
    d = 2.0
    assert float(huber(d - 1e-9, d)) == pytest.approx(float(huber(d + 1e-9, d)), abs=1e-8)
    assert huber_loss([0, 0], [0.5, 3.0]) == pytest.approx((0.125 + 2.5) / 2)
    with pytest.raises(ValueError):
        huber(1.0, 0.0)


def test_binary_cross_entropy_by_hand():
    assert float(binary_cross_entropy(1, 0.9)) == pytest.approx(-math.log(0.9))
    assert float(binary_cross_entropy(0, 0.9)) == pytest.approx(-math.log(0.1))
    assert mean_binary_cross_entropy([1, 0], [0.5, 0.5]) == pytest.approx(math.log(2))
    with pytest.raises(ValueError):
        binary_cross_entropy(1, 0.0)
    with pytest.raises(ValueError):
        binary_cross_entropy(2, 0.5)


def test_jensen_gap_of_a_parabola_is_t_one_minus_t_times_distance_squared():
    a, b = -1.0, 2.0
    for t in (0.0, 0.25, 0.5, 0.9, 1.0):
        # for x²: t a² + (1−t) b² − (t a + (1−t) b)² = t(1−t)(a − b)²
        assert jensen_gap(lambda x: x * x, a, b, t) == pytest.approx(t * (1 - t) * (a - b) ** 2)
    assert chord_point(a, b, 1.0) == a and chord_point(a, b, 0.0) == b
    with pytest.raises(ValueError):
        chord_point(a, b, 1.5)


def test_concave_function_has_negative_gap():
    assert jensen_gap(lambda x: -x * x, 0.0, 1.0, 0.5) < 0


def test_polynomial_minima_and_gradient():
    f = Polynomial((1.0, 0.0, -3.0, 1.0, 0.0))  # x⁴ − 3x² + x
    assert f(2.0) == pytest.approx(16 - 12 + 2)
    assert f.gradient([1.0])[0] == pytest.approx(4 - 6 + 1)
    minima = f.local_minima()
    assert len(minima) == 2
    for m in minima:
        assert 4 * m**3 - 6 * m + 1 == pytest.approx(0.0, abs=1e-9)
        assert 12 * m**2 - 6 > 0
