"""Distances drawn: L1 as a staircase, L2 as a segment, L∞ as the largest gap; a difference
vector as signed bars; cosine versus Euclidean on two arrows; distance concentration plots.

Every length, height and angle is read back from the drawn objects through their axes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

import numpy as np
from manim import (
    DOWN,
    UP,
    AnimationGroup,
    Arc,
    Arrow,
    Axes,
    Create,
    DashedLine,
    Dot,
    GrowArrow,
    GrowFromCenter,
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
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.maths.distances import largest_gap, manhattan_path
from mathviz.primitives.motion import built
from mathviz.primitives.plots import DottedCurve
from mathviz.primitives.readout import Readout, coords
from mathviz.readings import reads_screen

__all__ = [
    "DistanceComparison",
    "DifferenceBars",
    "DirectionComparison",
    "ConcentrationPlot",
    "Histogram",
]


def _segment_length(axes: Axes, line: VMobject) -> float:
    start, end = line.get_start_and_end()
    return float(np.linalg.norm(coords(axes, end) - coords(axes, start)))


class DistanceComparison(VGroup):
    """Two points on 2-D axes and three routes between them.

    ``straight`` (the L2 segment), ``staircase`` (axis-parallel legs: the L1 path) and
    ``max_gap`` (the longest leg, drawn over the staircase: the L∞ gap). Routes are added
    to the group only when shown, so they never flash up before their animation.

    Parameters
    ----------
    axes
        Where to draw (equal units on both axes keep the picture honest).
    start, end
        The two points in axes coordinates.
    colors
        Colours of the start and end dots.
    order
        Axis order of the staircase legs (default: x first, then y).
    """

    def __init__(
        self,
        axes: Axes,
        start: ArrayLike,
        end: ArrayLike,
        *,
        colors: tuple[ManimColor, ManimColor] = (theme.USER_COLORS[0], theme.USER_COLORS[1]),
        order: Sequence[int] = (0, 1),
    ) -> None:
        super().__init__()
        self.axes = axes
        self.start = np.asarray(start, dtype=float)
        self.end = np.asarray(end, dtype=float)
        if self.start.shape != (2,) or self.end.shape != (2,):
            raise ValueError("DistanceComparison draws 2-D points")
        self.order = tuple(order)
        self.routes = VGroup()
        self.dots = VGroup(
            Dot(axes.c2p(*self.start), radius=0.11, color=colors[0]),
            Dot(axes.c2p(*self.end), radius=0.11, color=colors[1]),
        )
        self.add(self.routes, self.dots)
        self.straight = Arrow(
            axes.c2p(*self.start),
            axes.c2p(*self.end),
            buff=0,
            color=theme.NORM_L2,
            stroke_width=5,
            max_tip_length_to_length_ratio=0.1,
        )
        corners = manhattan_path(self.start, self.end, self.order)
        self.staircase = VGroup(
            *(
                Line(axes.c2p(*p), axes.c2p(*q), color=theme.NORM_L1, stroke_width=6)
                for p, q in pairwise(corners)
            )
        )
        axis, _ = largest_gap(self.start, self.end)
        leg = self.staircase[self.order.index(axis)]
        self.max_gap = Line(
            *leg.get_start_and_end(), color=theme.NORM_LINF, stroke_width=14, stroke_opacity=0.9
        )

    def create(self) -> Animation:
        """Drop the two points in."""
        return AnimationGroup(*(GrowFromCenter(d) for d in self.dots), lag_ratio=0.3, group=self)

    def show_straight(self, run_time: float = 1.2) -> Animation:
        """Draw the straight segment from start to end (the difference vector)."""
        self.routes.add(self.straight)
        return Create(self.straight, run_time=run_time)

    def show_staircase(self, seconds_per_leg: float = 0.9) -> Animation:
        """Walk the staircase leg by leg, one axis at a time."""
        self.routes.add(*self.staircase)
        return AnimationGroup(
            *(Create(leg, run_time=seconds_per_leg) for leg in self.staircase),
            lag_ratio=1.0,
            group=self,
        )

    def show_max_gap(self, run_time: float = 1.0) -> Animation:
        """Thicken the longest leg: the single largest coordinate gap."""
        self.routes.add(self.max_gap)
        return Create(self.max_gap, run_time=run_time)

    # --- read back ----------------------------------------------------------------------
    @reads_screen("geometry")
    def difference_shown(self) -> np.ndarray:
        """``end − start`` as drawn (dot centres through the axes)."""
        difference: np.ndarray = coords(self.axes, self.dots[1]) - coords(self.axes, self.dots[0])
        return difference

    @reads_screen("geometry")
    def lengths_shown(self) -> dict[str, float]:
        """``{"l1": staircase length, "l2": segment length, "linf": max-gap length}``, each
        measured on the drawn lines through the axes."""
        tail = coords(self.axes, self.straight.get_start())
        head = coords(self.axes, self.straight.get_end())
        return {
            "l1": sum(_segment_length(self.axes, leg) for leg in self.staircase),
            "l2": float(np.linalg.norm(head - tail)),
            "linf": _segment_length(self.axes, self.max_gap),
        }


class DifferenceBars(VGroup):
    """A difference vector as one signed bar per coordinate, on axes whose x-axis lists the
    coordinate names. Bars of maximal |value| can be lit up (the L∞ gap).

    Parameters
    ----------
    axes
        Axes with x positions ``1, 2, …, n`` for the coordinates and y the value.
    values
        The vector to draw.
    width
        Bar width in x units.
    """

    def __init__(
        self,
        axes: Axes,
        values: ArrayLike,
        *,
        width: float = 0.6,
        color: ManimColor = theme.MUTED,
    ) -> None:
        super().__init__()
        self.axes = axes
        self.values = np.asarray(values, dtype=float)
        self.bar_width = width
        self.bars = VGroup(*(self._bar(i + 1, v, color) for i, v in enumerate(self.values)))
        self.add(self.bars)

    def _bar(self, x: float, value: float, color: ManimColor) -> Polygon:
        w = self.bar_width / 2
        corners = [(x - w, 0.0), (x + w, 0.0), (x + w, value), (x - w, value)]
        return Polygon(
            *(self.axes.c2p(*c) for c in corners),
            stroke_color=color,
            stroke_width=2,
            fill_color=color,
            fill_opacity=0.75,
        )

    def create(self, run_time: float = 1.6) -> Animation:
        """Grow each bar out of the zero line."""
        return AnimationGroup(
            *(
                GrowFromEdge(bar, DOWN if v >= 0 else UP)
                for bar, v in zip(self.bars, self.values, strict=True)
            ),
            lag_ratio=0.2,
            run_time=run_time,
            group=self,
        )

    def highlight_largest(self, color: ManimColor = theme.NORM_LINF) -> Animation:
        """Recolour every bar whose |value| is the maximum."""
        heights = np.abs(self.values_shown())
        top = [bar for bar, h in zip(self.bars, heights, strict=True) if h >= heights.max() - 1e-9]
        return AnimationGroup(
            *(built(bar.animate.set_fill(color, opacity=0.9).set_stroke(color)) for bar in top),
            group=self,
        )

    @reads_screen("geometry")
    def values_shown(self) -> np.ndarray:
        """Each bar's signed height read through the axes (top edge minus the zero line)."""
        out = []
        for bar in self.bars:
            ys = [coords(self.axes, p)[1] for p in bar.get_vertices()]
            top, bottom = max(ys), min(ys)
            out.append(bottom if abs(bottom) > abs(top) else top)
        return np.array(out)


