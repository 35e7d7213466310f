"""mathviz.maths.stability against scipy.special and written-out float64 arithmetic."""

from __future__ import annotations

import math
import sys

import numpy as np
import pytest
from scipy.special import logsumexp, softmax

from mathviz.maths import stability as st

LARGE = [1000.0, 1001.0, 1002.0]
SMALL = [1.0, 2.0, 3.0]


def test_float_limits_match_python_float_info():
    limits = st.float_limits()
    assert limits.largest == sys.float_info.max
    assert limits.epsilon == sys.float_info.epsilon == 2.0**-52
    assert limits.exp_overflow_threshold == pytest.approx(math.log(sys.float_info.max))
    assert 709 < limits.exp_overflow_threshold < 710


def test_naive_exp_overflows_silently_like_numpy():
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(1000.0))
    with np.errstate(over="raise"):  # our function must not leak the warning
        out = st.naive_exp([709.0, 710.0])
    assert math.isfinite(out[0]) and out[0] == pytest.approx(math.exp(709.0))
    assert math.isinf(out[1])


def test_naive_softmax_large_logits_is_nan_small_is_correct():
    assert np.all(np.isnan(st.naive_softmax(LARGE)))
    assert st.naive_softmax(SMALL) == pytest.approx(softmax(SMALL), abs=1e-15)


def test_stable_softmax_matches_scipy_and_is_shift_invariant():
    assert st.stable_softmax(LARGE) == pytest.approx(softmax(LARGE), abs=1e-15)
    assert st.stable_softmax(LARGE) == pytest.approx(softmax(SMALL), abs=1e-15)
    written = [
        math.exp(-2) / (math.exp(-2) + math.exp(-1) + 1),
        math.exp(-1) / (math.exp(-2) + math.exp(-1) + 1),
        1 / (math.exp(-2) + math.exp(-1) + 1),
    ]
    assert st.stable_softmax(LARGE) == pytest.approx(written, abs=1e-15)
    assert st.stable_softmax(LARGE).sum() == pytest.approx(1.0, abs=1e-15)


def test_shift_by_max():
    assert st.shift_by_max(LARGE).tolist() == [-2.0, -1.0, 0.0]
    assert st.shift_by_max([-5.0, -7.0]).tolist() == [0.0, -2.0]


def test_logsumexp_naive_vs_stable():
    assert math.isinf(st.naive_logsumexp(LARGE))
    assert st.stable_logsumexp(LARGE) == pytest.approx(logsumexp(LARGE), abs=1e-12)
    assert st.stable_logsumexp(LARGE) == pytest.approx(
        1002 + math.log(1 + math.exp(-1) + math.exp(-2)), abs=1e-12
    )
    assert st.naive_logsumexp(SMALL) == pytest.approx(logsumexp(SMALL), abs=1e-12)
    assert st.stable_logsumexp([-1000.0, -1000.0]) == pytest.approx(-1000 + math.log(2))


def test_count_non_finite():
    assert st.count_non_finite([1.0, np.inf, np.nan, -np.inf]) == 3
    assert st.count_non_finite([0.0, 1.0]) == 0


@pytest.mark.parametrize("bad", [[], [[1.0, 2.0]]])
def test_bad_logits_raise(bad):
    with pytest.raises(ValueError):
        st.stable_softmax(bad)
