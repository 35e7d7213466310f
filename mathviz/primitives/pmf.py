"""A random variable drawn as motion: outcome tiles stacking into PMF bars, and the CDF's
staircase built from those bars as a running sum.

:class:`PMFBars` takes a :class:`~mathviz.maths.random_variables.DiscreteRandomVariable`
and a pair of axes (values along x, probability up y). One tile per outcome waits in a grid
(the sample space); :meth:`PMFBars.stack` flies every tile to the column of its value, where
it lands on the tiles already there, one tile being exactly one outcome's probability tall;
:meth:`PMFBars.fuse` melts each stack into one bar. :class:`StepCDF` draws ``P(X ≤ x)`` on
its own axes (same x scale): :meth:`StepCDF.carry` lifts copies of the PMF bars one after
another onto the running total, each landing as the jump at its value, the flat step after it
growing to the next value. :class:`FractionReadout` writes ``label = n / d`` as a stacked
fraction whose numerator can follow the drawing.

Everything reported is read back from the drawing through the axes: tiles per column
(counted where they sit), bar heights, the staircase's levels and jumps, the height of the
staircase at a point.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Axes,
    Dot,
    FadeIn,
    Line,
    ManimColor,
    MathTex,
    Mobject,
    Rectangle,
    RoundedRectangle,
    VGroup,
    VMobject,
    interpolate_color,
    smooth,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.maths.random_variables import DiscreteRandomVariable, stack_order
from mathviz.primitives.motion import Redraw, Scripted
from mathviz.primitives.readout import live_number_class
from mathviz.readings import Printed, PrintedArray, derived, printed, printed_all, reads_screen

__all__ = [
    "TILE_COLOR",
    "TILE_TEXT",
    "BAR_COLOR",
    "STEP_COLOR",
    "OutcomeTile",
    "PMFBars",
    "StepCDF",
    "FractionReadout",
    "pair_label",
]

#: outcome tiles and the PMF bars they melt into (dark digits on the light fill)
TILE_COLOR = theme.VECTOR_SECOND
TILE_TEXT = theme.BACKGROUND
BAR_COLOR = theme.VECTOR_SECOND
#: the staircase of the CDF
STEP_COLOR = theme.GRADIENT
#: share of a tile's own flight time in the whole stacking animation's (the rest is the lag)
FLIGHT_SHARE = 0.28
#: gap between stacked tiles (scene units)
TILE_GAP = 0.05
#: stroke opacity of the empty grid cells left behind by the tiles
GHOST_OPACITY = 0.7
#: the origin, as a point
ORIGIN3 = np.zeros(3)


def pair_label(outcome: Any) -> str:
    """How a tile writes an outcome: ``(3, 4)`` as ``3,4``."""
    if isinstance(outcome, tuple):
        return ",".join(str(v) for v in outcome)
    return str(outcome)


def _rect_between(rect: VMobject, lo: np.ndarray, hi: np.ndarray) -> None:
    """Reshape ``rect`` to the axis-aligned box with corners ``lo`` (bottom left) and ``hi``."""
    width, height = max(hi[0] - lo[0], 1e-6), max(hi[1] - lo[1], 1e-6)
    rect.stretch_to_fit_width(width)
    rect.stretch_to_fit_height(height)
    rect.move_to((lo + hi) / 2)


class OutcomeTile(VGroup):
    """One outcome: a rounded tile with the outcome written on it."""

    def __init__(
        self, outcome: Any, *, width: float, height: float, size: int = theme.SMALL_SIZE
    ) -> None:
        self.outcome = outcome
        self.tile = RoundedRectangle(
            corner_radius=0.06,
            width=width,
            height=height,
            stroke_width=0,
            fill_color=TILE_COLOR,
            fill_opacity=1.0,
        )
        self.label = theme.text(pair_label(outcome), size=size, color=TILE_TEXT)
        self.label.move_to(self.tile)
        super().__init__(self.tile, self.label)
        self.name = f"tile {pair_label(outcome)}"


class PMFBars(VGroup):
    """Outcome tiles that stack into the columns of their values, then melt into PMF bars.

    Parameters
    ----------
    variable
        The random variable: its outcomes are the tiles, its values the columns.
    axes
        Values along x (one unit per value), probability up y.
    tile_width
        Width of a tile and of a bar (scene units).
    label_size
        Font size of the count written above each column.
    """

    def __init__(
        self,
        variable: DiscreteRandomVariable,
        axes: Axes,
        *,
        tile_width: float = 0.78,
        label_size: int = 30,
    ) -> None:
        super().__init__()
        self.variable, self.axes = variable, axes
        self.unit = min(variable.probabilities)  # one tile's height, in probability
        self.tile_width = tile_width
        self.tile_height = self._unit_length() - TILE_GAP
        self.tile_list = [
            OutcomeTile(w, width=tile_width, height=self.tile_height) for w in variable.outcomes
        ]
        self.tiles = VGroup(*self.tile_list)
        self.places = stack_order(variable)
        self.bars = VGroup()
        for value, p in variable.pmf().items():
            bar = Rectangle(width=1, height=1, stroke_width=0, fill_color=BAR_COLOR)
            _rect_between(bar, self._corner(value, Fraction(0), -1), self._corner(value, p, 1))
            self.bars.add(bar.set_fill(opacity=0.0))
        self.counts = VGroup()
        for value, n in variable.counts().items():
            count = MathTex(str(n), font_size=label_size, color=theme.TEXT)
            count.next_to(axes.c2p(value, float(n * self.unit)), UP, buff=0.12)
            self.counts.add(count)
        self.ghosts = VGroup()
        self.add(self.bars, self.tiles)

    def _unit_length(self) -> float:
        return float(self.axes.c2p(0, float(self.unit))[1] - self.axes.c2p(0, 0)[1])

    # --- placing -------------------------------------------------------------------------
    def place_in_grid(self, columns: int, center: ArrayLike, pitch: tuple[float, float]) -> None:
        """Lay the tiles out as the sample space: ``columns`` per row, row by row, top down."""
        n = len(self.tiles)
        rows = -(-n // columns)
        c = np.asarray(center, dtype=float)
        for i, tile in enumerate(self.tile_list):
            r, k = divmod(i, columns)
            x = (k - (columns - 1) / 2) * pitch[0]
            y = ((rows - 1) / 2 - r) * pitch[1]
            tile.move_to(c + np.array([x, y, 0.0]))
        # the empty cells the tiles leave behind: the sample space stays drawn
        self.remove(self.ghosts)
        self.ghosts = VGroup(
            *(
                RoundedRectangle(
                    corner_radius=0.06,
                    width=t.tile.width,
                    height=t.tile.height,
                    stroke_color=theme.MUTED,
                    stroke_width=1.5,
                    stroke_opacity=GHOST_OPACITY,
                    fill_color=theme.ACCENT,
                    fill_opacity=0.0,
                ).move_to(t)
                for t in self.tile_list
            )
        )
        self.submobjects.insert(0, self.ghosts)

    def slot(self, i: int) -> np.ndarray:
        """Where tile ``i`` comes to rest: its value's column, on the tiles below it."""
        value, place = self.variable.values[i], self.places[i]
        lo = self.axes.c2p(value, float(place * self.unit))
        hi = self.axes.c2p(value, float((place + 1) * self.unit))
        return np.array([lo[0], (lo[1] + hi[1]) / 2, 0.0])

    # --- animations ------------------------------------------------------------------------
    def stack(self, run_time: float = 6.0) -> Animation:
        """Every tile flies, one after another in sample-space order, to its column and lands
        on the ones already there (an arc through the air; no two tiles share a slot)."""
        n = len(self.tiles)
        starts = [tile.get_center().copy() for tile in self.tile_list]
        ends = [self.slot(i) for i in range(n)]
        flight = FLIGHT_SHARE
        lag = (1.0 - flight) / max(n - 1, 1)
        #: the control height: the path's top clears the tallest stack by a tile
        tallest = max(self.variable.counts().values())
        peak = self.axes.c2p(0, float((tallest + 1) * self.unit))[1]
        top = (peak - 0.25 * (min(p[1] for p in starts) + max(p[1] for p in ends))) / 0.75

        def update(t: float) -> None:
            for i, tile in enumerate(self.tile_list):
                s = float(smooth(min(max((t - i * lag) / flight, 0.0), 1.0)))
                a, b = starts[i], ends[i]
                # up out of the grid, across above the stacks, straight down onto its column
                c1, c2 = np.array([a[0], top, 0.0]), np.array([b[0], top, 0.0])
                u = 1.0 - s
                tile.move_to(u**3 * a + 3 * u * u * s * c1 + 3 * u * s * s * c2 + s**3 * b)

        return Scripted(self.tiles, update, run_time=run_time)

    def write_counts(self, run_time: float = 2.0) -> Animation:
        """The number of tiles in each column written above it, left to right."""
        self.add(self.counts)
        return AnimationGroup(
            *(FadeIn(c, shift=0.15 * DOWN) for c in self.counts), lag_ratio=0.3, run_time=run_time
        )

    def fuse(self, run_time: float = 2.0) -> Animation:
        """Each column's tiles close their gaps and lose their labels, becoming one bar of
        the same height (the bar, drawn underneath all along, is shown as the tiles go)."""
        heights = [t.tile.height for t in self.tile_list]
        centres = [t.tile.get_center().copy() for t in self.tile_list]

        def update(t: float) -> None:
            s = float(smooth(t))
            for tile, h, c in zip(self.tile_list, heights, centres, strict=True):
                tile.tile.stretch_to_fit_height(h + TILE_GAP * s).move_to(c)
                tile.label.set_fill(opacity=1.0 - s)
                tile.tile.set_fill(opacity=0.0 if s >= 1.0 else 1.0)
            self.bars.set_fill(opacity=0.9 if s >= 1.0 else 0.0)

        return Scripted(self, update, run_time=run_time)

    def flash(self, values: Sequence[int], run_time: float = 1.5) -> Animation:
        """The tiles of the columns ``values`` light up in the accent colour and fade back,
        and so do the empty grid cells they came from (the values' preimages)."""
        picked = [i for i, v in enumerate(self.variable.values) if v in set(values)]
        chosen = [self.tile_list[i] for i in picked]
        cells = [self.ghosts[i] for i in picked] if len(self.ghosts) else []

        def update(t: float) -> None:
            glow = float(np.sin(np.pi * t))
            for tile in chosen:
                tile.tile.set_fill(color=interpolate_color(TILE_COLOR, theme.ACCENT, glow))
            for cell in cells:
                cell.set_fill(opacity=0.9 * glow)

        return Scripted(self, update, run_time=run_time)

    def clear_grid(self, run_time: float = 1.0) -> Animation:
        """The empty cells of the sample space fade away."""

        def update(t: float) -> None:
            self.ghosts.set_stroke(opacity=GHOST_OPACITY * (1.0 - t))

        return Scripted(self, update, run_time=run_time)

    def divide_counts(self, denominator: int, run_time: float = 2.0) -> Animation:
        """Each count above a column becomes ``count / denominator``: it rises, and a rule and
        the denominator appear under it."""
        self.rules, self.denominators = VGroup(), VGroup()
        anims: list[Animation] = []
        for count in self.counts:
            den = MathTex(str(denominator), font_size=count.font_size, color=theme.TEXT)
            rule = Line(ORIGIN3, (den.width + 0.1) * RIGHT, color=theme.TEXT, stroke_width=2)
            rule.move_to(count.get_bottom() + 0.02 * UP)
            den.next_to(rule, DOWN, buff=0.08)
            lift = den.height + 0.1 + 0.08
            shift = lift * UP
            rule.shift(shift)
            den.shift(shift)
            self.rules.add(rule)
            self.denominators.add(den)
            anims.append(
                AnimationGroup(
                    count.animate.shift(shift + 0.08 * UP),  # type: ignore[arg-type]
                    FadeIn(rule),
                    FadeIn(den),
                )
            )
        self.add(self.rules, self.denominators)
        return AnimationGroup(*anims, lag_ratio=0.1, run_time=run_time)

    def denominators_shown(self) -> PrintedArray:
        """The denominators under the counts, as typeset."""
        return printed_all(self.denominators)

    def _corner(self, value: int, height: Fraction, side: int) -> np.ndarray:
        """The bottom-left (``side = -1``) or top-right (``+1``) corner of a bar."""
        point = self.axes.c2p(value, float(height))
        return np.asarray(point + side * np.array([self.tile_width / 2, 0.0, 0.0]), dtype=float)

    # --- read back ---------------------------------------------------------------------------
    @reads_screen("count")
    def tiles_per_column_shown(self) -> list[int]:
        """For each value of the support, how many tiles sit in its column: centre within
        half a unit of the value, and resting on the column (above zero, below the stack's
        top), read through the axes."""
        shown = [t for t in self.tile_list if t.tile.get_fill_opacity() > theme.VISIBLE_OPACITY]
        if not shown:
            return [0 for _ in self.variable.support()]
        centres = np.array([self.axes.p2c(t.get_center())[:2] for t in shown])
        out = []
        for value in self.variable.support():
            in_column = (np.abs(centres[:, 0] - value) < 0.5) & (centres[:, 1] > 0)
            out.append(int(np.sum(in_column)))
        return out

    @reads_screen("count")
    def tile_count_shown(self) -> int:
        """How many outcome tiles are drawn and visible."""
        return sum(int(t.tile.get_fill_opacity() > theme.VISIBLE_OPACITY) for t in self.tile_list)

    @reads_screen("geometry")
    def stack_heights_shown(self) -> np.ndarray:
        """Each column's stack of tiles: from the axis to its top tile's top edge, through
        the axes (gaps included), in probability."""
        out = []
        for value in self.variable.support():
            column = [
                t for t in self.tile_list if abs(self.axes.p2c(t.get_center())[0] - value) < 0.5
            ]
            top = max(t.get_top()[1] + TILE_GAP / 2 for t in column) if column else 0.0
            out.append(self.axes.p2c(np.array([0.0, top, 0.0]))[1])
        return np.array(out, dtype=float)

    def counts_shown(self) -> PrintedArray:
        """The counts written above the columns, as typeset."""
        return printed_all(self.counts)

    @reads_screen("geometry")
    def heights_shown(self) -> np.ndarray:
        """Each drawn bar's height through the axes (top edge minus bottom edge)."""
        return np.array(
            [
                self.axes.p2c(bar.get_top())[1] - self.axes.p2c(bar.get_bottom())[1]
                for bar in self.bars
                if bar.get_fill_opacity() > theme.VISIBLE_OPACITY
            ],
            dtype=float,
        )


