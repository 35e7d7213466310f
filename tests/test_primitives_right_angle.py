"""Right-angle marks read back from their drawn points; the descent path's visited marks and
the contour map's restyling options."""

from __future__ import annotations

import numpy as np
import pytest
from manim import Axes

from mathviz import theme
from mathviz.maths.descent import QuadraticBowl, contour_lines, gradient_descent
from mathviz.primitives.descent import ContourMap, GradientDescentPath
from mathviz.primitives.right_angle import RightAngleMarks


@pytest.fixture(scope="module")
def axes():
    # unequal units: a mark must still be square on screen
    return Axes(x_range=(-3, 3, 1), y_range=(-2, 2, 1), x_length=6.0, y_length=6.0)


def test_mark_legs_follow_their_directions_on_screen(axes):
    marks = RightAngleMarks(axes, [[1.0, 1.0]], [[-3.0, 1.0]], [[1.0, 3.0]], size=0.2)
    points = marks[0].points
    first, corner, last = points[0], points[3], points[-1]
    # both legs are the given size on screen
    assert np.linalg.norm(corner - first) == pytest.approx(0.2)
    assert np.linalg.norm(corner - last) == pytest.approx(0.2)
    # read back through the axes, the legs point along the given directions
    legs = marks.legs_shown(0)
    for leg, d in zip(legs, ([-3.0, 1.0], [1.0, 3.0]), strict=True):
        np.testing.assert_allclose(leg, np.array(d) / np.linalg.norm(d), atol=1e-9)
    assert marks.legs_shown(0).source.startswith("geometry")


def test_mark_is_square_on_equal_units():
    square_axes = Axes(x_range=(-3, 3, 1), y_range=(-2, 2, 1), x_length=6.0, y_length=4.0)
    marks = RightAngleMarks(square_axes, [[1.0, 1.0]], [[-3.0, 1.0]], [[1.0, 3.0]], size=0.2)
    points = marks[0].points
    first, corner, last = points[0], points[3], points[-1]
    assert float(np.dot(corner - first, corner - last)) == pytest.approx(0.0, abs=1e-12)
    assert float(marks.corner_angle_shown(0)) == pytest.approx(90.0)


def test_corner_angle_in_axes_coordinates(axes):
    # perpendicular in the axes' coordinates: 90° there (the screen picture is sheared)
    marks = RightAngleMarks(axes, [[0.0, 0.0]], [[1.0, 0.0]], [[0.0, 1.0]])
    assert float(marks.corner_angle_shown(0)) == pytest.approx(90.0)
    with pytest.raises(ValueError, match="one foot"):
        RightAngleMarks(axes, [[0.0, 0.0]], [[1.0, 0.0]], [[0.0, 1.0], [1.0, 1.0]])


def test_visited_marks_appear_as_the_dot_leaves(axes):
    bowl = QuadraticBowl()
    trace = gradient_descent(bowl, bowl.gradient, (2.0, 1.0), 0.1, 3)
    path = GradientDescentPath(axes, trace, visited=True, trail_width=5)
    assert len(path.visited_shown()) == 0
    walk = path.walk()
    assert len(path.visited) == 3 and len(path.visited_shown()) == 0  # built, unseen
    for step in walk.animations:
        step.begin()
        step.interpolate(1.0)
        step.finish()
    np.testing.assert_allclose(path.visited_shown(), trace.points[:3], atol=1e-9)
    assert all(seg.get_stroke_width() == 5 for seg in path.trail)
    # without the option the path is as before: trail and dot only
    plain = GradientDescentPath(axes, trace)
    assert list(plain.submobjects) == [plain.trail, plain.dot]


def test_contour_map_restyles_and_keeps_its_default(axes):
    lines = contour_lines(QuadraticBowl(), (1.0, 4.0), (-3, 3), (-2, 2), resolution=101)
    default = ContourMap(axes, lines)
    assert default[0].get_stroke_color() == theme.CONTOUR
    assert [round(c.get_stroke_opacity(), 6) for c in default] == [0.35, 1.0]
    bright = ContourMap(axes, lines, color=theme.PROJECTION, stroke_width=3.5, min_opacity=0.7)
    assert bright[0].get_stroke_color() == theme.PROJECTION
    assert [round(c.get_stroke_opacity(), 6) for c in bright] == [0.7, 1.0]
    assert bright[0].get_stroke_width() == 3.5
