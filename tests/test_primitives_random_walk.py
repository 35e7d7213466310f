"""Walk cloud, √n band, sideways histogram and Markov strip: read back through their axes."""

from __future__ import annotations

import math
import statistics

import numpy as np
import pytest
from animation_helpers import run
from manim import Axes

from mathviz import theme
from mathviz.maths.random_walk import walk_paths
from mathviz.primitives.random_walk import MarkovStrip, SideHistogram, SqrtBand, WalkCloud
from mathviz.readings import source_of


def _axes() -> Axes:
    return Axes(x_range=(0, 40, 10), y_range=(-20, 20, 10), x_length=8, y_length=5, tips=False)


def test_cloud_heads_read_back_through_the_axes(scene):
    paths = walk_paths(30, 40, np.random.default_rng(5))
    axes = _axes()
    cloud = WalkCloud(axes, paths)
    assert cloud.walkers_shown() == 1  # only the lead walker at first
    run(scene, cloud.walk_to(12))
    assert cloud.tick_shown() == pytest.approx(12)
    assert cloud.lead_shown() == pytest.approx(paths[0, 12])
    run(scene, cloud.release(30))
    run(scene, cloud.walk_to(40))
    assert cloud.walkers_shown() == 30
    heads = cloud.positions_shown()
    assert source_of(heads).startswith("geometry")
    assert heads.tolist() == pytest.approx(paths[:, 40].tolist())
    assert cloud.variance_shown() == pytest.approx(statistics.variance(paths[:, 40].tolist()))
    inside = sum(abs(x) <= math.sqrt(40) for x in paths[:, 40])
    assert cloud.inside_shown(math.sqrt(40)) == inside
    run(scene, cloud.colour_inside(math.sqrt(40), theme.GOOD))
    assert cloud.coloured_shown(theme.GOOD) == inside


def test_cloud_between_ticks_sits_on_the_segment(scene):
    paths = np.array([[0, 1, 2, 1], [0, -1, 0, 1]])
    cloud = WalkCloud(_axes(), paths)
    run(scene, cloud.release(2))
    run(scene, cloud.walk_to(1.5))
    assert cloud.positions_shown().tolist() == pytest.approx([1.5, -0.5])


def test_band_half_width_is_root_t(scene):
    band = SqrtBand(_axes())
    assert band.half_width_shown() == 0.0
    run(scene, band.grow_to(25))
    assert band.half_width_shown() == pytest.approx(5.0, abs=1e-9)


def test_histogram_counts_read_from_bar_ends():
    axes = Axes(x_range=(0, 10, 5), y_range=(-20, 20, 10), x_length=3, y_length=5)
    values = [0, 0, 2, -2, -2, -2, 4]
    hist = SideHistogram(axes, values)
    assert hist.counts_shown([-2, 0, 2, 4, 6]) == [3, 2, 1, 1, 0]


def test_markov_strip_token_and_arrows(scene):
    strip = MarkovStrip(-3, 3)
    assert strip.arrows_shown() == 12
    assert strip.state_shown() == pytest.approx(0)
    run(scene, strip.hop(2))
    assert strip.state_shown() == pytest.approx(2)
