"""4.6 Eigenvalues & Eigenvectors: the directions a matrix only stretches.

Under A = [[2, 1], [1, 2]] most vectors are knocked off their span; the eigenvectors (1, 1)
and (1, −1) stay on theirs, stretched by λ = 3 and λ = 1. A slider then sweeps λ from 0 to 3
while the plane is drawn as the image of A − λI: the unit square's area (the determinant
(2 − λ)² − 1) falls to zero at λ = 1, the plane flips, and flattens again at λ = 3, each time
crushing one eigenvector to the origin. Power iteration (apply A, normalise, repeat) swings
any start vector onto the dominant direction (1, 1), and the Rayleigh quotient closes in on
λ₁ = 3.
"""

from __future__ import annotations

import contextlib
import functools
import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any, cast

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    AnimationGroup,
    Arrow,
    Create,
    DashedLine,
    DecimalNumber,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    ManimColor,
    MathTex,
    Matrix,
    NumberPlane,
    SurroundingRectangle,
    Transform,
    VGroup,
    VMobject,
    smooth,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.maths.slider import SliderRange
from mathviz.maths.spectral import power_iteration
from mathviz.primitives.linear_map import CarryByMatrix, LinearMapDiagram, rebuilt_arrow
from mathviz.primitives.motion import Scripted
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import DegreeReadout, Readout, coords
from mathviz.primitives.slider import Slider
from mathviz.primitives.spectral import (
    EigenSpanDisplay,
    PowerIterationTrail,
    arrow_vector_shown,
    plane_arrow,
)
from mathviz.readings import derived, printed, printed_all
from mathviz.scene import LectureScene

#: a plane vector in exact arithmetic
Vec = tuple[Fraction, Fraction]

A = ((2, 1), (1, 2))
#: vectors that A knocks off their span, and the two eigenvectors
ORDINARY = (
    (Fraction(3, 2), Fraction(0)),
    (Fraction(1, 2), Fraction(3, 2)),
    (Fraction(-3, 2), Fraction(1, 2)),
)
EIGEN = ((Fraction(1), Fraction(1)), (Fraction(1), Fraction(-1)))
#: three hues for the non-eigen vectors, each far from the eigenvectors' yellow (ΔE ≥ 76)
#: and from each other (the palette has no "other vector" set)
ORDINARY_COLORS = (theme.NORM_L2, theme.PROJECTION, theme.HYPOTHESIS)
V0 = (Fraction(1), Fraction(-3, 5))
STEPS = 6

TOL = 1e-6
PANEL_SIZE = 32
TABLE_SIZE = 28
READOUT_SIZE = 38
#: where the plane's origin sits on screen: right of the panel
ORIGIN_AT = 2.3 * RIGHT + 0.7 * DOWN
#: scene units per plane unit in the first picture (large arrows that still fit after A)
SPAN_UNIT = 1.2
#: the A − λI plane: origin, and the slider's range and stops
FLAT_ORIGIN_AT = 1.9 * RIGHT + 1.2 * DOWN
FLAT_UNIT = 1.5
LAMBDA_RANGE = SliderRange(0.0, 3.0)
#: the power iteration, zoomed in: one plane unit is 2.3 scene units (the unit circle's
#: radius), the origin low and left so the iterates, which gather up and to the right, fit
POWER_UNIT = 2.3
POWER_ORIGIN_AT = 0.9 * RIGHT + 1.45 * DOWN
#: faded parts: the ghosts of the original vectors, and what is not the point of a beat
GHOST_OPACITY = 0.25
DIM = 0.18


# --- independent routes to the expected values ---------------------------------------------------
def image(v: Vec) -> Vec:
    """``A v`` in exact arithmetic."""
    (a, b), (c, d) = A
    return a * v[0] + b * v[1], c * v[0] + d * v[1]


def off_span_by_polar_angles(v: Vec) -> float:
    """How far ``A v`` turns away from the line of ``v``: the difference of their polar
    angles, folded into [0°, 90°] (lines have no direction)."""
    w = image(v)
    turn = math.degrees(math.atan2(w[1], w[0]) - math.atan2(v[1], v[0])) % 180.0
    return min(turn, 180.0 - turn)


def exact_stretch(v: Vec) -> float:
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


