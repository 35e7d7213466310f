"""Notation unrolled into code: a listing that runs, residual squares and a running total.

A formula such as ``Σᵢ (yᵢ − ŷᵢ)²`` is a loop with an accumulator. These primitives draw
the pieces of that reading and read every value back from the drawing:

:class:`CodeListing`
    a few lines of source code on a card, with a box that steps from line to line as the
    loop runs; :meth:`~CodeListing.rewrite` swaps changed lines in place (Σ's ``+=`` becomes
    Π's ``*=``) while the unchanged ones stay put.
:class:`PairedResiduals`
    true values ``yᵢ`` (dots) and predictions ``ŷᵢ`` (rings) over named items on axes with
    equal units, each residual a vertical segment and each squared error a square built on it.
:class:`AccumulatorBar`
    the loop's accumulator as a bar on its own axis: a sum's terms arrive as blocks that
    stack (a square flies over and reshapes into a block of the same value), a product's
    factors cut the bar down. Its height is read through the axis.
:class:`ArgminScan`
    argmin as the same loop over a :class:`~mathviz.primitives.bars.BarChart`: a scan box
    visits each candidate; a level line holds the smallest value so far and a marker the
    candidate that has it.

The maths (terms, running totals, the running argmin) is :mod:`mathviz.maths.notation`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    AnimationGroup,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    GrowFromEdge,
    Mobject,
    Polygon,
    Rectangle,
    Text,
    Transform,
    Triangle,
    VGroup,
    VMobject,
    Write,
)
from manim.animation.animation import Animation
from manim.utils.color import ManimColor, ParsableManimColor

from mathviz import theme
from mathviz.maths.notation import ArgminStep, Number
from mathviz.primitives.bars import BarChart, value_axes
from mathviz.primitives.losses import polygon_area_shown
from mathviz.primitives.motion import Redraw
from mathviz.primitives.panel import card_for
from mathviz.primitives.readout import coords
from mathviz.readings import reads_screen

__all__ = [
    "TARGET_COLOR",
    "PREDICTION_COLOR",
    "RESIDUAL_COLOR",
    "SQUARE_COLOR",
    "INDEX_COLOR",
    "CodeListing",
    "target_dot",
    "prediction_ring",
    "PairedResiduals",
    "AccumulatorBar",
    "BarScan",
    "ArgminScan",
]

#: the true values ``yᵢ`` (filled dots)
TARGET_COLOR = theme.VECTOR_SECOND
#: the predictions ``ŷᵢ`` (rings)
PREDICTION_COLOR = theme.VECTOR_SUM
#: a residual ``yᵢ − ŷᵢ`` (the segment between them)
RESIDUAL_COLOR = theme.BAD
#: a squared error, as a square and as a block of the running total
SQUARE_COLOR = theme.AREA
#: the loop index wherever it is shown (formula, code, drawing)
INDEX_COLOR = theme.ACCENT
#: a part at or under this fill opacity does not count as part of a bar
_SOLID = 0.5
#: positions closer than this (scene units) coincide
_EPS = 1e-6


# --- code ---------------------------------------------------------------------------------------
class CodeListing(VGroup):
    """Lines of code on a dark card; a box marks the line being run.

    Parameters
    ----------
    lines
        The source, one string per line (leading spaces are indentation).
    size
        Font size of the code.
    anchor
        Top-left corner of the code (the card extends a little beyond it).
    """

    def __init__(
        self,
        *lines: str,
        size: int = 22,
        anchor: Sequence[float] = (0.0, 0.0, 0.0),
        box_color: ParsableManimColor = INDEX_COLOR,
    ) -> None:
        super().__init__()
        self.size = size
        self.anchor = np.asarray(anchor, dtype=float)
        self.box_color = ManimColor(box_color)
        #: the advance of one character (as :func:`mathviz.theme.code` indents)
        self.char_width = float(theme.code("x", size=size)[0].width) * 1.2
        #: the height of a capital above the baseline
        self.ascent = float(theme.code("T", size=size)[0].height)
        #: the distance between two lines' baselines
        self.row_pitch = 2.2 * self.ascent
        self.source: list[str] = list(lines)
        self.rows: list[Text] = self._rows(lines)
        self.card = card_for(VGroup(*self.rows))
        self.box: Rectangle | None = None
        self._retired: list[Mobject] = []
        self.add(self.card, *self.rows)

    def _rows(self, lines: Sequence[str]) -> list[Text]:
        """One text per line, on a fixed grid: line ``k``'s baseline ``k`` pitches below the
        first, indented by whole characters, so that a line reads the same wherever it is
        set and an unchanged line of rewritten code lands exactly where it was."""
        rows: list[Text] = []
        for k, line in enumerate(lines):
            row = cast(Text, theme.code(line, size=self.size)[0])
            indent = len(line) - len(line.lstrip(" "))
            row.shift(
                RIGHT * (self.anchor[0] + indent * self.char_width - row.get_left()[0])
                + UP * (self.anchor[1] - self.ascent - k * self.row_pitch - _baseline(row, line))
            )
            rows.append(row)
        return rows

    def _middle(self, line: int) -> float:
        """The y of the middle of ``line``'s box (from its baseline on the grid)."""
        return float(self.anchor[1] - self.ascent - line * self.row_pitch + 0.35 * self.ascent)

    def _box_for(self, line: int) -> Rectangle:
        left = min(r.get_left()[0] for r in self.rows) - 0.12
        width = max(r.get_right()[0] for r in self.rows) + 0.12 - left
        box = Rectangle(
            width=width,
            height=self.row_pitch,
            stroke_color=self.box_color,
            stroke_width=2.5,
            fill_opacity=0.0,
        )
        box.move_to(np.array([left + width / 2, self._middle(line), 0.0]))
        return box

    def create(self, run_time: float = 1.2) -> Animation:
        """The card fades in and the lines are typed."""
        return AnimationGroup(
            FadeIn(self.card),
            AnimationGroup(*(Write(r) for r in self.rows), lag_ratio=0.6),
            lag_ratio=0.3,
            run_time=run_time,
            group=self,
        )

    def point_at(self, line: int, run_time: float = 0.6) -> Animation:
        """Move the box to ``line`` (the first call draws it there)."""
        if not 0 <= line < len(self.rows):
            raise IndexError(f"line {line} of {len(self.rows)}")
        target = self._box_for(line)
        if self.box is None:
            self.box = target
            self.add(self.box)
            return Create(self.box, run_time=run_time)
        return Transform(self.box, target, run_time=run_time)

    def glyphs(self, line: int, start: int, stop: int) -> VGroup:
        """The drawn characters ``source[line][start:stop]`` (spaces have no glyph)."""
        text = self.source[line]
        first = len(text[:start].replace(" ", ""))
        count = len(text[start:stop].replace(" ", ""))
        return VGroup(*self.rows[line].submobjects[first : first + count])

    def find(self, token: str) -> VGroup:
        """The glyphs of every ``token`` standing alone as a word (a variable's name), in
        every line.

        Raises
        ------
        KeyError
            ``token`` does not occur.
        """
        found = VGroup()
        for line, text in enumerate(self.source):
            for k in range(len(text) - len(token) + 1):
                before = text[k - 1] if k else " "
                after = text[k + len(token)] if k + len(token) < len(text) else " "
                word = not (before.isalnum() or before == "_" or after.isalnum() or after == "_")
                if text[k : k + len(token)] == token and word:
                    found.add(*self.glyphs(line, k, k + len(token)))
        if not found.submobjects:
            raise KeyError(f"{token!r} is not in the code")
        return found

    def rewrite(self, *lines: str, run_time: float = 1.2) -> Animation:
        """Replace the lines that change (old ones fade out, new ones in at the same place);
        lines that stay the same are left alone. The card reshapes to the new code."""
        if self._retired:
            self.remove(*self._retired)
            self._retired = []
        new_rows = self._rows(lines)
        keep = [
            i < len(self.source)
            and self.source[i] == line
            and np.allclose(self.rows[i].get_center(), row.get_center(), atol=_EPS)
            for i, (line, row) in enumerate(zip(lines, new_rows, strict=True))
        ]
        rows = [self.rows[i] if k else new_rows[i] for i, k in enumerate(keep)]
        leaving = [r for i, r in enumerate(self.rows) if i >= len(keep) or not keep[i]]
        arriving = [r for r, k in zip(new_rows, keep, strict=True) if not k]
        self._retired += leaving
        self.add(*arriving)
        anims: list[Animation] = [
            cast(Animation, self.card.animate.become(card_for(VGroup(*rows)))),
            *(cast(Animation, r.animate.set_opacity(0)) for r in leaving),
        ]
        self.source, self.rows = list(lines), rows
        if self.box is not None:
            line = min(self.line_shown(), len(rows) - 1)
            anims.append(Transform(self.box, self._box_for(line)))
        return AnimationGroup(
            AnimationGroup(*anims),
            AnimationGroup(*(FadeIn(r) for r in arriving)),
            lag_ratio=0.5,
            run_time=run_time,
            group=self,
        )

    @reads_screen("geometry")
    def line_shown(self) -> int:
        """The line the box marks: the row whose centre is level with the box's."""
        if self.box is None:
            raise ValueError("no line is marked yet")
        y = self.box.get_center()[1]
        return int(np.argmin([abs(self._middle(k) - y) for k in range(len(self.rows))]))


