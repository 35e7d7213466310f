"""Single-variable calculus: secant slopes, limits, derivatives, critical points, chain rule.

Everything here is numeric or closed-form (numpy/scipy only). The lectures' tests check these
functions against sympy, a route that shares nothing with them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq

__all__ = [
    "RealFunction",
    "DifferentiableFunction",
    "SQUARE",
    "CUBE",
    "CUBIC_WELL",
    "SIN_OF_SQUARE",
    "secant_slope",
    "secant_slopes",
    "square_secant_slope",
    "central_difference",
    "sin_over_x",
    "tangent_line",
    "critical_points",
    "classify_critical_point",
    "ChainRuleStep",
    "chain_rule",
    "SINE",
    "compose",
]

RealFunction = Callable[[float], float]


@dataclass(frozen=True)
class DifferentiableFunction:
    """A real function together with its closed-form derivative.

    Attributes
    ----------
    name
        How the function is written (plain text, e.g. ``"x^3/3 - x"``).
    f
        The function.
    df
        Its derivative, written out by hand (not numerically approximated).
    """

    name: str
    f: RealFunction
    df: RealFunction

    def __call__(self, x: float) -> float:
        return float(self.f(x))

    def derivative(self, x: float) -> float:
        """``f′(x)`` from the closed form."""
        return float(self.df(x))


#: the course's examples
SQUARE = DifferentiableFunction("x^2", lambda x: x * x, lambda x: 2.0 * x)
CUBE = DifferentiableFunction("x^3", lambda x: x**3, lambda x: 3.0 * x * x)
CUBIC_WELL = DifferentiableFunction("x^3/3 - x", lambda x: x**3 / 3.0 - x, lambda x: x * x - 1.0)
SIN_OF_SQUARE = DifferentiableFunction(
    "sin(x^2)", lambda x: math.sin(x * x), lambda x: 2.0 * x * math.cos(x * x)
)


def secant_slope(f: RealFunction, x0: float, h: float) -> float:
    """Slope of the secant through ``(x0, f(x0))`` and ``(x0 + h, f(x0 + h))``.

    Raises
    ------
    ValueError
        If ``h`` is zero: two equal points do not fix a line (that is what the limit is for).
    """
    if h == 0:
        raise ValueError("h must be non-zero: a secant needs two distinct points")
    return (float(f(x0 + h)) - float(f(x0))) / h


def secant_slopes(f: RealFunction, x0: float, hs: Sequence[float]) -> list[float]:
    """:func:`secant_slope` for each ``h`` in ``hs`` (a sequence shrinking towards zero)."""
    return [secant_slope(f, x0, h) for h in hs]


def square_secant_slope(x0: float, h: float) -> float:
    """Closed form of the secant slope of ``x²``: ``((x0+h)² − x0²)/h = 2·x0 + h``."""
    return 2.0 * x0 + h


def central_difference(f: RealFunction, x: float, h: float = 1e-5) -> float:
    """Numeric derivative ``(f(x+h) − f(x−h)) / 2h`` (error O(h²))."""
    if h <= 0:
        raise ValueError("h must be positive")
    return (float(f(x + h)) - float(f(x - h))) / (2.0 * h)


def sin_over_x(x: float) -> float:
    """``sin(x)/x``; undefined at 0 (the graph has a hole there, its limit is 1).

    Raises
    ------
    ValueError
        At ``x == 0``.
    """
    if x == 0:
        raise ValueError("sin(x)/x is undefined at x = 0 (its limit there is 1)")
    return math.sin(x) / x


def tangent_line(fn: DifferentiableFunction, x0: float) -> tuple[float, float]:
    """``(slope, intercept)`` of the tangent to ``fn`` at ``x0``."""
    m = fn.derivative(x0)
    return m, fn(x0) - m * x0


def critical_points(
    df: RealFunction, interval: tuple[float, float], samples: int = 401, tol: float = 1e-12
) -> list[float]:
    """Zeros of ``df`` in ``interval``: sign changes bracketed on a grid and refined by Brent.

    Zeros where ``df`` touches zero without changing sign (``3x²`` at 0) are found when they
    fall on a grid point or when ``|df|`` has a local minimum below ``tol`` there.

    Raises
    ------
    ValueError
        For an empty interval or fewer than 2 samples.
    """
    a, b = interval
    if not a < b or samples < 2:
        raise ValueError("need a < b and at least two samples")
    xs = np.linspace(a, b, samples)
    ys = np.array([float(df(x)) for x in xs])
    roots: list[float] = []
    for i in range(samples - 1):
        if ys[i] == 0.0:
            roots.append(float(xs[i]))
        elif ys[i] * ys[i + 1] < 0:
            roots.append(float(brentq(df, xs[i], xs[i + 1], xtol=1e-14)))
    if ys[-1] == 0.0:
        roots.append(float(xs[-1]))
    # touching zeros: a local minimum of |df| that is (numerically) zero
    mags = np.abs(ys)
    for i in range(1, samples - 1):
        touching = mags[i] <= mags[i - 1] and mags[i] <= mags[i + 1] and mags[i] < 1e-6
        if touching and all(abs(r - xs[i]) > (b - a) / samples for r in roots):
            roots.append(float(xs[i]))
    return sorted(roots)


def classify_critical_point(f: RealFunction, x: float, delta: float = 1e-3) -> str:
    """``"minimum"``, ``"maximum"`` or ``"neither"`` by comparing ``f`` just left and right.

    A flat tangent is necessary for a smooth extremum, not sufficient: ``x³`` at 0 rises on
    both sides of the flat spot, so it is ``"neither"``.
    """
    left, mid, right = float(f(x - delta)), float(f(x)), float(f(x + delta))
    if left > mid and right > mid:
        return "minimum"
    if left < mid and right < mid:
        return "maximum"
    return "neither"


@dataclass(frozen=True)
class ChainRuleStep:
    """The pieces of ``d/dx outer(inner(x)) = outer′(inner(x)) · inner′(x)`` at one ``x``.

    Attributes
    ----------
    x
        Where the rates are taken.
    inner_value
        ``u = inner(x)``.
    inner_rate
        ``du/dx = inner′(x)``.
    outer_rate
        ``dy/du = outer′(u)``.
    """

    x: float
    inner_value: float
    inner_rate: float
    outer_rate: float

    @property
    def rate(self) -> float:
        """``dy/dx``: the two rates multiplied."""
        return self.outer_rate * self.inner_rate


def chain_rule(
    outer: DifferentiableFunction, inner: DifferentiableFunction, x: float
) -> ChainRuleStep:
    """The chain rule's pieces for ``outer ∘ inner`` at ``x``."""
    u = inner(x)
    return ChainRuleStep(float(x), u, inner.derivative(x), outer.derivative(u))


SINE = DifferentiableFunction("sin(u)", math.sin, math.cos)


def compose(outer: DifferentiableFunction, inner: DifferentiableFunction) -> DifferentiableFunction:
    """``outer ∘ inner`` with its derivative given by the chain rule."""
    return DifferentiableFunction(
        f"{outer.name} o {inner.name}",
        lambda x: outer.f(inner.f(x)),
        lambda x: chain_rule(outer, inner, x).rate,
    )
