"""The picture of a hypothesis test: the null distribution of a statistic, the observed value
as a vertical line, the tails beyond it shaded, the cut-offs of a significance level, and a
pile of shuffled statistics as a histogram.

Drawn from the pure models in :mod:`mathviz.maths.hypothesis`. Everything is redrawn from a
small state (the null's standard deviation, the observed value, how far the shading and the
ruler reach), so whatever is on screen is the drawing of one true state, in motion too.
Values are read back from the drawing through the axes: the line's x, the shaded region's
shoelace area, the curve's peak (hence its standard deviation), the bars' areas.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from manim import (
    DOWN,
    UP,
    Axes,
    Create,
    DashedLine,
    Line,
    ManimColor,
    Polygon,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike, NDArray

from mathviz import theme
from mathviz.maths.hypothesis import histogram, normal_density, tail_outline
from mathviz.maths.integrals import polygon_area
from mathviz.primitives.motion import Scripted, StateTween
from mathviz.primitives.readout import coords
from mathviz.readings import derived, reads_screen

__all__ = ["CURVE_STEP", "TailPlot", "ShufflePile", "Verdict"]

#: spacing of the curve's samples (axes units); 0 is one of them, so the peak is drawn
CURVE_STEP = 0.02


def _linear(t: float) -> float:
    return t


def _outline_area(axes: Axes, polygon: VMobject) -> float:
    """Shoelace area of a drawn polygon, its corners read back through ``axes``."""
    if len(polygon.points) == 0:
        return 0.0
    corners = polygon.points[:: polygon.n_points_per_curve]
    return polygon_area(coords(axes, corners))


class TailPlot(VGroup):
    """A normal null density on ``axes``, the observed statistic as a line, its two tails.

    Parameters
    ----------
    axes
        Where to draw; the x-range is the statistic's (the tails reach its ends).
    sd
        Standard deviation of the null distribution (mean 0), in the axes' x units.
    observed
        Where the observed line starts.
    line_top
        Height of the observed line, in the axes' y units.
    """

    def __init__(
        self,
        axes: Axes,
        sd: float,
        observed: float = 0.0,
        *,
        line_top: float,
        curve_color: ManimColor = theme.CURVE,
        line_color: ManimColor = theme.ACCENT,
        tail_color: ManimColor = theme.HYPOTHESIS,
        cut_color: ManimColor = theme.MUTED,
        samples: int = 400,
    ) -> None:
        super().__init__()
        self.axes, self.line_top, self.samples = axes, float(line_top), samples
        #: the state everything is drawn from
        self.sd, self.observed = float(sd), float(observed)
        self.reach = 0.0  # how much of the tails is shaded, 0 to 1 (from the line outwards)
        self.ruler = 0.0  # how much of the standard-error ruler is drawn, 0 to 1
        #: where the significance cut-offs stand, in standard errors (±cut · sd); 0: not drawn
        self.cut = 0.0
        self.x_min, self.x_max = float(axes.x_range[0]), float(axes.x_range[1])
        self.xs = np.round(np.arange(self.x_min, self.x_max + CURVE_STEP / 2, CURVE_STEP), 10)
        self.curve = VMobject(stroke_color=curve_color, stroke_width=5)
        self.tails = VGroup(
            *(
                Polygon(
                    *[axes.c2p(0, 0)] * 3,
                    stroke_width=0,
                    fill_color=tail_color,
                    fill_opacity=0.65,
                )
                for _ in range(2)
            )
        )
        self.line = Line(axes.c2p(0, 0), axes.c2p(0, line_top), color=line_color, stroke_width=6)
        self.mirror = DashedLine(
            axes.c2p(0, 0), axes.c2p(0, line_top), color=line_color, stroke_width=3
        )
        self.mirror_opacity = 0.0  # the dashed mirror line fades in (state)
        self.ruler_line = VMobject(stroke_color=theme.TEXT, stroke_width=3)
        self.ruler_ticks = VMobject(stroke_color=theme.TEXT, stroke_width=3)
        self.cuts = VGroup(
            *(
                Line(axes.c2p(0, 0), axes.c2p(0, 0.001), color=cut_color, stroke_width=3)
                for _ in range(2)
            )
        )
        self.add(self.tails, self.curve, self.cuts, self.mirror, self.line)
        self.add(self.ruler_line, self.ruler_ticks)
        self.redraw()

    # --- drawing -----------------------------------------------------------------------
    def redraw(self) -> None:
        """Draw the curve, the line, the shaded tails, the ruler and the cut-offs from the state."""
        axes = self.axes
        ys = normal_density(self.xs, self.sd)
        self.curve.set_points_as_corners(np.asarray(axes.c2p(self.xs, ys), dtype=float).T)
        x = self.observed
        self.line.put_start_and_end_on(axes.c2p(x, 0), axes.c2p(x, self.line_top))
        self._mirror_at(-x)
        self.mirror.set_stroke(opacity=self.mirror_opacity)
        edge = abs(x)
        end = edge + self.reach * (self.x_max - edge)
        for polygon, sign in zip(self.tails, (1.0, -1.0), strict=True):
            if self.reach <= 0 or end - edge < 1e-9:
                outline = np.array([[sign * edge, 0.0]] * 3)
            else:
                # counter-clockwise on both sides: the shoelace area is positive
                lo, hi = (edge, end) if sign > 0 else (-end, -edge)
                outline = tail_outline(self.sd, lo, hi, self.samples)
            closed = np.vstack([outline, outline[:1]])
            polygon.set_points_as_corners(np.asarray(axes.c2p(closed[:, 0], closed[:, 1])).T)
        self._draw_ruler()
        for line, sign in zip(self.cuts, (1.0, -1.0), strict=True):
            height = 0.6 * self.line_top if self.cut > 0 else 0.001
            x = sign * self.cut * self.sd
            line.put_start_and_end_on(axes.c2p(x, 0), axes.c2p(x, height))
            line.set_stroke(opacity=1.0 if self.cut > 0 else 0.0)

    def _mirror_at(self, x: float) -> None:
        """Put the dashed mirror line at ``x`` (it keeps its height: a shift is exact)."""
        self.mirror.shift(self.axes.c2p(x, 0) - self.mirror.get_start())

    def _draw_ruler(self) -> None:
        """A bar from 0 towards the observed value at a third of the line's height, with a
        tick at every whole standard error it has passed."""
        axes, y = self.axes, self.line_top / 3
        length = self.ruler * self.observed
        if self.ruler <= 0:
            self.ruler_line.clear_points()
            self.ruler_ticks.clear_points()
            return
        self.ruler_line.set_points_as_corners([axes.c2p(0, y), axes.c2p(length, y)])
        self.ruler_ticks.clear_points()
        tick = 0.12 * abs(axes.c2p(0, 1)[1] - axes.c2p(0, 0)[1]) * self.line_top / 3
        k_max = int(math.floor(abs(length) / self.sd + 1e-9))
        for k in range(k_max + 1):
            p = np.asarray(axes.c2p(math.copysign(k * self.sd, length or 1.0), y), dtype=float)
            self.ruler_ticks.start_new_path(p + tick * DOWN)
            self.ruler_ticks.add_line_to(p + tick * UP)

    # --- animations ----------------------------------------------------------------------
    def create_curve(self, run_time: float = 2.0) -> Animation:
        """Draw the null curve from left to right."""
        return Create(self.curve, run_time=run_time)

    def _tween(self, targets: dict[str, float], run_time: float, **kwargs: object) -> Animation:
        return StateTween(self, self, targets, self.redraw, run_time=run_time, **kwargs)

    def slide_line(self, x: float, run_time: float = 2.0) -> Animation:
        """Move the observed line to ``x`` (its tails, if shaded, follow)."""
        return self._tween({"observed": x}, run_time)

    def show_mirror(self, run_time: float = 1.0) -> Animation:
        """Fade in a dashed copy of the line at minus the observed value."""
        return self._tween({"mirror_opacity": 1.0}, run_time)

    def shade(self, reach: float = 1.0, run_time: float = 2.0) -> Animation:
        """Sweep the shading outwards from the line (``reach`` 1: to the axes' ends) or take
        it back (``reach`` 0)."""
        return self._tween({"reach": reach}, run_time, rate_func=_linear)

    def measure(self, run_time: float = 2.0) -> Animation:
        """Grow the standard-error ruler from 0 to the observed value (``ruler`` 0 → 1)."""
        return self._tween({"ruler": 1.0}, run_time, rate_func=_linear)

    def hide_ruler(self, run_time: float = 0.6) -> Animation:
        """Take the ruler back to nothing."""
        return self._tween({"ruler": 0.0}, run_time)

    def show_cuts(self, z: float, run_time: float = 2.0) -> Animation:
        """Cut-offs at ``±z`` standard errors sliding out from 0 (they stay ``z`` standard
        errors out when the null changes)."""
        self.cut = 1e-6
        return self._tween({"cut": z}, run_time)

    def change(self, sd: float, observed: float, run_time: float = 3.0) -> Animation:
        """Move to a new null and a new observed value together."""
        return self._tween({"sd": sd, "observed": observed}, run_time)

    # --- read back -----------------------------------------------------------------------
    @reads_screen("geometry")
    def observed_shown(self) -> float:
        """The observed line's x, read back through the axes."""
        return float(coords(self.axes, self.line.get_start())[0])

    @reads_screen("geometry")
    def mirror_shown(self) -> float:
        """The dashed mirror line's x, read back through the axes."""
        return float(coords(self.axes, self.mirror.get_start())[0])

    @reads_screen("geometry")
    def sd_shown(self) -> float:
        """The null's standard deviation, from the drawn curve's peak: a normal density with
        mean 0 peaks at ``1 / (sd √(2π))``."""
        peak = float(np.max(coords(self.axes, self.curve.get_anchors())[:, 1]))
        return 1.0 / (peak * math.sqrt(2.0 * math.pi))

    @reads_screen("area")
    def tail_area_shown(self) -> float:
        """Area of both shaded tails, each polygon's corners read through the axes."""
        return float(sum(_outline_area(self.axes, p) for p in self.tails))

    @reads_screen("geometry")
    def ruler_shown(self) -> float:
        """The ruler's drawn length along the x-axis (axes units, signed)."""
        if len(self.ruler_line.points) == 0:
            return 0.0
        ends = coords(self.axes, np.array([self.ruler_line.points[0], self.ruler_line.points[-1]]))
        return float(ends[1, 0] - ends[0, 0])

    def z_shown(self) -> Any:
        """The ruler's drawn length over the drawn curve's standard deviation: how many
        standard errors the ruler measures (a reading derived from both)."""
        length, sd = self.ruler_shown(), self.sd_shown()
        return derived("ruler length / curve's sd", float(length) / float(sd), length, sd)

    @reads_screen("count")
    def ruler_ticks_shown(self) -> int:
        """How many ticks the ruler shows (0 and every whole standard error passed)."""
        return len(self.ruler_ticks.get_subpaths())

    @reads_screen("geometry")
    def cut_shown(self) -> float:
        """The right cut-off's x, read back through the axes."""
        return float(coords(self.axes, self.cuts[0].get_start())[0])


class ShufflePile(VGroup):
    """Shuffled statistics piling into a density histogram on ``axes``, one bar per bin.

    Heights are ``count / (total · width)`` with ``total`` the number of values in the end, so
    the pile grows towards the null density; bars at least ``highlight`` from zero take the
    tail colour once :meth:`light_beyond` has swept past them.

    Parameters
    ----------
    axes
        Where to draw.
    values
        Every shuffled statistic, in the order they are piled (axes' x units).
    edges
        Bin edges (axes' x units).
    """

    def __init__(
        self,
        axes: Axes,
        values: ArrayLike,
        edges: ArrayLike,
        *,
        color: ManimColor = theme.AREA,
        tail_color: ManimColor = theme.HYPOTHESIS,
    ) -> None:
        super().__init__()
        self.axes = axes
        self.values = np.asarray(values, dtype=float)
        self.edges = np.asarray(edges, dtype=float)
        self.color, self.tail_color = color, tail_color
        self.piled = 0.0  # how many values are in the pile (state)
        self.lit_from = math.inf  # bars whose centre is at least this far from 0 are lit
        self.bars = VGroup(
            *(
                Polygon(
                    *[axes.c2p(lo, 0)] * 4,
                    stroke_color=theme.BACKGROUND,
                    stroke_width=1,
                    fill_color=color,
                    fill_opacity=0.8,
                )
                for lo in self.edges[:-1]
            )
        )
        self.add(self.bars)
        self.redraw()

    @property
    def centres(self) -> NDArray[np.float64]:
        """Each bin's centre."""
        centres: NDArray[np.float64] = (self.edges[:-1] + self.edges[1:]) / 2
        return centres

    def redraw(self) -> None:
        """Draw the first ``round(piled)`` values as bars; light the ones beyond ``lit_from``."""
        n = int(round(self.piled))
        heights = histogram(self.values[:n], self.edges, total=len(self.values)).heights
        lit = np.abs(self.centres) >= self.lit_from - 1e-9
        for bar, lo, hi, h, on in zip(
            self.bars, self.edges[:-1], self.edges[1:], heights, lit, strict=True
        ):
            h = max(float(h), 1e-6)
            bar.set_points_as_corners(
                [self.axes.c2p(x, y) for x, y in ((lo, 0), (hi, 0), (hi, h), (lo, h), (lo, 0))]
            )
            bar.set_fill(self.tail_color if on else self.color)

    def pile(self, run_time: float = 5.0) -> Animation:
        """Add the values to the pile at constant speed until all are in."""
        return StateTween(
            self,
            self,
            {"piled": float(len(self.values))},
            self.redraw,
            run_time=run_time,
            rate_func=_linear,
        )

    def light_beyond(self, cut: float, run_time: float = 2.0) -> Animation:
        """Light the bars from the axes' ends inwards until every bar at least ``cut`` from
        zero is lit."""
        far = float(max(abs(self.edges[0]), abs(self.edges[-1])))
        start, end = far, abs(cut)

        def update(t: float) -> None:
            self.lit_from = start + t * (end - start)
            self.redraw()

        return Scripted(self, update, run_time=run_time)

    def fade_out(self, run_time: float = 0.8) -> Animation:
        """Fade the pile out (it stays in the scene, transparent, until removed)."""

        def update(t: float) -> None:
            self.bars.set_fill(opacity=0.8 * (1.0 - t))
            self.bars.set_stroke(opacity=1.0 - t)

        return Scripted(self, update, run_time=run_time)

    def _bar_boxes(self) -> NDArray[np.float64]:
        """(n, 4): each drawn bar's left, right, bottom and top through the axes."""
        out = []
        for bar in self.bars:
            pts = coords(self.axes, bar.get_anchors())
            out.append([pts[:, 0].min(), pts[:, 0].max(), pts[:, 1].min(), pts[:, 1].max()])
        return np.array(out)

    @reads_screen("area")
    def lit_share_shown(self) -> float:
        """Total area of the bars drawn in the tail colour, read through the axes: the share
        of the pile they hold."""
        boxes = self._bar_boxes()
        lit = np.array([bar.get_fill_color() == self.tail_color for bar in self.bars])
        areas = (boxes[:, 1] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 2])
        return float(np.sum(areas[lit & (boxes[:, 3] - boxes[:, 2] > 1e-5)]))

    @reads_screen("count")
    def piled_shown(self) -> int:
        """How many values the drawn bars hold: their total area times the final count."""
        boxes = self._bar_boxes()
        heights = boxes[:, 3] - boxes[:, 2]
        areas = (boxes[:, 1] - boxes[:, 0]) * np.where(heights > 1e-5, heights, 0.0)
        return int(round(float(np.sum(areas)) * len(self.values)))

    @reads_screen("count")
    def lit_bars_shown(self) -> int:
        """How many bars with values in them are drawn in the tail colour."""
        boxes = self._bar_boxes()
        return sum(
            1
            for bar, box in zip(self.bars, boxes, strict=True)
            if bar.get_fill_color() == self.tail_color and box[3] - box[2] > 1e-5
        )


