"""Vector primitives: what they draw, read back through their plane, equals the maths.

Mobjects are built and their animations run to the end (``begin`` + ``finish``, or
``interpolate`` for a frame in between) without rendering any video. Expected values are
computed here with numpy and written-out formulas.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from manim import UR

from mathviz import theme
from mathviz.layout import layout_findings
from mathviz.maths import recommender
from mathviz.maths.vectors import INF
from mathviz.primitives.readout import DegreeReadout, Readout
from mathviz.primitives.vectors import (
    AngleMark,
    ColumnVector,
    ExponentReadout,
    NormBallMorph,
    ProjectionDiagram,
    RatingVector,
    VectorPlane,
    VectorScaling,
    VectorSum,
    arrange_columns,
    column_equation,
    norm_color,
)


def findings(*mobjects, kind: str) -> list:
    """The layout lint's findings of one kind for a still frame of ``mobjects``."""
    return [
        f
        for f in layout_findings(
            list(mobjects),
            frame_width=14.222,
            frame_height=8.0,
            margin=theme.SAFE_MARGIN,
            background=theme.BACKGROUND,
        )
        if f.kind == kind
    ]


def run(animation) -> None:
    """Play an animation to its end without a scene."""
    animation.begin()
    animation.finish()


@pytest.fixture
def plane() -> VectorPlane:
    # an off-centre origin and a non-unit scale, so read-backs must really go through the plane
    return VectorPlane((-4, 6), (-2, 5), unit=0.8, origin=(-1.3, -0.7))


def test_plane_round_trips_coordinates_and_arrow_tips(plane):
    np.testing.assert_allclose(plane.coords_of(plane.c2p(2.5, -1.5)), [2.5, -1.5])
    np.testing.assert_allclose(plane.c2p(0, 0)[:2], [-1.3, -0.7])
    np.testing.assert_allclose(plane.c2p(1, 0)[:2] - plane.c2p(0, 0)[:2], [0.8, 0.0])
    arrow = plane.arrow_to((3, -1), theme.VECTOR, r"\vec u", start=(1, 1))
    run(plane.grow(arrow))
    assert plane.arrows[r"\vec u"] is arrow
    np.testing.assert_allclose(plane.tip_shown(arrow), [3, -1], atol=1e-9)
    np.testing.assert_allclose(plane.tail_shown(arrow), [1, 1], atol=1e-9)
    np.testing.assert_allclose(plane.vector_shown(arrow), [2, -2], atol=1e-9)
    assert plane.length_shown(arrow) == pytest.approx(math.sqrt(8))
    other = plane.arrow_to((0, 2), name="up")
    assert plane.angle_shown(arrow, other) == pytest.approx(135.0)


def test_vector_sum_tip_to_tail(plane):
    a, b = np.array([1.0, 2.0]), np.array([3.0, 1.0])
    total = VectorSum(plane, a, b)
    run(total.create())
    np.testing.assert_allclose(plane.tail_shown(total.second), [0, 0], atol=1e-9)
    slide = total.slide()
    slide.begin()
    slide.interpolate(0.5)  # half way: the tail is half way to a's tip, the vector unchanged
    np.testing.assert_allclose(plane.tail_shown(total.second), a / 2, atol=1e-9)
    np.testing.assert_allclose(total.second_shown(), b, atol=1e-9)
    slide.finish()
    np.testing.assert_allclose(
        plane.tail_shown(total.second), plane.tip_shown(total.first), atol=1e-9
    )
    np.testing.assert_allclose(total.walk_end_shown(), np.add(a, b), atol=1e-9)
    np.testing.assert_allclose(total.second_shown(), b, atol=1e-9)
    run(total.resultant())
    np.testing.assert_allclose(total.sum_shown(), [4.0, 3.0], atol=1e-9)
    assert total.total in total.submobjects


def test_vector_scaling_moves_the_tip_along_the_line(plane):
    v = np.array([1.0, 2.0])
    scaling = VectorScaling(plane, v)
    run(scaling.create())
    np.testing.assert_allclose(scaling.tip_shown(), v, atol=1e-9)
    column = ColumnVector(v, decimals=1)
    readout = Readout("c", 1.0, decimals=1)
    run(
        scaling.scale_to(
            2.0, followers=[(column, scaling.tip_shown), (readout, scaling.factor_shown)]
        )
    )
    np.testing.assert_allclose(scaling.tip_shown(), 2 * v, atol=1e-9)
    assert scaling.factor_shown() == pytest.approx(2.0)
    np.testing.assert_allclose(column.values_shown(), [2.0, 4.0], atol=1e-9)
    assert readout.value == pytest.approx(2.0)
    # exactly zero: the arrow is hidden instead of breaking
    scaling.arrow.set_coords((0.0, 0.0))
    assert scaling.arrow.arrow.get_stroke_opacity() == 0.0
    scaling.arrow.set_coords(2 * v)
    # through zero to a flip: no crash, and the tip lands on −v/2
    flip = scaling.scale_to(-0.5)
    flip.begin()
    for alpha in np.linspace(0.0, 1.0, 41):
        flip.interpolate(alpha)
    flip.finish()
    np.testing.assert_allclose(scaling.tip_shown(), -0.5 * v, atol=1e-9)
    assert scaling.factor_shown() == pytest.approx(-0.5)


