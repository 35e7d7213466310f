"""Riemann rectangles that refine into an area, and an area swept by a moving right edge.

Both primitives draw from the pure model in :mod:`mathviz.maths.integrals` and read their
values back from what is drawn: each rectangle's width × height and each region's shoelace
area, with every vertex converted back through the axes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, cast

import numpy as np
from manim import (
    DOWN,
    AnimationGroup,
    Axes,
    Dot,
    GrowFromEdge,
    Line,
    ManimColor,
    Mobject,
    Polygon,
    Transform,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from manim.utils.color import ParsableManimColor

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
from mathviz.readings import reads_screen

__all__ = ["RiemannRectangles", "AccumulatedArea"]


def _points_in(axes: Axes, mob: VMobject) -> np.ndarray:
    """A polygon's corner points read back through ``axes``, shape (n, 2)."""
    vertices = cast(Polygon, mob).get_vertices()  # the bars are polygons (RiemannRectangles)
    return np.asarray(axes.p2c(vertices), dtype=float).reshape(-1, 2)


def _axes_frame(axes: Axes) -> tuple[np.ndarray, np.ndarray]:
    """The axes' origin and the scene images of their unit x and y steps (columns), as drawn
    now: linear Axes map ``(x, y)`` to ``origin + basis @ (x, y)``."""
    origin = np.asarray(axes.c2p(0.0, 0.0), dtype=float)
    basis = np.column_stack(
        [
            np.asarray(axes.c2p(1.0, 0.0), dtype=float) - origin,
            np.asarray(axes.c2p(0.0, 1.0), dtype=float) - origin,
        ]
    )
    return origin, basis


def _scene_points(axes: Axes, xy: np.ndarray) -> np.ndarray:
    """Axes coordinates ``(n, 2)`` to scene points ``(n, 3)`` in one go: the same points as
    ``axes.c2p`` point by point, without its per-point cost on thousands of curve samples."""
    origin, basis = _axes_frame(axes)
    points: np.ndarray = origin + np.asarray(xy, dtype=float) @ basis.T
    return points


def _axes_coords(axes: Axes, points: np.ndarray) -> np.ndarray:
    """Scene points ``(n, 3)`` read back as axes coordinates ``(n, 2)`` (``axes.p2c`` for many
    points at once, through the axes as drawn now)."""
    origin, basis = _axes_frame(axes)
    solution, *_ = np.linalg.lstsq(basis, (np.asarray(points, dtype=float) - origin).T, rcond=None)
    xy: np.ndarray = solution.T
    return xy


class _SettlingTransform(Transform):
    """A Transform of a group into ``target`` that leaves exactly ``target``'s parts behind
    (Manim pads the smaller group with copies; those would double-count when shrinking)."""

    def finish(self) -> None:
        super().finish()
        cast(Mobject, self.mobject).submobjects = list(self.target_mobject.submobjects)


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

    def __init__(
        self,
        axes: Axes,
        f: RealFunction,
        a: float,
        b: float,
        n: int,
        *,
        rule: Rule = "mid",
        color: ManimColor = theme.AREA,
        negative_color: ManimColor = theme.BAD,
    ) -> None:
        super().__init__()
        self.axes, self.f, self.a, self.b, self.rule = axes, f, float(a), float(b), rule
        self.color, self.negative_color = color, negative_color
        self.model = riemann_sum(f, a, b, n, rule)
        self.bars = self._bars(self.model)
        self.add(self.bars)

    def _bars(self, model: RiemannSum) -> VGroup:
        bars = VGroup()
        for lo, hi, h in zip(model.edges[:-1], model.edges[1:], model.heights, strict=True):
            color = self.color if h >= 0 else self.negative_color
            corners = [(lo, 0.0), (hi, 0.0), (hi, h), (lo, h)]
            bars.add(
                Polygon(
                    *(self.axes.c2p(*c) for c in corners),
                    stroke_color=theme.TEXT,
                    stroke_width=1.2 if model.n <= 32 else 0.6,
                    stroke_opacity=0.8,
                    fill_color=color,
                    fill_opacity=0.6,
                )
            )
        return bars

    @property
    def n(self) -> int:
        return self.model.n

    def create(self, run_time: float = 1.5) -> Animation:
        """Grow the rectangles out of the x-axis, left to right."""
        return AnimationGroup(
            *(GrowFromEdge(bar, DOWN) for bar in self.bars),
            lag_ratio=0.15,
            run_time=run_time,
            group=self,
        )

    def refine_to(self, n: int, run_time: float = 1.5) -> Animation:
        """Morph the rectangles into the ``n``-rectangle sum (each splits into its share)."""
        self.model = riemann_sum(self.f, self.a, self.b, n, self.rule)
        return _SettlingTransform(self.bars, self._bars(self.model), run_time=run_time)

    @reads_screen("geometry")
    def rectangles_shown(self) -> np.ndarray:
        """Shape (n, 2): each drawn rectangle's (width, signed height) through the axes."""
        out = []
        for bar in self.bars:
            pts = _points_in(self.axes, bar)
            ys = pts[:, 1]
            out.append((pts[:, 0].max() - pts[:, 0].min(), ys[np.argmax(np.abs(ys))]))
        return np.array(out)

    @reads_screen("area")
    def area_shown(self) -> float:
        """``Σ width × height`` of the drawn rectangles (signed)."""
        rects = self.rectangles_shown()
        return float(np.sum(rects[:, 0] * rects[:, 1]))

    @reads_screen("count")
    def count_shown(self) -> int:
        """How many distinct rectangles a viewer sees: drawn, not transparent, not flat, and
        not an exact copy of another (a morph pads the smaller group with duplicates)."""
        seen: set[tuple[float, ...]] = set()
        for bar in self.bars:
            opacity = max(
                float(np.max(bar.get_fill_opacities(), initial=0.0)),
                float(np.max(bar.get_stroke_opacities(), initial=0.0)),
            )
            if opacity <= 0.05 or bar.width < 1e-6 or bar.height < 1e-6:
                continue
            seen.add(tuple(np.round(_points_in(self.axes, bar).ravel(), 9)))
        return len(seen)


