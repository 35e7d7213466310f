"""Riemann rectangles that refine into an area, and an area swept by a moving right edge.

Both primitives draw from the pure model in :mod:`mathviz.maths.integrals` and read their
values back from what is drawn: each rectangle's width × height and each region's shoelace
area, with every vertex converted back through the axes.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import (
    AnimationGroup,
    Axes,
    Dot,
    GrowFromEdge,
    Line,
    Polygon,
    Transform,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    DOWN,
)
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.maths.integrals import (
    RealFunction,
    RiemannSum,
    Rule,
    polygon_area,
    region_outline,
    riemann_sum,
)
from mathviz.primitives.readout import Readout, coords


def _points_in(axes: Axes, mob) -> np.ndarray:
    """A polygon's corner points read back through ``axes``."""
    return np.array([coords(axes, p) for p in mob.get_vertices()])


class _SettlingTransform(Transform):
    """A Transform of a group into ``target`` that leaves exactly ``target``'s parts behind
    (Manim pads the smaller group with copies; those would double-count when shrinking)."""

    def finish(self) -> None:
        super().finish()
        self.mobject.submobjects = list(self.target_mobject.submobjects)


class RiemannRectangles(VGroup):
    """The rectangles of a Riemann sum of ``f`` on ``axes``: above the axis in the area
    colour, below it in :data:`theme.BAD`.

    Parameters
    ----------
    axes
        Where to draw.
    f
        Vectorised function.
    a, b
        Interval.
    n
        Number of rectangles to start with.
    rule
        ``"left"``, ``"mid"`` or ``"right"``: where each height is sampled.
    """

    def __init__(self, axes: Axes, f: RealFunction, a: float, b: float, n: int, *,
                 rule: Rule = "mid", color=theme.AREA, negative_color=theme.BAD) -> None:
        super().__init__()
        self.axes, self.f, self.a, self.b, self.rule = axes, f, float(a), float(b), rule
        self.color, self.negative_color = color, negative_color
        self.model = riemann_sum(f, a, b, n, rule)
        self.bars = self._bars(self.model)
        self.add(self.bars)

    def _bars(self, model: RiemannSum) -> VGroup:
        bars = VGroup()
        for lo, hi, h in zip(model.edges[:-1], model.edges[1:], model.heights):
            color = self.color if h >= 0 else self.negative_color
            corners = [(lo, 0.0), (hi, 0.0), (hi, h), (lo, h)]
            bars.add(Polygon(*(self.axes.c2p(*c) for c in corners), stroke_color=theme.TEXT,
                             stroke_width=1.2 if model.n <= 32 else 0.6, stroke_opacity=0.8,
                             fill_color=color, fill_opacity=0.6))
        return bars

    @property
    def n(self) -> int:
        return self.model.n

    def create(self, run_time: float = 1.5) -> Animation:
        """Grow the rectangles out of the x-axis, left to right."""
        return AnimationGroup(*(GrowFromEdge(bar, DOWN) for bar in self.bars),
                              lag_ratio=0.15, run_time=run_time, group=self)

    def refine_to(self, n: int, run_time: float = 1.5) -> Animation:
        """Morph the rectangles into the ``n``-rectangle sum (each splits into its share)."""
        self.model = riemann_sum(self.f, self.a, self.b, n, self.rule)
        return _SettlingTransform(self.bars, self._bars(self.model), run_time=run_time)

    def rectangles_shown(self) -> np.ndarray:
        """Shape (n, 2): each drawn rectangle's (width, signed height) through the axes."""
        out = []
        for bar in self.bars:
            pts = _points_in(self.axes, bar)
            ys = pts[:, 1]
            out.append((pts[:, 0].max() - pts[:, 0].min(), ys[np.argmax(np.abs(ys))]))
        return np.array(out)

    def area_shown(self) -> float:
        """``Σ width × height`` of the drawn rectangles (signed)."""
        rects = self.rectangles_shown()
        return float(np.sum(rects[:, 0] * rects[:, 1]))


