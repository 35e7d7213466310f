"""Degrees made visible: counts inside a graph's nodes, row and column sums beside its
matrix, sums of degrees assembled term by term, and the full block adjacency matrix.

Built on :class:`~mathviz.primitives.graph_view.GraphView` and
:class:`~mathviz.primitives.graph_view.AdjacencyMatrix` (11.1 Graph Basics):

* :class:`DegreeGraphView` — a ``GraphView`` whose nodes can carry a number inside their
  disc that follows what is drawn (the edges lit at the node, or its degree), and whose lit
  nodes keep that number readable;
* :class:`MarginSums` — each row's and each column's sum written beside a matrix, the
  entries flowing into them;
* :class:`SumLine` — ``3 + 3 + 2 = 8``: terms flown in from numbers on screen, then the total;
* :class:`BlockAdjacency` — the square adjacency matrix of a bipartite graph, whose
  off-diagonal blocks are taken from the users × movies table and mirrored across the
  diagonal.

Every ``*_shown`` / ``*_printed`` method reads the picture back (lines, colours, typeset
digits) for checkpoints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

import numpy as np
from manim import (
    LEFT,
    RIGHT,
    Animation,
    AnimationGroup,
    DecimalNumber,
    FadeIn,
    Indicate,
    LaggedStart,
    ManimColor,
    Mobject,
    MoveToTarget,
    ShowPassingFlash,
    SurroundingRectangle,
    TransformFromCopy,
    VGroup,
    VMobject,
    Write,
)
from numpy.typing import NDArray

from mathviz import theme
from mathviz.layout import is_visible
from mathviz.maths.graphs import Edge
from mathviz.primitives.graph_view import AdjacencyMatrix, GraphView
from mathviz.readings import PrintedArray, derived, printed, printed_all, reads_screen

__all__ = ["DegreeGraphView", "CountLabel", "MarginSums", "SumLine", "BlockAdjacency"]


class _Ink(Animation):
    """Recolour a number in place, without a starting copy: a copy would carry the number's
    updater and could be redrawn with other digits than the number shows."""

    def __init__(self, number: DecimalNumber, color: ManimColor, **kwargs: Any) -> None:
        self.end_color = ManimColor(color)
        self.start_color = ManimColor(number.get_color())
        super().__init__(number, **kwargs)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.start_color = ManimColor(self.mobject.get_color())
        super().begin()

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - nothing to interpolate from
        return cast(Mobject, self.mobject)

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = self.rate_func(alpha)
        self.mobject.set_color(self.start_color.interpolate(self.end_color, t))


class _FlyInto(TransformFromCopy):
    """A copy of ``source`` flies into the number ``target``; at the end the number's glyphs
    are rebuilt (a transform pads its family to match the source's, leaving stacked glyphs
    behind)."""

    def finish(self) -> None:  # noqa: D102 - manim hook
        super().finish()
        number = cast(DecimalNumber, self.mobject)
        centre, colour = number.get_center(), number.get_color()
        number.set_value(number.get_value())
        number.move_to(centre).set_color(colour)


class DegreeGraphView(GraphView):
    """A :class:`GraphView` whose nodes can show a number inside their disc.

    Takes the parameters of :class:`GraphView`; names are best put outside the discs
    (``name_outside``) so the numbers have the disc to themselves.
    """

    def __init__(self, *args: object, number_size: int = theme.LABEL_SIZE, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.number_size = number_size
        self.numbers: dict[str, DecimalNumber] = {}
        self.number_layer = VGroup()
        self.add(self.number_layer)

    # --- structure ------------------------------------------------------------------------
    def edges_at(self, node: str) -> list[Edge]:
        """The edges of the graph with an end at ``node`` (drawn or not), in edge order."""
        self._known(node)
        return [e for e in self.graph.edges if node in e]

    def flash_edges(self, color: ManimColor, lag_ratio: float = 0.05) -> Animation:
        """A flash runs along every drawn edge, one after another (nothing left behind)."""
        flashes = [
            ShowPassingFlash(line.copy().set_stroke(color, width=7), time_width=0.5)
            for line in self.lines.values()
        ]
        return LaggedStart(*flashes, lag_ratio=lag_ratio)

    # --- numbers inside the discs ---------------------------------------------------------
    def count_in(self, nodes: Iterable[str], read: Callable[[str], float]) -> Animation:
        """Numbers inside ``nodes`` that keep showing ``read(node)`` (an updater: they can
        never lag the drawing they count); fades them in. A node that already has a number
        switches it to ``read``."""
        anims = []
        for node in nodes:
            self._known(node)
            number = self.numbers.get(node)
            fresh = number is None
            if number is None:
                number = DecimalNumber(
                    0, num_decimal_places=0, font_size=self.number_size, color=self._ink(node)
                )
                self.numbers[node] = number
                self.number_layer.add(number)
            number.clear_updaters()
            disc = self.discs[node]

            def update(mob: Mobject, node: str = node, disc: Mobject = disc) -> None:
                value = float(read(node))
                if float(mob.get_value()) != value:
                    mob.set_value(value)
                mob.move_to(disc.get_center())

            number.add_updater(update)
            update(number)
            if fresh:
                anims.append(FadeIn(number, scale=0.6))
        return AnimationGroup(*anims)

    def freeze_numbers(self) -> None:
        """Stop the numbers following the drawing (they keep what they show)."""
        for number in self.numbers.values():
            number.clear_updaters()

    def _ink(self, node: str) -> ManimColor:
        return theme.BACKGROUND if self._lit[node] is not None else theme.TEXT

    def light_nodes(self, nodes: Iterable[str], color: ManimColor) -> Animation:
        """As :meth:`GraphView.light_nodes`; a number inside turns dark to stay readable."""
        nodes = list(nodes)
        lit = super().light_nodes(nodes, color)
        inks = [_Ink(self.numbers[n], theme.BACKGROUND) for n in nodes if n in self.numbers]
        return AnimationGroup(lit, *inks)

    def dim_nodes(self, nodes: Iterable[str]) -> Animation:
        """As :meth:`GraphView.dim_nodes`; a number inside turns light again."""
        nodes = list(nodes)
        dim = super().dim_nodes(nodes)
        inks = [_Ink(self.numbers[n], theme.TEXT) for n in nodes if n in self.numbers]
        return AnimationGroup(dim, *inks)

    # --- read-backs -----------------------------------------------------------------------
    @reads_screen("count")
    def lit_edges_at_shown(self, node: str, color: ManimColor) -> int:
        """Drawn edges with an end at ``node`` stroked in ``color``."""
        want = ManimColor(color).to_hex()
        count = 0
        for line in self._drawn_lines():
            a, b = self._ends(line)
            stroke = line.get_stroke_color()
            if node in (a, b) and stroke is not None and stroke.to_hex() == want:
                count += 1
        return count

    def number_printed(self, node: str) -> float:
        """The digits typeset inside ``node`` (a printed reading)."""
        return printed(self.numbers[self._known(node)])

    def numbers_printed(self, nodes: Sequence[str]) -> PrintedArray:
        """The digits typeset inside each of ``nodes``, in that order (a printed reading)."""
        return printed_all(self.numbers[self._known(n)] for n in nodes)


class CountLabel(VGroup):
    """``label = 12`` in the course's prose font, the number a count that can follow what
    is drawn.

    Parameters
    ----------
    label
        The words before the number.
    size
        Font size of the words; the number matches it.
    color
        Colour of the number.
    """

    def __init__(self, label: str, *, size: int = theme.LABEL_SIZE, color: ManimColor = theme.TEXT):
        super().__init__()
        self.label = theme.text(f"{label} =", size=size, color=theme.MUTED)
        self.number = DecimalNumber(0, num_decimal_places=0, font_size=size * 1.25, color=color)
        self.number.next_to(self.label, RIGHT, buff=0.15)
        self.number.set_y(self.label.get_y())
        self.add(self.label, self.number)

    def follow(self, read: Callable[[], float]) -> CountLabel:
        """Keep showing ``read()`` (an updater), the number's left edge fixed."""
        left = self.number.get_left()

        def update(mob: Mobject) -> None:
            value = float(read())
            if float(mob.get_value()) != value:
                mob.set_value(value)
                mob.move_to(left, aligned_edge=LEFT)

        self.stop_following()
        self.number.add_updater(update)
        update(self.number)
        return self

    def stop_following(self) -> CountLabel:
        """Freeze the number at what it shows."""
        self.number.clear_updaters()
        return self

    @property
    def value(self) -> float:
        """The number as typeset (a printed reading)."""
        return printed(self.number)


