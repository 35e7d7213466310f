"""``|x − c| < r`` on a number line: a dot that measures its distance to ``c`` as it sweeps.

:class:`DistanceLine` draws a number line with the centre ``c`` marked, a dot at ``x`` and,
above the axis, a dimension bar from ``c`` to the dot: its length is ``|x − c|``. The dot is
green while the inequality holds and red while it does not, and wherever it passes while
green it leaves a green trail on the axis, so a sweep across the line *paints* the solution
set. Above the line (:attr:`DistanceLine.graph`, drawn apart) the same distance is plotted as
a height: the V of ``|x − c|`` against a vertical distance axis, with the level ``r`` dashed;
a second dot rides the V above the first, in its colour, and paints the V where it is green.
:meth:`DistanceLine.open_ends` then puts hollow rings on the interval's ends: the
points at distance exactly ``r``, which a strict inequality leaves out.

Everything shown is read back from the drawing through the axis (``NumberLine.p2n``): the
dot's value, the bar's length, the riding dot's height, the painted interval's ends, the
rings' places, and how many dots are drawn green or rings drawn hollow.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
from manim import (
    LEFT,
    AnimationGroup,
    Circle,
    Create,
    DashedLine,
    Dot,
    NumberLine,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.layout import same_colour
from mathviz.maths.inequalities import AbsInterval, Number, as_fraction
from mathviz.primitives.motion import Redraw
from mathviz.readings import reads_screen

__all__ = ["INSIDE_COLOR", "OUTSIDE_COLOR", "DISTANCE_COLOR", "GRAPH_COLOR", "DistanceLine"]

#: the dot and the trail while the inequality holds, and the dot while it does not
INSIDE_COLOR = theme.GOOD
OUTSIDE_COLOR = theme.BAD
#: the bar measuring the distance to the centre, and the graph of that distance
DISTANCE_COLOR = theme.ACCENT
GRAPH_COLOR = theme.CURVE


class DistanceLine(VGroup):
    """On a number line (:attr:`axis`, drawn apart from the group): its centre, a dot at
    ``x``, the bar from the centre to the dot, the trail the dot paints while inside, and
    the interval's two end rings; over it (:attr:`graph`, drawn apart) the distance graph,
    and in the group the dot riding it, its stem and its painted part.

    Parameters
    ----------
    interval
        The inequality ``|x − c| < r`` the dot is judged by.
    x_range
        The values the line shows (whole numbers are labelled).
    start
        Where the dot stands at first.
    length, y
        The line's length on screen and its height (it is centred horizontally).
    bar_height
        How far above the axis the distance bar runs.
    graph_scale
        Screen units per unit of distance on the graph above the line.
    """

    def __init__(
        self,
        interval: AbsInterval,
        x_range: tuple[int, int],
        start: Number,
        *,
        length: float = 12.0,
        y: float = 0.0,
        bar_height: float = 0.55,
        font_size: int = 32,
        graph_scale: float = 1.0,
    ) -> None:
        super().__init__()
        self.interval = interval
        self.axis = NumberLine(
            x_range=(x_range[0], x_range[1], 1),
            length=length,
            color=theme.MUTED,
            stroke_width=3,
            include_numbers=True,
            font_size=font_size,
            tick_size=0.12,
            numbers_to_exclude=[],
        )
        self.axis.move_to(np.array([0.0, y, 0.0]))
        self.y, self.bar_height = y, bar_height
        c = float(interval.center)
        self.centre = VMobject(stroke_color=DISTANCE_COLOR, stroke_width=5)
        self.centre.set_points_as_corners([self._at(c, 0.0), self._at(c, bar_height + 0.15)])
        self.bar = VMobject(stroke_color=DISTANCE_COLOR, stroke_width=5)
        self.trail = VMobject(stroke_color=INSIDE_COLOR, stroke_width=12)
        self.dot = Dot(radius=0.14, fill_opacity=1.0)
        self.dot.set_stroke(theme.BACKGROUND, width=2)
        self.ends = VGroup(
            *(
                Circle(
                    radius=0.14,
                    stroke_color=INSIDE_COLOR,
                    stroke_width=5,
                    fill_color=theme.BACKGROUND,
                    fill_opacity=1.0,
                ).move_to(self._at(float(v), 0.0))
                for v in (interval.lo, interval.hi)
            )
        )
        self.ends.set_opacity(0.0)
        # the distance plotted as a height over the line: the V of |x − c|, the level r
        self.graph_scale = graph_scale
        lo, hi = float(x_range[0]), float(x_range[1])
        self.v_curve = VMobject(stroke_color=GRAPH_COLOR, stroke_width=4)
        self.v_curve.set_points_as_corners([self._on_v(v) for v in (lo, c, hi)])
        self.v_curve.name = "graph of the distance"
        self.level = DashedLine(
            self._at(lo, float(interval.radius) * graph_scale),
            self._at(hi, float(interval.radius) * graph_scale),
            dash_length=0.12,
            stroke_color=theme.MUTED,
            stroke_width=2.5,
        )
        self.level.name = "distance level"
        top = int(max(abs(lo - c), abs(hi - c)))
        self.height_axis = NumberLine(
            x_range=(0, top, 1),
            length=top * graph_scale,
            rotation=np.pi / 2,
            color=theme.MUTED,
            stroke_width=3,
            include_numbers=True,
            numbers_to_exclude=[0],
            label_direction=LEFT,
            font_size=font_size,
            tick_size=0.12,
        )
        self.height_axis.shift(self._at(lo, 0.0) - self.height_axis.n2p(0))
        self.height_axis.name = "distance axis"
        self.graph = VGroup(self.height_axis, self.v_curve, self.level)
        self.v_trail = VMobject(stroke_color=INSIDE_COLOR, stroke_width=8)
        self.stem = VMobject(stroke_color=theme.MUTED, stroke_width=2, stroke_opacity=0.7)
        self.rider = Dot(radius=0.11, fill_opacity=1.0)
        self.rider.set_stroke(theme.BACKGROUND, width=2)
        #: how far the graph's moving parts (rider, stem, painted V) are shown, 0 to 1
        self.graph_alpha = 0.0
        self.x = as_fraction(start)
        self.visited = (self.x, self.x)
        # the axis and the graph stand apart (drawn on their own, e.g. with Create); the
        # group holds what a sweep redraws, so animating it never splits it in the scene
        self.add(
            self.trail,
            self.v_trail,
            self.stem,
            self.centre,
            self.bar,
            self.dot,
            self.rider,
            self.ends,
        )
        self.set_x_value(self.x)

    def _on_v(self, value: float) -> np.ndarray:
        """The point of the distance graph above ``value``."""
        return self._at(value, abs(value - float(self.interval.center)) * self.graph_scale)

    def _at(self, value: float, height: float) -> np.ndarray:
        point: np.ndarray = np.array(self.axis.n2p(value), dtype=float)
        point[1] += height
        return point

    # --- state ------------------------------------------------------------------------------
    def set_x_value(self, x: Number) -> DistanceLine:
        """Put the dot at ``x``: the bar, the dot's colour and the painted trail follow."""
        self.x = as_fraction(x)
        self.visited = (min(self.visited[0], self.x), max(self.visited[1], self.x))
        c, value, h = float(self.interval.center), float(self.x), self.bar_height
        self.dot.move_to(self._at(value, 0.0))
        inside = self.interval.contains(self.x)
        self.dot.set_fill(INSIDE_COLOR if inside else OUTSIDE_COLOR, opacity=1.0)
        self.rider.move_to(self._on_v(value))
        self.rider.set_fill(INSIDE_COLOR if inside else OUTSIDE_COLOR, opacity=self.graph_alpha)
        self.rider.set_stroke(opacity=self.graph_alpha)
        self.stem.set_points_as_corners([self._at(value, 0.0), self._on_v(value)])
        self.stem.set_stroke(opacity=0.7 * self.graph_alpha)
        self.bar.set_points_as_corners(
            [self._at(c, h), self._at(value, h), self._at(value, h - 0.3)]
        )
        covered = self.interval.covered(*self.visited)
        if covered is None:
            for trail in (self.trail, self.v_trail):
                trail.set_points_as_corners([self._at(c, 0.0), self._at(c, 0.0)])
                trail.set_stroke(opacity=0.0)
            return self
        a, b = float(covered[0]), float(covered[1])
        self.trail.set_points_as_corners([self._at(a, 0.0), self._at(b, 0.0)])
        bend = [c] if a < c < b else []
        self.v_trail.set_points_as_corners([self._on_v(v) for v in (a, *bend, b)])
        self.trail.set_stroke(opacity=1.0)
        self.v_trail.set_stroke(opacity=self.graph_alpha)
        return self

    # --- animations -------------------------------------------------------------------------
    def sweep(self, to: Number, **kwargs: Any) -> Animation:
        """The dot slides to ``to``; the bar, its colour and the trail follow every frame."""
        return _Sweep(self, as_fraction(to), **kwargs)

    def reveal_graph(self, **kwargs: Any) -> Animation:
        """Draw the distance graph (add :attr:`graph` to the scene with it) while the dot
        riding it and its stem fade in."""
        run_time = kwargs.pop("run_time", 1.5)
        return AnimationGroup(
            Create(self.graph, run_time=run_time, **kwargs),
            _GraphIn(self, run_time=run_time, **kwargs),
        )

    def open_ends(self, **kwargs: Any) -> Animation:
        """The hollow rings appear on the interval's ends."""
        return _Rings(self, **kwargs)

    # --- read back from the screen ----------------------------------------------------------
    def _value_at(self, point: np.ndarray) -> float:
        return float(self.axis.p2n(point))

    @reads_screen("geometry")
    def x_shown(self) -> float:
        """The value under the dot, read through the axis."""
        return self._value_at(self.dot.get_center())

    @reads_screen("geometry")
    def distance_shown(self) -> float:
        """The length of the distance bar, in the axis's units."""
        start, end = self.bar.get_anchors()[0], self.bar.get_anchors()[-2]
        return abs(self._value_at(end) - self._value_at(start))

    @reads_screen("geometry")
    def height_shown(self) -> float:
        """The height of the point riding the distance graph, in the axis's units."""
        return float(self.rider.get_center()[1] - self.axis.n2p(0.0)[1]) / self.graph_scale

    @reads_screen("count")
    def green_dots_shown(self) -> int:
        """How many of the two dots (on the line, on the graph) are drawn, and drawn in the
        "holds" colour."""
        return sum(
            int(
                same_colour(d.get_fill_color(), INSIDE_COLOR)
                and d.get_fill_opacity() > theme.VISIBLE_OPACITY
            )
            for d in (self.dot, self.rider)
        )

    @reads_screen("geometry")
    def interval_shown(self) -> list[float]:
        """The painted trail's two ends, read through the axis (``[]`` when none is drawn)."""
        if self.trail.get_stroke_opacity() <= theme.VISIBLE_OPACITY:
            return []
        ends = self.trail.get_anchors()
        values = sorted(self._value_at(p) for p in (ends[0], ends[-1]))
        return values

    @reads_screen("geometry")
    def ends_shown(self) -> list[float]:
        """Where the end rings stand, read through the axis."""
        return [self._value_at(ring.get_center()) for ring in self.ends]

    @reads_screen("count")
    def hollow_ends_shown(self) -> int:
        """How many end rings are drawn and hollow (filled with the background)."""
        return sum(
            1
            for ring in self.ends
            if ring.get_stroke_opacity() > theme.VISIBLE_OPACITY
            and same_colour(ring.get_fill_color(), theme.BACKGROUND)
        )


class _LineAnimation(Redraw):
    """Redraws the whole line from its state every frame."""

    def __init__(self, line: DistanceLine, **kwargs: Any) -> None:
        self.line = line
        super().__init__(line, **kwargs)


class _Sweep(_LineAnimation):
    def __init__(self, line: DistanceLine, to: Fraction, **kwargs: Any) -> None:
        self.to = to
        super().__init__(line, **kwargs)

    def begin(self) -> None:  # noqa: D102
        self.start = self.line.x
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102
        if alpha >= 1.0:
            self.line.set_x_value(self.to)
            return
        a = Fraction(float(self.rate_func(alpha)))
        self.line.set_x_value(self.start + a * (self.to - self.start))


class _GraphIn(_LineAnimation):
    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102
        self.line.graph_alpha = 1.0 if alpha >= 1.0 else float(self.rate_func(alpha))
        self.line.set_x_value(self.line.x)


class _Rings(_LineAnimation):
    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102
        a = float(self.rate_func(alpha))
        for ring in self.line.ends:
            ring.set_stroke(opacity=a)
            ring.set_fill(opacity=1.0 if a > 0 else 0.0)
            ring.scale_to_fit_width(0.28 * (0.4 + 0.6 * a))
