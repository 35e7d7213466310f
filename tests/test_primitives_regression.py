"""RegressionPlot and DescentWalker: the drawn line, residuals and dots read back through
their axes match numpy; the walker's dot, trail and driven line agree at every step."""

from __future__ import annotations

import numpy as np
import pytest
from animation_helpers import run
from manim import Axes

from mathviz.maths.regression import MseLandscape, descend
from mathviz.primitives.regression import DescentWalker, RegressionPlot

X = np.array([4.0, 5.0, 2.0, 1.0, 5.0, 2.0])
Y = np.array([5.0, 4.0, 1.0, 2.0, 5.0, 3.0])


def axes() -> Axes:
    return Axes(x_range=(0, 6, 1), y_range=(0, 6, 1), x_length=5.4, y_length=5.4)


def test_plot_reads_back_points_line_residuals_and_mse():
    plot = RegressionPlot(axes(), X, Y, w=0.5, b=1.5)
    np.testing.assert_allclose(plot.points_shown(), np.column_stack([X, Y]), atol=1e-9)
    assert plot.points_drawn() == 6
    np.testing.assert_allclose(plot.line_shown(), [0.5, 1.5], atol=1e-9)
    np.testing.assert_allclose(plot.residuals_shown(), Y - (0.5 * X + 1.5), atol=1e-9)
    np.testing.assert_allclose(
        plot.residual_feet_shown(), np.column_stack([X, 0.5 * X + 1.5]), atol=1e-9
    )
    assert plot.mse_shown() == pytest.approx(np.mean((Y - 0.5 * X - 1.5) ** 2), abs=1e-9)


def test_move_line_tweens_to_the_target(scene):
    plot = RegressionPlot(axes(), X, Y, w=0.0, b=3.0)
    run(scene, plot.show_residuals())
    run(scene, plot.move_line(0.8, 0.8))
    np.testing.assert_allclose(plot.line_shown(), [0.8, 0.8], atol=1e-9)
    np.testing.assert_allclose(plot.residuals_shown(), Y - (0.8 * X + 0.8), atol=1e-9)
    ghost = plot.ghost()
    np.testing.assert_allclose(ghost.get_start(), plot.line.get_start(), atol=1e-9)


def test_walker_drives_the_line_and_its_trail_ends_at_the_dot(scene):
    plot = RegressionPlot(axes(), X, Y)
    frame = Axes(x_range=(-0.5, 1.5, 0.5), y_range=(-0.5, 2.0, 0.5), x_length=4.7, y_length=5)
    trace = descend(MseLandscape.of(X, Y), (0.0, 0.0), 0.05, 50)
    walker = DescentWalker(frame, trace, drive=plot)
    np.testing.assert_allclose(walker.position_shown(), [0.0, 0.0], atol=1e-9)
    run(scene, walker.walk_to(2.5))
    midway = trace.points[2] + 0.5 * (trace.points[3] - trace.points[2])
    np.testing.assert_allclose(walker.position_shown(), midway, atol=1e-9)
    np.testing.assert_allclose(walker.trail_end_shown(), midway, atol=1e-9)
    np.testing.assert_allclose(plot.line_shown(), midway, atol=1e-9)
    assert walker.steps_taken() == 2
    run(scene, walker.walk_to(99))
    np.testing.assert_allclose(walker.position_shown(), trace.points[-1], atol=1e-9)
    assert walker.steps_taken() == 50
