"""Gradient descent traces, contour lines and gradient fields of scalar functions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import contourpy
import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "ScalarField",
    "VectorField",
    "DescentTrace",
    "gradient_descent",
    "QuadraticBowl",
    "square",
    "square_gradient",
    "ContourLine",
    "contour_lines",
    "nearest_tangent",
    "angle_between",
]

#: a function of a point, or of a stacked grid of points (shape (2, ...)) element-wise
ScalarField = Callable[[NDArray[np.float64]], float | NDArray[np.float64]]
VectorField = Callable[[NDArray[np.float64]], NDArray[np.float64]]


@dataclass(frozen=True)
class DescentTrace:
    """The iterates of a descent run.

    Attributes
    ----------
    points
        Shape (steps + 1, dim): the start and every iterate.
    values
        Shape (steps + 1,): f at each point.
    learning_rate
        The step size used.
    """

    points: NDArray[np.float64]
    values: NDArray[np.float64]
    learning_rate: float

    @property
    def steps(self) -> int:
        return len(self.points) - 1


def gradient_descent(
    f: ScalarField, grad: VectorField, start: ArrayLike, learning_rate: float, steps: int
) -> DescentTrace:
    """Plain gradient descent ``x ← x − lr · ∇f(x)`` for ``steps`` iterations."""
    if steps < 0:
        raise ValueError("steps must be non-negative")
    x = np.atleast_1d(np.asarray(start, dtype=float))
    points = [x.copy()]
    for _ in range(steps):
        x = x - learning_rate * np.atleast_1d(grad(x))
        points.append(x.copy())
    pts = np.array(points)
    return DescentTrace(pts, np.array([float(f(p)) for p in pts]), float(learning_rate))


@dataclass(frozen=True)
class QuadraticBowl:
    """``f(x, y) = a x² + b y²`` with its gradient; the course's standard elongated valley."""

    a: float = 1.0
    b: float = 3.0

    def __call__(self, p: ArrayLike) -> float | NDArray[np.float64]:
        """f at a point ``(x, y)``, or element-wise at a stacked grid of shape (2, ...)."""
        x, y = np.asarray(p, dtype=float)[:2]
        value = self.a * x * x + self.b * y * y
        return float(value) if np.ndim(value) == 0 else np.asarray(value, dtype=np.float64)

    def gradient(self, p: ArrayLike) -> NDArray[np.float64]:
        x, y = np.asarray(p, dtype=float)[:2]
        return np.array([2 * self.a * x, 2 * self.b * y])


def square(x: ArrayLike) -> float:
    """``f(x) = x²`` for a 1-vector (the 1-D loss of the course)."""
    return float(np.asarray(x, dtype=float).reshape(-1)[0] ** 2)


def square_gradient(x: ArrayLike) -> NDArray[np.float64]:
    """``f'(x) = 2x`` as a 1-vector."""
    return 2 * np.atleast_1d(np.asarray(x, dtype=float))


@dataclass(frozen=True)
class ContourLine:
    """One polyline of the level set ``f = level``; ``points`` has shape (n, 2)."""

    level: float
    points: NDArray[np.float64]
    closed: bool


def contour_lines(
    f: ScalarField,
    levels: ArrayLike,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    resolution: int = 601,
) -> list[ContourLine]:
    """Level curves of ``f`` over a rectangle, traced by contourpy on a sampled grid."""
    xs = np.linspace(*x_range, resolution)
    ys = np.linspace(*y_range, resolution)
    gx, gy = np.meshgrid(xs, ys)
    try:
        z = np.asarray(f(np.array([gx, gy])), dtype=float)
    except (TypeError, ValueError):
        z = np.empty(0)
    if z.shape != gx.shape:
        z = np.vectorize(lambda a, b: f(np.array([a, b])))(gx, gy)
    generator = contourpy.contour_generator(gx, gy, z, line_type=contourpy.LineType.Separate)
    lines: list[ContourLine] = []
    for level in np.asarray(levels, dtype=float):
        separate = generator.lines(level)
        assert isinstance(separate, list)  # LineType.Separate: a list of (n, 2) arrays
        for segment in separate:
            closed = bool(np.allclose(segment[0], segment[-1]))
            lines.append(ContourLine(float(level), np.asarray(segment, dtype=float), closed))
    return lines


def nearest_tangent(
    line_points: ArrayLike, p: ArrayLike, radius: float = 0.06
) -> NDArray[np.float64]:
    """Unit tangent of a traced curve at ``p``: the principal direction of its points within
    ``radius`` of ``p``.

    Marching-squares points wobble around the true curve by O(h²), which makes neighbour
    differences wrong by O(h) in angle; a symmetric window around ``p`` averages that out
    and matches the tangent at ``p`` to second order in ``radius``.
    """
    pts = np.asarray(line_points, dtype=float)
    q = np.asarray(p, dtype=float)
    near = pts[np.linalg.norm(pts - q, axis=1) <= radius]
    if len(near) < 2:
        k = int(np.argmin(np.linalg.norm(pts - q, axis=1)))
        near = pts[max(k - 1, 0) : k + 2]
    centred = near - near.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    return np.asarray(vt[0] / np.linalg.norm(vt[0]), dtype=np.float64)


def angle_between(u: ArrayLike, v: ArrayLike) -> float:
    """Angle between two vectors, in degrees, in [0, 180]."""
    u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    c = np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v))
    return float(np.degrees(np.arccos(np.clip(c, -1.0, 1.0))))
