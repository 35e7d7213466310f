"""Logistic-regression pictures: scores squashed onto the sigmoid, two classes on a plane, the
decision boundary ``w·x + b = 0`` turning as training runs, and the loss traced beside it.

:class:`SquashedScores` puts dots on a score axis and lifts each one straight up onto the
sigmoid, ``(z, 0) → (z, σ(z))``. :class:`ClassScatter` draws labelled points (class 1 as
round dots, class 0 as squares, so the shape tells the class as well as the colour) and a
ring around every point the drawn boundary puts on the wrong side. :class:`DecisionBoundary`
draws the line ``w·x + b = 0`` clipped to the axes' box, the half of the box where
``p > ½`` shaded, and the weight vector ``w`` as an arrow from the line's point nearest the
origin, ``|w|`` axes units long (the axes must be square). :class:`LossTrace` traces a loss
against the training step up to a moving tip. :func:`training_motion` moves all of them
together through a :class:`~mathviz.maths.logistic.Training`, fractional steps included.

Everything is read back through the axes (``*_shown``): the dots' heights, the line's slope
and intercept, ``w`` from the arrow and ``b`` from the line, which side each drawn point is
on, how many rings are drawn, the loss curve's tip.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from manim import (
    RIGHT,
    AnimationGroup,
    Arrow,
    Axes,
    Circle,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    GrowFromCenter,
    Line,
    ManimColor,
    Polygon,
    Square,
    VGroup,
    VMobject,
    smooth,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.layout import is_visible
from mathviz.maths.activations import sigmoid
from mathviz.maths.logistic import Box, LabelledPoints, Training, boundary_segment, positive_region
from mathviz.primitives.calculus import line_slope_shown
from mathviz.primitives.motion import Scripted
from mathviz.primitives.plots import set_segment
from mathviz.primitives.readout import coords
from mathviz.readings import reads_screen

__all__ = [
    "CLASS_ONE",
    "CLASS_ZERO",
    "FLAG",
    "SquashedScores",
    "ClassScatter",
    "class_legend",
    "DecisionBoundary",
    "LossTrace",
    "training_motion",
]

#: class 1 (round dots), class 0 (squares), and the ring flagging a point on the wrong side
CLASS_ONE, CLASS_ZERO, FLAG = theme.HYPOTHESIS, theme.NOT_HYPOTHESIS, theme.ACCENT


# --- the sigmoid squashing scores ------------------------------------------------------------
class SquashedScores(VGroup):
    """Dots at scores ``z`` on the horizontal axis, lifted straight up onto ``σ(z)``.

    Parts: ``curve`` (the sigmoid over the axes' x range), ``dots`` and ``stems`` (a dashed
    line from each score up to its dot). :meth:`lift` raises the dots one after another.
    """

    def __init__(
        self,
        axes: Axes,
        z_values: Sequence[float],
        *,
        color: ManimColor = theme.DOT,
        curve_color: ManimColor = theme.CURVE,
    ) -> None:
        super().__init__()
        self.axes = axes
        self.z_values = [float(z) for z in z_values]
        self.lifted = [0.0] * len(self.z_values)
        lo, hi = float(axes.x_range[0]), float(axes.x_range[1])
        self.curve = axes.plot(
            lambda z: float(sigmoid(z)), x_range=(lo, hi, 0.05), color=curve_color, stroke_width=5
        )
        self.stems = VGroup(
            *(
                DashedLine(
                    axes.c2p(z, 0), axes.c2p(z, 1), stroke_color=theme.MUTED, stroke_width=2.5
                )
                for z in self.z_values
            )
        )
        self.dots = VGroup(*(Dot(axes.c2p(z, 0), radius=0.11, color=color) for z in self.z_values))
        for dot in self.dots:
            dot.set_stroke(theme.BACKGROUND, width=2)
        self.add(self.curve, self.stems, self.dots)
        self._redraw()

    def _redraw(self) -> None:
        for i, z in enumerate(self.z_values):
            height = self.lifted[i] * float(sigmoid(z))
            self.dots[i].move_to(self.axes.c2p(z, height))
            stem = self.stems[i]
            stem.put_start_and_end_on(self.axes.c2p(z, 0), self.axes.c2p(z, max(height, 1e-3)))
            stem.set_stroke(opacity=1.0 if height > 0.02 else 0.0)

    def create_curve(self, run_time: float = 1.5) -> Animation:
        """Draw the sigmoid from left to right."""
        return Create(self.curve, run_time=run_time)

    def create_dots(self, run_time: float = 1.0) -> Animation:
        """Drop the dots on their scores."""
        return AnimationGroup(
            *(GrowFromCenter(d) for d in self.dots), lag_ratio=0.15, run_time=run_time
        )

    def lift(self, run_time: float = 3.0, lag: float = 0.12) -> Animation:
        """Each dot rises from its score to the curve, the next starting ``lag`` later."""
        n = len(self.z_values)
        span = max(1.0 - lag * (n - 1), 1e-6)

        def update(t: float) -> None:
            for i in range(n):
                local = min(max((t - lag * i) / span, 0.0), 1.0)
                self.lifted[i] = float(smooth(local))
            self._redraw()

        return Scripted(self, update, run_time=run_time)

    @reads_screen("geometry")
    def dot_shown(self, index: int) -> np.ndarray:
        """Dot ``index``'s ``(z, height)``, read back through the axes."""
        return coords(self.axes, self.dots[index])

    @reads_screen("geometry")
    def curve_height_shown(self, z: float) -> float:
        """The drawn curve's height at ``z`` (its anchors read back, interpolated)."""
        points = coords(self.axes, self.curve.get_anchors())
        order = np.argsort(points[:, 0])
        return float(np.interp(z, points[order, 0], points[order, 1]))


