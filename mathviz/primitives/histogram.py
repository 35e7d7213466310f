"""Histograms of whole-number ratings built from falling tiles, with summary markers, a
±1 standard-deviation band and a sorted row; and horizontal duration bars whose mean and
median lines follow a bar dragged out into an outlier.

Built on the pure model :mod:`mathviz.maths.descriptive`. Methods return animations (never
play them); ``*_shown`` methods read values back from the drawing through the axes: a
column's count from its stack's height, a marker's value from its line, the band's edges
from its rectangle, how many tiles have landed or sit inside the band from where the tiles
are, a bar's length from its right end.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Axes,
    Create,
    DecimalNumber,
    FadeIn,
    Line,
    ManimColor,
    Mobject,
    Rectangle,
    Transform,
    VGroup,
    smooth,
)
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.maths.descriptive import mean, median, sorted_with_middle, stack_slots
from mathviz.primitives.motion import Scripted, built
from mathviz.primitives.readout import coords
from mathviz.readings import PrintedArray, printed, reads_screen

__all__ = [
    "TILE_WIDTH",
    "TILE_GAP",
    "TILE_OPACITY",
    "SummaryMarker",
    "SortedRow",
    "SummaryHistogram",
    "DurationBars",
]

#: a tile's width, in category units
TILE_WIDTH = 0.72
#: the gap between stacked tiles, in count units (half below, half above each tile)
TILE_GAP = 0.1
#: fill opacity of a tile in play, and of one outside the band once it is dimmed
TILE_OPACITY = 0.9
DIM_OPACITY = 0.3
#: the share of a drop's run time one tile spends falling
FALL_SHARE = 0.16
#: how close (axes units) a tile must be to its slot to count as landed
SNAP = 1e-6


class SummaryMarker(VGroup):
    """A vertical line at ``value`` from the axis up to ``top`` (axes units), with a label
    beside (``side`` = LEFT/RIGHT) or above (UP) its top end. The line runs top to bottom, so
    :func:`~manim.Create` draws it downwards."""

    def __init__(
        self,
        axes: Axes,
        value: float,
        top: float,
        label: str,
        *,
        color: ManimColor,
        side: np.ndarray = RIGHT,
        size: int = theme.LABEL_SIZE + 4,
        stroke_width: float = 5,
    ) -> None:
        self.axes, self.top, self.side = axes, float(top), side
        self.line = Line(UP, DOWN, stroke_color=color, stroke_width=stroke_width)
        self.label = theme.text(label, size=size, color=color)
        super().__init__(self.line, self.label)
        self.set_value(value)

    def set_value(self, value: float) -> SummaryMarker:
        """Stand at ``value``: the line from the top down to the axis, the label at its top."""
        top, foot = self.axes.c2p(value, self.top), self.axes.c2p(value, 0.0)
        self.line.put_start_and_end_on(np.asarray(top), np.asarray(foot))
        if self.side is UP:
            self.label.next_to(top, UP, buff=0.12)
        else:
            self.label.next_to(top, self.side, buff=0.12).align_to(top + 0.14 * UP, UP)
        return self

    def slide_to(
        self, value: float, run_time: float = 2.0, *, with_label: bool = True
    ) -> Animation:
        """Slide along the axis from where it stands to ``value``; ``with_label=False``
        moves the line alone (the label, not yet shown, follows off screen)."""
        start = float(self.value_shown())

        def update(s: float) -> None:
            self.set_value(start + (value - start) * s)

        moving = self if with_label else self.line
        return Scripted(moving, update, run_time=run_time, rate_func=smooth)

    @reads_screen("geometry")
    def value_shown(self) -> float:
        """The value the line stands at, read through the axes."""
        return float(coords(self.axes, self.line.get_start())[0])


class SortedRow(VGroup):
    """The data sorted into one row of outlined squares, each with its value written inside;
    the middle square can be lit up."""

    def __init__(
        self, values: Sequence[int], *, side: float = 0.46, gap: float = 0.07, size: int = 26
    ) -> None:
        super().__init__()
        ordered, self.middle = sorted_with_middle(values)
        self.squares = VGroup(
            *(
                Rectangle(width=side, height=side, stroke_color=theme.AREA, stroke_width=3)
                for _ in ordered
            )
        ).arrange(RIGHT, buff=gap)
        self.digits = VGroup(
            *(
                theme.text(str(v), size=size).move_to(sq)
                for v, sq in zip(ordered, self.squares, strict=True)
            )
        )
        self.add(self.squares, self.digits)

    def light_middle(self, color: ManimColor) -> Animation:
        """Outline the middle square in ``color``, thick, and colour its digit."""
        sq, digit = self.squares[self.middle], self.digits[self.middle]
        return AnimationGroup(
            built(sq.animate.set_stroke(color=color, width=7)),
            built(digit.animate.set_color(color)),
        )

    @reads_screen("count")
    def count_shown(self) -> int:
        """How many squares the row holds."""
        return len(self.squares)

    def digits_shown(self) -> PrintedArray:
        """The values written in the squares, as typeset, left to right."""
        return PrintedArray(printed(d) for d in self.digits)

    @reads_screen("count")
    def position_of_middle_shown(self) -> int:
        """How many squares lie left of the lit one, plus one (its place in the row),
        from the squares' positions."""
        lit = self.squares[self.middle].get_center()[0]
        return 1 + sum(1 for sq in self.squares if sq.get_center()[0] < lit - 1e-6)


