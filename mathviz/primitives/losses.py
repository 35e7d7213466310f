"""Residuals drawn as literal squares, loss curves compared on one axes, and Jensen's chord.

:class:`ResidualSquares` draws data dots, a fitted line, each residual as a vertical segment
and a square whose side is the residual: the squares' total area over ``n`` *is* the MSE.
:class:`LossCurves` plots several per-sample losses on one axes with dots at marked inputs.
:class:`ChordGap` draws a curve, the chord between two of its points and a point sliding along
the chord with the vertical gap to the curve. Every value is read back from the drawn objects
through their axes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np
from manim import (
    AnimationGroup,
    Axes,
    Create,
    Dot,
    FadeIn,
    GrowFromCenter,
    Line,
    ParametricFunction,
    Polygon,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
)
from manim.animation.animation import Animation
from manim.utils.color import ParsableManimColor

from mathviz import theme
from mathviz.maths.losses import LineFit, RealFunction, chord_point
from mathviz.primitives.plots import set_segment
from mathviz.primitives.readout import Readout, coords
from mathviz.readings import reads_screen

__all__ = [
    "polygon_area_shown",
    "ResidualSquares",
    "LossSpec",
    "LossCurves",
    "ChordGap",
]


@reads_screen("area")
def polygon_area_shown(axes: Axes, polygon: Polygon) -> float:
    """Area of a drawn polygon in axes units: its vertices read back, then the shoelace."""
    pts = coords(axes, polygon.get_vertices())
    x, y = pts[:, 0], pts[:, 1]
    return float(abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2)


class ResidualSquares(VGroup):
    """Data dots, a fitted line, residual segments and the squares built on them.

    Parts: ``dots``, ``line`` (across the axes' x-range), ``segments`` (from each point down or
    up to the line) and ``squares`` (side ``|r|``, on the right of each segment). Use axes with
    equal x and y unit lengths, or the squares are drawn as rectangles.

    Parameters
    ----------
    axes
        Where to draw.
    fit
        The data and the line.
    """

    def __init__(self, axes: Axes, fit: LineFit, *, square_color: object = theme.AREA) -> None:
        super().__init__()
        self.axes, self.fit = axes, fit
        x_lo, x_hi = axes.x_range[0], axes.x_range[1]
        self.line = Line(
            axes.c2p(x_lo, float(fit.predict(x_lo))),
            axes.c2p(x_hi, float(fit.predict(x_hi))),
            stroke_color=theme.CURVE,
            stroke_width=4,
        )
        self.dots = VGroup(
            *(
                Dot(axes.c2p(x, y), radius=0.08, color=theme.DOT)
                for x, y in zip(fit.x, fit.y, strict=True)
            )
        )
        self.segments = VGroup()
        self.squares = VGroup()
        for x, y, yhat in zip(fit.x, fit.y, fit.predict(fit.x), strict=True):
            side = abs(y - yhat)
            self.segments.add(
                Line(axes.c2p(x, yhat), axes.c2p(x, y), stroke_color=theme.BAD, stroke_width=4)
            )
            lo, hi = min(y, yhat), max(y, yhat)
            self.squares.add(
                Polygon(
                    axes.c2p(x, lo),
                    axes.c2p(x + side, lo),
                    axes.c2p(x + side, hi),
                    axes.c2p(x, hi),
                    stroke_color=square_color,
                    stroke_width=2,
                    fill_color=square_color,
                    fill_opacity=0.6,
                )
            )
        # segments and squares join the group only when they are shown
        self.add(self.line, self.dots)

    # --- animations ---------------------------------------------------------------------
    def create(self, run_time: float = 2.0) -> Animation:
        """The data dots pop in, then the fitted line is drawn."""
        return AnimationGroup(
            AnimationGroup(*(GrowFromCenter(d) for d in self.dots), lag_ratio=0.2),
            Create(self.line),
            lag_ratio=0.7,
            run_time=run_time,
            group=self,
        )

    def show_residuals(self, run_time: float = 1.5) -> Animation:
        """Each residual drawn from the line to its point."""
        self.add(self.segments)
        return AnimationGroup(
            *(Create(s) for s in self.segments), lag_ratio=0.25, run_time=run_time, group=self
        )

    def show_squares(self, run_time: float = 2.0) -> Animation:
        """A square grows out of each residual (drawn under the line and the dots)."""
        self.add_to_back(self.squares)
        return AnimationGroup(
            *(FadeIn(s, scale=0.3) for s in self.squares),
            lag_ratio=0.25,
            run_time=run_time,
            group=self,
        )

    # --- read back ----------------------------------------------------------------------
    @reads_screen("geometry")
    def residuals_shown(self) -> np.ndarray:
        """Signed residuals ``y − ŷ``: each segment's end minus its start, through the axes."""
        return np.array(
            [
                coords(self.axes, s.get_end())[1] - coords(self.axes, s.get_start())[1]
                for s in self.segments
            ]
        )

    @reads_screen("area")
    def areas_shown(self) -> np.ndarray:
        """Each square's area, its vertices read back through the axes."""
        squares = cast(list[Polygon], list(self.squares))  # each square is a Polygon
        return np.array([polygon_area_shown(self.axes, sq) for sq in squares])

    @reads_screen("area")
    def total_area_shown(self) -> float:
        """The squares' total area in axes units (the sum of squared errors)."""
        return float(self.areas_shown().sum())

    @reads_screen("geometry")
    def line_shown(self) -> tuple[float, float]:
        """``(slope, intercept)`` of the drawn line, read back through the axes."""
        (x1, y1), (x2, y2) = (coords(self.axes, p) for p in self.line.get_start_and_end())
        slope = (y2 - y1) / (x2 - x1)
        return float(slope), float(y1 - slope * x1)


