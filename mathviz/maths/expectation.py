"""Expectation, variance and the law of large numbers for a finite game of chance.

A :class:`DiscreteGame` is a random variable with finitely many outcomes (winnings) and their
probabilities, both held exactly as fractions: its mean (the balance point of the outcomes
weighted by their probabilities), its variance (the probability-weighted average of the
squared deviations from the mean) and the net turning moment about any point (zero exactly
at the mean). :func:`simulate` plays the game with a seeded generator by inverting the
cumulative distribution, and :func:`running_mean` gives the average after every round.

Pure Python and numpy; no manim.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import numpy.typing as npt

__all__ = ["DiscreteGame", "tilt_angle", "simulate", "running_mean"]


def _exact(x: int | float | str | Fraction) -> Fraction:
    """``x`` as a fraction (a float at its shortest decimal spelling)."""
    if isinstance(x, float):
        return Fraction(repr(x))
    return Fraction(x)


@dataclass(frozen=True)
class DiscreteGame:
    """A random variable with finitely many outcomes, held exactly.

    Parameters
    ----------
    outcomes
        The values the game pays (negative: a loss), distinct.
    probabilities
        One probability per outcome, each in (0, 1], summing to exactly one.

    Examples
    --------
    >>> g = DiscreteGame.of((100, -200), ("1/3", "2/3"))
    >>> g.mean(), g.variance()
    (Fraction(-100, 1), Fraction(20000, 1))
    """

    outcomes: tuple[Fraction, ...]
    probabilities: tuple[Fraction, ...]

    def __post_init__(self) -> None:
        if len(self.outcomes) != len(self.probabilities) or not self.outcomes:
            raise ValueError("a game needs one probability per outcome, and at least one")
        if len(set(self.outcomes)) != len(self.outcomes):
            raise ValueError("outcomes must be distinct")
        if any(not 0 < p <= 1 for p in self.probabilities):
            raise ValueError("every probability must lie in (0, 1]")
        if sum(self.probabilities, Fraction(0)) != 1:
            raise ValueError("probabilities must sum to exactly one")

    @classmethod
    def of(
        cls,
        outcomes: tuple[int | float | str | Fraction, ...],
        probabilities: tuple[int | float | str | Fraction, ...],
    ) -> DiscreteGame:
        """A game from numbers or strings such as ``"1/3"`` (read exactly)."""
        return cls(tuple(_exact(x) for x in outcomes), tuple(_exact(p) for p in probabilities))

    def mean(self) -> Fraction:
        """E[X] = Σ p·x, exactly."""
        return sum(
            (p * x for x, p in zip(self.outcomes, self.probabilities, strict=True)), Fraction(0)
        )

    def moment(self, about: int | float | Fraction) -> Fraction:
        """The net turning moment Σ p·(x − about) of the weights about a point: positive when
        the weight sits to the right (the beam tips right), zero exactly at the mean."""
        a = _exact(about) if not isinstance(about, Fraction) else about
        return sum(
            (p * (x - a) for x, p in zip(self.outcomes, self.probabilities, strict=True)),
            Fraction(0),
        )

    def deviations(self) -> tuple[Fraction, ...]:
        """Each outcome's signed distance from the mean, x − E[X]."""
        mu = self.mean()
        return tuple(x - mu for x in self.outcomes)

    def squared_deviations(self) -> tuple[Fraction, ...]:
        """(x − E[X])² per outcome: the areas of the squares drawn from the mean."""
        return tuple(d * d for d in self.deviations())

    def weighted_squares(self) -> tuple[Fraction, ...]:
        """p·(x − E[X])² per outcome: each square's area scaled by its probability."""
        return tuple(
            p * s for p, s in zip(self.probabilities, self.squared_deviations(), strict=True)
        )

    def variance(self) -> Fraction:
        """Var[X] = Σ p·(x − E[X])², exactly."""
        return sum(self.weighted_squares(), Fraction(0))

    def std(self) -> float:
        """The standard deviation √Var[X] (a float: it is irrational in general)."""
        return math.sqrt(self.variance())


def tilt_angle(moment: float, *, scale: float, max_angle: float) -> float:
    """The angle (radians, counter-clockwise positive) a beam tips under a net ``moment``.

    A weight to the right (positive moment) tips the beam clockwise; the angle saturates
    smoothly at ``max_angle`` (``max_angle · tanh(moment / scale)``) and is zero exactly
    when the moment is zero.
    """
    if scale <= 0 or max_angle < 0:
        raise ValueError("scale must be positive and max_angle non-negative")
    return -max_angle * math.tanh(moment / scale)


def simulate(game: DiscreteGame, rounds: int, rng: np.random.Generator) -> npt.NDArray[np.float64]:
    """Play ``rounds`` rounds: one uniform draw ``u`` per round from ``rng``, mapped through
    the inverse of the cumulative distribution (the smallest outcome ``x`` with
    P(X ≤ x) ≥ u)."""
    if rounds < 1:
        raise ValueError("play at least one round")
    order = sorted(range(len(game.outcomes)), key=lambda i: game.outcomes[i])
    values = np.array([float(game.outcomes[i]) for i in order])
    cumulative = np.cumsum([float(game.probabilities[i]) for i in order])
    cumulative[-1] = 1.0
    u = rng.random(rounds)
    index = np.searchsorted(cumulative, u, side="left")
    return np.asarray(values[np.minimum(index, len(values) - 1)], dtype=np.float64)


def running_mean(results: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """The average of the first ``n`` results, for every ``n`` from 1."""
    data = np.asarray(results, dtype=np.float64)
    return np.asarray(np.cumsum(data) / np.arange(1, len(data) + 1), dtype=np.float64)
