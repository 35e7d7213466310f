"""12.2 Approximation: Taylor polynomials of sin x gaining terms, and the forward-difference
error against h on log–log axes.

The degree 1, 3, 5 and 7 polynomials around 0 morph into one another over sin x while the
error at x = 2 shrinks; then the error of (sin(1 + h) − sin 1)/h against cos 1 falls with h
(truncation) until round-off takes over, with its minimum near h = 1e-8.
"""

from __future__ import annotations

import math

import numpy as np
import sympy as sp
from manim import DOWN, LEFT, RIGHT, UP, Axes, Create, DashedLine, Dot, FadeIn, FadeOut, VGroup
from manim.mobject.graphing.scale import LogBase

from mathviz import theme
from mathviz.maths.approximation import decade_steps, forward_difference_errors, sin_taylor
from mathviz.primitives.approximation import LogLogErrorPlot, TaylorSeriesPlot
from mathviz.primitives.panel import Panel
from mathviz.primitives.plots import log_log_frame, number_edges
from mathviz.primitives.readout import Readout, coords
from mathviz.readings import derived
from mathviz.scene import LectureScene

DEGREES = (1, 3, 5, 7)
MARKED_X = 2.0
DIFF_AT = 1.0
X_DECADES, Y_DECADES = (-15, -1), (-10, 0)

DRAW_TOL = 1e-9
PANEL_SIZE = 32

POLYNOMIAL_TEX = {
    1: r"p_1(x) = x",
    3: r"p_3(x) = x - \frac{x^3}{3!}",
    5: r"p_5(x) = x - \frac{x^3}{3!} + \frac{x^5}{5!}",
    7: r"p_7(x) = x - \frac{x^3}{3!} + \frac{x^5}{5!} - \frac{x^7}{7!}",
}


# --- independent routes to the expected values ----------------------------------------------
def sympy_taylor_value(degree: int, at: float) -> float:
    """The degree-``degree`` Maclaurin polynomial of sin from sympy's series, at ``at``."""
    x = sp.symbols("x")
    polynomial = sp.series(sp.sin(x), x, 0, degree + 1).removeO()
    return float(polynomial.subs(x, sp.Rational(str(at))))


def forward_difference_error_loop(h: float) -> float:
    """|(sin(1 + h) − sin 1)/h − cos 1| in plain float64 (the math module, one h at a time)."""
    return abs((math.sin(DIFF_AT + h) - math.sin(DIFF_AT)) / h - math.cos(DIFF_AT))


