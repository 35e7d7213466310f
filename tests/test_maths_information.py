"""The Level 10 information measures against scipy (another implementation of each)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import special, stats

from mathviz.maths import information as info

DISTRIBUTIONS = [
    [0.5, 0.5],
    [0.25, 0.25, 0.25, 0.25],
    [0.7, 0.1, 0.1, 0.1],
    [0.9, 0.05, 0.05, 0.0],
    [1.0, 0.0, 0.0],
]


@pytest.mark.parametrize("p", [0.5, 0.25, 1 / 1024, 1 / 6, 0.9])
def test_surprise_is_minus_log2(p: float) -> None:
    assert info.surprise(p) == pytest.approx(-np.log2(p), rel=1e-12)
    assert info.surprise(p, info.NATS) == pytest.approx(-np.log(p), rel=1e-12)


def test_surprise_of_certain_and_impossible_outcomes() -> None:
    assert info.surprise(1.0) == 0.0
    assert info.surprise(0.0) == math.inf
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        info.surprise(1.5)


@pytest.mark.parametrize("p", DISTRIBUTIONS)
def test_entropy_matches_scipy(p: list[float]) -> None:
    assert info.entropy(p) == pytest.approx(stats.entropy(p, base=2), abs=1e-12)
    assert info.entropy(p, info.NATS) == pytest.approx(stats.entropy(p), abs=1e-12)


def test_binary_entropy_peaks_at_one_bit_at_a_fair_coin() -> None:
    grid = np.linspace(0.0, 1.0, 1001)
    values = [info.binary_entropy(float(x)) for x in grid]
    assert grid[int(np.argmax(values))] == pytest.approx(0.5)
    assert max(values) == pytest.approx(1.0, abs=1e-12)
    assert info.binary_entropy(0.0) == info.binary_entropy(1.0) == 0.0
    # scipy's entr is −x ln x, elementwise
    for x in (0.1, 0.3, 0.77):
        expected = (special.entr(x) + special.entr(1 - x)) / np.log(2)
        assert info.binary_entropy(x) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    ("p", "q"),
    [
        ([0.5, 0.5], [0.9, 0.1]),
        ([0.7, 0.2, 0.1], [0.2, 0.5, 0.3]),
        ([0.25, 0.25, 0.25, 0.25], [0.4, 0.3, 0.2, 0.1]),
    ],
)
def test_kl_and_cross_entropy_match_scipy(p: list[float], q: list[float]) -> None:
    kl = stats.entropy(p, q, base=2)
    assert info.kl_divergence(p, q) == pytest.approx(kl, abs=1e-12)
    assert info.kl_divergence(p, q, info.NATS) == pytest.approx(
        special.rel_entr(p, q).sum(), abs=1e-12
    )
    assert info.cross_entropy(p, q) == pytest.approx(stats.entropy(p, base=2) + kl, abs=1e-12)
    parts = info.entropy_parts(p, q)
    assert parts.cross_entropy - parts.entropy == pytest.approx(parts.kl, abs=1e-12)


def test_kl_is_asymmetric_and_zero_only_for_equal_distributions() -> None:
    p, q = [0.8, 0.15, 0.05], [0.4, 0.3, 0.3]
    assert info.kl_divergence(p, q) != pytest.approx(info.kl_divergence(q, p), abs=1e-3)
    assert info.kl_divergence(p, p) == 0.0


def test_a_model_that_rules_out_a_possible_outcome_costs_infinitely_many_bits() -> None:
    assert info.cross_entropy([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert info.kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf
    # the reverse direction is finite: p never produces the outcome q would miss
    assert info.kl_divergence([1.0, 0.0], [0.5, 0.5]) == pytest.approx(1.0)


def test_softmax_cross_entropy_is_log_sum_exp_minus_the_true_logit() -> None:
    logits = np.array([2.0, 1.0, 0.1])
    probs = info.softmax(logits)
    assert probs == pytest.approx(special.softmax(logits), rel=1e-12)
    for k in range(3):
        assert info.softmax_cross_entropy(logits, k) == pytest.approx(
            -special.log_softmax(logits)[k], rel=1e-12
        )
        assert info.cross_entropy(info.one_hot(k, 3), probs, info.NATS) == pytest.approx(
            info.softmax_cross_entropy(logits, k), rel=1e-12
        )
    # no overflow for large logits
    assert math.isfinite(info.softmax_cross_entropy([1000.0, 0.0], 1))


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ([0.5, 0.6], "sum to 1"),
        ([1.2, -0.2], "negative"),
        ([], "non-empty"),
        ([[0.5, 0.5]], "1-D"),
    ],
)
def test_bad_distributions_are_named(bad: list[float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        info.entropy(bad)


def test_mismatched_and_bad_arguments() -> None:
    with pytest.raises(ValueError, match="same outcomes"):
        info.kl_divergence([0.5, 0.5], [0.2, 0.3, 0.5])
    with pytest.raises(ValueError, match="outside"):
        info.one_hot(3, 3)
    with pytest.raises(ValueError, match="base"):
        info.surprise(0.5, base=1.0)
