"""3.2 Common Function Types: six shapes morphing into one another on one set of axes.

One window, x from −4 to 4 and y from −1.5 to 3. A line (a weight times the input plus a
bias) bends into a quadratic (the squared error), then into eˣ (growth; it leaves the top of
the window just past x = 1), then into the sigmoid, which squashes everything into (0, 1)
with σ(0) = ½. The sigmoid is then squeezed sideways by two, stretched up by two and shifted
down by one, and lands exactly on tanh (tanh x = 2σ(2x) − 1), traced from its own formula on
top; last, tanh flattens into the ReLU, whose kink a riding tangent shows: its slope jumps
from 0 to 1 at x = 0.

Three probe dots sit at the marked inputs −2, 0 and 1. At every frame each dot is put where
the *drawn* curve is at its input, and its readout shows the dot's height read back through
the axes: mid-morph that is the blend of two functions, and the readout says so.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    UP,
    Axes,
    Create,
    DashedLine,
    DashedVMobject,
    FadeIn,
    FadeOut,
    Indicate,
    Line,
    VGroup,
    VMobject,
    smooth,
)

from mathviz import theme
from mathviz.maths import activations as act
from mathviz.maths.activations import SampledGraph
from mathviz.primitives.morphing_graph import CurveTangent, MorphingGraph
from mathviz.primitives.plots import number_edges
from mathviz.primitives.readout import Readout
from mathviz.scene import LectureScene

#: the one window every function is drawn in
X_RANGE, Y_RANGE = (-4.0, 4.0), (-1.5, 3.0)
#: the probes' marked inputs, and ReLU's kink (also a probe): samples of every graph
PROBES = (-2.0, 0.0, 1.0)
PROBE_COLORS = (theme.ACCENT, theme.HYPOTHESIS, theme.BASIS_I)
#: points per drawn graph (a uniform grid of step 0.05 over the window, warped per domain)
POINTS = 161
#: where the plot sits, and the panel's left edge
PLOT_CENTER, PLOT_SIZE = np.array([-2.5, 0.15, 0.0]), (7.8, 6.2)
PANEL_X, CARD_TOP = 2.05, 3.5
READOUT_SIZE = 40

X = sp.symbols("x")
#: e, as sympy's constant (the ratio of heights one step apart on eˣ)
E = float(sp.E.evalf(30))
#: each function as a formula: the checkpoints' truth, apart from the drawing's numpy model
FORMULAS = {
    "linear": sp.Rational(1, 2) * X + 1,
    "quadratic": sp.Rational(1, 4) * X**2,
    "exponential": sp.exp(X),
    "sigmoid": 1 / (1 + sp.exp(-X)),
    "tanh": sp.tanh(X),
    "ReLU": sp.Max(0, X),
}
#: the card of each function: its formula as typeset, and where machine learning uses it
CARDS = {
    "linear": (r"f(x) = \tfrac{1}{2}\,x + 1", "a layer's weighted sum"),
    "quadratic": (r"f(x) = \tfrac{1}{4}\,x^2", "the squared-error loss"),
    "exponential": (r"f(x) = e^{x}", "growth; inside softmax"),
    "sigmoid": (r"f(x) = \sigma(x) = \frac{1}{1 + e^{-x}}", "a score → a probability"),
    "tanh": (r"\tanh x = 2\,\sigma(2x) - 1", "zero-centred activation"),
    "ReLU": (r"f(x) = \max(0,\ x)", "default deep-net activation"),
}
#: the sigmoid's road to tanh: outer·σ(inner·x) + shift, one parameter at a time
STAGES = ((1.0, 1.0, 0.0), (1.0, 2.0, 0.0), (2.0, 2.0, 0.0), (2.0, 2.0, -1.0))
STAGE_TEX = (r"f(x) = \sigma(2x)", r"f(x) = 2\,\sigma(2x)", r"f(x) = 2\,\sigma(2x) - 1")


def exact(name: str, x: float) -> float:
    """``name``'s formula at ``x``, evaluated by sympy."""
    return float(FORMULAS[name].subs(X, sp.nsimplify(x)).evalf(30))


def graph_of(f: act.RealFunction) -> SampledGraph:
    """``f`` drawn over the part of the window it stays in, the probes pinned."""
    domain = act.window_domain(f, X_RANGE, Y_RANGE)
    return act.sample(f, domain, PROBES, X_RANGE, POINTS)


GRAPHS = {
    "linear": graph_of(act.linear),
    "quadratic": graph_of(act.quadratic),
    "exponential": graph_of(act.exponential),
    "sigmoid": graph_of(act.sigmoid),
    "tanh": graph_of(act.tanh),
    "ReLU": graph_of(act.relu),
}