class Approximation(LectureScene):
    chapter_id = "12.2"

    def construct(self) -> None:
        self.open_chapter(
            "Computers only add and multiply, yet libraries return sine and derivatives. "
            "Both come from approximations whose error we can watch and control."
        )
        self.taylor_beats()
        self.difference_beats()
        self.close_chapter(
            "Add terms to cut truncation error; shrink h only until round-off bites.",
            "Every numerical method trades these two errors; the best step balances them, "
            "near the square root of machine epsilon.",
        )

    # ------------------------------------------------------------------------------------
    def taylor_beats(self) -> None:
        axes = Axes(
            x_range=(-4, 4, 1),
            y_range=(-2.5, 2.5, 1),
            x_length=7.2,
            y_length=4.6,
            tips=False,
            axis_config={"color": theme.MUTED, "font_size": 24},
        )
        # numbered along the plot's edges: the polynomials and the marker at x = 2 would run
        # through numbers written on the axes
        number_edges(axes)
        axes.to_edge(LEFT, buff=0.5).shift(0.35 * DOWN)
        plot = TaylorSeriesPlot(axes, DEGREES[0])
        marker = DashedLine(
            axes.c2p(MARKED_X, -2.5), axes.c2p(MARKED_X, 2.5), color=theme.MUTED, stroke_width=2
        )
        sin_dot = Dot(axes.c2p(MARKED_X, math.sin(MARKED_X)), radius=0.08, color=theme.CURVE)
        poly_dot = Dot(
            axes.c2p(MARKED_X, plot.value_shown(MARKED_X)), radius=0.08, color=theme.ACCENT
        )
        formula = theme.tex(POLYNOMIAL_TEX[1], size=34, color=theme.ACCENT)
        p_read = Readout(
            "p(2)", plot.value_shown(MARKED_X), decimals=4, size=PANEL_SIZE, color=theme.ACCENT
        )
        sin_read = Readout(
            r"\sin 2",
            plot.target_value_shown(MARKED_X),
            decimals=4,
            size=PANEL_SIZE,
            color=theme.CURVE,
        )
        err_read = Readout(r"|\text{error}|", 0.0, decimals=4, size=PANEL_SIZE, color=theme.BAD)
        # the readouts show the dots' heights read through the axes, at every frame
        p_read.follow(lambda: coords(axes, poly_dot)[1])
        err_read.follow(lambda: abs(coords(axes, poly_dot)[1] - coords(axes, sin_dot)[1]))
        self.panel = Panel(corner=UP + RIGHT)

        def drawn_gap():
            p, target = plot.value_shown(MARKED_X), plot.target_value_shown(MARKED_X)
            return derived("|p(2) − sin 2| of the drawn curves", abs(p - target), p, target)

        with self.beat(
            "Near zero, sine looks like the line y equals x: that is its degree-one "
            "Taylor polynomial. At x equals 2 the line is already off by more "
            "than one."
        ):
            self.play(Create(axes))
            self.play(plot.create())
            self.play(
                Create(marker),
                FadeIn(sin_dot),
                FadeIn(poly_dot),
                self.panel.show(formula, p_read, sin_read, err_read),
            )
            self.checkpoint(
                "p1_at_2",
                plot.value_shown(MARKED_X),
                expected=sympy_taylor_value(1, MARKED_X),
                tol=DRAW_TOL,
            )
            self.checkpoint(
                "sin_at_2_drawn",
                plot.target_value_shown(MARKED_X),
                expected=math.sin(MARKED_X),
                tol=DRAW_TOL,
            )
            self.checkpoint(
                "p1_at_2_readout", p_read.value, expected=sympy_taylor_value(1, MARKED_X)
            )
            self.checkpoint(
                "sin_at_2_readout", sin_read.value, expected=float(sp.sin(sp.Integer(2)).evalf(30))
            )
            self.checkpoint(
                "error_p1_at_2_readout", err_read.value, expected=abs(MARKED_X - math.sin(MARKED_X))
            )
        narrations = {
            3: "Each new term matches one more derivative at zero. Subtracting x cubed over "
            "three factorial bends the line down toward the curve.",
            5: "The fifth-degree term bends it back up; the error at 2 drops to about two "
            "hundredths.",
            7: "With four terms the polynomial hugs sine across the whole window, and the "
            "error at 2 is barely more than one thousandth.",
        }
        with (
            self.invariant(
                "dot_rides_polynomial",
                lambda: (coords(axes, poly_dot)[1], plot.value_shown(MARKED_X)),
                tol=DRAW_TOL,
            ),
            self.invariant(
                "p_readout_reads_polynomial", lambda: (p_read.value, plot.value_shown(MARKED_X))
            ),
            self.invariant("error_readout_reads_gap", lambda: (err_read.value, drawn_gap())),
        ):
            for degree in DEGREES[1:]:
                with self.beat(narrations[degree]):
                    new_formula = theme.tex(POLYNOMIAL_TEX[degree], size=34, color=theme.ACCENT)
                    move = plot.add_terms_to(degree, run_time=2.0)
                    target_value = float(sin_taylor(MARKED_X, degree))
                    self.play(
                        move,
                        poly_dot.animate.move_to(axes.c2p(MARKED_X, target_value)),
                        run_time=2.0,
                    )
                    self.play(self.panel.swap((formula, new_formula), run_time=0.8))
                    formula = new_formula
                    self.checkpoint(
                        f"p{degree}_at_2",
                        plot.value_shown(MARKED_X),
                        expected=sympy_taylor_value(degree, MARKED_X),
                        tol=DRAW_TOL,
                    )
                    self.checkpoint(
                        f"p{degree}_at_2_readout",
                        p_read.value,
                        expected=sympy_taylor_value(degree, MARKED_X),
                    )
                    self.checkpoint(
                        f"error_p{degree}_at_2_readout",
                        err_read.value,
                        expected=abs(sympy_taylor_value(degree, MARKED_X) - math.sin(MARKED_X)),
                    )
        p_read.stop_following()
        err_read.stop_following()
        self.play(FadeOut(VGroup(axes, plot, marker, sin_dot, poly_dot)), self.panel.hide())

    # ------------------------------------------------------------------------------------
    def difference_beats(self) -> None:
        curve = forward_difference_errors(np.sin, np.cos, DIFF_AT, decade_steps(1, 15))
        axes = Axes(
            x_range=(X_DECADES[0], X_DECADES[1], 1),
            y_range=(Y_DECADES[0], Y_DECADES[1], 1),
            x_length=7.0,
            y_length=4.8,
            tips=False,
            axis_config={"stroke_opacity": 0},
            x_axis_config={"scaling": LogBase()},
            y_axis_config={"scaling": LogBase()},
        )
        axes.set_opacity(0)
        axes.move_to(np.array([-2.6, -0.35, 0.0]))
        frame = log_log_frame(
            axes,
            X_DECADES,
            Y_DECADES,
            x_labels=(-15, -12, -9, -6, -3),
            y_labels=(-10, -8, -6, -4, -2, 0),
        )
        x_title = theme.text("step h", size=theme.LABEL_SIZE, color=theme.MUTED)
        x_title.next_to(frame, DOWN, buff=0.1)
        y_title = theme.text("error", size=theme.LABEL_SIZE, color=theme.MUTED)
        y_title.next_to(axes.c2p(10.0 ** X_DECADES[0], 10.0 ** Y_DECADES[1]), UP, buff=0.15)
        y_title.shift(0.2 * LEFT)
        plot = LogLogErrorPlot(axes, curve.steps, curve.errors)
        code = theme.code("d = (sin(1+h) - sin(1)) / h", "err = abs(d - cos(1))", size=24)
        self.panel = Panel(corner=UP + RIGHT)
        with self.beat(
            "Now a derivative by finite differences: step h, divide, compare with "
            "the true slope cosine of 1. Plot the error for h from ten to the minus "
            "one down to ten to the minus fifteen, both axes logarithmic."
        ):
            self.play(FadeIn(frame), FadeIn(x_title), FadeIn(y_title), self.panel.show(code))
            self.add(plot)
            with self.invariant(
                "line_behind_its_points", lambda: (plot.points_reached_before_drawn(), 0), tol=0
            ):
                self.play(plot.create(run_time=4.0))
            shown = plot.log10_points_shown()
            expected = [forward_difference_error_loop(float(f"1e-{k}")) for k in range(1, 16)]
            self.checkpoint(
                "log10_steps_drawn",
                shown[:, 0],
                expected=[-float(k) for k in range(1, 16)],
                tol=1e-9,
            )
            self.checkpoint(
                "log10_errors_drawn",
                shown[:, 1],
                expected=[math.log10(e) for e in expected],
                tol=1e-9,
            )
        truncation = theme.text("truncation ∝ h", size=theme.LABEL_SIZE, color=theme.GOOD)
        truncation.next_to(axes.c2p(10**-4.3, 1e-6), RIGHT, buff=0.1)
        roundoff = theme.text("round-off ∝ ε/h", size=theme.LABEL_SIZE, color=theme.BAD)
        roundoff.next_to(axes.c2p(10**-12.2, 10**-2.5), RIGHT, buff=0.0)
        with self.beat(
            "Going right to left, the error first falls in step with h: that is "
            "truncation, the dropped Taylor terms. Below about ten to the minus "
            "eight it climbs again, because subtracting two nearly equal floats "
            "loses digits."
        ):
            self.play(FadeIn(truncation), FadeIn(roundoff))
        h_read = Readout(r"\log_{10} h^{*}", 0.0, decimals=2, size=PANEL_SIZE, color=theme.ACCENT)
        e_read = Readout(
            r"\log_{10}\,\text{error}", 0.0, decimals=2, size=PANEL_SIZE, color=theme.ACCENT
        )
        with self.beat(
            "The best step sits at the bottom of the V, h of ten to the minus "
            "eight, roughly the square root of machine epsilon; its error is about "
            "three in a billion."
        ):
            self.play(plot.mark_minimum())
            best = plot.minimum_shown()
            h_read.set(float(np.log10(best[0])))
            e_read.set(float(np.log10(best[1])))
            self.play(self.panel.grow(h_read, e_read))
            loop_errors = {
                float(f"1e-{k}"): forward_difference_error_loop(float(f"1e-{k}"))
                for k in range(1, 16)
            }
            h_best = min(loop_errors, key=loop_errors.get)
            self.checkpoint("h_min_drawn", best[0], expected=h_best, tol=1e-20)
            self.checkpoint("error_min_drawn", best[1], expected=loop_errors[h_best], tol=1e-18)
            self.checkpoint("log10_h_min_readout", h_read.value, expected=math.log10(h_best))
            self.checkpoint(
                "log10_error_min_readout", e_read.value, expected=math.log10(loop_errors[h_best])
            )


SCENES = [Approximation]
