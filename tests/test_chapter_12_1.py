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


def test_naive_exp_overflows_on_screen(values):
    with np.errstate(over="ignore"):
        overflowed = int(np.count_nonzero(~np.isfinite(np.exp(LARGE))))
    assert overflowed == 3
    assert values["naive_exp_non_finite"] == overflowed
    assert values["naive_exp_clipped_bars"] == overflowed
    assert values["small_exp_heights"] == pytest.approx(np.exp(SMALL).tolist(), abs=1e-6)
    assert values["small_exp_labels"] == pytest.approx(np.exp(SMALL).tolist(), abs=5e-3)


def test_float_limits_on_screen(values):
    info = np.finfo(np.float64)
    assert values["largest_double_log10"] == pytest.approx(np.log10(info.max), abs=0.02)
    assert values["exp_709_shown"] == pytest.approx(np.exp(709.0), rel=0.01)
    assert values["exp_710_is_inf"] == 1.0
    assert values["machine_epsilon_shown"] == pytest.approx(info.eps, abs=5e-19)
    assert values["machine_epsilon_shown"] == pytest.approx(2.22e-16, abs=1e-20)


def test_naive_softmax_is_nan_on_screen(values):
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(LARGE)
        naive = e / e.sum()
    assert np.all(np.isnan(naive))
    assert values["naive_softmax_non_finite_readout"] == np.count_nonzero(np.isnan(naive))
    assert values["naive_softmax_nan_labels"] == np.count_nonzero(np.isnan(naive))


def test_shifted_logits(values):
    assert values["shifted_logits"] == pytest.approx([-2.0, -1.0, 0.0], abs=1e-6)
    assert values["shifted_exp_heights"] == pytest.approx(np.exp([-2.0, -1.0, 0.0]).tolist(),
                                                          abs=1e-6)
    assert values["shifted_exp_non_finite"] == 0


def test_probabilities_read_back(values):
    expected = softmax(LARGE)
    assert expected == pytest.approx([0.0900, 0.2447, 0.6652], abs=5e-5)
    assert values["large_probabilities"] == pytest.approx(expected.tolist(), abs=1e-6)
    assert values["large_probability_labels"] == pytest.approx(expected.tolist(), abs=5e-5)
    assert values["small_probabilities"] == pytest.approx(softmax(SMALL).tolist(), abs=1e-6)
    assert values["small_probability_labels"] == pytest.approx(softmax(SMALL).tolist(), abs=5e-5)


def test_shift_invariance(values):
    assert softmax(SMALL) == pytest.approx(softmax(LARGE), abs=1e-15)
    gap = np.max(np.abs(np.array(values["large_probabilities"])
                        - np.array(values["small_probabilities"])))
    assert gap < 1e-6
    assert values["shift_invariance_max_gap"] == pytest.approx(0.0, abs=1e-6)


def test_logsumexp(values):
    expected = logsumexp(LARGE)
    assert expected == pytest.approx(1002.4076, abs=5e-5)
    assert values["logsumexp_stable_readout"] == pytest.approx(expected, abs=5e-5)
    with np.errstate(over="ignore"):
        assert math.isinf(np.log(np.sum(np.exp(LARGE))))
    assert values["logsumexp_naive_is_inf"] == 1.0
