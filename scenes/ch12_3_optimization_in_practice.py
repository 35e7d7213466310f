"""12.3 Optimization in Practice: a warm-up + cosine schedule, gradient clipping, and an
ill-conditioned valley that makes gradient descent zig-zag.

Schedule: peak 0.1, 100 warm-up steps, cosine decay to 0 at step 1000; a dot rides the curve
under the narration, the step and rate readouts tied to it. Clipping: max norm 2;
g₁ = (3, 4) (length 5) shrinks onto the circle, leaving its ghost, and its landing point
(1.2, 1.6) is labelled with the coordinates read off the drawn tip; g₂ = (1.2, −0.9) (length
1.5) passes. Valley: f = x² + 25y² from (−4.5, 1) with lr 0.036 — y flips sign every step
(×−0.8) while x creeps (×0.928); the dot walks the first 9 steps on the whole valley, then the
view zooms onto the valley floor for steps 9 to 20, the dot always leading its trail."""

from __future__ import annotations

import contextlib
import math
from fractions import Fraction
from itertools import pairwise
from typing import Any, cast

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Arrow,
    Axes,
    BackgroundRectangle,
    Circumscribe,
    Create,
    Cross,
    DecimalNumber,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    NumberPlane,
    Rectangle,
    ShowPassingFlash,
    Transform,
    VGroup,
    VMobject,
    linear,
)

from mathviz import theme
from mathviz.maths.descent import DescentTrace, QuadraticBowl, contour_lines, gradient_descent
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
#: the whole valley, then the floor the later steps bounce in (the zoom takes over at step 9)
FULL_X, FULL_Y = (-5.0, 1.0, 1.0), (-1.2, 1.2, 0.4)
ZOOM_X, ZOOM_Y = (-2.5, 0.5, 0.5), (-0.15, 0.15, 0.05)
ZOOM_FROM = 9
VALLEY_LEVELS = (1.0, 4.0, 9.0, 16.0, 25.0)
ZOOM_LEVELS = (0.25, 1.0, 2.25, 4.0)

SIZE = 32
FORMULA_SIZE = 34
#: printed places: the rate as the narration says it (0.036), the valley's x and y (0.01)
LR_DECIMALS, XY_DECIMALS = 3, 2


def valley_axes(
    x_range: tuple[float, float, float],
    y_range: tuple[float, float, float],
    *,
    x_decimals: int = 0,
    y_decimals: int = 0,
) -> Axes:
    """The valley's window, its numbers along the bottom and left edges: on the axes through
    the middle the contours and the zig-zag would run through them."""
    axes = Axes(
        x_range=x_range,
        y_range=y_range,
        x_length=8.0,
        y_length=5.6,
        axis_config={"color": theme.MUTED, "font_size": 24},
        tips=False,
    )
    return number_edges(axes, x_decimals=x_decimals, y_decimals=y_decimals)


def valley_contours(
    axes: Axes,
    levels: tuple[float, ...],
    x_range: tuple[float, float, float],
    y_range: tuple[float, float, float],
) -> ContourMap:
    """The bowl's level curves in the window, in a blue that stands out on the background;
    the innermost rings the boldest."""
    contours = ContourMap(
        axes, contour_lines(BOWL, levels, (x_range[0], x_range[1]), (y_range[0], y_range[1]))
    )
    for ring in contours:
        shade = levels.index(ring.level) / max(len(levels) - 1, 1)
        ring.set_stroke(theme.AREA, width=3, opacity=1.0 - 0.5 * shade)
    return contours


# --- independent routes to the expected values ---------------------------------------------------
def schedule_by_hand(step: int) -> float:
    """The warm-up + cosine closed form, written out with math.cos."""
    if step < WARMUP:
        return PEAK * step / WARMUP
    progress = (step - WARMUP) / (TOTAL - WARMUP)
    return 0.5 * PEAK * (1.0 + math.cos(math.pi * progress))


def clipped_exact(g: tuple[Any, ...]) -> list[float]:
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


