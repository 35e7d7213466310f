"""9.3 Convex Optimization: the chord above a convex curve, and the minima a non-convex one hides.

Jensen's inequality drawn: on f(x) = x² a point slides along the chord between a and b, and
the gap from the chord down to the curve stays non-negative (it is t(1 − t)(a − b)² exactly).
On the non-convex f(x) = x⁴ − 3x² + x the same chord dips below the curve, and three balls
running gradient descent from different starts settle in different minima. Positions are read
back through the axes and checked against closed forms and numpy.roots of f′.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import numpy as np
from manim import DOWN, LEFT, UR, Create, FadeIn, FadeOut, VGroup

from mathviz import theme
from mathviz.maths.descent import gradient_descent
from mathviz.maths.losses import Polynomial
from mathviz.primitives.calculus import function_axes
from mathviz.primitives.descent import GradientDescentPath
from mathviz.primitives.losses import ChordGap
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout
from mathviz.readings import printed_all
from mathviz.scene import LectureScene

A, B = -1.5, 2.0
T_FIRST, T_SECOND = 0.8, 0.2
QUARTIC = Polynomial((1.0, 0.0, -3.0, 1.0, 0.0))  # x⁴ − 3x² + x
WELL_A, WELL_B, WELL_T = -1.3, 1.1, 0.5
STARTS = (0.0, 0.4, 1.9)
LR, STEPS = 0.05, 40
BALL_COLORS = (theme.ACCENT, theme.GRADIENT, theme.GOOD)
#: balls 2 and 3 end in the same valley: the later one is drawn smaller so both stay visible
BALL_SCALES = (1.0, 1.35, 0.8)
PANEL_SIZE = 32


# --- independent routes to the expected values ----------------------------------------------
def parabola_gap(t: float) -> float:
    """For f = x² the chord gap is t(1 − t)(a − b)², expanded by hand."""
    return t * (1 - t) * (A - B) ** 2


def quartic_minima() -> np.ndarray:
    """Roots of f′(x) = 4x³ − 6x + 1 where f″ = 12x² − 6 > 0 (numpy.roots, not the drawing)."""
    roots = np.roots([4.0, 0.0, -6.0, 1.0])
    real = np.sort(roots[np.abs(roots.imag) < 1e-9].real)
    return real[12 * real**2 - 6 > 0]


def quartic_by_hand(x: float) -> float:
    return x**4 - 3 * x**2 + x


def chord_values_by_hand(f: Callable[[float], float], a: float, b: float, t: float) -> list[float]:
    """What the four chord readouts must show at weight ``t``: t, f(x), the chord's height at
    x = ta + (1 − t)b, and the gap between them."""
    x = t * a + (1 - t) * b
    chord = t * f(a) + (1 - t) * f(b)
    return [t, f(x), chord, chord - f(x)]


def chord_values_drawn(chord: ChordGap, a: float, b: float) -> list[float]:
    """The same four quantities read from the drawing: t from the sliding dot's x, the two
    dots' heights and the drawn gap segment, all through the axes."""
    x, y_curve = chord.curve_point_shown()
    return [(x - b) / (a - b), y_curve, chord.chord_point_shown()[1], chord.gap_shown()]


def chord_readouts(color_t=theme.TEXT) -> dict[str, Readout]:
    return {
        "t": Readout("t", 0.0, size=PANEL_SIZE, color=color_t, decimals=2),
        "curve": Readout(r"f(ta + (1-t)b)", 0.0, size=PANEL_SIZE, color=theme.CURVE, decimals=4),
        "chord": Readout(
            r"t f(a) + (1-t) f(b)", 0.0, size=PANEL_SIZE, color=theme.ACCENT, decimals=4
        ),
        "gap": Readout(r"\mathrm{gap}", 0.0, size=PANEL_SIZE, color=theme.BAD, decimals=4),
    }


