"""12.2 Approximation: Taylor polynomials of sin x gaining terms, and the forward-difference
error against h on log–log axes.

The degree 1, 3, 5 and 7 polynomials around 0 morph into one another over sin x while the
gap at x = 2 (drawn, and read out) shrinks; past |x| = 3 the degree-7 polynomial still parts
from sine, and the parting is shaded. Then a probe walks h from 1e-1 down to 1e-15 on log–log
axes, dropping the error of (sin(1 + h) − sin 1)/h against cos 1 at each decade, the line
growing behind it and its readouts reading the plot at the probe. The truncation line
h·sin(1)/2 (slope 1) is drawn while the error falls with h, the round-off line ε/h (slope −1)
while it climbs again, and their sum's V with its minimum near √ε; the probe walks back to
the best measured step, h = 1e-8.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    PI,
    RIGHT,
    UP,
    AnimationGroup,
    Axes,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Line,
    MathTex,
    Polygon,
    TransformMatchingTex,
    Triangle,
    VGroup,
    VMobject,
    Write,
    smooth,
)
from manim.mobject.graphing.scale import LogBase

from mathviz import theme
from mathviz.maths.approximation import decade_steps, forward_difference_errors, sin_taylor
from mathviz.primitives.approximation import LogLogErrorPlot, TaylorSeriesPlot
from mathviz.primitives.motion import StateTween, built
from mathviz.primitives.panel import Panel
from mathviz.primitives.plots import log_log_frame, number_edges
from mathviz.primitives.readout import Readout, coords
from mathviz.readings import derived
from mathviz.scene import LectureScene
from mathviz.theme import at

DEGREES = (1, 3, 5, 7)
MARKED_X = 2.0
DIFF_AT = 1.0
X_DECADES, Y_DECADES = (-15, -1), (-10, 0)
#: where the degree-7 polynomial visibly parts from sine (|x| beyond this)
PARTS_BEYOND = 3.0

DRAW_TOL = 1e-9
LINE_TOL = 1e-6
PANEL_SIZE = 32
#: the probe stops here at the end of the first difference beat (index into 1e-1 … 1e-15)
FIRST_STOP = 3
#: the best measured step, 1e-8, is the eighth decade
BEST_INDEX = 7
#: machine epsilon of float64 and |f''(1)| = sin 1: the reference lines' constants
EPS = float(np.finfo(np.float64).eps)
CURVATURE = math.sin(DIFF_AT)
SUM_COLOR = theme.PROJECTION

POLYNOMIAL_TEX = {
    1: (r"p_1(x)", "=", "x"),
    3: (r"p_3(x)", "=", "x", r"- \frac{x^3}{3!}"),
    5: (r"p_5(x)", "=", "x", r"- \frac{x^3}{3!}", r"+ \frac{x^5}{5!}"),
    7: (r"p_7(x)", "=", "x", r"- \frac{x^3}{3!}", r"+ \frac{x^5}{5!}", r"- \frac{x^7}{7!}"),
}


# --- independent routes to the expected values ----------------------------------------------
def sympy_taylor_value(degree: int, at_x: float) -> float:
    """The degree-``degree`` Maclaurin polynomial of sin from sympy's series, at ``at_x``."""
    x = sp.symbols("x")
    polynomial = sp.series(sp.sin(x), x, 0, degree + 1).removeO()
    return float(polynomial.subs(x, sp.Rational(str(at_x))))


def forward_difference_error_loop(h: float) -> float:
    """|(sin(1 + h) − sin 1)/h − cos 1| in plain float64 (the math module, one h at a time)."""
    return abs((math.sin(DIFF_AT + h) - math.sin(DIFF_AT)) / h - math.cos(DIFF_AT))


def sympy_best_step() -> float:
    """log10 of the h minimising h·sin(1)/2 + ε/h, solved by sympy (derivative = 0)."""
    h = sp.symbols("h", positive=True)
    total = h * sp.sin(1) / 2 + sp.Float(EPS, 30) / h
    (root,) = sp.solve(sp.diff(total, h), h)
    return float(sp.log(root, 10).evalf(20))


