"""The classifier-training model against scipy and plain loops."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.special import log_softmax, softmax

from mathviz.maths.classifier_training import (
    gradient_steps,
    logits_with_shares,
    loss_gradient,
    reshuffle_path,
    stage,
    straight_path,
)


def test_stage_matches_scipy():
    z = [1.0, 2.0, -1.0]
    s = stage(z, 0)
    np.testing.assert_allclose(s.exps, [math.e, math.e**2, 1 / math.e])
    np.testing.assert_allclose(s.probabilities, softmax(z))
    assert s.p_true == pytest.approx(softmax(z)[0])
    assert s.loss == pytest.approx(-log_softmax(z)[0])


def test_gradient_is_prediction_minus_truth_by_finite_differences():
    z = np.array([0.3, -1.2, 2.0, 0.5])
    h = 1e-6
    numeric = []
    for j in range(4):
        up, down = z.copy(), z.copy()
        up[j] += h
        down[j] -= h
        numeric.append((-log_softmax(up)[2] + log_softmax(down)[2]) / (2 * h))
    np.testing.assert_allclose(loss_gradient(z, 2), numeric, atol=1e-6)


def test_gradient_steps_lower_the_loss_and_match_a_plain_loop():
    run = gradient_steps([1.0, 2.0, -1.0], 0, 0.5, 4)
    assert len(run) == 5
    z = [1.0, 2.0, -1.0]
    for k in range(1, 5):
        e = [math.exp(v) for v in z]
        p = [v / sum(e) for v in e]
        z = [v - 0.5 * (pj - (j == 0)) for j, (v, pj) in enumerate(zip(z, p, strict=True))]
        np.testing.assert_allclose(run[k], z, atol=1e-12)
    losses = [-log_softmax(r)[0] for r in run]
    assert all(a > b for a, b in zip(losses, losses[1:], strict=False))


def test_reshuffling_keeps_p_true():
    z = [1.0, 2.0, -1.0]
    moved = logits_with_shares(z, 0, [1, 3])
    assert softmax(moved)[0] == pytest.approx(softmax(z)[0], abs=1e-12)
    assert softmax(moved)[2] / softmax(moved)[1] == pytest.approx(3.0)
    path = reshuffle_path(z, 0, [0.05, 0.95])
    np.testing.assert_allclose(path(0.0), z, atol=1e-12)
    for t in np.linspace(0, 1, 7):
        assert softmax(path(t))[0] == pytest.approx(softmax(z)[0], abs=1e-12)


def test_straight_path_and_bad_input():
    path = straight_path([0.0, 1.0], [2.0, -1.0])
    np.testing.assert_allclose(path(0.25), [0.5, 0.5])
    with pytest.raises(ValueError):
        straight_path([0.0, 1.0], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError):
        stage([1.0], 0)
    with pytest.raises(ValueError):
        gradient_steps([1.0, 2.0], 0, -1.0, 3)
    with pytest.raises(ValueError):
        logits_with_shares([1.0, 2.0, 3.0], 0, [1.0])
