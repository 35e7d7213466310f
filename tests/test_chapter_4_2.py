"""4.2 Geometry of Vectors: every value the lecture shows, recomputed here with numpy,
numpy.linalg.norm(ord=p), atan2 and sympy (the scene used fractions and sympy's acos)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp

from mathviz.maths import recommender

A, B = np.array([1.0, 3.0]), np.array([4.0, 2.0])
A_PERPENDICULAR, A_OBTUSE = np.array([-1.0, 2.0]), np.array([-3.0, 1.0])
READ = 5e-4  # numbers shown with three decimals (shadow, lengths, cosines)
ONE_DECIMAL = 5e-2  # the dot products and a's entries, spoken as whole numbers
TWO_DECIMALS = 5e-3  # the marked point's norms
WHOLE = 0.5  # angles in whole degrees, as spoken


def _cos(u, v) -> float:
    return float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)))


def _atan2_angle(u, v) -> float:
    """Angle between two vectors from their polar angles (not from the dot product)."""
    d = abs(math.degrees(math.atan2(u[1], u[0]) - math.atan2(v[1], v[0]))) % 360
    return min(d, 360 - d)


def test_dot_product_by_entries_and_by_shadow(shown):
    values = shown("4.2")
    assert values["dot_by_entries"] == pytest.approx(A[0] * B[0] + A[1] * B[1], abs=READ)
    assert values["dot_by_entries"] == pytest.approx(10.0, abs=READ)
    foot = np.dot(A, B) / np.dot(B, B) * B
    np.testing.assert_allclose(values["shadow_foot"], foot, atol=1e-6)
    np.testing.assert_allclose(values["shadow_foot"], [2.0, 1.0], atol=1e-6)
    drop = foot - A
    assert _atan2_angle(drop, B) == pytest.approx(90.0)
    assert values["drop_perpendicular_to_b"] == pytest.approx(_atan2_angle(drop, B), abs=1e-6)
    np.testing.assert_allclose(values["a_list"], A)
    np.testing.assert_allclose(values["b_list"], B)
    assert values["shadow_length"] == pytest.approx(np.linalg.norm(foot), abs=READ)
    assert values["b_length"] == pytest.approx(np.linalg.norm(B), abs=READ)
    # the line laid beside b to measure it has b's length
    assert values["b_measure_length"] == pytest.approx(math.hypot(*B), abs=1e-6)
    assert values["dot_by_shadow"] == pytest.approx(np.dot(A, B), abs=READ)
    # shadow × |b| really is the product of the two shown numbers
    assert values["shadow_length"] * values["b_length"] == pytest.approx(
        values["dot_by_shadow"], abs=5e-3
    )


def test_angle_and_cosine_of_a_and_b(shown):
    values = shown("4.2")
    assert values["angle_ab"] == pytest.approx(_atan2_angle(A, B), abs=READ)
    assert values["arc_ab"] == pytest.approx(45.0, abs=1e-6)
    exact_cos = sp.Integer(10) / (sp.sqrt(10) * sp.sqrt(20))
    assert sp.simplify(exact_cos - sp.sqrt(2) / 2) == 0
    assert values["cos_ab"] == pytest.approx(float(exact_cos), abs=READ)


def test_swing_to_a_right_angle(shown):
    values = shown("4.2")
    np.testing.assert_allclose(values["perpendicular_a"], A_PERPENDICULAR, atol=READ)
    assert np.dot(A_PERPENDICULAR, B) == 0
    for name in (
        "perpendicular_dot_by_entries",
        "perpendicular_shadow",
        "perpendicular_dot_by_shadow",
        "perpendicular_cos",
    ):
        assert values[name] == pytest.approx(0.0, abs=READ), name
    assert values["perpendicular_angle"] == pytest.approx(
        _atan2_angle(A_PERPENDICULAR, B), abs=READ
    )


def test_swing_past_a_right_angle(shown):
    values = shown("4.2")
    np.testing.assert_allclose(values["obtuse_a"], A_OBTUSE, atol=READ)
    dot = A_OBTUSE @ B
    assert values["obtuse_dot_by_entries"] == pytest.approx(dot, abs=READ)
    assert values["obtuse_dot_by_shadow"] == pytest.approx(dot, abs=READ)
    assert values["obtuse_shadow"] == pytest.approx(float(-sp.sqrt(5)), abs=READ)
    assert values["obtuse_angle"] == pytest.approx(_atan2_angle(A_OBTUSE, B), abs=READ)
    assert values["obtuse_cos"] == pytest.approx(float(-sp.sqrt(2) / 2), abs=READ)


def _user(name: str) -> np.ndarray:
    return recommender.ratings()[recommender.USERS.index(name)]


def _two_movies(name: str) -> np.ndarray:
    return _user(name)[[recommender.MOVIES.index("Alien"), recommender.MOVIES.index("Coco")]]


def test_swing_readouts_follow_the_drawing(held):
    held(
        "4.2",
        "a_list_is_drawn_a",
        "dot_by_entries_is_drawn_a_dot_b",
        "shadow_is_drawn_shadow",
        "dot_by_shadow_is_drawn_product",
        "theta_is_drawn_angle",
        "cos_is_cos_of_drawn_angle",
        "drop_stays_perpendicular",
        "p_readout_is_drawn_p",
        "norm_1_readout_is_drawn_marker_norm",
        "norm_2_readout_is_drawn_marker_norm",
        "norm_inf_readout_is_drawn_marker_norm",
        "ana_ben_label_is_drawn_angle_while_ana_scales",
    )


def test_rating_columns_print_the_table(shown):
    values = shown("4.2")
    for name, key in (("Ana", "ana"), ("Ben", "ben"), ("Chloé", "chloe")):
        np.testing.assert_allclose(values[f"{key}_ratings"], _user(name))


def test_users_angles_in_the_two_movie_picture(shown):
    values = shown("4.2")
    similar = _atan2_angle(_two_movies("Ana"), _two_movies("Ben"))
    dissimilar = _atan2_angle(_two_movies("Ana"), _two_movies("Chloé"))
    assert values["ana_ben_angle_2d"] == pytest.approx(similar, abs=WHOLE)
    assert values["ana_ben_angle_2d"] == round(similar) == 15
    assert values["ana_ben_arc_2d"] == pytest.approx(similar, abs=1e-6)
    assert values["ana_chloe_angle_2d"] == pytest.approx(dissimilar, abs=WHOLE)
    assert values["ana_chloe_angle_2d"] == round(dissimilar) == 67
    # Ana shrunk to a harsher rater (every rating × 0.6) and back: the same ray, the same angle
    harsh = 0.6 * _two_movies("Ana")
    assert _atan2_angle(harsh, _two_movies("Ben")) == pytest.approx(similar)
    assert values["ana_ben_angle_after_scaling_2d"] == pytest.approx(similar, abs=1e-6)
    assert values["ana_chloe_arc_2d"] == pytest.approx(dissimilar, abs=1e-6)


def test_cosine_similarity_over_all_five_movies(shown):
    values = shown("4.2")
    ana, ben, chloe = (sp.Matrix([int(x) for x in _user(n)]) for n in ("Ana", "Ben", "Chloé"))
    exact_similar = ana.dot(ben) / sp.sqrt(ana.dot(ana) * ben.dot(ben))  # 64 / √(71·62)
    exact_dissimilar = ana.dot(chloe) / sp.sqrt(ana.dot(ana) * chloe.dot(chloe))
    assert values["ana_ben_cos_5d"] == pytest.approx(float(exact_similar), abs=READ)
    assert values["ana_chloe_cos_5d"] == pytest.approx(float(exact_dissimilar), abs=READ)
    assert values["ana_ben_cos_5d"] == pytest.approx(_cos(_user("Ana"), _user("Ben")), abs=READ)
    # the contrast the lecture is about
    assert values["ana_ben_cos_5d"] > 0.95 > 0.6 > values["ana_chloe_cos_5d"]


@pytest.mark.parametrize(("stage", "p"), [("diamond", 1), ("circle", 2), ("square", np.inf)])
def test_unit_ball_marker_norms(shown, stage, p):
    values = shown("4.2")
    ray = np.array([math.cos(math.radians(30)), math.sin(math.radians(30))])
    point = ray / np.linalg.norm(ray, ord=p)
    np.testing.assert_allclose(values[f"{stage}_marker_point"], point, atol=1e-6)
    for q, key in ((1, "1"), (2, "2"), (np.inf, "inf")):
        expected = np.linalg.norm(point, ord=q)
        assert values[f"{stage}_marker_norm_{key}"] == pytest.approx(expected, abs=TWO_DECIMALS)
    assert values[f"{stage}_marker_norm_{'inf' if np.isinf(p) else p}"] == pytest.approx(
        1.0, abs=TWO_DECIMALS
    )
    # every drawn vertex has p-norm one: [min, max] over the outline
    np.testing.assert_allclose(values[f"{stage}_boundary_norms"], [1.0, 1.0], atol=1e-9)


def test_unit_ball_p_readouts_and_norm_order(shown):
    values = shown("4.2")
    # p as printed; the scene compares it with the exponent read off the drawn outline
    assert values["diamond_p"] == pytest.approx(1.0, abs=ONE_DECIMAL)
    assert values["circle_p"] == pytest.approx(2.0, abs=ONE_DECIMAL)
    # the square is the ∞-ball: where it crosses the diagonal, 2·t^p = 1 only for 1/p = 0
    assert values["square_inverse_p"] == pytest.approx(0.0, abs=1e-9)
    # on every ball, ‖x‖∞ ≤ ‖x‖₂ ≤ ‖x‖₁ for the marked point
    for stage in ("diamond", "circle", "square"):
        assert (
            values[f"{stage}_marker_norm_inf"]
            <= values[f"{stage}_marker_norm_2"]
            <= values[f"{stage}_marker_norm_1"]
        )


def test_diamond_corners_lie_on_the_axes(shown):
    values = shown("4.2")
    corners = np.array(values["diamond_corners_on_axes"]).reshape(-1, 2)
    # each lit corner is a point of the 1-ball with one coordinate zero: |x| + |y| = 1
    np.testing.assert_allclose(np.abs(corners).sum(axis=1), 1.0, atol=1e-6)
    np.testing.assert_allclose(np.prod(corners, axis=1), 0.0, atol=1e-6)
    np.testing.assert_allclose(
        sorted(map(tuple, np.round(corners, 6))), sorted([(1, 0), (0, 1), (-1, 0), (0, -1)])
    )
