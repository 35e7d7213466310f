"""Surprise drawn: the curve −log₂ p with a probe, stacked bars of bits, and a bit meter.

* :class:`SurprisePlot` — axes with the probability ``p`` across (0 … 1, labelled in
  quarters) and the surprise in bits up, the curve ``−log₂ p`` and a probe: a dot on the
  curve with guides down to the ``p`` axis and across to the bits axis. The probe slides
  through stops *evenly in surprise* (:func:`~mathviz.maths.surprise.probability_along`), so
  it climbs the steep wall near ``p = 0`` at the same pace as it crosses the flat end. Stops
  can leave a faint ghost dot with a label. The probe is read back through the axes.
* :class:`BitBar` — a vertical bar of a given number of bits standing on the plot's axes at
  some ``p``, from some base: it grows, and it can be carried to another ``p`` and base (to
  stack surprises). Its ends are read back through the axes.
* :class:`BitMeter` — a horizontal scale of ``n`` bits with a row of ``n`` one-bit cells
  that fill one by one (for instance, one per answer of a yes/no game) and, under them, one
  bar that grows to a whole surprise. Lengths are read back through the scale, and the cells
  filled are counted.

Every part is drawn from a small state by a ``redraw`` method, so any moment of a motion is
the drawing of one true state.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from manim import (
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Axes,
    Create,
    Dot,
    FadeIn,
    GrowFromCenter,
    Line,
    ManimColor,
    NumberLine,
    Polygon,
    VGroup,
    VMobject,
    smooth,
)
from manim.animation.animation import Animation
from numpy.typing import NDArray

from mathviz import theme
from mathviz.maths.information import surprise
from mathviz.maths.surprise import probability_along
from mathviz.primitives.calculus import TICK_LABEL_Z
from mathviz.primitives.motion import Redraw, StateTween
from mathviz.primitives.readout import coords
from mathviz.readings import reads_screen

__all__ = ["QUARTERS", "SurprisePlot", "BitBar", "BitMeter"]

Floats = NDArray[np.float64]

#: the p axis's labels: quarters, typeset as fractions
QUARTERS = {0.25: r"\frac{1}{4}", 0.5: r"\frac{1}{2}", 0.75: r"\frac{3}{4}", 1.0: "1"}
#: opacity of a ghost left at a stop
GHOST_OPACITY = 0.5


def _corners(xs: Sequence[float], ys: Sequence[float]) -> Floats:
    return np.array([[x, y, 0.0] for x, y in zip(xs, ys, strict=True)], dtype=np.float64)


class SurprisePlot(VGroup):
    """The surprise curve ``−log₂ p`` over ``(0, 1]`` with a probe that slides along it.

    Parameters
    ----------
    top
        The bits axis runs from 0 to ``top``; the curve is drawn from ``p = 2^−top`` (where
        it reaches the top) to ``p = 1``.
    x_length, y_length
        The axes' size in scene units.
    p0
        Where the probe starts.
    color
        The curve's colour.
    label_size
        Font size of the tick labels (the axis titles are text of ``theme.LABEL_SIZE``).
    """

    def __init__(
        self,
        *,
        top: int = 10,
        x_length: float = 8.0,
        y_length: float = 6.0,
        p0: float = 1.0,
        color: ManimColor = theme.CURVE,
        label_size: int = 30,
    ) -> None:
        super().__init__()
        self.top = int(top)
        self.axes = Axes(
            x_range=(0, 1, 0.25),
            y_range=(0, self.top, 2),
            x_length=x_length,
            y_length=y_length,
            axis_config={"color": theme.MUTED, "include_numbers": False},
            tips=False,
        )
        self.axes.x_axis.add_labels(
            {v: theme.tex(t, size=label_size, color=theme.MUTED) for v, t in QUARTERS.items()},
            buff=0.25,
        )
        self.axes.y_axis.add_numbers(
            range(2, self.top + 1, 2), num_decimal_places=0, font_size=label_size
        )
        for axis in self.axes.get_axes():
            for label in [*getattr(axis, "labels", []), *getattr(axis, "numbers", [])]:
                label.set_color(theme.MUTED)
                label.set_z_index(TICK_LABEL_Z)
        self.p_title = theme.text("p", size=theme.BODY_SIZE, color=theme.MUTED)
        self.p_title.next_to(self.axes.c2p(1, 0), RIGHT, buff=0.3)
        self.bits_title = theme.text("surprise, bits", size=theme.LABEL_SIZE, color=theme.MUTED)
        self.bits_title.next_to(self.axes.c2p(0, self.top), UP, buff=0.3)
        self.bits_title.align_to(self.axes.c2p(0, self.top), LEFT).shift(0.1 * LEFT)
        # sampled evenly in surprise: dense up the steep wall, sparse along the flat end
        s = np.linspace(float(self.top), 0.0, 50 * self.top + 1)
        p = np.exp2(-s)
        self.curve = VMobject(stroke_color=color, stroke_width=5)
        self.curve.set_points_as_corners(
            np.asarray(self.axes.c2p(p, s), dtype=np.float64).T.reshape(-1, 3)
        )
        self.p = float(p0)
        self.dot = Dot(radius=0.11, color=theme.DOT).set_z_index(1)
        self.drop = Line(stroke_color=theme.MUTED, stroke_width=2, stroke_opacity=0.7)
        self.across = Line(stroke_color=theme.MUTED, stroke_width=2, stroke_opacity=0.7)
        self.probe = VGroup(self.drop, self.across, self.dot)
        self.ghosts = VGroup()
        self.add(self.axes, self.p_title, self.bits_title, self.curve, self.ghosts, self.probe)
        self.place(self.p)

    # --- drawing ----------------------------------------------------------------------------
    def point(self, p: float, bits: float | None = None) -> Floats:
        """Scene point of ``(p, bits)`` (default: on the curve)."""
        height = surprise(p) if bits is None else bits
        return np.asarray(self.axes.c2p(p, height), dtype=np.float64)

    def place(self, p: float) -> SurprisePlot:
        """Put the probe at ``p`` now: the dot on the curve, its guides to both axes."""
        self.p = float(p)
        here = self.point(self.p)
        self.dot.move_to(here)
        self.drop.set_points_as_corners([self.point(self.p, 0.0), here])
        self.across.set_points_as_corners([self.point(0.0, surprise(self.p)), here])
        return self

    def create(self, run_time: float = 2.0) -> Animation:
        """Draw the axes, their titles, then the curve from the top of the wall down."""
        return AnimationGroup(
            Create(self.axes),
            FadeIn(VGroup(self.p_title, self.bits_title)),
            Create(self.curve),
            lag_ratio=0.5,
            run_time=run_time,
        )

    def show_probe(self, run_time: float = 0.8) -> Animation:
        """Bring the probe in where it stands."""
        return AnimationGroup(
            GrowFromCenter(self.dot), Create(self.drop), Create(self.across), run_time=run_time
        )

    def slide(self, stops: Sequence[float], run_time: float = 3.0) -> Animation:
        """Slide the probe through ``stops`` in turn, from where it is when the slide begins,
        evenly in surprise (each leg takes time in proportion to the bits it climbs or drops)."""
        for p in stops:
            if not 0.0 < p <= 1.0:
                raise ValueError(f"the surprise curve is drawn over (0, 1], not at p = {p}")
        return _Slide(self, [float(p) for p in stops], run_time=run_time)

    def leave_ghost(
        self, label: VMobject | None = None, direction: np.ndarray = RIGHT, buff: float = 0.25
    ) -> Animation:
        """Leave a faint copy of the dot at the probe's stop, with ``label`` beside it."""
        ghost = Dot(self.dot.get_center(), radius=0.09, color=theme.DOT)
        ghost.set_fill(opacity=GHOST_OPACITY)
        group = VGroup(ghost)
        if label is not None:
            label.next_to(ghost, direction, buff=buff)
            group.add(label)
        self.ghosts.add(group)
        return FadeIn(group)

    # --- read back ----------------------------------------------------------------------------
    @reads_screen("geometry")
    def probe_shown(self) -> Floats:
        """The probe's ``(p, bits)`` read back through the axes."""
        return np.asarray(coords(self.axes, self.dot), dtype=np.float64)

    @reads_screen("geometry")
    def guide_feet_shown(self) -> Floats:
        """Where the guides meet the axes: the drop's foot ``p`` and the crossing's ``bits``."""
        foot = coords(self.axes, self.drop.get_start())
        side = coords(self.axes, self.across.get_start())
        return np.array([float(foot[0]), float(side[1])])

    @reads_screen("geometry")
    def curve_shown(self) -> Floats:
        """The drawn curve's corners through the axes, ``(n, 2)``."""
        return np.asarray(coords(self.axes, self.curve.get_anchors()), dtype=np.float64)

    @reads_screen("count")
    def ghosts_shown(self) -> int:
        """How many ghost dots are drawn."""
        return sum(1 for g in self.ghosts if float(g[0].get_fill_opacity()) > 0.05)


