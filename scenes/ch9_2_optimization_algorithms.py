"""9.2 Optimization Algorithms: SGD, momentum and Adam racing down one elongated valley.

All three start at the same point of f(x, y) = ½x² + 5y² and advance step by step together;
SGD zigzags across the steep direction, momentum overshoots and settles, Adam takes steps of
nearly constant length. Dot positions are read back through the axes and checked against
closed forms (SGD, momentum) and a scalar per-coordinate Adam recursion.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Axes,
    Circle,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    GrowFromCenter,
    Line,
    MathTex,
    VGroup,
)

from mathviz import theme
from mathviz.maths.descent import QuadraticBowl, contour_lines
from mathviz.maths.optimizers import SGD, Adam, Momentum
from mathviz.primitives.descent import ContourMap
from mathviz.primitives.magnifier import Magnifier
from mathviz.primitives.optimizers import OptimizerRace
from mathviz.primitives.panel import Panel
from mathviz.primitives.plots import number_edges
from mathviz.primitives.readout import Readout, coords
from mathviz.readings import derived, printed_all
from mathviz.scene import LectureScene

VALLEY = QuadraticBowl(a=0.5, b=5.0)  # f = ½x² + 5y², ∇f = (x, 10y)
START = (-4.5, 1.5)
SGD_LR = 0.18
MOMENTUM_LR, MOMENTUM_BETA = 0.04, 0.9
ADAM_LR, ADAM_B1, ADAM_B2, ADAM_EPS = 0.3, 0.9, 0.999, 1e-8
FIRST_LEG, STEPS = 10, 40
#: the race is cut where the narration changes subject: SGD's zigzag (steps 1–5), momentum
#: gathering speed and passing the minimum at step 9 (6–10), momentum swinging back and
#: settling (11–25), Adam hovering near the bottom (26–40)
ZIGZAG_END, SWING_END = 5, 25
LEVELS = (0.25, 1.0, 2.5, 5.0, 9.0, 14.0, 21.375)
NAMES = ("SGD", "Momentum", "Adam")
COLORS = {"SGD": theme.PATH, "Momentum": theme.GRADIENT, "Adam": theme.GOOD}
LABELS = {"SGD": r"\mathrm{SGD}", "Momentum": r"\mathrm{mom}", "Adam": r"\mathrm{Adam}"}
PANEL_SIZE = 32
#: the magnified inset around the start: ((x_min, x_max, x_step), (y_min, y_max, y_step))
#: and its axes' size, one scale for both coordinates so equal steps look equal
ZOOM_WINDOW = ((-4.6, -4.0, 0.2), (1.1, 1.6, 0.1))
ZOOM_SIZE = (2.04, 1.7)
#: the dots' radii, largest first: at the shared start the three sit as concentric rings
#: (SGD's under momentum's under Adam's) instead of one dot hiding the other two
DOT_RADII = {"SGD": 0.17, "Momentum": 0.125, "Adam": 0.08}
#: decimals of the loss readouts. The narration quotes no loss, so three are enough to
#: compare the optimizers; SGD's final 1.5e-6 then reads 0.000, true at the shown precision
LOSS_DECIMALS = 3
TOL = 1e-9


# --- independent routes to the expected values ----------------------------------------------
def curvature(coordinate: int) -> float:
    """∂f/∂x_i = curvature · x_i on this separable valley (1 for x, 10 for y)."""
    return 2 * (VALLEY.a, VALLEY.b)[coordinate]


def sgd_closed_form(k: int) -> np.ndarray:
    """SGD shrinks each coordinate by (1 − lr·curvature) per step."""
    return np.array([START[i] * (1 - SGD_LR * curvature(i)) ** k for i in range(2)])


def momentum_closed_form(k: int) -> np.ndarray:
    """Per coordinate, (x, v) evolves by the matrix [[1 − lr·c, −lr·β], [c, β]]."""
    out = []
    for i in range(2):
        c = curvature(i)
        step = np.array([[1 - MOMENTUM_LR * c, -MOMENTUM_LR * MOMENTUM_BETA], [c, MOMENTUM_BETA]])
        out.append((np.linalg.matrix_power(step, k) @ np.array([START[i], 0.0]))[0])
    return np.array(out)


def adam_scalar(coordinate: int, k: int) -> list[float]:
    """Adam on one coordinate (it acts coordinate-wise): the first ``k + 1`` iterates."""
    x, m, v, xs = START[coordinate], 0.0, 0.0, [START[coordinate]]
    for t in range(1, k + 1):
        g = curvature(coordinate) * x
        m = ADAM_B1 * m + (1 - ADAM_B1) * g
        v = ADAM_B2 * v + (1 - ADAM_B2) * g * g
        x -= ADAM_LR * (m / (1 - ADAM_B1**t)) / (math.sqrt(v / (1 - ADAM_B2**t)) + ADAM_EPS)
        xs.append(x)
    return xs


def adam_closed(k: int) -> np.ndarray:
    return np.array([adam_scalar(0, k)[-1], adam_scalar(1, k)[-1]])


def valley_formula() -> MathTex:
    """The loss, as the panel's first row (a fresh copy for every panel change)."""
    return theme.tex(r"f(x, y) = \tfrac12 x^2 + 5y^2", size=36)


