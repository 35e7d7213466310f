"""Polynomials on axes: a curve clipped to the plot that morphs term by term or fit by fit,
its roots as dots, a vertical zoom, and data points with residual segments to the curve.

Built from the pure models in :mod:`mathviz.maths.polynomials`. Methods return animations
(never play them); ``*_shown()`` methods read values back from the drawn objects through
their axes: a curve's height from its drawn anchors, a root from its dot, a residual from its
segment's ends, the training error from the drawn segments.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    AnimationGroup,
    Axes,
    Create,
    DashedVMobject,
    Dot,
    GrowFromCenter,
    Line,
    ManimColor,
    Mobject,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    linear,
    smooth,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike, NDArray

from mathviz import theme
from mathviz.maths.polynomials import (
    blend,
    clip_to_band,
    evaluate,
    real_roots,
    sample_grid,
)
from mathviz.primitives.plots import set_segment
from mathviz.primitives.readout import coords
from mathviz.readings import reads_screen

__all__ = ["SAMPLE_STEP", "PolynomialCurve", "RootDots", "FitPlot"]

#: spacing of the plotted samples (axes units); x values on this grid are drawn exactly
SAMPLE_STEP = 0.01

#: maps arrays of data ``x`` and ``y`` to an ``(n, 3)`` array of scene points
Mapper = Callable[[NDArray[np.float64], NDArray[np.float64]], NDArray[np.float64]]


def _through(axes: Axes) -> Mapper:
    def to_scene(xs: NDArray[np.float64], ys: NDArray[np.float64]) -> NDArray[np.float64]:
        return np.asarray(axes.c2p(xs, ys), dtype=float).T

    return to_scene


def _box(axes: Axes) -> tuple[float, float]:
    """Scene ``y`` of the plot's bottom and top edges."""
    return float(axes.c2p(0, axes.y_range[0])[1]), float(axes.c2p(0, axes.y_range[1])[1])


