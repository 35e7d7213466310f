"""Common function types on one window: linear, quadratic, exponential, sigmoid, tanh, ReLU.

Each function is drawn as a :class:`SampledGraph`: its values at increasing ``x`` over the
part of a plot window where it stays inside the window (:func:`window_domain`; eˣ leaves
the top soon after ``x = 1``). Every graph of a lecture is sampled on the same number of
points, laid out by :func:`pinned_grid` so that a few *pinned* ``x`` values (the probes'
marked inputs, ReLU's kink at 0) are sample points of every graph. Morphing one graph into
another moves point ``k`` straight from one to the other (:func:`blend`): a pinned point
keeps its ``x``, so the curve's height there is exactly the blend of the two functions'
values, and every in-between curve is still the graph of a function (its ``x`` increase).

:func:`scaled_sigmoid` is the family ``a·σ(b·x) + c`` that carries the sigmoid to tanh,
``tanh x = 2σ(2x) − 1``, one parameter at a time.

Read-backs of a drawn polyline (:func:`height_at`, :func:`slope_beside`) live here too:
they are plain geometry on points already converted through the axes.

Pure: numpy only, no drawing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "Floats",
    "RealFunction",
    "linear",
    "quadratic",
    "exponential",
    "sigmoid",
    "tanh",
    "relu",
    "scaled_sigmoid",
    "SampledGraph",
    "window_domain",
    "pinned_grid",
    "sample",
    "blend",
    "height_at",
    "slope_beside",
]

Floats = NDArray[np.float64]
#: a real function applied element-wise to an array of inputs
RealFunction = Callable[[Floats], Floats]

#: bisection steps refining each end of a window domain
_BISECTION_STEPS = 80


def _array(x: ArrayLike) -> Floats:
    return np.asarray(x, dtype=float)


def linear(x: ArrayLike, w: float = 0.5, b: float = 1.0) -> Floats:
    """``w·x + b``: a weight times the input, plus a bias."""
    return w * _array(x) + b


def quadratic(x: ArrayLike, a: float = 0.25) -> Floats:
    """``a·x²``: the shape of a squared error."""
    return a * _array(x) ** 2


def exponential(x: ArrayLike) -> Floats:
    """``eˣ``."""
    return np.exp(_array(x))


def sigmoid(x: ArrayLike) -> Floats:
    """The logistic sigmoid ``σ(x) = 1 / (1 + e⁻ˣ)``, without overflow for large ``|x|``.

    For ``x < 0`` it is computed as ``eˣ / (1 + eˣ)`` (the same value), so ``e⁻ˣ`` is never
    formed for very negative ``x``.
    """
    x = _array(x)
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))


def tanh(x: ArrayLike) -> Floats:
    """The hyperbolic tangent ``(eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)``."""
    return np.tanh(_array(x))


def relu(x: ArrayLike) -> Floats:
    """The rectified linear unit ``max(0, x)``."""
    return np.maximum(_array(x), 0.0)


def scaled_sigmoid(outer: float = 1.0, inner: float = 1.0, shift: float = 0.0) -> RealFunction:
    """The function ``x ↦ outer·σ(inner·x) + shift``.

    ``scaled_sigmoid(1, 1, 0)`` is the sigmoid and ``scaled_sigmoid(2, 2, −1)`` is tanh.
    """

    def f(x: Floats) -> Floats:
        return outer * sigmoid(inner * _array(x)) + shift

    return f


@dataclass(frozen=True)
class SampledGraph:
    """A function's graph as points: ``ys[k]`` is the height at ``xs[k]``, ``xs`` increasing.

    Parameters
    ----------
    xs, ys
        Equal-length 1-D arrays.
    """

    xs: Floats
    ys: Floats

    def __post_init__(self) -> None:
        xs, ys = _array(self.xs), _array(self.ys)
        if xs.ndim != 1 or xs.shape != ys.shape or len(xs) < 2:
            raise ValueError("xs and ys must be equal-length 1-D arrays of at least two points")
        if np.any(np.diff(xs) <= 0):
            raise ValueError("xs must increase")
        object.__setattr__(self, "xs", xs)
        object.__setattr__(self, "ys", ys)

    @property
    def points(self) -> Floats:
        """The ``(n, 2)`` points ``(x, y)``."""
        return np.column_stack([self.xs, self.ys])

    def index_of(self, x: float) -> int:
        """The index of the sample at ``x`` exactly (a pinned input)."""
        hits = np.flatnonzero(self.xs == float(x))
        if len(hits) != 1:
            raise ValueError(f"x = {x!r} is not a sample of this graph")
        return int(hits[0])


def window_domain(
    f: RealFunction,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    *,
    resolution: int = 4001,
) -> tuple[float, float]:
    """The interval of ``x`` in ``x_range`` where ``y_range[0] ≤ f(x) ≤ y_range[1]``.

    The set must be one interval (true for the monotone and convex functions here); its
    ends are found on a grid of ``resolution`` points, then refined by bisection to the
    float precision of the window.

    Raises
    ------
    ValueError
        If ``f`` never enters the window, or leaves it and comes back.
    """
    lo_y, hi_y = y_range

    def inside(x: ArrayLike) -> NDArray[np.bool_]:
        y = f(_array(x))
        return np.asarray((y >= lo_y) & (y <= hi_y))

    grid = np.linspace(x_range[0], x_range[1], resolution)
    mask = inside(grid)
    hits = np.flatnonzero(mask)
    if len(hits) == 0:
        raise ValueError("the function never enters the window")
    first, last = int(hits[0]), int(hits[-1])
    if not mask[first : last + 1].all():
        raise ValueError("the function leaves the window and comes back")

    def edge(good: float, bad: float) -> float:
        for _ in range(_BISECTION_STEPS):
            mid = 0.5 * (good + bad)
            if inside(mid):
                good = mid
            else:
                bad = mid
        return good

    a = float(grid[first]) if first == 0 else edge(float(grid[first]), float(grid[first - 1]))
    b = (
        float(grid[last])
        if last == resolution - 1
        else edge(float(grid[last]), float(grid[last + 1]))
    )
    return a, b


def pinned_grid(
    domain: tuple[float, float],
    pins: Sequence[float],
    reference: tuple[float, float],
    points: int,
) -> Floats:
    """``points`` increasing inputs over ``domain`` with every pin among them, exactly.

    A uniform grid over ``reference`` (which must contain the pins as grid points) is warped
    piecewise linearly: ``reference``'s ends go to ``domain``'s ends and each pin to itself.
    Graphs sampled on such grids share their pinned samples' indices, whatever their domain.

    Raises
    ------
    ValueError
        If a pin lies outside the domain's interior, or is not a reference grid point.
    """
    a, b = float(domain[0]), float(domain[1])
    r0, r1 = float(reference[0]), float(reference[1])
    pins = sorted(float(p) for p in pins)
    if any(not (a < p < b) or not (r0 < p < r1) for p in pins):
        raise ValueError(f"pins {pins} must lie inside the domain {domain} and the reference")
    u = np.linspace(r0, r1, points)
    step = (r1 - r0) / (points - 1)
    for p in pins:
        k = (p - r0) / step
        if abs(k - round(k)) > 1e-9:
            raise ValueError(f"pin {p} is not a point of the reference grid")
        u[round(k)] = p  # exact, not r0 + k·step
    knots_u = np.array([r0, *pins, r1])
    knots_x = np.array([a, *pins, b])
    xs: Floats = np.asarray(np.interp(u, knots_u, knots_x), dtype=float)
    for p in pins:  # interp is exact at the knots; keep them bit-for-bit
        xs[u == p] = p
    return xs


def sample(
    f: RealFunction,
    domain: tuple[float, float],
    pins: Sequence[float],
    reference: tuple[float, float],
    points: int,
) -> SampledGraph:
    """``f`` at the :func:`pinned_grid` of ``domain``."""
    xs = pinned_grid(domain, pins, reference, points)
    return SampledGraph(xs, _array(f(xs)))


def blend(start: SampledGraph, end: SampledGraph, t: float) -> SampledGraph:
    """Point ``k`` a fraction ``t`` of the way from ``start``'s point ``k`` to ``end``'s.

    Both graphs have increasing ``x``, so their blend does too: it is a function's graph.
    """
    if len(start.xs) != len(end.xs):
        raise ValueError("blended graphs need the same number of points")
    t = float(t)
    return SampledGraph(
        (1.0 - t) * start.xs + t * end.xs,
        (1.0 - t) * start.ys + t * end.ys,
    )


def height_at(points: ArrayLike, x: float) -> float:
    """The height of the polyline through ``points`` (``(n, 2)``, ``x`` increasing) at ``x``.

    Raises
    ------
    ValueError
        If ``x`` lies outside the polyline's span.
    """
    pts = _array(points)
    xs, ys = pts[:, 0], pts[:, 1]
    if not xs[0] - 1e-12 <= x <= xs[-1] + 1e-12:
        raise ValueError(f"x = {x!r} is outside the curve's span [{xs[0]}, {xs[-1]}]")
    return float(np.interp(x, xs, ys))


def slope_beside(points: ArrayLike, x: float, side: int) -> float:
    """The slope of the polyline's segment just left (``side = −1``) or right (``+1``) of
    ``x``: on either side of a kink, the two different slopes that meet there."""
    pts = _array(points)
    xs = pts[:, 0]
    # the first sample at or past x (left side), or past it (right side), ends the segment
    k = int(np.searchsorted(xs, x, side="left" if side < 0 else "right")) - 1
    k = min(max(k, 0), len(xs) - 2)
    (x0, y0), (x1, y1) = pts[k], pts[k + 1]
    return float((y1 - y0) / (x1 - x0))
