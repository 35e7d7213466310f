"""Straight lines ``y = m x + b`` on axes that follow live values, and the point two meet at.

:class:`SlopeInterceptLine` draws the part of ``y = m x + b`` inside a box of the axes, a dot
at its intercept ``(0, b)`` and, on demand, its slope triangle (a run along x, then the rise
up to the line). ``m`` and ``b`` are numbers or callables read at every frame (a
:class:`~mathviz.primitives.slider.Slider`'s ``value``, say), so the line pivots about its
intercept when ``m`` changes and slides when ``b`` does. :class:`VerticalGaps` measures the
vertical distance between two lines at a few x (equal everywhere when they are parallel).
:class:`Crossing` is the dot where
two such lines meet, placed at every frame at the exact solution of their two equations
(:func:`~mathviz.maths.lines.intersection`) and hidden while there is none in view.

Everything is read back through the axes (``*_shown``): the drawn line's slope and intercept,
the legs of its triangle, the distance from a point to it, the crossing's coordinates.

Layer-order note: each primitive redraws itself in an updater on its own group; animations
returned here are grouped with ``group=self`` (which pauses that updater while they play),
and parts are hidden by animating their opacity (never with a remover, which would split the
group in the scene).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from manim import (
    AnimationGroup,
    Axes,
    Create,
    DashedLine,
    Dot,
    DoubleArrow,
    GrowFromCenter,
    Line,
    ManimColor,
    VGroup,
)
from manim.animation.animation import Animation
from numpy.typing import NDArray

from mathviz import theme
from mathviz.layout import is_visible
from mathviz.maths.lines import SlopeIntercept, intersection
from mathviz.primitives.calculus import line_slope_shown
from mathviz.primitives.plots import set_segment
from mathviz.primitives.readout import coords
from mathviz.readings import reads_screen

__all__ = ["SlopeInterceptLine", "Crossing", "VerticalGaps"]


Source = float | Callable[[], float]


def _segment_drawn(line: Line) -> bool:
    """Whether a segment is seen: stroked, opaque enough and longer than a hair (a vertical
    segment has no width, so :func:`~mathviz.layout.is_visible` would miss it)."""
    start, end = line.get_start_and_end()
    return (
        line.get_stroke_width() > 0
        and float(line.get_stroke_opacity()) > theme.VISIBLE_OPACITY
        and float(np.linalg.norm(end - start)) > 1e-3
    )


def _reader(source: Source) -> Callable[[], float]:
    if callable(source):
        return lambda: float(source())
    value = float(source)
    return lambda: value


class SlopeInterceptLine(VGroup):
    """``y = m x + b`` drawn inside a box of ``axes``, following live ``m`` and ``b``.

    Parts: ``line`` (the segment inside the box), ``intercept`` (a dot at ``(0, b)``),
    ``run_leg`` and ``rise_leg`` (the slope triangle from the intercept: ``run`` along x, then
    up or down to the line; hidden until :meth:`show_triangle`).

    Parameters
    ----------
    axes
        Where to draw.
    m, b
        The slope and the intercept: numbers, or callables read at every frame.
    x_range, y_range
        The box the line is clipped to (axes coordinates); the axes' own ranges by default.
    color
        The line's colour.
    intercept_color
        The intercept dot's colour (``None``: no dot is shown).
    rise_color
        The rise leg's colour (the run leg is muted).
    run
        The triangle's run (axes units along x).
    """

    def __init__(
        self,
        axes: Axes,
        m: Source,
        b: Source,
        *,
        x_range: tuple[float, float] | None = None,
        y_range: tuple[float, float] | None = None,
        color: ManimColor = theme.EQUATION_COLORS[0],
        intercept_color: ManimColor | None = theme.BIAS,
        rise_color: ManimColor = theme.GRADIENT,
        run: float = 1.0,
        stroke_width: float = 5.0,
    ) -> None:
        super().__init__()
        self.axes = axes
        self.m, self.b = _reader(m), _reader(b)
        self.x_range = x_range or (float(axes.x_range[0]), float(axes.x_range[1]))
        self.y_range = y_range or (float(axes.y_range[0]), float(axes.y_range[1]))
        self.run = float(run)
        self.line = Line(stroke_color=color, stroke_width=stroke_width)
        self.run_leg = Line(stroke_color=theme.MUTED, stroke_width=5)
        self.rise_leg = Line(stroke_color=rise_color, stroke_width=6)
        self.intercept = Dot(radius=0.1, color=intercept_color or color)
        self.intercept.set_stroke(theme.BACKGROUND, width=2)
        for leg in (self.run_leg, self.rise_leg):
            leg.set_stroke(opacity=0)
        self.add(self.run_leg, self.rise_leg, self.line)
        self.show_intercept = intercept_color is not None
        if self.show_intercept:
            self.add(self.intercept)
        self._in_view = True
        self._redraw()
        self.add_updater(lambda _: self._redraw())

    # --- the model ------------------------------------------------------------------------
    def model(self) -> SlopeIntercept:
        """The line the sources describe now (exact), not read from the drawing."""
        return SlopeIntercept.of(self.m(), self.b())

    def _redraw(self) -> None:
        model, axes = self.model(), self.axes
        ends = model.segment_in(self.x_range, self.y_range)
        in_view = ends is not None
        if in_view != self._in_view:
            self.line.set_stroke(opacity=1.0 if in_view else 0.0)
            self._in_view = in_view
        if ends is not None:
            (x0, y0), (x1, y1) = ends
            set_segment(self.line, axes.c2p(float(x0), float(y0)), axes.c2p(float(x1), float(y1)))
        b = float(model.b)
        self.intercept.move_to(axes.c2p(0.0, b))
        corner = axes.c2p(self.run, b)
        set_segment(self.run_leg, axes.c2p(0.0, b), corner)
        set_segment(self.rise_leg, corner, axes.c2p(self.run, float(model(self.run))))

    # --- animations -----------------------------------------------------------------------
    def create(self, run_time: float = 1.5) -> Animation:
        """Draw the line across the box, then drop the intercept dot on it."""
        parts: list[Animation] = [Create(self.line)]
        if self.show_intercept:
            parts.append(GrowFromCenter(self.intercept))
        return AnimationGroup(*parts, lag_ratio=0.7, run_time=run_time, group=self)

    def show_triangle(self, run_time: float = 1.5) -> Animation:
        """Draw the run leg from the intercept, then the rise leg up (or down) to the line."""
        for leg in (self.run_leg, self.rise_leg):
            leg.set_stroke(opacity=1)
        return AnimationGroup(
            Create(self.run_leg),
            Create(self.rise_leg),
            lag_ratio=1.0,
            run_time=run_time,
            group=self,
        )

    def hide_triangle(self, run_time: float = 0.8) -> Animation:
        """Fade the slope triangle out (its legs stay in the group, invisible)."""
        fades: list[Animation] = [
            leg.animate.set_stroke(opacity=0).build() for leg in (self.run_leg, self.rise_leg)
        ]
        return AnimationGroup(
            *fades,
            run_time=run_time,
            group=self,
        )

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def ends_shown(self) -> NDArray[np.float64]:
        """The drawn segment's two ends in axes coordinates, shape (2, 2)."""
        return np.array([coords(self.axes, p) for p in self.line.get_start_and_end()])

    @reads_screen("geometry")
    def slope_shown(self) -> float:
        """The drawn line's slope, its ends read back through the axes."""
        return float(line_slope_shown(self.axes, self.line))

    @reads_screen("geometry")
    def intercept_shown(self) -> float:
        """Where the drawn line (extended) crosses x = 0, read through the axes."""
        (x0, y0), _ = self.ends_shown()
        return float(y0 - self.slope_shown() * x0)

    @reads_screen("geometry")
    def intercept_dot_shown(self) -> NDArray[np.float64]:
        """The intercept dot's centre in axes coordinates."""
        return coords(self.axes, self.intercept)

    @reads_screen("geometry")
    def run_shown(self) -> float:
        """The triangle's run: its horizontal leg's signed length in x, through the axes."""
        start, end = (coords(self.axes, p) for p in self.run_leg.get_start_and_end())
        return float(end[0] - start[0])

    @reads_screen("geometry")
    def rise_shown(self) -> float:
        """The triangle's rise: its vertical leg's signed length in y, through the axes."""
        start, end = (coords(self.axes, p) for p in self.rise_leg.get_start_and_end())
        return float(end[1] - start[1])

    @reads_screen("count")
    def triangle_legs_shown(self) -> int:
        """How many legs of the slope triangle are visible (0 or 2)."""
        return sum(1 for leg in (self.run_leg, self.rise_leg) if _segment_drawn(leg))

    @reads_screen("geometry")
    def distance_shown(self, point: NDArray[np.float64]) -> float:
        """Distance (axes units) from ``point`` (axes coordinates) to the drawn line, extended."""
        p0, p1 = self.ends_shown()
        d = p1 - p0
        v = np.asarray(point, dtype=float)[:2] - p0
        return float(abs(d[0] * v[1] - d[1] * v[0]) / np.linalg.norm(d))


