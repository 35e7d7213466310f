"""13.3 Neural Networks: every checkpoint recomputed here by other routes — a forward pass
written out in plain numpy, gradients from sympy's differentiation of the network's
expression, and central differences of that plain forward pass."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from scipy.special import expit

#: the network of the lecture, typed again here (not imported from the scene)
W = np.array([[0.9, -0.4], [-0.7, 0.8], [0.5, 0.6]])
B = np.array([0.1, 0.0, -0.3])
V = np.array([1.2, -0.8, 0.7])
C = -0.4
X = np.array([1.0, 0.5])
Y = 1.0
EPS, LR = 0.01, 0.5


def plain_forward(w=W, b=B, v=V, c=C):
    hidden = np.tanh(w @ X + b)
    y_hat = float(expit(v @ hidden + c))
    return hidden, y_hat, -(Y * math.log(y_hat) + (1 - Y) * math.log(1 - y_hat))


def sympy_gradients():
    """∂L/∂ every weight and bias by symbolic differentiation of L(W, b, v, c)."""
    w = sp.Matrix(3, 2, lambda i, j: sp.Symbol(f"w{i}{j}"))
    b = sp.Matrix(3, 1, lambda i, _: sp.Symbol(f"b{i}"))
    v = sp.Matrix(1, 3, lambda _, j: sp.Symbol(f"v{j}"))
    c = sp.Symbol("c")
    hidden = (w * sp.Matrix(X.tolist()) + b).applyfunc(sp.tanh)
    y_hat = 1 / (1 + sp.exp(-((v * hidden)[0] + c)))
    loss = -sp.log(y_hat)
    values = {w[i, j]: W[i, j] for i in range(3) for j in range(2)}
    values |= {b[i]: B[i] for i in range(3)} | {v[j]: V[j] for j in range(3)} | {c: C}
    grads = {
        "W": np.array(
            [[float(sp.diff(loss, w[i, j]).subs(values)) for j in range(2)] for i in range(3)]
        ),
        "b": np.array([float(sp.diff(loss, b[i]).subs(values)) for i in range(3)]),
        "v": np.array([float(sp.diff(loss, v[j]).subs(values)) for j in range(3)]),
        "c": float(sp.diff(loss, c).subs(values)),
    }
    return grads


@pytest.fixture(scope="module")
def values(shown):
    return shown("13.3")


@pytest.fixture(scope="module")
def grads():
    return sympy_gradients()


def test_weights_are_drawn_as_edge_widths_and_colours(values):
    np.testing.assert_allclose(values["weights_as_drawn"], [*W.ravel(), *V], atol=1e-9)
    assert values["inputs_shown"] == pytest.approx([1.0, 0.5])


def test_forward_pass_as_typeset(values):
    hidden, y_hat, loss = plain_forward()
    assert list(values["hidden_activations"]) == [round(h, 2) for h in hidden]
    np.testing.assert_allclose(values["hidden_gauges"], hidden, atol=1e-9)
    assert values["output"] == round(y_hat, 2) == 0.72
    assert values["loss"] == round(loss, 4) == 0.326
    assert values["loss_from_output_gauge"] == pytest.approx(loss, abs=1e-9)


def test_backward_pass_tags_match_sympy(values, grads):
    hidden, y_hat, _ = plain_forward()
    assert values["error_signal"] == round(y_hat - Y, 2) == -0.28
    for j in range(3):
        assert values[f"dL/dv{j + 1}"] == pytest.approx(round(grads["v"][j], 2), abs=1e-12)
        for k in range(2):
            assert values[f"dL/dW{j + 1}{k + 1}"] == pytest.approx(
                round(grads["W"][j, k], 2), abs=1e-12
            )
    assert values["gradient_tags_drawn"] == 9
    # the chain rule's bookkeeping: dL/dc = ŷ − y, dL/db = dL/dW[:, 0] / x₁
    assert grads["c"] == pytest.approx(y_hat - Y, abs=1e-12)
    np.testing.assert_allclose(grads["b"], grads["W"][:, 0] / X[0], atol=1e-12)


def test_finite_difference_matches_backprop(values, grads):
    up, down = W.copy(), W.copy()
    up[0, 0] += EPS
    down[0, 0] -= EPS
    l_up, l_down = plain_forward(w=up)[2], plain_forward(w=down)[2]
    assert values["loss_nudged_up"] == round(l_up, 4) == 0.3242
    assert values["loss_nudged_down"] == round(l_down, 4) == 0.3279
    central = (l_up - l_down) / (2 * EPS)
    assert values["finite_difference"] == round(central, 4) == -0.1866
    assert values["backprop_slope"] == round(grads["W"][0, 0], 4) == -0.1866
    # the slope from the two printed losses agrees within their rounding
    assert values["finite_difference_from_shown_losses"] == pytest.approx(central, abs=0.0051)
    assert values["loss_restored"] == round(plain_forward()[2], 4)


def test_one_sgd_step_lowers_the_loss(values, grads):
    w, b = W - LR * grads["W"], B - LR * grads["b"]
    v, c = V - LR * grads["v"], C - LR * grads["c"]
    _, y_hat, loss = plain_forward(w, b, v, c)
    np.testing.assert_allclose(values["weights_after_step"], [*w.ravel(), *v], atol=1e-9)
    assert values["output_after_step"] == round(y_hat, 2)
    assert values["loss_after_step"] == round(loss, 4)
    assert values["error_after_step"] == round(y_hat - Y, 2)
    assert loss < plain_forward()[2]


def test_readouts_hold_in_motion(held):
    held("13.3", "loss readout is minus log of the output gauge", source="printed")
    held("13.3", "every value shown reads its own gauge", source="geometry")
    held("13.3", "error readout is the output gauge minus the label", source="printed")