class MarginSums(VGroup):
    """Row sums to the right of a matrix and column sums under it, each written as its
    row's (column's) entries flow into it.

    Parameters
    ----------
    matrix
        The matrix, already placed.
    title
        Heading of the sums (above the row sums, left of the column sums).
    color
        Colour of the sums.
    gap
        Distance from the brackets to the sums.
    """

    def __init__(
        self,
        matrix: AdjacencyMatrix,
        *,
        title: str = "degree",
        color: ManimColor = theme.ACCENT,
        gap: float = 0.55,
    ) -> None:
        super().__init__()
        self.matrix, self.color, self.gap = matrix, color, gap
        m, n = matrix.grid.shape
        self.row_numbers: list[DecimalNumber] = []
        self.column_numbers: list[DecimalNumber] = []
        size = matrix.grid.font_size
        self.row_title = theme.text(title, size=theme.SMALL_SIZE, color=color)
        self.column_title = theme.text(title, size=theme.SMALL_SIZE, color=color)
        x = matrix.grid.brackets.get_right()[0] + gap
        self.row_title.move_to(np.array([x, matrix.column_labels.get_y(), 0.0]), aligned_edge=LEFT)
        y = matrix.grid.brackets.get_bottom()[1] - gap
        self.column_title.move_to(
            np.array([matrix.row_labels.get_right()[0], y, 0.0]), aligned_edge=RIGHT
        )
        for i in range(m):
            number = DecimalNumber(0, num_decimal_places=0, font_size=size, color=color)
            number.move_to(np.array([x + self.row_title.width / 2, matrix.grid.slot(i, 0)[1], 0.0]))
            self.row_numbers.append(number)
        for j in range(n):
            number = DecimalNumber(0, num_decimal_places=0, font_size=size, color=color)
            number.move_to(np.array([matrix.grid.slot(0, j)[0], y, 0.0]))
            self.column_numbers.append(number)
        #: the grand total, where the row sums' column meets the column sums' row
        self.corner = DecimalNumber(0, num_decimal_places=0, font_size=size, color=theme.TEXT)
        self.corner.move_to(np.array([self.row_numbers[0].get_x(), y, 0.0]))

    def _write(self, number: DecimalNumber, value: float, source: Mobject) -> Animation:
        number.set_value(value).move_to(number.get_center())
        self.add(number)
        return _FlyInto(source, number)

    def sum_rows(
        self, values: Sequence[float] | NDArray[np.float64], rows: Iterable[int] | None = None
    ) -> Animation:
        """Each row's entries flow into its sum, ``values[i]`` (read off the matrix)."""
        picked = list(range(len(self.row_numbers)) if rows is None else rows)
        anims: list[Animation] = []
        if self.row_title not in self.submobjects:
            self.add(self.row_title)
            anims.append(FadeIn(self.row_title))
        anims.extend(
            self._write(self.row_numbers[i], values[i], self.matrix.grid.row(i)) for i in picked
        )
        return LaggedStart(*anims, lag_ratio=0.15)

    def sum_columns(self, values: Sequence[float] | NDArray[np.float64]) -> Animation:
        """Each column's entries flow into its sum, ``values[j]``."""
        self.add(self.column_title)
        anims: list[Animation] = [FadeIn(self.column_title)]
        for j, number in enumerate(self.column_numbers):
            anims.append(self._write(number, values[j], self.matrix.grid.column(j)))
        return LaggedStart(*anims, lag_ratio=0.15)

    def rows_printed(self, rows: Iterable[int] | None = None) -> PrintedArray:
        """The row sums as typeset (a printed reading)."""
        picked = range(len(self.row_numbers)) if rows is None else rows
        return printed_all(self.row_numbers[i] for i in picked)

    def columns_printed(self) -> PrintedArray:
        """The column sums as typeset (a printed reading)."""
        return printed_all(self.column_numbers)

    def total_rows(self, value: float) -> Animation:
        """The row sums fly into the corner, which shows ``value`` (their sum, read off the
        screen by the caller)."""
        self.corner.set_value(value)
        self.add(self.corner)
        return _FlyInto(VGroup(*self.row_numbers), self.corner)

    def total_columns(self) -> Animation:
        """The column sums fly into the corner too: the same total, reached the other way
        (the corner keeps its value; a caller checks it against the column sums)."""
        return _FlyInto(VGroup(*self.column_numbers), self.corner)

    def corner_printed(self) -> float:
        """The corner total as typeset (a printed reading)."""
        return printed(self.corner)