class PolynomialCurve(VMobject):
    """A polynomial drawn on ``axes`` over their x-range, clipped to their y-range.

    Where the polynomial leaves the plot the curve stops exactly on its edge and resumes
    where it comes back, so it can swing far outside without leaving the picture.

    Parameters
    ----------
    axes
        Where to draw.
    coefficients
        In increasing powers of ``x``.
    extra_x
        x values drawn exactly, besides the sample grid (data points' x, to read the
        curve's height there without interpolation).
    """

    def __init__(
        self,
        axes: Axes,
        coefficients: ArrayLike,
        *,
        extra_x: Sequence[float] = (),
        color: ManimColor = theme.CURVE,
        stroke_width: float = 5,
    ) -> None:
        super().__init__(stroke_color=color, stroke_width=stroke_width)
        self.axes = axes
        self.coefficients = np.asarray(coefficients, dtype=float)
        lo, hi = float(axes.x_range[0]), float(axes.x_range[1])
        self.xs = sample_grid(lo, hi, SAMPLE_STEP, extra_x)
        self.redraw(self.coefficients)

    def redraw(self, coefficients: ArrayLike, to_scene: Mapper | None = None) -> None:
        """Draw ``coefficients`` through ``to_scene`` (default: the axes), clipped to the
        plot's box on screen."""
        to_scene = to_scene or _through(self.axes)
        points = to_scene(self.xs, evaluate(coefficients, self.xs))
        bottom, top = _box(self.axes)
        runs = clip_to_band(points[:, 0], points[:, 1], bottom, top)
        self.clear_points()
        for run in runs:
            scene_run = np.column_stack([run, np.zeros(len(run))])
            self.start_new_path(scene_run[0])
            self.add_points_as_corners(scene_run[1:])

    def create(self, run_time: float = 1.5) -> Animation:
        """Draw the curve from left to right."""
        return Create(self, run_time=run_time)

    def morph_to(self, coefficients: ArrayLike, run_time: float = 2.0) -> Animation:
        """Morph into another polynomial: every frame draws the blend ``(1 − s)·old + s·new``,
        so the height at every ``x`` moves straight from the old value to the new one."""
        old, new = self.coefficients, np.asarray(coefficients, dtype=float)
        self.coefficients = new

        def update(_: Mobject, s: float) -> None:
            self.redraw(blend(old, new, s))

        return UpdateFromAlphaFunc(self, update, run_time=run_time)

    def zoom_to(self, axes: Axes, run_time: float = 2.5) -> Animation:
        """Stretch the picture vertically from the current axes to ``axes`` (same x-axis, same
        place, a narrower y-range): the curve's heights scale smoothly (geometrically) from
        the old scale to the new, the old y numbers fade out, the new ones fade in.

        The scene adds ``axes.y_axis.numbers`` before playing it (they are made transparent
        here; the animation moves only what is already on screen, so the old axes stay
        whole), then swaps the axes and calls :meth:`settle_axes`."""
        old = self.axes
        origin = np.asarray(old.c2p(0, 0), dtype=float)
        k_old = float(old.c2p(0, 1)[1] - origin[1])
        k_new = float(axes.c2p(0, 1)[1] - axes.c2p(0, 0)[1])

        def scaled(alpha: float) -> Mapper:
            k = k_old * (k_new / k_old) ** alpha

            def to_scene(xs: NDArray[np.float64], ys: NDArray[np.float64]) -> NDArray[np.float64]:
                points = _through(old)(xs, np.zeros_like(ys))
                points[:, 1] = origin[1] + k * ys
                return points

            return to_scene

        def update(_: Mobject, alpha: float) -> None:
            self.redraw(self.coefficients, scaled(alpha))

        leaving, arriving = old.y_axis.numbers, axes.y_axis.numbers
        arriving.set_opacity(0.0)

        # the old numbers are gone by a third of the way, the new arrive in the last third
        # (two animations: a group of both would pull the old ones out of their axes)
        def fade_out(m: Mobject, s: float) -> None:
            m.set_opacity(max(0.0, 1.0 - 3.0 * s))

        def fade_in(m: Mobject, s: float) -> None:
            m.set_opacity(min(1.0, max(0.0, 3.0 * s - 2.0)))

        return AnimationGroup(
            UpdateFromAlphaFunc(self, update, run_time=run_time),
            UpdateFromAlphaFunc(leaving, fade_out, run_time=run_time, rate_func=linear),
            UpdateFromAlphaFunc(arriving, fade_in, run_time=run_time, rate_func=linear),
            # the curve, not a new group: a group holding the old numbers, added to the scene,
            # would pull them out of their axes
            group=self,  # type: ignore[arg-type]
        )

    def settle_axes(self, axes: Axes) -> None:
        """After :meth:`zoom_to`: read and draw through ``axes`` from now on."""
        self.axes = axes
        self.redraw(self.coefficients)

    def follower_dot(self, x: float, *, color: ManimColor, radius: float = 0.1) -> Dot:
        """A dot that rides the drawn curve at ``x`` (an updater): through every morph it sits
        at the height the curve is drawn at there."""
        dot = Dot(radius=radius, color=color)

        def ride(d: Mobject) -> None:
            d.move_to(self.axes.c2p(x, self.height_shown(x)))

        dot.add_updater(ride)
        ride(dot)
        return dot

    def dot_at(self, x: float, *, color: ManimColor, radius: float = 0.1) -> Dot:
        """A dot on the polynomial at ``x``."""
        return Dot(
            self.axes.c2p(x, float(evaluate(self.coefficients, x))), radius=radius, color=color
        )

    def slide(self, dot: Dot, x: float, run_time: float = 3.0) -> Animation:
        """Move ``dot`` along the polynomial from where it stands to ``x`` (constant speed
        in ``x``)."""
        start = float(coords(self.axes, dot)[0])

        def update(d: Mobject, s: float) -> None:
            at = start + s * (x - start)
            d.move_to(self.axes.c2p(at, float(evaluate(self.coefficients, at))))

        return UpdateFromAlphaFunc(dot, update, run_time=run_time, rate_func=linear)

    @reads_screen("geometry")
    def height_shown(self, x: float) -> float:
        """The drawn curve's height at ``x``, read through the axes (linear between the
        drawn samples, which lie on the sample grid)."""
        pts = coords(self.axes, self.get_anchors())
        order = np.argsort(pts[:, 0], kind="stable")
        xs, ys = pts[order, 0], pts[order, 1]
        if not xs[0] - 1e-9 <= x <= xs[-1] + 1e-9:
            raise ValueError(f"x = {x} is outside the drawn curve")
        near = np.abs(xs - x) < 1e-9
        if near.any():
            return float(np.mean(ys[near]))
        i = int(np.searchsorted(xs, x))
        if xs[i] - xs[i - 1] > 1.01 * SAMPLE_STEP:
            raise ValueError(f"the curve is not drawn at x = {x}: it is outside the plot there")
        return float(np.interp(x, xs, ys))


