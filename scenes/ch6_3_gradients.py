"""6.3 Gradients: arrows perpendicular to level curves, and descent walking downhill."""

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
    AnimationGroup,
    Arrow,
    Axes,
    Circle,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    GrowFromCenter,
    Line,
    VGroup,
    Write,
)

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
from mathviz.primitives.magnifier import Magnifier
from mathviz.primitives.motion import Scripted
from mathviz.primitives.readout import Readout, coords
from mathviz.primitives.right_angle import RightAngleMarks
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
#: the level curve the probe walks round in the first beat (f = 4: x = 2 cos t, y = 2/√3 sin t)
PROBE_LEVEL, PROBE_T0 = 4.0, 0.45
#: the map's scale: one unit of x and of y is this long on screen (equal, so right angles
#: look right)
UNIT_2D = 1.6
#: the magnified corner of the 1-D loss, where the last iterates crowd: ((x…), (y…))
ZOOM_1D = ((0.0, 1.2, 0.5), (0.0, 1.44, 0.5))


def _probe_point(t: float) -> np.ndarray:
    """The point at angle parameter ``t`` on the level curve f = PROBE_LEVEL."""
    r = np.sqrt(PROBE_LEVEL)
    return np.array([r * np.cos(t), r / np.sqrt(3.0) * np.sin(t)])


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


