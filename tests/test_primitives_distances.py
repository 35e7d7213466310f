"""Distance primitives built and animated without rendering: lengths, bar heights, angles and
plotted points read back through their axes equal scipy / numpy computations."""

from __future__ import annotations

import numpy as np
import pytest
from animation_helpers import run
from manim import Axes
from manim.mobject.graphing.scale import LogBase
from scipy.spatial.distance import chebyshev, cityblock, cosine, euclidean

from mathviz import theme
from mathviz.primitives.distances import (
    ConcentrationPlot,
    DifferenceBars,
    DirectionComparison,
    DistanceComparison,
    Histogram,
)
from mathviz.primitives.readout import Readout


def square_axes() -> Axes:
    return Axes(x_range=(0, 6, 1), y_range=(0, 6, 1), x_length=5, y_length=5).shift(0.7)


def test_staircase_segment_and_gap_have_the_three_lengths(scene):
    a, b = np.array([4.0, 1.0]), np.array([2.0, 5.0])
    routes = DistanceComparison(square_axes(), a, b)
    assert len(routes.routes) == 0  # nothing drawn before it is shown
    scene.add(routes)
    for show in (routes.show_straight(), routes.show_staircase(), routes.show_max_gap()):
        run(scene, show)
    assert len(routes.routes) == 4
    lengths = routes.lengths_shown()
    assert lengths["l1"] == pytest.approx(cityblock(a, b))
    assert lengths["l2"] == pytest.approx(euclidean(a, b))
    assert lengths["linf"] == pytest.approx(chebyshev(a, b))
    np.testing.assert_allclose(routes.difference_shown(), b - a, atol=1e-9)
    # the staircase legs are axis-parallel
    for leg in routes.staircase:
        start, end = (routes.axes.p2c(p) for p in leg.get_start_and_end())
        assert np.count_nonzero(np.abs(np.subtract(end, start)) > 1e-9) == 1


def test_distance_comparison_wants_2d_points():
    with pytest.raises(ValueError, match="2-D"):
        DistanceComparison(square_axes(), [1, 2, 3], [3, 2, 1])


def test_difference_bars_read_back_signed_values(scene):
    axes = Axes(x_range=(0.4, 5.6, 1), y_range=(-5, 5, 1), x_length=6, y_length=6)
    d = np.array([-4.0, -2.0, -4.0, 4.0, 2.0])
    bars = DifferenceBars(axes, d)
    np.testing.assert_allclose(bars.values_shown(), d, atol=1e-9)
    widths = [axes.p2c(bar.get_right())[0] - axes.p2c(bar.get_left())[0] for bar in bars.bars]
    np.testing.assert_allclose(widths, 0.6, atol=1e-9)
    scene.add(bars)
    run(scene, bars.highlight_largest())
    lit = [
        i
        for i, bar in enumerate(bars.bars)
        if bar.get_fill_color().to_hex() == theme.NORM_LINF.to_hex()
    ]
    assert lit == [i for i, v in enumerate(np.abs(d)) if v == np.abs(d).max()] == [0, 2, 3]


def test_direction_comparison_reads_euclidean_and_cosine(scene):
    u, v, w = np.array([4.0, 2.0]), np.array([2.0, 1.0]), np.array([5.0, 4.0])
    readouts = {"euclidean": Readout("e", 0.0), "cosine": Readout("c", 0.0)}
    arrows = DirectionComparison(square_axes(), u, u, readouts=readouts)
    assert arrows.euclidean_shown() == pytest.approx(0.0)
    assert arrows.gap not in arrows.submobjects  # drawn only when shown
    scene.add(arrows, *readouts.values())
    run(scene, arrows.show_gap())
    assert arrows.submobjects[0] is arrows.gap  # beneath the arrows
    run(scene, arrows.move_second_to(v))
    assert arrows.euclidean_shown() == pytest.approx(euclidean(u, v))
    assert arrows.cosine_shown() == pytest.approx(1 - cosine(u, v))
    assert readouts["euclidean"].value == pytest.approx(round(euclidean(u, v), 3))  # printed
    run(scene, arrows.move_second_to(w, color=theme.USER_COLORS[4]))
    np.testing.assert_allclose(arrows.tips_shown()[1], w, atol=1e-9)
    assert arrows.cosine_shown() == pytest.approx(1 - cosine(u, w))
    assert readouts["cosine"].value == pytest.approx(round(1 - cosine(u, w), 3))
    assert arrows.second_arrow.get_color().to_hex() == theme.USER_COLORS[4].to_hex()
    with pytest.raises(ValueError, match="unknown readouts"):
        DirectionComparison(square_axes(), u, v, readouts={"angle": Readout("a", 0.0)})


def test_concentration_plot_points_read_back_through_log_axes():
    axes = Axes(
        x_range=(0, 3.1, 1),
        y_range=(0, 8, 2),
        x_length=5,
        y_length=4,
        x_axis_config={"scaling": LogBase()},
    )
    dims, values = [4, 16, 64, 256, 1024], [6.0, 1.5, 0.5, 0.2, 0.1]
    plot = ConcentrationPlot(axes, dims, values)
    np.testing.assert_allclose(plot.points_shown(), np.column_stack([dims, values]), rtol=1e-9)
    # equal ratios of dimension are equal steps on screen
    xs = [d.get_center()[0] for d in plot.dots]
    np.testing.assert_allclose(np.diff(xs), np.diff(xs)[0], atol=1e-9)
    with pytest.raises(ValueError, match="one contrast"):
        ConcentrationPlot(axes, [1, 2], [1.0])


def test_histogram_heights_and_morph(scene):
    axes = Axes(x_range=(0, 2.5, 0.5), y_range=(0, 1, 0.25), x_length=5, y_length=4)
    edges = np.linspace(0.0, 2.0, 5)
    hist = Histogram(axes, edges, [0.1, 0.4, 0.3, 0.2])
    np.testing.assert_allclose(hist.heights_shown(), [0.1, 0.4, 0.3, 0.2], atol=1e-9)
    scene.add(hist)
    run(scene, hist.morph_to([0.0, 0.05, 0.9, 0.05]))
    np.testing.assert_allclose(hist.heights_shown(), [0.0, 0.05, 0.9, 0.05], atol=1e-9)
    with pytest.raises(ValueError, match="one height"):
        Histogram(axes, edges, [0.5, 0.5])


def test_direction_readouts_show_the_drawing_at_every_moment(scene):
    u, w = np.array([4.0, 2.0]), np.array([5.0, 4.0])
    readouts = {"euclidean": Readout("e", 0.0, decimals=3), "cosine": Readout("c", 0.0, decimals=3)}
    arrows = DirectionComparison(square_axes(), u, u / 2, readouts=readouts)
    scene.add(arrows, *readouts.values())
    glide = arrows.move_second_to(w)
    glide._setup_scene(scene)
    glide.begin()
    for k in range(1, 9):
        glide.interpolate(k / 8)
        assert abs(readouts["euclidean"].value - arrows.euclidean_shown()) <= 5e-4 + 1e-12
        assert abs(readouts["cosine"].value - arrows.cosine_shown()) <= 5e-4 + 1e-12
    glide.finish()
    assert readouts["euclidean"].value == pytest.approx(round(euclidean(u, w), 3))