def log_line(axes: Axes, f: Callable[[float], float], lo: float, hi: float) -> DashedLine:
    """A dashed straight line on log–log ``axes`` from ``(10^lo, f)`` to ``(10^hi, f)``."""
    return DashedLine(
        axes.c2p(10.0**lo, f(10.0**lo)), axes.c2p(10.0**hi, f(10.0**hi)), dash_length=0.14
    )


def log_slope_and_height(axes: Axes, line: Line, log_h: float) -> Any:
    """The drawn line's slope in decades per decade, and its log10 height at ``log_h``,
    read from its two ends through the log axes."""
    (x0, y0), (x1, y1) = np.log10(coords(axes, np.array([line.get_start(), line.get_end()])))
    slope = (y1 - y0) / (x1 - x0)
    return derived(
        "slope and log10 height of the drawn line",
        [float(slope), float(y0 + slope * (log_h - x0))],
        coords(axes, line.get_start()),
        coords(axes, line.get_end()),
    )


class ProbeWalk:
    """A probe walking the error plot's polyline from its first point (h = 1e-1) on.

    ``s`` is the probe's place along the polyline (``k`` at point ``k``). Dot ``k`` grows as
    the probe sets out towards it; the line is drawn up to the farthest place the probe has
    reached, so it never runs ahead of a dot; walking back leaves it drawn.
    """

    def __init__(self, axes: Axes, plot: LogLogErrorPlot) -> None:
        self.axes, self.plot = axes, plot
        self.s = 0.0
        self.reached = 0.0
        self.full = plot.line.copy()
        self.bases = [d.copy() for d in plot.dots]
        self.centres = np.array([d.get_center() for d in plot.dots])
        self.probe = Dot(self.centres[0], radius=0.1, color=theme.ACCENT).set_z_index(3)
        self.floor_y = axes.c2p(10.0 ** X_DECADES[0], 10.0 ** Y_DECADES[0])[1]
        self.pointer = Triangle(color=theme.ACCENT, fill_opacity=1, stroke_width=0)
        self.pointer.scale(0.11)
        self.group = VGroup(plot, self.probe, self.pointer)
        self.redraw()

    def redraw(self) -> None:
        n = len(self.centres)
        s = float(np.clip(self.s, 0.0, n - 1))
        self.reached = max(self.reached, s)
        self.plot.line.pointwise_become_partial(self.full, 0.0, self.reached / (n - 1))
        for k, (dot, base) in enumerate(zip(self.plot.dots, self.bases, strict=True)):
            grown = 1.0 if k == 0 else float(np.clip((self.reached - (k - 1)) / 0.35, 0.0, 1.0))
            dot.become(base.copy().scale(max(grown, 1e-3)))
            dot.set_opacity(1.0 if grown > 0 else 0.0)
        k = min(int(math.floor(s)), n - 2)
        t = s - k
        where = (1 - t) * self.centres[k] + t * self.centres[k + 1]
        self.probe.move_to(where)
        self.pointer.move_to(np.array([where[0], self.floor_y + 0.14, 0.0]))

    def walk_to(self, index: float, run_time: float, **kwargs: Any) -> StateTween:
        """Move the probe to point ``index`` (the line grows with it when it is new ground)."""
        kwargs.setdefault("rate_func", lambda t: t)
        return StateTween(self.group, self, {"s": index}, self.redraw, run_time=run_time, **kwargs)

    def log_shown(self) -> np.ndarray:
        """The probe's ``(log10 h, log10 error)`` read through the log axes."""
        return np.asarray(np.log10(coords(self.axes, self.probe)), dtype=float)

    def on_the_line(self) -> tuple[Any, Any]:
        """The probe's log10 height against the drawn polyline's at the probe's h (through
        the dots, read back)."""
        probe = self.log_shown()
        points = self.plot.log10_points_shown()
        height = float(np.interp(probe[0], points[::-1, 0], points[::-1, 1]))
        return (
            derived("log10 error of the probe", float(probe[1]), coords(self.axes, self.probe)),
            derived("the drawn polyline's log10 height there", height, points),
        )


