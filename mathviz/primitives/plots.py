"""Data drawn on axes: a polyline through dots that can be drawn in and read back, and axis
frames whose numbers stay clear of the data."""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    AnimationGroup,
    Axes,
    Brace,
    CoordinateSystem,
    Create,
    Dot,
    GrowFromCenter,
    Line,
    ManimColor,
    NumberPlane,
    VGroup,
    VMobject,
    linear,
)
from manim.animation.animation import Animation
from manim.mobject.graphing.scale import LinearBase
from manim.utils.color import ParsableManimColor
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.primitives.readout import coords
from mathviz.readings import reads_screen

__all__ = [
    "scene_points",
    "set_segment",
    "DottedCurve",
    "LabelledBrace",
    "log_log_frame",
    "number_edges",
    "number_plane",
    "square_bracket",
]

#: how far apart the ends of a segment of zero length are put, so that it can be drawn
_HAIR = 1e-6


def scene_points(axes: CoordinateSystem, coordinates: ArrayLike) -> np.ndarray:
    """Axes coordinates, one point per row (``(n, 2)``, or ``(n, 3)`` on 3-D axes), as scene
    points ``(n, 3)`` from one call of ``axes.c2p``: bit for bit the points it gives one by
    one, without its cost per point (a redrawn curve or cloud at every frame)."""
    rows = np.asarray(coordinates, dtype=float)
    if len(rows) == 0:
        return np.zeros((0, 3))
    return np.asarray(axes.c2p(rows), dtype=float).reshape(len(rows), 3)


def set_segment(line: VMobject, start: ArrayLike, end: ArrayLike) -> VMobject:
    """Put ``line`` (a :class:`~manim.Line` or any VMobject) exactly from ``start`` to ``end``
    (a hair long if they coincide: a segment of length zero cannot be drawn or measured).
    Returns ``line``."""
    first, last = np.asarray(start, dtype=float), np.asarray(end, dtype=float)
    if np.linalg.norm(last - first) < _HAIR:
        last = first + np.array([_HAIR, 0.0, 0.0])
    line.set_points_as_corners(np.array([first, last]))
    return line


class LabelledBrace(VGroup):
    """A brace and its label, kept together: ``.brace`` and ``.label``."""

    def __init__(self, brace: Brace, label: VMobject) -> None:
        super().__init__(brace, label)
        self.brace, self.label = brace, label


def number_plane(
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    unit: float,
    *,
    line_color: ManimColor = theme.GRID,
    axis_color: ManimColor = theme.MUTED,
    line_width: float = 1.0,
    axis_width: float = 1.5,
    line_opacity: float = 1.0,
    axis_opacity: float = 1.0,
) -> NumberPlane:
    """A grid with unit spacing over ``x_range`` × ``y_range``, ``unit`` scene units per step."""
    return NumberPlane(
        x_range=(*x_range, 1),
        y_range=(*y_range, 1),
        x_length=(x_range[1] - x_range[0]) * unit,
        y_length=(y_range[1] - y_range[0]) * unit,
        background_line_style={
            "stroke_color": line_color,
            "stroke_width": line_width,
            "stroke_opacity": line_opacity,
        },
        axis_config={
            "stroke_color": axis_color,
            "stroke_width": axis_width,
            "stroke_opacity": axis_opacity,
        },
    )


def square_bracket(
    top: ArrayLike,
    bottom: ArrayLike,
    facing: int,
    color: ManimColor,
    *,
    hook: float = 0.13,
    width: float = 2.5,
) -> VMobject:
    """A square bracket from ``top`` to ``bottom``: ``facing`` +1 opens right ([), −1 left
    (]); ``hook`` is the length of its short ends."""
    top, bottom = np.asarray(top, dtype=float), np.asarray(bottom, dtype=float)
    lip = RIGHT * hook * facing
    bracket = VMobject(stroke_color=color, stroke_width=width)
    bracket.set_points_as_corners([top + lip, top, bottom, bottom + lip])
    return bracket


