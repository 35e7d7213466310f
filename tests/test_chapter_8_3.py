"""8.3 Estimation: every checkpoint recomputed here independently (fractions, sympy,
scipy.optimize, scipy.stats, a replay of the seed), and the readouts, the probe, its tangent
and the ladder's counts held together at every sampled moment."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from scipy import optimize, stats

SEED, SAMPLES, VIEWERS = 3, 40, 30
STARS = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
SHARES = [0.05, 0.10, 0.20, 0.40, 0.25]


@pytest.fixture(scope="module")
def values(shown):
    return shown("8.3")


@pytest.fixture(scope="module")
def replay():
    """The forty samples drawn again from the seed, one at a time."""
    rng = np.random.default_rng(SEED)
    return [rng.choice(STARS, size=VIEWERS, p=SHARES) for _ in range(SAMPLES)]


def true_mean() -> Fraction:
    return sum(
        (Fraction(int(s)) * Fraction(str(w)) for s, w in zip(STARS, SHARES, strict=True)),
        Fraction(0),
    )


def likelihood(p: Fraction) -> Fraction:
    return p**7 * (1 - p) ** 3


def test_ten_tosses_seven_heads(values):
    assert values["heads_drawn"] == 7
    assert values["tails_drawn"] == 3
    assert values["heads_readout"] == "HHTHHHTHTH".count("H")


def test_the_traced_curve_is_the_likelihood(values):
    assert values["traced_height_at_0.3"] == pytest.approx(
        float(likelihood(Fraction(3, 10))), rel=1e-3
    )
    # a fair coin: 1/2¹⁰, shown with four decimals
    assert values["L_readout_fair"] == round(float(likelihood(Fraction(1, 2))), 4) == 0.001
    assert values["p_readout_fair"] == 0.5


def test_the_peak_is_the_maximum_likelihood_estimate(values):
    found = optimize.minimize_scalar(
        lambda p: -stats.binom.logpmf(7, 10, p), bounds=(0.01, 0.99), method="bounded"
    )
    p = sp.symbols("p")
    (critical,) = sp.solve(sp.diff(7 * sp.log(p) + 3 * sp.log(1 - p), p), p)
    assert critical == sp.Rational(7, 10)
    assert values["p_hat_dot"] == pytest.approx(found.x, abs=1e-5)
    assert values["p_hat_dot"] == pytest.approx(0.7, abs=1e-6)
    assert values["p_hat_after_tour"] == pytest.approx(0.7, abs=1e-6)
    assert values["traced_peak"] == pytest.approx(0.7, abs=0.003)
    assert values["p_hat_label"] == 0.7
    assert values["p_readout_peak"] == 0.7
    # L(p̂) = 0.7⁷ · 0.3³ = 0.0022235661, typeset with four decimals
    assert values["L_readout_peak"] == round(float(likelihood(Fraction(7, 10))), 4) == 0.0022


def test_the_tangent_is_flat_at_the_peak(values):
    p = sp.symbols("p")
    assert sp.diff(p**7 * (1 - p) ** 3, p).subs(p, sp.Rational(7, 10)) == 0
    assert values["slope_at_peak"] == pytest.approx(0.0, abs=1e-9)


def test_the_population_chart_shows_the_given_shares(values):
    shares = [Fraction(str(w)) for w in SHARES]
    assert sum(shares) == 1
    assert list(values["population_shares"]) == [round(float(w), 2) for w in shares]
    np.testing.assert_allclose(values["population_bars"], [float(w) for w in shares], atol=1e-6)


def test_the_dashed_line_stands_at_the_true_mean(values):
    assert true_mean() == Fraction(37, 10)
    assert values["true_mean_line"] == pytest.approx(3.7, abs=1e-6)
    assert values["true_mean_key"] == 3.7


def test_the_first_sample_is_drawn_as_thirty_ratings(values, replay):
    first = replay[0]
    mean = sum(Fraction(int(x)) for x in first) / len(first)
    assert values["sample_dots"] == VIEWERS == len(first)
    assert values["sample_mean_dots"] == pytest.approx(float(mean), abs=1e-6)
    assert values["sample_mean_label"] == round(float(mean), 2) == 3.57


def test_every_interval_is_the_t_interval_of_its_sample(values, replay):
    ends = np.array(
        [stats.t.interval(0.95, VIEWERS - 1, loc=r.mean(), scale=stats.sem(r)) for r in replay]
    )
    np.testing.assert_allclose(values["first_interval_ends"], ends[0], atol=1e-6)
    np.testing.assert_allclose(np.reshape(values["all_interval_ends"], (-1, 2)), ends, atol=1e-6)
    np.testing.assert_allclose(
        values["means_drawn"],
        [float(sum(Fraction(int(x)) for x in r) / VIEWERS) for r in replay],
        atol=1e-6,
    )


def test_about_95_percent_cover_the_true_mean(values, replay):
    mu = float(true_mean())
    covered = 0
    for r in replay:
        half = stats.t.ppf(0.975, VIEWERS - 1) * np.std(r, ddof=1) / np.sqrt(VIEWERS)
        covered += int(r.mean() - half <= mu <= r.mean() + half)
    assert covered == 38
    assert values["covering_count"] == covered
    assert values["share_readout"] == round(100 * covered / SAMPLES, 1) == 95.0


def test_readouts_and_drawing_agree_at_every_sampled_moment(held):
    held(
        "8.3",
        "heads readout counts the heads drawn",
        "tails readout counts the tails drawn",
        "p readout equals the probe's p",
        "L readout is the likelihood at the probe",
        "samples readout counts the drawn intervals",
        "cover readout counts the covering colour",
        "miss readout counts the missing colour",
        "share readout is cover over samples",
        source="printed",
    )
    held("8.3", "the tangent has the curve's slope", source="geometry")
    held("8.3", "the probe rides the traced curve", source="derived")
    held("8.3", "every colour tells whether its interval covers the line", source="count")
