"""Random walkers drawn in time: their paths fanning out, a ±√n band, a sideways histogram of
where they stand, and a small Markov chain of the walk's states.

Built on :mod:`mathviz.maths.random_walk`. Each class is redrawn from a small state (the time
``t`` in ticks) so that what is on screen is always the picture of one moment; animations are
:class:`~mathviz.primitives.motion.StateTween` moves of that state. Read-backs convert the
drawn points back through the axes:

* :class:`WalkCloud` — each walker's path from tick 0 to ``t`` (one thin polyline each) and
  a dot at its head; a leading walker drawn bold, with its own marker on the position axis.
  Reads: the tick the heads stand at, the heads' positions, their sample variance and the
  share of heads inside a band, the number of heads drawn;
* :class:`SqrtBand` — the region ``|x| ≤ √s`` for ``0 ≤ s ≤ t``; reads its half-width at ``t``;
* :class:`SideHistogram` — horizontal bars, one per position, counting heads; reads counts;
* :class:`MarkovStrip` — states in a row with ½-arrows both ways and a token hopping.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    UP,
    Animation,
    AnimationGroup,
    Axes,
    Circle,
    CurvedArrow,
    Dot,
    GrowFromEdge,
    LaggedStart,
    ManimColor,
    Rectangle,
    VGroup,
    VMobject,
)
from numpy.typing import ArrayLike, NDArray

from mathviz import theme
from mathviz.maths.random_walk import position_at, sample_variance
from mathviz.primitives.motion import StateTween, built
from mathviz.primitives.plots import number_edges, scene_points
from mathviz.readings import reads_screen

__all__ = ["walk_axes", "WalkCloud", "SqrtBand", "SideHistogram", "MarkovStrip"]

FloatArray = NDArray[np.float64]


def _polyline_points(corners: FloatArray) -> FloatArray:
    """Cubic Bézier points of straight segments through ``corners`` (n, 3)."""
    a, b = corners[:-1], corners[1:]
    out = np.empty((4 * len(a), 3))
    out[0::4], out[1::4], out[2::4], out[3::4] = a, a + (b - a) / 3, a + 2 * (b - a) / 3, b
    return out


def walk_axes(
    x_range: tuple[float, float, float],
    y_range: tuple[float, float, float],
    *,
    origin: Sequence[float],
    x_length: float,
    y_length: float,
) -> Axes:
    """Axes for walks (x: ticks or counts, y: position) with ``(0, 0)`` at ``origin`` and
    their numbers along the bottom and left edges (:func:`~mathviz.primitives.plots.number_edges`)."""
    axes = Axes(
        x_range=x_range,
        y_range=y_range,
        x_length=x_length,
        y_length=y_length,
        tips=False,
        axis_config={"color": theme.MUTED, "stroke_width": 2},
    )
    axes.shift(np.array([origin[0], origin[1], 0.0]) - axes.c2p(0, 0))
    return number_edges(axes)


def _clean(value: float) -> float:
    """A coordinate read back through axes, without floating-point dust (no ``-0``)."""
    return float(np.round(float(value), 9)) + 0.0


class _TimeState:
    def __init__(self, t: float, shown: float) -> None:
        self.t, self.shown = t, shown


class WalkCloud(VGroup):
    """Walkers' paths on ``axes`` (x: ticks, y: position), drawn up to time ``t``.

    Parameters
    ----------
    axes
        x is the tick, y the position.
    paths
        ``(walkers, steps + 1)`` positions (:func:`~mathviz.maths.random_walk.walk_paths`).
    lead_color, crowd_color
        The first walker's colour, and the others'.
    """

    def __init__(
        self,
        axes: Axes,
        paths: ArrayLike,
        *,
        lead_color: ManimColor = theme.ACCENT,
        crowd_color: ManimColor = theme.PATH,
    ) -> None:
        super().__init__()
        self.axes = axes
        self.paths = np.asarray(paths, dtype=float)
        self.state = _TimeState(0.0, 1.0)
        walkers, ticks = self.paths.shape
        flat = np.asarray(
            axes.c2p(np.tile(np.arange(ticks, dtype=float), walkers), self.paths.ravel())
        )
        #: scene points of every walker at every tick (the axes are affine: interpolating
        #: here is interpolating positions)
        self._grid = flat.T.reshape(walkers, ticks, 3)
        self.crowd_trails = VMobject(
            stroke_color=crowd_color, stroke_width=1.2, stroke_opacity=0.35
        )
        self.lead_trail = VMobject(stroke_color=lead_color, stroke_width=4)
        self.heads = VGroup(*(Dot(radius=0.045, color=crowd_color) for _ in range(len(self.paths))))
        self.heads[0].set_color(lead_color).scale(2.2)
        self.marker = Dot(radius=0.13, color=lead_color)
        self.add(self.crowd_trails, self.heads[1:], self.lead_trail, self.heads[0], self.marker)
        self.redraw()

    # --- drawing --------------------------------------------------------------------------
    def _corners(self, walker: int, t: float) -> FloatArray:
        k = min(int(np.floor(t)), self.paths.shape[1] - 1)
        corners = self._grid[walker, : k + 1]
        if t - k > 1e-9 and k + 1 < self.paths.shape[1]:
            a, b = self._grid[walker, k], self._grid[walker, k + 1]
            corners = np.vstack([corners, a + (t - k) * (b - a)])
        return corners

    def redraw(self) -> None:
        """Draw every shown walker up to ``state.t``."""
        t = float(self.state.t)
        shown = int(round(self.state.shown))
        heads = position_at(self.paths, t)
        points = np.asarray(self.axes.c2p(np.full(len(heads), t), heads)).T
        for i, dot in enumerate(self.heads):
            dot.move_to(points[i])
            dot.set_opacity(1.0 if i < shown else 0.0)
        self.marker.move_to(self.axes.c2p(0.0, heads[0]))
        if t <= 1e-9:
            self.lead_trail.clear_points()
            self.crowd_trails.clear_points()
            return
        self.lead_trail.set_points(_polyline_points(self._corners(0, t)))
        crowd = [_polyline_points(self._corners(i, t)) for i in range(1, shown)]
        if crowd:
            self.crowd_trails.set_points(np.concatenate(crowd))
        else:
            self.crowd_trails.clear_points()

    def walk_to(self, t: float, **kwargs: object) -> Animation:
        """Advance the shown walkers to tick ``t`` (linear in time)."""
        kwargs.setdefault("rate_func", lambda a: a)
        return StateTween(self, self.state, {"t": t}, self.redraw, **kwargs)

    def release(self, count: int) -> Animation:
        """Show ``count`` walkers at once (their heads appear where they stand)."""
        return StateTween(self, self.state, {"shown": count}, self.redraw)

    def colour_inside(self, half_width: float, color: ManimColor) -> Animation:
        """Recolour, one after another from the middle out, the drawn heads within
        ``±half_width``."""
        heads = [
            d
            for d in self._visible_heads()
            if abs(self.axes.p2c(d.get_center())[1]) <= half_width + 1e-6
        ]
        heads.sort(key=lambda d: abs(float(self.axes.p2c(d.get_center())[1])))
        return LaggedStart(*(built(d.animate.set_color(color)) for d in heads), lag_ratio=0.05)

    # --- read-backs -----------------------------------------------------------------------
    @reads_screen("count")
    def coloured_shown(self, color: ManimColor) -> int:
        """How many drawn heads are filled with ``color``."""
        want = ManimColor(color).to_hex()
        return sum(1 for d in self._visible_heads() if d.get_fill_color().to_hex() == want)

    def _visible_heads(self) -> list[VMobject]:
        return [d for d in self.heads if d.get_fill_opacity() > theme.VISIBLE_OPACITY]

    @reads_screen("count")
    def walkers_shown(self) -> int:
        """How many walkers' heads are drawn."""
        return len(self._visible_heads())

    @reads_screen("geometry")
    def tick_shown(self) -> float:
        """The tick the heads stand at (the lead head's x through the axes)."""
        return _clean(self.axes.p2c(self.heads[0].get_center())[0])

    @reads_screen("geometry")
    def lead_shown(self) -> float:
        """The lead walker's position, read from its marker on the position axis."""
        return _clean(self.axes.p2c(self.marker.get_center())[1])

    @reads_screen("geometry")
    def positions_shown(self) -> FloatArray:
        """Every drawn head's position through the axes."""
        heads = self._visible_heads()
        return np.array([_clean(self.axes.p2c(d.get_center())[1]) for d in heads])

    @reads_screen("geometry")
    def variance_shown(self) -> float:
        """Sample variance of the drawn heads' positions."""
        return sample_variance(np.asarray(self.positions_shown(), dtype=float))

    @reads_screen("count")
    def inside_shown(self, half_width: float) -> int:
        """How many drawn heads lie within ``±half_width`` of 0."""
        x = np.asarray(self.positions_shown(), dtype=float)
        return int(np.count_nonzero(np.abs(x) <= half_width + 1e-6))


