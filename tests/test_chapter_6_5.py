"""6.5 Integral Calculus: every checkpoint recomputed here independently (written-out sums,
sympy integrals, scipy quad); the readouts follow the moving region at every sampled moment,
and a copy whose A′ readout is not redrawn is caught by the check."""

from __future__ import annotations

import math
import tempfile
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
import sympy as sp
from scipy import integrate

from mathviz.course import get_chapter, load_scenes
from mathviz.primitives.readout import Readout
from mathviz.render import runner
from mathviz.render.narration import chapter_narrator
from mathviz.voice.engine import VoiceSettings, speaking

MOTION_INVARIANTS = (
    "invariant:A′ readout equals f readout",
    "invariant:f readout equals sin at the edge",
    "invariant:A readout equals the drawn area",
    "invariant:x readout equals the edge",
    "invariant:above readout equals the drawn area above the axis",
    "invariant:below readout equals the drawn area below the axis",
    "invariant:A readout equals the drawn signed area",
    "invariant:n readout shows a refinement",
    "invariant:sum readout is the midpoint sum for the n shown",
    "invariant:ΔA readout equals the drawn sliver",
    "invariant:f·h readout equals the edge's height times h",
)
SLIVER_H = 0.2


@pytest.fixture(scope="module")
def values(shown):
    return shown("6.5")


def written_out_midpoint_sum(n: int) -> float:
    h = math.pi / n
    total = 0.0
    for k in range(n):
        total += math.sin((k + 0.5) * h) * h  # height at the strip's midpoint times width
    return total


@pytest.mark.parametrize("n", [4, 8, 16, 64])
def test_drawn_rectangles_sum_to_the_midpoint_sum(values, n):
    assert values[f"midpoint_sum_n{n}"] == pytest.approx(written_out_midpoint_sum(n), abs=1e-9)


def test_sums_approach_two(values):
    x = sp.symbols("x")
    exact = float(sp.integrate(sp.sin(x), (x, 0, sp.pi)))
    assert exact == 2.0
    sums = [values[f"midpoint_sum_n{n}"] for n in (4, 8, 16, 64)]
    assert all(abs(a - exact) > abs(b - exact) for a, b in pairwise(sums))
    assert sums[0] == pytest.approx(2.0523443, abs=1e-7)
    for n in (4, 8, 16, 64):
        # the four-decimal readout prints the written-out sum, rounded
        assert values[f"sum_readout_n{n}"] == round(written_out_midpoint_sum(n), 4)
        assert values[f"rectangle_count_n{n}"] == n
        assert values[f"n_readout_n{n}"] == n
    assert values["area_0_to_pi"] == pytest.approx(integrate.quad(np.sin, 0, math.pi)[0], abs=1e-4)
    assert values["area_0_to_pi_readout"] == pytest.approx(exact, abs=5e-4)


def test_signed_area_over_two_pi(values):
    x = sp.symbols("x")
    upper = float(sp.integrate(sp.sin(x), (x, 0, sp.pi)))
    lower = float(sp.integrate(sp.sin(x), (x, sp.pi, 2 * sp.pi)))
    assert (upper, lower) == (2.0, -2.0)
    assert values["area_above_0_to_2pi"] == pytest.approx(upper, abs=1e-4)
    assert values["area_below_0_to_2pi"] == pytest.approx(lower, abs=1e-4)
    assert values["area_above_readout"] == pytest.approx(upper, abs=5e-4)
    assert values["area_below_readout"] == pytest.approx(lower, abs=5e-4)
    total = integrate.quad(np.sin, 0, 2 * math.pi)[0]
    assert values["signed_area_0_to_2pi"] == pytest.approx(total, abs=1e-4)
    assert values["signed_area_readout"] == pytest.approx(0.0, abs=5e-4)


