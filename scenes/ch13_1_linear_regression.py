"""13.1 Linear Regression: the least-squares line from the normal equations, and gradient
descent on (w, b) arriving at the same line.

Six users of the course's recommender are six points: the stars each gave Arrival (x) and
Alien (y). A flat line at the average misses them all; its residuals are drawn and the mean of
their squares is the loss. Tilting the line lowers it. The six rows become the design matrix
X = [x 1], and XᵀX θ = Xᵀy is typeset with its numbers, [[75, 19], [19, 6]] θ = (75, 20),
solved (w = 70/89, b = 75/89) and the line snaps in. Then the loss over (w, b) is drawn as
contours, and gradient descent from (0, 0) with learning rate 0.05 walks it for 400 steps
while the line on the scatter turns with the dot, landing on the ghost of the exact line.
"""

from __future__ import annotations

import contextlib
from fractions import Fraction
from typing import Any, cast

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Create,
    Cross,
    DecimalNumber,
    FadeIn,
    FadeOut,
    Indicate,
    ManimColor,
    VGroup,
    Write,
)

from mathviz import theme
from mathviz.maths.descent import ScalarField, contour_lines
from mathviz.maths.recommender import TABLE, USERS
from mathviz.maths.regression import MseLandscape, descend, normal_equations, rating_pairs
from mathviz.primitives.calculus import function_axes
from mathviz.primitives.descent import ContourMap
from mathviz.primitives.matrices import MatrixGrid
from mathviz.primitives.readout import Readout, coords
from mathviz.primitives.regression import DescentWalker, RegressionPlot
from mathviz.readings import derived, printed
from mathviz.scene import LectureScene
from mathviz.theme import at

FEATURE, TARGET = "Arrival", "Alien"
#: the candidate line tilted by hand, before the exact one
TILT = (0.5, 1.5)
#: gradient descent: start, learning rate, steps (the valley is narrow: many steps)
START, LR, STEPS, FIRST_STEPS = (0.0, 0.0), 0.05, 400, 6
#: the loss map's window and rings
W_RANGE, B_RANGE = (-0.5, 1.5, 0.5), (-0.5, 2.0, 0.5)
LEVELS = (0.72, 0.8, 1.0, 1.4, 2.0, 3.0, 4.5, 7.0, 10.0)
TOL = 1e-6
ZERO = [0.0, 0.0]
LINE, EXACT, RESIDUAL = theme.CURVE, theme.GOOD, theme.BAD
W_COLOR, B_COLOR = theme.GRADIENT, theme.BIAS


# --- independent routes to the expected values (plain Python and fractions) -----------------
def _columns() -> tuple[list[Fraction], list[Fraction]]:
    """Each user's two ratings, read from the recommender's table by title position."""
    i, j = 1, 0  # Arrival, Alien in the table's column order
    return [Fraction(TABLE[u][i]) for u in USERS], [Fraction(TABLE[u][j]) for u in USERS]


def loop_sums() -> dict[str, Fraction]:
    """Σx², Σx, n, Σxy, Σy, Σy² by a plain loop over the users."""
    xs, ys = _columns()
    out = dict.fromkeys(("xx", "x", "n", "xy", "y", "yy"), Fraction(0))
    for x, y in zip(xs, ys, strict=True):
        out["xx"] += x * x
        out["x"] += x
        out["n"] += 1
        out["xy"] += x * y
        out["y"] += y
        out["yy"] += y * y
    return out


def loss_from_sums(w: float, b: float) -> float:
    """MSE(w, b) expanded through the sums: (w²Σx² + 2wbΣx + nb² − 2wΣxy − 2bΣy + Σy²)/n."""
    s = {k: float(v) for k, v in loop_sums().items()}
    total = (
        w * w * s["xx"] + 2 * w * b * s["x"] + s["n"] * b * b
        - 2 * w * s["xy"] - 2 * b * s["y"] + s["yy"]
    )  # fmt: skip
    return total / s["n"]


def centred_fit() -> tuple[float, float]:
    """w = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², b = ȳ − w x̄, in fractions."""
    xs, ys = _columns()
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    w = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )
    return float(w), float(my - w * mx)