#: characters that sit flat on the baseline in the code font (no descender, no overshoot)
_FLAT = set("fhiklmnrtxz1247BDEFHIKLMNPRTXZ")


def _baseline(row: Text, line: str) -> float:
    """The y of a code line's baseline: the bottom of its flat-bottomed glyphs (spaces have
    no glyph); a line without any falls back to the bottom of its box."""
    chars = line.replace(" ", "")
    bottoms = [
        float(g.get_bottom()[1]) for g, c in zip(row.submobjects, chars, strict=False) if c in _FLAT
    ]
    return float(np.median(bottoms)) if bottoms else float(row.get_bottom()[1])


# --- residual squares ----------------------------------------------------------------------------
def target_dot(point: Sequence[float] | np.ndarray) -> Dot:
    """A true value ``yᵢ``: a filled dot."""
    return Dot(np.asarray(point, dtype=float), radius=0.1, color=TARGET_COLOR)


def prediction_ring(point: Sequence[float] | np.ndarray) -> Dot:
    """A prediction ``ŷᵢ``: a ring, so that a dot exactly on it still shows."""
    return Dot(
        np.asarray(point, dtype=float),
        radius=0.13,
        fill_opacity=0.0,
        stroke_color=PREDICTION_COLOR,
        stroke_width=4,
    )


