"""4.6 Eigenvalues & Eigenvectors: the directions a matrix only stretches.

Under A = [[2, 1], [1, 2]] most vectors are knocked off their span; the eigenvectors (1, 1)
and (1, −1) stay on theirs, stretched by λ = 3 and λ = 1. Power iteration (apply A,
normalise, repeat) swings any start vector onto the dominant direction (1, 1), and the
Rayleigh quotient closes in on λ₁ = 3.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable
from fractions import Fraction

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    Create,
    DashedLine,
    DecimalNumber,
    FadeIn,
    FadeOut,
    MathTex,
    Matrix,
    NumberPlane,
    SurroundingRectangle,
    VGroup,
)

from mathviz import theme
from mathviz.maths.spectral import power_iteration
from mathviz.primitives.linear_map import LinearMapDiagram
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import DegreeReadout, Readout
from mathviz.primitives.spectral import EigenSpanDisplay, PowerIterationTrail
from mathviz.readings import derived, printed, printed_all
from mathviz.scene import LectureScene

A = ((2, 1), (1, 2))
#: vectors that A knocks off their span, and the two eigenvectors
ORDINARY = (
    (Fraction(3, 2), Fraction(0)),
    (Fraction(1, 2), Fraction(3, 2)),
    (Fraction(-3, 2), Fraction(1, 2)),
)
EIGEN = ((Fraction(1), Fraction(1)), (Fraction(1), Fraction(-1)))
#: three distinct hues for the non-eigen vectors (the palette has no "other vector" set)
ORDINARY_COLORS = (theme.NORM_L2, theme.NORM_L1, theme.HYPOTHESIS)
V0 = (Fraction(1), Fraction(-3, 5))
STEPS = 6

TOL = 1e-6
PANEL_SIZE = 32
TABLE_SIZE = 28
READOUT_SIZE = 38
#: where the plane's origin sits on screen: right of the panel
ORIGIN_AT = 1.9 * RIGHT + 0.7 * DOWN
POWER_UNIT = 1.6
POWER_ORIGIN_AT = 2.2 * RIGHT + 1.0 * DOWN


# --- independent routes to the expected values ---------------------------------------------------
def image(v) -> tuple[Fraction, Fraction]:
    """``A v`` in exact arithmetic."""
    (a, b), (c, d) = A
    return a * v[0] + b * v[1], c * v[0] + d * v[1]


def off_span_by_polar_angles(v) -> float:
    """How far ``A v`` turns away from the line of ``v``: the difference of their polar
    angles, folded into [0°, 90°] (lines have no direction)."""
    w = image(v)
    turn = math.degrees(math.atan2(w[1], w[0]) - math.atan2(v[1], v[0])) % 180.0
    return min(turn, 180.0 - turn)


def exact_stretch(v) -> float:
    """``|A v| / |v|`` from exact squared lengths."""
    w = image(v)
    return math.sqrt((w[0] ** 2 + w[1] ** 2) / (v[0] ** 2 + v[1] ** 2))


def sympy_eigen() -> list[tuple[float, tuple[float, float]]]:
    """``(λ, direction scaled to first entry 1)``, largest λ first, from sympy."""
    pairs = []
    for value, _, vectors in sp.Matrix(A).eigenvects():
        v = vectors[0] / vectors[0][0]
        pairs.append((float(value), (float(v[0]), float(v[1]))))
    return sorted(pairs, reverse=True)


def power_closed_form(k: int) -> tuple[float, float]:
    """Angle to (1, 1) in degrees and Rayleigh quotient after ``k`` steps, in eigen
    coordinates: the (1, 1) part grows by 3 per step, the (1, −1) part by 1."""
    a = (V0[0] + V0[1]) * 3**k  # (1, 1) coordinate (times √2)
    b = V0[0] - V0[1]  # (1, −1) coordinate (times √2)
    rayleigh = (3 * a * a + b * b) / (a * a + b * b)
    return math.degrees(math.atan(abs(b / a))), float(rayleigh)


def vector_tex(v) -> str:
    def fmt(x: Fraction) -> str:
        return str(int(x)) if x.denominator == 1 else f"{float(x):g}"

    return rf"({fmt(v[0])},\ {fmt(v[1])})"


# --- panel pieces -----------------------------------------------------------------------------------
def matrix_row(name: str, entries) -> VGroup:
    grid = Matrix(
        [[str(x) for x in row] for row in entries],
        element_to_mobject=MathTex,
        element_to_mobject_config={"font_size": PANEL_SIZE, "color": theme.TEXT},
        h_buff=0.8,
        v_buff=0.6,
        bracket_config={"color": theme.TEXT},
    )
    return VGroup(theme.tex(f"{name} =", size=PANEL_SIZE), grid).arrange(RIGHT, buff=0.2)


class TableRow(VGroup):
    """``vector   angle°   stretch`` with both numbers as DecimalNumbers, which can follow
    the drawn arrow they describe."""

    COLUMNS = (0.0, 2.0, 4.05)

    def __init__(
        self, label: VGroup, angle: float = 0.0, stretch: float = 1.0, color=theme.TEXT
    ) -> None:
        self.label = label
        self.angle = DecimalNumber(
            angle, num_decimal_places=1, unit=r"^{\circ}", font_size=TABLE_SIZE + 4, color=color
        )
        self.stretch = DecimalNumber(
            stretch, num_decimal_places=2, font_size=TABLE_SIZE + 4, color=color
        )
        super().__init__(label, self.angle, self.stretch)
        for part, x in zip(self, self.COLUMNS, strict=True):
            part.move_to(x * RIGHT, aligned_edge=LEFT)

    def follow(self, angle: Callable[[], float], stretch: Callable[[], float]) -> None:
        """Show ``angle()`` and ``stretch()`` at every frame (read off the drawn arrow)."""
        self.angle.add_updater(lambda m: m.set_value(float(angle())))
        self.stretch.add_updater(lambda m: m.set_value(float(stretch())))

    def stop_following(self) -> None:
        """Keep the numbers as they are now."""
        self.angle.clear_updaters()
        self.stretch.clear_updaters()


class EigenvaluesAndEigenvectors(LectureScene):
    chapter_id = "4.6"

    def construct(self) -> None:
        self.open_chapter(
            "Most matrices turn every vector they touch. A few special directions are only "
            "stretched, and those directions explain the whole map."
        )
        self.panel = Panel(row_buff=0.28)
        self.spans_beats()
        self.characteristic_beat()
        self.play(FadeOut(VGroup(self.diagram, self.display)), self.panel.hide(), run_time=0.8)
        self.power_beats()
        self.close_chapter(
            "Eigenvectors only stretch; eigenvalues say by how much.",
            "Next we split any matrix, symmetric or not, into rotations and stretches: "
            "the singular value decomposition.",
        )

    # ------------------------------------------------------------------------------------
    # ------------------------------------------------------------------------------------
    def spans_beats(self) -> None:
        # this lecture needs only the grid: the unit square and î, ĵ would crowd the spans
        diagram = LinearMapDiagram(
            vector=None, x_range=(-14.0, 14.0), y_range=(-14.0, 14.0), square=False, basis=False
        )
        diagram.shift(ORIGIN_AT)
        vectors = [*ORDINARY, *EIGEN]
        colors = [*ORDINARY_COLORS, theme.EIGEN, theme.EIGEN]
        display = EigenSpanDisplay(
            diagram.reference, [[float(x) for x in v] for v in vectors], colors, span_extent=14.0
        )
        self.diagram, self.display = diagram, display

        header = VGroup(
            *(
                theme.text(t, size=theme.LABEL_SIZE, color=theme.MUTED)
                for t in ("vector", "off its line", "stretch")
            )
        )
        for part, x in zip(header, TableRow.COLUMNS, strict=True):
            part.move_to(x * RIGHT, aligned_edge=LEFT)
        # before A acts, every vector sits on its own line, unstretched: read that off too
        rows = [
            TableRow(
                self.declare_shown(
                    theme.tex(vector_tex(v), size=TABLE_SIZE + 4, color=c),
                    "the chosen vector (given)",
                ),
                angle=display.off_span_angle_shown(i),
                stretch=display.stretch_shown(i),
                color=c,
            )
            for i, (v, c) in enumerate(zip(vectors, colors, strict=True))
        ]
        with self.beat(
            "Here is A equals two, one, one, two, and five vectors. Each dashed "
            "line is a vector's span: all its multiples, the line it points along."
        ):
            self.play(diagram.create())
            self.play(display.create(run_time=2.0))
            self.play(self.panel.show(matrix_row("A", A), header, *rows))
            self.checkpoint(
                "before_A_off_span_deg",
                printed_all(r.angle for r in rows),
                expected=[0.0] * len(rows),
            )
            self.checkpoint(
                "before_A_stretch", printed_all(r.stretch for r in rows), expected=[1.0] * len(rows)
            )

        def table_and_arrows():
            """The table as printed, and the angles and stretches of the drawn arrows."""
            drawn = [
                x
                for i in range(len(rows))
                for x in (display.off_span_angle_shown(i), display.stretch_shown(i))
            ]
            return printed_all(n for r in rows for n in (r.angle, r.stretch)), drawn

        def tips_and_grid():
            """The drawn arrows' tips, and where the moving grid puts their vectors."""
            return (
                [x for i in range(len(vectors)) for x in display.tip_shown(i)],
                [x for v in vectors for x in diagram.grid_image_shown([float(c) for c in v])],
            )

        with (
            self.invariant("vectors_ride_the_grid", tips_and_grid, tol=TOL),
            self.invariant("table_shows_the_drawn_arrows", table_and_arrows),
        ):
            self.apply_and_eigen_beats(rows)

    def apply_and_eigen_beats(self, rows: list[TableRow]) -> None:
        """A acts; the table follows the arrows as they move, then the eigen rows are boxed."""
        diagram, display = self.diagram, self.display
        with self.beat(
            "Apply A. The three coloured vectors are knocked off their dashed "
            "lines: A turns them by seventeen to thirty degrees while it "
            "stretches them."
        ):
            for i, row in enumerate(rows):
                row.follow(
                    lambda i=i: display.off_span_angle_shown(i),
                    lambda i=i: display.stretch_shown(i),
                )
            self.play(diagram.apply(A, run_time=2.5), display.apply(A, run_time=2.5))
            for row in rows:
                row.stop_following()
            for v, row in zip(ORDINARY, rows[: len(ORDINARY)], strict=True):
                name = vector_tex(v).replace(r"\ ", "")
                self.checkpoint(
                    f"off_span_deg_{name}", printed(row.angle), expected=off_span_by_polar_angles(v)
                )
                self.checkpoint(f"stretch_{name}", printed(row.stretch), expected=exact_stretch(v))

        eigen = sympy_eigen()
        with self.beat(
            "The two yellow vectors stay on their lines. Along one, one every "
            "vector is stretched by exactly three; along one, minus one, by "
            "exactly one. These are the eigenvectors, and three and one are "
            "their eigenvalues."
        ):
            highlight = VGroup(
                *(
                    SurroundingRectangle(r, buff=0.08, color=theme.EIGEN, stroke_width=2.5)
                    for r in rows[3:]
                )
            )
            self.play(Create(highlight), run_time=1.2)
            for k, (i, row) in enumerate(zip((3, 4), rows[3:], strict=True), start=1):
                self.checkpoint(f"off_span_deg_eigen_{k}", printed(row.angle), expected=0.0)
                self.checkpoint(
                    f"stretch_eigen_{k}", printed(row.stretch), expected=eigen[k - 1][0]
                )
                tip = display.tip_shown(i)
                self.checkpoint(
                    f"eigen_direction_{k}",
                    derived("drawn tip scaled to x = 1", tip / tip[0], tip),
                    expected=list(eigen[k - 1][1]),
                    tol=TOL,
                )
                self.checkpoint(
                    f"eigen_off_span_drawn_{k}",
                    display.off_span_angle_shown(i),
                    expected=0.0,
                    tol=TOL,
                )
        self.highlight = highlight

    def characteristic_beat(self) -> None:
        display = self.display
        title = theme.tex(r"A\vec v = \lambda \vec v", size=PANEL_SIZE + 4, color=theme.EIGEN)
        lam1 = Readout(r"\lambda_1", 0.0, decimals=3, size=PANEL_SIZE, color=theme.EIGEN)
        lam2 = Readout(r"\lambda_2", 0.0, decimals=3, size=PANEL_SIZE, color=theme.EIGEN)
        along1 = theme.tex(r"\text{along } (1,\ 1)", size=PANEL_SIZE)
        along2 = theme.tex(r"\text{along } (1,\ -1)", size=PANEL_SIZE)
        row1 = VGroup(lam1, along1).arrange(RIGHT, buff=0.4)
        row2 = VGroup(lam2, along2).arrange(RIGHT, buff=0.4)
        along2.align_to(along1, LEFT)
        det = theme.tex(r"\det(A - \lambda I) = (2-\lambda)^2 - 1 = 0", size=PANEL_SIZE - 2)
        with self.beat(
            "To find them without drawing, ask when A v equals lambda v has a "
            "nonzero solution: A minus lambda I must flatten the plane, so its "
            "determinant is zero. Here that is two minus lambda, squared, minus "
            "one, giving lambda three and one."
        ):
            self.play(FadeOut(self.highlight), run_time=0.4)
            self.play(self.panel.show(matrix_row("A", A), title, det, row1, row2))
            self.play(
                lam1.change_to(display.stretch_shown(3)),
                lam2.change_to(display.stretch_shown(4)),
                run_time=1.2,
            )
            lam_exact = sorted(sp.Matrix(A).eigenvals(), reverse=True)
            self.checkpoint("lambda_1", lam1.value, expected=float(lam_exact[0]))
            self.checkpoint("lambda_2", lam2.value, expected=float(lam_exact[1]))
            roots = sorted(sp.solve((2 - sp.Symbol("l")) ** 2 - 1), reverse=True)
            self.checkpoint(
                "characteristic_roots", [lam1.value, lam2.value], expected=[float(r) for r in roots]
            )

    def power_beats(self) -> None:
        plane = NumberPlane(
            x_range=(-9, 9, 1),
            y_range=(-6, 6, 1),
            x_length=18 * POWER_UNIT,
            y_length=12 * POWER_UNIT,
            background_line_style={"stroke_color": theme.GRID_FAINT, "stroke_width": 1},
            axis_config={"stroke_color": theme.MUTED, "stroke_width": 1.5},
        )
        plane.shift(POWER_ORIGIN_AT)
        trace = power_iteration(np.array(A, dtype=float), [float(x) for x in V0], STEPS)
        k_read = Readout("k", 0, decimals=0, size=READOUT_SIZE)
        angle_read = DegreeReadout(
            r"\angle(\vec v_k,\ (1,1))", 0.0, decimals=2, size=READOUT_SIZE, color=theme.PATH
        )
        rayleigh_read = Readout(
            r"\vec v_k^{\top} A\, \vec v_k", 0.0, decimals=4, size=READOUT_SIZE, color=theme.PATH
        )
        # k steps from iterate to iterate; the angle and the quotient describe the drawn arrow
        trail = PowerIterationTrail(plane, trace, readouts=[(k_read, list(range(STEPS + 1)))])
        a = np.array(A, dtype=float)

        def drawn_angle() -> float:
            return trail.angle_to_shown((1.0, 1.0))

        def drawn_rayleigh() -> float:
            return trail.rayleigh_shown(a)

        dominant = DashedLine(
            plane.c2p(-5, -5),
            plane.c2p(5, 5),
            color=theme.EIGEN,
            stroke_width=2.5,
            dash_length=0.14,
        )
        code = theme.code(
            "for k in range(6):", "    v = A @ v", "    v = v / norm(v)", size=26, color=theme.PATH
        )
        with contextlib.ExitStack() as readouts_follow_the_arrow:
            with self.beat(
                "Power iteration finds the dominant direction using nothing but "
                "matrix-vector products. Start anywhere, apply A, divide by the "
                "length, repeat."
            ):
                self.play(FadeIn(plane), Create(dominant), run_time=1.2)
                self.play(trail.create())
                # from here on the angle and the quotient are read off the drawn arrow, and
                # stay equal to it at every moment of the six steps
                for name, readout, drawn in (
                    ("angle", angle_read, drawn_angle),
                    ("rayleigh", rayleigh_read, drawn_rayleigh),
                ):
                    readout.follow(drawn)
                    readouts_follow_the_arrow.enter_context(
                        self.invariant(
                            f"{name}_readout_is_the_drawn_arrows",
                            lambda readout=readout, drawn=drawn: (readout.value, drawn()),
                        )
                    )
                self.play(self.panel.show(code, k_read, angle_read, rayleigh_read))
                self.record_power_step(trail, k_read, angle_read, rayleigh_read, 0)
                for k in range(1, 3):
                    self.play(trail.walk(1, seconds_per_step=1.8))
                    self.record_power_step(trail, k_read, angle_read, rayleigh_read, k)
            with self.beat(
                "Each pass triples the one, one part of v and leaves the other part "
                "alone, so the arrow swings onto the yellow line. Six steps in, it "
                "is a third of a degree away."
            ):
                for k in range(3, STEPS + 1):
                    self.play(trail.walk(1, seconds_per_step=1.3))
                    self.record_power_step(trail, k_read, angle_read, rayleigh_read, k)
                angle, _ = power_closed_form(STEPS)
                self.checkpoint("power_arrow_angle_drawn", drawn_angle(), expected=angle, tol=TOL)
            with self.beat(
                "The Rayleigh quotient, v transpose A v, measures the stretch along "
                "the current arrow: 2.9999 now, closing in on lambda one, three. "
                "Scaled up, this loop is how PageRank ranks the web."
            ):
                box = SurroundingRectangle(
                    rayleigh_read, buff=0.1, color=theme.EIGEN, stroke_width=2.5
                )
                self.play(Create(box))
                _, rayleigh = power_closed_form(STEPS)
                self.checkpoint(
                    "power_rayleigh_drawn", drawn_rayleigh(), expected=rayleigh, tol=TOL
                )

    def record_power_step(
        self,
        trail: PowerIterationTrail,
        k_read: Readout,
        angle_read: DegreeReadout,
        rayleigh_read: Readout,
        k: int,
    ) -> None:
        """Checkpoint the three readouts after step ``k``: the counter against the iterates
        marked on the circle, the angle and the quotient against the closed form."""
        angle, rayleigh = power_closed_form(k)
        self.checkpoint(f"power_step_{k}_k", k_read.value, expected=trail.marks_shown() - 1)
        self.checkpoint(f"power_step_{k}_angle_deg", angle_read.value, expected=angle)
        self.checkpoint(f"power_step_{k}_rayleigh", rayleigh_read.value, expected=rayleigh)


SCENES = [EigenvaluesAndEigenvectors]
