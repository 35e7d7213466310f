"""12.1 Numerical Stability: every checkpoint recomputed here with numpy and scipy.special."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.special import logsumexp, softmax

SMALL = np.array([1.0, 2.0, 3.0])
LARGE = np.array([1000.0, 1001.0, 1002.0])


@pytest.fixture(scope="module")
def values(shown):
    return shown("12.1")


def test_exp_1000_overflows_in_numpy():
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(1000.0))
        assert np.isfinite(np.exp(709.0)) and np.isinf(np.exp(710.0))
    with np.errstate(over="raise"), pytest.raises(FloatingPointError):
        np.exp(LARGE)


def test_large_logits_drawn(values):
    assert values["large_logit_heights"] == pytest.approx(LARGE.tolist(), abs=1e-6)
    # the labels are printed with no decimals: exactly the integers
    assert values["small_logit_labels"] == SMALL.tolist()
    assert values["large_logit_labels"] == LARGE.tolist()


def test_naive_exp_overflows_on_screen(values):
    with np.errstate(over="ignore"):
        overflowed = int(np.count_nonzero(~np.isfinite(np.exp(LARGE))))
    assert overflowed == 3
    assert values["naive_exp_non_finite"] == overflowed
    assert values["naive_exp_clipped_bars"] == [1.0, 1.0, 1.0]
    assert values["small_exp_heights"] == pytest.approx(np.exp(SMALL).tolist(), abs=1e-6)
    # printed with one decimal: e, e², e³ rounded
    assert values["small_exp_labels"] == pytest.approx([2.7, 7.4, 20.1], abs=1e-12)


def test_float_limits_on_screen(values):
    info = np.finfo(np.float64)
    # the largest double printed to 5 decimals (rounding down: the next digit is 3)
    assert float(f"{info.max:.5e}") < info.max
    for name in ("largest_double_shown", "largest_double_recalled"):
        assert values[name] == 1.79769e308
        assert abs(values[name] - info.max) <= 0.5e303
    assert values["exp_709_shown"] == 8.2e307
    assert abs(values["exp_709_shown"] - np.exp(709.0)) <= 0.05e307
    # printed twice: numpy's result and the word at the end of the magnitude line
    assert values["exp_710_is_inf"] == 2
    assert values["machine_epsilon_shown"] == 2.22e-16
    assert abs(values["machine_epsilon_shown"] - info.eps) <= 0.005e-16


def test_exp_overflow_on_the_magnitude_line(values):
    info = np.finfo(np.float64)
    threshold = np.log(info.max)
    assert threshold == pytest.approx(709.7827, abs=1e-4)
    # the x readout stopped where e^x reaches the largest double, printed to 2 decimals
    assert values["overflow_exponent_shown"] == pytest.approx(round(threshold, 2), abs=1e-9)
    with np.errstate(over="ignore"):
        assert np.isfinite(np.exp(threshold - 1e-9)) and np.isinf(np.exp(710.0))
    assert values["dot_stops_at_largest_double"] == pytest.approx(np.log10(info.max), abs=1e-6)


def test_float_grid(values):
    from fractions import Fraction

    # the toy float (3 fraction bits) enumerated exactly: 8 numbers in every binade
    toy = sorted({Fraction(2) ** e * (1 + Fraction(k, 8)) for e in range(3) for k in range(8)})
    toy.append(Fraction(8))
    per_binade = [sum(1 for v in toy if 2**e <= v < 2 ** (e + 1)) for e in range(3)]
    assert values["toy_ticks_per_binade"] == per_binade == [8, 8, 8]
    # the probe stops at 7.75: between the toy floats 7.5 and 8, a gap of a half
    below = max(v for v in toy if v <= Fraction(31, 4))
    above = min(v for v in toy if v > Fraction(31, 4))
    assert values["toy_gap_near_eight"] == float(above - below) == 0.5
    info = np.finfo(np.float64)
    top_gap = info.max - np.nextafter(info.max, 0.0)
    assert top_gap == 2.0**971
    assert values["gap_below_largest_shown"] == float(f"{top_gap:.1e}") == 2.0e292
    assert values["machine_epsilon_shown"] == float(f"{np.spacing(1.0):.2e}")


def test_naive_softmax_is_nan_on_screen(values):
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(LARGE)
        naive = e / e.sum()
    assert np.all(np.isnan(naive))
    assert values["naive_softmax_non_finite_readout"] == np.count_nonzero(np.isnan(naive))
    assert values["naive_softmax_nan_labels"] == np.count_nonzero(np.isnan(naive))


def test_shifted_logits(values):
    assert values["shifted_logits"] == pytest.approx([-2.0, -1.0, 0.0], abs=1e-6)
    assert values["shifted_exp_heights"] == pytest.approx(
        np.exp([-2.0, -1.0, 0.0]).tolist(), abs=1e-6
    )
    assert values["shifted_exp_non_finite"] == 0
    assert values["shifted_logit_labels"] == [-2.0, -1.0, 0.0]
    assert values["shifted_exp_labels"] == pytest.approx(
        np.round(np.exp([-2.0, -1.0, 0.0]), 2), abs=1e-12
    )
    assert values["lse_exp_labels"] == values["shifted_exp_labels"]


def test_probabilities_read_back(values):
    expected = softmax(LARGE)
    assert expected == pytest.approx([0.0900, 0.2447, 0.6652], abs=5e-5)
    assert values["large_probabilities"] == pytest.approx(expected.tolist(), abs=1e-6)
    # printed with two decimals, as the narration says them: 0.09, 0.24, 0.67
    assert values["large_probability_labels"] == pytest.approx([0.09, 0.24, 0.67], abs=1e-12)
    assert values["large_probability_labels"] == pytest.approx(np.round(expected, 2), abs=1e-12)
    assert values["small_probabilities"] == pytest.approx(softmax(SMALL).tolist(), abs=1e-6)
    assert values["small_probability_labels"] == pytest.approx(
        np.round(softmax(SMALL), 2), abs=1e-12
    )
    # read from the bars as they slid down by 1002: unchanged, still the small chart's
    assert values["probabilities_after_slide"] == pytest.approx(
        np.round(softmax(SMALL), 2), abs=1e-12
    )


def test_shift_invariance(values):
    assert softmax(SMALL) == pytest.approx(softmax(LARGE), abs=1e-15)
    gap = np.max(
        np.abs(np.array(values["large_probabilities"]) - np.array(values["small_probabilities"]))
    )
    assert gap < 1e-6
    assert values["shift_invariance_max_gap"] == pytest.approx(0.0, abs=1e-6)
    # the small chart's bars, moved over, land on the large chart's
    assert values["ghosts_on_large_bars"] == pytest.approx(0.0, abs=1e-6)


def test_logsumexp(values):
    expected = logsumexp(LARGE)
    assert expected == pytest.approx(1002.4076, abs=5e-5)
    assert values["logsumexp_stable_readout"] == pytest.approx(round(expected, 2), abs=1e-9)
    m = LARGE.max()
    shifted_sum = np.exp(LARGE - m).sum()
    assert values["lse_sum_of_drawn_bars"] == pytest.approx(shifted_sum, abs=1e-6)
    assert values["lse_sum_readout"] == pytest.approx(round(shifted_sum, 2), abs=1e-9)
    assert values["lse_log_readout"] == pytest.approx(round(expected - m, 2), abs=1e-9)
    assert values["lse_log_readout"] == 0.41
    with np.errstate(over="ignore"):
        assert math.isinf(np.log(np.sum(np.exp(LARGE))))
    assert values["logsumexp_naive_is_inf"] == 1


def test_every_checkpoint_reads_the_screen(chapter_reports):
    checks = [c for r in chapter_reports("12.1") for c in r.checkpoints]
    refused = [c.name for c in checks if c.source.startswith("refused")]
    assert not refused
    assert all(c.ok for c in checks), [c.name for c in checks if not c.ok]
