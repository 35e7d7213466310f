"""Riemann sums, signed areas and the accumulated area ``A(x) = ∫_a^x f`` of a function.

Pure numerics (numpy/scipy): the rectangles a Riemann sum is made of, the positive and
negative parts of an integral, and the outline of the region between a curve and the x-axis,
which the drawing primitives turn into polygons.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import integrate

__all__ = [
    "RealFunction",
    "Rule",
    "RULES",
    "RiemannSum",
    "riemann_sum",
    "SignedArea",
    "signed_area",
    "accumulated_area",
    "region_outline",
    "polygon_area",
]

#: element-wise real function, evaluated at float64 arrays and at float64 scalars
RealFunction = Callable[[np.float64 | NDArray[np.float64]], float | NDArray[np.float64]]
Rule = Literal["left", "mid", "right"]
RULES: tuple[str, ...] = ("left", "mid", "right")


@dataclass(frozen=True)
class RiemannSum:
    """The rectangles of a Riemann sum of ``f`` over ``[a, b]``.

    Attributes
    ----------
    edges
        Shape (n + 1,): the partition ``a = x_0 < … < x_n = b``.
    samples
        Shape (n,): where ``f`` is evaluated in each sub-interval (left end, midpoint, right end).
    heights
        Shape (n,): ``f(samples)``, signed.
    rule
        ``"left"``, ``"mid"`` or ``"right"``.
    """

    edges: NDArray[np.float64]
    samples: NDArray[np.float64]
    heights: NDArray[np.float64]
    rule: str

    @property
    def n(self) -> int:
        """Number of rectangles."""
        return len(self.heights)

    @property
    def widths(self) -> NDArray[np.float64]:
        """Width of each rectangle."""
        return np.diff(self.edges)

    @property
    def total(self) -> float:
        """``Σ f(sᵢ) Δxᵢ``: the signed sum of the rectangles' areas."""
        return float(np.sum(self.heights * self.widths))


def riemann_sum(f: RealFunction, a: float, b: float, n: int, rule: Rule = "mid") -> RiemannSum:
    """Riemann sum of ``f`` on ``[a, b]`` with ``n`` equal sub-intervals.

    Parameters
    ----------
    f
        Vectorised real function.
    a, b
        Interval, ``a < b``.
    n
        Number of rectangles, at least 1.
    rule
        Where each rectangle's height is sampled: ``"left"``, ``"mid"`` or ``"right"``.

    Raises
    ------
    ValueError
        If ``n < 1``, ``a >= b`` or the rule is unknown.
    """
    if n < 1:
        raise ValueError("a Riemann sum needs at least one rectangle")
    if not a < b:
        raise ValueError("the interval must have a < b")
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}; use one of {RULES}")
    edges = np.linspace(a, b, n + 1)
    samples = {"left": edges[:-1], "right": edges[1:], "mid": (edges[:-1] + edges[1:]) / 2}[rule]
    heights = np.asarray(f(samples), dtype=float) * np.ones_like(samples)
    return RiemannSum(edges, samples, heights, rule)


@dataclass(frozen=True)
class SignedArea:
    """The integral of ``f`` split into the area above the axis and the area below it.

    ``positive ≥ 0`` is the area above, ``negative ≤ 0`` the (signed) area below, and
    ``total = positive + negative`` the integral.
    """

    positive: float
    negative: float

    @property
    def total(self) -> float:
        return self.positive + self.negative


def signed_area(
    f: RealFunction, a: float, b: float, breakpoints: ArrayLike | None = None
) -> SignedArea:
    """``∫_a^b max(f, 0)`` and ``∫_a^b min(f, 0)`` by adaptive quadrature (scipy ``quad``).

    Parameters
    ----------
    breakpoints
        Known zeros of ``f`` inside ``(a, b)``; quadrature splits there (the kinks of
        ``max(f, 0)``), which keeps it accurate to machine precision.
    """
    if not a < b:
        raise ValueError("the interval must have a < b")
    cuts = sorted(
        {
            a,
            b,
            *(
                float(p)
                for p in np.atleast_1d(breakpoints if breakpoints is not None else [])
                if a < p < b
            ),
        }
    )
    pos = neg = 0.0
    for lo, hi in pairwise(cuts):
        pos += integrate.quad(lambda t: max(float(f(np.float64(t))), 0.0), lo, hi, limit=200)[0]
        neg += integrate.quad(lambda t: min(float(f(np.float64(t))), 0.0), lo, hi, limit=200)[0]
    return SignedArea(pos, neg)


def accumulated_area(f: RealFunction, a: float, xs: ArrayLike) -> NDArray[np.float64]:
    """``A(x) = ∫_a^x f(t) dt`` at each ``x`` in ``xs`` (scipy ``quad``; negative below ``a``)."""
    return np.array(
        [
            integrate.quad(lambda t: float(f(np.float64(t))), a, float(x), limit=200)[0]
            for x in np.atleast_1d(np.asarray(xs, dtype=float))
        ]
    )


def region_outline(
    f: RealFunction, a: float, b: float, part: Literal["positive", "negative"], samples: int = 600
) -> NDArray[np.float64]:
    """Closed outline ``(x, y)`` of the region between the x-axis and ``max(f, 0)`` (or
    ``min(f, 0)``) over ``[a, b]``: along the axis from ``a`` to ``b``, then back along the
    clipped curve. Its shoelace area (:func:`polygon_area`) is the part's signed integral:
    positive above the axis, negative below.

    Parameters
    ----------
    samples
        Curve samples (uniform in ``[a, b]``); the polygon's area is the trapezoid rule.

    Returns
    -------
    Shape (samples + 2, 2): ``(a, 0)``, ``(b, 0)``, the clipped curve from ``b`` back to ``a``.
    """
    if samples < 2:
        raise ValueError("at least two samples are needed")
    if part not in ("positive", "negative"):
        raise ValueError("part is 'positive' or 'negative'")
    xs = np.linspace(a, b, samples)
    ys = np.asarray(f(xs), dtype=float) * np.ones_like(xs)
    ys = np.maximum(ys, 0.0) if part == "positive" else np.minimum(ys, 0.0)
    return np.vstack([[a, 0.0], [b, 0.0], np.column_stack([xs, ys])[::-1]])


def polygon_area(points: ArrayLike) -> float:
    """Signed shoelace area of a closed polygon (counter-clockwise positive)."""
    p = np.asarray(points, dtype=float)
    x, y = p[:, 0], p[:, 1]
    return float(0.5 * (np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))
