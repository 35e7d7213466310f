"""Counting with tiles: the L-shaped layers and the inductive step against brute-force
enumeration of the grid, written-out odd sums, sympy's closed form and set arithmetic."""

from __future__ import annotations

import itertools

import pytest
import sympy as sp

from mathviz.maths.tiles import (
    extent,
    is_square,
    layer_cells,
    layer_of,
    layer_sizes,
    row_major_cells,
    running_totals,
    square_cells,
    step_parts,
)


def grid(side: int) -> set[tuple[int, int]]:
    """Every cell of the side × side square, enumerated directly."""
    return set(itertools.product(range(side), range(side)))


@pytest.mark.parametrize("k", range(1, 10))
def test_layer_k_is_the_cells_with_max_row_col_k_minus_1(k):
    expected = {cell for cell in grid(k + 3) if max(cell) == k - 1}
    cells = layer_cells(k)
    assert set(cells) == expected
    assert len(cells) == len(set(cells)) == 2 * k - 1
    assert all(layer_of(cell) == k for cell in cells)


@pytest.mark.parametrize("k", range(1, 10))
def test_layer_is_ordered_along_the_l(k):
    cells = layer_cells(k)
    for (r0, c0), (r1, c1) in itertools.pairwise(cells):
        assert abs(r0 - r1) + abs(c0 - c1) == 1  # neighbours share an edge
    assert cells[0] == (k - 1, 0)  # the top row's left end
    assert cells[-1] == (0, k - 1)  # the right column's foot
    assert (k - 1, k - 1) in cells


@pytest.mark.parametrize("n", range(1, 9))
def test_layers_partition_the_square(n):
    cells = square_cells(n)
    assert len(cells) == len(set(cells)) == n * n
    assert set(cells) == grid(n)
    assert is_square(cells)
    assert extent(cells) == (n, n)


def test_layer_sizes_are_the_odd_numbers_and_totals_are_the_squares():
    n = sp.symbols("n", integer=True, positive=True)
    j = sp.symbols("j", integer=True, positive=True)
    closed = sp.summation(2 * j - 1, (j, 1, n))
    assert sp.simplify(closed - n**2) == 0
    assert layer_sizes(6) == tuple(range(1, 12, 2))
    totals = running_totals(6)
    assert totals == tuple(sum(range(1, 2 * m, 2)) for m in range(1, 7))
    assert totals == tuple(int(closed.subs(n, m)) for m in range(1, 7))
    assert totals[-1] == 36


@pytest.mark.parametrize("n", range(1, 8))
def test_the_step_adds_row_column_and_corner(n):
    step = step_parts(n)
    assert len(step.row) == len(step.column) == n and step.corner == ((n, n),)
    assert len(step.cells) == 2 * n + 1
    old, new = grid(n), set(step.cells)
    assert not old & new
    assert old | new == grid(n + 1)
    assert set(step.cells) == set(layer_cells(n + 1))
    assert all(r == n for r, _ in step.row) and all(c == n for _, c in step.column)


def test_extent_and_is_square_on_shapes_that_are_not_squares():
    assert extent([]) == (0, 0)
    assert not is_square([])
    l_shape = layer_cells(3)
    assert extent(l_shape) == (3, 3)
    assert not is_square(l_shape)  # its box is square, but it has a hole
    bar = [(0, c) for c in range(4)]
    assert extent(bar) == (4, 1) and not is_square(bar)
    assert not is_square([(0, 0), (0, 0), (0, 1), (1, 1)])  # a repeat is not a tile
    assert is_square([(5, 5)])


def test_row_major_cells_read_like_text():
    cells = row_major_cells(41, 10)
    assert len(set(cells)) == 41
    assert cells[0] == (4, 0) and cells[9] == (4, 9)  # the first row is the top one
    assert cells[10] == (3, 0)
    assert cells[40] == (0, 0)  # the 41st case alone on the bottom row
    for i, (r, c) in enumerate(cells):
        assert (4 - r) * 10 + c == i


@pytest.mark.parametrize(
    "call",
    [
        lambda: layer_cells(0),
        lambda: layer_cells(2.5),
        lambda: square_cells(-1),
        lambda: step_parts(0),
        lambda: row_major_cells(3, 0),
        lambda: layer_of((-1, 2)),
    ],
)
def test_nonsense_is_refused(call):
    with pytest.raises(ValueError):
        call()
