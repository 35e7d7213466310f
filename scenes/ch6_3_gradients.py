"""6.3 Gradients: arrows perpendicular to level curves, and descent walking downhill."""

from __future__ import annotations

import contextlib

import numpy as np
import sympy as sp
from manim import DOWN, LEFT, RIGHT, UP, Axes, Create, FadeIn, FadeOut, VGroup, Write

from mathviz import theme
from mathviz.maths.descent import (
    QuadraticBowl,
    angle_between,
    contour_lines,
    gradient_descent,
    square,
    square_gradient,
)
from mathviz.primitives.calculus import back_tick_labels
from mathviz.primitives.descent import ContourMap, GradientArrows, GradientDescentPath
from mathviz.primitives.readout import Readout
from mathviz.readings import derived
from mathviz.scene import LectureScene

BOWL = QuadraticBowl(a=1.0, b=3.0)
LEVELS = (1.0, 3.0, 4.0, 7.0)
#: points that lie on the drawn level curves (f = 4, 3, 3, 4, 7, 1, 3)
ARROW_POINTS = np.array(
    [[1.0, 1.0], [-1.5, 0.5], [0.0, 1.0], [-1.0, -1.0], [2.5, 0.5], [0.5, 0.5], [1.5, -0.5]]
)
START_2D, LR_2D, STEPS_2D = (2.5, 1.5), 0.1, 12
START_1D, LR_1D, STEPS_1D = 5.0, 0.1, 20


X, Y = sp.symbols("x y")
F_EXPR = X**2 + 3 * Y**2
#: f(x, y) compiled from the formula: the readouts' truth, apart from the drawing's model
sympy_f = sp.lambdify((X, Y), F_EXPR, "math")
#: the 1-D loss x², compiled the same way
sympy_square = sp.lambdify(X, X**2, "math")


def _sympy_gradient(point: tuple[float, float]) -> np.ndarray:
    """∇f from symbolic differentiation: a route independent of the drawn arrows."""
    grad = [sp.diff(F_EXPR, v).subs({X: point[0], Y: point[1]}) for v in (X, Y)]
    return np.array([float(g) for g in grad])