class SumLine(VGroup):
    """``label  a + b + c = total``: numbers on screen fly in as the terms, then the total.

    Parameters
    ----------
    label
        Text before the sum.
    values
        The terms (as read from the screen by the caller).
    color
        Colour of the terms and the total.
    size
        Font size of the numbers.
    """

    def __init__(
        self,
        label: str,
        values: Sequence[float] | NDArray[np.float64],
        *,
        color: ManimColor = theme.ACCENT,
        size: int = 28,
    ) -> None:
        super().__init__()
        self.label = theme.text(label, size=theme.LABEL_SIZE, color=theme.MUTED)
        self.terms = [
            DecimalNumber(v, num_decimal_places=0, font_size=size, color=color) for v in values
        ]
        self.plus = [theme.tex("+", size=size, color=theme.MUTED) for _ in values[1:]]
        self.equals = theme.tex("=", size=size, color=theme.MUTED)
        self.total = DecimalNumber(
            float(np.sum(values)), num_decimal_places=0, font_size=size, color=theme.TEXT
        )
        parts: list[VMobject] = [self.terms[0]]
        for plus, term in zip(self.plus, self.terms[1:], strict=True):
            parts += [plus, term]
        row = VGroup(*parts, self.equals, self.total).arrange(RIGHT, buff=0.16)
        self.label.next_to(row, LEFT, buff=0.3)
        self.add(self.label, row)

    def assemble(self, sources: Sequence[Mobject]) -> Animation:
        """Copies of ``sources`` fly into the terms, the signs are written, the total appears."""
        flights = [_FlyInto(s, t) for s, t in zip(sources, self.terms, strict=True)]
        return AnimationGroup(
            FadeIn(self.label),
            LaggedStart(*flights, lag_ratio=0.2),
            AnimationGroup(*(Write(p) for p in (*self.plus, self.equals))),
            FadeIn(self.total, shift=0.2 * LEFT),
            lag_ratio=0.5,
        )

    def terms_printed(self) -> PrintedArray:
        """The terms as typeset (a printed reading)."""
        return printed_all(self.terms)

    def total_printed(self) -> float:
        """The total as typeset (a printed reading)."""
        return printed(self.total)


