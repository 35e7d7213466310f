"""Integral and approximation primitives built and animated without rendering: areas,
values and points read back through their axes equal independent computations."""

from __future__ import annotations

import math

import numpy as np
import pytest
from animation_helpers import run
from manim import Axes, VGroup
from manim.mobject.graphing.scale import LogBase

from mathviz.primitives.approximation import LogLogErrorPlot, TaylorSeriesPlot
from mathviz.primitives.integrals import AccumulatedArea, RiemannRectangles
from mathviz.primitives.readout import Readout


def sin_axes(x_max: float) -> Axes:
    return Axes(x_range=(0, x_max, 1), y_range=(-1.2, 2.2, 1), x_length=7, y_length=4).shift(0.3)


def midpoint(n: int, a: float, b: float) -> float:
    h = (b - a) / n
    return sum(math.sin(a + (k + 0.5) * h) * h for k in range(n))


def test_rectangles_refine_up_and_down_and_read_back_their_sum(scene):
    rects = RiemannRectangles(sin_axes(math.pi), np.sin, 0, math.pi, 4)
    scene.add(rects)
    assert rects.area_shown() == pytest.approx(midpoint(4, 0, math.pi), abs=1e-9)
    for n in (8, 64, 5):
        run(scene, rects.refine_to(n))
        assert len(rects.bars) == n
        assert rects.area_shown() == pytest.approx(midpoint(n, 0, math.pi), abs=1e-9)
    widths = rects.rectangles_shown()[:, 0]
    np.testing.assert_allclose(widths, math.pi / 5, atol=1e-9)


def test_rectangles_below_the_axis_count_negative():
    rects = RiemannRectangles(sin_axes(2 * math.pi), np.sin, 0, 2 * math.pi, 16, rule="left")
    heights = rects.rectangles_shown()[:, 1]
    assert (heights < -1e-9).sum() == 7  # left ends in (π, 2π)
    expected = sum(math.sin(k * math.pi / 8) * math.pi / 8 for k in range(16))
    assert rects.area_shown() == pytest.approx(expected, abs=1e-9)


def test_rectangle_count_is_what_a_viewer_sees(scene):
    """Counted from the drawing: a morph's padded duplicates and invisible bars do not count."""
    rects = RiemannRectangles(sin_axes(math.pi), np.sin, 0, math.pi, 4)
    scene.add(rects)
    assert rects.count_shown() == 4
    anim = rects.refine_to(8)
    anim._setup_scene(scene)
    anim.begin()
    anim.interpolate(0.0)  # eight polygons, pairs of identical copies of the four
    assert len(rects.bars) == 8
    assert rects.count_shown() == 4
    anim.interpolate(0.5)
    assert rects.count_shown() == 8
    anim.finish()
    assert rects.count_shown() == 8
    rects.bars[0].set_opacity(0)
    assert rects.count_shown() == 7


def test_readouts_follow_the_region_and_are_redrawn_with_it(scene):
    """Readouts that live in a panel drawn *before* the region still change in the same
    frame as the drawing: they follow it (an updater), so Manim redraws them every frame."""
    axes = sin_axes(2 * math.pi)
    total, edge = Readout("A", 0.0), Readout("x", 0.0)
    panel = VGroup(total, edge)
    area = AccumulatedArea(axes, np.sin, 0, 0, readouts=[(total, "area"), (edge, "edge")])
    scene.add(panel, area)
    sweep = area.sweep_to(3.0)
    moving = scene.get_moving_mobjects(sweep)
    assert total.number in moving and edge.number in moving
    sweep._setup_scene(scene)
    sweep.begin()
    for alpha in (0.25, 0.5, 1.0):
        sweep.interpolate(alpha)
        scene.update_mobjects(0)
        assert total.value == round(1 - math.cos(3.0 * alpha), 3)
        assert edge.value == round(3.0 * alpha, 3)
    sweep.finish()
    scene.remove(panel, area)


