"""Vectors as data: norms, distances, dot products, angles, projections and unit balls.

Pure numpy. Used by the vector chapters (4.1, 4.2) and the distance chapters (5.1, 5.2).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "INF",
    "plane_vector",
    "p_norm",
    "distance",
    "dot",
    "cosine_similarity",
    "angle_degrees",
    "projection",
    "scalar_projection",
    "unit_ball_boundary",
    "distance_contrast",
    "concentration_curve",
]

#: the p of the ∞-norm, as accepted by every function here
INF = math.inf


def _vec(v: ArrayLike) -> NDArray[np.float64]:
    a = np.asarray(v, dtype=float)
    if a.ndim != 1 or a.size == 0:
        raise ValueError(f"expected a non-empty 1-D vector, got shape {a.shape}")
    return a


def plane_vector(v: ArrayLike, name: str = "vector") -> NDArray[np.float64]:
    """``v`` as a float vector of the plane, shape (2,); ``ValueError`` naming it otherwise."""
    a = np.asarray(v, dtype=float)
    if a.shape != (2,):
        raise ValueError(f"{name} must be a 2-D vector, got shape {a.shape}")
    return a


def _pair(u: ArrayLike, v: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    a, b = _vec(u), _vec(v)
    if a.shape != b.shape:
        raise ValueError(f"vectors of different lengths: {a.size} and {b.size}")
    return a, b


def p_norm(v: ArrayLike, p: float = 2.0) -> float:
    """The p-norm ``(Σ|vᵢ|ᵖ)^(1/p)``; ``p = INF`` gives ``max |vᵢ|``. Requires ``p ≥ 1``."""
    a = _vec(v)
    if p < 1:
        raise ValueError(f"p-norms need p >= 1 (p = {p} is not a norm)")
    scale = float(np.max(np.abs(a)))
    if math.isinf(p) or scale == 0.0:
        return scale
    # factor out the largest entry: (Σ|vᵢ/s|ᵖ)^(1/p)·s stays finite for large p
    return scale * float(np.sum((np.abs(a) / scale) ** p) ** (1.0 / p))


def distance(u: ArrayLike, v: ArrayLike, p: float = 2.0) -> float:
    """The p-norm distance ``‖u − v‖ₚ`` (1: Manhattan, 2: Euclidean, INF: Chebyshev)."""
    a, b = _pair(u, v)
    return p_norm(a - b, p)


def dot(u: ArrayLike, v: ArrayLike) -> float:
    """The dot product ``Σ uᵢ vᵢ``."""
    a, b = _pair(u, v)
    return float(a @ b)


def cosine_similarity(u: ArrayLike, v: ArrayLike) -> float:
    """``u·v / (‖u‖ ‖v‖)``: 1 for the same direction, 0 at right angles, −1 opposite."""
    a, b = _pair(u, v)
    na, nb = np.linalg.norm(a), np.linalg.norm(b)
    if na == 0 or nb == 0:
        raise ValueError("cosine similarity is undefined for a zero vector")
    return float(np.clip(a @ b / (na * nb), -1.0, 1.0))


def angle_degrees(u: ArrayLike, v: ArrayLike) -> float:
    """The angle between two vectors in degrees, in [0, 180].

    Kahan's formula, ``2·atan2(‖‖v‖u − ‖u‖v‖, ‖‖v‖u + ‖u‖v‖)``, is accurate at every angle;
    ``acos`` of the cosine loses half the digits near 0° and 180° (it gave 179.9999988° for
    (1, 2) and (−2, −4)).
    """
    a, b = _pair(u, v)
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    if na == 0 or nb == 0:
        raise ValueError("the angle with the zero vector is undefined")
    return math.degrees(
        2
        * math.atan2(float(np.linalg.norm(nb * a - na * b)), float(np.linalg.norm(nb * a + na * b)))
    )


def projection(u: ArrayLike, onto: ArrayLike) -> NDArray[np.float64]:
    """The orthogonal projection of ``u`` onto the line spanned by ``onto``."""
    a, b = _pair(u, onto)
    bb = float(b @ b)
    if bb == 0:
        raise ValueError("cannot project onto the zero vector")
    return (a @ b / bb) * b


def scalar_projection(u: ArrayLike, onto: ArrayLike) -> float:
    """The signed length of ``u``'s shadow on ``onto``: ``u·onto / ‖onto‖``."""
    a, b = _pair(u, onto)
    nb = float(np.linalg.norm(b))
    if nb == 0:
        raise ValueError("cannot project onto the zero vector")
    return float(a @ b) / nb


def unit_ball_boundary(p: float, n: int = 256) -> NDArray[np.float64]:
    """``n`` points on the 2-D unit sphere of the p-norm, shape (n, 2), counter-clockwise.

    Point ``k`` lies on the ray at angle ``2πk/n``, scaled so its p-norm is exactly 1. Rays are
    shared across p, so boundaries for different p correspond point by point: interpolating
    between them morphs one ball into another without twisting.
    """
    if n < 4:
        raise ValueError("need at least 4 boundary points")
    theta = np.linspace(0.0, 2 * np.pi, n, endpoint=False)
    rays = np.stack([np.cos(theta), np.sin(theta)], axis=1)
    norms = np.array([p_norm(r, p) for r in rays])
    return np.asarray(rays / norms[:, None], dtype=np.float64)


def distance_contrast(points: ArrayLike, query: ArrayLike, p: float = 2.0) -> float:
    """Relative contrast ``(d_max − d_min) / d_min`` of distances from ``query`` to ``points``.

    It shrinks towards 0 as dimension grows for random data: the nearest and the farthest
    neighbour become almost equally far ("distance concentration").
    """
    pts = np.asarray(points, dtype=float)
    q = _vec(query)
    if pts.ndim != 2 or pts.shape[1] != q.size:
        raise ValueError(f"points must have shape (m, {q.size}), got {pts.shape}")
    diff = pts - q
    if math.isinf(p):
        d = np.max(np.abs(diff), axis=1)
    else:
        d = np.sum(np.abs(diff) ** p, axis=1) ** (1.0 / p)
    if d.min() == 0:
        raise ValueError("the query coincides with a point; contrast is undefined")
    return float((d.max() - d.min()) / d.min())


def concentration_curve(
    dimensions: ArrayLike, rng: np.random.Generator, *, n_points: int = 500, trials: int = 20
) -> NDArray[np.float64]:
    """Mean relative contrast of Euclidean distances for uniform random points in [0, 1]ᵈ.

    Parameters
    ----------
    dimensions
        The dimensions d to sample.
    rng
        The random generator (the caller seeds it; nothing global is touched).
    n_points, trials
        Points per cloud, and clouds averaged per dimension.
    """
    out = []
    for d in np.asarray(dimensions, dtype=int):
        if d < 1:
            raise ValueError("dimensions must be >= 1")
        vals = [distance_contrast(rng.random((n_points, d)), rng.random(d)) for _ in range(trials)]
        out.append(float(np.mean(vals)))
    return np.array(out)