class Gradients(LectureScene):
    chapter_id = "6.3"

    def construct(self) -> None:
        self.open_chapter(
            "A model learns by asking, at every step, which way is uphill. The gradient answers."
        )
        axes, contours = self.contour_beat()
        self.gradient_beat(axes, contours)
        self.descent_beat(axes, contours)
        self.one_dimensional_beat()
        self.close_chapter(
            "The gradient points uphill; training steps the other way.",
            "Every optimizer in a deep-learning library is a variation on this loop: "
            "compute the gradient, step against it, repeat.",
        )

    # ------------------------------------------------------------------------------------
    def contour_beat(self) -> tuple[Axes, ContourMap]:
        axes = Axes(
            x_range=(-3, 3, 1),
            y_range=(-2, 2, 1),
            x_length=7.2,
            y_length=4.8,
            axis_config={"color": theme.MUTED, "include_numbers": True, "font_size": 22},
            tips=False,
        )
        axes.to_edge(LEFT, buff=0.5).shift(0.35 * DOWN)
        back_tick_labels(axes)  # the level curves pass under the tick numbers, not through
        formula = theme.tex(r"f(x, y) = x^2 + 3y^2", size=40).to_corner(UP + RIGHT, buff=0.5)
        contours = ContourMap(axes, contour_lines(BOWL, LEVELS, (-3, 3), (-2, 2)))
        with self.beat(
            "Take the loss f of x and y equals x squared plus three y squared. "
            "Each ring is a level curve: every point on it has the same loss, "
            "like a contour line on a hiking map."
        ) as beat:
            beat.say(0, Create(axes), Write(formula))
            beat.say(1, contours.create())
        self.formula = formula
        return axes, contours

    def gradient_beat(self, axes: Axes, contours: ContourMap) -> None:
        gradients = np.array([BOWL.gradient(p) for p in ARROW_POINTS])
        arrows = GradientArrows(axes, ARROW_POINTS, gradients, length=0.6)
        grad_formula = theme.tex(r"\nabla f = (2x,\ 6y)", size=40, color=theme.GRADIENT)
        grad_formula.next_to(self.formula, DOWN, buff=0.4, aligned_edge=LEFT)
        with self.beat(
            "The gradient stacks the partial derivatives into a vector, two x and "
            "six y. Drawn at points on the rings, every arrow points straight "
            "uphill, at a right angle to its level curve."
        ) as beat:
            beat.say(0, Write(grad_formula))
            beat.say(1, arrows.create())
            angles = []
            for i, p in enumerate(ARROW_POINTS):
                # the drawn arrow against the drawn ring through its foot, both read back
                # through the axes; the ring is the level of f at that point (sympy)
                arrow = arrows.direction_shown(i)
                ring = contours.tangent_shown(sympy_f(*p), p)
                angles.append(
                    derived(
                        f"angle between arrow {i} and its level curve",
                        angle_between(arrow, ring),
                        arrow,
                        ring,
                    )
                )
            self.checkpoint("angle_to_level_curve_at_(1,1)", angles[0], expected=90.0, tol=0.5)
            self.checkpoint(
                "max_angle_error_all_arrows",
                derived(
                    "largest |angle − 90°| over the arrows",
                    max(abs(float(a) - 90.0) for a in angles),
                    *angles,
                ),
                expected=0.0,
                tol=0.5,
            )
            expected = _sympy_gradient((1.0, 1.0))
            self.checkpoint(
                "gradient_direction_at_(1,1)",
                arrows.direction_shown(0),
                expected=expected / np.linalg.norm(expected),
                tol=1e-6,
            )
        self.arrows, self.grad_formula = arrows, grad_formula

    def descent_beat(self, axes: Axes, contours: ContourMap) -> None:
        trace = gradient_descent(BOWL, BOWL.gradient, START_2D, LR_2D, STEPS_2D)
        step = Readout("k", 0, decimals=0)
        x_read = Readout("x", 0.0)
        y_read = Readout("y", 0.0)
        f_read = Readout("f", 0.0)
        panel = VGroup(step, x_read, y_read, f_read).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        panel.next_to(self.grad_formula, DOWN, buff=0.6, aligned_edge=LEFT)
        update = theme.tex(r"p \leftarrow p - 0.1\,\nabla f(p)", size=36, color=theme.PATH)
        update.next_to(panel, DOWN, buff=0.5, aligned_edge=LEFT)
        self.declare_shown(update, "the update rule with the brief's learning rate 0.1")
        path = GradientDescentPath(axes, trace, readouts=[(step, list(range(trace.steps + 1)))])
        # x, y and f follow the dot (read back through the axes), not a count of their own
        dot = path.position_of_dot
        x_read.follow(lambda: dot()[0])
        y_read.follow(lambda: dot()[1])
        f_read.follow(lambda: BOWL(dot()))
        with (
            self.invariant("x readout equals the dot's x", lambda: (x_read.value, dot()[0])),
            self.invariant("y readout equals the dot's y", lambda: (y_read.value, dot()[1])),
            self.invariant("f readout is f at the dot", lambda: (f_read.value, sympy_f(*dot()))),
        ):
            with self.beat(
                "Gradient descent starts at two and a half, one and a half and steps "
                "against the arrow, scaled by a learning rate of 0.1."
            ) as beat:
                beat.say(0, FadeOut(self.arrows), Write(update), FadeIn(panel), FadeIn(path))
                self.checkpoint("k_readout_at_start", step.value, expected=len(path.trail))
                self.checkpoint("x_readout_at_start", x_read.value, expected=START_2D[0])
                self.checkpoint("y_readout_at_start", y_read.value, expected=START_2D[1])
                self.checkpoint("start_f", f_read.value, expected=2.5**2 + 3 * 1.5**2)
            with self.beat(
                "The steep y direction collapses fast while x creeps in: after "
                "twelve steps x has shrunk by 0.8 per step and y by 0.4, and the "
                "loss is almost gone.",
                hold=0.8,
            ) as beat:
                beat.say(0, path.walk())  # the twelve steps spread over the sentence
                shown = path.position_of_dot()
                closed_form = np.array([START_2D[0] * 0.8**STEPS_2D, START_2D[1] * 0.4**STEPS_2D])
                self.checkpoint("dot_after_12_steps", shown, expected=closed_form, tol=1e-6)
                # the counter against the number of steps drawn on the map
                self.checkpoint("k_readout_after_12_steps", step.value, expected=len(path.trail))
                self.checkpoint("x_readout_after_12_steps", x_read.value, expected=closed_form[0])
                self.checkpoint("y_readout_after_12_steps", y_read.value, expected=closed_form[1])
                self.checkpoint(
                    "f_readout_after_12_steps",
                    f_read.value,
                    expected=closed_form[0] ** 2 + 3 * closed_form[1] ** 2,
                )
        self.play(
            FadeOut(VGroup(axes, contours, path, panel, update, self.formula, self.grad_formula))
        )

    def one_dimensional_beat(self) -> None:
        axes = Axes(
            x_range=(-1, 6, 1),
            y_range=(0, 26, 5),
            x_length=7.0,
            y_length=5.0,
            axis_config={"color": theme.MUTED, "include_numbers": True, "font_size": 22},
            tips=False,
        )
        axes.to_edge(LEFT, buff=0.6).shift(0.3 * DOWN)
        back_tick_labels(axes)
        curve = axes.plot(lambda x: x * x, x_range=(-1, 5.1), color=theme.CURVE, stroke_width=4)
        trace = gradient_descent(square, square_gradient, [START_1D], LR_1D, STEPS_1D)
        xs = trace.points[:, 0]
        code = theme.code("x = 5.0", "for step in range(20):", "    x -= 0.1 * 2 * x")
        code.to_corner(UP + RIGHT, buff=0.6)
        self.declare_shown(code, "the loop's source code, with the brief's start and rate")
        x_read = Readout("x", START_1D, decimals=7)
        f_read = Readout("f(x)", START_1D**2, decimals=7)
        k_read = Readout("k", 0, decimals=0)
        panel = VGroup(k_read, x_read, f_read).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        panel.next_to(code, DOWN, buff=0.7, aligned_edge=LEFT)
        # an orange trail: the path in the curve's blue would be hard to tell from it
        path = GradientDescentPath(
            axes,
            trace,
            display_points=np.column_stack([xs, xs**2]),
            readouts=[(k_read, list(range(STEPS_1D + 1)))],
            color=theme.GRADIENT,
        )
        # x is the dot's, read back through the axes; f(x) is the loss at that x
        x_of_dot = lambda: path.position_of_dot()[0]  # noqa: E731
        x_read.follow(x_of_dot)
        f_read.follow(lambda: square([x_of_dot()]))
        invariants = contextlib.ExitStack()  # once the axes stand
        with self.beat(
            "In one dimension the same loop is three lines of Python. Start at "
            "five; the derivative of x squared is two x."
        ) as beat:
            beat.say(0, Create(axes), Create(curve))
            invariants.enter_context(
                self.invariant(
                    "1-D x readout equals the dot's x", lambda: (x_read.value, x_of_dot())
                )
            )
            invariants.enter_context(
                self.invariant(
                    "1-D f readout is x² at the dot's x",
                    lambda: (f_read.value, sympy_square(x_of_dot())),
                )
            )
            beat.say(1, FadeIn(code), FadeIn(panel), FadeIn(path))
            self.checkpoint("k_readout_at_start_1d", k_read.value, expected=len(path.trail))
            self.checkpoint("x_readout_at_start_1d", x_read.value, expected=START_1D)
            self.checkpoint("f_readout_at_start_1d", f_read.value, expected=START_1D**2)
        with invariants:
            with self.beat(
                "Each step multiplies x by one minus 0.1 times two, which is 0.8. "
                "Twenty steps later x is five times 0.8 to the twentieth, about "
                "0.0576.",
                hold=1.0,
            ) as beat:
                beat.say(0, path.walk(steps=5))  # the first steps, one by one
                beat.say(1, path.walk())  # the rest, while the twentieth power is said
                expected = START_1D * 0.8**STEPS_1D
                self.checkpoint("x_20", path.position_of_dot()[0], expected=expected, tol=1e-6)
                self.checkpoint("k_readout_after_20_steps", k_read.value, expected=len(path.trail))
                self.checkpoint("x_20_readout", x_read.value, expected=expected)
                self.checkpoint("f_x_20_readout", f_read.value, expected=expected**2)


SCENES = [Gradients]
