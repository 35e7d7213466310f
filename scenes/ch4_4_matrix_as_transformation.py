"""4.4 Matrix as Transformation: the grid, î, ĵ and a vector carried by a matrix.

The columns of a matrix are where î and ĵ land; shear, rotation and scaling; composition is
the product (read right to left); the unit square's area scales by the determinant.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import sympy as sp
from manim import (
    RIGHT,
    MathTex,
    Matrix,
    Square,
    VGroup,
)

from mathviz import theme
from mathviz.primitives.linear_map import LinearMapDiagram
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout
from mathviz.scene import LectureScene

A = ((2, 1), (-1, 1))
V = (1, 2)
SHEAR = ((1, 1), (0, 1))
ROTATION = ((0, -1), (1, 0))
SCALING = ((2, 0), (0, 0.5))

TOL = 1e-6
PLANE_RANGE = (-12.0, 12.0)
ENTRY_SIZE = 34
PANEL_SIZE = 34


# --- independent routes to the expected values ----------------------------------------------
def column(matrix, j: int) -> tuple[Fraction, Fraction]:
    """Column ``j`` of ``matrix`` as exact fractions."""
    return Fraction(matrix[0][j]), Fraction(matrix[1][j])


def combination(matrix, v) -> list[float]:
    """``v1 * col1 + v2 * col2`` in exact arithmetic: how the columns build ``A v``."""
    (a, c), (b, d) = column(matrix, 0), column(matrix, 1)
    v1, v2 = Fraction(v[0]), Fraction(v[1])
    return [float(v1 * a + v2 * b), float(v1 * c + v2 * d)]


def det_fraction(matrix) -> Fraction:
    """``ad - bc`` in exact arithmetic."""
    (a, b), (c, d) = ((Fraction(x) for x in row) for row in matrix)
    return a * d - b * c


# --- panel pieces -------------------------------------------------------------------------------
def matrix_row(name: str, entries, *, colored: bool = True) -> VGroup:
    """``name = [ . . ]`` with the first column in î's colour and the second in ĵ's."""
    grid = Matrix(
        [[str(x) for x in row] for row in entries],
        element_to_mobject=MathTex,
        element_to_mobject_config={"font_size": ENTRY_SIZE, "color": theme.TEXT},
        h_buff=0.9,
        v_buff=0.65,
        bracket_config={"color": theme.TEXT},
    )
    if colored:
        grid.set_column_colors(theme.BASIS_I, theme.BASIS_J)
    label = theme.tex(f"{name} =", size=PANEL_SIZE)
    return VGroup(label, grid).arrange(RIGHT, buff=0.2)


def area_readout(area: float, label: str = r"\text{area}") -> VGroup:
    """A small blue swatch (the square's colour) followed by ``area = …``, showing ``area``
    (the drawn square's area, read off the drawing)."""
    readout = Readout(label, area, decimals=3, size=PANEL_SIZE)
    swatch = Square(
        side_length=0.3,
        stroke_color=theme.AREA,
        stroke_width=2,
        fill_color=theme.AREA,
        fill_opacity=0.6,
    )
    row = VGroup(swatch, readout).arrange(RIGHT, buff=0.2)
    row.readout = readout
    return row


class MatrixAsTransformation(LectureScene):
    chapter_id = "4.4"

    def construct(self) -> None:
        self.open_chapter(
            "A matrix is a function you can store in four numbers. Let's watch what it "
            "does to the whole plane, and learn to read that off the matrix."
        )
        # a plane larger than the frame, so that every map here still fills the screen
        self.diagram = LinearMapDiagram(vector=V, x_range=PLANE_RANGE, y_range=PLANE_RANGE)
        self.panel = Panel()
        self.setup_beat()
        d = self.diagram
        # the vectors ride the grid at every moment of every map, not only where they land
        with (
            self.invariant(
                "v_tip_is_grid_image_of_v",
                lambda: (d.tip_shown(d.v_arrow), d.grid_image_shown(V)),
                tol=TOL,
            ),
            self.invariant(
                "basis_tips_are_grid_images",
                lambda: (
                    [*d.tip_shown(d.i_arrow), *d.tip_shown(d.j_arrow)],
                    [*d.grid_image_shown((1, 0)), *d.grid_image_shown((0, 1))],
                ),
                tol=TOL,
            ),
        ):
            self.main_beats()
        self.close_chapter(
            "A matrix's columns are where î and ĵ land.",
            "Next, we run the machine backwards: given where a vector landed, find the "
            "vector. That is solving a linear system.",
        )

    def main_beats(self) -> None:
        """Every beat after the set-up: A, its columns and area, the tour, composition."""
        self.apply_beat()
        self.combination_beat()
        self.determinant_beat()
        self.tour_beat(
            "Shear",
            "S",
            SHEAR,
            "A shear keeps i-hat and slides j-hat over to one, one. The square "
            "leans, but base and height are unchanged, so the area stays one.",
            ("shear_j_tip", "j_arrow", column(SHEAR, 1)),
            "shear_area_readout",
        )
        self.tour_beat(
            "Rotation by 90°",
            "R",
            ROTATION,
            "A quarter turn sends i-hat to zero, one and j-hat to minus one, zero. "
            "Those two landing spots, side by side, are the matrix.",
            ("rotation_i_tip", "i_arrow", column(ROTATION, 0)),
            "rotation_area_readout",
        )
        self.tour_beat(
            "Scaling",
            "D",
            SCALING,
            "Scaling stretches x by two and squashes y by half. Three different "
            "motions, yet none changes area: the determinant is one each time.",
            None,
            "scaling_det",
        )
        self.composition_beats()

    # ------------------------------------------------------------------------------------
    def setup_beat(self) -> None:
        d = self.diagram
        legend = theme.tex(
            r"\hat\imath", r",\ ", r"\hat\jmath", r",\ ", r"\vec v = (1,\ 2)", size=PANEL_SIZE
        )
        legend[0].set_color(theme.BASIS_I)
        legend[2].set_color(theme.BASIS_J)
        legend[4].set_color(theme.VECTOR)
        self.matrix_a = matrix_row("A", A)
        with self.beat(
            "The plane, with basis vectors i-hat in green and j-hat in red. "
            "The yellow v is one i-hat plus two j-hats; the blue unit square "
            "sits on the two basis vectors."
        ):
            self.play(d.create())
            self.play(self.panel.show(legend, self.matrix_a))

    def apply_beat(self) -> None:
        d = self.diagram
        with self.beat(
            "Now apply A. Grid lines stay straight and evenly spaced; i-hat "
            "lands on A's green first column, two, minus one, and j-hat on the "
            "red second column, one, one."
        ):
            self.play(d.apply(A, run_time=2.5))
            self.checkpoint(
                "i_hat_tip",
                d.tip_shown(d.i_arrow),
                expected=[float(x) for x in column(A, 0)],
                tol=TOL,
            )
            self.checkpoint(
                "j_hat_tip",
                d.tip_shown(d.j_arrow),
                expected=[float(x) for x in column(A, 1)],
                tol=TOL,
            )

    def combination_beat(self) -> None:
        d = self.diagram
        av = combination(A, V)
        line = theme.tex(
            r"A\vec v",
            "=",
            "1",
            r"\begin{bmatrix}2\\-1\end{bmatrix}",
            "+",
            "2",
            r"\begin{bmatrix}1\\1\end{bmatrix}",
            "=",
            r"\begin{bmatrix}4\\1\end{bmatrix}",
            size=PANEL_SIZE,
        )
        line[0].set_color(theme.VECTOR)
        line[3].set_color(theme.BASIS_I)
        line[6].set_color(theme.BASIS_J)
        line[8].set_color(theme.VECTOR)
        with self.beat(
            "The columns are a lookup table: A stores only where the basis "
            "goes. Since v is one i-hat plus two j-hats, A v is one first column "
            "plus two second columns: four, one."
        ):
            self.play(self.panel.grow(line))
            self.checkpoint("Av_tip", d.tip_shown(d.v_arrow), expected=av, tol=TOL)

    def determinant_beat(self) -> None:
        d = self.diagram
        row = area_readout(d.square_area_shown())  # measured off the drawn parallelogram
        readout = row.readout
        det_line = theme.tex(
            r"\det A = ad - bc = 2\cdot 1 - 1\cdot(-1) = 3", size=30, color=theme.MUTED
        )
        with self.beat(
            "The unit square became a parallelogram whose area, measured off "
            "the drawing, is three. That factor is the determinant, a d minus b c: "
            "A scales every area in the plane by three."
        ):
            self.play(self.panel.grow(row))
            self.play(self.panel.grow(det_line))
            expected = det_fraction(A)
            self.checkpoint("det_A", readout.value, expected=float(expected))
            self.checkpoint(
                "square_area_A", d.square_area_shown(), expected=float(expected), tol=TOL
            )

    def tour_beat(
        self, title: str, name: str, matrix, narration: str, tip_check, area_check: str
    ) -> None:
        """One map of the tour: reset, show the matrix, apply it, then show the square's
        area as measured off the drawing (checked as printed against ``det``)."""
        d = self.diagram
        heading = theme.text(title, size=theme.LABEL_SIZE + 4, color=theme.ACCENT)
        entries = self.declare_shown(matrix_row(name, matrix), "the typed entries of the map")
        with self.beat(narration):
            if not np.allclose(d.matrix, np.eye(2)):
                self.play(d.reset(run_time=1.0))
            self.play(self.panel.show(heading, entries))
            self.play(d.apply(matrix, run_time=1.8))
            # the area appears once the square has landed: during the straight-line motion
            # the square's area is not the determinant's (a rotation dips to one half)
            row = area_readout(d.square_area_shown())
            self.play(self.panel.grow(row), run_time=0.8)
            self.checkpoint(area_check, row.readout.value, expected=float(det_fraction(matrix)))
            if tip_check is not None:
                check_name, arrow_name, expected = tip_check
                self.checkpoint(
                    check_name,
                    d.tip_shown(getattr(d, arrow_name)),
                    expected=[float(x) for x in expected],
                    tol=TOL,
                )

    def composition_beats(self) -> None:
        d = self.diagram
        product = sp.Matrix(SHEAR) * sp.Matrix(ROTATION)  # exact, independent of numpy
        sr = [[int(product[i, j]) for j in range(2)] for i in range(2)]
        heading = theme.text("Rotate, then shear", size=theme.LABEL_SIZE + 4, color=theme.ACCENT)
        r_row = matrix_row("R", ROTATION, colored=False)
        s_row = matrix_row("S", SHEAR, colored=False)
        with self.beat(
            "Functions compose, and so do matrices. Rotate first, then shear: "
            "i-hat ends at one, one and j-hat at minus one, zero."
        ):
            self.play(d.reset(run_time=1.0))
            self.play(self.panel.show(heading, r_row, s_row))
            self.play(d.apply(ROTATION, run_time=1.5))
            self.play(d.apply(SHEAR, run_time=1.5))
            self.checkpoint(
                "composition_i_tip",
                d.tip_shown(d.i_arrow),
                expected=[float(x) for x in product[:, 0]],
                tol=TOL,
            )
            self.checkpoint(
                "composition_j_tip",
                d.tip_shown(d.j_arrow),
                expected=[float(x) for x in product[:, 1]],
                tol=TOL,
            )
        product_row = matrix_row("SR", sr)
        note = theme.text(
            "read right to left: R acts first", size=theme.SMALL_SIZE, color=theme.MUTED
        )
        with self.beat(
            "Those spots are the columns of the single product S times R, which "
            "lands the grid in the same place in one step. Read it right to left, "
            "like f of g of x: R acts first, and swapping the order changes the map."
        ):
            self.play(self.panel.grow(product_row, note))
            self.play(d.reset(run_time=1.0))
            self.play(d.apply(sr, run_time=1.8))
            self.checkpoint(
                "product_i_tip",
                d.tip_shown(d.i_arrow),
                expected=[float(x) for x in product[:, 0]],
                tol=TOL,
            )
            self.checkpoint(
                "product_j_tip",
                d.tip_shown(d.j_arrow),
                expected=[float(x) for x in product[:, 1]],
                tol=TOL,
            )


SCENES = [MatrixAsTransformation]
