"""6.4 Optimization: one loss, three learning rates; minimum, maximum and saddle.

Two scenes. In the first, the same loss f = x² is descended from x₀ = 1 with learning rates
0.01 (crawling), 0.4 (converging) and 1.1 (diverging: every step multiplies x by
1 − 2·1.1 = −1.2), one step under each sentence. In the second, the second-derivative test
in 3-D: a bowl, a dome and a saddle rise side by side while the camera swings slowly round
them; a ball rolls into the bowl, off the dome and through the saddle, its height read out;
then each surface's Hessian, its eigen-directions drawn on the surface (green where it curves
up, red where it curves down) and its eigenvalues in ascending order, and the verdict.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp
from manim import (
    DEGREES,
    DOWN,
    LEFT,
    OUT,
    RIGHT,
    UP,
    Circumscribe,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    Mobject,
    ParametricFunction,
    Text,
    ThreeDAxes,
    UpdateFromAlphaFunc,
    VGroup,
    Write,
)
from manim.utils.rate_functions import rush_from, rush_into, smooth

from mathviz import theme
from mathviz.maths.surfaces import segment
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout
from mathviz.primitives.surface import HeightSurface, Probe
from mathviz.primitives.training import LearningRateRace
from mathviz.readings import derived, printed_all, reads_screen
from mathviz.scene import LectureScene, LectureThreeDScene

START = 1
LEARNING_RATES = ("0.01", "0.4", "1.1")  # exact decimal strings, so Fractions stay exact
TITLES = ("lr = 0.01: crawling", "lr = 0.4: converging", "lr = 1.1: diverging")
COLORS = (theme.MUTED, theme.GOOD, theme.BAD)
NAMES = ("crawl", "converge", "diverge")
STEPS = 6
SIZE = 34
#: |x| readouts: the converging lane needs four decimals for its last |x| = 0.000064 to
#: still read as not quite zero (0.0001); more would only churn while the balls move
ABS_X_DECIMALS = (3, 4, 3)

X, Y = sp.symbols("x y")
#: (name, formula shown, f)
SURFACES = (
    ("minimum", r"f=x^2+y^2", X**2 + Y**2),
    ("maximum", r"f=-x^2-y^2", -(X**2) - Y**2),
    ("saddle", r"f=x^2-y^2", X**2 - Y**2),
)
#: half the side of the square of inputs each surface covers
EXTENT = 1.3
#: where each surface stands, left to right (world x of its axes' origin)
COLUMNS = (-4.5, 0.0, 4.5)
#: the frame x of each column's texts
TEXT_X = (-4.55, 0.0, 4.55)
#: the camera: from above and a little to the side, sinking slowly from PHI_START towards
#: the floor (an orbit in elevation keeps the three surfaces side by side on screen)
PHI_START, THETA, SWING_RATE = 68 * DEGREES, -96 * DEGREES, -0.0035
FRAME_CENTER = (0.0, 0.0, -0.75)
#: scene units per unit of x and y, and per unit of height
XY_UNIT, Z_UNIT = 1.2, 0.72
#: the floor paths of the three balls
BOWL_ROLL = ((1.2, 0.75), (0.0, 0.0))
DOME_ROLL = ((0.1, 0.07), (1.15, 0.8))
SADDLE_ROLL = ((1.25, 0.0), (0.0, 0.0), (0.0, 1.25))


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


def sympy_height(expr: sp.Expr) -> Callable[[float, float], float]:
    """f at one input, substituted exactly by sympy: the input's floats as the rationals
    they are (not a guessed simpler fraction: that search costs a second of every check)."""
    return lambda x, y: float(expr.subs({X: sp.Rational(x), Y: sp.Rational(y)}))


def sympy_critical_point(expr: sp.Expr) -> list[float]:
    """The input where sympy's gradient vanishes, and f there: ``[x, y, f]``."""
    (solution,) = sp.solve([sp.diff(expr, X), sp.diff(expr, Y)], [X, Y], dict=True)
    return [float(solution[X]), float(solution[Y]), float(expr.subs(solution))]


def sympy_height_range(expr: sp.Expr) -> list[float]:
    """Lowest and highest f over the drawn square: at its centre, edge midpoints or corners
    (a quadratic form's extremes on a square)."""
    e = sp.nsimplify(EXTENT)
    spots = [(a * e, b * e) for a in (-1, 0, 1) for b in (-1, 0, 1)]
    heights = [float(expr.subs({X: x, Y: y})) for x, y in spots]
    return [min(heights), max(heights)]


