"""The number-systems model against sympy's own predicates and exact arithmetic."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from mathviz.maths.number_sets import SETS, SYMBOLS, as_exact, belongs_to, examples, smallest_set


@pytest.mark.parametrize(
    ("value", "home"),
    [
        (0, "naturals"),
        (7, "naturals"),
        (-1, "integers"),
        (Fraction(6, 3), "naturals"),  # 2, written as a fraction
        (Fraction(-7, 2), "rationals"),
        (sp.Rational(1, 3), "rationals"),
        (sp.sqrt(2), "reals"),
        (sp.sqrt(4), "naturals"),  # √4 = 2
        (sp.pi, "reals"),
        (sp.E, "reals"),
        (-sp.sqrt(3) / 2, "reals"),
    ],
)
def test_smallest_set(value, home):
    assert smallest_set(value) == home


def test_the_systems_nest():
    assert SETS == ("naturals", "integers", "rationals", "reals")
    assert [SYMBOLS[s] for s in SETS] == ["N", "Z", "Q", "R"]
    for value in (3, -2, Fraction(1, 2), sp.sqrt(2)):
        inside = [belongs_to(value, s) for s in SETS]
        # once in a system, in every larger one: False… then True…
        assert inside == sorted(inside)
        assert inside[-1]
    assert not belongs_to(-2, "naturals") and belongs_to(-2, "integers")
    with pytest.raises(KeyError):
        belongs_to(1, "complex")


def test_exactness_is_required():
    with pytest.raises(TypeError):
        as_exact(0.5)
    with pytest.raises(ValueError):
        as_exact(sp.I)
    assert as_exact(Fraction(3, 4)) == sp.Rational(3, 4)


def test_examples_carry_value_tex_and_home():
    nums = examples([(Fraction(7, 2), r"\frac{7}{2}"), (sp.pi, r"\pi")])
    assert [n.home for n in nums] == ["rationals", "reals"]
    assert float(nums[0]) == 3.5 and nums[1].tex == r"\pi"
