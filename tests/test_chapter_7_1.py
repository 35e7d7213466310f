"""7.1 Probability Foundations: every value the lecture shows, recomputed here — the events'
cells by enumerating the 36 pairs with itertools.product, their probabilities as exact
fractions, inclusion–exclusion by plain set arithmetic, and the coin by replaying the seeded
generator and counting heads toss by toss — against what was read back from the grid's lit
cells, the typeset fractions, the coins and the dot on the log-scaled plot."""

from __future__ import annotations

import math
from fractions import Fraction
from itertools import product

import numpy as np
import pytest
from scipy import stats

PAIRS = set(product(range(1, 7), repeat=2))
SEED, TOSSES = 20, 10_000


@pytest.fixture(scope="module")
def values(shown):
    return shown("7.1")


def cells(test) -> set[tuple[int, int]]:
    return {p for p in PAIRS if test(*p)}


def replay() -> list[int]:
    """The lecture's coin, replayed: the same seed, the same draw of 0s and 1s."""
    return [int(v) for v in np.random.default_rng(SEED).integers(0, 2, size=TOSSES)]


def test_the_grid_holds_every_outcome_once(values):
    assert values["outcomes_drawn"] == len(PAIRS) == 36
    assert values["outcome_counter"] == 36
    assert values["P_one_outcome_typeset"] == pytest.approx(float(Fraction(1, len(PAIRS))))


@pytest.mark.parametrize(
    ("name", "test"),
    [
        ("sum7", lambda a, b: a + b == 7),
        ("doubles", lambda a, b: a == b),
        ("not7", lambda a, b: a + b != 7),
        ("A", lambda a, b: a == b),
        ("B", lambda a, b: a + b >= 10),
        ("A_and_B", lambda a, b: a == b and a + b >= 10),
    ],
)
def test_each_event_lights_exactly_its_cells(values, name, test):
    expected = cells(test)
    assert values[f"{name}_lit_cells"] == len(expected)
    shown_pairs = {
        tuple(int(v) for v in p) for p in np.reshape(values[f"{name}_lit_pairs"], (-1, 2))
    }
    assert shown_pairs == expected


def test_seven_is_the_anti_diagonal_and_one_sixth(values):
    seven = cells(lambda a, b: a + b == 7)
    assert seven == {(a, 7 - a) for a in range(1, 7)}  # the anti-diagonal
    assert values["sum7_sums_typeset"] == [7] * 6
    p = Fraction(len(seven), len(PAIRS))
    assert p == Fraction(1, 6)
    assert values["P_sum7_fraction"] == pytest.approx(float(Fraction(6, 36)), abs=1e-12)
    assert values["P_sum7_typeset"] == pytest.approx(1 / 6, abs=1e-12)


def test_doubles_and_the_complement(values):
    assert values["P_doubles_typeset"] == pytest.approx(
        float(Fraction(len(cells(lambda a, b: a == b)), 36)), abs=1e-12
    )
    not_seven = PAIRS - cells(lambda a, b: a + b == 7)
    assert Fraction(len(not_seven), 36) == 1 - Fraction(1, 6) == Fraction(5, 6)
    assert values["P_not7_typeset"] == pytest.approx(5 / 6, abs=1e-12)


def test_the_union_counted_on_the_grid_is_inclusion_exclusion(values):
    a, b = cells(lambda x, y: x == y), cells(lambda x, y: x + y >= 10)
    assert values["A_counter"] == len(a) == 6
    assert values["B_counter"] == len(b) == 6
    assert values["A_and_B_counter"] == len(a & b) == 2
    assert values["union_lit_cells"] == len(a | b) == 10
    by_formula = Fraction(len(a), 36) + Fraction(len(b), 36) - Fraction(len(a & b), 36)
    assert by_formula == Fraction(len(a | b), 36) == Fraction(5, 18)
    assert values["P_union_from_grid"] == pytest.approx(float(by_formula), abs=1e-9)
    assert values["P_union_typeset"] == pytest.approx(5 / 18, abs=1e-12)


def test_ten_tosses_are_not_five_heads(values):
    first = replay()[:10]
    heads = sum(1 for t in first if t == 1)
    assert heads == 3 != 5
    assert values["heads_in_first_10"] == heads
    assert values["heads_counter"] == heads
    assert values["coins_drawn"] == 10
    np.testing.assert_allclose(values["dot_at_10_tosses"], [10, heads / 10], atol=1e-6)
    assert values["share_readout_at_10"] == heads / 10


def test_the_bars_are_the_binomial_distribution_of_ten_tosses(values):
    pmf = stats.binom.pmf(np.arange(11), 10, 0.5)
    np.testing.assert_allclose(values["binomial_bars"], pmf, atol=1e-6)
    np.testing.assert_allclose(values["binomial_labels"], np.round(pmf, 2), atol=1e-12)
    assert int(np.argmax(pmf)) == 5 and round(pmf[5], 2) == 0.25  # likeliest, yet rare


def test_ten_thousand_tosses_are_close_to_half(values):
    tosses = replay()
    heads = math.fsum(tosses)
    share = Fraction(int(heads), TOSSES)
    np.testing.assert_allclose(values["dot_at_10000_tosses"], [TOSSES, float(share)], atol=1e-6)
    assert values["share_readout_at_10000"] == round(float(share), 3) == 0.499
    assert values["toss_readout_at_10000"] == TOSSES
    # within the one-standard-deviation band ½ ± ½/√n that the plot draws
    assert abs(float(share) - 0.5) <= 0.5 / math.sqrt(TOSSES)
    assert values["band_top_at_10000"] == pytest.approx(0.5 + 0.5 / math.sqrt(TOSSES), abs=1e-6)


def test_readouts_follow_what_they_count_at_every_sampled_moment(held):
    held(
        "7.1",
        "outcome counter equals the drawn cells",
        "numerator equals the event's lit cells",
        "denominator equals the drawn cells",
        "heads counter equals the H coins drawn",
        "share readout equals the dot's height",
        "toss readout equals the dot's toss count",
        source="printed",
    )
    held("7.1", "dot lies on the replayed share of heads", source="geometry")