class _Slide(Redraw):
    """Carry a :class:`SurprisePlot`'s probe through its stops (start taken at begin)."""

    def __init__(self, plot: SurprisePlot, stops: list[float], **kwargs: Any) -> None:
        self.plot, self.stops = plot, stops
        kwargs.setdefault("rate_func", smooth)
        super().__init__(plot.probe, **kwargs)
        self._legs()

    def _legs(self) -> None:
        self.path = [self.plot.p, *self.stops]
        climbs = [
            abs(math.log2(b) - math.log2(a))
            for a, b in zip(self.path[:-1], self.path[1:], strict=True)
        ]
        total = sum(climbs)
        shares = [c / total for c in climbs] if total > 0 else [1 / len(climbs)] * len(climbs)
        self.marks = np.concatenate([[0.0], np.cumsum(shares)])
        self.marks[-1] = 1.0

    def begin(self) -> None:  # noqa: D102 - manim hook
        self._legs()
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = min(max(float(self.rate_func(alpha)), 0.0), 1.0)
        leg = min(int(np.searchsorted(self.marks, t, side="right")) - 1, len(self.stops) - 1)
        a, b = self.marks[leg], self.marks[leg + 1]
        share = 1.0 if b <= a else min(max((t - a) / (b - a), 0.0), 1.0)
        self.plot.place(probability_along(self.path[leg], self.path[leg + 1], share))