def unit_exact(g: tuple[Any, ...]) -> list[float]:
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
        self.open_chapter("Three fixes make textbook gradient descent train real networks.")
        self.panel = Panel(corner=UP + RIGHT)
        self.schedule_beats()
        self.clipping_beats()
        self.valley_beats()
        self.close_chapter(
            "Schedule the rate, clip the gradient, mind the conditioning.",
            "These three knobs sit in every training config, right next to the optimizer. "
            "Next, linear regression.",
        )

    # ------------------------------------------------------------------------------------
    def schedule_beats(self) -> None:
        schedule = WarmupCosine(peak=PEAK, warmup_steps=WARMUP, total_steps=TOTAL)
        plot = SchedulePlot(schedule, x_length=7.3, y_length=5.6, size=SIZE)
        # the rate to three places, as the narration speaks it (the primitive's default is four)
        plot.lr_readout = Readout(
            r"\text{lr}", schedule(0), decimals=LR_DECIMALS, size=SIZE, color=theme.ACCENT
        )
        plot.to_edge(LEFT, buff=0.6).shift(0.25 * DOWN)
        x_label = theme.text("step", size=theme.LABEL_SIZE, color=theme.MUTED)
        x_label.next_to(plot.axes.x_axis, RIGHT, buff=0.35)
        y_label = theme.text("learning rate", size=theme.LABEL_SIZE, color=theme.MUTED)
        y_label.next_to(plot.axes.y_axis, UP, buff=0.2).align_to(plot.axes.y_axis, LEFT)
        # full-size symbols on one line each: no stacked fractions with tiny numerals
        warm = theme.tex(r"s<100:\quad \mathrm{lr}=0.1\cdot s/100", size=FORMULA_SIZE)
        decay = theme.tex(r"s\ge 100:\quad \mathrm{lr}=0.05\,(1+\cos \pi u)", size=FORMULA_SIZE)
        progress = theme.tex(r"u=(s-100)/900", size=FORMULA_SIZE)
        for formula in (warm, decay, progress):
            self.declare_shown(
                formula,
                "the schedule's definition from the brief (peak 0.1, "
                "100 warm-up steps, cosine to step 1000)",
            )
        ramp = plot.axes.plot(schedule, x_range=(0, WARMUP, 1), color=theme.ACCENT, stroke_width=9)
        with contextlib.ExitStack() as following:
            with self.beat(
                "Large models rarely train at one fixed learning rate. A common schedule "
                "warms up in a straight line for 100 steps, then glides down half a cosine "
                "to zero at step 1000."
            ) as b:
                b.say(0, Create(plot.axes), FadeIn(x_label, y_label))
                following.enter_context(
                    self.invariant(
                        "step_readout_reads_dot",
                        lambda: (plot.step_readout.value, plot.step_shown()),
                    )
                )
                following.enter_context(
                    self.invariant(
                        "lr_readout_reads_dot", lambda: (plot.lr_readout.value, plot.lr_shown())
                    )
                )
                b.say(
                    1,
                    AnimationGroup(
                        Create(plot.curve, rate_func=linear),
                        AnimationGroup(
                            FadeIn(plot.dot, scale=2.0),
                            self.panel.show(
                                warm, decay, progress, plot.step_readout, plot.lr_readout
                            ),
                        ),
                        lag_ratio=0.75,
                    ),
                )
            with self.beat(
                "During warm-up the rate climbs linearly: 0.05 at step 50, the peak of "
                "0.1 at step 100. Small first steps keep noisy early gradients from "
                "flinging freshly initialised weights far away."
            ) as b:
                self._ride(plot, WARMUP_MARKS, b.sentence(0))
                b.say(
                    1,
                    AnimationGroup(
                        ShowPassingFlash(ramp, time_width=0.5),
                        Indicate(warm, color=theme.ACCENT, scale_factor=1.1),
                        lag_ratio=0.3,
                    ),
                )
            with self.beat(
                "Then the cosine takes over, flat at first and steepest in the middle: at "
                "step 550, halfway through the decay, the rate is back at 0.05. It levels "
                "off again at the end and reaches zero exactly at step 1000."
            ) as b:
                self._ride(plot, DECAY_MARKS[:2], b.sentence(0))
                self._ride(plot, DECAY_MARKS[2:], b.sentence(1))
                self.checkpoint(
                    "step_readout_at_end", plot.step_readout.value, expected=decay_reaches_zero()
                )
            self.play(FadeOut(VGroup(plot, x_label, y_label)), self.panel.hide(), run_time=0.8)

    def _ride(self, plot: SchedulePlot, steps: tuple[int, ...], seconds: float) -> None:
        """The dot rides the schedule to each step in turn, leaving a marker at each; the
        readouts follow it. Each step checks the dot and the printed rate against the formula."""
        share = seconds / len(steps)
        for step in steps:
            self.play(plot.run_to(step, run_time=0.8 * share))
            self.play(plot.mark(run_time=0.2 * share))
            self.checkpoint(
                f"lr_at_step_{step}", plot.lr_shown(), expected=schedule_by_hand(step), tol=1e-6
            )
            self.checkpoint(
                f"lr_readout_at_step_{step}",
                plot.lr_readout.value,
                expected=schedule_by_hand(step),
            )

    # ------------------------------------------------------------------------------------
    def clipping_beats(self) -> None:
        plane = NumberPlane(
            x_range=(-2.5, 4.5, 1),
            y_range=(-2.5, 4.5, 1),
            x_length=7.0,
            y_length=7.0,
            background_line_style={"stroke_color": theme.GRID, "stroke_opacity": 0.6},
        )
        plane.to_edge(LEFT, buff=1.0).shift(0.1 * DOWN)
        gradients = np.array([[float(c) for c in g] for g in GRADIENTS])
        display = ClipDisplay(
            plane, gradients, MAX_NORM, colors=(theme.GRADIENT, theme.GOOD), size=SIZE
        )
        rule = theme.tex(r"g \leftarrow g\cdot\min\!\Big(1,\ \frac{c}{\|g\|}\Big)", size=36)
        c_row = theme.tex(r"c = 2", size=SIZE, color=theme.NORM_L2)

        def drawn_vector(index: int) -> tuple[np.ndarray, list[Any]]:
            """Tip minus tail of arrow ``index``, and the two readings it comes from."""
            arrow = display.arrows[index]
            tip, tail = coords(plane, arrow.get_end()), coords(plane, arrow.get_start())
            return tip - tail, [tip, tail]

        def drawn_lengths() -> Any:
            vectors = [drawn_vector(i) for i in range(len(display.arrows))]
            return derived(
                "length of each drawn arrow (tip − tail)",
                [float(np.linalg.norm(v)) for v, _ in vectors],
                *(r for _, readings in vectors for r in readings),
            )

        def drawn_direction(index: int) -> Any:
            vector, readings = drawn_vector(index)
            return derived(
                "unit direction of the drawn arrow (tip − tail)",
                vector / float(np.linalg.norm(vector)),
                *readings,
            )

        # the circle is drawn under the sentence that names it: hidden until then
        display.circle.set_stroke(opacity=0)
        with self.beat(
            "One bad batch can produce a gradient a hundred times too large, and a single "
            "step along it undoes hours of training. Clipping caps the gradient's length "
            "at a maximum norm c, here two: the blue circle."
        ) as b:
            b.say(
                0,
                AnimationGroup(
                    Create(plane),
                    AnimationGroup(
                        *(GrowArrow(cast(Arrow, a)) for a in display.arrows), lag_ratio=0.5
                    ),
                    lag_ratio=0.6,
                ),
            )
            self.remove(*display.arrows)  # drawn from now on as part of the display
            self.add(display)
            display.circle.set_stroke(opacity=1)
            b.say(
                1,
                AnimationGroup(
                    Create(display.circle),
                    self.panel.show(rule, c_row, *display.norm_readouts),
                    lag_ratio=0.4,
                ),
            )
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
                "is already inside and passes through untouched."
            ) as b,
            self.invariant(
                "clipped_arrow_keeps_direction",
                lambda: (drawn_direction(0), unit_exact(GRADIENTS[0])),
                tol=1e-6,
            ),
            self.invariant(
                "norm_readouts_read_arrows", lambda: (display.norms_shown(), drawn_lengths())
            ),
        ):
            self.play(display.clip(run_time=0.6 * b.sentence(0)))
            # the landing point, labelled with the coordinates read off the drawn tip
            tip = display.tip_shown(0)
            landing = Dot(plane.c2p(*tip), radius=0.08, color=theme.GRADIENT)
            numbers = [
                DecimalNumber(float(v), num_decimal_places=1, font_size=SIZE, color=theme.GRADIENT)
                for v in tip
            ]
            label = VGroup(
                theme.tex("(", size=SIZE, color=theme.GRADIENT),
                numbers[0],
                theme.tex(",", size=SIZE, color=theme.GRADIENT),
                numbers[1],
                theme.tex(")", size=SIZE, color=theme.GRADIENT),
            ).arrange(RIGHT, buff=0.08, aligned_edge=DOWN)
            label[2].align_to(numbers[0], DOWN).shift(0.08 * DOWN)
            label.next_to(landing, RIGHT + DOWN * 0.2, buff=0.25)
            backed = VGroup(
                BackgroundRectangle(label, color=theme.BACKGROUND, fill_opacity=0.9, buff=0.1),
                label,
            )
            b.say(0, FadeIn(landing, scale=2.5), FadeIn(backed, shift=0.2 * RIGHT))
            self.checkpoint(
                "clipped_tip_g1",
                display.tip_shown(0),
                expected=clipped_exact(GRADIENTS[0]),
                tol=1e-6,
            )
            self.checkpoint(
                "landing_point_label", printed_all(numbers), expected=clipped_exact(GRADIENTS[0])
            )
            self.checkpoint(
                "landing_dot_on_circle",
                derived(
                    "distance of the landing dot from the origin, through the plane",
                    float(np.linalg.norm(coords(plane, landing))),
                    coords(plane, landing),
                ),
                expected=MAX_NORM,
                tol=1e-6,
            )
            b.say(
                1,
                Circumscribe(display.arrows[1], color=theme.GOOD, fade_out=True),
                Circumscribe(display.norm_readouts[1], color=theme.GOOD, fade_out=True),
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
        self.play(FadeOut(VGroup(plane, display, landing, backed)), self.panel.hide(), run_time=0.8)

    # ------------------------------------------------------------------------------------
    def valley_beats(self) -> None:
        full = valley_axes(FULL_X, FULL_Y, y_decimals=1)
        full.to_edge(LEFT, buff=0.7).shift(0.35 * DOWN)
        zoom = valley_axes(ZOOM_X, ZOOM_Y, x_decimals=1, y_decimals=2)
        # the zoomed window takes the full view's place, box on box
        zoom.shift(full.c2p(FULL_X[0], FULL_Y[0]) - zoom.c2p(ZOOM_X[0], ZOOM_Y[0]))
        contours = valley_contours(full, VALLEY_LEVELS, FULL_X, FULL_Y)
        zoom_contours = valley_contours(zoom, ZOOM_LEVELS, ZOOM_X, ZOOM_Y)
        trace = gradient_descent(BOWL, BOWL.gradient, VALLEY_START, VALLEY_LR, VALLEY_STEPS)
        k_read = Readout("k", 0, decimals=0, size=SIZE)
        x_read = Readout("x", 0.0, decimals=XY_DECIMALS, size=SIZE)
        y_read = Readout("y", 0.0, decimals=XY_DECIMALS, size=SIZE)

        def walker(axes: Axes, first: int, last: int) -> GradientDescentPath:
            """The walk from iterate ``first`` to ``last`` on ``axes``, driving the readouts."""
            part = DescentTrace(
                trace.points[first : last + 1], trace.values[first : last + 1], VALLEY_LR
            )
            return GradientDescentPath(
                axes,
                part,
                readouts=[
                    (k_read, list(range(first, last + 1))),
                    (x_read, part.points[:, 0].tolist()),
                    (y_read, part.points[:, 1].tolist()),
                ],
            )

        path = walker(full, 0, ZOOM_FROM)
        walking = [path]  # the walk on screen: the full view's, then the zoomed view's

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

        def dot() -> np.ndarray:
            return walking[0].position_of_dot()

        def trail_gap() -> Any:
            """Where the trail ends minus where the dot is: zero when the dot leads it."""
            walk = walking[0]
            if not len(walk.trail):
                return derived("no trail yet: the dot against itself", dot() - dot(), dot())
            end = coords(walk.axes, walk.trail[-1].get_end())
            return derived("end of the trail minus the dot", end - dot(), end, dot())

        with self.beat(
            "Some losses are valleys far steeper across than along. For x squared plus 25 y "
            "squared the curvatures are 2 and 50, a condition number of 25."
        ) as b:
            b.say(0, AnimationGroup(Create(full), contours.create(), lag_ratio=0.4))
            b.say(1, self.panel.show(formula, hessian, kappa))
            self.checkpoint(
                "condition_number", kappa.value, expected=condition_number_of_written_loss()
            )
        ys: list[Any] = []
        with contextlib.ExitStack() as moving:
            with self.beat(
                "The steep direction caps the learning rate below 2 over 50. At 0.036, "
                "every step overshoots across the valley to the other wall, while it barely "
                "crawls along it."
            ) as b:
                b.say(0, self.panel.grow(lr_row, k_read, x_read, y_read), FadeIn(path, scale=2.0))
                moving.enter_context(
                    self.invariant(
                        "valley_readouts_read_dot",
                        lambda: (printed_all([x_read, y_read]), dot()),
                    )
                )
                moving.enter_context(
                    self.invariant("dot_leads_trail", lambda: (trail_gap(), [0.0, 0.0]), tol=1e-6)
                )
                ys.append(dot()[1])  # the dot's y read through the axes, per step
                per_step = b.sentence(1) / ZOOM_FROM
                for _ in range(ZOOM_FROM):
                    self.play(path.walk(1, seconds_per_step=per_step))
                    ys.append(dot()[1])
                    if path.step_index == 4:
                        self.checkpoint(
                            "valley_dot_after_4_steps",
                            dot(),
                            expected=valley_closed_form(4),
                            tol=1e-6,
                        )
                self.checkpoint(
                    "step_counter_before_zoom",
                    k_read.value,
                    expected=sum(1 for segment in path.trail if segment.get_length() > 1e-6),
                )
            window = Rectangle(
                width=full.c2p(ZOOM_X[1], 0)[0] - full.c2p(ZOOM_X[0], 0)[0],
                height=full.c2p(0, ZOOM_Y[1])[1] - full.c2p(0, ZOOM_Y[0])[1],
                color=theme.TEXT,
                stroke_width=3,
            ).move_to(full.c2p(sum(ZOOM_X[:2]) / 2, 0))
            frame = Rectangle(
                width=zoom.c2p(ZOOM_X[1], 0)[0] - zoom.c2p(ZOOM_X[0], 0)[0],
                height=zoom.c2p(0, ZOOM_Y[1])[1] - zoom.c2p(0, ZOOM_Y[0])[1],
                color=theme.MUTED,
                stroke_width=2,
            ).move_to(zoom.c2p(sum(ZOOM_X[:2]) / 2, 0))
            zoomed_title = (
                theme.text("the valley floor, zoomed in", size=theme.LABEL_SIZE, color=theme.MUTED)
                .next_to(frame, UP, buff=0.2)
                .align_to(frame, LEFT)
            )
            minimum = Cross(scale_factor=0.12, stroke_color=theme.GOOD, stroke_width=5)
            minimum.move_to(zoom.c2p(0, 0))
            with self.beat(
                "Zoom in on the valley floor. Each bounce is a fifth smaller than the last, "
                "yet x closes only seven percent of its gap per step."
            ) as b:
                self.play(Create(window), run_time=0.35 * b.sentence(0))
                zoomed = walker(zoom, ZOOM_FROM, VALLEY_STEPS)
                # the view zooms: the window opens into the new frame, the rings grow out of
                # it, and a copy of the dot glides from its place in the whole valley to the
                # same iterate in the zoomed one (the readouts keep reading the dot at rest)
                glide = path.dot.copy()
                self.add(glide)
                self.play(
                    FadeOut(VGroup(full, contours, path)),
                    glide.animate.move_to(zoomed.dot.get_center()),
                    Transform(window, frame),
                    FadeIn(VGroup(zoom, zoom_contours), scale=0.5, target_position=window),
                    FadeIn(zoomed_title, minimum),
                    run_time=0.65 * b.sentence(0),
                )
                self.remove(glide)
                self.add(zoomed)
                walking[0] = zoomed  # the readouts' dot from now on (at the same iterate)
                earlier = len(path.trail)
                steps = VALLEY_STEPS - ZOOM_FROM
                for _ in range(steps):
                    self.play(zoomed.walk(1, seconds_per_step=b.sentence(1) / steps))
                    ys.append(dot()[1])
                flips = sum(1 for a, b in pairwise(ys) if np.sign(a) != np.sign(b))
                exact_ys = [valley_closed_form(k)[1] for k in range(VALLEY_STEPS + 1)]
                self.checkpoint(
                    "y_sign_flips_in_20_steps",
                    derived("sign changes between the dot's successive y", flips, *ys),
                    expected=sum(1 for a, b in pairwise(exact_ys) if a * b < 0),
                    tol=0,
                )
                drawn_segments = earlier + sum(
                    1 for segment in zoomed.trail if segment.get_length() > 1e-6
                )
                self.checkpoint("step_counter_after_20", k_read.value, expected=drawn_segments)
            expected = valley_closed_form(VALLEY_STEPS)
            to_go = Arrow(
                zoom.c2p(*dot()),
                zoom.c2p(0, float(dot()[1])),
                buff=0.15,
                color=theme.ACCENT,
                stroke_width=4,
                max_tip_length_to_length_ratio=0.1,
            )
            to_go_label = theme.text("still to go", size=theme.LABEL_SIZE, color=theme.ACCENT)
            to_go_label.next_to(to_go, DOWN, buff=0.2)
            backed = VGroup(
                BackgroundRectangle(
                    to_go_label, color=theme.BACKGROUND, fill_opacity=0.9, buff=0.08
                ),
                to_go_label,
            )
            zigzag = VMobject(stroke_color=theme.ACCENT, stroke_width=7)
            zigzag.set_points_as_corners([zoom.c2p(*p) for p in trace.points[ZOOM_FROM:]])
            with self.beat(
                "After twenty steps y has zig-zagged down to about 0.01, but x has only come "
                "from minus 4.5 to minus one. Momentum and Adam exist to damp exactly this "
                "zig-zag.",
            ) as b:
                self.checkpoint("valley_dot_after_20_steps", dot(), expected=expected, tol=1e-6)
                self.checkpoint("valley_x_readout", x_read.value, expected=expected[0])
                self.checkpoint("valley_y_readout", y_read.value, expected=expected[1])
                b.say(0, AnimationGroup(GrowArrow(to_go), FadeIn(backed), lag_ratio=0.5))
                b.say(1, ShowPassingFlash(zigzag, time_width=0.4))
        self.play(
            FadeOut(
                VGroup(zoom, zoom_contours, window, zoomed_title, minimum, zoomed, to_go, backed)
            ),
            self.panel.hide(),
            run_time=0.8,
        )


SCENES = [OptimizationInPractice]
