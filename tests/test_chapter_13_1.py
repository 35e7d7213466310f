"""13.1 Linear Regression: every checkpoint recomputed here by other routes — numpy's lstsq,
scikit-learn's LinearRegression and mean_squared_error, and a vectorised replay of gradient
descent — from the recommender's ratings."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_squared_error

from mathviz.maths.recommender import MOVIES, ratings

TABLE = ratings()
X = TABLE[:, MOVIES.index("Arrival")]
Y = TABLE[:, MOVIES.index("Alien")]
DESIGN = np.column_stack([X, np.ones_like(X)])


@pytest.fixture(scope="module")
def values(shown):
    return shown("13.1")


def lstsq() -> np.ndarray:
    theta, *_ = np.linalg.lstsq(DESIGN, Y, rcond=None)
    return theta


def sklearn_fit() -> tuple[float, float]:
    model = LinearRegression().fit(X.reshape(-1, 1), Y)
    return float(model.coef_[0]), float(model.intercept_)


def replay(steps: int, lr: float = 0.05) -> np.ndarray:
    theta = np.zeros(2)
    for _ in range(steps):
        theta = theta - lr * (2 / len(Y)) * DESIGN.T @ (DESIGN @ theta - Y)
    return theta


def test_points_are_the_users_ratings(values):
    assert values["points_drawn"] == len(TABLE)
    np.testing.assert_allclose(
        values["points_at_ratings"], np.column_stack([X, Y]).ravel(), atol=1e-6
    )
    np.testing.assert_array_equal(values["design_matrix_entries"], DESIGN.ravel())
    np.testing.assert_array_equal(values["target_entries"], Y)


def test_candidate_lines_and_their_loss(values):
    np.testing.assert_allclose(values["flat_line_residuals"], Y - Y.mean(), atol=1e-6)
    assert values["flat_line_mse"] == round(np.var(Y), 2) == 2.22
    np.testing.assert_allclose(values["tilted_line"], [0.5, 1.5], atol=1e-6)
    assert values["tilted_mse"] == round(mean_squared_error(Y, 0.5 * X + 1.5), 2)


def test_typeset_normal_equations(values):
    np.testing.assert_array_equal(values["gram_entries_typeset"], (DESIGN.T @ DESIGN).ravel())
    np.testing.assert_array_equal(values["moment_entries_typeset"], DESIGN.T @ Y)
    np.testing.assert_array_equal(values["gram_entries_typeset"], [75, 19, 19, 6])
    np.testing.assert_array_equal(values["moment_entries_typeset"], [75, 20])


def test_exact_line_is_the_least_squares_line(values):
    w, b = lstsq()
    np.testing.assert_allclose(sklearn_fit(), [w, b], atol=1e-12)
    np.testing.assert_allclose(values["exact_line_through_axes"], [w, b], atol=1e-6)
    assert values["w_typeset"] == round(w, 2) == 0.79
    assert values["b_typeset"] == round(b, 2) == 0.84
    np.testing.assert_allclose(values["exact_residuals_orthogonal_to_X"], [0, 0], atol=1e-6)
    best = mean_squared_error(Y, w * X + b)
    assert values["min_mse"] == round(best, 2) == 0.69
    np.testing.assert_allclose(values["cross_on_the_map"], [w, b], atol=1e-6)


def test_gradient_descent_lands_on_the_same_line(values):
    assert values["start_mse"] == round(np.mean(Y**2), 2)
    np.testing.assert_allclose(values["dot_after_first_steps"], replay(6), atol=1e-6)
    assert values["k_after_first_steps"] == 6
    final = replay(400)
    assert values["k_final"] == 400
    np.testing.assert_allclose(values["gd_dot_final"], final, atol=1e-6)
    np.testing.assert_allclose(values["gd_line_final"], final, atol=1e-6)
    np.testing.assert_allclose(values["gd_line_final"], lstsq(), atol=1e-3)
    assert values["gd_w_readout"] == round(lstsq()[0], 2)
    assert values["gd_b_readout"] == round(lstsq()[1], 2)
    assert values["gd_mse_readout"] == round(mean_squared_error(Y, DESIGN @ final), 2)
    np.testing.assert_allclose(values["gd_line_on_ghost"], [0, 0], atol=1e-3)


def test_readouts_and_line_follow_the_descent_in_motion(held):
    held(
        "13.1",
        "MSE readout equals the mean squared drawn residual",
        "w readout equals the dot's w",
        "b readout equals the dot's b",
        "MSE readout is the loss at the dot",
        source="printed",
    )
    held(
        "13.1",
        "drawn line's (slope, intercept) is the dot's (w, b)",
        "trail ends at the dot",
        source="derived",
    )
