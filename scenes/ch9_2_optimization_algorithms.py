"""9.2 Optimization Algorithms: SGD, momentum and Adam racing down one elongated valley.

All three start at the same point of f(x, y) = ½x² + 5y² and advance step by step together;
SGD zigzags across the steep direction, momentum overshoots and settles, Adam takes steps of
nearly constant length. Dot positions are read back through the axes and checked against
closed forms (SGD, momentum) and a scalar per-coordinate Adam recursion.
"""

from __future__ import annotations

import contextlib
import math

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Axes, Create, FadeIn, MathTex

from mathviz import theme
from mathviz.maths.descent import QuadraticBowl, contour_lines
from mathviz.maths.optimizers import SGD, Adam, Momentum
from mathviz.primitives.descent import ContourMap
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
LEVELS = (0.25, 1.0, 2.5, 5.0, 9.0, 14.0, 21.375)
NAMES = ("SGD", "Momentum", "Adam")
COLORS = {"SGD": theme.PATH, "Momentum": theme.GRADIENT, "Adam": theme.GOOD}
LABELS = {"SGD": r"\mathrm{SGD}", "Momentum": r"\mathrm{mom}", "Adam": r"\mathrm{Adam}"}
PANEL_SIZE = 32
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
    return 0.5 * p[0] ** 2 + 5 * p[1] ** 2


class OptimizationAlgorithms(LectureScene):
    chapter_id = "9.2"

    def construct(self) -> None:
        self.open_chapter(
            "Every training loop steps downhill; optimizers differ in what they remember "
            "between steps. We race three of them on the same loss."
        )
        self.panel = Panel(corner=UP + RIGHT)
        self.valley_beat()
        self.rules_beat()
        self.race_beats()
        self.inspect_beat()
        self.close_chapter(
            "Same gradient, different memory: inertia or per-coordinate scale.",
            "Momentum adds inertia that rolls through narrow valleys; Adam rescales each "
            "coordinate so step sizes stop depending on the slope.",
        )

    # ------------------------------------------------------------------------------------
    def valley_beat(self) -> None:
        axes = Axes(
            x_range=(-5, 2.5, 1),
            y_range=(-2, 2, 1),
            x_length=8.6,
            y_length=4.6,
            axis_config={"color": theme.MUTED, "font_size": 22},
            tips=False,
        )
        # numbered along the plot's edges: on the axes through the middle the elongated
        # contours would run through the numbers
        number_edges(axes)
        axes.to_edge(LEFT, buff=0.45).shift(0.35 * DOWN)
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
        with self.beat(
            "The loss is one half x squared plus five y squared: a long valley, "
            "ten times steeper across than along. All three optimizers start at "
            "minus four and a half, one and a half."
        ):
            self.play(Create(axes), self.panel.show(formula))
            self.play(contours.create())
            self.play(FadeIn(self.race))
            for name, p in self.race.positions_shown().items():
                self.checkpoint(f"{name.lower()}_start", p, expected=list(START), tol=TOL)
        self.axes = axes

    def rules_beat(self) -> None:
        def rule(tex: str, name: str):
            return theme.tex(tex, size=PANEL_SIZE - 2, color=COLORS[name])

        rules = (
            rule(rf"\text{{SGD: }} x \leftarrow x - {SGD_LR:g}\,g", "SGD"),
            rule(rf"\text{{Momentum: }} v \leftarrow {MOMENTUM_BETA:g}\,v + g", "Momentum"),
            rule(rf"x \leftarrow x - {MOMENTUM_LR:g}\,v", "Momentum"),
            rule(rf"\text{{Adam: }} m \leftarrow {ADAM_B1:g}\,m + {1 - ADAM_B1:g}\,g", "Adam"),
            rule(rf"v \leftarrow {ADAM_B2:g}\,v + {1 - ADAM_B2:g}\,g^2", "Adam"),
            rule(
                rf"x \leftarrow x - {ADAM_LR:g}\,\hat m / (\sqrt{{\hat v}} + \varepsilon)", "Adam"
            ),
        )
        for row in rules:
            self.declare_shown(
                row, "the optimizers' hyperparameters, typed from the constants the race runs with"
            )
        with self.beat(
            "SGD steps against the gradient g. Momentum keeps a velocity, v equals "
            "beta v plus g, and steps along it. Adam divides a bias-corrected mean "
            "of g by the root of a mean of g squared, so each coordinate moves by "
            "about the learning rate."
        ):
            self.play(self.panel.show(valley_formula(), *rules, run_time=1.5))

    def race_beats(self) -> None:
        race = self.race
        rows = [valley_formula(), self.step, *(self.f_reads[n] for n in NAMES)]
        with contextlib.ExitStack() as motion:
            for name in NAMES:  # at every sampled frame of the race, not only at beat ends
                motion.enter_context(
                    self.invariant(
                        f"trail ends at its dot: {name}",
                        lambda name=name: (
                            race.trail_end_shown(name),
                            race.positions_shown()[name],
                        ),
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
                "Go. Ten steps in, SGD bounces from wall to wall across the steep "
                "direction, while momentum is still picking up speed along the "
                "valley floor."
            ):
                self.play(self.panel.show(*rows))
                self.play(race.advance(FIRST_LEG, seconds_per_step=0.4))
                self.record_positions(FIRST_LEG)
            with self.beat(
                "Momentum overshoots the minimum, swings back and settles. Adam "
                "keeps taking steps of nearly constant length, so near the bottom "
                "it hovers instead of slowing down.",
                hold=0.5,
            ):
                self.play(race.advance(seconds_per_step=0.22))
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
            decimals=3,
            size=PANEL_SIZE,
            color=COLORS["Momentum"],
        )
        first = Readout(
            r"|\Delta x_1|_{\mathrm{Adam}}",
            float(np.linalg.norm(adam_first)),
            decimals=4,
            size=PANEL_SIZE,
            color=COLORS["Adam"],
        )
        with self.beat(
            "Read off the trails: momentum swung out to x equal to about two, far "
            "past the minimum at zero. Adam's first step moved each coordinate by "
            "exactly the learning rate, 0.3, however steep the slope was."
        ):
            self.play(self.panel.grow(overshoot, first))
            expected_max = max(momentum_closed_form(k)[0] for k in range(STEPS + 1))
            self.checkpoint("momentum_max_x", overshoot.value, expected=expected_max)
            self.checkpoint("momentum_max_x_trail", farthest, expected=expected_max, tol=1e-6)
            # the narrated claim: the learning rate per coordinate, against the gradient's sign
            self.checkpoint(
                "adam_first_step",
                adam_first,
                expected=list(-ADAM_LR * np.sign(VALLEY.gradient(np.array(START)))),
                tol=1e-6,
            )
            self.checkpoint("adam_first_step_length", first.value, expected=ADAM_LR * math.sqrt(2))


SCENES = [OptimizationAlgorithms]
