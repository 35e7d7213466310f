"""KL divergence as pictures: shares of star ratings, per-outcome terms, and a model that moves.

The 10.4 lecture compares the true shares of the star ratings 1–5 in the recommender's table
(:func:`rating_shares`) with a model's predicted shares. Three things are drawn from one
small state, :class:`ModelShares`:

* the model's shares ``q`` — the starting prediction, with one outcome's share squeezed
  towards zero (the others rescaled so they still sum to 1, :func:`squeeze`), and then mixed
  towards the truth along the straight path ``(1 − t) q + t p`` (:func:`mix`);
* the per-outcome terms ``pᵢ log(pᵢ / qᵢ)`` (:func:`kl_terms`), negative where the model
  over-predicts, and summing to ``KL(p‖q) ≥ 0``;
* the entropy, cross-entropy and both directions of the divergence
  (:mod:`mathviz.maths.information`).

No manim here; the drawing lives in :mod:`mathviz.primitives.divergence_bars`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathviz.maths.information import (
    BITS,
    as_distribution,
    cross_entropy,
    entropy,
    kl_divergence,
)

__all__ = [
    "rating_shares",
    "kl_terms",
    "squeeze",
    "mix",
    "stacked_sum",
    "ModelShares",
]

Floats = NDArray[np.float64]


def rating_shares(ratings: Iterable[int], levels: int = 5) -> Floats:
    """The share of each rating ``1 … levels`` among ``ratings``.

    Raises
    ------
    ValueError
        If there are no ratings or one lies outside ``1 … levels``.
    """
    values = np.asarray(list(ratings), dtype=int).ravel()
    if values.size == 0:
        raise ValueError("no ratings to count")
    if values.min() < 1 or values.max() > levels:
        raise ValueError(f"ratings must lie in 1…{levels}")
    counts = np.bincount(values - 1, minlength=levels)
    return np.asarray(counts / values.size, dtype=np.float64)


def kl_terms(p: ArrayLike, q: ArrayLike, base: float = BITS) -> Floats:
    """The terms ``pᵢ log(pᵢ / qᵢ)`` of ``KL(p‖q)``, one per outcome.

    A term is 0 where ``pᵢ = 0`` and ``inf`` where ``qᵢ = 0 < pᵢ``; it is negative where the
    model gives an outcome more than its share (``qᵢ > pᵢ``). The terms sum to the divergence.
    """
    pa, qa = as_distribution(p, "p"), as_distribution(q, "q")
    if pa.shape != qa.shape:
        raise ValueError(f"p and q must have the same outcomes: {pa.size} vs {qa.size}")
    out = np.zeros(pa.size)
    for i, (pi, qi) in enumerate(zip(pa.tolist(), qa.tolist(), strict=True)):
        if pi == 0:
            continue
        out[i] = math.inf if qi == 0 else pi * math.log(pi / qi) / math.log(base)
    return out


def squeeze(q: ArrayLike, index: int, value: float) -> Floats:
    """``q`` with outcome ``index`` given probability ``value`` and the other outcomes
    rescaled in proportion, so that the result still sums to 1.

    Raises
    ------
    ValueError
        If ``value`` is outside ``[0, 1]`` or the other outcomes of ``q`` have no mass to
        rescale.
    """
    qa = as_distribution(q, "q").copy()
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"a probability lies in [0, 1], got {value}")
    rest = 1.0 - float(qa[index])
    if rest <= 0.0:
        raise ValueError("the other outcomes carry no probability to rescale")
    qa *= (1.0 - value) / rest
    qa[index] = value
    return qa


def mix(q: ArrayLike, p: ArrayLike, t: float) -> Floats:
    """The point ``t`` of the way from ``q`` to ``p``: ``(1 − t) q + t p`` (a distribution
    for every ``t`` in ``[0, 1]``)."""
    if not 0.0 <= t <= 1.0:
        raise ValueError(f"t must lie in [0, 1], got {t}")
    qa, pa = as_distribution(q, "q"), as_distribution(p, "p")
    return np.asarray((1.0 - t) * qa + t * pa, dtype=np.float64)


def stacked_sum(terms: ArrayLike) -> list[tuple[int, float, float]]:
    """Where each non-zero term sits when the terms are stacked into one column: the positive
    ones first, bottom to top in outcome order, then the negative ones hanging down from the
    top. Returns ``(outcome, start, end)`` triples; the last ``end`` is the sum."""
    values = [float(v) for v in np.asarray(terms, dtype=float).tolist()]
    order = [i for i, v in enumerate(values) if v > 0] + [i for i, v in enumerate(values) if v < 0]
    out, level = [], 0.0
    for i in order:
        out.append((i, level, level + values[i]))
        level += values[i]
    return out


@dataclass
class ModelShares:
    """A model's shares of the outcomes, moved by two numbers.

    ``squeezed`` is the share given to outcome ``index`` (the others rescaled, see
    :func:`squeeze`); ``toward`` mixes the result towards the truth ``p`` (0: the model as
    squeezed, 1: the truth). Both are plain attributes, so an animation can tween them.

    Parameters
    ----------
    p
        The true shares.
    q0
        The model's starting prediction.
    index
        The outcome whose share can be squeezed.
    """

    p: Floats
    q0: Floats
    index: int
    squeezed: float = math.nan
    toward: float = 0.0

    def __post_init__(self) -> None:
        self.p = as_distribution(self.p, "p")
        self.q0 = as_distribution(self.q0, "q0")
        if self.p.shape != self.q0.shape:
            raise ValueError("p and q0 must have the same outcomes")
        if not 0 <= self.index < self.p.size:
            raise ValueError(f"index {self.index} is outside 0…{self.p.size - 1}")
        if math.isnan(self.squeezed):
            self.squeezed = float(self.q0[self.index])

    def q(self) -> Floats:
        """The model's shares now."""
        return mix(squeeze(self.q0, self.index, self.squeezed), self.p, self.toward)

    def terms(self, base: float = BITS) -> Floats:
        """``pᵢ log(pᵢ / qᵢ)`` for the model now."""
        return kl_terms(self.p, self.q(), base)

    def entropy(self, base: float = BITS) -> float:
        """``H(p)``: the best average code length (does not move with the model)."""
        return entropy(self.p, base)

    def cross_entropy(self, base: float = BITS) -> float:
        """``H(p, q)``: the average code length when coding with the model."""
        return cross_entropy(self.p, self.q(), base)

    def kl(self, base: float = BITS) -> float:
        """``KL(p‖q)``: the overhang of the cross-entropy over the entropy."""
        return kl_divergence(self.p, self.q(), base)

    def reverse_kl(self, base: float = BITS) -> float:
        """``KL(q‖p)``: the roles swapped."""
        return kl_divergence(self.q(), self.p, base)
