"""9.4 Regularization: constrained optima and the ridge path, recomputed here independently
(numpy.linalg.solve, scipy.optimize, brute-force boundary scans, exact Lagrange conditions)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import minimize

X = np.array([[1.0, 0.5], [2.0, -0.5], [0.5, 1.0], [1.5, 0.0], [-1.0, 1.0]])
Y = np.array([2.6, 3.4, 2.2, 2.9, -1.0])
T = 1.5


def ridge(lam):
    return np.linalg.solve(X.T @ X + lam * np.eye(2), X.T @ Y)


def loss(w):
    return float(np.sum((X @ w - Y) ** 2))


def test_unconstrained_fit(shown):
    values = shown("9.4")
    ols = np.linalg.lstsq(X, Y, rcond=None)[0]
    np.testing.assert_allclose(values["w_hat_dot"], ols, atol=1e-9)
    # readouts are compared as printed: the digits are the truth rounded to 2 places
    np.testing.assert_allclose(values["w_hat_readouts"], np.round(ols, 2), atol=1e-12)
    np.testing.assert_allclose(values["ridge_lambda_0"], ols, atol=1e-9)


def test_l1_touches_the_diamond_at_a_corner(shown):
    values = shown("9.4")
    # the best point of a dense scan of the diamond's boundary
    s = np.linspace(0.0, 1.0, 40001)
    edges = np.concatenate(
        [
            np.column_stack([T * (1 - s), T * s]),
            np.column_stack([-T * s, T * (1 - s)]),
            np.column_stack([-T * (1 - s), -T * s]),
            np.column_stack([T * s, -T * (1 - s)]),
        ]
    )
    best = edges[np.argmin(np.sum((edges @ X.T - Y) ** 2, axis=1))]
    np.testing.assert_allclose(best, [T, 0.0], atol=1e-12)
    # the corner is optimal: -∇L lies in the normal cone spanned by (1, 1) and (1, -1)
    g = 2 * (X.T @ X @ np.array([T, 0.0]) - X.T @ Y)
    assert -g[0] >= abs(g[1])
    np.testing.assert_allclose(values["l1_touch_point"], [T, 0.0], atol=1e-9)
    assert abs(values["l1_w2_is_zero"]) < 1e-12
    np.testing.assert_allclose(values["l1_readouts"], [T, 0.0], atol=1e-12)
    np.testing.assert_allclose(values["l1_diamond_budget"], [T, T], atol=1e-9)
    assert values["l1_budget_readout"] == pytest.approx(T, abs=1e-12)


def test_l1_touching_point_reaches_the_corner_at_its_budget(shown):
    """Shrinking budgets t: the best point of the diamond's boundary (a dense scan) has w₂ > 0
    above the corner budget and w₂ = 0 from it on; the budget is found by bisection."""
    values = shown("9.4")
    s = np.linspace(0.0, 1.0, 200001)

    def best(t):
        edge = np.column_stack([t * (1 - s), t * s])  # the first-quadrant edge, w₁ + w₂ = t
        return edge[np.argmin(np.sum((edge @ X.T - Y) ** 2, axis=1))]

    lo, hi = 1.5, 2.5
    assert best(lo)[1] == 0.0 and best(hi)[1] > 0.0
    for _ in range(40):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if best(mid)[1] == 0.0 else (lo, mid)
    np.testing.assert_allclose(values["l1_corner_point"], [hi, 0.0], atol=1e-4)
    assert values["l1_corner_budget"] == pytest.approx(round(hi, 2), abs=1e-12)


def test_l2_touches_the_circle_at_a_smooth_point(shown):
    values = shown("9.4")
    res = minimize(
        loss,
        [0.5, 0.5],
        method="SLSQP",
        constraints=[{"type": "ineq", "fun": lambda w: T**2 - w @ w}],
        options={"ftol": 1e-15, "maxiter": 500},
    )
    w = np.asarray(values["l2_touch_point"], dtype=float)
    np.testing.assert_allclose(w, res.x, atol=1e-5)
    assert np.hypot(*w) == pytest.approx(T, abs=1e-9)
    assert min(abs(w[0]), abs(w[1])) > 0.1  # both weights nonzero
    # Lagrange: ∇L is anti-parallel to w, i.e. w is a ridge solution
    g = 2 * (X.T @ X @ w - X.T @ Y)
    lam = -g @ w / (2 * w @ w)
    assert lam > 0
    np.testing.assert_allclose(ridge(lam), w, atol=1e-8)
    np.testing.assert_allclose(values["l2_readouts"], np.round(res.x, 2), atol=1e-12)
    assert values["l2_budget_readout"] == pytest.approx(T, abs=1e-12)
    np.testing.assert_allclose(values["l2_circle_radius"], [T, T], atol=1e-9)
    assert values["ridge_meets_circle_lambda"] == pytest.approx(round(lam, 1), abs=1e-12)
    np.testing.assert_allclose(values["ridge_meets_circle_point"], w, atol=1e-6)


@pytest.mark.parametrize("lam", [1.0, 10.0, 100.0, 1000.0])
def test_ridge_path_at_marked_lambdas(shown, lam):
    values = shown("9.4")
    tag = f"{lam:g}"
    np.testing.assert_allclose(values[f"ridge_w_at_lambda_{tag}"], ridge(lam), atol=1e-9)
    # λ printed with 3 decimals, the weights with 4: each is the truth rounded
    np.testing.assert_allclose(
        values[f"ridge_readouts_at_lambda_{tag}"], [lam, *np.round(ridge(lam), 4)], atol=1e-12
    )
    # and to within 10 % of each weight, however small it has become
    shown_w = np.asarray(values[f"ridge_readouts_at_lambda_{tag}"][1:], dtype=float)
    assert np.all(np.abs(shown_w - ridge(lam)) <= 0.1 * np.abs(ridge(lam)))


def test_ridge_weights_shrink_towards_zero(shown):
    values = shown("9.4")
    norms = [np.linalg.norm(values[f"ridge_w_at_lambda_{t}"]) for t in ("1", "10", "100", "1000")]
    assert norms == sorted(norms, reverse=True) and norms[-1] < 0.02


@pytest.mark.parametrize(
    "name",
    [
        "L1 readouts show the touching dot",
        "L2 readouts show the touching dot",
        "ridge readouts show the dot",
    ],
)
def test_readouts_follow_their_dots_in_motion(held, name):
    held("9.4", name, source="printed")


def test_no_checkpoint_is_refused_and_no_number_unverified(chapter_reports):
    reports = chapter_reports("9.4")
    assert not [c.name for r in reports for c in r.checkpoints if c.source.startswith("refused")]
    assert not [u for r in reports for u in r.unverified]
