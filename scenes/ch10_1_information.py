"""10.1 Information: surprise is −log₂ p, surprises add, and ten fair answers are ten bits.

The curve −log₂ p is drawn over (0, 1] and a probe slides along it, its p and its surprise
read back through the axes at every moment: a fair coin is 1 bit, a die face about 2.6, an
almost sure event (p = 0.99) almost nothing, a one-in-1024 event 10 bits. Two coins both
landing heads have probability ¼: two one-bit bars, carried over and stacked, reach the curve
at 2 bits; a coin and a die face (1/12) stack 1 + 2.6 bits. Then a number from 1 to 1024:
the lopsided question "is it 713?" is answered "no" for 0.0014 bits (or "yes" for 10), the
fair question "bigger than 512?" for one bit either way. The halving game of 2.4 is played
with fair questions for the secret 300; every answer fills one one-bit cell of a meter, the
ten answers spell 299 (the secret minus one) in binary, and the surprise of learning the
secret outright, −log₂(1/1024) = 10 bits, grows to exactly the length of the ten cells.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable
from typing import Any

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Circumscribe,
    FadeIn,
    FadeOut,
    Indicate,
    VGroup,
    Write,
)

from mathviz import theme
from mathviz.maths.logarithms import halving_game
from mathviz.maths.surprise import answer_bits, question_answers
from mathviz.primitives.halving import HalvingPicture
from mathviz.primitives.readout import Readout
from mathviz.primitives.surprise_plot import BitBar, BitMeter, SurprisePlot
from mathviz.readings import derived, printed
from mathviz.scene import LectureScene
from mathviz.theme import at

#: the probe's stops: certain, a fair coin, a die face, almost sure, one in 1024
P_SURE, P_COIN, P_DIE, P_ALMOST, P_RARE = 1.0, 0.5, 1 / 6, 0.99, 1 / 1024
#: two coins, and a coin with a die face
P_TWO_COINS, P_COIN_DIE = 0.25, 1 / 12
#: the game: a number from 1 to 1024, the secret, and the lopsided question's guess
LOW, HIGH, SECRET, GUESS = 1, 1024, 300, 713
GAME = halving_game(LOW, HIGH, SECRET)
COIN_COLOR, DIE_COLOR = theme.GRADIENT, theme.PROJECTION
#: the left edge of the text set in the plot's empty upper right (over p > ½, high bits)
PANEL_LEFT = 0.6
READOUT_SIZE = 40
#: the centre of the game's questions: always between the guides that fan out to the zoom
QUESTION_X = -1.2
TOL = 1e-6


def bits_of(p: float) -> float:
    """The surprise of ``p`` in bits, straight from the definition (natural logs, not log₂):
    the truth the checkpoints compare the drawing with."""
    return -math.log(p) / math.log(2.0)


def unit_after(readout: Readout, unit: str = "bits") -> Any:
    """The unit typeset after a readout's number, kept beside it as the number changes."""
    word = theme.tex(rf"\text{{{unit}}}", size=int(readout.label.font_size))
    word.set_color(readout.number.get_color())

    def beside(mob: Any) -> None:
        mob.next_to(readout.number, RIGHT, buff=0.2).align_to(readout.number, DOWN)

    word.add_updater(beside)
    beside(word)
    return word


def sit_on_baseline(*readouts: Readout) -> None:
    """Lift each number to where it sits beside a label without a descender."""
    for readout in readouts:
        plain = Readout("x", 0.0, size=int(readout.label.font_size))
        lift = plain.number.get_y() - plain.label[0][-1].get_y()
        readout.number.set_y(readout.label[0][-1].get_y() + lift)


