"""Taylor polynomials morphing over the function they approximate, and an error curve on
log–log axes with its minimum marked.

Values are read back from the drawing: a polynomial's value at ``x`` from the drawn curve's
points through the axes, the error curve's points and its marked minimum through log axes.
The error curve's polyline is drawn behind its dots: it never reaches a point whose dot is
not on screen yet.
"""

from __future__ import annotations

import numpy as np
from manim import (
    AnimationGroup,
    Axes,
    Circle,
    Create,
    GrowFromCenter,
    ManimColor,
    Mobject,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from manim.utils.color import ParsableManimColor
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.maths.approximation import sin_taylor, symmetric_range_within
from mathviz.primitives.plots import DottedCurve
from mathviz.primitives.readout import coords
from mathviz.readings import reads_screen

__all__ = ["SAMPLE_STEP", "TaylorSeriesPlot", "LogLogErrorPlot"]

#: spacing of the plotted samples; marked x values on this grid are read back exactly
SAMPLE_STEP = 0.01


class TaylorSeriesPlot(VGroup):
    """sin x on ``axes`` with its Taylor polynomial around 0, which gains terms on request.

    Each polynomial is drawn only where it stays inside the axes' y-range, so the morph from
    one degree to the next never leaves the picture.

    Parameters
    ----------
    axes
        Axes centred on 0 with a symmetric x-range.
    degree
        Degree of the first polynomial shown.
    """

    def __init__(self, axes: Axes, degree: int = 1, *, color: ManimColor = theme.ACCENT) -> None:
        super().__init__()
        self.axes = axes
        self.degree = degree
        self.color = color
        self.x_max = float(axes.x_range[1])
        self.y_max = float(axes.y_range[1])
        self.target = axes.plot(
            np.sin,
            x_range=(-self.x_max, self.x_max, SAMPLE_STEP),
            color=theme.CURVE,
            stroke_width=5,
        )
        self.polynomial = self._curve(degree)
        self.add(self.target, self.polynomial)

    def _curve(self, degree: int) -> VMobject:
        r = symmetric_range_within(degree, self.y_max, self.x_max, SAMPLE_STEP)
        n = int(round(r / SAMPLE_STEP))
        xs = np.arange(-n, n + 1) * SAMPLE_STEP
        curve = VMobject(stroke_color=self.color, stroke_width=4)
        curve.set_points_as_corners(
            [
                self.axes.c2p(x, y)
                for x, y in zip(xs, np.asarray(sin_taylor(xs, degree)), strict=True)
            ]
        )
        return curve

    def _draw_blend(self, old: int, new: int, s: float) -> None:
        """Draw ``(1 − s)·p_old + s·p_new`` on the sample grid, where it stays inside the
        axes' y-range (a symmetric interval, as for a single polynomial: the blend is odd)."""
        n = int(round(self.x_max / SAMPLE_STEP))
        xs = np.arange(-n, n + 1) * SAMPLE_STEP
        ys = (1.0 - s) * np.asarray(sin_taylor(xs, old)) + s * np.asarray(sin_taylor(xs, new))
        outside = np.abs(xs[np.abs(ys) > self.y_max])
        r = n if outside.size == 0 else int(round(outside.min() / SAMPLE_STEP)) - 1
        keep = slice(n - r, n + r + 1)
        self.polynomial.set_points_as_corners(np.asarray(self.axes.c2p(xs[keep], ys[keep])).T)

    def create(self, run_time: float = 2.0) -> Animation:
        """Draw sin x, then the first polynomial."""
        return AnimationGroup(
            Create(self.target),
            Create(self.polynomial),
            lag_ratio=0.6,
            run_time=run_time,
            group=self,
        )

    def add_terms_to(self, degree: int, run_time: float = 1.8) -> Animation:
        """Morph the polynomial into the degree-``degree`` one.

        Every frame draws the blend ``(1 − s)·p_old + s·p_new`` (``s`` the smoothed
        progress), so the curve's height at any ``x`` moves straight from the old value to
        the new one: a dot moved with the same (default) rate function stays on it. A
        point-by-point ``Transform`` would not: the two curves are sampled over different
        ranges, so the points meeting at ``x`` mid-morph belong to other ``x``.
        """
        old, self.degree = self.degree, degree

        def blend(_: Mobject, s: float) -> None:
            self._draw_blend(old, degree, s)

        return UpdateFromAlphaFunc(self.polynomial, blend, run_time=run_time)

    def _height_at(self, curve: VMobject, x: float) -> float:
        pts = coords(self.axes, curve.get_anchors())
        order = np.argsort(pts[:, 0], kind="stable")
        xs, ys = pts[order, 0], pts[order, 1]
        if not xs[0] - 1e-9 <= x <= xs[-1] + 1e-9:
            raise ValueError(f"x = {x} is outside the drawn curve")
        return float(np.interp(x, xs, ys))

    @reads_screen("geometry")
    def value_shown(self, x: float) -> float:
        """The drawn polynomial's height at ``x``, read through the axes (linear between the
        drawn samples, which lie on a 0.01 grid)."""
        return self._height_at(self.polynomial, x)

    @reads_screen("geometry")
    def target_value_shown(self, x: float) -> float:
        """The drawn sin curve's height at ``x``, read through the axes."""
        return self._height_at(self.target, x)


class LogLogErrorPlot(DottedCurve):
    """Errors against step sizes as dots joined by a polyline on log–log axes (drawn from the
    largest step to the smallest); the smallest error can be ringed.

    Parameters
    ----------
    axes
        Axes with logarithmic scaling on both axes (``LogBase``) covering the data.
    steps, errors
        The points; every error must be positive (a log axis has no zero).
    """

    def __init__(
        self,
        axes: Axes,
        steps: ArrayLike,
        errors: ArrayLike,
        *,
        color: ParsableManimColor = theme.CURVE,
    ) -> None:
        self.steps = np.asarray(steps, dtype=float)
        self.errors = np.asarray(errors, dtype=float)
        if self.steps.shape != self.errors.shape:
            raise ValueError("one error per step is required")
        if np.any(self.errors <= 0) or np.any(self.steps <= 0):
            raise ValueError("log–log axes need positive steps and errors")
        order = np.argsort(self.steps)[::-1]  # drawn from large h to small h
        super().__init__(
            axes,
            np.stack([self.steps[order], self.errors[order]], axis=1),
            line_color=color,
            dot_color=color,
            dot_radius=0.06,
        )
        self.marker = Circle(radius=0.16, stroke_color=theme.ACCENT, stroke_width=4)
        self.marker.move_to(self.dots[0]).set_stroke(opacity=0)
        self.add(self.marker)

    @reads_screen("geometry")
    def log10_points_shown(self) -> np.ndarray:
        """Each dot's ``(log10 h, log10 error)``: its position on the two logarithmic axes,
        read back through them, in drawing order."""
        logs: np.ndarray = np.log10(np.array([coords(self.axes, d) for d in self.dots]))
        return logs

    def mark_minimum(self) -> Animation:
        """Ring the dot with the smallest drawn error."""
        shown = self.points_shown()
        best = self.dots[int(np.argmin(shown[:, 1]))]
        self.marker.move_to(best)
        self.marker.set_stroke(opacity=1)
        return GrowFromCenter(self.marker)

    @reads_screen("geometry")
    def minimum_shown(self) -> np.ndarray:
        """``(h, error)`` of the marked minimum, read back through the axes."""
        return coords(self.axes, self.marker)
