"""12.3 Optimization in Practice: a warm-up + cosine schedule, gradient clipping, and an
ill-conditioned valley that makes gradient descent zig-zag.

Schedule: peak 0.1, 100 warm-up steps, cosine decay to 0 at step 1000. Clipping: max norm 2;
g₁ = (3, 4) (length 5) is rescaled to (1.2, 1.6), g₂ = (1.2, −0.9) (length 1.5) passes.
Valley: f = x² + 25y² from (−4.5, 1) with lr 0.036 — y flips sign every step (×−0.8) while x
creeps (×0.928).
"""

from __future__ import annotations

import contextlib
import math
from fractions import Fraction
from itertools import pairwise

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    Create,
    FadeIn,
    FadeOut,
    Mobject,
    NumberPlane,
    VGroup,
)

from mathviz import theme
from mathviz.maths.descent import QuadraticBowl, contour_lines, gradient_descent
from mathviz.maths.schedules import WarmupCosine
from mathviz.primitives.descent import ContourMap, GradientDescentPath
from mathviz.primitives.panel import Panel
from mathviz.primitives.plots import number_edges
from mathviz.primitives.readout import Readout, coords
from mathviz.primitives.training import ClipDisplay, SchedulePlot
from mathviz.readings import derived, printed_all
from mathviz.scene import LectureScene

PEAK, WARMUP, TOTAL = 0.1, 100, 1000
WARMUP_MARKS = (50, 100)
DECAY_MARKS = (325, 550, 1000)

MAX_NORM = 2
GRADIENTS = ((3, 4), (Fraction(6, 5), Fraction(-9, 10)))

BOWL = QuadraticBowl(a=1.0, b=25.0)
VALLEY_START, VALLEY_LR, VALLEY_STEPS = (-4.5, 1.0), 0.036, 20
VALLEY_LEVELS = (1.0, 4.0, 9.0, 16.0, 25.0)

SIZE = 32


# --- independent routes to the expected values ---------------------------------------------------
def schedule_by_hand(step: int) -> float:
    """The warm-up + cosine closed form, written out with math.cos."""
    if step < WARMUP:
        return PEAK * step / WARMUP
    progress = (step - WARMUP) / (TOTAL - WARMUP)
    return 0.5 * PEAK * (1.0 + math.cos(math.pi * progress))


def clipped_exact(g: tuple) -> list[float]:
    """``g · c / ‖g‖`` when ``‖g‖ > c`` with ‖g‖ from sympy's exact square root."""
    gx, gy = (sp.Rational(str(c)) for c in g)
    norm = sp.sqrt(gx**2 + gy**2)
    scale = sp.Integer(MAX_NORM) / norm if norm > MAX_NORM else sp.Integer(1)
    return [float(gx * scale), float(gy * scale)]


def decay_reaches_zero() -> float:
    """The step where the cosine decay written on screen, 0.05 (1 + cos π (s − 100)/900),
    first reaches zero on [100, ∞), solved by sympy."""
    s = sp.symbols("s", real=True)
    lr = sp.Rational(1, 20) * (1 + sp.cos(sp.pi * (s - 100) / 900))
    zeros = sp.solveset(sp.Eq(lr, 0), s, domain=sp.Interval(100, 2000))
    return float(min(zeros))


def unit_exact(g: tuple) -> list[float]:
    """``g / ‖g‖`` with ‖g‖ from sympy's exact square root."""
    gx, gy = (sp.Rational(str(c)) for c in g)
    norm = sp.sqrt(gx**2 + gy**2)
    return [float(gx / norm), float(gy / norm)]


def condition_number_of_written_loss() -> float:
    """κ of ``f = x² + 25y²`` as written on screen: sympy's Hessian of the formula, its
    eigenvalues by numpy, largest over smallest."""
    x, y = sp.symbols("x y")
    hessian = np.array(sp.hessian(x**2 + 25 * y**2, (x, y)), dtype=float)
    eigenvalues = np.linalg.eigvalsh(hessian)
    return float(eigenvalues[-1] / eigenvalues[0])


def valley_closed_form(k: int) -> np.ndarray:
    """Each coordinate of ``p ← p − lr (2x, 50y)`` shrinks by its own factor: (1 − 2 lr)^k,
    (1 − 50 lr)^k, in exact rational arithmetic."""
    lr = Fraction(str(VALLEY_LR))
    x0, y0 = (Fraction(str(v)) for v in VALLEY_START)
    return np.array([float(x0 * (1 - 2 * lr) ** k), float(y0 * (1 - 50 * lr) ** k)])