class BlockAdjacency(AdjacencyMatrix):
    """The square adjacency matrix of a bipartite graph: ``left`` nodes first, then ``right``.

    It is built with its diagonal blocks (left × left, right × right) showing zeros and its
    off-diagonal blocks empty; :meth:`take_block` fills the top-right block from a left ×
    right table on screen and :meth:`mirror` copies it across the diagonal.
    """

    def __init__(
        self,
        left: Sequence[str],
        right: Sequence[str],
        *,
        font_size: int = 22,
        **kwargs: object,
    ) -> None:
        nodes = [*left, *right]
        super().__init__(nodes, nodes, symmetric=True, font_size=font_size, **kwargs)  # type: ignore[arg-type]
        self.k = len(left)
        for i, j in self._off_diagonal():
            self.grid.entry(i, j).set_opacity(0.0)

    def _off_diagonal(self) -> list[tuple[int, int]]:
        n = len(self.rows)
        return [(i, j) for i in range(n) for j in range(n) if (i < self.k) != (j < self.k)]

    def zero_blocks(self) -> VGroup:
        """The entries of the two diagonal blocks."""
        n, k = len(self.rows), self.k
        return VGroup(
            *(self.grid.entry(i, j) for i in range(n) for j in range(n) if (i < k) == (j < k))
        )

    def _place(self, i: int, j: int, value: float) -> DecimalNumber:
        self.grid.set_entry(i, j, int(value))
        cell = self.grid.entry(i, j)
        cell.set_color(theme.TEXT if value else theme.MUTED)
        return cell

    def slide_in(self, table: AdjacencyMatrix) -> Animation:
        """The table's entries move onto the top-right block's places, at this matrix's size
        (its brackets and names are left to the caller)."""
        entries = table.grid.entries
        entries.generate_target()
        scale = self.grid.font_size / table.grid.font_size
        m, n = table.grid.shape
        for i in range(m):
            for j in range(n):
                cell = entries.target[i][j]
                cell.scale(scale).move_to(self.grid.slot(i, self.k + j))
        return MoveToTarget(entries)

    def take_block(self, table: AdjacencyMatrix) -> Animation:
        """The table's entries fly into the top-right block (table row i, column j →
        row i, column k + j)."""
        m, n = table.grid.shape
        flights = []
        for i in range(m):
            for j in range(n):
                source = table.grid.entry(i, j)
                cell = self._place(i, self.k + j, float(source.get_value()))
                flights.append(_FlyInto(source, cell))
        return LaggedStart(*flights, lag_ratio=0.02)

    def mirror(self) -> Animation:
        """Every top-right entry flies across the diagonal to its transposed place."""
        n = len(self.rows)
        flights = []
        for i in range(self.k):
            for j in range(self.k, n):
                source = self.grid.entry(i, j)
                cell = self._place(j, i, float(source.get_value()))
                flights.append(_FlyInto(source, cell))
        return LaggedStart(*flights, lag_ratio=0.02)

    def block_box(
        self, rows: Sequence[int], columns: Sequence[int], color: ManimColor
    ) -> SurroundingRectangle:
        """A box around the entries of ``rows`` × ``columns``."""
        cells = VGroup(*(self.grid.entry(i, j) for i in rows for j in columns))
        return SurroundingRectangle(
            cells, buff=0.09, corner_radius=0.06, color=color, stroke_width=3
        )

    def pair_flash(self, edges: Iterable[tuple[str, str]], color: ManimColor) -> Animation:
        """Each edge's two entries, (u, v) and (v, u), flash together, edge after edge."""
        flashes = []
        for u, v in edges:
            i, j = self.rows.index(u), self.columns.index(v)
            flashes.append(
                AnimationGroup(
                    *(
                        Indicate(self.grid.entry(a, b), color=color, scale_factor=1.5)
                        for a, b in ((i, j), (j, i))
                    )
                )
            )
        return LaggedStart(*flashes, lag_ratio=0.15)

    def asymmetry_shown(self) -> Any:
        """The largest |M[i, j] − M[j, i]| over the typeset entries (0 for a symmetric one)."""
        shown = self.matrix_shown()
        return derived(
            "max |M − Mᵀ| of the typeset entries", float(np.max(np.abs(shown - shown.T))), shown
        )

    def block_printed(self, rows: Sequence[int], columns: Sequence[int]) -> PrintedArray:
        """The typeset entries of ``rows`` × ``columns``, row by row (a printed reading)."""
        return printed_all(self.grid.entry(i, j) for i in rows for j in columns)

    @reads_screen("count")
    def entries_seen(self) -> int:
        """How many entries are drawn (visible)."""
        n = len(self.rows)
        return sum(is_visible(self.grid.entry(i, j)) for i in range(n) for j in range(n))