class StepCDF(VGroup):
    """The CDF ``P(X ≤ x)`` as a staircase built from the PMF's bars.

    Its state is ``progress``: how many values (in increasing order) have been carried up
    so far, a float while one is on its way. Value ``k`` is carried in two phases: a copy of
    its PMF bar flies onto the running total at ``x = k`` (the jump), then the flat step at
    the new total grows to the next value. Every frame is drawn from that state.

    Parameters
    ----------
    variable
        The random variable.
    axes
        Same x scale as the PMF's; y from 0 to 1.
    pmf
        The bars to carry (their drawn rectangles are where each copy starts).
    """

    #: share of one value's carry spent flying (the rest grows the flat step)
    FLY = 0.6

    def __init__(
        self, variable: DiscreteRandomVariable, axes: Axes, pmf: PMFBars, *, width: float = 0.3
    ) -> None:
        super().__init__()
        self.variable, self.axes, self.pmf = variable, axes, pmf
        self.steps = variable.cdf_steps()
        self.block_width = width
        self.progress = 0.0
        n = len(self.steps)
        x_lo, x_hi = axes.x_range[0], axes.x_range[1]
        self.x_ends = [v for v, _ in self.steps[1:]] + [x_hi]
        self.start = Line(axes.c2p(x_lo, 0), axes.c2p(self.steps[0][0], 0), color=STEP_COLOR)
        self.start.set_stroke(width=5)
        self.blocks = VGroup(*(self._rect(BAR_COLOR) for _ in range(n)))
        self.flats = VGroup(
            *(Line(ORIGIN3, ORIGIN3 + RIGHT, color=STEP_COLOR, stroke_width=5) for _ in range(n))
        )
        self.dots = VGroup(*(Dot(radius=0.06, color=STEP_COLOR) for _ in range(n)))
        self.flyer = self._rect(BAR_COLOR)
        self.add(self.start, self.blocks, self.flats, self.dots, self.flyer)
        self.redraw()

    @staticmethod
    def _rect(color: ManimColor) -> Rectangle:
        return Rectangle(width=1, height=1, stroke_width=0, fill_color=color, fill_opacity=0.9)

    def _block_corners(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        value, total = self.steps[k]
        below = self.steps[k - 1][1] if k else Fraction(0)
        half = np.array([self.block_width / 2, 0.0, 0.0])
        return (
            self.axes.c2p(value, float(below)) - half,
            self.axes.c2p(value, float(total)) + half,
        )

    def redraw(self) -> None:
        """Draw the staircase for the current ``progress``."""
        done = int(np.floor(self.progress + 1e-9))
        frac = self.progress - done
        for k, (value, total) in enumerate(self.steps):
            block, flat, dot = self.blocks[k], self.flats[k], self.dots[k]
            lo, hi = self._block_corners(k)
            landed = k < done or (k == done and frac >= self.FLY)
            _rect_between(block, lo, hi)
            block.set_fill(opacity=0.9 if landed else 0.0)
            grow = 1.0 if k < done else (frac - self.FLY) / (1 - self.FLY) if landed else 0.0
            start = self.axes.c2p(value, float(total))
            end = self.axes.c2p(value + (self.x_ends[k] - value) * grow, float(total))
            flat.put_start_and_end_on(start, end if grow > 0 else start + 1e-4 * RIGHT)
            flat.set_stroke(opacity=1.0 if grow > 0 else 0.0)
            dot.move_to(start)
            dot.set_fill(opacity=1.0 if landed else 0.0)
        flying = done < len(self.steps) and 0 < frac < self.FLY
        if flying:
            s = float(smooth(frac / self.FLY))
            src = self.pmf.bars[done]
            src_lo, src_hi = src.get_corner(DOWN + LEFT), src.get_corner(UP + RIGHT)
            lo, hi = self._block_corners(done)
            _rect_between(self.flyer, src_lo + (lo - src_lo) * s, src_hi + (hi - src_hi) * s)
        self.flyer.set_fill(opacity=0.9 if flying else 0.0)

    def carry(self, upto: int, run_time: float = 4.0) -> Animation:
        """Carry the values up to (not including) index ``upto``, from wherever it stands."""
        state = self

        class _Carry(Redraw):
            def begin(self) -> None:
                self.start_progress = state.progress
                super().begin()

            def interpolate_mobject(self, alpha: float) -> None:
                state.progress = self.start_progress + (upto - self.start_progress) * alpha
                state.redraw()

        return _Carry(self, run_time=run_time, rate_func=lambda t: t)

    def gather(
        self, values: Sequence[int], at: float, color: ManimColor, run_time: float = 3.0
    ) -> tuple[Animation, VGroup]:
        """Copies of the PMF bars of ``values`` fly onto this staircase's axes at ``x = at``,
        stacked one on another from ``P(X < min(values))`` up, at the CDF's scale."""
        below = self.variable.cdf(min(values) - 1)
        pmf = self.variable.pmf()
        copies, targets = VGroup(), []
        total = below
        half = np.array([self.block_width / 2, 0.0, 0.0])
        for value in values:
            index = self.variable.support().index(value)
            src = self.pmf.bars[index]
            copy = self._rect(color).set_stroke(theme.BACKGROUND, width=2)
            _rect_between(copy, src.get_corner(DOWN + LEFT), src.get_corner(UP + RIGHT))
            lo = self.axes.c2p(at, float(total)) - half
            total += pmf[value]
            hi = self.axes.c2p(at, float(total)) + half
            copies.add(copy)
            targets.append((copy.get_corner(DOWN + LEFT), copy.get_corner(UP + RIGHT), lo, hi))
        n = len(targets)

        def update(t: float) -> None:
            for k, (copy, (a_lo, a_hi, b_lo, b_hi)) in enumerate(zip(copies, targets, strict=True)):
                s = float(smooth(min(max(t * (n + 1) / 2 - k / 2, 0.0), 1.0)))
                _rect_between(copy, a_lo + (b_lo - a_lo) * s, a_hi + (b_hi - a_hi) * s)

        self.gathered = copies
        return Scripted(copies, update, run_time=run_time), copies

    # --- read back -----------------------------------------------------------------------

    @reads_screen("geometry")
    def gathered_shown(self) -> tuple[float, float]:
        """The bottom and top of the gathered copies' stack, through the axes."""
        return (
            float(self.axes.p2c(self.gathered.get_bottom())[1]),
            float(self.axes.p2c(self.gathered.get_top())[1]),
        )

    def _drawn_flats(self) -> list[VMobject]:
        return [f for f in self.flats if f.get_stroke_opacity() > theme.VISIBLE_OPACITY]

    @reads_screen("geometry")
    def levels_shown(self) -> np.ndarray:
        """The heights of the drawn flat steps, left to right, through the axes."""
        return np.array([self.axes.p2c(f.get_start())[1] for f in self._drawn_flats()])

    @reads_screen("geometry")
    def jumps_shown(self) -> np.ndarray:
        """The heights of the landed jumps (the carried bars), left to right."""
        return np.array(
            [
                self.axes.p2c(b.get_top())[1] - self.axes.p2c(b.get_bottom())[1]
                for b in self.blocks
                if b.get_fill_opacity() > theme.VISIBLE_OPACITY
            ]
        )

    @reads_screen("geometry")
    def top_shown(self) -> float:
        """The height of the highest drawn flat step (0 before any is drawn)."""
        levels = [self.axes.p2c(f.get_start())[1] for f in self._drawn_flats()]
        return float(max(levels, default=0.0))

    @reads_screen("geometry")
    def height_at_shown(self, x: float) -> float:
        """The staircase's height at ``x`` (in axis units), read from the drawn step whose
        span holds ``x``; the flat start below the first value reads 0."""
        for flat in [self.start, *self._drawn_flats()]:
            a, b = self.axes.p2c(flat.get_start()), self.axes.p2c(flat.get_end())
            if a[0] - 1e-9 <= x < b[0] - 1e-9 or (flat is self.flats[-1] and x >= a[0]):
                return float(a[1])
        raise ValueError(f"no drawn step spans x = {x}")


class FractionReadout(VGroup):
    """``label = n / d`` with a stacked fraction; the numerator can follow the drawing."""

    def __init__(
        self,
        label_tex: str,
        numerator: int,
        denominator: int,
        *,
        size: int = 36,
        color: ManimColor = theme.TEXT,
    ) -> None:
        self.label = theme.tex(label_tex + "=", size=size, color=color)
        self.numerator = live_number_class()(
            numerator, num_decimal_places=0, font_size=size, color=color, group_with_commas=False
        )
        self.denominator = MathTex(str(denominator), font_size=size, color=color)
        width = max(self.denominator.width, self.numerator.width) + 0.12
        self.rule = Line(ORIGIN3, width * RIGHT, color=color, stroke_width=2.5)
        self.rule.next_to(self.label, RIGHT, buff=0.15)
        self.numerator.next_to(self.rule, UP, buff=0.1)
        self.denominator.next_to(self.rule, DOWN, buff=0.1)
        super().__init__(self.label, self.numerator, self.rule, self.denominator)

    def set_numerator(self, value: float) -> FractionReadout:
        """Show numerator ``value`` (centred over the rule)."""
        centre = self.rule.get_center()
        self.numerator.set_value(value)
        self.numerator.next_to(self.rule, UP, buff=0.1).set_x(centre[0])
        return self

    def follow(self, read: Callable[[], float]) -> FractionReadout:
        """Keep the numerator showing ``read()`` (rounded to a whole number) at every frame."""

        def update(_: Mobject) -> None:
            self.set_numerator(round(float(read())))

        self.numerator.add_updater(update)
        update(self.numerator)
        return self

    @property
    def numerator_shown(self) -> Printed:
        """The numerator as typeset."""
        return printed(self.numerator)

    @property
    def denominator_shown(self) -> Printed:
        """The denominator as typeset."""
        return printed(self.denominator)

    def value_shown(self) -> Any:
        """The fraction's value from its typeset numerator and denominator."""
        n, d = self.numerator_shown, self.denominator_shown
        return derived("typeset numerator / typeset denominator", float(n) / float(d), n, d)
