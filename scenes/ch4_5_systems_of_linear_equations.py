"""4.5 Systems of Linear Equations: one 2×2 system seen three ways, and one with no solution.

The row picture (each equation a line; the solution is where they cross), the column picture
(the columns of A scaled by x and y and added tip to tail reach b) and Gauss–Jordan
elimination on the augmented matrix, whose row operations turn the lines until they read
``x = 2`` and ``y = 1``. A singular system draws parallel lines, and elimination ends in the
impossible row ``0 0 | −6``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    RIGHT,
    UP,
    BackgroundRectangle,
    Circumscribe,
    Create,
    DashedLine,
    DecimalNumber,
    FadeIn,
    FadeOut,
    Flash,
    Indicate,
    Line,
    NumberPlane,
    VGroup,
)

from mathviz import theme
from mathviz.maths.matrices import Elimination, equation_tex
from mathviz.primitives.matrices import (
    EQUATION_COLORS,
    AugmentedMatrix,
    ColumnPicture,
    RowPicture,
)
from mathviz.primitives.readout import Readout
from mathviz.primitives.vectors import BackedLabel
from mathviz.readings import printed_all
from mathviz.scene import LectureScene

#: x − y = 1 and 2x + y = 5, solved by (2, 1)
A = ((1, -1), (2, 1))
B = (1, 5)
#: the same first equation and a parallel second one: no solution
A_SINGULAR = ((1, -1), (2, -2))
B_SINGULAR = (1, -4)

X_RANGE = (-2.0, 4.0)
Y_RANGE = (-1.0, 6.0)
UNIT = 1.0
PLANE_CENTER = np.array([-3.75, -0.1, 0.0])
PANEL_X = 3.1
TEXT_SIZE = 40
TOL = 1e-6

#: a system's coefficient matrix (rows of integers) and its right-hand side
Coefficients = Sequence[Sequence[int]]
RightSide = Sequence[int]


# --- independent routes to the expected values ---------------------------------------------------
def sympy_solution(a: Coefficients, b: RightSide) -> list[float]:
    """The solution of ``A x = b`` by sympy's exact LU solve."""
    return [float(v) for v in sp.Matrix(a).LUsolve(sp.Matrix(b))]


def sympy_rref(a: Coefficients, b: RightSide) -> list[float]:
    """The reduced row echelon form of ``[A | b]``, flattened (sympy)."""
    reduced, _ = sp.Matrix(a).row_join(sp.Matrix(b)).rref()
    return [float(v) for v in reduced]


def sympy_augmented(a: Coefficients, b: RightSide) -> list[float]:
    """``[A | b]`` flattened row by row, joined by sympy."""
    return [float(v) for v in sp.Matrix(a).row_join(sp.Matrix(b))]


def first_step(a: Coefficients, b: RightSide) -> list[list[Fraction]]:
    """``[A | b]`` after ``R2 ← R2 − (a21 / a11) R1``, written out with fractions."""
    r1 = [Fraction(a[0][0]), Fraction(a[0][1]), Fraction(b[0])]
    r2 = [Fraction(a[1][0]), Fraction(a[1][1]), Fraction(b[1])]
    k = r2[0] / r1[0]
    return [r1, [y - k * x for x, y in zip(r1, r2, strict=True)]]


def columns_scaled(a: Coefficients, weights: Sequence[float]) -> list[float]:
    """``x · column 1`` and ``y · column 2``, flattened, by hand."""
    (a11, a12), (a21, a22) = a
    x, y = weights
    return [x * a11, x * a21, y * a12, y * a22]


def flat(rows: Iterable[Iterable[Fraction]]) -> list[float]:
    return [float(v) for row in rows for v in row]


