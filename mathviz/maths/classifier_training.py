"""A tiny classifier's logits as its prediction improves: the story of a cross-entropy loss.

A classifier scores one input for each class (its *logits* ``z``); softmax turns the scores
into probabilities ``p``; against a one-hot truth ``y`` the cross-entropy is ``−ln p_true``.
Training moves the logits against the loss's gradient, which for softmax followed by
cross-entropy is simply ``p − y``: the true class's logit goes up by ``lr (1 − p_true)``, every
other logit goes down by ``lr p_j``. This module gives those logits stage by stage, paths
between them for animation (straight lines in logit space, or a reshuffle of the wrong
classes' share that leaves ``p_true`` where it is), and the numbers a lecture shows at each
stage. Softmax and the loss come from :mod:`mathviz.maths.information` (nats).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathviz.maths.information import NATS, one_hot, softmax, softmax_cross_entropy

__all__ = [
    "Floats",
    "LogitPath",
    "Stage",
    "stage",
    "loss_gradient",
    "gradient_steps",
    "straight_path",
    "reshuffle_path",
    "logits_with_shares",
]

Floats = NDArray[np.float64]
#: a motion of the logits: ``t`` from 0 to 1 → the logits at that moment
LogitPath = Callable[[float], Floats]


def _logits(z: ArrayLike) -> Floats:
    arr = np.asarray(z, dtype=np.float64)
    if arr.ndim != 1 or arr.size < 2:
        raise ValueError(f"logits are a 1-D array of at least two scores, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"logits must be finite, got {arr.tolist()}")
    return arr


@dataclass(frozen=True)
class Stage:
    """What a lecture shows for one set of logits.

    Attributes
    ----------
    logits
        The scores ``z``.
    exps
        ``e^z`` for each class (positive, unnormalised).
    probabilities
        ``softmax(z)``: the exponentials divided by their sum.
    p_true
        The probability given to the true class.
    loss
        Cross-entropy against the one-hot truth, ``−ln p_true`` (nats).
    """

    logits: Floats
    exps: Floats
    probabilities: Floats
    p_true: float
    loss: float


def stage(logits: ArrayLike, true_index: int) -> Stage:
    """The exponentials, probabilities, ``p_true`` and loss (nats) of ``logits``."""
    z = _logits(logits)
    p = softmax(z)
    return Stage(
        logits=z.copy(),
        exps=np.exp(z),
        probabilities=p,
        p_true=float(p[true_index]),
        loss=softmax_cross_entropy(z, true_index, NATS),
    )


def loss_gradient(logits: ArrayLike, true_index: int) -> Floats:
    """The gradient of ``−ln softmax(z)[true_index]`` with respect to ``z``: ``p − y``."""
    z = _logits(logits)
    return softmax(z) - one_hot(true_index, z.size)


def gradient_steps(logits: ArrayLike, true_index: int, lr: float, steps: int) -> list[Floats]:
    """The logits before and after each of ``steps`` gradient-descent steps of rate ``lr``.

    Returns ``steps + 1`` arrays, the first a copy of ``logits``.
    """
    if lr <= 0 or steps < 0:
        raise ValueError(f"need lr > 0 and steps >= 0, got lr={lr}, steps={steps}")
    out = [_logits(logits).copy()]
    for _ in range(steps):
        out.append(out[-1] - lr * loss_gradient(out[-1], true_index))
    return out


def straight_path(start: ArrayLike, end: ArrayLike) -> LogitPath:
    """The logits moving in a straight line from ``start`` to ``end`` (one gradient step is
    exactly such a line)."""
    a, b = _logits(start), _logits(end)
    if a.shape != b.shape:
        raise ValueError(f"start and end have different sizes: {a.size} vs {b.size}")
    return lambda t: a + (b - a) * float(t)


def logits_with_shares(logits: ArrayLike, true_index: int, shares: Sequence[float]) -> Floats:
    """Logits that give the true class the same probability as ``logits`` and split the rest
    between the other classes in proportions ``shares`` (one per other class, in order).

    The true class's probability depends only on its own ``e^z`` and the sum of the others'
    (``p_true = e^{z_t} / (e^{z_t} + W)``); keeping ``W`` and ``z_t`` fixed keeps ``p_true``.
    """
    z = _logits(logits)
    others = [j for j in range(z.size) if j != true_index]
    s = np.asarray(shares, dtype=np.float64)
    if s.shape != (len(others),) or np.any(s <= 0):
        raise ValueError(f"need {len(others)} positive shares, got {list(shares)}")
    s = s / math.fsum(s.tolist())
    rest = float(np.exp(z[others] - z[true_index]).sum())  # W / e^{z_t}, overflow-safe
    out = z.copy()
    out[others] = z[true_index] + np.log(rest * s)
    return out


def reshuffle_path(logits: ArrayLike, true_index: int, shares: Sequence[float]) -> LogitPath:
    """The other classes' share moving linearly to ``shares`` while ``p_true`` stays fixed."""
    z = _logits(logits)
    others = [j for j in range(z.size) if j != true_index]
    start = np.exp(z[others] - np.max(z[others]))
    start = start / start.sum()
    end = np.asarray(shares, dtype=np.float64)
    end = end / end.sum()
    return lambda t: logits_with_shares(z, true_index, start + (end - start) * float(t))
