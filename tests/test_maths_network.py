"""The tiny MLP: forward pass, backprop and gradient check, against independent routes
(a loop over neurons, scikit-learn's log loss, sympy, central differences of plain numpy)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from scipy.special import expit
from sklearn.metrics import log_loss

from mathviz.maths.network import PARAMETERS, TinyMLP, binary_cross_entropy, sigmoid

NET = TinyMLP.of([[0.9, -0.4], [-0.7, 0.8], [0.5, 0.6]], [0.1, 0.0, -0.3], [1.2, -0.8, 0.7], -0.4)
X, Y = (1.0, 0.5), 1.0


def loop_forward(net: TinyMLP, x, y):
    hidden = []
    for j in range(net.W.shape[0]):
        s = net.b[j]
        for k in range(net.W.shape[1]):
            s += net.W[j][k] * x[k]
        hidden.append(math.tanh(s))
    y_hat = float(expit(sum(net.v[j] * hidden[j] for j in range(len(hidden))) + net.c))
    return hidden, y_hat


def test_forward_against_a_loop_and_sklearn():
    f = NET.forward(X, Y)
    hidden, y_hat = loop_forward(NET, X, Y)
    np.testing.assert_allclose(f.h, hidden, atol=1e-15)
    assert f.y_hat == pytest.approx(y_hat, abs=1e-15)
    assert f.loss == pytest.approx(log_loss([1], [[1 - y_hat, y_hat]], labels=[0, 1]), abs=1e-12)
    assert NET.sizes == (2, 3, 1)


@pytest.mark.parametrize("z", [-800.0, -3.0, 0.0, 2.5, 800.0])
def test_sigmoid_is_stable(z):
    assert sigmoid(z) == pytest.approx(float(expit(z)), abs=1e-15)


def test_cross_entropy_refuses_certain_predictions():
    assert binary_cross_entropy(0.25, 0.0) == pytest.approx(-math.log(0.75))
    with pytest.raises(ValueError):
        binary_cross_entropy(1.0, 1.0)


def test_backward_matches_sympy_and_central_differences():
    g = NET.backward(X, Y)
    for name, index in NET.parameters():
        up, down = NET.nudged(name, index, 1e-6), NET.nudged(name, index, -1e-6)
        central = (loop_loss(up) - loop_loss(down)) / 2e-6
        assert g.of(name, index) == pytest.approx(central, abs=1e-8), (name, index)
    w, v0 = sp.symbols("w v0")
    # L as a function of W[0, 0] and v[0] alone, the rest fixed
    h0 = sp.tanh(w * X[0] + NET.W[0, 1] * X[1] + NET.b[0])
    rest = sum(NET.v[j] * math.tanh(NET.W[j] @ np.array(X) + NET.b[j]) for j in (1, 2))
    loss = -sp.log(1 / (1 + sp.exp(-(v0 * h0 + rest + NET.c))))
    at = {w: NET.W[0, 0], v0: NET.v[0]}
    assert g.of("W", (0, 0)) == pytest.approx(float(sp.diff(loss, w).subs(at)), abs=1e-12)
    assert g.of("v", (0,)) == pytest.approx(float(sp.diff(loss, v0).subs(at)), abs=1e-12)
    assert g.of("c") == pytest.approx(g.output, abs=0)


def loop_loss(net: TinyMLP) -> float:
    return -math.log(loop_forward(net, X, Y)[1])


def test_finite_difference_is_central():
    up, down, slope = NET.finite_difference(X, Y, "W", (0, 0), 0.01)
    assert up == pytest.approx(loop_loss(NET.nudged("W", (0, 0), 0.01)), abs=1e-15)
    assert down == pytest.approx(loop_loss(NET.nudged("W", (0, 0), -0.01)), abs=1e-15)
    assert slope == pytest.approx((up - down) / 0.02, abs=1e-15)
    assert slope == pytest.approx(NET.backward(X, Y).of("W", (0, 0)), abs=1e-4)
    with pytest.raises(ValueError):
        NET.finite_difference(X, Y, "W", (0, 0), 0.0)


def test_sgd_step_moves_against_the_gradient_and_lowers_the_loss():
    g = NET.backward(X, Y)
    stepped = NET.sgd_step(X, Y, 0.5)
    np.testing.assert_allclose(stepped.W, NET.W - 0.5 * g.W, atol=1e-15)
    assert stepped.c == pytest.approx(NET.c - 0.5 * g.c)
    assert stepped.loss(X, Y) < NET.loss(X, Y)


def test_nudged_leaves_the_original_alone_and_addresses_every_parameter():
    moved = NET.nudged("W", (1, 0), 0.5)
    assert moved.W[1, 0] == pytest.approx(NET.W[1, 0] + 0.5)
    assert NET.W[1, 0] == pytest.approx(-0.7)
    assert NET.nudged("c", (), 1.0).c == pytest.approx(0.6)
    assert len(NET.parameters()) == 6 + 3 + 3 + 1
    assert [p[0] for p in NET.parameters()][-1] == PARAMETERS[-1]
    with pytest.raises(KeyError):
        NET.nudged("U", (0,), 1.0)


def test_initialise_uses_the_generator_it_is_given():
    a = TinyMLP.initialise(2, 3, np.random.default_rng(7))
    b = TinyMLP.initialise(2, 3, np.random.default_rng(7))
    np.testing.assert_array_equal(a.W, b.W)
    assert a.W.shape == (3, 2) and np.all(a.b == 0)
    with pytest.raises(ValueError):
        TinyMLP.of([[1.0, 2.0]], [0.0, 1.0], [1.0], 0.0)
