"""Distributions drawn from live parameters: PMF bars, a density curve, a mean marker.

Every part here is redrawn at every frame from a *model source*, a callable returning one of
the models of :mod:`mathviz.maths.distributions` (typically built from
:class:`~mathviz.primitives.slider.Slider` values), so what is drawn is always the drawing of
one true distribution, in motion too:

* :func:`distribution_axes` — axes for a distribution: numbers along the bottom and left edges,
  no vertical axis line through the data, faint horizontal guides at the numbered heights;
* :class:`ParametricPmfBars` — one bar per whole number ``k`` up to ``k_max``, as tall as ``P(k)``
  (bars outside the support are hidden);
* :class:`DensityCurve` — a density drawn over a window, with the region under it filled;
* :class:`MeanMarker` — a vertical line at the mean and a band one standard deviation either
  side of it;
* :class:`GapMarker` — a segment marking where bars and a curve are furthest apart;
* :class:`SlideTo` — a slider's value moved without its tracker joining the scene.

Values are read back through the axes (``*_shown``): bar heights, how many bars are drawn, the
curve's height at an input, the filled area, the marker's position, the band's half-width,
and :func:`max_gap_shown`, the largest vertical gap between bar tops and a curve.

Layer-order note: each part redraws itself in an updater on its own group; its animations
are built on the group itself (which pauses that updater while they play and redraws from
state instead).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from manim import (
    Axes,
    Line,
    ManimColor,
    VGroup,
    VMobject,
    smooth,
)
from manim.animation.animation import Animation
from numpy.typing import NDArray

from mathviz import theme
from mathviz.maths.distributions import Discrete, Normal
from mathviz.maths.integrals import polygon_area
from mathviz.primitives.motion import Redraw, StateTween
from mathviz.primitives.plots import number_edges, set_segment
from mathviz.primitives.readout import coords
from mathviz.primitives.slider import Slider
from mathviz.readings import reads_screen

__all__ = [
    "distribution_axes",
    "ParametricPmfBars",
    "DensityCurve",
    "MeanMarker",
    "SlideTo",
    "GapMarker",
    "max_gap_shown",
]

Floats = NDArray[np.float64]
#: a bar or band thinner than this (scene units) is not drawn
_HAIR = 1e-6


def distribution_axes(
    x_range: tuple[float, float, float],
    y_range: tuple[float, float, float],
    *,
    x_length: float,
    y_length: float,
    y_decimals: int = 1,
    font_size: int = 24,
) -> Axes:
    """Axes for a distribution: a muted x-axis along the bottom, numbered at the multiples of
    ``x_range``'s step; the heights numbered at the left edge with faint guides across the
    plot; no vertical axis line (it would run through the bar at zero).

    ``x_range`` may start a little below a whole number (``-0.9``) so that the first bar fits:
    numbers sit at multiples of the step only.
    """
    axes = Axes(
        x_range=x_range,
        y_range=y_range,
        x_length=x_length,
        y_length=y_length,
        tips=False,
        axis_config={"color": theme.MUTED, "font_size": font_size, "stroke_width": 2.5},
        x_axis_config={"include_ticks": False},
        y_axis_config={"include_ticks": False},
    )
    number_edges(axes, y_decimals=y_decimals)
    axes.y_axis.set_stroke(opacity=0)
    zero = axes.y_axis.numbers[0]
    axes.y_axis.numbers.remove(zero)  # the x-axis marks zero height
    left, right = axes.x_range[0], axes.x_range[1]
    guides = VGroup(
        *(
            Line(
                axes.c2p(left, y),
                axes.c2p(right, y),
                stroke_color=theme.GRID,
                stroke_width=1.5,
                stroke_opacity=0.6,
            )
            for y in axes.y_axis.get_tick_range()
            if y > 1e-9
        )
    )
    guides.name = "height guides"
    axes.add_to_back(guides)
    return axes


class ParametricPmfBars(VGroup):
    """One bar per ``k = 0 … k_max`` of a PMF, redrawn at every frame from ``model()``.

    A bar stands on the x-axis at ``k`` and is ``P(k)`` tall (through the axes); a ``k``
    outside the model's support (``k > n`` for a binomial) has no bar.

    Parameters
    ----------
    axes
        Where to draw.
    model
        Called at every frame: the distribution to draw (a Bernoulli, binomial or Poisson).
    k_max
        The largest ``k`` given a bar (the bars drawn are ``0 … k_max``).
    color
        The bars' fill.
    width
        A bar's width in units of ``k``.
    """

    def __init__(
        self,
        axes: Axes,
        model: Callable[[], Discrete],
        k_max: int,
        *,
        color: ManimColor = theme.AREA,
        width: float = 0.7,
        opacity: float = 0.9,
    ) -> None:
        super().__init__()
        self.axes, self.model, self.k_max = axes, model, int(k_max)
        self.bar_width, self.bar_opacity = float(width), float(opacity)
        self.bars = VGroup(
            *(
                VMobject(stroke_width=0, fill_color=color, fill_opacity=opacity)
                for _ in range(self.k_max + 1)
            )
        )
        self.bars.name = "PMF bars"
        self.add(self.bars)
        #: the share of each bar's height drawn (0 → 1 while the bars grow in)
        self.grown = 1.0
        self._redraw()
        self.add_updater(lambda _: self._redraw())

    def _redraw(self) -> None:
        model, axes = self.model(), self.axes
        probs = model.probabilities(self.k_max)
        top = self.k_max if model.largest is None else min(model.largest, self.k_max)
        half = 0.5 * self.bar_width
        for k, bar in enumerate(self.bars):
            inside = k <= top
            h = float(probs[k]) * self.grown if inside else 0.0
            corners = [axes.c2p(k - half, 0.0), axes.c2p(k + half, 0.0)]
            corners += [axes.c2p(k + half, h), axes.c2p(k - half, h)]
            if corners[2][1] - corners[1][1] < _HAIR:  # a bar of no height: a hair tall
                corners[2] = corners[1] + np.array([0.0, _HAIR, 0.0])
                corners[3] = corners[0] + np.array([0.0, _HAIR, 0.0])
            bar.set_points_as_corners([*corners, corners[0]])
            bar.set_fill(opacity=self.bar_opacity if inside else 0.0)

    def grow(self, run_time: float = 1.5) -> Animation:
        """Grow every bar up from the x-axis to its height."""
        self.grown = 0.0
        self._redraw()
        return StateTween(self, self, {"grown": 1.0}, self._redraw, run_time=run_time)

    # --- read back ------------------------------------------------------------------------
    def drawn(self) -> list[bool]:
        """Which bars are drawn (visible), ``k = 0 … k_max``."""
        return [float(bar.get_fill_opacity()) > theme.VISIBLE_OPACITY for bar in self.bars]

    @reads_screen("geometry")
    def heights_shown(self) -> Floats:
        """Every bar's height through the axes, ``k = 0 … k_max`` (0 where none is drawn)."""
        out = []
        for bar, drawn in zip(self.bars, self.drawn(), strict=True):
            (_, bottom), (_, top) = coords(self.axes, np.array([bar.get_bottom(), bar.get_top()]))
            out.append(float(top - bottom) if drawn else 0.0)
        return np.array(out, dtype=float)

    @reads_screen("geometry")
    def centres_shown(self) -> Floats:
        """Each drawn bar's centre along x, through the axes (the ``k`` it stands at)."""
        return np.array(
            [
                float(coords(self.axes, bar.get_bottom())[0])
                for bar, drawn in zip(self.bars, self.drawn(), strict=True)
                if drawn
            ]
        )

    @reads_screen("count")
    def count_shown(self) -> int:
        """How many bars are drawn."""
        return sum(self.drawn())


