"""Counting with tiles: unit cells of a square grid, grouped as a picture proof groups them.

A cell is ``(row, col)`` with row 0 at the bottom and column 0 at the left, so the cell
``(r, c)`` covers ``[c, c + 1] × [r, r + 1]`` of the grid's own coordinates. A square grows
from the corner cell ``(0, 0)``: its ``k``-th *layer* is the L-shaped band of the ``2k − 1``
cells with ``max(row, col) = k − 1`` — one new row on top, one new column on the right and the
corner they share. Layers ``1 … n`` together are the ``n × n`` square, which is the picture
behind ``1 + 3 + … + (2n − 1) = n²``.

Pure Python (no manim): the drawing primitive :mod:`mathviz.primitives.tiles` places one
tile per cell these functions return, and reads cells back from the tiles it drew.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

__all__ = [
    "Cell",
    "StepParts",
    "layer_cells",
    "layer_of",
    "square_cells",
    "layer_sizes",
    "running_totals",
    "step_parts",
    "extent",
    "is_square",
    "row_major_cells",
]

#: ``(row, col)``: row 0 at the bottom, column 0 at the left
Cell = tuple[int, int]


def _check_positive(name: str, value: int) -> None:
    if int(value) != value or value < 1:
        raise ValueError(f"{name} must be a whole number ≥ 1, not {value!r}")


def layer_cells(k: int) -> tuple[Cell, ...]:
    """The ``k``-th L-shaped layer (``k ≥ 1``): the ``2k − 1`` cells with ``max(row, col) = k − 1``.

    Ordered along the L: the new top row from its left end to the corner, then the new right
    column from just under the corner down to the bottom row, so consecutive cells touch.

    Examples
    --------
    >>> layer_cells(2)
    ((1, 0), (1, 1), (0, 1))
    """
    _check_positive("k", k)
    top = k - 1
    row = [(top, c) for c in range(k)]  # ends at the corner (top, top)
    column = [(r, top) for r in range(top - 1, -1, -1)]
    return tuple(row + column)


def layer_of(cell: Cell) -> int:
    """Which layer a cell belongs to: ``max(row, col) + 1``."""
    row, col = cell
    if row < 0 or col < 0:
        raise ValueError(f"cells have non-negative coordinates, not {cell!r}")
    return max(row, col) + 1


def square_cells(n: int) -> tuple[Cell, ...]:
    """The ``n × n`` square as its layers ``1 … n``, in that order (``n²`` cells)."""
    _check_positive("n", n)
    return tuple(cell for k in range(1, n + 1) for cell in layer_cells(k))


def layer_sizes(n: int) -> tuple[int, ...]:
    """How many cells each of the layers ``1 … n`` holds (counted from :func:`layer_cells`)."""
    _check_positive("n", n)
    return tuple(len(layer_cells(k)) for k in range(1, n + 1))


def running_totals(n: int) -> tuple[int, ...]:
    """Cells laid after each of the layers ``1 … n``: the running sums of :func:`layer_sizes`."""
    return tuple(accumulate(layer_sizes(n)))


@dataclass(frozen=True)
class StepParts:
    """The layer that turns an ``n × n`` square into an ``(n + 1) × (n + 1)`` one, in its parts.

    Attributes
    ----------
    n
        Side of the square before the step.
    row
        The ``n`` cells of the new top row above the square, left to right.
    column
        The ``n`` cells of the new right column beside the square, bottom to top.
    corner
        The one cell the row and the column share, ``(n, n)``.
    """

    n: int
    row: tuple[Cell, ...]
    column: tuple[Cell, ...]
    corner: tuple[Cell, ...]

    @property
    def cells(self) -> tuple[Cell, ...]:
        """All ``2n + 1`` cells of the step."""
        return self.row + self.column + self.corner


def step_parts(n: int) -> StepParts:
    """The inductive step on the grid: the ``(n + 1)``-th layer as row, column and corner."""
    _check_positive("n", n)
    return StepParts(
        n=n,
        row=tuple((n, c) for c in range(n)),
        column=tuple((r, n) for r in range(n)),
        corner=((n, n),),
    )


def extent(cells: Iterable[Cell]) -> tuple[int, int]:
    """``(width, height)`` in cells of the smallest rectangle holding ``cells`` (``(0, 0)``
    when there are none)."""
    cells = list(cells)
    if not cells:
        return (0, 0)
    rows = [r for r, _ in cells]
    cols = [c for _, c in cells]
    return (max(cols) - min(cols) + 1, max(rows) - min(rows) + 1)


def is_square(cells: Iterable[Cell]) -> bool:
    """Whether ``cells`` (without repeats) fill a square completely, with no gap."""
    cells = list(cells)
    width, height = extent(cells)
    return bool(cells) and width == height and len(set(cells)) == len(cells) == width * height


def row_major_cells(count: int, per_row: int) -> tuple[Cell, ...]:
    """``count`` cells read like text: ``per_row`` to a row, the first row at the top.

    Item ``i`` sits in column ``i % per_row`` of the ``i // per_row``-th row from the top,
    so a strip of test cases ``0 … count − 1`` reads left to right, top to bottom.
    """
    _check_positive("count", count)
    _check_positive("per_row", per_row)
    rows = -(-count // per_row)
    return tuple((rows - 1 - i // per_row, i % per_row) for i in range(count))
