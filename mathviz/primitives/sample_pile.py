"""Sample means piling up: a population's density, samples flying out of it, their means
dropped as tiles onto a second axis, a normal curve over the pile, and a table of spreads.

Built on the pure model :mod:`mathviz.maths.sampling`. Methods return animations (never
play them); ``*_shown`` methods read values back from the drawing through the axes:

* :class:`PopulationPlot` — a density curve with its area filled; a marker line's x;
* :class:`MeanPile` — one tile per sample mean, stacked in its bin; the number of tiles
  that have landed, the count in every bin, the pile's mean and spread are read from where
  the tiles are (a tile still falling is not counted);
* :class:`NormalOverlay` — ``N(μ, sd²)`` drawn on the pile's axes; its centre, peak and
  spread (the half-width where it falls to ``e^(−1/2)`` of its peak) read from its points;
* :class:`SpreadTable` — rows ``n | σ/√n | mean | spread`` whose last two cells can follow
  a pile while it grows.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import cast

import numpy as np
from manim import (
    DOWN,
    LEFT,
    UP,
    AnimationGroup,
    Axes,
    Create,
    DashedLine,
    DecimalNumber,
    Dot,
    FadeIn,
    FadeOut,
    ManimColor,
    Mobject,
    Polygon,
    Rectangle,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike, NDArray

from mathviz import theme
from mathviz.maths.sampling import Binning, ExponentialPopulation, normal_pdf
from mathviz.primitives.motion import Scripted, StateTween
from mathviz.primitives.readout import live_number_class
from mathviz.readings import reads_screen

__all__ = [
    "TILE_WIDTH",
    "TILE_HEIGHT",
    "TILE_OPACITY",
    "FALL_SHARE",
    "PopulationPlot",
    "MeanPile",
    "NormalOverlay",
    "SpreadTable",
]

#: a tile's width and height as shares of its bin and of its density step (gaps between)
TILE_WIDTH = 0.84
TILE_HEIGHT = 0.72
#: fill opacity of a landed tile
TILE_OPACITY = 0.92
#: the share of a rain's run time one tile spends falling
FALL_SHARE = 0.18
#: sample points of drawn curves (axes units)
CURVE_STEP = 0.02


def _ease(t: float, start: float, end: float) -> float:
    """0 before ``start``, 1 after ``end``, smooth in between."""
    u = min(max((t - start) / (end - start), 0.0), 1.0)
    return u * u * (3 - 2 * u)


def _centre(tile: Mobject) -> NDArray[np.float64]:
    """The centre ``tile.get_center()`` gives for a straight-edged tile (its handles lie on
    its edges, so its points span the same box as its anchors), without its per-call cost."""
    points = tile.points
    return np.asarray((points.min(axis=0) + points.max(axis=0)) / 2, dtype=float)


class PopulationPlot(VGroup):
    """The population's density on ``axes``: a curve over ``[0, x_max]`` and its filled area.

    Parameters
    ----------
    axes
        Where to draw (density on the vertical axis).
    population
        What to draw.
    """

    def __init__(
        self, axes: Axes, population: ExponentialPopulation, *, color: ManimColor = theme.CURVE
    ) -> None:
        super().__init__()
        self.axes, self.population = axes, population
        xs = np.arange(0.0, float(axes.x_range[1]) + 1e-9, CURVE_STEP)
        points = np.asarray(axes.c2p(xs, population.pdf(xs)), dtype=float).T
        self.curve = VMobject(stroke_color=color, stroke_width=4)
        self.curve.set_points_as_corners(points)
        base = [axes.c2p(xs[-1], 0.0), axes.c2p(0.0, 0.0)]
        self.area = Polygon(*points, *base, stroke_width=0, fill_color=color, fill_opacity=0.22)
        self.add(self.area, self.curve)

    def create(self, run_time: float = 2.0) -> Animation:
        """Draw the curve from left to right, its area fading in behind it."""
        return AnimationGroup(Create(self.curve), FadeIn(self.area), run_time=run_time, group=self)

    def point_under(self, x: float, fraction: float) -> NDArray[np.float64]:
        """The scene point at ``x``, ``fraction`` of the way up from the axis to the curve."""
        height = float(self.population.pdf(x)) * fraction
        return np.asarray(self.axes.c2p(x, height), dtype=float)

    def marker(self, x: float, top: float, *, color: ManimColor) -> DashedLine:
        """A dashed vertical line at ``x`` from the axis up to density ``top``."""
        return DashedLine(self.axes.c2p(x, 0.0), self.axes.c2p(x, top), color=color, stroke_width=3)

    @reads_screen("geometry")
    def span_shown(self, line: Mobject) -> float:
        """How far a horizontal line or arrow reaches along x, read through the axes."""
        start, end = line.get_start_and_end()
        return float(self.axes.p2c(end)[0]) - float(self.axes.p2c(start)[0])

    @reads_screen("geometry")
    def marker_x_shown(self, line: Mobject) -> float:
        """The x of a vertical marker line, read through the axes."""
        return float(self.axes.p2c(line.get_center())[0])


class MeanPile(VGroup):
    """Sample means as tiles stacked in the bins of ``binning`` on ``axes``.

    Every tile stands for ``1 / (total · width)`` of density, so a full pile of ``total``
    tiles has area one. :meth:`plan` lays out the means (hidden, above the pile);
    :meth:`drop_sample` brings one in from its sample, :meth:`rain` many at once.

    Parameters
    ----------
    axes
        Where the pile stands (density on the vertical axis).
    binning
        The bins, in the x units of ``axes``.
    total
        How many means the full pile holds.
    """

    def __init__(
        self, axes: Axes, binning: Binning, total: int, *, color: ManimColor = theme.ACCENT
    ) -> None:
        super().__init__()
        self.axes, self.binning, self.total, self.color = axes, binning, int(total), color
        #: density carried by one tile
        self.unit = 1.0 / (self.total * binning.width)
        self.tiles = VGroup()
        self.flyers = VGroup()
        self.add(self.tiles, self.flyers)
        self.means = np.zeros(0)
        self.bins = np.zeros(0, dtype=np.int64)
        self.levels = np.zeros(0, dtype=np.int64)
        self.placed = 0
        w = float(axes.c2p(binning.width, 0)[0] - axes.c2p(0, 0)[0])
        h = float(axes.c2p(0, self.unit)[1] - axes.c2p(0, 0)[1])
        self._tile_size = (TILE_WIDTH * w, TILE_HEIGHT * h)

    # --- layout ---------------------------------------------------------------------------
    def plan(self, means: ArrayLike) -> MeanPile:
        """Make one hidden tile per mean, in the order they will land."""
        self.means = np.asarray(means, dtype=float)
        if len(self.means) != self.total:
            raise ValueError(f"the pile holds {self.total} means, got {len(self.means)}")
        self.bins, self.levels = self.binning.stack(self.means)
        width, height = self._tile_size
        for i in range(self.total):
            tile = Rectangle(
                width=width,
                height=height,
                stroke_width=0,
                fill_color=self.color,
                fill_opacity=0.0,
            )
            tile.move_to(self.rest_point(i))
            self.tiles.add(tile)
        return self

    def rest_point(self, i: int) -> NDArray[np.float64]:
        """Where tile ``i`` comes to rest: its bin, on top of the earlier tiles there."""
        x = float(self.binning.centers[self.bins[i]])
        return np.asarray(self.axes.c2p(x, (self.levels[i] + 0.5) * self.unit), dtype=float)

    def _top_point(self, i: int) -> NDArray[np.float64]:
        x = float(self.binning.centers[self.bins[i]])
        return np.asarray(self.axes.c2p(x, float(self.axes.y_range[1])), dtype=float)

    # --- animations -------------------------------------------------------------------------
    def drop_sample(
        self,
        source: PopulationPlot,
        draws: ArrayLike,
        lifts: ArrayLike,
        *,
        dot_color: ManimColor = theme.TEXT,
        run_time: float = 3.0,
    ) -> Animation:
        """The next mean arrives from its sample: the ``draws`` appear as dots inside the
        population's area (``lifts``: how far up towards the curve), fall onto its axis,
        slide together to their average, and that one point drops onto the pile as a tile."""
        values = np.asarray(draws, dtype=float)
        heights = np.asarray(lifts, dtype=float)
        i = self.placed
        if i >= self.total:
            raise ValueError("every planned mean has already been dropped")
        mean = float(self.means[i])
        if not math.isclose(mean, float(np.mean(values)), rel_tol=1e-12, abs_tol=1e-12):
            raise ValueError("the draws do not average to the planned mean")
        self.placed += 1
        tile = self.tiles[i]
        starts = [
            source.point_under(float(v), float(f)) for v, f in zip(values, heights, strict=True)
        ]
        floor = [np.asarray(source.axes.c2p(float(v), 0.0), dtype=float) for v in values]
        meet = np.asarray(source.axes.c2p(mean, 0.0), dtype=float)
        rest = self.rest_point(i)
        radius = 0.07 if len(values) <= 16 else 0.05
        dots = [Dot(p, radius=radius, color=dot_color) for p in starts]
        carrier = Dot(meet, radius=0.1, color=self.color)
        self.flyers.add(*dots, carrier)

        def update(t: float) -> None:
            appear, fall = _ease(t, 0.0, 0.15), _ease(t, 0.15, 0.4)
            slide, swap = _ease(t, 0.42, 0.66), _ease(t, 0.62, 0.7)
            drop, land = _ease(t, 0.7, 0.94), _ease(t, 0.92, 1.0)
            for dot, a, b in zip(dots, starts, floor, strict=True):
                dot.move_to(a + fall * (b - a) + slide * (meet - b) * np.array([1.0, 0.0, 0.0]))
                dot.set_opacity(appear * (1.0 - swap))
            carrier.move_to(meet + (drop * drop) * (rest - meet))
            carrier.set_opacity(swap * (1.0 - land))
            tile.set_fill(opacity=TILE_OPACITY * land)
            if t >= 1.0:
                self.flyers.remove(*dots, carrier)

        update(0.0)
        return Scripted(self, update, run_time=run_time)

    def rain(self, count: int | None = None, *, run_time: float = 6.0) -> Animation:
        """The next ``count`` means (default: all that are left) fall from the top of the
        axes into their bins one after another, each landing on the tiles already there."""
        first = self.placed
        last = self.total if count is None else min(self.total, first + count)
        self.placed = last
        k = last - first
        tops = [self._top_point(i) for i in range(first, last)]
        ends = [self.rest_point(i) for i in range(first, last)]
        starts = [j * (1 - FALL_SHARE) / max(k - 1, 1) for j in range(k)]
        tiles = [self.tiles[i] for i in range(first, last)]

        def update(t: float) -> None:
            for tile, top, end, s in zip(tiles, tops, ends, starts, strict=True):
                u = min(max((t - s) / FALL_SHARE, 0.0), 1.0)
                tile.move_to(top + (u * u) * (end - top))
                tile.set_fill(opacity=TILE_OPACITY * min(u / 0.2, 1.0))

        return Scripted(self, update, run_time=run_time)

    def to_ghost(self, *, color: ManimColor = theme.MUTED) -> tuple[VMobject, Animation]:
        """The pile's outline as a thin staircase (built from the landed tiles), and an
        animation drawing it while the tiles fade away."""
        counts = np.asarray(self.bin_counts_shown(), dtype=float)
        edges = self.binning.lo + self.binning.width * np.arange(self.binning.bins + 1)
        corners = [self.axes.c2p(edges[0], 0.0)]
        for b, c in enumerate(counts):
            corners.append(self.axes.c2p(edges[b], c * self.unit))
            corners.append(self.axes.c2p(edges[b + 1], c * self.unit))
        corners.append(self.axes.c2p(edges[-1], 0.0))
        ghost = VMobject(stroke_color=color, stroke_width=2.5, stroke_opacity=0.9)
        ghost.set_points_as_corners(np.asarray(corners, dtype=float))
        return ghost, AnimationGroup(FadeOut(self.tiles), Create(ghost), lag_ratio=0.3)

    # --- read back --------------------------------------------------------------------------
    def _landed(self) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
        """x (axes units) and bin of every landed tile: a visible tile whose centre sits on
        its bin's stack, the stack counted up from the axis without gaps."""
        shown = [tile for tile in self.tiles if tile.get_fill_opacity() >= 0.5]
        by_bin: dict[int, list[tuple[float, float]]] = {}
        if shown:
            # every centre through the axes in one pass (``get_center`` tile by tile, then a
            # projection per tile and axis, cost the check of 8.2 a quarter of its time)
            centres = np.array([_centre(tile) for tile in shown])
            xy = np.asarray(self.axes.p2c(centres), dtype=float)
            for x, y in xy[:, :2].tolist():
                b = int(math.floor((x - self.binning.lo) / self.binning.width))
                by_bin.setdefault(b, []).append((y / self.unit - 0.5, x))
        xs: list[float] = []
        bins: list[int] = []
        for b, stack in by_bin.items():
            for expected, (level, x) in enumerate(sorted(stack)):
                if abs(level - expected) > 1e-6:
                    break
                xs.append(x)
                bins.append(b)
        return np.asarray(xs, dtype=float), np.asarray(bins, dtype=np.int64)

    @reads_screen("count")
    def landed_shown(self) -> int:
        """How many tiles have landed on the pile."""
        return len(self._landed()[0])

    @reads_screen("count")
    def bin_counts_shown(self) -> NDArray[np.int64]:
        """How many landed tiles stand in every bin."""
        _, bins = self._landed()
        return np.bincount(bins, minlength=self.binning.bins).astype(np.int64)

    @reads_screen("geometry")
    def mean_shown(self) -> float:
        """The average x of the landed tiles (each at its bin's centre), through the axes."""
        xs, _ = self._landed()
        return float(np.mean(xs)) if len(xs) else float("nan")

    @reads_screen("geometry")
    def spread_shown(self) -> float:
        """The standard deviation of the landed tiles' x, through the axes."""
        xs, _ = self._landed()
        return float(np.sqrt(np.mean((xs - xs.mean()) ** 2))) if len(xs) else float("nan")

    @reads_screen("geometry")
    def peak_shown(self) -> float:
        """The density at the top of the tallest stack, through the axes."""
        tops = [
            float(self.axes.p2c(t.get_top())[1]) for t in self.tiles if t.get_fill_opacity() >= 0.5
        ]
        gap = (1 - TILE_HEIGHT) / 2 * self.unit
        return max(tops) + gap if tops else 0.0


