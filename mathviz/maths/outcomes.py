"""Finite sample spaces, events as predicates, exact probabilities, and seeded coin tosses.

A *sample space* here is a finite tuple of equally likely outcomes; two dice give the 36
pairs ``(first, second)``. An *event* is a predicate on outcomes: the outcomes where it holds
are its cells, and its probability is their share of the space as an exact
:class:`~fractions.Fraction`. Complement, union and intersection combine predicates, and
:func:`inclusion_exclusion` returns the four numbers of ``P(A ∪ B) = P(A) + P(B) − P(A ∩ B)``.

The coin half: :func:`toss_coins` draws a seeded sequence of tosses (1 = heads) from a
:class:`numpy.random.Generator` passed in, :func:`running_frequency` is the share of heads
after each toss, and :func:`log_spaced_counts` picks the toss counts a log-scaled plot needs.

Pure Python and numpy (no manim): :mod:`mathviz.primitives.outcome_grid` draws these.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from itertools import product

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "Outcome",
    "Predicate",
    "Event",
    "SampleSpace",
    "two_dice",
    "complement",
    "union",
    "intersection",
    "inclusion_exclusion",
    "toss_coins",
    "running_frequency",
    "log_spaced_counts",
]

#: one outcome: the faces shown, in order (first die, second die)
Outcome = tuple[int, ...]
#: an event as a test on outcomes
Predicate = Callable[[Outcome], bool]


@dataclass(frozen=True)
class Event:
    """A named event: ``name`` for people, ``holds`` for outcomes."""

    name: str
    holds: Predicate

    def __call__(self, outcome: Outcome) -> bool:
        return bool(self.holds(outcome))


@dataclass(frozen=True)
class SampleSpace:
    """Equally likely outcomes, in a fixed order."""

    outcomes: tuple[Outcome, ...]

    def __post_init__(self) -> None:
        if not self.outcomes:
            raise ValueError("a sample space needs at least one outcome")
        if len(set(self.outcomes)) != len(self.outcomes):
            raise ValueError("outcomes must be distinct")

    def __len__(self) -> int:
        return len(self.outcomes)

    def cells(self, event: Predicate) -> tuple[Outcome, ...]:
        """The outcomes where ``event`` holds, in the space's order."""
        return tuple(o for o in self.outcomes if event(o))

    def count(self, event: Predicate) -> int:
        """How many outcomes ``event`` holds for."""
        return len(self.cells(event))

    def probability(self, event: Predicate) -> Fraction:
        """``P(event)``: its outcomes' share of the space, exactly."""
        return Fraction(self.count(event), len(self.outcomes))


def two_dice(sides: int = 6) -> SampleSpace:
    """The ``sides²`` ordered pairs of two dice, first die varying slowest.

    Examples
    --------
    >>> space = two_dice()
    >>> len(space), space.probability(lambda o: o[0] + o[1] == 7)
    (36, Fraction(1, 6))
    """
    if int(sides) != sides or sides < 1:
        raise ValueError(f"a die needs a whole number of sides ≥ 1, not {sides!r}")
    faces = range(1, sides + 1)
    return SampleSpace(tuple(product(faces, faces)))


def complement(event: Event) -> Event:
    """``not A``: the outcomes where ``A`` does not hold."""
    return Event(f"not {event.name}", lambda o: not event(o))


def union(a: Event, b: Event) -> Event:
    """``A ∪ B``: the outcomes where either holds."""
    return Event(f"{a.name} or {b.name}", lambda o: a(o) or b(o))


def intersection(a: Event, b: Event) -> Event:
    """``A ∩ B``: the outcomes where both hold."""
    return Event(f"{a.name} and {b.name}", lambda o: a(o) and b(o))


def inclusion_exclusion(
    space: SampleSpace, a: Event, b: Event
) -> tuple[Fraction, Fraction, Fraction, Fraction]:
    """``(P(A), P(B), P(A ∩ B), P(A) + P(B) − P(A ∩ B))``, exactly."""
    pa, pb = space.probability(a), space.probability(b)
    both = space.probability(intersection(a, b))
    return pa, pb, both, pa + pb - both


def toss_coins(rng: np.random.Generator, n: int) -> NDArray[np.int64]:
    """``n`` fair coin tosses drawn from ``rng``: 1 for heads, 0 for tails."""
    if int(n) != n or n < 1:
        raise ValueError(f"need a whole number of tosses ≥ 1, not {n!r}")
    return np.asarray(rng.integers(0, 2, size=int(n)), dtype=np.int64)


def running_frequency(tosses: NDArray[np.int64]) -> NDArray[np.float64]:
    """The share of heads after each toss: element ``k`` covers tosses ``1 … k + 1``."""
    flips = np.asarray(tosses, dtype=np.int64)
    if flips.ndim != 1 or not len(flips) or not np.isin(flips, (0, 1)).all():
        raise ValueError("tosses must be a non-empty sequence of 0s and 1s")
    return np.cumsum(flips) / np.arange(1, len(flips) + 1, dtype=np.float64)


def log_spaced_counts(n_max: int, *, dense_to: int = 20, per_decade: int = 60) -> tuple[int, ...]:
    """Toss counts for a plot on a log axis: every count up to ``dense_to``, then about
    ``per_decade`` counts per decade, always ending at ``n_max``."""
    if n_max < 1 or dense_to < 1 or per_decade < 1:
        raise ValueError("n_max, dense_to and per_decade must be at least 1")
    dense = set(range(1, min(dense_to, n_max) + 1))
    decades = np.log10(n_max)
    spaced = np.round(np.logspace(0.0, decades, int(np.ceil(decades * per_decade)) + 1))
    counts = dense | {int(c) for c in spaced} | {int(n_max)}
    return tuple(sorted(c for c in counts if 1 <= c <= n_max))
