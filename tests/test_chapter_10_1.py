"""10.1 Information: every checkpoint recomputed here by another route — math.log2 and
numpy for surprises, fractions for the probabilities, and a binary search replayed with
``bisect`` over the sorted numbers 1 … 1024 for the game."""

from __future__ import annotations

import bisect
import math
from fractions import Fraction

import numpy as np
import pytest

SECRET, GUESS = 300, 713
NUMBERS = list(range(1, 1025))

#: every stop of the probe: (name, probability as an exact fraction)
STOPS = [
    ("coin", Fraction(1, 2)),
    ("die", Fraction(1, 6)),
    ("almost_sure", Fraction(99, 100)),
    ("one_in_1024", Fraction(1, 1024)),
    ("answer_no", 1 - Fraction(1, len(NUMBERS))),
    ("answer_yes", Fraction(1, len(NUMBERS))),
    ("fair_question", Fraction(bisect.bisect_right(NUMBERS, 512), len(NUMBERS))),
]


@pytest.fixture(scope="module")
def values(shown):
    return shown("10.1")


def bits(p: Fraction) -> float:
    return -math.log2(p.numerator) + math.log2(p.denominator)


def replay(secret: int) -> tuple[str, list[int]]:
    """Binary search over the sorted numbers by bisect: the answers and what is left after
    each ("is it bigger than the middle?", yes = 1)."""
    candidates, answers, left = NUMBERS, "", []
    while len(candidates) > 1:
        middle = candidates[(len(candidates) - 1) // 2]
        cut = bisect.bisect_right(candidates, middle)
        yes = secret > middle
        answers += "1" if yes else "0"
        candidates = candidates[cut:] if yes else candidates[:cut]
        left.append(len(candidates))
    return answers, left


@pytest.mark.parametrize(("name", "p"), STOPS)
def test_the_probe_stops_on_the_curve_and_its_readouts_show_it(values, name, p):
    np.testing.assert_allclose(values[f"probe_at_{name}"], [float(p), bits(p)], atol=1e-6)
    assert values[f"p_readout_{name}"] == round(float(p), 3)
    assert values[f"surprise_readout_{name}"] == round(bits(p), 1)


def test_the_bracketed_surprises():
    assert bits(Fraction(1, 2)) == 1.0
    assert round(bits(Fraction(1, 6)), 1) == 2.6
    assert bits(Fraction(1, 1024)) == 10.0
    assert bits(Fraction(99, 100)) < 0.015


def test_the_drawn_curve_is_minus_log2_p(values):
    assert values["curve_is_minus_log2"] == pytest.approx(0.0, abs=1e-6)
    assert values["ghosts_drawn"] == 4


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("two_coins", [Fraction(1, 2), Fraction(1, 2)]),
        ("coin_and_die", [Fraction(1, 2), Fraction(1, 6)]),
    ],
)
def test_independent_surprises_stack_up_to_the_surprise_of_the_product(values, name, parts):
    product = math.prod(parts, start=Fraction(1))
    lengths = [bits(q) for q in parts]
    np.testing.assert_allclose(values[f"{name}_bar_lengths"], lengths, atol=1e-6)
    np.testing.assert_allclose(values[f"{name}_bars_at_p"], [float(product)] * 2, atol=1e-6)
    assert values[f"{name}_stack_top"] == pytest.approx(bits(product), abs=1e-6)
    assert values[f"{name}_stack_top"] == pytest.approx(math.fsum(lengths), abs=1e-6)
    assert values[f"{name}_stack_reaches_the_curve"] == pytest.approx(0.0, abs=1e-6)


def test_the_sums_as_typed(values):
    assert values["two_coins_total_typed"] == 2
    assert values["die_bits_typed"] == round(math.log2(6), 1) == 2.6
    assert values["coin_die_total_typed"] == round(math.log2(12), 1) == 3.6


def test_the_lopsided_question_as_typed(values):
    no = -np.log1p(-1 / len(NUMBERS)) / np.log(2)
    assert values["no_bits_typed"] == round(float(no), 4) == 0.0014
    assert values["yes_bits_typed"] == math.log2(len(NUMBERS)) == 10


def test_the_fair_question_is_one_bit_either_way(values):
    half = Fraction(bisect.bisect_right(NUMBERS, 512), len(NUMBERS))
    assert list(values["fair_answers_typed"]) == [bits(1 - half), bits(half)] == [1.0, 1.0]


def test_the_game_asks_ten_questions_and_learns_ten_bits(values):
    answers, left = replay(SECRET)
    assert len(answers) == 10 == math.log2(len(NUMBERS))
    assert values["questions_drawn"] == len(answers)
    assert values["information_readout"] == len(answers)
    assert values["numbers_left_readout"] == left[-1] == 1
    assert list(values["secret_label"]) == [SECRET]


def test_the_answers_spell_the_secret(values):
    answers, _ = replay(SECRET)
    shown = "".join(str(int(b)) for b in values["bit_string"])
    assert shown == answers
    assert int(shown, 2) + 1 == SECRET
    assert values["answers_as_binary"] == int(answers, 2) == SECRET - 1
    assert values["binary_value_typed"] == SECRET - 1
    assert values["bits_drawn"] == 10


def test_the_secret_s_surprise_is_the_ten_answers_end_to_end(values):
    answers, _ = replay(SECRET)
    assert values["secret_surprise_typed"] == bits(Fraction(1, len(NUMBERS))) == 10
    np.testing.assert_allclose(values["secret_bar"], [0.0, 10.0], atol=1e-6)
    np.testing.assert_allclose(values["cell_lengths"], [1.0] * len(answers), atol=1e-6)
    assert values["cells_end"] == pytest.approx(math.fsum([1.0] * len(answers)), abs=1e-6)


def test_readouts_follow_the_drawing_at_every_sampled_moment(held):
    held(
        "10.1",
        "p readout is the dot's x",
        "surprise readout is minus log2 of the dot's p",
        "information readout counts the cells",
        "numbers left readout is the kept bar's width",
        source="printed",
    )
    held(
        "10.1",
        "the probe stays on the curve",
        "one cell per answer drawn",
        "numbers left times two to the bits is 1024",
    )
