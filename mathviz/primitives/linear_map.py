"""A plane carried by a 2×2 matrix: grid, î, ĵ, a vector and the unit square.

:class:`CarryByMatrix` is the one animation every primitive uses to play a linear map: grids,
curves and arrows are all moved by the same interpolated matrix ``M(t) = (1 − t) I + t M`` on
the same clock, so a vector never leaves the grid it rides on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
from manim import (
    AnimationGroup,
    Arrow,
    Axes,
    Create,
    FadeIn,
    GrowArrow,
    Mobject,
    NumberPlane,
    Polygon,
    VGroup,
)
from manim.animation.animation import Animation
from manim.utils.color import ParsableManimColor
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.maths.linear import LinearMapModel, as_matrix, polygon_area
from mathviz.primitives.readout import coords
from mathviz.readings import reads_screen

__all__ = [
    "ArrowMaker",
    "rebuilt_arrow",
    "CarryByMatrix",
    "LinearMapDiagram",
]

#: builds an arrow of the same look from a tail and a tip (scene points)
ArrowMaker = Callable[[Arrow, np.ndarray, np.ndarray], Arrow]


def rebuilt_arrow(arrow: Arrow, start: np.ndarray, end: np.ndarray) -> Arrow:
    """A fresh straight arrow from ``start`` to ``end`` with ``arrow``'s stroke settings, so
    its tip keeps its size instead of being stretched with the shaft."""
    return Arrow(
        start,
        end,
        buff=0,
        stroke_width=arrow.initial_stroke_width,
        max_tip_length_to_length_ratio=arrow.max_tip_length_to_length_ratio,
        max_stroke_width_to_length_ratio=arrow.max_stroke_width_to_length_ratio,
    )


class CarryByMatrix(Animation):
    """Carry drawn objects by ``M(t) = (1 − t) I + t M`` about a plane's origin, all on one clock.

    Every part is moved by the same matrix at every moment: ``shapes`` point by point
    (grids, polygons, curves); ``arrows`` rebuilt from their mapped tail and tip (their
    colours and opacity kept, their tips not distorted); ``dots`` moved so that their centre
    is mapped. ``M`` acts in the coordinates of ``plane`` (any axis scales), and ``t`` follows
    the animation's rate function.

    Parameters
    ----------
    matrix
        The map ``M`` (2×2), applied after whatever the parts show when the animation begins.
    plane
        The coordinates ``M`` acts in (any axes); its origin stays fixed.
    group
        The mobject the animation belongs to (usually the primitive holding the parts): it
        keeps its place in the scene's layers.
    make_arrow
        How to rebuild an arrow between two scene points (default: :func:`rebuilt_arrow`).
    """

    def __init__(
        self,
        matrix: ArrayLike,
        plane: Axes,
        *,
        group: Mobject,
        shapes: Iterable[Mobject] = (),
        arrows: Iterable[Arrow] = (),
        dots: Iterable[Mobject] = (),
        make_arrow: ArrowMaker = rebuilt_arrow,
        **kwargs: Any,
    ) -> None:
        self.step = as_matrix(matrix)
        self.plane = plane
        self.shapes, self.arrows, self.dots = list(shapes), list(arrows), list(dots)
        self.make_arrow = make_arrow
        self._shape_points: list[tuple[Mobject, np.ndarray]] = []
        self._arrow_ends: list[tuple[Arrow, np.ndarray, np.ndarray]] = []
        self._dot_centres: list[tuple[Mobject, np.ndarray]] = []
        super().__init__(group, **kwargs)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook
        return Mobject()  # begin() records exactly what is needed; no copy of the plane

    def begin(self) -> None:  # noqa: D102 - manim hook
        origin = np.asarray(self.plane.c2p(0, 0), dtype=float)
        # scene vectors of one plane unit along x and y: M in scene terms is S M S⁻¹
        units = np.column_stack([self.plane.c2p(1, 0) - origin, self.plane.c2p(0, 1) - origin])
        self._origin, self._units = origin, units[:2]
        self._units_inverse = np.linalg.inv(self._units)
        self._shape_points = [
            (m, m.points.copy())
            for shape in self.shapes
            for m in shape.get_family()
            if len(m.points)
        ]
        self._arrow_ends = [(a, a.get_start().copy(), a.get_end().copy()) for a in self.arrows]
        self._dot_centres = [(d, d.get_center().copy()) for d in self.dots]
        super().begin()

    def matrix_at(self, t: float) -> np.ndarray:
        """``M(t) = (1 − t) I + t M`` in plane coordinates."""
        return LinearMapModel.of(self.step).at(t).matrix

    def _scene_map(self, t: float) -> np.ndarray:
        """``M(t)`` acting on scene points relative to the origin (3×3, z unchanged)."""
        m = np.eye(3)
        m[:2, :2] = self._units @ self.matrix_at(t) @ self._units_inverse
        return m

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        m = self._scene_map(self.rate_func(alpha))
        origin = self._origin

        def carry(points: np.ndarray) -> np.ndarray:
            carried: np.ndarray = origin + (points - origin) @ m.T
            return carried

        for mob, points in self._shape_points:
            mob.points = carry(points)
        for arrow, start, end in self._arrow_ends:
            tail, tip = carry(start), carry(end)
            if np.linalg.norm(tip - tail) < 1e-9:  # flattened to a point for an instant
                for part in arrow.get_family():
                    part.points = np.repeat(tail[None, :], len(part.points), axis=0)
                continue
            shaped = self.make_arrow(arrow, tail, tip)
            for part, new in zip(arrow.get_family(), shaped.get_family(), strict=True):
                part.points = new.points.copy()
                part.set_stroke(width=new.get_stroke_width(), family=False)
        for dot, centre in self._dot_centres:
            dot.move_to(carry(centre))


class LinearMapDiagram(VGroup):
    """A fixed reference plane plus a grid, î, ĵ, optional vector v and the unit square that
    linear maps carry. Values are read back through the *reference* plane, which never moves.

    Parameters
    ----------
    vector
        The extra vector v to carry along (plane coordinates), or ``None``.
    x_range, y_range
        Plane extent in coordinates (unit length 1 scene unit by default).
    """

    def __init__(
        self,
        vector: ArrayLike | None = (1.0, 2.0),
        *,
        x_range: tuple[float, float] = (-7.0, 7.0),
        y_range: tuple[float, float] = (-4.0, 4.0),
        unit: float = 1.0,
        square: bool = True,
        basis: bool = True,
    ) -> None:
        super().__init__()
        x_steps, y_steps = (*x_range, 1), (*y_range, 1)
        x_length = (x_range[1] - x_range[0]) * unit
        y_length = (y_range[1] - y_range[0]) * unit
        self.reference = NumberPlane(
            x_range=x_steps,
            y_range=y_steps,
            x_length=x_length,
            y_length=y_length,
            background_line_style={"stroke_color": theme.GRID_FAINT, "stroke_width": 1},
            axis_config={"stroke_color": theme.MUTED, "stroke_width": 1.5},
        )
        self.grid = NumberPlane(
            x_range=x_steps,
            y_range=y_steps,
            x_length=x_length,
            y_length=y_length,
            background_line_style={
                "stroke_color": theme.GRID,
                "stroke_width": 1.5,
                "stroke_opacity": 0.9,
            },
            axis_config={"stroke_color": theme.TEXT, "stroke_width": 2},
        )
        self._matrix = np.eye(2)
        self.i_arrow = self._arrow((1.0, 0.0), theme.BASIS_I)
        self.j_arrow = self._arrow((0.0, 1.0), theme.BASIS_J)
        base = None if vector is None else np.asarray(vector, dtype=float)
        self.base_vector = base
        self.v_arrow = None if base is None else self._arrow(base, theme.VECTOR)
        corners = [self.reference.c2p(x, y) for x, y in [(0, 0), (1, 0), (1, 1), (0, 1)]]
        self.square = Polygon(
            *corners,
            stroke_color=theme.AREA,
            stroke_width=2,
            fill_color=theme.AREA,
            fill_opacity=0.45,
        )
        #: the parts drawn and carried (the grid always; square, î, ĵ, v when asked for)
        self.carried = [
            m
            for m, wanted in (
                (self.square, square),
                (self.i_arrow, basis),
                (self.j_arrow, basis),
                (self.v_arrow, True),
            )
            if wanted and m is not None
        ]
        self.add(self.reference, self.grid, *self.carried)

    # --- construction -------------------------------------------------------------------
    def _arrow(self, end: ArrayLike, color: ParsableManimColor) -> Arrow:
        x, y = np.asarray(end, dtype=float)
        return Arrow(
            self.reference.c2p(0, 0),
            self.reference.c2p(x, y),
            buff=0,
            color=color,
            stroke_width=6,
            max_tip_length_to_length_ratio=0.2,
            max_stroke_width_to_length_ratio=8,
        )

    @property
    def matrix(self) -> np.ndarray:
        """The total map applied so far."""
        return self._matrix.copy()

    def create(self) -> Animation:
        """Draw the grid, then grow the basis vectors (and v), then fade in the square."""
        arrows = [
            GrowArrow(a) for a in (self.i_arrow, self.j_arrow, self.v_arrow) if a in self.carried
        ]
        square = [FadeIn(self.square)] if self.square in self.carried else []
        grow = [AnimationGroup(*arrows)] if arrows else []
        return AnimationGroup(
            FadeIn(self.reference),
            Create(self.grid, run_time=1.5),
            *grow,
            *square,
            lag_ratio=0.4,
            group=self,
        )

    # --- transformations ----------------------------------------------------------------
    def apply(self, matrix: ArrayLike, run_time: float = 2.0) -> Animation:
        """Carry grid, square and arrows by ``matrix`` (composed after what is applied), all
        by the same ``M(t)`` at every moment: each arrow's tip is always the grid's image of
        its vector."""
        m = as_matrix(matrix)
        self._matrix = m @ self._matrix
        arrows = [
            a
            for a in (self.i_arrow, self.j_arrow, self.v_arrow)
            if a is not None and a in self.carried
        ]
        shapes = [self.grid, *([self.square] if self.square in self.carried else [])]
        # group=self: the diagram is already in the scene, so playing this does not re-add
        # its parts on top of whatever the scene drew over them (panels, labels).
        return CarryByMatrix(
            m, self.reference, shapes=shapes, arrows=arrows, group=self, run_time=run_time
        )

    def reset(self, run_time: float = 1.2) -> Animation:
        """Undo everything applied so far."""
        return self.apply(np.linalg.inv(self._matrix), run_time=run_time)

    # --- read back ----------------------------------------------------------------------
    @reads_screen("geometry")
    def tip_shown(self, arrow: Arrow) -> np.ndarray:
        """An arrow's tip in reference-plane coordinates, as drawn."""
        return coords(self.reference, arrow.get_end())

    @reads_screen("geometry")
    def grid_image_shown(self, v: ArrayLike) -> np.ndarray:
        """Where the moving grid puts the plane point ``v`` now: the grid's own ``c2p(v)``
        (through its drawn axes), read back through the reference plane."""
        return coords(self.reference, self.grid.c2p(*np.asarray(v, dtype=float)))

    @reads_screen("area")
    def square_area_shown(self) -> float:
        """Signed area of the drawn image of the unit square, in plane units."""
        vertices = [coords(self.reference, p) for p in self.square.get_vertices()]
        return polygon_area(vertices)
