"""The linear-map primitives stepped through their animations without rendering: every part
is carried by the same ``M(t) = (1 − t) I + t M`` at every moment (computed here by hand)."""

from __future__ import annotations

import numpy as np
import pytest
from manim import Arrow, Dot, NumberPlane, Scene, smooth

from mathviz.primitives.linear_map import LinearMapDiagram
from mathviz.primitives.readout import coords

A = np.array([[2.0, 1.0], [-1.0, 1.0]])
V = np.array([1.0, 2.0])


def started(animation):
    animation._setup_scene(Scene())
    animation.begin()
    return animation


def by_hand(m: np.ndarray, alpha: float) -> np.ndarray:
    """The interpolated matrix at animation progress ``alpha`` (Manim's default smooth rate)."""
    t = smooth(alpha)
    return (1 - t) * np.eye(2) + t * m


@pytest.mark.parametrize("alpha", [0.125, 0.25, 0.5, 0.75])
def test_arrows_ride_the_grid_mid_animation(alpha):
    # fails on the old apply: the arrows' Transform ran a third of the grid's ApplyMatrix
    d = LinearMapDiagram(vector=V, x_range=(-9, 9), y_range=(-9, 9))
    d.shift(np.array([1.2, -0.7, 0.0]))
    anim = started(d.apply(A, run_time=2.5))
    anim.interpolate(alpha)
    m = by_hand(A, alpha)
    np.testing.assert_allclose(d.tip_shown(d.v_arrow), m @ V, atol=1e-9)
    np.testing.assert_allclose(d.tip_shown(d.i_arrow), m[:, 0], atol=1e-9)
    np.testing.assert_allclose(d.tip_shown(d.j_arrow), m[:, 1], atol=1e-9)
    for v in (V, (1.0, 0.0), (0.0, 1.0), (-3.0, 2.5)):  # the moving grid's own c2p
        np.testing.assert_allclose(
            coords(d.reference, d.grid.c2p(*v)), m @ np.asarray(v), atol=1e-9
        )
    assert d.square_area_shown() == pytest.approx(np.linalg.det(m))
    anim.finish()
    np.testing.assert_allclose(d.tip_shown(d.v_arrow), A @ V, atol=1e-9)


def test_maps_compose_and_reset_returns_home():
    d = LinearMapDiagram(vector=V)
    for m in (A, [[0, -1], [1, 0]]):
        started(d.apply(m)).finish()
    np.testing.assert_allclose(d.matrix, np.array([[0, -1], [1, 0]]) @ A)
    np.testing.assert_allclose(d.tip_shown(d.v_arrow), d.matrix @ V, atol=1e-9)
    started(d.reset()).finish()
    np.testing.assert_allclose(d.tip_shown(d.v_arrow), V, atol=1e-9)
    np.testing.assert_allclose(d.grid_image_shown((2.0, -1.0)), [2.0, -1.0], atol=1e-9)


def test_carried_arrows_keep_their_tips_colour_and_opacity():
    from mathviz.primitives.linear_map import CarryByMatrix

    plane = NumberPlane(x_range=(-5, 5, 1), y_range=(-5, 5, 1), x_length=6, y_length=6)
    arrow = Arrow(
        plane.c2p(0, 0),
        plane.c2p(1, 1),
        buff=0,
        color="#ff8800",
        stroke_width=6,
        max_tip_length_to_length_ratio=0.2,
        max_stroke_width_to_length_ratio=8,
    )
    arrow.set_opacity(0.4)
    started(CarryByMatrix([[3.0, 0.0], [0.0, 3.0]], plane, arrows=[arrow], group=arrow)).finish()
    np.testing.assert_allclose(coords(plane, arrow.get_end()), [3.0, 3.0], atol=1e-9)
    assert arrow.get_stroke_opacity() == pytest.approx(0.4)
    assert arrow.get_color().to_hex().lower() == "#ff8800"
    # the tip is that of an arrow drawn afresh at the new length, not the old one stretched
    fresh = Arrow(
        plane.c2p(0, 0),
        plane.c2p(3, 3),
        buff=0,
        stroke_width=6,
        max_tip_length_to_length_ratio=0.2,
        max_stroke_width_to_length_ratio=8,
    )
    np.testing.assert_allclose(arrow.tip.points, fresh.tip.points, atol=1e-9)


def test_carry_acts_in_plane_coordinates_of_an_unevenly_scaled_plane():
    from mathviz.primitives.linear_map import CarryByMatrix

    plane = NumberPlane(x_range=(-4, 4, 1), y_range=(-4, 4, 1), x_length=8, y_length=4)
    plane.shift(np.array([0.5, 0.3, 0.0]))
    dot = Dot(plane.c2p(1.0, 2.0))
    anim = started(CarryByMatrix(A, plane, dots=[dot], group=dot))
    anim.interpolate(0.5)
    np.testing.assert_allclose(coords(plane, dot), by_hand(A, 0.5) @ [1.0, 2.0], atol=1e-9)
    anim.finish()
    np.testing.assert_allclose(coords(plane, dot), A @ [1.0, 2.0], atol=1e-9)