class Verdict(VGroup):
    """The decision against a significance level: one of two texts shown, the "reject" one
    while the p-value it follows is below ``alpha``, the "keep" one otherwise.

    Parameters
    ----------
    reject, keep
        The two texts (built by the caller, in the theme's colours), placed at the same spot.
    alpha
        The significance level.
    """

    def __init__(self, reject: VMobject, keep: VMobject, alpha: float) -> None:
        super().__init__(reject, keep)
        self.reject, self.keep, self.alpha = reject, keep, float(alpha)
        keep.move_to(reject, aligned_edge=np.array([-1.0, 0.0, 0.0]))

    def show_for(self, p: float) -> Verdict:
        """Show the text that ``p`` calls for, now."""
        significant = float(p) < self.alpha
        self.reject.set_opacity(1.0 if significant else 0.0)
        self.keep.set_opacity(0.0 if significant else 1.0)
        return self

    def follow(self, read_p: Callable[[], float]) -> Verdict:
        """Keep showing the text for ``read_p()`` at every frame (an updater)."""
        self.add_updater(lambda _: self.show_for(read_p()))
        return self.show_for(read_p())

    @reads_screen("count")
    def rejections_shown(self) -> int:
        """1 while the "reject" text is the one seen, 0 while "keep" is."""
        seen = [m.get_fill_opacity() > 0.5 for m in (self.reject, self.keep)]
        if seen[0] == seen[1]:
            raise ValueError("exactly one of the two verdicts should be seen")
        return int(seen[0])
