"""The hypothesis-test picture read back from its drawing: the curve's peak gives its
standard deviation, the shaded tails' area is the two-sided tail probability (scipy), the line
and the cut-offs stand where they were sent, the shuffle pile's lit bars hold the share beyond
the cut, and the verdict shows the text its p-value calls for."""

from __future__ import annotations

import numpy as np
import pytest
from animation_helpers import run
from manim import Axes, Text
from scipy import stats

from mathviz.primitives.tail_plot import ShufflePile, TailPlot, Verdict
from mathviz.readings import source_of


def axes() -> Axes:
    return Axes(x_range=(-7, 7, 1), y_range=(0, 0.3, 0.1), x_length=9, y_length=5.4)


def test_curve_line_and_tails_read_back(scene):
    plot = TailPlot(axes(), 1.5, line_top=0.29)
    assert plot.sd_shown() == pytest.approx(1.5, rel=1e-9)
    assert plot.tail_area_shown() == 0.0
    run(scene, plot.slide_line(3.0))
    assert plot.observed_shown() == pytest.approx(3.0, abs=1e-9)
    assert plot.mirror_shown() == pytest.approx(-3.0, abs=1e-9)
    run(scene, plot.shade())
    exact = 2 * (stats.norm.sf(3.0, scale=1.5) - stats.norm.sf(7.0, scale=1.5))
    assert plot.tail_area_shown() == pytest.approx(exact, abs=1e-6)
    assert source_of(plot.tail_area_shown()).startswith("area")


def test_ruler_ticks_every_standard_error(scene):
    plot = TailPlot(axes(), 1.5, 3.4, line_top=0.29)
    assert plot.ruler_ticks_shown() == 0
    run(scene, plot.measure())
    assert plot.ruler_shown() == pytest.approx(3.4, abs=1e-9)
    assert plot.ruler_ticks_shown() == 3  # at 0, 1.5 and 3.0


def test_cut_offs_and_a_new_null(scene):
    plot = TailPlot(axes(), 1.5, 3.0, line_top=0.29)
    run(scene, plot.show_cuts(1.96))  # in standard errors
    assert plot.cut_shown() == pytest.approx(1.96 * 1.5, abs=1e-9)
    run(scene, plot.change(1.2, 1.0))
    assert plot.sd_shown() == pytest.approx(1.2, rel=1e-9)
    assert plot.cut_shown() == pytest.approx(1.96 * 1.2, abs=1e-9)
    assert plot.observed_shown() == pytest.approx(1.0, abs=1e-9)


def test_pile_lights_the_share_beyond_the_cut(scene):
    rng = np.random.default_rng(0)
    values = np.round(rng.normal(0, 1.5, 500) / 0.2) * 0.2 + 0.1  # on the bins' centres
    edges = np.round(np.arange(-70, 72, 2) / 10, 10)
    pile = ShufflePile(axes(), values, edges)
    assert pile.piled_shown() == 0
    run(scene, pile.pile())
    inside = values[(values > -7) & (values < 7)]
    assert pile.piled_shown() == len(inside)
    run(scene, pile.light_beyond(2.5))
    share = np.mean(np.abs(values) >= 2.5 - 1e-9)
    assert pile.lit_share_shown() == pytest.approx(share, abs=1e-9)


def test_verdict_shows_one_text(scene):
    verdict = Verdict(Text("reject"), Text("keep"), 0.05)
    assert verdict.show_for(0.02).rejections_shown() == 1
    assert verdict.show_for(0.5).rejections_shown() == 0
