"""2.4 Exponentials & Logarithms: every value the lecture shows, recomputed here with math.exp,
math.log, math.log2, fractions and a binary search written out (the scene read dots through
their axes, bars through the log axis, funnel bars counted and labels as typeset)."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

#: the lecture's data: the point's x before and after sliding, the product, the game
A, A_LOW, A_HIGH = 1.0, -1.0, 1.5
FIRST, SECOND = 8, 4
LOW, HIGH, SECRET = 1, 1024, 713


def binary_search(lo: int, hi: int, secret: int) -> list[tuple[int, int]]:
    """Every interval of "is it bigger than the middle?", start included."""
    seen = [(lo, hi)]
    while lo != hi:
        mid = (lo + hi) // 2
        if secret > mid:
            lo = mid + 1
        else:
            hi = mid
        seen.append((lo, hi))
    return seen


@pytest.fixture(scope="module")
def values(shown):
    return shown("2.4")


def test_the_point_on_exp_and_its_mirror_on_ln(values):
    e = math.exp(1.0)
    np.testing.assert_allclose(values["point_on_exp"], [A, math.exp(A)], atol=1e-6)
    np.testing.assert_allclose(values["mirror_on_ln"], [e, math.log(e)], atol=1e-6)
    # the mirror's height is the natural log of its x
    x, y = values["mirror_on_ln"]
    assert y == pytest.approx(math.log(x), abs=1e-6)
    assert values["e_readout"] == round(e, 2) == 2.72
    assert values["a_readout_low"] == A_LOW
    assert values["e_readout_low"] == round(math.exp(A_LOW), 2)


def test_the_fold_is_a_reflection_across_the_diagonal(values):
    assert values["chord_meets_diagonal_at_right_angle"] == pytest.approx(90.0, abs=1e-6)
    foot = (A + math.exp(A)) / 2
    np.testing.assert_allclose(values["chord_foot_on_diagonal"], [foot, foot], atol=1e-6)
    assert values["folded_curve_is_ln"] == pytest.approx(0.0, abs=1e-6)
    # the mirror's readouts: the point's coordinates, swapped
    assert values["x_readout_after_fold"] == round(math.exp(A), 2)
    assert values["y_readout_after_fold"] == round(math.log(math.exp(A)), 2) == 1.0


def test_the_mirror_follows_the_slide(values):
    np.testing.assert_allclose(values["point_after_slide"], [A_HIGH, math.exp(A_HIGH)], atol=1e-6)
    np.testing.assert_allclose(values["mirror_after_slide"], [math.exp(A_HIGH), A_HIGH], atol=1e-6)
    assert values["y_readout_after_slide"] == round(math.log(math.exp(A_HIGH)), 2)
    assert values["x_readout_after_slide"] == round(math.exp(A_HIGH), 2) == 4.48


def test_products_become_sums_on_the_log2_axis(values):
    assert values["ticks_are_powers_of_two"] == pytest.approx([2**k for k in range(7)])
    assert values["length_of_8"] == pytest.approx(math.log2(FIRST), abs=1e-9)
    assert values["length_of_4"] == pytest.approx(math.log2(SECOND), abs=1e-9)
    assert values["lengths_add"] == pytest.approx(math.log2(FIRST * SECOND), abs=1e-9) == 5
    assert values["sum_bar_length"] == pytest.approx(5.0, abs=1e-9)
    assert values["product_on_log_axis"] == pytest.approx(2 ** (3 + 2), abs=1e-9) == 32
    assert values["end_readout"] == float(Fraction(FIRST) * SECOND)
    assert values["start_readout_at_one"] == 1.0
    assert values["end_readout_at_four"] == 4.0
    assert values["ratio_readout_at_four"] == 4.0


def test_ten_questions_find_the_number(values):
    intervals = binary_search(LOW, HIGH, SECRET)
    questions = len(intervals) - 1
    assert questions == math.log2(HIGH - LOW + 1) == 10
    assert values["questions_drawn"] == questions
    assert values["question_counter"] == questions
    assert values["log2_of_1024_as_typed"] == questions
    # a million items: the first power of two that reaches a million is the 20th
    assert values["questions_for_a_million"] == next(k for k in range(64) if 2**k >= 10**6) == 20
    widths = [hi - lo + 1 for lo, hi in intervals]
    assert values["funnel_widths"] == pytest.approx(widths, abs=1e-9)
    assert values["final_width"] == pytest.approx(widths[-1], abs=1e-9) == 1
    assert values["numbers_left_readout"] == 1
    lo, hi = intervals[-1]
    assert values["final_interval"] == pytest.approx([lo - 0.5, hi + 0.5], abs=1e-9)
    assert values["final_label"] == [SECRET]


def test_the_answers_are_the_bits_of_the_secret(values):
    intervals = binary_search(LOW, HIGH, SECRET)
    bits = "".join(
        "1" if after[0] > before[0] else "0"
        for before, after in zip(intervals[:-1], intervals[1:], strict=True)
    )
    assert values["bits_drawn"] == len(bits) == 10
    assert values["binary_value_label"] == int(bits, 2)
    assert values["answers_as_binary"] == int(bits, 2) == SECRET - LOW == int(format(712, "b"), 2)


def test_numbers_follow_what_moves(held):
    held(
        "2.4",
        "a readout is the dot's x",
        "e to the a readout is the dot's height",
        "x readout is the mirror's x",
        "y readout is the mirror's height",
        "start readout is the bar's start",
        "end readout is the bar's end",
        "ratio readout is end over start",
        "question counter equals the funnel's bars",
        "numbers left equals the kept bar's width",
        source="printed",
    )
    held(
        "2.4",
        "the dot stays on e to the x",
        "the mirror stays on ln x",
        "the mirror is the point with x and y swapped",
        source="geometry",
    )
    held(
        "2.4",
        "the folding dot moves across the diagonal",
        "the sliding bar's end is four times its start",
        source="derived",
    )
    held("2.4", "one bit per question", source="count")