def _shown_against(
    readout: Readout, read: Callable[[], float]
) -> Callable[[], tuple[object, float]]:
    """An invariant's pair: what ``readout`` prints, and the value it must show."""
    return lambda: (readout.value, read())


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
            x_length=6 * UNIT_2D,
            y_length=4 * UNIT_2D,
            axis_config={"color": theme.MUTED, "include_numbers": True, "font_size": 24},
            tips=False,
        )
        axes.to_edge(LEFT, buff=0.45)
        back_tick_labels(axes)  # the level curves pass under the tick numbers, not through
        formula = theme.tex(r"f(x, y) = x^2 + 3y^2", size=40).to_corner(UP + RIGHT, buff=0.5)
        # bright level curves in a colour of their own: the descent path (cyan), the arrows
        # (orange) and the axes (grey) stay distinct from them
        contours = ContourMap(
            axes,
            contour_lines(BOWL, LEVELS, (-3, 3), (-2, 2)),
            color=theme.PROJECTION,
            stroke_width=3.5,
            min_opacity=0.8,
        )
        # a probe walking round the ring f = 4: its x and y change, its loss does not
        probe_t = {"t": PROBE_T0}
        probe = Dot(axes.c2p(*_probe_point(PROBE_T0)), radius=0.1, color=theme.DOT)
        px = Readout("x", 0.0, decimals=1)
        py = Readout("y", 0.0, decimals=1)
        pf = Readout("f", 0.0, decimals=1)
        probe_panel = VGroup(px, py, pf).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        probe_panel.next_to(formula, DOWN, buff=0.6, aligned_edge=LEFT)

        def at_probe() -> np.ndarray:
            return coords(axes, probe)

        def probe_x() -> float:
            return float(at_probe()[0])

        def probe_y() -> float:
            return float(at_probe()[1])

        def probe_f() -> float:
            return float(sympy_f(*at_probe()))

        px.follow(probe_x)
        py.follow(probe_y)
        pf.follow(lambda: float(BOWL(at_probe())))

        def sweep(t: float) -> None:
            probe_t["t"] = PROBE_T0 + 2 * np.pi * t
            probe.move_to(axes.c2p(*_probe_point(probe_t["t"])))

        probe_invariants = contextlib.ExitStack()  # once the axes stand
        with probe_invariants:
            with self.beat(
                "Take the loss f of x and y equals x squared plus three y squared. "
                "Each ring is a level curve, like a contour line on a hiking map. "
                "Walk round one ring: x and y change, but the loss stays at four."
            ) as beat:
                beat.say(0, Create(axes), Write(formula))
                for name, readout, read in (
                    ("probe x readout is the probe's x", px, probe_x),
                    ("probe y readout is the probe's y", py, probe_y),
                    ("probe f readout is f at the probe", pf, probe_f),
                ):
                    probe_invariants.enter_context(
                        self.invariant(name, _shown_against(readout, read))
                    )
                beat.say(1, contours.create(), FadeIn(probe), FadeIn(probe_panel))
                beat.say(2, Scripted(probe, sweep, rate_func=lambda t: t * t * (3 - 2 * t)))
                back = _probe_point(PROBE_T0 + 2 * np.pi)
                self.checkpoint("probe_f_on_the_ring", pf.value, expected=sympy_f(*back))
                self.checkpoint("probe_x_readout", px.value, expected=back[0])
                self.checkpoint("probe_y_readout", py.value, expected=back[1])
                self.checkpoint(
                    "probe_back_at_start",
                    at_probe(),
                    expected=[
                        2 * np.cos(PROBE_T0 + 2 * np.pi),
                        2 / np.sqrt(3) * np.sin(PROBE_T0 + 2 * np.pi),
                    ],
                    tol=1e-6,
                )
        self.formula, self.probe = formula, VGroup(probe, probe_panel)
        return axes, contours

    def gradient_beat(self, axes: Axes, contours: ContourMap) -> None:
        gradients = np.array([BOWL.gradient(p) for p in ARROW_POINTS])
        arrows = GradientArrows(axes, ARROW_POINTS, gradients, length=0.6)
        grad_formula = theme.tex(r"\nabla f = (2x,\ 6y)", size=40, color=theme.GRADIENT)
        grad_formula.next_to(self.formula, DOWN, buff=0.5, aligned_edge=LEFT)
        # the drawn arrow against the drawn ring through its foot, both read back through the
        # axes; the ring is the level of f at that point (sympy)
        arrow_dirs = [arrows.direction_shown(i) for i in range(len(ARROW_POINTS))]
        tangents = [contours.tangent_shown(sympy_f(*p), p) for p in ARROW_POINTS]
        marks = RightAngleMarks(
            axes, ARROW_POINTS, np.array(tangents), np.array(arrow_dirs), size=0.2
        )
        with self.beat(
            "The gradient stacks the partial derivatives into a vector: two x and "
            "six y. Drawn at points on the rings, every arrow points straight uphill. "
            "And every arrow meets its ring at a right angle: along the ring the loss "
            "does not change, so all of the change points across it."
        ) as beat:
            beat.say(0, FadeOut(self.probe), Write(grad_formula))
            beat.say(1, arrows.create())
            beat.say(2, marks.create(lag_ratio=0.5))
            # read again now that they are drawn
            arrow_dirs = [arrows.direction_shown(i) for i in range(len(ARROW_POINTS))]
            tangents = [contours.tangent_shown(sympy_f(*p), p) for p in ARROW_POINTS]
            angles = [
                derived(
                    f"angle between arrow {i} and its level curve",
                    angle_between(arrow, ring),
                    arrow,
                    ring,
                )
                for i, (arrow, ring) in enumerate(zip(arrow_dirs, tangents, strict=True))
            ]
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
            # the marks as drawn: square corners, one leg along the drawn ring's tangent,
            # the other along the drawn arrow (angles between lines, in degrees)
            corners = [marks.corner_angle_shown(i) for i in range(len(marks))]
            self.checkpoint(
                "right_angle_marks_corners",
                derived("each mark's corner angle", [float(c) for c in corners], *corners),
                expected=[90.0] * len(marks),
                tol=0.5,
            )
            misalign = []
            for i in range(len(marks)):
                legs = marks.legs_shown(i)
                ring = contours.tangent_shown(sympy_f(*ARROW_POINTS[i]), ARROW_POINTS[i])
                off_ring = angle_between(legs[0], ring)
                arrow = arrows.direction_shown(i)
                off_arrow = angle_between(legs[1], arrow)
                misalign.append(
                    derived(
                        f"mark {i}: largest angle of a leg off the drawn ring or arrow",
                        max(min(off_ring, 180.0 - off_ring), off_arrow),
                        legs,
                        ring,
                        arrow,
                    )
                )
            self.checkpoint(
                "right_angle_marks_on_ring_and_arrow",
                derived("largest over the marks", max(float(m) for m in misalign), *misalign),
                expected=0.0,
                tol=0.5,
            )
        self.arrows, self.marks, self.grad_formula = arrows, marks, grad_formula

    def descent_beat(self, axes: Axes, contours: ContourMap) -> None:
        trace = gradient_descent(BOWL, BOWL.gradient, START_2D, LR_2D, STEPS_2D)
        step = Readout("k", 0, decimals=0)
        # two decimals, as the narration's 0.8 and 0.4
        x_read = Readout("x", 0.0, decimals=2)
        y_read = Readout("y", 0.0, decimals=2)
        f_read = Readout("f", 0.0, decimals=2)
        panel = VGroup(step, x_read, y_read, f_read).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        panel.next_to(self.grad_formula, DOWN, buff=0.6, aligned_edge=LEFT)
        update = theme.tex(r"p \leftarrow p - 0.1\,\nabla f(p)", size=36, color=theme.PATH)
        update.next_to(panel, DOWN, buff=0.5, aligned_edge=LEFT)
        self.declare_shown(update, "the update rule with the brief's learning rate 0.1")
        # a thick trail over the axes, a mark at each iterate left: where the path runs
        # along the x-axis it stays in sight, cyan over the grey axis
        path = GradientDescentPath(
            axes,
            trace,
            readouts=[(step, list(range(trace.steps + 1)))],
            trail_width=5,
            visited=True,
        )
        # the first step, drawn before it is taken: the gradient at the start (uphill,
        # orange) and the step against it, 0.1 of its length (in the path's colour)
        start = np.array(START_2D)
        uphill = Arrow(
            axes.c2p(*start),
            axes.c2p(*(start + 0.5 * BOWL.gradient(start) / np.linalg.norm(BOWL.gradient(start)))),
            buff=0,
            color=theme.GRADIENT,
            stroke_width=5,
            max_tip_length_to_length_ratio=0.3,
        )
        step_arrow = Arrow(
            axes.c2p(*start),
            axes.c2p(*(start - LR_2D * BOWL.gradient(start))),
            buff=0,
            color=theme.PATH,
            stroke_width=5,
            max_tip_length_to_length_ratio=0.25,
        )
        # x, y and f follow the dot (read back through the axes), not a count of their own
        dot = path.position_of_dot
        x_read.follow(lambda: dot()[0])
        y_read.follow(lambda: dot()[1])
        f_read.follow(lambda: float(BOWL(dot())))
        with (
            self.invariant("x readout equals the dot's x", lambda: (x_read.value, dot()[0])),
            self.invariant("y readout equals the dot's y", lambda: (y_read.value, dot()[1])),
            self.invariant("f readout is f at the dot", lambda: (f_read.value, sympy_f(*dot()))),
        ):
            with self.beat(
                "Gradient descent starts at two and a half, one and a half. "
                "It steps against the arrow, scaled by a learning rate of 0.1."
            ) as beat:
                beat.say(
                    0,
                    FadeOut(VGroup(self.arrows, self.marks)),
                    Write(update),
                    FadeIn(panel),
                    FadeIn(path),
                )
                beat.say(
                    1,
                    AnimationGroup(GrowArrow(uphill), GrowArrow(step_arrow), lag_ratio=0.6),
                )
                self.checkpoint("k_readout_at_start", step.value, expected=len(path.trail))
                self.checkpoint("x_readout_at_start", x_read.value, expected=START_2D[0])
                self.checkpoint("y_readout_at_start", y_read.value, expected=START_2D[1])
                self.checkpoint("start_f", f_read.value, expected=2.5**2 + 3 * 1.5**2)
                grad0 = _sympy_gradient(START_2D)
                self.checkpoint(
                    "first_step_arrow_tip",
                    coords(axes, step_arrow.get_end()),
                    expected=start - 0.1 * grad0,
                    tol=1e-6,
                )
            with self.beat(
                "The steep y direction collapses fast while x creeps in: after "
                "twelve steps x has shrunk by 0.8 per step and y by 0.4, and the "
                "loss is almost gone.",
                hold=0.8,
            ) as beat:
                walk = path.walk()
                path.set_z_index(1)  # the trail and its marks over the axes
                beat.say(0, FadeOut(VGroup(uphill, step_arrow), run_time=0.5), walk)
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
                ks = np.arange(STEPS_2D)
                self.checkpoint(
                    "visited_points_2d",
                    path.visited_shown(),
                    expected=np.column_stack([2.5 * 0.8**ks, 1.5 * 0.4**ks]),
                    tol=1e-6,
                )
        self.play(
            FadeOut(VGroup(axes, contours, path, panel, update, self.formula, self.grad_formula))
        )

    def one_dimensional_beat(self) -> None:
        axes = Axes(
            x_range=(-1, 6, 1),
            y_range=(0, 26, 5),
            x_length=7.6,
            y_length=6.6,
            axis_config={"color": theme.MUTED, "include_numbers": True, "font_size": 24},
            tips=False,
        )
        axes.to_edge(LEFT, buff=0.6)
        back_tick_labels(axes)
        curve = axes.plot(lambda x: x * x, x_range=(-1, 5.1), color=theme.CURVE, stroke_width=4)
        trace = gradient_descent(square, square_gradient, [START_1D], LR_1D, STEPS_1D)
        xs = trace.points[:, 0]
        code = theme.code("x = 5.0", "for step in range(20):", "    x -= 0.1 * 2 * x")
        code.to_corner(UP + RIGHT, buff=0.6)
        self.declare_shown(code, "the loop's source code, with the brief's start and rate")
        x_read = Readout("x", START_1D, decimals=4)
        f_read = Readout("f(x)", START_1D**2, decimals=4)
        k_read = Readout("k", 0, decimals=0)
        panel = VGroup(k_read, x_read, f_read).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        panel.next_to(code, DOWN, buff=0.5, aligned_edge=LEFT)
        # an orange trail: the path in the curve's blue would be hard to tell from it; each
        # iterate the ball leaves stays on the curve as a small dot
        path = GradientDescentPath(
            axes,
            trace,
            display_points=np.column_stack([xs, xs**2]),
            readouts=[(k_read, list(range(STEPS_1D + 1)))],
            color=theme.GRADIENT,
            visited=True,
        )

        # x is the dot's, read back through the axes; f(x) is the loss at that x
        def x_of_dot() -> float:
            return float(path.position_of_dot()[0])

        x_read.follow(x_of_dot)
        f_read.follow(lambda: square([x_of_dot()]))
        invariants = contextlib.ExitStack()  # once the axes stand
        with self.beat(
            "In one dimension the same loop is three lines of Python. Start at "
            "five; the derivative of x squared is two x."
        ) as beat:
            beat.say(0, Create(axes), Create(curve), FadeIn(code))
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
            beat.say(1, FadeIn(panel), FadeIn(path))
            self.checkpoint("k_readout_at_start_1d", k_read.value, expected=len(path.trail))
            self.checkpoint("x_readout_at_start_1d", x_read.value, expected=START_1D)
            self.checkpoint("f_readout_at_start_1d", f_read.value, expected=START_1D**2)
        first_walk = path.walk(steps=6)
        middle_walk = path.walk(steps=6)
        last_walk = path.walk()
        # the last steps are a few pixels long: a magnified inset of the bottom of the curve
        # mirrors the trail, the visited dots and the ball, below the readouts
        zoom = Magnifier(axes, ZOOM_1D, x_length=3.6, y_length=2.2)
        zoom.plot(lambda x: x * x, (0.0, 1.2), color=theme.CURVE, stroke_width=4)
        # only what reaches the window (steps from the seventh on): nothing hidden lingers
        # outside the inset
        x_max = ZOOM_1D[0][1]
        for k, segment in enumerate(path.trail, start=1):
            if xs[k] <= x_max:
                zoom.mirror_segment(cast(Line, segment))
        for k, mark in enumerate(path.visited):
            if xs[k] <= x_max:
                zoom.mirror_dot(mark, keep_opacity=True)
        zoom.mirror_dot(path.dot)
        zoom.next_to(panel, DOWN, buff=0.4).to_edge(RIGHT, buff=0.45)
        (x0, x1, _), (y0, y1, _) = ZOOM_1D
        lens = Circle(
            radius=0.6 * max(axes.c2p(x1, y1)[:2] - axes.c2p(x0, y0)[:2]),
            stroke_color=theme.ACCENT,
            stroke_width=2.5,
        ).move_to(axes.c2p((x0 + x1) / 2, (y0 + y1) / 2))
        with invariants:
            with self.beat(
                "Each step multiplies x by one minus 0.1 times two, which is 0.8. "
                "Near the bottom the slope is gentle, so the steps shrink and the "
                "visited points crowd together. Twenty steps later x is five times "
                "0.8 to the twentieth, about 0.0576.",
                hold=1.0,
            ) as beat:
                beat.say(0, first_walk)  # the first steps, one by one
                # the inset arrives as the next sentence starts (its own play: while it
                # fades in, its mirrors are not updated), then watches the next steps
                self.play(
                    GrowFromCenter(lens),
                    FadeIn(zoom, scale=0.4, target_position=lens),
                    run_time=1.0,
                )
                beat.say(1, middle_walk)
                beat.say(2, last_walk)  # the rest, while the twentieth power is said
                expected = START_1D * 0.8**STEPS_1D
                self.checkpoint("x_20", path.position_of_dot()[0], expected=expected, tol=1e-6)
                self.checkpoint("k_readout_after_20_steps", k_read.value, expected=len(path.trail))
                self.checkpoint("x_20_readout", x_read.value, expected=expected)
                self.checkpoint("f_x_20_readout", f_read.value, expected=expected**2)
                ks = np.arange(STEPS_1D)
                self.checkpoint(
                    "visited_x_1d",
                    path.visited_shown()[:, 0],
                    expected=START_1D * 0.8**ks,
                    tol=1e-6,
                )
                self.checkpoint(
                    "x_20_in_zoom",
                    zoom.point_shown(zoom.parts[-1]),
                    expected=[expected, expected**2],
                    tol=1e-6,
                )


SCENES = [Gradients]
