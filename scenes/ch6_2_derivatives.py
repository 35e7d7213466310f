"""6.2 Derivatives: a tangent sliding along f while its slope draws f′ below.

The tangent of f(x) = x³/3 − x slides from −2 to 2; a dot on the lower axes at the tangent's
slope leaves a trail that is the graph of f′(x) = x² − 1. The tangent is flat where f′ crosses
zero (a peak at −1, a valley at 1); for x³ it is flat at 0 without any extremum. Finally the
chain rule: the slope of sin(x²) at 1 is the rate of x² times the rate of sin, 2 · cos 1.
"""

from __future__ import annotations

import contextlib
import math

import sympy as sp
from manim import (
    DOWN,
    LEFT,
    UR,
    Create,
    FadeIn,
    FadeOut,
    Succession,
    SurroundingRectangle,
    Transform,
    VGroup,
)

from mathviz import theme
from mathviz.maths.calculus import (
    CUBE,
    CUBIC_WELL,
    SIN_OF_SQUARE,
    SINE,
    ChainRuleStep,
    DifferentiableFunction,
    chain_rule,
    classify_critical_point,
    critical_points,
)
from mathviz.primitives.calculus import DerivativeTracer
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout, live_number_class
from mathviz.scene import LectureScene

PANEL_SIZE = 30
DECIMALS = 3
TRAIL_TOL = 1e-3
TRACER_WIDTH = 8.2
#: narrower for x³, whose steep ends run into the panel's corner at full width
CUBE_WIDTH = 7.2
#: where the lecture stops the tangent of x³/3 − x, and where it reads the drawn trail
WELL_STOPS = (0.0, 2.0)
WELL_TRAIL_CHECKS = (-1.5, 0.5)
CHAIN_X = 1.0
INNER = DifferentiableFunction("x^2", lambda x: x * x, lambda x: 2.0 * x)

x_sym = sp.symbols("x", real=True)


# --- independent routes to the expected values ----------------------------------------------
def sympy_derivative(expr: sp.Expr, at: float) -> float:
    """f′ at ``at`` by symbolic differentiation."""
    return float(sp.diff(expr, x_sym).subs(x_sym, at))


def sympy_value(expr: sp.Expr, at: float) -> float:
    return float(expr.subs(x_sym, at))


WELL_EXPR = x_sym**3 / 3 - x_sym
CUBE_EXPR = x_sym**3
CHAIN_EXPR = sp.sin(x_sym**2)