def shifted_det(lam: float | Fraction) -> Fraction:
    """``det(A − λI)`` by sympy's determinant of the shifted matrix (exact for fractions)."""
    shifted = sp.Matrix(A) - sp.nsimplify(lam) * sp.eye(2)
    return Fraction(str(shifted.det()))


def shifted_image(lam: float, v: Sequence[float | Fraction]) -> list[float]:
    """``(A − λI) v`` written out by hand."""
    (a, b), (c, d) = A
    x, y = float(v[0]), float(v[1])
    return [(a - lam) * x + b * y, c * x + (d - lam) * y]


def power_closed_form(k: int) -> tuple[float, float]:
    """Angle to (1, 1) in degrees and Rayleigh quotient after ``k`` steps, in eigen
    coordinates: the (1, 1) part grows by 3 per step, the (1, −1) part by 1."""
    a = (V0[0] + V0[1]) * 3**k  # (1, 1) coordinate (times √2)
    b = V0[0] - V0[1]  # (1, −1) coordinate (times √2)
    rayleigh = (3 * a * a + b * b) / (a * a + b * b)
    return math.degrees(math.atan(abs(b / a))), float(rayleigh)


def power_stretch_closed_form(k: int) -> float:
    """``|A v_k| / |v_k|`` in eigen coordinates: √((9a² + b²) / (a² + b²))."""
    a = (V0[0] + V0[1]) * 3**k
    b = V0[0] - V0[1]
    return math.sqrt((9 * a * a + b * b) / (a * a + b * b))


def vector_tex(v: Vec) -> str:
    def fmt(x: Fraction) -> str:
        return str(int(x)) if x.denominator == 1 else f"{float(x):g}"

    return rf"({fmt(v[0])},\ {fmt(v[1])})"


# --- panel pieces -----------------------------------------------------------------------------------
def matrix_row(name: str, entries: Sequence[Sequence[object]]) -> VGroup:
    grid = Matrix(
        [[str(x) for x in row] for row in entries],
        element_to_mobject=MathTex,
        element_to_mobject_config={"font_size": PANEL_SIZE, "color": theme.TEXT},
        h_buff=0.8 if all(len(str(x)) < 3 for row in entries for x in row) else 1.15,
        v_buff=0.6,
        bracket_config={"color": theme.TEXT},
    )
    return VGroup(theme.tex(f"{name} =", size=PANEL_SIZE), grid).arrange(RIGHT, buff=0.2)


class TableRow(VGroup):
    """``vector   angle°   stretch`` with both numbers as DecimalNumbers, which can follow
    the drawn arrow they describe."""

    COLUMNS = (0.0, 2.0, 4.05)

    def __init__(
        self,
        label: VMobject,
        angle: float = 0.0,
        stretch: float = 1.0,
        color: ManimColor = theme.TEXT,
    ) -> None:
        self.label = label
        self.angle = DecimalNumber(
            angle, num_decimal_places=1, unit=r"^{\circ}", font_size=TABLE_SIZE + 4, color=color
        )
        self.ratio = DecimalNumber(
            stretch, num_decimal_places=2, font_size=TABLE_SIZE + 4, color=color
        )
        super().__init__(label, self.angle, self.ratio)
        for part, x in zip(self, self.COLUMNS, strict=True):
            part.move_to(x * RIGHT, aligned_edge=LEFT)
        # numbers on the label's baseline (the degree sign makes the angle taller)
        digit = label[0][-2]  # the last digit of "(1.5, 0)": its bottom is the baseline
        for number in (self.angle, self.ratio):
            number.align_to(digit, DOWN)

    def follow(self, angle: Callable[[], float], stretch: Callable[[], float]) -> None:
        """Show ``angle()`` and ``stretch()`` at every frame (read off the drawn arrow)."""
        self.angle.add_updater(lambda m: m.set_value(float(angle())))
        self.ratio.add_updater(lambda m: m.set_value(float(stretch())))

    def stop_following(self) -> None:
        """Keep the numbers as they are now."""
        self.angle.clear_updaters()
        self.ratio.clear_updaters()


