"""SecantTangent, LimitApproach and DerivativeTracer animated without rendering: what they
show, read back through their axes, equals hand formulas and sympy."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from animation_helpers import run
from manim import VGroup
from manim.utils.rate_functions import smooth

from mathviz.maths.calculus import CUBIC_WELL, SQUARE, sin_over_x
from mathviz.primitives.calculus import (
    DerivativeTracer,
    LimitApproach,
    SecantTangent,
    function_axes,
)
from mathviz.primitives.readout import Readout

X = sp.symbols("x")


def axes():
    return function_axes((-1, 3, 1), (-1, 5, 1), x_length=6, y_length=4.5)


def test_secant_rotates_to_each_h_and_reads_back_its_slope(scene):
    readout = Readout("m", 0.0, decimals=4)
    secant = SecantTangent(axes(), SQUARE, 1.0, 1.0, readout=readout)
    assert secant.slope_shown() == pytest.approx(3.0, abs=1e-9)
    assert readout.value == pytest.approx(3.0, abs=5e-5)
    for h in (0.1, 0.01):
        run(scene, secant.animate_h_to(h))
        readout.update()  # it follows the drawing at the next frame
        exact = ((1 + h) ** 2 - 1) / h
        assert secant.slope_shown() == pytest.approx(exact, abs=1e-6)
        assert readout.value == pytest.approx(exact, abs=5e-5)
        p, q = secant.points_shown()
        np.testing.assert_allclose(p, [1, 1], atol=1e-9)
        np.testing.assert_allclose(q, [1 + h, (1 + h) ** 2], atol=1e-9)
    run(scene, secant.show_tangent(2.0))
    assert secant.tangent_slope_shown() == pytest.approx(2.0, abs=1e-9)


def test_secant_refuses_to_cross_zero():
    secant = SecantTangent(axes(), SQUARE, 1.0, 1.0)
    with pytest.raises(ValueError):
        secant.animate_h_to(0.0)
    with pytest.raises(ValueError):
        secant.animate_h_to(-0.1)
    with pytest.raises(RuntimeError):
        secant.tangent_slope_shown()


def test_limit_approach_dot_sits_on_sin_x_over_x(scene):
    ax = function_axes((-4, 4, 1), (-0.5, 1.5, 0.5), x_length=8, y_length=4)
    readout = Readout("y", 0.0, decimals=4)
    approach = LimitApproach(ax, sin_over_x, (-4, 4), 0.0, 1.0, 3.0, readout=readout)
    np.testing.assert_allclose(approach.dot_shown(), [3, math.sin(3) / 3], atol=1e-9)
    run(scene, approach.slide_to(0.05))
    readout.update()
    np.testing.assert_allclose(approach.dot_shown(), [0.05, math.sin(0.05) / 0.05], atol=1e-9)
    assert readout.value == pytest.approx(float(sp.sin(0.05) / 0.05), abs=5e-5)
    with pytest.raises(ValueError):
        approach.slide_to(-1.0)


def test_tracer_slope_and_trail_are_the_sympy_derivative(scene):
    slope = Readout("m", 0.0)
    tracer = DerivativeTracer(
        CUBIC_WELL, (-2, 2, 1), (-1.5, 1.5, 1), (-1.5, 3.5, 1), -2.0, readouts={"slope": slope}
    )
    run(scene, tracer.slide_to(2.0, run_time=1.0))
    # drive intermediate frames too: the trail is built from the frames seen
    anim = tracer.slide_to(-2.0, run_time=1.0, trace=True)
    anim._setup_scene(scene)
    anim.begin()
    for alpha in np.linspace(0, 1, 41):
        anim.interpolate(alpha)
    anim.finish()
    slope.update()
    dexpr = sp.diff(X**3 / 3 - X, X)
    assert tracer.slope_shown() == pytest.approx(float(dexpr.subs(X, -2)), abs=1e-6)
    np.testing.assert_allclose(
        tracer.trace_point_shown(), [-2, float(dexpr.subs(X, -2))], atol=1e-9
    )
    np.testing.assert_allclose(
        tracer.point_shown(), [-2, float((X**3 / 3 - X).subs(X, -2))], atol=1e-9
    )
    assert slope.value == pytest.approx(3.0, abs=5e-4)
    for t in (-1.5, -1.0, 0.0, 0.5, 1.0):
        assert tracer.trail_value_at(t) == pytest.approx(float(dexpr.subs(X, t)), abs=1e-3)


def test_tracer_columns_line_up_and_jump_starts_a_fresh_trail(scene):
    tracer = DerivativeTracer(CUBIC_WELL, (-2, 2, 1), (-1.5, 1.5, 1), (-1.5, 3.5, 1), 0.5)
    for t in (-2.0, 0.0, 1.7):
        assert tracer.top.c2p(t, 0)[0] == pytest.approx(tracer.bottom.c2p(t, 0)[0], abs=1e-9)
    tracer.jump_to(1.0)
    assert tracer.trail.get_num_points() == 0
    assert tracer.slope_shown() == pytest.approx(0.0, abs=1e-9)
    run(scene, tracer.mark(1.0))
    assert len(tracer.markers) == 1


def test_secant_run_leg_is_h_and_the_readouts_follow_the_turning_secant(scene):
    """The ``h`` readout is the run leg read back through the axes (exactly h: no hair added
    to the leg), and both readouts show the drawing at every moment of the turn."""
    slope, run_read = Readout("m", 0.0, decimals=4), Readout("h", 0.0, decimals=4)
    secant = SecantTangent(axes(), SQUARE, 1.0, 1.0, readout=slope, run_readout=run_read)
    assert secant.run_shown() == pytest.approx(1.0, abs=1e-12)
    assert secant.rise_shown() == pytest.approx(3.0, abs=1e-12)
    panel = VGroup(slope, run_read)
    scene.add(panel, secant)
    turn = secant.animate_h_to(0.01, run_time=1.0)
    assert slope.number in scene.get_moving_mobjects(turn)
    turn._setup_scene(scene)
    turn.begin()
    for alpha in (0.3, 0.7, 1.0):
        turn.interpolate(alpha)
        scene.update_mobjects(0)
        h = 0.01 ** smooth(alpha)  # the turn shrinks h geometrically from 1, eased
        assert secant.run_shown() == pytest.approx(h, abs=1e-12)
        assert run_read.value == round(h, 4)
        assert slope.value == round(2 + h, 4)  # ((1 + h)² − 1) / h
    turn.finish()
    scene.remove(panel, secant)


def test_limit_approach_readouts_follow_the_dot(scene):
    ax = function_axes((-4, 4, 1), (-0.5, 1.5, 0.5), x_length=8, y_length=4)
    y_read, x_read = Readout("y", 0.0, decimals=5), Readout("x", 0.0, decimals=3)
    approach = LimitApproach(
        ax, sin_over_x, (-4, 4), 0.0, 1.0, 3.0, readout=y_read, x_readout=x_read
    )
    panel = VGroup(y_read, x_read)
    scene.add(panel, approach)
    slide = approach.slide_to(0.5, run_time=1.0)
    assert y_read.number in scene.get_moving_mobjects(slide)
    slide._setup_scene(scene)
    slide.begin()
    for alpha in (0.25, 0.5, 0.9):
        slide.interpolate(alpha)
        scene.update_mobjects(0)
        x = float(approach.dot_shown()[0])
        assert x_read.value == round(x, 3)
        assert y_read.value == pytest.approx(math.sin(x) / x, abs=5e-6)
    slide.finish()
    scene.remove(panel, approach)


def test_tracer_readouts_follow_and_can_be_handed_over(scene):
    old_x, new_x, new_slope = Readout("x", 0.0), Readout("x", 0.0), Readout("m", 0.0)
    tracer = DerivativeTracer(
        CUBIC_WELL, (-2, 2, 1), (-1.5, 1.5, 1), (-1.5, 3.5, 1), -2.0, readouts={"x": old_x}
    )
    assert old_x.value == -2.0
    tracer.follow_with({"x": new_x, "slope": new_slope})
    run(scene, tracer.slide_to(0.5, run_time=1.0))
    for readout in (old_x, new_x, new_slope):
        readout.update()
    assert old_x.value == -2.0  # stopped following, keeps what it showed
    assert new_x.value == 0.5
    assert new_slope.value == 0.5**2 - 1
    with pytest.raises(ValueError):
        tracer.follow_with({"height": old_x})


def test_backed_tick_labels_are_not_crossed_by_the_plot():
    """A curve through a tick number crosses it on plain axes; on backed axes it runs under
    the number's patch of background, drawn above the plot."""
    from manim import config

    from mathviz import theme
    from mathviz.layout import layout_findings

    def crossings(backed: bool) -> list:
        ax = function_axes((-2, 2, 1), (-1.5, 3.5, 1), x_length=6, y_length=4, backed_labels=backed)
        # f' = x² − 1 of 6.2: flat at the y-axis' tick label "−1"
        curve = ax.plot(lambda x: x * x - 1, x_range=(-2, 2), color=theme.GRADIENT)
        found = layout_findings(
            [ax, curve],
            frame_width=config.frame_width,
            frame_height=config.frame_height,
            margin=theme.SAFE_MARGIN,
            background=theme.BACKGROUND,
        )
        return [f for f in found if f.kind == "crossing"]

    assert crossings(backed=False)
    assert not crossings(backed=True)


