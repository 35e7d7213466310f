"""Logistic regression in two features: seeded data, gradient descent on the mean binary
cross-entropy, and the decision boundary ``w·x + b = 0`` as geometry.

:func:`two_classes` draws two labelled clouds from a ``numpy.random.Generator``.
:func:`train` runs plain gradient descent on the mean binary cross-entropy and keeps every
iterate; :meth:`Training.state_at` interpolates ``(w, b)`` between iterates for a fractional
step (what a smooth animation shows between two updates), and :meth:`Training.loss_at`
evaluates the loss of *that* state, so a traced loss curve and a turning boundary always
describe one model. :func:`boundary_segment` clips the line ``w·x + b = 0`` to a box and
:func:`positive_region` gives the polygon of the box where ``w·x + b > 0`` (``p > ½``).

Pure: numpy only, no drawing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathviz.maths.activations import sigmoid
from mathviz.maths.losses import mean_binary_cross_entropy

__all__ = [
    "Floats",
    "Box",
    "LabelledPoints",
    "Training",
    "two_classes",
    "scores",
    "probabilities",
    "mean_bce",
    "mean_bce_gradient",
    "train",
    "misclassified",
    "boundary_segment",
    "positive_region",
]

Floats = NDArray[np.float64]
#: a rectangle ``((x_min, x_max), (y_min, y_max))``
Box = tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class LabelledPoints:
    """Points ``x`` (``n × 2``) with labels ``y`` (``n``, 0 or 1)."""

    x: Floats
    y: Floats

    def __len__(self) -> int:
        return len(self.y)


def two_classes(
    rng: np.random.Generator,
    n_per_class: int,
    centre_one: ArrayLike,
    centre_zero: ArrayLike,
    spread: float = 1.0,
) -> LabelledPoints:
    """Two Gaussian clouds: ``n_per_class`` points of class 1 around ``centre_one``, then as
    many of class 0 around ``centre_zero``, each coordinate with standard deviation ``spread``.

    Parameters
    ----------
    rng
        The only source of randomness (``numpy.random.default_rng(seed)``).
    """
    ones = rng.normal(np.asarray(centre_one, dtype=float), spread, (n_per_class, 2))
    zeros = rng.normal(np.asarray(centre_zero, dtype=float), spread, (n_per_class, 2))
    labels = np.concatenate([np.ones(n_per_class), np.zeros(n_per_class)])
    return LabelledPoints(np.vstack([ones, zeros]), labels)


def scores(w: ArrayLike, b: float, x: ArrayLike) -> Floats:
    """The linear scores ``z = w·x + b`` of every row of ``x``."""
    return np.asarray(np.asarray(x, dtype=float) @ np.asarray(w, dtype=float) + float(b))


def probabilities(w: ArrayLike, b: float, x: ArrayLike) -> Floats:
    """``p = σ(w·x + b)`` for every row of ``x``."""
    return sigmoid(scores(w, b, x))


def mean_bce(w: ArrayLike, b: float, data: LabelledPoints) -> float:
    """The mean binary cross-entropy of the model ``(w, b)`` on ``data``."""
    return mean_binary_cross_entropy(data.y, probabilities(w, b, data.x))


def mean_bce_gradient(w: ArrayLike, b: float, data: LabelledPoints) -> tuple[Floats, float]:
    """The gradient of :func:`mean_bce`: ``(Xᵀ(p − y)/n, mean(p − y))``."""
    error = probabilities(w, b, data.x) - data.y
    return data.x.T @ error / len(data), float(np.mean(error))


@dataclass(frozen=True)
class Training:
    """Every iterate of gradient descent: ``ws[k]``, ``bs[k]`` after ``k`` updates."""

    data: LabelledPoints
    ws: Floats
    bs: Floats
    learning_rate: float

    @property
    def steps(self) -> int:
        """How many updates were made."""
        return len(self.bs) - 1

    @property
    def losses(self) -> Floats:
        """The mean cross-entropy after each number of updates, ``0 … steps``."""
        return np.array([mean_bce(w, b, self.data) for w, b in zip(self.ws, self.bs, strict=True)])

    def state_at(self, step: float) -> tuple[Floats, float]:
        """``(w, b)`` at a fractional ``step``: straight between the two iterates around it."""
        s = min(max(float(step), 0.0), float(self.steps))
        k = min(int(np.floor(s)), self.steps - 1) if self.steps else 0
        t = s - k
        if not self.steps:
            return self.ws[0].copy(), float(self.bs[0])
        w = (1 - t) * self.ws[k] + t * self.ws[k + 1]
        b = (1 - t) * self.bs[k] + t * self.bs[k + 1]
        return np.asarray(w, dtype=float), float(b)

    def loss_at(self, step: float) -> float:
        """The mean cross-entropy of :meth:`state_at` ``(step)``."""
        w, b = self.state_at(step)
        return mean_bce(w, b, self.data)


def train(
    data: LabelledPoints, w0: ArrayLike, b0: float, learning_rate: float, steps: int
) -> Training:
    """Gradient descent on the mean binary cross-entropy from ``(w0, b0)``, ``steps`` updates
    ``w ← w − η ∂L/∂w``, ``b ← b − η ∂L/∂b``; every iterate is kept."""
    w, b = np.asarray(w0, dtype=float).copy(), float(b0)
    ws, bs = [w.copy()], [b]
    for _ in range(steps):
        grad_w, grad_b = mean_bce_gradient(w, b, data)
        w, b = w - learning_rate * grad_w, b - learning_rate * grad_b
        ws.append(w.copy())
        bs.append(b)
    return Training(data, np.array(ws), np.array(bs), float(learning_rate))


def misclassified(w: ArrayLike, b: float, data: LabelledPoints) -> NDArray[np.bool_]:
    """Which points lie on the wrong side of ``w·x + b = 0`` (class 1 needs ``z > 0``)."""
    return np.asarray((scores(w, b, data.x) > 0) != (data.y == 1))


def _box_corners(box: Box) -> Floats:
    (x0, x1), (y0, y1) = box
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=float)


def positive_region(w: ArrayLike, b: float, box: Box) -> Floats:
    """The corners, counter-clockwise, of the part of ``box`` where ``w·x + b ≥ 0``: the box
    clipped by the half-plane (Sutherland–Hodgman against one edge). Empty (``0 × 2``) when
    the half-plane misses the box."""
    corners = _box_corners(box)
    values = corners @ np.asarray(w, dtype=float) + float(b)
    kept: list[Floats] = []
    for i in range(4):
        a, c = corners[i], corners[(i + 1) % 4]
        va, vc = values[i], values[(i + 1) % 4]
        if va >= 0:
            kept.append(a)
        if (va >= 0) != (vc >= 0):
            kept.append(a + (c - a) * (va / (va - vc)))
    return np.array(kept, dtype=float).reshape(-1, 2)


def boundary_segment(w: ArrayLike, b: float, box: Box) -> tuple[Floats, Floats] | None:
    """The part of the line ``w·x + b = 0`` inside ``box``, as two end points (``None``
    when the line misses the box or ``w = 0``)."""
    weights = np.asarray(w, dtype=float)
    if not np.any(weights):
        return None
    corners = _box_corners(box)
    values = corners @ weights + float(b)
    ends: list[Floats] = []
    for i in range(4):
        a, c = corners[i], corners[(i + 1) % 4]
        va, vc = values[i], values[(i + 1) % 4]
        if va == 0:
            ends.append(a)
        elif (va > 0) != (vc > 0) and vc != 0:
            ends.append(a + (c - a) * (va / (va - vc)))
    unique: list[Floats] = []
    for p in ends:
        if all(np.linalg.norm(p - q) > 1e-12 for q in unique):
            unique.append(p)
    if len(unique) < 2:
        return None
    return unique[0], unique[1]
