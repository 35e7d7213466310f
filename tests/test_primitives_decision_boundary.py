"""decision_boundary: the sigmoid dots, the boundary's line, arrow and shaded side, the rings and
the loss trace, all read back through their axes and checked against plain geometry."""

from __future__ import annotations

import numpy as np
import pytest
from animation_helpers import run
from manim import Axes
from scipy.special import expit

from mathviz.maths.logistic import LabelledPoints, train
from mathviz.primitives.decision_boundary import (
    ClassScatter,
    DecisionBoundary,
    LossTrace,
    SquashedScores,
    training_motion,
)

BOX = ((-3.0, 3.0), (-3.0, 3.0))


def square_axes() -> Axes:
    return Axes(x_range=(-3, 3, 1), y_range=(-3, 3, 1), x_length=6, y_length=6, tips=False)


def points() -> LabelledPoints:
    x = np.array([[1.0, 1.0], [2.0, 0.5], [-1.0, 1.5], [-1.0, -1.0], [-2.0, 0.3], [0.5, -2.0]])
    return LabelledPoints(x, np.array([1.0, 1.0, 1.0, 0.0, 0.0, 0.0]))


def test_squashed_scores_rise_onto_the_sigmoid(scene):
    axes = Axes(x_range=(-6, 6, 1), y_range=(0, 1, 0.5), x_length=8, y_length=4)
    squash = SquashedScores(axes, [-2.0, 0.0, 1.5])
    assert squash.dot_shown(1)[1] == pytest.approx(0.0, abs=1e-9)
    run(scene, squash.lift())
    for i, z in enumerate([-2.0, 0.0, 1.5]):
        np.testing.assert_allclose(squash.dot_shown(i), [z, expit(z)], atol=1e-9)
    assert squash.curve_height_shown(0.0) == pytest.approx(0.5, abs=1e-3)


def test_the_boundary_reads_back_w_and_b():
    axes = square_axes()
    w, b = np.array([1.0, -2.0]), 0.5
    boundary = DecisionBoundary(axes, w, b, BOX)
    assert boundary.slope_shown() == pytest.approx(0.5)
    assert boundary.intercept_shown() == pytest.approx(0.25)
    np.testing.assert_allclose(boundary.weights_shown(), w, atol=1e-9)
    assert boundary.bias_shown() == pytest.approx(b)
    assert boundary.arrow_foot_gap_shown() == pytest.approx(0.0, abs=1e-9)
    # the shaded side is where w·x + b > 0: below the line y = x/2 + 1/4 in this box
    below = 0.5 * ((6 * 0.5 + 0.25 + 3) + (-6 * 0.5 + 0.25 + 3)) * 6  # trapezoid under the line
    assert boundary.shaded_fraction_shown() == pytest.approx(below / 36, abs=1e-9)


def test_rings_follow_the_drawn_boundary(scene):
    axes = square_axes()
    data = points()
    scatter = ClassScatter(axes, data)
    np.testing.assert_allclose(scatter.points_shown(), data.x, atol=1e-9)
    assert scatter.classes_shown().tolist() == [1, 1, 1, 0, 0, 0]
    assert scatter.flags_shown() == 0
    boundary = DecisionBoundary(axes, (0.0, -1.0), 0.0, BOX)  # p > ½ below the x axis
    scatter.flag_wrong_side(boundary)
    # all three class-1 points are above it, two class-0 points below
    wrong = (data.x @ np.array([0.0, -1.0]) > 0) != (data.y == 1)
    assert scatter.flags_shown() == int(wrong.sum()) == 5
    assert scatter.flagged_shown() == [int(i) for i in np.flatnonzero(wrong)]


def test_training_motion_moves_everything_to_one_step(scene):
    axes = square_axes()
    data = points()
    training = train(data, (0.0, -1.0), 0.0, 0.5, 40)
    loss_axes = Axes(x_range=(0, 40, 10), y_range=(0, 1.5, 0.5), x_length=5, y_length=3)
    trace = LossTrace(loss_axes, training.loss_at, np.arange(0, 41))
    boundary = DecisionBoundary(axes, training.ws[0], training.bs[0], BOX)
    scatter = ClassScatter(axes, data)
    np.testing.assert_allclose(trace.tip_shown(), [0, training.losses[0]], atol=1e-9)
    run(scene, training_motion(training, boundary, scatter, trace, 40))
    w, b = training.ws[40], training.bs[40]
    np.testing.assert_allclose(boundary.weights_shown(), w, atol=1e-9)
    assert boundary.bias_shown() == pytest.approx(b)
    np.testing.assert_allclose(trace.tip_shown(), [40, training.losses[40]], atol=1e-9)
    np.testing.assert_allclose(trace.curve_end_shown(), trace.tip_shown(), atol=1e-9)
    wrong = (expit(data.x @ w + b) > 0.5) != (data.y == 1)
    assert scatter.flags_shown() == int(wrong.sum())
