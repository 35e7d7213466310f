"""Data drawn on axes: a polyline through dots that can be drawn in and read back."""

from __future__ import annotations

import numpy as np
from manim import AnimationGroup, Axes, Create, Dot, GrowFromCenter, VGroup, VMobject
from manim.animation.animation import Animation
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.primitives.readout import coords


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

    def __init__(self, axes: Axes, points: ArrayLike, *, line_color=theme.CURVE,
                 dot_color=theme.ACCENT, dot_radius: float = 0.07) -> None:
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
        """Draw the line in order, the dots popping in along it."""
        return AnimationGroup(Create(self.line, run_time=run_time),
                              AnimationGroup(*(GrowFromCenter(d) for d in self.dots),
                                             lag_ratio=1.0, run_time=run_time),
                              group=self)

    def points_shown(self) -> np.ndarray:
        """Each dot's centre read back through the axes, in drawing order."""
        return np.array([coords(self.axes, d) for d in self.dots])