class Crossing(VGroup):
    """The dot where two :class:`SlopeInterceptLine` meet, kept there at every frame.

    The point is the exact solution of the two lines' equations (from their sources, not
    their drawings); the dot is hidden while the lines are parallel or meet outside the box.
    :meth:`draw_guides` drops dashed lines from it to both axes.
    """

    def __init__(
        self,
        first: SlopeInterceptLine,
        second: SlopeInterceptLine,
        *,
        color: ManimColor = theme.TEXT,
        radius: float = 0.12,
    ) -> None:
        super().__init__()
        self.first, self.second, self.axes = first, second, first.axes
        self.dot = Dot(radius=radius, color=color)
        self.dot.set_stroke(theme.BACKGROUND, width=2.5)
        self.guides = VGroup()
        self.add(self.guides, self.dot)  # the guides start under the dot
        self._redraw()
        self.add_updater(lambda _: self._redraw())

    def point(self) -> tuple[float, float] | None:
        """Where the lines meet inside the box (from their models), else ``None``."""
        p = intersection(self.first.model(), self.second.model())
        if p is None:
            return None
        x, y = float(p[0]), float(p[1])
        (x0, x1), (y0, y1) = self.first.x_range, self.first.y_range
        return (x, y) if x0 <= x <= x1 and y0 <= y <= y1 else None

    def _redraw(self) -> None:
        p = self.point()
        self.dot.set_opacity(0.0 if p is None else 1.0)
        if p is not None:
            self.dot.move_to(self.axes.c2p(*p))

    def draw_guides(self, run_time: float = 1.2) -> Animation:
        """Dashed lines from the dot, as it stands now, down (or up) to the x-axis and across
        to the y-axis; they stay where they are drawn."""
        p = self.point()
        if p is None:
            raise ValueError("no crossing in view to draw guides from")
        x, y = p
        dot = self.axes.c2p(x, y)
        for foot in (self.axes.c2p(x, 0.0), self.axes.c2p(0.0, y)):
            self.guides.add(
                DashedLine(dot, foot, dash_length=0.1, stroke_color=theme.MUTED, stroke_width=3)
            )
        return AnimationGroup(*(Create(g) for g in self.guides), run_time=run_time, group=self)

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def point_shown(self) -> NDArray[np.float64]:
        """The dot's centre in axes coordinates; NaN while it is hidden."""
        if not is_visible(self.dot):
            return np.array([np.nan, np.nan])
        return coords(self.axes, self.dot)

    @reads_screen("geometry")
    def guide_feet_shown(self) -> NDArray[np.float64]:
        """Where the dashed guides reach the axes, through the axes: the x of the foot on the
        x-axis and the y of the foot on the y-axis (after :meth:`draw_guides`)."""
        if len(self.guides) != 2:
            raise RuntimeError("the guides are not drawn yet")
        x_foot = coords(self.axes, self.guides[0].get_end())
        y_foot = coords(self.axes, self.guides[1].get_end())
        return np.array([x_foot[0], y_foot[1]])

    @reads_screen("count")
    def count_shown(self) -> int:
        """How many crossing dots are visible: 1, or 0 while the lines do not meet in view."""
        return int(is_visible(self.dot))


