"""2.4 Exponentials & Logarithms: eˣ folded across y = x onto ln x; a log₂ ruler on which
8 × 4 = 32 is 3 + 2 = 5; and a number from 1 to 1024 found in ten yes/no questions.

The graph of eˣ is drawn, a point (1, e) marked, then the diagonal y = x. A copy of the graph
folds across the diagonal: every point moves straight towards its mirror image, the marked
point along a chord at a right angle to the diagonal, and lands on (e, 1): the graph of
ln x. The point then slides along eˣ and its mirror follows along ln x, four readouts showing
the coordinates swap.

On a log₂ axis (1, 2, 4, … 64 evenly spaced, their logarithms 0 … 6 below) a bar of length
log₂ 8 = 3 and one of length log₂ 4 = 2 are laid end to end: the second bar slides from
1 … 4 to 8 … 32, its end reading four times its start all the way, and the two lengths add
to 5 = log₂ 32.

Last, the halving game on 1 … 1024: each question "bigger than m?" splits the interval, the
answer drops half and the zoomed line magnifies what is left; a funnel over the whole range
narrows onto the secret, 713, after ten questions, and the ten answers are the bits of 712.
"""

from __future__ import annotations

import contextlib
import math
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Circumscribe,
    Create,
    DashedLine,
    FadeIn,
    FadeOut,
    Indicate,
    VGroup,
    Write,
)

from mathviz import theme
from mathviz.maths.logarithms import LogScale, halving_game, reflect
from mathviz.primitives.calculus import function_axes
from mathviz.primitives.halving import HalvingPicture
from mathviz.primitives.logarithms import LogRuler, MirrorDiagram
from mathviz.primitives.plots import number_edges
from mathviz.primitives.readout import Readout
from mathviz.readings import derived, printed
from mathviz.scene import LectureScene
from mathviz.theme import at

#: the mirror: square axes over [−2, 5]², the marked point's x, and where it slides to
PLANE = (-2, 5)
UNIT = 0.95
A_START, A_LOW, A_HIGH = 1.0, -1.0, 1.5
#: the slide rule: a log₂ axis from 1 to 64, and the product 8 × 4
LOG2 = LogScale(2.0, 1.0, 64.0)
FIRST, SECOND = 8, 4
#: the halving game
LOW, HIGH, SECRET = 1, 1024, 713
GAME = halving_game(LOW, HIGH, SECRET)

READOUT_SIZE = 42
#: the bars' heights above the log axis: the first factor, the second (before it slides
#: onto the first's end), and the sum of their lengths
BAR_HEIGHTS = (0.75, 1.95, 3.05)


def on_baseline(*readouts: Readout) -> None:
    """Set each readout's number at the height it has beside a plain ``x =`` label.

    A readout centres its number on its label, so a label reaching below the baseline
    (``y``, ``questions``) or above it (``e^a``) moves the number off the baseline of the
    ``=``; measured against the ``=`` glyph, every number sits as it does beside ``x``.
    """
    for readout in readouts:
        plain = Readout("x", 0.0, size=int(readout.label.font_size))
        lift = plain.number.get_y() - plain.label[0][-1].get_y()
        readout.number.set_y(readout.label[0][-1].get_y() + lift)


