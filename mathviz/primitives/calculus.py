"""Secants turning into tangents, a limit approached along a graph, and a tangent whose slope
traces the derivative.

:class:`SecantTangent` draws the secant of a function through ``x0`` and ``x0 + h`` and
rotates it as ``h`` shrinks, with a live slope readout. :class:`LimitApproach` draws a graph
with a hole and slides a dot towards it. :class:`DerivativeTracer` stacks the axes of ``f``
over the axes of ``f′``: a tangent slides along ``f`` while a dot below, at height equal to
the tangent's slope, leaves a trail that is the graph of ``f′``. Every value is read back
from the drawn objects through their axes.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import (
    DOWN,
    ORIGIN,
    RIGHT,
    AnimationGroup,
    Axes,
    Circle,
    Create,
    Dot,
    FadeIn,
    GrowFromCenter,
    Line,
    ManimColor,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from manim.utils.color import ParsableManimColor

from mathviz import theme
from mathviz.maths.calculus import DifferentiableFunction, RealFunction, secant_slope
from mathviz.primitives.plots import scene_points, set_segment
from mathviz.primitives.readout import Readout, coords
from mathviz.readings import reads_screen

__all__ = [
    "TICK_LABEL_Z",
    "function_axes",
    "back_tick_labels",
    "line_slope_shown",
    "SecantTangent",
    "LimitApproach",
    "DerivativeTracer",
]

#: drawing layer of backed tick labels: above the curves, lines and areas plotted on the axes
TICK_LABEL_Z = 2


def function_axes(
    x_range: tuple[float, float, float],
    y_range: tuple[float, float, float],
    *,
    x_length: float,
    y_length: float,
    font_size: int = 22,
    backed_labels: bool = False,
) -> Axes:
    """Course-styled axes for a graph: muted, numbered, without tips.

    ``backed_labels`` puts each tick number on a patch of the background, drawn above what is
    plotted (:func:`back_tick_labels`): a curve passing a label runs under it, never through it.
    """
    axes = Axes(
        x_range=x_range,
        y_range=y_range,
        x_length=x_length,
        y_length=y_length,
        axis_config={"color": theme.MUTED, "include_numbers": True, "font_size": font_size},
        tips=False,
    )
    return back_tick_labels(axes) if backed_labels else axes


def back_tick_labels(axes: Axes, buff: float = 0.02) -> Axes:
    """Give every tick number of ``axes`` an opaque patch of the background colour and draw
    it above the plot (``z_index`` :data:`TICK_LABEL_Z`), so curves, tangents and trails that
    pass a label go under it and the digits stay legible. Returns ``axes``."""
    for axis in axes.get_axes():
        numbers = getattr(axis, "numbers", None)
        for label in numbers or []:
            label.add_background_rectangle(color=theme.BACKGROUND, opacity=1.0, buff=buff)
            label.set_z_index(TICK_LABEL_Z)
    return axes


@reads_screen("geometry")
def line_slope_shown(axes: Axes, line: Line) -> float:
    """Slope of a drawn segment, its endpoints read back through ``axes``."""
    (x1, y1), (x2, y2) = (coords(axes, p) for p in line.get_start_and_end())
    return float((y2 - y1) / (x2 - x1))


def _screen_segment(
    axes: Axes, point: Sequence[float], slope: float, length: float
) -> tuple[np.ndarray, np.ndarray]:
    """Endpoints of a segment of screen ``length`` centred on ``point`` with axes ``slope``."""
    centre = axes.c2p(*point)
    direction = axes.c2p(point[0] + 1.0, point[1] + slope) - centre
    direction = direction / np.linalg.norm(direction)
    return centre - direction * length / 2, centre + direction * length / 2


class SecantTangent(VGroup):
    """The secant of ``f`` through ``x0`` and ``x0 + h``, rotating as ``h`` shrinks.

    Parts: ``line`` (the secant, extended ``reach`` axes units beyond both points), ``anchor``
    (the dot at ``x0``), ``moving`` (the dot at ``x0 + h``), ``rise_leg``/``run_leg`` (the legs
    of the slope triangle) and, after :meth:`show_tangent`, ``tangent``. ``readout`` and
    ``run_readout`` (not part of the group, so a panel can hold them) follow the drawing: the
    secant's slope and its run ``h``, read back through the axes at every frame.

    Parameters
    ----------
    axes
        Where to draw.
    f
        The function (its graph is drawn by the scene).
    x0, h
        The fixed point and the starting step.
    readout
        Optional slope readout; follows the drawn secant's slope.
    run_readout
        Optional ``h`` readout; follows the drawn run leg's length.
    reach
        How far (in x) the line extends beyond the two points.
    """

    def __init__(
        self,
        axes: Axes,
        f: RealFunction,
        x0: float,
        h: float,
        *,
        readout: Readout | None = None,
        run_readout: Readout | None = None,
        reach: float = 0.9,
        color: ManimColor = theme.GRADIENT,
    ) -> None:
        super().__init__()
        self.axes, self.f, self.x0, self.reach = axes, f, float(x0), float(reach)
        self.h_tracker = ValueTracker(float(h))
        self.readout, self.run_readout = readout, run_readout
        self.color = color
        self.line = Line(stroke_color=color, stroke_width=5)
        self.run_leg = Line(stroke_color=theme.MUTED, stroke_width=3)
        self.rise_leg = Line(stroke_color=theme.MUTED, stroke_width=3)
        self.anchor = Dot(axes.c2p(x0, f(x0)), radius=0.08, color=theme.DOT)
        self.moving = Dot(radius=0.08, color=color)
        self.tangent: Line | None = None
        self.add(self.run_leg, self.rise_leg, self.line, self.anchor, self.moving)
        self._redraw()
        if readout is not None:
            readout.follow(self.slope_shown)
        if run_readout is not None:
            run_readout.follow(self.run_shown)

    @property
    def h(self) -> float:
        return float(self.h_tracker.get_value())

    def _redraw(self) -> None:
        h, x0, f, axes = self.h, self.x0, self.f, self.axes
        m = secant_slope(f, x0, h)
        y0 = float(f(x0))
        lo, hi = min(x0, x0 + h) - self.reach, max(x0, x0 + h) + self.reach
        self.line.put_start_and_end_on(
            axes.c2p(lo, y0 + m * (lo - x0)), axes.c2p(hi, y0 + m * (hi - x0))
        )
        x1, y1 = x0 + h, float(f(x0 + h))
        self.moving.move_to(axes.c2p(x1, y1))
        corner = axes.c2p(x1, y0)
        set_segment(self.run_leg, axes.c2p(x0, y0), corner)
        set_segment(self.rise_leg, corner, axes.c2p(x1, y1))

    def create(self) -> Animation:
        """Draw the two points, then the secant through them and the slope triangle."""
        return AnimationGroup(
            AnimationGroup(GrowFromCenter(self.anchor), GrowFromCenter(self.moving)),
            AnimationGroup(Create(self.line), Create(self.run_leg), Create(self.rise_leg)),
            lag_ratio=0.6,
            group=self,
        )

    def animate_h_to(self, h: float, run_time: float = 2.5) -> Animation:
        """Shrink (or grow) ``h`` continuously to ``h``, geometrically, so the rotation looks
        even on the way from 1 to 0.01; the secant, the second dot and the readout follow."""
        if h == 0 or (h > 0) != (self.h > 0):
            raise ValueError("h must keep its sign and stay non-zero (use show_tangent)")
        start = self.h

        def update(_mob: object, alpha: float) -> None:
            self.h_tracker.set_value(start * (h / start) ** alpha)
            self._redraw()

        return UpdateFromAlphaFunc(self, update, run_time=run_time)

    def show_tangent(self, slope: float, run_time: float = 1.5) -> Animation:
        """Draw the limiting line: through ``(x0, f(x0))`` with the given ``slope``."""
        y0 = float(self.f(self.x0))
        lo, hi = self.x0 - 1.5 * self.reach, self.x0 + 1.5 * self.reach
        self.tangent = Line(
            self.axes.c2p(lo, y0 + slope * (lo - self.x0)),
            self.axes.c2p(hi, y0 + slope * (hi - self.x0)),
            stroke_color=theme.GOOD,
            stroke_width=4,
        )
        self.add(self.tangent)
        return Create(self.tangent, run_time=run_time)

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def slope_shown(self) -> float:
        """Slope of the drawn secant, from its endpoints read through the axes."""
        return line_slope_shown(self.axes, self.line)

    @reads_screen("geometry")
    def tangent_slope_shown(self) -> float:
        """Slope of the drawn tangent (after :meth:`show_tangent`)."""
        if self.tangent is None:
            raise RuntimeError("the tangent is not drawn yet")
        return line_slope_shown(self.axes, self.tangent)

    @reads_screen("geometry")
    def run_shown(self) -> float:
        """The run ``h`` of the slope triangle: its horizontal leg's signed length in x, read
        back through the axes."""
        start, end = (coords(self.axes, p) for p in self.run_leg.get_start_and_end())
        return float(end[0] - start[0])

    @reads_screen("geometry")
    def rise_shown(self) -> float:
        """The rise ``f(x0 + h) − f(x0)``: the vertical leg's signed length in y, via the axes."""
        start, end = (coords(self.axes, p) for p in self.rise_leg.get_start_and_end())
        return float(end[1] - start[1])

    @reads_screen("geometry")
    def points_shown(self) -> tuple[np.ndarray, np.ndarray]:
        """The two dots the secant passes through, in axes coordinates."""
        return coords(self.axes, self.anchor), coords(self.axes, self.moving)