class NormalOverlay(VMobject):
    """The normal density ``N(mu, sd²)`` drawn over the x range of ``axes``; ``sd`` can be
    tweened (:meth:`morph_to`) and every frame is the drawing of one normal curve."""

    def __init__(
        self, axes: Axes, mu: float, sd: float, *, color: ManimColor = theme.HYPOTHESIS
    ) -> None:
        super().__init__(stroke_color=color, stroke_width=4)
        self.axes, self.mu, self.sd = axes, float(mu), float(sd)
        self.xs = np.arange(float(axes.x_range[0]), float(axes.x_range[1]) + 1e-9, CURVE_STEP / 2)
        self.redraw()

    def redraw(self) -> None:
        """Draw the curve for the current ``mu`` and ``sd``."""
        points = np.asarray(
            self.axes.c2p(self.xs, normal_pdf(self.xs, self.mu, self.sd)), dtype=float
        ).T
        self.set_points_as_corners(points)

    def create(self, run_time: float = 1.5) -> Animation:
        """Draw the curve from left to right."""
        return Create(self, run_time=run_time)

    def morph_to(self, sd: float, run_time: float = 1.5) -> Animation:
        """Narrow (or widen) the curve to spread ``sd``, every frame a normal density."""
        return StateTween(self, self, {"sd": sd}, self.redraw, run_time=run_time)

    def region(self, lo: float, hi: float, *, opacity: float = 0.4) -> Polygon:
        """The area under the curve between ``lo`` and ``hi`` (axes units), filled."""
        xs = self.xs[(self.xs >= lo - 1e-9) & (self.xs <= hi + 1e-9)]
        top = np.asarray(self.axes.c2p(xs, normal_pdf(xs, self.mu, self.sd)), dtype=float).T
        base = [self.axes.c2p(xs[-1], 0.0), self.axes.c2p(xs[0], 0.0)]
        return Polygon(
            *top, *base, stroke_width=0, fill_color=self.get_stroke_color(), fill_opacity=opacity
        )

    @reads_screen("area")
    def region_area_shown(self, region: Polygon) -> float:
        """The area of a drawn region (its outline's shoelace area), through the axes."""
        xy = np.asarray(self.axes.p2c(region.get_vertices()), dtype=float)[..., :2]
        x, y = xy[:, 0], xy[:, 1]
        return float(abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2)

    def _coords(self) -> NDArray[np.float64]:
        anchors = self.points[::4] if len(self.points) else np.zeros((0, 3))
        return np.asarray(self.axes.p2c(np.vstack([anchors, self.points[-1:]])), dtype=float)

    @reads_screen("geometry")
    def center_shown(self) -> float:
        """The x of the curve's highest drawn point."""
        xy = self._coords()
        return float(xy[int(np.argmax(xy[:, 1])), 0])

    @reads_screen("geometry")
    def peak_shown(self) -> float:
        """The curve's highest drawn density."""
        return float(self._coords()[:, 1].max())

    @reads_screen("geometry")
    def sd_shown(self) -> float:
        """Half the width of the curve where it has fallen to ``e^(−1/2)`` of its peak
        (for a normal curve: its standard deviation), interpolated between drawn points."""
        xy = self._coords()
        x, y = xy[:, 0], xy[:, 1]
        top = int(np.argmax(y))
        level = y[top] * math.exp(-0.5)

        def crossing(indices: range) -> float:
            prev = top
            for k in indices:
                if y[k] <= level:
                    f = (y[prev] - level) / (y[prev] - y[k])
                    return float(x[prev] + f * (x[k] - x[prev]))
                prev = k
            raise ValueError("the curve does not fall that far inside the axes")

        right = crossing(range(top + 1, len(y)))
        left = crossing(range(top - 1, -1, -1))
        return (right - left) / 2