class ExponentialsAndLogarithms(LectureScene):
    chapter_id = "2.4"

    def construct(self) -> None:
        self.open_chapter("Exponentials multiply; logarithms count how many times.")
        self.mirror_beats()
        self.play(FadeOut(*self.mobjects), run_time=0.7)
        self.slide_rule_beats()
        self.play(FadeOut(*self.mobjects), run_time=0.7)
        self.halving_beats()
        self.close_chapter(
            "ln undoes eˣ;  logs turn × into +;  log₂ n questions find 1 of n.",
            "A logarithm counts doublings. Next, inequalities.",
        )

    # --- part 1: the mirror ------------------------------------------------------------------
    def mirror_beats(self) -> None:
        span = PLANE[1] - PLANE[0]
        axes = function_axes(
            (*PLANE, 1), (*PLANE, 1), x_length=span * UNIT, y_length=span * UNIT, font_size=26
        )
        number_edges(axes)
        axes.to_edge(LEFT, buff=0.75).shift(0.15 * UP)
        m = MirrorDiagram(axes, A_START, x_min=PLANE[0])
        exp_label = theme.tex(r"y = e^{x}", size=38, color=theme.CURVE)
        exp_label.move_to(axes.c2p(-1.05, 4.4))
        log_label = theme.tex(r"y = \ln x", size=38, color=theme.GRADIENT)
        log_label.move_to(axes.c2p(3.9, 0.75))
        diag_label = theme.tex(r"y = x", size=34, color=theme.MUTED)
        diag_label.move_to(axes.c2p(3.55, 4.55))

        # the panel: the point and its mirror, four live coordinates
        # laid out with their widest values (a minus sign), then set by following the dots
        a_read = Readout("a", A_LOW, decimals=2, size=READOUT_SIZE, color=theme.CURVE)
        ea_read = Readout("e^{a}", math.e, decimals=2, size=READOUT_SIZE, color=theme.CURVE)
        x_read = Readout("x", math.e, decimals=2, size=READOUT_SIZE, color=theme.GRADIENT)
        y_read = Readout("y", A_LOW, decimals=2, size=READOUT_SIZE, color=theme.GRADIENT)
        on_baseline(a_read, ea_read, x_read, y_read)
        head_point = theme.text("the point on eˣ", size=theme.LABEL_SIZE, color=theme.MUTED)
        head_image = theme.text("its mirror across y = x", size=theme.LABEL_SIZE, color=theme.MUTED)
        row_point = VGroup(a_read, ea_read).arrange(RIGHT, buff=0.5)
        row_image = VGroup(x_read, y_read).arrange(RIGHT, buff=0.5)
        panel_top = VGroup(head_point, row_point).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        panel_low = VGroup(head_image, row_image).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        VGroup(panel_top, panel_low).arrange(DOWN, aligned_edge=LEFT, buff=0.8).move_to(
            at(1.5, 3.3), aligned_edge=UP + LEFT
        )
        identities = VGroup(
            theme.tex(r"\ln\left(e^{a}\right) = a", size=46),
            theme.tex(r"e^{\ln x} = x", size=46),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.4)
        identities.next_to(panel_low, DOWN, buff=0.9, aligned_edge=LEFT)

        a_read.follow(lambda: m.point_shown()[0])
        ea_read.follow(lambda: m.point_shown()[1])
        x_read.follow(lambda: m.image_shown()[0])
        y_read.follow(lambda: m.image_shown()[1])

        with self.beat(
            "Here is e to the x. It never touches zero, and the higher it climbs, the faster "
            "it grows."
        ) as b:
            b.say(0, Create(axes), m.create_curve(), FadeIn(exp_label))
            self.add(m)
            self.play(FadeIn(panel_top), FadeIn(m.dot, scale=0.5), run_time=0.6)
            b.say(1, m.slide(A_LOW))
            self.checkpoint("a_readout_low", a_read.value, expected=A_LOW)
            self.checkpoint("e_readout_low", ea_read.value, expected=math.exp(A_LOW))
        point_readouts = [
            self.invariant("a readout is the dot's x", lambda: (a_read.value, m.point_shown()[0])),
            self.invariant(
                "e to the a readout is the dot's height",
                lambda: (ea_read.value, m.point_shown()[1]),
            ),
            self.invariant(
                "the dot stays on e to the x",
                lambda: (m.point_shown()[1], math.exp(m.point_shown()[0])),
                tol=1e-6,
            ),
        ]
        with contextlib.ExitStack() as stack:
            for inv in point_readouts:
                stack.enter_context(inv)
            with self.beat(
                "Mark the point at x equals one, at height e, about 2.72. "
                "Then draw the diagonal, y equals x."
            ) as b:
                b.say(0, m.slide(A_START))
                b.say(1, Create(m.diagonal), FadeIn(diag_label))
                self.checkpoint(
                    "point_on_exp", m.point_shown(), expected=[1.0, math.exp(1.0)], tol=1e-6
                )
                self.checkpoint("e_readout", ea_read.value, expected=math.exp(1.0))

            def keeps_its_sum() -> tuple[Any, float]:
                q = m.image_shown()
                return derived("x + y of the travelling dot", q[0] + q[1], q), 1.0 + math.e

            for readout in (x_read, y_read):  # not on screen yet: bring them up to date
                readout.number.update(0)
            for inv in (
                self.invariant(
                    "x readout is the mirror's x", lambda: (x_read.value, m.image_shown()[0])
                ),
                self.invariant(
                    "y readout is the mirror's height", lambda: (y_read.value, m.image_shown()[1])
                ),
            ):
                stack.enter_context(inv)
            with (
                self.invariant(
                    "the folding dot moves across the diagonal", keeps_its_sum, tol=1e-6
                ),
                self.beat(
                    "Fold the picture along the diagonal. Every point swaps its two "
                    "coordinates: one, e lands on e, one."
                ) as b,
            ):
                b.say(0, Indicate(m.diagonal, color=theme.TEXT, scale_factor=1.0))
                self.play(FadeIn(panel_low), run_time=0.5)
                b.say(1, m.fold())
                self.checkpoint(
                    "mirror_on_ln", m.image_shown(), expected=[math.exp(1.0), 1.0], tol=1e-6
                )
                self.checkpoint("x_readout_after_fold", x_read.value, expected=math.exp(1.0))
                self.checkpoint("y_readout_after_fold", y_read.value, expected=1.0)
                self.checkpoint(
                    "chord_meets_diagonal_at_right_angle",
                    m.chord_angle_shown(),
                    expected=90.0,
                    tol=1e-6,
                )
                foot = (1.0 + math.e) / 2.0
                self.checkpoint(
                    "chord_foot_on_diagonal", m.foot_shown(), expected=[foot, foot], tol=1e-6
                )
                curve = m.mirror_curve_shown()
                self.checkpoint(
                    "folded_curve_is_ln",
                    derived(
                        "largest |y − ln x| over the folded curve's corners",
                        float(np.max(np.abs(curve[:, 1] - np.log(curve[:, 0])))),
                        curve,
                    ),
                    expected=0.0,
                    tol=1e-6,
                )

            image_follows = [
                self.invariant(
                    "the mirror is the point with x and y swapped",
                    lambda: (m.image_shown(), reflect(np.asarray(m.point_shown()))),
                    tol=1e-6,
                ),
                self.invariant(
                    "the mirror stays on ln x",
                    lambda: (m.image_shown()[0], math.exp(m.image_shown()[1])),
                    tol=1e-6,
                ),
            ]
            for inv in image_follows:
                stack.enter_context(inv)
            with self.beat(
                "The mirror image is the natural log: it asks which power of e gives this "
                "number. Slide the point, and its mirror follows with the two numbers swapped."
            ) as b:
                b.say(0, FadeIn(log_label), Write(identities))
                self.play(m.slide(A_LOW), run_time=0.45 * b.sentence(1))
                b.say(1, m.slide(A_HIGH))
                self.checkpoint(
                    "point_after_slide",
                    m.point_shown(),
                    expected=[A_HIGH, math.exp(A_HIGH)],
                    tol=1e-6,
                )
                self.checkpoint(
                    "mirror_after_slide",
                    m.image_shown(),
                    expected=[math.exp(A_HIGH), A_HIGH],
                    tol=1e-6,
                )
                self.checkpoint("y_readout_after_slide", y_read.value, expected=A_HIGH)
                self.checkpoint("x_readout_after_slide", x_read.value, expected=math.exp(A_HIGH))

    # --- part 2: the slide rule ------------------------------------------------------------
    def slide_rule_beats(self) -> None:
        ruler = LogRuler(LOG2, left=(-5.3, -1.55), length=11.6, label_size=40)
        la = theme.tex(r"\log_2 8 = 3", size=42, color=theme.CURVE)
        lb = theme.tex(r"\log_2 4 = 2", size=42, color=theme.GRADIENT)
        ruler.add_bar("a", 1, FIRST, height=BAR_HEIGHTS[0], color=theme.CURVE, label=la)
        ruler.add_bar("b", 1, SECOND, height=BAR_HEIGHTS[1], color=theme.GRADIENT, label=lb)
        total = theme.tex(r"3 + 2 = 5", size=42, color=theme.ACCENT)
        ruler.add_bar(
            "sum", 1, FIRST * SECOND, height=BAR_HEIGHTS[2], color=theme.ACCENT, label=total
        )
        self.declare_shown(ruler, "the axis's powers of two and the brief's lengths 3, 2, 5")
        product = theme.tex(r"8 \times 4 = 32", size=52)
        logs = theme.tex(r"\log_2 8 + \log_2 4 = \log_2 32", size=48)
        product.to_corner(UP + LEFT, buff=0.5)
        logs.next_to(product, RIGHT, buff=1.0)
        start_read = Readout(r"\text{start}", 1.0, decimals=1, size=40, color=theme.GRADIENT)
        end_read = Readout(r"\text{end}", 4.0, decimals=1, size=40, color=theme.GRADIENT)
        ratio = Readout(r"\text{end} \div \text{start}", 4.0, decimals=1, size=40)
        on_baseline(start_read, end_read, ratio)
        readouts = VGroup(start_read, end_read, ratio).arrange(RIGHT, buff=0.8)
        readouts.to_edge(UP, buff=1.3).align_to(product, LEFT)
        start_read.follow(lambda: ruler.bar_ends_shown("b")[0])
        end_read.follow(lambda: ruler.bar_ends_shown("b")[1])

        def ratio_of_ends() -> tuple[Any, float]:
            ends = ruler.bar_ends_shown("b")
            return derived("end over start of the sliding bar", ends[1] / ends[0], ends), 4.0

        ratio.follow(lambda: float(ratio_of_ends()[0]))

        with self.beat(
            "Logs turn products into sums. On a log two axis, each doubling is one equal "
            "step, from one up to 64."
        ) as b:
            b.say(0, Create(ruler.axis), Write(product))
            b.say(1, FadeIn(ruler.exponents, lag_ratio=0.3), FadeIn(ruler.exponent_title))
            self.checkpoint(
                "ticks_are_powers_of_two",
                ruler.tick_values_shown(),
                expected=[2.0**k for k in range(7)],
                tol=1e-9,
            )
        with self.beat(
            "To multiply eight by four, take a bar from one to eight, three steps long. "
            "Then one from one to four, two steps long."
        ) as b:
            b.say(0, ruler.grow("a"))
            self.play(FadeIn(readouts), run_time=0.5)
            b.say(1, ruler.grow("b"))
            self.checkpoint("start_readout_at_one", start_read.value, expected=1.0)
            self.checkpoint("end_readout_at_four", end_read.value, expected=float(SECOND))
            self.checkpoint("ratio_readout_at_four", ratio.value, expected=SECOND / 1.0)
            self.checkpoint(
                "length_of_8", ruler.bar_length_shown("a"), expected=math.log2(8), tol=1e-9
            )
            self.checkpoint(
                "length_of_4", ruler.bar_length_shown("b"), expected=math.log2(4), tol=1e-9
            )

        with (
            self.invariant(
                "the sliding bar's end is four times its start", ratio_of_ends, tol=1e-9
            ),
            self.invariant(
                "start readout is the bar's start",
                lambda: (start_read.value, ruler.bar_ends_shown("b")[0]),
            ),
            self.invariant(
                "end readout is the bar's end",
                lambda: (end_read.value, ruler.bar_ends_shown("b")[1]),
            ),
            self.invariant(
                "ratio readout is end over start", lambda: (ratio.value, ratio_of_ends()[0])
            ),
        ):
            with self.beat(
                "Slide the second bar onto the end of the first. All the way, its end reads "
                "four times its start, and it stops at 32."
            ) as b:
                # along, above the first bar and its label, then down onto the axis's level
                self.play(ruler.slide("b", FIRST), run_time=0.75 * b.sentence(0))
                b.say(0, ruler.slide("b", FIRST, height=BAR_HEIGHTS[0]))
                b.say(1, Indicate(ruler.labels[5], color=theme.ACCENT))
                ends = ruler.bar_ends_shown("b")
                self.checkpoint("product_on_log_axis", ends[1], expected=FIRST * SECOND, tol=1e-9)
                self.checkpoint("end_readout", end_read.value, expected=FIRST * SECOND)
        drop = DashedLine(
            ruler.x_point(FIRST * SECOND) + BAR_HEIGHTS[2] * UP,
            ruler.x_point(FIRST * SECOND) + 0.2 * UP,
            color=theme.ACCENT,
        )
        with self.beat(
            "Three plus two is five, and two to the fifth is 32: the log of a product is the "
            "sum of the logs. That is a slide rule."
        ) as b:
            b.say(0, ruler.grow("sum"), Create(drop))
            b.say(1, Write(logs), Circumscribe(VGroup(ruler.bars["a"][1], ruler.bars["b"][1])))
            lengths = [ruler.bar_length_shown(k) for k in ("a", "b", "sum")]
            self.checkpoint(
                "lengths_add",
                derived("length of 8 plus length of 4", lengths[0] + lengths[1], *lengths[:2]),
                expected=math.log2(FIRST * SECOND),
                tol=1e-9,
            )
            self.checkpoint("sum_bar_length", lengths[2], expected=math.log2(32), tol=1e-9)

    # --- part 3: the halving game ------------------------------------------------------------
    def halving_beats(self) -> None:
        pic = HalvingPicture(GAME, full_y=1.25, zoom_y=-1.2, bits_left=(-1.0, -3.05))
        self.declare_shown(pic, "the game's range, thresholds and answers")
        questions = Readout(r"\text{questions}", 0, decimals=0, size=READOUT_SIZE)
        left = Readout(r"\text{numbers left}", 1024, decimals=0, size=READOUT_SIZE, commas=False)
        on_baseline(questions, left)
        counters = VGroup(questions, left).arrange(RIGHT, buff=0.9).to_corner(UP + LEFT, buff=0.45)
        bits_title = theme.text("answers, yes = 1:", size=theme.LABEL_SIZE, color=theme.MUTED)
        bits_title.next_to(pic.bits, LEFT, buff=0.4)
        questions.follow(lambda: pic.question_bars_shown())
        left.follow(lambda: pic.kept_width_shown())
        with contextlib.ExitStack() as stack:
            stack.enter_context(
                self.invariant(
                    "question counter equals the funnel's bars",
                    lambda: (questions.value, pic.question_bars_shown()),
                )
            )
            stack.enter_context(
                self.invariant(
                    "numbers left equals the kept bar's width",
                    lambda: (left.value, pic.kept_width_shown()),
                    tol=None,
                )
            )
            stack.enter_context(
                self.invariant(
                    "one bit per question", lambda: (pic.bits_shown(), pic.question_bars_shown())
                )
            )
            with self.beat(
                "Now a game. Guess my whole number from 1 to 1024, asking only yes or no questions."
            ) as b:
                b.say(0, FadeIn(pic))
                b.say(1, FadeIn(counters), FadeIn(bits_title))
            with self.beat(
                "Ask: is it bigger than 512? Yes, and half of the numbers are gone "
                "with one question."
            ) as b:
                b.say(0, pic.ask(0, run_time=b.sentence(0) + b.sentence(1)))
            with self.beat(
                "Bigger than 768: no. Bigger than 640: yes. Each answer halves what is "
                "left, and the lower line zooms in."
            ) as b:
                self.play(pic.ask(1, 3, run_time=b.sentence(0) + b.sentence(1)))
                b.say(2, Circumscribe(pic.kept, color=theme.ACCENT))
            with self.beat(
                "After ten questions, one number is left: 713. "
                "Two to the tenth is 1024, so log two of 1024 is ten."
            ) as b:
                b.say(0, pic.ask(3, 10))
                log_line = theme.tex(r"\log_2 1024", "=", "10", size=44, color=theme.ACCENT)
                log_line.to_corner(UP + RIGHT, buff=0.45).set_y(counters.get_y())
                b.say(1, Write(log_line))
                self.checkpoint("questions_drawn", pic.question_bars_shown(), expected=10)
                self.checkpoint(
                    "log2_of_1024_as_typed", printed(log_line[2]), expected=math.log2(HIGH)
                )
                self.checkpoint("question_counter", questions.value, expected=math.log2(1024))
                self.checkpoint("final_width", pic.kept_width_shown(), expected=1.0, tol=1e-9)
                self.checkpoint("numbers_left_readout", left.value, expected=1)
                self.checkpoint(
                    "funnel_widths",
                    pic.funnel_widths_shown(),
                    expected=[1024 / 2**k for k in range(11)],
                    tol=1e-9,
                )
                self.checkpoint(
                    "final_interval", pic.kept_edges_shown(), expected=[712.5, 713.5], tol=1e-9
                )
                self.checkpoint("final_label", pic.end_label_readings(), expected=[SECRET])
        bits = pic.bit_readings()
        million = theme.tex(r"\lceil \log_2 10^6 \rceil", "=", "20", size=44, color=theme.ACCENT)
        million.next_to(log_line, DOWN, buff=0.35).align_to(log_line, RIGHT)
        value = theme.tex(r"= 712", size=44, color=theme.ACCENT).next_to(pic.bits, RIGHT, buff=0.4)
        with self.beat(
            "This is binary search: ten comparisons find any of 1024 sorted items, and a "
            "million need only twenty. Each answer is one bit. Read in binary, the ten "
            "answers spell 712, the secret minus one."
        ) as b:
            b.say(0, Circumscribe(pic.funnel, color=theme.ACCENT), Write(million))
            b.say(1, Indicate(pic.bits, color=theme.TEXT, scale_factor=1.1))
            b.say(2, Write(value))
            self.checkpoint("bits_drawn", pic.bits_shown(), expected=10)
            self.checkpoint(
                "questions_for_a_million", printed(million[2]), expected=math.ceil(math.log2(1e6))
            )
            self.checkpoint("binary_value_label", printed(value), expected=SECRET - LOW)
            self.checkpoint(
                "answers_as_binary",
                derived(
                    "the typeset bits read as a binary number",
                    float(int("".join(str(int(v)) for v in bits), 2)),
                    bits,
                ),
                expected=SECRET - LOW,
            )
        # the counters read the drawing, which fades out next: keep what they show
        questions.stop_following()
        left.stop_following()


SCENES = [ExponentialsAndLogarithms]
