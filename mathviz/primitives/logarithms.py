"""eˣ folded across y = x onto ln x, and a log₂ ruler on which lengths add as values multiply.

:class:`MirrorDiagram` draws the graph of eˣ on square axes, the diagonal y = x and a point
(a, eᵃ). :meth:`MirrorDiagram.fold` folds a copy of the graph across the diagonal
(:func:`~mathviz.maths.logarithms.reflect_partway`): every point moves straight towards its
mirror image, the marked point travels along a dashed chord to (eᵃ, a), and a right-angle
mark shows where the chord meets the diagonal. :meth:`MirrorDiagram.slide` then moves ``a``:
the point runs along eˣ and its mirror along ln x, the chord between them. Everything is read
back through the axes.

:class:`LogRuler` draws a :class:`~mathviz.maths.logarithms.LogScale` as a horizontal axis
(the values at its ticks, and their logarithms in a row below) with bars above it whose
lengths are logarithms. A bar grows from its start, slides along the axis and changes
height; its ends are read back as values through the axis.

:class:`~mathviz.primitives.motion.StateTween` is the animation both use: it moves some
numeric attributes of a state object from their values when it begins to targets, and redraws.
"""

from __future__ import annotations

import math

import numpy as np
from manim import (
    DOWN,
    LEFT,
    UP,
    Axes,
    Create,
    DashedLine,
    Dot,
    Line,
    ManimColor,
    MathTex,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from numpy.typing import NDArray

from mathviz import theme
from mathviz.maths.logarithms import LogScale, graph_points, reflect, reflect_partway
from mathviz.primitives.motion import StateTween
from mathviz.primitives.readout import coords
from mathviz.readings import reads_screen

__all__ = ["MirrorDiagram", "LogRuler", "RIGHT_ANGLE_SIZE"]

#: side of the right-angle mark where the chord meets the diagonal (scene units)
RIGHT_ANGLE_SIZE = 0.2
#: samples of each drawn graph
GRAPH_SAMPLES = 240
ORIGIN3 = np.zeros(3)
RIGHT3 = np.array([1.0, 0.0, 0.0])


def _polyline(points: NDArray[np.float64], color: ManimColor, width: float) -> VMobject:
    line = VMobject(stroke_color=color, stroke_width=width)
    line.set_points_as_corners(points)
    return line


class MirrorDiagram(VGroup):
    """eˣ, the diagonal y = x, and the fold of the graph onto ln x, with a marked point.

    Parameters
    ----------
    axes
        Square axes (equal units on x and y), so that the fold is a true reflection.
    a
        The marked point's x on eˣ.
    x_min
        Where the graph of eˣ starts; it ends where it leaves the axes at the top.
    """

    def __init__(
        self,
        axes: Axes,
        a: float,
        *,
        x_min: float | None = None,
        exp_color: ManimColor = theme.CURVE,
        log_color: ManimColor = theme.GRADIENT,
        dot_color: ManimColor = theme.ACCENT,
        chord_color: ManimColor = theme.TEXT,
    ) -> None:
        super().__init__()
        self.axes = axes
        #: the marked point's x, and how far the fold has gone (0 … 1)
        self.a, self.t = float(a), 0.0
        lo = float(axes.x_range[0]) if x_min is None else float(x_min)
        hi = math.log(float(axes.y_range[1]))
        self.graph = graph_points(np.linspace(lo, hi, GRAPH_SAMPLES), "exp")
        self.curve = _polyline(self._scene(self.graph), exp_color, 4.5)
        self.mirror = _polyline(self._scene(self.graph), log_color, 4.5)
        (x0, x1), (y0, y1) = axes.x_range[:2], axes.y_range[:2]
        low, high = max(x0, y0), min(x1, y1)
        self.diagonal = DashedLine(
            axes.c2p(low, low), axes.c2p(high, high), color=theme.MUTED, stroke_width=3
        )
        self.dot = Dot(radius=0.1, color=dot_color).set_z_index(3)
        self.image = Dot(radius=0.1, color=dot_color).set_z_index(3)
        self.chord = Line(ORIGIN3, RIGHT3, color=chord_color, stroke_width=2.5)
        self.corner = VMobject(stroke_color=chord_color, stroke_width=2.5)
        # the diagonal is drawn by the scene when the story needs it (not part of the group)
        self.add(self.curve, self.mirror, self.chord, self.corner)
        self.add(self.dot, self.image)
        self.redraw()

    def _scene(self, points: NDArray[np.float64]) -> NDArray[np.float64]:
        return np.asarray(self.axes.c2p(points[:, 0], points[:, 1]), dtype=np.float64).T

    def point(self) -> NDArray[np.float64]:
        """The marked point ``(a, eᵃ)`` (model coordinates)."""
        return np.array([self.a, math.exp(self.a)])

    def redraw(self) -> MirrorDiagram:
        """Put the folded copy, the point, its image, the chord and the mark where ``a`` and
        the fold ``t`` say."""
        t = min(max(self.t, 0.0), 1.0)
        self.mirror.set_points_as_corners(self._scene(reflect_partway(self.graph, t)))
        self.mirror.set_stroke(opacity=0.0 if t == 0.0 else 1.0)
        p = self.point()
        q = reflect_partway(p, t)
        self.dot.move_to(self.axes.c2p(*p))
        self.image.move_to(self.axes.c2p(*q))
        self.image.set_fill(opacity=0.0 if t == 0.0 else 1.0)
        start, end = self.axes.c2p(*p), self.axes.c2p(*q)
        if np.linalg.norm(end - start) < 1e-6:
            end = start + 1e-4 * RIGHT3
        self.chord.put_start_and_end_on(start, end)
        self.chord.set_stroke(opacity=0.0 if t == 0.0 else 0.8)
        self._draw_corner(p, visible=t >= 0.5 and abs(p[0] - p[1]) > 0.3)
        return self

    def _draw_corner(self, p: NDArray[np.float64], *, visible: bool) -> None:
        """The right-angle mark at the chord's foot on the diagonal, on the point's side."""
        foot = self.axes.c2p(*(0.5 * (p + reflect(p))))
        along = np.array([1.0, 1.0, 0.0]) / math.sqrt(2.0)
        towards = np.asarray(self.axes.c2p(*p) - foot, dtype=np.float64)
        towards /= max(float(np.linalg.norm(towards)), 1e-9)
        s = RIGHT_ANGLE_SIZE
        self.corner.set_points_as_corners(
            [foot + s * towards, foot + s * (towards + along), foot + s * along]
        )
        self.corner.set_stroke(opacity=1.0 if visible else 0.0)

    # --- animations -----------------------------------------------------------------------
    def create_curve(self, run_time: float = 2.0) -> Animation:
        """Draw the graph of eˣ from left to right."""
        return Create(self.curve, run_time=run_time)

    def fold(self, run_time: float = 3.0) -> Animation:
        """Fold a copy of the graph, and the point, across the diagonal onto ln x."""
        return StateTween(self, self, {"t": 1.0}, self.redraw, run_time=run_time)

    def slide(self, a: float, run_time: float = 2.0) -> Animation:
        """Move the point along eˣ to ``(a, eᵃ)``; its image follows along ln x."""
        return StateTween(self, self, {"a": a}, self.redraw, run_time=run_time)

    # --- read-backs -----------------------------------------------------------------------
    @reads_screen("geometry")
    def point_shown(self) -> NDArray[np.float64]:
        """The marked dot's centre, through the axes."""
        return np.asarray(coords(self.axes, self.dot), dtype=np.float64)

    @reads_screen("geometry")
    def image_shown(self) -> NDArray[np.float64]:
        """The mirrored dot's centre, through the axes."""
        return np.asarray(coords(self.axes, self.image), dtype=np.float64)

    @reads_screen("geometry")
    def foot_shown(self) -> NDArray[np.float64]:
        """The midpoint of the drawn chord, through the axes."""
        start, end = self.chord.get_start_and_end()
        return np.asarray(coords(self.axes, 0.5 * (start + end)), dtype=np.float64)

    @reads_screen("geometry")
    def chord_angle_shown(self) -> float:
        """The angle (degrees) between the drawn chord and the drawn diagonal, both read
        through the axes."""
        ends = [coords(self.axes, p) for p in self.chord.get_start_and_end()]
        diag = [coords(self.axes, p) for p in self.diagonal.get_start_and_end()]
        u, v = ends[1] - ends[0], diag[1] - diag[0]
        cos = float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)))
        return math.degrees(math.acos(min(1.0, max(-1.0, cos))))

    @reads_screen("geometry")
    def mirror_curve_shown(self) -> NDArray[np.float64]:
        """The folded graph's drawn corners, through the axes (``(n, 2)``)."""
        return np.asarray(coords(self.axes, self.mirror.get_anchors()), dtype=np.float64)

    @reads_screen("geometry")
    def curve_shown(self) -> NDArray[np.float64]:
        """The graph of eˣ's drawn corners, through the axes (``(n, 2)``)."""
        return np.asarray(coords(self.axes, self.curve.get_anchors()), dtype=np.float64)


