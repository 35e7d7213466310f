"""Σ, Π and argmin as loops: the unrolled passes against closed forms, fractions and numpy."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from mathviz.maths.notation import (
    IDENTITY,
    argmin,
    running_argmin,
    squared_errors,
    sum_of_squared_errors,
    unroll,
    unroll_product,
    unroll_sum,
)


def test_sum_starts_at_zero_and_keeps_every_partial_total():
    loop = unroll_sum([3, 1, 4, 1, 5])
    assert loop.initial == 0 == IDENTITY["sum"]
    assert loop.partials == (3, 4, 8, 9, 14)
    assert loop.result == sum([3, 1, 4, 1, 5])
    assert loop.n == 5
    assert [loop.before(i) for i in range(5)] == [0, 3, 4, 8, 9]


def test_product_starts_at_one_and_stays_exact_with_fractions():
    factors = [Fraction(9, 10), Fraction(1, 2), Fraction(4, 5)]
    loop = unroll_product(factors)
    assert loop.initial == 1 == IDENTITY["product"]
    assert loop.partials == (Fraction(9, 10), Fraction(9, 20), Fraction(9, 25))
    assert loop.result == Fraction(36, 100)
    assert math.prod(factors) == loop.result


def test_an_empty_loop_returns_its_starting_value():
    assert unroll_sum([]).result == 0
    assert unroll_product([]).result == 1
    with pytest.raises(IndexError):
        unroll_sum([]).before(0)


def test_unknown_operator_is_refused():
    with pytest.raises(ValueError, match="unknown operator"):
        unroll("max", [1, 2])  # type: ignore[arg-type]


def test_sum_of_squared_errors_of_the_brief():
    y, y_hat = (3, 5, 7), (Fraction(5, 2), 5, 8)
    loop = sum_of_squared_errors(y, y_hat)
    assert loop.terms == (Fraction(1, 4), 0, 1)
    assert loop.partials == (Fraction(1, 4), Fraction(1, 4), Fraction(5, 4))
    expected = float(np.sum((np.array(y, dtype=float) - np.array([2.5, 5, 8])) ** 2))
    assert float(loop.result) == expected == 1.25


def test_squared_errors_need_equal_lengths():
    with pytest.raises(ValueError, match="differ in length"):
        squared_errors([1, 2], [1])


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_float_loops_match_numpy(seed):
    rng = np.random.default_rng(seed)
    values = rng.uniform(0.1, 2.0, size=12).tolist()
    assert float(unroll_sum(values).result) == pytest.approx(math.fsum(values), rel=1e-12)
    assert float(unroll_product(values).result) == pytest.approx(np.prod(values), rel=1e-12)
    np.testing.assert_allclose(unroll_sum(values).partials, np.cumsum(values), rtol=1e-12)
    np.testing.assert_allclose(unroll_product(values).partials, np.cumprod(values), rtol=1e-12)


def test_running_argmin_keeps_the_best_so_far():
    steps = running_argmin([2, Fraction(5, 4), 3])
    assert [s.best for s in steps] == [0, 1, 1]
    assert [s.best_value for s in steps] == [2, Fraction(5, 4), Fraction(5, 4)]
    assert [s.improved for s in steps] == [True, True, False]
    assert [s.index for s in steps] == [0, 1, 2]
    assert [s.value for s in steps] == [2, Fraction(5, 4), 3]


def test_ties_keep_the_first_as_numpy_does():
    values = [3.0, 1.0, 2.0, 1.0]
    assert argmin(values) == int(np.argmin(values)) == 1
    assert running_argmin(values)[-1].improved is False


@pytest.mark.parametrize("seed", [3, 4, 5])
def test_argmin_matches_numpy_on_random_values(seed):
    values = np.random.default_rng(seed).normal(size=20).tolist()
    assert argmin(values) == int(np.argmin(values))
    steps = running_argmin(values)
    assert [s.best_value for s in steps] == pytest.approx(np.minimum.accumulate(values).tolist())


def test_argmin_refuses_nothing_and_nan():
    with pytest.raises(ValueError, match="no values"):
        running_argmin([])
    with pytest.raises(ValueError, match="NaN"):
        running_argmin([1.0, math.nan])