class DirectionComparison(VGroup):
    """Two vectors from the origin, the Euclidean gap between their tips and the angle between
    them. :meth:`move_second_to` glides the second vector to a new tip while the Euclidean and
    cosine readouts follow.

    The gap (drawn by :meth:`show_gap`) is a dashed dimension line: the segment between the
    tips shifted sideways by ``GAP_OFFSET`` with short ticks back to the tips, so that it stays
    visible when the two vectors point the same way and the segment lies on the arrows.

    Parameters
    ----------
    axes
        Where to draw.
    first, second
        The two vectors (axes coordinates).
    colors
        Arrow colours.
    readouts
        Optional ``{"euclidean": Readout, "cosine": Readout}`` updated every frame from the
        drawing (the dashed gap's length, the drawn arrows' cosine). Add them to the scene
        after this group.
    """

    ARC_RADIUS = 0.9  # coordinate units
    GAP_OFFSET = 0.22  # scene units

    def __init__(
        self,
        axes: Axes,
        first: ArrayLike,
        second: ArrayLike,
        *,
        colors: tuple[ManimColor, ManimColor] = (theme.USER_COLORS[0], theme.USER_COLORS[5]),
        readouts: dict[str, Readout] | None = None,
    ) -> None:
        super().__init__()
        self.axes = axes
        self.first = np.asarray(first, dtype=float)
        self.second = np.asarray(second, dtype=float)
        self.readouts = dict(readouts or {})
        unknown = set(self.readouts) - {"euclidean", "cosine"}
        if unknown:
            raise ValueError(f"unknown readouts {sorted(unknown)}")
        self.first_arrow = self._arrow(self.first, colors[0], width=9)
        self.second_arrow = self._arrow(self.second, colors[1], width=6)
        self.gap = self._gap(self.second)
        self.arc = VMobject()
        # the gap joins the group only when shown (show_gap), beneath the arrows
        self.add(self.first_arrow, self.second_arrow, self.arc)
        self._place(self.second)

    def _arrow(self, tip: np.ndarray, color: ManimColor, width: float) -> Arrow:
        return Arrow(
            self.axes.c2p(0, 0),
            self.axes.c2p(*tip),
            buff=0,
            color=color,
            stroke_width=width,
            max_tip_length_to_length_ratio=0.12,
            max_stroke_width_to_length_ratio=10,
        )

    def _gap(self, second: np.ndarray) -> VGroup:
        """Dashed dimension line between the tips, offset to the side away from the origin."""
        a, b = self.axes.c2p(*self.first), self.axes.c2p(*second)
        d = b - a if np.linalg.norm(b - a) > 1e-9 else a - self.axes.c2p(0, 0)
        normal = np.array([-d[1], d[0], 0.0]) / np.linalg.norm(d)
        middle = (a + b) / 2 - self.axes.c2p(0, 0)
        side = normal @ middle
        if abs(side) < 1e-9:  # tips on one line through the origin: the side left of `first`
            first = a - self.axes.c2p(0, 0)
            side = normal @ np.array([-first[1], first[0], 0.0])
        if side < 0:
            normal = -normal
        shift = self.GAP_OFFSET * normal
        color, width = theme.NORM_L2, 4
        return VGroup(
            DashedLine(a + shift, b + shift, dash_length=0.12, color=color, stroke_width=width),
            Line(a + 0.3 * shift, a + 1.3 * shift, color=color, stroke_width=width),
            Line(b + 0.3 * shift, b + 1.3 * shift, color=color, stroke_width=width),
        )

    def _place(self, second: np.ndarray, color: ManimColor | None = None) -> None:
        self.second = np.asarray(second, dtype=float)
        color = self.second_arrow.get_color() if color is None else color
        self.second_arrow.become(self._arrow(self.second, color, width=6))
        self.gap.become(self._gap(self.second))
        a1 = math.atan2(self.first[1], self.first[0])
        a2 = math.atan2(self.second[1], self.second[0])
        unit = float(np.linalg.norm(self.axes.c2p(1, 0) - self.axes.c2p(0, 0)))
        self.arc.become(
            Arc(
                radius=self.ARC_RADIUS * unit,
                start_angle=min(a1, a2),
                angle=max(abs(a2 - a1), 1e-4),
                arc_center=self.axes.c2p(0, 0),
                stroke_color=theme.TEXT,
                stroke_width=3,
                stroke_opacity=1.0 if abs(a2 - a1) > 1e-3 else 0.0,
            )
        )
        # the readouts show what is drawn: the dashed gap's length and the arrows' cosine
        values = {"euclidean": self.euclidean_shown(), "cosine": self.cosine_shown()}
        for key, readout in self.readouts.items():
            readout.set(float(values[key]))

    def create(self) -> Animation:
        """Grow the first arrow, then the second."""
        return AnimationGroup(
            GrowArrow(self.first_arrow), GrowArrow(self.second_arrow), lag_ratio=0.6, group=self
        )

    def show_gap(self, run_time: float = 1.0) -> Animation:
        """Draw the dashed segment between the tips: the Euclidean distance."""
        self.add_to_back(self.gap)
        return Create(self.gap, run_time=run_time)

    def move_second_to(
        self, tip: ArrayLike, color: ManimColor | None = None, run_time: float = 2.5
    ) -> Animation:
        """Glide the second vector to ``tip`` (recolouring it to ``color``)."""
        start, end = self.second.copy(), np.asarray(tip, dtype=float)
        c0 = self.second_arrow.get_color()
        c1 = c0 if color is None else color

        def update(_mob: Mobject, alpha: float) -> None:
            self._place((1 - alpha) * start + alpha * end, c0.interpolate(c1, alpha))

        return AnimationGroup(
            UpdateFromAlphaFunc(VGroup(self.gap, self.second_arrow, self.arc), update),
            group=self,
            run_time=run_time,
        )

    # --- read back ----------------------------------------------------------------------
    @reads_screen("geometry")
    def tips_shown(self) -> tuple[np.ndarray, np.ndarray]:
        """The two arrow tips through the axes."""
        return (
            coords(self.axes, self.first_arrow.get_end()),
            coords(self.axes, self.second_arrow.get_end()),
        )

    @reads_screen("geometry")
    def euclidean_shown(self) -> float:
        """Length of the drawn dashed gap (a parallel shift of the tip-to-tip segment), through
        the axes."""
        return _segment_length(self.axes, self.gap[0])

    @reads_screen("geometry")
    def cosine_shown(self) -> float:
        """Cosine of the angle between the drawn arrows."""
        u, v = self.tips_shown()
        return float(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)))