def _angle_deg(u, v) -> float:
    return math.degrees(math.acos(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v))))


@pytest.mark.parametrize("a", [(1.0, 3.0), (-1.0, 2.0), (-3.0, 1.0), (2.5, -0.5)])
def test_projection_diagram_reads_back_the_dot_product(plane, a):
    a, b = np.array(a), np.array([4.0, 2.0])
    d = ProjectionDiagram(plane, (1, 3), b)
    run(d.create())
    run(d.drop())
    run(d.show_angle())
    run(d.swing_to(a))
    np.testing.assert_allclose(d.a_shown(), a, atol=1e-9)
    foot = (a @ b) / (b @ b) * b  # written-out projection
    np.testing.assert_allclose(d.foot_shown(), foot, atol=1e-9)
    assert d.drop_shown() @ b == pytest.approx(0.0, abs=1e-9)  # the drop is perpendicular
    np.testing.assert_allclose(d.drop_shown(), foot - a, atol=1e-9)  # the dashed line itself
    assert d.drop_angle_shown() == pytest.approx(90.0, abs=1e-9)
    assert d.shadow_length_shown() == pytest.approx((a @ b) / np.linalg.norm(b), abs=1e-9)
    assert d.b_length_shown() == pytest.approx(np.linalg.norm(b))
    assert d.dot_shown() == pytest.approx(np.dot(a, b), abs=1e-9)
    assert d.angle_shown() == pytest.approx(_angle_deg(a, b))
    assert d.arc_angle_shown() == pytest.approx(_angle_deg(a, b), abs=1e-6)


def test_projection_swing_keeps_readouts_in_step(plane):
    d = ProjectionDiagram(plane, (1, 3), (4, 2))
    run(d.drop())
    shown = Readout("x", 0.0)
    swing = d.swing_to((-3, 1), followers=[(shown, d.dot_shown)])
    swing.begin()
    for alpha in (0.25, 0.5, 0.75):
        swing.interpolate(alpha)
        # printed with 3 decimals: within half a unit of the drawn a · b
        assert shown.value == pytest.approx(np.dot(d.a_shown(), [4, 2]), abs=5e-4)
        assert d.drop_angle_shown() == pytest.approx(90.0, abs=1e-9)
    swing.finish()
    assert shown.value == pytest.approx(-10.0)


def test_followers_are_redrawn_even_when_drawn_before_the_motion(scene, plane):
    """A panel's readouts usually enter the scene before the arrow they describe: they must
    still count as moving, or the renderer paints them once and they freeze on screen
    (the old followers were set from the arrow's own update and stayed static)."""
    column = ColumnVector([1, 2], decimals=1)
    readout = Readout("c", 1.0, decimals=1)
    scaling = VectorScaling(plane, (1, 2))
    scene.add(column, readout, scaling)
    try:
        animation = scaling.scale_to(
            2.0, followers=[(column, scaling.tip_shown), (readout, scaling.factor_shown)]
        )
        moving = scene.get_moving_mobjects(animation)
        assert column in moving and readout in moving
        animation.begin()
        animation.interpolate(0.5)
        np.testing.assert_allclose(column.values_shown(), scaling.tip_shown(), atol=0.05)
        assert readout.value == pytest.approx(scaling.factor_shown(), abs=0.05)
        animation.finish()
        np.testing.assert_allclose(column.values_shown(), [2.0, 4.0])
        assert readout.value == pytest.approx(2.0)
    finally:
        scene.remove(column, readout, scaling)


def test_projection_rejects_zero_b(plane):
    with pytest.raises(ValueError, match="zero vector"):
        ProjectionDiagram(plane, (1, 1), (0, 0))


