"""A scatter with a live regression line and its residuals, and a descent walker on the
``(w, b)`` loss map that can carry that line with it.

:class:`RegressionPlot` draws data dots on axes, the line ``ŷ = w x + b`` clipped to the axes'
box and one vertical residual segment per point, all redrawn from its state ``(w, b)``
(:meth:`RegressionPlot.move_line` tweens it). :class:`DescentWalker` glides a dot along a
:class:`~mathviz.maths.descent.DescentTrace` at a fractional step ``s``, the trail drawn up to
the dot and never ahead of it; given a plot to ``drive``, it sets that plot's line to the
iterate at every frame, so the line on the scatter is the dot on the map.

Everything is read back from the drawing (``*_shown``): dot positions, the line's slope and
intercept and the residuals through the scatter's axes, the walker's dot through the map's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from manim import (
    AnimationGroup,
    Axes,
    Create,
    DashedLine,
    Dot,
    GrowFromCenter,
    Indicate,
    Line,
    ManimColor,
    VGroup,
    VMobject,
    linear,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike, NDArray

from mathviz import theme
from mathviz.layout import is_visible
from mathviz.maths.descent import DescentTrace
from mathviz.maths.lines import SlopeIntercept
from mathviz.maths.regression import point_along
from mathviz.primitives.calculus import line_slope_shown
from mathviz.primitives.motion import Scripted, StateTween
from mathviz.primitives.plots import set_segment
from mathviz.primitives.readout import coords
from mathviz.readings import reads_screen

__all__ = ["RegressionPlot", "DescentWalker"]


def _box(axes: Axes) -> tuple[tuple[float, float], tuple[float, float]]:
    return (
        (float(axes.x_range[0]), float(axes.x_range[1])),
        (float(axes.y_range[0]), float(axes.y_range[1])),
    )


class RegressionPlot(VGroup):
    """Data dots, the line ``ŷ = w x + b`` and the residual of every point, on ``axes``.

    Parts: ``dots`` (one per point), ``line`` (the part of the line inside the axes' box) and
    ``residuals`` (from the line up or down to each point; unseen until
    :meth:`show_residuals`). The state is ``w`` and ``b``; :meth:`set_line` and
    :meth:`move_line` change it and redraw.

    Parameters
    ----------
    axes
        Where to draw.
    x, y
        The data, shape (n,).
    w, b
        The line's starting slope and intercept.
    line_color, dot_color, residual_color
        Styling (take the theme's semantic colours).
    """

    def __init__(
        self,
        axes: Axes,
        x: ArrayLike,
        y: ArrayLike,
        *,
        w: float = 0.0,
        b: float = 0.0,
        line_color: ManimColor = theme.CURVE,
        dot_color: ManimColor = theme.DOT,
        residual_color: ManimColor = theme.BAD,
    ) -> None:
        super().__init__()
        self.axes = axes
        self.x = np.asarray(x, dtype=float).reshape(-1)
        self.y = np.asarray(y, dtype=float).reshape(-1)
        if self.x.shape != self.y.shape:
            raise ValueError("x and y differ in length")
        self.w, self.b = float(w), float(b)
        self.line = Line(stroke_color=line_color, stroke_width=5)
        self.residuals = VGroup(
            *(Line(stroke_color=residual_color, stroke_width=4) for _ in self.x)
        )
        self.residuals.set_stroke(opacity=0)
        self.dots = VGroup(
            *(
                Dot(axes.c2p(px, py), radius=0.1, color=dot_color)
                for px, py in zip(self.x, self.y, strict=True)
            )
        )
        self.redraw()
        # residuals under the line, the dots on top
        self.add(self.residuals, self.line, self.dots)

    # --- state ----------------------------------------------------------------------------
    def redraw(self) -> None:
        """Draw the line and the residuals for the current ``w`` and ``b``."""
        axes = self.axes
        ends = SlopeIntercept.of(self.w, self.b).segment_in(*_box(axes))
        if ends is not None:
            (x0, y0), (x1, y1) = ends
            set_segment(self.line, axes.c2p(float(x0), float(y0)), axes.c2p(float(x1), float(y1)))
        for seg, px, py in zip(self.residuals, self.x, self.y, strict=True):
            set_segment(seg, axes.c2p(px, self.w * px + self.b), axes.c2p(px, py))

    def set_line(self, w: float, b: float) -> RegressionPlot:
        """Put the line at ``(w, b)`` now."""
        self.w, self.b = float(w), float(b)
        self.redraw()
        return self

    # --- animations -----------------------------------------------------------------------
    def create_points(self, run_time: float = 2.0) -> Animation:
        """The data dots pop in one after another."""
        return AnimationGroup(
            *(GrowFromCenter(d) for d in self.dots), lag_ratio=0.6, run_time=run_time
        )

    def pulse_points(self, run_time: float = 1.5) -> Animation:
        """The dots swell and settle back, one after another (to point at the data)."""
        return AnimationGroup(
            *(Indicate(d, scale_factor=1.5, color=d.get_color()) for d in self.dots),
            lag_ratio=0.15,
            run_time=run_time,
        )

    def create_line(self, run_time: float = 1.5) -> Animation:
        """The line is drawn across the box."""
        return Create(self.line, run_time=run_time)

    def show_residuals(self, run_time: float = 1.5) -> Animation:
        """Each residual drawn from the line to its point, one after another."""
        self.residuals.set_stroke(opacity=1)
        return AnimationGroup(
            *(Create(s) for s in self.residuals), lag_ratio=0.3, run_time=run_time
        )

    def move_line(self, w: float, b: float, run_time: float = 2.0, **kwargs: Any) -> Animation:
        """Tween the line (and its residuals) to ``(w, b)``."""
        return StateTween(self, self, {"w": w, "b": b}, self.redraw, run_time=run_time, **kwargs)

    def ghost(self, color: ManimColor = theme.GOOD, dash_length: float = 0.15) -> DashedLine:
        """A dashed copy of the line where it is now (a separate mobject, not part of the plot)."""
        start, end = self.line.get_start_and_end()
        return DashedLine(start, end, dash_length=dash_length, stroke_width=4, color=color)

    # --- read back ------------------------------------------------------------------------
    @reads_screen("count")
    def points_drawn(self) -> int:
        """How many data dots are visible."""
        return sum(1 for d in self.dots if is_visible(d) and d.width > 1e-6)

    @reads_screen("geometry")
    def points_shown(self) -> NDArray[np.float64]:
        """The dots' centres through the axes, shape (n, 2)."""
        return np.array([coords(self.axes, d) for d in self.dots])

    @reads_screen("geometry")
    def line_shown(self) -> tuple[float, float]:
        """``(slope, intercept)`` of the drawn line, its ends read back through the axes."""
        slope = float(line_slope_shown(self.axes, self.line))
        x0, y0 = coords(self.axes, self.line.get_start())
        return slope, float(y0 - slope * x0)

    @reads_screen("geometry")
    def residuals_shown(self) -> NDArray[np.float64]:
        """Signed residuals ``y − ŷ``: each segment's end minus its start, through the axes."""
        return np.array(
            [
                coords(self.axes, s.get_end())[1] - coords(self.axes, s.get_start())[1]
                for s in self.residuals
            ]
        )

    @reads_screen("geometry")
    def residual_feet_shown(self) -> NDArray[np.float64]:
        """Where each residual meets the line, through the axes, shape (n, 2)."""
        return np.array([coords(self.axes, s.get_start()) for s in self.residuals])

    @reads_screen("geometry")
    def mse_shown(self) -> float:
        """The mean of the drawn residuals squared (the loss the picture shows)."""
        return float(np.mean(self.residuals_shown() ** 2))


class DescentWalker(VGroup):
    """A dot gliding along the iterates of a descent on ``axes``, its trail behind it.

    The state is ``s``, a fractional step: the dot sits at iterate ``floor(s)`` moved
    towards the next, and the trail joins the iterates reached so far and ends at the dot.

    Parameters
    ----------
    axes
        The map's axes (iterates are drawn at ``axes.c2p(*point)``).
    trace
        The iterates.
    drive
        A :class:`RegressionPlot` whose line is set to the current iterate at every frame.
    trail_color, dot_color
        Styling.
    """

    def __init__(
        self,
        axes: Axes,
        trace: DescentTrace,
        *,
        drive: RegressionPlot | None = None,
        trail_color: ManimColor = theme.GRADIENT,
        dot_color: ManimColor = theme.CURVE,
    ) -> None:
        super().__init__()
        self.axes, self.trace, self.drive = axes, trace, drive
        self.s = 0.0
        self.trail = VMobject(stroke_color=trail_color, stroke_width=3)
        self.dot = Dot(radius=0.1, color=dot_color)
        self.dot.set_stroke(theme.BACKGROUND, width=2)
        self.add(self.trail, self.dot)
        self._place()  # the driven plot is left as it is until the walk begins

    def point(self) -> NDArray[np.float64]:
        """The iterate at the current fractional step (the model, not the drawing)."""
        return point_along(self.trace.points, self.s)

    def steps_taken(self) -> int:
        """Whole steps completed at the current ``s``."""
        return int(np.floor(self.s + 1e-9))

    def redraw(self) -> None:
        """Place the dot and the trail at ``s``, and set the driven line (if any) to it."""
        p = self._place()
        if self.drive is not None:
            self.drive.set_line(float(p[0]), float(p[1]))

    def _place(self) -> NDArray[np.float64]:
        p = self.point()
        here = self.axes.c2p(*p)
        done = self.trace.points[: self.steps_taken() + 1]
        corners = [self.axes.c2p(*q) for q in done] + [here]
        if len(corners) < 2 or np.linalg.norm(corners[-1] - corners[0]) < 1e-9:
            corners = [here, here + np.array([1e-6, 0.0, 0.0])]
        self.trail.set_points_as_corners(np.array(corners))
        self.dot.move_to(here)
        return p

    def walk_to(
        self, step: float, run_time: float = 3.0, rate_func: Callable[[float], float] = linear
    ) -> Animation:
        """Glide to fractional step ``step`` (linear in steps unless ``rate_func`` says)."""
        tween = StateTween(
            self,
            self,
            {"s": float(min(step, self.trace.steps))},
            self.redraw,
            run_time=run_time,
            rate_func=rate_func,
        )
        if self.drive is None:
            return tween
        # the driven plot is redrawn by the tween; it plays too, so the scene redraws it
        carried = Scripted(self.drive, lambda _t: None, run_time=run_time)
        return AnimationGroup(tween, carried, run_time=run_time)

    def appear(self, run_time: float = 0.8) -> Animation:
        """The dot grows at the current iterate."""
        return GrowFromCenter(self.dot, run_time=run_time)

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def position_shown(self) -> NDArray[np.float64]:
        """The dot's centre through the map's axes: the ``(w, b)`` it stands on."""
        return coords(self.axes, self.dot)

    @reads_screen("geometry")
    def trail_end_shown(self) -> NDArray[np.float64]:
        """The trail's drawn end through the axes (it must be the dot, never ahead)."""
        return coords(self.axes, self.trail.points[-1])
