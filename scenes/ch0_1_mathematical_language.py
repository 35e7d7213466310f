"""0.1 Mathematical Language: Σ, Π and argmin read as the loops they are.

A user's ratings y = (3, 5, 7) of three movies and a model's predictions ŷ = (2.5, 5, 8).
The sum of squared errors is written as a capital sigma and, beside it, as a Python loop;
the loop runs pass by pass while the index is lit in the formula, in the code and in the
drawing: each residual is a red segment, its square grows on it, flies over and stacks onto
a bar whose height is the running total (0.25, 0.25, 1.25). Capital pi is the same loop with
``*=`` from 1: three users' click chances cut a bar from 1 down to 0.36. Argmin is the loop
that keeps the lowest value and who had it: three candidate models' sums of squared errors,
a level line dropping to the lowest and a marker landing on the model that has it.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Sequence
from fractions import Fraction
from typing import cast

from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    AnimationGroup,
    Circumscribe,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    ManimColor,
    MathTex,
    Mobject,
    ReplacementTransform,
    SurroundingRectangle,
    TransformMatchingShapes,
    VGroup,
    Write,
)
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.maths.notation import (
    Number,
    running_argmin,
    sum_of_squared_errors,
    unroll_product,
)
from mathviz.primitives.bars import BarChart
from mathviz.primitives.notation import (
    INDEX_COLOR,
    PREDICTION_COLOR,
    TARGET_COLOR,
    AccumulatorBar,
    ArgminScan,
    BarScan,
    CodeListing,
    PairedResiduals,
    prediction_ring,
    target_dot,
)
from mathviz.primitives.panel import CARD_BUFF, Panel
from mathviz.primitives.readout import Readout
from mathviz.readings import printed
from mathviz.scene import LectureScene

#: the brief's data: a user's ratings (out of ten) of three movies, and a model's predictions
Y: tuple[Number, ...] = (3, 5, 7)
Y_HAT: tuple[Number, ...] = (Fraction(5, 2), 5, 8)
MOVIES = ("Alien", "Arrival", "Heat")
#: three users' chances of clicking a recommendation, independent of one another
CLICK = (Fraction(9, 10), Fraction(1, 2), Fraction(4, 5))
CLICKERS = ("Ana", "Ben", "Chlo\\'e")
#: three candidate models' predictions for the same movies (B is the model above)
CANDIDATES: dict[str, tuple[Number, ...]] = {"A": (4, 5, 6), "B": Y_HAT, "C": (2, 4, 6)}

SUM_CODE = ("total = 0", "for i in range(3):", "    err = y[i] - y_hat[i]", "    total += err ** 2")
PRODUCT_CODE = ("chance = 1", "for i in range(3):", "    chance *= p[i]")
ARGMIN_CODE = (
    "best, low = None, inf",
    "for k in sse:",
    "    if sse[k] < low:",
    "        best, low = k, sse[k]",
)

#: layout: the drawing on the left; formula, code and the program's variables on the right
UNIT = 0.85
PLOT_ORIGIN = (-6.25, -3.05, 0.0)
SPACING = 1.5
BAR_ORIGIN = (-1.2, -3.05, 0.0)
COLUMN_LEFT = 0.8
DATA_TOP = 3.72
DATA_SIZE = 36
FORMULA_TOP = 3.08
FORMULA_SIZE = 44
CODE_SIZE = 22
CODE_TOP = 0.62
WATCH_TOP = -1.75
WATCH_SIZE = 32


# --- independent routes to the expected values ----------------------------------------------
def exact_error(i: int) -> Fraction:
    """``yᵢ − ŷᵢ`` in exact arithmetic."""
    return Fraction(Y[i]) - Fraction(Y_HAT[i])


def exact_squared_error(i: int) -> Fraction:
    """``(yᵢ − ŷᵢ)²`` in exact arithmetic."""
    return exact_error(i) ** 2


def running_total(i: int) -> float:
    """``Σ_{j ≤ i} (yⱼ − ŷⱼ)²``, summed with :func:`math.fsum` from the exact terms."""
    return math.fsum(float(exact_squared_error(j)) for j in range(i + 1))


def exact_sse(prediction: Sequence[Number]) -> Fraction:
    """A candidate's sum of squared errors, exact."""
    return sum(
        ((Fraction(a) - Fraction(b)) ** 2 for a, b in zip(Y, prediction, strict=True)),
        Fraction(0),
    )


