"""A plane carried by a 2×2 matrix: grid, î, ĵ, a vector and the unit square."""

from __future__ import annotations

import numpy as np
from manim import (
    AnimationGroup,
    ApplyMatrix,
    Arrow,
    Create,
    FadeIn,
    GrowArrow,
    NumberPlane,
    Polygon,
    Transform,
    VGroup,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.maths.linear import LinearMapModel, as_matrix, polygon_area
from mathviz.primitives.readout import coords


def _embed(matrix: np.ndarray) -> np.ndarray:
    return as_matrix(matrix)


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

    def __init__(self, vector: ArrayLike | None = (1.0, 2.0), *,
                 x_range: tuple[float, float] = (-7.0, 7.0),
                 y_range: tuple[float, float] = (-4.0, 4.0), unit: float = 1.0,
                 square: bool = True, basis: bool = True) -> None:
        super().__init__()
        plane_kwargs = dict(x_range=(*x_range, 1), y_range=(*y_range, 1),
                            x_length=(x_range[1] - x_range[0]) * unit,
                            y_length=(y_range[1] - y_range[0]) * unit)
        self.reference = NumberPlane(
            **plane_kwargs,
            background_line_style={"stroke_color": theme.GRID_FAINT, "stroke_width": 1},
            axis_config={"stroke_color": theme.MUTED, "stroke_width": 1.5},
        )
        self.grid = NumberPlane(
            **plane_kwargs,
            background_line_style={"stroke_color": theme.GRID, "stroke_width": 1.5,
                                   "stroke_opacity": 0.9},
            axis_config={"stroke_color": theme.TEXT, "stroke_width": 2},
        )
        self._matrix = np.eye(2)
        self.i_arrow = self._arrow((1.0, 0.0), theme.BASIS_I)
        self.j_arrow = self._arrow((0.0, 1.0), theme.BASIS_J)
        self.base_vector = None if vector is None else np.asarray(vector, dtype=float)
        self.v_arrow = None if vector is None else self._arrow(self.base_vector, theme.VECTOR)
        corners = [self.reference.c2p(x, y) for x, y in [(0, 0), (1, 0), (1, 1), (0, 1)]]
        self.square = Polygon(*corners, stroke_color=theme.AREA, stroke_width=2,
                              fill_color=theme.AREA, fill_opacity=0.45)
        #: the parts drawn and carried (the grid always; square, î, ĵ, v when asked for)
        self.carried = [m for m, wanted in ((self.square, square), (self.i_arrow, basis),
                                            (self.j_arrow, basis), (self.v_arrow, True))
                        if wanted and m is not None]
        self.add(self.reference, self.grid, *self.carried)

    # --- construction -------------------------------------------------------------------
    def _arrow(self, end: ArrayLike, color) -> Arrow:
        x, y = np.asarray(end, dtype=float)
        return Arrow(self.reference.c2p(0, 0), self.reference.c2p(x, y), buff=0,
                     color=color, stroke_width=6, max_tip_length_to_length_ratio=0.2,
                     max_stroke_width_to_length_ratio=8)

    @property
    def matrix(self) -> np.ndarray:
        """The total map applied so far."""
        return self._matrix.copy()

    def create(self) -> Animation:
        """Draw the grid, then grow the basis vectors (and v), then fade in the square."""
        arrows = [GrowArrow(a) for a in (self.i_arrow, self.j_arrow, self.v_arrow)
                  if a in self.carried]
        square = [FadeIn(self.square)] if self.square in self.carried else []
        grow = [AnimationGroup(*arrows)] if arrows else []
        return AnimationGroup(FadeIn(self.reference), Create(self.grid, run_time=1.5),
                              *grow, *square, lag_ratio=0.4, group=self)

    # --- transformations ----------------------------------------------------------------
    def apply(self, matrix: ArrayLike, run_time: float = 2.0) -> Animation:
        """Carry grid, square and arrows by ``matrix`` (composed after what is applied)."""
        m = _embed(matrix)
        self._matrix = m @ self._matrix
        total = LinearMapModel(self._matrix)
        origin = self.reference.c2p(0, 0)
        moves = [ApplyMatrix(m, self.grid, about_point=origin)]
        if self.square in self.carried:
            moves.append(ApplyMatrix(m, self.square, about_point=origin))
        if self.i_arrow in self.carried:
            moves += [Transform(self.i_arrow, self._arrow(total.i_hat, theme.BASIS_I)),
                      Transform(self.j_arrow, self._arrow(total.j_hat, theme.BASIS_J))]
        if self.v_arrow in self.carried:
            moves.append(Transform(self.v_arrow,
                                   self._arrow(total.apply(self.base_vector), theme.VECTOR)))
        # group=self: the diagram is already in the scene, so playing this does not re-add
        # its parts on top of whatever the scene drew over them (panels, labels).
        return AnimationGroup(*moves, group=self, run_time=run_time)

    def reset(self, run_time: float = 1.2) -> Animation:
        """Undo everything applied so far."""
        return self.apply(np.linalg.inv(self._matrix), run_time=run_time)

    # --- read back ----------------------------------------------------------------------
    def tip_shown(self, arrow: Arrow) -> np.ndarray:
        """An arrow's tip in reference-plane coordinates, as drawn."""
        return coords(self.reference, arrow.get_end())

    def square_area_shown(self) -> float:
        """Signed area of the drawn image of the unit square, in plane units."""
        vertices = [coords(self.reference, p) for p in self.square.get_vertices()]
        return polygon_area(vertices)
