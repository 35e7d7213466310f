"""Estimation: the likelihood of a coin's bias, and confidence intervals from repeated samples.

:class:`CoinLikelihood` is the likelihood of the chance of heads ``p`` after ``heads`` heads in
``tosses`` tosses, ``L(p) = p^h (1 − p)^(n − h)``, with its derivative, its logarithm and its
maximiser ``p̂ = h / n`` (closed form). :func:`t_interval` and :func:`normal_interval` put a
confidence interval around a sample's mean; :class:`RepeatedSamples` draws many samples of a
discrete population from a seeded :class:`numpy.random.Generator`, one interval each, and
says which of them cover the population's true mean.

numpy, math, statistics and ``scipy.special`` (the t quantile) only; no manim.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from statistics import NormalDist

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import stdtrit

__all__ = [
    "CoinLikelihood",
    "t_critical",
    "t_interval",
    "normal_interval",
    "population_mean",
    "RepeatedSamples",
]

Floats = NDArray[np.float64]


@dataclass(frozen=True)
class CoinLikelihood:
    """The likelihood of the chance of heads after ``heads`` heads in ``tosses`` tosses.

    Parameters
    ----------
    heads
        Heads seen, ``0 <= heads <= tosses``.
    tosses
        Tosses made, at least one.

    Examples
    --------
    >>> CoinLikelihood(7, 10).mle
    0.7
    """

    heads: int
    tosses: int

    def __post_init__(self) -> None:
        if self.tosses < 1 or not 0 <= self.heads <= self.tosses:
            raise ValueError(f"need 0 <= heads <= tosses and tosses >= 1, got {self}")

    @property
    def tails(self) -> int:
        """Tails seen."""
        return self.tosses - self.heads

    @property
    def mle(self) -> float:
        """The maximum likelihood estimate ``p̂ = heads / tosses``."""
        return self.heads / self.tosses

    def __call__(self, p: float) -> float:
        """``L(p) = p^heads (1 − p)^tails`` (the probability of this exact sequence)."""
        self._check(p)
        return float(p**self.heads * (1.0 - p) ** self.tails)

    def curve(self, ps: ArrayLike) -> Floats:
        """``L`` at every ``p`` of ``ps`` (vectorised)."""
        x = np.asarray(ps, dtype=np.float64)
        return np.asarray(x**self.heads * (1.0 - x) ** self.tails, dtype=np.float64)

    def derivative(self, p: float) -> float:
        """``L′(p) = p^(h−1) (1 − p)^(t−1) (h − n p)``, written out by hand."""
        self._check(p)
        h, t = self.heads, self.tails
        d_head = h * p ** (h - 1) if h else 0.0  # d/dp p^h
        d_tail = -t * (1.0 - p) ** (t - 1) if t else 0.0  # d/dp (1 − p)^t
        return float(d_head * (1.0 - p) ** t + p**h * d_tail)

    def log(self, p: float) -> float:
        """``log L(p) = h log p + t log(1 − p)`` (``-inf`` where ``L`` is zero)."""
        self._check(p)
        value = self(p)
        return math.log(value) if value > 0 else -math.inf

    @staticmethod
    def _check(p: float) -> None:
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"a chance of heads lies in [0, 1], got {p}")


def t_critical(level: float, df: int) -> float:
    """The two-sided Student-t critical value: ``t`` with ``P(|T| <= t) = level`` for ``df``
    degrees of freedom (``scipy.special.stdtrit``)."""
    if not 0.0 < level < 1.0 or df < 1:
        raise ValueError(f"need 0 < level < 1 and df >= 1, got {level}, {df}")
    return float(stdtrit(df, 0.5 + level / 2.0))


def t_interval(sample: ArrayLike, level: float = 0.95) -> tuple[float, float]:
    """``x̄ ± t · s / √n``: the t confidence interval for the mean of ``sample``."""
    x = np.asarray(sample, dtype=np.float64)
    n = x.size
    if n < 2:
        raise ValueError("a t interval needs at least two observations")
    mean = float(np.sum(x) / n)
    s = math.sqrt(float(np.sum((x - mean) ** 2)) / (n - 1))
    half = t_critical(level, n - 1) * s / math.sqrt(n)
    return mean - half, mean + half


def normal_interval(sample: ArrayLike, sigma: float, level: float = 0.95) -> tuple[float, float]:
    """``x̄ ± z · σ / √n``: the interval for the mean when the spread ``σ`` is known."""
    x = np.asarray(sample, dtype=np.float64)
    if x.size < 1 or sigma <= 0:
        raise ValueError("need at least one observation and sigma > 0")
    z = NormalDist().inv_cdf(0.5 + level / 2.0)
    mean = float(np.mean(x))
    half = z * sigma / math.sqrt(x.size)
    return mean - half, mean + half


def population_mean(values: ArrayLike, probs: ArrayLike) -> float:
    """The mean of a discrete population: ``Σ value · probability``."""
    v, p = np.asarray(values, dtype=np.float64), np.asarray(probs, dtype=np.float64)
    if v.shape != p.shape or not math.isclose(float(p.sum()), 1.0, abs_tol=1e-12):
        raise ValueError("values and probabilities must match and the probabilities sum to 1")
    return math.fsum((v * p).tolist())


@dataclass(frozen=True)
class RepeatedSamples:
    """``count`` samples of ``size`` draws each from a discrete population, one interval each.

    The draws are ``rng.choice(values, size=(count, size), p=probs)``: row ``k`` is sample
    ``k``. Each sample gets a t interval at ``level``.

    Parameters
    ----------
    values, probs
        The population: each value and its probability.
    size
        Draws per sample.
    count
        Samples drawn.
    rng
        The seeded generator the samples come from.
    level
        The intervals' confidence level.
    """

    values: tuple[float, ...]
    probs: tuple[float, ...]
    size: int
    count: int
    rng: np.random.Generator = field(repr=False)
    level: float = 0.95
    samples: Floats = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.size < 2 or self.count < 1:
            raise ValueError("need at least two draws per sample and one sample")
        draws = self.rng.choice(np.asarray(self.values), size=(self.count, self.size), p=self.probs)
        object.__setattr__(self, "samples", np.asarray(draws, dtype=np.float64))

    @property
    def true_mean(self) -> float:
        """The population's mean (what every interval tries to cover)."""
        return population_mean(self.values, self.probs)

    @property
    def means(self) -> Floats:
        """Each sample's mean."""
        return np.asarray(self.samples.mean(axis=1), dtype=np.float64)

    @property
    def intervals(self) -> Floats:
        """Each sample's interval, ``(count, 2)``: low and high ends."""
        return np.array([t_interval(row, self.level) for row in self.samples], dtype=np.float64)

    @property
    def covers(self) -> NDArray[np.bool_]:
        """Whether each interval contains the true mean."""
        ends, mu = self.intervals, self.true_mean
        return np.asarray((ends[:, 0] <= mu) & (mu <= ends[:, 1]))

    def running_share(self) -> Floats:
        """The share of the first ``k`` intervals that cover, for ``k = 1 … count``."""
        hits = np.cumsum(self.covers)
        return np.asarray(hits / np.arange(1, self.count + 1), dtype=np.float64)