def stage_graph(t: float, start: tuple[float, ...], end: tuple[float, ...]) -> SampledGraph:
    """The scaled sigmoid a fraction ``t`` of the way between two stages' parameters."""
    outer, inner, shift = ((1 - t) * a + t * b for a, b in zip(start, end, strict=True))
    return graph_of(act.scaled_sigmoid(outer, inner, shift))


def snap(y: float) -> float:
    """A height as a readout shows it: float dust around zero is zero (never "−0.00")."""
    return 0.0 if abs(y) < 1e-9 else float(y)


def first_half(t: float) -> float:
    """A rate function done in the first half of the run time."""
    return float(smooth(min(1.0, 2.0 * t)))


def second_half(t: float) -> float:
    """A rate function that starts half way through the run time."""
    return float(smooth(max(0.0, 2.0 * t - 1.0)))


def half(first: bool) -> Any:
    """The first or second half of a smooth run, as two plays that join without a jolt."""
    return (lambda a: smooth(a / 2)) if first else (lambda a: smooth(0.5 + a / 2))


class CommonFunctionTypes(LectureScene):
    chapter_id = "3.2"

    def construct(self) -> None:
        self.open_chapter("Six shapes of function do most of the work in machine learning.")
        self.setup_stage()
        self.line_beat()
        with self.probes_ride_the_curve():
            self.quadratic_beat()
            self.exponential_beat()
            self.sigmoid_beat()
            self.stretch_beats()
            self.relu_beat()
        self.kink_beat()
        self.close_chapter(
            "Line, bowl, growth, squash, hinge: one set of axes.",
            "Lines, bowls, growth, squashes and hinges, all on one set of axes. "
            "Next, functions of many inputs.",
        )

    # --- the stage ----------------------------------------------------------------------------
    def setup_stage(self) -> None:
        axes = Axes(
            x_range=(*X_RANGE, 1),
            y_range=(*Y_RANGE, 1),
            x_length=PLOT_SIZE[0],
            y_length=PLOT_SIZE[1],
            axis_config={"color": theme.MUTED, "font_size": 26, "stroke_width": 2.5},
            tips=False,
        )
        axes.shift(PLOT_CENTER - axes.c2p(0.5 * sum(X_RANGE), 0.5 * sum(Y_RANGE)))
        number_edges(axes)
        self.axes = axes
        self.graph = MorphingGraph(axes, GRAPHS["linear"], PROBES, PROBE_COLORS)
        self.guides = VGroup(
            *(
                DashedLine(
                    axes.c2p(x, Y_RANGE[0]),
                    axes.c2p(x, Y_RANGE[1]),
                    color=c,
                    stroke_width=2,
                    stroke_opacity=0.6,
                    dash_length=0.1,
                )
                for x, c in zip(PROBES, PROBE_COLORS, strict=True)
            )
        )
        self.readouts = [
            Readout(f"f({x:g})", 0.0, decimals=2, color=c, size=READOUT_SIZE)
            for x, c in zip(PROBES, PROBE_COLORS, strict=True)
        ]
        column = VGroup(*self.readouts).arrange(DOWN, aligned_edge=LEFT, buff=0.32)
        column.move_to(np.array([PANEL_X, -0.7, 0.0]), aligned_edge=LEFT)
        for i, readout in enumerate(self.readouts):
            readout.follow(self.height_of(i))
        self.card = self.make_card("linear")
        self.ghost: VMobject | None = None

    def height_of(self, i: int) -> Callable[[], float]:
        """Probe ``i``'s height, read through the axes (as a readout shows it)."""
        return lambda: snap(self.graph.probe_shown(i)[1])

    def shows_height(self, readout: Readout, i: int) -> Callable[[], tuple[Any, float]]:
        """``(printed readout, its dot's height)``: an invariant's reading."""
        height = self.height_of(i)
        return lambda: (readout.value, height())

    def make_card(self, name: str, title: str | None = None) -> list[Any]:
        """The card's parts: the function's name, its formula and where machine learning
        meets it, stacked at the panel's top (each a mobject of its own)."""
        formula, use = CARDS[name]
        parts = VGroup(
            theme.text(title or name, size=theme.HEADING_SIZE),
            theme.tex(formula, size=42),
            theme.text(use, size=theme.LABEL_SIZE, color=theme.MUTED),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        parts.move_to(np.array([PANEL_X, CARD_TOP, 0.0]), aligned_edge=LEFT + UP)
        return list(parts)

    def swap(self, index: int, new: Any) -> list[Any]:
        """Replace card part ``index`` by ``new``: the old one rises out, the new one in."""
        old, self.card[index] = self.card[index], new
        # the old part leaves in the first half and the new one comes in the second, so the
        # two never stack into a garble
        return [
            FadeOut(old, shift=0.25 * UP, rate_func=first_half),
            FadeIn(new, shift=0.25 * UP, rate_func=second_half),
        ]

    def pulse(self, i: int) -> list[Any]:
        """Flash probe ``i``'s dot and readout in their own colour."""
        c = PROBE_COLORS[i]
        return [
            Indicate(self.readouts[i], color=c, scale_factor=1.2),
            Indicate(self.graph.dots[i], color=c, scale_factor=1.8),
        ]

    def swap_card(self, name: str, title: str | None = None) -> list[Any]:
        """Animations replacing the whole card by ``name``'s."""
        new = self.make_card(name, title)
        return [a for i, part in enumerate(new) for a in self.swap(i, part)]

    def leave_ghost(self) -> list[Any]:
        """Leave a faint copy of the current curve behind (the ghost before it fades)."""
        anims: list[Any] = [FadeOut(self.ghost)] if self.ghost is not None else []
        self.ghost = self.graph.ghost()
        self.add(self.ghost)
        self.bring_to_front(self.graph)
        return anims

    def morph(self, name: str) -> list[Any]:
        """Animations morphing the curve into ``name``'s graph, its card swapped in."""
        return [*self.leave_ghost(), self.graph.morph_to(GRAPHS[name]), *self.swap_card(name)]

    def check_probes(self, name: str, tag: str | None = None) -> None:
        """The dots (through the axes) and their readouts (as printed) against ``name``'s
        formula at the probes."""
        tag = tag or name.lower()
        expected = [exact(name, x) for x in PROBES]
        self.checkpoint(
            f"{tag}_probe_dots",
            self.graph.probes_shown(),
            expected=[v for x, y in zip(PROBES, expected, strict=True) for v in (x, y)],
            tol=1e-9,
        )
        for x, readout, y in zip(PROBES, self.readouts, expected, strict=True):
            self.checkpoint(f"{tag}_readout_at_{x:g}", readout.value, expected=y)

    @contextlib.contextmanager
    def probes_ride_the_curve(self) -> Iterator[None]:
        """Invariants held through every morph: each dot on the drawn curve at its input,
        each readout showing its dot's height."""
        g = self.graph
        with contextlib.ExitStack() as stack:
            stack.enter_context(
                self.invariant(
                    "dots ride the drawn curve",
                    lambda: (g.probe_gaps_shown(), [0.0] * len(PROBES)),
                    tol=1e-9,
                )
            )
            stack.enter_context(
                self.invariant(
                    "dots keep their marked inputs",
                    lambda: (g.probes_shown()[:, 0], list(PROBES)),
                    tol=1e-9,
                )
            )
            for i, (x, readout) in enumerate(zip(PROBES, self.readouts, strict=True)):
                stack.enter_context(
                    self.invariant(
                        f"readout at {x:g} shows its dot's height",
                        self.shows_height(readout, i),
                    )
                )
            yield

    # --- beats --------------------------------------------------------------------------------
    def line_beat(self) -> None:
        g = self.graph
        with self.beat(
            "Start with a line, y equals one half x plus one: a weight times the input, plus "
            "a bias. Three probes sit at x equals minus two, zero and one, and each reads the "
            "curve's height: zero, one, and one and a half."
        ) as b:
            self.play(Create(self.axes), *(FadeIn(p, shift=0.3 * UP) for p in self.card))
            b.say(0, Create(g.curve))
            b.say(
                1,
                Create(self.guides, lag_ratio=0.3),
                *(FadeIn(d, scale=2.5) for d in g.dots),
                *(FadeIn(r, shift=0.2 * LEFT) for r in self.readouts),
            )
            self.checkpoint("probe_dots_drawn", g.dots_shown(), expected=len(PROBES))
            self.check_probes("linear")

    def quadratic_beat(self) -> None:
        g = self.graph
        with self.beat(
            "Bend it into a quarter x squared, and the probes ride along: one, zero, and a "
            "quarter. This is the squared error: a miss twice as big costs four times as much."
        ) as b:
            b.say(0, *self.morph("quadratic"))
            self.check_probes("quadratic")
            self.bars = VGroup(
                *(
                    Line(self.axes.c2p(x, 0), g.dots[i].get_center(), color=c, stroke_width=7)
                    for i, (x, c) in enumerate(zip(PROBES, PROBE_COLORS, strict=True))
                    if x != 0
                )
            )
            self.bars.name = "heights of the probes"
            self.add(self.bars)
            self.bring_to_front(g)
            b.say(1, Create(self.bars, lag_ratio=0.5), *self.pulse(0), *self.pulse(2))

    def exponential_beat(self) -> None:
        g = self.graph
        ratio = Readout(r"f(1)\,/\,f(0)", 0.0, decimals=2, size=READOUT_SIZE)
        ratio.next_to(self.readouts[-1], DOWN, buff=0.6, aligned_edge=LEFT)
        self.ratio = ratio
        with self.beat(
            "Now e to the x. Every step of one to the right multiplies the height by e, so "
            "the probe at one reads 2.72, and the curve leaves the top just after it. "
            "Exponentials model growth, and they sit inside softmax."
        ) as b:
            b.say(0, *self.morph("exponential"), FadeOut(self.bars))
            ratio.follow(lambda: g.probe_shown(2)[1] / g.probe_shown(1)[1])
            b.say(1, FadeIn(ratio, shift=0.2 * LEFT), *self.pulse(1), *self.pulse(2))
            self.checkpoint("exponential_step_ratio_readout", ratio.value, expected=E)
            b.say(2, Indicate(self.card[2], color=theme.TEXT, scale_factor=1.08), FadeOut(ratio))
            ratio.stop_following()
            self.check_probes("exponential")

    def sigmoid_beat(self) -> None:
        g = self.graph
        self.ceiling = DashedLine(
            self.axes.c2p(X_RANGE[0], 1), self.axes.c2p(X_RANGE[1], 1), color=theme.MUTED
        )
        self.ceiling.name = "the sigmoid's ceiling"
        with self.beat(
            "Divide one by one plus e to the minus x, and the curve becomes the sigmoid. It "
            "squashes any score into the band between zero and one, and at zero it sits "
            "exactly halfway: sigma of zero is one half."
        ) as b:
            # the morph in two plays that join smoothly, to read the curve half way
            start, target = g.graph, GRAPHS["sigmoid"]

            def path(t: float) -> SampledGraph:
                return target if t >= 1 else act.blend(start, target, t)

            extra = [*self.leave_ghost(), *self.swap_card("sigmoid")]
            self.play(g.morph_through(path, rate_func=half(True)), *extra, run_time=2.0)
            halfway = [0.5 * exact("exponential", x) + 0.5 * exact("sigmoid", x) for x in PROBES]
            self.checkpoint(
                "halfway_exp_to_sigmoid", g.probes_shown()[:, 1], expected=halfway, tol=1e-9
            )
            self.checkpoint("halfway_readout_at_1", self.readouts[2].value, expected=halfway[2])
            b.say(0, g.morph_through(path, rate_func=half(False)))
            b.say(1, Create(self.ceiling), *self.pulse(1))
            self.check_probes("sigmoid")

    def stretch_beats(self) -> None:
        g = self.graph
        floor = DashedLine(
            self.axes.c2p(X_RANGE[0], 0), self.axes.c2p(X_RANGE[1], 0), color=theme.MUTED
        )
        floor.name = "the sigmoid's floor"
        unit = self.axes.y_axis.get_unit_size()

        def stage(i: int, *extra: Any) -> list[Any]:
            start, end = STAGES[i], STAGES[i + 1]
            formula = theme.tex(STAGE_TEX[i], size=42)
            formula.move_to(self.card[1], aligned_edge=LEFT)
            return [
                g.morph_through(lambda t: stage_graph(t, start, end)),
                *self.swap(1, formula),
                *extra,
            ]

        with self.beat(
            "The tanh curve is the same S, stretched and shifted. Squeeze the sigmoid sideways by two, "
            "so it climbs twice as fast, then stretch it up by two."
        ) as b:
            title = theme.text("sigmoid → tanh", size=theme.HEADING_SIZE)
            title.move_to(self.card[0], aligned_edge=LEFT)
            use = theme.text("range (0, 1) → (−1, 1)", size=theme.LABEL_SIZE, color=theme.MUTED)
            use.move_to(self.card[2], aligned_edge=LEFT)
            fading = self.leave_ghost()
            sigmoid_ghost = self.ghost
            assert sigmoid_ghost is not None
            self.add(floor)
            self.bring_to_front(g)
            b.say(
                0,
                *fading,
                *self.swap(0, title),
                *self.swap(2, use),
                Indicate(sigmoid_ghost, color=theme.CURVE, scale_factor=1.0),
            )
            slot = b.sentence(1)
            self.play(*stage(0), run_time=0.5 * slot)
            self.checkpoint(
                "squeezed_sigmoid_probes",
                g.probes_shown()[:, 1],
                expected=[float(FORMULAS["sigmoid"].subs(X, 2 * sp.nsimplify(x))) for x in PROBES],
                tol=1e-9,
            )
            self.play(*stage(1, self.ceiling.animate.shift(unit * UP)), run_time=0.5 * slot)
            self.checkpoint(
                "stretched_sigmoid_readout_at_0",
                self.readouts[1].value,
                expected=float(2 * FORMULAS["sigmoid"].subs(X, 0)),
            )
        direct = VMobject(stroke_color=theme.TEXT, stroke_width=3)
        xs = np.linspace(*X_RANGE, 321)
        direct.set_points_as_corners(np.asarray(self.axes.c2p(xs, np.tanh(xs)), float).T)
        trace = DashedVMobject(direct, num_dashes=70)
        trace.name = "tanh traced from its own formula"
        with self.beat(
            "Shift it down by one, and it is tanh. Trace tanh from its own formula on top: "
            "the two curves agree everywhere. It is centred on zero, so tanh of zero is zero."
        ) as b:
            shift_down = (self.ceiling.animate.shift(unit * DOWN), floor.animate.shift(unit * DOWN))
            b.say(0, *stage(2, *shift_down))
            b.say(1, Create(trace))
            shown = g.curve_shown()
            self.checkpoint(
                "stretched_sigmoid_is_tanh",
                shown,
                expected=[v for x in shown[:, 0] for v in (float(x), math.tanh(float(x)))],
                tol=1e-9,
            )
            b.say(2, FadeOut(trace), *self.swap_card("tanh"), *self.pulse(1))
            self.check_probes("tanh")
        self.floor = floor

    def relu_beat(self) -> None:
        g = self.graph
        flat = VMobject(stroke_color=theme.ACCENT, stroke_width=14, stroke_opacity=0.55)
        flat.set_points_as_corners([self.axes.c2p(X_RANGE[0], 0), self.axes.c2p(0, 0)])
        flat.name = "the flat half"
        with self.beat(
            "The ReLU is the simplest of all: zero for every negative input, the input itself "
            "for positive ones. ReLU of minus two is zero, and so is the whole left half."
        ) as b:
            b.say(0, *self.morph("ReLU"), FadeOut(self.ceiling), FadeOut(self.floor))
            b.say(1, Create(flat), *self.pulse(0))
            self.check_probes("ReLU", "relu")
            self.checkpoint("relu_slope_left_of_0", g.slope_shown(0.0, -1), expected=0.0, tol=1e-9)
            self.checkpoint("relu_slope_right_of_0", g.slope_shown(0.0, 1), expected=1.0, tol=1e-9)
        self.flat = flat

    def kink_beat(self) -> None:
        g = self.graph
        tangent = CurveTangent(g, -3.0, length=2.0, stroke_width=9)
        slope = Readout(r"\text{slope}", 0.0, decimals=2, color=theme.GRADIENT, size=READOUT_SIZE)
        slope.next_to(self.readouts[-1], DOWN, buff=0.45, aligned_edge=LEFT)
        slope.follow(lambda: snap(tangent.tangent_slope_shown()))

        def along() -> tuple[Any, Any]:
            expected = [snap(g.slope_shown(tangent.x, 1)), snap(g.height_shown(tangent.x))]
            return tangent.pose_shown(), expected

        with (
            self.invariant(
                "slope readout is the tangent's slope",
                lambda: (slope.value, snap(tangent.tangent_slope_shown())),
            ),
            self.invariant("tangent lies along the drawn curve", along, tol=1e-9),
            self.beat(
                "Ride a tangent along it: at zero the slope jumps straight from zero to one. "
                "That kink is cheap to compute, and for positive inputs the slope never fades, "
                "which is why deep networks use it by default."
            ) as b,
        ):
            slot = b.sentence(0)
            self.play(FadeOut(self.flat), FadeIn(tangent), FadeIn(slope), run_time=0.8)
            self.play(tangent.slide(-0.25), run_time=0.45 * (slot - 0.8))
            self.checkpoint("slope_readout_left_of_kink", slope.value, expected=0.0)
            b.say(0, tangent.slide(1.0))  # over the kink as "jumps" is said
            self.checkpoint("slope_readout_right_of_kink", slope.value, expected=1.0)
            # on the positive side the slope stays one, however far the input goes
            b.say(
                1, tangent.slide(2.4), Indicate(self.card[2], color=theme.TEXT, scale_factor=1.08)
            )
            self.checkpoint("slope_readout_far_right", slope.value, expected=1.0)
        slope.stop_following()


SCENES = [CommonFunctionTypes]
