"""Loss primitives: values read back from the drawing against hand computations."""

from __future__ import annotations

import math

import numpy as np
import pytest
from animation_helpers import run

from mathviz.maths.losses import LineFit, huber
from mathviz.primitives.calculus import function_axes
from mathviz.primitives.losses import ChordGap, LossCurves, LossSpec, ResidualSquares
from mathviz.primitives.readout import Readout


def square_axes():
    return function_axes((0, 6, 1), (0, 6, 1), x_length=6, y_length=6)


def test_residual_squares_read_back_areas_and_residuals(scene):
    fit = LineFit(np.array([1.0, 2.0, 4.0]), np.array([2.0, 1.5, 4.5]), 1.0, 0.0)
    drawing = ResidualSquares(square_axes(), fit)
    for anim in (drawing.create(), drawing.show_residuals(), drawing.show_squares()):
        run(scene, anim)
    np.testing.assert_allclose(drawing.residuals_shown(), [1.0, -0.5, 0.5], atol=1e-9)
    np.testing.assert_allclose(drawing.areas_shown(), [1.0, 0.25, 0.25], atol=1e-9)
    assert drawing.total_area_shown() == pytest.approx(1.5)
    assert drawing.line_shown() == pytest.approx((1.0, 0.0), abs=1e-9)


def test_loss_curves_dots_sit_on_their_curves(scene):
    axes = function_axes((-3, 3, 1), (0, 5, 1), x_length=6, y_length=4)
    curves = LossCurves(
        axes,
        [
            LossSpec("mse", lambda r: r * r, "#ffffff", (-2.2, 2.2)),
            LossSpec("huber", lambda r: float(huber(r)), "#ff0000", (-3, 3)),
        ],
        marks=[-3.0, 0.5, 2.0],
    )
    run(scene, curves.create("mse"))
    run(scene, curves.create("huber"))
    np.testing.assert_allclose(curves.values_shown("mse"), [0.25, 4.0], atol=1e-9)
    np.testing.assert_allclose(curves.inputs_shown("mse"), [0.5, 2.0], atol=1e-9)
    np.testing.assert_allclose(curves.values_shown("huber"), [2.5, 0.125, 1.5], atol=1e-9)


def test_chord_gap_follows_t_and_readouts(scene):
    axes = function_axes((-2, 3, 1), (0, 5, 1), x_length=5, y_length=5)
    gap = Readout("g", 0.0)
    drawing = ChordGap(axes, math.exp, -1.0, 1.5, (-2, 1.6), t=0.5, readouts={"gap": gap})
    run(scene, drawing.create())
    run(scene, drawing.slide_to(0.3))
    x = 0.3 * -1.0 + 0.7 * 1.5
    chord = 0.3 * math.exp(-1.0) + 0.7 * math.exp(1.5)
    np.testing.assert_allclose(drawing.curve_point_shown(), [x, math.exp(x)], atol=1e-9)
    np.testing.assert_allclose(drawing.chord_point_shown(), [x, chord], atol=1e-9)
    assert drawing.gap_shown() == pytest.approx(chord - math.exp(x), abs=1e-9)
    assert gap.value == pytest.approx(chord - math.exp(x), abs=5e-4)
    with pytest.raises(ValueError):
        drawing.slide_to(1.2)
