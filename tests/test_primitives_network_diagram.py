"""NetworkDiagram built and animated without rendering: gauges, typeset values, gradient tags
and edge widths read back from the drawing and compared with a forward pass and gradients
computed here in plain numpy."""

from __future__ import annotations

import math

import numpy as np
import pytest
from animation_helpers import run

from mathviz.maths.network import TinyMLP
from mathviz.primitives.network_diagram import NEGATIVE, POSITIVE, NetworkDiagram
from mathviz.readings import source_of

W = np.array([[0.9, -0.4], [-0.7, 0.8], [0.5, 0.6]])
B = np.array([0.1, 0.0, -0.3])
V = np.array([1.2, -0.8, 0.7])
C = -0.4
X = np.array([1.0, 0.5])


def numpy_forward(w=W, v=V):
    h = np.tanh(w @ X + B)
    return h, 1.0 / (1.0 + math.exp(-(v @ h + C)))


@pytest.fixture
def diagram(scene):
    d = NetworkDiagram(TinyMLP.of(W, B, V, C), X)
    scene.add(d)
    return d


def test_everything_but_the_inputs_starts_hidden(diagram, scene):
    assert diagram.tags_shown() == 0
    np.testing.assert_allclose(diagram.gauge_shown(1), [0.0, 0.0, 0.0])
    run(scene, diagram.create())
    np.testing.assert_allclose(diagram.gauge_shown(0), X, atol=1e-12)
    assert list(diagram.values_shown(0)) == [1.0, 0.5]
    assert diagram.gauge_mismatch_shown() <= 0.005


def test_edges_encode_the_weights(diagram):
    np.testing.assert_allclose(diagram.weights_shown(), [*W.ravel(), *V], atol=1e-12)
    assert diagram.edge("W", (0, 0)).get_stroke_color().to_hex() == POSITIVE.to_hex()
    assert diagram.edge("v", (1,)).get_stroke_color().to_hex() == NEGATIVE.to_hex()
    assert source_of(diagram.weights_shown()).startswith("geometry")


def test_forward_pass_fills_gauges_and_values(diagram, scene):
    h, y_hat = numpy_forward()
    run(scene, diagram.create())
    run(scene, diagram.forward(1, h))
    run(scene, diagram.forward(2, [y_hat]))
    np.testing.assert_allclose(diagram.gauge_shown(1), h, atol=1e-12)
    np.testing.assert_allclose(diagram.gauge_shown(2), [y_hat], atol=1e-12)
    assert list(diagram.values_shown(1)) == [round(v, 2) for v in h]
    assert diagram.value_shown(2) == round(y_hat, 2)
    assert diagram.gauge_mismatch_shown() <= 0.005
    assert len(diagram.pulse_positions_shown()) == 0  # every pulse has arrived


def test_backward_pass_writes_every_gradient(diagram, scene):
    h, y_hat = numpy_forward()
    delta_out = y_hat - 1.0
    delta_hidden = delta_out * V * (1 - h**2)
    grads = TinyMLP.of(W, B, V, C).backward(X, 1.0)
    run(scene, diagram.backward(2, grads))
    assert diagram.tags_shown() == 3
    run(scene, diagram.backward(1, grads, stagger=0.2))
    assert diagram.tags_shown() == 9
    for j in range(3):
        assert diagram.gradient_shown("v", (j,)) == round(delta_out * h[j], 2)
        for k in range(2):
            assert diagram.gradient_shown("W", (j, k)) == round(delta_hidden[j] * X[k], 2)


def test_a_rerun_moves_the_values_with_their_gauges(diagram, scene):
    h, y_hat = numpy_forward()
    run(scene, diagram.forward(1, h))
    w2 = W.copy()
    w2[0, 0] += 0.3
    h2, _ = numpy_forward(w2)
    run(scene, diagram.forward(1, h2))
    np.testing.assert_allclose(diagram.gauge_shown(1), h2, atol=1e-12)
    assert list(diagram.values_shown(1)) == [round(v, 2) for v in h2]


def test_retune_redraws_the_edges_and_clears_the_tags(diagram, scene):
    net = TinyMLP.of(W, B, V, C)
    run(scene, diagram.backward(2, net.backward(X, 1.0)))
    stepped = net.sgd_step(X, 1.0, 0.5)
    run(scene, diagram.retune(stepped))
    np.testing.assert_allclose(diagram.weights_shown(), [*stepped.W.ravel(), *stepped.v])
    assert diagram.tags_shown() == 0
    widths = [e.get_stroke_width() for e in diagram.edge_group]
    run(scene, diagram.highlight("W", (0, 0)))
    run(scene, diagram.swell_all())
    assert [e.get_stroke_width() for e in diagram.edge_group] == pytest.approx(widths)