class OptimizationInPractice(LectureScene):
    chapter_id = "12.3"

    def construct(self) -> None:
        self.open_chapter(
            "Textbook gradient descent needs three fixes before it trains a real network: "
            "a learning rate that changes over time, a cap on wild gradients, and respect "
            "for badly shaped valleys."
        )
        self.panel = Panel(corner=UP + RIGHT)
        self.schedule_beats()
        self.clipping_beats()
        self.valley_beats()
        self.close_chapter(
            "Schedule the rate, clip the gradient, mind the conditioning.",
            "These three knobs sit in every modern training config, right next to the "
            "optimizer. Next, linear regression, where they meet a real model.",
        )

    # ------------------------------------------------------------------------------------
    def schedule_beats(self) -> None:
        schedule = WarmupCosine(peak=PEAK, warmup_steps=WARMUP, total_steps=TOTAL)
        plot = SchedulePlot(schedule, x_length=7.2, y_length=4.9, size=SIZE)
        plot.to_edge(LEFT, buff=0.5).shift(0.2 * DOWN)
        x_label = theme.text("step", size=theme.LABEL_SIZE, color=theme.MUTED)
        x_label.next_to(plot.axes.x_axis, RIGHT, buff=0.35)
        y_label = theme.text("learning rate", size=theme.LABEL_SIZE, color=theme.MUTED)
        y_label.next_to(plot.axes.y_axis, UP, buff=0.2).align_to(plot.axes.y_axis, LEFT)
        warm = theme.tex(r"s<100:\ \mathrm{lr}=0.1\,\tfrac{s}{100}", size=SIZE)
        decay = theme.tex(
            r"s\ge 100:\ \mathrm{lr}=0.05\,\big(1+\cos\pi\tfrac{s-100}{900}\big)", size=SIZE
        )
        for formula in (warm, decay):
            self.declare_shown(
                formula,
                "the schedule's definition from the brief (peak 0.1, "
                "100 warm-up steps, cosine to step 1000)",
            )
        with contextlib.ExitStack() as following:
            self._schedule_story(plot, warm, decay, x_label, y_label, following)
        self.play(FadeOut(VGroup(plot, x_label, y_label)), self.panel.hide(), run_time=0.8)

    def _schedule_story(
        self,
        plot: SchedulePlot,
        warm: Mobject,
        decay: Mobject,
        x_label: Mobject,
        y_label: Mobject,
        following: contextlib.ExitStack,
    ) -> None:
        """The three schedule beats: the curve, the warm-up marks, the cosine marks. Once the
        axes are drawn, ``following`` holds the invariants that the readouts show where the
        dot is, read through the axes, at every moment until the schedule is put away."""
        with self.beat(
            "Large models rarely train with one fixed learning rate. A common "
            "schedule warms up in a straight line for 100 steps, then glides down "
            "half a cosine to zero at step 1000."
        ):
            self.play(plot.create(), FadeIn(x_label), FadeIn(y_label))
            following.enter_context(
                self.invariant(
                    "step_readout_reads_dot", lambda: (plot.step_readout.value, plot.step_shown())
                )
            )
            following.enter_context(
                self.invariant(
                    "lr_readout_reads_dot", lambda: (plot.lr_readout.value, plot.lr_shown())
                )
            )
            self.play(self.panel.show(warm, decay, plot.step_readout, plot.lr_readout))
        with self.beat(
            "During warm-up the rate climbs linearly: 0.05 at step 50, the peak of "
            "0.1 at step 100. Small first steps keep noisy early gradients from "
            "flinging freshly initialised weights far away."
        ):
            for step in WARMUP_MARKS:
                self.play(plot.run_to(step, run_time=1.6))
                self.play(plot.mark())
                self.checkpoint(
                    f"lr_at_step_{step}", plot.lr_shown(), expected=schedule_by_hand(step), tol=1e-6
                )
                self.checkpoint(
                    f"lr_readout_at_step_{step}",
                    plot.lr_readout.value,
                    expected=schedule_by_hand(step),
                )
        with self.beat(
            "Then the cosine takes over: flat at first, steepest in the middle, "
            "gentle at the end. At step 550, halfway through the decay, the rate is "
            "back at 0.05, and it reaches zero exactly at step 1000."
        ):
            for step in DECAY_MARKS:
                self.play(plot.run_to(step, run_time=1.8))
                self.play(plot.mark())
                self.checkpoint(
                    f"lr_at_step_{step}", plot.lr_shown(), expected=schedule_by_hand(step), tol=1e-6
                )
                self.checkpoint(
                    f"lr_readout_at_step_{step}",
                    plot.lr_readout.value,
                    expected=schedule_by_hand(step),
                )
            self.checkpoint(
                "step_readout_at_end", plot.step_readout.value, expected=decay_reaches_zero()
            )

    # ------------------------------------------------------------------------------------
    def clipping_beats(self) -> None:
        plane = NumberPlane(
            x_range=(-2.5, 4.5, 1),
            y_range=(-2.5, 4.5, 1),
            x_length=5.9,
            y_length=5.9,
            background_line_style={"stroke_color": theme.GRID, "stroke_opacity": 0.6},
        )
        plane.to_edge(LEFT, buff=1.0).shift(0.1 * DOWN)
        gradients = np.array([[float(c) for c in g] for g in GRADIENTS])
        display = ClipDisplay(
            plane, gradients, MAX_NORM, colors=(theme.GRADIENT, theme.GOOD), size=SIZE
        )
        rule = theme.tex(r"g \leftarrow g\cdot\min\!\Big(1,\ \frac{c}{\|g\|}\Big)", size=36)
        c_row = theme.tex(r"c = 2", size=SIZE, color=theme.NORM_L2)

        def drawn_vector(index: int) -> tuple[np.ndarray, list]:
            """Tip minus tail of arrow ``index``, and the two readings it comes from."""
            arrow = display.arrows[index]
            tip, tail = coords(plane, arrow.get_end()), coords(plane, arrow.get_start())
            return tip - tail, [tip, tail]

        def drawn_lengths():
            vectors = [drawn_vector(i) for i in range(len(display.arrows))]
            return derived(
                "length of each drawn arrow (tip − tail)",
                [float(np.linalg.norm(v)) for v, _ in vectors],
                *(r for _, readings in vectors for r in readings),
            )

        def drawn_direction(index: int):
            vector, readings = drawn_vector(index)
            return derived(
                "unit direction of the drawn arrow (tip − tail)",
                vector / float(np.linalg.norm(vector)),
                *readings,
            )

        with self.beat(
            "One bad batch can produce a gradient a hundred times too large, and "
            "a single step along it undoes hours of training. Clipping caps the "
            "gradient's length at a maximum norm c, here two: the blue circle."
        ):
            self.play(Create(plane), run_time=1.0)
            self.play(display.create())
            self.play(self.panel.show(rule, c_row, *display.norm_readouts))
            self.checkpoint(
                "max_norm_circle_radius", display.radius_shown(), expected=MAX_NORM, tol=1e-6
            )
            self.checkpoint(
                "norms_before_clip",
                display.norms_shown(),
                expected=[
                    float(sp.sqrt(sum(sp.Rational(str(c)) ** 2 for c in g))) for g in GRADIENTS
                ],
            )
        with (
            self.beat(
                "The gradient of length five shrinks along its own direction onto the "
                "circle, landing at 1.2, 1.6: same direction, length two. The short one "
                "is already inside and passes through untouched.",
                hold=0.4,
            ),
            self.invariant(
                "clipped_arrow_keeps_direction",
                lambda: (drawn_direction(0), unit_exact(GRADIENTS[0])),
                tol=1e-6,
            ),
            self.invariant(
                "norm_readouts_read_arrows", lambda: (display.norms_shown(), drawn_lengths())
            ),
        ):
            self.play(display.clip(run_time=2.0))
            self.checkpoint(
                "clipped_tip_g1",
                display.tip_shown(0),
                expected=clipped_exact(GRADIENTS[0]),
                tol=1e-6,
            )
            self.checkpoint(
                "untouched_tip_g2",
                display.tip_shown(1),
                expected=clipped_exact(GRADIENTS[1]),
                tol=1e-6,
            )
            self.checkpoint("norms_after_clip", display.norms_shown(), expected=[MAX_NORM, 1.5])
            self.checkpoint(
                "clipped_direction_g1",
                drawn_direction(0),
                expected=unit_exact(GRADIENTS[0]),
                tol=1e-6,
            )
        self.play(FadeOut(VGroup(plane, display)), self.panel.hide(), run_time=0.8)

    # ------------------------------------------------------------------------------------
    def valley_beats(self) -> None:
        axes = Axes(
            x_range=(-5, 5, 1),
            y_range=(-1.5, 1.5, 0.5),
            x_length=7.6,
            y_length=4.4,
            axis_config={"color": theme.MUTED, "font_size": 22},
            tips=False,
        )
        # numbered along the plot's edges: on the axes through the middle the outer contour
        # (y = ±1 at x = 0) and the zig-zag would run through the numbers
        number_edges(axes, y_decimals=1)
        axes.to_edge(LEFT, buff=0.5).shift(0.3 * DOWN)
        contours = ContourMap(axes, contour_lines(BOWL, VALLEY_LEVELS, (-5, 5), (-1.5, 1.5)))
        trace = gradient_descent(BOWL, BOWL.gradient, VALLEY_START, VALLEY_LR, VALLEY_STEPS)
        k_read = Readout("k", 0, decimals=0, size=SIZE)
        x_read = Readout("x", 0.0, decimals=3, size=SIZE)
        y_read = Readout("y", 0.0, decimals=3, size=SIZE)
        path = GradientDescentPath(
            axes,
            trace,
            readouts=[
                (k_read, list(range(VALLEY_STEPS + 1))),
                (x_read, trace.points[:, 0]),
                (y_read, trace.points[:, 1]),
            ],
        )
        formula = theme.tex(r"f = x^2 + 25y^2", size=36)
        hessian = theme.tex(r"H = \begin{bmatrix}2 & 0\\ 0 & 50\end{bmatrix}", size=SIZE)
        # the bowl's Hessian from its own gradient (exact for a quadratic), eigenvalues by numpy
        hessian_of_bowl = np.column_stack(
            [BOWL.gradient(e) - BOWL.gradient((0.0, 0.0)) for e in np.eye(2)]
        )
        curvatures = np.linalg.eigvalsh(hessian_of_bowl)
        kappa = Readout(
            r"\kappa = \lambda_{\max}/\lambda_{\min}",
            float(curvatures[-1] / curvatures[0]),
            decimals=0,
            size=SIZE,
            color=theme.EIGEN,
        )
        lr_row = theme.tex(r"\mathrm{lr} = 0.036 < 2/50", size=SIZE, color=theme.PATH)
        self.declare_shown(
            lr_row,
            "the learning rate chosen in the brief and the stability "
            "bound 2/λ_max = 2/50 of the Hessian shown above",
        )
        with self.beat(
            "Some losses are valleys far steeper across than along. For x squared "
            "plus 25 y squared the curvatures are 2 and 50, a condition number of "
            "25."
        ):
            self.play(Create(axes), run_time=1.0)
            self.play(contours.create(run_time=1.5))
            self.play(self.panel.show(formula, hessian, kappa))
            self.checkpoint(
                "condition_number", kappa.value, expected=condition_number_of_written_loss()
            )
        with self.beat(
            "The steep direction forces the learning rate below 2 over 50, so at "
            "0.036 descent overshoots across the valley on every step while "
            "crawling along it."
        ):
            self.play(self.panel.grow(lr_row, k_read, x_read, y_read), FadeIn(path))
            ys = [path.position_of_dot()[1]]  # the dot's y read through the axes, per step
            with self.invariant(
                "valley_readouts_read_dot",
                lambda: (printed_all([x_read, y_read]), path.position_of_dot()),
            ):
                for _ in range(VALLEY_STEPS):
                    self.play(path.walk(1, seconds_per_step=0.3))
                    ys.append(path.position_of_dot()[1])
                    if path.step_index == 4:
                        self.checkpoint(
                            "valley_dot_after_4_steps",
                            path.position_of_dot(),
                            expected=valley_closed_form(4),
                            tol=1e-6,
                        )
            flips = sum(1 for a, b in pairwise(ys) if np.sign(a) != np.sign(b))
            exact_ys = [valley_closed_form(k)[1] for k in range(VALLEY_STEPS + 1)]
            self.checkpoint(
                "y_sign_flips_in_20_steps",
                derived("sign changes between the dot's successive y", flips, *ys),
                expected=sum(1 for a, b in pairwise(exact_ys) if a * b < 0),
                tol=0,
            )
            drawn_segments = sum(1 for segment in path.trail if segment.get_length() > 1e-6)
            self.checkpoint("step_counter_after_20", k_read.value, expected=drawn_segments)
        with self.beat(
            "After twenty steps y has zig-zagged down to about 0.01 but x has only "
            "come from minus 4.5 to minus one. Momentum and Adam exist to damp "
            "exactly this zig-zag.",
            hold=0.4,
        ):
            expected = valley_closed_form(VALLEY_STEPS)
            self.checkpoint(
                "valley_dot_after_20_steps", path.position_of_dot(), expected=expected, tol=1e-6
            )
            self.checkpoint("valley_x_readout", x_read.value, expected=expected[0])
            self.checkpoint("valley_y_readout", y_read.value, expected=expected[1])
            self.play(path.dot.animate.scale(1.6), run_time=0.4)
            self.play(path.dot.animate.scale(1 / 1.6), run_time=0.4)


SCENES = [OptimizationInPractice]