def _segment(start: np.ndarray, end: np.ndarray, color: ManimColor, width: float) -> VMobject:
    """A straight stroke from ``start`` to ``end`` (a zero-length one is allowed)."""
    seg = VMobject(stroke_color=color, stroke_width=width)
    seg.set_points_as_corners([start, end])
    return seg


class PairedResiduals(VGroup):
    """True values and predictions over named items, residual segments and squared errors.

    Items sit at x = 1, 1 + spacing, …; the y axis carries the values. Both axes have the
    same unit length, so a residual's square is drawn as a square and its area, read through
    the axes, is the squared error.

    Parameters
    ----------
    y, y_hat
        True values (dots) and predictions (rings), one per item.
    names
        A label under each item.
    y_range
        ``(min, max, step)`` of the value axis.
    unit
        Scene units per value unit, on both axes.
    spacing
        Distance between items in value units (leave room for the squares on the right).
    """

    def __init__(
        self,
        y: Sequence[Number],
        y_hat: Sequence[Number],
        names: Sequence[str],
        *,
        y_range: tuple[float, float, float] = (0.0, 10.0, 1.0),
        unit: float = 0.6,
        spacing: float = 1.6,
        font_size: int = 22,
    ) -> None:
        super().__init__()
        if not len(y) == len(y_hat) == len(names):
            raise ValueError("one prediction and one name per value")
        self.y = [float(v) for v in y]
        self.y_hat = [float(v) for v in y_hat]
        self.positions = [1.0 + spacing * i for i in range(len(self.y))]
        x_max = self.positions[-1] + spacing - 0.4
        self.axes = value_axes(
            (0.0, x_max, 1.0),
            y_range,
            x_max * unit,
            (y_range[1] - y_range[0]) * unit,
            font_size,
        )
        axes = self.axes
        self.names = VGroup(
            *(
                theme.text(name, size=font_size, color=theme.MUTED).next_to(
                    axes.c2p(x, y_range[0]), DOWN, buff=0.2
                )
                for x, name in zip(self.positions, names, strict=True)
            )
        )
        #: the data, drawn from the axes where they stand when shown (:meth:`show_targets`,
        #: :meth:`show_predictions`); residual segments and squares likewise
        self.targets = VGroup()
        self.predictions = VGroup()
        self.segments: dict[int, VMobject] = {}
        self.squares: dict[int, Polygon] = {}
        self.band: Rectangle | None = None
        self.add(self.axes, self.names, self.predictions, self.targets)

    # --- animations ---------------------------------------------------------------------------
    def show_frame(self, run_time: float = 1.0) -> Animation:
        """The axes are drawn and the items' names fade in."""
        return AnimationGroup(Create(self.axes), FadeIn(self.names), run_time=run_time, group=self)

    def show_targets(self, run_time: float = 1.0) -> Animation:
        """The true values pop in, one after another."""
        self.targets.add(
            *(target_dot(self.axes.c2p(x, v)) for x, v in zip(self.positions, self.y, strict=True))
        )
        return AnimationGroup(
            *(FadeIn(d, scale=0.3) for d in self.targets), lag_ratio=0.4, run_time=run_time
        )

    def show_predictions(self, run_time: float = 1.0) -> Animation:
        """The predictions close in on their places, one after another."""
        self.predictions.add(
            *(
                prediction_ring(self.axes.c2p(x, v))
                for x, v in zip(self.positions, self.y_hat, strict=True)
            )
        )
        return AnimationGroup(
            *(FadeIn(d, scale=2.0) for d in self.predictions), lag_ratio=0.4, run_time=run_time
        )

    def create(self, run_time: float = 2.0) -> Animation:
        """Axes and names, then the true values, then the predictions."""
        return AnimationGroup(
            self.show_frame(),
            self.show_targets(),
            self.show_predictions(),
            lag_ratio=0.45,
            run_time=run_time,
            group=self,
        )

    def _band_for(self, i: int) -> Rectangle:
        axes = self.axes
        x = self.positions[i]
        lo, hi = axes.y_range[0], axes.y_range[1]
        width = (self.positions[1] - self.positions[0] if len(self.positions) > 1 else 1.6) * 0.9
        left, right = axes.c2p(x - 0.35, lo), axes.c2p(x - 0.35 + width, hi)
        band = Rectangle(
            width=right[0] - left[0],
            height=right[1] - left[1],
            stroke_width=0,
            fill_color=INDEX_COLOR,
            fill_opacity=0.1,
        )
        band.move_to((left + right) / 2)
        return band

    def highlight(self, i: int, run_time: float = 0.6) -> Animation:
        """A faint band in the index colour over item ``i``; its name in the index colour."""
        target = self._band_for(i)
        recolor = [
            cast(Animation, n.animate.set_color(INDEX_COLOR if k == i else theme.MUTED))
            for k, n in enumerate(self.names)
        ]
        if self.band is None:
            self.band = target
            self.add_to_back(self.band)
            return AnimationGroup(FadeIn(self.band), *recolor, run_time=run_time, group=self)
        return AnimationGroup(Transform(self.band, target), *recolor, run_time=run_time, group=self)

    def _residual(self, i: int) -> VMobject:
        axes, x = self.axes, self.positions[i]
        return _segment(axes.c2p(x, self.y_hat[i]), axes.c2p(x, self.y[i]), RESIDUAL_COLOR, 5)

    def _square(self, i: int) -> Polygon:
        axes, x = self.axes, self.positions[i]
        v, p = self.y[i], self.y_hat[i]
        side, lo, hi = abs(v - p), min(v, p), max(v, p)
        return Polygon(
            axes.c2p(x, lo),
            axes.c2p(x + side, lo),
            axes.c2p(x + side, hi),
            axes.c2p(x, hi),
            stroke_color=SQUARE_COLOR,
            stroke_width=2,
            fill_color=SQUARE_COLOR,
            fill_opacity=0.75,
        )

    def show_residual(self, i: int, run_time: float = 1.0) -> Animation:
        """Draw residual ``i`` from the prediction up or down to the true value."""
        self.segments[i] = segment = self._residual(i)
        self.add(segment)
        return Create(segment, run_time=run_time)

    def show_square(self, i: int, run_time: float = 1.0) -> Animation:
        """Grow the square on residual ``i`` out of its segment, to the segment's right
        (drawn under the dots and the segments)."""
        self.squares[i] = square = self._square(i)
        self.remove(self.predictions, self.targets, *self.segments.values())
        self.add(square, *self.segments.values(), self.predictions, self.targets)
        return GrowFromEdge(square, LEFT, run_time=run_time)

    # --- read back ---------------------------------------------------------------------------
    @reads_screen("geometry")
    def targets_shown(self) -> np.ndarray:
        """The true values: each dot's height through the axes."""
        return np.array([coords(self.axes, d)[1] for d in self.targets])

    @reads_screen("geometry")
    def predictions_shown(self) -> np.ndarray:
        """The predictions: each ring's height through the axes."""
        return np.array([coords(self.axes, d)[1] for d in self.predictions])

    @reads_screen("geometry")
    def residual_shown(self, i: int) -> float:
        """Residual ``yᵢ − ŷᵢ`` as drawn: the segment's end minus its start, through the axes."""
        start, end = self.residual_ends_shown(i)
        return float(end[1] - start[1])

    @reads_screen("geometry")
    def residual_ends_shown(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """Where residual ``i`` starts and ends, ``(x, y)`` each, through the axes."""
        seg = self.segments[i]
        return coords(self.axes, seg.get_start()), coords(self.axes, seg.get_end())

    @reads_screen("area")
    def area_shown(self, i: int) -> float:
        """The area of square ``i`` through the axes (the squared error)."""
        return float(polygon_area_shown(self.axes, self.squares[i]))

    @reads_screen("geometry")
    def side_shown(self, i: int) -> tuple[float, float]:
        """Width and height of square ``i`` through the axes."""
        lo, hi = self.square_corners_shown(i)
        return float(hi[0] - lo[0]), float(hi[1] - lo[1])

    @reads_screen("geometry")
    def square_corners_shown(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """The lower-left and upper-right corners of square ``i`` through the axes."""
        square = self.squares[i]
        return (
            coords(self.axes, square.get_corner(DOWN + LEFT)),
            coords(self.axes, square.get_corner(UP + RIGHT)),
        )

    @reads_screen("geometry")
    def index_shown(self) -> int:
        """The item the band is over (0-based), from the band's left edge through the axes."""
        if self.band is None:
            raise ValueError("no item is highlighted yet")
        x = coords(self.axes, self.band.get_left())[0] + 0.35
        return int(np.argmin([abs(x - p) for p in self.positions]))


# --- the accumulator --------------------------------------------------------------------------------
class AccumulatorBar(VGroup):
    """A loop's accumulator as one bar on a numbered vertical axis.

    The bar is a column of blocks standing on the zero line. Its height, read through the
    axis, is the top of the blocks that stand solidly one on another from zero up; a block
    still flying in, or one sliding away, does not count.

    Parameters
    ----------
    y_range
        ``(min, max, step)`` of the axis (``min`` is 0).
    length
        Height of the axis in scene units.
    width
        Width of the bar in scene units.
    decimals
        Decimal places of the axis numbers.
    """

    def __init__(
        self,
        *,
        y_range: tuple[float, float, float] = (0.0, 1.5, 0.25),
        length: float = 5.0,
        width: float = 0.9,
        decimals: int = 2,
        font_size: int = 22,
        color: ParsableManimColor = SQUARE_COLOR,
    ) -> None:
        super().__init__()
        self.bar_width, self.color = width, ManimColor(color)
        self.axes = value_axes((0.0, 1.0, 1.0), y_range, width * 1.7, length, font_size, decimals)
        self.blocks = VGroup()
        self.add(self.axes, self.blocks)

    @property
    def unit(self) -> float:
        """Scene units per unit of value."""
        return float(self.axes.c2p(0, 1)[1] - self.axes.c2p(0, 0)[1])

    def _block(self, bottom: float, top: float) -> Rectangle:
        lo, hi = self.axes.c2p(0.5, bottom), self.axes.c2p(0.5, top)
        block = Rectangle(
            width=self.bar_width,
            height=max(hi[1] - lo[1], _EPS),
            stroke_color=theme.BACKGROUND,
            stroke_width=2,
            fill_color=self.color,
            fill_opacity=0.75,
        )
        block.move_to(lo, aligned_edge=DOWN)
        return block

    # --- sums ---------------------------------------------------------------------------------
    def stack(
        self, source: Mobject, bottom: float, term: float, *, run_time: float = 1.5
    ) -> Animation:
        """A copy of ``source`` (a square) flies over and becomes the block from ``bottom``
        to ``bottom + term`` on top of the bar: same value, reshaped to the bar's width."""
        if term <= 0:
            raise ValueError("only a positive term adds a block")
        piece = cast(VMobject, source.copy())
        self.blocks.add(piece)
        return Transform(
            piece, self._block(bottom, bottom + term), path_arc=-0.6, run_time=run_time
        )

    # --- products -------------------------------------------------------------------------------
    def fill(self, value: float = 1.0, run_time: float = 1.0) -> Animation:
        """Grow the bar to ``value`` (a product's starting 1), with a dashed line kept at
        that height to show what the factors cut away."""
        block = self._block(0.0, value)
        self.blocks.add(block)
        left, right = block.get_corner(UL), block.get_corner(UP + RIGHT)
        top = DashedLine(left, right, dash_length=0.08).set_stroke(theme.MUTED, 2)
        self.add_to_back(top)
        return AnimationGroup(GrowFromEdge(block, DOWN), FadeIn(top), run_time=run_time)

    def cut(self, current: float, factor: float, *, run_time: float = 1.5) -> Animation:
        """Keep ``factor`` of the bar (now ``current`` high): the part above
        ``current · factor`` slides off to the right and fades, leaving its outline."""
        if not 0 <= factor <= 1:
            raise ValueError("a factor between 0 and 1 cuts the bar")
        kept, gone = self._block(0.0, current * factor), self._block(current * factor, current)
        return _Cut(self, kept, gone, run_time=run_time)

    # --- read back -----------------------------------------------------------------------------
    @reads_screen("geometry")
    def height_shown(self) -> float:
        """The bar's height through the axis: the top of the solid blocks standing one on
        another from the zero line, in the bar's column and at the bar's width."""
        x = self.axes.c2p(0.5, 0)[0]
        top = self.axes.c2p(0.5, 0)[1]
        solid = sorted(
            (
                b
                for b in self.blocks
                if abs(b.get_center()[0] - x) < _EPS
                and abs(b.width - self.bar_width) < _EPS
                and b.get_fill_opacity() > _SOLID
            ),
            key=lambda b: float(b.get_bottom()[1]),
        )
        for block in solid:
            if abs(block.get_bottom()[1] - top) < _EPS:
                top = block.get_top()[1]
        return float(self.axes.p2c(np.array([x, top, 0.0]))[1])

    @reads_screen("count")
    def blocks_shown(self) -> int:
        """How many solid blocks make up the bar (see :meth:`height_shown`)."""
        x = self.axes.c2p(0.5, 0)[0]
        return sum(
            1
            for b in self.blocks
            if abs(b.get_center()[0] - x) < _EPS
            and abs(b.width - self.bar_width) < _EPS
            and b.get_fill_opacity() > _SOLID
        )


class _Cut(Redraw):
    """Replace the bar's blocks by ``kept`` and ``gone`` when it starts; ``gone`` slides off
    to the right and fades, and leaves the bar at the end."""

    def __init__(
        self, bar: AccumulatorBar, kept: Rectangle, gone: Rectangle, **kwargs: float
    ) -> None:
        self.bar, self.kept, self.gone = bar, kept, gone
        self.start = gone.get_center()
        super().__init__(bar.blocks, **kwargs)  # type: ignore[arg-type]

    def begin(self) -> None:  # noqa: D102 - manim hook
        blocks = self.bar.blocks
        blocks.remove(*(b for b in blocks.submobjects if b.get_fill_opacity() > _SOLID))
        # a ghost outline stays where the cut-away part was: what the factor took
        self.ghost = Rectangle(
            width=self.gone.width,
            height=self.gone.height,
            stroke_color=theme.MUTED,
            stroke_width=1.5,
            stroke_opacity=0.0,
            fill_opacity=0.0,
        ).move_to(self.start)
        blocks.add(self.ghost, self.kept, self.gone)
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = self.rate_func(alpha)
        self.gone.move_to(self.start + RIGHT * 0.8 * self.bar.bar_width * t)
        fade = max(0.0, 1 - 1.4 * t)
        self.gone.set_fill(opacity=0.75 * fade).set_stroke(opacity=fade)
        self.ghost.set_stroke(opacity=0.7 * t)

    def finish(self) -> None:  # noqa: D102 - manim hook
        super().finish()
        self.bar.blocks.remove(self.gone)


# --- loops over a bar chart ----------------------------------------------------------------------
class BarScan(VGroup):
    """A box that visits a bar chart's bars one by one: the loop index over its items.

    Parameters
    ----------
    chart
        The items' values as bars (drawn by the scene).
    color
        The box's colour.
    below
        Labels the scene put under the bars' names, one per bar: the box holds them too.
    """

    def __init__(
        self,
        chart: BarChart,
        *,
        color: ParsableManimColor = INDEX_COLOR,
        below: Sequence[Mobject] = (),
    ) -> None:
        super().__init__()
        self.chart, self.color = chart, ManimColor(color)
        self.below = list(below)
        if self.below and len(self.below) != len(chart.bars):
            raise ValueError("one label below each bar, or none")
        self.box: Rectangle | None = None

    def _box_for(self, k: int) -> Rectangle:
        chart = self.chart
        axes = chart.axes
        slot = axes.c2p(1, 0)[0] - axes.c2p(0, 0)[0]
        top = max(chart.bars[k].get_top()[1], chart.labels[k].get_top()[1]) + 0.12
        under = self.below[k] if self.below else chart.names[k]
        bottom = under.get_bottom()[1] - 0.12
        box = Rectangle(
            width=0.92 * slot, height=top - bottom, stroke_color=self.color, stroke_width=2.5
        )
        box.move_to(np.array([axes.c2p(k + 0.5, 0)[0], (top + bottom) / 2, 0.0]))
        return box

    def visit(self, k: int, run_time: float = 0.8) -> Animation:
        """Move the box to bar ``k`` (the first call draws it there)."""
        target = self._box_for(k)
        if self.box is None:
            self.box = target
            self.add(self.box)
            return Create(self.box, run_time=run_time)
        return Transform(self.box, target, run_time=run_time)

    @reads_screen("geometry")
    def box_index_shown(self) -> int:
        """The bar the box is on (0-based): the slot its centre falls in, through the axes."""
        if self.box is None:
            raise ValueError("the scan has not started")
        return int(np.floor(coords(self.chart.axes, self.box.get_center())[0]))


class ArgminScan(BarScan):
    """The argmin loop over a bar chart's candidates.

    The box visits the candidates in order; when one is lower than every bar before it, the
    level line (the smallest value so far) drops to its top and the marker moves over it.

    Parameters
    ----------
    chart
        The candidates' values as bars (drawn by the scene).
    steps
        The loop, pass by pass (:func:`mathviz.maths.notation.running_argmin`).
    below
        Labels under the bars' names that the scan box holds too (see :class:`BarScan`).
    """

    def __init__(
        self, chart: BarChart, steps: Sequence[ArgminStep], *, below: Sequence[Mobject] = ()
    ) -> None:
        super().__init__(chart, color=theme.TEXT, below=below)
        if len(steps) != len(chart.bars):
            raise ValueError("one pass per bar")
        self.steps = list(steps)
        axes = chart.axes
        left, right = axes.c2p(0, axes.y_range[1]), axes.c2p(len(chart.bars), axes.y_range[1])
        self.level = DashedLine(left, right, dash_length=0.12)
        self.level.set_stroke(theme.GOOD, 3)
        self.marker = Triangle(fill_color=INDEX_COLOR, fill_opacity=1.0, stroke_width=0)
        self.marker.rotate(np.pi).scale(0.16)
        self._moves = 0

    def _marker_at(self, k: int) -> np.ndarray:
        x = self.chart.axes.c2p(k + 0.5, 0)[0]
        return np.array([x, self.chart.labels[k].get_top()[1] + 0.3, 0.0])

    def _level_at(self, value: float) -> np.ndarray:
        axes = self.chart.axes
        left = np.asarray(axes.c2p(0, value), dtype=float)
        right = np.asarray(axes.c2p(len(self.chart.bars), value), dtype=float)
        return np.asarray((left + right) / 2, dtype=float)

    def consider(self, k: int, run_time: float = 1.2) -> Animation:
        """Pass ``k`` of the loop: the box moves to candidate ``k``; if it beats the best so
        far, the level drops to it and the marker moves over it."""
        step = self.steps[k]
        visit = self.visit(k)
        if not step.improved:
            return AnimationGroup(visit, run_time=run_time, group=self)
        middle, marker = self._level_at(float(step.best_value)), self._marker_at(step.best)
        moves: list[Animation]
        if self._moves == 0:
            self.level.move_to(middle)
            self.marker.move_to(marker)
            self.add(self.level, self.marker)
            moves = [Create(self.level), FadeIn(self.marker, shift=0.3 * DOWN)]
        else:
            moves = [
                cast(Animation, self.level.animate.move_to(middle)),
                cast(Animation, self.marker.animate.move_to(marker)),
            ]
        self._moves += 1
        return AnimationGroup(visit, AnimationGroup(*moves), lag_ratio=0.6, run_time=run_time)

    @reads_screen("geometry")
    def marker_index_shown(self) -> int:
        """The candidate under the marker (0-based): the bar slot its x falls in, through the
        chart's axes."""
        return int(np.floor(coords(self.chart.axes, self.marker.get_center())[0]))

    @reads_screen("geometry")
    def level_shown(self) -> float:
        """The level line's height through the chart's axes (the smallest value so far)."""
        return float(coords(self.chart.axes, self.level.get_center())[1])