class DottedCurve(VGroup):
    """Points joined by a polyline, a dot on each, in the order given.

    Parameters
    ----------
    axes
        The axes the points are drawn through (linear or logarithmic).
    points
        ``(n, 2)`` points in the axes' coordinates, in drawing order.
    line_color, dot_color, dot_radius
        Styling.
    """

    def __init__(
        self,
        axes: Axes,
        points: ArrayLike,
        *,
        line_color: ParsableManimColor = theme.CURVE,
        dot_color: ParsableManimColor = theme.ACCENT,
        dot_radius: float = 0.07,
    ) -> None:
        super().__init__()
        self.axes = axes
        data = np.asarray(points, dtype=float)
        if data.ndim != 2 or data.shape[1] != 2 or len(data) < 2:
            raise ValueError("need at least two (x, y) points")
        scene_points = [axes.c2p(x, y) for x, y in data]
        self.line = VMobject(stroke_color=line_color, stroke_width=3)
        self.line.set_points_as_corners(scene_points)
        self.dots = VGroup(*(Dot(p, radius=dot_radius, color=dot_color) for p in scene_points))
        self.add(self.line, self.dots)

    def create(self, run_time: float = 2.5) -> Animation:
        """Pop the dots in drawing order, the line following behind them.

        Dot ``k`` grows during the ``k``-th of ``n`` equal slots; the line starts once the
        first dot is up and then runs at constant speed, reaching point ``k`` exactly as
        dot ``k`` finishes growing, so it never runs ahead of the points it joins.
        """
        n = len(self.dots)

        def behind_the_dots(t: float) -> float:
            return min(1.0, max(0.0, (n * t - 1.0) / (n - 1.0)))

        # the line's growth is the only timing that matters: ``Create`` splits a polyline
        # evenly by segment, so progress k/(n−1) is exactly point k
        return AnimationGroup(
            Create(self.line, rate_func=behind_the_dots, run_time=run_time),
            AnimationGroup(
                *(GrowFromCenter(d) for d in self.dots),
                lag_ratio=1.0,
                run_time=run_time,
                rate_func=linear,
            ),
            group=self,
        )

    @reads_screen("count")
    def points_reached_before_drawn(self) -> int:
        """How many points the drawn line has reached, or is heading for, whose dot is not
        drawn yet (0 while the line stays behind its dots).

        The line's drawn end is located on the polyline through the dots' centres (progress
        ``s``: ``k`` at point ``k``); every point up to ``ceil(s)`` must have a visible dot.
        """
        drawn = self.line.points
        if len(drawn) == 0 or self.line.get_stroke_opacity() == 0:
            return 0
        corners = np.array([d.get_center() for d in self.dots])
        end = drawn[-1]
        segments = corners[1:] - corners[:-1]
        lengths = np.linalg.norm(segments, axis=1)
        # the segment the end lies on: the one it is closest to, its fraction along it
        t = np.clip(np.einsum("ij,ij->i", end - corners[:-1], segments) / lengths**2, 0.0, 1.0)
        gaps = np.linalg.norm(corners[:-1] + t[:, None] * segments - end, axis=1)
        k = int(np.argmin(gaps))
        progress = k + float(t[k])
        if len(drawn) <= self.line.n_points_per_curve and progress < 1e-6:
            return 0  # nothing of the line is drawn yet
        needed = int(np.ceil(progress - 1e-6))
        return sum(
            1 for d in self.dots[: needed + 1] if d.width < 1e-9 or d.get_fill_opacity() == 0
        )

    @reads_screen("geometry")
    def points_shown(self) -> np.ndarray:
        """Each dot's centre read back through the axes, in drawing order."""
        return np.array([coords(self.axes, d) for d in self.dots])


def log_log_frame(
    axes: Axes,
    x_exponents: tuple[int, int],
    y_exponents: tuple[int, int],
    *,
    x_labels: tuple[int, ...],
    y_labels: tuple[int, ...],
) -> VGroup:
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
            frame.add(
                theme.tex(f"10^{{{k}}}", size=26, color=theme.MUTED).next_to(p, DOWN, buff=0.14)
            )
    for k in range(y0, y1 + 1):
        p = axes.c2p(10.0**x0, 10.0**k)
        frame.add(Line(p, p + 0.08 * LEFT, color=theme.MUTED, stroke_width=2))
        if k in y_labels:
            frame.add(
                theme.tex(f"10^{{{k}}}", size=26, color=theme.MUTED).next_to(p, LEFT, buff=0.14)
            )
    return frame


def number_edges(
    axes: Axes, *, x_decimals: int = 0, y_decimals: int = 0, buff: float = 0.15
) -> Axes:
    """Write ``axes``' tick numbers along the plot's bottom and left edges, not on the axes.

    Axes that cross in the middle of the plot carry their numbers through the data: curves,
    contours and paths run across them. Written just outside the bottom and left edges they
    stay clear, and 0 is numbered too (no crossing axis hides it). Linear axes only; returns
    ``axes``, its numbers being part of the axes (tick labels, not values to verify).
    """
    corner = axes.c2p(axes.x_range[0], axes.y_range[0])
    for axis, decimals in ((axes.x_axis, x_decimals), (axes.y_axis, y_decimals)):
        if not isinstance(axis.scaling, LinearBase):
            raise ValueError("number_edges needs linear axes (log axes: log_log_frame)")
        old = getattr(axis, "numbers", None)
        if old is not None:
            axis.remove(old)
        values = set(np.round(axis.get_tick_range(), 9).tolist())
        if axis.x_range[0] <= 0 <= axis.x_range[1]:
            values.add(0.0)
        axis.add_numbers(sorted(values), excluding=[], num_decimal_places=decimals)
    for number in axes.x_axis.numbers:
        number.next_to(np.array([number.get_x(), corner[1], 0.0]), DOWN, buff=buff)
    for number in axes.y_axis.numbers:
        number.next_to(np.array([corner[0], number.get_y(), 0.0]), LEFT, buff=buff)
    return axes
