"""2.3 Polynomials: a cubic built term by term, its roots, and fits of degree 1, 3 and 9.

x³ − 6x² + 11x − 6 grows one term at a time on tall axes (each term blends in, so every
height moves straight to its new value); the constant drags the point where the curve meets
the vertical axis down to −6. A vertical zoom into the band around zero shows the three
crossings, marked as dots at 1, 2 and 3, and the factored form (x − 1)(x − 2)(x − 3); a dot
sliding along the curve carries its value.

Then ten noisy samples of sin(2πx/10) (seeded), fitted by least squares with degree 1, 3 and
9: the curve morphs from one fit to the next with the residual segments attached, and the
training error (the mean square of the drawn segments) falls to 0.096 and then to zero,
while the degree-9 curve swings off the plot between the points. Nine fresh samples show
the price: degree 9 misses them badly, and morphing back to degree 3 brings their error down.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import cast

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    Circumscribe,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    ShowPassingFlash,
    Succession,
    VGroup,
    VMobject,
    Write,
)

from mathviz import theme
from mathviz.maths.polynomials import fit, jittered_grid, noisy_samples, partial_sums
from mathviz.primitives.plots import number_edges
from mathviz.primitives.polynomial_fit import FitPlot, PolynomialCurve, RootDots
from mathviz.primitives.readout import Readout, coords
from mathviz.readings import derived
from mathviz.scene import LectureScene

#: x³ − 6x² + 11x − 6, coefficients in increasing powers
CUBIC = np.array([-6.0, 11.0, -6.0, 1.0])
X = sp.symbols("x")
CUBIC_EXPR = X**3 - 6 * X**2 + 11 * X - 6
#: the cubic from its formula (sympy), apart from the drawing's Horner evaluation
sympy_cubic = cast(Callable[[float], float], sp.lambdify(X, CUBIC_EXPR, "math"))
#: the sliding dot's journey
SLIDE_FROM, SLIDE_TO = 0.6, 3.4

#: the data: ten points in [0, 10], jittered by up to 0.3, from sin(2πx/10) plus noise 0.25
SEED, N_POINTS, JITTER, NOISE = 14, 10, 0.3, 0.25
FRESH_X = np.arange(1.0, 10.0)
DEGREES = (1, 3, 9)

#: where the plots sit: the left part of the frame; the panel takes the right
CUBIC_ORIGIN = np.array([-6.2, -0.15, 0.0])
FIT_CORNER = np.array([-6.2, -3.2, 0.0])
PANEL_LEFT = 1.45
PANEL_LEFT_FIT = 2.3
SIZE = 44
FORMULA_SIZE = 44
#: the panel row for p(0) and, later, the roots
ROW_Y = 0.6


def truth(x: np.ndarray) -> np.ndarray:
    """The smooth curve behind the data."""
    return np.sin(2 * np.pi * np.asarray(x, dtype=float) / 10)


def lstsq_error(
    x: np.ndarray, y: np.ndarray, degree: int, at: tuple[np.ndarray, np.ndarray] | None = None
) -> float:
    """Mean squared error of the degree-``degree`` least-squares polynomial, solved with
    ``numpy.linalg.lstsq`` on the Vandermonde matrix (the drawing uses numpy.polynomial's
    scaled fit); on ``at = (x, y)`` if given, else on the training data. With as many
    coefficients as distinct points (full rank) the polynomial interpolates: the training
    error is exactly zero."""
    vander = np.vander(x, degree + 1)
    if at is None and np.linalg.matrix_rank(vander) == len(x):
        return 0.0
    w = np.linalg.lstsq(vander, y, rcond=None)[0]
    ex, ey = at if at is not None else (x, y)
    return float(np.mean((np.vander(ex, degree + 1) @ w - ey) ** 2))


def cubic_axes(y_max: int, step: int) -> Axes:
    axes = Axes(
        x_range=(0, 4, 1),
        y_range=(-y_max, y_max, step),
        x_length=7.0,
        y_length=6.2,
        axis_config={"color": theme.MUTED, "include_numbers": True, "font_size": 24},
        tips=False,
    )
    axes.shift(CUBIC_ORIGIN - axes.c2p(0, 0))
    return number_edges(axes)


class Polynomials(LectureScene):
    chapter_id = "2.3"

    def construct(self) -> None:
        self.open_chapter("Polynomials can bend to fit almost anything, and that is the danger.")
        self.build_beats()
        self.root_beats()
        self.play(FadeOut(*self.mobjects), run_time=0.7)
        self.data_beat()
        self.fit_beats()
        self.close_chapter(
            "Judge a fit by its error on data it has not seen.",
            "More coefficients always lower the training error; only new data tells you "
            "whether a curve learned the pattern or the noise. Next, exponentials and "
            "logarithms.",
        )

    # --- the cubic, term by term ------------------------------------------------------------
    def build_beats(self) -> None:
        tall = cubic_axes(8, 4)
        self.tall = tall
        sums = partial_sums(CUBIC)
        curve = PolynomialCurve(tall, sums[0])
        self.curve = curve
        formula = theme.tex(r"p(x) =", "x^3", "- 6x^2", "+ 11x", "- 6", size=FORMULA_SIZE)
        terms: list[VMobject] = list(formula)
        formula.move_to(np.array([PANEL_LEFT, 2.9, 0.0]), aligned_edge=LEFT)
        self.declare_shown(formula, "the brief's cubic, typed")
        self.formula = formula
        with self.beat(
            "Build it one term at a time. Start with x cubed, a steep climb; then subtract "
            "six x squared, and the curve bends down."
        ) as b:
            self.play(Create(tall), Write(terms[0]), run_time=0.35 * b.sentence(0))
            b.say(0, curve.create(), Write(terms[1]))
            b.say(1, curve.morph_to(sums[1]), Write(terms[2]))
        intercept = curve.follower_dot(0.0, color=theme.BIAS)
        at_zero = Readout("p(0)", 0.0, decimals=0, size=SIZE, color=theme.BIAS)
        at_zero.move_to(np.array([PANEL_LEFT, ROW_Y, 0.0]), aligned_edge=LEFT)
        at_zero.follow(lambda: coords(tall, intercept)[1])
        self.intercept, self.at_zero = intercept, at_zero
        with (
            self.invariant(
                "the intercept dot rides the curve",
                lambda: (coords(tall, intercept)[1], curve.height_shown(0.0)),
                tol=1e-9,
            ),
            self.invariant(
                "p(0) readout is the intercept dot's height",
                lambda: (at_zero.value, coords(tall, intercept)[1]),
            ),
            self.beat(
                "Adding eleven x lifts it into a hump and a dip. The constant, minus six, "
                "slides the whole curve down by six: it now meets the vertical axis at "
                "minus six."
            ) as b,
        ):
            self.play(FadeIn(intercept, scale=2.0), FadeIn(at_zero), run_time=0.5)
            b.say(0, curve.morph_to(sums[2]), Write(terms[3]))
            b.say(1, curve.morph_to(sums[3]), Write(terms[4]))
            self.checkpoint(
                "intercept_dot", coords(tall, intercept), expected=[0.0, sympy_cubic(0.0)], tol=1e-9
            )
            self.checkpoint("p(0)_readout", at_zero.value, expected=sympy_cubic(0.0))
            self.checkpoint(
                "cubic_at_4",
                curve.height_shown(4.0),
                expected=float(CUBIC_EXPR.subs(X, 4)),
                tol=1e-9,
            )
        intercept.clear_updaters()
        at_zero.stop_following()

    def root_beats(self) -> None:
        curve, tall = self.curve, self.tall
        short = cubic_axes(2, 1)
        roots = RootDots(short, CUBIC)
        sympy_roots = sorted(float(r) for r in sp.real_roots(sp.Poly(CUBIC_EXPR, X)))
        with self.beat(
            "Zoom in on the band around zero. The curve crosses the axis three times, at "
            "one, two and three: those crossings are its roots."
        ) as b:
            zoom = curve.zoom_to(short)
            self.add(short.y_axis.numbers)
            b.say(0, zoom, FadeOut(self.intercept), FadeOut(self.at_zero))
            self.remove(tall, short.y_axis.numbers)
            self.bring_to_back(short)
            curve.settle_axes(short)
            readouts = [
                Readout(f"x_{i + 1}", 0, decimals=0, size=SIZE, color=theme.ACCENT)
                for i in range(3)
            ]
            for label, root in zip(readouts, roots.roots_shown(), strict=True):
                label.set(root)  # what the dots show, read through the axes
            labels = VGroup(*readouts).arrange(RIGHT, buff=0.5)
            labels.move_to(np.array([PANEL_LEFT, ROW_Y, 0.0]), aligned_edge=LEFT)
            self.root_labels = labels
            b.say(1, roots.create(), FadeIn(labels, lag_ratio=0.5))
            self.checkpoint(
                "root_readouts",
                [label.value for label in readouts],
                expected=sympy_roots,
            )
            self.checkpoint("roots_from_dots", roots.roots_shown(), expected=sympy_roots, tol=1e-9)
            self.checkpoint(
                "curve_height_at_root_dots",
                [curve.height_shown(float(r)) for r in roots.roots_shown()],
                expected=[0.0, 0.0, 0.0],
                tol=1e-9,
            )
        factored = theme.tex("=", "(x - 1)", "(x - 2)", "(x - 3)", size=FORMULA_SIZE)
        factored.next_to(self.formula, DOWN, buff=0.5, aligned_edge=LEFT).shift(0.45 * RIGHT)
        self.declare_shown(factored, "the cubic's factored form, typed")
        with self.beat(
            "Every root gives a factor, so the same cubic is x minus one, times x minus two, "
            "times x minus three. Put in any root and one factor is zero, so the product is "
            "zero."
        ) as b:
            b.say(0, Write(factored))
            b.say(
                1,
                Succession(
                    *(
                        Succession(
                            Indicate(factored[i + 1], color=theme.ACCENT, scale_factor=1.1),
                            Indicate(roots[i], scale_factor=1.8),
                            Indicate(self.root_labels[i], scale_factor=1.1),
                        )
                        for i in range(3)
                    )
                ),
            )
        self.slide_beat(short, curve)

    def slide_beat(self, axes: Axes, curve: PolynomialCurve) -> None:
        dot = curve.dot_at(SLIDE_FROM, color=theme.VECTOR_SUM)
        x_read = Readout("x", SLIDE_FROM, decimals=1, size=SIZE)
        p_read = Readout("p(x)", 0.0, decimals=2, size=SIZE, color=theme.VECTOR_SUM)
        panel = VGroup(x_read, p_read).arrange(DOWN, aligned_edge=LEFT, buff=0.55)
        panel.move_to(np.array([PANEL_LEFT, ROW_Y - 1.3, 0.0]), aligned_edge=UP + LEFT)

        def x_of_dot() -> float:
            return float(coords(axes, dot)[0])

        x_read.follow(x_of_dot)
        p_read.follow(lambda: coords(axes, dot)[1])
        with (
            self.invariant("x readout is the dot's x", lambda: (x_read.value, x_of_dot())),
            self.invariant(
                "p(x) readout is the cubic at the dot's x",
                lambda: (p_read.value, sympy_cubic(x_of_dot())),
            ),
            self.beat(
                "Slide a point along the curve and read its value: below zero before one, "
                "above it between one and two, below again, and above after three. At 3.4 "
                "the cubic is 1.34."
            ) as b,
        ):
            self.play(FadeIn(dot, scale=2.0), FadeIn(panel), run_time=0.6)
            b.say(0, curve.slide(dot, SLIDE_TO))
            b.say(1, Circumscribe(p_read, color=theme.ACCENT))
            self.checkpoint("slide_x_readout", x_read.value, expected=SLIDE_TO)
            self.checkpoint("slide_p_readout", p_read.value, expected=sympy_cubic(SLIDE_TO))
            self.checkpoint(
                "slide_dot", coords(axes, dot), expected=[SLIDE_TO, sympy_cubic(SLIDE_TO)], tol=1e-9
            )

    # --- fits -------------------------------------------------------------------------------
    def data_beat(self) -> None:
        rng = np.random.default_rng(SEED)
        x = jittered_grid(N_POINTS, 0.0, 10.0, JITTER, rng)
        y = noisy_samples(truth, x, NOISE, rng)
        fresh_y = noisy_samples(truth, FRESH_X, NOISE, rng)
        self.data = (x, y, fresh_y)
        axes = Axes(
            x_range=(0, 10, 1),
            y_range=(-4, 4, 1),
            x_length=8.0,
            y_length=6.2,
            axis_config={"color": theme.MUTED, "include_numbers": True, "font_size": 24},
            tips=False,
        )
        axes.shift(FIT_CORNER - axes.c2p(0, -4))
        number_edges(axes)
        self.fit_axes = axes
        plot = FitPlot(axes, x, y, truth, fresh_x=FRESH_X, fresh_y=fresh_y)
        self.plot = plot
        model = theme.tex(r"\hat y = w_0 + w_1 x + \cdots + w_d x^d", size=36)
        model.move_to(np.array([PANEL_LEFT_FIT, 2.9, 0.0]), aligned_edge=LEFT)
        legend = plot.legend()
        legend.move_to(np.array([PANEL_LEFT_FIT, -3.1, 0.0]), aligned_edge=DOWN + LEFT)
        self.model, self.legend = model, legend
        with self.beat(
            "Now a practical question. Ten measurements come from a smooth curve plus random "
            "noise: which polynomial should we fit to them?"
        ) as b:
            b.say(0, Create(axes), plot.draw_truth(), FadeIn(legend[0]))
            b.say(1, plot.sample(), FadeIn(legend[1]), Write(model))
            self.checkpoint("points_drawn", plot.points_drawn(), expected=N_POINTS)
            self.checkpoint(
                "points_shown",
                plot.points_shown().ravel(),
                expected=np.column_stack([x, y]).ravel().tolist(),
                tol=1e-9,
            )

    def fit_beats(self) -> None:
        plot = self.plot
        x, y, fresh_y = self.data
        fits = {d: fit(x, y, d) for d in DEGREES}
        degree = Readout(r"\text{degree } d", 1, decimals=0, size=SIZE)
        train = Readout(r"\text{training error}", 0.0, size=SIZE, color=theme.BAD)
        fresh = Readout(r"\text{new-data error}", 0.0, size=SIZE, color=theme.GOOD)
        panel = VGroup(degree, train, fresh).arrange(DOWN, aligned_edge=LEFT, buff=0.45)
        panel.next_to(self.model, DOWN, buff=0.6, aligned_edge=LEFT)
        legend = self.legend
        train.follow(plot.training_error_shown)
        held = contextlib.ExitStack()
        with self.beat(
            "A straight line, degree one, cannot follow the wave. The red segments are its "
            "residuals, and their mean square, the training error, is 0.261."
        ) as b:
            b.say(0, plot.show_fit(fits[1].coefficients), FadeIn(degree))
            self.play(plot.show_residuals(), FadeIn(legend[2]), run_time=0.6 * b.sentence(1))
            b.say(1, FadeIn(train, shift=0.2 * UP))
            held.enter_context(
                self.invariant(
                    "training error readout is the mean square of the drawn residuals",
                    lambda: (train.value, plot.training_error_shown()),
                )
            )
            self.check_fit("1", degree, train, x, y, 1)
        with held:
            with self.beat("Degree three bends with the data, and the error falls to 0.096.") as b:
                b.say(0, plot.morph_to(fits[3].coefficients), degree.step_to(3))
                self.check_fit("3", degree, train, x, y, 3)
            with self.beat(
                "Degree nine has ten coefficients for ten points, so it passes through every "
                "one of them and the training error drops to zero. Between the points it "
                "swings wildly, right off the plot."
            ) as b:
                b.say(0, plot.morph_to(fits[9].coefficients), degree.step_to(9))
                flash = plot.curve.copy().set_stroke(color=theme.ACCENT, width=8)
                b.say(1, ShowPassingFlash(flash, time_width=0.4))
                self.check_fit("9", degree, train, x, y, 9)
                self.checkpoint(
                    "degree_9_max_distance_to_points",
                    plot.max_distance_shown(),
                    expected=0.0,
                    tol=1e-6,
                )
            fresh.follow(plot.fresh_error_shown)
            with self.beat(
                "That is overfitting. On nine fresh points from the same source, degree "
                "nine's error jumps to 1.374."
            ) as b:
                b.say(0, Circumscribe(train, color=theme.ACCENT))
                self.play(plot.add_fresh(), FadeIn(legend[3]), run_time=0.7 * b.sentence(1))
                b.say(1, FadeIn(fresh, shift=0.2 * UP))
                held.enter_context(
                    self.invariant(
                        "new-data error readout is the mean square of the drawn fresh residuals",
                        lambda: (fresh.value, plot.fresh_error_shown()),
                    )
                )
                self.checkpoint(
                    "fresh_error_degree_9",
                    fresh.value,
                    expected=lstsq_error(x, y, 9, at=(FRESH_X, fresh_y)),
                )
            with self.beat(
                "Step back to degree three: its training error rises to 0.096, but the error "
                "on new points falls to 0.047. That is the number that matters."
            ) as b:
                b.say(0, plot.morph_to(fits[3].coefficients), degree.step_to(3))
                b.say(1, Circumscribe(fresh, color=theme.ACCENT))
                self.checkpoint(
                    "fresh_error_degree_3",
                    fresh.value,
                    expected=lstsq_error(x, y, 3, at=(FRESH_X, fresh_y)),
                )
                self.checkpoint(
                    "training_error_back_at_degree_3", train.value, expected=lstsq_error(x, y, 3)
                )

    def check_fit(
        self, tag: str, degree: Readout, train: Readout, x: np.ndarray, y: np.ndarray, d: int
    ) -> None:
        self.checkpoint(f"degree_readout_{tag}", degree.value, expected=d)
        self.checkpoint(f"training_error_degree_{tag}", train.value, expected=lstsq_error(x, y, d))
        residuals = self.plot.residuals_shown()
        self.checkpoint(
            f"residual_sum_of_squares_degree_{tag}",
            derived("sum of the drawn residuals squared", float(np.sum(residuals**2)), residuals),
            expected=len(x) * lstsq_error(x, y, d),
            tol=1e-6,
        )


SCENES = [Polynomials]
