"""A sample space of two dice as a grid of cells, events as lit regions, and a probability
readout built from counts read off the grid.

:class:`OutcomeGrid` draws one rounded cell per outcome ``(first, second)`` of a
:class:`~mathviz.maths.outcomes.SampleSpace` of two dice: the first die picks the column (left
to right), the second the row (top to bottom), each cell holding the sum of its two faces.
It is drawn from a small state — how far each cell has appeared, its fill colour and how lit
it is — by :meth:`OutcomeGrid.redraw`, so its animations (cells appearing one by one, events
lighting cell by cell) redraw it at every frame. Everything it reports is read back from the
drawing: how many cells are drawn, how many are lit in a colour (each cell's fill matched to
the nearest colour in play), and which outcomes the lit cells stand for (their centres
converted back through the grid's frame).

:class:`ProbabilityReadout` shows ``P(event) = lit / all = reduced``: the stacked fraction's
two numbers follow counts read from the grid, and the reduced fraction is typeset and read
back from its TeX.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from functools import partial
from typing import Any, cast

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    FadeIn,
    FadeOut,
    Line,
    ManimColor,
    MathTex,
    Rectangle,
    RoundedRectangle,
    Square,
    VGroup,
    Write,
    interpolate_color,
)
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.maths.outcomes import Outcome, SampleSpace
from mathviz.primitives.motion import Scripted
from mathviz.primitives.readout import Readout, live_number_class
from mathviz.readings import printed, reads_screen

__all__ = [
    "UNLIT",
    "UNLIT_TEXT",
    "LIT_TEXT",
    "OutcomeGrid",
    "ProbabilityReadout",
    "fraction_tex",
    "fraction_in_tex",
    "typeset_fraction_shown",
    "EventLegend",
]

#: an unlit cell's fill, and the colours of a cell's sum when unlit and when lit
UNLIT = theme.GRID_FAINT
UNLIT_TEXT = theme.MUTED
LIT_TEXT = theme.BACKGROUND
#: how much a cell swells at the middle of its own lighting (a pop the eye can follow)
POP = 0.14


def _slot(alpha: float, i: int, n: int, lag: float) -> float:
    """Progress (0–1) of item ``i`` of ``n`` at ``alpha``, items starting ``lag`` of a slot
    apart (``lag`` 1: one after another; smaller: overlapping)."""
    span = 1.0 / (1.0 + (n - 1) * lag) if n > 1 else 1.0
    return min(max((alpha - i * lag * span) / span, 0.0), 1.0)


def _ease(t: float) -> float:
    return t * t * (3.0 - 2.0 * t)


class OutcomeGrid(VGroup):
    """The outcomes of two dice as a ``sides × sides`` grid of cells.

    Parts: ``frame`` (the outline around the cells), ``cells`` (rounded squares, in the
    space's order), ``sums`` (each cell's sum of faces), ``column_labels`` (the first die's
    faces, above), ``row_labels`` (the second die's faces, at the left) and ``captions``
    (``first die`` / ``second die``). Built with its frame's top-left corner at the origin;
    move it as a whole before it is animated.

    Parameters
    ----------
    space
        Two dice's outcomes ``(first, second)`` with faces ``1 … sides``.
    cell
        Side of one cell (scene units), gaps included.
    sum_size
        Font size of the sums written in the cells.
    """

    def __init__(self, space: SampleSpace, *, cell: float = 0.9, sum_size: int = 30) -> None:
        super().__init__()
        faces = sorted({o[0] for o in space.outcomes})
        if sorted({o[1] for o in space.outcomes}) != faces or len(space) != len(faces) ** 2:
            raise ValueError("the grid draws two dice with the same faces")
        self.space, self.size, self.step = space, len(faces), float(cell)
        side = self.size * self.step
        self.frame = Rectangle(width=side, height=side, stroke_color=theme.GRID, stroke_width=2)
        self.frame.move_to(np.array([side / 2, -side / 2, 0.0]))
        self.cells = VGroup()
        self.sums = VGroup()
        self._templates: list[np.ndarray] = []
        for outcome in space.outcomes:
            centre = self._centre(outcome)
            square = RoundedRectangle(
                width=0.9 * self.step, height=0.9 * self.step, corner_radius=0.08 * self.step
            )
            square.set_fill(UNLIT, opacity=1.0).set_stroke(theme.GRID, width=1.5)
            square.move_to(centre)
            self._templates.append(square.points.copy())
            self.cells.add(square)
            label = theme.tex(str(sum(outcome)), size=sum_size, color=UNLIT_TEXT)
            self.sums.add(label.move_to(centre))
        self.column_labels = VGroup(
            *(
                theme.tex(str(f), size=32, color=theme.TEXT).move_to(
                    self._centre((f, faces[0])) + 0.5 * self.step * UP + 0.32 * UP
                )
                for f in faces
            )
        )
        self.row_labels = VGroup(
            *(
                theme.tex(str(f), size=32, color=theme.TEXT).move_to(
                    self._centre((faces[0], f)) + 0.5 * self.step * LEFT + 0.32 * LEFT
                )
                for f in faces
            )
        )
        first = theme.text("first die", size=theme.LABEL_SIZE, color=theme.MUTED)
        first.next_to(self.column_labels, UP, buff=0.2)
        second = theme.text("second die", size=theme.LABEL_SIZE, color=theme.MUTED)
        second.rotate(math.pi / 2).next_to(self.row_labels, LEFT, buff=0.2)
        self.captions = VGroup(first, second)
        n = len(space)
        #: per cell: how far it has appeared, its fill, how lit it is (0–1), its pop (0–1)
        self.appear = [0.0] * n
        self.fill = [ManimColor(UNLIT)] * n
        self.glow = [0.0] * n
        self.pop = [0.0] * n
        self.sums_on = 0.0
        #: colours an event has been lit in: a drawn fill is read as the nearest of these
        self.palette: list[ManimColor] = [ManimColor(UNLIT)]
        self.add(self.frame, self.cells, self.sums, self.column_labels, self.row_labels)
        self.add(self.captions)
        self.redraw()

    # --- geometry -------------------------------------------------------------------------
    def _centre(self, outcome: Outcome) -> np.ndarray:
        """Where ``outcome``'s cell is centred, in the grid as built (top-left at 0)."""
        col, row = outcome[0] - 1, outcome[1] - 1
        return np.array([(col + 0.5) * self.step, -(row + 0.5) * self.step, 0.0])

    def _index(self, outcome: Outcome) -> int:
        return self.space.outcomes.index(tuple(outcome))

    def centre_of(self, outcome: Outcome) -> np.ndarray:
        """The scene point at the centre of ``outcome``'s cell, as the grid lies now."""
        corner = self.frame.get_corner(UP + LEFT)
        return np.asarray(corner + self._centre(outcome), dtype=float)

    # --- drawing from state ---------------------------------------------------------------
    def redraw(self) -> None:
        """Draw every cell from its state: size and opacity by how far it has appeared
        (swelling while it pops), fill colour, and its sum dark on a lit cell."""
        corner = self.frame.get_corner(UP + LEFT)
        for k, (square, label) in enumerate(zip(self.cells, self.sums, strict=True)):
            a, g = self.appear[k], self.glow[k]
            centre = corner + self._centre(self.space.outcomes[k])
            scale = (0.35 + 0.65 * a) * (1.0 + POP * math.sin(math.pi * self.pop[k]))
            square.points = centre + (self._templates[k] - self._templates[k].mean(0)) * scale
            square.set_fill(self.fill[k], opacity=a)
            square.set_stroke(opacity=a)
            label.set_color(interpolate_color(UNLIT_TEXT, LIT_TEXT, g))
            label.set_opacity(a * self.sums_on)

    def show_all(self) -> OutcomeGrid:
        """Every cell drawn and every sum written, at once (no animation)."""
        self.appear = [1.0] * len(self.appear)
        self.sums_on = 1.0
        self.redraw()
        return self

    # --- animations -----------------------------------------------------------------------
    def create(self, run_time: float = 4.0, lag: float = 0.35) -> Animation:
        """Cells appear one by one, row by row (first die across, second die down)."""
        order = sorted(range(len(self.appear)), key=lambda k: self.space.outcomes[k][::-1])
        n = len(order)

        def update(t: float) -> None:
            for i, k in enumerate(order):
                self.appear[k] = _ease(_slot(t, i, n, lag))
            self.redraw()

        return Scripted(self, update, run_time=run_time)

    def write_sums(self, run_time: float = 1.5) -> Animation:
        """The sums fade into their cells."""

        def update(t: float) -> None:
            self.sums_on = _ease(t)
            self.redraw()

        return Scripted(self, update, run_time=run_time)

    def light(
        self,
        outcomes: Sequence[Outcome],
        color: ManimColor | Sequence[ManimColor],
        *,
        run_time: float = 2.0,
        lag: float = 0.6,
    ) -> Animation:
        """Light ``outcomes``' cells one after another in the order given, each popping as its
        fill turns to ``color`` (one colour, or one per outcome); a lit cell may be relit in
        another colour."""
        colors = (
            [ManimColor(c) for c in color]
            if isinstance(color, (list, tuple))
            else [ManimColor(cast(ManimColor, color))] * len(outcomes)
        )
        if len(colors) != len(outcomes):
            raise ValueError(f"expected {len(outcomes)} colours, got {len(colors)}")
        return self._change([self._index(o) for o in outcomes], colors, 1.0, run_time, lag)

    def unlight(
        self, outcomes: Iterable[Outcome] | None = None, *, run_time: float = 1.0
    ) -> Animation:
        """Turn the given cells (by default every lit cell) dark again, all together."""
        chosen = (
            [k for k, g in enumerate(self.glow) if g > 0]
            if outcomes is None
            else [self._index(o) for o in outcomes]
        )
        return self._change(chosen, [ManimColor(UNLIT)] * len(chosen), 0.0, run_time, 0.0)

    def _change(
        self,
        cells: list[int],
        colors: list[ManimColor],
        glow: float,
        run_time: float,
        lag: float,
    ) -> Animation:
        for c in colors:
            if all(c.to_hex() != p.to_hex() for p in self.palette):
                self.palette.append(c)
        starts: dict[str, list[Any]] = {}

        def update(t: float) -> None:
            if not starts:  # the state when the animation begins, not when it was built
                starts["fill"] = [self.fill[k] for k in cells]
                starts["glow"] = [self.glow[k] for k in cells]
            for i, k in enumerate(cells):
                s = _slot(t, i, len(cells), lag) if lag else t
                e = _ease(s)
                self.fill[k] = interpolate_color(starts["fill"][i], colors[i], e)
                self.glow[k] = starts["glow"][i] + (glow - starts["glow"][i]) * e
                self.pop[k] = s if glow > 0 else 0.0
            self.redraw()

        return Scripted(self, update, run_time=run_time)

    def pulse(self, outcomes: Sequence[Outcome], *, run_time: float = 1.2) -> Animation:
        """Make ``outcomes``' cells swell and settle together, twice (to point at them)."""
        chosen = [self._index(o) for o in outcomes]

        def update(t: float) -> None:
            for k in chosen:
                self.pop[k] = (2.0 * t) % 1.0 if t < 1.0 else 0.0
            self.redraw()

        return Scripted(self, update, run_time=run_time)

    # --- reading back ---------------------------------------------------------------------
    def _drawn(self) -> list[int]:
        """Cells drawn at least half way (opacity ≥ ½)."""
        return [k for k, sq in enumerate(self.cells) if sq.get_fill_opacity() >= 0.5]

    def _color_shown(self, k: int) -> ManimColor:
        """The colour in play nearest to cell ``k``'s drawn fill."""
        drawn = np.array(self.cells[k].get_fill_color().to_rgb())
        gaps = [float(np.linalg.norm(drawn - np.array(p.to_rgb()))) for p in self.palette]
        return self.palette[int(np.argmin(gaps))]

    def _lit(self, color: ManimColor | Sequence[ManimColor] | None) -> list[int]:
        unlit = ManimColor(UNLIT).to_hex()
        if color is None:
            wanted = None
        elif isinstance(color, (list, tuple)):
            wanted = {ManimColor(c).to_hex() for c in color}
        else:
            wanted = {ManimColor(cast(ManimColor, color)).to_hex()}
        found = []
        for k in self._drawn():
            shown = self._color_shown(k).to_hex()
            if shown != unlit and (wanted is None or shown in wanted):
                found.append(k)
        return found

    @reads_screen("count")
    def drawn_shown(self) -> int:
        """How many cells are drawn (at least half faded in)."""
        return len(self._drawn())

    @reads_screen("count")
    def lit_shown(self, color: ManimColor | Sequence[ManimColor] | None = None) -> int:
        """How many drawn cells are lit (in ``color``, or any of several, or any colour)."""
        return len(self._lit(color))

    @reads_screen("geometry")
    def lit_outcomes_shown(
        self, color: ManimColor | Sequence[ManimColor] | None = None
    ) -> list[list[int]]:
        """The outcomes ``[first, second]`` of the lit cells, sorted, each read from its
        cell's centre through the grid's frame (column: first die; row: second die)."""
        corner = self.frame.get_corner(UP + LEFT)
        found = []
        for k in self._lit(color):
            x, y = (self.cells[k].get_center() - corner)[:2] / self.step
            found.append([int(math.floor(x)) + 1, int(math.floor(-y)) + 1])
        return sorted(found)

    @reads_screen("printed")
    def sums_shown(self, color: ManimColor | Sequence[ManimColor] | None = None) -> list[int]:
        """The sums typeset in the lit cells (in ``color``), read from their TeX."""
        return sorted(int(self.sums[k].get_tex_string()) for k in self._lit(color))


def fraction_tex(value: Fraction) -> str:
    r"""``\frac{p}{q}`` for a fraction (a whole number as itself)."""
    if value.denominator == 1:
        return str(value.numerator)
    return rf"\frac{{{value.numerator}}}{{{value.denominator}}}"


_FRACTION = re.compile(r"\\[dt]?frac\{(\d+)\}\{(\d+)\}|(?<![\w{])(\d+)(?![\w}])")


def fraction_in_tex(tex: str) -> Fraction:
    r"""The one fraction (``\frac{p}{q}``) or whole number written in ``tex``."""
    found = [
        Fraction(int(m.group(1)), int(m.group(2))) if m.group(1) else Fraction(int(m.group(3)))
        for m in _FRACTION.finditer(tex)
    ]
    if len(found) != 1:
        raise ValueError(f"expected one fraction in {tex!r}, found {len(found)}")
    return found[0]


@reads_screen("printed")
def typeset_fraction_shown(mob: MathTex) -> float:
    r"""The one fraction (or whole number) typeset in a formula, read from its TeX."""
    return float(fraction_in_tex(mob.get_tex_string()))


class ProbabilityReadout(VGroup):
    r"""``P(event) = lit / all = reduced``: a stacked fraction of two live counts, then the
    reduced fraction, typeset.

    Parts: ``label`` (``P(\text{...})``), ``equals``, ``numerator`` and ``denominator`` (live
    numbers), ``bar``, ``equals_again`` and ``reduced`` (empty until :meth:`reduce`). Built
    with its label's left edge at the origin.
    """

    def __init__(self, label_tex: str, *, size: int = 44, color: ManimColor = theme.TEXT) -> None:
        super().__init__()
        self.size, self.color = size, color
        self.label = theme.tex(label_tex, size=size, color=color)
        self.label.move_to(np.zeros(3), aligned_edge=LEFT)
        self.equals = theme.tex("=", size=size, color=color).next_to(self.label, RIGHT, buff=0.2)
        number = live_number_class()
        self.numerator = number(0, num_decimal_places=0, font_size=size, color=color)
        self.denominator = number(36, num_decimal_places=0, font_size=size, color=color)
        left = self.equals.get_right() + 0.25 * RIGHT
        self.bar = Line(left, left + 0.9 * RIGHT, stroke_color=color, stroke_width=3)
        self.equals_again = theme.tex("=", size=size, color=color)
        self.equals_again.next_to(self.bar, RIGHT, buff=0.25)
        self.reduced: VGroup | MathTex = VGroup()
        self._place()
        self.add(self.label, self.equals, self.numerator, self.bar, self.denominator)
        self.add(self.equals_again, self.reduced)
        self.equals_again.set_opacity(0)

    def _place(self) -> None:
        mid = self.bar.get_center()
        self.numerator.move_to(mid + 0.12 * UP, aligned_edge=DOWN)
        self.denominator.move_to(mid + 0.12 * DOWN, aligned_edge=UP)

    def follow(self, numerator: Callable[[], int], denominator: Callable[[], int]) -> None:
        """Keep the fraction's two numbers showing ``numerator()`` and ``denominator()``."""

        def update(_: Any) -> None:
            self.numerator.set_value(int(numerator()))
            self.denominator.set_value(int(denominator()))
            self._place()

        self.numerator.clear_updaters()
        self.numerator.add_updater(update)
        update(None)

    def stop_following(self) -> None:
        """Freeze the fraction's numbers (before the counts they follow go away)."""
        self.numerator.clear_updaters()

    def relabel(self, label_tex: str, run_time: float = 0.8) -> Animation:
        """Swap the label for another event's, ending just before the "=" (the rest keeps
        its place)."""
        new = theme.tex(label_tex, size=self.size, color=self.color)
        new.next_to(self.equals, LEFT, buff=0.2)
        old = self.label
        self.label = new
        self.remove(old)
        self.add(new)
        return AnimationGroup(FadeOut(old), FadeIn(new), run_time=run_time)

    def reduce(self, value: Fraction, run_time: float = 1.0) -> Animation:
        """Write ``= value`` (reduced) after the fraction, replacing any earlier one."""
        new = theme.tex(fraction_tex(value), size=self.size, color=self.color)
        new.next_to(self.equals_again, RIGHT, buff=0.25)
        old = self.reduced
        self.reduced = new
        self.remove(old)
        self.add(new)
        parts: list[Animation] = [Write(new)]
        if len(old):
            parts.insert(0, FadeOut(old))
        if self.equals_again.get_fill_opacity() < 0.5:
            self.equals_again.set_opacity(1)
            parts.insert(0, FadeIn(self.equals_again))
        return AnimationGroup(*parts, run_time=run_time)

    def clear_reduced(self, run_time: float = 0.5) -> Animation:
        """Take the reduced fraction away (while the counts change)."""
        old = self.reduced
        self.reduced = VGroup()
        self.remove(old)
        self.add(self.reduced)
        return FadeOut(old, run_time=run_time)

    @reads_screen("printed")
    def reduced_shown(self) -> float:
        """The reduced fraction as typeset, read from its TeX."""
        if not isinstance(self.reduced, MathTex):
            raise ValueError("no reduced fraction is shown")
        return float(fraction_in_tex(self.reduced.get_tex_string()))

    @reads_screen("printed")
    def fraction_shown(self) -> float:
        """The stacked fraction's value, from the digits typeset above and below its bar."""
        top, bottom = printed(self.numerator), printed(self.denominator)
        return float(Fraction(int(top), int(bottom)))


class EventLegend(VGroup):
    """One row per event — a swatch, ``|A| = 6`` and the event's name — whose count follows
    the cells lit in the event's colours on ``grid``; the names line up in one column.

    Parameters
    ----------
    grid
        The grid whose lit cells are counted.
    rows
        ``(swatch colour, TeX name of the set, colours counted, name in words)`` per row.
    """

    def __init__(
        self,
        grid: OutcomeGrid,
        rows: Sequence[tuple[ManimColor, str, Sequence[ManimColor], str]],
        *,
        size: int = 36,
    ) -> None:
        super().__init__()
        self.counts: list[Readout] = []
        names: list[Any] = []
        for color, symbol, counted, words in rows:
            swatch = Square(0.34, stroke_width=0, fill_color=color, fill_opacity=1.0)
            count = Readout(rf"|{symbol}|", 0, decimals=0, size=size)
            count.follow(partial(grid.lit_shown, list(counted)))
            name = theme.text(words, size=theme.LABEL_SIZE, color=theme.MUTED)
            self.counts.append(count)
            names.append(name)
            self.add(VGroup(swatch, count, name).arrange(RIGHT, buff=0.3))
        self.arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        column = max(count.get_right()[0] for count in self.counts) + 0.35
        for name in names:
            name.set_x(column, direction=LEFT)

    def stop_following(self) -> None:
        """Freeze the counts (before the grid they follow goes away)."""
        for count in self.counts:
            count.stop_following()
