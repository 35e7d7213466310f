"""Divergence bars: shares, code lengths, terms and the term curve drawn from one model and
read back through their axes (animations played to their end without rendering)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from animation_helpers import run
from scipy import special, stats

from mathviz.maths.divergence import ModelShares
from mathviz.primitives.divergence_bars import (
    DirectionBars,
    DivergenceBars,
    PairedBars,
    TermBars,
    TermCurve,
    model_tween,
)
from mathviz.readings import printed, source_of

P = np.array([0.2, 0.2, 0.1, 0.8 / 3, 0.7 / 3])
Q = np.array([0.1, 0.2, 0.4, 0.2, 0.1])
NAMES = ["1", "2", "3", "4", "5"]


def model() -> ModelShares:
    return ModelShares(P, Q, 4)


def test_paired_bars_read_back_both_distributions(scene):
    bars = PairedBars(model(), NAMES, x_range=(0.4, 6.6))
    assert source_of(bars.p_shown()).startswith("geometry")
    np.testing.assert_allclose(bars.p_shown(), P, atol=1e-9)
    np.testing.assert_allclose(bars.q_shown(), Q, atol=1e-9)
    grow = bars.grow("q", run_time=1.0)
    assert bars.q_shown().max() < 1e-5
    run(scene, grow)
    np.testing.assert_allclose(bars.q_shown(), Q, atol=1e-9)


def test_divergence_bars_show_entropy_cross_entropy_and_the_overhang(scene):
    bars = DivergenceBars(model())
    h = stats.entropy(P, base=2)
    kl = stats.entropy(P, Q, base=2)
    assert bars.entropy_shown() == pytest.approx(h, abs=1e-9)
    assert bars.cross_entropy_shown() == pytest.approx(h + kl, abs=1e-9)
    assert bars.gap_shown() == pytest.approx(kl, abs=1e-9)
    assert float(printed(bars.readouts[0].number)) == round(h, 2)
    grow = bars.grow_row(1)
    assert bars.cross_entropy_shown() < 1e-5
    run(scene, grow)
    assert bars.cross_entropy_shown() == pytest.approx(h + kl, abs=1e-9)


def test_direction_bars_differ_and_follow_the_model(scene):
    shares = model()
    bars = DirectionBars(shares)
    assert bars.forward_shown() == pytest.approx(stats.entropy(P, Q, base=2), abs=1e-9)
    assert bars.reverse_shown() == pytest.approx(stats.entropy(Q, P, base=2), abs=1e-9)
    run(scene, model_tween([bars], shares, toward=1.0))
    assert bars.forward_shown() == pytest.approx(0.0, abs=1e-5)
    assert float(printed(bars.readouts[1].number)) == 0.0


def test_term_bars_are_signed_and_stack_to_their_sum(scene):
    terms = TermBars(model(), NAMES)
    expected = special.rel_entr(P, Q) / math.log(2)
    np.testing.assert_allclose(terms.terms_shown(), expected, atol=1e-5)
    fly, merge = terms.stack()
    run(scene, fly)
    run(scene, merge)
    assert terms.sum_shown() == pytest.approx(expected.sum(), abs=1e-9)
    assert terms.sum_label is not None
    assert float(printed(terms.sum_label)) == round(expected.sum(), 2)


def test_term_curve_dot_follows_the_squeezed_share(scene):
    shares = model()
    curve = TermCurve(shares)
    p5 = P[4]
    np.testing.assert_allclose(curve.dot_shown(), [0.1, special.rel_entr(p5, 0.1) / math.log(2)])
    run(scene, model_tween([curve], shares, squeezed=0.002))
    q, term = curve.dot_shown()
    assert q == pytest.approx(0.002, abs=1e-9)
    assert term == pytest.approx(special.rel_entr(p5, 0.002) / math.log(2), abs=1e-9)
    assert curve.curve_top_shown() == pytest.approx(2.0, abs=1e-6)
