"""Principal component analysis and low-rank factorisation, as pure functions.

Chapter 13.4 centres a correlated 2-D cloud, finds its principal axes from the singular value
decomposition of the centred data, projects the points onto the first axis, and factorises
the course's rating matrix as ``U Vᵀ`` with two columns. Everything here is numpy only (no
manim), so it can be tested without a renderer.

Conventions
-----------
* Variances are *sample* variances (divided by ``n − 1``), as scikit-learn's ``PCA`` reports
  them (``explained_variance_``).
* Angles are in **degrees**.
* A principal direction is only defined up to its sign; :func:`principal_components` turns
  each one so that its first non-zero entry is positive, and :func:`rank_k_factors` turns
  each movie profile (a row of ``Vᵀ``) so that its entries sum to a positive number (ties:
  its first entry positive), flipping the matching column of ``U`` with it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "Array",
    "correlated_cloud",
    "centre",
    "direction",
    "angle_of",
    "variance_along",
    "PCAResult",
    "principal_components",
    "project",
    "project_onto_line",
    "Factorisation",
    "rank_k_factors",
    "eckart_young_error",
]

Array = NDArray[np.float64]


def _points(points: ArrayLike) -> Array:
    p = np.asarray(points, dtype=float)
    if p.ndim != 2 or p.shape[1] != 2 or len(p) < 2:
        raise ValueError(f"expected at least two 2-D points, shape (n, 2); got {p.shape}")
    return p


def correlated_cloud(
    rng: np.random.Generator,
    n: int,
    *,
    mean: tuple[float, float],
    stds: tuple[float, float],
    angle: float,
) -> Array:
    """``n`` points of a correlated 2-D Gaussian cloud, shape (n, 2).

    Standard normal draws are scaled by ``stds`` along x and y, turned by ``angle`` degrees
    and moved to ``mean``; the sample's own mean and spread differ a little from these.

    Parameters
    ----------
    rng
        The generator that draws the points (pass a seeded one to repeat them).
    n
        Number of points (at least 2).
    mean, stds, angle
        Centre, spreads along the long and the short axis, and the long axis's direction.
    """
    if n < 2:
        raise ValueError("a cloud needs at least two points")
    z = rng.standard_normal((n, 2)) * np.asarray(stds, dtype=float)
    t = math.radians(angle)
    turn = np.array([[math.cos(t), -math.sin(t)], [math.sin(t), math.cos(t)]])
    return np.asarray(z @ turn.T + np.asarray(mean, dtype=float), dtype=np.float64)


def centre(points: ArrayLike) -> tuple[Array, Array]:
    """The points moved so that their mean is the origin, and the mean that was removed."""
    p = _points(points)
    mean = p.mean(axis=0)
    return p - mean, mean


def direction(angle: float) -> Array:
    """The unit vector at ``angle`` degrees from the x axis."""
    t = math.radians(angle)
    return np.array([math.cos(t), math.sin(t)])


def angle_of(v: ArrayLike) -> float:
    """The direction of the line spanned by ``v``, in degrees in [0, 180)."""
    x, y = np.asarray(v, dtype=float)[:2]
    return math.degrees(math.atan2(y, x)) % 180.0


def variance_along(points: ArrayLike, unit: ArrayLike) -> float:
    """Sample variance of the points' coordinates along the direction ``unit``.

    The points are centred first, so the answer does not depend on where the cloud sits.
    """
    centred, _ = centre(points)
    u = np.asarray(unit, dtype=float)
    u = u / np.linalg.norm(u)
    scores = centred @ u
    return float(scores @ scores / (len(scores) - 1))


def _sign_first_positive(v: Array) -> Array:
    nonzero = v[np.abs(v) > 1e-12]
    return -v if len(nonzero) and nonzero[0] < 0 else v


@dataclass(frozen=True)
class PCAResult:
    """The principal axes of a point cloud.

    Attributes
    ----------
    mean
        The cloud's mean, shape (d,).
    components
        Unit principal directions as *rows*, shape (d, d), largest variance first; each
        turned so that its first non-zero entry is positive.
    singular_values
        Singular values of the centred data, largest first.
    explained_variance
        Sample variance along each component: ``σᵢ² / (n − 1)``.
    """

    mean: Array
    components: Array
    singular_values: Array
    explained_variance: Array

    @property
    def explained_variance_ratio(self) -> Array:
        """Each component's share of the total variance (sums to 1)."""
        return np.asarray(self.explained_variance / self.explained_variance.sum())

    @property
    def stds(self) -> Array:
        """Standard deviation along each component."""
        return np.asarray(np.sqrt(self.explained_variance))

    def component(self, i: int) -> Array:
        """Unit principal direction ``i`` (a copy)."""
        return np.asarray(self.components[i], dtype=np.float64).copy()


