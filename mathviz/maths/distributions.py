"""Four common distributions as plain models: Bernoulli, binomial, Poisson and normal.

Each model is a frozen dataclass holding its parameters, with its probabilities (a PMF over
whole numbers, or a density over the reals), its mean and its variance in closed form. The
closed forms are what a drawing of the distribution is measured against: a bar chart of a
PMF puts a mean marker at :attr:`mean` and a band of one standard deviation either side.

:func:`moments` computes a mean and a variance the long way, as probability-weighted sums
over a PMF (what a drawn bar chart implies), and :func:`normal_approximation` /
:func:`max_gap` compare a binomial with the normal curve of the same mean and variance (the
gap shrinks as the number of trials grows: the de Moivre–Laplace theorem).

Pure Python and numpy (``math.comb``, ``math.erf``, ``math.fsum``); no manim, no scipy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "Bernoulli",
    "Binomial",
    "Poisson",
    "Normal",
    "Discrete",
    "moments",
    "normal_approximation",
    "max_gap",
]

Floats = NDArray[np.float64]


def _check_probability(p: float) -> None:
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"a probability lies in [0, 1], got {p}")


@dataclass(frozen=True)
class Bernoulli:
    """One trial: ``1`` with probability ``p``, ``0`` otherwise.

    Examples
    --------
    >>> Bernoulli(0.3).probabilities().tolist(), round(Bernoulli(0.3).variance, 12)
    ([0.7, 0.3], 0.21)
    """

    p: float

    def __post_init__(self) -> None:
        _check_probability(self.p)

    @property
    def support(self) -> NDArray[np.int64]:
        """The values it takes: ``0`` and ``1``."""
        return np.arange(2)

    @property
    def largest(self) -> int | None:
        """The largest value it takes: ``1``."""
        return 1

    def probabilities(self, k_max: int | None = None) -> Floats:
        """``[P(0), P(1)]`` (``k_max`` is accepted for a common signature and ignored)."""
        return np.array([1.0 - self.p, self.p])

    @property
    def mean(self) -> float:
        """``p``."""
        return float(self.p)

    @property
    def variance(self) -> float:
        """``p (1 − p)``."""
        return float(self.p * (1.0 - self.p))


@dataclass(frozen=True)
class Binomial:
    """The number of successes in ``n`` independent trials, each a success with probability
    ``p``: the sum of ``n`` :class:`Bernoulli` variables.

    Examples
    --------
    >>> b = Binomial(10, 0.5)
    >>> b.mean, b.variance, round(float(b.probabilities()[5]), 6)
    (5.0, 2.5, 0.246094)
    """

    n: int
    p: float

    def __post_init__(self) -> None:
        if int(self.n) != self.n or self.n < 0:
            raise ValueError(f"the number of trials is a whole number >= 0, got {self.n}")
        _check_probability(self.p)

    @property
    def support(self) -> NDArray[np.int64]:
        """``0, 1, …, n``."""
        return np.arange(int(self.n) + 1)

    @property
    def largest(self) -> int | None:
        """The largest value it takes: ``n``."""
        return int(self.n)

    def pmf(self, k: int) -> float:
        """``C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ`` (zero off the support)."""
        n = int(self.n)
        if not 0 <= k <= n:
            return 0.0
        return float(math.comb(n, k) * self.p**k * (1.0 - self.p) ** (n - k))

    def probabilities(self, k_max: int | None = None) -> Floats:
        """``P(0), …, P(k_max)`` (``k_max`` defaults to ``n``; beyond ``n`` they are zero)."""
        top = int(self.n) if k_max is None else int(k_max)
        return np.array([self.pmf(k) for k in range(top + 1)], dtype=float)

    @property
    def mean(self) -> float:
        """``n p``."""
        return float(self.n * self.p)

    @property
    def variance(self) -> float:
        """``n p (1 − p)``."""
        return float(self.n * self.p * (1.0 - self.p))


@dataclass(frozen=True)
class Poisson:
    """The number of events in a unit of time when they arrive independently at an average
    rate ``lam`` (requests per second at a server).

    Examples
    --------
    >>> round(float(Poisson(2.0).probabilities(3)[2]), 6)
    0.270671
    """

    lam: float

    def __post_init__(self) -> None:
        if not (math.isfinite(self.lam) and self.lam > 0):
            raise ValueError(f"a Poisson rate is positive, got {self.lam}")

    @property
    def largest(self) -> int | None:
        """``None``: any count is possible."""
        return None

    def pmf(self, k: int) -> float:
        """``e^(−λ) λᵏ / k!`` (zero for negative ``k``)."""
        if k < 0:
            return 0.0
        return float(math.exp(k * math.log(self.lam) - self.lam - math.lgamma(k + 1)))

    def probabilities(self, k_max: int | None = None) -> Floats:
        """``P(0), …, P(k_max)`` (the support is unbounded: ``k_max`` is required)."""
        if k_max is None:
            raise ValueError("a Poisson PMF is drawn up to a chosen k_max")
        return np.array([self.pmf(k) for k in range(int(k_max) + 1)], dtype=float)

    @property
    def mean(self) -> float:
        """``λ``."""
        return float(self.lam)

    @property
    def variance(self) -> float:
        """``λ``: a Poisson count's variance equals its mean."""
        return float(self.lam)