class SystemsOfLinearEquations(LectureScene):
    chapter_id = "4.5"

    def construct(self) -> None:
        self.open_chapter("One linear system, read three ways.")
        self.solution = sympy_solution(A, B)
        self.system_beat()
        self.row_picture_beat()
        self.column_picture_beats()
        self.elimination_beats()
        self.singular_beats()
        self.close_chapter(
            "Lines, columns, row operations: one system, three views.",
            "Next, the vectors a matrix only stretches: eigenvalues and eigenvectors.",
        )

    # --- helpers -------------------------------------------------------------------------
    def equations(self, a: Coefficients, b: RightSide) -> VGroup:
        """The system as colour-coded equations (colour = its line in the row picture)."""
        rows = VGroup(
            *(
                theme.tex(equation_tex(row, rhs), size=TEXT_SIZE, color=EQUATION_COLORS[k])
                for k, (row, rhs) in enumerate(zip(a, b, strict=True))
            )
        )
        return rows.arrange(DOWN, buff=0.35)

    @staticmethod
    def lift_ticks(plane: NumberPlane) -> None:
        """Tick labels on a dark card, drawn above the lines: a line through a tick passes
        under its label instead of striking it."""
        for group in plane.coordinate_labels:
            for label in group:
                card = BackgroundRectangle(
                    label, color=theme.BACKGROUND, fill_opacity=0.9, buff=0.05
                )
                card.set_z_index(2)
                label.set_z_index(3)
                plane.add(card)

    def row_picture(self, a: Coefficients, b: RightSide) -> RowPicture:
        picture = RowPicture(a, b, x_range=X_RANGE, y_range=Y_RANGE, unit=UNIT)
        picture.shift(PLANE_CENTER - picture.plane.get_center())
        self.lift_ticks(picture.plane)
        picture.dot.set_z_index(4)
        return picture

    def row_markers(self, matrix: AugmentedMatrix) -> VGroup:
        """A short bar in each equation's colour to the left of its row."""
        grid = matrix.grid
        bars = VGroup()
        for k in range(grid.shape[0]):
            y = grid.slot(k, 0)[1]
            x = grid.get_left()[0] - 0.3
            bars.add(
                Line((x - 0.35, y, 0), (x, y, 0), stroke_width=8, stroke_color=EQUATION_COLORS[k])
            )
        return bars

    # --- beats ---------------------------------------------------------------------------
    def system_beat(self) -> None:
        self.system = self.equations(A, B)
        matrix_form = theme.tex(
            r"\begin{bmatrix}1 & -1\\ 2 & 1\end{bmatrix}",
            r"\begin{bmatrix}x\\ y\end{bmatrix}",
            "=",
            r"\begin{bmatrix}1\\ 5\end{bmatrix}",
            size=TEXT_SIZE,
        )
        note = theme.text("A x = b", size=theme.LABEL_SIZE, color=theme.MUTED)
        panel = VGroup(self.system, matrix_form, note).arrange(DOWN, buff=0.5)
        panel.move_to((PANEL_X, 0.6, 0))
        self.matrix_form = VGroup(matrix_form, note)
        self.picture = self.row_picture(A, B)
        with self.beat(
            "A linear system asks which inputs produce a known output. Here are two "
            "equations in two unknowns: x minus y equals one, and two x plus y equals five. "
            "In matrix form, A times the vector x, y equals b."
        ) as b:
            b.say(0, self.picture.create())
            b.say(1, FadeIn(self.system, lag_ratio=0.6))
            b.say(2, FadeIn(self.matrix_form, shift=0.3 * UP, lag_ratio=0.3))

    def row_picture_beat(self) -> None:
        picture = self.picture
        dot_at = picture.plane.c2p(*self.solution)
        drops = VGroup(
            DashedLine(dot_at, picture.plane.c2p(self.solution[0], 0), color=theme.DOT),
            DashedLine(dot_at, picture.plane.c2p(0, self.solution[1]), color=theme.DOT),
        ).set_stroke(width=3)
        with self.beat(
            "The row picture draws each equation as the line of points that satisfy it. "
            "A solution satisfies both, so it sits where the lines cross. "
            "Drop to the axes, and the dot reads two, one."
        ) as b:
            half = b.sentence(0) / 2
            b.say(0, picture.draw_line(0, run_time=half))
            self.play(picture.draw_line(1, run_time=max(half - 0.1, 0.3)))
            b.say(1, picture.show_dot())
            shown = picture.intersection_shown()
            label = VGroup(
                theme.tex("(", size=34),
                DecimalNumber(float(shown[0]), num_decimal_places=0, font_size=34, color=theme.DOT),
                theme.tex(",", size=34),
                DecimalNumber(float(shown[1]), num_decimal_places=0, font_size=34, color=theme.DOT),
                theme.tex(")", size=34),
            ).arrange(RIGHT, buff=0.08)
            label[2].shift(0.12 * DOWN)
            # to the right of the dot: between the rising blue line and the falling orange one
            label.next_to(picture.dot, RIGHT, buff=0.3).shift(0.12 * DOWN)
            card = BackgroundRectangle(label, color=theme.BACKGROUND, fill_opacity=0.85, buff=0.08)
            label = VGroup(card, *label)
            label.set_z_index(4)
            b.say(2, Create(drops, lag_ratio=0.5), FadeIn(label, lag_ratio=0.2))
            self.checkpoint("row_picture_intersection", shown, expected=self.solution, tol=TOL)
            self.checkpoint(
                "intersection_label", printed_all([label[2], label[4]]), expected=self.solution
            )
            self.checkpoint(
                "dot_on_both_lines",
                [picture.distance_to_line_shown(shown, k) for k in range(2)],
                expected=[0.0, 0.0],
                tol=TOL,
            )
        self.dot_label = VGroup(label, drops)

    def column_picture_beats(self) -> None:
        picture = ColumnPicture(
            A, B, x_range=X_RANGE, y_range=Y_RANGE, unit=UNIT, readout_size=TEXT_SIZE, decimals=0
        )
        picture.shift(PLANE_CENTER - picture.plane.get_center())
        self.lift_ticks(picture.plane)
        b_label = BackedLabel(theme.tex(r"b = (1,\ 5)", size=34, color=theme.ACCENT))
        b_label.next_to(picture.target, UP, buff=0.2)
        combo = theme.tex(
            "x",
            r"\begin{bmatrix}1\\ 2\end{bmatrix}",
            "+",
            "y",
            r"\begin{bmatrix}-1\\ 1\end{bmatrix}",
            "=",
            r"\begin{bmatrix}1\\ 5\end{bmatrix}",
            size=TEXT_SIZE,
        )
        combo[1].set_color(picture.colors[0])
        combo[4].set_color(picture.colors[1])
        combo[6].set_color(theme.ACCENT)
        combo.move_to((PANEL_X, 1.4, 0))
        picture.readouts.next_to(combo, DOWN, buff=0.6)
        weights = self.solution
        # x and y always say how much of each column the drawn arrows hold (0 before mixing)
        with self.invariant(
            "weight_readouts_are_drawn_weights",
            lambda: (picture.weights_shown(), picture.weights_drawn()),
        ):
            with self.beat(
                "The column picture asks a different question: how much of each "
                "column do we mix to reach b? Column one is one, two; column two "
                "is minus one, one."
            ) as b:
                self.play(
                    FadeOut(self.picture),
                    FadeOut(self.dot_label),
                    FadeOut(self.matrix_form),
                    FadeOut(self.system),
                    run_time=0.8,
                )
                self.play(FadeIn(combo, lag_ratio=0.2), run_time=max(b.sentence(0) - 0.5, 0.5))
                # the plane first, then b's label on its card above the grid
                b.say(1, picture.create(), FadeIn(b_label))
            with self.beat(
                "Take two copies of column one, then add one copy of column two, "
                "tip to tail. The chain lands exactly on b, one, five: so x is two "
                "and y is one, again."
            ) as b:
                first = b.sentence(0)
                b.say(0, picture.scale_column(0, weights[0], run_time=0.55 * first))
                self.play(picture.scale_column(1, weights[1], run_time=0.45 * first))
                self.checkpoint("column_weights", picture.weights_shown(), expected=weights)
                self.checkpoint(
                    "column_scaled_vectors",
                    picture.vectors_shown(),
                    expected=columns_scaled(A, weights),
                    tol=TOL,
                )
                self.checkpoint(
                    "column_picture_tip",
                    picture.end_point_shown(),
                    expected=[float(v) for v in B],
                    tol=TOL,
                )
                b.say(1, Circumscribe(b_label, color=theme.ACCENT), Flash(picture.target))
        self.column_stage = VGroup(picture, b_label, combo)

    def elimination_beats(self) -> None:
        elimination = Elimination.of(A, B)
        matrix = AugmentedMatrix.of(elimination, font_size=TEXT_SIZE, label_size=34)
        matrix.move_to((PANEL_X - 1.3, 0.9, 0))
        markers = self.row_markers(matrix)
        picture = self.row_picture(A, B)
        self.picture = picture
        steps = list(elimination.steps)
        with self.beat(
            "Elimination works on the numbers directly. Write the augmented "
            "matrix: the coefficients, a bar, then the right-hand side."
        ) as b:
            self.play(FadeOut(self.column_stage), run_time=0.8)
            self.play(
                picture.create(run_time=0.8),
                picture.draw_line(0, run_time=0.8),
                picture.draw_line(1, run_time=0.8),
                run_time=max(b.sentence(0) - 1.0, 0.8),
            )
            self.play(picture.show_dot(run_time=0.5))
            b.say(1, matrix.create(), FadeIn(markers, lag_ratio=0.5))
            self.checkpoint(
                "augmented_start", matrix.entries_printed(), expected=sympy_augmented(A, B)
            )
        first = steps[0]
        # a row operation keeps the solution: both lines pass through it at every moment
        with self.invariant(
            "lines_keep_the_solution",
            lambda: (
                [picture.distance_to_line_shown(self.solution, k) for k in range(2)],
                [0.0, 0.0],
            ),
            tol=TOL,
        ):
            with self.beat(
                "Subtract two times row one from row two. Its x entry becomes "
                "zero, and in the picture the orange line swings flat to y equals "
                "one, still through the same point."
            ) as b:
                b.say(0, matrix.apply(first, swap_digits=True))
                b.say(
                    1,
                    picture.morph_to([r[:2] for r in first.after], [r[2] for r in first.after]),
                )
                self.checkpoint(
                    "augmented_after_step_1",
                    matrix.entries_printed(),
                    expected=flat(first_step(A, B)),
                )
                self.checkpoint(
                    "intersection_after_step_1",
                    picture.intersection_shown(),
                    expected=self.solution,
                    tol=TOL,
                )
            with self.beat(
                "Now back-substitute. Divide row two by three, which says y equals "
                "one. Then add row two to row one, which leaves x equals two, a "
                "vertical line."
            ) as b:
                self.play(matrix.settle(run_time=max(b.sentence(0), 0.6)))
                for k, step in enumerate(steps[1:], start=1):
                    span = b.sentence(k)
                    b.say(k, matrix.apply(step, run_time=0.55 * span, swap_digits=True))
                    self.play(
                        picture.morph_to(
                            [r[:2] for r in step.after],
                            [r[2] for r in step.after],
                            run_time=0.45 * span,
                        )
                    )
                self.play(matrix.settle())
                self.checkpoint(
                    "augmented_final", matrix.entries_printed(), expected=sympy_rref(A, B)
                )
        # the answer is read off the right-hand column the matrix prints
        readouts = VGroup(
            Readout("x", float(matrix.row_shown(0)[2]), decimals=0, size=TEXT_SIZE),
            Readout("y", float(matrix.row_shown(1)[2]), decimals=0, size=TEXT_SIZE),
        )
        readouts.arrange(RIGHT, buff=0.8).next_to(matrix, DOWN, buff=0.7)
        with self.beat(
            "Identity on the left, answer on the right: x equals two, y equals one."
        ) as b:
            box = matrix.grid.column_box(2, theme.ACCENT)
            b.say(
                0,
                Create(box),
                FadeIn(readouts, shift=0.3 * DOWN, lag_ratio=0.4),
                Indicate(picture.dot, color=theme.DOT),
            )
            self.checkpoint("solution_from_matrix", printed_all(readouts), expected=self.solution)
            (x0, _), (x1, _) = picture.line_shown(0)
            (_, y0), (_, y1) = picture.line_shown(1)
            self.checkpoint(
                "final_lines_x_and_y",
                [x0, x1, y0, y1],
                expected=[self.solution[0]] * 2 + [self.solution[1]] * 2,
                tol=TOL,
            )
        self.elimination_stage = VGroup(matrix, markers, readouts, box, picture)

    def singular_beats(self) -> None:
        system = self.equations(A_SINGULAR, B_SINGULAR)
        system.move_to((PANEL_X - 0.4, 2.4, 0))
        picture = self.row_picture(A_SINGULAR, B_SINGULAR)
        elimination = Elimination.of(A_SINGULAR, B_SINGULAR)
        with self.beat(
            "Now change the second equation to two x minus two y equals minus four. "
            "Its line runs parallel to the first, so the lines never meet: there is "
            "no solution."
        ) as b:
            self.play(FadeOut(self.elimination_stage), run_time=0.8)
            self.play(
                picture.create(run_time=0.8),
                FadeIn(system, lag_ratio=0.4),
                run_time=max(b.sentence(0) / 2 - 0.8, 0.6),
            )
            self.play(picture.draw_line(0, run_time=max(b.sentence(0) / 2, 0.6)))
            b.say(1, picture.draw_line(1))
            self.checkpoint(
                "singular_slopes",
                [picture.slope_shown(0), picture.slope_shown(1)],
                expected=[-A_SINGULAR[k][0] / A_SINGULAR[k][1] for k in range(2)],
                tol=TOL,
            )
        matrix = AugmentedMatrix.of(elimination, font_size=TEXT_SIZE, label_size=34)
        matrix.move_to((PANEL_X - 1.3, 0.0, 0))
        markers = self.row_markers(matrix)
        step = elimination.steps[0]
        verdict = theme.tex(r"0x + 0y = -6", size=TEXT_SIZE, color=theme.BAD)
        verdict.next_to(matrix, DOWN, buff=0.6)
        with self.beat(
            "Elimination notices on its own. Subtracting two times row one wipes out "
            "both coefficients but leaves minus six: the row claims zero equals "
            "minus six. No point satisfies it, so its line is gone."
        ) as b:
            b.say(0, matrix.create(), FadeIn(markers, lag_ratio=0.5))
            self.checkpoint(
                "singular_augmented_start",
                matrix.entries_printed(),
                expected=sympy_augmented(A_SINGULAR, B_SINGULAR),
            )
            b.say(1, matrix.apply(step, swap_digits=True))
            third = b.sentence(2)
            b.say(
                2,
                picture.morph_to(
                    [r[:2] for r in step.after], [r[2] for r in step.after], run_time=0.6 * third
                ),
            )
            self.play(matrix.flag_row(1), FadeIn(verdict))
            self.checkpoint(
                "singular_last_row",
                matrix.row_shown(1),
                expected=[float(v) for v in first_step(A_SINGULAR, B_SINGULAR)[1]],
            )
            # the 0 = −6 row has no points: its line is no longer drawn, the first one is
            self.checkpoint(
                "singular_lines_drawn",
                [picture.line_drawn_shown(0), picture.line_drawn_shown(1)],
                expected=[1, 0],
            )


SCENES = [SystemsOfLinearEquations]
