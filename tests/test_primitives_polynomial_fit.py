"""Polynomial primitives in motion: the curve is clipped to the plot and morphs straight from
one polynomial to the next, the zoom keeps the x-axis, root dots sit on the roots, and the
residual segments follow the curve. Expected values are worked out here with numpy."""

from __future__ import annotations

import numpy as np
import pytest
from animation_helpers import run
from manim import Axes

from mathviz.primitives.polynomial_fit import FitPlot, PolynomialCurve, RootDots
from mathviz.primitives.readout import coords

CUBIC = [-6.0, 11.0, -6.0, 1.0]
MOMENTS = np.linspace(0.0, 1.0, 17)


def axes(y_max: float, step: float = 1.0) -> Axes:
    return Axes(
        x_range=(0, 4, 1),
        y_range=(-y_max, y_max, step),
        x_length=6,
        y_length=5,
        axis_config={"include_numbers": True},
    )


def cubic(x):
    return x**3 - 6 * x**2 + 11 * x - 6


def test_curve_is_clipped_to_the_plot(scene):
    a = axes(2)
    curve = PolynomialCurve(a, CUBIC)
    pts = coords(a, curve.get_anchors())
    ys = pts[:, 1]
    assert ys.min() >= -2 - 1e-9 and ys.max() <= 2 + 1e-9
    # it starts where the cubic enters the band, x³ − 6x² + 11x − 4 = 0 near 0.48 (the
    # crossing is interpolated linearly between samples 0.01 apart)
    enter = min(r.real for r in np.roots([1, -6, 11, -4]) if abs(r.imag) < 1e-9)
    assert pts[:, 0].min() == pytest.approx(enter, abs=1e-4)  # linear between samples
    for x in (1.0, 1.5, 2.0, 3.25):
        assert curve.height_shown(x) == pytest.approx(cubic(x), abs=1e-3)
    with pytest.raises(ValueError, match="outside the drawn curve"):
        curve.height_shown(0.2)
    # a gap where the curve leaves the plot and comes back is not read across either
    wave = PolynomialCurve(a, [0.0, 0.0, 3.0, -1.0])  # 3x² − x³ rises above 2 and falls back
    with pytest.raises(ValueError, match="outside the plot"):
        wave.height_shown(2.0)


def test_morph_moves_every_height_straight(scene):
    a = axes(8, 4)
    curve = PolynomialCurve(a, [0, 0, 0, 1])
    scene.add(curve)
    anim = curve.morph_to([0, 0, -6, 1])
    anim._setup_scene(scene)
    anim.begin()
    for alpha in MOMENTS[1:-1]:
        anim.interpolate(alpha)
        s = anim.rate_func(alpha)
        assert curve.height_shown(1.0) == pytest.approx(1 - 6 * s, abs=1e-9)
    anim.finish()
    assert curve.height_shown(1.0) == pytest.approx(-5.0, abs=1e-9)


def test_zoom_keeps_the_x_axis_and_lands_on_the_new_axes(scene):
    tall, short = axes(8, 4), axes(2)
    curve = PolynomialCurve(tall, CUBIC)
    scene.add(tall, curve)
    anim = curve.zoom_to(short)
    scene.add(short.y_axis.numbers)
    run(scene, anim)
    curve.settle_axes(short)
    assert curve.height_shown(2.5) == pytest.approx(cubic(2.5), abs=1e-3)
    assert short.y_axis.numbers.get_fill_opacity() == pytest.approx(1.0)
    assert tall.y_axis.numbers.get_fill_opacity() == pytest.approx(0.0)


def test_root_dots_and_follower(scene):
    a = axes(2)
    dots = RootDots(a, CUBIC)
    run(scene, dots.create())
    np.testing.assert_allclose(dots.roots_shown(), [1, 2, 3], atol=1e-9)
    np.testing.assert_allclose(dots.heights_shown(), [0, 0, 0], atol=1e-9)
    curve = PolynomialCurve(a, CUBIC)
    dot = curve.dot_at(0.6, color="#ffffff")
    run(scene, curve.slide(dot, 3.4))
    np.testing.assert_allclose(coords(a, dot), [3.4, cubic(3.4)], atol=1e-9)


def test_residuals_follow_the_curve_and_read_the_training_error(scene):
    a = Axes(x_range=(0, 4, 1), y_range=(-4, 4, 1), x_length=6, y_length=5)
    x = np.array([0.5, 1.5, 2.5, 3.5])
    y = np.array([1.0, -1.0, 2.0, 0.0])
    plot = FitPlot(a, x, y, np.sin, fresh_x=[1.0, 3.0], fresh_y=[0.0, 1.0])
    scene.add(plot)
    run(scene, plot.sample())
    assert plot.points_drawn() == 4
    np.testing.assert_allclose(plot.points_shown(), np.column_stack([x, y]), atol=1e-9)
    run(scene, plot.show_fit([0.5]))
    run(scene, plot.show_residuals())
    np.testing.assert_allclose(plot.residuals_shown(), y - 0.5, atol=1e-9)
    assert plot.training_error_shown() == pytest.approx(np.mean((y - 0.5) ** 2))
    # morph to the line through (0, 1) with slope -0.5: the segments move with it
    anim = plot.morph_to([1.0, -0.5])
    anim._setup_scene(scene)
    anim.begin()
    anim.interpolate(0.5)
    s = anim.rate_func(0.5)
    line = (1 - s) * 0.5 + s * (1.0 - 0.5 * x)
    np.testing.assert_allclose(plot.residuals_shown(), y - line, atol=1e-9)
    anim.finish()
    run(scene, plot.add_fresh())
    assert plot.fresh_error_shown() == pytest.approx(
        np.mean((np.array([0.0, 1.0]) - (1.0 - 0.5 * np.array([1.0, 3.0]))) ** 2)
    )
    w = np.polyfit(x, y, 3)
    run(scene, plot.morph_to(np.polyfit(x, y, 3)[::-1]))
    assert plot.max_distance_shown() == pytest.approx(0.0, abs=1e-9)
    np.testing.assert_allclose(np.polyval(w, x), y, atol=1e-9)
    assert len(plot.legend()) == 4
