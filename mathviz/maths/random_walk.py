"""Simple symmetric random walks: the first stochastic process of the course.

Each walker starts at 0 and, at every tick, steps +1 or −1 with probability ½ each,
independently. After ``n`` steps a walker's position is a sum of ``n`` independent ±1 steps,
each of variance 1, so its variance is ``n`` and its standard deviation ``√n``; by the central
limit theorem about 68 % of many walkers lie within ``±√n`` of the start.

:func:`walk_paths` draws every walker's whole path from a :class:`numpy.random.Generator`
passed in (no global randomness); :func:`position_at` interpolates a path between ticks (for
drawing), :func:`sample_variance` and :func:`share_within` summarise positions.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "walk_paths",
    "position_at",
    "sample_variance",
    "share_within",
    "markov_steps",
]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


def walk_paths(walkers: int, steps: int, rng: np.random.Generator) -> IntArray:
    """Positions of ``walkers`` independent walks at ticks 0…``steps``.

    Parameters
    ----------
    walkers, steps
        How many walkers and how many ±1 steps each.
    rng
        The generator; each step is ``2 · rng.integers(0, 2) − 1``, drawn as one
        ``(walkers, steps)`` array, walker by walker (row-major).

    Returns
    -------
    numpy.ndarray
        ``(walkers, steps + 1)`` integers; column 0 is all zeros.
    """
    if walkers < 1 or steps < 0:
        raise ValueError(f"need at least one walker and no negative steps: {walkers}, {steps}")
    moves = 2 * rng.integers(0, 2, size=(walkers, steps)) - 1
    paths = np.zeros((walkers, steps + 1), dtype=np.int64)
    paths[:, 1:] = np.cumsum(moves, axis=1)
    return paths


def position_at(paths: ArrayLike, t: float) -> FloatArray:
    """Every walker's position at time ``t`` (ticks), linear between ticks."""
    p = np.atleast_2d(np.asarray(paths, dtype=float))
    steps = p.shape[1] - 1
    t = min(max(float(t), 0.0), float(steps))
    k = min(int(math.floor(t)), max(steps - 1, 0))
    frac = t - k
    if steps == 0:
        return np.asarray(p[:, 0], dtype=np.float64)
    return np.asarray(p[:, k] + frac * (p[:, k + 1] - p[:, k]), dtype=np.float64)


def sample_variance(positions: ArrayLike) -> float:
    """Sample variance (divisor ``m − 1``) of ``m`` positions."""
    x = np.asarray(positions, dtype=float).ravel()
    if x.size < 2:
        raise ValueError("a sample variance needs at least two values")
    mean = float(x.mean())
    return float(np.sum((x - mean) ** 2) / (x.size - 1))


def share_within(positions: ArrayLike, half_width: float) -> float:
    """Share of positions ``x`` with ``|x| ≤ half_width``."""
    x = np.asarray(positions, dtype=float).ravel()
    return float(np.count_nonzero(np.abs(x) <= half_width + 1e-9) / x.size)


def markov_steps(
    start: int, steps: int, rng: np.random.Generator, *, low: int, high: int
) -> IntArray:
    """One walker's states on ``low…high``: ±1 with probability ½, held at a wall it would
    cross (a reflecting chain for a short picture)."""
    states = [start]
    for move in 2 * rng.integers(0, 2, size=steps) - 1:
        nxt = states[-1] + int(move)
        states.append(min(max(nxt, low), high))
    return np.asarray(states, dtype=np.int64)
