"""A feasible region cut out of the plane, one linear inequality at a time.

:class:`FeasibleRegion` draws, on a pair of axes, the region that satisfies a list of
inequalities ``a·x + b·y ≤ c`` (:class:`~mathviz.maths.inequalities.HalfPlane`) as a filled
polygon computed exactly by :func:`~mathviz.maths.inequalities.clip`. :meth:`cut` returns the
animation of one constraint arriving: its boundary line slides in parallel to itself from
where it first touches the region to where it belongs, the region is clipped by it every
frame, and the part cut away flashes red and fades. :meth:`mark_corners` drops a dot on every
corner of what is left, with its coordinates written beside it.

:class:`PlanDot` is a point (a plan) walking over the plane with a verdict that follows it:
"feasible" while every inequality holds at the dot, "infeasible" as soon as one fails.

Read-backs go through the axes (``Axes.p2c``): the region's drawn corners and its shoelace
area, the corner dots and the digits of their labels, the ends of each drawn boundary, the
plan's position and which verdict is drawn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any, cast

import numpy as np
from manim import (
    LEFT,
    UP,
    AnimationGroup,
    Axes,
    Dot,
    FadeIn,
    GrowFromCenter,
    LaggedStart,
    ManimColor,
    MathTex,
    Mobject,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from numpy.typing import NDArray

from mathviz import theme
from mathviz.maths.inequalities import (
    HalfPlane,
    Number,
    Point,
    as_fraction,
    clip,
    segment_in_box,
    sweep,
)
from mathviz.maths.sets import polygon_area
from mathviz.primitives.readout import coords
from mathviz.readings import PrintedArray, printed_all, reads_screen

__all__ = [
    "FEASIBLE_COLOR",
    "CUT_COLOR",
    "CORNER_COLOR",
    "PLAN_COLOR",
    "number_tex",
    "FeasibleRegion",
    "PlanDot",
]

#: the region that satisfies every inequality so far, and the part a cut takes away
FEASIBLE_COLOR = theme.GOOD
CUT_COLOR = theme.BAD
#: the corner dots, and the plan walking over the plane
CORNER_COLOR = theme.TEXT
PLAN_COLOR = theme.ACCENT
#: share of a cut during which the line slides; the rest fades the part cut away
SLIDE_SHARE = 0.8
#: the opacity of the part cut away while the line slides
CUT_OPACITY = 0.45


def number_tex(value: Number) -> str:
    """A coordinate as written beside a corner: whole numbers plain, others to 2 decimals."""
    v = as_fraction(value)
    return str(v.numerator) if v.denominator == 1 else f"{float(v):.2f}"


def _smooth(t: float) -> float:
    return t * t * (3 - 2 * t)


class FeasibleRegion(VGroup):
    """The region satisfying the inequalities cut so far, their boundary lines, and (once
    marked) the corners of the region with their coordinates.

    Parameters
    ----------
    axes
        The axes the region is drawn through.
    start
        The region before any cut (a convex polygon, counter-clockwise), e.g. the quadrant
        of the plot window.
    constraints
        The inequalities, in the order they are cut.
    window
        Where boundary lines are drawn (defaults to ``start``).
    colors
        One colour per constraint's line.
    """

    def __init__(
        self,
        axes: Axes,
        start: Sequence[Sequence[Number]],
        constraints: Sequence[HalfPlane],
        *,
        window: Sequence[Sequence[Number]] | None = None,
        colors: Sequence[ManimColor] = theme.EQUATION_COLORS,
        fill_opacity: float = 0.3,
        line_width: float = 5.0,
    ) -> None:
        super().__init__()
        if len(colors) < len(constraints):
            raise ValueError("one colour per constraint is needed")
        self.axes = axes
        self.constraints = list(constraints)
        self.polygon: list[Point] = [(as_fraction(p[0]), as_fraction(p[1])) for p in start]
        self.window: list[Point] = [
            (as_fraction(p[0]), as_fraction(p[1])) for p in (window or start)
        ]
        self.fill_opacity = fill_opacity
        self.region = VMobject(stroke_width=0, fill_color=FEASIBLE_COLOR, fill_opacity=fill_opacity)
        self.region.name = "feasible region"
        self.scrap = VMobject(stroke_width=0, fill_color=CUT_COLOR, fill_opacity=0.0)
        self.scrap.name = "part cut away"
        self.lines = VGroup()
        for i, color in enumerate(colors[: len(constraints)]):
            line = VMobject(stroke_color=color, stroke_width=line_width)
            line.name = f"boundary {i + 1}"
            self._set_segment(line, None)
            self.lines.add(line)
        self.corner_dots = VGroup()
        self.corner_labels = VGroup()
        self._label_numbers: list[tuple[Mobject, Mobject]] = []
        self.cuts = 0
        self._set_polygon(self.region, self.polygon)
        self._set_polygon(self.scrap, [])
        self.add(self.region, self.scrap, self.lines, self.corner_dots, self.corner_labels)

    # --- drawing ----------------------------------------------------------------------------
    def _p(self, point: Sequence[Number]) -> np.ndarray:
        return np.asarray(self.axes.c2p(float(point[0]), float(point[1])), dtype=float)

    def _set_polygon(self, mob: VMobject, polygon: Sequence[Point]) -> None:
        if len(polygon) < 3:  # nothing to fill: a point, invisible
            corner = self._p(self.window[0])
            mob.set_points_as_corners([corner, corner, corner, corner])
            return
        points = [self._p(p) for p in polygon]
        mob.set_points_as_corners([*points, points[0]])

    def _set_segment(self, line: VMobject, ends: tuple[Point, Point] | None) -> None:
        if ends is None:
            corner = self._p(self.window[0])
            line.set_points_as_corners([corner, corner])
            line.set_stroke(opacity=0.0)
            return
        line.set_points_as_corners([self._p(ends[0]), self._p(ends[1])])
        line.set_stroke(opacity=1.0)

    # --- animations -------------------------------------------------------------------------
    def cut(self, **kwargs: Any) -> Animation:
        """The next constraint's line slides in and clips the region; the part it takes
        away flashes red and fades."""
        if self.cuts >= len(self.constraints):
            raise ValueError("every constraint has been cut already")
        return _Cut(self, self.cuts, **kwargs)

    def mark_corners(
        self,
        label_at: Mapping[tuple[int, int], Sequence[float]] | None = None,
        *,
        size: int = 30,
        **kwargs: Any,
    ) -> Animation:
        """Dots on the region's corners, then each corner's coordinates beside it.

        ``label_at`` maps a corner (whole-number coordinates) to where its label's centre
        goes (axes coordinates), clear of the boundary lines; any other corner's label sits
        just outside the region, away from its centre.
        """
        centre = np.mean([self._p(p) for p in self.polygon], axis=0)
        self.corner_dots.submobjects = []
        self.corner_labels.submobjects = []
        self._label_numbers = []
        for p in self.polygon:
            at = self._p(p)
            dot = Dot(at, radius=0.1, color=CORNER_COLOR)
            dot.set_stroke(theme.BACKGROUND, width=2)
            dot.name = f"corner ({number_tex(p[0])}, {number_tex(p[1])})"
            label = MathTex(
                "(", number_tex(p[0]), ",\\,", number_tex(p[1]), ")", font_size=size
            ).set_color(CORNER_COLOR)
            key = (int(p[0]), int(p[1]))
            if label_at and key in label_at:
                label.move_to(self._p(label_at[key]))
            else:
                away = at - centre
                label.next_to(dot, away / (np.linalg.norm(away) or 1.0), buff=0.14)
            self._label_numbers.append((label[1], label[3]))
            label.add_background_rectangle(color=theme.BACKGROUND, opacity=0.9, buff=0.05)
            self.corner_dots.add(dot)
            self.corner_labels.add(label)
        return LaggedStart(
            *(
                AnimationGroup(GrowFromCenter(d), FadeIn(lab, shift=0.15 * UP))
                for d, lab in zip(self.corner_dots, self.corner_labels, strict=True)
            ),
            lag_ratio=0.5,
            **kwargs,
        )

    # --- read back from the screen ----------------------------------------------------------
    def _corners(self) -> NDArray[np.float64]:
        anchors = self.region.get_anchors()
        points = np.asarray(coords(self.axes, anchors), dtype=float)
        out: list[NDArray[np.float64]] = []
        for p in points:
            if not out or np.linalg.norm(p - out[-1]) > 1e-9:
                out.append(p)
        while len(out) > 1 and np.linalg.norm(out[0] - out[-1]) <= 1e-9:
            out.pop()
        return np.array(out, dtype=float)

    @reads_screen("geometry")
    def region_corners_shown(self) -> NDArray[np.float64]:
        """The corners of the drawn region, in drawing order, read through the axes."""
        return self._corners()

    @reads_screen("area")
    def area_shown(self) -> float:
        """The drawn region's area in the axes' units (shoelace area of its outline)."""
        corners = self._corners()
        return abs(polygon_area(corners)) if len(corners) >= 3 else 0.0

    @reads_screen("geometry")
    def corners_shown(self) -> NDArray[np.float64]:
        """The corner dots' centres read through the axes, ``(n, 2)``."""
        return np.array([coords(self.axes, d) for d in self.corner_dots], dtype=float)

    def corner_labels_shown(self) -> PrintedArray:
        """Each corner label's two numbers as typeset, ``(n, 2)``."""
        parts = [part for pair in self._label_numbers for part in pair]
        return printed_all(parts).reshape(len(self._label_numbers), 2)

    @reads_screen("geometry")
    def line_ends_shown(self, i: int) -> NDArray[np.float64]:
        """The two ends of constraint ``i``'s drawn boundary, read through the axes."""
        anchors = self.lines[i].get_anchors()
        return np.asarray(coords(self.axes, np.array([anchors[0], anchors[-1]])), dtype=float)

    @reads_screen("count")
    def lines_shown(self) -> int:
        """How many boundary lines are drawn."""
        return sum(1 for line in self.lines if line.get_stroke_opacity() > theme.VISIBLE_OPACITY)


