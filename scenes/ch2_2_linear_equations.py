"""2.2 Linear Equations: y = m x + b driven by two sliders; two lines meeting at a solution.

The line y = ½x + 1 is drawn from two sliders, m and b. Its slope triangle (run one, rise m)
shows that the slope is rise over run. Dragging m pivots the line about its intercept, the
rise following; dragging b slides it without turning. A second line, x + 2y = 8, is
y = −½x + 4: with m set to −½ the two run side by side (no solution); turning m up to 2 brings
their crossing in from the right edge and along the second line to (2, 3), the solution of
2x − y = 1, x + 2y = 8, which both equations check.
"""

from __future__ import annotations

import contextlib
from typing import Any

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Brace,
    Create,
    FadeIn,
    FadeOut,
    TransformFromCopy,
    VGroup,
    Write,
)

from mathviz import theme
from mathviz.maths.lines import LinearEquation
from mathviz.maths.slider import SliderRange
from mathviz.primitives.calculus import function_axes
from mathviz.primitives.lines import Crossing, SlopeInterceptLine, VerticalGaps
from mathviz.primitives.readout import Readout
from mathviz.primitives.slider import Slider
from mathviz.readings import derived
from mathviz.scene import Invariant, LectureScene
from mathviz.theme import at

#: the plot: x from −2 to 6, y from −3 to 6, 0.8 scene units per unit
X_RANGE, Y_RANGE, UNIT = (-2, 6), (-3, 6), 0.8
#: the sliders' ranges and the line's start, y = ½x + 1
M_RANGE, B_RANGE = SliderRange(-1.0, 3.0), SliderRange(-2.0, 4.0)
M_START, B_START = 0.5, 1.0
#: where the sliders are dragged: m up, then below zero; then b up, then down
M_STEEP, M_FALLING, B_HIGH, B_LOW = 2.0, -1.0, 3.0, -1.0
#: the second equation, x + 2y = 8, and the slope that makes the lines parallel to it
SECOND = (1, 2, 8)
M_PARALLEL = -0.5
#: m when the crossing has come into view, and at the solution
M_ENTER, M_FINAL = 0.4, 2.0

LINE_1, LINE_2 = theme.EQUATION_COLORS[0], theme.EQUATION_COLORS[2]
M_COLOR, B_COLOR = theme.GRADIENT, theme.BIAS
#: the right-hand column: its left edge, and the height of each row
PANEL_LEFT = 0.75
#: room for the sliders' readouts, so that their tracks line up
READOUT_ROOM = 1.5
ROW_FORMULA, ROW_M, ROW_B, ROW_RISE, ROW_SYSTEM, ROW_SOLUTION = 3.2, 1.85, 0.45, -1.0, -2.3, -3.45
#: where the gap between the parallel lines is measured
GAP_XS = (-1.5, 0.5, 2.5)
TOL = 1e-6

# --- independent routes to the expected values (sympy, from the equations as written) --------
X, Y = sp.symbols("x y")


def sympy_y(m: float, b: float) -> sp.Expr:
    """y = m x + b with m and b read as exact decimals."""
    return sp.Rational(str(m)) * X + sp.Rational(str(b))


def sympy_slope(expr: sp.Expr) -> float:
    return float(sp.diff(expr, X))


def sympy_intercept(expr: sp.Expr) -> float:
    return float(expr.subs(X, 0))


def sympy_solved_for_y(a: int, b: int, c: int) -> sp.Expr:
    """``a x + b y = c`` solved for y by sympy."""
    (expr,) = sp.solve(sp.Eq(a * X + b * Y, c), Y)
    return sp.sympify(expr)


def sympy_crossings(first: sp.Expr, second: sp.Expr) -> list[dict[sp.Symbol, sp.Expr]]:
    """Every common point of the lines y = first and y = second (sympy)."""
    found = sp.solve([sp.Eq(Y, first), sp.Eq(Y, second)], [X, Y], dict=True)
    return list(found)


def rise_over_run(line: SlopeInterceptLine) -> Any:
    """A line's drawn slope triangle: its rise over its run, both read through the axes."""
    rise, run = line.rise_shown(), line.run_shown()
    return derived("drawn rise / drawn run", float(rise) / float(run), rise, run)