class LimitApproach(VGroup):
    """The graph of ``f`` with a hole at ``hole_x`` and a dot sliding along it towards the hole.

    Parts: ``curve`` (two pieces, left and right of the hole), ``hole`` (an open circle at
    ``(hole_x, limit)``), ``dot`` and the optional ``readout`` and ``x_readout`` (not in the
    group) that follow the dot: its height and its x, read back through the axes.
    """

    def __init__(
        self,
        axes: Axes,
        f: RealFunction,
        x_range: tuple[float, float],
        hole_x: float,
        limit: float,
        start_x: float,
        *,
        readout: Readout | None = None,
        x_readout: Readout | None = None,
    ) -> None:
        super().__init__()
        self.axes, self.f, self.hole_x = axes, f, float(hole_x)
        self.readout, self.x_readout = readout, x_readout
        gap = 0.02 * (x_range[1] - x_range[0])
        pieces = [
            axes.plot(f, x_range=(x_range[0], hole_x - gap), color=theme.CURVE, stroke_width=4),
            axes.plot(f, x_range=(hole_x + gap, x_range[1]), color=theme.CURVE, stroke_width=4),
        ]
        self.curve = VGroup(*pieces)
        self.hole = Circle(
            radius=0.09,
            stroke_color=theme.CURVE,
            stroke_width=3,
            fill_color=theme.BACKGROUND,
            fill_opacity=1.0,
        )
        self.hole.move_to(axes.c2p(hole_x, limit))
        self.dot = Dot(radius=0.09, color=theme.DOT)
        self.x = float(start_x)
        self.add(self.curve, self.hole, self.dot)
        self._place(self.x)
        if readout is not None:
            readout.follow(lambda: self.dot_shown()[1])
        if x_readout is not None:
            x_readout.follow(lambda: self.dot_shown()[0])

    def _place(self, x: float) -> None:
        self.x = float(x)
        self.dot.move_to(self.axes.c2p(x, float(self.f(x))))

    def create(self) -> Animation:
        return AnimationGroup(
            AnimationGroup(*(Create(p) for p in self.curve)),
            FadeIn(self.hole),
            GrowFromCenter(self.dot),
            lag_ratio=0.7,
            group=self,
        )

    def slide_to(self, x: float, run_time: float = 2.0) -> Animation:
        """Slide the dot along the graph to ``x`` (never onto the hole)."""
        if x == self.hole_x or (x - self.hole_x) * (self.x - self.hole_x) <= 0:
            raise ValueError("the dot approaches the hole from one side and never reaches it")
        start = self.x

        def update(_mob: object, alpha: float) -> None:
            self._place(start + alpha * (x - start))

        return UpdateFromAlphaFunc(self, update, run_time=run_time)

    @reads_screen("geometry")
    def dot_shown(self) -> np.ndarray:
        """The dot's ``(x, f(x))`` read back through the axes."""
        return coords(self.axes, self.dot)

    @reads_screen("geometry")
    def hole_shown(self) -> np.ndarray:
        """Centre of the drawn hole, read back through the axes."""
        return coords(self.axes, self.hole)