class _Cut(Animation):
    def __init__(self, region: FeasibleRegion, index: int, **kwargs: Any) -> None:
        self.region, self.index = region, index
        self.half = region.constraints[index]
        self.before = list(region.polygon)
        super().__init__(region, **kwargs)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - nothing to interpolate from
        return cast(Mobject, self.mobject)

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102
        region = self.region
        a = float(self.rate_func(alpha)) if alpha < 1.0 else 1.0
        slide = 1.0 if a >= SLIDE_SHARE else _smooth(a / SLIDE_SHARE)
        half = self.half if slide >= 1.0 else sweep(self.before, self.half, Fraction(slide))
        kept = clip(self.before, half)
        taken = clip(self.before, HalfPlane(-half.a, -half.b, -half.c))
        region.polygon = kept
        region._set_polygon(region.region, kept)
        region._set_polygon(region.scrap, taken)
        fade = 1.0 if a < SLIDE_SHARE else max(0.0, (1.0 - a) / (1.0 - SLIDE_SHARE))
        region.scrap.set_fill(opacity=CUT_OPACITY * fade if taken else 0.0)
        region._set_segment(region.lines[self.index], segment_in_box(half, region.window))
        region.cuts = self.index + 1 if alpha >= 1.0 else self.index


class PlanDot(VGroup):
    """A plan ``(x, y)`` drawn as a dot, and a verdict that follows it: "feasible" while every
    inequality holds at the dot, "infeasible" once one fails.

    Parameters
    ----------
    axes
        The axes the dot is drawn through.
    constraints
        Every inequality a plan must satisfy (the domain's included).
    start
        Where the dot stands at first.
    verdict_at
        Where the verdict is written (its left edge's centre).
    """

    def __init__(
        self,
        axes: Axes,
        constraints: Sequence[HalfPlane],
        start: Sequence[Number],
        *,
        verdict_at: np.ndarray,
        size: int = 34,
    ) -> None:
        super().__init__()
        self.axes, self.constraints = axes, list(constraints)
        self.dot = Dot(radius=0.16, color=PLAN_COLOR)
        self.dot.set_stroke(theme.BACKGROUND, width=2)
        self.dot.name = "plan"
        self.yes = theme.text("✓ feasible", size=size, color=theme.GOOD)
        self.no = theme.text("✗ infeasible", size=size, color=theme.BAD)
        for verdict in (self.yes, self.no):
            verdict.move_to(verdict_at, aligned_edge=LEFT)
        self.yes.name, self.no.name = "verdict feasible", "verdict infeasible"
        self.add(self.dot, self.yes, self.no)
        self.place((float(start[0]), float(start[1])))

    def holds_at(self, point: Sequence[float]) -> bool:
        """Whether every inequality holds at ``point`` (exact arithmetic)."""
        return all(h.contains(point) for h in self.constraints)

    def place(self, point: Sequence[float]) -> PlanDot:
        """Put the dot at ``point`` (axes coordinates); the verdict follows."""
        self.dot.move_to(self.axes.c2p(float(point[0]), float(point[1])))
        ok = self.holds_at(point)
        self.yes.set_opacity(1.0 if ok else 0.0)
        self.no.set_opacity(0.0 if ok else 1.0)
        return self

    def walk(self, waypoints: Sequence[Sequence[float]], **kwargs: Any) -> Animation:
        """The dot walks through ``waypoints`` in turn, easing into each, the verdict live."""
        return _Walk(self, [np.asarray(p, dtype=float) for p in waypoints], **kwargs)

    @reads_screen("geometry")
    def position_shown(self) -> NDArray[np.float64]:
        """The dot's centre read through the axes."""
        return np.asarray(coords(self.axes, self.dot), dtype=float)

    @reads_screen("count")
    def feasible_shown(self) -> int:
        """1 while the "feasible" verdict is the one drawn, 0 while "infeasible" is."""
        yes = self.yes.get_fill_opacity() > theme.VISIBLE_OPACITY
        no = self.no.get_fill_opacity() > theme.VISIBLE_OPACITY
        if yes == no:
            raise ValueError("exactly one verdict should be drawn")
        return int(yes)


class _Walk(Animation):
    def __init__(self, plan: PlanDot, waypoints: list[NDArray[np.float64]], **kwargs: Any) -> None:
        self.plan, self.waypoints = plan, waypoints
        kwargs.setdefault("rate_func", lambda t: t)
        super().__init__(plan, **kwargs)

    def begin(self) -> None:  # noqa: D102
        self.stops = [np.asarray(self.plan.position_shown(), dtype=float), *self.waypoints]
        super().begin()

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - nothing to interpolate from
        return cast(Mobject, self.mobject)

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102
        legs = len(self.stops) - 1
        a = min(max(float(self.rate_func(alpha)), 0.0), 1.0)
        leg = min(int(a * legs), legs - 1)
        local = 1.0 if alpha >= 1.0 else _smooth(a * legs - leg)
        start, end = self.stops[leg], self.stops[leg + 1]
        self.plan.place(start + local * (end - start))