class LinearEquations(LectureScene):
    chapter_id = "2.2"

    def construct(self) -> None:
        self.open_chapter("Two numbers draw a straight line: a slope and an intercept.")
        self.line_beat()
        with self.hold(self.slider_invariants()):
            self.rise_over_run_beats()
            self.second_line_beat()
            self.parallel_beat()
            self.meeting_beats()
        self.close_chapter(
            "Two numbers fix a line;  two lines fix a point.",
            "A line is tuned by two numbers, and two equations meet where their lines cross. "
            "Next, polynomials.",
        )

    # --- the line and its sliders ---------------------------------------------------------
    def line_beat(self) -> None:
        axes = function_axes(
            (*X_RANGE, 1),
            (*Y_RANGE, 1),
            x_length=UNIT * (X_RANGE[1] - X_RANGE[0]),
            y_length=UNIT * (Y_RANGE[1] - Y_RANGE[0]),
            backed_labels=True,
        )
        axes.shift(at(-6.55, -3.6) - axes.c2p(X_RANGE[0], Y_RANGE[0]))
        labels = VGroup(
            theme.tex("x", size=36, color=theme.MUTED).next_to(axes.c2p(X_RANGE[1], 0), RIGHT),
            theme.tex("y", size=36, color=theme.MUTED).next_to(axes.c2p(0, Y_RANGE[1]), RIGHT),
        )
        formula = theme.tex("y", "=", "m", "x", "+", "b", size=60)
        formula[2].set_color(M_COLOR)
        formula[5].set_color(B_COLOR)
        formula.move_to(at(PANEL_LEFT, ROW_FORMULA), aligned_edge=LEFT)
        m_slider = Slider(
            M_RANGE, M_START, "m", color=M_COLOR, length=3.4, readout_width=READOUT_ROOM
        )
        b_slider = Slider(
            B_RANGE, B_START, "b", color=B_COLOR, length=3.4, readout_width=READOUT_ROOM
        )
        m_slider.shift(at(PANEL_LEFT, ROW_M) - m_slider.readout.get_left())
        b_slider.shift(at(PANEL_LEFT, ROW_B) - b_slider.readout.get_left())
        line = SlopeInterceptLine(
            axes,
            lambda: m_slider.value,
            lambda: b_slider.value,
            color=LINE_1,
            intercept_color=B_COLOR,
            rise_color=M_COLOR,
        )
        self.axes, self.formula, self.line = axes, formula, line
        self.m_slider, self.b_slider = m_slider, b_slider
        with self.beat(
            "Here is y equals m x plus b, on a pair of axes. Two sliders hold its numbers, "
            "m at one half and b at one, and the line is drawn from them."
        ) as beat:
            beat.say(0, Create(axes), FadeIn(labels), Write(formula))
            # one after another in one group: each part appears only when its turn comes
            beat.say(
                1,
                AnimationGroup(m_slider.create(), b_slider.create(), line.create(), lag_ratio=1.0),
            )
            start = sympy_y(M_START, B_START)
            self.checkpoint("m_knob_at_start", m_slider.value_shown(), expected=0.5, tol=TOL)
            self.checkpoint("b_knob_at_start", b_slider.value_shown(), expected=1.0, tol=TOL)
            self.checkpoint("m_readout_at_start", m_slider.readout.value, expected=0.5)
            self.checkpoint("b_readout_at_start", b_slider.readout.value, expected=1.0)
            self.check_line("line_at_start", line, start)

    def check_line(self, name: str, line: SlopeInterceptLine, expr: sp.Expr) -> None:
        """The drawn line's slope and intercept, read through the axes, against sympy's."""
        slope, intercept = sympy_slope(expr), sympy_intercept(expr)
        self.checkpoint(f"{name}_slope", line.slope_shown(), expected=slope, tol=TOL)
        self.checkpoint(f"{name}_intercept", line.intercept_shown(), expected=intercept, tol=TOL)

    def slider_invariants(self) -> list[Invariant]:
        """What holds at every moment from here on: readouts, knobs and the drawn line agree."""
        m, b, line = self.m_slider, self.b_slider, self.line
        return [
            ("m readout equals its knob", lambda: (m.readout.value, m.value_shown()), None),
            ("b readout equals its knob", lambda: (b.readout.value, b.value_shown()), None),
            (
                "m readout equals the drawn slope",
                lambda: (m.readout.value, line.slope_shown()),
                None,
            ),
            (
                "b readout equals the drawn intercept",
                lambda: (b.readout.value, line.intercept_shown()),
                None,
            ),
            (
                "m knob equals the drawn slope",
                lambda: (m.value_shown(), line.slope_shown()),
                TOL,
            ),
            (
                "intercept dot lies on the drawn line at x = 0",
                lambda: (
                    line.intercept_dot_shown(),
                    np.array([0.0, line.intercept_shown()]),
                ),
                TOL,
            ),
        ]

    # --- rise over run, m pivots, b slides ------------------------------------------------
    def rise_over_run_beats(self) -> None:
        line = self.line
        ratio = theme.tex(r"m", r"=", r"{\text{rise} \over \text{run}}", size=44)
        ratio[0].set_color(M_COLOR)
        ratio.move_to(at(PANEL_LEFT, ROW_RISE), aligned_edge=LEFT)
        rise = Readout(r"\text{rise}", 0.5, decimals=1, color=M_COLOR, size=34)
        run = theme.tex(r"\text{run} = 1", size=34, color=theme.MUTED)
        legs = VGroup(rise, run).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        legs.next_to(ratio, RIGHT, buff=0.7)
        rise.follow(line.rise_shown)
        self.ratio_row = VGroup(ratio, legs)
        with contextlib.ExitStack() as triangle:
            with self.beat(
                "Step one unit to the right along the line, and it climbs by m. "
                "Rise over run is the slope: one half here."
            ) as beat:
                beat.say(0, line.show_triangle())
                beat.say(1, Write(ratio), FadeIn(legs, shift=0.2 * LEFT))
                for name, read, tol in (
                    (
                        "rise readout equals the drawn rise",
                        lambda: (rise.value, line.rise_shown()),
                        None,
                    ),
                    (
                        "drawn rise over run equals the drawn slope",
                        lambda: (rise_over_run(line), line.slope_shown()),
                        TOL,
                    ),
                ):
                    triangle.enter_context(self.invariant(name, read, tol=tol))
                self.checkpoint("run_leg", line.run_shown(), expected=1.0, tol=TOL)
                self.checkpoint(
                    "rise_leg", line.rise_shown(), expected=float(sp.Rational(1, 2)), tol=TOL
                )
                self.checkpoint("rise_readout", rise.value, expected=0.5)
            with self.beat(
                "Drag m up to two, and the line swings steeper, pivoting about the point "
                "where it meets the y axis. Drag it below zero, and the line falls from left "
                "to right, its rise following the slope all the way down."
            ) as beat:
                beat.say(0, self.m_slider.animate_to(M_STEEP))
                beat.say(1, self.m_slider.animate_to(M_FALLING))
                # pivoted about the intercept: the slope changed, the intercept did not
                self.check_line("line_falling", line, sympy_y(M_FALLING, B_START))
                self.checkpoint("rise_leg_falling", line.rise_shown(), expected=-1.0, tol=TOL)
            with self.beat(
                "Now hold m still and move b: the whole line slides up and down without "
                "turning. b is the height where the line crosses the y axis, whatever the "
                "slope."
            ) as beat:
                beat.say(0, self.b_slider.animate_to(B_HIGH))
                beat.say(1, self.b_slider.animate_to(B_LOW))
                # slid: the intercept changed, the slope did not
                self.check_line("line_low", line, sympy_y(M_FALLING, B_LOW))
                self.checkpoint("b_readout_low", self.b_slider.readout.value, expected=-1.0)

    # --- a second line: parallel, then crossing -------------------------------------------
    def second_line_beat(self) -> None:
        a, b, c = SECOND
        second = SlopeInterceptLine(
            self.axes,
            M_PARALLEL,
            float(c) / b,
            color=LINE_2,
            intercept_color=LINE_2,
            rise_color=M_COLOR,
        )
        equation = LinearEquation.of(a, b, c)
        written = theme.tex(equation.tex(), size=44, color=LINE_2)
        solved = theme.tex(r"y = -\tfrac{1}{2}\,x + 4", size=44, color=LINE_2)
        arrow = theme.tex(r"\Leftrightarrow", size=44, color=theme.MUTED)
        row = VGroup(written, arrow, solved).arrange(RIGHT, buff=0.3)
        row.move_to(at(PANEL_LEFT, ROW_RISE), aligned_edge=LEFT)
        self.second, self.second_row = second, row
        with self.beat(
            "A second equation, x plus two y equals eight, is a second line. Solved for y "
            "it reads y equals minus one half x plus four: slope minus one half, intercept four."
        ) as beat:
            self.play(self.line.hide_triangle(), FadeOut(self.ratio_row), run_time=0.7)
            beat.say(0, second.create(), Write(written))
            beat.say(
                1,
                AnimationGroup(
                    FadeIn(VGroup(arrow, solved), shift=0.3 * LEFT),
                    second.show_triangle(),
                    lag_ratio=0.6,
                ),
            )
            expected = sympy_solved_for_y(a, b, c)
            self.check_line("second_line", second, expected)
            self.checkpoint("first_triangle_hidden", self.line.triangle_legs_shown(), expected=0)
            self.checkpoint(
                "second_line_rise_per_run",
                rise_over_run(second),
                expected=sympy_slope(expected),
                tol=TOL,
            )

    def parallel_beat(self) -> None:
        crossing = Crossing(self.line, self.second)
        self.add(crossing)
        self.crossing = crossing
        verdict = theme.text("same slope: no solution", size=theme.BODY_SIZE, color=theme.BAD)
        verdict.move_to(at(PANEL_LEFT, ROW_SYSTEM), aligned_edge=LEFT)
        self.verdict = verdict
        with self.beat(
            "Set m to minus one half as well, and the two lines run side by side. "
            "They stay five apart everywhere and never meet, so this pair of equations has "
            "no solution."
        ) as beat:
            beat.say(0, self.m_slider.animate_to(M_PARALLEL), self.second.hide_triangle())
            gaps = VerticalGaps(self.line, self.second, GAP_XS)
            beat.say(1, AnimationGroup(gaps.create(), Write(verdict), lag_ratio=1.0))
            self.gaps = gaps
            self.checkpoint(
                "parallel_slopes",
                derived(
                    "difference of the drawn slopes",
                    self.line.slope_shown() - self.second.slope_shown(),
                    self.line.slope_shown(),
                    self.second.slope_shown(),
                ),
                expected=0.0,
                tol=TOL,
            )
            gap = sp.simplify(sympy_solved_for_y(*SECOND) - sympy_y(M_PARALLEL, B_LOW))
            self.checkpoint(
                "parallel_gaps", gaps.lengths_shown(), expected=[float(gap)] * len(GAP_XS), tol=TOL
            )
            common = sympy_crossings(sympy_y(M_PARALLEL, B_LOW), sympy_solved_for_y(*SECOND))
            self.checkpoint("crossings_when_parallel", crossing.count_shown(), expected=len(common))

    def meeting_beats(self) -> None:
        crossing, m_slider = self.crossing, self.m_slider
        x_read = Readout("x", 0.0, decimals=1)
        y_read = Readout("y", 0.0, decimals=1)
        readouts = VGroup(x_read, y_read).arrange(RIGHT, buff=0.8)
        # y's descender lowers its label's centre: line both up on the "=" signs and digits
        y_read.label.shift((x_read.label[0][-1].get_y() - y_read.label[0][-1].get_y()) * UP)
        y_read.number.set_y(x_read.number.get_y())
        readouts.move_to(at(PANEL_LEFT, ROW_SOLUTION), aligned_edge=LEFT)
        x_read.follow(lambda: crossing.point_shown()[0])
        y_read.follow(lambda: crossing.point_shown()[1])
        (solution,) = sympy_crossings(sympy_y(M_FINAL, B_LOW), sympy_solved_for_y(*SECOND))
        point = [float(solution[X]), float(solution[Y])]
        with contextlib.ExitStack() as held:
            with self.beat(
                "Turn m back up and the lines tilt apart, until their crossing enters at the "
                "right edge. Keep turning to two, and the crossing slides along the purple "
                "line to x equals two, y equals three."
            ) as beat:
                self.play(FadeOut(self.verdict, self.gaps), run_time=0.6)
                beat.say(0, m_slider.animate_to(M_ENTER))
                self.play(FadeIn(readouts), run_time=0.5)
                held.enter_context(self.hold(self.crossing_invariants(x_read, y_read)))
                beat.say(1, m_slider.animate_to(M_FINAL))
                self.checkpoint(
                    "intersection_point", crossing.point_shown(), expected=point, tol=TOL
                )
                self.checkpoint("x_readout_at_solution", x_read.value, expected=point[0])
                self.checkpoint("y_readout_at_solution", y_read.value, expected=point[1])
                self.checkpoint("m_knob_at_solution", m_slider.value_shown(), expected=2.0, tol=TOL)
            self.system_beat(point)

    def crossing_invariants(self, x_read: Readout, y_read: Readout) -> list[Invariant]:
        crossing, first, second = self.crossing, self.line, self.second
        return [
            (
                "crossing lies on the first drawn line",
                lambda: (first.distance_shown(crossing.point_shown()), 0.0),
                TOL,
            ),
            (
                "crossing lies on the second drawn line",
                lambda: (second.distance_shown(crossing.point_shown()), 0.0),
                TOL,
            ),
            (
                "x readout equals the crossing's x",
                lambda: (x_read.value, crossing.point_shown()[0]),
                None,
            ),
            (
                "y readout equals the crossing's y",
                lambda: (y_read.value, crossing.point_shown()[1]),
                None,
            ),
        ]

    def system_beat(self, point: list[float]) -> None:
        first_eq = self.line.model().equation()
        top = theme.tex(first_eq.tex(), size=44, color=LINE_1)
        second_eq = LinearEquation.of(*SECOND)
        bottom = theme.tex(second_eq.tex(), size=44, color=LINE_2)
        rows = VGroup(top, bottom).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        brace = Brace(rows, LEFT, color=theme.TEXT)
        system = VGroup(brace, rows)
        system.move_to(at(PANEL_LEFT, ROW_SYSTEM), aligned_edge=LEFT)
        checks = VGroup(
            theme.tex(r"2 \cdot 2 - 3 = 1", size=36, color=LINE_1),
            theme.tex(r"2 + 2 \cdot 3 = 8", size=36, color=LINE_2),
        )
        for check, row in zip(checks, rows, strict=True):
            check.next_to(row, RIGHT, buff=0.6).set_y(row.get_y())
        with self.beat(
            "As equations, the blue line is two x minus y equals one, and the purple line is "
            "x plus two y equals eight. The point two, three solves both at once: four minus "
            "three is one, and two plus six is eight."
        ) as beat:
            beat.say(
                0,
                AnimationGroup(
                    AnimationGroup(FadeIn(brace), TransformFromCopy(self.second_row[0], bottom)),
                    Write(top),
                    lag_ratio=1.0,
                ),
            )
            beat.say(
                1,
                AnimationGroup(
                    self.crossing.draw_guides(), Write(checks[0]), Write(checks[1]), lag_ratio=1.0
                ),
            )
            self.checkpoint(
                "guide_feet_on_axes", self.crossing.guide_feet_shown(), expected=point, tol=TOL
            )
            # both left sides evaluated at the crossing as drawn give the right-hand sides
            shown = self.crossing.point_shown()
            sides = [float(eq.left_side((shown[0], shown[1]))) for eq in (first_eq, second_eq)]
            self.checkpoint(
                "left_sides_at_crossing",
                derived("a x + b y of each equation at the drawn crossing", sides, shown),
                expected=[1.0, 8.0],
                tol=TOL,
            )


SCENES = [LinearEquations]