class SpreadTable(VGroup):
    """A table with one row per sample size: ``n | σ/√n | mean | spread``.

    Rows are added with :meth:`row` (not shown); its mean and spread cells can follow a pile
    (:meth:`follow`) and be frozen again (:meth:`freeze`).
    """

    def __init__(
        self, columns: Sequence[float], *, top: float, row_height: float = 0.62, size: int = 32
    ) -> None:
        super().__init__()
        self.columns, self.top, self.row_height, self.size = list(columns), top, row_height, size
        heads = [
            theme.tex("n", size=size + 4, color=theme.MUTED),
            theme.tex(r"\sigma/\sqrt{n}", size=size, color=theme.MUTED),
            theme.text("mean", size=theme.LABEL_SIZE, color=theme.MUTED),
            theme.text("spread", size=theme.LABEL_SIZE, color=theme.MUTED),
        ]
        for head, x in zip(heads, self.columns, strict=True):
            head.move_to(np.array([x, top, 0.0]), aligned_edge=LEFT)
        self.header = VGroup(*heads)
        self.rows: list[VGroup] = []
        self.add(self.header)

    def row(self, n: int, se: float, *, colors: Sequence[ManimColor]) -> VGroup:
        """A new row for sample size ``n`` with standard error ``se`` (two decimals); its
        mean and spread cells start blank (zero, hidden) until :meth:`follow`."""
        number = live_number_class()
        cells = [
            number(n, num_decimal_places=0, font_size=self.size, color=colors[0]),
            number(se, num_decimal_places=2, font_size=self.size, color=colors[1]),
            number(0.0, num_decimal_places=2, font_size=self.size, color=colors[2]),
            number(0.0, num_decimal_places=2, font_size=self.size, color=colors[3]),
        ]
        y = self.top - self.row_height * (len(self.rows) + 1)
        for cell, x in zip(cells, self.columns, strict=True):
            cell.move_to(np.array([x, y, 0.0]), aligned_edge=LEFT)
        row = VGroup(*cells)
        self.rows.append(row)
        self.add(row)
        return row

    @staticmethod
    def follow(cell: Mobject, read: Callable[[], float]) -> None:
        """Keep ``cell`` (a number of a :meth:`row`) showing ``read()`` at every frame, its
        left edge fixed."""
        number = cast(DecimalNumber, cell)
        left = number.get_left()

        def update(_: Mobject) -> None:
            number.set_value(float(read()))
            number.move_to(left, aligned_edge=LEFT)

        number.add_updater(update)
        update(number)

    @staticmethod
    def freeze(cell: Mobject) -> None:
        """Stop following (the cell keeps what it shows)."""
        cell.clear_updaters()

    def show_row(self, row: VGroup, run_time: float = 0.8) -> Animation:
        """Write the row's n and σ/√n cells."""
        return FadeIn(VGroup(row[0], row[1]), shift=0.15 * UP, run_time=run_time)

    def show_live(self, row: VGroup, run_time: float = 0.5) -> Animation:
        """Bring in the row's mean and spread cells."""
        return AnimationGroup(
            *(FadeIn(c, shift=0.1 * DOWN) for c in (row[2], row[3])),
            run_time=run_time,
            suspend_mobject_updating=False,
        )
