"""Contour maps, gradient arrows and gradient-descent paths with live readouts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import numpy as np
from manim import (
    AnimationGroup,
    Arrow,
    Axes,
    Create,
    Dot,
    GrowArrow,
    Line,
    ManimColor,
    Mobject,
    Succession,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from manim.utils.color import ParsableManimColor
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.maths.descent import ContourLine, DescentTrace, nearest_tangent
from mathviz.primitives.motion import built
from mathviz.primitives.plots import scene_points
from mathviz.primitives.readout import Readout, coords
from mathviz.readings import reads_screen

__all__ = ["ContourMap", "GradientArrows", "GradientDescentPath"]


class _LevelCurve(VMobject):
    """A drawn level curve that knows its level."""

    level: float


class ContourMap(VGroup):
    """Level curves drawn on ``axes``; brighter for higher levels.

    ``color``, ``stroke_width`` and ``min_opacity`` (the lowest level's opacity, rising to 1
    at the highest) restyle the lines; the defaults are the course's dim contour map.
    """

    def __init__(
        self,
        axes: Axes,
        lines: Sequence[ContourLine],
        *,
        color: ParsableManimColor = theme.CONTOUR,
        stroke_width: float = 2.5,
        min_opacity: float = 0.35,
    ) -> None:
        super().__init__()
        self.axes = axes
        self.lines = list(lines)
        levels = sorted({line.level for line in self.lines})
        for line in self.lines:
            rank = levels.index(line.level) / max(len(levels) - 1, 1)
            shade = min_opacity + (1.0 - min_opacity) * rank
            curve = _LevelCurve(stroke_color=color, stroke_width=stroke_width, stroke_opacity=shade)
            curve.set_points_smoothly(scene_points(axes, np.asarray(line.points)[:, :2]))
            curve.level = line.level
            self.add(curve)

    def create(self, run_time: float = 2.0) -> Animation:
        return AnimationGroup(*(Create(c) for c in self), lag_ratio=0.15, run_time=run_time)

    @reads_screen("geometry")
    def tangent_shown(self, level: float, point: ArrayLike) -> np.ndarray:
        """Unit tangent of the *drawn* level curve nearest to ``point``, in axes coordinates."""
        drawn = cast(list[_LevelCurve], list(self))  # a contour map holds only its curves
        curves = [c for c in drawn if abs(c.level - level) < 1e-9]
        if not curves:
            raise KeyError(f"no contour at level {level}")
        best = min(
            curves,
            key=lambda c: np.min(
                np.linalg.norm(
                    c.points[::4, :2] - self.axes.c2p(*np.asarray(point, dtype=float))[:2], axis=1
                )
            ),
        )
        anchors = coords(self.axes, best.points[::4])
        return nearest_tangent(anchors, point)


class GradientArrows(VGroup):
    """Arrows of ∇f at given points, drawn with a common display length."""

    def __init__(
        self, axes: Axes, points: ArrayLike, gradients: ArrayLike, length: float = 0.7
    ) -> None:
        super().__init__()
        self.axes = axes
        self.base_points = np.asarray(points, dtype=float)
        for p, g in zip(self.base_points, np.asarray(gradients, dtype=float), strict=True):
            direction = g / np.linalg.norm(g)
            start = axes.c2p(*p)
            end = axes.c2p(*(p + length * direction))
            self.add(
                Arrow(
                    start,
                    end,
                    buff=0,
                    color=theme.GRADIENT,
                    stroke_width=4,
                    max_tip_length_to_length_ratio=0.3,
                )
            )

    def create(self, run_time: float = 2.0) -> Animation:
        arrows = cast(list[Arrow], list(self))  # gradient arrows hold only their arrows
        return AnimationGroup(*(GrowArrow(a) for a in arrows), lag_ratio=0.1, run_time=run_time)

    @reads_screen("geometry")
    def direction_shown(self, index: int) -> np.ndarray:
        """Unit direction of arrow ``index`` as drawn, in axes coordinates."""
        arrow = self[index]
        d = coords(self.axes, arrow.get_end()) - coords(self.axes, arrow.get_start())
        unit: np.ndarray = d / np.linalg.norm(d)
        return unit


class GradientDescentPath(VGroup):
    """A dot walking the iterates of a :class:`DescentTrace`, leaving a trail.

    Parameters
    ----------
    axes
        Where to draw; each iterate is shown at ``axes.c2p(*display_point)``.
    trace
        The iterates.
    display_points
        What to plot for each iterate (defaults to the iterates themselves; a 1-D descent on
        a curve passes ``(x_k, f(x_k))``).
    readouts
        Live numbers to update at each step, as ``(readout, values_per_iterate)``.
    trail_width
        The trail's stroke width.
    visited
        Leave a small dot (in the trail's colour) at each iterate the walking dot leaves,
        shown as it leaves; read back with :meth:`visited_shown`.
    """

    def __init__(
        self,
        axes: Axes,
        trace: DescentTrace,
        *,
        display_points: ArrayLike | None = None,
        readouts: Sequence[tuple[Readout, Sequence[float]]] = (),
        color: ManimColor = theme.PATH,
        trail_width: float = 3,
        visited: bool = False,
    ) -> None:
        super().__init__()
        self.axes = axes
        self.trace = trace
        pts = trace.points if display_points is None else np.asarray(display_points, dtype=float)
        if len(pts) != trace.steps + 1:
            raise ValueError("one display point per iterate is required")
        self.display_points = pts
        self.readouts = list(readouts)
        for readout, values in self.readouts:
            if len(values) != trace.steps + 1:
                raise ValueError("one readout value per iterate is required")
            readout.set(values[0])
        self.dot = Dot(axes.c2p(*pts[0]), radius=0.09, color=theme.DOT)
        self.trail = VGroup()
        self.step_index = 0
        self.color = color
        self.trail_width = trail_width
        self.leave_visited = visited
        self.visited = VGroup()
        if visited:
            self.add(self.trail, self.visited, self.dot)
        else:
            self.add(self.trail, self.dot)

    def _step(self, k: int, run_time: float) -> Animation:
        a, b = self.axes.c2p(*self.display_points[k - 1]), self.axes.c2p(*self.display_points[k])
        # the segment exists (in the trail) from the moment the walk is built, so it starts as
        # a stub at ``a`` and grows only when its own step plays: later steps stay unseen
        parts: list[Animation] = [built(self.dot.animate.move_to(b))]
        if np.linalg.norm(b - a) > 1e-6:  # a converged walk takes steps too short to draw
            segment = Line(a, a + (b - a) * 1e-4, color=self.color, stroke_width=self.trail_width)
            self.trail.add(segment)

            def grow(line: Mobject, t: float, a: np.ndarray = a, b: np.ndarray = b) -> None:
                line.put_start_and_end_on(a, a + (b - a) * max(t, 1e-4))

            parts.append(UpdateFromAlphaFunc(segment, grow))
        if self.leave_visited:
            # like a segment, the mark exists from the moment the walk is built, unseen until
            # the dot leaves its iterate
            mark = Dot(a, radius=0.055, color=self.color).set_opacity(0.0)
            self.visited.add(mark)

            def appear(dot: Mobject, t: float) -> None:
                dot.set_opacity(min(1.0, 4.0 * t))

            parts.append(UpdateFromAlphaFunc(mark, appear))
        parts += [readout.change_to(values[k]) for readout, values in self.readouts]
        return AnimationGroup(*parts, run_time=run_time, group=self)

    def walk(self, steps: int | None = None, seconds_per_step: float = 0.4) -> Animation:
        """Animation of the next ``steps`` iterates (all remaining by default)."""
        last = self.trace.steps if steps is None else min(self.step_index + steps, self.trace.steps)
        moves = [self._step(k, seconds_per_step) for k in range(self.step_index + 1, last + 1)]
        self.step_index = last
        return Succession(*moves)

    @reads_screen("geometry")
    def visited_shown(self) -> np.ndarray:
        """The visible marks of the iterates left behind, in order, read back through the axes
        (shape ``(n, dim)``)."""
        shown = [
            coords(self.axes, m)
            for m in self.visited
            if m.get_fill_opacity() > theme.VISIBLE_OPACITY
        ]
        return np.array(shown, dtype=float).reshape(len(shown), 2)

    @reads_screen("geometry")
    def position_of_dot(self) -> np.ndarray:
        """The dot's position read back through the axes."""
        return coords(self.axes, self.dot)