class RootDots(VGroup):
    """A dot on the x-axis at each real root of a polynomial."""

    def __init__(
        self,
        axes: Axes,
        coefficients: ArrayLike,
        *,
        color: ManimColor = theme.ACCENT,
        radius: float = 0.1,
    ) -> None:
        self.axes = axes
        self.roots = real_roots(coefficients)
        super().__init__(*(Dot(axes.c2p(r, 0), radius=radius, color=color) for r in self.roots))

    def create(self, run_time: float = 1.5) -> Animation:
        """The dots pop in from left to right."""
        return AnimationGroup(
            *(GrowFromCenter(d) for d in self), lag_ratio=0.5, run_time=run_time, group=self
        )

    @reads_screen("geometry")
    def roots_shown(self) -> NDArray[np.float64]:
        """Each dot's x, read back through the axes, left to right."""
        return np.sort(np.array([coords(self.axes, d)[0] for d in self]))

    @reads_screen("geometry")
    def heights_shown(self) -> NDArray[np.float64]:
        """Each dot's y through the axes (0 on the x-axis)."""
        return np.array([coords(self.axes, d)[1] for d in self])


class _PointSet(VGroup):
    """Data dots and the residual segment from each to the curve."""

    def __init__(
        self, axes: Axes, x: NDArray[np.float64], y: NDArray[np.float64], color: ManimColor
    ) -> None:
        super().__init__()
        self.x, self.y = x, y
        self.segments = VGroup(
            *(Line(stroke_color=color, stroke_width=3.5, stroke_opacity=0.0) for _ in x)
        )
        self.dots = VGroup(
            *(Dot(axes.c2p(a, b), radius=0.085, color=color) for a, b in zip(x, y, strict=True))
        )
        self.add(self.segments, self.dots)
        self.shown = False


