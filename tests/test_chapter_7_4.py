"""7.4 Expectation & Moments: every checkpoint recomputed here independently (fractions,
scipy.stats, a replay of the seeded generator through scipy's inverse CDF), and the readouts
held to the drawing at every sampled moment."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from scipy import stats

PAYOFFS = (Fraction(100), Fraction(-200))
PROBS = (Fraction(2, 6), Fraction(4, 6))  # two faces of six win, four lose


@pytest.fixture(scope="module")
def values(shown):
    return shown("7.4")


def replay(seed: int, xk: list[int], pk: list[float], n: int = 1000) -> np.ndarray:
    """The rounds again: the same uniform draws, mapped by scipy's inverse CDF."""
    u = np.random.default_rng(seed).random(n)
    return stats.rv_discrete(values=(xk, pk)).ppf(u)


def test_the_die_and_its_faces(values):
    assert values["faces_drawn"] == 6
    assert list(values["face_values"]) == [1, 2, 3, 4, 5, 6]
    assert values["winning_faces"] == sum(1 for face in range(1, 7) if face in (1, 2))
    assert list(values["blocks_per_outcome"]) == [2, 4]


def test_weights_are_the_probabilities_at_the_payoffs(values):
    np.testing.assert_allclose(values["weights_as_probabilities"], [1 / 3, 2 / 3], atol=1e-6)
    np.testing.assert_allclose(values["weights_stand_at_payoffs"], [100, -200], atol=1e-6)


def test_the_beam_balances_at_the_expectation(values):
    mean = sum((p * x for x, p in zip(PAYOFFS, PROBS, strict=True)), Fraction(0))
    rv = stats.rv_discrete(values=([-200, 100], [2 / 3, 1 / 3]))
    assert mean == -100 and rv.mean() == pytest.approx(-100)
    assert values["fulcrum_at_balance"] == pytest.approx(float(mean), abs=1e-6)
    assert values["beam_level_at_balance"] == pytest.approx(0.0, abs=1e-6)
    assert values["fulcrum_readout"] == -100
    assert values["expectation_typeset"] == -100
    # with the fulcrum at zero the net moment is −100: tipped left by 12°·tanh(1)
    assert values["tilt_with_fulcrum_at_zero"] == pytest.approx(12 * math.tanh(1), abs=1e-6)


def test_lever_arms_balance(values):
    right, left = values["lever_arms"]
    assert (right, left) == pytest.approx((100 - -100, -100 - -200), abs=1e-6)
    assert list(values["lever_arm_labels"]) == [200, 100]
    assert Fraction(1, 3) * 200 == Fraction(2, 3) * 100
    assert values["moments_balance"] == pytest.approx(0.0, abs=1e-6)


def test_squares_weighted_make_the_variance(values):
    squares = [float((x - -100) ** 2) for x in PAYOFFS]
    np.testing.assert_allclose(values["deviation_squares"], squares, atol=1e-3)
    assert list(values["square_labels"]) == [40000, 10000]
    weighted = [float(p * (x + 100) ** 2) for x, p in zip(PAYOFFS, PROBS, strict=True)]
    np.testing.assert_allclose(values["weighted_areas"], weighted, atol=1e-3)
    var = stats.rv_discrete(values=([-200, 100], [2 / 3, 1 / 3])).var()
    assert var == pytest.approx(20000)
    assert values["variance_readout"] == round(var)
    assert values["variance_area_kept"] == round(var)


def test_the_square_of_area_var_has_side_sigma(values):
    sigma = math.sqrt(20000)
    assert sigma == pytest.approx(stats.rv_discrete(values=([-200, 100], [2 / 3, 1 / 3])).std())
    np.testing.assert_allclose(values["variance_square_sides"], [sigma, sigma], atol=1e-3)
    assert values["sigma_readout"] == round(sigma, 1) == 141.4
    assert values["sigma_equals_drawn_side"] == 141.4


def test_running_average_replays_the_seeded_rounds(values):
    rounds = replay(9, [-200, 100], [2 / 3, 1 / 3])
    np.testing.assert_allclose(values["average_after_10"], [10, rounds[:10].mean()], atol=1e-6)
    assert values["average_readout_after_10"] == round(rounds[:10].mean(), 1)
    np.testing.assert_allclose(values["average_after_1000"], [1000, rounds.mean()], atol=1e-6)
    assert values["average_readout_after_1000"] == round(rounds.mean(), 1)
    assert values["dots_after_10"] == 10 and values["dots_after_1000"] == 1000
    assert values["wins_drawn"] == int(np.count_nonzero(rounds == 100))
    # the law of large numbers: within three standard errors of the expectation
    assert abs(rounds.mean() + 100) < 3 * math.sqrt(20000 / 1000)


def test_the_quiet_game_has_the_same_mean(values):
    rounds = replay(109, [-150, -50], [0.5, 0.5])
    quiet = stats.rv_discrete(values=([-150, -50], [0.5, 0.5]))
    assert quiet.mean() == pytest.approx(-100) and quiet.std() == pytest.approx(50)
    np.testing.assert_allclose(values["quiet_average_after_1000"], [1000, rounds.mean()], atol=1e-6)
    assert values["quiet_average_readout_after_1000"] == round(rounds.mean(), 1)


def test_readouts_follow_the_drawing_at_every_sampled_moment(held):
    held(
        "7.4",
        "fulcrum readout equals the drawn fulcrum",
        "area labels equal the drawn areas",
        "variance readout equals the drawn area",
        "rounds readout equals the tip's rounds",
        "average readout equals the tip's height",
        "quiet readout equals its tip's height",
        source="printed",
    )
    held("7.4", "tip is the mean of the drawn dots", source="geometry")