def exact_click_product(i: int) -> Fraction:
    """``Π_{j ≤ i} pⱼ`` in exact arithmetic."""
    return math.prod(CLICK[: i + 1], start=Fraction(1))


def decimal(value: Number) -> str:
    """The value as the short decimal it is (the data here are short decimals)."""
    text = f"{float(value):.6f}".rstrip("0").rstrip(".")
    return text or "0"


# --- layout helpers ---------------------------------------------------------------------------
def formula_at_top(*parts: str) -> MathTex:
    formula = theme.tex(*parts, size=FORMULA_SIZE)
    formula.move_to((COLUMN_LEFT, FORMULA_TOP, 0), aligned_edge=LEFT + UP)
    return formula


def unrolled_row(formula: MathTex, pieces: Sequence[str], *, under_equals: bool) -> VGroup:
    """``= a + b + …`` under the formula: its ``=`` under the formula's, or at its left."""
    row = VGroup(*(theme.tex(p, size=FORMULA_SIZE - 4) for p in pieces))
    row.arrange(RIGHT, buff=0.18)
    row.next_to(formula, DOWN, buff=0.25)
    row.align_to(formula[0][-1] if under_equals else formula, LEFT)
    return row


def index_tag(formula: MathTex) -> Readout:
    """``i = 1`` beside the formula, in the index colour."""
    tag = Readout("i", 1, decimals=0, color=INDEX_COLOR, size=FORMULA_SIZE - 4)
    tag.next_to(formula, RIGHT, buff=0.6)
    return tag


def variable(text: str, color: ManimColor = theme.TEXT) -> MathTex:
    """A watched variable whose value is a name: ``best = B``."""
    return theme.tex(r"\texttt{" + text + "}", size=WATCH_SIZE, color=color)


def data(tex: str, color: ManimColor) -> MathTex:
    """One line of the data the formula reads, in mathematical notation."""
    return theme.tex(tex, size=DATA_SIZE, color=color)


def data_line(*parts: MathTex) -> VGroup:
    """The data, at the top of the right-hand column above the formula."""
    line = VGroup(*parts).arrange(RIGHT, buff=0.7)
    line.move_to((COLUMN_LEFT, DATA_TOP, 0), aligned_edge=LEFT + UP)
    return line


def recolor(glyphs: Sequence[Mobject], color: ManimColor) -> Animation:
    """Turn some glyphs of a formula to ``color``."""
    return AnimationGroup(*(cast(Animation, g.animate.set_color(color)) for g in glyphs))


def box_around(mob: Mobject) -> SurroundingRectangle:
    return SurroundingRectangle(mob, buff=0.12, color=INDEX_COLOR, stroke_width=2.5)


