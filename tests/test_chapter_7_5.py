"""7.5 Common Distributions: every checkpoint recomputed here with scipy.stats (bernoulli,
binom, poisson, norm), and the bars, markers and readouts held to the knobs at every sampled
moment."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats


@pytest.fixture(scope="module")
def values(shown):
    return shown("7.5")


def printed(x: float, decimals: int) -> float:
    """What a readout with ``decimals`` places shows for ``x``."""
    return round(float(x), decimals)


# --- Bernoulli ----------------------------------------------------------------------------
def test_bernoulli_bars_trade_height(values):
    for p, name in ((0.3, "bernoulli_bars_at_p_0_3"), (0.8, "bernoulli_bars_at_p_0_8")):
        expected = stats.bernoulli.pmf([0, 1], p)
        np.testing.assert_allclose(values[name], expected, atol=1e-6)
    assert values["bernoulli_p_readout_at_start"] == 0.3


def test_bernoulli_mean_and_variance(values):
    mean, var = stats.bernoulli.stats(0.8, moments="mv")
    assert values["bernoulli_mean_marker"] == pytest.approx(float(mean), abs=1e-6)
    assert values["bernoulli_band_variance"] == pytest.approx(float(var), abs=1e-6)
    assert values["bernoulli_mean_readout"] == printed(mean, 1)
    assert values["bernoulli_variance_readout"] == printed(var, 2) == 0.16
    assert values["bernoulli_variance_at_p_0_3"] == printed(stats.bernoulli.var(0.3), 2) == 0.21
    assert values["bernoulli_mean_of_drawn_bars"] == pytest.approx(float(mean), abs=1e-4)


# --- binomial -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("n", "p", "tag"), [(10, 0.5, "10_05"), (20, 0.2, "20_02"), (20, 0.6, "20_06")]
)
def test_binomial_mean_marker_band_and_readouts(values, n, p, tag):
    dist = stats.binom(n, p)
    assert values[f"binomial_{tag}_mean_marker"] == pytest.approx(dist.mean(), abs=1e-6)
    assert values[f"binomial_{tag}_band_variance"] == pytest.approx(dist.var(), abs=1e-6)
    assert values[f"binomial_{tag}_mean_readout"] == printed(dist.mean(), 1)
    assert values[f"binomial_{tag}_variance_readout"] == printed(dist.var(), 1)
    assert values[f"binomial_{tag}_mean_of_drawn_bars"] == pytest.approx(dist.mean(), abs=1e-4)


def test_binomial_bracketed_values(values):
    # the values the narration names: mean 5, variance 2.5; mean 4, variance 3.2; 12 and 4.8
    assert values["binomial_10_05_variance_readout"] == 2.5
    assert (values["binomial_20_02_mean_readout"], values["binomial_20_02_variance_readout"]) == (
        4.0,
        3.2,
    )
    assert (values["binomial_20_06_mean_readout"], values["binomial_20_06_variance_readout"]) == (
        12.0,
        4.8,
    )


def test_binomial_bars(values):
    np.testing.assert_allclose(
        values["binomial_bars_20_06"], stats.binom.pmf(np.arange(21), 20, 0.6), atol=1e-6
    )
    # one bar per value of the support, 0 … n
    assert values["binomial_bars_drawn_n_10"] == len(
        np.arange(stats.binom(10, 0.5).support()[1] + 1)
    )
    assert values["binomial_bars_drawn_n_20"] == stats.binom(20, 0.6).support()[1] + 1
    assert values["binomial_n_readout_at_start"] == 10
    assert values["binomial_p_readout_at_start"] == 0.5


# --- Poisson ------------------------------------------------------------------------------
def test_poisson_bars(values):
    ks = np.arange(17)
    np.testing.assert_allclose(values["poisson_bars_at_2"], stats.poisson.pmf(ks, 2.0), atol=1e-6)
    np.testing.assert_allclose(values["poisson_bars_at_4"], stats.poisson.pmf(ks, 4.0), atol=1e-6)
    assert values["poisson_lambda_readout_at_start"] == 2.0


def test_poisson_mean_equals_variance(values):
    for lam, suffix in ((2.0, "_at_2"), (4.0, "")):
        mean, var = stats.poisson.stats(lam, moments="mv")
        assert values[f"poisson_mean_readout{suffix}"] == printed(mean, 1)
        assert values[f"poisson_variance_readout{suffix}"] == printed(var, 1)
    assert values["poisson_mean_marker"] == pytest.approx(stats.poisson.mean(4.0), abs=1e-6)


# --- normal -------------------------------------------------------------------------------
def test_normal_density_heights_and_peaks(values):
    xs = np.arange(-6, 7)
    np.testing.assert_allclose(
        values["normal_heights_at_integers"], stats.norm.pdf(xs, loc=-1.0, scale=1.8), atol=1e-6
    )
    assert values["normal_peak_sigma_0_6"] == printed(stats.norm.pdf(0, scale=0.6), 2) == 0.66
    assert values["normal_peak_sigma_1_8"] == printed(stats.norm.pdf(0, scale=1.8), 2) == 0.22
    assert values["normal_mean_marker_at_1_5"] == pytest.approx(stats.norm(1.5, 1).mean(), abs=1e-6)
    assert (values["normal_mu_readout_at_start"], values["normal_sigma_readout_at_start"]) == (0, 1)


def test_normal_area_stays_one(values):
    inside = stats.norm.cdf(6, -1.0, 1.8) - stats.norm.cdf(-6, -1.0, 1.8)
    # the drawn region is a polygon through the sampled curve (the trapezoid rule)
    assert values["normal_area_drawn"] == pytest.approx(inside, abs=1e-3)
    assert values["normal_area_readout"] == printed(inside, 2) == 1.0
    assert values["normal_area_readout_at_end"] == 1.0


# --- the binomial approaching the normal ----------------------------------------------------
@pytest.mark.parametrize(("n", "gap"), [(5, 0.037), (60, 0.003)])
def test_binomial_hugs_its_normal(values, n, gap):
    ks = np.arange(33)
    pmf = stats.binom.pmf(ks, n, 0.3)
    mean, var = stats.binom.stats(n, 0.3, moments="mv")
    curve = stats.norm.pdf(ks, loc=mean, scale=np.sqrt(var))
    np.testing.assert_allclose(values[f"binomial_bars_n_{n}"], pmf, atol=1e-6)
    np.testing.assert_allclose(values[f"normal_curve_at_k_n_{n}"], curve, atol=1e-6)
    # over the whole support 0 … n the largest gap is the one inside the drawn window
    every = np.arange(n + 1)
    full = stats.binom.pmf(every, n, 0.3) - stats.norm.pdf(every, mean, np.sqrt(var))
    exact = float(np.max(np.abs(pmf - curve)))
    assert float(np.max(np.abs(full))) == pytest.approx(exact, abs=1e-15)
    assert values[f"largest_gap_drawn_n_{n}"] == pytest.approx(exact, abs=1e-6)
    assert values[f"largest_gap_readout_n_{n}"] == printed(exact, 3) == gap


def test_the_gap_shrinks_as_n_grows(values):
    assert values["largest_gap_drawn_n_60"] < values["largest_gap_drawn_n_5"] / 10
    assert values["approximation_n_readout_at_start"] == 5


def test_bars_markers_and_readouts_hold_in_motion(held):
    for tag in ("bernoulli", "binomial", "poisson"):
        held(
            "7.5",
            f"{tag}: bars are the PMF at the knobs",
            f"{tag}: marker at the mean",
            f"{tag}: band is one sd",
            source="geometry",
        )
        held("7.5", f"{tag}: readout mean shows the drawing", source="printed")
    for tag in ("normal", "normal wide"):
        held("7.5", f"{tag}: curve is the density at the knobs", source="geometry")
        held(
            "7.5",
            f"{tag}: readout area shows the drawing",
            f"{tag}: readout peak shows the drawing",
            source="printed",
        )
    held(
        "7.5",
        "approximation: bars are the PMF at the knob",
        "approximation: red segment is the largest gap",
        source="geometry",
    )
    held("7.5", "approximation: gap readout shows the drawn gap", source="printed")


def test_every_slider_readout_shows_its_knob_in_motion(held):
    for tag, names in (
        ("bernoulli", "p"),
        ("binomial", "np"),
        ("poisson", ["lambda"]),
        ("normal", ["mu", "sigma"]),
        ("normal wide", ["mu", "sigma"]),
        ("approximation", "n"),
    ):
        for name in names:
            held("7.5", f"{tag}: slider {name} readout shows its knob", source="printed")