def loop_descent(steps: int) -> tuple[float, float]:
    """Gradient descent on (w, b) written out as a loop over the users."""
    xs, ys = (list(map(float, c)) for c in _columns())
    w, b = START
    n = len(xs)
    for _ in range(steps):
        gw = sum(2 * (w * x + b - y) * x for x, y in zip(xs, ys, strict=True)) / n
        gb = sum(2 * (w * x + b - y) for x, y in zip(xs, ys, strict=True)) / n
        w, b = w - LR * gw, b - LR * gb
    return w, b


def gap(how: str, shown: Any, other: Any) -> Any:
    """Two readings of the same pair of numbers, subtracted (zero when the drawings agree)."""
    return derived(how, np.subtract(shown, other), shown, other)


def approx_row(
    symbol: str, fraction: str, value: float, color: ManimColor
) -> tuple[VGroup, DecimalNumber]:
    """``w = 70/89 ≈ 0.79``: the fraction typeset, the decimal a readable number."""
    head = theme.tex(symbol, "=", fraction, r"\approx", size=40)
    head[0].set_color(color)
    number = DecimalNumber(value, num_decimal_places=2, font_size=40, color=color)
    number.next_to(head, RIGHT, buff=0.2)
    return VGroup(head, number), number


class LinearRegression(LectureScene):
    chapter_id = "13.1"

    def construct(self) -> None:
        self.open_chapter("Does liking Arrival predict liking Alien? Let's fit a line.")
        self.data = rating_pairs(FEATURE, TARGET)
        self.landscape = MseLandscape.of(self.data.x, self.data.y)
        self.scatter_beat()
        with contextlib.ExitStack() as held:
            self.candidate_beats(held)
            self.normal_equation_beats()
            self.descent_beats()
        self.close_chapter(
            "One line, two routes: solve XᵀX w = Xᵀy, or descend the loss.",
            "A few parameters: solve the equations. Millions: follow the gradient. "
            "Next, logistic regression.",
        )

    # --- the points -----------------------------------------------------------------------
    def scatter_beat(self) -> None:
        axes = function_axes((0, 6, 1), (0, 6, 1), x_length=5.4, y_length=5.4, backed_labels=True)
        axes.shift(at(-6.0, -3.05) - axes.c2p(0, 0))
        x_label = theme.text(f"{FEATURE} ★", size=theme.LABEL_SIZE, color=theme.MUTED)
        x_label.next_to(axes.c2p(6, 0), DOWN, buff=0.45).align_to(axes.c2p(6, 0), RIGHT)
        y_label = theme.text(f"{TARGET} ★", size=theme.LABEL_SIZE, color=theme.MUTED)
        y_label.next_to(axes.c2p(0, 6), RIGHT, buff=0.3)
        plot = RegressionPlot(axes, self.data.x, self.data.y, w=0.0, b=float(self.data.y.mean()))
        names = VGroup(
            *(theme.text(u, size=theme.LABEL_SIZE, color=theme.MUTED) for u in self.data.users)
        )
        design = MatrixGrid([[x, 1] for x in self.data.x], decimals=0, font_size=34, name="X")
        target = MatrixGrid([[y] for y in self.data.y], decimals=0, font_size=34, name="y")
        VGroup(design, target).arrange(RIGHT, buff=0.9).move_to(at(4.4, -0.35))
        for name, i in zip(names, range(len(names)), strict=True):
            name.next_to(design.slot(i, 0), LEFT, buff=0.8).set_y(design.slot(i, 0)[1])
        heads = VGroup(
            theme.tex("X", size=44).next_to(design, UP, buff=0.3),
            theme.tex("y", size=44).next_to(target, UP, buff=0.3).align_to(design, UP),
        )
        heads[1].shift((heads[0].get_y() - heads[1].get_y()) * UP)
        self.axes, self.plot = axes, plot
        self.table = VGroup(names, design, target, heads)
        self.design, self.target = design, target
        with self.beat(
            "Each dot is one user of our movie recommender: the stars they gave Arrival "
            "along the bottom, and Alien up the side. On the right, the same six users "
            "are rows of numbers."
        ) as beat:
            self.add(plot.dots)
            beat.say(
                0,
                AnimationGroup(
                    AnimationGroup(Create(axes), FadeIn(x_label, y_label)),
                    plot.create_points(),
                    lag_ratio=0.45,
                ),
            )
            # each row arrives as its dot swells: the table and the scatter are one data set
            rows = [
                AnimationGroup(
                    FadeIn(VGroup(names[i], design.row(i), target.row(i))),
                    Indicate(plot.dots[i], scale_factor=1.6, color=theme.DOT),
                )
                for i in range(len(names))
            ]
            beat.say(
                1,
                AnimationGroup(
                    FadeIn(design.brackets, target.brackets, heads),
                    AnimationGroup(*rows, lag_ratio=0.6),
                    lag_ratio=0.15,
                ),
            )
            table = {u: TABLE[u] for u in USERS}
            self.checkpoint("points_drawn", plot.points_drawn(), expected=len(table))
            self.checkpoint(
                "points_at_ratings",
                plot.points_shown(),
                expected=[[float(table[u][1]), float(table[u][0])] for u in USERS],
                tol=TOL,
            )
            xs, ys = _columns()
            self.checkpoint(
                "design_matrix_entries",
                design.entries_printed(),
                expected=[float(v) for x in xs for v in (x, 1)],
            )
            self.checkpoint("target_entries", target.entries_printed(), expected=ys)

    # --- a candidate line, its residuals and loss -----------------------------------------
    def candidate_beats(self, held: contextlib.ExitStack) -> None:
        plot = self.plot
        model = theme.tex(r"\hat y", "=", "w", "x", "+", "b", size=44)
        model[2].set_color(W_COLOR)
        model[5].set_color(B_COLOR)
        model.move_to(at(-6.0, 3.35), aligned_edge=LEFT)
        mse = Readout(r"\text{MSE}", 0.0, decimals=2, color=RESIDUAL, size=40)
        mse.move_to(at(-2.9, 3.35), aligned_edge=LEFT)
        mse.follow(plot.mse_shown)
        sums = loop_sums()
        with self.beat(
            "A model predicts y hat equals w times x plus b, and the flat line at the average "
            "rating misses every point. The red gaps are its residuals; the mean of their "
            "squares, the loss, is 2.22."
        ) as beat:
            beat.say(0, Write(model), plot.create_line())
            beat.say(
                1,
                AnimationGroup(plot.show_residuals(), FadeIn(mse, shift=0.2 * DOWN), lag_ratio=1.0),
            )
            held.enter_context(
                self.invariant(
                    "MSE readout equals the mean squared drawn residual",
                    lambda: (mse.value, plot.mse_shown()),
                )
            )
            mean = sums["y"] / sums["n"]
            variance = sums["yy"] / sums["n"] - mean * mean
            xs, ys = _columns()
            self.checkpoint(
                "flat_line_residuals",
                plot.residuals_shown(),
                expected=[float(y - mean) for y in ys],
                tol=TOL,
            )
            self.checkpoint("flat_line_mse", mse.value, expected=float(variance))
        with self.beat(
            "Tilt the line up, and the residuals shrink as it turns; the loss falls with "
            "them. Which line makes it smallest?"
        ) as beat:
            beat.say(0, plot.move_line(*TILT, run_time=beat.sentence(0)))
            self.checkpoint("tilted_line", plot.line_shown(), expected=list(TILT), tol=TOL)
            self.checkpoint("tilted_mse", mse.value, expected=loss_from_sums(*TILT))
            beat.say(1, plot.pulse_points())
        self.model, self.mse = model, mse

    # --- the normal equations -------------------------------------------------------------
    def normal_equation_beats(self) -> None:
        plot, sums = self.plot, loop_sums()
        system = normal_equations(self.data.x, self.data.y)
        gram = MatrixGrid(
            [[float(v) for v in row] for row in system.gram],
            decimals=0,
            font_size=40,
            row_height=0.8,
            name="XtX",
        )
        theta = theme.tex(r"\begin{bmatrix} w \\ b \end{bmatrix}", size=40)
        theta.set_color_by_tex("w", W_COLOR)
        moment = MatrixGrid(
            [[float(v)] for v in system.moment],
            decimals=0,
            font_size=40,
            row_height=0.8,
            name="Xty",
        )
        equals = theme.tex("=", size=40)
        numbers = VGroup(gram, theta, equals, moment).arrange(RIGHT, buff=0.3)
        numbers.move_to(at(3.9, 0.9))
        symbolic = theme.tex(r"X^{\top}X", r"\begin{bmatrix} w \\ b \end{bmatrix}", "=",
                             r"X^{\top}y", size=40)  # fmt: skip
        symbolic.move_to(at(3.9, 2.85))
        w_exact, b_exact = system.solve()
        w_row, w_num = approx_row("w", r"\tfrac{70}{89}", float(w_exact), W_COLOR)
        b_row, b_num = approx_row("b", r"\tfrac{75}{89}", float(b_exact), B_COLOR)
        solution = VGroup(w_row, b_row).arrange(DOWN, aligned_edge=LEFT, buff=0.45)
        solution.move_to(at(3.9, -1.9))
        with self.beat(
            "Setting the gradient of the loss to zero gives the normal equations: X "
            "transpose X times w and b equals X transpose y. The six rows collapse into a "
            "two by two system: 75, 19, 19 and 6, with 75 and 20 on the right."
        ) as beat:
            beat.say(0, FadeOut(self.table[0], self.table[3]), Write(symbolic))
            beat.say(
                1,
                AnimationGroup(
                    FadeOut(VGroup(*self.table[1:3]), shift=0.8 * UP),
                    FadeIn(numbers, shift=0.8 * UP),
                    lag_ratio=0.35,
                ),
            )
            self.checkpoint(
                "gram_entries_typeset",
                gram.entries_printed(),
                expected=[float(sums[k]) for k in ("xx", "x", "x", "n")],
            )
            self.checkpoint(
                "moment_entries_typeset",
                moment.entries_printed(),
                expected=[float(sums["xy"]), float(sums["y"])],
            )
        w_fit, b_fit = centred_fit()
        with self.beat(
            "Solving it gives w equal to 70 over 89, about 0.79, and b about 0.84. The line "
            "swings onto that answer, and the loss drops to its minimum, 0.69."
        ) as beat:
            beat.say(0, AnimationGroup(Write(w_row), Write(b_row), lag_ratio=0.5))
            beat.say(1, plot.move_line(float(w_exact), float(b_exact), run_time=beat.sentence(1)))
            self.checkpoint("w_typeset", printed(w_num), expected=w_fit)
            self.checkpoint("b_typeset", printed(b_num), expected=b_fit)
            self.checkpoint("exact_line_through_axes", plot.line_shown(), expected=[w_fit, b_fit],
                            tol=TOL)  # fmt: skip
            residuals = plot.residuals_shown()
            xs, _ = _columns()
            self.checkpoint(
                "exact_residuals_orthogonal_to_X",
                derived(
                    "Σ r and Σ x r of the drawn residuals",
                    [float(np.sum(residuals)), float(np.dot([float(x) for x in xs], residuals))],
                    residuals,
                ),
                expected=[0.0, 0.0],
                tol=TOL,
            )
            self.checkpoint("min_mse", self.mse.value, expected=loss_from_sums(w_fit, b_fit))
        self.equations = VGroup(symbolic, numbers, solution)
        self.exact = (w_fit, b_fit)

    # --- gradient descent on the loss map -------------------------------------------------
    def descent_beats(self) -> None:
        plot = self.plot
        axes = function_axes(W_RANGE, B_RANGE, x_length=4.7, y_length=5.0, backed_labels=True)
        axes.shift(at(1.5, -3.05) - axes.c2p(W_RANGE[0], B_RANGE[0]))
        w_label = theme.tex("w", size=40, color=W_COLOR).next_to(axes.c2p(1.5, 0), RIGHT)
        b_label = theme.tex("b", size=40, color=B_COLOR).next_to(axes.c2p(0, 2.0), UP, buff=0.15)
        contours = ContourMap(
            axes, contour_lines(cast(ScalarField, self.landscape), LEVELS, W_RANGE[:2], B_RANGE[:2])
        )
        for ring in contours:  # one brighter blue than the default; inner rings the boldest
            shade = LEVELS.index(ring.level) / (len(LEVELS) - 1)
            ring.set_stroke(theme.AREA, width=3, opacity=1.0 - 0.45 * shade)

        best = Cross(scale_factor=0.14, stroke_color=EXACT, stroke_width=5)
        best.move_to(axes.c2p(*self.exact))
        ghost = plot.ghost(EXACT).set_z_index(1)  # over the moving line when it lands
        trace = descend(self.landscape, START, LR, STEPS)
        walker = DescentWalker(axes, trace, drive=plot)
        step = Readout("k", 0, decimals=0, size=36)
        w_read = Readout("w", 0.0, decimals=2, color=W_COLOR, size=36)
        b_read = Readout("b", 0.0, decimals=2, color=B_COLOR, size=36)
        # fixed slots, wide enough for k = 400: no readout pushes its neighbour
        for readout, left in ((step, 1.0), (w_read, 3.0), (b_read, 5.1)):
            readout.move_to(at(left, 3.35), aligned_edge=LEFT)
        panel = VGroup(step, w_read, b_read)
        dot = walker.position_shown
        w_read.follow(lambda: dot()[0])
        b_read.follow(lambda: dot()[1])
        step.follow(walker.steps_taken)
        with self.beat(
            "Now search instead of solve. Every pair w, b is a point on this map of the loss; "
            "each ring is a level of equal loss, and the green cross is the answer we just "
            "solved for."
        ) as beat:
            beat.say(0, FadeOut(self.equations), Create(ghost))
            beat.say(
                1,
                AnimationGroup(
                    AnimationGroup(Create(axes), FadeIn(w_label, b_label)),
                    contours.create(),
                    Create(best),
                    lag_ratio=0.8,
                ),
            )
            self.checkpoint("cross_on_the_map", coords(axes, best), expected=self.exact, tol=TOL)
        with contextlib.ExitStack() as moving:
            with self.beat(
                "Gradient descent starts at w and b both zero, the line lying on the floor, "
                "and steps against the gradient with learning rate 0.05. The first steps "
                "overshoot across the narrow valley."
            ) as beat:
                beat.say(0, plot.move_line(*START), walker.appear(), FadeIn(panel))
                for name, read, tol in (
                    ("drawn line's (slope, intercept) is the dot's (w, b)",
                     lambda: (gap("line (slope, intercept) minus dot (w, b)", plot.line_shown(),
                                  dot()), ZERO), TOL),
                    ("w readout equals the dot's w", lambda: (w_read.value, dot()[0]), None),
                    ("b readout equals the dot's b", lambda: (b_read.value, dot()[1]), None),
                    ("MSE readout is the loss at the dot",
                     lambda: (self.mse.value, loss_from_sums(*dot())), None),
                    ("trail ends at the dot",
                     lambda: (gap("trail end minus dot", walker.trail_end_shown(), dot()), ZERO),
                     TOL),
                ):  # fmt: skip
                    moving.enter_context(self.invariant(name, read, tol=tol))
                self.checkpoint("start_mse", self.mse.value, expected=loss_from_sums(*START))
                beat.say(1, walker.walk_to(FIRST_STEPS, run_time=beat.sentence(1)))
                self.checkpoint("k_after_first_steps", step.value, expected=FIRST_STEPS)
                self.checkpoint(
                    "dot_after_first_steps", dot(), expected=loop_descent(FIRST_STEPS), tol=TOL
                )
            with self.beat(
                "Then it crawls along the valley floor, and the line on the left turns with "
                "the dot. After four hundred steps it lands on the ghost of the exact line: "
                "w 0.79, b 0.84, loss 0.69.",
                hold=0.5,
            ) as beat:
                # eased in: the early steps, which move the most, get the most time
                self.play(
                    walker.walk_to(
                        STEPS,
                        run_time=beat.sentence(0) + beat.sentence(1),
                        rate_func=lambda t: t * t,
                    )
                )
                final = loop_descent(STEPS)
                self.checkpoint("k_final", step.value, expected=STEPS)
                self.checkpoint("gd_dot_final", dot(), expected=list(final), tol=TOL)
                self.checkpoint("gd_line_final", plot.line_shown(), expected=list(final), tol=TOL)
                self.checkpoint("gd_w_readout", w_read.value, expected=self.exact[0])
                self.checkpoint("gd_b_readout", b_read.value, expected=self.exact[1])
                self.checkpoint("gd_mse_readout", self.mse.value, expected=loss_from_sums(*final))
                ghost_ends = coords(self.axes, np.array(ghost.get_start_and_end()))
                (x0, y0), (x1, y1) = ghost_ends
                ghost_slope = (y1 - y0) / (x1 - x0)
                self.checkpoint(
                    "gd_line_on_ghost",
                    derived(
                        "GD line's slope and intercept minus the ghost's",
                        np.subtract(plot.line_shown(), [ghost_slope, y0 - ghost_slope * x0]),
                        plot.line_shown(),
                        ghost_ends,
                    ),
                    expected=[0.0, 0.0],
                    tol=0.005,
                )


SCENES = [LinearRegression]
