"""10.4 KL Divergence: every checkpoint recomputed here with scipy (stats.entropy, special
rel_entr / kl_div) and exact fractions, never with the chapter's own maths."""

from __future__ import annotations

import math
from collections import Counter
from fractions import Fraction

import numpy as np
import pytest
from scipy import special, stats

from mathviz.maths.recommender import ratings

#: the model's prediction as the brief's scene types it (hedging towards three stars)
Q = np.array([0.1, 0.2, 0.4, 0.2, 0.1])
SQUEEZED, MIDWAY = 0.002, 0.6


@pytest.fixture(scope="module")
def values(shown):
    return shown("10.4")


@pytest.fixture(scope="module")
def p():
    counts = Counter(int(r) for r in ratings().ravel())
    total = sum(counts.values())
    assert total == 30
    return np.array([float(Fraction(counts[k], total)) for k in range(1, 6)])


def bits_kl(a, b):
    return float(stats.entropy(a, b, base=2))


def squeezed_q():
    q = Q * (1 - SQUEEZED) / (1 - Q[4])
    q[4] = SQUEEZED
    return q


def test_the_shares_drawn_are_the_tables_and_the_models(values, p):
    np.testing.assert_allclose(values["data_shares"], p, atol=1e-6)
    np.testing.assert_allclose(values["data_shares"], [0.2, 0.2, 0.1, 8 / 30, 7 / 30], atol=1e-6)
    np.testing.assert_allclose(values["model_shares"], Q, atol=1e-6)


def test_entropy_and_cross_entropy_bars(values, p):
    h = float(stats.entropy(p, base=2))
    ce = h + bits_kl(p, Q)
    assert values["entropy_bar"] == pytest.approx(h, abs=1e-6)
    assert values["cross_entropy_bar"] == pytest.approx(ce, abs=1e-6)
    assert values["entropy_printed"] == round(h, 2) == 2.26
    assert values["cross_entropy_printed"] == round(ce, 2) == 2.66


def test_kl_is_the_overhang_and_its_own_bar(values, p):
    kl = bits_kl(p, Q)
    assert float(np.sum(special.rel_entr(p, Q))) / math.log(2) == pytest.approx(kl)
    for name in ("kl_overhang", "cross_minus_entropy_bars", "kl_bar", "sum_column"):
        assert values[name] == pytest.approx(kl, abs=1e-6), name
    assert values["kl_printed"] == round(kl, 2) == 0.40
    assert values["sum_printed"] == 0.40


def test_the_terms_add_up_to_kl(values, p):
    terms = special.rel_entr(p, Q) / math.log(2)
    np.testing.assert_allclose(values["terms"], terms, atol=1e-6)
    assert terms[1] == 0 and terms[2] < 0  # exact at two stars, over-predicted at three
    assert values["terms_add_up_to_kl"] == pytest.approx(bits_kl(p, Q), abs=1e-6)
    # kl_div adds q − p per outcome, which sums to zero: the same total
    assert float(np.sum(special.kl_div(p, Q))) / math.log(2) == pytest.approx(bits_kl(p, Q))


def test_kl_is_not_symmetric(values, p):
    forward, back = bits_kl(p, Q), bits_kl(Q, p)
    assert values["reverse_kl_bar"] == pytest.approx(back, abs=1e-6)
    assert values["reverse_kl_printed"] == round(back, 2) == 0.49
    assert values["directions_differ"] == pytest.approx(back - forward, abs=1e-6)
    assert values["reverse_kl_printed"] != values["kl_printed"]


def test_squeezing_five_stars_blows_up_one_direction_only(values, p):
    q = squeezed_q()
    assert q.sum() == pytest.approx(1.0)
    assert values["squeezed_share"] == pytest.approx(SQUEEZED, abs=1e-6)
    assert values["squeezed_kl_printed"] == round(bits_kl(p, q), 2) == 1.60
    assert values["squeezed_reverse_printed"] == round(bits_kl(q, p), 2) == 0.82
    term = float(special.rel_entr(p[4], SQUEEZED)) / math.log(2)
    assert values["squeezed_term"] == pytest.approx(term, abs=1e-6)
    # the term has no bound as the share goes to zero; the reverse direction has one
    assert special.rel_entr(p[4], 1e-12) > 5 * special.rel_entr(p[4], SQUEEZED)


def test_training_brings_kl_to_zero(values, p):
    q_mid = (1 - MIDWAY) * squeezed_q() + MIDWAY * p
    assert values["kl_mid_training"] == pytest.approx(bits_kl(p, q_mid), abs=1e-5)
    assert values["kl_mid_training_printed"] == round(bits_kl(p, q_mid), 2)
    np.testing.assert_allclose(values["trained_shares"], p, atol=1e-6)
    assert values["trained_overhang"] == pytest.approx(bits_kl(p, p), abs=1e-5)
    assert values["trained_kl_printed"] == 0.0
    assert values["trained_reverse_printed"] == 0.0
    assert values["trained_cross_entropy_printed"] == round(float(stats.entropy(p, base=2)), 2)


def test_the_divergence_is_true_in_motion(held):
    held(
        "10.4",
        "KL readout shows its bar",
        "reverse readout shows its bar",
        "cross-entropy readout shows its bar",
        source="printed",
    )
    held(
        "10.4",
        "KL bar is KL of the drawn shares",
        "reverse bar is KL of the drawn shares the other way",
        "KL bar equals the overhang",
        "dot lies on the term curve",
        "model bars sum to one",
        source="derived",
    )
    held(
        "10.4",
        "cross-entropy bar is H(P,Q) of the drawn shares",
        "dot's q is the model's five-star bar",
        source="geometry",
    )
