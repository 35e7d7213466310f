"""KL divergence model: rating shares, per-outcome terms, the squeeze and the mix, checked
against scipy and exact fractions."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from scipy import special, stats

from mathviz.maths.divergence import ModelShares, kl_terms, mix, rating_shares, squeeze, stacked_sum

P = np.array([0.2, 0.2, 0.1, 0.8 / 3, 0.7 / 3])
Q = np.array([0.1, 0.2, 0.4, 0.2, 0.1])


def test_rating_shares_count_each_star():
    shares = rating_shares([1, 1, 2, 5, 5, 5, 4, 3])
    expected = [Fraction(c, 8) for c in (2, 1, 1, 1, 3)]
    assert shares.tolist() == pytest.approx([float(f) for f in expected])
    with pytest.raises(ValueError):
        rating_shares([])
    with pytest.raises(ValueError):
        rating_shares([0, 1])


def test_terms_are_scipy_relative_entropy_in_bits():
    np.testing.assert_allclose(kl_terms(P, Q), special.rel_entr(P, Q) / math.log(2))
    assert kl_terms(P, Q).sum() == pytest.approx(stats.entropy(P, Q, base=2))
    np.testing.assert_allclose(kl_terms(P, Q, math.e), special.rel_entr(P, Q))
    assert kl_terms([0.5, 0.5, 0.0], [0.5, 0.0, 0.5])[1] == math.inf
    assert kl_terms([0.5, 0.5, 0.0], [0.25, 0.25, 0.5])[2] == 0.0


def test_squeeze_keeps_a_distribution_and_the_proportions():
    q = squeeze(Q, 4, 0.002)
    assert q[4] == 0.002
    assert math.fsum(q) == pytest.approx(1.0, abs=1e-12)
    np.testing.assert_allclose(q[:4] / q[0], Q[:4] / Q[0])
    with pytest.raises(ValueError):
        squeeze(Q, 4, 1.5)
    with pytest.raises(ValueError):
        squeeze([0.0, 1.0], 1, 0.5)


def test_mix_runs_from_q_to_p():
    np.testing.assert_array_equal(mix(Q, P, 0.0), Q)
    np.testing.assert_array_equal(mix(Q, P, 1.0), P)
    np.testing.assert_allclose(mix(Q, P, 0.25), 0.75 * Q + 0.25 * P)
    with pytest.raises(ValueError):
        mix(Q, P, 1.1)


def test_stacked_sum_puts_positives_first_and_ends_at_the_total():
    terms = [0.2, 0.0, -0.2, 0.1, 0.3]
    stack = stacked_sum(terms)
    assert [i for i, _, _ in stack] == [0, 3, 4, 2]
    assert stack[-1][2] == pytest.approx(sum(terms))
    for (_, _, end), (_, start, _) in zip(stack, stack[1:], strict=False):
        assert end == start


def test_model_shares_move_and_measure():
    m = ModelShares(P, Q, 4)
    assert m.squeezed == 0.1
    assert m.entropy() == pytest.approx(stats.entropy(P, base=2))
    assert m.kl() == pytest.approx(stats.entropy(P, Q, base=2))
    assert m.reverse_kl() == pytest.approx(stats.entropy(Q, P, base=2))
    assert m.cross_entropy() == pytest.approx(m.entropy() + m.kl())
    m.squeezed = 0.002
    q = m.q()
    assert q[4] == pytest.approx(0.002)
    assert m.terms()[4] == pytest.approx(special.rel_entr(P[4], 0.002) / math.log(2))
    m.toward = 1.0
    np.testing.assert_allclose(m.q(), P)
    assert m.kl() == pytest.approx(0.0, abs=1e-12)
    with pytest.raises(ValueError):
        ModelShares(P, Q[:4], 0)
    with pytest.raises(ValueError):
        ModelShares(P, Q, 7)