def test_tracer_tour_sweeps_through_its_stops_at_one_speed(scene):
    """A tour from 0 over -1 to 1 covers 3 units at one (eased) speed: one unit down to -1,
    then two up to 1; the tangent's slope is x² - 1 throughout, and the trail is unchanged
    without ``trace``."""
    tracer = DerivativeTracer(CUBIC_WELL, (-2, 2, 1), (-1.5, 1.5, 1), (-2, 4, 2), -2.0)
    run(scene, tracer.slide_to(0.0, run_time=1.0))
    trail = tracer.trail_shown().copy()
    sweep = tracer.tour(-1.0, 1.0, run_time=3.0, trace=False)
    sweep._setup_scene(scene)
    sweep.begin()
    for alpha in (0.2, 0.4, 0.7, 1.0):
        sweep.interpolate(alpha)  # eased over the whole tour
        done = 3 * smooth(alpha)  # units travelled: 1 down to -1, then 2 up to 1
        x = -done if done <= 1 else -1 + (done - 1)
        assert tracer.point_shown()[0] == pytest.approx(x, abs=1e-9)
        assert tracer.slope_shown() == pytest.approx(x * x - 1, abs=1e-9)
    sweep.finish()
    np.testing.assert_allclose(tracer.trail_shown(), trail)
