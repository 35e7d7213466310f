"""Approximation: Taylor partial sums of sin x, and the forward-difference error against h.

Pure numerics: exact Taylor coefficients (Fractions), partial sums evaluated in float64, and
the error curve ``|(f(x + h) − f(x))/h − f′(x)|`` whose V shape on log–log axes shows the
truncation error falling with h and the round-off error rising as h shrinks.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "RealFunction",
    "sin_taylor_coefficients",
    "sin_taylor",
    "sin_taylor_error",
    "symmetric_range_within",
    "ErrorCurve",
    "forward_difference_errors",
    "decade_steps",
]

#: element-wise real function, evaluated at float64 arrays and at float64 scalars
RealFunction = Callable[[np.float64 | NDArray[np.float64]], float | NDArray[np.float64]]


def sin_taylor_coefficients(degree: int) -> list[Fraction]:
    """Exact Maclaurin coefficients ``c_0 … c_degree`` of sin x.

    ``c_k = (−1)^((k−1)/2) / k!`` for odd ``k`` and 0 for even ``k``.

    Raises
    ------
    ValueError
        If ``degree`` is negative.
    """
    if degree < 0:
        raise ValueError("degree must be non-negative")
    return [
        Fraction((-1) ** ((k - 1) // 2), math.factorial(k)) if k % 2 else Fraction(0)
        for k in range(degree + 1)
    ]


def sin_taylor(x: ArrayLike, degree: int) -> NDArray[np.float64] | float:
    """The degree-``degree`` Taylor polynomial of sin around 0, evaluated at ``x`` (Horner)."""
    coefficients = [float(c) for c in sin_taylor_coefficients(degree)]
    xs = np.asarray(x, dtype=float)
    value = np.zeros_like(xs)
    for c in reversed(coefficients):
        value = value * xs + c
    return float(value) if value.ndim == 0 else value


def sin_taylor_error(x: float, degree: int) -> float:
    """``|sin x − p_degree(x)|``."""
    return abs(math.sin(x) - float(sin_taylor(x, degree)))


def symmetric_range_within(degree: int, limit: float, x_max: float, step: float = 0.01) -> float:
    """Largest ``r ≤ x_max`` (on a ``step`` grid) with ``|p_degree(x)| ≤ limit`` on ``[−r, r]``.

    Used to plot each Taylor polynomial only where it stays inside the axes' y-range.
    """
    grid = np.arange(0.0, x_max + step / 2, step)
    inside = np.abs(np.asarray(sin_taylor(grid, degree))) <= limit
    outside = np.flatnonzero(~inside)
    return float(x_max if outside.size == 0 else grid[max(outside[0] - 1, 0)])


@dataclass(frozen=True)
class ErrorCurve:
    """``error[i] = |(f(x + h_i) − f(x))/h_i − f′(x)|`` for each step ``h_i`` (float64)."""

    steps: NDArray[np.float64]
    errors: NDArray[np.float64]

    @property
    def argmin(self) -> int:
        return int(np.argmin(self.errors))

    @property
    def best_step(self) -> float:
        """The ``h`` with the smallest error."""
        return float(self.steps[self.argmin])

    @property
    def best_error(self) -> float:
        return float(self.errors[self.argmin])


def forward_difference_errors(
    f: RealFunction, derivative: RealFunction, x: float, steps: ArrayLike
) -> ErrorCurve:
    """Error of the forward difference ``(f(x + h) − f(x))/h`` against ``f′(x)``, per ``h``.

    Raises
    ------
    ValueError
        If a step is not positive.
    """
    hs = np.asarray(steps, dtype=float)
    if np.any(hs <= 0):
        raise ValueError("steps must be positive")
    x64 = np.float64(x)
    estimates = (np.asarray(f(x64 + hs), dtype=float) - np.float64(f(x64))) / hs
    return ErrorCurve(hs, np.abs(estimates - np.float64(derivative(x64))))


def decade_steps(first: int = 1, last: int = 15) -> NDArray[np.float64]:
    """``10^-first, …, 10^-last`` exactly as float64 parses ``1e-k``."""
    if first > last:
        raise ValueError("first must not exceed last")
    return np.array([float(f"1e-{k}") for k in range(first, last + 1)])