class SqrtBand(VGroup):
    """The band ``|x| ≤ √s`` for ticks ``0 ≤ s ≤ t``, shaded, with its two edges drawn."""

    def __init__(self, axes: Axes, *, color: ManimColor = theme.GOOD, samples: int = 120) -> None:
        super().__init__()
        self.axes, self.samples = axes, samples
        self.state = _TimeState(0.0, 1.0)
        self.fill = VMobject(stroke_width=0).set_fill(color, opacity=0.16)
        self.upper = VMobject(stroke_color=color, stroke_width=3.5)
        self.lower = VMobject(stroke_color=color, stroke_width=3.5)
        self.add(self.fill, self.upper, self.lower)
        self.redraw()

    def redraw(self) -> None:
        """Draw the band up to ``state.t``."""
        t = float(self.state.t)
        if t <= 1e-9:
            for part in (self.fill, self.upper, self.lower):
                part.clear_points()
            return
        s = t * np.linspace(0.0, 1.0, self.samples) ** 2
        top = scene_points(self.axes, np.column_stack([s, np.sqrt(s)]))
        bottom = scene_points(self.axes, np.column_stack([s, -np.sqrt(s)]))
        self.upper.set_points_smoothly(top)
        self.lower.set_points_smoothly(bottom)
        self.fill.set_points_as_corners(np.concatenate([top, bottom[::-1], top[:1]]))

    def grow_to(self, t: float, **kwargs: object) -> Animation:
        """Extend the band to tick ``t`` (linear in time, like :meth:`WalkCloud.walk_to`)."""
        kwargs.setdefault("rate_func", lambda a: a)
        return StateTween(self, self.state, {"t": t}, self.redraw, **kwargs)

    @reads_screen("geometry")
    def half_width_shown(self) -> float:
        """The band's half-width at its right end, from its two edges through the axes
        (0 before it is drawn)."""
        if len(self.upper.points) == 0 or len(self.lower.points) == 0:
            return 0.0
        top = self.axes.p2c(self.upper.get_end())[1]
        bottom = self.axes.p2c(self.lower.get_end())[1]
        return _clean((top - bottom) / 2)