# --- two classes on a plane ------------------------------------------------------------------
class ClassScatter(VGroup):
    """Labelled points on ``axes``: class 1 round, class 0 square; ``flags`` are rings around
    the points on the wrong side of a boundary, hidden until :meth:`flag_wrong_side`.
    """

    def __init__(self, axes: Axes, data: LabelledPoints, *, size: float = 0.24) -> None:
        super().__init__()
        self.axes, self.data = axes, data
        self.markers = VGroup()
        self.flags = VGroup()
        for (x, y), label in zip(data.x, data.y, strict=True):
            centre = axes.c2p(float(x), float(y))
            marker: VMobject
            if label == 1:
                marker = Dot(centre, radius=size / 2, color=CLASS_ONE)
            else:
                marker = Square(side_length=0.85 * size, color=CLASS_ZERO).move_to(centre)
                marker.set_fill(CLASS_ZERO, opacity=1.0)
            marker.set_stroke(theme.BACKGROUND, width=1.5)
            self.markers.add(marker)
            ring = Circle(radius=1.35 * size, stroke_color=FLAG, stroke_width=3.5).move_to(centre)
            ring.set_stroke(opacity=0.0)
            self.flags.add(ring)
        self.add(self.markers, self.flags)

    def create(self, run_time: float = 1.5) -> Animation:
        """The points pop in, class by class."""
        return AnimationGroup(
            *(GrowFromCenter(m) for m in self.markers), lag_ratio=0.05, run_time=run_time
        )

    def flag_wrong_side(self, boundary: DecisionBoundary) -> None:
        """Show a ring around every drawn point the drawn boundary puts on the wrong side."""
        wrong = self.wrong_side_shown(boundary)
        for ring, bad in zip(self.flags, wrong, strict=True):
            ring.set_stroke(opacity=1.0 if bad else 0.0)

    @reads_screen("geometry")
    def points_shown(self) -> np.ndarray:
        """Every marker's centre, read back through the axes (``n × 2``)."""
        return coords(self.axes, np.array([m.get_center() for m in self.markers]))

    @reads_screen("count")
    def classes_shown(self) -> np.ndarray:
        """Each marker's class as drawn: 1 for a round dot, 0 for a square."""
        return np.array([1 if isinstance(m, Dot) else 0 for m in self.markers])

    @reads_screen("geometry")
    def wrong_side_shown(self, boundary: DecisionBoundary) -> np.ndarray:
        """For every drawn point: is it on the wrong side of the drawn boundary (a round dot
        where ``w·x + b ≤ 0``, a square where it is ``> 0``)?"""
        sides = boundary.sides_shown(self.points_shown())
        return np.asarray((sides > 0) != (self.classes_shown() == 1))

    @reads_screen("count")
    def flags_shown(self) -> int:
        """How many rings are drawn."""
        return sum(1 for r in self.flags if is_visible(r))

    @reads_screen("count")
    def flagged_shown(self) -> list[int]:
        """The indices of the points that carry a drawn ring."""
        return [i for i, r in enumerate(self.flags) if is_visible(r)]