class SummaryHistogram(VGroup):
    """Whole-number values (ratings) as stacked tiles over their categories.

    Parameters
    ----------
    arrivals
        The values in the order they arrive (each becomes one tile).
    categories
        The columns, left to right (``1 … 5``).
    y_max
        The count axis' top.
    width, height
        The axes' size (scene units).
    """

    def __init__(
        self,
        arrivals: Sequence[int],
        categories: Sequence[int] = (1, 2, 3, 4, 5),
        *,
        y_max: float = 7.0,
        width: float = 8.6,
        height: float = 5.6,
        tile_color: ManimColor = theme.AREA,
        font_size: int = 28,
    ) -> None:
        super().__init__()
        self.categories = [int(c) for c in categories]
        self.arrivals = [int(v) for v in arrivals]
        self.slots = stack_slots(self.arrivals)
        lo, hi = self.categories[0] - 0.5, self.categories[-1] + 0.5
        self.y_max = float(y_max)
        self.axes = Axes(
            x_range=(lo, hi, 1),
            y_range=(0, y_max, 1),
            x_length=width,
            y_length=height,
            tips=False,
            x_axis_config={"color": theme.MUTED, "include_ticks": False, "stroke_width": 2},
            y_axis_config={
                "color": theme.MUTED,
                "include_numbers": True,
                "font_size": font_size - 4,
                "stroke_width": 2,
                "numbers_to_exclude": [0],
            },
        )
        self.axes.x_axis.add_numbers(self.categories, font_size=font_size)
        self.tiles = VGroup(*(self._tile(tile_color) for _ in self.arrivals))
        for tile, slot in zip(self.tiles, self.slots, strict=True):
            tile.move_to(self._slot_point(slot))
            tile.set_fill(opacity=0.0)
        self.band: Rectangle | None = None
        self.add(self.axes, self.tiles)

    # --- building -------------------------------------------------------------------------
    def _tile(self, color: ManimColor) -> Rectangle:
        unit_x = float(self.axes.x_length or 0) / (self.axes.x_range[1] - self.axes.x_range[0])
        unit_y = float(self.axes.y_length or 0) / (self.axes.y_range[1] - self.axes.y_range[0])
        return Rectangle(
            width=TILE_WIDTH * unit_x,
            height=(1 - TILE_GAP) * unit_y,
            stroke_width=0,
            fill_color=color,
            fill_opacity=TILE_OPACITY,
        )

    def _slot_point(self, slot: tuple[int, int]) -> np.ndarray:
        value, level = slot
        return np.asarray(self.axes.c2p(value, level + 0.5), dtype=float)

    def marker(
        self, value: float, label: str, *, color: ManimColor, side: np.ndarray = RIGHT
    ) -> SummaryMarker:
        """A marker at ``value`` reaching a little below the count axis' top."""
        return SummaryMarker(self.axes, value, self.y_max - 0.45, label, color=color, side=side)

    def sorted_row(self) -> SortedRow:
        """The tiles' values as a sorted row (not placed, not added)."""
        return SortedRow(self.arrivals)

    # --- animations -----------------------------------------------------------------------
    def drop_in(self, run_time: float = 8.0) -> Animation:
        """The tiles arrive one after another, each falling from the top into its column
        onto the tiles already there."""
        n = len(self.tiles)
        tops = [np.asarray(self.axes.c2p(v, self.y_max + 0.2)) for v, _ in self.slots]
        ends = [self._slot_point(s) for s in self.slots]
        starts = [i * (1 - FALL_SHARE) / max(n - 1, 1) for i in range(n)]

        def update(t: float) -> None:
            for tile, top, end, s in zip(self.tiles, tops, ends, starts, strict=True):
                u = min(max((t - s) / FALL_SHARE, 0.0), 1.0)
                tile.set_fill(opacity=TILE_OPACITY * min(u / 0.25, 1.0))
                tile.move_to(top + (u * u) * (end - top))

        return Scripted(self.tiles, update, run_time=run_time)

    def sort_into(self, row: SortedRow, run_time: float = 3.0) -> Animation:
        """Copies of the tiles fly into the row's squares in sorted order (left column
        first, bottom tile first), then the values are written in."""
        order = sorted(range(len(self.tiles)), key=lambda i: self.slots[i])
        flights = [
            Transform(self.tiles[i].copy(), sq, remover=True)
            for i, sq in zip(order, row.squares, strict=True)
        ]
        return AnimationGroup(
            AnimationGroup(*flights, lag_ratio=0.08),
            AnimationGroup(Create(row.squares), FadeIn(row.digits)),
            lag_ratio=0.85,
            run_time=run_time,
        )

    def highlight_column(self, value: int, color: ManimColor) -> Animation:
        """Recolour every tile of one column."""
        tiles = [t for t, (v, _) in zip(self.tiles, self.slots, strict=True) if v == value]
        return AnimationGroup(*(built(t.animate.set_fill(color=color)) for t in tiles))

    def grow_band(
        self, center: float, half_width: float, *, color: ManimColor, run_time: float = 2.0
    ) -> Animation:
        """A shaded band from ``center − half_width`` to ``center + half_width``, full
        height, opening out from the centre line behind the tiles."""
        band = Rectangle(stroke_width=0, fill_color=color, fill_opacity=0.28)
        self.band = band
        self.add_to_back(band)
        self.remove(self.axes)
        self.add_to_back(self.axes)
        top = self.y_max - 1.0

        def update(s: float) -> None:
            w = max(half_width * s, 1e-4)
            lo = np.asarray(self.axes.c2p(center - w, 0.0))
            hi = np.asarray(self.axes.c2p(center + w, top))
            band.stretch_to_fit_width(hi[0] - lo[0]).stretch_to_fit_height(hi[1] - lo[1])
            band.move_to((lo + hi) / 2)

        update(0.0)
        return Scripted(band, update, run_time=run_time, rate_func=smooth)

    def band_labels(self, *, decimals: int = 1, size: int = 32) -> VGroup:
        """The band's two edges written just inside its top corners, in the band's colour,
        from the edges as drawn (not added)."""
        if self.band is None:
            raise ValueError("no band is drawn")
        color = self.band.get_fill_color()
        labels = VGroup()
        for value, corner, side in zip(
            self.band_edges_shown(),
            (self.band.get_corner(UP + LEFT), self.band.get_corner(UP + RIGHT)),
            (LEFT, RIGHT),
            strict=True,
        ):
            number = DecimalNumber(
                float(value), num_decimal_places=decimals, font_size=size, color=color
            )
            number.move_to(corner + 0.12 * DOWN - 0.1 * side, aligned_edge=UP + side)
            labels.add(number)
        self.edge_labels = labels
        return labels

    def band_labels_shown(self) -> PrintedArray:
        """The band's edges as written at its corners (typeset digits)."""
        return PrintedArray(printed(n) for n in self.edge_labels)

    def dim_outside_band(self) -> Animation:
        """Fade the tiles outside the band, so those inside stand out."""
        lo, hi = self.band_edges_shown()
        outside = [t for t in self.tiles if not lo - SNAP <= coords(self.axes, t)[0] <= hi + SNAP]
        return AnimationGroup(*(built(t.animate.set_fill(opacity=DIM_OPACITY)) for t in outside))

    # --- read back ------------------------------------------------------------------------
    def _landed(self) -> list[tuple[Mobject, np.ndarray]]:
        """Visible tiles standing on a slot (a whole category, half a count above a whole
        level), with their centres through the axes."""
        out: list[tuple[Mobject, np.ndarray]] = []
        for tile in self.tiles:
            if tile.get_fill_opacity() <= theme.VISIBLE_OPACITY:
                continue
            x, y = coords(self.axes, tile)
            if abs(x - round(x)) < SNAP and abs(y - 0.5 - round(y - 0.5)) < SNAP:
                out.append((tile, np.array([x, y])))
        return out

    @reads_screen("count")
    def landed_shown(self) -> int:
        """How many tiles have landed in their columns."""
        return len(self._landed())

    @reads_screen("geometry")
    def counts_shown(self) -> np.ndarray:
        """Each column's height in counts: the top of its highest landed tile through the
        axes, plus the half gap above it (0 for an empty column)."""
        heights = []
        for c in self.categories:
            tops = [
                float(coords(self.axes, t.get_top())[1])
                for t, (x, _) in self._landed()
                if round(x) == c
            ]
            heights.append(max(tops) + TILE_GAP / 2 if tops else 0.0)
        return np.array(heights)

    @reads_screen("geometry")
    def tile_values_shown(self) -> np.ndarray:
        """The category under every landed tile (its centre's x through the axes)."""
        return np.array([float(x) for _, (x, _) in self._landed()])

    @reads_screen("geometry")
    def tallest_column_shown(self) -> float:
        """The category whose stack is drawn highest (its tiles' x through the axes)."""
        landed = self._landed()
        tallest = max(landed, key=lambda item: float(coords(self.axes, item[0].get_top())[1]))
        return float(tallest[1][0])

    @reads_screen("geometry")
    def band_edges_shown(self) -> np.ndarray:
        """The band's left and right edges through the axes."""
        if self.band is None:
            raise ValueError("no band is drawn")
        left = coords(self.axes, self.band.get_left())[0]
        right = coords(self.axes, self.band.get_right())[0]
        return np.array([left, right])

    @reads_screen("geometry")
    def band_half_width_shown(self) -> float:
        """Half the band's width through the axes."""
        lo, hi = self.band_edges_shown()
        return float(hi - lo) / 2

    @reads_screen("count")
    def tiles_in_band_shown(self) -> int:
        """How many landed tiles stand inside the band (their centres between its edges)."""
        lo, hi = self.band_edges_shown()
        return sum(1 for _, (x, _) in self._landed() if lo - SNAP <= x <= hi + SNAP)

    @reads_screen("count")
    def bright_tiles_shown(self) -> int:
        """How many tiles are drawn at full strength (not dimmed)."""
        return sum(1 for t in self.tiles if t.get_fill_opacity() > DIM_OPACITY + 0.05)


