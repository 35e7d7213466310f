"""Optimizers, ridge path and norm-constrained least squares against independent routes:
update rules written out by hand, numpy.linalg.solve, scipy.optimize and brute-force grids."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.optimize import minimize

from mathviz.maths.optimizers import (
    SGD,
    Adam,
    Momentum,
    OptimizerState,
    l1_constrained_least_squares,
    l2_constrained_least_squares,
    least_squares_loss,
    ridge_path,
)

X = np.array([[1.0, 0.5], [2.0, -0.5], [0.5, 1.0], [1.5, 0.0], [-1.0, 1.0]])
Y = np.array([2.6, 3.4, 2.2, 2.9, -1.0])


def grad(p):
    """∇ of 0.5 x² + 5 y², written out."""
    return np.array([p[0], 10 * p[1]])


def test_sgd_is_x_minus_lr_g():
    x = [-4.5, 1.5]
    for _ in range(7):
        x = [x[0] - 0.18 * x[0], x[1] - 0.18 * 10 * x[1]]
    np.testing.assert_allclose(SGD(0.18).trace(grad, (-4.5, 1.5), 7)[-1], x, atol=1e-12)


def test_momentum_written_out():
    x, v = [-4.5, 1.5], [0.0, 0.0]
    points = [x]
    for _ in range(25):
        g = [x[0], 10 * x[1]]
        v = [0.9 * v[0] + g[0], 0.9 * v[1] + g[1]]
        x = [x[0] - 0.04 * v[0], x[1] - 0.04 * v[1]]
        points.append(x)
    np.testing.assert_allclose(Momentum(0.04, 0.9).trace(grad, (-4.5, 1.5), 25), points, atol=1e-12)


def test_adam_written_out_and_first_step_is_lr_sign():
    b1, b2, eps, lr = 0.9, 0.999, 1e-8, 0.3
    x, m, v = [-4.5, 1.5], [0.0, 0.0], [0.0, 0.0]
    for t in range(1, 31):
        g = [x[0], 10 * x[1]]
        m = [b1 * m[i] + (1 - b1) * g[i] for i in range(2)]
        v = [b2 * v[i] + (1 - b2) * g[i] ** 2 for i in range(2)]
        x = [
            x[i] - lr * (m[i] / (1 - b1**t)) / (math.sqrt(v[i] / (1 - b2**t)) + eps)
            for i in range(2)
        ]
        if t == 1:
            np.testing.assert_allclose(x, [-4.5 + 0.3, 1.5 - 0.3], atol=1e-8)
    np.testing.assert_allclose(Adam(lr).trace(grad, (-4.5, 1.5), 30)[-1], x, atol=1e-12)


def test_step_returns_new_state_without_mutating():
    s0 = OptimizerState.start([1.0, 2.0])
    s1 = Adam(0.1).step(s0, [1.0, -1.0])
    assert s0.t == 0 and s1.t == 1
    np.testing.assert_array_equal(s0.x, [1.0, 2.0])
    np.testing.assert_array_equal(s0.m, [0.0, 0.0])


@pytest.mark.parametrize(
    "bad",
    [
        lambda: SGD(0.0),
        lambda: Momentum(0.1, 1.0),
        lambda: Adam(0.1, beta2=1.2),
        lambda: Adam(-1.0),
    ],
)
def test_bad_hyperparameters(bad):
    with pytest.raises(ValueError):
        bad()


def test_negative_steps():
    with pytest.raises(ValueError):
        SGD(0.1).trace(grad, (1.0, 1.0), -1)


def test_ridge_path_vs_solve():
    lams = [0.0, 0.5, 3.0, 10.0, 100.0]
    expected = [np.linalg.solve(X.T @ X + lam * np.eye(2), X.T @ Y) for lam in lams]
    np.testing.assert_allclose(ridge_path(X, Y, lams), expected, atol=1e-12)


def test_ridge_path_shrinks_to_zero_and_wide_X():
    norms = np.linalg.norm(ridge_path(X, Y, np.geomspace(0.01, 1e6, 40)), axis=1)
    assert np.all(np.diff(norms) < 0) and norms[-1] < 1e-4
    wide = np.array([[1.0, 2.0, 3.0], [0.0, 1.0, 1.0]])
    np.testing.assert_allclose(
        ridge_path(wide, [1.0, 2.0], [2.0])[0],
        np.linalg.solve(wide.T @ wide + 2 * np.eye(3), wide.T @ [1.0, 2.0]),
    )


def test_ridge_errors():
    with pytest.raises(ValueError):
        ridge_path(X, Y, [-1.0])
    with pytest.raises(ValueError, match="singular"):
        ridge_path(np.array([[1.0, 1.0], [2.0, 2.0]]), [1.0, 2.0], [0.0])
    with pytest.raises(ValueError):
        ridge_path(X, Y[:3], [1.0])


def test_least_squares_loss_on_points_and_grids():
    loss = least_squares_loss(X, Y)
    w = np.array([0.3, -1.2])
    assert loss(w) == pytest.approx(np.sum((X @ w - Y) ** 2))
    grid = np.array(np.meshgrid([0.0, 1.0], [2.0, -1.0]))
    assert loss(grid)[1, 0] == pytest.approx(np.sum((X @ [0.0, -1.0] - Y) ** 2))


def _scipy_constrained(norm):
    res = minimize(
        lambda w: np.sum((X @ w - Y) ** 2),
        [0.1, 0.1],
        method="SLSQP",
        constraints=[{"type": "ineq", "fun": lambda w: 1.5 - norm(w)}],
        options={"ftol": 1e-15, "maxiter": 500},
    )
    return res.x


def test_l1_optimum_is_a_corner():
    fit = l1_constrained_least_squares(X, Y, 1.5)
    np.testing.assert_allclose(fit.w, _scipy_constrained(lambda w: np.abs(w).sum()), atol=1e-6)
    assert fit.w[1] == 0.0 and fit.w[0] == pytest.approx(1.5)
    assert fit.loss == pytest.approx(np.sum((X @ [1.5, 0.0] - Y) ** 2))


def test_l1_optimum_beats_a_dense_boundary_grid():
    fit = l1_constrained_least_squares(X, Y, 1.5)
    s = np.linspace(0, 1, 20001)
    edges = np.concatenate(
        [
            np.column_stack([1.5 * (1 - s), 1.5 * s]),
            np.column_stack([-1.5 * s, 1.5 * (1 - s)]),
            np.column_stack([-1.5 * (1 - s), -1.5 * s]),
            np.column_stack([1.5 * s, -1.5 * (1 - s)]),
        ]
    )
    losses = np.sum((edges @ X.T - Y) ** 2, axis=1)
    assert fit.loss <= losses.min() + 1e-12


def test_l2_optimum_is_smooth_point_and_ridge():
    fit = l2_constrained_least_squares(X, Y, 1.5)
    np.testing.assert_allclose(fit.w, _scipy_constrained(np.linalg.norm), atol=1e-6)
    assert np.linalg.norm(fit.w) == pytest.approx(1.5, abs=1e-12)
    assert np.all(np.abs(fit.w) > 0.1)
    np.testing.assert_allclose(
        np.linalg.solve(X.T @ X + fit.multiplier * np.eye(2), X.T @ Y), fit.w, atol=1e-10
    )


def test_constraint_inactive_and_errors():
    free = np.linalg.lstsq(X, Y, rcond=None)[0]
    np.testing.assert_allclose(l2_constrained_least_squares(X, Y, 10.0).w, free)
    np.testing.assert_allclose(l1_constrained_least_squares(X, Y, 10.0).w, free)
    with pytest.raises(ValueError):
        l1_constrained_least_squares(X, Y, 0.0)
    with pytest.raises(ValueError):
        l2_constrained_least_squares(np.ones((4, 3)), np.ones(4), 1.0)