class SideHistogram(VGroup):
    """Horizontal bars on ``axes`` (x: count, y: position), one per position value.

    Parameters
    ----------
    axes
        Its y axis matches the walk's position axis.
    positions
        The values to count (integers).
    """

    def __init__(
        self,
        axes: Axes,
        positions: ArrayLike,
        *,
        color: ManimColor = theme.PATH,
        width: float = 1.6,
    ) -> None:
        super().__init__()
        self.axes = axes
        values, counts = np.unique(np.asarray(positions, dtype=int), return_counts=True)
        self.values = values
        self.bars = VGroup()
        unit_h = abs(axes.c2p(0, 1)[1] - axes.c2p(0, 0)[1])
        for v, c in zip(values, counts, strict=True):
            length = axes.c2p(float(c), 0)[0] - axes.c2p(0, 0)[0]
            bar = Rectangle(width=length, height=width * unit_h, stroke_width=0)
            bar.set_fill(color, opacity=0.85)
            bar.move_to(axes.c2p(0, float(v)), aligned_edge=LEFT)
            self.bars.add(bar)
        self.add(self.bars)

    def grow(self) -> Animation:
        """The bars grow out of the position axis."""
        return AnimationGroup(*(GrowFromEdge(b, LEFT) for b in self.bars))

    @reads_screen("geometry")
    def counts_shown(self, values: Sequence[int]) -> list[int]:
        """The count at each of ``values`` read from its bar's right end through the axes
        (0 where no bar stands)."""
        found = {}
        for bar in self.bars:
            count = self.axes.p2c(bar.get_right())[0]
            where = self.axes.p2c(bar.get_center())[1]
            found[int(round(where))] = int(round(count))
        return [found.get(int(v), 0) for v in values]