def principal_components(points: ArrayLike) -> PCAResult:
    """Principal axes from the SVD of the centred data ``X − x̄ = U Σ Vᵀ``.

    The rows of ``Vᵀ`` are the directions; ``σᵢ² / (n − 1)`` is the variance along each.
    """
    p = np.asarray(points, dtype=float)
    if p.ndim != 2 or len(p) < 2:
        raise ValueError(f"expected an (n, d) array with n >= 2, got shape {p.shape}")
    mean = p.mean(axis=0)
    _, s, vt = np.linalg.svd(p - mean, full_matrices=False)
    rows = np.array([_sign_first_positive(row) for row in vt])
    return PCAResult(
        mean=mean,
        components=rows,
        singular_values=s,
        explained_variance=s**2 / (len(p) - 1),
    )


def project(points: ArrayLike, result: PCAResult, k: int = 1) -> Array:
    """Coordinates of the points along the first ``k`` components (the PCA scores), (n, k)."""
    if not 1 <= k <= len(result.components):
        raise ValueError(f"k must be in 1…{len(result.components)}, got {k}")
    p = np.asarray(points, dtype=float)
    return np.asarray((p - result.mean) @ result.components[:k].T)


def project_onto_line(points: ArrayLike, unit: ArrayLike, through: ArrayLike) -> Array:
    """Where each point lands when dropped at a right angle onto the line through
    ``through`` along ``unit``, shape (n, 2)."""
    p = _points(points)
    u = np.asarray(unit, dtype=float)
    u = u / np.linalg.norm(u)
    o = np.asarray(through, dtype=float)
    return np.asarray(o + np.outer((p - o) @ u, u))


@dataclass(frozen=True)
class Factorisation:
    """``M ≈ U Vᵀ`` with ``k`` columns: ``U = U_k Σ_k`` (one row per user), ``Vᵀ = V_kᵀ``
    (one unit row per factor)."""

    u: Array
    vt: Array

    @property
    def k(self) -> int:
        return int(self.vt.shape[0])

    def product(self) -> Array:
        """``U Vᵀ``: the rank-k reconstruction."""
        return np.asarray(self.u @ self.vt)


def rank_k_factors(m: ArrayLike, k: int) -> Factorisation:
    """The best rank-``k`` factorisation of ``m`` from its truncated SVD.

    Each row of ``Vᵀ`` is turned so that its entries sum to a positive number (ties: the
    first non-zero entry positive), and the matching column of ``U`` turns with it, so
    ``U Vᵀ`` is unchanged.

    Raises
    ------
    ValueError
        If ``k`` is not in ``1 … min(m.shape)``.
    """
    a = np.asarray(m, dtype=float)
    if a.ndim != 2 or not 1 <= k <= min(a.shape):
        raise ValueError(f"k must be in 1…{min(a.shape)} for a matrix of shape {a.shape}")
    u, s, vt = np.linalg.svd(a, full_matrices=False)
    us, rows = u[:, :k] * s[:k], vt[:k].copy()
    for i in range(k):
        total = rows[i].sum()
        flip = total < -1e-12 or (
            abs(total) <= 1e-12 and _sign_first_positive(rows[i])[0] != rows[i][0]
        )
        if flip:
            rows[i], us[:, i] = -rows[i], -us[:, i]
    return Factorisation(u=np.asarray(us), vt=np.asarray(rows))


def eckart_young_error(m: ArrayLike, k: int) -> float:
    """``‖M − M_k‖_F`` of the best rank-``k`` approximation: the root of the sum of the
    squared singular values that were dropped (Eckart–Young)."""
    a = np.asarray(m, dtype=float)
    if a.ndim != 2 or not 0 <= k <= min(a.shape):
        raise ValueError(f"k must be in 0…{min(a.shape)} for a matrix of shape {a.shape}")
    s = np.linalg.svd(a, compute_uv=False)
    return float(math.sqrt(float(np.sum(s[k:] ** 2))))
