"""Plane geometry behind the vector pictures: tip-to-tail placement, swings, arcs, corners
and the continuous path from one p-norm ball to another.

Pure numpy (no manim). Complements :mod:`mathviz.maths.vectors`, which holds the norms, dot
products, angles and projections themselves.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathviz.maths.vectors import INF, plane_vector

__all__ = [
    "INVERSE_P_FLOOR",
    "tip_to_tail",
    "polar_interpolate",
    "arc_between",
    "right_angle_corner",
    "p_between",
    "inverse_p",
]

#: below this 1/p a ball is drawn as the ∞-ball (p > 1000 differs from it by < 0.07 %)
INVERSE_P_FLOOR = 1e-3


def _unit(v: NDArray[np.float64], name: str) -> NDArray[np.float64]:
    n = float(np.hypot(*v))
    if n == 0:
        raise ValueError(f"{name} has no direction (zero vector)")
    return v / n


def tip_to_tail(
    first: ArrayLike, second: ArrayLike
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Where ``second`` is drawn when its tail sits on ``first``'s tip: ``(start, end)``.

    The end is the sum ``first + second``; that is the whole picture of vector addition.
    """
    a, b = np.asarray(first, dtype=float), np.asarray(second, dtype=float)
    if a.shape != b.shape or a.ndim != 1:
        raise ValueError(f"vectors of different shapes: {a.shape} and {b.shape}")
    return a.copy(), a + b


def polar_interpolate(u: ArrayLike, v: ArrayLike, t: float) -> NDArray[np.float64]:
    """The point a fraction ``t`` of the way from ``u`` to ``v`` when swinging about the origin.

    Angle and length are interpolated separately (the angle the short way round), so the
    path is an arc-like spiral rather than a straight chord: a vector that *turns*.

    Parameters
    ----------
    u, v
        Non-zero 2-D vectors (start and end).
    t
        0 gives ``u``, 1 gives ``v``.
    """
    a, b = plane_vector(u, "u"), plane_vector(v, "v")
    ra, rb = float(np.hypot(*a)), float(np.hypot(*b))
    if ra == 0 or rb == 0:
        raise ValueError("cannot swing from or to the zero vector")
    phi_a, phi_b = math.atan2(a[1], a[0]), math.atan2(b[1], b[0])
    sweep = (phi_b - phi_a + math.pi) % (2 * math.pi) - math.pi
    phi = phi_a + t * sweep
    r = ra + t * (rb - ra)
    return np.array([r * math.cos(phi), r * math.sin(phi)])


def arc_between(u: ArrayLike, v: ArrayLike) -> tuple[float, float]:
    """``(start_angle, sweep)`` in radians of the arc from direction ``u`` to direction ``v``.

    The sweep is signed (counter-clockwise positive) and ``|sweep| ≤ π``: the arc that marks
    the angle between the vectors.
    """
    a, b = _unit(plane_vector(u, "u"), "u"), _unit(plane_vector(v, "v"), "v")
    start = math.atan2(a[1], a[0])
    sweep = (math.atan2(b[1], b[0]) - start + math.pi) % (2 * math.pi) - math.pi
    return start, sweep


def right_angle_corner(
    foot: ArrayLike, along: ArrayLike, toward: ArrayLike, size: float
) -> NDArray[np.float64]:
    """The three points of a right-angle mark at ``foot``: ``foot + s·d₁``, the corner, ``foot + s·d₂``.

    Parameters
    ----------
    foot
        The vertex of the right angle.
    along, toward
        The two perpendicular directions the mark's legs follow (need not be unit length).
    size
        Leg length, in the same units as ``foot``.
    """
    f = plane_vector(foot, "foot")
    d1, d2 = (
        _unit(plane_vector(along, "along"), "along"),
        _unit(plane_vector(toward, "toward"), "toward"),
    )
    return np.array([f + size * d1, f + size * (d1 + d2), f + size * d2])


def p_between(p_from: float, p_to: float, t: float) -> float:
    """The exponent a fraction ``t`` of the way from ``p_from`` to ``p_to``, linear in ``1/p``.

    Interpolating ``1/p`` reaches ``p = ∞`` (``1/p = 0``) in finite time and spreads the
    visible change of the ball evenly; returns :data:`INF` once ``1/p`` drops below
    :data:`INVERSE_P_FLOOR`.
    """
    for p in (p_from, p_to):
        if p < 1:
            raise ValueError(f"p-norms need p >= 1 (p = {p})")
    q_from = 0.0 if math.isinf(p_from) else 1.0 / p_from
    q_to = 0.0 if math.isinf(p_to) else 1.0 / p_to
    q = q_from + t * (q_to - q_from)
    return INF if q < INVERSE_P_FLOOR else 1.0 / q


def inverse_p(p: float) -> float:
    """``1/p``, with ``1/∞ = 0``: the coordinate along which balls are interpolated."""
    if p < 1:
        raise ValueError(f"p-norms need p >= 1 (p = {p})")
    return 0.0 if math.isinf(p) else 1.0 / p
