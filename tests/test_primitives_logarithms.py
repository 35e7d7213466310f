"""MirrorDiagram and LogRuler: what they read back from the drawing, built and animated without
rendering, against math.exp, math.log and math.log2 here."""

from __future__ import annotations

import math

import numpy as np
import pytest
from animation_helpers import run
from manim import Axes

from mathviz.maths.logarithms import LogScale
from mathviz.primitives.logarithms import LogRuler, MirrorDiagram
from mathviz.readings import source_of


def square_axes() -> Axes:
    return Axes(x_range=(-2, 5, 1), y_range=(-2, 5, 1), x_length=6.3, y_length=6.3)


def test_the_point_sits_on_exp_and_folds_onto_its_mirror(scene):
    m = MirrorDiagram(square_axes(), 1.0)
    scene.add(m)
    np.testing.assert_allclose(m.point_shown(), [1.0, math.e], atol=1e-9)
    assert source_of(m.point_shown()).startswith("geometry")
    run(scene, m.fold())
    np.testing.assert_allclose(m.image_shown(), [math.e, 1.0], atol=1e-9)
    assert m.chord_angle_shown() == pytest.approx(90.0, abs=1e-9)
    foot = (1.0 + math.e) / 2
    np.testing.assert_allclose(m.foot_shown(), [foot, foot], atol=1e-9)
    curve = np.asarray(m.mirror_curve_shown())
    np.testing.assert_allclose(curve[:, 1], np.log(curve[:, 0]), atol=1e-9)
    original = np.asarray(m.curve_shown())
    np.testing.assert_allclose(original[:, 1], np.exp(original[:, 0]), atol=1e-9)


def test_halfway_through_the_fold_everything_lies_on_the_diagonal(scene):
    m = MirrorDiagram(square_axes(), 1.0)
    m.t = 0.5
    m.redraw()
    image = m.image_shown()
    assert image[0] == pytest.approx(image[1], abs=1e-9)
    curve = np.asarray(m.mirror_curve_shown())
    np.testing.assert_allclose(curve[:, 0], curve[:, 1], atol=1e-9)


@pytest.mark.parametrize("a", [-1.0, 0.0, 1.5])
def test_sliding_keeps_the_mirror_swapped(scene, a):
    m = MirrorDiagram(square_axes(), 1.0)
    scene.add(m)
    run(scene, m.fold())
    run(scene, m.slide(a))
    np.testing.assert_allclose(m.point_shown(), [a, math.exp(a)], atol=1e-9)
    np.testing.assert_allclose(m.image_shown(), [math.exp(a), a], atol=1e-9)


def test_bars_on_the_log_ruler(scene):
    ruler = LogRuler(LogScale(2.0, 1.0, 64.0), left=(-5.0, 0.0), length=12.0)
    scene.add(ruler)
    np.testing.assert_allclose(ruler.tick_values_shown(), [2.0**k for k in range(7)], rtol=1e-12)
    ruler.add_bar("a", 1, 8, height=0.5, color="#FFFFFF")
    ruler.add_bar("b", 1, 4, height=1.0, color="#FFFFFF")
    run(scene, ruler.grow("a"))
    run(scene, ruler.grow("b"))
    assert ruler.bar_length_shown("a") == pytest.approx(math.log2(8), abs=1e-9)
    np.testing.assert_allclose(ruler.bar_ends_shown("b"), [1.0, 4.0], rtol=1e-9)
    run(scene, ruler.slide("b", 8, height=0.5))
    np.testing.assert_allclose(ruler.bar_ends_shown("b"), [8.0, 32.0], rtol=1e-9)
    assert ruler.bar_length_shown("b") == pytest.approx(math.log2(4), abs=1e-9)
