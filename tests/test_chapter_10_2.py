"""10.2 Entropy: every checkpoint recomputed here independently (scipy.stats.entropy with
base 2, scipy.special.entr, scipy.optimize, fractions), and the readouts, bars, probe and
columns held together at every sampled moment."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from scipy import optimize, special, stats


@pytest.fixture(scope="module")
def values(shown):
    return shown("10.2")


def h_bits(p) -> float:
    """Entropy in bits by scipy.stats (its own normalisation and logarithm)."""
    return float(stats.entropy(np.asarray(p, dtype=float), base=2))


def h_entr(p) -> float:
    """Entropy in bits as Σ entr(p) / ln 2 (scipy.special.entr is −x ln x, 0 at 0)."""
    return float(np.sum(special.entr(np.asarray(p, dtype=float))) / math.log(2))


def printed_as(value: float, decimals: int = 2) -> float:
    return round(value, decimals)


def test_the_coin_starts_at_five_percent(values):
    np.testing.assert_allclose(values["coin_heights_start"], [0.05, 0.95], atol=1e-9)
    # each bar's surprise, −log₂ p, printed with two decimals
    surprises = [-math.log(p) / math.log(2) for p in (0.05, 0.95)]
    assert list(values["coin_surprise_labels_start"]) == [printed_as(s) for s in surprises]
    assert list(values["coin_surprise_labels_start"]) == [4.32, 0.07]
    h = h_bits([0.05, 0.95])
    assert h == pytest.approx(h_entr([0.05, 0.95]), abs=1e-12)
    np.testing.assert_allclose(values["probe_start"], [0.05, h], atol=1e-9)
    assert values["h_readout_start"] == printed_as(h) == 0.29
    assert values["p_readout_start"] == 0.05


def test_the_curve_reaches_one_bit_at_a_fair_coin(values):
    np.testing.assert_allclose(values["probe_at_half"], [0.5, h_bits([1, 1])], atol=1e-9)
    assert values["h_readout_at_half"] == 1.0
    assert list(values["coin_surprise_labels_at_half"]) == [1.0, 1.0]


def test_the_curve_falls_again_as_a_mirror_image(values):
    h = h_entr([0.95, 0.05])
    np.testing.assert_allclose(values["probe_at_end"], [0.95, h], atol=1e-9)
    assert values["h_readout_at_end"] == printed_as(h)
    assert values["p_readout_at_end"] == 0.95
    np.testing.assert_allclose(values["curve_mirror_gaps"], [0.0] * 5, atol=1e-9)
    h02 = h_bits([0.2, 0.8])
    assert h02 == pytest.approx(0.7219280948873623, abs=1e-12)
    np.testing.assert_allclose(values["curve_at_0.2_and_0.8"], [h02, h02], atol=1e-9)


def test_the_peak_is_one_bit_at_one_half_and_the_ends_are_zero(values):
    found = optimize.minimize_scalar(
        lambda p: -h_bits([p, 1 - p]), bounds=(0.01, 0.99), method="bounded",
        options={"xatol": 1e-10},
    )  # fmt: skip
    assert found.x == pytest.approx(0.5, abs=1e-6)
    np.testing.assert_allclose(values["curve_peak"], [0.5, 1.0], atol=1e-9)
    np.testing.assert_allclose(values["curve_peak"], [found.x, -found.fun], atol=1e-6)
    np.testing.assert_allclose(values["peak_drop_feet"], [0.5, 1.0], atol=1e-9)
    ends = [[0.0, h_entr([0.0, 1.0])], [1.0, h_entr([1.0, 0.0])]]
    np.testing.assert_allclose(np.reshape(values["curve_ends"], (2, 2)), ends, atol=1e-9)


@pytest.mark.parametrize(
    ("tag", "p", "bracketed"),
    [
        ("uniform", [0.25] * 4, 2.0),
        ("peaked", [0.7, 0.1, 0.1, 0.1], 1.36),
        ("certain", [1.0, 0.0, 0.0, 0.0], 0.0),
        ("dyadic", [0.5, 0.25, 0.125, 0.125], 1.75),
    ],
)
def test_four_movies(values, tag, p, bracketed):
    h = h_bits(p)
    assert h == pytest.approx(h_entr(p), abs=1e-12)
    assert printed_as(h) == bracketed
    np.testing.assert_allclose(values[f"{tag}_heights"], p, atol=1e-9)
    assert values[f"{tag}_h_readout"] == printed_as(h)
    assert values[f"{tag}_entropy_column"] == pytest.approx(h, abs=1e-9)
    if tag != "dyadic":  # the dyadic bars carry fractions, not decimals
        assert list(values[f"{tag}_labels"]) == [printed_as(q) for q in p]


def test_uniform_is_log2_of_the_count(values):
    assert values["uniform_entropy_column"] == pytest.approx(math.log2(4), abs=1e-9)
    assert values["certain_bars_standing"] == 1
    # the dashed marks left on the entropy column: uniform, then the favourite at 0.7
    np.testing.assert_allclose(
        values["entropy_column_ghosts"],
        [h_bits([1, 1, 1, 1]), h_entr([0.7, 0.1, 0.1, 0.1])],
        atol=1e-9,
    )


def test_the_dyadic_code_averages_exactly_the_entropy(values):
    p = [Fraction(1, 2), Fraction(1, 4), Fraction(1, 8), Fraction(1, 8)]
    # a prefix code's lengths: −log₂ p for each dyadic p, and Kraft's sum is exactly one
    lengths = [int(math.log2(q.denominator)) for q in p]
    assert values["code_lengths"] == lengths == [1, 2, 3, 3]
    assert sum(Fraction(1, 2**n) for n in lengths) == 1
    average = sum(q * n for q, n in zip(p, lengths, strict=True))
    assert average == Fraction(7, 4)
    assert float(average) == pytest.approx(h_bits([float(q) for q in p]), abs=1e-12)
    np.testing.assert_allclose(
        values["code_stack_segments"], [float(q * n) for q, n in zip(p, lengths, strict=True)],
        atol=1e-9,
    )  # fmt: skip
    assert values["code_stack_top"] == pytest.approx(float(average), abs=1e-9)
    assert values["average_code_length_from_drawing"] == pytest.approx(float(average), abs=1e-9)
    assert values["average_readout"] == 1.75


def test_readouts_and_drawings_agree_in_motion(held):
    held(
        "10.2",
        "p readout shows the probe's p",
        "H readout shows the probe's height",
        "surprise labels show minus log2 of their bars",
        "probability labels show the drawn heights",
        "H readout shows the entropy of the drawn bars",
        "average readout shows the stack's top",
        source="printed",
    )
    held(
        "10.2",
        "probe height is the entropy of the drawn coin",
        "heads bar is as tall as the probe's p",
        "the drawn curve ends at the probe",
        "entropy column stands at the entropy of the drawn bars",
    )
