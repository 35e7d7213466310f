"""Mathematical notation unrolled into loops: Σ, Π and argmin over small data.

A big operator is a loop with an accumulator. ``Σ`` starts the accumulator at 0 and adds
each term, ``Π`` starts it at 1 and multiplies, ``argmin`` starts with no best candidate
and an infinite best value and keeps whichever candidate beats it. :class:`Unrolled` records
such a loop iteration by iteration (the term, and the accumulator after it), so that a
drawing can show each pass; :func:`running_argmin` does the same for argmin.

Pure Python: exact when given :class:`fractions.Fraction` (or integer) inputs, floats
otherwise. No drawing here: :mod:`mathviz.primitives.notation` draws from these.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

__all__ = [
    "Number",
    "Operator",
    "IDENTITY",
    "Unrolled",
    "unroll",
    "unroll_sum",
    "unroll_product",
    "squared_errors",
    "sum_of_squared_errors",
    "ArgminStep",
    "running_argmin",
    "argmin",
]

#: a value the loops accept: exact (int, Fraction) or float
Number = int | float | Fraction
#: the big operators :func:`unroll` knows
Operator = Literal["sum", "product"]
#: where each operator's accumulator starts: the identity of its binary operation
IDENTITY: dict[str, int] = {"sum": 0, "product": 1}
_STEP: dict[str, Callable[[Number, Number], Number]] = {
    "sum": operator.add,
    "product": operator.mul,
}


@dataclass(frozen=True)
class Unrolled:
    """A Σ or Π written out as the loop that computes it.

    Attributes
    ----------
    op
        ``"sum"`` (``total += term``) or ``"product"`` (``total *= term``).
    terms
        The term of each iteration, in loop order.
    initial
        The accumulator before the first iteration (0 for a sum, 1 for a product).
    partials
        The accumulator after each iteration; ``partials[-1]`` is the result.
    """

    op: Operator
    terms: tuple[Number, ...]
    initial: Number
    partials: tuple[Number, ...]

    @property
    def n(self) -> int:
        """Number of iterations (terms)."""
        return len(self.terms)

    @property
    def result(self) -> Number:
        """The value of the whole expression (the initial value for an empty loop)."""
        return self.partials[-1] if self.partials else self.initial

    def before(self, i: int) -> Number:
        """The accumulator when iteration ``i`` (0-based) starts."""
        if not 0 <= i < self.n:
            raise IndexError(f"iteration {i} of {self.n}")
        return self.initial if i == 0 else self.partials[i - 1]


def unroll(op: Operator, terms: Sequence[Number]) -> Unrolled:
    """The loop behind ``Σ terms`` (``op="sum"``) or ``Π terms`` (``op="product"``).

    Raises
    ------
    ValueError
        An unknown operator.
    """
    if op not in _STEP:
        raise ValueError(f"unknown operator {op!r}; one of {', '.join(_STEP)}")
    step = _STEP[op]
    total: Number = IDENTITY[op]
    partials: list[Number] = []
    for term in terms:
        total = step(total, term)
        partials.append(total)
    return Unrolled(op, tuple(terms), IDENTITY[op], tuple(partials))


def unroll_sum(terms: Sequence[Number]) -> Unrolled:
    """``Σᵢ termsᵢ`` as a loop: ``total = 0; for t in terms: total += t``."""
    return unroll("sum", terms)


def unroll_product(factors: Sequence[Number]) -> Unrolled:
    """``Πᵢ factorsᵢ`` as a loop: ``total = 1; for f in factors: total *= f``."""
    return unroll("product", factors)


def squared_errors(y: Sequence[Number], y_hat: Sequence[Number]) -> tuple[Number, ...]:
    """The terms ``(yᵢ − ŷᵢ)²`` of a sum of squared errors.

    Raises
    ------
    ValueError
        ``y`` and ``y_hat`` differ in length.
    """
    if len(y) != len(y_hat):
        raise ValueError(f"y and y_hat differ in length ({len(y)} vs {len(y_hat)})")
    return tuple((a - b) ** 2 for a, b in zip(y, y_hat, strict=True))


def sum_of_squared_errors(y: Sequence[Number], y_hat: Sequence[Number]) -> Unrolled:
    """``Σᵢ (yᵢ − ŷᵢ)²`` unrolled: each squared error and the running total."""
    return unroll_sum(squared_errors(y, y_hat))


@dataclass(frozen=True)
class ArgminStep:
    """One pass of the argmin loop.

    Attributes
    ----------
    index
        The candidate looked at in this pass (0-based).
    value
        Its value (loss).
    best
        The index of the smallest value seen so far (after this pass).
    best_value
        That smallest value.
    improved
        Whether this candidate became the new best.
    """

    index: int
    value: Number
    best: int
    best_value: Number
    improved: bool


def running_argmin(values: Sequence[Number]) -> tuple[ArgminStep, ...]:
    """The argmin loop, pass by pass: ``best, low = None, inf``, then for each candidate
    ``if value < low: best, low = k, value``. Ties keep the earlier candidate (as
    ``numpy.argmin`` does).

    Raises
    ------
    ValueError
        No values, or a value that is NaN.
    """
    if not values:
        raise ValueError("argmin of no values")
    steps: list[ArgminStep] = []
    best: int | None = None
    low: Number = math.inf
    for k, value in enumerate(values):
        if isinstance(value, float) and math.isnan(value):
            raise ValueError(f"value {k} is NaN")
        improved = value < low
        if improved:
            best, low = k, value
        assert best is not None  # the first value is below infinity
        steps.append(ArgminStep(k, value, best, low, improved))
    return tuple(steps)


def argmin(values: Sequence[Number]) -> int:
    """The index of the smallest value (the first one on a tie)."""
    return running_argmin(values)[-1].best