def test_angle_mark_reads_the_angle_between_drawn_arrows(plane):
    u, v = plane.arrow_to((5, 1), name="u"), plane.arrow_to((4, 2), name="v")
    mark = AngleMark(plane, u, v, radius=1.0)
    expected = math.degrees(math.atan2(2, 4) - math.atan2(1, 5))  # a different route
    assert mark.value_shown() == pytest.approx(round(expected, 1))  # printed: one decimal
    assert mark.value_shown().text == f"{expected:.1f}" + r"^\circ"
    assert mark.arc_angle_shown() == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize("p", [1.0, 1.5, 2.0, 3.0, INF])
def test_norm_ball_vertices_have_p_norm_one(plane, p):
    ball = NormBallMorph(plane, 1.0, n=64, marker_index=4)
    run(ball.morph_to(p))
    vertices = ball.vertices_shown()
    assert vertices.shape == (64, 2)
    np.testing.assert_allclose(np.linalg.norm(vertices, ord=p, axis=1), 1.0, atol=1e-9)
    np.testing.assert_allclose(ball.norm_of_boundary_shown(p), 1.0, atol=1e-9)
    # the marker rides on ray 4 of 64 (22.5°), scaled to p-norm one
    ray = np.array([math.cos(2 * math.pi * 4 / 64), math.sin(2 * math.pi * 4 / 64)])
    np.testing.assert_allclose(ball.marker_shown(), ray / np.linalg.norm(ray, ord=p), atol=1e-9)


def test_norm_ball_is_a_true_p_ball_in_the_middle_of_a_morph(plane):
    ball = NormBallMorph(plane, 1.0, n=48)
    morph = ball.morph_to(2.0)
    morph.begin()
    morph.interpolate(0.5)  # half way in 1/p: p = 1 / ((1 + 1/2) / 2) = 4/3
    np.testing.assert_allclose(
        np.linalg.norm(ball.vertices_shown(), ord=4 / 3, axis=1), 1.0, atol=1e-9
    )
    assert not np.allclose(np.linalg.norm(ball.vertices_shown(), ord=2, axis=1), 1.0)
    morph.finish()
    np.testing.assert_allclose(np.hypot(*ball.vertices_shown().T), 1.0, atol=1e-9)


def test_norm_ball_exponent_is_read_off_the_outline(plane):
    """p is read from the drawn shape (where it crosses the diagonal), not the stored input."""
    ball = NormBallMorph(plane, 1.0, n=64)
    assert ball.p_shown() == pytest.approx(1.0, abs=1e-9)
    assert ball.diagonal_crossing_shown() == pytest.approx(0.5)  # (½, ½) on the diamond
    np.testing.assert_allclose(ball.norm_range_of_boundary_shown(1), [1.0, 1.0], atol=1e-9)
    morph = ball.morph_to(2.0)
    morph.begin()
    morph.interpolate(0.5)  # 1/p half way from 1 to ½
    assert ball.p_shown() == pytest.approx(4 / 3, abs=1e-9)
    morph.finish()
    assert ball.p_shown() == pytest.approx(2.0, abs=1e-9)
    assert ball.diagonal_crossing_shown() == pytest.approx(1 / math.sqrt(2))
    lo, hi = ball.norm_range_of_boundary_shown(1)  # the circle is not the 1-ball
    assert lo == pytest.approx(1.0) and hi == pytest.approx(math.sqrt(2), abs=1e-3)
    ball.p = 5.0  # the attribute alone changes nothing on screen, nor what is read
    assert ball.p_shown() == pytest.approx(2.0, abs=1e-9)
    ball.p = 2.0
    run(ball.morph_to(INF))
    assert ball.p_shown() == math.inf
    assert ball.inverse_p_shown() == pytest.approx(0.0, abs=1e-12)


def test_exponent_readout_prints_p_and_infinity(plane):
    shown = ExponentReadout(1.0)
    assert shown.value.text == "1.00" and not shown.shows_infinity()
    ball = NormBallMorph(plane, 1.0, n=64)
    morph = ball.morph_to(INF, followers=[(shown, ball.p_shown)])
    morph.begin()
    morph.interpolate(0.5)  # 1/p = ½·(1 + 0): p = 2
    assert shown.value == pytest.approx(2.0) and not shown.shows_infinity()
    morph.finish()  # the square: ∞ replaces the digits
    assert shown.shows_infinity()
    assert shown.readout.number.get_fill_opacity() == 0.0
    assert shown.infinity.get_fill_opacity() == 1.0
    shown.set(3.25)
    assert shown.value.text == "3.25" and not shown.shows_infinity()


