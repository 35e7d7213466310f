"""Inequalities as sets, against sympy's inequality solver, scipy's half-space intersection
(Qhull) and brute-force sampling."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from scipy.spatial import ConvexHull, HalfspaceIntersection

from mathviz.maths.inequalities import (
    AbsInterval,
    HalfPlane,
    area,
    box,
    clip,
    contains,
    feasible_polygon,
    segment_in_box,
    sweep,
)

BUDGETS = (HalfPlane.at_most(1, 1, 8), HalfPlane.at_most(2, 1, 12), HalfPlane.at_least(0, 1, 2))


def qhull_corners(rows: np.ndarray, interior: np.ndarray) -> np.ndarray:
    """Corners of {p : A p + b ≤ 0} by Qhull, in hull order."""
    corners = HalfspaceIntersection(rows, interior).intersections
    return corners[ConvexHull(corners).vertices]


# --- the line ------------------------------------------------------------------------------
def test_abs_interval_is_sympys_solution():
    x = sp.Symbol("x", real=True)
    for c, r in ((2, 1), (-1, Fraction(1, 2)), (0.5, 3)):
        solved = sp.solve_univariate_inequality(
            sp.Abs(x - sp.nsimplify(c)) < sp.nsimplify(r), x, relational=False
        )
        interval = AbsInterval.of(c, r)
        assert (interval.lo, interval.hi) == (
            Fraction(str(solved.start)),
            Fraction(str(solved.end)),
        )
        assert solved.left_open and solved.right_open
        assert not interval.contains(interval.lo) and not interval.contains(interval.hi)
        assert interval.contains((interval.lo + interval.hi) / 2)


def test_closed_interval_keeps_its_ends_and_distance_is_absolute():
    closed = AbsInterval.of(2, 1, strict=False)
    assert closed.contains(1) and closed.contains(3) and not closed.contains(Fraction(31, 10))
    assert AbsInterval.of(2, 1).distance(-0.5) == Fraction(5, 2)
    with pytest.raises(ValueError):
        AbsInterval.of(2, 0)


def test_covered_is_what_a_sweep_has_passed_inside():
    interval = AbsInterval.of(2, 1)
    assert interval.covered(-0.5, 0.5) is None
    assert interval.covered(-0.5, 2) == (1, 2)
    assert interval.covered(-0.5, 4.5) == (1, 3)
    assert interval.covered(2.5, 2.75) == (Fraction(5, 2), Fraction(11, 4))


# --- the plane -----------------------------------------------------------------------------
def test_budgets_cut_the_quadrant_into_the_qhull_polygon():
    polygon = feasible_polygon(box(0, 9, 0, 9), BUDGETS)
    rows = np.array([[1, 1, -8], [2, 1, -12], [0, -1, 2], [-1, 0, 0], [0, -1, 0]], dtype=float)
    expected = qhull_corners(rows, np.array([1.0, 3.0]))
    assert sorted(polygon) == sorted(tuple(Fraction(round(v)) for v in p) for p in expected)
    assert area(polygon) == Fraction(17) == pytest.approx(ConvexHull(expected).volume)


def test_each_cut_matches_qhull_on_random_systems():
    rng = np.random.default_rng(20261201)
    for _ in range(40):
        normals = rng.normal(size=(4, 2))
        bounds = rng.uniform(0.5, 3.0, size=4)  # the origin is strictly inside every one
        halves = [
            HalfPlane.at_most(Fraction(float(a)), Fraction(float(b)), Fraction(float(c)))
            for (a, b), c in zip(normals, bounds, strict=True)
        ]
        polygon = feasible_polygon(box(-5, 5, -5, 5), halves)
        rows = np.vstack(
            [
                np.column_stack([normals, -bounds]),
                [[1, 0, -5], [-1, 0, -5], [0, 1, -5], [0, -1, -5]],
            ]
        )
        expected = qhull_corners(rows, np.zeros(2))
        assert len(polygon) == len(expected)
        assert float(area(polygon)) == pytest.approx(ConvexHull(expected).volume, rel=1e-9)
        got = np.array([[float(v) for v in p] for p in polygon])
        for p in expected:
            assert np.min(np.linalg.norm(got - p, axis=1)) < 1e-9


def test_clip_keeps_orientation_and_drops_collinear_corners():
    square = box(0, 2, 0, 2)
    half = clip(square, HalfPlane.at_most(1, 0, 1))
    assert half == [(0, 0), (1, 0), (1, 2), (0, 2)]
    assert clip(square, HalfPlane.at_most(1, 0, 2)) == square  # the edge itself: no new corner
    assert clip(square, HalfPlane.at_most(1, 0, -1)) == []
    assert clip(square, HalfPlane.at_most(1, 1, 0)) == []  # only the corner (0, 0) is left


def test_contains_agrees_with_the_inequalities_on_samples():
    polygon = feasible_polygon(box(0, 9, 0, 9), BUDGETS)
    rng = np.random.default_rng(7)
    for x, y in rng.uniform(-1, 10, size=(500, 2)):
        p = (Fraction(float(x)), Fraction(float(y)))
        truth = x >= 0 and y >= 0 and x + y <= 8 and 2 * x + y <= 12 and y >= 2
        assert contains(polygon, p) == truth


def test_at_least_is_stored_negated_and_written_as_given():
    floor = HalfPlane.at_least(0, 1, 2)
    assert (floor.a, floor.b, floor.c, floor.sense) == (0, -1, -2, ">=")
    assert floor.contains((5, 2)) and not floor.contains((5, 1.5))
    assert floor.written_value((4.8, 3)) == 3
    with pytest.raises(ValueError):
        HalfPlane.at_most(0, 0, 1)


def test_segment_in_box_ends_on_the_line_and_the_window():
    window = box(0, 9, 0, 9)
    ends = segment_in_box(HalfPlane.at_most(2, 1, 12), window)
    assert ends == ((Fraction(3, 2), 9), (6, 0))
    assert segment_in_box(HalfPlane.at_most(1, 1, 18), window) is None  # touches a corner
    assert segment_in_box(HalfPlane.at_most(1, 1, 30), window) is None
    assert segment_in_box(HalfPlane.at_least(0, 1, 2), window) == ((0, 2), (9, 2))


def test_sweep_runs_from_first_touch_to_the_bound():
    window = box(0, 9, 0, 9)
    cpu = BUDGETS[0]
    start = sweep(window, cpu, 0)
    assert start.c == 18 and area(clip(window, start)) == 81
    assert sweep(window, cpu, 1) == cpu
    assert sweep(window, cpu, Fraction(1, 2)).c == 13
    triangle = clip(window, cpu)
    assert sweep(triangle, HalfPlane.at_most(1, 1, 20), Fraction(1, 3)).c == 20  # cuts nothing
    areas = [area(clip(window, sweep(window, cpu, Fraction(k, 10)))) for k in range(11)]
    assert areas == sorted(areas, reverse=True) and areas[-1] == 32
    with pytest.raises(ValueError):
        sweep(window, cpu, 2)