class Derivatives(LectureScene):
    chapter_id = "6.2"

    def construct(self) -> None:
        self.open_chapter("Watch a tangent draw a second curve: the derivative.")
        self.panel = Panel(corner=UR, edge_buff=0.5)
        self.tracing_beats()
        self.critical_beat()
        self.cube_beats()
        self.chain_beats()
        self.close_chapter(
            "The derivative is the slope of the tangent, drawn as a curve.",
            "Flat tangents flag candidates for peaks and valleys, and the chain rule multiplies "
            "rates through a composition, exactly what backpropagation does layer by layer.",
        )

    # ------------------------------------------------------------------------------------
    def readouts(self) -> tuple[Readout, Readout]:
        x_read = Readout("x", 0.0, decimals=2, size=PANEL_SIZE)
        slope_read = Readout(
            r"\text{slope}", 0.0, decimals=DECIMALS, size=PANEL_SIZE, color=theme.GRADIENT
        )
        return x_read, slope_read

    def check_tracer(
        self,
        tag: str,
        tracer: DerivativeTracer,
        expr: sp.Expr,
        at: float,
        slope_read: Readout | None = None,
        x_read: Readout | None = None,
    ) -> None:
        """The tangent's drawn slope, the tracer dot and the readouts against sympy."""
        d = sympy_derivative(expr, at)
        self.checkpoint(f"{tag}_tangent_slope_x={at:g}", tracer.slope_shown(), expected=d, tol=1e-6)
        self.checkpoint(
            f"{tag}_tracer_x={at:g}", tracer.trace_point_shown(), expected=[at, d], tol=1e-6
        )
        if slope_read is not None:
            self.checkpoint(f"{tag}_slope_readout_x={at:g}", slope_read.value, expected=d)
        if x_read is not None:
            self.checkpoint(f"{tag}_x_readout_x={at:g}", x_read.value, expected=at)

    def follow_invariants(
        self,
        tag: str,
        tracer: DerivativeTracer,
        expr: sp.Expr,
        x_read: Readout,
        slope_read: Readout,
    ) -> contextlib.ExitStack:
        """The x and slope readouts follow the tangent at every sampled moment: x is the
        touching point's, the slope is the drawn tangent's and equals f′ there (sympy)."""
        derivative = sp.lambdify(x_sym, sp.diff(expr, x_sym), "math")
        stack = contextlib.ExitStack()
        stack.enter_context(
            self.invariant(
                f"{tag}: x readout equals the tangent point's x",
                lambda: (x_read.value, tracer.point_shown()[0]),
            )
        )
        stack.enter_context(
            self.invariant(
                f"{tag}: slope readout equals the drawn tangent's slope",
                lambda: (slope_read.value, tracer.slope_shown()),
            )
        )
        stack.enter_context(
            self.invariant(
                f"{tag}: slope readout is f′ at the tangent point",
                lambda: (slope_read.value, derivative(float(tracer.point_shown()[0]))),
            )
        )
        return stack

    def tracing_beats(self) -> None:
        x_read, slope_read = self.readouts()
        tracer = DerivativeTracer(
            CUBIC_WELL,
            (-2, 2, 1),
            (-1.2, 1.2, 1),
            # ticks at -2, 2, 4: none under the trail's minimum, -1 at x = 0
            (-2, 4, 2),
            -2.0,
            readouts={"x": x_read, "slope": slope_read},
            width=TRACER_WIDTH,
        )
        tracer.to_edge(LEFT, buff=0.45)
        self.tracer = tracer
        f_row = theme.tex(r"f(x) = \frac{x^3}{3} - x", size=PANEL_SIZE, color=theme.CURVE)
        self.panel.min_width = widest_row(x_read, slope_read)
        with self.beat(
            "On top, f of x equals x cubed over three minus x, with a yellow tangent "
            "touching it at x equals minus two. Below, an orange dot sits at the "
            "height of that tangent's slope, three."
        ) as beat:
            beat.say(0, tracer.create())
            self.well_invariants = self.follow_invariants(
                "well", tracer, WELL_EXPR, x_read, slope_read
            )
            beat.say(1, self.panel.show(f_row, x_read, slope_read))
            self.check_tracer("well", tracer, WELL_EXPR, -2.0, slope_read, x_read)

        with self.beat(
            "Slide the tangent to the right. It flattens, tilts downhill, and the "
            "orange dot below follows its slope down to minus one at zero."
        ) as beat:
            beat.say(0, tracer.slide_to(-1.0))
            beat.say(1, tracer.slide_to(WELL_STOPS[0]))
            self.check_tracer("well", tracer, WELL_EXPR, WELL_STOPS[0], slope_read, x_read)

        df_row = theme.tex(r"f'(x) = x^2 - 1", size=PANEL_SIZE, color=theme.GRADIENT)
        with self.beat(
            "Keep going to two. The trail the dot leaves behind is a whole new "
            "function, x squared minus one: the derivative, drawn by the tangent."
        ) as beat:
            beat.say(0, tracer.slide_to(1.0))
            # the panel first, then the slide: a panel animation holds its readouts still
            beat.say(
                1,
                Succession(self.panel.grow(df_row), tracer.slide_to(WELL_STOPS[1], run_time=4.0)),
            )
            self.check_tracer("well", tracer, WELL_EXPR, WELL_STOPS[1], slope_read, x_read)
            for at in WELL_TRAIL_CHECKS:
                self.checkpoint(
                    f"well_trail_x={at:g}",
                    tracer.trail_value_at(at),
                    expected=sympy_derivative(WELL_EXPR, at),
                    tol=TRAIL_TOL,
                )
        self.x_read, self.slope_read = x_read, slope_read

    def critical_beat(self) -> None:
        tracer = self.tracer
        found = critical_points(CUBIC_WELL.derivative, (-2.0, 2.0))
        exact = sorted(float(r) for r in sp.solve(sp.diff(WELL_EXPR, x_sym), x_sym))
        kinds = [classify_critical_point(CUBIC_WELL, r) for r in found]
        label = VGroup(
            *(
                # typeset like the panel's other rows: one font family in the panel
                theme.tex(rf"x = {r:+.0f}:\ \text{{{kind}}}", size=PANEL_SIZE, color=theme.GOOD)
                for r, kind in zip(found, kinds, strict=True)
            )
        )
        label.arrange(DOWN, aligned_edge=LEFT, buff=0.15)
        with self.beat(
            "Where the trail crosses zero, the tangent is flat: a peak at minus one. "
            "Flat again at one, a valley. Setting the derivative to zero is how you "
            "hunt for them."
        ) as beat:
            beat.say(0, tracer.slide_to(found[0], trace=False), tracer.mark(found[0]))
            self.check_tracer("well", tracer, WELL_EXPR, -1.0, self.slope_read, self.x_read)
            self.checkpoint(
                "well_peak_point",
                tracer.point_shown(),
                expected=[exact[0], sympy_value(WELL_EXPR, exact[0])],
                tol=1e-6,
            )
            beat.say(1, tracer.slide_to(found[1], trace=False), tracer.mark(found[1]))
            self.check_tracer("well", tracer, WELL_EXPR, 1.0, self.slope_read, self.x_read)
            self.checkpoint(
                "well_valley_point",
                tracer.point_shown(),
                expected=[exact[1], sympy_value(WELL_EXPR, exact[1])],
                tol=1e-6,
            )
            # the hunt: back over the peak to the valley, the tangent flat at each ring
            beat.say(
                2,
                Succession(
                    self.panel.grow(label),
                    tracer.tour(found[0], found[1], run_time=4.0, trace=False),
                ),
            )
        self.well_invariants.close()
        self.play(FadeOut(tracer), self.panel.hide())

    # ------------------------------------------------------------------------------------
    def cube_beats(self) -> None:
        x_read, slope_read = self.readouts()
        # y up to 4 (not 3.5): the steep tangent at x = 1.5 stays inside the frame
        tracer = DerivativeTracer(
            CUBE,
            (-1.5, 1.5, 0.5),
            (-4, 4, 2),
            (0, 7, 2),
            -1.5,
            readouts={"x": x_read, "slope": slope_read},
            width=CUBE_WIDTH,
        )
        tracer.to_edge(LEFT, buff=0.45)
        f_row = theme.tex(r"f(x) = x^3", size=PANEL_SIZE, color=theme.CURVE)
        df_row = theme.tex(r"f'(x) = 3x^2", size=PANEL_SIZE, color=theme.GRADIENT)
        self.panel.min_width = widest_row(x_read, slope_read)
        invariants = self.follow_invariants("cube", tracer, CUBE_EXPR, x_read, slope_read)
        with (
            invariants,
            self.beat(
                "A flat tangent is not always a peak or a valley. Take x "
                "cubed and draw its derivative, three x squared."
            ) as beat,
        ):
            beat.say(0, FadeIn(tracer), self.panel.show(f_row, df_row, x_read, slope_read))
            beat.say(1, tracer.slide_to(1.5))
            self.check_tracer("cube", tracer, CUBE_EXPR, 1.5, slope_read, x_read)
            invariants = invariants.pop_all()  # they hold on through the next beat
        note = VGroup(
            *(
                theme.tex(rf"\text{{{line}}}", size=PANEL_SIZE, color=theme.BAD)
                for line in ("flat, but no peak", "or valley")
            )
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.12)
        with (
            invariants,
            self.beat(
                "At zero the tangent is flat and the derivative touches "
                "zero. But it never changes sign: the curve climbs on both "
                "sides, so zero is neither a maximum nor a minimum."
            ) as beat,
        ):
            beat.say(0, tracer.slide_to(0.0, trace=False), tracer.mark(0.0))
            self.check_tracer("cube", tracer, CUBE_EXPR, 0.0, slope_read, x_read)
            # either side of zero the tangent tilts uphill: the slope readout stays positive
            beat.say(
                1,
                Succession(
                    self.panel.grow(note),
                    tracer.tour(-0.7, 0.7, 0.0, run_time=5.0, trace=False),
                ),
            )
            left = tracer.trail_value_at(-0.5)
            right = tracer.trail_value_at(0.5)
            self.checkpoint(
                "cube_trail_both_sides_of_0",
                [left, right],
                expected=[sympy_derivative(CUBE_EXPR, -0.5), sympy_derivative(CUBE_EXPR, 0.5)],
                tol=TRAIL_TOL,
            )
        self.play(FadeOut(tracer), self.panel.hide())

    # ------------------------------------------------------------------------------------
    def chain_beats(self) -> None:
        x_read, slope_read = self.readouts()
        tracer = DerivativeTracer(
            SIN_OF_SQUARE,
            (-2, 2, 1),
            (-1.2, 1.2, 1),
            (-4, 4, 2),
            -2.0,
            readouts={"x": x_read, "slope": slope_read},
            width=TRACER_WIDTH,
            f_label=r"y = \sin(x^2)",
            df_label=r"y'(x)",
        )
        tracer.to_edge(LEFT, buff=0.45)
        f_row = theme.tex(r"y = \sin(u),\ u = x^2", size=PANEL_SIZE, color=theme.CURVE)
        # the three rates are driven by one thing, the tangent: du/dx and dy/du at its point,
        # dy/dx its drawn slope; so the product shown is the product of the factors shown
        inner_read = Readout(
            r"\frac{du}{dx} = 2x", 0.0, decimals=DECIMALS, size=PANEL_SIZE, color=theme.BASIS_I
        )
        outer_read = Readout(
            r"\frac{dy}{du} = \cos u", 0.0, decimals=DECIMALS, size=PANEL_SIZE, color=theme.BASIS_J
        )
        product_read = Readout(
            r"\frac{dy}{dx} = \frac{dy}{du}\cdot\frac{du}{dx}",
            0.0,
            decimals=DECIMALS,
            size=PANEL_SIZE,
            color=theme.GRADIENT,
        )

        def rates() -> ChainRuleStep:
            return chain_rule(SINE, INNER, float(tracer.point_shown()[0]))

        inner_read.follow(lambda: rates().inner_rate)
        outer_read.follow(lambda: rates().outer_rate)
        product_read.follow(tracer.slope_shown)
        self.panel.min_width = widest_row(x_read, slope_read, inner_read, outer_read, product_read)
        invariants = self.follow_invariants("chain", tracer, CHAIN_EXPR, x_read, slope_read)
        with (
            invariants,
            self.beat(
                "Now a composition, sine of x squared. Square first, then "
                "take the sine, like two functions chained in a pipeline."
            ) as beat,
        ):
            beat.say(0, FadeIn(tracer), self.panel.show(f_row, x_read, slope_read))
            beat.say(1, tracer.slide_to(CHAIN_X))
            self.check_tracer("chain", tracer, CHAIN_EXPR, CHAIN_X, slope_read, x_read)
            invariants = invariants.pop_all()  # they hold on to the end of the lecture

        u = sp.symbols("u")
        inner_rate = sp.lambdify(x_sym, sp.diff(x_sym**2, x_sym), "math")
        outer_rate = sp.lambdify(u, sp.diff(sp.sin(u), u), "math")
        with (
            invariants,
            self.beat(
                "The chain rule multiplies the stages' rates. At x equals "
                "one, x squared grows at rate two, and sine grows at rate "
                "cosine of one, 0.540. Their product, 1.081, is the slope of "
                "the tangent, and it stays the product as the tangent moves."
            ) as beat,
        ):
            beat.say(
                0,
                self.panel.grow(inner_read, outer_read, product_read),
                tracer.mark(CHAIN_X, color=theme.ACCENT),
            )
            invariants.enter_context(
                self.invariant(
                    "du/dx readout is 2x at the tangent point",
                    lambda: (inner_read.value, inner_rate(float(tracer.point_shown()[0]))),
                )
            )
            invariants.enter_context(
                self.invariant(
                    "dy/du readout is cos(x²) at the tangent point",
                    lambda: (outer_read.value, outer_rate(float(tracer.point_shown()[0]) ** 2)),
                )
            )
            invariants.enter_context(
                self.invariant(
                    "dy/dx readout equals the drawn tangent's slope",
                    lambda: (product_read.value, tracer.slope_shown()),
                )
            )
            invariants.enter_context(
                self.invariant(
                    "dy/dx readout is the product of the factors' values",
                    lambda: (
                        product_read.value,
                        float(inner_read.number.get_value()) * float(outer_read.number.get_value()),
                    ),
                )
            )
            # a pointer follows the rate through the pipeline: x², then sine, then their
            # product, which the tangent carries as it sweeps around x = 1
            pointer = pointer_around(inner_read)
            beat.say(
                1,
                Succession(
                    Create(pointer),
                    Transform(pointer, pointer_around(outer_read)),
                ),
            )
            beat.say(
                2,
                Succession(
                    Transform(pointer, pointer_around(product_read), run_time=1.0),
                    tracer.tour(0.7, 1.3, CHAIN_X, run_time=3.0),
                ),
            )
            self.check_chain(tracer, CHAIN_X, inner_read, outer_read, product_read)
            self.checkpoint(
                "chain_product_readout_equals_drawn_slope",
                product_read.value,
                expected=tracer.slope_shown(),
            )
            invariants = invariants.pop_all()

        rule = theme.tex(r"y'(x) = 2x\cos(x^2)", size=PANEL_SIZE, color=theme.GRADIENT)
        with (
            invariants,
            self.beat(
                "Let the tangent finish its run. Every point of the orange "
                "trail is such a product, two x times cosine of x squared."
            ) as beat,
        ):
            beat.say(0, FadeOut(pointer), self.panel.swap((f_row, rule)))
            beat.say(1, tracer.slide_to(2.0))
            self.check_tracer("chain", tracer, CHAIN_EXPR, 2.0, slope_read, x_read)
            self.check_chain(tracer, 2.0, inner_read, outer_read, product_read)
            for at in (-1.5, 1.5):
                self.checkpoint(
                    f"chain_trail_x={at:g}",
                    tracer.trail_value_at(at),
                    expected=2 * at * math.cos(at * at),
                    tol=TRAIL_TOL,
                )

    def check_chain(
        self,
        tracer: DerivativeTracer,
        at: float,
        inner_read: Readout,
        outer_read: Readout,
        product_read: Readout,
    ) -> None:
        """The three rate readouts against sympy's derivatives of the stages at ``at``."""
        u = sp.symbols("u")
        tag = f"x={at:g}"
        inner_rate = float(sp.diff(x_sym**2, x_sym).subs(x_sym, at))
        outer_rate = float(sp.diff(sp.sin(u), u).subs(u, at**2))
        self.checkpoint(f"chain_inner_rate_readout_{tag}", inner_read.value, expected=inner_rate)
        self.checkpoint(f"chain_outer_rate_readout_{tag}", outer_read.value, expected=outer_rate)
        self.checkpoint(
            f"chain_product_readout_{tag}",
            product_read.value,
            expected=sympy_derivative(CHAIN_EXPR, at),
        )


def pointer_around(readout: Readout) -> SurroundingRectangle:
    """The highlight box around one readout row."""
    return SurroundingRectangle(readout, color=theme.ACCENT, buff=0.08)


def widest_row(*readouts: Readout) -> float:
    """The width the panel's card needs for these rows at their widest (signs and digits
    change while they follow the drawing): each label with ``-8.888``."""
    widths = []
    for readout in readouts:
        probe = live_number_class()(
            -8.888,
            num_decimal_places=readout.number.num_decimal_places,
            font_size=readout.number.font_size,
        )
        widths.append(readout.label.width + 0.15 + probe.width)
    return max(widths)


SCENES = [Derivatives]
