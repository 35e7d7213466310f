"""Hypothesis testing for an A/B test of two click-through rates.

Pure numerics (``math`` and ``numpy``): the two-proportion z test under the null hypothesis
"no difference" (pooled rate, standard error, z statistic, two-sided p-value), the normal
density of the difference under the null and the outline of its two tails, a permutation
test that shuffles the users' group labels with a seeded generator, and the histogram its
shuffled differences pile into. Rates and differences are in *percentage points* where the
pictures need them (a difference of 0.035 is 3.5 points).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "POINTS",
    "TwoProportions",
    "normal_density",
    "two_sided_p",
    "tail_outline",
    "click_order",
    "clicked",
    "permutation_differences",
    "Histogram",
    "histogram",
    "share_at_least",
]

#: percentage points per unit of rate (a rate of 0.12 is 12 points)
POINTS = 100.0


@dataclass(frozen=True)
class TwoProportions:
    """Two groups' successes out of their sizes: ``clicks_a`` of ``n_a``, ``clicks_b`` of
    ``n_b``.

    Attributes are in rates (0–1); :attr:`difference_points` and :attr:`se_points` give the
    difference and its standard error in percentage points.
    """

    clicks_a: int
    n_a: int
    clicks_b: int
    n_b: int

    def __post_init__(self) -> None:
        if self.n_a < 1 or self.n_b < 1:
            raise ValueError("each group needs at least one user")
        if not (0 <= self.clicks_a <= self.n_a and 0 <= self.clicks_b <= self.n_b):
            raise ValueError("clicks must lie between 0 and the group's size")

    @property
    def rate_a(self) -> float:
        """A's click-through rate."""
        return self.clicks_a / self.n_a

    @property
    def rate_b(self) -> float:
        """B's click-through rate."""
        return self.clicks_b / self.n_b

    @property
    def difference(self) -> float:
        """The observed statistic: B's rate minus A's."""
        return self.rate_b - self.rate_a

    @property
    def pooled(self) -> float:
        """The common rate the null hypothesis assumes: all clicks over all users."""
        return (self.clicks_a + self.clicks_b) / (self.n_a + self.n_b)

    @property
    def standard_error(self) -> float:
        """Standard deviation of the difference under the null (pooled rate)."""
        p = self.pooled
        return math.sqrt(p * (1.0 - p) * (1.0 / self.n_a + 1.0 / self.n_b))

    @property
    def z(self) -> float:
        """The difference in units of its standard error under the null."""
        return self.difference / self.standard_error

    @property
    def p_value(self) -> float:
        """Two-sided p-value of the normal approximation: ``P(|Z| ≥ |z|)``."""
        return two_sided_p(self.z)

    @property
    def difference_points(self) -> float:
        """The difference in percentage points."""
        return POINTS * self.difference

    @property
    def se_points(self) -> float:
        """The standard error in percentage points."""
        return POINTS * self.standard_error


def normal_density(x: ArrayLike, sd: float) -> NDArray[np.float64]:
    """Density of the normal distribution with mean 0 and standard deviation ``sd`` at ``x``."""
    if sd <= 0:
        raise ValueError("the standard deviation must be positive")
    x = np.asarray(x, dtype=float)
    return np.exp(-0.5 * (x / sd) ** 2) / (sd * math.sqrt(2.0 * math.pi))


def two_sided_p(z: float) -> float:
    """``P(|Z| ≥ |z|)`` for a standard normal ``Z``: ``erfc(|z| / √2)``."""
    return math.erfc(abs(z) / math.sqrt(2.0))


def tail_outline(sd: float, start: float, end: float, samples: int = 400) -> NDArray[np.float64]:
    """Closed outline ``(x, y)`` of the region under the null density between ``start`` and
    ``end`` (either order): along the axis from ``start`` to ``end``, then back along the
    curve. Its shoelace area is the probability of that interval (up to the trapezoid rule
    on ``samples`` points), signed by the direction ``start`` → ``end``.

    Returns
    -------
    Shape (samples + 2, 2).
    """
    if samples < 2:
        raise ValueError("at least two samples are needed")
    xs = np.linspace(start, end, samples)
    ys = normal_density(xs, sd)
    return np.vstack([[start, 0.0], [end, 0.0], np.column_stack([xs, ys])[::-1]])


def click_order(n: int, rng: np.random.Generator) -> NDArray[np.int64]:
    """A random rank for each of ``n`` users (in the order they arrive), drawn by ``rng``:
    with ``k`` clicks, the users ranked below ``k`` are the ones who clicked
    (:func:`clicked`), so fewer clicks keep a subset of the same users."""
    if n < 1:
        raise ValueError("at least one user is needed")
    return np.asarray(rng.permutation(n), dtype=np.int64)


def clicked(order: ArrayLike, clicks: int) -> NDArray[np.bool_]:
    """Which users clicked when ``clicks`` of them did: those ranked below ``clicks``."""
    ranks = np.asarray(order, dtype=np.int64)
    if not 0 <= clicks <= len(ranks):
        raise ValueError("clicks must lie between 0 and the number of users")
    return np.asarray(ranks < clicks, dtype=bool)


def permutation_differences(
    test: TwoProportions, shuffles: int, rng: np.random.Generator
) -> NDArray[np.float64]:
    """The null distribution by shuffling: pool every user's outcome, deal the pool out again
    at random into groups of ``n_a`` and ``n_b``, and record B's rate minus A's.

    One ``rng.permutation`` of the pooled outcomes (clicks first, then the rest) per shuffle,
    in order; the first ``n_a`` dealt go to A.
    """
    if shuffles < 1:
        raise ValueError("at least one shuffle is needed")
    pool = np.zeros(test.n_a + test.n_b, dtype=np.int64)
    pool[: test.clicks_a + test.clicks_b] = 1
    out = np.empty(shuffles, dtype=float)
    for i in range(shuffles):
        dealt = rng.permutation(pool)
        a = int(dealt[: test.n_a].sum())
        b = int(dealt[test.n_a :].sum())
        out[i] = b / test.n_b - a / test.n_a
    return out


@dataclass(frozen=True)
class Histogram:
    """Bars of width ``edges[i + 1] − edges[i]`` whose areas are the shares of the values
    that fall in them (a density over the x-axis' units)."""

    edges: NDArray[np.float64]
    counts: NDArray[np.int64]
    total: int

    @property
    def heights(self) -> NDArray[np.float64]:
        """Density heights: ``count / (total · width)``."""
        return self.counts / (self.total * np.diff(self.edges))


def histogram(values: ArrayLike, edges: ArrayLike, total: int | None = None) -> Histogram:
    """Count ``values`` into the bins ``[edges[i], edges[i + 1])``; heights are scaled by
    ``total`` (default: the number of values), so a partial pile grows towards the full one."""
    v = np.asarray(values, dtype=float)
    e = np.asarray(edges, dtype=float)
    counts = np.histogram(v, bins=e)[0].astype(np.int64)
    return Histogram(e, counts, len(v) if total is None else int(total))


def share_at_least(values: ArrayLike, cut: float) -> float:
    """The share of ``values`` at least as far from zero as ``cut``: ``mean(|v| ≥ |cut|)``."""
    v = np.abs(np.asarray(values, dtype=float))
    if v.size == 0:
        raise ValueError("no values")
    return float(np.mean(v >= abs(cut) - 1e-12))