@dataclass(frozen=True)
class LossSpec:
    """One curve of :class:`LossCurves`: its name, function, colour and x-range."""

    name: str
    function: Callable[[float], float]
    color: ParsableManimColor
    x_range: tuple[float, float]


class LossCurves(VGroup):
    """Several per-sample losses on one axes, each with dots at the marked inputs.

    Parts: ``curves[name]`` and ``dots[name]`` (one dot per marked input inside the curve's
    x-range). Curves are drawn one at a time with :meth:`create`.
    """

    def __init__(self, axes: Axes, specs: Sequence[LossSpec], marks: Sequence[float]) -> None:
        super().__init__()
        self.axes = axes
        self.specs = {s.name: s for s in specs}
        self.marks = tuple(float(m) for m in marks)
        self.curves: dict[str, ParametricFunction] = {}
        self.dots: dict[str, VGroup] = {}
        for spec in specs:
            lo, hi = spec.x_range

            def height(x: float, f: Callable[[float], float] = spec.function) -> float:
                return float(f(x))

            curve = axes.plot(
                height,
                x_range=(lo, hi, (hi - lo) / 200),
                color=spec.color,
                stroke_width=4,
            )
            dots = VGroup(
                *(
                    Dot(
                        axes.c2p(m, float(spec.function(m))),
                        radius=0.08,
                        color=spec.color,
                        stroke_color=theme.BACKGROUND,
                        stroke_width=2,
                    )
                    for m in self.marks
                    if lo <= m <= hi
                )
            )
            self.curves[spec.name], self.dots[spec.name] = curve, dots
        # each curve and its dots join the group only when drawn (see :meth:`create`)

    def create(self, name: str, run_time: float = 1.5) -> Animation:
        """Draw one curve, then its dots (dots are kept above every curve)."""
        self.add_to_back(self.curves[name])
        self.add(self.dots[name])
        return AnimationGroup(
            Create(self.curves[name]),
            AnimationGroup(*(GrowFromCenter(d) for d in self.dots[name])),
            lag_ratio=0.8,
            run_time=run_time,
            group=self,
        )

    @reads_screen("geometry")
    def values_shown(self, name: str) -> np.ndarray:
        """Heights of ``name``'s dots read back through the axes, in the order of the marks."""
        return np.array([coords(self.axes, d)[1] for d in self.dots[name]])

    @reads_screen("geometry")
    def inputs_shown(self, name: str) -> np.ndarray:
        """The x of ``name``'s dots read back through the axes."""
        return np.array([coords(self.axes, d)[0] for d in self.dots[name]])