def test_rate_reading_leaves_the_drawing_untouched():
    """Reading the growth rate redraws the region a hair either side and back: the drawn
    points must come back bit for bit, or a static region would change in a play."""
    area = AccumulatedArea(sin_axes(2 * math.pi), np.sin, 0, 0, trace=True, samples=6000)
    area.move_edge(4.0)
    before = [m.points.copy() for m in area.get_family()]
    rate = area.rate_shown(4.0, h=1e-4)
    assert [m.points.tobytes() for m in area.get_family()] == [b.tobytes() for b in before]
    assert rate == pytest.approx(math.sin(4.0), abs=1e-7)  # d/dx (1 − cos x), 6000 samples
    assert area.rate_shown(h=1e-4) == rate  # where the edge is now
    assert [m.points.tobytes() for m in area.get_family()] == [b.tobytes() for b in before]
    assert area.quantity_shown("rate") == pytest.approx(math.sin(4.0), abs=1e-6)


def test_accumulated_area_sweeps_and_reads_back(scene):
    axes = sin_axes(2 * math.pi)
    total, below = Readout("A", 0.0), Readout("B", 0.0)
    area = AccumulatedArea(
        axes, np.sin, 0, 0, trace=True, readouts=[(total, "area"), (below, "below")]
    )
    scene.add(area)
    run(scene, area.sweep_to(2 * math.pi))
    total.update(), below.update()  # the readouts follow the drawing at the next frame
    assert area.edge_shown() == pytest.approx(2 * math.pi, abs=1e-9)
    above, under = area.parts_shown()
    assert above == pytest.approx(2.0, abs=1e-4)
    assert under == pytest.approx(-2.0, abs=1e-4)
    assert total.value == pytest.approx(0.0, abs=1e-4)
    assert below.value == pytest.approx(-2.0, abs=1e-4)
    run(scene, area.sweep_to(1.0))
    assert area.area_shown() == pytest.approx(1 - math.cos(1.0), abs=1e-4)
    np.testing.assert_allclose(area.traced_shown(), [1.0, 1 - math.cos(1.0)], atol=1e-4)
    assert area.rate_shown(1.0) == pytest.approx(math.sin(1.0), abs=1e-3)
    assert area.edge_shown() == pytest.approx(1.0, abs=1e-9)
    with pytest.raises(ValueError):
        AccumulatedArea(axes, np.sin, 0, 1, readouts=[(total, "volume")])


def test_taylor_plot_gains_terms(scene):
    axes = Axes(x_range=(-4, 4, 1), y_range=(-2.5, 2.5, 1), x_length=7, y_length=4.5)
    plot = TaylorSeriesPlot(axes, 1)
    scene.add(plot)
    assert plot.value_shown(2.0) == pytest.approx(2.0, abs=1e-9)
    for degree, written in ((3, 2 - 8 / 6), (7, 2 - 8 / 6 + 32 / 120 - 128 / 5040)):
        run(scene, plot.add_terms_to(degree))
        assert plot.value_shown(2.0) == pytest.approx(written, abs=1e-9)
    assert plot.target_value_shown(2.0) == pytest.approx(math.sin(2.0), abs=1e-9)
    with pytest.raises(ValueError):
        plot.value_shown(5.0)


def test_log_log_plot_reads_points_and_minimum(scene):
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
    plot = LogLogErrorPlot(axes, hs, errors)
    scene.add(plot)
    run(scene, plot.create())
    np.testing.assert_allclose(
        np.log10(plot.points_shown()), np.log10(np.column_stack([hs, errors])), atol=1e-9
    )
    run(scene, plot.mark_minimum())
    h_min, e_min = plot.minimum_shown()
    assert 1e-9 <= h_min <= 1e-7
    assert e_min == pytest.approx(errors.min(), rel=1e-9)
    with pytest.raises(ValueError):
        LogLogErrorPlot(axes, [1e-3, 1e-2], [0.0, 1e-3])
