"""1.3 Ratios & Scales: every value the lecture shows, recomputed here with fractions, sympy,
numpy and the statistics module (the scene read dots back through their axes, counted drawn
dots and ticks, and read typeset digits)."""

from __future__ import annotations

import math
import statistics
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

#: the sweep, exactly: 10^-5 … 10^0
RATES = [Fraction(1, 10**k) for k in range(5, -1, -1)]
EXPONENTS = [int(sp.log(sp.Rational(r.numerator, r.denominator), 10)) for r in RATES]
#: the recommender's ratings of Alien (Ana, Ben, Chloé, Dev, Eve, Femi), as the course's table
ALIEN = [5, 4, 1, 2, 5, 3]
#: the second feature the lecture adds: minutes watched per week, same users
MINUTES = [150, 45, 300, 60, 210, 30]
#: the drawing's inputs: the morphing axis's length and its dots' radius; the zoom shows its
#: first hundredth a hundred times larger; the shared axis runs 0–300 over 10.3 units with
#: dots of radius 0.13, a repeated value stacked 0.34 above the first
AXIS_LENGTH, DOT_RADIUS = 12, 0.11
SHARED_UNIT, SHARED_RADIUS, STACK = 10.3 / 300, 0.13, 0.34


@pytest.fixture(scope="module")
def values(shown):
    return shown("1.3")


def piled(xs, radius):
    """How many discs on a line, at ``xs``, touch another disc."""
    return sum(
        1
        for i, x in enumerate(xs)
        if any(abs(x - y) < 2 * radius for j, y in enumerate(xs) if j != i)
    )


def test_the_sweep_on_the_linear_axis(values):
    assert EXPONENTS == [-5, -4, -3, -2, -1, 0]
    np.testing.assert_allclose(values["rates_on_linear_axis"], EXPONENTS, atol=1e-9)
    assert values["linear_tick_labels"] == [float(Fraction(i, 5)) for i in range(6)]
    np.testing.assert_allclose(values["linear_tick_positions"], [i / 5 for i in range(6)])
    # on a 12-unit axis 10^-5 … 10^-2 are within 0.12 units of zero: four discs overlap
    assert values["piled_dots_linear"] == piled([float(r) * AXIS_LENGTH for r in RATES], DOT_RADIUS)
    assert values["piled_dots_linear"] == 4
    # the share of the axis between 10^-5 and 10^-2, typeset as a whole percent
    share = 100 * (RATES[3] - RATES[0])
    assert share == Fraction(999, 1000)
    assert values["share_readout_linear"] == round(float(share)) == 1


def test_zooming_a_hundred_times_still_leaves_a_pile(values):
    np.testing.assert_allclose(values["zoomed_rates"], EXPONENTS[:4], atol=1e-9)
    zoomed = [float(r / Fraction(1, 100)) * AXIS_LENGTH for r in RATES[:4]]
    assert values["piled_dots_zoomed"] == piled(zoomed, DOT_RADIUS) == 2


def test_the_ruler_on_the_linear_axis(values):
    low, high = values["ruler_ends_linear"]
    assert low == pytest.approx(float(Fraction(1, 1000)), rel=1e-9)
    assert high == pytest.approx(float(Fraction(1, 100)), rel=1e-9)
    # a factor of ten near 10^-3 is 0.009 of the axis; near the top it was 0.9
    assert values["ruler_width_linear"] == pytest.approx(
        float(Fraction(1, 100) - Fraction(1, 1000))
    )
    assert values["invariant:ruler ends stay a factor of ten apart"] == pytest.approx(10)


def test_the_exponent_line(values):
    np.testing.assert_allclose(values["exponents_on_number_line"], EXPONENTS, atol=1e-9)
    np.testing.assert_allclose(values["exponent_gaps"], np.diff(EXPONENTS), atol=1e-9)


def test_the_log_axis(values):
    np.testing.assert_allclose(values["rates_on_log_axis"], EXPONENTS, atol=1e-9)
    assert values["decade_labels"] == [float(k) for k in EXPONENTS]
    np.testing.assert_allclose(values["decade_tick_positions"], EXPONENTS, atol=1e-9)
    np.testing.assert_allclose(values["decade_labels_sit_under_their_ticks"], EXPONENTS, atol=1e-9)
    assert values["linear_labels_gone"] == 0
    assert values["piled_dots_log"] == 0
    # each decade is a fifth of the axis, so 10^-5 … 10^-2 take three fifths
    decade = 1 / (sp.log(1, 10) - sp.log(sp.Rational(1, 10**5), 10))
    assert decade == sp.Rational(1, 5)
    assert values["share_readout_log"] == float(100 * 3 * decade) == 60.0
    np.testing.assert_allclose(values["decade_gaps_equal"], [1.0] * 5, atol=1e-9)
    assert values["rates_sit_above_their_exponents"] == pytest.approx(0.0, abs=1e-9)
    assert values["invariant:ruler keeps one fifth of the axis"] == pytest.approx(float(decade))
    assert values["invariant:ruler ends stay a factor of ten apart on the log axis"] == (
        pytest.approx(10)
    )
    # minor ticks 2·10^k … 9·10^k in each of the five decades
    assert values["minor_ticks"] == len([m for _ in range(5) for m in range(2, 10)]) == 40


