"""SecantTangent, LimitApproach and DerivativeTracer animated without rendering: what they
show, read back through their axes, equals hand formulas and sympy."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp


from mathviz.maths.calculus import CUBIC_WELL, SQUARE, sin_over_x
from mathviz.primitives.calculus import (
    DerivativeTracer,
    LimitApproach,
    SecantTangent,
    function_axes,
)
from mathviz.primitives.readout import Readout
from animation_helpers import run

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
    np.testing.assert_allclose(approach.dot_shown(), [0.05, math.sin(0.05) / 0.05], atol=1e-9)
    assert readout.value == pytest.approx(float(sp.sin(0.05) / 0.05), abs=5e-5)
    with pytest.raises(ValueError):
        approach.slide_to(-1.0)


def test_tracer_slope_and_trail_are_the_sympy_derivative(scene):
    slope = Readout("m", 0.0)
    tracer = DerivativeTracer(CUBIC_WELL, (-2, 2, 1), (-1.5, 1.5, 1), (-1.5, 3.5, 1), -2.0,
                              readouts={"slope": slope})
    run(scene, tracer.slide_to(2.0, run_time=1.0))
    # drive intermediate frames too: the trail is built from the frames seen
    anim = tracer.slide_to(-2.0, run_time=1.0, trace=True)
    anim._setup_scene(scene)
    anim.begin()
    for alpha in np.linspace(0, 1, 41):
        anim.interpolate(alpha)
    anim.finish()
    dexpr = sp.diff(X**3 / 3 - X, X)
    assert tracer.slope_shown() == pytest.approx(float(dexpr.subs(X, -2)), abs=1e-6)
    np.testing.assert_allclose(tracer.trace_point_shown(), [-2, float(dexpr.subs(X, -2))],
                               atol=1e-9)
    np.testing.assert_allclose(tracer.point_shown(), [-2, float((X**3 / 3 - X).subs(X, -2))],
                               atol=1e-9)
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
