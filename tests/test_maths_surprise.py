"""mathviz.maths.surprise against numpy, fractions and a plain binary search done here."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from scipy import stats

from mathviz.maths.logarithms import halving_game
from mathviz.maths.surprise import (
    answer_bits,
    probability_along,
    question_answers,
    stack_bases,
)


def test_the_ends_of_a_slide_are_exact():
    assert probability_along(0.5, 1 / 1024, 0.0) == 0.5
    assert probability_along(0.5, 1 / 1024, 1.0) == 1 / 1024


@pytest.mark.parametrize(("start", "stop"), [(1.0, 0.5), (0.5, 1 / 6), (0.99, 1 / 1024)])
def test_a_slide_is_even_in_surprise(start, stop):
    ts = np.linspace(0.0, 1.0, 11)
    ps = np.array([probability_along(start, stop, float(t)) for t in ts])
    bits = -np.log2(ps)
    np.testing.assert_allclose(np.diff(bits), np.full(10, (np.log2(start) - np.log2(stop)) / 10))
    # half way is the geometric mean of the ends
    assert probability_along(start, stop, 0.5) == pytest.approx(math.sqrt(start * stop))


@pytest.mark.parametrize(("start", "stop", "t"), [(0.0, 0.5, 0.5), (0.5, 1.5, 0.5), (0.5, 0.2, 2)])
def test_a_slide_refuses_what_the_curve_does_not_hold(start, stop, t):
    with pytest.raises(ValueError):
        probability_along(start, stop, t)


def test_stacked_surprises_start_where_the_last_one_ends():
    heights = [1.0, math.log2(6), 3.0]
    assert stack_bases(heights) == pytest.approx([0.0, *itertools.accumulate(heights[:-1])])
    assert stack_bases([]) == []
    with pytest.raises(ValueError):
        stack_bases([1.0, -0.5])


def test_the_lopsided_question():
    no, yes = question_answers(1024, 1)
    assert (no.word, yes.word) == ("no", "yes")
    assert no.probability == Fraction(1023, 1024) and yes.probability == Fraction(1, 1024)
    assert no.probability + yes.probability == 1
    # −log₂(1 − 1/1024) by log1p, an independent route near 1
    assert no.bits == pytest.approx(-np.log1p(-1 / 1024) / np.log(2), rel=1e-12)
    assert round(no.bits, 4) == 0.0014
    assert yes.bits == pytest.approx(10.0, abs=1e-12)
    # the question's expected surprise is scipy's entropy of its two answers
    expected = float(no.probability) * no.bits + float(yes.probability) * yes.bits
    assert expected == pytest.approx(stats.entropy([1023, 1], base=2))


def test_a_fair_question_is_one_bit_either_way():
    no, yes = question_answers(1024, 512)
    assert no.probability == yes.probability == Fraction(1, 2)
    assert no.bits == yes.bits == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize(("count", "yes"), [(1, 0), (4, 0), (4, 4), (0, 0)])
def test_a_question_needs_two_possible_answers(count, yes):
    with pytest.raises(ValueError):
        question_answers(count, yes)


def _replay(secret: int, low: int = 1, high: int = 1024) -> str:
    bits = ""
    while low < high:
        mid = (low + high) // 2
        bits += "1" if secret > mid else "0"
        low, high = (mid + 1, high) if secret > mid else (low, mid)
    return bits


@pytest.mark.parametrize("secret", [1, 300, 713, 1024])
def test_the_answers_spell_the_secret_minus_one(secret):
    bits = answer_bits(halving_game(1, 1024, secret))
    assert bits == _replay(secret) == np.binary_repr(secret - 1, width=10)
    assert int(bits, 2) + 1 == secret
