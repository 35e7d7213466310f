"""SurprisePlot, BitBar and BitMeter read back from the drawing, against −log₂ p computed here
with numpy and sums done with math.fsum."""

from __future__ import annotations

import math

import numpy as np
import pytest
from animation_helpers import run
from manim import smooth

from mathviz.primitives.surprise_plot import BitBar, BitMeter, SurprisePlot


@pytest.fixture
def plot(scene):
    made = SurprisePlot(top=10, p0=1.0)
    scene.add(made)
    return made


def test_the_curve_is_minus_log2_p_from_the_top_of_the_axes_to_p_one(plot):
    pts = np.asarray(plot.curve_shown())
    np.testing.assert_allclose(pts[:, 1], -np.log2(pts[:, 0]), atol=1e-9)
    assert pts[:, 0].min() == pytest.approx(2.0**-10, rel=1e-9)
    assert pts[:, 0].max() == pytest.approx(1.0, abs=1e-12)
    assert pts[:, 1].max() == pytest.approx(10.0, abs=1e-9)


def test_the_probe_starts_where_it_is_told_with_its_guides_on_the_axes(plot):
    np.testing.assert_allclose(plot.probe_shown(), [1.0, 0.0], atol=1e-9)
    plot.place(0.25)
    np.testing.assert_allclose(plot.probe_shown(), [0.25, 2.0], atol=1e-9)
    np.testing.assert_allclose(plot.guide_feet_shown(), [0.25, 2.0], atol=1e-9)


@pytest.mark.parametrize("stop", [0.5, 1 / 6, 0.99, 1 / 1024])
def test_a_slide_ends_on_its_stop(scene, plot, stop):
    run(scene, plot.slide([stop]))
    np.testing.assert_allclose(plot.probe_shown(), [stop, -np.log2(stop)], atol=1e-9)


def test_a_slide_climbs_evenly_in_surprise_and_stays_on_the_curve(scene, plot):
    plot.place(0.5)
    slide = plot.slide([1 / 32])  # from 1 bit to 5 bits
    slide._setup_scene(scene)
    slide.begin()
    for alpha in np.linspace(0.0, 1.0, 9):
        slide.interpolate(float(alpha))
        p, height = (float(v) for v in plot.probe_shown())
        assert height == pytest.approx(-math.log2(p), abs=1e-9)
        assert height == pytest.approx(1.0 + 4.0 * smooth(float(alpha)), abs=1e-9)
    slide.finish()


def test_a_tour_through_several_stops_spends_time_by_the_bits_moved(scene, plot):
    plot.place(1.0)
    tour = plot.slide([0.5, 1 / 8])  # 1 bit up, then 2 more
    tour._setup_scene(scene)
    tour.begin()
    tour.interpolate(0.5)  # smooth(0.5) = 0.5: half of the 3 bits climbed
    assert float(plot.probe_shown()[1]) == pytest.approx(1.5, abs=1e-9)
    tour.finish()
    np.testing.assert_allclose(plot.probe_shown(), [0.125, 3.0], atol=1e-9)


def test_a_slide_refuses_a_p_off_the_curve(plot):
    with pytest.raises(ValueError):
        plot.slide([0.0])
    with pytest.raises(ValueError):
        plot.slide([1.5])


def test_ghosts_are_counted(scene, plot):
    assert plot.ghosts_shown() == 0
    run(scene, plot.leave_ghost())
    run(scene, plot.slide([0.5]))
    run(scene, plot.leave_ghost())
    assert plot.ghosts_shown() == 2


def test_a_bar_grows_and_is_carried_onto_another(scene, plot):
    first = BitBar(plot.axes, 0.5, 1.0)
    die = BitBar(plot.axes, 1 / 6, math.log2(6))
    scene.add(first, die)
    run(scene, first.grow())
    run(scene, die.grow())
    assert first.length_shown() == pytest.approx(1.0, abs=1e-9)
    assert die.length_shown() == pytest.approx(-np.log2(1 / 6), abs=1e-9)
    run(scene, first.carry(1 / 12, 0.0))
    run(scene, die.carry(1 / 12, 1.0))
    np.testing.assert_allclose(die.ends_shown(), [1.0, math.fsum([1.0, math.log2(6)])], atol=1e-9)
    assert first.p_shown() == pytest.approx(1 / 12, abs=1e-9)
    assert die.ends_shown()[1] == pytest.approx(-np.log2(1 / 12), abs=1e-9)


def test_an_ungrown_bar_is_not_drawn(plot):
    bar = BitBar(plot.axes, 0.5, 1.0)
    assert float(np.max(bar.rect.get_fill_opacities())) == 0.0


def test_the_meter_fills_one_cell_per_count_and_grows_a_whole_bar(scene):
    count = {"n": 0}
    meter = BitMeter(10, length=6.0).count_cells(lambda: count["n"])
    scene.add(meter)
    assert meter.cells_shown() == 0
    assert meter.cells_end_shown() == 0.0
    count["n"] = 3
    meter.update(0)
    assert meter.cells_shown() == 3
    np.testing.assert_allclose(meter.cell_lengths_shown(), [1.0] * 3, atol=1e-9)
    count["n"] = 10
    meter.update(0)
    assert meter.cells_end_shown() == pytest.approx(10.0, abs=1e-9)
    np.testing.assert_allclose(meter.whole_shown(), [0.0, 0.0])
    run(scene, meter.grow_whole(-np.log2(1 / 1024)))
    np.testing.assert_allclose(meter.whole_shown(), [0.0, 10.0], atol=1e-9)
    # the cells sit above the whole bar, each centre over its stretch of the scale
    assert meter.cell_center(0)[1] > meter.row_left(0)[1]
    assert float(meter.ruler.p2n(meter.cell_center(4))) == pytest.approx(4.5, abs=1e-9)
