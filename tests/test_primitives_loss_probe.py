"""Loss probe primitives: dragged squares, a probe on loss curves and threshold marks, read
back from the drawing against hand computations."""

from __future__ import annotations

import numpy as np
import pytest
from animation_helpers import run
from manim import MathTex

from mathviz.maths.losses import LineFit
from mathviz.primitives.calculus import function_axes
from mathviz.primitives.loss_probe import DraggableSquares, LossProbe, ThresholdMarks
from mathviz.primitives.readout import coords


def square_axes():
    return function_axes((0, 8, 1), (0, 8, 1), x_length=6, y_length=6)


def line_depth_inside(axes, slope, intercept, square) -> float:
    corners = coords(axes, square.get_vertices())
    a, b = corners[:, 0].min(), corners[:, 0].max()
    lo, hi = corners[:, 1].min(), corners[:, 1].max()
    ya, yb = slope * a + intercept, slope * b + intercept
    return max(0.0, min(hi, max(ya, yb)) - max(lo, min(ya, yb)))


@pytest.mark.parametrize("slope", [0.5, -0.5])
def test_squares_sit_away_from_the_line(scene, slope):
    # two points above the line, one below
    fit = LineFit(np.array([1.0, 3.0, 5.0]), np.array([4.0, 1.0, 6.5]), slope, 3.0)
    axes = square_axes()
    drawing = DraggableSquares(axes, fit)
    for anim in (drawing.create(), drawing.show_residuals(), drawing.show_squares()):
        run(scene, anim)
    r = fit.y - (slope * fit.x + 3.0)
    np.testing.assert_allclose(drawing.residuals_shown(), r, atol=1e-9)
    np.testing.assert_allclose(drawing.areas_shown(), r**2, atol=1e-9)
    for square in drawing.squares:
        assert line_depth_inside(axes, slope, 3.0, square) == pytest.approx(0.0, abs=1e-9)


def test_dragging_a_point_redraws_its_gap_and_square(scene):
    fit = LineFit(np.array([1.0, 2.0, 4.0]), np.array([2.0, 1.5, 4.5]), 1.0, 0.0)
    axes = square_axes()
    drawing = DraggableSquares(axes, fit)
    for anim in (drawing.create(), drawing.show_residuals(), drawing.show_squares()):
        run(scene, anim)
    run(scene, drawing.drag(2, 1.5))  # from 0.5 above the line to 2.5 below it
    np.testing.assert_allclose(drawing.point_shown(2), [4.0, 1.5], atol=1e-9)
    np.testing.assert_allclose(drawing.residuals_shown(), [1.0, -0.5, -2.5], atol=1e-9)
    np.testing.assert_allclose(drawing.areas_shown(), [1.0, 0.25, 6.25], atol=1e-9)
    assert drawing.line_shown() == pytest.approx((1.0, 0.0), abs=1e-9)  # the line stays
    for square in drawing.squares:
        assert line_depth_inside(axes, 1.0, 0.0, square) == pytest.approx(0.0, abs=1e-9)


def test_probe_dots_ride_their_curves(scene):
    axes = function_axes((-3, 3, 1), (0, 7, 1), x_length=6, y_length=5)
    probe = LossProbe(axes, {"sq": (lambda r: r * r, "#ffffff"), "abs": (abs, "#ff0000")}, 0.0)
    run(scene, probe.appear("sq"))
    run(scene, probe.slide_to(-2.5))
    assert probe.x_shown() == pytest.approx(-2.5, abs=1e-9)
    assert probe.value_shown("sq") == pytest.approx(6.25, abs=1e-9)
    assert probe.value_shown("abs") == pytest.approx(2.5, abs=1e-9)  # placed before it shows
    assert probe.dot_x_shown("abs") == pytest.approx(-2.5, abs=1e-9)
    run(scene, probe.show_dot("abs"))
    assert probe.dots["abs"] in probe.submobjects
    # the guide reaches the highest shown dot, no further
    top = coords(axes, probe.guide.get_end())
    assert top[1] == pytest.approx(6.25, abs=1e-9)


def test_threshold_marks_stand_at_their_inputs(scene):
    axes = function_axes((-3, 3, 1), (0, 7, 1), x_length=6, y_length=5)
    marks = ThresholdMarks(axes, (-1.0, 1.0), [MathTex("a"), MathTex("b")], top=6.0)
    run(scene, marks.create())
    np.testing.assert_allclose(marks.positions_shown(), [-1.0, 1.0], atol=1e-9)
    for line, label in zip(marks.lines, marks.labels, strict=True):
        assert label.get_bottom()[1] > line.get_end()[1]
