"""6.1 Limits: secants of x² at 1 turning into the tangent, and sin(x)/x sliding towards 1.

The secant through (1, 1) and (1 + h, (1 + h)²) rotates continuously as h shrinks from 1 to
0.01; its slope, read off the drawn line and off the live readout, is 3, 2.1 and 2.01 and
settles on the tangent's slope 2. Then sin(x)/x, undefined at 0, is approached along its graph
by a dot whose height tends to 1.
"""

from __future__ import annotations

import contextlib
from fractions import Fraction

import numpy as np
import sympy as sp
from manim import LEFT, UR, Create, FadeOut, VGroup

from mathviz import theme
from mathviz.maths.calculus import SQUARE, sin_over_x
from mathviz.primitives.calculus import LimitApproach, SecantTangent, function_axes
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout
from mathviz.scene import LectureScene

X0 = 1
STEPS_H = (Fraction(1), Fraction(1, 10), Fraction(1, 100))
SINC_START = 3.0
SINC_STOPS = (1.0, 0.5, 0.1, 0.02)
PANEL_SIZE = 32
SLOPE_DECIMALS = 4
SINC_DECIMALS = 5


# --- independent routes to the expected values ----------------------------------------------
def exact_secant_slope(h: Fraction) -> Fraction:
    """((1 + h)² − 1²) / h in exact rational arithmetic."""
    return ((X0 + h) ** 2 - X0**2) / h


def sympy_tangent_slope() -> float:
    """The limit of the difference quotient of x² at 1, taken symbolically."""
    h = sp.symbols("h")
    return float(sp.limit(((X0 + h) ** 2 - X0**2) / h, h, 0))


def sympy_sinc(x: float) -> float:
    """sin(x)/x evaluated by sympy to 30 digits."""
    return float(sp.N(sp.sin(sp.Float(x, 30)) / sp.Float(x, 30), 30))