class ConvexOptimization(LectureScene):
    chapter_id = "9.3"

    def construct(self) -> None:
        self.open_chapter(
            "Some loss surfaces have exactly one valley and no traps; others are full of "
            "them. Convexity is the property that tells the two apart."
        )
        self.jensen_beats()
        self.nonconvex_chord_beat()
        self.descent_beats()
        self.close_chapter(
            "Convex: every chord above the curve, one valley.",
            "On a convex loss any starting point and a small enough step reach the one "
            "minimum. Neural networks are not convex, which is why initialisation matters.",
        )

    # ------------------------------------------------------------------------------------
    def jensen_beats(self) -> None:
        axes = function_axes((-2, 2.5, 1), (0, 5, 1), x_length=7.2, y_length=5.8)
        axes.to_edge(LEFT, buff=0.6).shift(0.1 * DOWN)
        readouts = chord_readouts()
        chord = ChordGap(axes, lambda x: x * x, A, B, (-1.9, 2.2), t=0.5, readouts=readouts)
        self.panel = Panel(corner=UR, min_width=5.0)
        title = theme.tex(rf"f(x) = x^2,\;\; a = {A:g},\;\; b = {B:g}", size=PANEL_SIZE)
        self.declare_shown(title, "the brief's function and end points")
        rows = list(readouts.values())
        square = lambda v: v * v  # noqa: E731
        with contextlib.ExitStack() as motion:
            with self.beat(
                "Take f of x equals x squared and two points on it, a at minus one "
                "and a half, b at two. Join them with a straight chord."
            ):
                self.play(Create(axes), self.panel.show(title))
                self.play(chord.create(run_time=2.5), self.panel.grow(*readouts.values()))
                # from here on (axes and chord drawn) the readouts must match the drawing
                # at every frame of the slides
                motion.enter_context(
                    self.invariant(
                        "chord readouts show the drawing",
                        lambda: (printed_all(rows), chord_values_drawn(chord, A, B)),
                    )
                )
                self.checkpoint(
                    "gap_t=0.5", chord.gap_shown(), expected=parabola_gap(0.5), tol=1e-6
                )
                self.checkpoint(
                    "gap_readout_t=0.5", readouts["gap"].value, expected=parabola_gap(0.5)
                )
                self.checkpoint(
                    "chord_readouts_t=0.5",
                    printed_all(rows),
                    expected=chord_values_by_hand(square, A, B, 0.5),
                )
            with self.beat(
                "Slide the weight t. The point t a plus one minus t b moves along "
                "the x axis, and the chord's height stays above the curve's: that "
                "is Jensen's inequality, the definition of convex.",
                hold=0.5,
            ):
                self.play(chord.slide_to(T_FIRST, run_time=2.5))
                self.play(chord.slide_to(T_SECOND, run_time=3.0))
                x = T_SECOND * A + (1 - T_SECOND) * B
                chord_height = T_SECOND * A**2 + (1 - T_SECOND) * B**2
                self.checkpoint(
                    "curve_point_t=0.2", chord.curve_point_shown(), expected=[x, x * x], tol=1e-6
                )
                self.checkpoint(
                    "chord_point_t=0.2",
                    chord.chord_point_shown(),
                    expected=[x, chord_height],
                    tol=1e-6,
                )
                self.checkpoint(
                    "gap_t=0.2", chord.gap_shown(), expected=parabola_gap(T_SECOND), tol=1e-6
                )
                self.checkpoint(
                    "chord_readout_t=0.2", readouts["chord"].value, expected=chord_height
                )
                self.checkpoint(
                    "gap_readout_t=0.2", readouts["gap"].value, expected=parabola_gap(T_SECOND)
                )
                self.checkpoint(
                    "chord_readouts_t=0.2",
                    printed_all(rows),
                    expected=chord_values_by_hand(square, A, B, T_SECOND),
                )
        self.play(FadeOut(VGroup(axes, chord)), self.panel.hide())

    def nonconvex_chord_beat(self) -> None:
        axes = function_axes((-2, 2, 1), (-4, 6, 2), x_length=7.2, y_length=5.8)
        axes.to_edge(LEFT, buff=0.6).shift(0.1 * DOWN)
        readouts = chord_readouts()
        chord = ChordGap(axes, QUARTIC, WELL_A, WELL_B, (-2.05, 1.95), t=WELL_T, readouts=readouts)
        self.panel = Panel(corner=UR, min_width=5.0)
        title = theme.tex(r"f(x) = x^4 - 3x^2 + x", size=PANEL_SIZE)
        with self.beat(
            "Now a curve with two valleys, x to the fourth minus three x squared "
            "plus x. The chord between the valleys runs below the hump, and the gap "
            "turns negative: this function is not convex.",
            hold=0.5,
        ):
            self.play(Create(axes), self.panel.show(title))
            self.play(chord.create(run_time=2.5), self.panel.grow(*readouts.values()))
            x = WELL_T * WELL_A + (1 - WELL_T) * WELL_B
            expected = (
                WELL_T * quartic_by_hand(WELL_A)
                + (1 - WELL_T) * quartic_by_hand(WELL_B)
                - quartic_by_hand(x)
            )
            self.checkpoint("nonconvex_gap", chord.gap_shown(), expected=expected, tol=1e-6)
            self.checkpoint("nonconvex_gap_readout", readouts["gap"].value, expected=expected)
            self.checkpoint(
                "nonconvex_readouts",
                printed_all(readouts.values()),
                expected=chord_values_by_hand(quartic_by_hand, WELL_A, WELL_B, WELL_T),
            )
        self.play(
            FadeOut(
                VGroup(
                    chord.chord, chord.ends, chord.drop, chord.gap, chord.curve_dot, chord.chord_dot
                )
            ),
            self.panel.hide(),
        )
        self.axes, self.curve = axes, chord.curve

    def descent_beats(self) -> None:
        axes = self.axes
        traces = [
            gradient_descent(QUARTIC.value_at, QUARTIC.gradient, [s], LR, STEPS) for s in STARTS
        ]
        readouts = [
            Readout(rf"x_{i + 1}", s, size=PANEL_SIZE, color=c)
            for i, (s, c) in enumerate(zip(STARTS, BALL_COLORS, strict=True))
        ]
        paths = []
        for trace, readout, color, scale in zip(
            traces, readouts, BALL_COLORS, BALL_SCALES, strict=True
        ):
            xs = trace.points[:, 0]
            path = GradientDescentPath(
                axes,
                trace,
                color=color,
                display_points=np.column_stack([xs, QUARTIC(xs)]),
                readouts=[(readout, xs)],
            )
            path.dot.set_color(color).scale(scale)
            paths.append(path)
        self.panel = Panel(corner=UR, min_width=4.4)
        update = theme.tex(rf"x \leftarrow x - {LR:g}\, f'(x)", size=PANEL_SIZE, color=theme.PATH)
        self.declare_shown(update, "the brief's step size")

        def balls_x() -> list[float]:
            return [p.position_of_dot()[0] for p in paths]

        with self.invariant(
            "x readouts show their balls", lambda: (printed_all(readouts), balls_x())
        ):
            with self.beat(
                "Drop three balls at zero, 0.4 and 1.9 and let each run gradient "
                "descent with a step of 0.05."
            ):
                self.play(*(FadeIn(p) for p in paths), self.panel.show(update, *readouts))
                # against where the balls are drawn, read through the axes
                self.checkpoint("start_x_readouts", printed_all(readouts), expected=balls_x())
            with self.beat(
                "The ball at zero sits just left of the hump and rolls into the "
                "left valley; the other two end in the right one. Same loss, same "
                "rule, different answers.",
                hold=0.8,
            ):
                self.play(*(p.walk(seconds_per_step=0.12) for p in paths))
                minima = quartic_minima()
                targets = [minima[0], minima[1], minima[1]]
                for i, (path, target) in enumerate(zip(paths, targets, strict=True)):
                    self.checkpoint(
                        f"ball_{i + 1}_final",
                        path.position_of_dot(),
                        expected=[target, quartic_by_hand(target)],
                        tol=1e-5,
                    )
                self.checkpoint("final_x_readouts", printed_all(readouts), expected=targets)


SCENES = [ConvexOptimization]
