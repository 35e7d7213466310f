"""7.3 Random Variables: every value the lecture shows, recomputed here — the 36 pairs
enumerated with itertools and counted in exact fractions, the PMF of the sum as the
convolution of two uniform PMFs (scipy.signal), the CDF by numpy's cumulative sum and by
scipy.stats — against what was read back from the tiles, bars, staircase and typeset
fractions."""

from __future__ import annotations

import itertools
from collections import Counter
from fractions import Fraction

import numpy as np
import pytest
from scipy import signal, stats

SUMS = range(2, 13)


@pytest.fixture(scope="module")
def values(shown):
    return shown("7.3")


@pytest.fixture(scope="module")
def exact_pmf() -> dict[int, Fraction]:
    """P(X = s) by enumerating the 36 ordered pairs, in fractions."""
    counts = Counter(a + b for a, b in itertools.product(range(1, 7), repeat=2))
    return {s: Fraction(counts[s], 36) for s in SUMS}


@pytest.fixture(scope="module")
def convolved_pmf() -> np.ndarray:
    """The same PMF as the convolution of two uniform PMFs on 1..6 (index 0 is the sum 2)."""
    die = np.full(6, 1 / 6)
    return signal.convolve(die, die)


def test_the_two_routes_agree(exact_pmf, convolved_pmf):
    np.testing.assert_allclose(convolved_pmf, [float(exact_pmf[s]) for s in SUMS], atol=1e-15)
    assert [exact_pmf[s] * 36 for s in SUMS] == [1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1]


def test_every_outcome_is_a_tile_and_lands_on_its_sum(values, exact_pmf):
    assert values["tiles_in_sample_space"] == len(list(itertools.product(range(6), repeat=2)))
    counts = [int(exact_pmf[s] * 36) for s in SUMS]
    assert list(values["tiles_per_column"]) == counts
    assert list(values["counts_written"]) == counts
    # each stack is its tiles' probability tall: count × 1/36, read through the axes
    np.testing.assert_allclose(values["stack_heights"], [c / 36 for c in counts], atol=1e-6)


def test_pmf_bars_read_through_the_axes(values, convolved_pmf):
    np.testing.assert_allclose(values["pmf_bar_heights"], convolved_pmf, atol=1e-6)
    assert values["pmf_total"] == pytest.approx(float(np.sum(convolved_pmf)), abs=1e-6)
    assert list(values["pmf_numerators"]) == [round(36 * p) for p in convolved_pmf]
    assert list(values["pmf_denominators"]) == [36] * 11


def test_the_staircase_is_the_running_sum(values, exact_pmf, convolved_pmf):
    running = list(itertools.accumulate(exact_pmf[s] for s in SUMS))
    np.testing.assert_allclose(values["cdf_step_heights"], [float(r) for r in running], atol=1e-6)
    np.testing.assert_allclose(values["cdf_step_heights"], np.cumsum(convolved_pmf), atol=1e-6)
    # the jumps are the PMF again, and the staircase is flat between 7 and 8
    np.testing.assert_allclose(values["cdf_jumps"], convolved_pmf, atol=1e-6)
    np.testing.assert_allclose(np.diff(values["cdf_step_heights"]), convolved_pmf[1:], atol=1e-6)
    assert values["cdf_flat_between_7_and_8"] == pytest.approx(0.0, abs=1e-6)
    assert values["running_sum_at_12"] == 36 * running[-1] == 36


def test_p_x_at_most_7(values, convolved_pmf):
    law = stats.rv_discrete(values=(np.arange(2, 13), convolved_pmf))
    p = Fraction(sum(1 for a, b in itertools.product(range(1, 7), repeat=2) if a + b <= 7), 36)
    assert p == Fraction(21, 36)
    assert law.cdf(7) == pytest.approx(float(p), abs=1e-12)
    assert values["dot_on_staircase_at_7"] == pytest.approx(float(p), abs=1e-6)
    assert values["p_le_7_numerator"] == p * 36 == 21
    assert values["p_le_7_denominator"] == 36
    assert values["p_le_7"] == pytest.approx(float(p), abs=1e-9)
    assert values["f_readout_at_7"] == 21


def test_p_4_to_6_as_a_difference_and_as_three_bars(values, exact_pmf, convolved_pmf):
    law = stats.rv_discrete(values=(np.arange(2, 13), convolved_pmf))
    difference = law.cdf(6) - law.cdf(3)
    three_bars = sum(exact_pmf[s] for s in (4, 5, 6))
    assert three_bars == Fraction(12, 36)
    assert difference == pytest.approx(float(three_bars), abs=1e-12)
    assert values["f6_minus_f3_on_staircase"] == pytest.approx(float(three_bars), abs=1e-6)
    assert values["range_stack_height"] == pytest.approx(float(three_bars), abs=1e-6)
    assert values["range_stack_bottom_is_f3"] == pytest.approx(law.cdf(3), abs=1e-6)
    assert values["p_4_to_6_numerator"] == 12
    assert values["p_4_to_6"] == pytest.approx(12 / 36, abs=1e-9)


def test_readouts_follow_the_staircase_at_every_sampled_moment(held):
    results = held(
        "7.3",
        "running sum readout equals the staircase's top step",
        "F readout equals the staircase under the dot",
        source="printed",
    )
    assert results["F readout equals the staircase under the dot"].shown == 21
