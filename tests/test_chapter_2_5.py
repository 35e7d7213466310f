"""2.5 Inequalities: every value the lecture shows, recomputed here — the interval with
sympy's inequality solver, the corners by solving each pair of boundary lines with numpy and
by scipy's half-space intersection, the areas from scipy's convex hull and exact fractions —
against what was read back from the number line, the region, its corner dots and labels, the
readouts and the plan's verdict."""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from scipy.spatial import ConvexHull, HalfspaceIntersection

X = sp.Symbol("x", real=True)
#: the budgets as rows (a, b, c) of a·x + b·y ≤ c: 8 cores, 12 GB at 2 and 1 GB per core,
#: at least 2 web cores; then x ≥ 0 and y ≥ 0
BUDGETS = np.array([[1, 1, 8], [2, 1, 12], [0, -1, -2]], dtype=float)
DOMAIN = np.array([[-1, 0, 0], [0, -1, 0]], dtype=float)
PLAN_OUT = (4.8, 3.0)


@pytest.fixture(scope="module")
def values(shown):
    return shown("2.5")


def qhull(rows: np.ndarray) -> np.ndarray:
    """Corners of {a·x + b·y ≤ c} from Qhull, around the point (1, 3) inside every region."""
    halfspaces = np.column_stack([rows[:, :2], -rows[:, 2]])
    return HalfspaceIntersection(halfspaces, np.array([1.0, 3.0])).intersections


def pairwise_corners(rows: np.ndarray) -> np.ndarray:
    """Each pair of boundary lines solved with numpy, kept where every inequality holds."""
    found = set()
    for g, h in itertools.combinations(rows, 2):
        m = np.array([g[:2], h[:2]])
        if abs(np.linalg.det(m)) > 1e-12:
            p = np.linalg.solve(m, [g[2], h[2]])
            if np.all(rows[:, :2] @ p <= rows[:, 2] + 1e-9):
                found.add((round(p[0], 9) + 0.0, round(p[1], 9) + 0.0))
    return np.array(sorted(found))


def exact_area(points) -> Fraction:
    """Shoelace with fractions, corners in hull order."""
    pts = [tuple(Fraction(round(v)) for v in p) for p in points]
    return (
        abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(pts, pts[1:] + pts[:1], strict=True))) / 2
    )


def test_the_painted_interval_is_the_solution_set(values):
    solution = sp.solve_univariate_inequality(sp.Abs(X - 2) < 1, X, relational=False)
    assert solution == sp.Interval.open(1, 3)
    ends = [float(solution.start), float(solution.end)]
    np.testing.assert_allclose(values["painted_interval"], ends, atol=1e-9)
    np.testing.assert_allclose(values["end_rings_at"], ends, atol=1e-9)
    assert values["solved_bounds_typeset"] == ends
    assert values["interval_notation_typeset"] == ends
    assert (
        values["hollow_ends"] == 2 == int(bool(solution.left_open)) + int(bool(solution.right_open))
    )


def test_distances_and_colour_at_the_marked_points(values):
    assert values["distance_at_start"] == abs(-0.5 - 2) == 2.5
    assert values["distance_at_three"] == abs(3 - 2) == 1
    # the dot on the line and the dot riding the V: neither is green at distance exactly 1
    assert values["green_dots_at_three"] == 2 * int(abs(3 - 2) < 1) == 0


def test_the_line_readouts_follow_the_dot_at_every_sampled_moment(held):
    held(
        "2.5",
        "x readout equals the dot's x",
        "distance readout equals the bar's length",
        source="printed",
    )
    held(
        "2.5",
        "the bar is as long as the dot is far from two",
        "the V point's height is the bar's length",
        source="geometry",
    )
    held("2.5", "both dots are green exactly while closer than one", source="count")


def test_each_cut_leaves_the_hull_area(values):
    for k in range(3):
        rows = np.vstack([BUDGETS[: k + 1], DOMAIN])
        corners = qhull(rows)
        hull = ConvexHull(corners)
        area = hull.volume
        assert exact_area(corners[hull.vertices]) == Fraction(round(area))
        assert values[f"area_after_cut_{k + 1}"] == pytest.approx(area, abs=1e-9)
        assert values[f"area_readout_after_cut_{k + 1}"] == round(area)
    assert [values[f"area_readout_after_cut_{k}"] for k in (1, 2, 3)] == [32, 28, 17]


def test_the_area_readout_follows_every_cut(held):
    held("2.5", "area readout equals the drawn region's area", source="printed")


def test_corners_read_back_through_the_axes(values):
    rows = np.vstack([BUDGETS, DOMAIN])
    by_pairs = pairwise_corners(rows)
    by_qhull = qhull(rows)
    by_qhull = by_qhull[np.lexsort((by_qhull[:, 1], by_qhull[:, 0]))]
    np.testing.assert_allclose(by_pairs, by_qhull, atol=1e-9)
    np.testing.assert_allclose(by_pairs, [[0, 2], [0, 8], [4, 4], [5, 2]], atol=1e-12)
    for name in ("corner_dots", "region_outline_corners"):
        np.testing.assert_allclose(
            np.asarray(values[name], dtype=float).reshape(-1, 2), by_pairs, atol=1e-9
        )
    labels = np.asarray(values["corner_labels_typeset"], dtype=float).reshape(-1, 2)
    assert labels.tolist() == by_pairs.tolist()
    assert values["final_area_against_corners"] == pytest.approx(
        float(exact_area(by_qhull[ConvexHull(by_qhull).vertices])), abs=1e-9
    )


def test_the_plan_leaves_through_the_memory_budget(values):
    x, y = PLAN_OUT
    np.testing.assert_allclose(values["plan_outside_at"], PLAN_OUT, atol=1e-9)
    assert values["plan_inside_verdict"] == 1
    assert values["plan_outside_verdict"] == 0
    lhs = BUDGETS[:, :2] @ np.array([x, y])
    assert values["cpu_readout_outside"] == round(lhs[0], 1) == 7.8  # within 8 cores
    assert values["memory_readout_outside"] == round(lhs[1], 1) == 12.6  # over 12 GB
    assert lhs[0] <= BUDGETS[0, 2] and lhs[1] > BUDGETS[1, 2]


def test_the_plan_readouts_and_verdict_follow_the_dot(held):
    held(
        "2.5",
        "x + y readout follows the plan",
        "2x + y readout follows the plan",
        "y readout follows the plan",
        source="printed",
    )
    held("2.5", "verdict is feasible exactly inside the drawn region", source="count")
