"""Information theory for the Level 10 lectures: surprise, entropy, cross-entropy, divergence.

Every quantity takes a logarithm ``base``: 2 gives bits (the lectures' unit), ``math.e`` gives
nats (the unit training code reports). Probability vectors are checked once, here, so a scene
that builds a distribution by hand gets a clear error instead of a silently wrong number.
Conventions: ``0 · log 0 = 0`` (an impossible outcome adds nothing), and a cross-entropy or
divergence against a model that gives probability 0 to a possible outcome is ``inf``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathviz.maths.stability import stable_logsumexp, stable_softmax

__all__ = [
    "BITS",
    "NATS",
    "as_distribution",
    "surprise",
    "entropy",
    "binary_entropy",
    "cross_entropy",
    "kl_divergence",
    "softmax",
    "one_hot",
    "softmax_cross_entropy",
    "EntropyParts",
    "entropy_parts",
]

#: logarithm base for bits
BITS = 2.0
#: logarithm base for nats
NATS = math.e

#: how far a probability vector's sum may stray from 1
_SUM_TOLERANCE = 1e-9


def as_distribution(p: ArrayLike, name: str = "p") -> NDArray[np.float64]:
    """``p`` as a float array after checking it is a probability vector.

    Raises
    ------
    ValueError
        If ``p`` is empty, not one-dimensional, has a negative or non-finite entry, or does not
        sum to 1 (within 1e-9); the message names ``name`` and the offending value.
    """
    arr = np.asarray(p, dtype=np.float64)
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(
            f"{name} must be a non-empty 1-D probability vector, got shape {arr.shape}"
        )
    if not np.all(np.isfinite(arr)) or np.any(arr < 0):
        raise ValueError(f"{name} has a negative or non-finite probability: {arr.tolist()}")
    total = math.fsum(arr.tolist())
    if abs(total - 1.0) > _SUM_TOLERANCE:
        raise ValueError(f"{name} must sum to 1, sums to {total!r}")
    return arr


def _log(x: float, base: float) -> float:
    if base <= 0 or base == 1:
        raise ValueError(f"a logarithm base must be positive and not 1, got {base}")
    return math.log(x) / math.log(base)


def surprise(p: float, base: float = BITS) -> float:
    """Surprise (self-information) of an outcome of probability ``p``: ``−log p``.

    ``inf`` for ``p = 0``; ``0`` for a certain outcome.
    """
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"a probability lies in [0, 1], got {p}")
    if p == 0.0:
        return math.inf
    return 0.0 if p == 1.0 else -_log(p, base)


def entropy(p: ArrayLike, base: float = BITS) -> float:
    """Shannon entropy ``H(p) = −Σ pᵢ log pᵢ``: the expected surprise."""
    arr = as_distribution(p)
    return math.fsum(pi * surprise(pi, base) for pi in arr.tolist() if pi > 0)


def binary_entropy(p: float, base: float = BITS) -> float:
    """Entropy of a coin that lands heads with probability ``p`` (1 bit at ``p = 0.5``)."""
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"a probability lies in [0, 1], got {p}")
    return entropy([p, 1.0 - p], base)


def cross_entropy(p: ArrayLike, q: ArrayLike, base: float = BITS) -> float:
    """Cross-entropy ``H(p, q) = −Σ pᵢ log qᵢ``: the average surprise of data from ``p`` when
    the model ``q`` is believed. ``inf`` where ``q`` rules out an outcome ``p`` allows."""
    pa, qa = _pair(p, q)
    terms = []
    for pi, qi in zip(pa.tolist(), qa.tolist(), strict=True):
        if pi == 0:
            continue
        if qi == 0:
            return math.inf
        terms.append(pi * surprise(qi, base))
    return math.fsum(terms)


def kl_divergence(p: ArrayLike, q: ArrayLike, base: float = BITS) -> float:
    """Kullback–Leibler divergence ``KL(p‖q) = Σ pᵢ log(pᵢ/qᵢ)`` (≥ 0, 0 only for ``p = q``).

    Summed term by term, not as ``H(p, q) − H(p)``, so that it stays exact for close
    distributions; the lectures show that the two agree.
    """
    pa, qa = _pair(p, q)
    terms = []
    for pi, qi in zip(pa.tolist(), qa.tolist(), strict=True):
        if pi == 0:
            continue
        if qi == 0:
            return math.inf
        terms.append(pi * _log(pi / qi, base))
    return max(0.0, math.fsum(terms))


def _pair(p: ArrayLike, q: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    pa, qa = as_distribution(p, "p"), as_distribution(q, "q")
    if pa.shape != qa.shape:
        raise ValueError(f"p and q must have the same outcomes: {pa.size} vs {qa.size}")
    return pa, qa


def softmax(logits: ArrayLike) -> NDArray[np.float64]:
    """Probabilities from logits (the max-shifted, overflow-free softmax of Level 12)."""
    return stable_softmax(logits)


def one_hot(index: int, size: int) -> NDArray[np.float64]:
    """The certain distribution on outcome ``index`` of ``size`` (a classifier's label)."""
    if not 0 <= index < size:
        raise ValueError(f"class index {index} is outside 0…{size - 1}")
    out = np.zeros(size, dtype=np.float64)
    out[index] = 1.0
    return out


def softmax_cross_entropy(logits: ArrayLike, true_index: int, base: float = NATS) -> float:
    """Cross-entropy of one-hot truth ``true_index`` against ``softmax(logits)``.

    Computed as ``log-sum-exp(z) − z_true`` (what a framework's cross-entropy loss does), which
    equals ``−log softmax(z)_true`` without forming tiny probabilities. Nats by default.
    """
    z = np.asarray(logits, dtype=np.float64)
    if not 0 <= true_index < z.size:
        raise ValueError(f"class index {true_index} is outside 0…{z.size - 1}")
    nats = stable_logsumexp(z) - float(z[true_index])
    return nats / math.log(base)


@dataclass(frozen=True)
class EntropyParts:
    """The three bars of "KL = cross-entropy − entropy" for one ordered pair ``(p, q)``."""

    entropy: float
    cross_entropy: float
    kl: float


def entropy_parts(p: ArrayLike, q: ArrayLike, base: float = BITS) -> EntropyParts:
    """``H(p)``, ``H(p, q)`` and ``KL(p‖q)`` together (``KL = H(p, q) − H(p)``)."""
    return EntropyParts(entropy(p, base), cross_entropy(p, q, base), kl_divergence(p, q, base))