class FitPlot(VGroup):
    """Noisy data from a smooth truth, a fitted polynomial and the residuals between them.

    Parts: ``truth`` (the smooth curve, dashed), ``train`` (dots and residual segments),
    ``curve`` (a :class:`PolynomialCurve`, drawn exactly at the data's x) and, after
    :meth:`add_fresh`, ``fresh`` (new points with their own residuals). The residual segments
    are redrawn with the curve at every frame, from the curve's drawn height to each dot.

    Parameters
    ----------
    axes
        Where to draw.
    x, y
        The training data.
    truth
        The smooth function the data came from.
    fresh_x, fresh_y
        New points from the same source, shown later.
    """

    def __init__(
        self,
        axes: Axes,
        x: ArrayLike,
        y: ArrayLike,
        truth: Callable[[NDArray[np.float64]], NDArray[np.float64]],
        *,
        fresh_x: ArrayLike = (),
        fresh_y: ArrayLike = (),
        color: ManimColor = theme.CURVE,
        dot_color: ManimColor = theme.DOT,
        residual_color: ManimColor = theme.BAD,
        fresh_color: ManimColor = theme.GOOD,
    ) -> None:
        super().__init__()
        self.axes = axes
        self.truth_function = truth
        xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        fx, fy = np.asarray(fresh_x, dtype=float), np.asarray(fresh_y, dtype=float)
        truth_curve = axes.plot(
            lambda t: float(truth(np.asarray(t))), color=theme.MUTED, stroke_width=3
        )
        self.truth = DashedVMobject(truth_curve, num_dashes=60)
        self.train = _PointSet(axes, xs, ys, dot_color)
        self.train.dots.set_opacity(0.0)  # until :meth:`sample` brings them in
        for segment in self.train.segments:
            segment.set_stroke(color=residual_color)
        self.fresh = _PointSet(axes, fx, fy, fresh_color)
        self.fresh_color = fresh_color
        self.curve = PolynomialCurve(
            axes, np.zeros(1), extra_x=[*xs.tolist(), *fx.tolist()], color=color
        )
        self.add(self.truth, self.train)

    # --- animations -----------------------------------------------------------------------
    def draw_truth(self, run_time: float = 1.5) -> Animation:
        """The smooth truth, drawn left to right."""
        return Create(self.truth, run_time=run_time)

    def sample(self, run_time: float = 2.0) -> Animation:
        """Each point appears on the truth, then is knocked off it by its noise."""
        dots = self.train.dots
        targets = [d.get_center() for d in dots]
        starts = [self.axes.c2p(x, float(self.truth_function(np.asarray(x)))) for x in self.train.x]
        n = len(dots)

        def update(_: Mobject, alpha: float) -> None:
            for i, (d, s, t) in enumerate(zip(dots, starts, targets, strict=True)):
                # one after another: each appears on the truth, then drops to its value
                u = min(max((alpha - 0.5 * i / max(n - 1, 1)) / 0.5, 0.0), 1.0)
                d.set_opacity(min(u / 0.3, 1.0))
                fall = smooth(min(max((u - 0.3) / 0.7, 0.0), 1.0))
                d.move_to(np.asarray(s) + fall * (np.asarray(t) - np.asarray(s)))

        return UpdateFromAlphaFunc(dots, update, run_time=run_time, rate_func=linear)

    def show_fit(self, coefficients: ArrayLike, run_time: float = 1.5) -> Animation:
        """Draw the first fitted curve, left to right."""
        self.curve.coefficients = np.asarray(coefficients, dtype=float)
        self.curve.redraw(self.curve.coefficients)
        self.add_to_back(self.curve)
        self.remove(self.truth)
        self.add_to_back(self.truth)
        return self.curve.create(run_time)

    def show_residuals(self, run_time: float = 1.5) -> Animation:
        """The training points' residuals grow from the curve to each point."""
        return self._grow_residuals(self.train, run_time)

    def add_fresh(self, run_time: float = 2.0) -> Animation:
        """The new points pop in, then their residuals grow from the curve."""
        self.add(self.fresh)
        pop = AnimationGroup(
            *(GrowFromCenter(d) for d in self.fresh.dots), lag_ratio=0.15, run_time=run_time / 2
        )
        return AnimationGroup(
            pop, self._grow_residuals(self.fresh, run_time / 2), lag_ratio=1.0, group=self
        )

    def _grow_residuals(self, points: _PointSet, run_time: float) -> Animation:
        points.shown = True

        def update(_: Mobject, s: float) -> None:
            self._place_segments(points, s)

        return UpdateFromAlphaFunc(points.segments, update, run_time=run_time)

    def _place_segments(self, points: _PointSet, reach: float = 1.0) -> None:
        """Each segment from the curve's drawn height at its x to ``reach`` of the way to its
        dot (1: the whole residual)."""
        for x, segment, dot in zip(points.x, points.segments, points.dots, strict=True):
            start = np.asarray(self.axes.c2p(x, self.curve.height_shown(x)), dtype=float)
            end = start + reach * (dot.get_center() - start)
            set_segment(segment, start, end)
            segment.set_stroke(opacity=1.0 if reach > 0 else 0.0)

    def morph_to(self, coefficients: ArrayLike, run_time: float = 3.0) -> Animation:
        """Morph the curve into another fit; the residual segments follow it at every frame."""
        old, new = self.curve.coefficients, np.asarray(coefficients, dtype=float)
        self.curve.coefficients = new
        shown = [p for p in (self.train, self.fresh) if p.shown]

        def update(_: Mobject, s: float) -> None:
            self.curve.redraw(blend(old, new, s))
            for points in shown:
                self._place_segments(points)

        return UpdateFromAlphaFunc(
            VGroup(self.curve, *(p.segments for p in shown)), update, run_time=run_time
        )

    def legend(self, size: int = theme.LABEL_SIZE) -> VGroup:
        """What the marks are, one row each in the plot's own styles: the true curve, a
        measurement, a residual and a new point (``legend()[k]``)."""
        rows = VGroup()
        truth = DashedVMobject(
            Line(0.3 * LEFT, 0.3 * RIGHT, stroke_color=theme.MUTED, stroke_width=3), num_dashes=4
        )
        data = Dot(radius=0.085, color=self.train.dots[0].get_color())
        residual = Line(
            0.22 * DOWN, 0.22 * UP, stroke_color=self.train.segments[0].get_stroke_color()
        ).set_stroke(width=3.5)
        fresh = Dot(radius=0.085, color=self.fresh_color)
        for glyph, words in (
            (truth, "true curve"),
            (data, "measurement"),
            (residual, "residual"),
            (fresh, "new point"),
        ):
            glyph.move_to(ORIGIN)
            label = theme.text(words, size=size, color=theme.TEXT)
            label.move_to(0.55 * RIGHT, aligned_edge=LEFT)
            rows.add(VGroup(glyph, label))
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.28)
        for row in rows:  # one column of glyphs, the words starting at one x
            row[0].set_x(rows[0][0].get_x())
            row[1].set_x(rows[0][1].get_left()[0], direction=LEFT)
        return rows

    # --- read back ------------------------------------------------------------------------
    @reads_screen("count")
    def points_drawn(self) -> int:
        """How many training dots are drawn."""
        return sum(1 for d in self.train.dots if d.get_fill_opacity() > theme.VISIBLE_OPACITY)

    @reads_screen("geometry")
    def points_shown(self) -> NDArray[np.float64]:
        """The training dots' centres through the axes, ``(n, 2)``."""
        return np.array([coords(self.axes, d) for d in self.train.dots])

    def _residuals(self, points: _PointSet) -> NDArray[np.float64]:
        return np.array(
            [
                coords(self.axes, s.get_end())[1] - coords(self.axes, s.get_start())[1]
                for s in points.segments
            ]
        )

    @reads_screen("geometry")
    def residuals_shown(self) -> NDArray[np.float64]:
        """Signed training residuals ``y − ŷ``: each drawn segment's end minus its start."""
        return self._residuals(self.train)

    @reads_screen("geometry")
    def training_error_shown(self) -> float:
        """Mean square of the drawn training residual segments (through the axes)."""
        return float(np.mean(self._residuals(self.train) ** 2))

    @reads_screen("geometry")
    def fresh_error_shown(self) -> float:
        """Mean square of the drawn residual segments of the new points."""
        return float(np.mean(self._residuals(self.fresh) ** 2))

    @reads_screen("geometry")
    def max_distance_shown(self) -> float:
        """The largest vertical distance between the drawn curve and a drawn training dot,
        each read through the axes (the curve at the dot's x from its own anchors)."""
        return float(
            max(
                abs(self.curve.height_shown(float(p[0])) - float(p[1])) for p in self.points_shown()
            )
        )
