"""4.4 Matrix as Transformation: the grid, î, ĵ and a vector carried by a matrix.

The columns of a matrix are where î and ĵ land; shear, rotation and scaling; composition is
the product (read right to left), and swapping the order lands v elsewhere; the unit square's
area scales by the determinant. Every map flows (``exp(t log M)``), with î, ĵ, v and the steps
``î + ĵ + ĵ`` riding the grid, and the square's area counting live beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp
from manim import (
    RIGHT,
    AnimationGroup,
    Arrow,
    Circle,
    Circumscribe,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    MathTex,
    Matrix,
    Mobject,
    Polygon,
    Square,
    Transform,
    VGroup,
)

from mathviz import theme
from mathviz.primitives.map_flow import FlowMapDiagram, tip_label
from mathviz.primitives.motion import built
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout
from mathviz.readings import printed_all
from mathviz.scene import Beat, LectureScene

A = ((2, 1), (-1, 1))
V = (1, 2)
SHEAR = ((1, 1), (0, 1))
ROTATION = ((0, -1), (1, 0))
SCALING = ((2, 0), (0, 0.5))

TOL = 1e-6
PLANE_RANGE = (-12.0, 12.0)
UNIT = 1.2
ORIGIN = (0.9, -1.3, 0.0)
ENTRY_SIZE = 34
PANEL_SIZE = 34
#: unit cells of the plane (lower-left corners) filled in to show A scaling every area
CELLS = ((1, 0), (0, -1), (0, 1), (-1, 1), (-1, 0))
#: the ghost of an earlier result: a colour apart from v's yellow
GHOST = theme.VECTOR_SECOND

Mat = Sequence[Sequence[float]]


# --- independent routes to the expected values ----------------------------------------------
def column(matrix: Mat, j: int) -> tuple[Fraction, Fraction]:
    """Column ``j`` of ``matrix`` as exact fractions."""
    return Fraction(matrix[0][j]), Fraction(matrix[1][j])


def combination(matrix: Mat, v: Sequence[float]) -> list[float]:
    """``v1 * col1 + v2 * col2`` in exact arithmetic: how the columns build ``A v``."""
    (a, c), (b, d) = column(matrix, 0), column(matrix, 1)
    v1, v2 = Fraction(v[0]), Fraction(v[1])
    return [float(v1 * a + v2 * b), float(v1 * c + v2 * d)]


def det_fraction(matrix: Mat) -> Fraction:
    """``ad - bc`` in exact arithmetic."""
    (a, b), (c, d) = ((Fraction(x) for x in row) for row in matrix)
    return a * d - b * c


# --- panel pieces -------------------------------------------------------------------------------
class MatrixRow(VGroup):
    """``name = [ . . ]``; :attr:`grid` is the bracketed matrix."""

    def __init__(self, label: MathTex, grid: Matrix) -> None:
        super().__init__(label, grid)
        self.arrange(RIGHT, buff=0.2)
        self.grid = grid


class AreaRow(VGroup):
    """A swatch and its :attr:`readout`."""

    def __init__(self, swatch: Square, readout: Readout) -> None:
        super().__init__(swatch, readout)
        self.arrange(RIGHT, buff=0.2)
        self.readout = readout


def matrix_row(name: str, entries: Mat, *, colored: bool = True) -> MatrixRow:
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
        grid.set_column_colors(theme.BASIS_I.to_hex(), theme.BASIS_J.to_hex())
    return MatrixRow(theme.tex(f"{name} =", size=PANEL_SIZE), grid)


def area_readout(read: Callable[[], float]) -> AreaRow:
    """A blue swatch (the square's colour) and ``area = …`` following ``read`` (the drawn
    square's area), to one decimal as the narration speaks it."""
    readout = Readout(r"\text{area}", float(read()), decimals=1, size=PANEL_SIZE)
    readout.follow(read)
    swatch = Square(
        side_length=0.3,
        stroke_color=theme.AREA,
        stroke_width=2,
        fill_color=theme.AREA,
        fill_opacity=0.6,
    )
    return AreaRow(swatch, readout)


def landing_row(name: str, point: Iterable[float], color: Any) -> MathTex:
    """``name v = (x, y)`` in ``color``; parts 1 and 3 are the printed coordinates."""
    x, y = (int(round(float(c))) for c in point)
    row = theme.tex(name + r"\,\vec v = (", str(x), r",\ ", str(y), ")", size=PANEL_SIZE)
    row.set_color(color)
    return row


def until(scene: LectureScene, b: Beat, i: int, *, leave: float = 0.0) -> float:
    """Seconds from now to the end of sentence ``i`` of ``b`` (less ``leave``), at least 0.5."""
    end = b.sentences[i + 1].start if i + 1 < len(b.sentences) else b.sentences[i].end
    return max(0.5, end - leave - scene.clock)


class MatrixAsTransformation(LectureScene):
    chapter_id = "4.4"

    def construct(self) -> None:
        self.open_chapter("A matrix is a function you can store in four numbers.")
        # a plane larger than the frame, so that every map here still fills the screen
        self.diagram = FlowMapDiagram(
            vector=V, x_range=PLANE_RANGE, y_range=PLANE_RANGE, unit=UNIT, origin=ORIGIN
        )
        self.panel = Panel()
        assert self.diagram.v_arrow is not None
        self.v: Arrow = self.diagram.v_arrow
        d = self.diagram
        self.setup_beat()
        # the vectors ride the grid at every moment of every map, not only where they land
        with (
            self.invariant(
                "v_tip_is_grid_image_of_v",
                lambda: (d.tip_shown(self.v), d.grid_image_shown(V)),
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

    def under_labels(self, *mobs: Mobject) -> None:
        """Put ``mobs`` in the scene under the plane's arrows (and so under the tip labels and
        the panel): ghosts and filled cells never dim the vectors drawn over them."""
        self.add(*mobs)
        for mob in mobs:
            self.mobjects.remove(mob)
        at = self.mobjects.index(self.diagram)
        self.mobjects[at:at] = list(mobs)

    def main_beats(self) -> None:
        """Every beat after the set-up: A, its columns and area, the tour, composition."""
        d = self.diagram
        # the area beside the square is the drawn square's area at every moment
        with self.invariant(
            "area_readout_is_square_area",
            lambda: (self.area.readout.value, d.square_area_shown()),
        ):
            self.apply_beat()
            self.combination_beat()
            self.determinant_beat()
            self.tour_beat(
                "Shear",
                "S",
                SHEAR,
                "A shear keeps i-hat where it is and slides j-hat over to one, one. "
                "The square leans, but its base and height stay put, so its area stays one.",
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
        self.area.readout.stop_following()
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
        self.declare_shown(legend, "the typed vector v of the brief")
        self.labels = {
            "i": tip_label(d.i_arrow, r"\hat\imath", theme.BASIS_I),
            "j": tip_label(d.j_arrow, r"\hat\jmath", theme.BASIS_J),
            "v": tip_label(self.v, r"\vec v", theme.VECTOR),
        }
        with self.beat(
            "Here is the plane, with i-hat in green and j-hat in red. "
            "The yellow v is one i-hat plus two j-hats, stacked tip to tail. "
            "The blue unit square sits on the two basis vectors, with area one."
        ) as b:
            self.play(
                AnimationGroup(
                    FadeIn(d.reference),
                    Create(d.grid, run_time=2.0),
                    AnimationGroup(
                        GrowArrow(d.i_arrow),
                        GrowArrow(d.j_arrow),
                        FadeIn(self.labels["i"], self.labels["j"]),
                    ),
                    lag_ratio=0.5,
                    group=d,
                ),
                run_time=until(self, b, 0),
            )
            # v built from its coordinates: î, then ĵ twice, tip to tail, then v itself
            self.steps = []
            step = until(self, b, 1) / 3
            for start, end in (((1, 0), (1, 1)), ((1, 1), (1, 2))):
                rider = d.add_rider(start, end, theme.BASIS_J)
                self.steps.append(rider)
                self.play(GrowArrow(rider), run_time=step)
            self.play(d.reveal_vector(), FadeIn(self.labels["v"]), run_time=until(self, b, 1))
            square = d.reveal_square()
            self.play(FadeIn(square), run_time=1.2)
            self.area = area_readout(d.square_area_shown)
            self.matrix_a = matrix_row("A", A)
            self.play(self.panel.show(legend, self.area), run_time=until(self, b, 2))
            self.checkpoint(
                "unit_square_area",
                self.area.readout.value,
                expected=float(det_fraction(((1, 0), (0, 1)))),
            )

    def apply_beat(self) -> None:
        d = self.diagram
        with self.beat(
            "Now apply A, and watch the grid flow. Its lines stay straight and evenly "
            "spaced, while the square's area counts up to three. i-hat lands on A's green "
            "first column, two, minus one, and j-hat on the red second column, one, one."
        ) as b:
            self.play(self.panel.grow(self.matrix_a), run_time=1.0)
            self.play(d.apply(A), run_time=until(self, b, 1, leave=0.3))
            columns = self.matrix_a.grid.get_columns()
            for k, (arrow, color) in enumerate(
                ((d.i_arrow, theme.BASIS_I), (d.j_arrow, theme.BASIS_J))
            ):
                tip = Dot(arrow.get_end(), radius=0.12, color=color)
                self.play(
                    Circumscribe(columns[k], color=color),
                    Circumscribe(tip, shape=Circle, color=color),
                    run_time=until(self, b, 2) / (2 - k),
                )
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
            "The columns are a lookup table: A stores only where the basis goes. "
            "Since v is one i-hat plus two j-hats, A v is one first column plus two "
            "second columns: four, one."
        ) as b:
            self.play(self.panel.grow(line), run_time=until(self, b, 0))
            # a probe walks the carried steps: first column once, second column twice
            probe = Dot(d.reference.c2p(0, 0), radius=0.11, color=theme.TEXT)
            legs = [
                (d.i_arrow, line[2:4], theme.BASIS_I),
                (self.steps[0], line[5:7], theme.BASIS_J),
                (self.steps[1], line[5:7], theme.BASIS_J),
            ]
            leg = until(self, b, 1, leave=1.0) / 3
            self.add(probe)
            for arrow, term, color in legs:
                self.play(
                    probe.animate.move_to(arrow.get_end()),
                    Circumscribe(term, color=color),
                    run_time=leg,
                )
            self.play(
                Circumscribe(line[8], color=theme.VECTOR),
                FadeOut(probe),
                run_time=until(self, b, 1),
            )
            self.checkpoint("Av_tip", d.tip_shown(self.v), expected=av, tol=TOL)

    def determinant_beat(self) -> None:
        d = self.diagram
        readout = self.area.readout
        det_line = theme.tex(r"\det A = ad - bc = 2\cdot 1 - 1\cdot(-1) = 3", size=32)
        self.declare_shown(det_line, "the typed entries of A and their exact product")
        # the unit square as it was, and the cells around it as A carries them
        corners = [(0, 0), (1, 0), (1, 1), (0, 1)]
        before = Polygon(
            *(d.reference.c2p(*c) for c in corners), stroke_color=theme.TEXT, stroke_width=3
        )
        after = Polygon(
            *(d.reference.c2p(*(np.asarray(A, float) @ c)) for c in corners),
            stroke_color=theme.TEXT,
            stroke_width=3,
        )
        cells = VGroup(
            *(
                Polygon(
                    *(
                        d.reference.c2p(*(np.asarray(A, float) @ (np.add(cell, c))))
                        for c in corners
                    ),
                    stroke_color=theme.AREA,
                    stroke_width=2,
                    fill_color=theme.AREA,
                    fill_opacity=0.3,
                )
                for cell in CELLS
            )
        )
        with self.beat(
            "The unit square became a parallelogram whose area, measured off the drawing, "
            "is three. Every cell of the grid became the same parallelogram: A scales every "
            "area in the plane by three, and that factor is the determinant, a d minus b c."
        ) as b:
            self.play(FadeIn(before), run_time=0.8)
            self.play(Transform(before, after), run_time=until(self, b, 0, leave=0.6))
            self.play(FadeOut(before), run_time=until(self, b, 0))
            self.under_labels(cells)
            self.play(FadeIn(cells, lag_ratio=0.5), run_time=until(self, b, 1, leave=2.0))
            self.play(self.panel.grow(det_line), run_time=until(self, b, 1))
            expected = det_fraction(A)
            self.checkpoint("det_A", readout.value, expected=float(expected))
            self.checkpoint(
                "square_area_A", d.square_area_shown(), expected=float(expected), tol=TOL
            )
        self.cells = cells

    def tour_beat(
        self,
        title: str,
        name: str,
        matrix: Mat,
        narration: str,
        tip_check: tuple[str, str, tuple[Fraction, Fraction]] | None,
        area_check: str,
    ) -> None:
        """One map of the tour: reset, show the matrix, then flow into it while the square's
        area, measured off the drawing, is read out live (checked as printed against det)."""
        d = self.diagram
        heading = theme.text(title, size=theme.LABEL_SIZE + 4, color=theme.ACCENT)
        entries = self.declare_shown(matrix_row(name, matrix), "the typed entries of the map")
        rotation = name == "R"
        with self.beat(narration) as b:
            if not np.allclose(d.matrix, np.eye(2)):
                riders = d.drop_riders()  # they fade where they are, no longer carried
                fade = [built(r.animate.set_opacity(0)) for r in riders]
                if len(getattr(self, "cells", [])):
                    fade.append(FadeOut(self.cells))
                    self.cells = VGroup()
                self.play(d.reset(), *fade, run_time=1.4)
                d.remove(*riders)
            old = self.area
            old.readout.stop_following()
            self.area = area_readout(d.square_area_shown)
            self.play(self.panel.show(heading, entries, self.area), run_time=0.8)
            self.play(
                d.apply(matrix),
                run_time=until(self, b, 0) if rotation else until(self, b, 1, leave=1.0),
            )
            if rotation:  # the landing spots are the columns: point at each in turn
                for k, color in enumerate((theme.BASIS_I, theme.BASIS_J)):
                    self.play(
                        Circumscribe(entries.grid.get_columns()[k], color=color),
                        run_time=until(self, b, 1, leave=0.3) / (2 - k),
                    )
            else:
                self.play(Circumscribe(self.area, color=theme.AREA), run_time=until(self, b, 1))
            self.checkpoint(
                area_check, self.area.readout.value, expected=float(det_fraction(matrix))
            )
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
        swapped = sp.Matrix(ROTATION) * sp.Matrix(SHEAR)
        sr = [[int(product[i, j]) for j in range(2)] for i in range(2)]
        heading = theme.text("Rotate, then shear", size=theme.LABEL_SIZE + 4, color=theme.ACCENT)
        r_row = self.declare_shown(matrix_row("R", ROTATION, colored=False), "typed map")
        s_row = self.declare_shown(matrix_row("S", SHEAR, colored=False), "typed map")
        with self.beat(
            "Functions compose, and so do matrices. Rotate first, then shear: "
            "i-hat ends at one, one and j-hat at minus one, zero."
        ) as b:
            self.play(d.reset(), run_time=1.4)
            self.play(self.panel.show(heading, r_row, s_row), run_time=until(self, b, 0))
            half = until(self, b, 1, leave=0.4) / 2
            self.play(d.apply(ROTATION), Circumscribe(r_row, color=theme.ACCENT), run_time=half)
            self.play(d.apply(SHEAR), Circumscribe(s_row, color=theme.ACCENT), run_time=half)
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
        # the two-step result stays behind as a ghost: one step of S R lands on it
        two_step = VGroup(
            d.ghost(d.i_arrow, theme.BASIS_I, 0.35), d.ghost(d.j_arrow, theme.BASIS_J, 0.35)
        )
        product_row = matrix_row("SR", sr)
        note = theme.text(
            "read right to left: R acts first", size=theme.SMALL_SIZE + 2, color=theme.TEXT
        )
        with self.beat(
            "Those spots are the columns of the single product S times R, which lands the "
            "grid on them in one step. Read it right to left, like f of g of x: R acts first."
        ) as b:
            self.under_labels(two_step)
            self.play(d.reset(), self.panel.grow(product_row), run_time=1.4)
            self.play(d.apply(sr), run_time=until(self, b, 0, leave=0.3))
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
            self.play(FadeOut(two_step), self.panel.grow(note), run_time=1.0)
            self.play(Circumscribe(product_row[0], color=theme.ACCENT), run_time=until(self, b, 1))
        self.swap_beat(product, swapped)

    def swap_beat(self, product: sp.Matrix, swapped: sp.Matrix) -> None:
        """S R against R S: the first image of v left as a ghost, the second landing apart."""
        d = self.diagram
        heading = theme.text("Swap the order", size=theme.LABEL_SIZE + 4, color=theme.ACCENT)
        sr_v = [float(x) for x in product * sp.Matrix(V)]
        rs_v = [float(x) for x in swapped * sp.Matrix(V)]
        ghost_v = d.ghost(self.v, GHOST)
        ghost_square = d.square.copy().set_fill(opacity=0).set_stroke(GHOST, width=3, opacity=1)
        sr_row = landing_row("SR", d.tip_shown(self.v), GHOST)
        with self.beat(
            "Now swap the order: shear first, then rotate. "
            "v no longer lands on its cyan ghost at minus one, one. "
            "R times S sends it to minus two, three: the order of a product matters."
        ) as b:
            ghosts = VGroup(ghost_square, ghost_v)
            self.under_labels(ghosts)
            self.play(
                self.panel.show(heading, sr_row),
                FadeIn(ghosts),
                run_time=1.2,
            )
            self.checkpoint("SRv_ghost_tip", d.tip_shown(ghost_v), expected=sr_v, tol=TOL)
            self.checkpoint("SRv_printed", printed_all([sr_row[1], sr_row[3]]), expected=sr_v)
            self.play(d.reset(), run_time=until(self, b, 0))
            half = until(self, b, 1, leave=0.3) / 2
            self.play(d.apply(SHEAR), run_time=half)
            self.play(d.apply(ROTATION), run_time=half)
            self.checkpoint("RSv_tip", d.tip_shown(self.v), expected=rs_v, tol=TOL)
            rs_row = landing_row("RS", d.tip_shown(self.v), theme.VECTOR)
            gap = DashedLine(ghost_v.get_end(), self.v.get_end(), color=theme.TEXT, stroke_width=3)
            self.play(self.panel.grow(rs_row), run_time=1.0)
            self.under_labels(gap)
            self.play(Create(gap), run_time=until(self, b, 2, leave=0.3))
            self.checkpoint("RSv_printed", printed_all([rs_row[1], rs_row[3]]), expected=rs_v)


SCENES = [MatrixAsTransformation]
