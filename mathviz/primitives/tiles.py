"""Counting with tiles: unit tiles laid on a square grid, read back by where they sit.

:class:`TileGrid` draws one rounded tile per cell of the pure model
:mod:`mathviz.maths.tiles` (row 0 at the bottom, column 0 at the left) and returns the
animations that lay tiles — sliding in one after another and snapping onto their cells —
and recolour them. Everything it reports is read back from the drawing: which cell each
tile covers (its centre converted back through the grid's origin and cell size), how many
tiles sit on the grid (in a layer, a set of cells or a colour), the extent of the tiles in
cells, and the side a brace spans.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

import numpy as np
from manim import (
    DL,
    DOWN,
    LEFT,
    RIGHT,
    UP,
    UR,
    AnimationGroup,
    Brace,
    Line,
    ManimColor,
    Mobject,
    RoundedRectangle,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.maths.tiles import Cell, layer_of
from mathviz.primitives.plots import LabelledBrace
from mathviz.readings import reads_screen

__all__ = [
    "LAYER_COLORS",
    "TILE_OPACITY",
    "SNAP_TOLERANCE",
    "TRAVEL",
    "SLOT_COLOR",
    "TileGrid",
    "SideBrace",
]

#: one colour per L-shaped layer, neighbours far apart (CIE76 ΔE ≥ 45 between layers k, k+1)
LAYER_COLORS: tuple[ManimColor, ...] = (
    theme.ACCENT,
    theme.VECTOR_SECOND,
    theme.HYPOTHESIS,
    theme.BASIS_I,
    theme.PROJECTION,
    theme.VECTOR_SUM,
)
#: a tile's fill opacity once it has landed
TILE_OPACITY = 0.92
#: the faint empty cells (slots) that show where tiles will go
SLOT_COLOR = theme.GRID_FAINT
#: a tile whose centre is this close (in cells) to a cell's centre sits on that cell
SNAP_TOLERANCE = 1e-6


_SIDES = {"down": DOWN, "up": UP, "left": LEFT, "right": RIGHT}


#: share of its own time slot a tile spends sliding; for the rest it rests on its cell
TRAVEL = 0.75


def _travel(t: float) -> float:
    """How far along its slide a tile is at time ``t`` (0–1) of its slot: it starts gently,
    reaches full speed and stops dead on its cell — a snap — so it sits (and counts) on the
    grid as soon as it looks in place, never creeping the last pixels."""
    p = min(t / TRAVEL, 1.0)
    return p * p * (2.0 - p)


class _Arrival(Animation):
    """Tiles sliding from their start points onto their cells, one after another.

    Each tile moves on its own slice of the run time (``lag_ratio`` of a slice apart), fades
    in over the first part of its slide and snaps exactly onto its cell's centre.
    """

    def __init__(
        self,
        grid: TileGrid,
        tiles: Sequence[VMobject],
        starts: np.ndarray,
        ends: np.ndarray,
        *,
        lag_ratio: float,
        opacity: float = TILE_OPACITY,
        **kwargs: Any,
    ) -> None:
        self.tiles, self.starts, self.ends = list(tiles), starts, ends
        self.opacity = float(opacity)
        self.lag = float(lag_ratio)
        self.outline = grid._outline
        kwargs.setdefault("rate_func", lambda t: t)
        super().__init__(grid, **kwargs)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook
        return cast(Mobject, self.mobject)  # nothing is interpolated from a copy

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        alpha = float(self.rate_func(alpha))
        n = len(self.tiles)
        slice_ = 1.0 / (1.0 + (n - 1) * self.lag) if n else 1.0
        for i, tile in enumerate(self.tiles):
            local = min(max((alpha - i * self.lag * slice_) / slice_, 0.0), 1.0)
            eased = _travel(local)
            at = (
                self.ends[i]
                if eased >= 1.0
                else self.starts[i] + (self.ends[i] - self.starts[i]) * eased
            )
            tile.set_points(self.outline + at)
            tile.set_fill(opacity=self.opacity * min(1.0, 3.0 * local))


#: a brace along one side of the tiles, with its label (``.brace``, ``.label``)
SideBrace = LabelledBrace


class TileGrid(VGroup):
    """Unit tiles on a square grid whose cell ``(0, 0)`` has its lower-left corner at ``origin``.

    Parameters
    ----------
    cell
        Side of one grid cell (scene units).
    origin
        Scene point of the lower-left corner of cell ``(0, 0)``.
    gap
        Share of a cell left between neighbouring tiles (the background shows through, so
        tiles read as separate pieces without an outline).
    """

    def __init__(
        self, *, cell: float = 0.8, origin: ArrayLike = (0.0, 0.0), gap: float = 0.1
    ) -> None:
        super().__init__()
        if cell <= 0 or not 0 <= gap < 1:
            raise ValueError("a cell has a positive side and a gap in [0, 1)")
        self.cell, self.gap = float(cell), float(gap)
        xy = np.asarray(origin, dtype=float).ravel()
        self.origin = np.array([xy[0], xy[1], 0.0])
        side = self.cell * (1.0 - self.gap)
        template = RoundedRectangle(
            width=side, height=side, corner_radius=0.12 * side, stroke_width=0
        )
        #: a tile's outline about its centre: a tile at a point is exactly outline + point
        self._outline = template.points - template.get_center()
        #: faint empty cells under the tiles (never counted as tiles)
        self.slots = VGroup()
        self.tiles = VGroup()
        self.add(self.slots, self.tiles)
        self._slotted: set[Cell] = set()

    # --- geometry -----------------------------------------------------------------------
    def center_of(self, cell: Cell) -> np.ndarray:
        """The scene point at the centre of ``cell``."""
        row, col = cell
        return self.origin + self.cell * np.array([col + 0.5, row + 0.5, 0.0])

    def to_grid(self, point: ArrayLike) -> np.ndarray:
        """A scene point in grid units: ``(x, y)`` with cell ``(r, c)`` covering
        ``[c, c + 1] × [r, r + 1]``."""
        p = np.asarray(point, dtype=float)
        return np.asarray((p[..., :2] - self.origin[:2]) / self.cell, dtype=float)

    def _tile(self, cell: Cell, color: ManimColor, opacity: float = TILE_OPACITY) -> VMobject:
        tile = RoundedRectangle(
            width=1.0, height=1.0, corner_radius=0.1, stroke_width=0, fill_color=color
        )
        tile.set_points(self._outline + self.center_of(cell))
        tile.set_fill(color=color, opacity=opacity)
        return tile

    def swatch(self, color: ManimColor, scale: float = 0.45) -> VMobject:
        """A loose tile of this grid's shape, ``scale`` times its size, for a legend (it is
        not on the grid and never counted)."""
        tile = self._tile((0, 0), color)
        return tile.scale(scale).move_to(np.zeros(3))

    # --- building -----------------------------------------------------------------------
    def place(
        self, cells: Iterable[Cell], color: ManimColor | Sequence[ManimColor] = theme.AREA
    ) -> TileGrid:
        """Put tiles on ``cells`` now (no animation)."""
        cells = list(cells)
        for cell, c in zip(cells, self._colors(color, len(cells)), strict=True):
            self.tiles.add(self._tile(cell, c))
        return self

    def lay(
        self,
        cells: Iterable[Cell],
        color: ManimColor | Sequence[ManimColor] = theme.AREA,
        *,
        shift: ArrayLike = (1.2, 1.2, 0.0),
        lag_ratio: float = 0.3,
        run_time: float = 2.0,
    ) -> Animation:
        """Animation laying a tile on each of ``cells`` in order: each slides in along
        ``shift`` (scene units; it starts at its cell's centre + ``shift``), fading in, and
        snaps onto its cell. The tiles belong to the grid from now on."""
        cells = list(cells)
        if not cells:
            raise ValueError("no cells to lay tiles on")
        offset = np.zeros(3)
        s = np.asarray(shift, dtype=float).ravel()
        offset[: len(s)] = s[:3]
        ends = np.array([self.center_of(c) for c in cells])
        starts = ends + offset
        new = [
            self._tile(c, col, 0.0)
            for c, col in zip(cells, self._colors(color, len(cells)), strict=True)
        ]
        for tile, start in zip(new, starts, strict=True):
            tile.set_points(self._outline + start)
            self.tiles.add(tile)
        return _Arrival(self, new, starts, ends, lag_ratio=lag_ratio, run_time=run_time)

    def show_slots(self, side: int, *, run_time: float = 1.0) -> Animation:
        """Animation fading in a faint empty cell on every cell of the ``side × side`` square
        that has none yet (drawn under the tiles: where the next tiles will land)."""
        cells = [(r, c) for r in range(side) for c in range(side) if (r, c) not in self._slotted]
        if not cells:
            raise ValueError(f"every cell of the {side} × {side} square already has a slot")
        new = []
        for cell in cells:
            slot = self._tile(cell, SLOT_COLOR, 0.0)
            self.slots.add(slot)
            self._slotted.add(cell)
            new.append(slot)
        ends = np.array([self.center_of(c) for c in cells])
        return _Arrival(self, new, ends, ends, lag_ratio=0.05, opacity=1.0, run_time=run_time)

    def recolor(
        self, cells: Iterable[Cell], color: ManimColor, *, run_time: float = 1.0
    ) -> Animation:
        """Animation fading the tiles drawn on ``cells`` (found by position) to ``color``."""
        wanted = set(cells)
        tiles = [t for t, cell in self._on_grid() if cell in wanted]
        if not tiles:
            raise ValueError("no tiles are drawn on those cells")
        return AnimationGroup(
            *(t.animate.set_fill(color=color, opacity=TILE_OPACITY).build() for t in tiles),
            run_time=run_time,
        )

    def side_brace(
        self, direction: np.ndarray, label: VMobject, *, buff: float = 0.12
    ) -> SideBrace:
        """A brace along one side of the tiles on the grid (``DOWN``, ``LEFT``, ``UP`` or
        ``RIGHT`` of them), spanning their extent, with ``label`` placed beyond it."""
        lo, hi = self._extent_box()
        corners = {
            "down": ((lo[0], lo[1]), (hi[0], lo[1])),
            "up": ((lo[0], hi[1]), (hi[0], hi[1])),
            "left": ((lo[0], lo[1]), (lo[0], hi[1])),
            "right": ((hi[0], lo[1]), (hi[0], hi[1])),
        }
        side = next((name for name, d in _SIDES.items() if np.allclose(direction, d)), None)
        if side is None:
            raise ValueError("a side brace goes DOWN, LEFT, UP or RIGHT of the tiles")
        a, b = (self.origin + self.cell * np.array([x, y, 0.0]) for x, y in corners[side])
        brace = Brace(Line(a, b), direction=direction, buff=buff, color=theme.MUTED)
        label.next_to(brace, direction, buff=0.12)
        return SideBrace(brace, label)

    @staticmethod
    def _colors(color: ManimColor | Sequence[ManimColor], n: int) -> list[ManimColor]:
        if isinstance(color, (list, tuple)):
            if len(color) != n:
                raise ValueError(f"expected {n} colours, got {len(color)}")
            return list(color)
        return [color] * n  # type: ignore[list-item]

    # --- reading back -------------------------------------------------------------------
    def _on_grid(self) -> list[tuple[VMobject, Cell]]:
        """Every visible tile whose centre sits on a cell's centre, with that cell, read
        from the tile's position through the grid's origin and cell size."""
        found: list[tuple[VMobject, Cell]] = []
        for tile in self.tiles:
            if len(tile.points) == 0:
                continue
            if float(np.max(tile.get_fill_opacities(), initial=0.0)) <= theme.VISIBLE_OPACITY:
                continue
            xy = self.to_grid(tile.get_center()) - 0.5
            cell = np.round(xy)
            if np.all(np.abs(xy - cell) <= SNAP_TOLERANCE):
                found.append((tile, (int(cell[1]), int(cell[0]))))
        return found

    def _extent_box(self) -> tuple[np.ndarray, np.ndarray]:
        """Grid coordinates of the lower-left and upper-right corners of the cells covered by
        the tiles on the grid, from the tiles' drawn edges (a tile is inset by half the gap)."""
        tiles = [t for t, _ in self._on_grid()]
        if not tiles:
            return np.zeros(2), np.zeros(2)
        inset = self.gap / 2
        lo = np.min([self.to_grid(t.get_corner(DL)) for t in tiles], axis=0)
        hi = np.max([self.to_grid(t.get_corner(UR)) for t in tiles], axis=0)
        return lo - inset, hi + inset

    @reads_screen("geometry")
    def cells_shown(self) -> list[Cell]:
        """The cells covered by tiles on the grid, sorted, read from the tiles' positions."""
        return sorted({cell for _, cell in self._on_grid()})

    @reads_screen("count")
    def count_shown(
        self,
        where: Callable[[Cell], bool] | None = None,
        *,
        color: ManimColor | None = None,
    ) -> int:
        """How many distinct tiles sit on the grid (visible, on a cell's centre; two tiles
        on one cell count once), optionally only those whose cell passes ``where`` or whose
        fill is ``color``. Tiles still sliding in do not count until they land."""
        cells: set[Cell] = set()
        want = None if color is None else ManimColor(color).to_hex().lower()
        for tile, cell in self._on_grid():
            if where is not None and not where(cell):
                continue
            if want is not None and ManimColor(tile.get_fill_color()).to_hex().lower() != want:
                continue
            cells.add(cell)
        return len(cells)

    @reads_screen("count")
    def layer_count_shown(self, k: int) -> int:
        """How many tiles on the grid lie in the ``k``-th L-shaped layer (``max(row, col) =
        k − 1``), by their positions."""
        return int(self.count_shown(lambda cell: layer_of(cell) == k))

    @reads_screen("geometry")
    def extent_shown(self) -> np.ndarray:
        """``(width, height)`` in cells of the tiles on the grid, from their drawn edges
        converted through the grid's origin and cell size."""
        lo, hi = self._extent_box()
        return np.asarray(hi - lo, dtype=float)

    @reads_screen("geometry")
    def brace_span_shown(self, side: SideBrace) -> float:
        """How many cells a side brace spans, from its drawn ends through the grid."""
        brace = side.brace
        horizontal = brace.width >= brace.height
        lo = self.to_grid(brace.get_left() if horizontal else brace.get_bottom())
        hi = self.to_grid(brace.get_right() if horizontal else brace.get_top())
        return float(abs((hi - lo)[0 if horizontal else 1]))
