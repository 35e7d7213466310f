"""0.3 Mathematical Thinking: every value the lecture shows, recomputed here — odd sums
written out with ``range``, the closed form by sympy's summation, sides as exact fractions,
primes by a sieve — against what was read back from the tiles, braces and typed numbers."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

PASSES = range(1, 7)  # the brief's n = 1 … 6


@pytest.fixture(scope="module")
def values(shown):
    return shown("0.3")


def odd_sum(n: int) -> int:
    """1 + 3 + … + (2n − 1), written out."""
    return sum(range(1, 2 * n, 2))


def closed_form(n: int) -> int:
    j, m = sp.symbols("j m", integer=True, positive=True)
    return int(sp.summation(2 * j - 1, (j, 1, m)).subs(m, n))


def sieve(limit: int) -> list[bool]:
    """Eratosthenes: ``is_prime[k]`` for k < limit."""
    is_prime = [False, False] + [True] * (limit - 2)
    for p in range(2, math.isqrt(limit - 1) + 1):
        if is_prime[p]:
            for q in range(p * p, limit, p):
                is_prime[q] = False
    return is_prime


def test_the_identity_holds_for_the_brief_range():
    for n in PASSES:
        assert odd_sum(n) == closed_form(n) == n * n
    assert odd_sum(6) == 36


@pytest.mark.parametrize("n", PASSES)
def test_each_layer_holds_the_next_odd_number_of_tiles(values, n):
    odd = odd_sum(n) - odd_sum(n - 1)  # the n-th odd number, as a difference of sums
    assert odd == 2 * n - 1
    assert values[f"layer_{n}_tiles"] == odd  # counted from the tiles' positions
    assert values[f"layer_{n}_term"] == odd  # the digits typed in the sum


@pytest.mark.parametrize("n", PASSES)
def test_the_tiles_form_an_n_by_n_square_after_pass_n(values, n):
    total = odd_sum(n)
    side = Fraction(total, n)  # n odd numbers averaging n: the square's side
    assert side == n and side * side == total
    np.testing.assert_allclose(values[f"side_after_{n}"], [float(side)] * 2, atol=1e-6)
    assert values[f"brace_span_after_{n}"] == pytest.approx(float(side), abs=1e-6)
    assert values[f"brace_label_after_{n}"] == n
    assert values[f"side_label_after_{n}"] == n


@pytest.mark.parametrize("n", PASSES)
def test_running_sum_and_n_squared_as_typeset(values, n):
    assert values[f"total_after_{n}"] == odd_sum(n)
    assert values[f"n_squared_after_{n}"] == closed_form(n)
    assert values[f"n_after_{n}"] == n
    # the assert of the loop: total == n*n on every pass
    assert values[f"total_after_{n}"] == values[f"n_squared_after_{n}"]
    assert values["total_before_the_loop"] == 0


def test_readouts_agree_with_the_tiles_at_every_sampled_moment(held):
    held(
        "0.3",
        "total readout counts the tiles on the grid",
        "n readout is the last tested case",
        "p readout is n squared plus n plus 41",
        "primes readout counts the green tiles",
        source="printed",
    )
    held("0.3", "typed sum adds up to the total readout", source="derived")


def test_the_inductive_step_in_general(values):
    n = sp.symbols("n", positive=True, integer=True)
    # n² + n + n + 1 = (n + 1)², and the step's tiles are the (n + 1)-th odd number
    assert sp.expand(n**2 + n + n + 1 - (n + 1) ** 2) == 0
    assert sp.expand((n + n + 1) - (2 * (n + 1) - 1)) == 0
    six = 6
    assert values["general_square_tiles"] == six * six
    assert values["step_row_tiles"] == six
    assert values["step_column_tiles"] == six
    assert values["step_corner_tiles"] == 1
    assert values["step_layer_tiles"] == odd_sum(six + 1) - odd_sum(six) == 13
    np.testing.assert_allclose(values["step_side"], [six + 1] * 2, atol=1e-6)
    assert values["step_total_tiles"] == odd_sum(six + 1) == 49


def test_euler_polynomial_passes_forty_cases_then_fails(values):
    def p(k: int) -> int:
        return k * k + k + 41

    is_prime = sieve(p(40) + 1)
    passing = [k for k in range(40) if is_prime[p(k)]]
    assert passing == list(range(40))
    assert values["passing_cases"] == len(passing) == 40
    assert values["passing_cases_after_failure"] == 40
    assert values["last_passing_value"] == p(39) == 1601
    first_failure = next(k for k in range(100) if not is_prime[p(k)])
    assert values["failing_case_n"] == first_failure == 40
    assert values["failing_value"] == values["failing_value_typed"] == p(40) == 41 * 41
    assert values["failing_factors_typed"] == [41, 41]
    assert math.prod(values["failing_factors_typed"]) == p(40)
    assert values["failing_tiles"] == 1
