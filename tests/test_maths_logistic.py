"""mathviz.maths.logistic against scipy, sklearn and plain geometry."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from scipy.optimize import approx_fprime
from scipy.special import expit
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

from mathviz.maths.logistic import (
    boundary_segment,
    mean_bce,
    mean_bce_gradient,
    misclassified,
    positive_region,
    probabilities,
    train,
    two_classes,
)

BOX = ((-3.0, 3.0), (-3.0, 3.0))


@pytest.fixture(scope="module")
def data():
    return two_classes(np.random.default_rng(37), 12, (1.0, 0.8), (-1.0, -0.8))


def test_two_classes_is_seeded_and_labelled(data):
    again = two_classes(np.random.default_rng(37), 12, (1.0, 0.8), (-1.0, -0.8))
    np.testing.assert_array_equal(data.x, again.x)
    assert data.x.shape == (24, 2) and len(data) == 24
    assert data.y.tolist() == [1.0] * 12 + [0.0] * 12
    rng = np.random.default_rng(37)
    np.testing.assert_allclose(data.x[:12], rng.standard_normal((12, 2)) + [1.0, 0.8])


def test_probabilities_and_loss_match_scipy_and_sklearn(data):
    w, b = np.array([0.7, -0.3]), 0.2
    np.testing.assert_allclose(probabilities(w, b, data.x), expit(data.x @ w + b))
    assert mean_bce(w, b, data) == pytest.approx(log_loss(data.y, expit(data.x @ w + b)))


def test_gradient_matches_finite_differences(data):
    v = np.array([0.4, -1.1, 0.3])
    numeric = approx_fprime(v, lambda u: mean_bce(u[:2], u[2], data), 1e-7)
    grad_w, grad_b = mean_bce_gradient(v[:2], v[2], data)
    np.testing.assert_allclose([*grad_w, grad_b], numeric, atol=1e-6)


def test_training_descends_and_converges_to_sklearn(data):
    run = train(data, (1.0, -1.5), 0.5, 0.5, 400)
    losses = run.losses
    assert run.steps == 400 and np.all(np.diff(losses) <= 1e-12)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = LogisticRegression(penalty=None, max_iter=10_000, tol=1e-12).fit(data.x, data.y)
    np.testing.assert_allclose(run.ws[-1], model.coef_[0], atol=2e-3)
    assert run.bs[-1] == pytest.approx(model.intercept_[0], abs=2e-3)


def test_fractional_steps_interpolate_iterates(data):
    run = train(data, (1.0, -1.5), 0.5, 0.5, 10)
    w, b = run.state_at(3.25)
    np.testing.assert_allclose(w, 0.75 * run.ws[3] + 0.25 * run.ws[4])
    assert b == pytest.approx(0.75 * run.bs[3] + 0.25 * run.bs[4])
    np.testing.assert_allclose(run.state_at(10)[0], run.ws[10])
    assert run.loss_at(4) == pytest.approx(run.losses[4])


def test_misclassified_counts_wrong_sides(data):
    w, b = np.array([1.0, -1.5]), 0.5
    wrong = misclassified(w, b, data)
    assert int(wrong.sum()) == int(np.sum((expit(data.x @ w + b) > 0.5) != (data.y == 1)))


def test_boundary_segment_lies_on_the_line_and_the_box():
    w, b = np.array([1.0, -2.0]), 0.5
    start, end = boundary_segment(w, b, BOX)
    for p in (start, end):
        assert p @ w + b == pytest.approx(0.0, abs=1e-12)
        assert np.isclose(np.abs(p), 3.0).any()
    assert boundary_segment((1.0, 0.0), -5.0, BOX) is None
    assert boundary_segment((0.0, 0.0), 1.0, BOX) is None


def test_positive_region_is_the_box_less_the_cut_triangle():
    w, b = np.array([1.0, 1.0]), 1.0
    corners = positive_region(w, b, BOX)
    assert np.all(corners @ w + b >= -1e-12)
    x, y = corners[:, 0], corners[:, 1]
    area = 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))
    # x + y = −1 meets the box at (−3, 2) and (2, −3): the corner cut off has legs 5
    assert area == pytest.approx(36 - 5 * 5 / 2)
    assert len(positive_region((1.0, 0.0), -5.0, BOX)) == 0
    assert len(positive_region((1.0, 0.0), 5.0, BOX)) == 4
