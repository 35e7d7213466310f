"""Distance metrics as paths and gaps, and distances between random points in high dimension.

The L1 distance is the length of an axis-aligned "Manhattan" staircase, the L2 distance the
length of the straight segment, the L∞ distance the largest single coordinate gap. The norms
themselves live in :mod:`mathviz.maths.vectors`; this module adds the pieces chapter 5.2 draws.
Pure numpy.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "manhattan_path",
    "path_length",
    "largest_gap",
    "pairwise_distances",
    "relative_spread",
    "normalised_distance_histogram",
]


def _pair(u: ArrayLike, v: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    a, b = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    if a.ndim != 1 or a.size == 0 or a.shape != b.shape:
        raise ValueError(
            f"expected two non-empty 1-D vectors of one length, got shapes {a.shape} and {b.shape}"
        )
    return a, b


def manhattan_path(
    start: ArrayLike, end: ArrayLike, order: Sequence[int] | None = None
) -> NDArray[np.float64]:
    """Waypoints of a staircase from ``start`` to ``end`` moving along one axis at a time.

    Parameters
    ----------
    start, end
        Points of the same dimension n.
    order
        The axis changed at each step (a permutation of ``range(n)``); default ``0, 1, …``.

    Returns
    -------
    ndarray, shape (n + 1, n)
        ``start``, then ``start`` with the first ``k`` axes of ``order`` already at ``end``'s
        values, …, ``end``. Its total length is the L1 distance.
    """
    a, b = _pair(start, end)
    axes = list(range(a.size)) if order is None else [int(i) for i in order]
    if sorted(axes) != list(range(a.size)):
        raise ValueError(f"order must be a permutation of 0..{a.size - 1}, got {axes}")
    points = [a.copy()]
    for axis in axes:
        nxt = points[-1].copy()
        nxt[axis] = b[axis]
        points.append(nxt)
    return np.array(points)


def path_length(points: ArrayLike) -> float:
    """Total Euclidean length of the polyline through ``points`` (shape (k, n), k ≥ 1)."""
    p = np.asarray(points, dtype=float)
    if p.ndim != 2 or p.shape[0] < 1:
        raise ValueError(f"expected points of shape (k, n), got {p.shape}")
    return float(np.sum(np.sqrt(np.sum(np.diff(p, axis=0) ** 2, axis=1))))


def largest_gap(u: ArrayLike, v: ArrayLike) -> tuple[int, float]:
    """The coordinate where ``u`` and ``v`` differ most, and that gap ``|uᵢ − vᵢ|``.

    Ties go to the first such coordinate. The gap is the L∞ (Chebyshev) distance.
    """
    a, b = _pair(u, v)
    gaps = np.abs(a - b)
    i = int(np.argmax(gaps))
    return i, float(gaps[i])


def pairwise_distances(points: ArrayLike) -> NDArray[np.float64]:
    """Euclidean distances between all pairs ``i < j`` of rows of ``points``, shape (m(m−1)/2,).

    Rows are compared in the order (0,1), (0,2), …, (1,2), … (the condensed order of
    ``scipy.spatial.distance.pdist``).
    """
    p = np.asarray(points, dtype=float)
    if p.ndim != 2 or p.shape[0] < 2:
        raise ValueError(f"need at least two points of shape (m, d), got {p.shape}")
    i, j = np.triu_indices(p.shape[0], k=1)
    return np.asarray(np.sqrt(np.sum((p[i] - p[j]) ** 2, axis=1)), dtype=np.float64)


def relative_spread(values: ArrayLike) -> float:
    """Standard deviation over mean of positive ``values``: how wide they are, scale-free."""
    v = np.asarray(values, dtype=float)
    if v.size == 0 or np.mean(v) <= 0:
        raise ValueError("need values with a positive mean")
    return float(np.std(v) / np.mean(v))


def normalised_distance_histogram(points: ArrayLike, edges: ArrayLike) -> NDArray[np.float64]:
    """Share of point pairs per bin of *distance divided by the mean distance*.

    Parameters
    ----------
    points
        Shape (m, d).
    edges
        Increasing bin edges (k + 1 of them) on the normalised scale; 1 is the mean distance.

    Returns
    -------
    ndarray, shape (k,)
        Fractions of all pairs falling in each bin (pairs outside the edges are not counted,
        so the fractions sum to at most 1).
    """
    d = pairwise_distances(points)
    e = np.asarray(edges, dtype=float)
    if e.ndim != 1 or e.size < 2 or np.any(np.diff(e) <= 0):
        raise ValueError("edges must be an increasing 1-D array of at least two values")
    counts, _ = np.histogram(d / np.mean(d), bins=e)
    return counts / d.size