class ShiftedPlane:
    """A :class:`LinearMapDiagram` drawn as the image of ``A − λI`` for the λ of a slider.

    The grid, the unit square and the two eigenvector arrows are redrawn from their
    untransformed points at every call of :meth:`redraw`, so what is drawn is always the
    image of one ``A − λI``; an arrow crushed to zero length collapses onto the origin.
    """

    def __init__(self, diagram: LinearMapDiagram, arrows: list[tuple[Arrow, Vec]]) -> None:
        self.diagram, self.arrows = diagram, arrows
        plane = diagram.reference
        self.origin = np.asarray(plane.c2p(0, 0), dtype=float)
        units = np.column_stack([plane.c2p(1, 0) - self.origin, plane.c2p(0, 1) - self.origin])
        self.units = units[:2]
        self.units_inverse = np.linalg.inv(self.units)
        self.base = [
            (m, m.points.copy())
            for shape in (diagram.grid, diagram.square)
            for m in shape.get_family()
            if len(m.points)
        ]

    def redraw(self, lam: float) -> None:
        """Draw the plane as carried by ``A − λI``."""
        m = np.eye(3)
        m[:2, :2] = self.units @ (np.array(A, dtype=float) - lam * np.eye(2)) @ self.units_inverse
        for mob, points in self.base:
            mob.points = self.origin + (points - self.origin) @ m.T
        plane = self.diagram.reference
        for arrow, v in self.arrows:
            tip = np.asarray(plane.c2p(*shifted_image(lam, v)), dtype=float)
            if np.linalg.norm(tip - self.origin) < 1e-9:
                for part in arrow.get_family():
                    part.points = np.repeat(self.origin[None, :], len(part.points), axis=0)
                continue
            shaped = rebuilt_arrow(arrow, self.origin, tip)
            for part, new in zip(arrow.get_family(), shaped.get_family(), strict=True):
                part.points = new.points.copy()
                part.set_stroke(width=new.get_stroke_width(), family=False)

    def sweep(self, slider: Slider, to: float, run_time: float) -> Scripted:
        """Slide λ to ``to``: the slider's tracker and the plane move on one clock."""
        start: list[float] = []

        def update(t: float) -> None:
            if not start:
                start.append(slider.value)
            lam = start[0] + (to - start[0]) * smooth(t)
            slider.tracker.set_value(lam)
            self.redraw(lam)

        return Scripted(self.diagram, update, run_time=run_time)