class MathematicalLanguage(LectureScene):
    chapter_id = "0.1"

    def construct(self) -> None:
        self.open_chapter("Every formula in machine learning is a loop in disguise.")
        self.watch = Panel(anchor=(COLUMN_LEFT + 0.15, WATCH_TOP, 0), row_buff=0.22)
        self.sum_beats()
        self.product_beats()
        self.argmin_beats()
        self.close_chapter(
            "Σ adds, Π multiplies, argmin picks: each one is a loop.",
            "When a formula looks dense, find its loop: the index, where it starts, and what "
            "each pass does.",
        )

    @staticmethod
    def code_width(lines: Sequence[str]) -> float:
        """The width of the code card for ``lines``: the variables' card below matches it."""
        return float(CodeListing(*lines, size=CODE_SIZE).card.width) - 2 * CARD_BUFF

    # --- Σ ------------------------------------------------------------------------------------
    def sum_beats(self) -> None:
        plot = PairedResiduals(
            Y, Y_HAT, MOVIES, y_range=(2.0, 9.0, 1.0), unit=UNIT, spacing=SPACING, font_size=24
        )
        plot.shift(PLOT_ORIGIN - plot.axes.c2p(0, 2))
        legend = VGroup(
            VGroup(
                target_dot(ORIGIN),
                theme.text("rating y", size=theme.LABEL_SIZE, color=TARGET_COLOR),
            ).arrange(RIGHT, buff=0.15),
            VGroup(
                prediction_ring(ORIGIN),
                theme.text("prediction ŷ", size=theme.LABEL_SIZE, color=PREDICTION_COLOR),
            ).arrange(RIGHT, buff=0.15),
        ).arrange(RIGHT, buff=0.5)
        legend.next_to(plot.axes, UP, buff=0.3).align_to(plot.axes, LEFT)

        vectors = data_line(
            data(r"y = (" + r",\ ".join(decimal(v) for v in Y) + ")", TARGET_COLOR),
            data(r"\hat{y} = (" + r",\ ".join(decimal(v) for v in Y_HAT) + ")", PREDICTION_COLOR),
        )
        # first shown large beside the plot, then moved up to make room for the formula
        large = vectors.copy().arrange(DOWN, buff=0.5, aligned_edge=LEFT).scale(1.45)
        large.move_to((COLUMN_LEFT + 3.1, 0.6, 0))
        self.declare_shown(vectors, "the brief's ratings and predictions")
        self.declare_shown(large, "the brief's ratings and predictions")
        total = Readout(r"\mathtt{total}", 0, decimals=2, size=WATCH_SIZE)
        i_code = Readout(r"\mathtt{i}", 0, decimals=0, color=INDEX_COLOR, size=WATCH_SIZE)
        self.watch.layout(total, i_code)
        self.watch.min_width = self.code_width(SUM_CODE)

        with self.beat(
            "A user rated three movies 3, 5 and 7 out of ten. The model predicted 2.5, 5 and 8."
        ) as beat:
            beat.say(
                0,
                AnimationGroup(
                    AnimationGroup(plot.show_frame(), FadeIn(legend[0])),
                    AnimationGroup(plot.show_targets(), Write(large[0])),
                    lag_ratio=0.5,
                ),
            )
            beat.say(1, FadeIn(legend[1]), plot.show_predictions(), Write(large[1]))
            self.checkpoint(
                "rating_dots", plot.targets_shown(), expected=[float(v) for v in Y], tol=1e-9
            )
            self.checkpoint(
                "prediction_rings",
                plot.predictions_shown(),
                expected=[float(v) for v in Y_HAT],
                tol=1e-9,
            )

        formula = formula_at_top(r"\mathrm{SSE} =", r"\sum_{i=1}^{3}", r"(y_i - \hat{y}_i)^2")
        formula[2][1].set_color(TARGET_COLOR)  # y
        formula[2][4:6].set_color(PREDICTION_COLOR)  # ŷ
        with self.beat(
            "To score the model, add up its squared errors. Capital sigma says: for i "
            "from one to three, square y i minus y hat i, and add it to the total."
        ) as beat:
            beat.say(0, ReplacementTransform(large, vectors), Write(formula))
            beat.say(
                1,
                Indicate(formula[1], color=INDEX_COLOR, scale_factor=1.12),
                recolor([formula[1][2], formula[2][2], formula[2][6]], INDEX_COLOR),
            )

        code = CodeListing(*SUM_CODE, size=CODE_SIZE, anchor=(COLUMN_LEFT + 0.15, CODE_TOP, 0))
        code.find("i").set_color(INDEX_COLOR)
        code.find("y").set_color(TARGET_COLOR)
        code.find("y_hat").set_color(PREDICTION_COLOR)
        bar = AccumulatorBar(y_range=(0.0, 1.5, 0.25), length=7 * UNIT, width=0.95, decimals=2)
        bar.shift(BAR_ORIGIN - bar.axes.c2p(0, 0))
        bar_label = theme.tex(r"\mathtt{total}", size=30).next_to(bar.axes.c2p(0.5, 0), DOWN, 0.25)
        with self.beat(
            "In Python the same sum is a loop, and its i counts from zero. "
            "The total starts at zero, and each pass adds one squared error."
        ) as beat:
            beat.say(0, code.create(), Create(bar.axes), FadeIn(bar_label))
            total.follow(bar.height_shown)
            beat.say(
                1,
                code.point_at(0),
                self.watch.reveal(total),
                Indicate(formula[2], color=theme.TEXT, scale_factor=1.08),
                Indicate(code.rows[3], color=theme.TEXT, scale_factor=1.08),
            )
            self.checkpoint("total_at_start", total.value, expected=0.0)

        i_tag = index_tag(formula)
        with contextlib.ExitStack() as stack:
            stack.enter_context(
                self.invariant(
                    "total readout is the bar's height", lambda: (total.value, bar.height_shown())
                )
            )
            self.sum_passes(formula, plot, code, bar, total, i_code, i_tag, stack)
        for readout in (total, i_code, i_tag):
            readout.stop_following()
        self.sum_stage = VGroup(plot, legend, bar, bar_label, i_tag, vectors, *self.sum_extras)
        self.formula, self.code = formula, code

    def sum_passes(
        self,
        formula: MathTex,
        plot: PairedResiduals,
        code: CodeListing,
        bar: AccumulatorBar,
        total: Readout,
        i_code: Readout,
        i_tag: Readout,
        stack: contextlib.ExitStack[bool | None],
    ) -> None:
        model = sum_of_squared_errors(Y, Y_HAT)
        pieces = ["="]
        for i, term in enumerate(model.terms):
            pieces += ([] if i == 0 else ["+"]) + [decimal(term)]
        pieces += ["=", decimal(model.result)]
        unrolled = unrolled_row(formula, pieces, under_equals=True)
        # the terms as written: unrolled[1], [3], [5]; the result: unrolled[7]
        terms = [unrolled[1 + 2 * i] for i in range(model.n)]

        def enter_pass(i: int) -> list[Animation]:
            """Band over movie i, box on the loop line, the index shown in three places."""
            anims: list[Animation] = [plot.highlight(i), code.point_at(1)]
            if i == 0:
                i_code.follow(plot.index_shown)
                i_tag.follow(lambda: plot.index_shown() + 1)
                anims += [self.watch.reveal(i_code), FadeIn(i_tag)]
            return anims

        with self.beat(
            "Pass one: the rating 3 sits half a point above the prediction. Squared, that "
            "gap becomes a square of area 0.25. The square slides over and stacks onto the "
            "total."
        ) as beat:
            beat.say(0, *enter_pass(0))
            stack.enter_context(
                self.invariant(
                    "formula's i is the highlighted movie",
                    lambda: (i_tag.value, plot.index_shown() + 1),
                )
            )
            stack.enter_context(
                self.invariant(
                    "code's i counts from zero", lambda: (i_code.value, plot.index_shown())
                )
            )
            self.play(code.point_at(2), plot.show_residual(0), run_time=1.2)
            self.residual_checks(0, plot)
            beat.say(1, code.point_at(3), plot.show_square(0))
            beat.say(
                2, bar.stack(plot.squares[0], 0.0, float(model.terms[0])), FadeIn(unrolled[:2])
            )
            self.after_pass_checks(0, plot, bar, total, terms)

        with self.beat(
            "Pass two: the prediction is exact, so the error and its square are zero. "
            "The total stays at 0.25."
        ) as beat:
            beat.say(0, *enter_pass(1))
            self.play(
                code.point_at(2),
                plot.show_residual(1),
                Circumscribe(plot.targets[1], color=INDEX_COLOR),
                run_time=1.2,
            )
            self.residual_checks(1, plot)
            beat.say(1, code.point_at(3), FadeIn(unrolled[2:4]), Indicate(total))
            self.checkpoint(
                "bar_after_pass_2", bar.height_shown(), expected=running_total(1), tol=1e-9
            )
            self.checkpoint("total_after_pass_2", total.value, expected=running_total(1))
            self.checkpoint(
                "term_2_written", printed(terms[1]), expected=float(exact_squared_error(1))
            )

        with self.beat(
            "Pass three: the model overshoots by one point. Squaring drops the sign, so the "
            "square has area one. Stacked on top, it lifts the total to 1.25."
        ) as beat:
            beat.say(0, *enter_pass(2), code.point_at(2), plot.show_residual(2))
            self.residual_checks(2, plot)
            beat.say(1, code.point_at(3), plot.show_square(2))
            beat.say(
                2,
                bar.stack(plot.squares[2], float(model.before(2)), float(model.terms[2])),
                FadeIn(unrolled[4:6]),
            )
            self.after_pass_checks(2, plot, bar, total, terms)

        box = box_around(unrolled[7])
        with self.beat(
            "So the sum of squared errors is 1.25: one index, one running total, three passes."
        ) as beat:
            beat.say(
                0,
                FadeIn(unrolled[6:], shift=0.2 * LEFT),
                Create(box),
                Indicate(bar.blocks, color=INDEX_COLOR, scale_factor=1.05),
            )
            self.checkpoint("sse_written", printed(unrolled[7]), expected=running_total(2))
            self.checkpoint(
                "sse_bar",
                bar.height_shown(),
                expected=float(sum(exact_squared_error(i) for i in range(3))),
                tol=1e-9,
            )
            self.checkpoint(
                "blocks_stacked",
                bar.blocks_shown(),
                expected=sum(1 for i in range(3) if exact_squared_error(i) > 0),
            )
        self.sum_extras = [unrolled, box]

    def residual_checks(self, i: int, plot: PairedResiduals) -> None:
        """Residual ``i`` as drawn: from ŷᵢ to yᵢ, of signed length ``yᵢ − ŷᵢ``."""
        start, end = plot.residual_ends_shown(i)
        self.checkpoint(
            f"residual_{i + 1}_ends",
            [start[1], end[1]],
            expected=[float(Y_HAT[i]), float(Y[i])],
            tol=1e-9,
        )
        self.checkpoint(
            f"residual_{i + 1}", plot.residual_shown(i), expected=float(exact_error(i)), tol=1e-9
        )

    def after_pass_checks(
        self,
        i: int,
        plot: PairedResiduals,
        bar: AccumulatorBar,
        total: Readout,
        terms: Sequence[Mobject],
    ) -> None:
        side = float(abs(exact_error(i)))
        self.checkpoint(
            f"square_{i + 1}_sides", list(plot.side_shown(i)), expected=[side, side], tol=1e-9
        )
        self.checkpoint(
            f"square_{i + 1}_area",
            plot.area_shown(i),
            expected=float(exact_squared_error(i)),
            tol=1e-9,
        )
        self.checkpoint(
            f"bar_after_pass_{i + 1}", bar.height_shown(), expected=running_total(i), tol=1e-9
        )
        self.checkpoint(f"total_after_pass_{i + 1}", total.value, expected=running_total(i))
        self.checkpoint(
            f"term_{i + 1}_written", printed(terms[i]), expected=float(exact_squared_error(i))
        )

    # --- Π ------------------------------------------------------------------------------------
    def product_beats(self) -> None:
        model = unroll_product(CLICK)
        chart = BarChart(
            [float(p) for p in CLICK],
            [r"\textsf{" + name + "}" for name in CLICKERS],
            y_range=(0.0, 1.0, 0.2),
            width=SPACING * UNIT * 3 + 0.3,
            height=7 * UNIT,
            decimals=1,
            colors=[theme.GOOD] * len(CLICK),
            font_size=26,
        )
        chart.shift(PLOT_ORIGIN - chart.axes.c2p(0, 0))
        scan = BarScan(chart)
        bar = AccumulatorBar(
            y_range=(0.0, 1.0, 0.2), length=7 * UNIT, width=0.95, decimals=1, color=theme.GOOD
        )
        bar.shift(BAR_ORIGIN - bar.axes.c2p(0, 0))
        bar_label = theme.tex(r"\mathtt{chance}", size=30)
        bar_label.next_to(bar.axes.c2p(0.5, 0), DOWN, 0.25)
        formula = formula_at_top(r"P =", r"\prod_{i=1}^{3}", r"p_i")
        for glyph in (formula[1][2], formula[2][1]):
            glyph.set_color(INDEX_COLOR)
        i_tag = index_tag(formula)
        chances = data_line(
            data(r"p = (" + r",\ ".join(decimal(p) for p in CLICK) + ")", theme.GOOD)
        )
        self.declare_shown(chances, "the click chances, given data")
        chance = Readout(r"\mathtt{chance}", 1.0, decimals=2, size=WATCH_SIZE)
        i_code = Readout(r"\mathtt{i}", 0, decimals=0, color=INDEX_COLOR, size=WATCH_SIZE)
        with self.beat(
            "Capital pi is the same loop with times in place of plus, so it starts at one. "
            "Three independent users each click a recommendation, with chances 0.9, 0.5 "
            "and 0.8."
        ) as beat:
            self.play(FadeOut(self.sum_stage), self.watch.hide(), run_time=0.8)
            self.watch.min_width = self.code_width(PRODUCT_CODE)
            rest = beat.sentences[1].start - self.clock
            self.play(
                TransformMatchingShapes(self.formula, formula),
                self.code.rewrite(*PRODUCT_CODE),
                Create(bar.axes),
                FadeIn(bar_label),
                run_time=0.5 * rest,
            )
            self.code.find("i").set_color(INDEX_COLOR)
            self.play(bar.fill(1.0), self.code.point_at(0), run_time=0.3 * rest)
            chance.follow(bar.height_shown)
            self.watch.layout(chance, i_code)
            self.play(self.watch.reveal(chance), run_time=0.2 * rest)
            beat.say(1, chart.create(), Write(chances))
            self.checkpoint(
                "click_chances_written", chart.labels_shown(), expected=[float(p) for p in CLICK]
            )
            self.checkpoint(
                "click_bars", chart.heights_shown(), expected=[float(p) for p in CLICK], tol=1e-9
            )
            self.checkpoint("chance_at_start", chance.value, expected=1.0)

        pieces = ["="]
        for i, factor in enumerate(model.terms):
            pieces += ([] if i == 0 else [r"\times"]) + [decimal(factor)]
        pieces += ["=", decimal(model.result)]
        unrolled = unrolled_row(formula, pieces, under_equals=False)
        box = box_around(unrolled[-1])
        with contextlib.ExitStack() as stack:
            stack.enter_context(
                self.invariant(
                    "chance readout is the bar's height", lambda: (chance.value, bar.height_shown())
                )
            )
            with self.beat(
                "Each pass keeps that share of what is left: 0.9 of it, then half of that, "
                "then 0.8 of the rest. So all three click with chance 0.36."
            ) as beat:
                step = beat.sentence(0) / (2 * model.n)
                for i, factor in enumerate(model.terms):
                    visit: list[Animation] = [scan.visit(i), self.code.point_at(1)]
                    if i == 0:
                        i_code.follow(scan.box_index_shown)
                        i_tag.follow(lambda: scan.box_index_shown() + 1)
                        visit += [FadeIn(i_tag), self.watch.reveal(i_code)]
                    self.play(*visit, run_time=step)
                    if i == 0:
                        stack.enter_context(
                            self.invariant(
                                "formula's i is the visited user",
                                lambda: (i_tag.value, scan.box_index_shown() + 1),
                            )
                        )
                        stack.enter_context(
                            self.invariant(
                                "code's i is the visited user, from zero",
                                lambda: (i_code.value, scan.box_index_shown()),
                            )
                        )
                    self.play(
                        self.code.point_at(2),
                        bar.cut(float(model.before(i)), float(factor)),
                        FadeIn(unrolled[2 * i : 2 * i + 2]),
                        run_time=step,
                    )
                    product = float(exact_click_product(i))
                    self.checkpoint(
                        f"chance_bar_after_pass_{i + 1}",
                        bar.height_shown(),
                        expected=product,
                        tol=1e-9,
                    )
                    self.checkpoint(f"chance_after_pass_{i + 1}", chance.value, expected=product)
                    self.checkpoint(
                        f"factor_{i + 1}_written",
                        printed(unrolled[2 * i + 1]),
                        expected=float(CLICK[i]),
                    )
                beat.say(
                    1,
                    FadeIn(unrolled[-2:], shift=0.2 * LEFT),
                    Create(box),
                    Indicate(bar.blocks, color=INDEX_COLOR, scale_factor=1.05),
                )
                self.checkpoint(
                    "product_written",
                    printed(unrolled[-1]),
                    expected=float(exact_click_product(model.n - 1)),
                )
        for readout in (chance, i_code, i_tag):
            readout.stop_following()
        self.formula = formula
        self.product_stage = VGroup(chart, scan, bar, bar_label, unrolled, box, i_tag, chances)

    # --- argmin -------------------------------------------------------------------------------
    def argmin_beats(self) -> None:
        names = list(CANDIDATES)
        sses = [sum_of_squared_errors(Y, prediction).result for prediction in CANDIDATES.values()]
        exact = [exact_sse(prediction) for prediction in CANDIDATES.values()]
        chart = BarChart(
            [float(v) for v in sses],
            [r"\textsf{" + name + (" (ours)" if name == "B" else "") + "}" for name in names],
            y_range=(0.0, 3.5, 0.5),
            width=SPACING * UNIT * 3 + 2.2,
            height=7 * UNIT - 0.5,
            decimals=2,
            colors=[theme.AREA] * len(sses),
            font_size=26,
        )
        chart.shift(PLOT_ORIGIN + 0.5 * UP - chart.axes.c2p(0, 0))
        predictions = VGroup(
            *(
                theme.text(
                    "(" + ", ".join(decimal(v) for v in prediction) + ")",
                    size=theme.SMALL_SIZE,
                    color=PREDICTION_COLOR,
                ).next_to(chart.names[k], DOWN, buff=0.12)
                for k, prediction in enumerate(CANDIDATES.values())
            )
        )
        lowest = min(name.get_bottom()[1] for name in chart.names) - 0.12
        for label in predictions:
            label.align_to((0, lowest, 0), UP)
        header = theme.text("ŷ", size=theme.SMALL_SIZE + 2, color=PREDICTION_COLOR)
        header.next_to(chart.axes.c2p(0, 0), LEFT, buff=0.25).match_y(predictions[0])
        self.declare_shown(predictions, "the candidate models' predictions, given data")
        scan = ArgminScan(chart, running_argmin(sses), below=list(predictions))
        formula = formula_at_top(
            r"\mathrm{best} =", r"\operatorname*{argmin}_{k}", r"\,\mathrm{SSE}_k"
        )
        formula[1][-1].set_color(INDEX_COLOR)
        formula[2][-1].set_color(INDEX_COLOR)
        scores = data_line(
            data(r"\mathrm{SSE} = (" + r",\ ".join(decimal(v) for v in exact) + ")", theme.TEXT)
        )
        self.declare_shown(scores, "the candidates' sums of squared errors, as on the bars")
        low = Readout(r"\mathtt{low}", 2.0, decimals=2, size=WATCH_SIZE)
        best_rows = {name: variable("best = " + name) for name in names}
        with self.beat(
            "An argmin runs the same loop, but it returns a position, not a value. Three "
            "candidate models score 2, 1.25 and 3; ours is B."
        ) as beat:
            self.play(FadeOut(self.product_stage), self.watch.hide(), run_time=0.8)
            self.watch.min_width = self.code_width(ARGMIN_CODE)
            beat.say(
                0,
                TransformMatchingShapes(self.formula, formula),
                self.code.rewrite(*ARGMIN_CODE),
                chart.create(),
            )
            beat.say(
                1,
                Write(scores),
                FadeIn(predictions, header),
                self.code.point_at(0),
                Indicate(chart.names[1], color=INDEX_COLOR),
            )
            self.checkpoint(
                "candidate_sse_written", chart.labels_shown(), expected=[float(v) for v in exact]
            )
            self.checkpoint(
                "candidate_bars",
                chart.heights_shown(),
                expected=[float(v) for v in exact],
                tol=1e-9,
            )

        self.watch.layout(best_rows["A"], low)
        for row in best_rows.values():
            row.move_to(best_rows["A"], aligned_edge=LEFT)
        shown_best: MathTex | None = None

        def low_under_marker() -> float:
            """The value of the candidate the marker is over, read off its bar."""
            return float(chart.heights_shown()[scan.marker_index_shown()])

        with (
            contextlib.ExitStack() as stack,
            self.beat(
                "A sets the first low, B beats it, and C changes nothing. The minimum is "
                "1.25, and the argmin, the model we ship, is B."
            ) as beat,
        ):
            step = beat.sentence(0) / len(sses)
            for k, current in enumerate(scan.steps):
                anims: list[Animation] = [
                    scan.consider(k),
                    self.code.point_at(3 if current.improved else 2),
                ]
                if current.improved:
                    row = best_rows[names[current.best]]
                    if shown_best is None:
                        low.follow(low_under_marker)
                        anims.append(self.watch.show(row, low))
                    else:  # in place, on its own: the panel's animations would hold low still
                        anims += [cast(Animation, shown_best.animate.set_opacity(0)), FadeIn(row)]
                    shown_best = row
                self.play(*anims, run_time=step)
                if k == 0:
                    stack.enter_context(
                        self.invariant(
                            "low readout is the bar under the marker",
                            lambda: (low.value, low_under_marker()),
                        )
                    )
                best_so_far = min(range(k + 1), key=lambda j: exact[j])
                self.checkpoint(
                    f"marker_after_pass_{k + 1}", scan.marker_index_shown(), expected=best_so_far
                )
                self.checkpoint(
                    f"level_after_pass_{k + 1}",
                    scan.level_shown(),
                    expected=float(exact[best_so_far]),
                    tol=1e-9,
                )
                self.checkpoint(
                    f"low_after_pass_{k + 1}", low.value, expected=float(exact[best_so_far])
                )
            answer = VGroup(
                theme.tex("=", size=FORMULA_SIZE),
                theme.tex(r"\mathrm{" + names[scan.steps[-1].best] + "}", size=FORMULA_SIZE),
            ).arrange(RIGHT, buff=0.25)
            answer.next_to(formula, RIGHT, buff=0.3)
            minimum = theme.tex(
                r"\min_k \mathrm{SSE}_k =", decimal(min(exact)), size=FORMULA_SIZE - 4
            )
            minimum.next_to(formula, DOWN, buff=0.25).align_to(formula, LEFT)
            beat.say(
                1,
                FadeIn(minimum),
                FadeIn(answer),
                Create(box_around(answer[1])),
                FadeOut(scan.box or VGroup()),
                Indicate(scan.marker, color=INDEX_COLOR, scale_factor=1.4),
            )
            self.checkpoint(
                "argmin_marker", scan.marker_index_shown(), expected=exact.index(min(exact))
            )
            self.checkpoint("min_written", printed(minimum[1]), expected=float(min(exact)))


SCENES = [MathematicalLanguage]
