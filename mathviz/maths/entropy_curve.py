"""Entropy as average surprise: the binary entropy curve, blends of distributions, and codes.

The pure side of lecture 10.2. It builds on :mod:`mathviz.maths.information` (surprise and
entropy in bits) and adds what the lecture draws:

* :func:`binary_entropy_curve` — ``H(p)`` over a grid of ``p`` (0 at both ends);
* :func:`surprise_terms` — each outcome's surprise ``−log₂ pᵢ`` and its share ``pᵢ · (−log₂ pᵢ)``
  of the entropy;
* :func:`blend` — a distribution part way from one to another (a straight line inside the
  simplex, so every blend is itself a distribution);
* :func:`huffman_code` — codewords of a binary Huffman code (a yes/no question per digit),
  and :func:`average_code_length`, ``Σ pᵢ ℓᵢ``.

No manim here: the primitives of :mod:`mathviz.primitives.entropy_bars` draw these.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathviz.maths.information import BITS, as_distribution, binary_entropy, surprise

__all__ = [
    "binary_entropy_curve",
    "surprise_terms",
    "blend",
    "huffman_code",
    "average_code_length",
    "grid_between",
]

Floats = NDArray[np.float64]


def binary_entropy_curve(ps: ArrayLike, base: float = BITS) -> Floats:
    """``H(p) = −p log p − (1 − p) log(1 − p)`` at every ``p`` of ``ps`` (each in [0, 1]).

    Returns
    -------
    numpy.ndarray
        One entropy per ``p``, same shape as ``ps``; 0 at ``p = 0`` and ``p = 1``.
    """
    arr = np.asarray(ps, dtype=np.float64)
    flat = [binary_entropy(float(p), base) for p in arr.ravel().tolist()]
    return np.asarray(flat, dtype=np.float64).reshape(arr.shape)


def surprise_terms(p: ArrayLike, base: float = BITS) -> tuple[Floats, Floats]:
    """Each outcome's surprise and its weighted share of the entropy.

    Parameters
    ----------
    p
        A probability vector.
    base
        The logarithm's base (2: bits).

    Returns
    -------
    tuple of numpy.ndarray
        ``(surprises, shares)``: ``−log pᵢ`` (``inf`` for an impossible outcome) and
        ``pᵢ · (−log pᵢ)`` (0 for an impossible outcome); the shares sum to ``H(p)``.
    """
    arr = as_distribution(p)
    surprises = np.array([surprise(float(pi), base) for pi in arr.tolist()], dtype=np.float64)
    shares = np.array(
        [float(pi) * s if pi > 0 else 0.0 for pi, s in zip(arr.tolist(), surprises, strict=True)],
        dtype=np.float64,
    )
    return surprises, shares


def blend(start: ArrayLike, end: ArrayLike, t: float) -> Floats:
    """The distribution a share ``t`` of the way from ``start`` to ``end`` (``t`` in [0, 1]).

    Both ends are probability vectors of one length; so is every blend (a convex combination).
    """
    if not 0.0 <= t <= 1.0:
        raise ValueError(f"a blend's share lies in [0, 1], got {t}")
    a, b = as_distribution(start, "start"), as_distribution(end, "end")
    if a.shape != b.shape:
        raise ValueError(f"start and end must have the same outcomes: {a.size} vs {b.size}")
    return np.asarray((1.0 - t) * a + t * b, dtype=np.float64)


def huffman_code(p: ArrayLike) -> list[str]:
    """Codewords of a binary Huffman code for ``p`` (outcome ``i`` gets ``code[i]``).

    The two least likely groups are merged again and again; of the two, the one taken first
    (the less likely, or on a tie the one holding the earlier outcome) gets the digit ``0``,
    so the result is reproducible.
    For a dyadic distribution (every ``pᵢ`` a power of one half) each codeword is
    ``−log₂ pᵢ`` digits long.
    """
    arr = as_distribution(p)
    if arr.size == 1:
        return ["0"]
    codes = [""] * arr.size
    # (probability, first outcome in the group, outcomes): a total order, no ties left
    heap: list[tuple[float, int, tuple[int, ...]]] = [
        (float(pi), i, (i,)) for i, pi in enumerate(arr.tolist())
    ]
    heapq.heapify(heap)
    while len(heap) > 1:
        first = heapq.heappop(heap)
        second = heapq.heappop(heap)
        for i in first[2]:
            codes[i] = "0" + codes[i]
        for i in second[2]:
            codes[i] = "1" + codes[i]
        merged = (first[0] + second[0], min(first[1], second[1]), first[2] + second[2])
        heapq.heappush(heap, merged)
    return codes


def average_code_length(p: ArrayLike, codes: Sequence[str]) -> float:
    """``Σ pᵢ · len(codeᵢ)``: digits (yes/no answers) per outcome, on average."""
    arr = as_distribution(p)
    if len(codes) != arr.size:
        raise ValueError(f"one codeword per outcome: {len(codes)} for {arr.size}")
    return math.fsum(float(pi) * len(c) for pi, c in zip(arr.tolist(), codes, strict=True))


def grid_between(start: float, end: float, per_unit: int) -> list[float]:
    """The fractions ``k / per_unit`` strictly between ``start`` and ``end`` (either order),
    in the order met walking from ``start`` to ``end``, then ``end`` itself.

    A trail sampled on this grid has the same anchors however many frames drew it, and it
    passes exactly through every grid fraction it crosses (``p = 0.5`` included: ``k / n`` is
    computed as a division, so ``200 / 400`` is exactly one half).
    """
    if per_unit <= 0:
        raise ValueError(f"a grid needs a positive number of steps per unit, got {per_unit}")
    if end == start:
        return [end]
    lo, hi = sorted((start, end))
    ks = range(math.floor(lo * per_unit), math.ceil(hi * per_unit) + 1)
    inside = [k / per_unit for k in ks if lo < k / per_unit < hi]
    if end < start:
        inside.reverse()
    return [*inside, end]