# --- the first scene: three learning rates -------------------------------------------------------
class Optimization(LectureScene):
    chapter_id = "6.4"

    def construct(self) -> None:
        self.open_chapter("One loss, three learning rates: crawl, converge, or blow up.")
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
        panel = Panel(corner=DOWN, edge_buff=0.45)
        update = theme.tex(
            r"x \leftarrow x - \mathrm{lr}\cdot 2x",
            r"=",
            r"(1-2\,\mathrm{lr})",
            r"\,x",
            size=36,
            color=theme.PATH,
        )
        with self.beat(
            "Three copies of the same loss, x squared, each with a ball at x equals one. "
            "The update subtracts the learning rate times the slope, two x. "
            "So every step multiplies x by one minus two lr."
        ) as b:
            b.say(0, race.create())
            b.say(1, panel.show(update))
            b.say(2, Circumscribe(update[2], color=theme.ACCENT, time_width=0.6))
            self.checkpoint("step_counters_at_start", race.steps_shown(), expected=[0, 0, 0])
            self.checkpoint(
                "abs_x_readouts_at_start",
                race.abs_x_shown(),
                expected=[abs(exact_iterate(lr, 0)) for lr in LEARNING_RATES],
            )
        # each |x| readout is its ball's distance from the minimum at every sampled moment
        with self.invariant(
            "|x| readouts equal the balls' distances",
            lambda: (race.abs_x_shown(), np.abs(np.asarray(race.positions_shown()))),
        ):
            with self.beat(
                "That factor is 0.98 for the small rate, 0.2 for the middle one and minus "
                "1.2 for the large one. Take one step: each ball's x is multiplied by its "
                "factor, and the fast one jumps clean across the bottom."
            ) as b:
                b.say(
                    0,
                    *(FadeIn(m, shift=0.1 * DOWN) for m in multipliers),
                    lag_ratio=0.45,
                )
                for m, lr, name in zip(multipliers, LEARNING_RATES, NAMES, strict=True):
                    self.checkpoint(f"multiplier_{name}", m.value, expected=sympy_multiplier(lr))
                start = race.positions_shown()
                b.say(1, race.step(b.sentence(1)))
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
            with self.beat(
                "Two more steps. The slow ball has barely moved and the middle one is "
                "nearly at the bottom, while the fast one overshoots to the other wall and "
                "climbs higher every time."
            ) as b:
                b.say(0, race.step(b.sentence(0)))
                b.say(1, race.step(b.sentence(1)))
                self.checkpoint(
                    "x_after_3_steps",
                    race.positions_shown(),
                    expected=[exact_iterate(lr, 3) for lr in LEARNING_RATES],
                    tol=1e-6,
                )
                self.checkpoint("step_counters_after_3", race.steps_shown(), expected=[3] * 3)
                self.checkpoint(
                    "abs_x_readouts_after_3",
                    race.abs_x_shown(),
                    expected=[abs(exact_iterate(lr, 3)) for lr in LEARNING_RATES],
                )
            with self.beat(
                "Three more steps. The diverging ball zig-zags outward, its distance from "
                "the minimum growing by exactly 1.2 per step. That is what a loss going to "
                "NaN looks like."
            ) as b:
                b.say(0, race.step(b.sentence(0)))
                b.say(1, race.step(b.sentence(1)))
                before_last = race.positions_shown()
                b.say(2, race.step(b.sentence(2)))
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
        self.play(FadeOut(VGroup(race, *multipliers)), panel.hide(), run_time=0.8)


# --- the second scene: minimum, maximum, saddle in 3-D ------------------------------------------
@reads_screen("printed")
def verdict_code(word: Text) -> int:
    """A verdict as typeset, as a number: ``+1`` for the word "minimum" (every curvature up),
    ``-1`` for "maximum", ``0`` for "saddle"."""
    codes = {"minimum": 1, "maximum": -1, "saddle": 0}
    text = str(word.original_text)
    if text not in codes:
        raise ValueError(f"the verdict {text!r} is none of {sorted(codes)}")
    return codes[text]


@reads_screen("geometry")
def direction_shown(axes: ThreeDAxes, curve: Mobject) -> np.ndarray:
    """A drawn principal curve's direction on the floor: its ends read back through the axes
    (the curve is symmetric, so its ends stand at one height), as a unit ``(x, y)``."""
    start = np.asarray(axes.p2c(curve.get_start()), dtype=float)[:2]
    end = np.asarray(axes.p2c(curve.get_end()), dtype=float)[:2]
    d = end - start
    return np.asarray(d / np.linalg.norm(d), dtype=float)


