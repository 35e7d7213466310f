"""8.4 Hypothesis Testing: every checkpoint recomputed here independently (fractions, scipy,
the statistics module, and a plain loop replaying the shuffles' seed), and the readouts,
the verdict and the drawing held together at every sampled moment."""

from __future__ import annotations

import math
import statistics
from fractions import Fraction

import numpy as np
import pytest
from scipy import stats

USERS, CLICKS_A, CLICKS_B, CLICKS_B_LATER = 1000, 120, 155, 130
SEED_SHUFFLE, SHUFFLES = 8, 4000


@pytest.fixture(scope="module")
def values(shown):
    return shown("8.4")


def pooled_z_test(clicks_a: int, clicks_b: int, n: int = USERS) -> tuple[float, float, float]:
    """(standard error in points, z, two-sided p) by exact fractions and scipy's normal."""
    pooled = Fraction(clicks_a + clicks_b, 2 * n)
    variance = pooled * (1 - pooled) * Fraction(2, n)
    se = math.sqrt(variance)
    z = float(Fraction(clicks_b - clicks_a, n)) / se
    return 100 * se, z, float(2 * stats.norm.sf(abs(z)))


def test_the_grids_hold_a_thousand_users_each(values):
    assert values["users_A"] == values["users_B"] == USERS
    assert values["clicks_A"] == CLICKS_A
    assert values["clicks_B"] == CLICKS_B
    assert values["clicks_B_later"] == CLICKS_B_LATER


def test_the_two_rates_as_typeset(values):
    for name, clicks in (("A", CLICKS_A), ("B", CLICKS_B)):
        rate = Fraction(clicks, USERS) * 100
        assert values[f"rate_{name}_readout"] == round(float(rate), 1)
    assert values["rate_A_readout"] == 12.0
    assert values["rate_B_readout"] == 15.5
    assert values["rate_B_later_readout"] == 13.0


def test_the_null_curve_has_the_pooled_standard_error(values):
    se, _, _ = pooled_z_test(CLICKS_A, CLICKS_B)
    assert values["se_from_curve"] == pytest.approx(se, abs=1e-4)
    assert values["se_readout"] == round(se, 2) == 1.54
    se_later, _, _ = pooled_z_test(CLICKS_A, CLICKS_B_LATER)
    assert values["se_later"] == pytest.approx(se_later, abs=1e-4)


def test_the_observed_line_and_its_z(values):
    gap = float(Fraction(CLICKS_B - CLICKS_A, USERS) * 100)
    assert values["observed_line"] == pytest.approx(gap, abs=1e-6)
    assert values["mirror_line"] == pytest.approx(-gap, abs=1e-6)
    assert values["gap_readout"] == round(gap, 1) == 3.5
    _, z, _ = pooled_z_test(CLICKS_A, CLICKS_B)
    assert values["z_readout"] == round(z, 2) == 2.27
    # the ruler shows a tick at 0 and at every whole standard error it passes: 0, 1 and 2
    assert values["ruler_ticks"] == math.floor(z) + 1 == 3
    later = float(Fraction(CLICKS_B_LATER - CLICKS_A, USERS) * 100)
    assert values["observed_line_later"] == pytest.approx(later, abs=1e-6)
    _, z_later, _ = pooled_z_test(CLICKS_A, CLICKS_B_LATER)
    assert values["z_readout_later"] == round(z_later, 2)


def test_the_shaded_tails_are_the_p_value(values):
    se, z, p = pooled_z_test(CLICKS_A, CLICKS_B)
    # the same tail probability from the statistics module's normal distribution, in points
    gap = 100 * (CLICKS_B - CLICKS_A) / USERS
    null = statistics.NormalDist(0.0, se)
    assert 2 * (1 - null.cdf(gap)) == pytest.approx(p, rel=1e-9)
    assert values["tail_area"] == pytest.approx(p, abs=2e-4)
    assert values["p_readout"] == round(p, 3) == 0.023
    _, _, p_later = pooled_z_test(CLICKS_A, CLICKS_B_LATER)
    assert values["tail_area_later"] == pytest.approx(p_later, abs=2e-4)
    assert values["p_readout_later"] == round(p_later, 3) == 0.499


def test_alpha_cut_offs_and_the_decisions(values):
    se, _, p = pooled_z_test(CLICKS_A, CLICKS_B)
    critical = statistics.NormalDist().inv_cdf(0.975)
    assert critical == pytest.approx(1.96, abs=1e-3)
    assert values["cut_off"] == pytest.approx(critical * se, abs=1e-6)
    assert values["decision"] == 1 and p < 0.05
    se_later, _, _ = pooled_z_test(CLICKS_A, CLICKS_B_LATER)
    assert values["cut_off_later"] == pytest.approx(critical * se_later, abs=1e-6)
    _, _, p_later = pooled_z_test(CLICKS_A, CLICKS_B_LATER)
    assert values["decision_later"] == 0 and p_later >= 0.05


def plain_loop_shuffles() -> list[int]:
    """B's clicks minus A's after each shuffle, replaying the seed with a plain loop: the
    pooled outcomes (the 275 clicks first), one permutation per shuffle, the first 1000 to A."""
    rng = np.random.default_rng(SEED_SHUFFLE)
    clicks = CLICKS_A + CLICKS_B
    pool = np.array([1] * clicks + [0] * (2 * USERS - clicks))
    out = []
    for _ in range(SHUFFLES):
        dealt = rng.permutation(pool).tolist()
        out.append(sum(dealt[USERS:]) - sum(dealt[:USERS]))
    return out


def test_the_permutation_pile_and_its_share_beyond_the_observed_gap(values):
    diffs = plain_loop_shuffles()
    observed = CLICKS_B - CLICKS_A
    share = Fraction(sum(1 for d in diffs if abs(d) >= observed), SHUFFLES)
    assert values["shuffles_piled"] == SHUFFLES
    assert values["shuffles_readout"] == SHUFFLES
    assert values["share_beyond"] == pytest.approx(float(share), abs=1e-6)
    assert values["share_readout"] == round(float(share), 3)
    # the shuffles agree with the exact permutation distribution (hypergeometric): Fisher's
    # two-sided exact test, within the Monte Carlo error of 4000 shuffles
    exact = stats.fisher_exact([[CLICKS_A, USERS - CLICKS_A], [CLICKS_B, USERS - CLICKS_B]])[1]
    assert abs(float(share) - exact) < 4 * math.sqrt(exact * (1 - exact) / SHUFFLES)
    assert float(share) < 0.05


def test_readouts_follow_the_drawing_at_every_sampled_moment(held):
    held(
        "8.4",
        "A: users readout counts the drawn users",
        "A: clicks readout counts the lit squares",
        "A: rate readout is lit over drawn",
        "B: users readout counts the drawn users",
        "B: clicks readout counts the lit squares",
        "B: rate readout is lit over drawn",
        "gap readout is the line's x",
        "SE readout is the curve's sd",
        "z readout is the ruler in standard errors",
        "p readout is the shaded area",
        "shuffles readout counts the pile",
        "share readout is the lit bars' area",
        "B's rate readout is its lit squares",
        "gap readout is the line's x (130 clicks)",
        "p readout is the shaded area (130 clicks)",
        source="printed",
    )
    found = held(
        "8.4",
        "mirror stands at minus the line",
        "shaded area is the p-value of the drawn line and curve",
        "verdict follows p against alpha",
    )
    assert found["verdict follows p against alpha"].source.startswith("count")
