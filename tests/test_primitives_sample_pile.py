"""MeanPile, NormalOverlay, PopulationPlot and SpreadTable: what is read back from the
drawing matches numpy and scipy, in motion too (a falling tile is not counted)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.stats
from animation_helpers import run
from manim import Axes, DoubleArrow

from mathviz.maths.sampling import Binning, ExponentialPopulation
from mathviz.primitives import sample_pile
from mathviz.primitives.sample_pile import MeanPile, NormalOverlay, PopulationPlot, SpreadTable
from mathviz.readings import printed


def axes(top: float = 1.6) -> Axes:
    return Axes(x_range=(-2, 10, 2), y_range=(0, top, 0.4), x_length=8.0, y_length=3.2)


def planned(means: np.ndarray) -> MeanPile:
    return MeanPile(axes(), Binning(0.0, 10.0, 0.2), len(means)).plan(means)


def test_a_planned_pile_shows_nothing_until_tiles_land(scene):
    means = np.random.default_rng(1).exponential(2.0, 40)
    means = means[means < 10][:30]
    pile = planned(means)
    assert pile.landed_shown() == 0
    run(scene, pile.rain())
    assert pile.landed_shown() == 30
    counts, edges = np.histogram(means, bins=np.linspace(0, 10, 51))
    assert pile.bin_counts_shown().tolist() == counts.tolist()
    centres = (edges[:-1] + edges[1:]) / 2
    mean = float(np.sum(counts * centres) / 30)
    assert pile.mean_shown() == pytest.approx(mean, abs=1e-9)
    spread = math.sqrt(float(np.sum(counts * (centres - mean) ** 2) / 30))
    assert pile.spread_shown() == pytest.approx(spread, abs=1e-9)
    # each tile carries 1/(30 · 0.2) of density: the tallest stack's top
    assert pile.peak_shown() == pytest.approx(counts.max() / (30 * 0.2), abs=1e-9)


def test_the_pile_reads_each_tile_where_manim_puts_its_centre(scene):
    """The landed tiles are read in one pass from their points: the same centres, to the
    bit, as ``get_center`` tile by tile, also for a tile caught mid-fall."""
    means = np.random.default_rng(4).exponential(2.0, 12)
    pile = planned(means[means < 10])
    animation = pile.rain(run_time=1.0)
    animation._setup_scene(scene)
    animation.begin()
    animation.interpolate(0.6)  # some tiles down, some still falling
    pile.shift(np.array([0.3, -0.2, 0.0])).scale(1.1)
    for tile in pile.tiles:
        assert np.array_equal(sample_pile._centre(tile), tile.get_center())


def test_a_falling_tile_is_not_counted(scene):
    pile = planned(np.array([1.05, 1.1, 3.3]))
    animation = pile.rain(run_time=1.0)
    animation._setup_scene(scene)
    animation.begin()
    animation.interpolate(0.5)  # the first tile is down, the last is still in the air
    landed = pile.landed_shown()
    assert 0 < landed < 3
    animation.finish()
    assert pile.landed_shown() == 3


def test_a_sample_flies_in_and_lands_as_one_tile(scene):
    population = ExponentialPopulation(2.0)
    draws = np.array([0.5, 1.5, 2.0, 4.0])
    pop_axes = Axes(x_range=(-2, 10, 2), y_range=(0, 0.5, 0.25), x_length=8.0, y_length=2.0)
    plot = PopulationPlot(pop_axes, population)
    pile = planned(np.array([draws.mean(), 5.0]))
    run(scene, pile.drop_sample(plot, draws, [0.5] * 4))
    assert pile.landed_shown() == 1
    assert pile.mean_shown() == pytest.approx(2.1, abs=1e-9)  # 2.0 lands in the bin [2.0, 2.2)
    assert len(pile.flyers) == 0  # the dots are gone
    with pytest.raises(ValueError):  # the next planned mean is 5.0, not 3.0
        pile.drop_sample(plot, draws + 1, [0.5] * 4)
    run(scene, pile.drop_sample(plot, draws + 3, [0.5] * 4))
    with pytest.raises(ValueError):  # nothing left to drop
        pile.drop_sample(plot, draws, [0.5] * 4)


def test_the_population_markers_read_through_the_axes():
    pop_axes = Axes(x_range=(-2, 10, 2), y_range=(0, 0.5, 0.25), x_length=8.0, y_length=2.0)
    plot = PopulationPlot(pop_axes, ExponentialPopulation(2.0))
    assert plot.marker_x_shown(plot.marker(2.0, 0.4, color="#FFFFFF")) == pytest.approx(2.0)
    arrow = DoubleArrow(pop_axes.c2p(2, 0.3), pop_axes.c2p(4, 0.3), buff=0)
    assert plot.span_shown(arrow) == pytest.approx(2.0)


def test_a_ghost_outlines_the_pile(scene):
    pile = planned(np.array([1.05, 1.1, 3.3]))
    run(scene, pile.rain())
    ghost, _ = pile.to_ghost()
    top = pile.axes.p2c(ghost.get_top())[1]
    assert top == pytest.approx(2 / (3 * 0.2), abs=1e-9)


@pytest.mark.parametrize("sd", [2.0, 1.0, 0.5, 0.25])
def test_the_normal_overlay_reads_back_its_spread(scene, sd):
    overlay = NormalOverlay(axes(), 2.0, 3.0)
    run(scene, overlay.morph_to(sd))
    assert overlay.sd_shown() == pytest.approx(sd, abs=1e-4)
    assert overlay.center_shown() == pytest.approx(2.0, abs=1e-6)
    assert overlay.peak_shown() == pytest.approx(scipy.stats.norm(2, sd).pdf(2), abs=1e-6)


def test_the_overlay_region_area(scene):
    overlay = NormalOverlay(axes(), 2.0, 2.0)
    region = overlay.region(-2.0, 0.0)
    expected = scipy.stats.norm(2, 2).cdf(0) - scipy.stats.norm(2, 2).cdf(-2)
    assert overlay.region_area_shown(region) == pytest.approx(expected, abs=1e-3)


def test_table_cells_follow_and_freeze():
    table = SpreadTable((0.0, 1.0, 2.0, 3.0), top=0.0)
    row = table.row(4, 1.0, colors=["#FFFFFF"] * 4)
    assert float(printed(row[0])) == 4 and printed(row[1]).text == "1.00"
    value = [0.5]
    SpreadTable.follow(row[3], lambda: value[0])
    value[0] = 0.987
    row[3].update(0)
    assert printed(row[3]).text == "0.99"
    SpreadTable.freeze(row[3])
    value[0] = 3.0
    row[3].update(0)
    assert printed(row[3]).text == "0.99"
