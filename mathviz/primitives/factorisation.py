"""A matrix laid out as the product of its two factors: ``U`` to its left, ``Vᵀ`` above it.

Every cell of the product sits in the row of its row of ``U`` and the column of its column of
``Vᵀ``, so the cell at ``(i, j)`` is read off the row beside it and the column above it. The
cells are a :class:`~mathviz.primitives.spectral.MatrixHeatmap` (coloured by value); the
factors are numbers between square brackets; the row names sit left of ``U`` and the column
names above ``Vᵀ``. The numbers are read back as typeset.
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
    DecimalNumber,
    FadeIn,
    ManimColor,
    Rectangle,
    VGroup,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike, NDArray

from mathviz import theme
from mathviz.maths.pca import Factorisation
from mathviz.primitives.plots import square_bracket
from mathviz.primitives.spectral import MatrixHeatmap
from mathviz.readings import printed_all, reads_screen

__all__ = ["FactorisedMatrix"]


def _bracketed(block: VGroup, pad: float) -> VGroup:
    """Square brackets around ``block`` (returned, not added)."""
    top, bottom = block.get_top()[1] + pad, block.get_bottom()[1] - pad
    left, right = block.get_left()[0] - pad, block.get_right()[0] + pad
    return VGroup(
        square_bracket((left, top, 0), (left, bottom, 0), +1, theme.TEXT),
        square_bracket((right, top, 0), (right, bottom, 0), -1, theme.TEXT),
    )


class FactorisedMatrix(VGroup):
    """A matrix ``M`` (as a heat map) with its factors ``U`` (left) and ``Vᵀ`` (above).

    Parameters
    ----------
    values
        The matrix the cells show first, shape (m, n).
    factors
        ``U`` (m × k) and ``Vᵀ`` (k × n); shown once :meth:`show_factors` plays.
    row_labels, col_labels
        Names of the rows (left of ``U``) and columns (above ``Vᵀ``).
    row_colors
        Colour of each row name.
    cell_width, cell_height
        Size of one cell; ``U``'s rows and ``Vᵀ``'s columns share these pitches.
    """

    def __init__(
        self,
        values: ArrayLike,
        factors: Factorisation,
        *,
        row_labels: Sequence[str],
        col_labels: Sequence[str],
        row_colors: Sequence[ManimColor] | None = None,
        cell_width: float = 1.0,
        cell_height: float = 0.72,
        factor_pitch: float = 0.85,
        font_size: int = 28,
    ) -> None:
        super().__init__()
        m = np.asarray(values, dtype=float)
        rows, cols = m.shape
        k = factors.k
        if factors.u.shape != (rows, k) or factors.vt.shape != (k, cols):
            raise ValueError("U must be rows × k and Vᵀ k × columns")
        self.cells = MatrixHeatmap(
            m,
            cell_width=cell_width,
            cell_height=cell_height,
            font_size=font_size,
            mid_color=theme.GRID,
        )
        left = self.cells.cells.get_left()[0]
        top = self.cells.cells.get_top()[1]
        row_y = [self.cells.cells[i * cols].get_y() for i in range(rows)]
        col_x = [self.cells.cells[j].get_x() for j in range(cols)]
        gap = 0.45
        self.u_numbers = VGroup()
        for i in range(rows):
            for j in range(k):
                number = DecimalNumber(
                    factors.u[i, j], num_decimal_places=1, font_size=font_size, color=theme.TEXT
                )
                number.move_to(np.array([left - gap - (k - j - 0.5) * factor_pitch, row_y[i], 0]))
                self.u_numbers.add(number)
        self.vt_numbers = VGroup()
        for i in range(k):
            for j in range(cols):
                number = DecimalNumber(
                    factors.vt[i, j],
                    num_decimal_places=2,
                    font_size=font_size - 2,
                    color=theme.TEXT,
                )
                number.move_to(np.array([col_x[j], top + gap + (k - i - 0.5) * 0.58, 0]))
                self.vt_numbers.add(number)
        self.u_brackets = _bracketed(self.u_numbers, 0.12)
        self.vt_brackets = _bracketed(self.vt_numbers, 0.1)
        self.u_name = theme.tex("U", size=40, color=theme.ACCENT)
        self.u_name.next_to(self.u_brackets, DOWN, buff=0.2)
        self.vt_name = theme.tex(r"V^{\top}", size=40, color=theme.ACCENT)
        self.vt_name.next_to(self.vt_brackets, LEFT, buff=0.25)
        self.row_labels = VGroup()
        for i, name in enumerate(row_labels):
            color = theme.TEXT if row_colors is None else row_colors[i]
            label = theme.text(name, size=font_size - 4, color=color)
            label.next_to(self.u_brackets, LEFT, buff=0.2).set_y(row_y[i])
            self.row_labels.add(label)
        self.col_labels = VGroup()
        for j, name in enumerate(col_labels):
            label = theme.text(name, size=font_size - 6, color=theme.MUTED)
            label.next_to(self.vt_brackets, UP, buff=0.15).set_x(col_x[j])
            self.col_labels.add(label)
        bottom = max(label.get_bottom()[1] for label in self.col_labels)
        for column_label in self.col_labels:
            column_label.shift(UP * (bottom - column_label.get_bottom()[1]))
        self.u_block = VGroup(self.u_brackets, self.u_numbers, self.u_name)
        self.vt_block = VGroup(self.vt_brackets, self.vt_numbers, self.vt_name)
        self.add(self.cells, self.row_labels, self.col_labels, self.u_block, self.vt_block)
        self.shape = (rows, cols)
        self.k = k

    # --- animations -------------------------------------------------------------------------
    def show_table(self, run_time: float = 2.0) -> Animation:
        """The names, then the cells row by row."""
        return AnimationGroup(
            FadeIn(self.row_labels, shift=0.2 * RIGHT),
            FadeIn(self.col_labels),
            self.cells.create(run_time=run_time),
            lag_ratio=0.2,
            run_time=run_time,
        )

    def show_u(self, run_time: float = 1.5) -> Animation:
        """``U`` grows in row by row beside the cells."""
        return AnimationGroup(
            FadeIn(self.u_brackets),
            FadeIn(self.u_name),
            AnimationGroup(*(FadeIn(n, shift=0.2 * RIGHT) for n in self.u_numbers), lag_ratio=0.08),
            lag_ratio=0.2,
            run_time=run_time,
        )

    def show_vt(self, run_time: float = 1.5) -> Animation:
        """``Vᵀ`` comes in column by column above the cells."""
        k, cols = self.k, self.shape[1]
        by_column = [
            VGroup(*(self.vt_numbers[i * cols + j] for i in range(k))) for j in range(cols)
        ]
        return AnimationGroup(
            FadeIn(self.vt_brackets),
            FadeIn(self.vt_name),
            AnimationGroup(*(FadeIn(c, shift=0.2 * DOWN) for c in by_column), lag_ratio=0.12),
            lag_ratio=0.2,
            run_time=run_time,
        )

    def highlight(self, i: int, j: int, color: ManimColor = theme.ACCENT) -> VGroup:
        """Frames around ``U``'s row ``i``, ``Vᵀ``'s column ``j`` and the cell they make."""
        k, cols = self.k, self.shape[1]
        row = VGroup(*(self.u_numbers[i * k + c] for c in range(k)))
        column = VGroup(*(self.vt_numbers[r * cols + j] for r in range(k)))
        cell = self.cells.cells[i * cols + j]
        frames = VGroup()
        for part, pad in ((row, 0.12), (column, 0.1), (cell, 0.0)):
            frames.add(
                Rectangle(
                    width=part.width + 2 * pad,
                    height=part.height + 2 * pad,
                    stroke_color=color,
                    stroke_width=4,
                ).move_to(part)
            )
        return frames

    def reconstruct(self, values: ArrayLike, run_time: float = 2.5) -> Animation:
        """Every cell counts to its new value and takes its new colour."""
        return self.cells.morph_to(values, run_time=run_time)

    # --- read back --------------------------------------------------------------------------
    @reads_screen("printed")
    def u_shown(self) -> NDArray[np.float64]:
        """``U``'s entries as typeset, shape (rows, k)."""
        return printed_all(self.u_numbers).reshape((self.shape[0], self.k))

    @reads_screen("printed")
    def vt_shown(self) -> NDArray[np.float64]:
        """``Vᵀ``'s entries as typeset, shape (k, columns)."""
        return printed_all(self.vt_numbers).reshape((self.k, self.shape[1]))

    def cells_shown(self) -> NDArray[np.float64]:
        """The cells' numbers as typeset, shape (rows, columns) (a printed reading)."""
        return self.cells.values_shown()