def class_legend(size: int = 24) -> VGroup:
    """``● class 1   ■ class 0``: the markers of :class:`ClassScatter` with their names."""
    one = VGroup(Dot(radius=0.1, color=CLASS_ONE), theme.text("class 1", size=size))
    zero = VGroup(
        Square(side_length=0.17, color=CLASS_ZERO).set_fill(CLASS_ZERO, 1.0),
        theme.text("class 0", size=size),
    )
    for item in (one, zero):
        item.arrange(RIGHT, buff=0.15)
    return VGroup(one, zero).arrange(RIGHT, buff=0.6)


# --- the decision boundary -------------------------------------------------------------------
class DecisionBoundary(VGroup):
    """The line ``w·x + b = 0`` inside ``box`` of square ``axes``, the side ``p > ½`` shaded,
    and the arrow ``w`` from the line's point nearest the origin.

    Parts: ``region`` (the shaded polygon), ``line``, ``arrow``. :meth:`set_model` redraws them
    for a new ``(w, b)``.
    """

    def __init__(
        self,
        axes: Axes,
        w: ArrayLike,
        b: float,
        box: Box,
        *,
        color: ManimColor = theme.TEXT,
        shade: ManimColor = CLASS_ONE,
        shade_opacity: float = 0.14,
        arrow_color: ManimColor = theme.BASIS_I,
    ) -> None:
        super().__init__()
        self.axes, self.box = axes, box
        self.shade_opacity = shade_opacity
        self.region = Polygon(*[axes.c2p(0, 0)] * 3, stroke_width=0)
        self.region.set_fill(shade, opacity=shade_opacity)
        self.line = Line(stroke_color=color, stroke_width=5)
        self.arrow_color = arrow_color
        self.arrow = Arrow(axes.c2p(0, 0), axes.c2p(1, 0), buff=0, color=arrow_color)
        self.add(self.region, self.line, self.arrow)
        self.set_model(w, b)

    def set_model(self, w: ArrayLike, b: float) -> DecisionBoundary:
        """Redraw for the model ``(w, b)``."""
        weights = np.asarray(w, dtype=float)
        self.w, self.b = weights.copy(), float(b)
        axes = self.axes
        corners = positive_region(weights, b, self.box)
        if len(corners) >= 3:
            points = [axes.c2p(float(x), float(y)) for x, y in corners]
            self.region.set_points_as_corners([*points, points[0]])
        ends = boundary_segment(weights, b, self.box)
        if ends is not None:
            set_segment(self.line, axes.c2p(*ends[0]), axes.c2p(*ends[1]))
        foot = -float(b) * weights / float(weights @ weights)
        arrow = Arrow(
            axes.c2p(*foot),
            axes.c2p(*(foot + weights)),
            buff=0,
            color=self.arrow_color,
            stroke_width=6,
            max_tip_length_to_length_ratio=0.18,
        )
        self.arrow.become(arrow)
        return self

    def create(self, run_time: float = 2.0) -> Animation:
        """Draw the line, shade its positive side, grow the arrow."""
        return AnimationGroup(
            Create(self.line),
            FadeIn(self.region),
            GrowFromCenter(self.arrow),
            lag_ratio=0.6,
            run_time=run_time,
        )

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def slope_shown(self) -> float:
        """The drawn line's slope, through the axes."""
        return line_slope_shown(self.axes, self.line)

    @reads_screen("geometry")
    def intercept_shown(self) -> float:
        """Where the drawn line (extended) meets x = 0, through the axes."""
        (x0, y0), (x1, y1) = (coords(self.axes, p) for p in self.line.get_start_and_end())
        return float(y0 + (y1 - y0) / (x1 - x0) * (0.0 - x0))

    @reads_screen("geometry")
    def weights_shown(self) -> np.ndarray:
        """``w``: the drawn arrow from its start to its tip, through the axes."""
        start, end = (coords(self.axes, p) for p in self.arrow.get_start_and_end())
        return np.asarray(end - start, dtype=float)

    @reads_screen("geometry")
    def bias_shown(self) -> float:
        """``b = −w·p`` for ``p`` the drawn line's midpoint and ``w`` the drawn arrow."""
        middle = coords(self.axes, self.line.get_center())
        return float(-(self.weights_shown() @ middle))

    @reads_screen("geometry")
    def arrow_foot_gap_shown(self) -> float:
        """``w·p + b`` at the arrow's start (0 when the arrow stands on the line)."""
        start = coords(self.axes, self.arrow.get_start())
        return float(self.weights_shown() @ start + self.bias_shown())

    @reads_screen("geometry")
    def sides_shown(self, points: np.ndarray) -> np.ndarray:
        """``w·p + b`` for each of ``points`` (axes coordinates), ``w`` and ``b`` as drawn:
        positive on the shaded side."""
        return np.asarray(np.asarray(points) @ self.weights_shown() + self.bias_shown())

    @reads_screen("area")
    def shaded_fraction_shown(self) -> float:
        """The shaded polygon's area over the box's, both through the axes."""
        corners = coords(self.axes, self.region.get_anchors())
        x, y = corners[:, 0], corners[:, 1]
        area = 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))
        (x0, x1), (y0, y1) = self.box
        return area / ((x1 - x0) * (y1 - y0))