def loss(p: np.ndarray) -> float:
    return float(0.5 * p[0] ** 2 + 5 * p[1] ** 2)


class OptimizationAlgorithms(LectureScene):
    chapter_id = "9.2"

    def construct(self) -> None:
        self.open_chapter("Three optimizers, one loss: let's race them.")
        self.panel = Panel(corner=UP + RIGHT)
        self.valley_beat()
        self.rules_beat()
        self.race_beats()
        self.inspect_beat()
        self.close_chapter(
            "Same gradient, different memory: inertia or per-coordinate scale.",
            "Momentum adds inertia; Adam rescales each coordinate so its steps stop "
            "depending on the slope.",
        )

    # ------------------------------------------------------------------------------------
    def valley_beat(self) -> None:
        axes = Axes(
            x_range=(-5, 2.5, 1),
            y_range=(-2, 2, 1),
            x_length=9.0,
            y_length=5.2,
            axis_config={"color": theme.MUTED, "font_size": 22},
            tips=False,
        )
        # numbered along the plot's edges: on the axes through the middle the elongated
        # contours would run through the numbers
        number_edges(axes)
        axes.to_edge(LEFT, buff=0.45).shift(0.55 * DOWN)
        contours = ContourMap(axes, contour_lines(VALLEY, LEVELS, (-5, 2.5), (-2, 2)))
        formula = valley_formula()
        optimizers = {
            "SGD": SGD(SGD_LR),
            "Momentum": Momentum(MOMENTUM_LR, MOMENTUM_BETA),
            "Adam": Adam(ADAM_LR, ADAM_B1, ADAM_B2, ADAM_EPS),
        }
        self.paths = {
            name: opt.trace(VALLEY.gradient, START, STEPS) for name, opt in optimizers.items()
        }
        self.step = Readout("k", 0, decimals=0, size=PANEL_SIZE, commas=False)
        self.f_reads = {
            name: Readout(
                f"f_{{{LABELS[name]}}}",
                0.0,
                decimals=LOSS_DECIMALS,
                size=PANEL_SIZE,
                color=COLORS[name],
            )
            for name in NAMES
        }
        # each loss readout follows its dot: f at the dot's position, read through the axes
        self.race = OptimizerRace(
            axes,
            self.paths,
            COLORS,
            step_readout=self.step,
            readouts={name: (self.f_reads[name], VALLEY) for name in NAMES},
        )
        for name, radius in DOT_RADII.items():
            self.race.dots[name].scale_to_fit_width(2 * radius)
        # the key to the colours, above the plot: a dot of each optimizer's size and its name
        legend = VGroup(
            *(
                VGroup(
                    Dot(radius=DOT_RADII[name], color=COLORS[name]),
                    theme.text(name, size=theme.LABEL_SIZE, color=COLORS[name]),
                ).arrange(RIGHT, buff=0.15)
                for name in NAMES
            )
        ).arrange(RIGHT, buff=0.6)
        legend.next_to(axes, UP, buff=0.35).align_to(axes, LEFT)
        self.legend = legend
        self.declare_shown(legend, "the optimizers' names, the key to the dots' colours")
        with self.beat(
            "The loss is one half x squared plus five y squared. It is a long valley, "
            "ten times steeper across than along. All three optimizers start at "
            "minus four and a half, one and a half."
        ) as beat:
            beat.say(0, Create(axes), self.panel.show(formula))
            beat.say(1, contours.create())
            beat.say(2, FadeIn(self.race), FadeIn(legend, shift=0.2 * DOWN))
            for name, p in self.race.positions_shown().items():
                self.checkpoint(f"{name.lower()}_start", p, expected=list(START), tol=TOL)
        self.axes = axes

    def rules_beat(self) -> None:
        def rule(tex: str, name: str) -> MathTex:
            return theme.tex(tex, size=PANEL_SIZE - 2, color=COLORS[name])

        rules = (
            rule(rf"x \leftarrow x - {SGD_LR:g}\,g", "SGD"),
            rule(rf"v \leftarrow {MOMENTUM_BETA:g}\,v + g", "Momentum"),
            rule(rf"x \leftarrow x - {MOMENTUM_LR:g}\,v", "Momentum"),
            rule(rf"m \leftarrow {ADAM_B1:g}\,m + {1 - ADAM_B1:g}\,g", "Adam"),
            rule(rf"v \leftarrow {ADAM_B2:g}\,v + {1 - ADAM_B2:g}\,g^2", "Adam"),
            rule(
                rf"x \leftarrow x - {ADAM_LR:g}\,\hat m / (\sqrt{{\hat v}} + \varepsilon)", "Adam"
            ),
        )
        # no names on the rows: each is in its optimizer's colour, keyed by the legend, and
        # appears while the narration names it
        for row in rules:
            self.declare_shown(
                row, "the optimizers' hyperparameters, typed from the constants the race runs with"
            )
        with self.beat(
            "SGD steps against the gradient g. Momentum keeps a velocity, v equals "
            "beta v plus g, and steps along it. Adam divides a bias-corrected mean "
            "of g by the root of a mean of g squared, so each coordinate moves by "
            "about the learning rate."
        ) as beat:
            beat.say(0, self.panel.show(valley_formula(), rules[0]))
            beat.say(1, self.panel.grow(*rules[1:3]))
            beat.say(2, self.panel.grow(*rules[3:]))

    def race_beats(self) -> None:
        race = self.race
        rows = [valley_formula(), self.step, *(self.f_reads[n] for n in NAMES)]

        def trail_end_and_dot(name: str) -> Callable[[], tuple[Any, Any]]:
            """Where an optimizer's drawn trail ends, and where its dot is."""
            return lambda: (race.trail_end_shown(name), race.positions_shown()[name])

        with contextlib.ExitStack() as motion:
            for name in NAMES:  # at every sampled frame of the race, not only at beat ends
                motion.enter_context(
                    self.invariant(
                        f"trail ends at its dot: {name}",
                        trail_end_and_dot(name),
                        tol=TOL,
                    )
                )
            motion.enter_context(
                self.invariant(
                    "loss readouts show f at their dots",
                    lambda: (
                        printed_all(self.f_reads[n] for n in NAMES),
                        [loss(coords(self.axes, race.dots[n])) for n in NAMES],
                    ),
                )
            )
            with self.beat(
                "Go: SGD bounces from wall to wall across the steep direction. "
                "Momentum gathers speed along the valley floor, and by step nine it "
                "has already shot past the minimum."
            ) as beat:
                self.play(self.panel.show(*rows), run_time=0.8)
                beat.say(0, race.advance(ZIGZAG_END))
                beat.say(1, race.advance(FIRST_LEG - ZIGZAG_END))
                self.record_positions(FIRST_LEG)
            with self.beat(
                "Momentum swings back across the minimum and settles. Adam keeps "
                "taking steps of nearly constant length, so near the bottom it hovers "
                "instead of slowing down."
            ) as beat:
                beat.say(0, race.advance(SWING_END - FIRST_LEG))
                beat.say(1, race.advance(STEPS - SWING_END))
                self.record_positions(STEPS)

    def closed_form(self, name: str, k: int) -> np.ndarray:
        return {"SGD": sgd_closed_form, "Momentum": momentum_closed_form, "Adam": adam_closed}[
            name
        ](k)

    def record_positions(self, k: int) -> None:
        """The dots after ``k`` steps against the closed forms, the loss readouts against f
        there, and the step counter against the number of segments SGD's trail has drawn."""
        drawn = len(self.race.trail_shown("SGD")) - 1
        self.checkpoint(f"step_counter_{k}", self.step.value, expected=drawn)
        for name, shown in self.race.positions_shown().items():
            self.checkpoint(
                f"{name.lower()}_x{k}", shown, expected=self.closed_form(name, k), tol=1e-6
            )
        for name in NAMES:
            self.checkpoint(
                f"{name.lower()}_f_{k}",
                self.f_reads[name].value,
                expected=loss(self.closed_form(name, k)),
            )

    def inspect_beat(self) -> None:
        race = self.race
        mom_trail = race.trail_shown("Momentum")
        farthest = derived(
            "the largest x among the drawn momentum trail's vertices",
            float(np.max(mom_trail[:, 0])),
            mom_trail,
        )
        adam_first = race.segment_shown("Adam", 1)
        overshoot = Readout(
            r"\max x_{\mathrm{mom}}",
            farthest,
            decimals=1,
            size=PANEL_SIZE,
            color=COLORS["Momentum"],
        )
        # the first step per coordinate, as the narration states it (its length, 0.3·√2,
        # would contradict "each coordinate moved by 0.3")
        deltas = [
            Readout(
                rf"\Delta {axis}_{{1,\mathrm{{Adam}}}}",
                float(adam_first[i]),
                decimals=1,
                size=PANEL_SIZE,
                color=COLORS["Adam"],
            )
            for i, axis in enumerate("xy")
        ]
        # the farthest swing as a dashed line across the valley at that x (short of the tick
        # numbers on the plot's edges)
        reach = DashedLine(
            self.axes.c2p(farthest, -1.85),
            self.axes.c2p(farthest, 1.85),
            color=COLORS["Momentum"],
            stroke_width=3,
        )
        # Adam's first step drawn as its two legs, 0.3 along x then 0.3 along y
        start = np.array(START)
        after = start + adam_first
        corner = start + np.array([adam_first[0], 0.0])
        run = Line(self.axes.c2p(*start), self.axes.c2p(*corner), color=theme.ACCENT)
        drop = Line(self.axes.c2p(*corner), self.axes.c2p(*after), color=theme.ACCENT)
        legs = VGroup(run, drop).set_stroke(width=4)
        # the step is a third of a unit, a few pixels on the map: a magnified inset of the
        # start mirrors Adam's first segment, its two iterates and the legs
        first_segment = Line(
            self.axes.c2p(*start), self.axes.c2p(*after), color=COLORS["Adam"], stroke_width=3
        )
        iterates = VGroup(
            *(Dot(self.axes.c2p(*p), radius=0.05, color=COLORS["Adam"]) for p in (start, after))
        )
        # (1.1 left unnumbered: it would sit on the inset's x-axis in the corner)
        zoom = Magnifier(
            self.axes,
            ZOOM_WINDOW,
            x_length=ZOOM_SIZE[0],
            y_length=ZOOM_SIZE[1],
            drop_y_numbers=(1.1,),
        )
        zoom.mirror_segment(first_segment)
        zoom_legs = [zoom.mirror_segment(leg) for leg in (run, drop)]
        for dot in iterates:
            zoom.mirror_dot(dot)
        zoom.to_corner(DOWN + RIGHT, buff=0.3)
        (x0, x1, _), (y0, y1, _) = ZOOM_WINDOW
        lens = Circle(
            radius=0.55 * max(self.axes.c2p(x1, y1)[:2] - self.axes.c2p(x0, y0)[:2]),
            stroke_color=theme.ACCENT,
            stroke_width=2.5,
        ).move_to(self.axes.c2p((x0 + x1) / 2, (y0 + y1) / 2))
        with self.beat(
            "Read off the trails: momentum swung out to x equal to about two, far "
            "past the minimum at zero. Now zoom in on the start. Adam's first step "
            "moved each coordinate by exactly the learning rate, 0.3, however steep "
            "the slope was."
        ) as beat:
            beat.say(0, Create(reach), self.panel.grow(overshoot))
            self.add(first_segment, iterates)
            beat.say(
                1,
                AnimationGroup(GrowFromCenter(lens), FadeIn(zoom, scale=0.4, target_position=lens)),
            )
            beat.say(2, Create(legs, lag_ratio=1.0), self.panel.grow(*deltas))
            expected_max = max(momentum_closed_form(k)[0] for k in range(STEPS + 1))
            self.checkpoint("momentum_max_x", overshoot.value, expected=expected_max)
            self.checkpoint("momentum_max_x_trail", farthest, expected=expected_max, tol=1e-6)
            self.checkpoint(
                "momentum_max_x_line",
                coords(self.axes, reach.get_start())[0],
                expected=expected_max,
                tol=1e-6,
            )
            # the narrated claim: the learning rate per coordinate, against the gradient's sign
            expected_step = -ADAM_LR * np.sign(VALLEY.gradient(np.array(START)))
            self.checkpoint("adam_first_step", adam_first, expected=list(expected_step), tol=1e-6)
            for i, axis in enumerate("xy"):
                self.checkpoint(
                    f"adam_first_step_d{axis}", deltas[i].value, expected=expected_step[i]
                )
            ends = coords(self.axes, np.array([legs[0].get_end(), legs[1].get_end()]))
            self.checkpoint(
                "adam_first_step_legs",
                derived(
                    "the first leg's run along x and the second leg's drop along y, from START",
                    [float(ends[0][0] - START[0]), float(ends[1][1] - START[1])],
                    ends,
                ),
                expected=list(expected_step),
                tol=1e-6,
            )
            self.checkpoint(
                "adam_first_step_zoom",
                [zoom.run_shown(zoom_legs[0]), zoom.rise_shown(zoom_legs[1])],
                expected=list(expected_step),
                tol=1e-6,
            )


SCENES = [OptimizationAlgorithms]
