"""4.1 Vectors: every value the lecture shows, recomputed here with numpy and the ratings
matrix (the scene used exact fractions and the read-only table)."""

from __future__ import annotations

import numpy as np
import pytest

from mathviz.maths import recommender

V, W = np.array([1.0, 2.0]), np.array([3.0, 1.0])
LIST_TOL = 5e-4  # numbers shown as DecimalNumbers (printed to at most one decimal here)


def _user(name: str) -> np.ndarray:
    return recommender.ratings()[recommender.USERS.index(name)]


def _two_movies(name: str) -> np.ndarray:
    cols = [recommender.MOVIES.index("Alien"), recommender.MOVIES.index("Coco")]
    return _user(name)[cols]


def test_arrow_and_list_are_the_same_vector(shown):
    values = shown("4.1")
    np.testing.assert_allclose(values["v_tip"], V, atol=1e-6)
    np.testing.assert_allclose(values["v_list"], V, atol=1e-6)  # the digits printed
    np.testing.assert_allclose(values["w_list"], W, atol=1e-6)
    np.testing.assert_allclose(values["scaling_v_list"], V, atol=1e-6)


def test_lists_follow_the_arrows_while_they_move(held):
    """The invariants are stated and hold at every sampled moment of the motion."""
    held(
        "4.1",
        "w_unchanged_while_sliding",
        "c_readout_is_drawn_factor",
        "scaled_list_is_drawn_tip",
        "chloe_unchanged_while_sliding",
        "average_list_is_sum_times_drawn_factor",
    )


def test_tip_to_tail_addition(shown):
    values = shown("4.1")
    total = np.add(V, W)
    assert total.tolist() == [4.0, 3.0]  # the brief's (1,2) + (3,1) = (4,3)
    np.testing.assert_allclose(values["w_after_slide"], W, atol=1e-6)  # sliding keeps w
    np.testing.assert_allclose(values["sum_tip"], total, atol=1e-6)
    np.testing.assert_allclose(values["sum_walk_end"], total, atol=1e-6)
    np.testing.assert_allclose(values["sum_list"], total, atol=LIST_TOL)
    # the dot that walks v then w stops where the sum's tip is
    np.testing.assert_allclose(values["walk_end_dot"], V + W, atol=1e-6)


def test_scaling(shown):
    values = shown("4.1")
    scaled = np.multiply(2, V)
    assert scaled.tolist() == [2.0, 4.0]  # the brief's 2·(1,2) = (2,4)
    np.testing.assert_allclose(values["scaled_tip"], scaled, atol=1e-6)
    np.testing.assert_allclose(values["scaled_list"], scaled, atol=LIST_TOL)
    assert values["scale_factor_readout"] == pytest.approx(2.0, abs=LIST_TOL)
    # the knob on the slider's track sits at c = 2 (its readout is read from the knob)
    assert values["scale_knob"] == pytest.approx(2.0, abs=1e-2)
    # the factor is also what the drawn tip says: its length over v's
    assert np.linalg.norm(values["scaled_tip"]) / np.linalg.norm(V) == pytest.approx(
        values["scale_factor_readout"], abs=LIST_TOL
    )


def test_two_users_rating_vectors(shown):
    values = shown("4.1")
    np.testing.assert_allclose(values["ana_tip"], _two_movies("Ana"), atol=1e-6)
    np.testing.assert_allclose(values["chloe_tip"], _two_movies("Chloé"), atol=1e-6)
    np.testing.assert_allclose(values["ana_list"], _user("Ana"), atol=1e-6)
    np.testing.assert_allclose(values["chloe_list"], _user("Chloé"), atol=1e-6)
    assert len(values["ana_list"]) == len(recommender.MOVIES)


def test_users_sum_and_average(shown):
    values = shown("4.1")
    pair = recommender.ratings()[[recommender.USERS.index("Ana"), recommender.USERS.index("Chloé")]]
    np.testing.assert_allclose(
        values["users_sum_tip"], _two_movies("Ana") + _two_movies("Chloé"), atol=1e-6
    )
    np.testing.assert_allclose(values["users_sum_list"], pair.sum(axis=0), atol=LIST_TOL)
    average = pair.mean(axis=0)
    np.testing.assert_allclose(values["average_list"], average, atol=LIST_TOL)
    np.testing.assert_allclose(
        values["average_tip"], (_two_movies("Ana") + _two_movies("Chloé")) / 2, atol=1e-6
    )
    # the chord between the two users' tips has its midpoint where the average arrow ends
    tips = np.vstack([_two_movies("Ana"), _two_movies("Chloé")])
    np.testing.assert_allclose(values["chord_midpoint"], tips.mean(axis=0), atol=1e-6)
    # the narration's claim: opposite tastes cancel into a viewer who rates everything 3
    np.testing.assert_allclose(average, np.full(5, 3.0))
