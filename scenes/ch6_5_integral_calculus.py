"""6.5 Integral Calculus: Riemann sums refining into an area, signed area, and the area's rate.

Midpoint rectangles under sin x on [0, π] for n = 4, 8, 16, 64 morph into one another while
their sum closes in on 2; sweeping the region on [0, 2π] counts the lower lobe negative and the
total returns to 0; the running total A(x) = 1 − cos x grows at the rate f(x).
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable
from typing import Any

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Axes,
    Circumscribe,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    Line,
    Polygon,
    Succession,
    Transform,
    VGroup,
)

from mathviz import theme
from mathviz.maths.integrals import Rule
from mathviz.primitives.calculus import line_slope_shown
from mathviz.primitives.integrals import AccumulatedArea, RiemannRectangles
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout
from mathviz.readings import reads_screen
from mathviz.scene import LectureScene

RULE: Rule = "mid"
REFINEMENTS = (4, 8, 16, 64)
#: marked points for the fundamental theorem: one where sin is positive, one where negative
MARKED_X = (1.0, 4.0)
#: half-width of the symmetric difference that reads the area's growth rate off the drawing
RATE_H = 1e-4
#: curve samples of the swept region: its drawn growth rate then matches sin x to ~5e-8, so
#: the A′ and f readouts print the same digits at every frame
SWEEP_SAMPLES = 6000
RATE_LABEL = r"A'(x) \approx \tfrac{\Delta A}{\Delta x}"

DRAW_TOL = 1e-9  # rectangles read back through the axes
AREA_TOL = 1e-4  # swept regions: polygons through curve samples (trapezoid rule)
SLOPE_TOL = 1e-6  # the tangent's drawn slope: a symmetric difference of drawn areas
PANEL_SIZE = 32
#: width of the sliver drawn centred on the sweeping edge (the fundamental theorem's sliver)
SLIVER_H = 0.2
#: the lower lobe's outline, from π to 2π (a ghost of it is flipped onto the upper lobe)
LOBE_TS = np.linspace(math.pi, 2 * math.pi, 121)
SLIVER_SAMPLES = 41
SLIVER_TOL = 1e-6  # a 41-point polygon under sin on a width of 0.2 (trapezoid rule)


# --- independent routes to the expected values ----------------------------------------------
def midpoint_sum_closed_form(n: int) -> float:
    """``Σ sin((k + ½)h)·h`` with ``h = π/n`` summed in closed form: ``h / sin(h/2)``.

    (``Σ_{k<n} sin((2k + 1)θ) = sin²(nθ)/sin θ`` with ``θ = h/2`` and ``nθ = π/2``.)
    """
    h = math.pi / n
    return h / math.sin(h / 2)


def sympy_integral(lo: sp.Expr | float, hi: sp.Expr | float) -> float:
    x = sp.symbols("x")
    return float(sp.integrate(sp.sin(x), (x, lo, hi)))


def sympy_antiderivative(at: float) -> float:
    """``∫_0^at sin t dt`` exactly, evaluated: 1 − cos(at)."""
    t = sp.symbols("t")
    return float(sp.integrate(sp.sin(t), (t, 0, sp.Float(at, 30))))


def sympy_rate(at: float) -> float:
    """``d/dx ∫_0^x sin t dt`` at ``at``, differentiated symbolically."""
    x, t = sp.symbols("x t")
    return float(sp.diff(sp.integrate(sp.sin(t), (t, 0, x)), x).subs(x, sp.Float(at, 30)))


def pi_axes(
    x_max: float, y_range: tuple[float, float, float], x_length: float, y_length: float
) -> tuple[Axes, VGroup]:
    """Axes for sin x with x ticks labelled in multiples of π/2."""
    axes = Axes(
        x_range=(0, x_max, math.pi / 2),
        y_range=y_range,
        x_length=x_length,
        y_length=y_length,
        tips=False,
        axis_config={"color": theme.MUTED},
        y_axis_config={"include_numbers": True, "font_size": 24},
    )
    names = [r"\tfrac{\pi}{2}", r"\pi", r"\tfrac{3\pi}{2}", r"2\pi"]
    labels = VGroup(
        *(
            theme.tex(name, size=30, color=theme.MUTED).next_to(
                axes.c2p((k + 1) * math.pi / 2, 0), DOWN, buff=0.18
            )
            for k, name in enumerate(names)
            if (k + 1) * math.pi / 2 <= x_max + 1e-9
        )
    )
    return axes, labels


class IntegralCalculus(LectureScene):
    chapter_id = "6.5"

    def construct(self) -> None:
        self.open_chapter("An integral adds up infinitely many thin slices.")
        self.riemann_beats()
        self.signed_area_beats()
        self.rate_beats()
        self.close_chapter(
            "Integral = limit of Riemann sums; its rate of growth is the integrand.",
            "Thin slices summed give the area, and the area's slope gives back the function: "
            "differentiation and integration undo each other.",
        )

    # ------------------------------------------------------------------------------------
    def riemann_beats(self) -> None:
        axes, ticks = pi_axes(math.pi, (0, 1.2, 0.5), 7.6, 5.4)
        VGroup(axes, ticks).to_edge(LEFT, buff=0.6).shift(0.4 * DOWN)
        curve = axes.plot(np.sin, x_range=(0, math.pi, 0.01), color=theme.CURVE, stroke_width=5)
        rects = RiemannRectangles(axes, np.sin, 0, math.pi, REFINEMENTS[0], rule=RULE)
        n_read = Readout("n", REFINEMENTS[0], decimals=0, size=PANEL_SIZE, commas=False)
        sum_read = Readout(
            r"\textstyle\sum f(m_k)\,\Delta x", 0.0, decimals=4, size=PANEL_SIZE, color=theme.ACCENT
        )
        sum_read.set(rects.area_shown())
        formula = theme.tex(r"\int_0^{\pi} \sin x \, dx", size=40)
        rule_note = theme.text(
            "midpoint rule: height at each centre", size=theme.LABEL_SIZE, color=theme.MUTED
        )
        self.panel = Panel(corner=UP + RIGHT)
        with self.beat(
            "Take the area under sine from zero to pi. Chop the interval into four "
            "strips and stand a rectangle on each, as tall as the curve at the "
            "strip's midpoint."
        ) as b:
            b.say(0, Create(axes), FadeIn(ticks), Create(curve))
            b.say(
                1,
                AnimationGroup(
                    rects.create(),
                    self.panel.show(formula, rule_note, n_read, sum_read),
                    lag_ratio=0.5,
                ),
            )
            self.check_riemann(REFINEMENTS[0], rects, n_read, sum_read)
        # the counter jumps 4 → 8 → 16 → 64 (no "n = 7" mid-morph), and the sum beside it is
        # always the midpoint sum for the n it shows
        with (
            self.invariant(
                "n readout shows a refinement",
                lambda: (n_read.value, min(REFINEMENTS, key=lambda m: abs(m - n_read.value))),
            ),
            self.invariant(
                "sum readout is the midpoint sum for the n shown",
                lambda: (sum_read.value, midpoint_sum_closed_form(round(n_read.value))),
            ),
        ):
            with self.beat(
                "Summing the rectangles is a loop over strips: height times width, "
                "accumulate. Doubling the strips again and again, the sum settles "
                "toward 2."
            ) as b:
                # the loop visits each strip in turn
                b.say(
                    0,
                    AnimationGroup(
                        *(
                            Indicate(bar, color=theme.ACCENT, scale_factor=1.0)
                            for bar in rects.bars
                        ),
                        lag_ratio=0.7,
                    ),
                )
                step = max(1.2, b.sentence(1) / len(REFINEMENTS[1:]))
                for n in REFINEMENTS[1:]:
                    self.play(
                        rects.refine_to(n, run_time=step),
                        n_read.step_to(n),
                        sum_read.step_to(rects.model.total),
                        run_time=step,
                    )
                    self.check_riemann(n, rects, n_read, sum_read)
        area_read = Readout(
            r"\int_0^{\pi}\sin x\,dx", 0.0, decimals=3, size=PANEL_SIZE, color=theme.ACCENT
        )
        region = AccumulatedArea(axes, np.sin, 0, math.pi)
        region.edge.set_opacity(0)
        region.dot.set_opacity(0)
        with self.beat(
            "In the limit the rectangles become the region itself, and its area is exactly 2."
        ) as b:
            area_read.set(region.area_shown())
            b.say(
                0,
                AnimationGroup(
                    AnimationGroup(FadeOut(rects), FadeIn(region.positive)),
                    self.panel.swap((sum_read, area_read)),
                    lag_ratio=0.6,
                ),
            )
            self.checkpoint(
                "area_0_to_pi", region.area_shown(), expected=sympy_integral(0, sp.pi), tol=AREA_TOL
            )
            self.checkpoint(
                "area_0_to_pi_readout", area_read.value, expected=sympy_integral(0, sp.pi)
            )
        self.play(FadeOut(VGroup(axes, ticks, curve, region.positive)), self.panel.hide())

    def check_riemann(
        self, n: int, rects: RiemannRectangles, n_read: Readout, sum_read: Readout
    ) -> None:
        """The drawn rectangles' area and count, and both readouts, after refining to ``n``."""
        self.checkpoint(
            f"midpoint_sum_n{n}",
            rects.area_shown(),
            expected=midpoint_sum_closed_form(n),
            tol=DRAW_TOL,
        )
        self.checkpoint(f"rectangle_count_n{n}", rects.count_shown(), expected=n, tol=0)
        self.checkpoint(f"n_readout_n{n}", n_read.value, expected=rects.count_shown())
        self.checkpoint(f"sum_readout_n{n}", sum_read.value, expected=midpoint_sum_closed_form(n))

    # ------------------------------------------------------------------------------------
    def signed_area_beats(self) -> None:
        axes, ticks = pi_axes(2 * math.pi, (-1.2, 2.2, 1), 8.2, 5.6)
        VGroup(axes, ticks).to_edge(LEFT, buff=0.55).shift(0.25 * DOWN)
        # the 3π/2 label stands above the axis: below it the red lobe would cover it
        ticks[2].next_to(axes.c2p(1.5 * math.pi, 0), UP, buff=0.18)
        curve = axes.plot(np.sin, x_range=(0, 2 * math.pi, 0.01), color=theme.CURVE, stroke_width=5)
        above = Readout(r"\text{above}", 0.0, decimals=3, size=PANEL_SIZE, color=theme.AREA)
        below = Readout(r"\text{below}", 0.0, decimals=3, size=PANEL_SIZE, color=theme.BAD)
        total = Readout(r"A(x)", 0.0, decimals=3, size=PANEL_SIZE, color=theme.ACCENT)
        region = AccumulatedArea(
            axes,
            np.sin,
            0,
            0,
            trace=True,
            samples=SWEEP_SAMPLES,
            readouts=[(above, "above"), (below, "below"), (total, "area")],
        )
        formula = theme.tex(r"A(x) = \int_0^{x} \sin t \, dt", size=38)
        a_label = theme.tex("A(x)", size=32, color=theme.ACCENT)
        a_label.next_to(axes.c2p(math.pi, 2.0), UP, buff=0.15)
        self.panel = Panel(corner=UP + RIGHT)
        invariants = contextlib.ExitStack()  # from when the axes stand until the lobes cancel

        def readout_against_region(
            readout: Readout, quantity: str
        ) -> Callable[[], tuple[Any, Any]]:
            """A readout beside the quantity it names, read off the drawn region."""
            return lambda: (readout.value, region.quantity_shown(quantity))

        with self.beat(
            "Now run the interval on to two pi and sweep a right edge across it. "
            "Above the axis the area piles up, and the yellow curve plots the running "
            "total A of x. Below the axis it counts negative, drawn in red."
        ) as b:
            self.play(Create(axes), FadeIn(ticks), Create(curve))
            for name, readout, quantity in (
                ("above readout equals the drawn area above the axis", above, "above"),
                ("below readout equals the drawn area below the axis", below, "below"),
                ("A readout equals the drawn signed area", total, "area"),
            ):
                invariants.enter_context(
                    self.invariant(name, readout_against_region(readout, quantity))
                )
            self.play(self.panel.show(formula, above, below, total), FadeIn(region))
            b.say(1, region.sweep_to(math.pi), FadeIn(a_label))
            b.say(2, region.sweep_to(2 * math.pi))
            self.checkpoint(
                "area_above_0_to_2pi",
                region.quantity_shown("above"),
                expected=sympy_integral(0, sp.pi),
                tol=AREA_TOL,
            )
            self.checkpoint(
                "area_below_0_to_2pi",
                region.quantity_shown("below"),
                expected=sympy_integral(sp.pi, 2 * sp.pi),
                tol=AREA_TOL,
            )
            self.checkpoint(
                "signed_area_0_to_2pi",
                region.area_shown(),
                expected=sympy_integral(0, 2 * sp.pi),
                tol=AREA_TOL,
            )
            self.checkpoint("area_above_readout", above.value, expected=sympy_integral(0, sp.pi))
            self.checkpoint(
                "area_below_readout", below.value, expected=sympy_integral(sp.pi, 2 * sp.pi)
            )
            self.checkpoint(
                "signed_area_readout", total.value, expected=sympy_integral(0, 2 * sp.pi)
            )
        with (
            invariants,
            self.beat(
                "The lower lobe is the upper one turned upside down: flip it up and it "
                "fits exactly. So plus 2 and minus 2 make an integral of zero, even though "
                "plenty of area was swept."
            ) as b,
        ):
            # a ghost of the lower lobe, mirrored in the axis and slid back by pi
            ghost, target = (
                Polygon(
                    *(axes.c2p(t - shift, sign * math.sin(t)) for t in LOBE_TS),
                    stroke_width=0,
                    fill_color=theme.BAD,
                    fill_opacity=0.45,
                )
                for shift, sign in ((0.0, 1.0), (math.pi, -1.0))
            )
            b.say(0, Succession(Transform(ghost, target), FadeOut(ghost), lag_ratio=1.0))
            b.say(1, Circumscribe(VGroup(below, total), color=theme.ACCENT))
        self.axes, self.curve, self.region, self.ticks = axes, curve, region, ticks
        self.readouts = (above, below, total)
        self.a_label = a_label

    # ------------------------------------------------------------------------------------
    def rate_beats(self) -> None:
        axes, region = self.axes, self.region
        a_read = Readout("A(x)", 0.0, decimals=3, size=PANEL_SIZE, color=theme.ACCENT)
        f_read = Readout(r"f(x) = \sin x", 0.0, decimals=3, size=PANEL_SIZE, color=theme.CURVE)
        x_read = Readout("x", 0.0, decimals=2, size=PANEL_SIZE)
        region.follow_with([(x_read, "edge"), (a_read, "area"), (f_read, "height")])
        rate_read = self.rate_readout(region)
        theorem = theme.tex(r"\frac{d}{dx}\int_0^{x} f = f(x)", size=38)
        # the card fits the rows at their widest: negative slopes add a minus sign
        widest = Readout(RATE_LABEL, -0.999, decimals=3, size=PANEL_SIZE)
        self.panel.min_width = max(widest.width, theorem.width)
        # the tangent to the running total at its dot, with the slope the area grows at there
        tangent = Line(axes.c2p(0, 0), axes.c2p(0.1, 0), color=theme.TEXT, stroke_width=4)
        tangent.add_updater(lambda line: line.become(self.tangent_line(region)))
        tangent.update()
        # the sliver: width h centred on the sweeping edge; its area is about f(x)·h
        sliver = Polygon(*[axes.c2p(0, 0)] * 3, stroke_width=0, fill_opacity=0.9)
        sliver.add_updater(lambda mob: self.redraw_sliver(mob, region.x))
        sliver.update()
        self.sliver = sliver
        da_read = Readout(r"\Delta A", 0.0, decimals=3, size=PANEL_SIZE, color=theme.ACCENT)
        # redraw the sliver before reading it: the readout never shows last frame's sliver
        da_read.follow(lambda: self.fresh_sliver_area(region.x))
        fh_read = Readout(r"f(x)\cdot h", 0.0, decimals=3, size=PANEL_SIZE, color=theme.CURVE)
        fh_read.follow(lambda: region.quantity_shown("height") * SLIVER_H)
        reads = (x_read, a_read, f_read, rate_read, da_read, fh_read)
        with (
            self.invariant("A′ readout equals f readout", lambda: (rate_read.value, f_read.value)),
            self.invariant(
                "f readout equals sin at the edge",
                lambda: (f_read.value, math.sin(region.edge_shown())),
            ),
            self.invariant(
                "A readout equals the drawn area", lambda: (a_read.value, region.area_shown())
            ),
            self.invariant(
                "x readout equals the edge", lambda: (x_read.value, region.edge_shown())
            ),
        ):
            with self.beat(
                "Why does the running total look like one minus cosine? Widen the edge by a "
                "thin sliver, two tenths wide: its area is about the curve's height times "
                "the width. So A grows at the rate f of x, and at x equals 1 its slope is "
                "sine of 1."
            ) as b:
                # the label makes way for the tangent; the panel names A(x) now, its rows
                # closer so the sliver's two rows fit under them
                self.panel.row_buff = 0.22
                # and room on the right for the minus sign the rows gain past pi
                self.panel.edge_buff = 0.75
                self.play(
                    self.panel.show(theorem, x_read, a_read, f_read, rate_read),
                    FadeOut(self.a_label),
                )
                self.play(region.sweep_to(MARKED_X[0], run_time=max(1.6, b.sentence(0) - 1.0)))
                b.say(1, FadeIn(sliver), self.panel.grow(da_read, fh_read))
                sliver_invariants = contextlib.ExitStack()
                sliver_invariants.enter_context(
                    self.invariant(
                        "ΔA readout equals the drawn sliver",
                        lambda: (da_read.value, self.sliver_area_shown()),
                    )
                )
                sliver_invariants.enter_context(
                    self.invariant(
                        "f·h readout equals the edge's height times h",
                        lambda: (fh_read.value, region.quantity_shown("height") * SLIVER_H),
                    )
                )
                b.say(
                    2,
                    AnimationGroup(
                        Create(tangent),
                        Circumscribe(VGroup(f_read, rate_read), color=theme.ACCENT),
                        lag_ratio=0.5,
                    ),
                )
                self.check_rate(MARKED_X[0], region, tangent, *reads)
            with (
                sliver_invariants,
                self.beat(
                    "Slide the edge on to x equals 4, where the curve dips below the axis: "
                    "the sliver hangs below it and the total shrinks. Its slope is negative, again "
                    "the height of the curve."
                ) as b,
            ):
                b.say(0, region.sweep_to(MARKED_X[1]))
                b.say(
                    1,
                    Circumscribe(VGroup(f_read, rate_read, da_read, fh_read), color=theme.ACCENT),
                )
                self.check_rate(MARKED_X[1], region, tangent, *reads)

    def redraw_sliver(self, sliver: Polygon, x: float) -> None:
        """The sliver under the curve from ``x − h/2`` to ``x + h/2``, coloured by its sign."""
        ts = np.linspace(x - SLIVER_H / 2, x + SLIVER_H / 2, SLIVER_SAMPLES)
        xy = [(ts[0], 0.0), *zip(ts, np.sin(ts), strict=True), (ts[-1], 0.0), (ts[0], 0.0)]
        sliver.set_points_as_corners([self.axes.c2p(px, py) for px, py in xy])
        sliver.set_fill(theme.GOOD if math.sin(x) >= 0 else theme.GRADIENT)

    def fresh_sliver_area(self, x: float) -> float:
        """The sliver redrawn for edge ``x`` now, then its area read back from the drawing."""
        self.redraw_sliver(self.sliver, x)
        return float(self.sliver_area_shown())

    @reads_screen("area")
    def sliver_area_shown(self) -> float:
        """Signed area of the drawn sliver (shoelace through the axes): + above, − below."""
        sliver = self.sliver
        corners = sliver.points[:: sliver.n_points_per_curve]
        xy = np.array([self.axes.p2c(p)[:2] for p in corners], dtype=float)
        x, y = xy[:, 0], xy[:, 1]
        # traced left→right along the curve, then back along the axis: clockwise when above
        return float(-0.5 * np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y))

    def rate_readout(self, region: AccumulatedArea) -> Readout:
        """``A′(x) ≈ ΔA/Δx``: at every frame, how fast the drawn area grows at the edge."""
        rate_read = Readout(RATE_LABEL, 0.0, decimals=3, size=PANEL_SIZE, color=theme.ACCENT)
        return rate_read.follow(lambda: region.rate_shown(h=RATE_H))

    def tangent_line(self, region: AccumulatedArea) -> Line:
        """The segment through the running total's dot along the drawn area's growth rate."""
        point = np.asarray(region.traced_shown(), dtype=float)
        step = 0.6 * np.array([1.0, float(region.rate_shown(h=RATE_H))])
        return Line(
            self.axes.c2p(*(point - step)),
            self.axes.c2p(*(point + step)),
            color=theme.TEXT,
            stroke_width=4,
        )

    def check_rate(
        self,
        x: float,
        region: AccumulatedArea,
        tangent: Line,
        x_read: Readout,
        a_read: Readout,
        f_read: Readout,
        rate_read: Readout,
        da_read: Readout,
        fh_read: Readout,
    ) -> None:
        """The drawn area, the running total's dot, the tangent, the sliver and every readout
        at ``x``."""
        tag = f"x{x:g}"
        expected_area = sympy_antiderivative(x)
        self.checkpoint(f"A_at_{tag}", region.area_shown(), expected=expected_area, tol=AREA_TOL)
        self.checkpoint(
            f"A_traced_at_{tag}", region.traced_shown(), expected=[x, expected_area], tol=AREA_TOL
        )
        self.checkpoint(
            f"tangent_slope_at_{tag}",
            line_slope_shown(self.axes, tangent),
            expected=sympy_rate(x),
            tol=SLOPE_TOL,
        )
        self.checkpoint(f"x_readout_at_{tag}", x_read.value, expected=x)
        self.checkpoint(f"A_readout_at_{tag}", a_read.value, expected=expected_area)
        self.checkpoint(f"A_rate_at_{tag}", rate_read.value, expected=sympy_rate(x))
        self.checkpoint(f"f_readout_at_{tag}", f_read.value, expected=math.sin(x))
        lo, hi = sp.Float(x, 30) - sp.Rational(1, 10), sp.Float(x, 30) + sp.Rational(1, 10)
        sliver_area = sympy_integral(lo, hi)
        self.checkpoint(
            f"sliver_area_at_{tag}", self.sliver_area_shown(), expected=sliver_area, tol=SLIVER_TOL
        )
        self.checkpoint(f"sliver_readout_at_{tag}", da_read.value, expected=sliver_area)
        self.checkpoint(f"fh_readout_at_{tag}", fh_read.value, expected=math.sin(x) * SLIVER_H)


SCENES = [IntegralCalculus]
