"""TileGrid: tiles laid, counted and measured from where they are drawn, built and animated
without rendering."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from animation_helpers import run
from manim import DOWN, LEFT, RIGHT, UP, MathTex

from mathviz import theme
from mathviz.primitives.tiles import LAYER_COLORS, TileGrid

CELL, ORIGIN = 0.5, (-3.0, -2.0)


def layer(k: int) -> list[tuple[int, int]]:
    """The k-th L written out by hand: the top row, then the right column under it."""
    return [(k - 1, c) for c in range(k)] + [(r, k - 1) for r in range(k - 2, -1, -1)]


def build(n: int, scene) -> TileGrid:
    grid = TileGrid(cell=CELL, origin=ORIGIN)
    scene.add(grid)
    for k in range(1, n + 1):
        run(scene, grid.lay(layer(k), LAYER_COLORS[(k - 1) % len(LAYER_COLORS)]))
    return grid


@pytest.mark.parametrize("n", [1, 2, 4, 6])
def test_a_square_of_layers_is_counted_and_measured_from_the_drawing(scene, n):
    grid = build(n, scene)
    assert grid.count_shown() == sum(range(1, 2 * n, 2)) == n * n
    for k in range(1, n + 1):
        assert grid.layer_count_shown(k) == 2 * k - 1
    assert grid.cells_shown() == sorted(itertools.product(range(n), range(n)))
    np.testing.assert_allclose(grid.extent_shown(), [n, n], atol=1e-9)
    # the tiles' drawn span in scene units, back through the cell size
    left = min(t.get_left()[0] for t in grid.tiles)
    right = max(t.get_right()[0] for t in grid.tiles)
    assert (right - left) / CELL + grid.gap == pytest.approx(n, abs=1e-9)


def test_tiles_still_sliding_do_not_count(scene):
    grid = build(2, scene)
    anim = grid.lay(layer(3), LAYER_COLORS[2], shift=(0.7, 0.7, 0), lag_ratio=0.5)
    anim._setup_scene(scene)
    anim.begin()
    assert grid.count_shown() == 4  # the new tiles start off the grid, transparent
    anim.interpolate(0.5)
    landed = grid.layer_count_shown(3)
    assert 0 < landed < 5
    assert grid.count_shown() == 4 + landed
    flying = [t for t in grid.tiles if not np.allclose(grid.to_grid(t.get_center()) % 1, 0.5)]
    assert len(flying) == 5 - landed
    anim.interpolate(1.0)
    anim.finish()
    assert grid.count_shown() == 9 and grid.layer_count_shown(3) == 5
    np.testing.assert_allclose(grid.extent_shown(), [3, 3], atol=1e-9)


def test_the_first_tiles_land_first(scene):
    grid = TileGrid(cell=CELL, origin=ORIGIN)
    scene.add(grid)
    cells = layer(4)
    anim = grid.lay(cells, theme.AREA, lag_ratio=0.3)
    anim._setup_scene(scene)
    anim.begin()
    seen = []
    for alpha in np.linspace(0, 1, 41):
        anim.interpolate(alpha)
        seen.append(grid.cells_shown())
    for before, after in itertools.pairwise(seen):
        assert set(before) <= set(after)  # a tile that landed stays
    order = []
    for shown in seen:
        order += [c for c in shown if c not in order]
    assert order == cells


def test_slots_and_swatches_are_never_counted(scene):
    grid = TileGrid(cell=CELL, origin=ORIGIN)
    scene.add(grid)
    run(scene, grid.show_slots(3))
    swatch = grid.swatch(theme.GOOD).move_to(grid.center_of((0, 0)))
    scene.add(swatch)
    assert len(grid.slots) == 9
    assert grid.count_shown() == 0
    np.testing.assert_allclose(grid.extent_shown(), [0, 0])
    run(scene, grid.show_slots(4))  # only the new ring of 7 cells gets slots
    assert len(grid.slots) == 16
    with pytest.raises(ValueError):
        grid.show_slots(4)


def test_two_tiles_on_one_cell_count_once_and_transparent_tiles_not_at_all(scene):
    grid = TileGrid(cell=CELL, origin=ORIGIN)
    grid.place([(0, 0), (0, 0), (0, 1)])
    assert grid.count_shown() == 2
    grid.tiles[-1].set_fill(opacity=0)
    assert grid.count_shown() == 1


def test_count_by_colour_and_recolour(scene):
    grid = TileGrid(cell=CELL, origin=ORIGIN)
    scene.add(grid)
    cells = [(0, c) for c in range(5)]
    grid.place(cells, [theme.GOOD] * 4 + [theme.BAD])
    assert grid.count_shown(color=theme.GOOD) == 4
    assert grid.count_shown(color=theme.BAD) == 1
    run(scene, grid.recolor(cells[:2], theme.AREA))
    assert grid.count_shown(color=theme.AREA) == 2
    assert grid.count_shown(color=theme.GOOD) == 2
    assert grid.count_shown(lambda cell: cell[1] >= 3) == 2
    with pytest.raises(ValueError):
        grid.recolor([(9, 9)], theme.AREA)


@pytest.mark.parametrize("direction", [DOWN, LEFT, UP, RIGHT])
def test_side_braces_span_the_tiles(scene, direction):
    grid = TileGrid(cell=CELL, origin=ORIGIN)
    grid.place(itertools.product(range(3), range(5)))  # 3 rows, 5 columns
    side = grid.side_brace(direction, MathTex("x"))
    horizontal = direction is DOWN or direction is UP
    assert grid.brace_span_shown(side) == pytest.approx(5 if horizontal else 3, abs=1e-6)
    # the brace lies outside the tiles, its label beyond it
    box_lo = grid.origin[:2]
    box_hi = box_lo + CELL * np.array([5, 3])
    centre = side.brace.get_center()[:2]
    axis = 1 if horizontal else 0
    outside = centre[axis] < box_lo[axis] or centre[axis] > box_hi[axis]
    assert outside
    assert np.dot(side.label.get_center() - side.brace.get_center(), direction) > 0


def test_readings_say_where_they_come_from():
    grid = TileGrid(cell=CELL, origin=ORIGIN).place([(0, 0)])
    assert grid.count_shown().source.startswith("count")
    assert grid.layer_count_shown(1).source.startswith("count")
    assert grid.extent_shown().source.startswith("geometry")


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        TileGrid(cell=0)
    grid = TileGrid()
    with pytest.raises(ValueError):
        grid.lay([], theme.AREA)
    with pytest.raises(ValueError):
        grid.place([(0, 0), (0, 1)], [theme.AREA])
    grid.place([(0, 0)])
    with pytest.raises(ValueError):
        grid.side_brace(np.array([1.0, 1.0, 0.0]), MathTex("x"))