class VerticalGaps(VGroup):
    """Double arrows from one line up (or down) to another at a few ``xs``, as the lines stand
    when it is built: between parallel lines they are all one length.

    Parameters
    ----------
    first, second
        The lines (their models give the arrows' ends).
    xs
        Where to measure (axes x).
    color
        The arrows' colour.
    """

    def __init__(
        self,
        first: SlopeInterceptLine,
        second: SlopeInterceptLine,
        xs: tuple[float, ...],
        *,
        color: ManimColor = theme.MUTED,
    ) -> None:
        super().__init__()
        self.axes = first.axes
        low, high = first.model(), second.model()
        for x in xs:
            self.add(
                DoubleArrow(
                    self.axes.c2p(x, float(low(x))),
                    self.axes.c2p(x, float(high(x))),
                    buff=0,
                    stroke_width=3,
                    tip_length=0.16,
                    max_tip_length_to_length_ratio=0.1,
                    color=color,
                )
            )

    def create(self, run_time: float = 1.5) -> Animation:
        """Grow the arrows one after another."""
        return AnimationGroup(
            *(GrowFromCenter(a) for a in self), lag_ratio=0.4, run_time=run_time, group=self
        )

    @reads_screen("geometry")
    def lengths_shown(self) -> list[float]:
        """Each arrow's signed height (tip minus tail, in y) read through the axes."""
        out = []
        for arrow in self:
            # a double arrow's start and end are its two tips' points
            tail = coords(self.axes, arrow.get_start())
            tip = coords(self.axes, arrow.get_end())
            out.append(float(tip[1] - tail[1]))
        return out