def test_the_rating_column(values):
    assert values["header_ratings"] == [float(r) for r in ALIEN]
    np.testing.assert_allclose(values["raw_ratings_on_axis"], ALIEN, atol=1e-9)
    mean = Fraction(sum(ALIEN), len(ALIEN))
    variance = sum((Fraction(r) - mean) ** 2 for r in ALIEN) / len(ALIEN)  # population: ÷ n
    assert (mean, variance) == (Fraction(10, 3), Fraction(20, 9))
    assert values["raw_mean_readout"] == round(float(mean), 2) == 3.33
    assert values["raw_std_readout"] == round(math.sqrt(variance), 2) == 1.49


def test_min_max_normalisation(values):
    low, high = min(ALIEN), max(ALIEN)
    exact = [Fraction(r - low, high - low) for r in ALIEN]
    np.testing.assert_allclose(values["min_max_values"], [float(f) for f in exact], atol=1e-9)
    assert values["min_readout"] == float(min(exact)) == 0.0
    assert values["max_readout"] == float(max(exact)) == 1.0


def test_z_scores_with_the_population_std(values):
    mean, pstd = statistics.fmean(ALIEN), statistics.pstdev(ALIEN)
    z = [(r - mean) / pstd for r in ALIEN]
    np.testing.assert_allclose(values["z_values"], z, atol=1e-9)
    np.testing.assert_allclose(
        values["z_values"], (np.array(ALIEN) - np.mean(ALIEN)) / np.std(ALIEN)
    )
    # the sample version (÷ n − 1) would have drawn other points, with spread √(5/6)
    sample = [(r - mean) / statistics.stdev(ALIEN) for r in ALIEN]
    assert not np.allclose(values["z_values"], sample, atol=1e-3)
    # the brief's values: mean 0, std 1, as typeset with two decimals
    assert values["z_mean_readout"] == round(statistics.fmean(z), 2) + 0.0 == 0.0
    assert values["z_std_readout"] == round(statistics.pstdev(z), 2) == 1.0
    np.testing.assert_allclose(values["spread_bar_span"], [-1.0, 1.0], atol=1e-9)


def test_a_second_feature_on_a_shared_axis(values):
    np.testing.assert_allclose(values["ratings_on_shared_axis"], ALIEN, atol=1e-9)
    np.testing.assert_allclose(values["minutes_on_shared_axis"], MINUTES, atol=1e-9)
    points = []
    seen: dict[int, int] = {}
    for r in ALIEN:
        points.append((r * SHARED_UNIT, seen.get(r, 0) * STACK))
        seen[r] = seen.get(r, 0) + 1
    touching = sum(
        1
        for i, p in enumerate(points)
        if any(math.dist(p, q) < 2 * SHARED_RADIUS for j, q in enumerate(points) if j != i)
    )
    assert values["ratings_piled_on_shared_axis"] == touching == 5
    # Ana and Ben's squared distance: 1² from the ratings, 105² from the minutes
    d_rating, d_minutes = Fraction(ALIEN[0] - ALIEN[1]), Fraction(MINUTES[0] - MINUTES[1])
    raw = d_rating**2 / (d_rating**2 + d_minutes**2)
    assert raw == Fraction(1, 11026)
    assert values["rating_share_raw"] == round(100 * float(raw)) == 0
    assert values["minutes_share_raw"] == round(100 * float(1 - raw)) == 100


def test_both_columns_z_scored(values):
    for name, column in (("ratings", ALIEN), ("minutes", MINUTES)):
        mean, pstd = statistics.fmean(column), statistics.pstdev(column)
        np.testing.assert_allclose(
            values[f"{name}_z_on_shared_axis"], [(v - mean) / pstd for v in column], atol=1e-9
        )
        assert values[f"{name}_z_std_readout"] == 1.0
    zr = (ALIEN[0] - ALIEN[1]) / statistics.pstdev(ALIEN)
    zm = (MINUTES[0] - MINUTES[1]) / statistics.pstdev(MINUTES)
    share = zr**2 / (zr**2 + zm**2)
    assert values["rating_share_z"] == round(100 * share) == 28
    assert values["minutes_share_z"] == round(100 * (1 - share)) == 72
    assert values["invariant:bar splits the drawn squared gap"] == pytest.approx(share, abs=1e-9)


def test_readouts_and_dots_hold_in_motion(held):
    held(
        "1.3",
        "no dot passes another",
        "ruler ends stay a factor of ten apart",
        "ruler ends stay a factor of ten apart on the log axis",
        "ruler keeps one fifth of the axis",
    )
    held("1.3", "no dot passes another", source="count")
    held("1.3", "each dot reads back as its rate", source="geometry")
    held(
        "1.3",
        "share readout follows the dots",
        "min readout is the leftmost dot",
        "max readout is the rightmost dot",
        "z mean readout is the mean of the dots",
        "z std readout is the spread of the dots",
        "rating share readout follows the bar",
        source="printed",
    )
    held("1.3", "bar splits the drawn squared gap", source="geometry")
