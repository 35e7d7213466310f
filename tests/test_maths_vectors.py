"""The pure vector maths of chapters 4.1, 4.2, 5.1 and 5.2, against independent routes."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from mathviz.maths import vectors as vec


def test_norms_match_numpy_and_hand_formulas():
    v = [3.0, -4.0, 1.0]
    assert vec.p_norm(v, 1) == pytest.approx(8.0)
    assert vec.p_norm(v, 2) == pytest.approx(math.sqrt(26))
    assert vec.p_norm(v, vec.INF) == 4.0
    for p in (1, 2, 3, np.inf):
        assert vec.p_norm(v, p) == pytest.approx(np.linalg.norm(v, ord=p))
    with pytest.raises(ValueError, match="p >= 1"):
        vec.p_norm(v, 0.5)
    # large p approaches the max-norm instead of overflowing or underflowing
    assert vec.p_norm([3.0, -4.0, 1.0], 5000) == pytest.approx(4.0, rel=1e-3)
    assert vec.p_norm([1e-200, 2e-200], 3) == pytest.approx(np.cbrt(9) * 1e-200)
    assert vec.p_norm([0.0, 0.0], 2) == 0.0
    with pytest.raises(ValueError, match="1-D"):
        vec.p_norm([[1, 2]], 2)


def test_distances_between_two_users():
    u, w = [5, 4, 5, 1, 2], [1, 2, 1, 5, 4]
    assert vec.distance(u, w, 1) == 16  # 4+2+4+4+2
    assert vec.distance(u, w, 2) == pytest.approx(math.sqrt(16 + 4 + 16 + 16 + 4))
    assert vec.distance(u, w, vec.INF) == 4
    with pytest.raises(ValueError, match="different lengths"):
        vec.distance([1, 2], [1, 2, 3])


def test_dot_cosine_angle_and_projection_exact():
    u, v = (3, 1), (1, 2)
    assert vec.dot(u, v) == 5
    cos = sp.Rational(5) / (sp.sqrt(10) * sp.sqrt(5))
    assert vec.cosine_similarity(u, v) == pytest.approx(float(cos))
    assert vec.angle_degrees(u, v) == pytest.approx(45.0)
    k = Fraction(5, 5)  # u·v / v·v
    np.testing.assert_allclose(vec.projection(u, v), [float(k * 1), float(k * 2)])
    assert vec.scalar_projection(u, v) == pytest.approx(5 / math.sqrt(5))
    assert vec.angle_degrees((1, 0), (0, 3)) == pytest.approx(90.0)
    assert vec.angle_degrees((1, 1), (-2, -2)) == pytest.approx(180.0)


def test_angle_is_exact_for_parallel_and_opposite_vectors():
    # acos of the cosine gave 179.9999988° and 1.2e-6° here
    assert vec.angle_degrees((1, 2), (-2, -4)) == 180.0
    assert vec.angle_degrees((1, 2), (2, 4)) == 0.0
    assert vec.angle_degrees((1.0, 1e-9), (1.0, 0.0)) == pytest.approx(math.degrees(1e-9), rel=1e-6)
    with pytest.raises(ValueError):
        vec.angle_degrees((0, 0), (1, 0))
    with pytest.raises(ValueError, match="zero vector"):
        vec.cosine_similarity((0, 0), (1, 1))
    with pytest.raises(ValueError, match="zero vector"):
        vec.projection((1, 1), (0, 0))


@pytest.mark.parametrize("p", [1.0, 1.5, 2.0, 4.0, vec.INF])
def test_unit_ball_points_have_norm_one_and_share_rays(p):
    pts = vec.unit_ball_boundary(p, n=64)
    assert pts.shape == (64, 2)
    np.testing.assert_allclose(np.linalg.norm(pts, ord=p, axis=1), 1.0)
    angles = np.arctan2(pts[:, 1], pts[:, 0]) % (2 * np.pi)
    np.testing.assert_allclose(angles, np.linspace(0, 2 * np.pi, 64, endpoint=False), atol=1e-12)


def test_unit_balls_corners():
    # the 1-ball's corner on the x axis, the ∞-ball's corner on the diagonal
    assert vec.unit_ball_boundary(1, 8)[1] == pytest.approx([0.5, 0.5])
    assert vec.unit_ball_boundary(vec.INF, 8)[1] == pytest.approx([1.0, 1.0])


def test_distance_contrast_shrinks_with_dimension():
    rng = np.random.default_rng(3)
    curve = vec.concentration_curve([2, 10, 100, 1000], rng, n_points=200, trials=5)
    assert list(curve) == sorted(curve, reverse=True)
    assert curve[0] > 5 * curve[-1]
    # the same contrast computed with scipy's cdist
    from scipy.spatial.distance import cdist

    pts, q = np.random.default_rng(1).random((50, 4)), np.random.default_rng(2).random(4)
    d = cdist(pts, q[None, :])[:, 0]
    assert vec.distance_contrast(pts, q) == pytest.approx((d.max() - d.min()) / d.min())
    with pytest.raises(ValueError, match="coincides"):
        vec.distance_contrast([[1.0, 1.0]], [1.0, 1.0])


def test_dotted_curve_reads_its_points_back_and_refuses_bad_input():
    from manim import Axes

    from mathviz.primitives.plots import DottedCurve

    axes = Axes(x_range=(0, 10, 1), y_range=(-2, 2, 1))
    pts = np.array([[1.0, -1.5], [4.0, 0.25], [9.0, 1.75]])
    curve = DottedCurve(axes, pts)
    np.testing.assert_allclose(curve.points_shown(), pts, atol=1e-9)
    with pytest.raises(ValueError, match="two"):
        DottedCurve(axes, [[1.0, 2.0]])
