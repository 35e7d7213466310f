"""Loss functions, residuals of a line fit, and convexity (Jensen's chord gap).

Pure numpy: the drawing primitives in :mod:`mathviz.primitives.losses` are built from these.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast, overload

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "RealFunction",
    "LineFit",
    "least_squares_line",
    "mse",
    "mae",
    "squared",
    "absolute",
    "huber",
    "huber_loss",
    "binary_cross_entropy",
    "mean_binary_cross_entropy",
    "chord_point",
    "jensen_gap",
    "Polynomial",
]

RealFunction = Callable[[float], float]


def _pair(y_true: ArrayLike, y_pred: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    t = np.asarray(y_true, dtype=float).reshape(-1)
    p = np.asarray(y_pred, dtype=float).reshape(-1)
    if t.shape != p.shape:
        raise ValueError(f"y_true and y_pred differ in length ({len(t)} vs {len(p)})")
    if len(t) == 0:
        raise ValueError("a loss needs at least one sample")
    return t, p


@dataclass(frozen=True)
class LineFit:
    """A line ``y = slope · x + intercept`` fitted to data points.

    Attributes
    ----------
    x, y
        The data, shape (n,).
    slope, intercept
        The line.
    """

    x: NDArray[np.float64]
    y: NDArray[np.float64]
    slope: float
    intercept: float

    def predict(self, x: ArrayLike) -> NDArray[np.float64]:
        """ŷ on the line at ``x``."""
        return self.slope * np.asarray(x, dtype=float) + self.intercept

    @property
    def residuals(self) -> NDArray[np.float64]:
        """``y − ŷ`` per point (positive: the point lies above the line)."""
        return self.y - self.predict(self.x)


def least_squares_line(x: ArrayLike, y: ArrayLike) -> LineFit:
    """The ordinary least-squares line through ``(x, y)``, from the normal equations.

    Raises
    ------
    ValueError
        Fewer than two points, or all ``x`` equal (no unique line).
    """
    xs, ys = _pair(x, y)
    if len(xs) < 2:
        raise ValueError("a line needs at least two points")
    dx = xs - xs.mean()
    sxx = float(dx @ dx)
    if sxx == 0.0:
        raise ValueError("all x are equal: the line is not unique")
    slope = float(dx @ (ys - ys.mean())) / sxx
    return LineFit(xs, ys, slope, float(ys.mean() - slope * xs.mean()))


def mse(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    """Mean squared error ``(1/n) Σ (y − ŷ)²``."""
    t, p = _pair(y_true, y_pred)
    return float(np.mean((t - p) ** 2))


def mae(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    """Mean absolute error ``(1/n) Σ |y − ŷ|``."""
    t, p = _pair(y_true, y_pred)
    return float(np.mean(np.abs(t - p)))


def squared(residual: ArrayLike) -> NDArray[np.float64]:
    """Per-sample squared error ``r²`` (the MSE curve against the residual)."""
    return np.asarray(residual, dtype=float) ** 2


def absolute(residual: ArrayLike) -> NDArray[np.float64]:
    """Per-sample absolute error ``|r|`` (the MAE curve against the residual)."""
    # a scalar residual gives a numpy scalar, which numpy's stubs type as Any
    return cast(NDArray[np.float64], np.abs(np.asarray(residual, dtype=float)))


def huber(residual: ArrayLike, delta: float = 1.0) -> NDArray[np.float64]:
    """Per-sample Huber loss: ``½r²`` for ``|r| ≤ δ``, ``δ(|r| − ½δ)`` beyond.

    Raises
    ------
    ValueError
        ``delta`` not positive.
    """
    if delta <= 0:
        raise ValueError("delta must be positive")
    a = np.abs(np.asarray(residual, dtype=float))
    return np.asarray(
        np.where(a <= delta, 0.5 * a * a, delta * (a - 0.5 * delta)), dtype=np.float64
    )


def huber_loss(y_true: ArrayLike, y_pred: ArrayLike, delta: float = 1.0) -> float:
    """Mean Huber loss over samples."""
    t, p = _pair(y_true, y_pred)
    return float(np.mean(huber(t - p, delta)))


def binary_cross_entropy(label: ArrayLike, probability: ArrayLike) -> NDArray[np.float64]:
    """Per-sample binary cross-entropy ``−[y ln p + (1 − y) ln(1 − p)]``.

    Raises
    ------
    ValueError
        A probability outside the open interval (0, 1), or a label outside [0, 1].
    """
    y = np.asarray(label, dtype=float)
    p = np.asarray(probability, dtype=float)
    if np.any((p <= 0) | (p >= 1)):
        raise ValueError("probabilities must lie strictly between 0 and 1")
    if np.any((y < 0) | (y > 1)):
        raise ValueError("labels must lie in [0, 1]")
    # a scalar pair gives a numpy scalar, which numpy's stubs type as Any
    return cast(NDArray[np.float64], -(y * np.log(p) + (1 - y) * np.log1p(-p)))


def mean_binary_cross_entropy(labels: ArrayLike, probabilities: ArrayLike) -> float:
    """Binary cross-entropy averaged over samples."""
    t, p = _pair(labels, probabilities)
    return float(np.mean(binary_cross_entropy(t, p)))


# --- convexity ---------------------------------------------------------------------------
def chord_point(a: float, b: float, t: float) -> float:
    """``t·a + (1 − t)·b``: ``t = 1`` is ``a``, ``t = 0`` is ``b``."""
    if not 0.0 <= t <= 1.0:
        raise ValueError("t must lie in [0, 1]")
    return t * a + (1 - t) * b


def jensen_gap(f: RealFunction, a: float, b: float, t: float) -> float:
    """``t f(a) + (1 − t) f(b) − f(t a + (1 − t) b)``: chord height minus curve height.

    Non-negative for every ``a, b, t`` exactly when ``f`` is convex.
    """
    return t * float(f(a)) + (1 - t) * float(f(b)) - float(f(chord_point(a, b, t)))


@dataclass(frozen=True)
class Polynomial:
    """A real polynomial from its coefficients, highest power first (numpy's convention)."""

    coefficients: tuple[float, ...]

    @overload
    def __call__(self, x: float) -> float: ...
    @overload
    def __call__(self, x: ArrayLike) -> float | NDArray[np.float64]: ...
    def __call__(self, x: ArrayLike) -> float | NDArray[np.float64]:
        value = np.polyval(self.coefficients, np.asarray(x, dtype=float))
        return float(value) if np.ndim(value) == 0 else np.asarray(value, dtype=np.float64)

    def derivative(self) -> Polynomial:
        return Polynomial(tuple(float(c) for c in np.polyder(self.coefficients)))

    def gradient(self, x: ArrayLike) -> NDArray[np.float64]:
        """f′ as a 1-vector (the shape :func:`~mathviz.maths.descent.gradient_descent` wants)."""
        return np.atleast_1d(
            np.asarray(self.derivative()(np.asarray(x, dtype=float).reshape(-1)[0]), dtype=float)
        )

    def value_at(self, x: ArrayLike) -> float:
        """f at a 1-vector (the shape :func:`~mathviz.maths.descent.gradient_descent` passes)."""
        return float(self(np.asarray(x, dtype=float).reshape(-1)[0]))

    def local_minima(self) -> NDArray[np.float64]:
        """Real critical points with positive second derivative, sorted."""
        d1 = self.derivative()
        d2 = d1.derivative()
        roots = np.roots(d1.coefficients)
        real = np.sort(roots[np.abs(roots.imag) < 1e-9].real)
        return np.array([r for r in real if d2(r) > 0])
