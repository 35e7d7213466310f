"""Level sets of the quadratic bowl against sympy's implicit equation and contourpy's trace;
heights and errors against plain arithmetic."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp

from mathviz.maths.descent import QuadraticBowl
from mathviz.maths.surfaces import (
    bowl_level_set,
    level_set_error,
    level_sets,
    segment,
    semi_axes,
)

BOWL = QuadraticBowl(a=2.0, b=1.0)


def f(x: float, y: float) -> float:
    return 2 * x * x + y * y


@pytest.mark.parametrize("level", [0.5, 1.0, 3.0, 4.0])
def test_semi_axes_solve_the_equation_on_each_axis(level):
    x, y = sp.symbols("x y", positive=True)
    half_width = sp.solve(sp.Eq(2 * x**2, level), x)[0]
    half_height = sp.solve(sp.Eq(y**2, level), y)[0]
    assert semi_axes(BOWL, level) == pytest.approx((float(half_width), float(half_height)))


@pytest.mark.parametrize("level", [1.0, 2.0, 3.0, 4.0])
def test_bowl_level_set_is_a_closed_curve_on_the_level(level):
    points = bowl_level_set(BOWL, level, 97)
    assert points.shape == (97, 2)
    assert np.array_equal(points[0], points[-1])
    assert max(abs(f(x, y) - level) for x, y in points) < 1e-12
    # 96 segments: the ends of both half-axes are sample points
    assert np.max(np.abs(points[:, 0])) == pytest.approx(math.sqrt(level / 2), abs=1e-12)
    assert np.max(np.abs(points[:, 1])) == pytest.approx(math.sqrt(level), abs=1e-12)
    # the shoelace area of the polygon tends to the ellipse's π·a·b
    x, y = points[:, 0], points[:, 1]
    area = 0.5 * abs(float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1])))
    assert area == pytest.approx(math.pi * math.sqrt(level / 2) * math.sqrt(level), rel=1e-2)


def test_a_level_set_can_start_at_a_chosen_point():
    t0 = math.atan2(1 / math.sqrt(3), 1 / math.sqrt(1.5))  # (1, 1) on 2x² + y² = 3
    points = bowl_level_set(BOWL, 3.0, 33, start=t0)
    assert points[0] == pytest.approx([1.0, 1.0], abs=1e-12)


def test_level_zero_is_the_bottom_point_and_negative_levels_are_refused():
    assert np.allclose(bowl_level_set(BOWL, 0.0), 0.0)
    with pytest.raises(ValueError):
        bowl_level_set(BOWL, -1.0)
    with pytest.raises(ValueError):
        semi_axes(QuadraticBowl(a=-1.0, b=1.0), 1.0)


def test_marching_squares_finds_the_same_ellipse():
    pieces = level_sets(f, 3.0, (-2.0, 2.0), (-2.5, 2.5), resolution=201)
    assert len(pieces) == 1
    traced = pieces[0]
    assert np.allclose(traced[0], traced[-1])
    assert level_set_error(f, traced, 3.0) < 5e-3
    assert np.max(np.abs(traced[:, 0])) == pytest.approx(math.sqrt(1.5), abs=5e-3)


def test_two_humps_split_into_two_level_curves():
    def humps(x: float, y: float) -> float:
        return math.exp(-((x - 1) ** 2 + y * y)) + math.exp(-((x + 1) ** 2 + y * y))

    assert len(level_sets(humps, 0.9, (-3, 3), (-3, 3), resolution=121)) == 2
    assert len(level_sets(humps, 0.3, (-3, 3), (-3, 3), resolution=121)) == 1


def test_level_set_error_and_segment():
    pts = np.array([[1.0, 1.0, 3.0], [0.0, 2.0, 3.0]])
    assert level_set_error(f, pts, 3.0) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        level_set_error(f, np.zeros((0, 2)), 1.0)
    assert segment((0, 0), (2, -4), 0.25) == pytest.approx([0.5, -1.0])
