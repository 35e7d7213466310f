"""Sampling theory: means of repeated samples, their standard error, and how they pile up.

A *population* is a distribution we can draw from; here the exponential distribution of a
service's request latencies (:class:`ExponentialPopulation`): skewed, with mean ``μ`` and
standard deviation ``σ`` both equal to its scale. Drawing ``count`` samples of ``n`` values
each and averaging every sample (:func:`draw_sample_means`) gives ``count`` sample means.
The central limit theorem says those means spread like the normal ``N(μ, σ²/n)``: their
standard deviation, the *standard error* :func:`standard_error`, is ``σ/√n``.

To draw the means as a pile of tiles, :class:`Binning` puts each mean in a bin of fixed
width and gives it a level: how many earlier means landed in the same bin. Each tile then
stands for ``1 / (count · width)`` of density, so the whole pile has area one and can be
compared with a density such as :func:`normal_pdf`. :func:`binned_mean_and_spread` measures
the centre and spread of a pile from its bin counts (what a viewer can see of it).

Randomness only through a :class:`numpy.random.Generator` passed in; numpy and math only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "ExponentialPopulation",
    "SampleMeans",
    "draw_sample_means",
    "standard_error",
    "empirical_spread",
    "Binning",
    "binned_mean_and_spread",
    "normal_pdf",
]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


@dataclass(frozen=True)
class ExponentialPopulation:
    """The exponential distribution with the given mean (its scale).

    Parameters
    ----------
    mean
        ``μ``, the average value; the rate is ``1/μ``.
    """

    mean: float

    def __post_init__(self) -> None:
        if not self.mean > 0:
            raise ValueError("an exponential population needs a positive mean")

    @property
    def std(self) -> float:
        """``σ``: for the exponential distribution it equals the mean."""
        return float(self.mean)

    def pdf(self, x: ArrayLike) -> FloatArray:
        """Density ``e^(−x/μ)/μ`` for ``x ≥ 0``, zero below."""
        xs = np.asarray(x, dtype=float)
        safe = np.maximum(xs, 0.0)
        return np.where(xs >= 0, np.exp(-safe / self.mean) / self.mean, 0.0)

    def draw(self, rng: np.random.Generator, size: int | tuple[int, ...]) -> FloatArray:
        """``size`` independent values, from ``rng``."""
        return np.asarray(rng.exponential(self.mean, size), dtype=float)


@dataclass(frozen=True)
class SampleMeans:
    """``count`` samples of ``n`` values each (``draws``, one row per sample)."""

    n: int
    draws: FloatArray

    @property
    def count(self) -> int:
        """How many samples (and means)."""
        return int(self.draws.shape[0])

    @property
    def means(self) -> FloatArray:
        """The average of every sample, in the order drawn."""
        return np.asarray(self.draws.mean(axis=1), dtype=float)


def draw_sample_means(
    population: ExponentialPopulation, n: int, count: int, rng: np.random.Generator
) -> SampleMeans:
    """Draw ``count`` samples of ``n`` values from ``population`` (one ``(count, n)`` call
    on ``rng``, row by row) and keep them with their means."""
    if n < 1 or count < 1:
        raise ValueError("need n >= 1 and count >= 1")
    return SampleMeans(n, population.draw(rng, (count, n)))


def standard_error(sigma: float, n: int) -> float:
    """``σ/√n``: the standard deviation of the mean of ``n`` independent values."""
    if n < 1:
        raise ValueError("n must be at least 1")
    return float(sigma) / math.sqrt(n)


def empirical_spread(values: ArrayLike) -> float:
    """The standard deviation of ``values`` as a set (divided by their number)."""
    xs = np.asarray(values, dtype=float)
    if xs.size == 0:
        raise ValueError("no values")
    return float(np.sqrt(np.mean((xs - xs.mean()) ** 2)))


@dataclass(frozen=True)
class Binning:
    """Bins of equal ``width`` covering ``[lo, hi)``."""

    lo: float
    hi: float
    width: float

    def __post_init__(self) -> None:
        bins = (self.hi - self.lo) / self.width
        if self.width <= 0 or bins < 1 or abs(bins - round(bins)) > 1e-9:
            raise ValueError("the bins must tile [lo, hi) exactly")

    @property
    def bins(self) -> int:
        """How many bins."""
        return round((self.hi - self.lo) / self.width)

    @property
    def centers(self) -> FloatArray:
        """The middle of every bin."""
        return np.asarray(self.lo + self.width * (np.arange(self.bins) + 0.5), dtype=np.float64)

    def index(self, values: ArrayLike) -> IntArray:
        """The bin of each value; a value outside ``[lo, hi)`` is an error."""
        xs = np.asarray(values, dtype=float)
        if np.any(xs < self.lo) or np.any(xs >= self.hi):
            raise ValueError(f"values outside [{self.lo}, {self.hi})")
        found = np.floor((xs - self.lo) / self.width).astype(np.int64)
        return np.minimum(found, self.bins - 1)

    def stack(self, values: ArrayLike) -> tuple[IntArray, IntArray]:
        """Each value's bin and level: the number of earlier values in the same bin."""
        bins = self.index(values)
        seen = np.zeros(self.bins, dtype=np.int64)
        levels = np.zeros(len(bins), dtype=np.int64)
        for i, b in enumerate(bins):
            levels[i] = seen[b]
            seen[b] += 1
        return bins, levels

    def counts(self, values: ArrayLike) -> IntArray:
        """How many values fall in every bin."""
        return np.bincount(self.index(values), minlength=self.bins).astype(np.int64)


def binned_mean_and_spread(counts: ArrayLike, centers: ArrayLike) -> tuple[float, float]:
    """Mean and standard deviation of a pile, each value standing at its bin's centre."""
    c = np.asarray(counts, dtype=float)
    x = np.asarray(centers, dtype=float)
    total = float(c.sum())
    if total <= 0:
        raise ValueError("an empty pile has no mean")
    mean = float(np.sum(c * x) / total)
    return mean, float(np.sqrt(np.sum(c * (x - mean) ** 2) / total))


def normal_pdf(x: ArrayLike, mu: float, sd: float) -> FloatArray:
    """The density of ``N(mu, sd²)``."""
    if sd <= 0:
        raise ValueError("sd must be positive")
    z = (np.asarray(x, dtype=float) - mu) / sd
    return np.asarray(np.exp(-0.5 * z * z) / (sd * math.sqrt(2 * math.pi)), dtype=float)