# --- the loss traced against the step --------------------------------------------------------
class LossTrace(VGroup):
    """``loss(step)`` drawn from step 0 up to a moving tip, with a dot at the tip.

    ``samples`` are the steps the polyline passes through (the tip is added at whatever
    fractional step it stands); :meth:`trace_to` redraws up to a step.
    """

    def __init__(
        self,
        axes: Axes,
        loss: Callable[[float], float],
        samples: ArrayLike,
        *,
        color: ManimColor = theme.CURVE,
        dot_color: ManimColor = theme.DOT,
    ) -> None:
        super().__init__()
        self.axes, self.loss = axes, loss
        self.samples = np.sort(np.asarray(samples, dtype=float))
        self.values = np.array([loss(float(s)) for s in self.samples])
        self.curve = VMobject(stroke_color=color, stroke_width=5)
        self.dot = Dot(radius=0.09, color=dot_color)
        self.dot.set_stroke(theme.BACKGROUND, width=2)
        self.add(self.curve, self.dot)
        self.step = 0.0
        self.trace_to(0.0)

    def trace_to(self, step: float) -> LossTrace:
        """Redraw the curve from step 0 to ``step`` and put the dot at its end."""
        self.step = float(step)
        before = self.samples < self.step
        steps = [*self.samples[before], self.step]
        values = [*self.values[before], self.loss(self.step)]
        points = [self.axes.c2p(s, v) for s, v in zip(steps, values, strict=True)]
        tip = points[-1]
        if len(points) < 2:
            points = [tip, tip + np.array([1e-6, 0.0, 0.0])]
        self.curve.set_points_as_corners(points)
        self.dot.move_to(tip)
        return self

    def create(self, run_time: float = 0.8) -> Animation:
        """Drop the dot at the start of the curve."""
        return GrowFromCenter(self.dot, run_time=run_time)

    @reads_screen("geometry")
    def tip_shown(self) -> np.ndarray:
        """The tip dot's ``(step, loss)``, through the axes."""
        return coords(self.axes, self.dot)

    @reads_screen("geometry")
    def curve_end_shown(self) -> np.ndarray:
        """The drawn curve's last point, through the axes."""
        return coords(self.axes, self.curve.get_end())


def training_motion(
    training: Training,
    boundary: DecisionBoundary,
    scatter: ClassScatter,
    trace: LossTrace,
    to_step: float,
    *,
    run_time: float = 4.0,
    ease: Callable[[float], float] = smooth,
) -> Animation:
    """Run training from the step ``trace`` stands at to ``to_step``: the boundary is redrawn
    from the model at every fractional step, the rings follow the drawn boundary, and the loss
    is traced up to the same step."""
    start: list[float] = []

    def update(t: float) -> None:
        if not start:
            start.append(trace.step)
        step = start[0] + (float(to_step) - start[0]) * float(ease(t))
        w, b = training.state_at(step)
        boundary.set_model(w, b)
        scatter.flag_wrong_side(boundary)
        trace.trace_to(step)

    return Scripted(VGroup(boundary, scatter, trace), update, run_time=run_time)
