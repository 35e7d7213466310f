"""Numerical stability of softmax and log-sum-exp in float64.

``exp`` overflows to ``inf`` just above ``log(max float64) ≈ 709.78``; the textbook softmax
then divides ``inf`` by ``inf`` and returns ``nan``. Subtracting the largest logit first leaves
the result mathematically unchanged (softmax is shift-invariant) and keeps every exponential
in ``(0, 1]``. The same trick makes log-sum-exp finite: ``log Σ exp(z) = m + log Σ exp(z − m)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "FloatLimits",
    "float_limits",
    "naive_exp",
    "naive_softmax",
    "shift_by_max",
    "stable_softmax",
    "naive_logsumexp",
    "stable_logsumexp",
    "count_non_finite",
]


@dataclass(frozen=True)
class FloatLimits:
    """The float64 facts behind overflow.

    Attributes
    ----------
    largest
        The largest finite double, about 1.8e308.
    epsilon
        Machine epsilon: the gap between 1 and the next double, about 2.22e-16.
    exp_overflow_threshold
        ``log(largest)`` ≈ 709.78: ``exp`` of anything larger is ``inf``.
    """

    largest: float
    epsilon: float
    exp_overflow_threshold: float


def float_limits() -> FloatLimits:
    """The float64 limits (largest double, machine epsilon, where ``exp`` overflows)."""
    info = np.finfo(np.float64)
    return FloatLimits(float(info.max), float(info.eps), float(np.log(info.max)))


def _logits(z: ArrayLike) -> NDArray[np.float64]:
    arr = np.asarray(z, dtype=np.float64)
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError("logits must be a non-empty 1-D array")
    return arr


def naive_exp(z: ArrayLike) -> NDArray[np.float64]:
    """``exp(z)`` as float64 computes it: overflow becomes ``inf`` (the warning is silenced)."""
    with np.errstate(over="ignore"):
        return np.asarray(np.exp(_logits(z)), dtype=np.float64)


def naive_softmax(z: ArrayLike) -> NDArray[np.float64]:
    """``exp(z) / Σ exp(z)`` written straight from the formula.

    Large logits overflow: ``inf / inf`` gives ``nan``, exactly as numpy computes it
    (overflow and invalid-value warnings are silenced).
    """
    e = naive_exp(z)
    with np.errstate(over="ignore", invalid="ignore"):
        return np.asarray(e / e.sum(), dtype=np.float64)


def shift_by_max(z: ArrayLike) -> NDArray[np.float64]:
    """``z − max(z)``: the same logits moved so the largest is 0."""
    arr = _logits(z)
    return np.asarray(arr - arr.max(), dtype=np.float64)


def stable_softmax(z: ArrayLike) -> NDArray[np.float64]:
    """Softmax of the max-shifted logits: every exponential lies in ``(0, 1]``."""
    e = np.exp(shift_by_max(z))
    return np.asarray(e / e.sum(), dtype=np.float64)


def naive_logsumexp(z: ArrayLike) -> float:
    """``log Σ exp(z)`` straight from the formula (``inf`` once ``exp`` overflows)."""
    with np.errstate(over="ignore"):
        return float(np.log(naive_exp(z).sum()))


def stable_logsumexp(z: ArrayLike) -> float:
    """``m + log Σ exp(z − m)`` with ``m = max(z)``: finite for any finite logits."""
    arr = _logits(z)
    m = float(arr.max())
    return m + float(np.log(np.exp(arr - m).sum()))


def count_non_finite(values: ArrayLike) -> int:
    """How many entries are ``inf`` or ``nan``."""
    return int(np.count_nonzero(~np.isfinite(np.asarray(values, dtype=float))))