class ConcentrationPlot(DottedCurve):
    """Mean relative contrast ``(d_max − d_min)/d_min`` against dimension on log-x axes: dots
    joined by a line, drawn left to right.

    Parameters
    ----------
    axes
        Axes with a logarithmic x-axis (dimension) and linear y (contrast).
    dimensions, contrasts
        The curve's points.
    """

    def __init__(self, axes: Axes, dimensions: ArrayLike, contrasts: ArrayLike) -> None:
        self.dimensions = np.asarray(dimensions, dtype=float)
        self.contrasts = np.asarray(contrasts, dtype=float)
        if self.dimensions.shape != self.contrasts.shape:
            raise ValueError("one contrast per dimension is required")
        super().__init__(axes, np.stack([self.dimensions, self.contrasts], axis=1))


class Histogram(VGroup):
    """Bars of given heights over bin edges; :meth:`morph_to` reshapes them in place.

    Parameters
    ----------
    axes
        Axes whose x covers the edges and y the heights.
    edges
        ``k + 1`` increasing bin edges.
    heights
        ``k`` bar heights.
    """

    def __init__(
        self,
        axes: Axes,
        edges: ArrayLike,
        heights: ArrayLike,
        *,
        color: ManimColor = theme.NORM_L2,
    ) -> None:
        super().__init__()
        self.axes = axes
        self.edges = np.asarray(edges, dtype=float)
        self.color = color
        heights = np.asarray(heights, dtype=float)
        if heights.shape != (self.edges.size - 1,):
            raise ValueError("one height per bin is required")
        self.bars = VGroup(*self._bars(heights))
        self.add(self.bars)

    def _bars(self, heights: np.ndarray) -> list[Polygon]:
        out = []
        for lo, hi, h in zip(self.edges[:-1], self.edges[1:], heights, strict=True):
            corners = [(lo, 0.0), (hi, 0.0), (hi, h), (lo, h)]
            out.append(
                Polygon(
                    *(self.axes.c2p(*c) for c in corners),
                    stroke_color=self.color,
                    stroke_width=1.5,
                    fill_color=self.color,
                    fill_opacity=0.7,
                )
            )
        return out

    def create(self, run_time: float = 1.5) -> Animation:
        """Grow the bars out of the x-axis."""
        return AnimationGroup(
            *(GrowFromEdge(bar, DOWN) for bar in self.bars),
            lag_ratio=0.03,
            run_time=run_time,
            group=self,
        )

    def morph_to(self, heights: ArrayLike, run_time: float = 2.0) -> Animation:
        """Reshape every bar to the new ``heights``."""
        new = self._bars(np.asarray(heights, dtype=float))
        return AnimationGroup(
            *(Transform(bar, target) for bar, target in zip(self.bars, new, strict=True)),
            group=self,
            run_time=run_time,
        )

    @reads_screen("geometry")
    def heights_shown(self) -> np.ndarray:
        """Each bar's height read through the axes."""
        out = []
        for bar in self.bars:
            ys = [coords(self.axes, p)[1] for p in bar.get_vertices()]
            out.append(max(ys) - min(ys))
        return np.array(out)