class DerivativeTracer(VGroup):
    """``f`` on top, ``f′`` below: a tangent slides along ``f`` and its slope leaves a trail.

    Parts: ``top``/``bottom`` (the two axes, same x range, aligned vertically), ``curve`` (f),
    ``tangent`` (segment of fixed screen length touching ``f``), ``point`` (the touching dot),
    ``guide`` (a faint vertical line from the point down to the tracer), ``tracer`` (the dot
    at ``(x, slope)`` on the lower axes) and ``trail`` (the tracer's path: the graph of
    ``f′``, drawn by the tangent itself, sampled every 1/400 of the x range whatever the
    frame rate). ``markers`` collects :meth:`mark` dots.

    Parameters
    ----------
    fn
        The function with its closed-form derivative.
    x_range
        ``(start, end, step)`` of both axes.
    y_range, dy_range
        Ranges of the upper (f) and lower (f′) axes.
    x0
        Where the tangent starts.
    readouts
        Optional ``{"x": …, "slope": …, "f": …}`` readouts (not part of the group) that follow
        the drawing: the touching point's x and height and the tangent's slope, read back
        through the upper axes (see :meth:`follow_with`).
    """

    TANGENT_LENGTH = 2.2

    def __init__(
        self,
        fn: DifferentiableFunction,
        x_range: tuple[float, float, float],
        y_range: tuple[float, float, float],
        dy_range: tuple[float, float, float],
        x0: float,
        *,
        width: float = 7.6,
        top_height: float = 3.0,
        bottom_height: float = 2.4,
        gap: float = 0.55,
        readouts: dict[str, Readout] | None = None,
        f_label: str = "f(x)",
        df_label: str = "f'(x)",
    ) -> None:
        super().__init__()
        self.fn = fn
        self.readouts: dict[str, Readout] = {}
        self.top = function_axes(
            x_range, y_range, x_length=width, y_length=top_height, backed_labels=True
        )
        # the derivative plot shares the x axis of the plot above it: its x numbers would only
        # repeat those (and its curve would run through them); its y numbers sit where the
        # curve can only pass through 0, which is not numbered
        self.bottom = function_axes(x_range, dy_range, x_length=width, y_length=bottom_height)
        shared_numbers = getattr(self.bottom.x_axis, "numbers", None)
        if shared_numbers is not None:
            self.bottom.x_axis.remove(shared_numbers)
        self.bottom = back_tick_labels(self.bottom)
        self.bottom.next_to(self.top, DOWN, buff=gap)
        # line the x axes' origins up exactly (numbers may make the boxes differ in width)
        shift = self.top.c2p(x_range[0], 0)[0] - self.bottom.c2p(x_range[0], 0)[0]
        self.bottom.shift(np.array([shift, 0, 0]))
        self.f_label = theme.tex(f_label, size=30, color=theme.CURVE)
        self.df_label = theme.tex(df_label, size=30, color=theme.GRADIENT)
        for label, axes in ((self.f_label, self.top), (self.df_label, self.bottom)):
            label.next_to(axes.c2p(0, axes.y_range[1]), RIGHT, buff=0.3)
        self.curve = self.top.plot(fn.f, x_range=x_range[:2], color=theme.CURVE, stroke_width=4)
        self.tangent = Line(stroke_color=theme.ACCENT, stroke_width=5)
        self.point = Dot(radius=0.08, color=theme.ACCENT)
        self.guide = Line(stroke_color=theme.MUTED, stroke_width=2, stroke_opacity=0.5)
        self.tracer = Dot(radius=0.08, color=theme.GRADIENT)
        self.trail = VMobject(stroke_color=theme.GRADIENT, stroke_width=4)
        self.markers = VGroup()
        self.x = float(x0)
        self.trail_step = (x_range[1] - x_range[0]) / 400
        self._visited: list[float] = [self.x]
        self.add(
            self.top,
            self.bottom,
            self.f_label,
            self.df_label,
            self.curve,
            self.guide,
            self.trail,
            self.markers,
            self.tangent,
            self.point,
            self.tracer,
        )
        self._place(self.x)
        self.move_to(ORIGIN)
        self.follow_with(readouts or {})

    def follow_with(self, readouts: dict[str, Readout]) -> DerivativeTracer:
        """Make ``{"x" | "slope" | "f": readout}`` follow the drawing at every frame; readouts
        that followed before stop (they keep what they show)."""
        readers = {
            "x": lambda: self.point_shown()[0],
            "slope": self.slope_shown,
            "f": lambda: self.point_shown()[1],
        }
        unknown = set(readouts) - set(readers)
        if unknown:
            raise ValueError(f"unknown readout(s) {sorted(unknown)}; use {sorted(readers)}")
        for readout in self.readouts.values():
            readout.stop_following()
        self.readouts = dict(readouts)
        for key, readout in self.readouts.items():
            readout.follow(readers[key])
        return self

    # --- drawing ----------------------------------------------------------------------------
    def _trace_points(self) -> list[np.ndarray]:
        slopes = [(x, self.fn.derivative(x)) for x in self._visited]
        return list(scene_points(self.bottom, slopes))

    def _place(self, x: float, record: bool = True) -> None:
        self.x = float(x)
        y, m = self.fn(x), self.fn.derivative(x)
        start, end = _screen_segment(self.top, (x, y), m, self.TANGENT_LENGTH)
        self.tangent.put_start_and_end_on(start, end)
        self.point.move_to(self.top.c2p(x, y))
        self.tracer.move_to(self.bottom.c2p(x, m))
        self.guide.put_start_and_end_on(
            self.top.c2p(x, y), self.bottom.c2p(x, m) + np.array([0, 1e-6, 0])
        )
        if record:
            self._record(self.x)
        pts = self._trace_points()
        if len(pts) >= 2:
            self.trail.set_points_as_corners(pts)

    def _record(self, x: float) -> None:
        """Extend the trail to ``x`` through evenly spaced samples, so its shape does not depend
        on how many frames the slide took (none at all when animations are skipped)."""
        if not self._visited:
            self._visited.append(x)
            return
        last = self._visited[-1]
        n = int(np.ceil(abs(x - last) / self.trail_step))
        if n > 0:
            self._visited.extend(float(t) for t in np.linspace(last, x, n + 1)[1:])

    def create(self) -> Animation:
        """Draw both axes and f, then the tangent, its point, the guide and the tracer."""
        return AnimationGroup(
            AnimationGroup(
                Create(self.top), Create(self.bottom), FadeIn(self.f_label), FadeIn(self.df_label)
            ),
            Create(self.curve),
            AnimationGroup(
                Create(self.tangent),
                GrowFromCenter(self.point),
                Create(self.guide),
                GrowFromCenter(self.tracer),
            ),
            lag_ratio=0.8,
            group=self,
        )

    def slide_to(self, x: float, run_time: float = 3.0, *, trace: bool = True) -> Animation:
        """Slide the tangent along ``f`` to ``x``; with ``trace`` the tracer leaves its trail."""
        start = self.x
        if not trace:
            self._visited = []

        def update(_mob: object, alpha: float) -> None:
            self._place(start + alpha * (x - start), record=trace)

        return UpdateFromAlphaFunc(self, update, run_time=run_time)

    def tour(self, *xs: float, run_time: float = 3.0, trace: bool = True) -> Animation:
        """Slide the tangent through ``xs`` in turn (there and back, a sweep), at one speed:
        each leg takes a share of ``run_time`` proportional to its length. With ``trace`` the
        tracer keeps extending its trail (going back over drawn ground leaves it unchanged);
        without it, as :meth:`slide_to`, the trail stays as it is."""
        stops = np.array([self.x, *(float(x) for x in xs)])
        legs = np.abs(np.diff(stops))
        total = float(legs.sum())
        ends = np.concatenate([[0.0], np.cumsum(legs)]) / total if total > 0 else None
        if not trace:
            self._visited = []

        def update(_mob: object, alpha: float) -> None:
            x = stops[-1] if ends is None else float(np.interp(alpha, ends, stops))
            self._place(x, record=trace)

        return UpdateFromAlphaFunc(self, update, run_time=run_time)

    def jump_to(self, x: float) -> DerivativeTracer:
        """Put the tangent at ``x`` now and start a fresh trail there."""
        self._visited = []
        self._place(x)
        self.trail.clear_points()
        return self

    def mark(
        self, x: float, color: ParsableManimColor = theme.GOOD, radius: float = 0.1
    ) -> Animation:
        """Ring the point of ``f`` at ``x`` and its slope below (e.g. a critical point)."""
        rings = VGroup(
            Circle(radius=radius + 0.05, stroke_color=color, stroke_width=4).move_to(
                self.top.c2p(x, self.fn(x))
            ),
            Circle(radius=radius + 0.05, stroke_color=color, stroke_width=4).move_to(
                self.bottom.c2p(x, self.fn.derivative(x))
            ),
        )
        self.markers.add(rings)
        return AnimationGroup(*(Create(r) for r in rings), group=self)

    # --- read back -----------------------------------------------------------------------
    @reads_screen("geometry")
    def slope_shown(self) -> float:
        """Slope of the drawn tangent segment, its endpoints read through the upper axes."""
        return line_slope_shown(self.top, self.tangent)

    @reads_screen("geometry")
    def point_shown(self) -> np.ndarray:
        """The touching point ``(x, f(x))`` read through the upper axes."""
        return coords(self.top, self.point)

    @reads_screen("geometry")
    def trace_point_shown(self) -> np.ndarray:
        """The tracer dot ``(x, f′(x))`` read through the lower axes."""
        return coords(self.bottom, self.tracer)

    @reads_screen("geometry")
    def trail_shown(self) -> np.ndarray:
        """The trail's anchor points in lower-axes coordinates, shape (n, 2)."""
        return coords(self.bottom, self.trail.get_anchors())

    @reads_screen("geometry")
    def trail_value_at(self, x: float) -> float:
        """Height of the drawn trail at ``x`` (linear between its anchors), lower axes."""
        pts = self.trail_shown()
        order = np.argsort(pts[:, 0])
        xs, ys = pts[order, 0], pts[order, 1]
        if not xs[0] - 1e-9 <= x <= xs[-1] + 1e-9:
            raise ValueError(f"the trail does not reach x = {x}")
        return float(np.interp(x, xs, ys))