class AccumulatedArea(VGroup):
    """The region between ``f`` and the x-axis from ``a`` to a moving right edge ``x``.

    Area above the axis is drawn in the area colour, below it in :data:`theme.BAD`; a vertical
    edge and a dot on the curve mark ``x``. :meth:`sweep_to` moves the edge and keeps any
    readouts handed over in step with it.

    Parameters
    ----------
    axes
        Where to draw.
    f
        Vectorised function.
    a
        Left end of the region.
    x
        Initial right edge.
    samples
        Curve samples per region (the polygon's area is the trapezoid rule on them).
    readouts
        ``(readout, quantity)`` pairs kept in step with the drawing; ``quantity`` is one of
        :data:`QUANTITIES`, read back from the drawn region.
    trace
        Also draw the running total: a dot at ``(x, A(x))`` leaving a trail as ``x`` grows.
    """

    QUANTITIES = ("area", "above", "below", "edge", "height")

    def __init__(self, axes: Axes, f: RealFunction, a: float, x: float, *,
                 samples: int = 800,
                 readouts: Sequence[tuple[Readout, str]] = (),
                 trace: bool = False,
                 color=theme.AREA, negative_color=theme.BAD) -> None:
        super().__init__()
        self.axes, self.f, self.a, self.samples = axes, f, float(a), samples
        self.readouts = list(readouts)
        for _, quantity in self.readouts:
            if quantity not in self.QUANTITIES:
                raise ValueError(f"unknown quantity {quantity!r}; use one of {self.QUANTITIES}")
        self.positive = Polygon(*[axes.c2p(0, 0)] * 3, stroke_width=0, fill_color=color,
                                fill_opacity=0.6)
        self.negative = Polygon(*[axes.c2p(0, 0)] * 3, stroke_width=0,
                                fill_color=negative_color, fill_opacity=0.6)
        self.edge = Line(axes.c2p(a, 0), axes.c2p(a, 0), color=theme.ACCENT, stroke_width=4)
        self.dot = Dot(axes.c2p(a, 0), radius=0.08, color=theme.ACCENT)
        self.add(self.positive, self.negative, self.edge, self.dot)
        self.trace = trace
        self.trail = VMobject(stroke_color=theme.ACCENT, stroke_width=4)
        self.trail.set_points_as_corners([axes.c2p(a, 0), axes.c2p(a, 0)])
        self.trail_points: list[np.ndarray] = [axes.c2p(a, 0)]
        self.trace_dot = Dot(axes.c2p(a, 0), radius=0.08, color=theme.ACCENT)
        if trace:
            self.add(self.trail, self.trace_dot)
        self.x = float(a)
        self.move_edge(x)

    def move_edge(self, x: float) -> "AccumulatedArea":
        """Redraw the region for right edge ``x`` now (and update the readouts)."""
        self.x = float(x)
        for polygon, part in ((self.positive, "positive"), (self.negative, "negative")):
            if self.x > self.a:
                outline = region_outline(self.f, self.a, self.x, part, self.samples)
            else:
                outline = np.array([[self.a, 0.0]] * 3)
            polygon.set_points_as_corners([*(self.axes.c2p(px, py) for px, py in outline),
                                           self.axes.c2p(*outline[0])])
        y = float(self.f(np.float64(self.x)))
        self.edge.put_start_and_end_on(self.axes.c2p(self.x, 0), self.axes.c2p(self.x, y)
                                       if abs(y) > 1e-9 else self.axes.c2p(self.x, 1e-6))
        self.dot.move_to(self.axes.c2p(self.x, y))
        if self.trace:
            area = self.area_shown()
            point = self.axes.c2p(self.x, area)
            if self.x > coords(self.axes, self.trail_points[-1])[0] + 1e-12:
                self.trail_points.append(point)
                self.trail.set_points_as_corners(self.trail_points)
            self.trace_dot.move_to(point)
        for readout, quantity in self.readouts:
            readout.set(self.quantity_shown(quantity))
        return self

    def quantity_shown(self, quantity: str) -> float:
        """One of :data:`QUANTITIES` read back from the drawing."""
        above, below = self.parts_shown()
        return {"area": above + below, "above": above, "below": below,
                "edge": self.edge_shown(),
                "height": float(coords(self.axes, self.dot)[1])}[quantity]

    def rate_shown(self, x: float, h: float = 1e-2) -> float:
        """``(A(x + h) − A(x − h)) / 2h`` from the region drawn at both edges (the edge ends
        back at ``x``): how fast the drawn area grows as the edge passes ``x``."""
        trace, self.trace = self.trace, False
        self.move_edge(x + h)
        ahead = self.area_shown()
        self.move_edge(x - h)
        behind = self.area_shown()
        self.trace = trace
        self.move_edge(x)
        return (ahead - behind) / (2 * h)

    def traced_shown(self) -> np.ndarray:
        """``(x, A(x))`` of the running-total dot, read back through the axes."""
        return coords(self.axes, self.trace_dot)

    def sweep_to(self, x: float, run_time: float = 3.0) -> Animation:
        """Animation moving the right edge from where it is to ``x`` at constant speed."""
        start, end = self.x, float(x)

        def update(_mob, alpha: float) -> None:
            self.move_edge(start + alpha * (end - start))

        return UpdateFromAlphaFunc(self, update, run_time=run_time, rate_func=lambda t: t)

    def _area_of(self, polygon: Polygon) -> float:
        pts = np.array([coords(self.axes, p) for p in polygon.get_anchors()[::2]])
        return polygon_area(pts)

    def parts_shown(self) -> tuple[float, float]:
        """(area above the axis, signed area below it) of the drawn regions, via the axes."""
        return self._area_of(self.positive), self._area_of(self.negative)

    def area_shown(self) -> float:
        """Signed area of the drawn region: above the axis counts +, below counts −."""
        return float(sum(self.parts_shown()))

    def edge_shown(self) -> float:
        """The right edge's x, read back through the axes."""
        return float(coords(self.axes, self.edge.get_start())[0])