class Column:
    """One critical point: its surface on its own axes, a ball, the principal curves, and the
    texts under it (formula, height readout, Hessian, eigenvalues, verdict)."""

    def __init__(self, index: int, name: str, formula: str, expr: sp.Expr) -> None:
        self.name, self.expr = name, expr
        fn = sp.lambdify((X, Y), expr, "math")
        self.f: Callable[[float, float], float] = lambda x, y: float(fn(x, y))
        low, high = sympy_height_range(expr)
        self.axes = ThreeDAxes(
            x_range=(-EXTENT, EXTENT, 1),
            y_range=(-EXTENT, EXTENT, 1),
            z_range=(low, high, 1),
            x_length=2 * EXTENT * XY_UNIT,
            y_length=2 * EXTENT * XY_UNIT,
            z_length=(high - low) * Z_UNIT,
            axis_config={
                "color": theme.MUTED,
                "stroke_width": 2,
                "include_ticks": False,
                "include_tip": False,
            },
        )
        self.axes.shift(COLUMNS[index] * RIGHT - self.axes.c2p(0, 0, (low + high) / 2))
        self.surface = HeightSurface(
            self.axes, self.f, (-EXTENT, EXTENT), (-EXTENT, EXTENT), resolution=(18, 18)
        )
        hessian = np.array(sympy_hessian(expr).tolist(), dtype=float)
        self.hessian = hessian
        values, vectors = np.linalg.eigh(hessian)
        self.curves = VGroup()
        self.eigen_readouts: list[Readout] = []
        rows = VGroup()
        for k in range(2):
            lam, vec = float(values[k]), vectors[:, k] / np.linalg.norm(vectors[:, k])
            color = theme.GOOD if lam > 0 else theme.BAD
            self.curves.add(self._principal_curve(vec, color))
            readout = Readout(rf"\lambda_{k + 1}", lam, decimals=0, size=28, color=color)
            along = theme.tex(
                r"\text{along }" + ("x" if abs(vec[0]) > abs(vec[1]) else "y"),
                size=28,
                color=color,
            )
            along.next_to(readout, RIGHT, buff=0.22)
            along.align_to(readout.label, DOWN)
            self.eigen_readouts.append(readout)
            rows.add(VGroup(readout, along))
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.22)
        x0 = TEXT_X[index]
        self.formula = theme.tex(formula, size=38).move_to(np.array([x0, 3.45, 0]))
        self.height = Readout("f", 0.0, decimals=1, size=32, color=theme.DOT)
        self.matrix = theme.tex(
            rf"H=\begin{{bmatrix}}{hessian[0, 0]:g} & {hessian[0, 1]:g}\\ "
            rf"{hessian[1, 0]:g} & {hessian[1, 1]:g}\end{{bmatrix}}",
            size=28,
        )
        block = VGroup(self.matrix, rows).arrange(RIGHT, buff=0.3)
        block.move_to(np.array([x0, -2.45, 0]))
        self.rows = rows
        self.height.move_to(np.array([x0, -3.45, 0]))
        self.verdict = theme.text(
            {"minimum": "minimum", "maximum": "maximum", "saddle": "saddle"}[name],
            size=34,
            color=theme.ACCENT,
        )
        self.verdict.move_to(np.array([x0, 2.8, 0]))
        self.probe = Probe(self.axes, self.f, (0.0, 0.0), color=theme.DOT)

    def _principal_curve(self, direction: np.ndarray, color: Any) -> ParametricFunction:
        """The surface's section along ``direction`` through the critical point, lifted a
        hair above the faces so they do not hide it."""

        def point(t: float) -> np.ndarray:
            x, y = t * direction
            return np.asarray(self.axes.c2p(x, y, self.f(x, y)), dtype=float) + 0.03 * OUT

        return ParametricFunction(
            point, t_range=(-EXTENT, EXTENT, EXTENT / 24), color=color, stroke_width=6
        )

    def roll(self, target: tuple[float, float], rate: Callable[[float], float]) -> Any:
        """The ball rolling in a straight line over the floor to ``target``."""
        probe = self.probe
        start = probe.xy.copy()

        def move(_: Mobject, alpha: float) -> None:
            probe.place(segment(start, target, alpha))

        return UpdateFromAlphaFunc(probe, move, rate_func=rate)

    def ball_height(self) -> float:
        """The ball's height, read back through the axes."""
        return float(self.probe.position_shown()[2])

    def invariants(self) -> list[tuple[str, Callable[[], tuple[Any, Any]]]]:
        """What holds while the ball moves: its readout shows its drawn height, which is f
        (substituted by sympy) at its drawn input."""

        def on_ball() -> tuple[Any, Any]:
            return self.height.value, self.probe.position_shown()[2]

        def is_f() -> tuple[Any, Any]:
            return self.height.value, sympy_height(self.expr)(*self.probe.floor_shown())

        return [
            (f"{self.name} height readout equals its ball's height", on_ball),
            (f"{self.name} height readout is f at its ball's input", is_f),
        ]

    @reads_screen("geometry")
    def directions_shown(self) -> np.ndarray:
        """The principal curves' floor directions as unit rows, in the order drawn."""
        return np.array([np.asarray(direction_shown(self.axes, c)) for c in self.curves])

    @reads_screen("printed")
    def eigenvalues_shown(self) -> np.ndarray:
        """The eigenvalue readouts as printed, in the order drawn (λ₁ above λ₂)."""
        return printed_all(self.eigen_readouts)

    @reads_screen("printed")
    def signs_shown(self) -> list[int]:
        """Signs of the eigenvalues as the readouts show them."""
        return [int(np.sign(v)) for v in self.eigenvalues_shown()]