class AccumulatedArea(VGroup):
    """The region between ``f`` and the x-axis from ``a`` to a moving right edge ``x``.

    Area above the axis is drawn in the area colour, below it in :data:`theme.BAD`; a vertical
    edge and a dot on the curve mark ``x``. :meth:`sweep_to` moves the edge; readouts handed
    over :meth:`~mathviz.primitives.readout.Readout.follow` the drawn region, so they show
    what is drawn at every frame, whatever moves it.

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
        ``(readout, quantity)`` pairs that follow the drawing; ``quantity`` is one of
        :data:`QUANTITIES`, read back from the drawn region (see :meth:`follow_with`).
    trace
        Also draw the running total: a dot at ``(x, A(x))`` leaving a trail as ``x`` grows.
    """

    QUANTITIES = ("area", "above", "below", "edge", "height", "rate")

    def __init__(
        self,
        axes: Axes,
        f: RealFunction,
        a: float,
        x: float,
        *,
        samples: int = 800,
        readouts: Sequence[tuple[Readout, str]] = (),
        trace: bool = False,
        color: ParsableManimColor = theme.AREA,
        negative_color: ParsableManimColor = theme.BAD,
    ) -> None:
        super().__init__()
        self.axes, self.f, self.a, self.samples = axes, f, float(a), samples
        self.readouts: list[tuple[Readout, str]] = []
        self._check_quantities(readouts)
        self.positive = Polygon(
            *[axes.c2p(0, 0)] * 3, stroke_width=0, fill_color=color, fill_opacity=0.6
        )
        self.negative = Polygon(
            *[axes.c2p(0, 0)] * 3, stroke_width=0, fill_color=negative_color, fill_opacity=0.6
        )
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
        #: the dots' outline about their centre: placing it at a point is exact, so the same
        #: x always draws the same dots (``move_to`` would shift by rounded differences)
        self._dot_outline = self.dot.points - self.dot.get_center()
        self.x = float(a)
        self.move_edge(x)
        self.follow_with(readouts)

    def _check_quantities(self, readouts: Sequence[tuple[Readout, str]]) -> None:
        for _, quantity in readouts:
            if quantity not in self.QUANTITIES:
                raise ValueError(f"unknown quantity {quantity!r}; use one of {self.QUANTITIES}")

    def follow_with(self, readouts: Sequence[tuple[Readout, str]]) -> AccumulatedArea:
        """Make each ``(readout, quantity)`` show that quantity of the drawn region at every
        frame; readouts that followed before stop (they keep what they show)."""
        self._check_quantities(readouts)
        for readout, _ in self.readouts:
            readout.stop_following()
        self.readouts = list(readouts)
        for readout, quantity in self.readouts:

            def read(q: str = quantity) -> float:
                return self.quantity_shown(q)

            readout.follow(read)
        return self

    def move_edge(self, x: float) -> AccumulatedArea:
        """Redraw the region for right edge ``x`` now (following readouts catch up at the
        next frame)."""
        self.x = float(x)
        self._outline_to(self.x)
        y = float(self.f(np.float64(self.x)))
        # from the ends, not by rotating the old points: the same x always draws the same line
        self.edge.set_points_by_ends(
            self.axes.c2p(self.x, 0),
            self.axes.c2p(self.x, y) if abs(y) > 1e-9 else self.axes.c2p(self.x, 1e-6),
        )
        self.dot.set_points(self._dot_outline + self.axes.c2p(self.x, y))
        if self.trace:
            area = self.area_shown()
            point = self.axes.c2p(self.x, area)
            if self.x > coords(self.axes, self.trail_points[-1])[0] + 1e-12:
                self.trail_points.append(point)
                self.trail.set_points_as_corners(self.trail_points)
            self.trace_dot.set_points(self._dot_outline + point)
        return self

    def _outline_to(self, x: float) -> None:
        """Redraw the two polygons for right edge ``x`` (the same ``x`` gives the same points)."""
        parts: tuple[tuple[Polygon, Literal["positive", "negative"]], ...] = (
            (self.positive, "positive"),
            (self.negative, "negative"),
        )
        for polygon, part in parts:
            if x > self.a:
                outline = region_outline(self.f, self.a, x, part, self.samples)
            else:
                outline = np.array([[self.a, 0.0]] * 3)
            polygon.set_points_as_corners(
                _scene_points(self.axes, np.vstack([outline, outline[:1]]))
            )

    @reads_screen("geometry")
    def quantity_shown(self, quantity: str) -> float:
        """One of :data:`QUANTITIES` read back from the drawing: the signed ``area``, the
        area ``above`` or ``below`` the axis, the ``edge``'s x, the curve's ``height`` at the
        edge (its dot), or the ``rate`` at which the area grows there (:meth:`rate_shown`)."""
        if quantity in ("area", "above", "below"):
            above, below = self.parts_shown()
            return {"area": above + below, "above": above, "below": below}[quantity]
        if quantity == "edge":
            return self.edge_shown()
        if quantity == "height":
            return float(coords(self.axes, self.dot)[1])
        if quantity == "rate":
            return self.rate_shown()
        raise ValueError(f"unknown quantity {quantity!r}; use one of {self.QUANTITIES}")

    @reads_screen("geometry")
    def rate_shown(self, x: float | None = None, h: float = 1e-3) -> float:
        """``(A(x + h) − A(x − h)) / 2h`` from the region drawn at both edges: how fast the
        drawn area grows as the edge passes ``x``. By default ``x`` is where the edge is now,
        and the region is redrawn exactly as it was, so it looks untouched; a given ``x``
        moves the edge there."""
        at = self.x if x is None else float(x)
        self._outline_to(at + h)
        ahead = self.area_shown()
        self._outline_to(at - h)
        behind = self.area_shown()
        if x is None:
            self._outline_to(self.x)
        else:
            self.move_edge(at)
        return (ahead - behind) / (2 * h)

    @reads_screen("geometry")
    def traced_shown(self) -> np.ndarray:
        """``(x, A(x))`` of the running-total dot, read back through the axes."""
        return coords(self.axes, self.trace_dot)

    def sweep_to(self, x: float, run_time: float = 3.0) -> Animation:
        """Animation moving the right edge from where it is to ``x`` at constant speed."""
        start, end = self.x, float(x)

        def update(_mob: object, alpha: float) -> None:
            self.move_edge(start + alpha * (end - start))

        return UpdateFromAlphaFunc(self, update, run_time=run_time, rate_func=lambda t: t)

    def _area_of(self, polygon: Polygon) -> float:
        corners = polygon.points[:: polygon.n_points_per_curve]  # each segment's start
        return polygon_area(_axes_coords(self.axes, corners))

    @reads_screen("geometry")
    def parts_shown(self) -> tuple[float, float]:
        """(area above the axis, signed area below it) of the drawn regions, via the axes."""
        return self._area_of(self.positive), self._area_of(self.negative)

    @reads_screen("area")
    def area_shown(self) -> float:
        """Signed area of the drawn region: above the axis counts +, below counts −."""
        return float(sum(self.parts_shown()))

    @reads_screen("geometry")
    def edge_shown(self) -> float:
        """The right edge's x, read back through the axes."""
        return float(coords(self.axes, self.edge.get_start())[0])
