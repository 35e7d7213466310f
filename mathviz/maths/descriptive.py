"""Descriptive statistics: where a column of numbers sits and how far it spreads.

Exact where the answer is rational: the mean, the median and the variance are
:class:`~fractions.Fraction` values computed from the data as given (integers or exact
decimals); only the standard deviation, a square root, is a float. Also the pieces a
histogram of whole-number ratings needs: counts per category, the slot each arriving rating
lands in, the sorted order with its middle element, the signed deviations from a trial
balance point, and how many values fall inside a band.

Pure Python and numpy (no manim): :mod:`mathviz.primitives.histogram` draws these.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from fractions import Fraction

import numpy as np

__all__ = [
    "exact",
    "mean",
    "median",
    "modes",
    "variance",
    "std",
    "counts",
    "from_counts",
    "arrival_order",
    "stack_slots",
    "sorted_with_middle",
    "deviation_sum",
    "inside_band",
    "with_value_replaced",
]


def exact(value: float | int | Fraction) -> Fraction:
    """``value`` as an exact fraction: a float is read as the decimal it prints as
    (``0.1`` is one tenth), so that data typed as decimals stay exact."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, (int, np.integer)):
        return Fraction(int(value))
    return Fraction(repr(float(value)))


def _data(values: Iterable[float | int | Fraction]) -> list[Fraction]:
    data = [exact(v) for v in values]
    if not data:
        raise ValueError("descriptive statistics need at least one value")
    return data


def mean(values: Iterable[float | int | Fraction]) -> Fraction:
    """The arithmetic mean, exactly: the sum over the count."""
    data = _data(values)
    return sum(data, Fraction(0)) / len(data)


def median(values: Iterable[float | int | Fraction]) -> Fraction:
    """The middle value of the sorted data; for an even count, the midpoint of the two
    middle values."""
    data = sorted(_data(values))
    n = len(data)
    if n % 2:
        return data[n // 2]
    return (data[n // 2 - 1] + data[n // 2]) / 2


def modes(values: Iterable[float | int | Fraction]) -> list[Fraction]:
    """Every value that occurs most often, in increasing order (one for a unimodal column)."""
    data = _data(values)
    tally: dict[Fraction, int] = {}
    for v in data:
        tally[v] = tally.get(v, 0) + 1
    top = max(tally.values())
    return sorted(v for v, k in tally.items() if k == top)


def variance(values: Iterable[float | int | Fraction]) -> Fraction:
    """The population variance, exactly: the mean squared distance from the mean."""
    data = _data(values)
    m = sum(data, Fraction(0)) / len(data)
    return sum(((v - m) ** 2 for v in data), Fraction(0)) / len(data)


def std(values: Iterable[float | int | Fraction]) -> float:
    """The population standard deviation, the square root of :func:`variance`."""
    v = variance(values)
    return math.sqrt(v.numerator) / math.sqrt(v.denominator)


def counts(values: Iterable[int], categories: Sequence[int]) -> list[int]:
    """How many of ``values`` equal each category, in the categories' order."""
    data = list(values)
    unknown = sorted(set(data) - set(categories))
    if unknown:
        raise ValueError(f"values {unknown} are not among the categories {list(categories)}")
    return [sum(1 for v in data if v == c) for c in categories]


def from_counts(categories: Sequence[int], tally: Sequence[int]) -> list[int]:
    """The data a tally describes, sorted: each category repeated its count."""
    if len(categories) != len(tally):
        raise ValueError("one count per category is required")
    if any(k < 0 for k in tally):
        raise ValueError("counts cannot be negative")
    return [c for c, k in zip(categories, tally, strict=True) for _ in range(k)]


def arrival_order(values: Sequence[int], rng: np.random.Generator) -> list[int]:
    """The values in the order they arrive: a permutation drawn from ``rng``."""
    order = rng.permutation(len(values))
    return [int(values[i]) for i in order]


def stack_slots(arrivals: Sequence[int]) -> list[tuple[int, int]]:
    """Where each arriving value lands in a histogram of stacked tiles: ``(value, level)``,
    level 0 on the axis, each new tile of a value on top of the ones before it."""
    height: dict[int, int] = {}
    slots = []
    for v in arrivals:
        level = height.get(v, 0)
        slots.append((int(v), level))
        height[v] = level + 1
    return slots


def sorted_with_middle(values: Sequence[int]) -> tuple[list[int], int]:
    """The values sorted, and the index of the middle one (an odd count is required, so that
    one element is the median)."""
    if len(values) % 2 == 0:
        raise ValueError("an odd number of values has one middle element")
    return sorted(int(v) for v in values), len(values) // 2


def deviation_sum(values: Iterable[float | int | Fraction], at: float | Fraction) -> Fraction:
    """Σ (x − at): the signed distances from a trial balance point; zero exactly at the mean."""
    data = _data(values)
    return sum(data, Fraction(0)) - len(data) * exact(at)


def inside_band(values: Iterable[float | int | Fraction], low: float, high: float) -> int:
    """How many values lie in the closed band ``[low, high]``."""
    return sum(1 for v in _data(values) if exact(low) <= v <= exact(high))


def with_value_replaced(values: Sequence[float], index: int, value: float) -> list[float]:
    """A copy of ``values`` with element ``index`` set to ``value`` (an outlier dragged)."""
    if not -len(values) <= index < len(values):
        raise IndexError(f"no value {index} among {len(values)}")
    out = [float(v) for v in values]
    out[index] = float(value)
    return out