class Information(LectureScene):
    chapter_id = "10.1"

    def construct(self) -> None:
        self.open_chapter("How much is one answer worth? Information theory counts it in bits.")
        with contextlib.ExitStack() as probe_held:
            self.curve_beats(probe_held)
            self.adding_beats()
            self.question_beats()
        self.play(FadeOut(*self.mobjects), run_time=0.7)
        self.game_beats()
        self.close_chapter(
            "Surprise is  −log₂ p:  a fair yes or no is one bit.",
            "Surprise is minus log two of p, and independent surprises add. "
            "Next, entropy: the surprise you expect on average.",
        )

    # --- the surprise curve and its probe ---------------------------------------------------
    def curve_beats(self, probe_held: contextlib.ExitStack) -> None:
        plot = SurprisePlot(top=10, x_length=12.0, y_length=5.9, p0=P_SURE)
        plot.shift(at(-6.0, -2.78) - plot.axes.c2p(0, 0))
        formula = theme.tex(r"\text{surprise} = -\log_2 p", size=48)
        formula.move_to(at(PANEL_LEFT, 2.75), aligned_edge=LEFT)
        p_read = Readout("p", P_SURE, decimals=3, size=READOUT_SIZE)
        s_read = Readout(r"-\log_2 p", 0.0, decimals=1, size=READOUT_SIZE, color=theme.ACCENT)
        pair = VGroup(p_read, s_read).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        sit_on_baseline(p_read, s_read)
        readouts = VGroup(pair, unit_after(s_read))
        pair.move_to(at(PANEL_LEFT, 1.6), aligned_edge=LEFT)
        # p is the dot's x and the surprise its height, both read back through the axes
        p_read.follow(lambda: plot.probe_shown()[0])
        s_read.follow(lambda: plot.probe_shown()[1])
        self.plot, self.p_read, self.s_read = plot, p_read, s_read

        with self.beat(
            "An outcome of probability p has a surprise of minus log two of p, in bits. "
            "It is zero for a sure thing and climbs without limit as p shrinks."
        ) as b:
            b.say(0, plot.create(run_time=1.0), Write(formula))
            self.play(plot.show_probe(), FadeIn(readouts), run_time=0.8)
            for name, read, tol in self.probe_invariants():
                probe_held.enter_context(self.invariant(name, read, tol=tol))
            b.say(1, plot.slide([0.02]), Circumscribe(formula, color=theme.ACCENT))
            self.checkpoint("curve_is_minus_log2", self.curve_error(), expected=0.0, tol=TOL)
        with self.beat("A fair coin landing heads has p one half: exactly one bit.") as b:
            self.play(plot.slide([P_COIN]), run_time=0.75 * b.sentence(0))
            self.play(plot.leave_ghost(self.ghost_label("coin"), UP + RIGHT, 0.1), run_time=0.6)
            self.check_stop("coin", P_COIN)
        with self.beat(
            "One face of a die, one in six, carries about 2.6 bits. "
            "An almost sure event, p of 0.99, carries almost nothing."
        ) as b:
            self.play(plot.slide([P_DIE]), run_time=0.75 * b.sentence(0))
            self.play(plot.leave_ghost(self.ghost_label("die face"), UP + RIGHT), run_time=0.6)
            self.check_stop("die", P_DIE)
            self.play(plot.slide([P_ALMOST]), run_time=0.75 * b.sentence(1))
            self.play(plot.leave_ghost(self.ghost_label("almost sure"), UP + LEFT), run_time=0.6)
            self.check_stop("almost_sure", P_ALMOST)
        with self.beat(
            "A one in 1024 event carries ten bits. The rarer the outcome, the steeper the climb."
        ) as b:
            b.say(0, plot.slide([P_RARE]))
            b.say(1, plot.leave_ghost(self.ghost_label("one in 1024"), DOWN + RIGHT, 0.1))
            self.check_stop("one_in_1024", P_RARE)
            self.checkpoint("ghosts_drawn", plot.ghosts_shown(), expected=4)

    def ghost_label(self, words: str) -> Any:
        return theme.text(words, size=theme.LABEL_SIZE, color=theme.MUTED)

    def probe_invariants(self) -> list[tuple[str, Callable[[], tuple[Any, Any]], float | None]]:
        plot, p_read, s_read = self.plot, self.p_read, self.s_read

        def height_from_x() -> tuple[Any, float]:
            at_dot = plot.probe_shown()
            return at_dot[1], bits_of(float(at_dot[0]))

        return [
            ("the probe stays on the curve", height_from_x, TOL),
            ("p readout is the dot's x", lambda: (p_read.value, plot.probe_shown()[0]), None),
            (
                "surprise readout is minus log2 of the dot's p",
                lambda: (s_read.value, bits_of(float(plot.probe_shown()[0]))),
                None,
            ),
        ]

    def curve_error(self) -> Any:
        pts = self.plot.curve_shown()
        worst = max(abs(float(y) - bits_of(float(x))) for x, y in pts)
        return derived("largest |height − (−log₂ p)| over the drawn curve's corners", worst, pts)

    def check_stop(self, name: str, p: float) -> None:
        """The probe at a stop: its p and height through the axes, and both readouts."""
        shown = self.plot.probe_shown()
        self.checkpoint(f"probe_at_{name}", shown, expected=[p, bits_of(p)], tol=TOL)
        self.checkpoint(f"p_readout_{name}", self.p_read.value, expected=p)
        self.checkpoint(f"surprise_readout_{name}", self.s_read.value, expected=bits_of(p))

    # --- surprises add --------------------------------------------------------------------
    def adding_beats(self) -> None:
        plot, axes = self.plot, self.plot.axes
        first = BitBar(axes, P_COIN, 1.0, color=COIN_COLOR)
        second = BitBar(axes, P_TWO_COINS, 1.0, base=1.0, color=COIN_COLOR)
        product = theme.tex(r"\tfrac12 \times \tfrac12 = \tfrac14", size=46)
        total = theme.tex("1", "+", "1", "=", "2", r"\text{ bits}", size=46)
        for k in (0, 2):
            total[k].set_color(COIN_COLOR)
        rows = VGroup(product, total).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        rows.move_to(at(PANEL_LEFT, -0.15), aligned_edge=LEFT)
        self.add(first, second)
        with self.beat(
            "Why a logarithm? Two coins both land heads with probability a half times a "
            "half, a quarter. Its surprise is two bits, one per coin, stacked."
        ) as b:
            self.play(plot.slide([P_COIN]), first.grow(), run_time=0.5 * b.sentence(0))
            self.play(Write(product), run_time=0.5 * b.sentence(0))
            b.say(1, plot.slide([P_TWO_COINS]), first.carry(P_TWO_COINS, 0.0))
            self.play(second.grow(), Write(total), run_time=1.4)
            self.check_stack("two_coins", [first, second], P_TWO_COINS)
            self.checkpoint("two_coins_total_typed", printed(total[4]), expected=bits_of(0.25))
        coin = BitBar(axes, P_COIN, 1.0, color=COIN_COLOR)
        die = BitBar(axes, P_DIE, bits_of(P_DIE), color=DIE_COLOR)
        product2 = theme.tex(r"\tfrac12 \times \tfrac16 = \tfrac1{12}", size=46)
        total2 = theme.tex("1", "+", "2.6", "=", "3.6", r"\text{ bits}", size=46)
        total2[0].set_color(COIN_COLOR)
        total2[2].set_color(DIE_COLOR)
        rows2 = VGroup(product2, total2).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        rows2.move_to(rows, aligned_edge=LEFT)
        rule = theme.tex(r"-\log_2(ab) = -\log_2 a - \log_2 b", size=40)
        rule.next_to(rows2, DOWN, buff=0.45, aligned_edge=LEFT)
        self.add(coin, die)
        with self.beat(
            "A coin and a die face: one in twelve. Their surprises, one and 2.6 bits, "
            "stack to 3.6, right on the curve. Probabilities multiply; surprises add."
        ) as b:
            self.play(FadeOut(first, second, rows), run_time=0.5)
            self.play(coin.grow(), die.grow(), run_time=0.45 * b.sentence(0))
            self.play(
                plot.slide([P_COIN_DIE]), Write(product2), run_time=0.55 * b.sentence(0) - 0.5
            )
            b.say(1, coin.carry(P_COIN_DIE, 0.0), die.carry(P_COIN_DIE, 1.0), Write(total2))
            b.say(2, Write(rule))
            self.check_stack("coin_and_die", [coin, die], P_COIN_DIE)
            self.checkpoint("die_bits_typed", printed(total2[2]), expected=bits_of(1 / 6))
            self.checkpoint("coin_die_total_typed", printed(total2[4]), expected=bits_of(1 / 12))
        self.clear_adding = VGroup(coin, die, rows2, rule)

    def check_stack(self, name: str, bars: list[BitBar], p: float) -> None:
        """Stacked bars: their lengths, where they stand, and their top at the probe."""
        lengths = [bar.length_shown() for bar in bars]
        self.checkpoint(
            f"{name}_bar_lengths", lengths, expected=[bits_of(q) for q in self.parts(name)], tol=TOL
        )
        self.checkpoint(
            f"{name}_bars_at_p", [bar.p_shown() for bar in bars], expected=[p] * len(bars), tol=TOL
        )
        top = bars[-1].ends_shown()[1]
        probe = self.plot.probe_shown()
        self.checkpoint(
            f"{name}_stack_reaches_the_curve",
            derived("stack top minus the probe's height", float(top) - float(probe[1]), top, probe),
            expected=0.0,
            tol=TOL,
        )
        self.checkpoint(f"{name}_stack_top", top, expected=bits_of(p), tol=TOL)

    @staticmethod
    def parts(name: str) -> list[float]:
        return [P_COIN, P_COIN] if name == "two_coins" else [P_COIN, P_DIE]

    # --- a lopsided question and a fair one -------------------------------------------------
    def question_beats(self) -> None:
        plot = self.plot
        no, yes = question_answers(HIGH - LOW + 1, 1)
        ask = theme.text(f"is it {GUESS}?", size=theme.BODY_SIZE)
        ask.move_to(at(PANEL_LEFT, 0.2), aligned_edge=LEFT)
        rows = self.answer_rows(["0.0014", "10"], "bits", ask)
        with self.beat(
            "Now guess my number from 1 to 1024, starting with: is it 713? "
            "No is almost certain and carries only 0.0014 bits; yes carries ten, "
            "but comes once in 1024 games."
        ) as b:
            self.play(FadeOut(self.clear_adding), run_time=0.5)
            self.play(Write(ask), run_time=b.sentence(0) - 0.5)
            self.play(
                plot.slide([float(no.probability)]), FadeIn(rows[0]), run_time=0.5 * b.sentence(1)
            )
            self.checkpoint("no_bits_typed", printed(rows[0][2][0]), expected=no.bits)
            self.check_stop("answer_no", float(no.probability))
            self.play(
                plot.slide([float(yes.probability)]), FadeIn(rows[1]), run_time=0.5 * b.sentence(1)
            )
            self.checkpoint("yes_bits_typed", printed(rows[1][2][0]), expected=yes.bits)
            self.check_stop("answer_yes", float(yes.probability))
        fair_no, fair_yes = question_answers(HIGH - LOW + 1, (HIGH - LOW + 1) // 2)
        fair = theme.text("bigger than 512?", size=theme.BODY_SIZE)
        fair.move_to(ask, aligned_edge=LEFT)
        fair_rows = self.answer_rows(["1", "1"], "bit", fair)
        with self.beat(
            "A better question, is it bigger than 512, is fifty fifty. "
            "Either answer halves what is left and is worth exactly one bit."
        ) as b:
            self.play(FadeOut(ask, rows), run_time=0.5)
            b.say(0, FadeIn(fair), plot.slide([float(fair_yes.probability)]))
            b.say(1, FadeIn(fair_rows), Indicate(plot.dot, color=theme.ACCENT))
            self.checkpoint(
                "fair_answers_typed",
                [printed(r[2][0]) for r in fair_rows],
                expected=[fair_no.bits, fair_yes.bits],
            )
            self.check_stop("fair_question", float(fair_no.probability))

    def answer_rows(self, bits: list[str], unit: str, above: Any) -> VGroup:
        """Two rows, "no → … bits" and "yes → … bits", under the question ``above``."""
        rows = VGroup()
        colors = (theme.BAD, theme.GOOD)
        for word, value, color in zip(("no", "yes"), bits, colors, strict=True):
            rows.add(
                VGroup(
                    theme.text(word, size=theme.BODY_SIZE, color=color),
                    theme.tex(r"\rightarrow", size=36, color=theme.MUTED),
                    theme.tex(value, rf"\text{{ {unit}}}", size=44),
                ).arrange(RIGHT, buff=0.3)
            )
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        rows.next_to(above, DOWN, buff=0.45, aligned_edge=LEFT).shift(0.3 * RIGHT)
        for row in rows:  # the arrows and numbers in one column
            row[1].set_x(rows[1][0].get_right()[0] + 0.5)
            row[2].next_to(row[1], RIGHT, buff=0.3)
        return rows

    # --- the halving game as information ----------------------------------------------------
    def game_beats(self) -> None:
        pic = HalvingPicture(GAME, full_y=1.5, zoom_y=-0.75)
        meter = BitMeter(10, length=6.0, cell_color=theme.ACCENT, whole_color=theme.HYPOTHESIS)
        meter.shift(at(-0.6, -3.25) - meter.ruler.n2p(0))
        for k, bit in enumerate(pic.bits):  # each answer's digit above its one-bit cell
            bit.move_to(meter.cell_center(k) + 0.42 * UP)
        meter.count_cells(pic.bits_shown)
        cells_label = theme.text("answers, 1 bit each", size=theme.LABEL_SIZE, color=theme.MUTED)
        cells_label.next_to(meter.row_left(1), LEFT, buff=0.35)
        whole_label = theme.tex(
            r"-\log_2 (1/1024)", "=", "10", r"\text{ bits}", size=36, color=theme.HYPOTHESIS
        )
        whole_label.next_to(meter.row_left(0), LEFT, buff=0.35)
        info = Readout(r"\text{information}", 0, decimals=0, size=READOUT_SIZE)
        left = Readout(r"\text{numbers left}", 1024, decimals=0, size=READOUT_SIZE, commas=False)
        sit_on_baseline(info, left)
        info_unit = unit_after(info)
        counters = VGroup(info, left).arrange(RIGHT, buff=1.6).to_corner(UP + LEFT, buff=0.35)
        counters.add(info_unit)
        for pair in pic.questions:  # between the zoom guides, whatever the window
            pair.shift((QUESTION_X - pair.get_center()[0]) * RIGHT)
        info.follow(lambda: meter.redraw().cells_shown())
        left.follow(pic.kept_width_shown)
        self.declare_shown(pic, "the game's range, thresholds and answers")

        def halves_left() -> tuple[Any, float]:
            shown = derived(
                "numbers left times two to the bits",
                float(left.value) * 2.0 ** float(info.value),
                left.value,
                info.value,
            )
            return shown, float(HIGH - LOW + 1)

        with contextlib.ExitStack() as held:
            with self.beat(
                "Play with fair questions only. "
                "Every answer, yes or no, halves the numbers left and fills one bit."
            ) as b:
                b.say(0, FadeIn(pic), FadeIn(counters))
                self.play(FadeIn(meter), FadeIn(cells_label), run_time=0.6)
                for name, read, tol in (
                    (
                        "one cell per answer drawn",
                        lambda: (meter.cells_shown(), pic.question_bars_shown()),
                        None,
                    ),
                    (
                        "information readout counts the cells",
                        lambda: (info.value, meter.cells_shown()),
                        None,
                    ),
                    (
                        "numbers left readout is the kept bar's width",
                        lambda: (left.value, pic.kept_width_shown()),
                        None,
                    ),
                    ("numbers left times two to the bits is 1024", halves_left, None),
                ):
                    held.enter_context(self.invariant(name, read, tol=tol))
                b.say(1, pic.ask(0, run_time=b.sentence(1)))
            with self.beat(
                "Bigger than 256, yes; bigger than 384, no. A no is worth just as much as a yes."
            ) as b:
                self.play(pic.ask(1, 3, run_time=b.sentence(0)))
                b.say(1, Circumscribe(VGroup(*pic.bits[:3]), color=theme.ACCENT))
            with self.beat(
                "Seven more answers, seven more bits, and one number is left: 300."
            ) as b:
                b.say(0, pic.ask(3, 10, run_time=b.sentence(0)))
                self.checkpoint("questions_drawn", pic.question_bars_shown(), expected=10)
                self.checkpoint("information_readout", info.value, expected=math.log2(1024))
                self.checkpoint("numbers_left_readout", left.value, expected=1)
                self.checkpoint("secret_label", pic.end_label_readings(), expected=[SECRET])
        info.stop_following()
        left.stop_following()
        self.bits_beat(pic, meter, whole_label)

    def bits_beat(self, pic: HalvingPicture, meter: BitMeter, whole_label: Any) -> None:
        bits = pic.bit_readings()
        value = theme.tex(r"= 299", size=40, color=theme.ACCENT)
        value.next_to(pic.bits, RIGHT, buff=0.45)
        with self.beat(
            "Read as binary, the ten answers spell 299, the secret minus one. "
            "The answers are the secret, written in bits."
        ) as b:
            b.say(0, Indicate(pic.bits, color=theme.TEXT, scale_factor=1.15), Write(value))
            b.say(1, Circumscribe(VGroup(pic.bits, value), color=theme.ACCENT))
            self.checkpoint("bits_drawn", pic.bits_shown(), expected=10)
            self.checkpoint(
                "answers_as_binary",
                derived(
                    "the typeset answer digits read as one binary number",
                    float(int("".join(str(int(v)) for v in bits), 2)),
                    bits,
                ),
                expected=SECRET - LOW,
            )
            self.checkpoint("binary_value_typed", printed(value), expected=SECRET - LOW)
            self.checkpoint("bit_string", bits, expected=[float(c) for c in answer_bits(GAME)])
        with self.beat(
            "Learning the secret outright, a one in 1024 event, is ten bits of surprise. "
            "That is exactly the ten one-bit answers, end to end."
        ) as b:
            b.say(0, Write(whole_label), meter.grow_whole(bits_of(1 / 1024)))
            b.say(1, Circumscribe(meter.cells, color=theme.ACCENT))
            self.checkpoint("secret_surprise_typed", printed(whole_label[2]), expected=10.0)
            self.checkpoint(
                "secret_bar", meter.whole_shown(), expected=[0.0, bits_of(1 / 1024)], tol=TOL
            )
            self.checkpoint("cells_end", meter.cells_end_shown(), expected=10.0, tol=TOL)
            self.checkpoint(
                "cell_lengths", meter.cell_lengths_shown(), expected=[1.0] * 10, tol=TOL
            )


SCENES = [Information]