class BitBar(VGroup):
    """A vertical bar ``bits`` tall on ``axes`` at ``p``, standing on ``base``.

    Parameters
    ----------
    axes
        The plot's axes (``p`` across, bits up).
    p, bits, base
        Where the bar stands, how tall it is (bits) and where its bottom is (bits).
    color
        Its fill; its outline is the background's colour, so stacked bars show a seam.
    width
        Its width in scene units.
    """

    def __init__(
        self,
        axes: Axes,
        p: float,
        bits: float,
        *,
        base: float = 0.0,
        color: ManimColor = theme.GRADIENT,
        width: float = 0.45,
    ) -> None:
        super().__init__()
        self.axes = axes
        self.p, self.bits, self.base, self.grown = float(p), float(bits), float(base), 0.0
        self.width_units = float(width)
        self.rect = Polygon(
            *_corners([0, 1, 1, 0], [0, 0, 1, 1]),
            fill_color=color,
            fill_opacity=0.9,
            stroke_color=theme.BACKGROUND,
            stroke_width=3,
        )
        self.add(self.rect)
        self.redraw()

    def redraw(self) -> BitBar:
        """Draw the bar from its state (``p``, ``base``, ``bits`` and how far it has grown)."""
        x = float(self.axes.c2p(self.p, 0.0)[0])
        y0 = float(self.axes.c2p(0.0, self.base)[1])
        y1 = float(self.axes.c2p(0.0, self.base + self.bits * self.grown)[1])
        half = self.width_units / 2
        y1 = max(y1, y0 + 1e-4)
        self.rect.set_points_as_corners(
            _corners([x - half, x + half, x + half, x - half, x - half], [y0, y0, y1, y1, y0])
        )
        shown = 1.0 if self.grown > 1e-3 else 0.0
        self.rect.set_fill(opacity=0.9 * shown).set_stroke(opacity=shown)
        return self

    def grow(self, run_time: float = 1.0) -> Animation:
        """Grow the bar up from its base to its full height."""
        return StateTween(self, self, {"grown": 1.0}, self.redraw, run_time=run_time)

    def carry(self, p: float, base: float, run_time: float = 1.5) -> Animation:
        """Carry the bar to stand at ``p`` on ``base`` (across and up together)."""
        return StateTween(self, self, {"p": p, "base": base}, self.redraw, run_time=run_time)

    @reads_screen("geometry")
    def ends_shown(self) -> Floats:
        """The bar's bottom and top in bits, read back through the axes."""
        bottom = coords(self.axes, self.rect.get_bottom())
        top = coords(self.axes, self.rect.get_top())
        return np.array([float(bottom[1]), float(top[1])])

    @reads_screen("geometry")
    def length_shown(self) -> float:
        """The bar's height in bits, read back through the axes."""
        bottom, top = (float(v) for v in np.asarray(self.ends_shown()))
        return top - bottom

    @reads_screen("geometry")
    def p_shown(self) -> float:
        """The ``p`` the bar stands at, its centre read back through the axes."""
        return float(coords(self.axes, self.rect.get_center())[0])


