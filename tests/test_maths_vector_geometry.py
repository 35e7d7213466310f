"""The plane geometry behind the vector pictures, against hand formulas and numpy."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mathviz.maths import vector_geometry as geo
from mathviz.maths.vectors import INF


def test_tip_to_tail_places_the_second_vector_on_the_first_tip():
    start, end = geo.tip_to_tail((1, 2), (3, 1))
    np.testing.assert_allclose(start, [1, 2])
    np.testing.assert_allclose(end, np.add([1, 2], [3, 1]))
    start, end = geo.tip_to_tail([5, 4, 5, 1, 2], [1, 2, 1, 5, 4])  # any dimension
    np.testing.assert_allclose(end, [6, 6, 6, 6, 6])
    with pytest.raises(ValueError, match="different shapes"):
        geo.tip_to_tail((1, 2), (1, 2, 3))


def test_polar_interpolation_turns_and_stretches():
    u, v = np.array([1.0, 3.0]), np.array([-3.0, 1.0])
    np.testing.assert_allclose(geo.polar_interpolate(u, v, 0.0), u, atol=1e-12)
    np.testing.assert_allclose(geo.polar_interpolate(u, v, 1.0), v, atol=1e-12)
    mid = geo.polar_interpolate(u, v, 0.5)
    # same length (both √10), and the angle half way between: a quarter turn each side
    assert np.hypot(*mid) == pytest.approx(math.sqrt(10))
    assert math.degrees(math.atan2(mid[1], mid[0])) == pytest.approx(
        (math.degrees(math.atan2(3, 1)) + math.degrees(math.atan2(1, -3))) / 2
    )
    # the short way round: (1, 0) to (0, -1) turns clockwise through (1, -1)/√2
    np.testing.assert_allclose(
        geo.polar_interpolate((1, 0), (0, -1), 0.5), [math.sqrt(0.5), -math.sqrt(0.5)], atol=1e-12
    )
    # lengths interpolate linearly
    assert np.hypot(*geo.polar_interpolate((1, 0), (0, 3), 0.25)) == pytest.approx(1.5)
    with pytest.raises(ValueError, match="zero vector"):
        geo.polar_interpolate((0, 0), (1, 1), 0.5)
    with pytest.raises(ValueError, match="2-D"):
        geo.polar_interpolate((1, 0, 0), (1, 1, 0), 0.5)


def test_arc_between_is_signed_and_short():
    start, sweep = geo.arc_between((1, 0), (0, 1))
    assert (start, sweep) == pytest.approx((0.0, math.pi / 2))
    start, sweep = geo.arc_between((1, 0), (0, -2))
    assert (start, sweep) == pytest.approx((0.0, -math.pi / 2))
    start, sweep = geo.arc_between((4, 2), (1, 3))
    assert start == pytest.approx(math.atan(0.5))
    assert abs(sweep) == pytest.approx(math.pi / 4)
    with pytest.raises(ValueError, match="zero vector"):
        geo.arc_between((0, 0), (1, 0))


def test_right_angle_corner_has_perpendicular_legs_of_the_given_size():
    foot, along, toward = np.array([2.0, 1.0]), np.array([-4.0, -2.0]), np.array([-1.0, 2.0])
    first, corner, last = geo.right_angle_corner(foot, along, toward, 0.3)
    assert np.hypot(*(first - foot)) == pytest.approx(0.3)
    assert np.hypot(*(last - foot)) == pytest.approx(0.3)
    assert np.dot(first - foot, last - foot) == pytest.approx(0.0, abs=1e-12)
    np.testing.assert_allclose(corner, first + last - foot)
    with pytest.raises(ValueError, match="zero vector"):
        geo.right_angle_corner(foot, (0, 0), toward, 0.3)


def test_p_between_moves_linearly_in_one_over_p():
    assert geo.p_between(1, 2, 0.0) == 1
    assert geo.p_between(1, 2, 1.0) == pytest.approx(2)
    assert geo.p_between(1, 2, 0.5) == pytest.approx(1 / ((1 + 0.5) / 2))  # 4/3
    assert geo.p_between(2, INF, 0.5) == pytest.approx(4.0)
    assert math.isinf(geo.p_between(2, INF, 1.0))
    assert math.isinf(geo.p_between(2, INF, 0.9999))  # past the floor: drawn as the ∞-ball
    assert geo.p_between(INF, 1, 0.5) == pytest.approx(2.0)
    with pytest.raises(ValueError, match="p >= 1"):
        geo.p_between(0.5, 2, 0.5)


def test_inverse_p():
    assert geo.inverse_p(INF) == 0.0
    assert geo.inverse_p(4) == 0.25
    with pytest.raises(ValueError):
        geo.inverse_p(0.9)
