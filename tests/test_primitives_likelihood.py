"""The coin row and the likelihood tracer: coins counted by colour, the probe on the curve
and the tangent at the curve's slope at every moment of a slide, the curve traced only
where the probe has been. Expected values come from fractions and sympy."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from animation_helpers import run
from manim import Axes

from mathviz.maths.estimation import CoinLikelihood
from mathviz.primitives.likelihood import CoinRow, LikelihoodTracer

P = sp.symbols("p")
L_EXPR = P**7 * (1 - P) ** 3
MOMENTS = np.linspace(0.0, 1.0, 13)


def axes() -> Axes:
    return Axes(x_range=(0, 1, 0.1), y_range=(0, 0.0025, 0.001), x_length=8, y_length=5)


def test_coins_are_counted_by_colour(scene):
    row = CoinRow(["H", "T", "H", "H", "T"])
    assert (row.heads_shown(), row.tails_shown()) == (3, 2)
    assert row.heads_shown().source.startswith("count")
    row[0][0].set_stroke(opacity=0)  # a coin not drawn is not counted
    assert row.heads_shown() == 2
    with pytest.raises(ValueError):
        CoinRow(["H", "X"])


def test_probe_rides_the_curve_and_tangent_matches_its_slope(scene):
    a = axes()
    tracer = LikelihoodTracer(a, CoinLikelihood(7, 10), 0.1)
    scene.add(tracer)
    anim = tracer.slide_to(0.9, run_time=2.0)
    anim._setup_scene(scene)
    anim.begin()
    for alpha in MOMENTS:
        anim.interpolate(alpha)
        p, height = tracer.dot_shown()
        assert height == pytest.approx(float(L_EXPR.subs(P, p)), rel=1e-9)
        slope = float(sp.diff(L_EXPR, P).subs(P, p))
        assert tracer.slope_shown() == pytest.approx(slope, rel=1e-6, abs=1e-12)
        # the trail reaches exactly as far as the probe has gone
        assert tracer.trail_shown()[:, 0].max() == pytest.approx(p, abs=2e-6)  # a hair at first
    anim.finish()
    assert tracer.dot_shown()[0] == pytest.approx(0.9)


def test_trail_is_traced_where_the_probe_went_and_peaks_at_seven_tenths(scene):
    a = axes()
    tracer = LikelihoodTracer(a, CoinLikelihood(7, 10), 0.05)
    run(scene, tracer.slide_to(0.95))
    run(scene, tracer.tour([0.5, 0.7]))
    pts = tracer.trail_shown()
    assert pts[:, 0].min() == pytest.approx(0.05) and pts[:, 0].max() == pytest.approx(0.95)
    assert tracer.trail_peak_shown() == pytest.approx(0.7, abs=0.0025)
    exact = float(Fraction(3, 10) ** 7 * Fraction(7, 10) ** 3)
    assert tracer.trail_height_at(0.3) == pytest.approx(exact, rel=1e-4)
    assert tracer.dot_shown()[0] == pytest.approx(0.7)
    assert tracer.slope_shown() == pytest.approx(0.0, abs=1e-12)
    assert tracer.tangent_direction_shown() == pytest.approx([1.0, 0.0], abs=1e-9)
    assert tracer.trail_slope_at(0.7) == pytest.approx(0.0, abs=1e-5)
    with pytest.raises(ValueError, match="does not reach"):
        tracer.trail_height_at(0.99)
    with pytest.raises(ValueError):
        tracer.slide_to(1.2)