class ChordGap(VGroup):
    """A curve, the chord between ``(a, f(a))`` and ``(b, f(b))``, and a point sliding along it.

    At weight ``t`` the point sits at ``x = t a + (1 − t) b``; ``curve_dot`` marks ``f(x)``,
    ``chord_dot`` marks ``t f(a) + (1 − t) f(b)`` and ``gap`` joins them. Optional readouts
    (not part of the group, so a panel can hold them) follow the drawing.

    Parameters
    ----------
    axes, f
        Where to draw and what.
    a, b
        The chord's ends.
    x_range
        The curve's x-range.
    readouts
        Optional ``{"t", "curve", "chord", "gap"}`` readouts kept equal to the drawing.
    """

    def __init__(
        self,
        axes: Axes,
        f: RealFunction,
        a: float,
        b: float,
        x_range: tuple[float, float],
        *,
        t: float = 0.5,
        readouts: dict[str, Readout] | None = None,
    ) -> None:
        super().__init__()
        self.axes, self.f, self.a, self.b = axes, f, float(a), float(b)
        self.readouts = dict(readouts or {})
        self.t_tracker = ValueTracker(float(t))
        lo, hi = x_range
        self.curve = axes.plot(
            lambda x: float(f(x)),
            x_range=(lo, hi, (hi - lo) / 200),
            color=theme.CURVE,
            stroke_width=4,
        )
        self.chord = Line(
            axes.c2p(a, float(f(a))),
            axes.c2p(b, float(f(b))),
            stroke_color=theme.ACCENT,
            stroke_width=4,
        )
        self.ends = VGroup(
            Dot(axes.c2p(a, float(f(a))), radius=0.08, color=theme.ACCENT),
            Dot(axes.c2p(b, float(f(b))), radius=0.08, color=theme.ACCENT),
        )
        self.gap = Line(stroke_color=theme.BAD, stroke_width=5)
        self.drop = Line(
            axes.c2p(0, 0),
            axes.c2p(0, 1),
            stroke_color=theme.MUTED,
            stroke_width=2,
            stroke_opacity=0.7,
        )
        self.curve_dot = Dot(radius=0.09, color=theme.CURVE)
        self.chord_dot = Dot(radius=0.09, color=theme.ACCENT)
        self.add(
            self.curve, self.chord, self.ends, self.drop, self.gap, self.curve_dot, self.chord_dot
        )
        self._redraw()

    @property
    def t(self) -> float:
        return float(self.t_tracker.get_value())

    def _redraw(self) -> None:
        axes, f, t = self.axes, self.f, self.t
        x = chord_point(self.a, self.b, t)
        y_curve = float(f(x))
        y_chord = t * float(f(self.a)) + (1 - t) * float(f(self.b))
        self.curve_dot.move_to(axes.c2p(x, y_curve))
        self.chord_dot.move_to(axes.c2p(x, y_chord))
        set_segment(self.gap, axes.c2p(x, y_curve), axes.c2p(x, y_chord))
        base = axes.c2p(x, max(axes.y_range[0], 0.0))
        set_segment(self.drop, base, axes.c2p(x, y_curve))
        values = {"t": t, "curve": y_curve, "chord": y_chord, "gap": y_chord - y_curve}
        for key, readout in self.readouts.items():
            readout.set(values[key])

    def create(self, run_time: float = 2.0) -> Animation:
        """Draw the curve, then the chord between its two end dots, then the sliding point."""
        return AnimationGroup(
            Create(self.curve),
            AnimationGroup(
                GrowFromCenter(self.ends[0]), GrowFromCenter(self.ends[1]), Create(self.chord)
            ),
            AnimationGroup(
                Create(self.drop),
                Create(self.gap),
                GrowFromCenter(self.curve_dot),
                GrowFromCenter(self.chord_dot),
            ),
            lag_ratio=0.7,
            run_time=run_time,
            group=self,
        )

    def slide_to(self, t: float, run_time: float = 2.0) -> Animation:
        """Move the weight continuously to ``t``; dots, gap and readouts follow."""
        if not 0.0 <= t <= 1.0:
            raise ValueError("t must lie in [0, 1]")
        start = self.t

        def update(_mob: object, alpha: float) -> None:
            self.t_tracker.set_value(start + (t - start) * alpha)
            self._redraw()

        return UpdateFromAlphaFunc(self, update, run_time=run_time)

    # --- read back ----------------------------------------------------------------------
    @reads_screen("geometry")
    def curve_point_shown(self) -> np.ndarray:
        """``(x, f(x))`` of the dot on the curve, through the axes."""
        return coords(self.axes, self.curve_dot)

    @reads_screen("geometry")
    def chord_point_shown(self) -> np.ndarray:
        """``(x, chord height)`` of the dot on the chord, through the axes."""
        return coords(self.axes, self.chord_dot)

    @reads_screen("geometry")
    def gap_shown(self) -> float:
        """Length of the drawn gap segment in axes units (chord minus curve)."""
        start, end = (coords(self.axes, p) for p in self.gap.get_start_and_end())
        return float(end[1] - start[1])