class Approximation(LectureScene):
    chapter_id = "12.2"

    def construct(self) -> None:
        self.open_chapter("Libraries return sines and derivatives using only arithmetic.")
        self.taylor_beats()
        self.difference_beats()
        self.close_chapter(
            "Add terms to cut truncation error; shrink h only until round-off bites.",
            "Every numerical method trades these two errors; the best step balances them, "
            "near the square root of machine epsilon.",
        )

    # ------------------------------------------------------------------------------------
    def taylor_beats(self) -> None:
        axes = Axes(
            x_range=(-4, 4, 1),
            y_range=(-2.5, 2.5, 1),
            x_length=9.6,
            y_length=5.8,
            tips=False,
            axis_config={"color": theme.MUTED, "font_size": 26},
        )
        # numbered along the plot's edges: the polynomials and the marker at x = 2 would run
        # through numbers written on the axes
        number_edges(axes)
        axes.shift(at(-6.15, -2.95) - axes.c2p(-4, -2.5))
        plot = TaylorSeriesPlot(axes, DEGREES[0])
        marker = DashedLine(
            axes.c2p(MARKED_X, -2.5), axes.c2p(MARKED_X, 2.5), color=theme.MUTED, stroke_width=2
        )
        sin_dot = Dot(axes.c2p(MARKED_X, math.sin(MARKED_X)), radius=0.08, color=theme.CURVE)
        poly_dot = Dot(
            axes.c2p(MARKED_X, plot.value_shown(MARKED_X)), radius=0.08, color=theme.ACCENT
        )
        sin_dot.set_z_index(2)
        poly_dot.set_z_index(2)
        # the error at 2, drawn: the gap between the two dots, redrawn with them
        gap_line = Line(sin_dot.get_center(), poly_dot.get_center(), color=theme.BAD)
        gap_line.set_stroke(width=7).set_z_index(1)
        gap_line.add_updater(
            lambda m: m.put_start_and_end_on(sin_dot.get_center(), poly_dot.get_center())
        )

        def formula_for(degree: int) -> MathTex:
            f = theme.tex(*POLYNOMIAL_TEX[degree], size=36, color=theme.ACCENT)
            return f.move_to(at(-6.0, 3.3), aligned_edge=LEFT)

        formula = formula_for(1)
        p_read = Readout(
            "p(2)", plot.value_shown(MARKED_X), decimals=4, size=PANEL_SIZE, color=theme.ACCENT
        )
        sin_read = Readout(
            r"\sin 2",
            plot.target_value_shown(MARKED_X),
            decimals=4,
            size=PANEL_SIZE,
            color=theme.CURVE,
        )
        err_read = Readout(r"|\text{error}|", 0.0, decimals=4, size=PANEL_SIZE, color=theme.BAD)
        # the readouts show the dots' heights read through the axes, at every frame
        p_read.follow(lambda: coords(axes, poly_dot)[1])
        err_read.follow(lambda: abs(coords(axes, poly_dot)[1] - coords(axes, sin_dot)[1]))
        self.panel = Panel(anchor=at(3.85, 1.15), row_buff=0.4)

        def drawn_gap() -> Any:
            p, target = plot.value_shown(MARKED_X), plot.target_value_shown(MARKED_X)
            return derived("|p(2) − sin 2| of the drawn curves", abs(p - target), p, target)

        with self.beat(
            "Near zero, sine looks like the line y equals x: its degree-one Taylor "
            "polynomial. At x equals 2 the line is already off by more than one."
        ) as b:
            b.say(
                0,
                AnimationGroup(
                    AnimationGroup(Create(axes), Write(formula)), plot.create(), lag_ratio=0.4
                ),
            )
            b.say(
                1,
                AnimationGroup(
                    Create(marker),
                    AnimationGroup(FadeIn(sin_dot), FadeIn(poly_dot)),
                    Create(gap_line),
                    self.panel.show(sin_read, p_read, err_read),
                    lag_ratio=0.5,
                ),
            )
            self.checkpoint(
                "p1_at_2",
                plot.value_shown(MARKED_X),
                expected=sympy_taylor_value(1, MARKED_X),
                tol=DRAW_TOL,
            )
            self.checkpoint(
                "sin_at_2_drawn",
                plot.target_value_shown(MARKED_X),
                expected=math.sin(MARKED_X),
                tol=DRAW_TOL,
            )
            self.checkpoint(
                "p1_at_2_readout", p_read.value, expected=sympy_taylor_value(1, MARKED_X)
            )
            self.checkpoint(
                "sin_at_2_readout", sin_read.value, expected=float(sp.sin(sp.Integer(2)).evalf(30))
            )
            self.checkpoint(
                "error_p1_at_2_readout", err_read.value, expected=abs(MARKED_X - math.sin(MARKED_X))
            )
            self.checkpoint(
                "gap_drawn_at_2",
                derived(
                    "length of the red gap through the axes",
                    float(np.ptp(coords(axes, np.array(gap_line.get_start_and_end()))[:, 1])),
                    coords(axes, np.array(gap_line.get_start_and_end())),
                ),
                expected=abs(MARKED_X - math.sin(MARKED_X)),
                tol=1e-3,
            )
        narrations = {
            3: "Each new term matches one more derivative at zero. Subtracting x cubed over "
            "three factorial bends the line down toward the curve.",
            5: "Adding x to the fifth over five factorial bends it back up. The red gap at 2 "
            "shrinks to about two hundredths.",
            7: "With four terms the polynomial stays on sine out to about three, and at 2 the "
            "error is barely more than one thousandth. Past three, shaded red, the two curves "
            "still part: far from zero every polynomial loses.",
        }
        with (
            self.invariant(
                "dot_rides_polynomial",
                lambda: (coords(axes, poly_dot)[1], plot.value_shown(MARKED_X)),
                tol=DRAW_TOL,
            ),
            self.invariant(
                "p_readout_reads_polynomial", lambda: (p_read.value, plot.value_shown(MARKED_X))
            ),
            self.invariant("error_readout_reads_gap", lambda: (err_read.value, drawn_gap())),
        ):
            for degree in DEGREES[1:]:
                with self.beat(narrations[degree]) as b:
                    new_formula = formula_for(degree)
                    target_value = float(sin_taylor(MARKED_X, degree))
                    swap = TransformMatchingTex(formula, new_formula)

                    def morph(
                        run_time: float, degree: int = degree, target_value: float = target_value
                    ) -> AnimationGroup:
                        return AnimationGroup(
                            plot.add_terms_to(degree, run_time=run_time),
                            built(
                                poly_dot.animate(run_time=run_time).move_to(  # type: ignore[operator]
                                    axes.c2p(MARKED_X, target_value)
                                )
                            ),
                            run_time=run_time,
                        )

                    if degree == 3:
                        b.say(0, swap)
                        b.say(1, morph(b.sentence(1)))
                    elif degree == 5:
                        total = b.sentence(0) + b.sentence(1)
                        self.play(
                            AnimationGroup(swap, run_time=1.2),
                            morph(total),
                            run_time=total,
                        )
                    else:
                        b.say(0, AnimationGroup(AnimationGroup(swap, run_time=1.2),
                                                morph(b.sentence(0))))  # fmt: skip
                        b.say(1, FadeIn(self._parting(axes)))
                    formula = new_formula
                    self.checkpoint(
                        f"p{degree}_at_2",
                        plot.value_shown(MARKED_X),
                        expected=sympy_taylor_value(degree, MARKED_X),
                        tol=DRAW_TOL,
                    )
                    self.checkpoint(
                        f"p{degree}_at_2_readout",
                        p_read.value,
                        expected=sympy_taylor_value(degree, MARKED_X),
                    )
                    self.checkpoint(
                        f"error_p{degree}_at_2_readout",
                        err_read.value,
                        expected=abs(sympy_taylor_value(degree, MARKED_X) - math.sin(MARKED_X)),
                    )
            p7_edge = plot.value_shown(4.0)
            self.checkpoint(
                "p7_parts_at_4",
                derived(
                    "|p7(4) − sin 4| of the drawn curves",
                    abs(p7_edge - plot.target_value_shown(4.0)),
                    p7_edge,
                    plot.target_value_shown(4.0),
                ),  # fmt: skip
                expected=abs(sympy_taylor_value(7, 4.0) - math.sin(4.0)),
                tol=1e-6,
            )
        p_read.stop_following()
        err_read.stop_following()
        gap_line.clear_updaters()
        self.play(FadeOut(*self.mobjects), run_time=0.6)
        self.panel.forget()

    def _parting(self, axes: Axes) -> VGroup:
        """The regions |x| ≥ 3 between sine and the degree-7 polynomial, shaded red."""
        pieces = VGroup()
        for lo, hi in ((PARTS_BEYOND, 4.0), (-4.0, -PARTS_BEYOND)):
            xs = np.linspace(lo, hi, 60)
            upper = [axes.c2p(x, math.sin(x)) for x in xs]
            lower = [axes.c2p(x, float(sin_taylor(x, 7))) for x in xs[::-1]]
            piece = Polygon(*upper, *lower, stroke_width=0)
            piece.set_fill(theme.BAD, opacity=0.45).set_z_index(-1)
            pieces.add(piece)
        return pieces

    # ------------------------------------------------------------------------------------
    def difference_beats(self) -> None:
        curve = forward_difference_errors(np.sin, np.cos, DIFF_AT, decade_steps(1, 15))
        axes = Axes(
            x_range=(X_DECADES[0], X_DECADES[1], 1),
            y_range=(Y_DECADES[0], Y_DECADES[1], 1),
            x_length=11.8,
            y_length=6.0,
            tips=False,
            axis_config={"stroke_opacity": 0},
            x_axis_config={"scaling": LogBase()},
            y_axis_config={"scaling": LogBase()},
        )
        axes.set_opacity(0)
        axes.shift(at(-5.45, -2.75) - axes.c2p(10.0 ** X_DECADES[0], 10.0 ** Y_DECADES[0]))
        frame = log_log_frame(
            axes,
            X_DECADES,
            Y_DECADES,
            x_labels=(-15, -13, -11, -9, -7, -5, -3, -1),
            y_labels=(-10, -8, -6, -4, -2, 0),
        )
        x_title = theme.text("step h", size=theme.LABEL_SIZE, color=theme.MUTED)
        x_title.next_to(frame, DOWN, buff=0.08)
        y_title = theme.text("error", size=theme.LABEL_SIZE, color=theme.MUTED)
        y_title.rotate(PI / 2).next_to(frame, LEFT, buff=0.12)
        plot = LogLogErrorPlot(axes, curve.steps, curve.errors)
        # drawn order, bottom to top: the error line, the V, the reference lines, the dots,
        # the ring, the probe (the walk re-adds the plot on top; z-indices keep the order)
        plot.dots.set_z_index(2)
        plot.marker.set_z_index(2.5)
        walk = ProbeWalk(axes, plot)
        code = theme.code("d = (sin(1+h) - sin(1)) / h", "err = abs(d - cos(1))", size=22)
        code_card = Panel(anchor=at(-4.0, 3.5))
        h_read = Readout(r"\log_{10} h", 0.0, decimals=1, size=PANEL_SIZE, color=theme.ACCENT)
        e_read = Readout(
            r"\log_{10}\,\text{error}", 0.0, decimals=1, size=PANEL_SIZE, color=theme.ACCENT
        )
        h_read.follow(lambda: walk.log_shown()[0])
        e_read.follow(lambda: walk.log_shown()[1])
        read_card = Panel(anchor=at(1.6, 3.5), row_buff=0.25)
        with (
            self.invariant(
                "line_behind_its_points", lambda: (plot.points_reached_before_drawn(), 0), tol=0
            ),
            self.invariant("probe_on_the_drawn_curve", walk.on_the_line, tol=LINE_TOL),
            self.invariant(
                "h_readout_reads_the_probe",
                lambda: (
                    h_read.value,
                    derived(
                        "probe's log10 h", float(walk.log_shown()[0]), coords(axes, walk.probe)
                    ),
                ),  # fmt: skip
            ),
            self.invariant(
                "error_readout_reads_the_probe",
                lambda: (
                    e_read.value,
                    derived(
                        "probe's log10 error", float(walk.log_shown()[1]), coords(axes, walk.probe)
                    ),
                ),  # fmt: skip
            ),
        ):
            self._walk_beats(axes, plot, walk, frame, (x_title, y_title), code, code_card,
                             (h_read, e_read), read_card)  # fmt: skip

    def _walk_beats(
        self,
        axes: Axes,
        plot: LogLogErrorPlot,
        walk: ProbeWalk,
        frame: VGroup,
        titles: tuple[Any, Any],
        code: VGroup,
        code_card: Panel,
        readouts: tuple[Readout, Readout],
        read_card: Panel,
    ) -> None:
        h_read, e_read = readouts
        with self.beat(
            "Now a derivative by finite differences: step h, divide, and compare with the "
            "true slope, cosine of 1. Both axes are logarithmic; the probe starts at h of "
            "one tenth and shrinks it a decade at a time."
        ) as b:
            b.say(
                0,
                AnimationGroup(
                    AnimationGroup(Create(frame), FadeIn(*titles)),
                    code_card.show(code),
                    lag_ratio=0.5,
                ),
            )
            self.add(plot)  # the walk draws it: only its first dot shows yet
            self.play(
                FadeIn(walk.probe, walk.pointer),
                read_card.show(h_read, e_read),
                run_time=0.8,
            )
            b.say(1, walk.walk_to(FIRST_STOP, run_time=b.sentence(1)))
            h = float(f"1e-{FIRST_STOP + 1}")
            self.checkpoint("log10_h_probe_first_stop", h_read.value, expected=math.log10(h))
            self.checkpoint(
                "log10_error_probe_first_stop",
                e_read.value,
                expected=math.log10(forward_difference_error_loop(h)),
            )

        truncation_line = log_line(axes, lambda h: CURVATURE / 2 * h, -1.0, -8.62)
        truncation_line.set_stroke(theme.GOOD, width=3)
        roundoff_line = log_line(axes, lambda h: EPS / h, -6.65, -15.0)
        roundoff_line.set_stroke(theme.BAD, width=3)
        truncation_line.set_z_index(1)
        roundoff_line.set_z_index(1)
        truncation = theme.text("truncation ∝ h", size=theme.LABEL_SIZE, color=theme.GOOD)
        truncation.move_to(axes.c2p(10**-3.0, 10**-7.2))
        roundoff = theme.text("round-off ∝ ε/h", size=theme.LABEL_SIZE, color=theme.BAD)
        roundoff.move_to(axes.c2p(10**-13.4, 10**-7.2))
        with self.beat(
            "From the right the error falls in step with h, a line of slope one: that is "
            "truncation, the Taylor terms the difference drops. Below ten to the minus eight "
            "it climbs again, because subtracting two nearly equal floats loses digits, and "
            "that round-off grows like epsilon over h."
        ) as b:
            b.say(
                0,
                AnimationGroup(
                    walk.walk_to(BEST_INDEX, run_time=b.sentence(0)),
                    AnimationGroup(
                        Create(truncation_line),
                        FadeIn(truncation),
                        lag_ratio=0.6,
                        run_time=0.8 * b.sentence(0),
                    ),
                    run_time=b.sentence(0),
                ),
            )
            b.say(
                1,
                AnimationGroup(
                    walk.walk_to(len(plot.dots) - 1, run_time=b.sentence(1)),
                    AnimationGroup(
                        Create(roundoff_line),
                        FadeIn(roundoff),
                        lag_ratio=0.6,
                        run_time=0.8 * b.sentence(1),
                    ),
                    run_time=b.sentence(1),
                ),
            )
            shown = plot.log10_points_shown()
            expected = [forward_difference_error_loop(float(f"1e-{k}")) for k in range(1, 16)]
            self.checkpoint(
                "log10_steps_drawn",
                shown[:, 0],
                expected=[-float(k) for k in range(1, 16)],
                tol=1e-9,
            )
            self.checkpoint(
                "log10_errors_drawn",
                shown[:, 1],
                expected=[math.log10(e) for e in expected],
                tol=1e-9,
            )
            self.checkpoint(
                "truncation_line_slope_and_height_at_1e-4",
                log_slope_and_height(axes, truncation_line, -4.0),
                expected=[1.0, math.log10(math.sin(1.0) / 2 * 1e-4)],
                tol=LINE_TOL,
            )
            self.checkpoint(
                "roundoff_line_slope_and_height_at_1e-12",
                log_slope_and_height(axes, roundoff_line, -12.0),
                expected=[-1.0, math.log10(2.0**-52 / 1e-12)],
                tol=LINE_TOL,
            )
            self.checkpoint("log10_h_probe_last", h_read.value, expected=-15.0)
            self.checkpoint(
                "log10_error_probe_last",
                e_read.value,
                expected=math.log10(forward_difference_error_loop(1e-15)),
            )

        grid = np.arange(X_DECADES[0], X_DECADES[1] + 1e-9, 0.01)
        total = VMobject(stroke_color=SUM_COLOR, stroke_width=4).set_z_index(0.5)
        total.set_points_as_corners(
            [axes.c2p(10.0**g, CURVATURE / 2 * 10.0**g + EPS / 10.0**g) for g in grid]
        )
        v_points = np.log10(coords(axes, total.get_anchors()))
        bottom = v_points[int(np.argmin(v_points[:, 1]))]
        v_min = Dot(axes.c2p(10.0 ** bottom[0], 10.0 ** bottom[1]), radius=0.08, color=SUM_COLOR)
        v_min.set_z_index(2)
        drop = DashedLine(
            v_min.get_center(),
            np.array([v_min.get_x(), walk.floor_y + 0.32, 0.0]),
            color=SUM_COLOR,
            stroke_width=2,
            dash_length=0.1,
        )
        root_label = theme.tex(r"h \approx \sqrt{\varepsilon}", size=30, color=SUM_COLOR)
        root_label.next_to(drop.get_end(), RIGHT, buff=0.15).shift(0.1 * UP)
        with self.beat(
            "Add the two lines and you get a V whose bottom sits near the square root of "
            "machine epsilon, about ten to the minus eight. Walking back to the best measured "
            "step, h of ten to the minus eight, the error is about three in a billion."
        ) as b:
            b.say(
                0,
                AnimationGroup(
                    Create(total),
                    AnimationGroup(FadeIn(v_min), Create(drop), FadeIn(root_label)),
                    lag_ratio=0.7,
                ),
            )
            best_marker = plot.mark_minimum()
            b.say(
                1,
                AnimationGroup(
                    walk.walk_to(BEST_INDEX, run_time=b.sentence(1) * 0.75, rate_func=smooth),
                    best_marker,
                    lag_ratio=0.8,
                ),
            )
            best = plot.minimum_shown()
            loop_errors = {
                float(f"1e-{k}"): forward_difference_error_loop(float(f"1e-{k}"))
                for k in range(1, 16)
            }
            h_best = min(loop_errors, key=loop_errors.get)  # type: ignore[arg-type]
            self.checkpoint("h_min_drawn", best[0], expected=h_best, tol=1e-20)
            self.checkpoint("error_min_drawn", best[1], expected=loop_errors[h_best], tol=1e-18)
            self.checkpoint("log10_h_min_readout", h_read.value, expected=math.log10(h_best))
            self.checkpoint(
                "log10_error_min_readout", e_read.value, expected=math.log10(loop_errors[h_best])
            )
            self.checkpoint(
                "log10_h_at_v_bottom",
                derived(
                    "log10 h of the drawn V's lowest point",
                    float(bottom[0]),
                    coords(axes, total.get_anchors()),
                ),
                expected=sympy_best_step(),
                tol=0.01,
            )
            self.checkpoint(
                "v_bottom_marked",
                derived(
                    "log10 of the marked dot's place",
                    np.log10(coords(axes, v_min)),
                    coords(axes, v_min),
                ),
                expected=[sympy_best_step(), math.log10(math.sqrt(2 * CURVATURE * EPS))],
                tol=0.01,
            )
        h_read.stop_following()
        e_read.stop_following()


SCENES = [Approximation]