@pytest.mark.parametrize("x", [1.0, 4.0])
def test_fundamental_theorem_at_marked_x(values, x):
    tag = f"x{x:g}"
    area = 1 - math.cos(x)
    assert integrate.quad(np.sin, 0, x)[0] == pytest.approx(area, abs=1e-12)
    assert values[f"A_at_{tag}"] == pytest.approx(area, abs=1e-4)
    np.testing.assert_allclose(values[f"A_traced_at_{tag}"], [x, area], atol=1e-4)
    assert values[f"A_readout_at_{tag}"] == pytest.approx(area, abs=5e-4)
    # the area's rate equals the integrand: d/dx (1 − cos x) = sin x
    t = sp.symbols("t")
    rate = float(sp.diff(1 - sp.cos(t), t).subs(t, x))
    assert values[f"A_rate_at_{tag}"] == round(rate, 3)
    assert values[f"f_readout_at_{tag}"] == round(math.sin(x), 3)
    assert values[f"x_readout_at_{tag}"] == round(x, 2)
    assert values[f"tangent_slope_at_{tag}"] == pytest.approx(rate, abs=1e-6)
    # the sliver of width h centred on the edge: its area by quadrature, and f(x)·h beside it
    lo, hi = x - SLIVER_H / 2, x + SLIVER_H / 2
    sliver = integrate.quad(np.sin, lo, hi)[0]
    assert sliver == pytest.approx(math.cos(lo) - math.cos(hi), abs=1e-12)
    assert values[f"sliver_area_at_{tag}"] == pytest.approx(sliver, abs=1e-6)
    assert values[f"sliver_readout_at_{tag}"] == round(sliver, 3)
    assert values[f"fh_readout_at_{tag}"] == round(math.sin(x) * SLIVER_H, 3)
    # the point of the sliver: at the printed precision its area is the curve's height × h
    assert values[f"sliver_readout_at_{tag}"] == values[f"fh_readout_at_{tag}"]


def by_name(reports) -> dict:
    return {c.name: c for r in reports for c in r.checkpoints}


def test_readouts_follow_the_region_at_every_sampled_moment(chapter_reports):
    results = by_name(chapter_reports("6.5"))
    for name in MOTION_INVARIANTS:
        assert results[name].ok, f"{name}: {results[name].source}"
        assert results[name].source.startswith("printed"), name
    assert not [c.name for c in results.values() if c.name.startswith("frozen@")]


def test_a_copy_whose_rate_readout_is_not_redrawn_fails_the_check():
    """A deliberately broken copy of 6.5: the A′ readout is set once from the drawing and
    never redrawn (the old bug: A′ = 0.841 beside f = −0.757). Run as ``mathviz check`` runs a
    chapter, the invariant A′ = f fails at a moment inside a sweep."""
    chapter = get_chapter("6.5")
    real = load_scenes(chapter)[0]
    module = __import__(real.__module__, fromlist=["RATE_LABEL"])

    class FrozenRateReadout(real):
        def construct(self) -> None:  # only the beats that sweep the signed region
            self.signed_area_beats()
            self.rate_beats()

        def rate_readout(self, region):
            readout = Readout(module.RATE_LABEL, 0.0, decimals=3, size=module.PANEL_SIZE)
            return readout.set(region.rate_shown(h=module.RATE_H))  # drawn once, never again

    narrator = chapter_narrator(chapter, VoiceSettings())
    with (
        tempfile.TemporaryDirectory(prefix="mathviz-check-") as media,
        runner.manim_config(None, Path(media), "none"),
        speaking(narrator),
    ):
        report, _ = runner.run_scene(chapter, FrozenRateReadout, skip=True)
    results = by_name([report])
    broken = results["invariant:A′ readout equals f readout"]
    assert not broken.ok
    assert "into play" in broken.source  # caught mid-animation, not at a beat end
    assert not results["A_rate_at_x1"].ok
    # everything that still follows the drawing passes
    for name in (
        "invariant:f readout equals sin at the edge",
        "invariant:A readout equals the drawn area",
        "f_readout_at_x1",
        "A_readout_at_x4",
    ):
        assert results[name].ok, name
