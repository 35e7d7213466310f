"""Discrete random variables: a function from a finite sample space to numbers, exactly.

A :class:`DiscreteRandomVariable` holds a finite sample space (each outcome with its
probability, as a :class:`~fractions.Fraction`) and the number the variable assigns to every
outcome. Its probability mass function, cumulative distribution function and interval
probabilities are sums of outcome probabilities, computed in exact fractions:

* ``pmf()[v]`` is ``P(X = v)``, the total probability of the outcomes mapped to ``v``;
* ``cdf(x)`` is ``P(X ≤ x)``, a step function of the real number ``x``;
* ``between(lo, hi)`` is ``P(lo ≤ X ≤ hi)``, equal to ``cdf(hi) − cdf(lo⁻)``.

:func:`two_dice_sum` builds the running example: the 36 ordered pairs of two fair dice,
mapped to the sum of their faces.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

__all__ = [
    "DiscreteRandomVariable",
    "two_dice_sum",
    "stack_order",
]


@dataclass(frozen=True)
class DiscreteRandomVariable:
    """A number for every outcome of a finite sample space.

    Parameters
    ----------
    outcomes
        The sample space, in a fixed order.
    probabilities
        ``P({ω})`` for each outcome; they must be non-negative and sum to exactly 1.
    values
        ``X(ω)`` for each outcome.
    """

    outcomes: tuple[Hashable, ...]
    probabilities: tuple[Fraction, ...]
    values: tuple[int, ...]

    def __post_init__(self) -> None:
        n = len(self.outcomes)
        if n == 0:
            raise ValueError("a sample space needs at least one outcome")
        if len(self.probabilities) != n or len(self.values) != n:
            raise ValueError("one probability and one value per outcome are required")
        if any(p < 0 for p in self.probabilities):
            raise ValueError("probabilities must be non-negative")
        if sum(self.probabilities, Fraction(0)) != 1:
            raise ValueError("the outcome probabilities must sum to 1")

    @classmethod
    def from_function(
        cls,
        outcomes: Iterable[Hashable],
        function: Callable[[Hashable], int],
        probabilities: Sequence[Fraction] | None = None,
    ) -> DiscreteRandomVariable:
        """``X = function`` on ``outcomes`` (equally likely unless ``probabilities`` given)."""
        space = tuple(outcomes)
        if probabilities is None:
            probs = tuple(Fraction(1, len(space)) for _ in space) if space else ()
        else:
            probs = tuple(Fraction(p) for p in probabilities)
        return cls(space, probs, tuple(int(function(w)) for w in space))

    # --- the distribution ---------------------------------------------------------------
    def support(self) -> tuple[int, ...]:
        """The values taken with positive probability, in increasing order."""
        return tuple(
            sorted({v for v, p in zip(self.values, self.probabilities, strict=True) if p > 0})
        )

    def preimage(self, value: int) -> tuple[Hashable, ...]:
        """The outcomes ``ω`` with ``X(ω) = value``, in sample-space order."""
        return tuple(w for w, v in zip(self.outcomes, self.values, strict=True) if v == value)

    def counts(self) -> dict[int, int]:
        """How many outcomes map to each value of the support."""
        return {v: len(self.preimage(v)) for v in self.support()}

    def pmf(self) -> dict[int, Fraction]:
        """``P(X = v)`` for every ``v`` of the support, exactly."""
        out = {v: Fraction(0) for v in self.support()}
        for v, p in zip(self.values, self.probabilities, strict=True):
            if p > 0:
                out[v] += p
        return out

    def cdf(self, x: float) -> Fraction:
        """``P(X ≤ x)`` for a real ``x``: flat between values of the support, jumping at them."""
        return sum(
            (p for v, p in zip(self.values, self.probabilities, strict=True) if v <= x),
            Fraction(0),
        )

    def cdf_steps(self) -> list[tuple[int, Fraction]]:
        """``(v, P(X ≤ v))`` at every value of the support: the staircase's corners."""
        total, out = Fraction(0), []
        for v, p in self.pmf().items():
            total += p
            out.append((v, total))
        return out

    def between(self, lo: int, hi: int) -> Fraction:
        """``P(lo ≤ X ≤ hi)`` as a sum of PMF values."""
        return sum((p for v, p in self.pmf().items() if lo <= v <= hi), Fraction(0))


def two_dice_sum(faces: int = 6) -> DiscreteRandomVariable:
    """The sum of two fair dice with ``faces`` faces: outcomes ``(a, b)``, row by row."""
    pairs = list(itertools.product(range(1, faces + 1), repeat=2))
    sums = {pair: a + b for pair in pairs for a, b in [pair]}
    return DiscreteRandomVariable.from_function(pairs, lambda w: sums[w])  # type: ignore[index]


def stack_order(variable: DiscreteRandomVariable) -> list[int]:
    """For each outcome (in sample-space order), its place in its value's stack: outcomes
    that land on the same value are stacked in sample-space order, from 0 at the bottom."""
    seen: dict[int, int] = {}
    out = []
    for v in variable.values:
        out.append(seen.get(v, 0))
        seen[v] = out[-1] + 1
    return out
