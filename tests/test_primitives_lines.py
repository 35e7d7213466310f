"""SlopeInterceptLine and Crossing: the drawn line read back through its axes matches the
equation, follows live m and b, and the crossing sits on both lines (numpy as the check)."""

from __future__ import annotations

import numpy as np
import pytest
from animation_helpers import run
from manim import Axes, ValueTracker

from mathviz.primitives.lines import Crossing, SlopeInterceptLine, VerticalGaps


def axes() -> Axes:
    return Axes(x_range=(-2, 6, 1), y_range=(-2, 6, 1), x_length=6.8, y_length=6.8)


def test_the_drawn_line_reads_back_its_slope_and_intercept():
    line = SlopeInterceptLine(axes(), 0.5, 1.0)
    assert line.slope_shown() == pytest.approx(0.5, abs=1e-9)
    assert line.intercept_shown() == pytest.approx(1.0, abs=1e-9)
    np.testing.assert_allclose(line.intercept_dot_shown(), [0.0, 1.0], atol=1e-9)
    # clipped to the box: from (−2, 0) to (6, 4)
    np.testing.assert_allclose(line.ends_shown(), [[-2.0, 0.0], [6.0, 4.0]], atol=1e-9)
    assert line.run_shown() == pytest.approx(1.0) and line.rise_shown() == pytest.approx(0.5)
    assert line.triangle_legs_shown() == 0


def test_the_line_follows_its_sources():
    m, b = ValueTracker(0.5), ValueTracker(1.0)
    line = SlopeInterceptLine(axes(), m.get_value, b.get_value)
    m.set_value(-1.0)
    line.update(0)
    assert line.slope_shown() == pytest.approx(-1.0, abs=1e-9)
    assert line.intercept_shown() == pytest.approx(1.0, abs=1e-9)  # pivots about (0, b)
    b.set_value(3.0)
    line.update(0)
    assert line.intercept_shown() == pytest.approx(3.0, abs=1e-9)
    assert line.rise_shown() == pytest.approx(-1.0, abs=1e-9)
    assert line.distance_shown(np.array([2.0, 1.0])) == pytest.approx(0.0, abs=1e-9)
    assert line.distance_shown(np.array([0.0, 0.0])) == pytest.approx(3 / np.sqrt(2))


def test_triangle_shows_and_hides(scene):
    line = SlopeInterceptLine(axes(), 2.0, -1.0)
    run(scene, line.show_triangle())
    assert line.triangle_legs_shown() == 2
    run(scene, line.hide_triangle())
    assert line.triangle_legs_shown() == 0


def test_crossing_sits_where_numpy_solves_and_hides_when_parallel(scene):
    frame = axes()
    m = ValueTracker(2.0)
    first = SlopeInterceptLine(frame, m.get_value, -1.0)
    second = SlopeInterceptLine(frame, -0.5, 4.0, intercept_color=None)
    crossing = Crossing(first, second)
    expected = np.linalg.solve([[2.0, -1.0], [1.0, 2.0]], [1.0, 8.0])
    np.testing.assert_allclose(crossing.point_shown(), expected, atol=1e-9)
    assert crossing.count_shown() == 1
    run(scene, crossing.draw_guides())
    np.testing.assert_allclose(crossing.guide_feet_shown(), expected, atol=1e-9)
    m.set_value(-0.5)
    for mob in (first, crossing):
        mob.update(0)
    assert crossing.count_shown() == 0
    assert np.isnan(crossing.point_shown()).all()
    m.set_value(0.0)  # they meet at (10, −1), outside the box
    crossing.update(0)
    assert crossing.count_shown() == 0


def test_vertical_gaps_between_parallel_lines_are_equal(scene):
    frame = axes()
    first = SlopeInterceptLine(frame, -0.5, -1.0)
    second = SlopeInterceptLine(frame, -0.5, 4.0, intercept_color=None)
    gaps = VerticalGaps(first, second, (-1.5, 0.5, 2.5))
    run(scene, gaps.create())
    np.testing.assert_allclose(gaps.lengths_shown(), [5.0, 5.0, 5.0], atol=1e-9)
    crossing = VerticalGaps(SlopeInterceptLine(frame, 1.0, 0.0), second, (0.0, 2.0))
    # y = x against y = −x/2 + 4: 4 apart at 0, 1 apart at 2
    np.testing.assert_allclose(crossing.lengths_shown(), [4.0, 1.0], atol=1e-9)
