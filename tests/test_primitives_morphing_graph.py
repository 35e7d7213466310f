"""MorphingGraph and CurveTangent: what they read back from the drawing, built and animated
without rendering, against values computed here (scipy, math, numpy)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from animation_helpers import run
from manim import Axes
from scipy.special import expit

from mathviz import theme
from mathviz.maths import activations as act
from mathviz.primitives.morphing_graph import CurveTangent, MorphingGraph

X_RANGE, Y_RANGE = (-4.0, 4.0), (-1.5, 3.0)
PINS = (-2.0, 0.0, 1.0)
COLORS = (theme.ACCENT, theme.HYPOTHESIS, theme.BASIS_I)


def axes() -> Axes:
    return Axes(x_range=(*X_RANGE, 1), y_range=(*Y_RANGE, 1), x_length=7.8, y_length=6.2)


def graph_of(f) -> act.SampledGraph:
    return act.sample(f, act.window_domain(f, X_RANGE, Y_RANGE), PINS, X_RANGE, 161)


def test_dots_sit_on_the_drawn_curve_at_their_inputs():
    g = MorphingGraph(axes(), graph_of(act.exponential), PINS, COLORS)
    np.testing.assert_allclose(g.probes_shown(), [[x, math.exp(x)] for x in PINS], atol=1e-12)
    assert g.dots_shown() == 3
    np.testing.assert_allclose(g.probe_gaps_shown(), 0.0, atol=1e-12)
    drawn = g.curve_shown()
    assert len(drawn) == 161
    assert drawn[-1] == pytest.approx([math.log(3), 3.0], abs=1e-9)
    assert g.height_shown(0.5) == pytest.approx(math.exp(0.5), abs=1e-3)  # a chord, not eˣ


def test_in_motion_each_dot_is_the_blend_of_the_two_functions(scene):
    g = MorphingGraph(axes(), graph_of(act.exponential), PINS, COLORS)
    anim = g.morph_to(graph_of(act.sigmoid))
    anim._setup_scene(scene)
    anim.begin()
    for alpha in np.linspace(0, 1, 17):
        anim.interpolate(alpha)
        t = anim.rate_func(alpha)
        expected = [(1 - t) * math.exp(x) + t * expit(x) for x in PINS]
        np.testing.assert_allclose(g.probes_shown()[:, 1], expected, atol=1e-12)
        np.testing.assert_allclose(g.probes_shown()[:, 0], PINS, atol=1e-12)
        np.testing.assert_allclose(g.probe_gaps_shown(), 0.0, atol=1e-12)
        assert np.all(np.diff(g.curve_shown()[:, 0]) > 0)  # still a function's graph
    anim.finish()
    np.testing.assert_allclose(g.probes_shown()[:, 1], expit(PINS), atol=1e-12)


def test_a_morph_through_a_family_draws_each_member(scene):
    g = MorphingGraph(axes(), graph_of(act.sigmoid), PINS, COLORS)

    def family(t):  # every member stays inside the window over the whole x range
        return act.sample(act.scaled_sigmoid(1 + t, 1 + t, -t), X_RANGE, PINS, X_RANGE, 161)

    anim = g.morph_through(family)
    anim._setup_scene(scene)
    anim.begin()
    anim.interpolate(0.5)
    t = anim.rate_func(0.5)
    drawn = g.curve_shown()
    np.testing.assert_allclose(drawn[:, 1], (1 + t) * expit((1 + t) * drawn[:, 0]) - t, atol=1e-12)
    anim.finish()
    drawn = g.curve_shown()
    np.testing.assert_allclose(drawn[:, 1], np.tanh(drawn[:, 0]), atol=1e-12)


def test_the_ghost_stays_behind():
    g = MorphingGraph(axes(), graph_of(act.linear), PINS, COLORS)
    ghost = g.ghost()
    g.show_graph(graph_of(act.quadratic))
    assert ghost not in g.get_family()
    assert not np.allclose(ghost.points, g.curve.points)


def test_a_tangent_riding_relu_jumps_at_the_kink(scene):
    g = MorphingGraph(axes(), graph_of(act.relu), PINS, COLORS)
    assert g.slope_shown(0.0, -1) == pytest.approx(0.0, abs=1e-12)
    assert g.slope_shown(0.0, 1) == pytest.approx(1.0, abs=1e-12)
    tangent = CurveTangent(g, -3.0)
    np.testing.assert_allclose(tangent.pose_shown(), [0.0, 0.0], atol=1e-12)
    slopes = []
    anim = tangent.slide(2.0)
    anim._setup_scene(scene)
    anim.begin()
    for alpha in np.linspace(0, 1, 41):
        anim.interpolate(alpha)
        x = float(tangent.centre_shown()[0])
        slopes.append(tangent.tangent_slope_shown())
        assert tangent.tangent_slope_shown() == pytest.approx(1.0 if x >= 0 else 0.0, abs=1e-9)
        assert tangent.centre_shown()[1] == pytest.approx(max(0.0, x), abs=1e-9)
    anim.finish()
    assert sorted(set(np.round(slopes, 9))) == [0.0, 1.0]  # nothing in between
    run(scene, tangent.slide(-1.0))
    assert tangent.centre_shown() == pytest.approx([-1.0, 0.0], abs=1e-9)


def test_every_probe_needs_a_sample():
    with pytest.raises(ValueError, match="one colour"):
        MorphingGraph(axes(), graph_of(act.linear), PINS, COLORS[:2])
    with pytest.raises(ValueError, match="not a sample"):
        MorphingGraph(axes(), graph_of(act.linear), (0.3,), COLORS[:1])