def test_norm_ball_corners_and_colours(plane):
    ball = NormBallMorph(plane, 1.0, n=16)
    np.testing.assert_allclose(ball.vertices_shown()[4], [0.0, 1.0], atol=1e-9)  # diamond tip
    run(ball.morph_to(INF))
    np.testing.assert_allclose(ball.vertices_shown()[2], [1.0, 1.0], atol=1e-9)  # square corner
    assert norm_color(1) == theme.NORM_L1
    assert norm_color(2) == theme.NORM_L2
    assert norm_color(INF) == theme.NORM_LINF
    ghost = ball.ghost()
    assert ghost not in ball.submobjects
    with pytest.raises(ValueError, match="no marker"):
        ball.marker_shown()


def test_column_vector_shows_sets_and_counts():
    column = ColumnVector([1, 2, 3], header="x", row_labels=["a", "b", "c"])
    np.testing.assert_allclose(column.values_shown(), [1, 2, 3])
    column.set([4.4, -1, 0])  # printed without decimals: 4.4 reads as the 4 a viewer sees
    np.testing.assert_allclose(column.values_shown(), [4, -1, 0])
    assert column.values_shown().texts == ("4", "-1", "0")
    run(column.change_to([7, 8, 9]))
    np.testing.assert_allclose(column.values_shown(), [7, 8, 9])
    assert column.row_y(0) > column.row_y(1) > column.row_y(2)
    with pytest.raises(ValueError, match="row labels"):
        ColumnVector([1, 2], row_labels=["only one"])
    with pytest.raises(ValueError, match="1-D"):
        ColumnVector([[1, 2]])


def test_rating_vectors_are_the_recommender_rows_lined_up():
    columns = [
        RatingVector(name, show_movies=(i == 0)) for i, name in enumerate(recommender.USERS[:3])
    ]
    arrange_columns(columns).to_corner(UR)
    table = recommender.ratings()
    for i, column in enumerate(columns):
        np.testing.assert_allclose(column.values_shown(), table[i])
        assert column.brackets[0].get_stroke_color().to_hex() == theme.USER_COLORS[i].to_hex()
        for row in range(5):
            assert column.row_y(row) == pytest.approx(columns[0].row_y(row))
    assert len(columns[0].row_labels) == 5 and len(columns[1].row_labels) == 0
    assert [label.text for label in columns[0].row_labels] == list(recommender.MOVIES)
    assert columns[0].get_left()[0] < columns[1].get_left()[0] < columns[2].get_left()[0]


def test_column_equation_centres_operators_on_the_rows():
    left, right = ColumnVector([1, 2]), ColumnVector([3, 1], header="w")
    plus = Readout("", 0.0)
    column_equation(left, plus, right)
    assert right.row_y(0) == pytest.approx(left.row_y(0))
    assert plus.get_y() == pytest.approx(left.entries.get_center()[1])
    assert left.get_right()[0] < plus.get_left()[0] < plus.get_right()[0] < right.get_left()[0]
    with pytest.raises(ValueError, match="ColumnVector"):
        column_equation(plus)


def test_degrees_readout_shows_and_sets():
    readout = DegreeReadout(r"\theta", 45.0)
    assert readout.value == pytest.approx(45.0)
    readout.set(135.0)
    assert readout.value == pytest.approx(135.0)


def test_plane_labels_are_not_crossed_by_the_grid():
    """Tick numbers belong to the plane's own coordinate labels, axis names and arrow labels
    sit on a backing: no grid line runs through any of them (they used to float over it)."""
    plane = VectorPlane(
        (-0.5, 6.6),
        (-0.5, 6.6),
        unit=1.05,
        origin=(-6.38, -3.27),
        x_label="Alien",
        y_label="Coco",
        numbers_up_to=(5, 5),
    )
    arrows = [
        plane.arrow_to(v, theme.USER_COLORS[i], theme.text(name, size=28), name=name)
        for i, (name, v) in enumerate((("Ana", (5, 1)), ("Ben", (4, 2)), ("Chloé", (1, 5))))
    ]
    run(plane.grow(*arrows))
    mark = AngleMark(plane, arrows[0], arrows[1], radius=3.1)
    assert findings(plane, mark, kind="crossing") == []
    assert findings(plane, mark, kind="offscreen") == []
    assert mark.value_shown().text.endswith(r"^\circ")  # the backing leaves the digits alone


def test_emphasized_rows_keep_every_number_readable():
    column = RatingVector("Ana", show_movies=True)
    run(column.emphasize_rows((0, 3), theme.TEXT))
    assert findings(column, kind="contrast") == []

    def drawn_color(mob):  # the colour of the glyphs' outlines, what the renderer fills
        return mob.family_members_with_points()[0].get_fill_color()

    assert drawn_color(column.entries[1]) == theme.MUTED  # dimmed by colour, not opacity
    assert drawn_color(column.entries[0]) == theme.TEXT
    assert column.entries[1].family_members_with_points()[0].get_fill_opacity() == 1.0
