"""Approximation primitives in motion: the Taylor morph keeps every x's height on the straight
path between the two polynomials, and the log–log error line never runs ahead of its dots.
Expected values are written out here (Taylor sums by hand, forward differences in numpy)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from animation_helpers import run
from manim import Axes, DecimalNumber, VGroup
from manim.mobject.graphing.scale import LogBase

from mathviz.primitives.approximation import LogLogErrorPlot, TaylorSeriesPlot
from mathviz.primitives.plots import number_edges

#: the Maclaurin polynomials of sin at x = 2, summed by hand
AT_TWO = {1: 2.0, 3: 2 - 8 / 6, 5: 2 - 8 / 6 + 32 / 120}
#: moments of a play (as fractions of its run time): the engine samples 8, these are finer
MOMENTS = np.linspace(0.0, 1.0, 41)


def taylor_axes() -> Axes:
    return Axes(x_range=(-4, 4, 1), y_range=(-2.5, 2.5, 1), x_length=7.2, y_length=4.6)


def log_log_plot() -> LogLogErrorPlot:
    axes = Axes(
        x_range=(-15, -1, 1),
        y_range=(-10, 0, 1),
        x_length=7,
        y_length=4.5,
        x_axis_config={"scaling": LogBase()},
        y_axis_config={"scaling": LogBase()},
    )
    hs = 10.0 ** -np.arange(1, 16)
    errors = np.abs((np.sin(1 + hs) - np.sin(1)) / hs - np.cos(1))
    return LogLogErrorPlot(axes, hs, errors)


@pytest.mark.parametrize(("old", "new"), [(1, 3), (3, 5)])
def test_taylor_morph_moves_each_height_straight_to_the_new_value(scene, old, new):
    # the old Transform paired points of curves sampled over different ranges: mid-morph the
    # drawn height at 2 was 1.03 where the straight path is at 1.33 (degree 1 -> 3)
    plot = TaylorSeriesPlot(taylor_axes(), 1)
    scene.add(plot)
    if old > 1:
        run(scene, plot.add_terms_to(old))
    anim = plot.add_terms_to(new)
    anim._setup_scene(scene)
    anim.begin()
    for alpha in MOMENTS[1:-1]:
        anim.interpolate(alpha)
        s = anim.rate_func(alpha)
        assert plot.value_shown(2.0) == pytest.approx(
            (1 - s) * AT_TWO[old] + s * AT_TWO[new], abs=1e-9
        )
    anim.finish()
    assert plot.value_shown(2.0) == pytest.approx(AT_TWO[new], abs=1e-9)


def test_taylor_morph_ends_on_the_polynomial_clipped_to_the_axes(scene):
    plot = TaylorSeriesPlot(taylor_axes(), 1)
    scene.add(plot)
    run(scene, plot.add_terms_to(3))
    # x − x³/6 leaves |y| ≤ 2.5 just past x = 3.27 (x³ − 6x − 15 = 0): drawn to ±3.27
    root = float(np.max(np.roots([1, 0, -6, -15]).real))
    xs = sorted(plot.axes.p2c(p)[0] for p in plot.polynomial.get_anchors())
    assert xs[0] == pytest.approx(-xs[-1], abs=1e-9)
    assert root - 0.01 <= xs[-1] <= root
    for x in (-3.0, -1.5, 0.5, 2.0, 3.2):
        assert plot.value_shown(x) == pytest.approx(x - x**3 / 6, abs=1e-9)


def test_error_line_never_reaches_a_point_before_its_dot(scene):
    # the old create ran Create (smooth) against dots popping at a constant pace: at 5/8 and
    # 6/8 of the play the line had passed 2 and 3 points that were not drawn yet
    plot = log_log_plot()
    scene.add(plot)
    anim = plot.create(run_time=4.0)
    anim._setup_scene(scene)
    anim.begin()
    drawn_dots = []
    for alpha in MOMENTS:
        anim.interpolate(alpha)
        assert plot.points_reached_before_drawn() == 0, f"line ahead of its dots at {alpha}"
        drawn_dots.append(sum(1 for d in plot.dots if d.width > 1e-9))
    anim.finish()
    assert drawn_dots == sorted(drawn_dots) and drawn_dots[-1] == 15  # dots pop in order
    assert plot.points_reached_before_drawn() == 0


def test_line_ahead_of_its_dots_is_counted(scene):
    plot = log_log_plot()
    scene.add(plot)
    for dot in plot.dots[5:]:
        dot.scale(0)  # points 5… not drawn
    assert plot.points_reached_before_drawn() == 10  # the full line passes all ten of them
    partial = plot.line.copy()
    plot.line.pointwise_become_partial(partial, 0.0, 4.5 / 14)  # half way from point 4 to 5
    assert plot.points_reached_before_drawn() == 1
    plot.line.pointwise_become_partial(partial, 0.0, 4.0 / 14)  # exactly at point 4
    assert plot.points_reached_before_drawn() == 0


def test_log10_points_read_through_the_log_axes(scene):
    plot = log_log_plot()
    scene.add(plot)
    run(scene, plot.create())
    shown = plot.log10_points_shown()
    assert shown.source.startswith("geometry")
    hs = 10.0 ** -np.arange(1, 16)
    errors = np.abs((np.sin(1 + hs) - np.sin(1)) / hs - np.cos(1))
    np.testing.assert_allclose(shown[:, 0], -np.arange(1, 16), atol=1e-9)
    np.testing.assert_allclose(shown[:, 1], [math.log10(e) for e in errors], atol=1e-9)


def test_number_edges_writes_tick_numbers_outside_the_plot():
    axes = Axes(
        x_range=(-5, 5, 1),
        y_range=(-1.5, 1.5, 0.5),
        x_length=7.6,
        y_length=4.4,
        tips=False,
        axis_config={"include_numbers": True},
    )
    number_edges(axes, y_decimals=1)
    bottom_left = axes.c2p(-5, -1.5)
    xs = [float(n.get_value()) for n in axes.x_axis.numbers]
    ys = [float(n.get_value()) for n in axes.y_axis.numbers]
    assert xs == list(range(-5, 6))  # 0 included, each once
    assert ys == [-1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5]
    for n in axes.x_axis.numbers:  # under the bottom edge, at its tick
        assert n.get_top()[1] < bottom_left[1]
        assert n.get_left()[0] < axes.c2p(n.get_value(), 0)[0] < n.get_right()[0]
    for n in axes.y_axis.numbers:  # left of the left edge, at its tick
        assert n.get_right()[0] < bottom_left[0]
        assert n.get_bottom()[1] < axes.c2p(0, n.get_value())[1] < n.get_top()[1]
    # the numbers Manim wrote on the axes are gone: one set of numbers per axis
    assert (
        sum(
            1
            for m in axes.x_axis.submobjects
            if isinstance(m, VGroup) and any(isinstance(d, DecimalNumber) for d in m)
        )
        == 1
    )


@pytest.mark.filterwarnings("ignore:invalid value encountered in log:RuntimeWarning")
def test_number_edges_refuses_log_axes():
    log_axes = Axes(x_range=(-3, 0, 1), y_range=(-3, 0, 1), x_axis_config={"scaling": LogBase()})
    with pytest.raises(ValueError):
        number_edges(log_axes)
