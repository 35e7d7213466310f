"""Straight lines in the plane and systems of two linear equations, in exact arithmetic.

A non-vertical line is ``y = m x + b`` (:class:`SlopeIntercept`): ``m`` is the slope, the
rise for a run of one, and ``b`` the intercept, the height where the line crosses the y-axis.
The same line is the equation ``a x + b y = c`` (:class:`LinearEquation`) with ``a = −m``,
``b = 1``, ``c = b``; scaled to coprime integers with a positive leading coefficient it is the
form a textbook writes (``y = 2x − 1`` is ``2x − y = 1``).

Two equations in two unknowns (:func:`solve_2x2`) have one solution, where their lines cross
(Cramer's rule, exact), none when the lines are parallel but distinct, or infinitely many when
they are the same line. :func:`are_parallel` and :func:`intersection` say the same of two
lines in slope–intercept form. Everything is a :class:`~fractions.Fraction`; floats are read at
their shortest decimal spelling (``0.5`` is one half).

Pure Python (``fractions``, ``math``); no manim.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from mathviz.maths.matrices import ExactPoint, NumberLike, equation_tex, exact, line_in_box

__all__ = [
    "SystemStatus",
    "SlopeIntercept",
    "LinearEquation",
    "Solution",
    "solve_2x2",
    "are_parallel",
    "intersection",
]

#: how many solutions two equations in two unknowns have
SystemStatus = Literal["unique", "none", "infinite"]


@dataclass(frozen=True)
class SlopeIntercept:
    """The line ``y = m x + b``.

    Parameters
    ----------
    m
        The slope: how much ``y`` rises when ``x`` grows by one.
    b
        The intercept: ``y`` at ``x = 0``.
    """

    m: Fraction
    b: Fraction

    @classmethod
    def of(cls, m: NumberLike, b: NumberLike) -> SlopeIntercept:
        """The line with slope ``m`` and intercept ``b`` (any numbers, made exact)."""
        return cls(exact(m), exact(b))

    @classmethod
    def through(
        cls, p: tuple[NumberLike, NumberLike], q: tuple[NumberLike, NumberLike]
    ) -> SlopeIntercept:
        """The line through two points with different x: slope is rise over run.

        Raises
        ------
        ValueError
            If the points share their x (a vertical line has no slope).
        """
        (x0, y0), (x1, y1) = (tuple(exact(v) for v in p), tuple(exact(v) for v in q))
        if x0 == x1:
            raise ValueError("two points above one another make a vertical line: no slope")
        m = (y1 - y0) / (x1 - x0)
        return cls(m, y0 - m * x0)

    def __call__(self, x: NumberLike) -> Fraction:
        """``y`` on the line at ``x``."""
        return self.m * exact(x) + self.b

    def rise(self, run: NumberLike = 1) -> Fraction:
        """How far the line climbs over a horizontal ``run`` (``m · run``)."""
        return self.m * exact(run)

    def equation(self) -> LinearEquation:
        """The line as ``a x + b y = c`` in coprime integers, leading coefficient positive."""
        return LinearEquation(-self.m, Fraction(1), self.b).integer_form()

    def segment_in(
        self, x_range: tuple[float, float], y_range: tuple[float, float]
    ) -> tuple[ExactPoint, ExactPoint] | None:
        """The part of the line inside the box ``x_range`` × ``y_range``, as its two ends
        (ordered by x), or ``None`` when the line misses the box."""
        return self.equation().segment_in(x_range, y_range)


@dataclass(frozen=True)
class LinearEquation:
    """The equation ``a x + b y = c`` in the unknowns ``x`` and ``y``."""

    a: Fraction
    b: Fraction
    c: Fraction

    def __post_init__(self) -> None:
        if self.a == 0 and self.b == 0:
            raise ValueError("0 x + 0 y = c is not the equation of a line")

    @classmethod
    def of(cls, a: NumberLike, b: NumberLike, c: NumberLike) -> LinearEquation:
        """``a x + b y = c`` from any numbers, made exact."""
        return cls(exact(a), exact(b), exact(c))

    def left_side(self, point: tuple[NumberLike, NumberLike]) -> Fraction:
        """``a x + b y`` at ``point``."""
        x, y = (exact(v) for v in point)
        return self.a * x + self.b * y

    def holds_at(self, point: tuple[NumberLike, NumberLike]) -> bool:
        """Whether ``point`` satisfies the equation exactly (it lies on the line)."""
        return self.left_side(point) == self.c

    def slope_intercept(self) -> SlopeIntercept | None:
        """``y = m x + b`` for the same line; ``None`` for a vertical line (``b = 0``)."""
        if self.b == 0:
            return None
        return SlopeIntercept(-self.a / self.b, self.c / self.b)

    def integer_form(self) -> LinearEquation:
        """The same line with coprime integer coefficients, the first non-zero one positive."""
        parts = (self.a, self.b, self.c)
        scale = math.lcm(*(p.denominator for p in parts))
        whole = [int(p * scale) for p in parts]
        divisor = math.gcd(*whole)
        lead = next(w for w in whole if w != 0)
        sign = -1 if lead < 0 else 1
        a, b, c = (Fraction(sign * w, divisor) for w in whole)
        return LinearEquation(a, b, c)

    def segment_in(
        self, x_range: tuple[float, float], y_range: tuple[float, float]
    ) -> tuple[ExactPoint, ExactPoint] | None:
        """The part of the line inside the box, as its two ends, or ``None`` if it misses."""
        return line_in_box(self.a, self.b, self.c, x_range, y_range)

    def tex(self, unknowns: tuple[str, str] = ("x", "y")) -> str:
        """The equation as LaTeX (``2x - y = 1``)."""
        return equation_tex((self.a, self.b), self.c, unknowns)


@dataclass(frozen=True)
class Solution:
    """What two equations in two unknowns admit: ``point`` only when ``status`` is unique."""

    status: SystemStatus
    point: ExactPoint | None = None


def solve_2x2(first: LinearEquation, second: LinearEquation) -> Solution:
    """Solve ``a₁x + b₁y = c₁``, ``a₂x + b₂y = c₂`` exactly by Cramer's rule.

    With ``D = a₁b₂ − a₂b₁``: ``x = (c₁b₂ − c₂b₁) / D`` and ``y = (a₁c₂ − a₂c₁) / D`` when
    ``D ≠ 0``. When ``D = 0`` the lines are parallel: the same line (infinitely many
    solutions) if one equation is a multiple of the other, else no solution.
    """
    det = first.a * second.b - second.a * first.b
    if det != 0:
        x = (first.c * second.b - second.c * first.b) / det
        y = (first.a * second.c - second.a * first.c) / det
        return Solution("unique", (x, y))
    if first.integer_form() == second.integer_form():
        return Solution("infinite")
    return Solution("none")


def are_parallel(first: SlopeIntercept, second: SlopeIntercept) -> bool:
    """Whether two lines have the same slope (a line counts as parallel to itself)."""
    return first.m == second.m


def intersection(first: SlopeIntercept, second: SlopeIntercept) -> ExactPoint | None:
    """The single point two lines share, or ``None`` when they are parallel (or equal)."""
    solution = solve_2x2(first.equation(), second.equation())
    return solution.point if solution.status == "unique" else None