class CriticalPoints(LectureThreeDScene):
    chapter_id = "6.4"

    def construct(self) -> None:
        self.columns = [Column(i, *spec) for i, spec in enumerate(SURFACES)]
        self.set_camera_orientation(phi=PHI_START, theta=THETA, frame_center=FRAME_CENTER)
        self.surfaces_beat()
        with contextlib.ExitStack() as held:
            for col in self.columns:
                for name, read in col.invariants():
                    held.enter_context(self.invariant(name, read))
            self.roll_beat()
            self.hessian_beat()
            self.verdict_beat()
        self.stop_ambient_camera_rotation()  # type: ignore[no-untyped-call]
        self.play(theme.hide(*self.mobjects), run_time=0.8)
        self.set_camera_orientation(phi=0, theta=-90 * DEGREES, frame_center=(0.0, 0.0, 0.0))
        self.close_chapter(
            "The learning rate decides: crawl, converge or explode.",
            "Where the gradient is zero, the Hessian's eigenvalue signs tell a valley from a "
            "peak or a saddle. Next, integrals: adding up infinitely many small pieces.",
        )

    def in_frame(self, *mobs: Mobject) -> None:
        """Pin texts and readouts to the frame; a live number re-registers the glyphs it
        typesets at every change."""
        self.camera.add_fixed_in_frame_mobjects(*mobs)
        for mob in mobs:
            for part in mob.get_family():
                if isinstance(part, Readout):
                    part.number.add_updater(self.camera.add_fixed_in_frame_mobjects)

    # --- the three surfaces --------------------------------------------------------------------
    def surfaces_beat(self) -> None:
        cols = self.columns
        for col in cols:
            self.in_frame(col.formula)
        with self.beat(
            "Where the gradient is zero, the loss can sit in a bowl, on a peak or on a "
            "saddle. Here they are: x squared plus y squared, its negative, and x squared "
            "minus y squared."
        ) as b:
            self.begin_ambient_camera_rotation(rate=SWING_RATE, about="phi")
            b.say(
                0,
                *(Create(col.axes) for col in cols),
                *(col.surface.rise() for col in cols),
                lag_ratio=0.25,
            )
            b.say(1, *(Write(col.formula) for col in cols), lag_ratio=0.4)
            for col in cols:
                self.checkpoint(
                    f"surface_height_range_{col.name}",
                    col.surface.height_range_shown(),
                    expected=sympy_height_range(col.expr),
                    tol=1e-6,
                )

    # --- the balls -------------------------------------------------------------------------------
    def roll_beat(self) -> None:
        bowl, dome, saddle = self.columns
        for col, path in zip(self.columns, (BOWL_ROLL, DOME_ROLL, SADDLE_ROLL), strict=True):
            col.probe.place(path[0])
            col.height.follow(col.ball_height)
            self.in_frame(col.height)
        with self.beat(
            "Set a ball on each. In the bowl it rolls down to the bottom and stays; on the "
            "dome, the slightest lean sends it sliding off. On the saddle it runs down one "
            "valley to the centre, then falls off the other way."
        ) as b:
            b.say(0, *(FadeIn(VGroup(col.probe, col.height)) for col in self.columns))
            self.play(bowl.roll(BOWL_ROLL[1], smooth), run_time=b.sentence(1) * 0.5)
            self.checkpoint(
                "bowl_ball_at_rest",
                bowl.probe.position_shown(),
                expected=sympy_critical_point(bowl.expr),
                tol=1e-6,
            )
            self.checkpoint("bowl_height_readout", bowl.height.value, expected=0.0)
            self.play(dome.roll(DOME_ROLL[1], rush_into), run_time=b.sentence(1) * 0.5)
            x, y = DOME_ROLL[1]
            self.checkpoint(
                "dome_ball_off",
                dome.probe.position_shown(),
                expected=[x, y, sympy_height(dome.expr)(x, y)],
                tol=1e-6,
            )
            self.checkpoint(
                "dome_height_readout", dome.height.value, expected=sympy_height(dome.expr)(x, y)
            )
            self.play(saddle.roll(SADDLE_ROLL[1], rush_from), run_time=b.sentence(2) * 0.5)
            self.checkpoint(
                "saddle_ball_at_centre",
                saddle.probe.position_shown(),
                expected=sympy_critical_point(saddle.expr),
                tol=1e-6,
            )
            self.play(saddle.roll(SADDLE_ROLL[2], rush_into), run_time=b.sentence(2) * 0.5)
            x, y = SADDLE_ROLL[2]
            self.checkpoint(
                "saddle_height_readout",
                saddle.height.value,
                expected=sympy_height(saddle.expr)(x, y),
            )

    # --- the Hessians ----------------------------------------------------------------------------
    def hessian_beat(self) -> None:
        cols = self.columns
        for col in cols:
            self.in_frame(col.matrix, col.rows)
        with self.beat(
            "The Hessian, the matrix of second derivatives, decides. Its eigenvectors are "
            "the principal directions: green where the surface curves up, red where it "
            "curves down. Sorted smallest first, the saddle's are minus two along y and "
            "two along x."
        ) as b:
            b.say(0, *(Write(col.matrix) for col in cols), lag_ratio=0.3)
            b.say(1, *(Create(curve) for col in cols for curve in col.curves), lag_ratio=0.15)
            self.play(
                *(FadeIn(col.rows, shift=0.1 * UP) for col in cols),
                lag_ratio=0.3,
                run_time=0.55 * b.sentence(2),
            )
            b.say(2, Indicate(cols[2].rows, color=theme.ACCENT, scale_factor=1.06))
            for col in cols:
                values, directions = sympy_eigen(col.expr)
                self.checkpoint(f"eigenvalues_{col.name}", col.eigenvalues_shown(), expected=values)
                drawn = col.directions_shown()
                # a drawn direction is a line through the point: compared without its sign
                self.checkpoint(
                    f"eigen_directions_{col.name}",
                    derived("|components| of the drawn directions", np.abs(drawn), drawn),
                    expected=directions,
                    tol=1e-6,
                )

    # --- the verdicts ----------------------------------------------------------------------------
    def verdict_beat(self) -> None:
        cols = self.columns
        for col in cols:
            self.in_frame(col.verdict)
        saddle = cols[2]
        back = (saddle.probe.xy.copy(), np.array(SADDLE_ROLL[1]), np.array(SADDLE_ROLL[0]))
        with self.beat(
            "Both eigenvalues positive: a minimum. Both negative: a maximum. Mixed signs: a "
            "saddle, downhill one way and uphill the other, which is where high-dimensional "
            "training spends much of its time."
        ) as b:
            for i in range(2):
                b.say(
                    i,
                    FadeIn(cols[i].verdict, shift=0.15 * UP),
                    Indicate(cols[i].rows, scale_factor=1.08),
                )
            b.say(
                2,
                FadeIn(saddle.verdict, shift=0.15 * UP),
                saddle.probe.travel(np.array(back)),
            )
            self.checkpoint(
                "saddle_ball_back_up_the_valley",
                saddle.probe.position_shown(),
                expected=[*SADDLE_ROLL[0], sympy_height(saddle.expr)(*SADDLE_ROLL[0])],
                tol=1e-6,
            )
            for col in cols:
                values, _ = sympy_eigen(col.expr)
                self.checkpoint(
                    f"signs_{col.name}",
                    col.signs_shown(),
                    expected=[int(sp.sign(v)) for v in values],
                    tol=0,
                )
                self.checkpoint(
                    f"verdict_is_{col.name}",
                    verdict_code(col.verdict),
                    expected=sympy_verdict(col.expr),
                    tol=0,
                )


SCENES = [Optimization, CriticalPoints]
