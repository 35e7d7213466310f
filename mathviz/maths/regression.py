"""Simple linear regression ``ŷ = w x + b``: the design matrix, the normal equations, the
mean-squared-error landscape over ``(w, b)`` and a gradient-descent trace on it.

The data of chapter 13.1 come from the course's movie recommender
(:mod:`mathviz.maths.recommender`): for each user, the stars they gave one movie (the
feature ``x``) and another (the target ``y``). :func:`rating_pairs` builds them.

With the design matrix ``X = [x 1]`` (a column of features, a column of ones for the
intercept), the least-squares line solves the normal equations ``XᵀX θ = Xᵀy`` for
``θ = (w, b)`` (:class:`NormalEquations`, exact in fractions for integer ratings). The same
line is the minimum of ``MSE(w, b) = (1/n) Σ (w xᵢ + b − yᵢ)²`` (:class:`MseLandscape`), whose
gradient is ``(2/n) Xᵀ(Xθ − y)``; :func:`descend` walks it with plain gradient descent.
:func:`point_along` reads a trace at a fractional step (a dot gliding between iterates).

Pure numpy and fractions; no manim.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathviz.maths.descent import DescentTrace, gradient_descent
from mathviz.maths.recommender import MOVIES, USERS, movie

__all__ = [
    "RatingPairs",
    "rating_pairs",
    "design_matrix",
    "NormalEquations",
    "normal_equations",
    "line_mse",
    "MseLandscape",
    "descend",
    "point_along",
]


@dataclass(frozen=True)
class RatingPairs:
    """One point per user: the stars given to ``feature`` (x) and to ``target`` (y).

    Attributes
    ----------
    users
        The users' names, one per point.
    feature, target
        The two movies' titles.
    x, y
        The ratings, shape (n,).
    """

    users: tuple[str, ...]
    feature: str
    target: str
    x: NDArray[np.float64]
    y: NDArray[np.float64]

    def __len__(self) -> int:
        return len(self.users)


def rating_pairs(feature: str, target: str) -> RatingPairs:
    """Every user's ratings of ``feature`` and ``target`` from the recommender's table.

    Raises
    ------
    KeyError
        A title that is not one of :data:`~mathviz.maths.recommender.MOVIES`.
    """
    for title in (feature, target):
        if title not in MOVIES:
            raise KeyError(f"no movie {title!r}; movies are {', '.join(MOVIES)}")
    return RatingPairs(USERS, feature, target, movie(feature), movie(target))


def design_matrix(x: ArrayLike) -> NDArray[np.float64]:
    """``X = [x 1]``: the feature column beside a column of ones, shape (n, 2)."""
    xs = np.asarray(x, dtype=float).reshape(-1)
    return np.column_stack([xs, np.ones_like(xs)])


def _exact(v: float) -> Fraction:
    return Fraction(str(float(v)))


@dataclass(frozen=True)
class NormalEquations:
    """``XᵀX θ = Xᵀy`` for ``θ = (w, b)``, in exact arithmetic.

    Attributes
    ----------
    gram
        ``XᵀX = [[Σx², Σx], [Σx, n]]``.
    moment
        ``Xᵀy = [Σxy, Σy]``.
    """

    gram: tuple[tuple[Fraction, Fraction], tuple[Fraction, Fraction]]
    moment: tuple[Fraction, Fraction]

    @property
    def determinant(self) -> Fraction:
        """``det XᵀX`` (zero exactly when every x is the same)."""
        (a, c), (d, e) = self.gram
        return a * e - c * d

    def solve(self) -> tuple[Fraction, Fraction]:
        """``(w, b)`` by Cramer's rule.

        Raises
        ------
        ValueError
            ``XᵀX`` is singular (all x equal: no unique line).
        """
        det = self.determinant
        if det == 0:
            raise ValueError("XᵀX is singular: all x are equal, the line is not unique")
        (a, c), (d, e) = self.gram
        p, q = self.moment
        return (p * e - c * q) / det, (a * q - d * p) / det


def normal_equations(x: ArrayLike, y: ArrayLike) -> NormalEquations:
    """The normal equations of the line fit to ``(x, y)``, summed exactly.

    Raises
    ------
    ValueError
        ``x`` and ``y`` of different lengths, or fewer than two points.
    """
    xs = [_exact(v) for v in np.asarray(x, dtype=float).reshape(-1)]
    ys = [_exact(v) for v in np.asarray(y, dtype=float).reshape(-1)]
    if len(xs) != len(ys):
        raise ValueError(f"x and y differ in length ({len(xs)} vs {len(ys)})")
    if len(xs) < 2:
        raise ValueError("a line needs at least two points")
    sxx = sum((v * v for v in xs), Fraction(0))
    sx = sum(xs, Fraction(0))
    sxy = sum((u * v for u, v in zip(xs, ys, strict=True)), Fraction(0))
    sy = sum(ys, Fraction(0))
    n = Fraction(len(xs))
    return NormalEquations(((sxx, sx), (sx, n)), (sxy, sy))


def line_mse(w: float, b: float, x: ArrayLike, y: ArrayLike) -> float:
    """Mean squared error of the line ``ŷ = w x + b`` on ``(x, y)``."""
    xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return float(np.mean((w * xs + b - ys) ** 2))


@dataclass(frozen=True)
class MseLandscape:
    """``MSE(w, b)`` of a line on fixed data, as a function of its two parameters.

    Callable at a point ``(w, b)`` or element-wise on a stacked grid of shape (2, ...), as
    :func:`~mathviz.maths.descent.contour_lines` passes it.
    """

    x: NDArray[np.float64]
    y: NDArray[np.float64]

    @classmethod
    def of(cls, x: ArrayLike, y: ArrayLike) -> MseLandscape:
        xs = np.asarray(x, dtype=float).reshape(-1)
        ys = np.asarray(y, dtype=float).reshape(-1)
        if xs.shape != ys.shape or len(xs) == 0:
            raise ValueError("x and y must be non-empty and of the same length")
        return cls(xs, ys)

    def __call__(self, p: ArrayLike) -> float | NDArray[np.float64]:
        w, b = np.asarray(p, dtype=float)[:2]
        if np.ndim(w) == 0:
            return line_mse(float(w), float(b), self.x, self.y)
        residuals = w[..., None] * self.x + b[..., None] - self.y
        return np.asarray(np.mean(residuals**2, axis=-1), dtype=np.float64)

    def at(self, p: NDArray[np.float64]) -> float:
        """MSE at one point ``(w, b)`` (the scalar field descent and contours take)."""
        return float(self(p))

    def gradient(self, p: ArrayLike) -> NDArray[np.float64]:
        """``∇MSE = (2/n) Xᵀ(Xθ − y)`` at ``θ = (w, b)``."""
        theta = np.asarray(p, dtype=float).reshape(-1)[:2]
        design = design_matrix(self.x)
        return np.asarray(2.0 / len(self.x) * design.T @ (design @ theta - self.y))

    def hessian(self) -> NDArray[np.float64]:
        """``(2/n) XᵀX``: constant, since the loss is quadratic."""
        design = design_matrix(self.x)
        return np.asarray(2.0 / len(self.x) * design.T @ design)


def descend(
    landscape: MseLandscape, start: ArrayLike, learning_rate: float, steps: int
) -> DescentTrace:
    """Plain gradient descent on ``(w, b)``: ``θ ← θ − lr · ∇MSE(θ)``, ``steps`` times."""
    return gradient_descent(landscape.at, landscape.gradient, start, learning_rate, steps)


def point_along(points: ArrayLike, s: float) -> NDArray[np.float64]:
    """The polyline through ``points`` (shape (k + 1, d)) at fractional index ``s``:
    iterate ``floor(s)`` moved linearly towards the next one (clamped to the ends)."""
    pts = np.asarray(points, dtype=float)
    s = min(max(float(s), 0.0), float(len(pts) - 1))
    i = min(int(np.floor(s)), len(pts) - 2) if len(pts) > 1 else 0
    if len(pts) == 1:
        return np.asarray(pts[0].copy())
    frac = s - i
    return np.asarray(pts[i] + (pts[i + 1] - pts[i]) * frac)
