"""Functions of two inputs as surfaces: heights over the floor, level sets as closed curves.

A function ``f(x, y)`` is drawn as the surface ``z = f(x, y)`` above the floor ``z = 0``.
Slicing that surface with the horizontal plane ``z = c`` gives the *level set*
``{(x, y) : f(x, y) = c}``; dropped straight down onto the floor it is one contour line of
the function's contour map, and several levels together make the map.

For the course's quadratic bowl ``f = a x² + b y²`` (:class:`~mathviz.maths.descent.QuadraticBowl`)
the level set of ``c > 0`` is exactly the ellipse ``x = √(c/a) cos t, y = √(c/b) sin t``
(:func:`bowl_level_set`); any other function is traced on a sampled grid by contourpy
(:func:`level_sets`, which reuses :func:`~mathviz.maths.descent.contour_lines`).

Pure: numpy and contourpy only, no drawing.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathviz.maths.descent import QuadraticBowl, contour_lines

__all__ = [
    "Height",
    "semi_axes",
    "bowl_level_set",
    "level_sets",
    "level_set_error",
    "segment",
]

#: a function of two inputs, evaluated at one point ``(x, y)``
Height = Callable[[float, float], float]


def semi_axes(bowl: QuadraticBowl, level: float) -> tuple[float, float]:
    """Half-width along x and half-height along y of the bowl's level set ``f = level``.

    Parameters
    ----------
    bowl
        ``f = a x² + b y²`` with ``a, b > 0``.
    level
        The height ``c >= 0`` of the slice.

    Returns
    -------
    tuple of float
        ``(√(c/a), √(c/b))``.
    """
    if bowl.a <= 0 or bowl.b <= 0:
        raise ValueError("a bowl needs positive coefficients")
    if level < 0:
        raise ValueError(f"a bowl never reaches the level {level}")
    return float(np.sqrt(level / bowl.a)), float(np.sqrt(level / bowl.b))


def bowl_level_set(
    bowl: QuadraticBowl, level: float, samples: int = 97, *, start: float = 0.0
) -> NDArray[np.float64]:
    """The level set ``f = level`` of a quadratic bowl: an ellipse, sampled exactly.

    Parameters
    ----------
    bowl
        ``f = a x² + b y²``.
    level
        The height of the slice; 0 gives the bottom point repeated.
    samples
        Points along the curve, the first repeated as the last (the curve is closed). With
        ``samples - 1`` a multiple of 4 the ends of both axes are among them.
    start
        The parameter angle ``t`` of the first point (0: the end of the x half-axis).

    Returns
    -------
    numpy.ndarray
        Shape ``(samples, 2)``: points ``(x, y)`` with ``f(x, y) = level`` up to rounding.
    """
    if samples < 4:
        raise ValueError("a closed curve needs at least 4 samples")
    rx, ry = semi_axes(bowl, level)
    t = start + np.linspace(0.0, 2.0 * np.pi, samples)
    points = np.column_stack([rx * np.cos(t), ry * np.sin(t)])
    points[-1] = points[0]
    return points


def level_sets(
    f: Height,
    level: float,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    resolution: int = 201,
) -> list[NDArray[np.float64]]:
    """Every curve of ``f = level`` inside a rectangle, for any ``f`` (marching squares).

    Parameters
    ----------
    f
        The function, called at one point ``(x, y)``.
    level
        The height of the slice.
    x_range, y_range
        The rectangle of the floor to search.
    resolution
        Grid points per side.

    Returns
    -------
    list of numpy.ndarray
        One ``(n, 2)`` array per connected piece (closed pieces repeat their first point).
    """

    def field(p: NDArray[np.float64]) -> float:
        return float(f(float(p[0]), float(p[1])))

    lines = contour_lines(field, [level], x_range, y_range, resolution)
    return [line.points for line in lines]


def level_set_error(f: Height, points: ArrayLike, level: float) -> float:
    """Largest ``|f(x, y) - level|`` over points ``(x, y[, z])``: 0 on an exact level set.

    Parameters
    ----------
    f
        The function.
    points
        Shape ``(n, 2)`` or ``(n, 3)``; only the first two columns are used.
    level
        The level the points claim to share.
    """
    pts = np.asarray(points, dtype=float)
    if pts.ndim != 2 or pts.shape[0] == 0 or pts.shape[1] < 2:
        raise ValueError("points must have shape (n, 2) or (n, 3) with n > 0")
    return max(abs(float(f(float(x), float(y))) - level) for x, y in pts[:, :2])


def segment(start: ArrayLike, end: ArrayLike, t: float) -> NDArray[np.float64]:
    """The point a share ``t`` of the way along the straight floor path ``start → end``."""
    a, b = np.asarray(start, dtype=float), np.asarray(end, dtype=float)
    return np.asarray(a + (b - a) * float(t), dtype=np.float64)