class Limits(LectureScene):
    chapter_id = "6.1"

    def construct(self) -> None:
        self.open_chapter(
            "A derivative is a slope measured between two points that are allowed to get "
            "arbitrarily close. Limits make that precise."
        )
        self.panel = Panel(corner=UR, edge_buff=0.5)
        self.secant_beats()
        self.sinc_beats()
        self.close_chapter(
            "A limit is where a value heads, not where it lands.",
            "The slope of the secant heads to 2 as h shrinks, and sin x over x heads to 1 "
            "at a point where it is not even defined. Next, that limit becomes the derivative.",
        )

    # ------------------------------------------------------------------------------------
    def secant_beats(self) -> None:
        axes = function_axes((-0.5, 3, 1), (-1, 7, 1), x_length=7.6, y_length=6.6)
        axes.to_edge(LEFT, buff=0.6).shift(0.1 * np.array([0, -1, 0]))
        curve = axes.plot(SQUARE.f, x_range=(-0.5, 2.62), color=theme.CURVE, stroke_width=4)
        f_label = theme.tex("f(x) = x^2", size=PANEL_SIZE, color=theme.CURVE)
        quotient = theme.tex(r"\frac{(1+h)^2 - 1}{h}", size=PANEL_SIZE)
        h_read = Readout("h", float(STEPS_H[0]), decimals=2, size=PANEL_SIZE)
        slope_read = Readout(
            r"\text{slope}", 0.0, decimals=SLOPE_DECIMALS, size=PANEL_SIZE, color=theme.GRADIENT
        )
        secant = SecantTangent(
            axes, SQUARE, X0, float(STEPS_H[0]), readout=slope_read, run_readout=h_read, reach=0.55
        )
        self.secant = secant
        # both readouts follow the drawn secant while it turns: h is its run leg, and the
        # slope is rise over run of that same drawing, ((1 + h)² − 1)/h; checked from the
        # moment the secant is drawn until it stops
        invariants = contextlib.ExitStack()
        with self.beat(
            "Here is f of x equals x squared. A secant joins the point one, one to "
            "a second point h further along; with h equal to one that is two, four, "
            "and the slope is rise over run, three over one."
        ):
            self.play(Create(axes), Create(curve))
            self.play(secant.create())
            invariants.enter_context(
                self.invariant(
                    "h readout equals the drawn run", lambda: (h_read.value, secant.run_shown())
                )
            )
            invariants.enter_context(
                self.invariant(
                    "slope readout equals the drawn secant's slope",
                    lambda: (slope_read.value, secant.slope_shown()),
                )
            )
            invariants.enter_context(
                self.invariant(
                    "slope readout is the quotient for the drawn h",
                    lambda: (slope_read.value, exact_secant_slope(Fraction(secant.run_shown()))),
                )
            )
            self.play(self.panel.show(f_label, quotient, h_read, slope_read))
            self.check_secant(STEPS_H[0], h_read, slope_read)

        with self.beat(
            "Now slide the second point towards the first. As h shrinks to 0.1 the "
            "secant turns, and its slope drops to 2.1."
        ):
            self.play(secant.animate_h_to(float(STEPS_H[1]), run_time=3.0))
            self.check_secant(STEPS_H[1], h_read, slope_read)

        with (
            invariants,
            self.beat(
                "At h equals 0.01 the two points are almost on top of each "
                "other and the slope reads 2.01. Each tenfold cut in h cuts "
                "the gap to two by ten."
            ),
        ):
            self.play(secant.animate_h_to(float(STEPS_H[2]), run_time=3.0))
            self.check_secant(STEPS_H[2], h_read, slope_read)

        limit_row = theme.tex(r"\lim_{h\to 0} (2 + h) = 2", size=PANEL_SIZE, color=theme.GOOD)
        with self.beat(
            "The quotient simplifies to two plus h, so the slopes head to exactly "
            "two. The line with that slope is the tangent: it touches the curve at "
            "one, one without crossing it."
        ):
            self.play(self.panel.grow(limit_row))
            self.play(secant.show_tangent(SQUARE.derivative(X0)))
            self.checkpoint(
                "tangent_slope",
                secant.tangent_slope_shown(),
                expected=sympy_tangent_slope(),
                tol=1e-6,
            )
        self.play(FadeOut(VGroup(axes, curve, secant)), self.panel.hide())

    def check_secant(self, h: Fraction, h_read: Readout, slope_read: Readout) -> None:
        """The drawn secant's slope, its second point and both readouts at step ``h``."""
        name = f"h={float(h):g}"
        slope = float(exact_secant_slope(h))
        self.checkpoint(f"secant_slope_{name}", self.secant.slope_shown(), expected=slope, tol=1e-6)
        self.checkpoint(f"slope_readout_{name}", slope_read.value, expected=slope)
        self.checkpoint(
            f"second_point_{name}",
            self.secant.points_shown()[1],
            expected=[float(X0 + h), float((X0 + h) ** 2)],
            tol=1e-6,
        )
        self.checkpoint(f"run_leg_{name}", self.secant.run_shown(), expected=float(h), tol=1e-9)
        self.checkpoint(f"h_readout_{name}", h_read.value, expected=float(h))

    # ------------------------------------------------------------------------------------
    def sinc_beats(self) -> None:
        axes = function_axes((-7, 7, 1), (-0.5, 1.25, 0.5), x_length=8.8, y_length=5.6)
        axes.to_edge(LEFT, buff=0.5).shift(0.4 * np.array([0, -1, 0]))
        x_read = Readout("x", SINC_START, decimals=2, size=PANEL_SIZE)
        y_read = Readout(
            r"\frac{\sin x}{x}", 0.0, decimals=SINC_DECIMALS, size=PANEL_SIZE, color=theme.DOT
        )
        approach = LimitApproach(
            axes, sin_over_x, (-7, 7), 0.0, 1.0, SINC_START, readout=y_read, x_readout=x_read
        )
        title = theme.tex(r"f(x) = \frac{\sin x}{x}", size=PANEL_SIZE, color=theme.CURVE)
        note = theme.text("undefined at x = 0", size=theme.LABEL_SIZE, color=theme.MUTED)
        with self.beat(
            "A harder case: sine of x over x. At zero it is zero over zero, so the "
            "graph has a hole there, and the question is what height the hole "
            "should have."
        ):
            self.play(Create(axes))
            # the readouts follow the dot: its x, and its height sin x / x (by sympy)
            invariants = contextlib.ExitStack()
            invariants.enter_context(
                self.invariant(
                    "x readout equals the dot's x", lambda: (x_read.value, approach.dot_shown()[0])
                )
            )
            invariants.enter_context(
                self.invariant(
                    "height readout is sin x / x at the dot",
                    lambda: (y_read.value, sympy_sinc(approach.dot_shown()[0])),
                )
            )
            self.play(approach.create(), self.panel.show(title, note, x_read, y_read))
            self.checkpoint(
                "sinc_at_start",
                approach.dot_shown(),
                expected=[SINC_START, sympy_sinc(SINC_START)],
                tol=1e-6,
            )
            self.checkpoint("x_readout_at_start", x_read.value, expected=SINC_START)
            self.checkpoint("sinc_readout_at_start", y_read.value, expected=sympy_sinc(SINC_START))

        with (
            invariants,
            self.beat(
                "Walk a dot along the curve towards zero and watch its "
                "height: 0.84 at one, 0.96 at a half, then 0.998 and 0.99993. "
                "It never reaches the hole, yet the heights close in on one."
            ),
        ):
            for x in SINC_STOPS:
                self.play(approach.slide_to(x, run_time=1.6))
                self.checkpoint(
                    f"sinc_dot_x={x:g}", approach.dot_shown(), expected=[x, sympy_sinc(x)], tol=1e-6
                )
                self.checkpoint(f"sinc_readout_x={x:g}", y_read.value, expected=sympy_sinc(x))
                self.checkpoint(f"x_readout_x={x:g}", x_read.value, expected=x)
                self.wait(0.4)
        limit_row = theme.tex(
            r"\lim_{x\to 0} \frac{\sin x}{x} = 1", size=PANEL_SIZE, color=theme.GOOD
        )
        with self.beat(
            "So the limit is one, even though the function has no value at zero. "
            "A limit only asks where the values go, never what happens at the point."
        ):
            self.play(self.panel.grow(limit_row))
            h = sp.symbols("x")
            self.checkpoint(
                "sinc_hole_height",
                approach.hole_shown(),
                expected=[0.0, float(sp.limit(sp.sin(h) / h, h, 0))],
                tol=1e-6,
            )


SCENES = [Limits]