class EigenvaluesAndEigenvectors(LectureScene):
    chapter_id = "4.6"

    def construct(self) -> None:
        self.open_chapter("Some directions survive a matrix: it only stretches them.")
        self.panel = Panel(row_buff=0.28)
        self.spans_beats()
        self.flattening_beats()
        self.power_beats()
        self.close_chapter(
            "Eigenvectors only stretch; eigenvalues say by how much.",
            "Next, the singular value decomposition: any matrix as rotations and stretches.",
        )

    # ------------------------------------------------------------------------------------
    def spans_beats(self) -> None:
        # this lecture needs only the grid: the unit square and î, ĵ would crowd the spans
        diagram = LinearMapDiagram(
            vector=None,
            x_range=(-14.0, 14.0),
            y_range=(-14.0, 14.0),
            unit=SPAN_UNIT,
            square=False,
            basis=False,
        )
        diagram.shift(ORIGIN_AT)
        # one grid on screen, not two: the fixed reference keeps only its axes
        diagram.reference.background_lines.set_stroke(opacity=0)
        diagram.reference.faded_lines.set_stroke(opacity=0)
        vectors = [*ORDINARY, *EIGEN]
        colors = [*ORDINARY_COLORS, theme.EIGEN, theme.EIGEN]
        display = EigenSpanDisplay(
            diagram.reference,
            [[float(x) for x in v] for v in vectors],
            colors,
            span_extent=14.0,
            ghost_opacity=GHOST_OPACITY,
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
        probe_v = np.array([float(x) for x in ORDINARY[1]])
        probe = plane_arrow(diagram.reference, probe_v, ORDINARY_COLORS[1], stroke_width=4)

        def slide_probe(t: float) -> None:
            # the multiples c·v, c = 1 → 2.2 → −1.6 → 1: the arrow runs along its span
            c = float(np.interp(t, (0.0, 0.3, 0.75, 1.0), (1.0, 2.2, -1.6, 1.0)))
            c = c if abs(c) > 0.04 else math.copysign(0.04, c)
            probe.become(
                plane_arrow(diagram.reference, c * probe_v, ORDINARY_COLORS[1], stroke_width=4)
            )

        with self.beat(
            "Here is A equals two, one, one, two, and five vectors. Each dashed "
            "line is a vector's span: all its multiples, the line it points along."
        ) as b:
            b.say(
                0,
                AnimationGroup(
                    diagram.create(),
                    display.create(run_time=2.0),
                    self.panel.show(matrix_row("A", A), header, *rows),
                    lag_ratio=0.35,
                ),
            )
            self.add(probe)
            b.say(1, Scripted(probe, slide_probe, rate_func=smooth, discard=[probe]))
            self.checkpoint(
                "before_A_off_span_deg",
                printed_all(r.angle for r in rows),
                expected=[0.0] * len(rows),
            )
            self.checkpoint(
                "before_A_stretch", printed_all(r.ratio for r in rows), expected=[1.0] * len(rows)
            )

        def table_and_arrows() -> tuple[Any, Any]:
            """The table as printed, and the angles and stretches of the drawn arrows."""
            drawn = [
                x
                for i in range(len(rows))
                for x in (display.off_span_angle_shown(i), display.stretch_shown(i))
            ]
            return printed_all(n for r in rows for n in (r.angle, r.ratio)), drawn

        def tips_and_grid() -> tuple[Any, Any]:
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

    def carry(self, matrix: ArrayLike, run_time: float) -> tuple[Animation, Animation]:
        """Grid and arrows carried by ``matrix`` on one clock (the ghosts keep their look);
        two animations, each of a part already on screen, so neither is re-layered."""
        m = np.asarray(matrix, dtype=float)
        return (
            self.diagram.apply(m, run_time=run_time),
            CarryByMatrix(
                m,
                self.diagram.reference,
                arrows=cast(list[Arrow], list(self.display.arrows)),  # made by plane_arrow
                group=self.display.arrows,
                run_time=run_time,
            ),
        )

    def apply_and_eigen_beats(self, rows: list[TableRow]) -> None:
        """A acts; the table follows the arrows as they move, then the eigen rows are boxed."""
        diagram, display = self.diagram, self.display
        for i, row in enumerate(rows):
            row.follow(
                functools.partial(display.off_span_angle_shown, i),
                functools.partial(display.stretch_shown, i),
            )
        with self.beat(
            "Apply A. The three coloured vectors are knocked off their dashed "
            "lines: A turns them by seventeen to thirty degrees while it "
            "stretches them."
        ) as b:
            self.play(
                diagram.apply(A, run_time=b.sentence(0) + b.sentence(1)),
                display.apply(A, run_time=b.sentence(0) + b.sentence(1)),
            )
            for v, row in zip(ORDINARY, rows[: len(ORDINARY)], strict=True):
                name = vector_tex(v).replace(r"\ ", "")
                self.checkpoint(
                    f"off_span_deg_{name}", printed(row.angle), expected=off_span_by_polar_angles(v)
                )
                self.checkpoint(f"stretch_{name}", printed(row.ratio), expected=exact_stretch(v))

        eigen = sympy_eigen()
        n = len(ORDINARY)
        # the others step back (the table keeps them legible, boxed apart from the eigen rows);
        # faded in place, on the display's own clock, with no copies of the long span lines
        fading = [
            (m, m.get_stroke_opacity(), o)
            for group, o in ((display.arrows, DIM), (display.ghosts, 0.1), (display.spans, DIM))
            for m in group[:n]
        ]

        def fade(t: float) -> None:
            for m, start, end in fading:
                m.set_opacity(start + (end - start) * t)

        step_back = Scripted(display, fade, rate_func=smooth)
        highlight = VGroup(
            *(
                SurroundingRectangle(r, buff=0.08, color=theme.EIGEN, stroke_width=2.5)
                for r in rows[n:]
            )
        )
        a_inverse = np.linalg.inv(np.array(A, dtype=float))
        with self.beat(
            "The two yellow vectors stay on their lines. Along one, one every "
            "vector is stretched by exactly three; along one, minus one, by "
            "exactly one. These are the eigenvectors, and three and one are "
            "their eigenvalues."
        ) as b:
            b.say(0, step_back)
            # A once more, with only the eigenvectors in view: undone, then done again
            undo = 0.4 * b.sentence(1)
            self.play(*self.carry(a_inverse, run_time=undo))
            self.play(*self.carry(A, run_time=b.sentence(1) - undo))
            b.say(2, Create(highlight))
            for k, (i, row) in enumerate(zip((3, 4), rows[n:], strict=True), start=1):
                self.checkpoint(f"off_span_deg_eigen_{k}", printed(row.angle), expected=0.0)
                self.checkpoint(f"stretch_eigen_{k}", printed(row.ratio), expected=eigen[k - 1][0])
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
        for row in rows:
            row.stop_following()
        self.highlight = highlight

    # ------------------------------------------------------------------------------------
    def flattening_beats(self) -> None:
        """A − λI drawn for λ on a slider: the plane flattens at λ = 1 and at λ = 3."""
        diagram = LinearMapDiagram(
            vector=None,
            x_range=(-10.0, 10.0),
            y_range=(-10.0, 10.0),
            unit=FLAT_UNIT,
            square=True,
            basis=False,
        )
        diagram.shift(FLAT_ORIGIN_AT)
        diagram.reference.background_lines.set_stroke(opacity=0)
        diagram.reference.faded_lines.set_stroke(opacity=0)
        eigen_arrows = [
            (plane_arrow(diagram.reference, [float(x) for x in v], theme.EIGEN), v) for v in EIGEN
        ]
        diagram.add(*(a for a, _ in eigen_arrows))
        shifted = ShiftedPlane(diagram, eigen_arrows)
        shifted.redraw(0.0)  # A − 0·I = A: the plane as the first beats left it

        title = matrix_row("A - \\lambda I", [["2-\\lambda", "1"], ["1", "2-\\lambda"]])
        slider = Slider(
            LAMBDA_RANGE,
            0.0,
            r"\lambda",
            length=3.0,
            color=theme.ACCENT,
            decimals=1,
            size=PANEL_SIZE + 2,
            tick_step=1.0,
        )
        area = Readout(r"\text{area}", 0.0, decimals=2, size=PANEL_SIZE + 2)
        area.follow(diagram.square_area_shown)
        det = theme.tex(r"\det(A - \lambda I) = (2-\lambda)^2 - 1", size=PANEL_SIZE)
        lam1 = Readout(r"\lambda_1", 0.0, decimals=0, size=PANEL_SIZE, color=theme.EIGEN)
        lam2 = Readout(r"\lambda_2", 0.0, decimals=0, size=PANEL_SIZE, color=theme.EIGEN)
        along1 = theme.tex(r"\text{along } (1,\ 1)", size=PANEL_SIZE)
        along2 = theme.tex(r"\text{along } (1,\ -1)", size=PANEL_SIZE)
        row1 = VGroup(lam1, along1).arrange(RIGHT, buff=0.4)
        row2 = VGroup(lam2, along2).arrange(RIGHT, buff=0.4)
        along2.align_to(along1, LEFT)
        roots = VGroup(row1, row2).arrange(DOWN, aligned_edge=LEFT, buff=0.28)

        def plane_is_shifted_by_knob() -> tuple[Any, Any]:
            """The drawn grid's images of (1, 0) and (0, 1), and the columns of A − λI
            for the λ read off the knob."""
            lam = slider.value_shown()
            drawn = [x for e in ((1.0, 0.0), (0.0, 1.0)) for x in diagram.grid_image_shown(e)]
            return drawn, [x for e in ((1, 0), (0, 1)) for x in shifted_image(lam, e)]

        def eigen_arrows_are_shifted() -> tuple[Any, Any]:
            """The drawn eigen arrows' tips, and (A − λI) v at the knob's λ."""
            lam = slider.value_shown()
            tips = [x for a, _ in eigen_arrows for x in coords(diagram.reference, a.get_end())]
            return tips, [x for _, v in eigen_arrows for x in shifted_image(lam, v)]

        old = VGroup(self.diagram, self.display, self.highlight)
        with contextlib.ExitStack() as held:
            with self.beat(
                "To find them without drawing, look at A minus lambda I: an eigenvector "
                "with eigenvalue lambda is a nonzero vector it sends to zero. Slide lambda "
                "up from zero, and the blue unit square shrinks. At lambda one the whole "
                "plane falls onto a line, crushing the arrow along one, minus one."
            ) as b:
                # under the panel's card, which is already on screen
                self.add(diagram)
                self.bring_to_back(diagram)
                self.play(
                    AnimationGroup(
                        FadeOut(old),
                        self.panel.show(title, slider, area),
                        FadeIn(diagram),
                        lag_ratio=0.5,
                    ),
                    run_time=3.2,
                )
                # λ comes off the diagonal: the two entries that change are pointed at
                diagonal = VGroup(*(title[1].get_entries()[i] for i in (0, 3)))
                b.say(0, Indicate(diagonal, color=theme.ACCENT, scale_factor=1.25))
                for name, read, tol in (
                    ("area readout is the drawn square's area",
                     lambda: (area.value, diagram.square_area_shown()), None),
                    ("plane drawn is A minus the knob's lambda", plane_is_shifted_by_knob, TOL),
                    ("eigen arrows drawn are carried by A minus lambda I",
                     eigen_arrows_are_shifted, TOL),
                ):  # fmt: skip
                    held.enter_context(self.invariant(name, read, tol=tol))
                self.checkpoint("flat_area_at_0", area.value, expected=float(shifted_det(0)))
                self.play(shifted.sweep(slider, 0.7, run_time=b.sentence(1)))
                self.play(shifted.sweep(slider, 1.0, run_time=b.sentence(2)))
                self.check_flat(slider, diagram, area, eigen_arrows, 1)
            with self.beat(
                "Keep sliding: the plane turns over, and at lambda three it flattens "
                "again, this time crushing the arrow along one, one. Flat means zero "
                "area, and that area is the determinant, two minus lambda, squared, "
                "minus one. Its roots, three and one, are the eigenvalues."
            ) as b:
                self.play(shifted.sweep(slider, 3.0, run_time=b.sentence(0)))
                self.check_flat(slider, diagram, area, eigen_arrows, 3)
                # the determinant's formula joins the area it equals (laid out by grow)
                reveal = self.panel.grow(det)
                box = SurroundingRectangle(
                    VGroup(area, det), buff=0.1, color=theme.EIGEN, stroke_width=2.5
                )
                b.say(1, AnimationGroup(reveal, Create(box), lag_ratio=0.6))
                lam1.set(slider.value_shown())
                lam2.set(self.flat_at[1])
                b.say(2, self.panel.grow(roots))
                lam_exact = sorted(sp.Matrix(A).eigenvals(), reverse=True)
                self.checkpoint("lambda_1", lam1.value, expected=float(lam_exact[0]))
                self.checkpoint("lambda_2", lam2.value, expected=float(lam_exact[1]))
                roots_exact = sorted(sp.solve((2 - sp.Symbol("l")) ** 2 - 1), reverse=True)
                self.checkpoint(
                    "characteristic_roots",
                    [lam1.value, lam2.value],
                    expected=[float(r) for r in roots_exact],
                )
        area.stop_following()
        self.flat_stage = VGroup(diagram, box)

    def check_flat(
        self,
        slider: Slider,
        diagram: LinearMapDiagram,
        area: Readout,
        eigen_arrows: list[tuple[Arrow, Vec]],
        lam: int,
    ) -> None:
        """At ``λ = lam`` the square has no area and one eigenvector is drawn at the origin."""
        self.flat_at = getattr(self, "flat_at", {})
        self.flat_at[lam] = slider.value_shown()
        self.checkpoint(f"flat_knob_lambda_{lam}", slider.value_shown(), expected=lam, tol=TOL)
        self.checkpoint(f"flat_lambda_readout_{lam}", slider.readout.value, expected=lam)
        self.checkpoint(
            f"flat_square_area_{lam}",
            diagram.square_area_shown(),
            expected=float(shifted_det(lam)),
            tol=TOL,
        )
        self.checkpoint(f"flat_area_readout_{lam}", area.value, expected=float(shifted_det(lam)))
        crushed = 1 if lam == 1 else 0  # λ = 1 crushes (1, −1); λ = 3 crushes (1, 1)
        arrow, v = eigen_arrows[crushed]
        self.checkpoint(
            f"flat_crushed_arrow_{lam}",
            arrow_vector_shown(diagram.reference, arrow),
            expected=shifted_image(lam, v),
            tol=TOL,
        )

    # ------------------------------------------------------------------------------------
    def power_beats(self) -> None:
        plane = NumberPlane(
            x_range=(-4, 3, 1),
            y_range=(-2, 3, 1),
            x_length=7 * POWER_UNIT,
            y_length=5 * POWER_UNIT,
            background_line_style={"stroke_color": theme.GRID_FAINT, "stroke_width": 1},
            axis_config={"stroke_color": theme.MUTED, "stroke_width": 1.5},
        )
        plane.shift(POWER_ORIGIN_AT - plane.c2p(0, 0))
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

        def readout_against_arrow(
            readout: Readout, drawn: Callable[[], float]
        ) -> Callable[[], tuple[Any, Any]]:
            """A readout beside the quantity it names, read off the drawn arrow."""
            return lambda: (readout.value, drawn())

        dominant = DashedLine(
            plane.c2p(-1, -1),
            plane.c2p(2.15, 2.15),
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
            ) as b:
                b.say(
                    0,
                    AnimationGroup(
                        AnimationGroup(FadeOut(self.flat_stage), self.panel.hide()),
                        AnimationGroup(FadeIn(plane), Create(dominant)),
                        trail.create(),
                        lag_ratio=0.7,
                    ),
                )
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
                            readout_against_arrow(readout, drawn),
                        )
                    )
                self.play(self.panel.show(code, k_read, angle_read, rayleigh_read, run_time=0.8))
                self.record_power_step(trail, k_read, angle_read, rayleigh_read, 0)
                # step 1 while "apply A, divide by the length" is said, step 2 on "repeat"
                first = max(b.sentences[1].end - self.clock, 2.0)
                self.play(trail.walk(1, seconds_per_step=0.75 * first))
                self.record_power_step(trail, k_read, angle_read, rayleigh_read, 1)
                self.play(trail.walk(1, seconds_per_step=1.8))
                self.record_power_step(trail, k_read, angle_read, rayleigh_read, 2)
            with self.beat(
                "Each pass triples the one, one part of v and leaves the other part "
                "alone, so the arrow swings onto the yellow line. Six steps in, it "
                "is a third of a degree away."
            ) as b:
                per_step = max((b.speech_end - self.clock) / (STEPS - 2), 1.2)
                for k in range(3, STEPS + 1):
                    self.play(trail.walk(1, seconds_per_step=per_step))
                    self.record_power_step(trail, k_read, angle_read, rayleigh_read, k)
                angle, _ = power_closed_form(STEPS)
                self.checkpoint("power_arrow_angle_drawn", drawn_angle(), expected=angle, tol=TOL)
            v_now = trail.vector_shown()
            stretched = plane_arrow(plane, a @ v_now, theme.PATH, stroke_width=4)
            stretched.set_opacity(0.55)
            with self.beat(
                "The Rayleigh quotient, v transpose A v, measures the stretch along "
                "the current arrow: 2.9999 now, closing in on lambda one, three. "
                "Scaled up, this loop is how PageRank ranks the web."
            ) as b:
                box = SurroundingRectangle(
                    rayleigh_read, buff=0.1, color=theme.EIGEN, stroke_width=2.5
                )
                # A v drawn out of v: the stretch the quotient measures, about three
                self.play(Create(box), run_time=1.2)
                b.say(0, GrowArrow(stretched))
                self.checkpoint(
                    "power_stretch_drawn",
                    derived(
                        "|A v| drawn over |v| drawn",
                        float(
                            np.linalg.norm(arrow_vector_shown(plane, stretched))
                            / np.linalg.norm(trail.vector_shown())
                        ),
                        arrow_vector_shown(plane, stretched),
                        trail.vector_shown(),
                    ),
                    expected=power_stretch_closed_form(STEPS),
                    tol=TOL,
                )
                # and once more round the loop: A v shrunk back to length one, onto v
                b.say(1, Transform(stretched, plane_arrow(plane, v_now, theme.PATH)))
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
