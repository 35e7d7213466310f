r"""A truth table written row by row, with an optional live count beside each row.

:class:`TruthTable` lays out a header (TeX, e.g. ``p``, ``q``, ``p \rightarrow q``) and one
row of ``T``/``F`` cells per input combination, all hidden until :meth:`TruthTable.fill_row`
writes a row. The output column is coloured by its value. An optional last column holds a
count per row (how many elements of a set fall in that row's case), which can follow the
drawing it counts (:meth:`TruthTable.follow_count`). A row can be outlined to single it out
(:meth:`TruthTable.highlight`). The cells are read back as typeset: the words on screen, not
the rows the table was built from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from manim import (
    DOWN,
    UP,
    AnimationGroup,
    Create,
    DecimalNumber,
    FadeIn,
    Line,
    ManimColor,
    Mobject,
    RoundedRectangle,
    VGroup,
)
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.primitives.motion import Redraw
from mathviz.primitives.readout import live_number_class
from mathviz.readings import Printed, ReadingError, printed, reads_screen

__all__ = ["WORDS", "TruthTable"]

#: how a truth value is typeset in a cell (TeX, like the headers and the counts beside it)
WORDS = {True: r"\mathrm{T}", False: r"\mathrm{F}"}
_VALUES = {word: value for value, word in WORDS.items()}


def _point(x: float, y: float) -> np.ndarray:
    return np.array([x, y, 0.0])


def _hidden(mob: Mobject) -> bool:
    return (
        max(
            (float(np.max(m.get_fill_opacities(), initial=0.0)) for m in mob.get_family()),
            default=0.0,
        )
        <= theme.VISIBLE_OPACITY
    )


class TruthTable(VGroup):
    """A header and ``len(rows)`` rows of truth values, written one row at a time.

    Parameters
    ----------
    rows
        The table's values, one tuple per row (inputs, then the output).
    headers
        One TeX header per column of ``rows``.
    count_header
        Text over an extra column of counts (``None``: no such column).
    size
        Font size of the cells and headers.
    column_width, row_height
        Cell pitch in scene units.
    output_colors
        Colours of the last column's ``T`` and ``F``.
    """

    def __init__(
        self,
        rows: Sequence[Sequence[bool]],
        headers: Sequence[str],
        *,
        count_header: str | None = None,
        size: int = 34,
        column_width: float = 1.15,
        row_height: float = 0.72,
        output_colors: tuple[ManimColor, ManimColor] = (theme.GOOD, theme.BAD),
    ) -> None:
        super().__init__()
        self.rows = [tuple(bool(v) for v in row) for row in rows]
        width = len(headers)
        if any(len(row) != width for row in self.rows):
            raise ValueError("one header per column is required")
        self.row_height = row_height
        columns = width + (1 if count_header is not None else 0)
        xs = [column_width * (j - (columns - 1) / 2) for j in range(columns)]
        self.header = VGroup(
            *(
                theme.tex(h, size=size, color=theme.TEXT).move_to(_point(x, 0.0))
                for h, x in zip(headers, xs, strict=False)
            )
        )
        if count_header is not None:
            self.header.add(
                theme.tex(rf"\text{{{count_header}}}", size=size - 2, color=theme.MUTED).move_to(
                    _point(xs[-1], 0.0)
                )
            )
        top = -0.55 * row_height
        self.rule = Line(
            _point(xs[0] - column_width / 2, top),
            _point(xs[-1] + column_width / 2, top),
            stroke_color=theme.GRID,
            stroke_width=2,
        )
        self.cells: list[VGroup] = []
        self.counts: list[DecimalNumber] = []
        self.highlights: list[RoundedRectangle] = []
        for i, row in enumerate(self.rows):
            y = top - (i + 0.5) * row_height
            cells = VGroup()
            for j, value in enumerate(row):
                color = (
                    (output_colors[0] if value else output_colors[1])
                    if j == width - 1
                    else theme.TEXT
                )
                cell = theme.tex(WORDS[value], size=size, color=color)
                cells.add(cell.move_to(_point(xs[j], y)).set_opacity(0.0))
            self.cells.append(cells)
            if count_header is not None:
                count = live_number_class()(
                    0, num_decimal_places=0, font_size=size, color=theme.TEXT
                )
                count.move_to(_point(xs[-1], y)).set_opacity(0.0)
                self.counts.append(count)
            box = RoundedRectangle(
                width=column_width * columns - 0.1,
                height=row_height - 0.08,
                corner_radius=0.1,
                stroke_width=3,
                stroke_color=theme.BAD,
                fill_color=theme.BAD,
                fill_opacity=0.0,
            ).move_to(_point(0.0, y))
            box.set_stroke(opacity=0.0)
            self.highlights.append(box)
        self.add(*self.highlights, self.header, self.rule, *self.cells, *self.counts)

    # --- animations -----------------------------------------------------------------------
    def create(self, run_time: float = 1.0) -> Animation:
        """Write the header and draw the rule under it."""
        return AnimationGroup(
            FadeIn(self.header, shift=0.15 * DOWN), Create(self.rule), run_time=run_time
        )

    def fill_row(self, i: int, run_time: float = 0.8) -> Animation:
        """Write row ``i``'s cells (and show its count), left to right."""
        parts: list[Mobject] = list(self.cells[i])
        if self.counts:
            parts.append(self.counts[i])
        return AnimationGroup(
            *(_Reveal(p, shift=0.15 * UP) for p in parts), lag_ratio=0.25, run_time=run_time
        )

    def highlight(self, i: int, color: ManimColor = theme.BAD, run_time: float = 0.8) -> Animation:
        """Outline row ``i`` in ``color``."""
        box = self.highlights[i]
        box.set_stroke(color).set_fill(color)
        return _Outline(box, run_time=run_time)

    def follow_count(self, i: int, read: Callable[[], float]) -> TruthTable:
        """Keep row ``i``'s count showing ``read()`` at every frame (an updater)."""
        count = self.counts[i]

        def update(mob: Mobject) -> None:
            mob.set_value(float(read()))

        count.add_updater(update)
        update(count)
        return self

    def stop_following(self) -> TruthTable:
        """Remove every count's updater (the counts keep what they show)."""
        for count in self.counts:
            count.clear_updaters()
        return self

    # --- read back --------------------------------------------------------------------------
    @reads_screen("printed")
    def rows_shown(self) -> list[list[bool]]:
        """The truth values written in the visible rows, as typeset (``T`` / ``F``), top to
        bottom; hidden rows are left out."""
        out = []
        for cells in self.cells:
            if all(_hidden(c) for c in cells):
                continue
            words = [getattr(c, "tex_string", "") for c in cells]
            if any(w not in _VALUES for w in words):
                raise ReadingError(f"a truth table cell shows {words}, not T or F")
            out.append([_VALUES[w] for w in words])
        return out

    def count_shown(self, i: int) -> Printed:
        """Row ``i``'s count, as typeset."""
        return printed(self.counts[i])

    def row_center(self, i: int) -> np.ndarray:
        """The middle of row ``i`` (to point at it)."""
        return self.highlights[i].get_center()


class _Reveal(Redraw):
    """Bring a hidden (opacity 0) mobject to full opacity, sliding in by ``shift``."""

    def __init__(self, mob: Mobject, shift: np.ndarray, **kwargs: Any) -> None:
        self.shift = np.asarray(shift, dtype=float)
        super().__init__(mob, **kwargs)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.home = self.mobject.get_center()
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = self.rate_func(alpha)
        self.mobject.set_opacity(t)
        self.mobject.move_to(self.home - self.shift * (1 - t))


class _Outline(Redraw):
    """Bring a hidden row box in: its stroke to full opacity, its fill to a faint tint."""

    def __init__(self, box: RoundedRectangle, **kwargs: Any) -> None:
        self.box = box
        super().__init__(box, **kwargs)

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = self.rate_func(alpha)
        self.box.set_stroke(opacity=t)
        self.box.set_fill(opacity=0.12 * t)