class BitMeter(VGroup):
    """A scale of ``n`` bits with ``n`` one-bit cells above it and a whole bar between.

    Parameters
    ----------
    n
        Bits on the scale (and cells in the row).
    length
        The scale's length in scene units.
    cell_color, whole_color
        The cells' fill and the whole bar's.
    height
        Height of a cell and of the whole bar.
    gap
        Vertical gap between the cells, the whole bar and the scale.
    label_size
        Font size of the scale's numbers.
    """

    def __init__(
        self,
        n: int = 10,
        *,
        length: float = 6.0,
        cell_color: ManimColor = theme.ACCENT,
        whole_color: ManimColor = theme.HYPOTHESIS,
        height: float = 0.4,
        gap: float = 0.14,
        label_size: int = 28,
    ) -> None:
        super().__init__()
        self.n = int(n)
        self.ruler = NumberLine(
            x_range=(0, self.n, 1),
            length=length,
            color=theme.MUTED,
            include_numbers=True,
            numbers_to_include=(0, self.n // 2, self.n),
            font_size=label_size,
            tick_size=0.08,
        )
        for number in self.ruler.numbers:
            number.set_color(theme.MUTED)
        self.bar_height, self.gap = float(height), float(gap)
        self.filled, self.whole_bits = 0, 0.0
        self.cells = VGroup(
            *(
                Polygon(
                    *_corners([0, 1, 1, 0], [0, 0, 1, 1]),
                    fill_color=cell_color,
                    fill_opacity=0.9,
                    stroke_color=theme.BACKGROUND,
                    stroke_width=4,
                )
                for _ in range(self.n)
            )
        )
        self.whole = Polygon(
            *_corners([0, 1, 1, 0], [0, 0, 1, 1]),
            fill_color=whole_color,
            fill_opacity=0.9,
            stroke_color=theme.BACKGROUND,
            stroke_width=2,
        )
        self.add(self.ruler, self.whole, self.cells)
        self.add_updater(lambda _m: self.redraw(), call_updater=False)
        self.redraw()

    def _box(self, mob: VMobject, a: float, b: float, row: int, opacity: float) -> None:
        start, end = self.ruler.n2p(a), self.ruler.n2p(b)
        y0 = float(start[1]) + self.gap + row * (self.bar_height + self.gap)
        x0, x1 = float(start[0]), max(float(end[0]), float(start[0]) + 1e-4)
        mob.set_points_as_corners(
            _corners([x0, x1, x1, x0, x0], [y0, y0, y0 + self.bar_height, y0 + self.bar_height, y0])
        )
        mob.set_fill(opacity=0.9 * opacity).set_stroke(opacity=opacity)

    def redraw(self) -> BitMeter:
        """Draw the cells filled so far (upper row) and the whole bar (lower row)."""
        reader = getattr(self, "_count", None)
        if reader is not None:
            self.filled = int(reader())
        for k, cell in enumerate(self.cells):
            self._box(cell, k, k + 1, 1, 1.0 if k < self.filled else 0.0)
        self._box(self.whole, 0.0, self.whole_bits, 0, 1.0 if self.whole_bits > 1e-3 else 0.0)
        return self

    def cell_center(self, k: int) -> Floats:
        """Scene centre of cell ``k`` (drawn or not)."""
        a, b = self.ruler.n2p(k), self.ruler.n2p(k + 1)
        y = float(a[1]) + self.gap + (self.bar_height + self.gap) + self.bar_height / 2
        return np.array([(float(a[0]) + float(b[0])) / 2, y, 0.0])

    def row_left(self, row: int) -> Floats:
        """Scene point at the left end of ``row`` (0: the whole bar, 1: the cells), mid-height."""
        a = self.ruler.n2p(0)
        y = float(a[1]) + self.gap + row * (self.bar_height + self.gap) + self.bar_height / 2
        return np.array([float(a[0]), y, 0.0])

    def count_cells(self, read: Callable[[], int]) -> BitMeter:
        """Fill as many cells as ``read()`` says, at every frame (e.g. the answers drawn)."""
        self._count = read
        self.redraw()
        return self

    def grow_whole(self, bits: float, run_time: float = 2.0) -> Animation:
        """Grow the whole bar along the scale to ``bits``."""
        return StateTween(self, self, {"whole_bits": bits}, self.redraw, run_time=run_time)

    # --- read back ----------------------------------------------------------------------------
    def _visible(self, mob: VMobject) -> bool:
        return float(np.max(mob.get_fill_opacities(), initial=0.0)) > theme.VISIBLE_OPACITY

    def _span(self, mob: VMobject) -> tuple[float, float]:
        return (
            float(self.ruler.p2n(mob.get_left())),
            float(self.ruler.p2n(mob.get_right())),
        )

    @reads_screen("count")
    def cells_shown(self) -> int:
        """How many one-bit cells are drawn."""
        return sum(1 for cell in self.cells if self._visible(cell))

    @reads_screen("geometry")
    def cell_lengths_shown(self) -> Floats:
        """Each drawn cell's length in bits, read back through the scale."""
        spans = [self._span(c) for c in self.cells if self._visible(c)]
        return np.array([b - a for a, b in spans])

    @reads_screen("geometry")
    def cells_end_shown(self) -> float:
        """Where the row of drawn cells ends on the scale, in bits (0 if none)."""
        spans = [self._span(c) for c in self.cells if self._visible(c)]
        return max((b for _a, b in spans), default=0.0)

    @reads_screen("geometry")
    def whole_shown(self) -> Floats:
        """The whole bar's two ends in bits, read back through the scale."""
        if not self._visible(self.whole):
            return np.array([0.0, 0.0])
        return np.array(self._span(self.whole))