class DensityCurve(VGroup):
    """A normal density over ``window``, redrawn at every frame from ``model()``, with the
    region between it and the x-axis filled.

    Parameters
    ----------
    axes
        Where to draw.
    model
        Called at every frame: the normal to draw.
    window
        ``(x0, x1)``: the inputs drawn.
    samples
        Evenly spaced inputs per drawing; the model's mean and every value of ``pins`` are
        added as samples too, so the curve's drawn height there is exact.
    pins
        Inputs always sampled (the whole numbers where bars stand, say).
    fill_opacity
        Of the region under the curve (0: no region).
    """

    def __init__(
        self,
        axes: Axes,
        model: Callable[[], Normal],
        window: tuple[float, float],
        *,
        samples: int = 241,
        pins: Sequence[float] = (),
        color: ManimColor = theme.CURVE,
        fill_color: ManimColor = theme.AREA,
        fill_opacity: float = 0.45,
        stroke_width: float = 5.0,
    ) -> None:
        super().__init__()
        self.axes, self.model = axes, model
        self.window = (float(window[0]), float(window[1]))
        self.grid = np.linspace(*self.window, samples)
        self.pins = np.array([float(x) for x in pins], dtype=float)
        self.region = VMobject(stroke_width=0, fill_color=fill_color, fill_opacity=fill_opacity)
        self.region.name = "area under the density"
        self.curve = VMobject(stroke_color=color, stroke_width=stroke_width)
        self.curve.name = "density curve"
        self.has_region = fill_opacity > 0
        if self.has_region:
            self.add(self.region)
        self.add(self.curve)
        #: the right end of the part drawn so far (the window's end once drawn in)
        self.drawn_to = self.window[1]
        self._redraw()
        self.add_updater(lambda _: self._redraw())

    def _redraw(self) -> None:
        model, axes = self.model(), self.axes
        x0 = self.window[0]
        x1 = max(self.drawn_to, x0 + 1e-6)
        xs = np.concatenate([self.grid, self.pins, [model.mu]])
        xs = np.unique(xs[(xs >= x0) & (xs <= x1)])
        xs = np.unique(np.concatenate([[x0], xs, [x1]]))
        ys = model.densities(xs)
        points = np.asarray(axes.c2p(xs, ys), dtype=float).T
        self.curve.set_points_as_corners(points)
        if self.has_region:
            base = np.asarray(axes.c2p(np.array([x1, x0]), np.zeros(2)), dtype=float).T
            outline = np.vstack([points, base, points[:1]])
            self.region.set_points_as_corners(outline)

    def sweep_in(self, run_time: float = 1.5) -> Animation:
        """Draw the curve (and its region) in from the left end of the window to the right."""
        self.drawn_to = self.window[0]
        self._redraw()
        return StateTween(self, self, {"drawn_to": self.window[1]}, self._redraw, run_time=run_time)

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def curve_shown(self) -> Floats:
        """The drawn curve's vertices through the axes, ``(n, 2)``."""
        pts = self.curve.points
        return coords(self.axes, np.vstack([pts[0::4], pts[-1:]]))

    @reads_screen("geometry")
    def height_shown(self, x: float) -> float:
        """The drawn curve's height at input ``x`` (between vertices: on the straight piece)."""
        drawn = self.curve_shown()
        return float(np.interp(float(x), drawn[:, 0], drawn[:, 1]))

    @reads_screen("geometry")
    def heights_shown(self, xs: Sequence[float]) -> Floats:
        """The drawn curve's height at each input of ``xs``."""
        drawn = self.curve_shown()
        heights = np.interp(np.asarray(xs, dtype=float), drawn[:, 0], drawn[:, 1])
        return np.asarray(heights, dtype=np.float64)

    @reads_screen("area")
    def area_shown(self) -> float:
        """The filled region's area through the axes (shoelace over its outline)."""
        corners = self.region.points[:: self.region.n_points_per_curve]
        return abs(polygon_area(coords(self.axes, corners)))

    @reads_screen("geometry")
    def peak_shown(self) -> Floats:
        """``(x, height)`` of the drawn curve's highest vertex."""
        drawn = self.curve_shown()
        return np.asarray(drawn[int(np.argmax(drawn[:, 1]))], dtype=float)


