"""13.2 Logistic Regression: every checkpoint recomputed here independently (scipy.special's
expit, a plain-numpy replay of the descent, sklearn's log_loss and LogisticRegression), and
the readouts, the boundary, the rings and the loss curve held together at every sampled moment."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from scipy.special import expit
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

SEED, PER_CLASS = 37, 12
W0, B0, RATE, STEPS = np.array([1.0, -1.5]), 0.5, 0.5, 200
SCORES = (-4, -2, 0, 1, 3)


@pytest.fixture(scope="module")
def values(shown):
    return shown("13.2")


@pytest.fixture(scope="module")
def data():
    """The two clouds again: standard normals from the seed, shifted by hand."""
    rng = np.random.default_rng(SEED)
    ones = rng.standard_normal((PER_CLASS, 2)) + [1.0, 0.8]
    zeros = rng.standard_normal((PER_CLASS, 2)) + [-1.0, -0.8]
    return np.vstack([ones, zeros]), np.r_[np.ones(PER_CLASS), np.zeros(PER_CLASS)]


@pytest.fixture(scope="module")
def iterates(data):
    """Gradient descent on the mean cross-entropy, one point at a time in a plain loop."""
    x, y = data
    w, b = W0.copy(), B0
    out = [(w.copy(), b)]
    for _ in range(STEPS):
        grad_w, grad_b = np.zeros(2), 0.0
        for xi, yi in zip(x, y, strict=True):
            err = 1.0 / (1.0 + math.exp(-(xi @ w + b))) - yi
            grad_w += err * xi
            grad_b += err
        w, b = w - RATE * grad_w / len(y), b - RATE * grad_b / len(y)
        out.append((w.copy(), b))
    return out


def sklearn_fit(x, y):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = LogisticRegression(penalty=None, max_iter=10_000, tol=1e-12)
        return model.fit(x, y)


def test_scores_rise_onto_the_sigmoid(values):
    np.testing.assert_allclose(values["scores_on_axis"], SCORES, atol=1e-6)
    for z in SCORES:
        p = float(expit(z))
        np.testing.assert_allclose(values[f"sigma_dot_z={z}"], [z, p], atol=1e-6)
        assert values[f"sigma_readout_z={z}"] == round(p, 2)
    assert values["sigma_readout_z=0"] == 0.5
    assert values["sigma_readout_z=1"] == 0.73
    assert values["curve_height_at_0"] == pytest.approx(0.5, abs=1e-3)


def test_the_points_and_their_classes(values, data):
    x, y = data
    np.testing.assert_allclose(np.reshape(values["points_drawn"], (-1, 2)), x, atol=1e-6)
    assert values["class_one_dots"] == int(y.sum()) == 12


@pytest.mark.parametrize(("name", "step"), [("first_guess", 0), ("step_25", 25), ("step_200", 200)])
def test_the_drawn_boundary_is_the_replayed_descent(values, iterates, name, step):
    w, b = iterates[step]
    # the line w₁x + w₂y + b = 0 solved for y
    assert values[f"{name}_slope"] == pytest.approx(-w[0] / w[1], abs=1e-6)
    assert values[f"{name}_intercept"] == pytest.approx(-b / w[1], abs=1e-6)
    np.testing.assert_allclose(values[f"{name}_w_arrow"], w, atol=1e-6)


@pytest.mark.parametrize(("name", "step"), [("start", 0), ("step_25", 25), ("step_200", 200)])
def test_loss_rings_and_step_at_each_stage(values, data, iterates, name, step):
    x, y = data
    w, b = iterates[step]
    p = expit(x @ w + b)
    loss = log_loss(y, p)
    wrong = int(np.sum((p > 0.5) != (y == 1)))
    assert values[f"loss_readout_{name}"] == round(loss, 2)
    np.testing.assert_allclose(values[f"loss_tip_{name}"], [step, loss], atol=1e-6)
    assert values[f"rings_{name}"] == values[f"wrong_readout_{name}"] == wrong
    assert values[f"step_readout_{name}"] == step


def test_the_story_numbers(values):
    assert values["loss_readout_start"] == 1.08
    assert values["loss_readout_step_200"] == 0.26
    assert values["rings_start"] == 14
    assert values["rings_step_25"] == values["rings_step_200"] == 1


def test_the_converged_boundary_agrees_with_sklearn(values, data, iterates):
    x, y = data
    model = sklearn_fit(x, y)
    w_sk = model.coef_[0]
    angle = math.degrees(math.atan2(w_sk[1], w_sk[0]))
    assert values["w_direction_converged"] == pytest.approx(angle, abs=0.1)
    w, b = iterates[STEPS]
    assert float(w @ w_sk) / (np.linalg.norm(w) * np.linalg.norm(w_sk)) > 0.99999
    assert -w[0] / w[1] == pytest.approx(-w_sk[0] / w_sk[1], abs=0.01)
    assert values["step_200_slope"] == pytest.approx(-w_sk[0] / w_sk[1], abs=0.01)
    assert values["step_200_intercept"] == pytest.approx(-model.intercept_[0] / w_sk[1], abs=0.01)


@pytest.mark.parametrize(("name", "index", "bracketed"), [("A", 8, 0.97), ("B", 7, 0.56)])
def test_the_learned_probability_of_a_point(values, data, iterates, name, index, bracketed):
    x, y = data
    w, b = iterates[STEPS]
    p = float(expit(x[index] @ w + b))
    assert values[f"probability_{name}"] == round(p, 2) == bracketed
    model = sklearn_fit(x, y)
    assert model.predict_proba(x[index : index + 1])[0, 1] == pytest.approx(p, abs=0.005)


def test_everything_follows_the_drawing_at_every_sampled_moment(held):
    held(
        "13.2",
        *(f"readout {i} shows its dot's height" for i in range(len(SCORES))),
        "loss readout is the drawn boundary's cross-entropy",
        "step readout is the traced step",
        "wrong-side readout counts the rings",
        "wrong-side readout counts the rings while they are drawn",
        source="printed",
    )
    held(
        "13.2",
        "traced tip is the drawn boundary's cross-entropy",
        "drawn slope is the replayed descent's at the traced step",
        "drawn intercept is the replayed descent's at the traced step",
        "rings sit exactly on the wrong-side points",
        "the arrow w stands on the line",
    )
