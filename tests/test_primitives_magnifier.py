"""The magnified inset: clipping, and mirrors read back through the inset's own axes."""

from __future__ import annotations

import numpy as np
import pytest
from manim import Dot, Line

from mathviz.primitives.calculus import function_axes
from mathviz.primitives.magnifier import Magnifier, clip_segment, remove_y_numbers

LO, HI = np.array([0.0, 0.0]), np.array([1.0, 2.0])


def test_clip_keeps_the_part_inside_the_box():
    a, b = clip_segment(np.array([-1.0, 1.0]), np.array([2.0, 1.0]), LO, HI)
    np.testing.assert_allclose([a, b], [[0.0, 1.0], [1.0, 1.0]])
    # a diagonal through a corner region: y = 2x, from x = -1 to 3, leaves through the top
    a, b = clip_segment(np.array([-1.0, -2.0]), np.array([3.0, 6.0]), LO, HI)
    np.testing.assert_allclose([a, b], [[0.0, 0.0], [1.0, 2.0]])


def test_clip_misses_and_inside():
    assert clip_segment(np.array([2.0, 0.0]), np.array([3.0, 1.0]), LO, HI) is None
    assert clip_segment(np.array([-1.0, 3.0]), np.array([2.0, 3.0]), LO, HI) is None
    a, b = clip_segment(np.array([0.2, 0.5]), np.array([0.8, 1.5]), LO, HI)
    np.testing.assert_allclose([a, b], [[0.2, 0.5], [0.8, 1.5]])


@pytest.fixture(scope="module")
def source():
    return function_axes((-1, 3, 1), (-1, 9, 1), x_length=6, y_length=6)


def test_mirrors_follow_the_source_through_the_inset_axes(source):
    zoom = Magnifier(source, ((0.9, 1.2, 0.1), (0.8, 1.4, 0.2)), x_length=4, y_length=3)
    dot = Dot(source.c2p(1.0, 1.0))
    line = Line(source.c2p(0.0, -1.0), source.c2p(2.0, 3.0))  # slope 2 through (1, 1)
    mirrored_dot = zoom.mirror_dot(dot)
    mirrored_line = zoom.mirror_segment(line)
    np.testing.assert_allclose(zoom.point_shown(mirrored_dot), [1.0, 1.0], atol=1e-9)
    # clipped to the window: from y = 0.8 (x = 0.9) to x = 1.2 (y = 1.4)
    start, end = (zoom.axes.p2c(p)[:2] for p in mirrored_line.get_start_and_end())
    np.testing.assert_allclose([start, end], [[0.9, 0.8], [1.2, 1.4]], atol=1e-9)
    assert zoom.run_shown(mirrored_line) == pytest.approx(0.3)
    assert zoom.rise_shown(mirrored_line) == pytest.approx(0.6)
    # the source moves out of the window: the mirror hides on the window's edge
    dot.move_to(source.c2p(2.0, 4.0))
    zoom.redraw()
    assert mirrored_dot.get_fill_opacity() == 0.0
    np.testing.assert_allclose(zoom.point_shown(mirrored_dot), [1.2, 1.4], atol=1e-9)
    dot.move_to(source.c2p(1.1, 1.21))
    zoom.update()
    assert mirrored_dot.get_fill_opacity() == 1.0
    np.testing.assert_allclose(zoom.point_shown(mirrored_dot), [1.1, 1.21], atol=1e-9)


def test_remove_y_numbers_takes_only_the_named_ticks():
    axes = function_axes((-1, 1, 1), (0, 2, 0.5), x_length=4, y_length=4)
    before = [float(n.get_value()) for n in axes.y_axis.numbers]
    remove_y_numbers(axes, (1.0,))
    after = [float(n.get_value()) for n in axes.y_axis.numbers]
    assert after == [v for v in before if v != 1.0] and len(after) == len(before) - 1
