"""6.4 Optimization: one loss, three learning rates; minimum, maximum and saddle.

The same loss f = x² descended from x₀ = 1 with learning rates 0.01 (crawling), 0.4
(converging) and 1.1 (diverging: every step multiplies x by 1 − 2·1.1 = −1.2). Then the
second-derivative test: the signs of the Hessian's eigenvalues tell a minimum, a maximum and
a saddle apart.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import sympy as sp
from manim import DOWN, UP, FadeIn, FadeOut, VGroup

from mathviz import theme
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout
from mathviz.primitives.training import CriticalPointGallery, LearningRateRace
from mathviz.readings import derived
from mathviz.scene import LectureScene

START = 1
LEARNING_RATES = ("0.01", "0.4", "1.1")  # exact decimal strings, so Fractions stay exact
TITLES = ("lr = 0.01: crawling", "lr = 0.4: converging", "lr = 1.1: diverging")
COLORS = (theme.MUTED, theme.GOOD, theme.BAD)
NAMES = ("crawl", "converge", "diverge")
STEPS = 6
FIRST_BATCH = 3
SIZE = 34
#: |x| readouts: the converging lane needs six decimals for its last |x| = 0.000064
ABS_X_DECIMALS = (3, 6, 3)

X, Y = sp.symbols("x y")
#: (name, formula shown, f, contour levels)
SURFACES = (
    ("minimum", r"x^2+y^2", X**2 + Y**2, (0.5, 1.5, 2.5, 3.5)),
    ("maximum", r"-x^2-y^2", -(X**2) - Y**2, (-3.5, -2.5, -1.5, -0.5)),
    ("saddle", r"x^2-y^2", X**2 - Y**2, (-3.0, -2.0, -1.0, 1.0, 2.0, 3.0)),
)


# --- independent routes to the expected values ---------------------------------------------------
def exact_iterate(lr: str, k: int) -> float:
    """x_k = (1 − 2 lr)^k x₀ in exact rational arithmetic."""
    return float((1 - 2 * Fraction(lr)) ** k * START)


def exact_multiplier(lr: str) -> float:
    return float(1 - 2 * Fraction(lr))


def sympy_multiplier(lr: str) -> float:
    """What one update does to x: ``(x − lr·d/dx x²) / x``, differentiated and simplified by
    sympy with the rate as an exact rational."""
    x = sp.symbols("x", nonzero=True)
    rate = sp.Rational(lr)
    return float(sp.simplify((x - rate * sp.diff(x**2, x)) / x))


def sympy_verdict(expr: sp.Expr) -> int:
    """The second-derivative test on sympy's eigenvalues: +1 all positive (a minimum), −1 all
    negative (a maximum), 0 mixed signs (a saddle)."""
    signs = {int(sp.sign(v)) for v in sympy_hessian(expr).eigenvals()}
    return 1 if signs == {1} else -1 if signs == {-1} else 0


def sympy_hessian(expr: sp.Expr) -> sp.Matrix:
    return sp.hessian(expr, (X, Y))


def sympy_eigen(expr: sp.Expr) -> tuple[list[float], list[list[float]]]:
    """Eigenvalues (ascending) and unit eigen-directions (|components|) from sympy."""
    pairs = sorted(sympy_hessian(expr).eigenvects(), key=lambda t: float(t[0]))
    values, directions = [], []
    for value, _multiplicity, vectors in pairs:
        for v in vectors:
            values.append(float(value))
            u = np.array([float(c) for c in v], dtype=float)
            directions.append(list(np.abs(u / np.linalg.norm(u))))
    return values, directions


def numeric_field(expr: sp.Expr):
    fn = sp.lambdify((X, Y), expr, "numpy")
    return lambda p: fn(*np.asarray(p, dtype=float)[:2])


class Optimization(LectureScene):
    chapter_id = "6.4"

    def construct(self) -> None:
        self.open_chapter(
            "Gradient descent has one knob that matters more than any other: the learning "
            "rate. Too small and training crawls, too large and it blows up."
        )
        self.race_beats()
        self.critical_point_beats()
        self.close_chapter(
            "The learning rate decides: crawl, converge or explode.",
            "Where the gradient is zero, the Hessian's eigenvalue signs tell a valley from a "
            "peak or a saddle. Next, integrals: adding up infinitely many small pieces.",
        )

    # ------------------------------------------------------------------------------------
    def race_beats(self) -> None:
        race = LearningRateRace(
            START,
            [float(lr) for lr in LEARNING_RATES],
            STEPS,
            titles=TITLES,
            colors=COLORS,
            size=SIZE,
            lane_height=3.4,
            decimals=ABS_X_DECIMALS,
        )
        race.to_edge(UP, buff=0.35)
        for lane in race.lanes:
            self.declare_shown(lane[0], "the lane's title: the brief's learning rate")
        multipliers = []
        for lane, lr, color in zip(race.lanes, LEARNING_RATES, COLORS, strict=True):
            m = Readout(
                rf"1-2\cdot{lr}", float(1 - 2 * float(lr)), decimals=2, size=SIZE, color=color
            )
            m.next_to(lane, DOWN, buff=0.3)
            self.declare_shown(m.label, "the factor's formula with the brief's learning rate")
            multipliers.append(m)
        self.panel = Panel(corner=DOWN, edge_buff=0.45)
        update = theme.tex(
            r"x \leftarrow x - \mathrm{lr}\cdot 2x = (1-2\,\mathrm{lr})\,x",
            size=36,
            color=theme.PATH,
        )
        with self.beat(
            "Three copies of the same loss, x squared, each with a ball at x equals "
            "one. The update subtracts the learning rate times the slope two x, so "
            "every step multiplies x by one minus two lr."
        ):
            self.play(race.create())
            self.play(self.panel.show(update))
            self.checkpoint("step_counters_at_start", race.steps_shown(), expected=[0, 0, 0])
            self.checkpoint(
                "abs_x_readouts_at_start",
                race.abs_x_shown(),
                expected=[abs(exact_iterate(lr, 0)) for lr in LEARNING_RATES],
            )
        with self.beat(
            "That factor is 0.98 for the small rate, 0.2 for the middle one and "
            "minus 1.2 for the large one: bigger than one in size, with a sign flip."
        ):
            self.play(*(FadeIn(m, shift=0.1 * DOWN) for m in multipliers))
            for m, lr, name in zip(multipliers, LEARNING_RATES, NAMES, strict=True):
                self.checkpoint(f"multiplier_{name}", m.value, expected=sympy_multiplier(lr))
        # each |x| readout is its ball's distance from the minimum at every sampled moment
        with self.invariant(
            "|x| readouts equal the balls' distances",
            lambda: (race.abs_x_shown(), np.abs(np.asarray(race.positions_shown()))),
        ):
            with self.beat(
                "Three steps in, the slow ball has barely moved, the middle one is "
                "nearly at the bottom, and the fast one overshoots to the other wall "
                "and climbs higher every time."
            ):
                start = race.positions_shown()
                self.play(race.step(0.8))
                first = race.positions_shown()
                # the printed factor is what one step did to each drawn ball
                for i, (m, name) in enumerate(zip(multipliers, NAMES, strict=True)):
                    self.checkpoint(
                        f"multiplier_{name}_is_the_drawn_step",
                        m.value,
                        expected=derived(
                            "x₁ / x₀ of the ball", first[i] / start[i], first[i], start[i]
                        ),
                    )
                for _ in range(FIRST_BATCH - 1):
                    self.play(race.step(0.8))
                self.checkpoint(
                    "x_after_3_steps",
                    race.positions_shown(),
                    expected=[exact_iterate(lr, FIRST_BATCH) for lr in LEARNING_RATES],
                    tol=1e-6,
                )
                self.checkpoint(
                    "step_counters_after_3", race.steps_shown(), expected=[FIRST_BATCH] * 3
                )
                self.checkpoint(
                    "abs_x_readouts_after_3",
                    race.abs_x_shown(),
                    expected=[abs(exact_iterate(lr, FIRST_BATCH)) for lr in LEARNING_RATES],
                )
            with self.beat(
                "Three more steps. The diverging ball zig-zags outward, its distance "
                "from the minimum growing by exactly 1.2 per step: that is what a "
                "loss going to NaN looks like.",
                hold=0.5,
            ):
                before_last = None
                for k in range(FIRST_BATCH, STEPS):
                    if k == STEPS - 1:
                        before_last = race.positions_shown()
                    self.play(race.step(0.8))
                after = race.positions_shown()
                self.checkpoint(
                    "x_after_6_steps",
                    after,
                    expected=[exact_iterate(lr, STEPS) for lr in LEARNING_RATES],
                    tol=1e-6,
                )
                self.checkpoint("step_counters_after_6", race.steps_shown(), expected=[STEPS] * 3)
                self.checkpoint(
                    "abs_x_readouts_after_6",
                    race.abs_x_shown(),
                    expected=[abs(exact_iterate(lr, STEPS)) for lr in LEARNING_RATES],
                )
                self.checkpoint(
                    "diverging_growth_ratio",
                    derived(
                        "|x₆| / |x₅| of the diverging ball",
                        abs(after[2]) / abs(before_last[2]),
                        after[2],
                        before_last[2],
                    ),
                    expected=abs(exact_multiplier("1.1")),
                    tol=1e-6,
                )
                self.checkpoint(
                    "diverging_height_after_6",
                    race.heights_shown()[2],
                    expected=exact_iterate("1.1", STEPS) ** 2,
                    tol=1e-6,
                )
        self.play(FadeOut(VGroup(race, *multipliers)), self.panel.hide(), run_time=0.8)

    # ------------------------------------------------------------------------------------
    def critical_point_beats(self) -> None:
        surfaces = []
        for _, formula, expr, levels in SURFACES:
            hessian = np.array(sympy_hessian(expr).tolist(), dtype=float)
            surfaces.append((formula, numeric_field(expr), hessian, levels))
        gallery = CriticalPointGallery(surfaces, extent=2.0, side=3.3, size=34)
        gallery.to_edge(UP, buff=0.3)
        with self.beat(
            "Where the gradient is zero, the loss can sit in a bowl, on a peak or "
            "on a saddle. Here are the level curves of x squared plus y squared, "
            "its negative, and x squared minus y squared."
        ):
            self.play(gallery.create(run_time=2.5))
        with self.beat(
            "The Hessian, the matrix of second derivatives, decides. Its "
            "eigenvectors are the principal directions, drawn green where the "
            "surface curves up and red where it curves down."
        ):
            self.play(gallery.reveal_hessians(run_time=2.5))
            for index, (title, _, expr, _) in enumerate(SURFACES):
                values, directions = sympy_eigen(expr)
                self.checkpoint(
                    f"eigenvalues_{title}", gallery.eigenvalues_shown(index), expected=values
                )
                # a drawn direction is a line through the point: compared without its sign
                drawn = gallery.directions_shown(index)
                self.checkpoint(
                    f"eigen_directions_{title}",
                    derived("|components| of the drawn directions", np.abs(drawn), drawn),
                    expected=directions,
                    tol=1e-6,
                )
        with self.beat(
            "Both eigenvalues positive: a minimum. Both negative: a maximum. Mixed "
            "signs: a saddle, downhill one way and uphill the other, which is where "
            "high-dimensional training spends much of its time.",
            hold=0.5,
        ):
            self.play(gallery.reveal_verdicts())
            for index, (title, _, expr, _) in enumerate(SURFACES):
                values, _ = sympy_eigen(expr)
                self.checkpoint(
                    f"signs_{title}",
                    gallery.curvature_signs_shown(index),
                    expected=[int(sp.sign(v)) for v in values],
                    tol=0,
                )
                self.checkpoint(
                    f"verdict_is_{title}",
                    gallery.verdict_code_shown(index),
                    expected=sympy_verdict(expr),
                    tol=0,
                )


SCENES = [Optimization]