#: a distribution over whole numbers, as drawn in a bar chart
Discrete = Bernoulli | Binomial | Poisson


@dataclass(frozen=True)
class Normal:
    """The normal (Gaussian) density with mean ``mu`` and standard deviation ``sigma``.

    Examples
    --------
    >>> round(Normal(0.0, 1.0).pdf(0.0), 6), round(Normal(1.0, 2.0).mass_between(-1.0, 3.0), 6)
    (0.398942, 0.682689)
    """

    mu: float
    sigma: float

    def __post_init__(self) -> None:
        if not (math.isfinite(self.sigma) and self.sigma > 0):
            raise ValueError(f"a standard deviation is positive, got {self.sigma}")

    def pdf(self, x: float) -> float:
        """``exp(−(x − μ)² / 2σ²) / (σ √(2π))`` at one point."""
        z = (float(x) - self.mu) / self.sigma
        return math.exp(-0.5 * z * z) / (self.sigma * math.sqrt(2.0 * math.pi))

    def densities(self, xs: ArrayLike) -> Floats:
        """The density at every ``x`` of ``xs`` (vectorised)."""
        z = (np.asarray(xs, dtype=float) - self.mu) / self.sigma
        return np.asarray(np.exp(-0.5 * z * z) / (self.sigma * math.sqrt(2.0 * math.pi)))

    def mass_between(self, a: float, b: float) -> float:
        """``P(a ≤ X ≤ b)``, from the error function."""
        scale = self.sigma * math.sqrt(2.0)
        return 0.5 * (math.erf((b - self.mu) / scale) - math.erf((a - self.mu) / scale))

    @property
    def peak(self) -> float:
        """The density's height at the mean, ``1 / (σ √(2π))``."""
        return self.pdf(self.mu)

    @property
    def mean(self) -> float:
        """``μ``."""
        return float(self.mu)

    @property
    def variance(self) -> float:
        """``σ²``."""
        return float(self.sigma**2)


def moments(ks: Sequence[float] | ArrayLike, probabilities: ArrayLike) -> tuple[float, float]:
    """Mean ``Σ k P(k)`` and variance ``Σ (k − mean)² P(k)`` of a PMF given as values and
    their probabilities (exactly rounded sums: :func:`math.fsum`)."""
    k = [float(v) for v in np.asarray(ks, dtype=float)]
    p = [float(v) for v in np.asarray(probabilities, dtype=float)]
    if len(k) != len(p):
        raise ValueError("one probability per value")
    mean = math.fsum(a * b for a, b in zip(k, p, strict=True))
    variance = math.fsum((a - mean) ** 2 * b for a, b in zip(k, p, strict=True))
    return mean, variance


def normal_approximation(b: Binomial) -> Normal:
    """The normal with the binomial's mean ``n p`` and variance ``n p (1 − p)``."""
    if b.variance <= 0:
        raise ValueError("a binomial with p = 0 or 1 has no spread to approximate")
    return Normal(b.mean, math.sqrt(b.variance))


def max_gap(b: Binomial, k_max: int | None = None) -> float:
    """The largest ``|P(k) − φ(k)|`` over ``k = 0 … k_max`` (default ``n``), ``φ`` the density
    of :func:`normal_approximation`: how far the bars are from the curve at their centres."""
    top = int(b.n) if k_max is None else int(k_max)
    curve = normal_approximation(b)
    return max(abs(b.pmf(k) - curve.pdf(k)) for k in range(top + 1))
