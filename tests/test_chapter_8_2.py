"""8.2 Sampling Theory: every checkpoint recomputed here by another route — the seeded
generator replayed through scipy.stats, means summed with math.fsum, piles binned with
numpy's histogram, μ and σ integrated by sympy, normal curves from scipy.stats.norm."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.stats
import sympy as sp

#: the chapter's inputs, restated: seed, population mean, means per pile, sample sizes, bins
SEED, MEAN, TOTAL, SIZES, WIDTH, TOP = 11, 2, 200, (1, 4, 16, 64), 0.2, 10.0


@pytest.fixture(scope="module")
def values(shown):
    return shown("8.2")


@pytest.fixture(scope="module")
def replay():
    """Every sample mean, per n: the same generator, drawn through scipy.stats."""
    rng = np.random.default_rng(SEED)
    out = {}
    for n in SIZES:
        draws = scipy.stats.expon.rvs(scale=MEAN, size=(TOTAL, n), random_state=rng)
        out[n] = np.array([math.fsum(row) / n for row in draws])
    return out


def pile(means: np.ndarray) -> tuple[list[int], float, float]:
    """Bin counts over [0, 10) in steps of 0.2, and the binned mean and spread."""
    edges = np.linspace(0.0, TOP, round(TOP / WIDTH) + 1)
    counts, _ = np.histogram(means, bins=edges)
    centres = (edges[:-1] + edges[1:]) / 2
    mean = math.fsum(counts * centres) / counts.sum()
    spread = math.sqrt(math.fsum(counts * (centres - mean) ** 2) / counts.sum())
    return counts.tolist(), mean, spread


def sigma() -> float:
    x = sp.symbols("x", positive=True)
    density = sp.exp(-x / MEAN) / MEAN
    mu = sp.integrate(x * density, (x, 0, sp.oo))
    return float(sp.sqrt(sp.integrate((x - mu) ** 2 * density, (x, 0, sp.oo))))


def test_population_mean_and_sigma_as_typeset(values):
    x = sp.symbols("x", positive=True)
    mu = sp.integrate(x * sp.exp(-x / MEAN) / MEAN, (x, 0, sp.oo))
    assert mu == 2 and sigma() == pytest.approx(2.0)
    assert values["mu_typeset"] == 2 and values["sigma_typeset"] == 2
    assert values["mu_marker"] == pytest.approx(float(mu), abs=1e-9)
    assert values["sigma_arrow"] == pytest.approx(sigma(), abs=1e-6)


@pytest.mark.parametrize("n", SIZES)
def test_every_pile_is_read_from_its_tiles(values, replay, n):
    counts, mean, spread = pile(replay[n])
    assert sum(counts) == TOTAL  # every mean landed inside the drawn axis
    assert values[f"tiles_landed_n={n}"] == TOTAL
    assert list(values[f"bin_counts_n={n}"]) == counts
    assert values[f"pile_mean_n={n}"] == pytest.approx(mean, abs=1e-9)
    assert values[f"pile_spread_n={n}"] == pytest.approx(spread, abs=1e-9)
    assert values[f"mean_cell_n={n}"] == round(mean, 2)
    assert values[f"spread_cell_n={n}"] == round(spread, 2)
    assert values[f"n_cell_{n}"] == n and values[f"n_readout_{n}"] == n


@pytest.mark.parametrize("n", SIZES)
def test_standard_errors_as_typeset(values, n):
    # the spread of a mean of n exponentials: a gamma(n, scale 2/n) distribution
    se = scipy.stats.gamma(n, scale=MEAN / n).std()
    assert se == pytest.approx(sigma() / math.sqrt(n))
    assert values[f"se_cell_n={n}"] == round(se, 2)


def test_standard_errors_halve_as_n_quadruples(values):
    cells = [values[f"se_cell_n={n}"] for n in SIZES]
    assert cells == [2.0, 1.0, 0.5, 0.25]
    for big, small in zip(SIZES, SIZES[1:], strict=False):
        assert values[f"se_halves_{big}_to_{small}"] == pytest.approx(2.0)


@pytest.mark.parametrize("n", SIZES)
def test_measured_spread_follows_sigma_over_root_n(values, replay, n):
    _, _, spread = pile(replay[n])
    ratio = spread / (MEAN / math.sqrt(n))
    assert values[f"spread_over_se_n={n}"] == pytest.approx(ratio, abs=1e-9)
    assert abs(ratio - 1) < 0.1
    # unbinned too: the means' spread is within 10 % of σ/√n
    assert np.std(replay[n]) == pytest.approx(MEAN / math.sqrt(n), rel=0.1)


def test_the_pile_becomes_a_bell(replay):
    """n = 1 is plainly not normal; n = 64 cannot be told from N(μ, σ²/64)."""
    skews = [scipy.stats.skew(replay[n]) for n in SIZES]
    assert skews == sorted(skews, reverse=True)
    lopsided = scipy.stats.kstest(replay[1], scipy.stats.norm(2, 2).cdf).pvalue
    bell = scipy.stats.kstest(replay[64], scipy.stats.norm(2, 0.25).cdf).pvalue
    assert lopsided < 1e-3 < 0.05 < bell


@pytest.mark.parametrize("n", SIZES)
def test_the_normal_overlay(values, n):
    normal = scipy.stats.norm(MEAN, MEAN / math.sqrt(n))
    assert values[f"overlay_sd_n={n}"] == pytest.approx(normal.std(), abs=1e-4)
    assert values[f"overlay_center_n={n}"] == pytest.approx(normal.mean(), abs=1e-6)
    assert values[f"overlay_peak_n={n}"] == pytest.approx(normal.pdf(MEAN), abs=1e-6)


def test_the_normal_puts_weight_below_zero(values):
    # the shaded part, from the axis' start at −2 to 0: Φ(−1) − Φ(−2), with math.erf
    phi = lambda z: 0.5 * (1 + math.erf(z / math.sqrt(2)))  # noqa: E731
    assert values["normal_weight_below_zero_n=1"] == pytest.approx(phi(-1) - phi(-2), abs=2e-3)


def test_readouts_follow_the_tiles_at_every_sampled_moment(held):
    held(
        "8.2",
        "means-piled readout counts the landed tiles",
        *(f"mean cell (n = {n}) is the mean of the landed tiles" for n in SIZES),
        *(f"spread cell (n = {n}) is the spread of the landed tiles" for n in SIZES),
        source="printed",
    )