class _Bar:
    """A bar's state: where it starts and how long it is (steps), its height above the axis
    (scene units) and how much of it is grown (0 … 1)."""

    def __init__(self, start: float, length: float, height: float) -> None:
        self.start, self.length, self.height, self.grown = start, length, height, 0.0


class LogRuler(VGroup):
    """A log-scale axis with labelled powers, their logarithms below, and bars above it.

    Parameters
    ----------
    scale
        The pure model: base and the values at the two ends.
    left
        The scene point of the axis's left end.
    length
        The axis's length (scene units).
    exponent_title
        TeX put left of the row of logarithms (the default writes log₂).
    """

    def __init__(
        self,
        scale: LogScale,
        *,
        left: tuple[float, float] = (-5.5, -1.0),
        length: float = 11.4,
        label_size: int = 34,
        exponent_title: str = r"\log_2",
    ) -> None:
        super().__init__()
        self.model = scale
        self.left = np.array([left[0], left[1], 0.0])
        self.length = float(length)
        self.unit = self.length / scale.steps
        self.line = Line(self.left, self.left + self.length * RIGHT3, color=theme.MUTED)
        self.line.set_stroke(width=3)
        ticks = scale.ticks()
        self.ticks = VGroup(
            *(
                Line(self.x_point(v) + 0.14 * DOWN, self.x_point(v) + 0.14 * UP)
                .set_color(theme.MUTED)
                .set_stroke(width=2.5)
                for v in ticks
            )
        )
        self.labels = VGroup(
            *(
                MathTex(f"{round(v)}", font_size=label_size, color=theme.TEXT).next_to(
                    self.x_point(v), DOWN, buff=0.3
                )
                for v in ticks
            )
        )
        row_y = self.left[1] - 0.55 - 0.016 * label_size
        self.exponents = VGroup(
            *(
                MathTex(f"{k}", font_size=label_size - 2, color=theme.MUTED).move_to(
                    np.array([self.x_point(v)[0], row_y, 0.0])
                )
                for k, v in enumerate(ticks)
            )
        )
        self.exponent_title = MathTex(exponent_title, font_size=label_size - 2, color=theme.MUTED)
        self.exponent_title.next_to(self.exponents[0], LEFT, buff=0.45)
        self.axis = VGroup(self.line, self.ticks, self.labels)
        self.add(self.axis, self.exponents, self.exponent_title)
        self.bars: dict[str, tuple[_Bar, VGroup, MathTex | None]] = {}

    def x_point(self, value: float) -> NDArray[np.float64]:
        """The scene point of ``value`` on the axis line."""
        steps = float(self.model.position(value)[()])
        return np.asarray(self.left + steps * self.unit * RIGHT3, dtype=np.float64)

    # --- bars -----------------------------------------------------------------------------
    def add_bar(
        self,
        name: str,
        start: float,
        end: float,
        *,
        height: float,
        color: ManimColor,
        label: MathTex | None = None,
    ) -> VGroup:
        """A bar from value ``start`` to value ``end`` (not grown yet: see :meth:`grow`),
        ``height`` above the axis, with an optional label riding above its middle."""
        a, b = (float(self.model.position(v)[()]) for v in (start, end))
        state = _Bar(a, b - a, height)
        bar = VGroup(
            Line(ORIGIN3, RIGHT3, color=color, stroke_width=9),
            Line(ORIGIN3, UP, color=color, stroke_width=4),
            Line(ORIGIN3, UP, color=color, stroke_width=4),
        )
        self.bars[name] = (state, bar, label)
        self.add(bar)
        if label is not None:
            self.add(label)
        self.redraw_bar(name)
        return bar

    def redraw_bar(self, name: str) -> None:
        """Draw bar ``name`` where its state puts it."""
        state, bar, label = self.bars[name]
        y = self.left[1] + state.height
        a = self.left[0] + state.start * self.unit
        b = a + max(state.grown, 1e-4) * state.length * self.unit
        line, left_cap, right_cap = bar
        line.put_start_and_end_on(np.array([a, y, 0.0]), np.array([b, y, 0.0]))
        left_cap.put_start_and_end_on(np.array([a, y - 0.16, 0.0]), np.array([a, y + 0.16, 0.0]))
        right_cap.put_start_and_end_on(np.array([b, y - 0.16, 0.0]), np.array([b, y + 0.16, 0.0]))
        opacity = 1.0 if state.grown > 0 else 0.0
        for part in bar:
            part.set_stroke(opacity=opacity)
        if label is not None:
            label.move_to(np.array([0.5 * (a + b), y + 0.2, 0.0]), aligned_edge=DOWN)
            label.set_opacity(min(1.0, max(0.0, 2.0 * state.grown - 1.0)))

    def grow(self, name: str, run_time: float = 1.5) -> Animation:
        """Grow bar ``name`` from its start to its end (its label fades in on the way)."""
        state, bar, _ = self.bars[name]
        return StateTween(
            self, state, {"grown": 1.0}, lambda: self.redraw_bar(name), run_time=run_time
        )

    def slide(
        self, name: str, start: float, *, height: float | None = None, run_time: float = 2.0
    ) -> Animation:
        """Slide bar ``name`` along the axis until it starts at value ``start`` (its length
        kept), moving to ``height`` on the way if given."""
        state, _, _ = self.bars[name]
        targets = {"start": float(self.model.position(start)[()])}
        if height is not None:
            targets["height"] = float(height)
        return StateTween(self, state, targets, lambda: self.redraw_bar(name), run_time=run_time)

    # --- read-backs -----------------------------------------------------------------------
    def _value_at_x(self, x: float) -> float:
        line_start, line_end = self.line.get_start_and_end()
        steps = (x - line_start[0]) / (line_end[0] - line_start[0]) * self.model.steps
        return float(self.model.value_at(steps)[()])

    @reads_screen("geometry")
    def bar_ends_shown(self, name: str) -> NDArray[np.float64]:
        """The values under bar ``name``'s two drawn ends, read through the axis line."""
        start, end = self.bars[name][1][0].get_start_and_end()
        return np.array([self._value_at_x(float(start[0])), self._value_at_x(float(end[0]))])

    @reads_screen("geometry")
    def bar_length_shown(self, name: str) -> float:
        """Bar ``name``'s drawn length in steps of the axis (a logarithm)."""
        start, end = self.bars[name][1][0].get_start_and_end()
        line_start, line_end = self.line.get_start_and_end()
        return float((end[0] - start[0]) / (line_end[0] - line_start[0]) * self.model.steps)

    @reads_screen("geometry")
    def tick_values_shown(self) -> NDArray[np.float64]:
        """The value under each drawn tick mark."""
        return np.array([self._value_at_x(float(t.get_center()[0])) for t in self.ticks])
