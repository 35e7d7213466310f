"""Matrices on screen: grids of live numbers, a product computed entry by entry, augmented
matrices under row operations, and the row and column pictures of a 2-unknown system.

Every number in these primitives is a :class:`~manim.DecimalNumber`, so what a viewer sees
can be read back (``*_shown`` methods) and checked against an independent computation.

Layer-order note: all animations returned here move, recolour or fade the primitive's *own*
parts and are grouped with ``group=self``; parts are hidden by animating their opacity to 0
(never with a remover such as ``FadeOut``, which would split the group in the scene).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction
from itertools import pairwise
from typing import Any, TypeVar, cast

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Arrow,
    Create,
    DecimalNumber,
    Dot,
    FadeIn,
    Line,
    ManimColor,
    MathTex,
    Mobject,
    NumberPlane,
    Succession,
    SurroundingRectangle,
    Transform,
    UpdateFromAlphaFunc,
    VectorizedPoint,
    VGroup,
    VMobject,
    Wait,
)
from manim.animation.animation import Animation
from manim.animation.numbers import ChangeDecimalToValue
from numpy.typing import ArrayLike, NDArray

from mathviz import theme
from mathviz.layout import is_visible
from mathviz.maths.matrices import (
    Elimination,
    EliminationStep,
    ExactMatrix,
    NumberLike,
    affine_entry_terms,
    affine_layer,
    decimal_places,
    exact,
    exact_matrix,
    exact_vector,
    line_in_box,
    matmul,
    product_entry_terms,
    shape,
    tip_to_tail,
)
from mathviz.primitives.motion import Redraw, built
from mathviz.primitives.plots import number_plane, square_bracket
from mathviz.primitives.readout import Readout, coords
from mathviz.readings import Printed, PrintedArray, printed, printed_all, reads_screen

__all__ = [
    "EQUATION_COLORS",
    "COLUMN_COLORS",
    "Y_LABEL_NUDGE",
    "MatrixGrid",
    "MatrixProductHighlighter",
    "AugmentedMatrix",
    "RowPicture",
    "ColumnPicture",
]

#: colours of the equations' lines in the row picture (equation 1, equation 2, …)
EQUATION_COLORS = theme.EQUATION_COLORS
#: the column picture draws column j in the colour of the basis vector it is the image of
COLUMN_COLORS = (theme.BASIS_I, theme.BASIS_J, theme.PROJECTION)

#: extra room (scene units) between the y-axis and its tick labels in the row and column
#: pictures
Y_LABEL_NUDGE = 0.08

_BRACKET_HOOK = 0.13
_BRACKET_WIDTH = 2.5


_V = TypeVar("_V", bound=VMobject)


def _hide(mob: _V) -> _V:
    return mob.set_opacity(0)


def _printed_or_nan(cell: DecimalNumber) -> Printed:
    """The number a cell shows as typeset; NaN (with no digits) while it is hidden."""
    return printed(cell) if is_visible(cell) else Printed(float("nan"), "printed", "", 0)


def _is_operator(piece: VMobject, tex: str) -> bool:
    """Whether ``piece`` is the operator typeset from ``tex`` (e.g. a work line's ``(``)."""
    return isinstance(piece, MathTex) and piece.get_tex_string() == tex


def _show_value(
    number: DecimalNumber, value: float, places: int, point: np.ndarray, color: ManimColor
) -> DecimalNumber:
    """Make ``number`` show ``value`` with ``places`` decimals, centred on ``point``, coloured."""
    number.num_decimal_places = places
    number.set_value(value)
    number.move_to(point).set_color(color)
    return number


class _MorphNumber(Transform):
    """Morph a :class:`DecimalNumber` into another value centred on ``point``; at the end the
    number really holds the new value (``get_value``), with freshly built digits."""

    def __init__(
        self,
        number: DecimalNumber,
        value: float,
        places: int,
        point: np.ndarray,
        color: ManimColor,
        **kwargs: Any,
    ) -> None:
        self.value, self.places, self.point = value, places, np.array(point)
        self.color = color
        target = _show_value(number.copy(), value, places, self.point, color)
        super().__init__(number, target, **kwargs)

    def finish(self) -> None:
        super().finish()
        number = cast(DecimalNumber, self.mobject)  # built from a DecimalNumber
        _show_value(number, self.value, self.places, self.point, self.color)


class _SwapNumber(Redraw):
    """Fade a :class:`DecimalNumber`'s old digits out, then its new value in, centred on
    ``point``: no frame shows a glyph half-way between two digits. At every moment the
    number's value is the one its digits show (the old one, then the new one)."""

    def __init__(
        self,
        number: DecimalNumber,
        value: float,
        places: int,
        point: np.ndarray,
        color: ManimColor,
        **kwargs: Any,
    ) -> None:
        self.value, self.places, self.point = value, places, np.array(point)
        self.color = color
        self._swapped = False
        super().__init__(number, **kwargs)

    def _swap(self) -> None:
        number = cast(DecimalNumber, self.mobject)  # built from a DecimalNumber
        _show_value(number, self.value, self.places, self.point, self.color)
        self._swapped = True

    def interpolate_mobject(self, alpha: float) -> None:
        if alpha < 0.5:
            self.mobject.set_opacity(1 - 2 * alpha)
            return
        if not self._swapped:
            self._swap()
        self.mobject.set_opacity(2 * alpha - 1)

    def finish(self) -> None:
        super().finish()
        if not self._swapped:
            self._swap()
        self.mobject.set_opacity(1)


# --- a matrix of live numbers -----------------------------------------------------------------
class MatrixGrid(VGroup):
    """A matrix drawn as :class:`DecimalNumber` entries between square brackets.

    Columns are as wide as their widest entry, including any values listed in ``reserve``
    (so that numbers can change later without the layout moving), and every entry is centred
    on a fixed slot that moves with the grid.

    Parameters
    ----------
    values
        The entries, shape (m, n); exact or float (see :func:`mathviz.maths.matrices.exact`).
    decimals
        Decimals shown for every entry; ``None`` shows each entry exactly (up to
        ``max_decimals``).
    font_size
        Size of the entries (≥ 28 for lecture legibility).
    color
        Colour of the entries.
    column_gap
        Empty space between the widest entries of neighbouring columns.
    row_height
        Distance between row centres; default proportional to ``font_size``.
    reserve
        Other matrices of the same shape whose values this grid may show later.
    separator_before
        Draw a vertical bar before this column (augmented matrices: the right-hand side).
    hidden
        Build the entries invisible (a result still to be computed).
    max_decimals
        Cap on the decimals of an automatically formatted entry.
    bracket_pad
        Space between the outermost entries and the brackets.
    name
        Used in layout reports (``"X[0,1]"``).
    """

    def __init__(
        self,
        values: Sequence[Sequence[NumberLike]],
        *,
        decimals: int | None = None,
        font_size: float = 32,
        color: ManimColor = theme.TEXT,
        column_gap: float = 0.5,
        row_height: float | None = None,
        reserve: Iterable[Sequence[Sequence[NumberLike]]] = (),
        separator_before: int | None = None,
        hidden: bool = False,
        max_decimals: int = 3,
        bracket_pad: float = 0.22,
        name: str = "M",
    ) -> None:
        super().__init__()
        matrix = exact_matrix(values)
        m, n = shape(matrix)
        self.font_size = font_size
        self.decimals = decimals
        self.max_decimals = max_decimals
        self.entry_color = color
        self.name = name
        reserved = [exact_matrix(r) for r in reserve]
        for r in reserved:
            if shape(r) != (m, n):
                raise ValueError(f"reserved matrix of shape {shape(r)} for a {m}x{n} grid")
        if separator_before is not None and not 0 < separator_before < n:
            raise ValueError(f"separator before column {separator_before} of {n}")

        self.cells: list[list[DecimalNumber]] = [
            [self._number(v, f"{name}[{i},{j}]") for j, v in enumerate(row)]
            for i, row in enumerate(matrix)
        ]
        widths = [max(self.cells[i][j].width for i in range(m)) for j in range(n)]
        for r in reserved:
            for j in range(n):
                widths[j] = max([widths[j], *(self._number(r[i][j], "").width for i in range(m))])
        heights = max(c.height for row in self.cells for c in row)
        self.row_height = row_height if row_height is not None else 0.0275 * font_size

        xs, x = [], 0.0
        for j in range(n):
            if j:
                x += widths[j - 1] / 2 + column_gap + widths[j] / 2
                if separator_before == j:
                    x += column_gap * 0.6
            xs.append(x)
        self.slots = VGroup(
            *(
                VectorizedPoint(np.array([xs[j], -i * self.row_height, 0.0]))
                for i in range(m)
                for j in range(n)
            )
        )
        for i in range(m):
            for j in range(n):
                self.cells[i][j].move_to(self._slot_point(i, j))
                if hidden:
                    _hide(self.cells[i][j])

        pad_x, pad_y = bracket_pad, 0.18
        left = xs[0] - widths[0] / 2 - pad_x
        right = xs[-1] + widths[-1] / 2 + pad_x
        top = heights / 2 + pad_y
        bottom = -(m - 1) * self.row_height - heights / 2 - pad_y
        self.left_bracket = square_bracket(
            (left, top, 0.0),
            (left, bottom, 0.0),
            +1,
            theme.TEXT,
            hook=_BRACKET_HOOK,
            width=_BRACKET_WIDTH,
        )
        self.right_bracket = square_bracket(
            (right, top, 0.0),
            (right, bottom, 0.0),
            -1,
            theme.TEXT,
            hook=_BRACKET_HOOK,
            width=_BRACKET_WIDTH,
        )
        self.brackets = VGroup(self.left_bracket, self.right_bracket)
        parts: list[VMobject] = [self.brackets]
        self.separator: Line | None = None
        if separator_before is not None:
            j = separator_before
            sx = (xs[j - 1] + widths[j - 1] / 2 + xs[j] - widths[j] / 2) / 2
            self.separator = Line(
                np.array([sx, top - 0.05, 0.0]),
                np.array([sx, bottom + 0.05, 0.0]),
                stroke_color=theme.MUTED,
                stroke_width=2,
            )
            parts.append(self.separator)
        self.entries = VGroup(*(VGroup(*row) for row in self.cells))
        self.add(*parts, self.slots, self.entries)
        self.move_to(np.zeros(3))

    # --- construction -------------------------------------------------------------------
    def places(self, value: NumberLike) -> int:
        """Decimals this grid uses to show ``value``."""
        if self.decimals is not None:
            return self.decimals
        found = decimal_places(value, self.max_decimals)
        return self.max_decimals if found is None else found

    def _number(self, value: NumberLike, name: str) -> DecimalNumber:
        number = DecimalNumber(
            float(exact(value)),
            num_decimal_places=self.places(value),
            font_size=self.font_size,
            color=self.entry_color,
        )
        number.name = name
        return number

    def _slot_point(self, i: int, j: int) -> np.ndarray:
        return self.slots[i * self.shape[1] + j].get_center()

    # --- structure ----------------------------------------------------------------------
    @property
    def shape(self) -> tuple[int, int]:
        """``(rows, columns)`` of the drawn grid."""
        return len(self.cells), len(self.cells[0])

    def slot(self, i: int, j: int) -> np.ndarray:
        """Scene point where entry ``(i, j)`` is centred."""
        return self._slot_point(i, j)

    def entry(self, i: int, j: int) -> DecimalNumber:
        """The number drawn at ``(i, j)``."""
        return self.cells[i][j]

    def row(self, i: int) -> VGroup:
        """The entries of row ``i`` (for highlighting)."""
        return VGroup(*self.cells[i])

    def column(self, j: int) -> VGroup:
        """The entries of column ``j`` (for highlighting)."""
        return VGroup(*(row[j] for row in self.cells))

    def replace_entry(self, i: int, j: int, number: DecimalNumber) -> None:
        """Make ``number`` the entry at ``(i, j)`` (the old one leaves the grid)."""
        old = self.cells[i][j]
        self.entries[i].remove(old)
        self.entries[i].add(number)
        self.cells[i][j] = number

    def row_box(self, i: int, color: ManimColor) -> SurroundingRectangle:
        """A rounded box around row ``i`` spanning the whole grid width."""
        row = self.row(i)
        box = SurroundingRectangle(row, buff=0.12, corner_radius=0.08, color=color, stroke_width=3)
        box.stretch_to_fit_width(self.brackets.width - 2 * _BRACKET_HOOK - 0.04)
        box.set_x(self.brackets.get_x())
        return box

    def column_box(self, j: int, color: ManimColor) -> SurroundingRectangle:
        """A rounded box around column ``j``."""
        return SurroundingRectangle(
            self.column(j), buff=0.08, corner_radius=0.08, color=color, stroke_width=3
        )

    # --- values -------------------------------------------------------------------------
    def set_entry(self, i: int, j: int, value: NumberLike, *, visible: bool = True) -> None:
        """Show ``value`` at ``(i, j)`` now (no animation), centred on its slot."""
        cell = self.cells[i][j]
        cell.num_decimal_places = self.places(value)
        cell.set_value(float(exact(value)))
        cell.move_to(self.slot(i, j))
        cell.set_color(self.entry_color)
        cell.set_opacity(1.0 if visible else 0.0)

    def change_entry(
        self,
        i: int,
        j: int,
        value: NumberLike,
        *,
        color: ManimColor | None = None,
        swap: bool = False,
    ) -> Animation:
        """Animation morphing entry ``(i, j)`` into ``value`` (optionally recoloured), centred
        on its slot; with ``swap`` the old digits fade out and the new ones fade in instead
        of morphing glyph into glyph."""
        cell = self.cells[i][j]
        return (_SwapNumber if swap else _MorphNumber)(
            cell,
            float(exact(value)),
            self.places(value),
            self.slot(i, j),
            color=cell.get_color() if color is None else color,
        )

    @reads_screen("printed")
    def entry_shown(self, i: int, j: int) -> float:
        """The value the number at ``(i, j)`` shows, as typeset; NaN while it is hidden."""
        cell = self.cells[i][j]
        return printed(cell) if is_visible(cell) else float("nan")

    @reads_screen("printed")
    def values_shown(self) -> NDArray[np.float64]:
        """Every entry as typeset, shape (m, n), for arithmetic; hidden entries are NaN. A
        checkpoint takes :meth:`entries_printed` (each entry with its display precision)."""
        m, n = self.shape
        return np.array([[self.entry_shown(i, j) for j in range(n)] for i in range(m)])

    def entries_printed(self, rows: Iterable[int] | None = None) -> PrintedArray:
        """The digits typeset in every entry (of ``rows``, default all), row by row: a printed
        reading compared to half a unit in each entry's last shown place; a hidden entry
        reads NaN."""
        m, n = self.shape
        return PrintedArray(
            _printed_or_nan(self.cells[i][j])
            for i in (range(m) if rows is None else rows)
            for j in range(n)
        )


# --- a product, entry by entry ----------------------------------------------------------------
class MatrixProductHighlighter(VGroup):
    """``A B (+ b) = C`` on one line, with ``C`` filled in one entry at a time.

    For entry ``(i, j)`` row ``i`` of ``A`` lights up in ``theme.ROW``, column ``j`` of ``B`` in
    ``theme.COLUMN`` (and bias entry ``j`` in ``bias_color``); copies of the entries fly down
    into a work line ``a_i1·b_1j + … (+ b_j) = c_ij`` whose result appears (never a partial
    count) and then flies into its cell of ``C``. Values are exact (:mod:`mathviz.maths.matrices`).

    Parameters
    ----------
    a, b
        The factors, shapes (m, n) and (n, p).
    bias
        Optional bias row, shape (p,), broadcast down every row of the product.
    decimals
        Decimals shown in ``A``, ``B``, the bias and the result (``None``: exact per entry).
    names
        Labels written above ``A``, ``B``, the bias and the result, or ``None``.
    font_size
        Size of every matrix entry.
    work_size
        Size of the work line (default: ``font_size``); copies grow or shrink in flight.
    bias_color
        Colour of the bias entry in use.
    work_gap
        Distance between the bottom of the matrices and the work line.
    column_gaps
        Space between columns of ``A``, ``B``, the bias and the result (a wider gap leaves
        room for column labels).
    """

    def __init__(
        self,
        a: Sequence[Sequence[NumberLike]],
        b: Sequence[Sequence[NumberLike]],
        bias: Sequence[NumberLike] | None = None,
        *,
        decimals: tuple[int | None, int | None, int | None, int | None] = (None,) * 4,
        names: tuple[str, str, str, str] | None = ("A", "B", "b", "C"),
        font_size: int = 32,
        work_size: int | None = None,
        bias_color: ManimColor = theme.BIAS,
        work_gap: float = 1.0,
        column_gaps: tuple[float, float, float, float] = (0.45,) * 4,
    ) -> None:
        super().__init__()
        self.a, self.b = exact_matrix(a), exact_matrix(b)
        self.bias = None if bias is None else exact_vector(bias)
        self.result: ExactMatrix = (
            matmul(self.a, self.b) if self.bias is None else affine_layer(self.a, self.b, self.bias)
        )
        self.font_size = font_size
        self.work_size = font_size if work_size is None else work_size
        self.bias_color = bias_color
        da, db, dbias, dres = decimals
        ga, gb, gbias, gres = column_gaps
        self.a_grid = MatrixGrid(self.a, decimals=da, name="A", font_size=font_size, column_gap=ga)
        self.b_grid = MatrixGrid(self.b, decimals=db, name="B", font_size=font_size, column_gap=gb)
        self.bias_grid = (
            None
            if self.bias is None
            else MatrixGrid(
                [self.bias], decimals=dbias, name="bias", font_size=font_size, column_gap=gbias
            )
        )
        self.c_grid = MatrixGrid(
            self.result, decimals=dres, hidden=True, name="C", font_size=font_size, column_gap=gres
        )
        pieces: list[VMobject] = [self.a_grid, self.b_grid]
        self.plus_sign = None
        if self.bias_grid is not None:
            self.plus_sign = theme.tex("+", size=font_size + 6)
            pieces += [self.plus_sign, self.bias_grid]
        self.equals_sign = theme.tex("=", size=font_size + 6)
        pieces += [self.equals_sign, self.c_grid]
        self.equation = VGroup(*pieces).arrange(RIGHT, buff=0.3)
        self.add(self.equation)
        self.names = VGroup()
        if names is not None:
            grids = [self.a_grid, self.b_grid, self.bias_grid, self.c_grid]
            for label, g in zip(names, grids, strict=True):
                if g is None:
                    continue
                name = theme.tex(label, size=font_size + 6)
                name.next_to(g, UP, buff=0.2)
                self.names.add(name)
            top = max(n.get_bottom()[1] for n in self.names)
            for n in self.names:  # one baseline for every name
                n.align_to(np.array([0.0, top, 0.0]), DOWN)
            self.add(self.names)
        self.work_anchor = VectorizedPoint(self.equation.get_bottom() + DOWN * work_gap)
        self.add(self.work_anchor)
        self.work = VGroup()
        self.work_sum: DecimalNumber | None = None
        self.highlights = VGroup()
        self.add(self.work, self.highlights)
        self._work_places: dict[int, np.ndarray] = {}

    # --- structure ----------------------------------------------------------------------
    @property
    def grids(self) -> list[MatrixGrid]:
        """The drawn matrices: A, B, (bias,) C."""
        return [g for g in (self.a_grid, self.b_grid, self.bias_grid, self.c_grid) if g is not None]

    def create(self, run_time: float = 2.0) -> Animation:
        """Fade in the factors, the operators, the names and the empty result, left to right."""
        parts = [*self.equation, *self.names]
        return AnimationGroup(
            *(FadeIn(p) for p in parts), lag_ratio=0.15, run_time=run_time, group=self
        )

    def shape_labels(self, size: int = 28) -> VGroup:
        """``m×n`` under each matrix, counted from the drawn grids (not yet in the group)."""
        labels = VGroup()
        for g in self.grids:
            m, n = g.shape
            label = theme.tex(rf"{m}\times {n}", size=size, color=theme.MUTED)
            label.next_to(g, DOWN, buff=0.25)
            labels.add(label)
        bottom = min(lab.get_top()[1] for lab in labels)
        for lab in labels:
            lab.align_to(np.array([0.0, bottom, 0.0]), UP)
        return labels

    # --- computing an entry --------------------------------------------------------------
    def _copy_of(self, source: DecimalNumber, color: ManimColor) -> DecimalNumber:
        number = source.copy().set_color(color).scale(self.work_size / self.font_size)
        number.name = f"copy of {source.name}"
        return number

    def _operator(self, tex: str) -> MathTex:
        op = theme.tex(tex, size=self.work_size)
        op.name = f'operator "{tex}"'
        return op

    def _work_line(
        self, i: int, j: int
    ) -> tuple[list[tuple[VMobject, DecimalNumber | None]], DecimalNumber]:
        """Pieces of ``a·b + … = c``; each paired with the entry it is copied from (or None)."""
        if self.bias is None:
            terms, bias_term = product_entry_terms(self.a, self.b, i, j), None
        else:
            terms, bias_term = affine_entry_terms(self.a, self.b, self.bias, i, j)
        pieces: list[tuple[VMobject, DecimalNumber | None]] = []

        def number(
            source: DecimalNumber, value: Fraction, color: ManimColor, after_operator: bool
        ) -> None:
            wrap = after_operator and value < 0
            if wrap:
                pieces.append((self._operator("("), None))
            pieces.append((self._copy_of(source, color), source))
            if wrap:
                pieces.append((self._operator(")"), None))

        for k, (x, w) in enumerate(terms):
            if k:
                pieces.append((self._operator("+"), None))
            number(self.a_grid.entry(i, k), x, theme.ROW, k > 0)
            pieces.append((self._operator(r"\cdot"), None))
            number(self.b_grid.entry(k, j), w, theme.COLUMN, True)
        if bias_term is not None and self.bias_grid is not None:
            pieces.append((self._operator("+"), None))
            number(self.bias_grid.entry(0, j), bias_term, self.bias_color, True)
        pieces.append((self._operator("="), None))
        total = DecimalNumber(
            float(self.result[i][j]),
            num_decimal_places=self.c_grid.places(self.result[i][j]),
            font_size=self.work_size,
            color=theme.ACCENT,
        )
        total.name = f"sum for C[{i},{j}]"
        pieces.append((total, None))
        return pieces, total

    def assemble(self, i: int, j: int, *, run_time: float = 4.0) -> Animation:
        """Light up row ``i`` and column ``j``, fly copies of their entries into the work line
        and show their sum. The previous work line (faded by :meth:`write`) is dropped.

        No target depends on state left behind by earlier animations, so this animation may be
        built before the previous entry's animations have played.
        """
        m, p = shape(self.result)
        if not (0 <= i < m and 0 <= j < p):
            raise IndexError(f"entry ({i}, {j}) is outside a {m}x{p} result")
        self.remove(self.work, self.highlights)
        pieces, total = self._work_line(i, j)
        parts = [piece for piece, _ in pieces]
        for prev, cur in pairwise(parts):  # parentheses hug what they wrap
            tight = _is_operator(prev, "(") or _is_operator(cur, ")")
            cur.next_to(prev, RIGHT, buff=0.04 if tight else 0.14)
        line = VGroup(*parts)
        line.move_to(self.work_anchor.get_center())
        self.work = line
        self.work_sum = total
        self._work_places = {id(piece): piece.get_center() for piece, _ in pieces}
        arrivals = [(piece, piece.copy()) for piece, source in pieces if source is not None]
        for piece, source in pieces:
            if source is not None:
                piece.scale(self.font_size / self.work_size).move_to(source.get_center())
            _hide(piece)
        _hide(total)

        boxes = [self.a_grid.row_box(i, theme.ROW), self.b_grid.column_box(j, theme.COLUMN)]
        colored: list[tuple[VMobject, ManimColor]] = [
            (self.a_grid.row(i), theme.ROW),
            (self.b_grid.column(j), theme.COLUMN),
        ]
        if self.bias_grid is not None:
            boxes.append(
                SurroundingRectangle(
                    self.bias_grid.entry(0, j),
                    buff=0.08,
                    corner_radius=0.08,
                    color=self.bias_color,
                    stroke_width=3,
                )
            )
            colored.append((self.bias_grid.entry(0, j), self.bias_color))
        target_box = SurroundingRectangle(
            self.c_grid.entry(i, j),
            buff=0.14,
            corner_radius=0.08,
            color=theme.ACCENT,
            stroke_width=3,
        )
        target_box.stretch_to_fit_width(max(target_box.width, 0.9))
        target_box.move_to(self.c_grid.slot(i, j))
        boxes.append(target_box)
        self.highlights = VGroup(*boxes)
        self.add(self.work, self.highlights)

        operators = [piece for piece, source in pieces if source is None and piece is not total]
        light = AnimationGroup(
            *(Create(b) for b in boxes),
            *(Transform(mob, mob.copy().set_color(c)) for mob, c in colored),
        )
        lift = AnimationGroup(*(built(piece.animate.set_opacity(1)) for piece, _ in arrivals))
        fly = AnimationGroup(
            *(Transform(piece, arrival) for piece, arrival in arrivals),
            *(Transform(op, op.copy().set_opacity(1)) for op in operators),
            lag_ratio=0.12,
        )
        # the sum appears with its value: a count from 0 would print partial values that the
        # terms beside it do not add up to
        reveal = built(total.animate.set_opacity(1))
        return Succession(
            AnimationGroup(light, run_time=0.25 * run_time),
            AnimationGroup(lift, run_time=0.04 * run_time),
            AnimationGroup(fly, run_time=0.46 * run_time),
            AnimationGroup(reveal, run_time=0.25 * run_time),
            group=self,
        )

    def write(self, i: int, j: int, *, run_time: float = 1.5) -> Animation:
        """Fly the work line's sum into cell ``(i, j)`` of the result; fade the rest of the work
        line and the highlights, and return the factors to their plain colour.

        May be built before :meth:`assemble`'s animation has played (targets are explicit).
        """
        if self.work_sum is None:
            raise RuntimeError("assemble the entry before writing it")
        total = self.work_sum
        value = self.result[i][j]
        landed = total.copy()
        landed.set_value(float(value))
        landed.set_opacity(1).set_color(self.c_grid.entry_color)
        landed.scale(self.font_size / self.work_size).move_to(self.c_grid.slot(i, j))
        self.c_grid.replace_entry(i, j, total)
        self.work.remove(total)
        self.work_sum = None
        rest = [(p, p.copy().move_to(self._work_places[id(p)]).set_opacity(0)) for p in self.work]
        plain = [self.a_grid.entries, self.b_grid.entries]
        if self.bias_grid is not None:
            plain.append(self.bias_grid.entries)
        return AnimationGroup(
            Transform(total, landed),
            *(Transform(p, faded) for p, faded in rest),
            *(Transform(h, h.copy().set_stroke(opacity=0)) for h in self.highlights),
            *(Transform(g, g.copy().set_color(theme.TEXT)) for g in plain),
            run_time=run_time,
            group=self,
        )

    def compute_entry(self, i: int, j: int, *, run_time: float = 5.0) -> Animation:
        """:meth:`assemble` then :meth:`write`, in one animation."""
        first = self.assemble(i, j, run_time=0.72 * run_time)
        return Succession(first, self.write(i, j, run_time=0.28 * run_time), group=self)

    # --- read back ----------------------------------------------------------------------
    @reads_screen("printed")
    def sum_shown(self) -> float:
        """The sum the work line shows, as typeset; NaN when there is none."""
        if self.work_sum is None or not is_visible(self.work_sum):
            return float("nan")
        return printed(self.work_sum)

    @reads_screen("printed")
    def entry_shown(self, i: int, j: int) -> float:
        """The value in cell ``(i, j)`` of the drawn result, as typeset; NaN until written."""
        return self.c_grid.entry_shown(i, j)

    @reads_screen("printed")
    def result_shown(self) -> NDArray[np.float64]:
        """The drawn result matrix as typeset, shape (m, p) (NaN where not yet written)."""
        return self.c_grid.values_shown()

    def result_printed(self) -> PrintedArray:
        """Every entry of the drawn result as typeset, row by row (for a checkpoint)."""
        return self.c_grid.entries_printed()

    @reads_screen("count")
    def result_shape_shown(self) -> tuple[int, int]:
        """Rows and columns of the drawn result grid."""
        return self.c_grid.shape


# --- elimination on an augmented matrix ---------------------------------------------------------
class AugmentedMatrix(VGroup):
    """``[A | b]`` as live numbers with a bar before the right-hand side; row operations
    animate in place.

    Each :meth:`apply` writes the operation (``R₂ ← R₂ − 2R₁``) beside the row it changes,
    boxes the source row in ``theme.ROW`` and the target row in ``theme.ACCENT``, morphs the
    target row's numbers into their new values and colours every entry that just became zero
    in ``theme.GOOD``.

    Parameters
    ----------
    matrix
        The augmented matrix, shape (equations, unknowns + 1).
    reserve
        Every state the matrix will pass through (column widths fit all of them); use
        :meth:`of` to take them from an :class:`~mathviz.maths.matrices.Elimination`.
    font_size
        Size of the entries.
    label_size
        Size of the row-operation label.
    """

    def __init__(
        self,
        matrix: Sequence[Sequence[NumberLike]],
        *,
        reserve: Iterable[Sequence[Sequence[NumberLike]]] = (),
        font_size: float = 36,
        label_size: int = 32,
        column_gap: float = 0.6,
    ) -> None:
        super().__init__()
        start = exact_matrix(matrix)
        m, n = shape(start)
        if n < 2:
            raise ValueError("an augmented matrix needs at least one coefficient column")
        self.n_unknowns = n - 1
        self.label_size = label_size
        self.grid = MatrixGrid(
            start,
            reserve=reserve,
            font_size=font_size,
            column_gap=column_gap,
            separator_before=n - 1,
            bracket_pad=0.32,
            name="[A|b]",
        )
        self.state: ExactMatrix = start
        self.label: MathTex | None = None
        self._lit: list[DecimalNumber] = []
        self.marks = VGroup()
        self.add(self.grid, self.marks)

    @classmethod
    def of(cls, elimination: Elimination, **kwargs: Any) -> AugmentedMatrix:
        """The starting matrix of ``elimination``, sized for every later step."""
        return cls(elimination.start, reserve=elimination.matrices, **kwargs)

    def create(self, run_time: float = 1.2) -> Animation:
        """Fade the matrix in."""
        return AnimationGroup(FadeIn(self.grid), run_time=run_time, group=self)

    def _label_for(self, step: EliminationStep) -> MathTex:
        label = theme.tex(step.operation.tex(), size=self.label_size, color=theme.ACCENT)
        label.name = f"row operation {step.operation.describe()}"
        label.next_to(self.grid, RIGHT, buff=0.45)
        label.set_y(self.grid.slot(step.operation.target, 0)[1])
        return label

    def _fade_marks(self) -> list[Animation]:
        """Animations fading the previous label and boxes (they leave the group next time)."""
        return [Transform(mark, mark.copy().set_opacity(0)) for mark in self.marks]

    def apply(
        self, step: EliminationStep, *, run_time: float = 2.5, swap_digits: bool = False
    ) -> Animation:
        """Animate one row operation (built from the current on-screen state); with
        ``swap_digits`` each changed entry cross-fades to its new value instead of morphing
        its glyphs (no half-formed digits mid-change).

        Raises
        ------
        ValueError
            If ``step.before`` is not the matrix currently shown by this primitive.
        """
        if step.before != self.state:
            raise ValueError("this step does not start from the matrix on screen")
        # drop the previous (already faded) marks, then fade the current ones
        faded = [mk for mk in self.marks if not is_visible(mk)]
        self.marks.remove(*faded)
        fades = self._fade_marks()
        op = step.operation
        label = self._label_for(step)
        boxes = [self.grid.row_box(op.target, theme.ACCENT)]
        if op.source is not None:
            boxes.append(self.grid.row_box(op.source, theme.ROW))
        rows = [op.target]
        if op.kind == "swap":
            assert op.source is not None  # a swap always names its second row
            rows.append(op.source)
        changes: list[Animation] = []
        lit: list[DecimalNumber] = []
        for i in rows:
            for j in range(len(step.after[i])):
                before, after = step.before[i][j], step.after[i][j]
                if after == before:
                    continue
                new_zero = after == 0 and j < self.n_unknowns
                color = theme.GOOD if new_zero else self.grid.entry_color
                changes.append(self.grid.change_entry(i, j, after, color=color, swap=swap_digits))
                if new_zero:
                    lit.append(self.grid.entry(i, j))
        new_marks = [label, *boxes]
        for mark in new_marks:
            _hide(mark)
        self.marks.add(*new_marks)
        self.label = label
        self.state = step.after
        self._lit, old_lit = lit, self._lit
        show = [
            Transform(
                mk,
                mk.copy().set_opacity(1).set_fill(opacity=0)
                if not isinstance(mk, MathTex)
                else mk.copy().set_opacity(1),
            )
            for mk in (label, *boxes)
        ]
        unlit = [built(cell.animate.set_color(self.grid.entry_color)) for cell in old_lit]
        phases: list[Animation] = [AnimationGroup(*fades, *show, *unlit, run_time=0.35 * run_time)]
        if changes:
            phases.append(AnimationGroup(*changes, run_time=0.45 * run_time))
        phases.append(Wait(0.2 * run_time))
        return Succession(*phases, group=self)

    def settle(self, run_time: float = 0.6) -> Animation:
        """Fade the operation label and boxes of the last step; new zeros return to plain."""
        unlit = [built(cell.animate.set_color(self.grid.entry_color)) for cell in self._lit]
        self._lit = []
        return AnimationGroup(*self._fade_marks(), *unlit, run_time=run_time, group=self)

    def flag_row(
        self, i: int, color: ManimColor = theme.BAD, *, run_time: float = 1.0
    ) -> Animation:
        """Box row ``i`` in ``color`` (e.g. an impossible ``0 0 | c`` row)."""
        box = self.grid.row_box(i, color)
        box.name = f"flag on row {i}"
        self.marks.add(box)
        return AnimationGroup(Create(box), run_time=run_time, group=self)

    @reads_screen("printed")
    def entries_shown(self) -> NDArray[np.float64]:
        """The augmented matrix as typeset, shape (equations, unknowns + 1)."""
        return self.grid.values_shown()

    def entries_printed(self) -> PrintedArray:
        """Every entry as typeset, row by row, each with its display precision."""
        return self.grid.entries_printed()

    def row_shown(self, i: int) -> PrintedArray:
        """Row ``i`` as typeset."""
        return self.grid.entries_printed(rows=[i])


# --- the row and column pictures of a system with two unknowns ----------------------------------
def _labelled_plane(
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    unit: float,
    numbers: bool,
    number_size: float,
) -> NumberPlane:
    plane = number_plane(x_range, y_range, unit, line_opacity=0.7, axis_width=2.0)
    if numbers:
        xs = [
            x
            for x in range(int(np.ceil(x_range[0])), int(np.floor(x_range[1])) + 1)
            if x != 0 and x_range[0] < x < x_range[1]
        ]
        ys = [
            y
            for y in range(int(np.ceil(y_range[0])), int(np.floor(y_range[1])) + 1)
            if y != 0 and y_range[0] < y < y_range[1]
        ]
        plane.add_coordinates(xs, ys, font_size=number_size)
        for label in plane.coordinate_labels.family_members_with_points():
            label.set_color(theme.MUTED)
        # a little more room right of the y-axis: a line through a tick of the axis (as
        # 2x + y = 5 runs through (0, 5)) must not graze its label
        plane.coordinate_labels[1].shift(Y_LABEL_NUDGE * RIGHT)
    return plane


def _require_two_unknowns(a: ExactMatrix) -> None:
    if shape(a)[1] != 2:
        raise ValueError(f"a picture in the plane needs 2 unknowns, got {shape(a)[1]}")


class RowPicture(VGroup):
    """Each equation ``a x + b y = c`` of a system as a line in the plane; a unique solution
    is the dot where they all meet.

    Parameters
    ----------
    a, b
        The system ``A [x, y] = b``: ``A`` of shape (equations, 2), ``b`` of shape
        (equations,).
    x_range, y_range
        Extent of the plane in coordinates.
    unit
        Scene units per coordinate unit.
    colors
        One colour per equation (cycled).
    numbers
        Label the integer ticks.
    """

    def __init__(
        self,
        a: Sequence[Sequence[NumberLike]],
        b: Sequence[NumberLike],
        *,
        x_range: tuple[float, float] = (-2.0, 4.0),
        y_range: tuple[float, float] = (-1.0, 6.0),
        unit: float = 0.8,
        colors: Sequence[ManimColor] = EQUATION_COLORS,
        numbers: bool = True,
        number_size: float = 24,
        line_width: float = 5,
    ) -> None:
        super().__init__()
        self.x_range, self.y_range = x_range, y_range
        self.colors = list(colors)
        self.line_width = line_width
        self.plane = _labelled_plane(x_range, y_range, unit, numbers, number_size)
        self.a, self.b = exact_matrix(a), exact_vector(b)
        _require_two_unknowns(self.a)
        self.lines = VGroup(
            *(
                self._line(k, row, rhs)
                for k, (row, rhs) in enumerate(zip(self.a, self.b, strict=True))
            )
        )
        self.dot = Dot(self.plane.c2p(0, 0), radius=0.1, color=theme.DOT)
        self.dot.set_stroke(theme.BACKGROUND, width=2)
        self._place_dot()
        _hide(self.dot)
        self.add(self.plane, self.lines, self.dot)

    # --- construction -------------------------------------------------------------------
    def _line(self, k: int, row: Sequence[NumberLike], rhs: NumberLike) -> Line:
        color = self.colors[k % len(self.colors)]
        ends = line_in_box(row[0], row[1], rhs, self.x_range, self.y_range)
        if ends is None:  # no points in view (0 = c, or off-screen): an invisible stub
            centre = self.plane.c2p(float(np.mean(self.x_range)), float(np.mean(self.y_range)))
            line = Line(
                centre, centre + 0.01 * RIGHT, stroke_color=color, stroke_width=self.line_width
            )
            return _hide(line)
        (x0, y0), (x1, y1) = ends
        return Line(
            self.plane.c2p(float(x0), float(y0)),
            self.plane.c2p(float(x1), float(y1)),
            stroke_color=color,
            stroke_width=self.line_width,
        )

    def _solution(self) -> tuple[float, float] | None:
        elimination = Elimination.of(self.a, self.b)
        if elimination.status != "unique":
            return None
        x, y = elimination.solution
        return float(x), float(y)

    def _place_dot(self) -> bool:
        solution = self._solution()
        if solution is not None:
            self.dot.move_to(self.plane.c2p(*solution))
        return solution is not None

    # --- animations ---------------------------------------------------------------------
    def create(self, run_time: float = 1.5) -> Animation:
        """Fade the plane in (lines and dot follow with :meth:`draw_lines`, :meth:`show_dot`)."""
        for line in self.lines:
            _hide(line)
        return AnimationGroup(FadeIn(self.plane), run_time=run_time, group=self)

    def draw_line(self, k: int, run_time: float = 1.2) -> Animation:
        """Draw the line of equation ``k``."""
        line = self.lines[k]
        line.set_stroke(opacity=1)
        return AnimationGroup(Create(line), run_time=run_time, group=self)

    def show_dot(self, run_time: float = 0.8) -> Animation:
        """Reveal the intersection dot (only if the system has a unique solution)."""
        if self._solution() is None:
            raise ValueError("the lines have no single common point")
        shown = self.dot.copy().set_opacity(1).set_stroke(opacity=1)
        return AnimationGroup(Transform(self.dot, shown), run_time=run_time, group=self)

    def morph_to(
        self, a: Sequence[Sequence[NumberLike]], b: Sequence[NumberLike], *, run_time: float = 1.5
    ) -> Animation:
        """Turn each line into the line of the new equation (same number of equations), as a
        row operation does; a row with no points (``0 = c``) fades away. The dot moves to the
        new common point, or fades if there is none.

        When the old and the new system share their single solution (every row operation on
        a uniquely solvable system), each changed line *turns about that point*: at every
        frame it still passes through the solution, as the equations it stands for do.
        """
        new_a, new_b = exact_matrix(a), exact_vector(b)
        if shape(new_a) != shape(self.a):
            raise ValueError("morph_to keeps the number of equations and unknowns")
        old_a, old_solution = self.a, self._solution()
        self.a, self.b = new_a, new_b
        new_solution = self._solution()
        pivot = old_solution if old_solution is not None and old_solution == new_solution else None
        moves = []
        for k, (row, rhs) in enumerate(zip(new_a, new_b, strict=True)):
            if pivot is not None and tuple(row) != tuple(old_a[k]):
                moves.append(self._turn_line(k, old_a[k], row, rhs, pivot))
            else:
                moves.append(Transform(self.lines[k], self._line(k, row, rhs)))
        dot_target = self.dot.copy()
        solution = self._solution()
        if solution is not None:
            dot_target.move_to(self.plane.c2p(*solution))
        else:
            dot_target.set_opacity(0)
        moves.append(Transform(self.dot, dot_target))
        return AnimationGroup(*moves, run_time=run_time, group=self)

    def _turn_line(
        self,
        k: int,
        old_row: Sequence[NumberLike],
        row: Sequence[NumberLike],
        rhs: NumberLike,
        pivot: tuple[float, float],
    ) -> Animation:
        """Line ``k`` turning about ``pivot`` from the direction of ``old_row`` to that of
        ``row`` (the short way: a line and its reverse are the same line)."""
        line = self.lines[k]
        start_angle = float(np.arctan2(float(old_row[1]), float(old_row[0])))
        turn = float(np.arctan2(float(row[1]), float(row[0]))) - start_angle
        turn = (turn + np.pi / 2) % np.pi - np.pi / 2  # normals n and −n: one line
        point = np.array(pivot, dtype=float)
        final = self._line(k, row, rhs)

        def update(_: Mobject, alpha: float) -> None:
            if alpha >= 1:
                line.become(final)
                return
            normal = np.array(
                [np.cos(start_angle + alpha * turn), np.sin(start_angle + alpha * turn)]
            )
            ends = line_in_box(
                float(normal[0]),
                float(normal[1]),
                float(normal @ point),
                self.x_range,
                self.y_range,
            )
            if ends is not None:
                (x0, y0), (x1, y1) = ends
                line.put_start_and_end_on(
                    self.plane.c2p(float(x0), float(y0)), self.plane.c2p(float(x1), float(y1))
                )

        return UpdateFromAlphaFunc(line, update)

    # --- read back ----------------------------------------------------------------------
    @reads_screen("geometry")
    def intersection_shown(self) -> NDArray[np.float64]:
        """Plane coordinates of the intersection dot as drawn; NaN while it is hidden."""
        if not is_visible(self.dot):
            return np.array([np.nan, np.nan])
        return coords(self.plane, self.dot)

    @reads_screen("geometry")
    def line_shown(self, k: int) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """The two ends of line ``k`` as drawn, in plane coordinates."""
        line = self.lines[k]
        return coords(self.plane, line.get_start()), coords(self.plane, line.get_end())

    def line_visible(self, k: int) -> bool:
        """Whether line ``k`` is drawn (a ``0 = c`` row has no line)."""
        return is_visible(self.lines[k])

    @reads_screen("count")
    def line_drawn_shown(self, k: int) -> int:
        """How many lines of equation ``k`` are visible on screen: 1, or 0 once its row reads
        ``0 = c`` and the line has faded."""
        return int(is_visible(self.lines[k]))

    @reads_screen("geometry")
    def slope_shown(self, k: int) -> float:
        """Slope dy/dx of line ``k`` as drawn (``inf`` for a vertical line)."""
        (x0, y0), (x1, y1) = self.line_shown(k)
        return float("inf") if abs(x1 - x0) < 1e-12 else float((y1 - y0) / (x1 - x0))

    @reads_screen("geometry")
    def distance_to_line_shown(self, point: ArrayLike, k: int) -> float:
        """Distance (plane units) from ``point`` to the infinite line through drawn line ``k``."""
        p0, p1 = self.line_shown(k)
        d = p1 - p0
        v = np.asarray(point, dtype=float) - p0
        return float(abs(d[0] * v[1] - d[1] * v[0]) / np.linalg.norm(d))


class ColumnPicture(VGroup):
    """The columns of a 2-row matrix as arrows; scaled by the unknowns and added tip to tail
    they reach the right-hand side ``b`` exactly when the unknowns solve ``A x = b``.

    Parameters
    ----------
    a, b
        The system: ``A`` of shape (2, n), ``b`` of shape (2,).
    x_range, y_range, unit
        The plane.
    colors
        Colour of column j (default: î's and ĵ's colours, since column j is where the j-th
        basis vector lands).
    weight_names
        Names of the unknowns, for the weight readouts.
    readout_size
        Font size of the readouts ``x = 2.0``.
    """

    def __init__(
        self,
        a: Sequence[Sequence[NumberLike]],
        b: Sequence[NumberLike],
        *,
        x_range: tuple[float, float] = (-2.0, 4.0),
        y_range: tuple[float, float] = (-1.0, 6.0),
        unit: float = 0.8,
        colors: Sequence[ManimColor] = COLUMN_COLORS,
        weight_names: Sequence[str] = ("x", "y", "z"),
        numbers: bool = True,
        number_size: float = 24,
        readout_size: int = 34,
        decimals: int = 1,
    ) -> None:
        super().__init__()
        self.a, self.b = exact_matrix(a), exact_vector(b)
        if shape(self.a)[0] != 2 or len(self.b) != 2:
            raise ValueError("the column picture lives in the plane: A needs 2 rows, b 2 entries")
        n = shape(self.a)[1]
        if len(weight_names) < n:
            raise ValueError(f"{n} columns but only {len(weight_names)} weight names")
        self.colors = [colors[j % len(colors)] for j in range(n)]
        self.plane = _labelled_plane(x_range, y_range, unit, numbers, number_size)
        origin = self.plane.c2p(0, 0)
        self.columns = VGroup(
            *(
                self._arrow(
                    origin,
                    self.plane.c2p(float(self.a[0][j]), float(self.a[1][j])),
                    self.colors[j],
                    width=4,
                ).set_opacity(0.55)
                for j in range(n)
            )
        )
        self.target = Dot(self.plane.c2p(*map(float, self.b)), radius=0.11, color=theme.ACCENT)
        self.target_ring = Dot(
            self.target.get_center(),
            radius=0.2,
            fill_opacity=0,
            stroke_color=theme.ACCENT,
            stroke_width=3,
        )
        self.weights = [exact(0)] * n
        self.scaled = VGroup(*(self._arrow(origin, origin, self.colors[j]) for j in range(n)))
        self.readouts = VGroup(
            *(
                Readout(
                    weight_names[j], 0.0, decimals=decimals, color=self.colors[j], size=readout_size
                )
                for j in range(n)
            )
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        self.add(
            self.plane, self.columns, self.target_ring, self.target, self.scaled, self.readouts
        )

    def _arrow(
        self, start: np.ndarray, end: np.ndarray, color: ManimColor, width: float = 7
    ) -> Arrow:
        if np.linalg.norm(end - start) < 1e-6:  # nothing to draw yet: an invisible stub
            return _hide(
                Arrow(start, start + 0.01 * RIGHT, buff=0, color=color, stroke_width=width)
            )
        return Arrow(
            start,
            end,
            buff=0,
            color=color,
            stroke_width=width,
            max_tip_length_to_length_ratio=0.25,
            max_stroke_width_to_length_ratio=10,
        )

    def _set_weights(self, weights: Sequence[NumberLike]) -> None:
        path = tip_to_tail(self.a, weights)
        for j, arrow in enumerate(self.scaled):
            start = self.plane.c2p(*map(float, path[j]))
            end = self.plane.c2p(*map(float, path[j + 1]))
            arrow.become(self._arrow(start, end, self.colors[j]))

    # --- animations ---------------------------------------------------------------------
    def create(self, run_time: float = 2.0) -> Animation:
        """Fade in the plane, grow the column arrows, mark ``b``, show the zero readouts."""
        return AnimationGroup(
            FadeIn(self.plane),
            *(FadeIn(c) for c in self.columns),
            FadeIn(self.target_ring),
            FadeIn(self.target),
            FadeIn(self.readouts),
            lag_ratio=0.25,
            run_time=run_time,
            group=self,
        )

    def scale_column(self, j: int, weight: NumberLike, *, run_time: float = 2.0) -> Animation:
        """Grow the scaled copy of column ``j`` to ``weight`` (later arrows ride on its tip);
        the readout of that unknown counts along."""
        start = list(self.weights)
        end = list(start)
        end[j] = exact(weight)
        self.weights = end
        readout = cast(Readout, self.readouts[j])

        def update(_mob: Mobject, alpha: float) -> None:
            t = exact(round(alpha, 6))
            self._set_weights([s + t * (e - s) for s, e in zip(start, end, strict=True)])

        return AnimationGroup(
            UpdateFromAlphaFunc(self.scaled, update),
            ChangeDecimalToValue(readout.number, float(end[j])),  # type: ignore[arg-type]  # manim types the target as int; it counts to any float
            run_time=run_time,
            group=self,
        )

    # --- read back ----------------------------------------------------------------------
    @reads_screen("geometry")
    def vectors_shown(self) -> NDArray[np.float64]:
        """Each scaled column as drawn (end − start, plane coordinates), shape (n, 2);
        a hidden (zero) arrow counts as the zero vector."""
        out = []
        for arrow in self.scaled:
            if not is_visible(arrow):
                out.append(np.zeros(2))
                continue
            out.append(coords(self.plane, arrow.get_end()) - coords(self.plane, arrow.get_start()))
        return np.array(out)

    @reads_screen("geometry")
    def tip_shown(self) -> NDArray[np.float64]:
        """Where the tip-to-tail chain ends, in plane coordinates: the sum of the drawn
        scaled columns, starting at the drawn origin."""
        origin = coords(self.plane, self.plane.c2p(0, 0))
        tip: NDArray[np.float64] = origin + self.vectors_shown().sum(axis=0)
        return tip

    @reads_screen("geometry")
    def end_point_shown(self) -> NDArray[np.float64]:
        """The tip of the last visible scaled arrow, in plane coordinates."""
        visible = [a for a in self.scaled if is_visible(a)]
        if not visible:
            return coords(self.plane, self.plane.c2p(0, 0))
        return coords(self.plane, visible[-1].get_end())

    @reads_screen("printed")
    def weights_shown(self) -> NDArray[np.float64]:
        """The unknowns as the readouts show them (typeset digits)."""
        return printed_all(self.readouts)

    @reads_screen("geometry")
    def weights_drawn(self) -> NDArray[np.float64]:
        """The unknowns read off the arrows: each drawn scaled column's component along its
        drawn column arrow, over that arrow's squared length (0 while it is hidden)."""
        out = []
        for column, scaled in zip(self.columns, self.vectors_shown(), strict=True):
            a = coords(self.plane, column.get_end()) - coords(self.plane, column.get_start())
            out.append(float(scaled @ a / (a @ a)))
        return np.array(out)

    @reads_screen("geometry")
    def target_shown(self) -> NDArray[np.float64]:
        """Where ``b`` is marked, in plane coordinates."""
        return coords(self.plane, self.target)
