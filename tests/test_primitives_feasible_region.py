"""FeasibleRegion and PlanDot built and animated without rendering: the region's corners,
its area, the corner dots and labels and the plan's verdict are read back through the axes
and compared with numpy's solutions of the boundary pairs and scipy's convex hulls."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from animation_helpers import run
from manim import Axes
from scipy.spatial import ConvexHull

from mathviz.maths.inequalities import HalfPlane, box
from mathviz.primitives.feasible_region import FeasibleRegion, PlanDot, number_tex

BUDGETS = (HalfPlane.at_most(1, 1, 8), HalfPlane.at_most(2, 1, 12), HalfPlane.at_least(0, 1, 2))
#: the same inequalities as rows (a, b, c) of a·x + b·y ≤ c, with x ≥ 0 and y ≥ 0
ROWS = np.array([[1, 1, 8], [2, 1, 12], [0, -1, -2], [-1, 0, 0], [0, -1, 0]], dtype=float)


def corners_by_numpy(rows: np.ndarray) -> np.ndarray:
    found = []
    for g, h in itertools.combinations(rows, 2):
        m = np.array([g[:2], h[:2]])
        if abs(np.linalg.det(m)) < 1e-12:
            continue
        p = np.linalg.solve(m, [g[2], h[2]])
        if np.all(rows[:, :2] @ p <= rows[:, 2] + 1e-9):
            found.append(tuple(np.round(p, 9)))
    return np.array(sorted(set(found)))


def by_xy(points) -> np.ndarray:
    p = np.asarray(points, dtype=float)
    return p[np.lexsort((p[:, 1], p[:, 0]))]


@pytest.fixture
def axes():
    return Axes(x_range=(0, 9, 1), y_range=(0, 9, 1), x_length=6.3, y_length=6.3)


@pytest.fixture
def region(scene, axes):
    drawn = FeasibleRegion(axes, box(0, 9, 0, 9), BUDGETS)
    scene.add(axes, drawn)
    return drawn


def test_before_any_cut_the_region_is_the_window(region):
    assert region.area_shown() == pytest.approx(81.0, abs=1e-9)
    assert region.lines_shown() == 0
    assert region.area_shown().source.startswith("area")


def test_each_cut_shrinks_the_area_to_the_hulls_area(scene, region):
    for k in range(3):
        before = float(region.area_shown())
        animation = region.cut()
        animation._setup_scene(scene)
        animation.begin()
        areas = []
        for alpha in np.linspace(0, 1, 17):
            animation.interpolate(float(alpha))
            areas.append(float(region.area_shown()))
        animation.finish()
        assert areas[0] == pytest.approx(before, abs=1e-9)
        assert all(a >= b - 1e-9 for a, b in itertools.pairwise(areas))
        kept = np.vstack([ROWS[: k + 1], ROWS[3:]])
        expected = ConvexHull(corners_by_numpy(kept)).volume
        assert region.area_shown() == pytest.approx(expected, abs=1e-9)
        assert region.lines_shown() == k + 1
    assert by_xy(region.region_corners_shown()) == pytest.approx(corners_by_numpy(ROWS), abs=1e-9)
    # the memory line is drawn across the window, from (1.5, 9) to (6, 0)
    ends = by_xy(region.line_ends_shown(1))
    assert ends == pytest.approx(np.array([[1.5, 9.0], [6.0, 0.0]]), abs=1e-9)
    with pytest.raises(ValueError):
        region.cut()


def test_corner_dots_and_labels_read_back(scene, region):
    for _ in range(3):
        run(scene, region.cut())
    run(scene, region.mark_corners({(0, 8): (0.95, 8.35)}))
    expected = corners_by_numpy(ROWS)
    assert by_xy(region.corners_shown()) == pytest.approx(expected, abs=1e-9)
    labels = np.asarray(region.corner_labels_shown(), dtype=float)
    assert by_xy(labels).tolist() == expected.tolist()
    assert number_tex(4) == "4" and number_tex(2.5) == "2.50"


def test_the_verdict_follows_the_plan(scene, axes):
    domain = [HalfPlane.at_least(1, 0, 0), HalfPlane.at_least(0, 1, 0)]
    plan = PlanDot(axes, [*domain, *BUDGETS], (2.0, 4.5), verdict_at=np.array([1.0, -1.3, 0]))
    scene.add(plan)
    animation = plan.walk([(3.0, 3.0), (4.8, 3.0)])
    animation._setup_scene(scene)
    animation.begin()
    for alpha in np.linspace(0, 1, 33):
        animation.interpolate(float(alpha))
        x, y = (float(v) for v in plan.position_shown())
        truth = x >= 0 and y >= 0 and x + y <= 8 and 2 * x + y <= 12 and y >= 2
        assert plan.feasible_shown() == int(truth)
    animation.finish()
    assert plan.position_shown() == pytest.approx([4.8, 3.0], abs=1e-9)
    assert plan.feasible_shown() == 0