class MeanMarker(VGroup):
    """A vertical line at a distribution's mean, over a band one standard deviation either
    side of it, both spanning the plot's height; redrawn at every frame from ``model()``.

    Parameters
    ----------
    axes
        Where to draw.
    model
        Called at every frame: anything with ``mean`` and ``variance``.
    color, band_color
        The line's colour and the band's fill.
    """

    def __init__(
        self,
        axes: Axes,
        model: Callable[[], Discrete | Normal],
        *,
        color: ManimColor = theme.ACCENT,
        band_color: ManimColor = theme.PROJECTION,
        band_opacity: float = 0.25,
        stroke_width: float = 5.0,
    ) -> None:
        super().__init__()
        self.axes, self.model = axes, model
        self.band = VMobject(stroke_width=0, fill_color=band_color, fill_opacity=band_opacity)
        self.band.name = "one standard deviation either side of the mean"
        self.line = Line(stroke_color=color, stroke_width=stroke_width)
        self.line.name = "mean marker"
        self.line.set_z_index(1)  # over the bars it stands among; the band stays behind them
        self.add(self.band, self.line)
        self._redraw()
        self.add_updater(lambda _: self._redraw())

    def _redraw(self) -> None:
        model, axes = self.model(), self.axes
        mean, sd = float(model.mean), float(np.sqrt(model.variance))
        top = float(axes.y_range[1])
        set_segment(self.line, axes.c2p(mean, 0.0), axes.c2p(mean, top))
        corners = [
            axes.c2p(mean - sd, 0.0),
            axes.c2p(mean + sd, 0.0),
            axes.c2p(mean + sd, top),
            axes.c2p(mean - sd, top),
        ]
        if corners[1][0] - corners[0][0] < _HAIR:
            corners[1] = corners[0] + np.array([_HAIR, 0.0, 0.0])
            corners[2] = corners[3] + np.array([_HAIR, 0.0, 0.0])
        self.band.set_points_as_corners([*corners, corners[0]])

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def mean_shown(self) -> float:
        """Where the line stands along x, through the axes."""
        return float(coords(self.axes, self.line.get_start())[0])

    @reads_screen("geometry")
    def sd_shown(self) -> float:
        """The band's half-width through the axes (one standard deviation)."""
        left = coords(self.axes, self.band.get_left())[0]
        right = coords(self.axes, self.band.get_right())[0]
        return float(0.5 * (right - left))

    @reads_screen("geometry")
    def variance_shown(self) -> float:
        """The band's half-width squared: the variance the drawing shows."""
        return self.sd_shown() ** 2


