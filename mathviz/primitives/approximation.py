"""Taylor polynomials morphing over the function they approximate, and an error curve on
log–log axes with its minimum marked.

Values are read back from the drawing: a polynomial's value at ``x`` from the drawn curve's
points through the axes, the error curve's points and its marked minimum through log axes.
"""

from __future__ import annotations

import numpy as np
from manim import (
    AnimationGroup,
    Axes,
    Circle,
    Create,
    DOWN,
    LEFT,
    Line,
    GrowFromCenter,
    Transform,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.maths.approximation import sin_taylor, symmetric_range_within
from mathviz.primitives.plots import DottedCurve
from mathviz.primitives.readout import coords

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

    def __init__(self, axes: Axes, degree: int = 1, *, color=theme.ACCENT) -> None:
        super().__init__()
        self.axes = axes
        self.degree = degree
        self.color = color
        self.x_max = float(axes.x_range[1])
        self.y_max = float(axes.y_range[1])
        self.target = axes.plot(np.sin, x_range=(-self.x_max, self.x_max, SAMPLE_STEP),
                                color=theme.CURVE, stroke_width=5)
        self.polynomial = self._curve(degree)
        self.add(self.target, self.polynomial)

    def _curve(self, degree: int) -> VMobject:
        r = symmetric_range_within(degree, self.y_max, self.x_max, SAMPLE_STEP)
        n = int(round(r / SAMPLE_STEP))
        xs = np.arange(-n, n + 1) * SAMPLE_STEP
        curve = VMobject(stroke_color=self.color, stroke_width=4)
        curve.set_points_as_corners([self.axes.c2p(x, y) for x, y in
                                     zip(xs, np.asarray(sin_taylor(xs, degree)))])
        return curve

    def create(self, run_time: float = 2.0) -> Animation:
        """Draw sin x, then the first polynomial."""
        return AnimationGroup(Create(self.target), Create(self.polynomial), lag_ratio=0.6,
                              run_time=run_time, group=self)

    def add_terms_to(self, degree: int, run_time: float = 1.8) -> Animation:
        """Morph the polynomial into the degree-``degree`` one."""
        self.degree = degree
        return Transform(self.polynomial, self._curve(degree), run_time=run_time)

    def _height_at(self, curve: VMobject, x: float) -> float:
        pts = np.array([coords(self.axes, p) for p in curve.get_anchors()])
        order = np.argsort(pts[:, 0], kind="stable")
        xs, ys = pts[order, 0], pts[order, 1]
        if not xs[0] - 1e-9 <= x <= xs[-1] + 1e-9:
            raise ValueError(f"x = {x} is outside the drawn curve")
        return float(np.interp(x, xs, ys))

    def value_shown(self, x: float) -> float:
        """The drawn polynomial's height at ``x``, read through the axes (linear between the
        drawn samples, which lie on a 0.01 grid)."""
        return self._height_at(self.polynomial, x)

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

    def __init__(self, axes: Axes, steps: ArrayLike, errors: ArrayLike, *,
                 color=theme.CURVE) -> None:
        self.steps = np.asarray(steps, dtype=float)
        self.errors = np.asarray(errors, dtype=float)
        if self.steps.shape != self.errors.shape:
            raise ValueError("one error per step is required")
        if np.any(self.errors <= 0) or np.any(self.steps <= 0):
            raise ValueError("log–log axes need positive steps and errors")
        order = np.argsort(self.steps)[::-1]  # drawn from large h to small h
        super().__init__(axes, np.stack([self.steps[order], self.errors[order]], axis=1),
                         line_color=color, dot_color=color, dot_radius=0.06)
        self.marker = Circle(radius=0.16, stroke_color=theme.ACCENT, stroke_width=4)
        self.marker.move_to(self.dots[0]).set_stroke(opacity=0)
        self.add(self.marker)

    def mark_minimum(self) -> Animation:
        """Ring the dot with the smallest drawn error."""
        shown = self.points_shown()
        best = self.dots[int(np.argmin(shown[:, 1]))]
        self.marker.move_to(best)
        self.marker.set_stroke(opacity=1)
        return GrowFromCenter(self.marker)

    def minimum_shown(self) -> np.ndarray:
        """``(h, error)`` of the marked minimum, read back through the axes."""
        return coords(self.axes, self.marker)


def log_log_frame(axes: Axes, x_exponents: tuple[int, int], y_exponents: tuple[int, int], *,
                  x_labels: tuple[int, ...], y_labels: tuple[int, ...]) -> VGroup:
    """A left and a bottom axis line for log–log ``axes`` with ticks labelled ``10^k``.

    Manim's axes cross where the exponent is 0, which for steps and errors below 1 is the
    top-right corner; this frame draws them along the bottom and the left edge instead (hide
    the axes' own lines). ``x_exponents``/``y_exponents`` are the decades spanned.
    """
    (x0, x1), (y0, y1) = x_exponents, y_exponents
    corner = axes.c2p(10.0**x0, 10.0**y0)
    bottom = Line(corner, axes.c2p(10.0**x1, 10.0**y0), color=theme.MUTED, stroke_width=2)
    left = Line(corner, axes.c2p(10.0**x0, 10.0**y1), color=theme.MUTED, stroke_width=2)
    frame = VGroup(bottom, left)
    for k in range(x0, x1 + 1):
        p = axes.c2p(10.0**k, 10.0**y0)
        frame.add(Line(p, p + 0.08 * DOWN, color=theme.MUTED, stroke_width=2))
        if k in x_labels:
            frame.add(theme.tex(f"10^{{{k}}}", size=26, color=theme.MUTED)
                      .next_to(p, DOWN, buff=0.14))
    for k in range(y0, y1 + 1):
        p = axes.c2p(10.0**x0, 10.0**k)
        frame.add(Line(p, p + 0.08 * LEFT, color=theme.MUTED, stroke_width=2))
        if k in y_labels:
            frame.add(theme.tex(f"10^{{{k}}}", size=26, color=theme.MUTED)
                      .next_to(p, LEFT, buff=0.14))
    return frame
