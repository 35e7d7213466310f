"""2.3 Polynomials: every value the lecture shows, recomputed here with sympy (the cubic's
roots and values), numpy.polyfit (the fits) and the seeded generator replayed by hand (the
data); the scene read the roots from its dots, the errors from its drawn residual segments
and the readouts' typeset digits."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import sympy as sp

x_sym = sp.symbols("x")
CUBIC = x_sym**3 - 6 * x_sym**2 + 11 * x_sym - 6


def data() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The lecture's recipe, replayed draw by draw: ten x's, one per unit cell of [0, 10],
    jittered by up to 0.3; sin(2πx/10) plus N(0, 0.25) noise; then nine fresh points at
    x = 1 … 9 from the same source."""
    rng = np.random.default_rng(14)
    x = np.arange(10) + 0.5 + rng.uniform(-0.3, 0.3, 10)
    y = np.sin(2 * np.pi * x / 10) + rng.normal(0.0, 0.25, 10)
    fresh_x = np.arange(1.0, 10.0)
    fresh_y = np.sin(2 * np.pi * fresh_x / 10) + rng.normal(0.0, 0.25, 9)
    return x, y, fresh_x, fresh_y


def polyfit_mse(degree: int, on: tuple[np.ndarray, np.ndarray] | None = None) -> float:
    x, y, _, _ = data()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", np.exceptions.RankWarning)
        w = np.polyfit(x, y, degree)
    ex, ey = on if on is not None else (x, y)
    return float(np.mean((np.polyval(w, ex) - ey) ** 2))


@pytest.fixture(scope="module")
def values(shown):
    return shown("2.3")


def test_roots_read_from_the_dots(values):
    roots = sorted(float(r) for r in sp.solve(CUBIC, x_sym))
    assert roots == [1.0, 2.0, 3.0]
    np.testing.assert_allclose(values["roots_from_dots"], roots, atol=1e-9)
    assert values["root_readouts"] == roots
    # the drawn curve passes through every dot: the factored form is zero there
    factored = sp.expand((x_sym - 1) * (x_sym - 2) * (x_sym - 3))
    assert sp.simplify(factored - CUBIC) == 0
    np.testing.assert_allclose(values["curve_height_at_root_dots"], [0.0] * 3, atol=1e-9)


def test_the_cubic_at_marked_points(values):
    np.testing.assert_allclose(
        values["intercept_dot"], [0.0, float(CUBIC.subs(x_sym, 0))], atol=1e-9
    )
    assert values["p(0)_readout"] == float(CUBIC.subs(x_sym, 0)) == -6.0
    assert values["cubic_at_4"] == pytest.approx(float(CUBIC.subs(x_sym, 4)), abs=1e-9)
    at = sp.Rational(17, 5)
    exact = CUBIC.subs(x_sym, at)  # 168/125
    assert exact == sp.Rational(168, 125)
    np.testing.assert_allclose(values["slide_dot"], [3.4, float(exact)], atol=1e-9)
    assert values["slide_x_readout"] == 3.4
    assert values["slide_p_readout"] == pytest.approx(float(exact), abs=0.005)
    # p is odd about its middle root: p(2 + t) = t³ − t, so p(0.6) = −p(3.4)
    t = sp.symbols("t")
    assert sp.expand(CUBIC.subs(x_sym, 2 + t) - (t**3 - t)) == 0


def test_the_data_points_as_drawn(values):
    x, y, _, _ = data()
    assert values["points_drawn"] == 10
    np.testing.assert_allclose(values["points_shown"], np.column_stack([x, y]).ravel(), atol=1e-9)


@pytest.mark.parametrize("degree", [1, 3, 9])
def test_training_errors_as_typeset(values, degree):
    expected = polyfit_mse(degree)
    assert values[f"degree_readout_{degree}"] == degree
    assert values[f"training_error_degree_{degree}"] == pytest.approx(expected, abs=5e-4)
    assert values[f"residual_sum_of_squares_degree_{degree}"] == pytest.approx(
        10 * expected, abs=1e-6
    )


def test_errors_fall_with_the_degree_and_vanish_at_nine(values):
    shown = [values[f"training_error_degree_{d}"] for d in (1, 3, 9)]
    assert shown == [0.261, 0.096, 0.0]
    # ten coefficients, ten distinct x: the Vandermonde matrix is square and invertible,
    # so degree nine interpolates and the drawn curve meets every dot
    x, y, _, _ = data()
    w = np.linalg.solve(np.vander(x, 10), y)
    np.testing.assert_allclose(np.vander(x, 10) @ w, y, atol=1e-8)
    assert values["degree_9_max_distance_to_points"] == pytest.approx(0.0, abs=1e-6)


def test_new_data_errors(values):
    _, _, fresh_x, fresh_y = data()
    nine = polyfit_mse(9, (fresh_x, fresh_y))
    three = polyfit_mse(3, (fresh_x, fresh_y))
    assert values["fresh_error_degree_9"] == pytest.approx(nine, abs=5e-4)
    assert values["fresh_error_degree_3"] == pytest.approx(three, abs=5e-4)
    assert values["training_error_back_at_degree_3"] == pytest.approx(polyfit_mse(3), abs=5e-4)
    # the lesson: the perfect training fit is the worst on new points
    assert values["fresh_error_degree_9"] > 20 * values["fresh_error_degree_3"]


def test_readouts_follow_the_drawing_at_every_sampled_moment(held):
    held(
        "2.3",
        "p(0) readout is the intercept dot's height",
        "x readout is the dot's x",
        "p(x) readout is the cubic at the dot's x",
        "training error readout is the mean square of the drawn residuals",
        "new-data error readout is the mean square of the drawn fresh residuals",
        source="printed",
    )
    held("2.3", "the intercept dot rides the curve", source="geometry")