class DurationBars(VGroup):
    """One horizontal bar per value (a duration), one row each, on a value axis; a mean line
    and a median line that stand, at every frame, at the mean and the median of the bars as
    drawn; the bar at the median is coloured as the median line.

    Parameters
    ----------
    values
        One bar per value, top row first.
    x_range
        ``(0, max, step)`` of the value axis.
    labelled
        Axis values written under the axis.
    """

    def __init__(
        self,
        values: Sequence[float],
        x_range: tuple[float, float, float],
        *,
        labelled: Sequence[float],
        width: float = 12.4,
        height: float = 5.6,
        bar_color: ManimColor = theme.AREA,
        mean_color: ManimColor = theme.ACCENT,
        median_color: ManimColor = theme.VECTOR_SUM,
        font_size: int = 26,
    ) -> None:
        super().__init__()
        self.rows = len(values)
        self.top = self.rows + 0.9
        self.axes = Axes(
            x_range=x_range,
            y_range=(0, self.top + 0.1, 1),
            x_length=width,
            y_length=height,
            tips=False,
            x_axis_config={"color": theme.MUTED, "stroke_width": 2},
        )
        self.axes.x_axis.add_numbers(list(labelled), font_size=font_size)
        # no value axis is drawn, but it stays in the axes, which convert through it
        self.axes.y_axis.set_stroke(opacity=0.0)
        self.bar_color, self.median_color = bar_color, median_color
        unit_y = height / (self.top + 0.1)
        self.bars = VGroup(
            *(
                Rectangle(
                    height=0.62 * unit_y, stroke_width=0, fill_color=bar_color, fill_opacity=0.9
                )
                for _ in values
            )
        )
        self.values = [float(v) for v in values]
        self.marked: set[int] = set()
        for i, v in enumerate(self.values):
            self._set_bar(i, v)
        self.bars.set_fill(opacity=0.0)  # until :meth:`create` grows them
        self.mean_marker = SummaryMarker(
            self.axes, 0.0, self.top, "mean", color=mean_color, side=RIGHT
        )
        self.median_marker = SummaryMarker(
            self.axes, 0.0, self.top, "median", color=median_color, side=LEFT
        )
        self.refresh_markers()
        self.add(self.axes, self.bars)

    def _row_y(self, i: int) -> float:
        return self.rows - i - 0.5

    def _set_bar(self, i: int, value: float) -> None:
        bar = self.bars[i]
        left = np.asarray(self.axes.c2p(0.0, self._row_y(i)))
        right = np.asarray(self.axes.c2p(value, self._row_y(i)))
        bar.stretch_to_fit_width(max(right[0] - left[0], 1e-4))
        bar.move_to((left + right) / 2)

    def refresh_markers(self) -> None:
        """Put the markers at the mean and median of the drawn bars; colour the median bar."""
        drawn = [float(v) for v in self.lengths_shown()]
        m, md = float(mean(drawn)), float(median(drawn))
        self.mean_marker.set_value(m)
        self.median_marker.set_value(md)
        for i, (bar, v) in enumerate(zip(self.bars, drawn, strict=True)):
            if i not in self.marked:
                at_median = abs(v - md) < 1e-6
                bar.set_fill(color=self.median_color if at_median else self.bar_color)

    # --- animations -----------------------------------------------------------------------
    def create(self, run_time: float = 2.0) -> Animation:
        """The axis, then the bars growing from zero, top row first."""
        targets = list(self.values)

        def update(s: float) -> None:
            for i, v in enumerate(targets):
                u = min(max((s - 0.3 * i / self.rows) / 0.7, 0.0), 1.0)
                self._set_bar(i, v * u if u > 0 else 1e-3)
                self.bars[i].set_fill(opacity=0.9 if u > 0 else 0.0)

        return AnimationGroup(
            Create(self.axes, run_time=run_time * 0.4),
            Scripted(self.bars, update, run_time=run_time),
            lag_ratio=0.3,
        )

    def show_markers(self, run_time: float = 1.5) -> Animation:
        """Both lines drawn downwards, their labels written."""
        self.refresh_markers()
        return AnimationGroup(
            Create(self.mean_marker.line),
            Create(self.median_marker.line),
            FadeIn(self.mean_marker.label, self.median_marker.label),
            lag_ratio=0.3,
            run_time=run_time,
        )

    def mark(self, i: int, color: ManimColor) -> Animation:
        """Colour one bar (the one to be dragged); it keeps that colour."""
        self.marked.add(i)
        return built(self.bars[i].animate.set_fill(color=color))

    def drag(self, i: int, to: float, run_time: float = 3.0) -> Animation:
        """Stretch bar ``i`` to ``to``; the mean and median lines follow at every frame."""
        start = float(self.lengths_shown()[i])
        group = VGroup(self.bars, self.mean_marker, self.median_marker)

        def update(s: float) -> None:
            self._set_bar(i, start + (to - start) * s)
            self.refresh_markers()

        return Scripted(group, update, run_time=run_time, rate_func=smooth)

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def lengths_shown(self) -> np.ndarray:
        """Every bar's length: its right end through the axes."""
        return np.array([float(coords(self.axes, b.get_right())[0]) for b in self.bars])

    @reads_screen("count")
    def bars_shown(self) -> int:
        """How many bars are drawn."""
        return sum(1 for b in self.bars if b.get_fill_opacity() > theme.VISIBLE_OPACITY)