class MarkovStrip(VGroup):
    """States ``low…high`` as discs in a row; a curved ½-arrow from each state to each
    neighbour (right above, left below); a ring that hops between states."""

    def __init__(
        self,
        low: int,
        high: int,
        *,
        centre: Sequence[float] = (0.0, 0.0),
        spacing: float = 1.5,
        radius: float = 0.34,
        name_size: int = theme.LABEL_SIZE,
        half_size: int = 30,
    ) -> None:
        super().__init__()
        self.low, self.spacing = low, spacing
        self.origin = np.array([*centre[:2], 0.0]) - np.array([(high - low) * spacing / 2, 0, 0])
        self.discs = VGroup()
        self.names = VGroup()
        for s in range(low, high + 1):
            disc = Circle(radius=radius, stroke_color=theme.MUTED, stroke_width=2.5)
            disc.set_fill(ManimColor("#1E2733"), opacity=1.0).move_to(self._at(s))
            self.discs.add(disc)
            self.names.add(theme.text(str(s), size=name_size).move_to(disc))
        self.arrows = VGroup()
        self.halves = VGroup()
        slant = np.array([np.cos(np.pi / 4), np.sin(np.pi / 4), 0.0]) * radius
        for s in range(low, high):
            for a, b, side in ((s, s + 1, UP), (s + 1, s, DOWN)):
                step = np.sign(b - a)
                start = self._at(a) + np.array([step * slant[0], side[1] * slant[1], 0.0])
                end = self._at(b) + np.array([-step * slant[0], side[1] * slant[1], 0.0])
                arrow = CurvedArrow(
                    start, end, angle=-0.9, color=theme.MUTED, stroke_width=3, tip_length=0.18
                )
                self.arrows.add(arrow)
                half = theme.tex(r"\frac{1}{2}", size=half_size, color=theme.MUTED)
                half.next_to(arrow, side, buff=0.1)
                self.halves.add(half)
        self.token = Circle(radius=radius + 0.1, stroke_color=theme.ACCENT, stroke_width=5)
        self.token.move_to(self._at(0 if low <= 0 <= high else low))
        self.add(self.arrows, self.halves, self.discs, self.names, self.token)

    def _at(self, state: int) -> FloatArray:
        return np.asarray(self.origin + np.array([(state - self.low) * self.spacing, 0, 0]))

    def hop(self, state: int) -> Animation:
        """Move the ring onto ``state``."""
        return AnimationGroup(built(self.token.animate.move_to(self._at(state))))

    @reads_screen("geometry")
    def state_shown(self) -> float:
        """The state under the ring, from its x position."""
        return float((self.token.get_center()[0] - self.origin[0]) / self.spacing + self.low)

    @reads_screen("count")
    def arrows_shown(self) -> int:
        """How many transition arrows are drawn."""
        return len([a for a in self.arrows if a.get_stroke_opacity() > theme.VISIBLE_OPACITY])