class SlideTo(Redraw):
    """Move a :class:`~mathviz.primitives.slider.Slider`'s value to ``value`` (smoothly, from
    the value it holds when the animation begins) without putting its tracker on stage.

    The animated mobject is an empty one and the tracker is set from outside; the knob, the
    readout and everything drawn from the slider follow it at every frame through their
    updaters (:meth:`Slider.animate_to` would do as well now that the layout lint ignores
    trackers; what this adds is the whole-number stepping). With ``whole``
    the value steps through the whole numbers on the way (a count such as ``n`` never holds
    a fraction, so the knob clicks from one whole number to the next).
    """

    def __init__(self, slider: Slider, value: float, *, whole: bool = False, **kwargs: Any) -> None:
        if not slider.value_range.contains(value):
            raise ValueError(f"{value} is outside the slider's range")
        if whole and not (float(value).is_integer() and slider.value.is_integer()):
            raise ValueError("a whole-number slider moves between whole numbers")
        self.slider, self.target, self.whole = slider, float(value), whole
        self.start = slider.value
        kwargs.setdefault("rate_func", smooth)
        kwargs.setdefault("run_time", 2.0)
        super().__init__(VMobject(), **kwargs)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.start = self.slider.value
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = float(self.rate_func(alpha))
        value = self.start + (self.target - self.start) * t
        self.slider.tracker.set_value(float(round(value)) if self.whole else value)


class GapMarker(Line):
    """A vertical segment from a bar's top to the curve above or below it, at the bar where
    the two are furthest apart (:func:`largest_gap_shown`), redrawn at every frame from the
    drawing. Add it to the scene after the bars and the curve, so it is redrawn after them.
    """

    def __init__(
        self,
        bars: ParametricPmfBars,
        curve: DensityCurve,
        *,
        color: ManimColor = theme.BAD,
        stroke_width: float = 6.0,
    ) -> None:
        super().__init__(stroke_color=color, stroke_width=stroke_width)
        self.bars, self.curve = bars, curve
        self.name = "largest gap"
        self.set_z_index(1)
        self._redraw()
        self.add_updater(lambda _: self._redraw())

    def _redraw(self) -> None:
        k, top, level = _largest_gap(self.bars, self.curve)
        axes = self.bars.axes
        set_segment(self, axes.c2p(k, top), axes.c2p(k, level))

    @reads_screen("geometry")
    def length_shown(self) -> float:
        """The segment's length through the axes (the gap it marks)."""
        (_, y0), (_, y1) = coords(self.bars.axes, np.array(self.get_start_and_end()))
        return float(abs(y1 - y0))


def _largest_gap(bars: ParametricPmfBars, curve: DensityCurve) -> tuple[int, float, float]:
    """``(k, bar height, curve height)`` where a drawn bar is furthest from the curve."""
    heights, drawn = bars.heights_shown(), curve.curve_shown()
    best = (0, 0.0, 0.0)
    for k, (h, seen) in enumerate(zip(heights, bars.drawn(), strict=True)):
        if seen and drawn[0, 0] <= k <= drawn[-1, 0]:
            level = float(np.interp(float(k), drawn[:, 0], drawn[:, 1]))
            if abs(float(h) - level) > abs(best[1] - best[2]):
                best = (k, float(h), level)
    return best


@reads_screen("geometry")
def max_gap_shown(bars: ParametricPmfBars, curve: DensityCurve) -> float:
    """The largest vertical gap between a drawn bar's top and the drawn curve above or below
    its centre (bars outside the curve's window are skipped)."""
    _, top, level = _largest_gap(bars, curve)
    return abs(top - level)
