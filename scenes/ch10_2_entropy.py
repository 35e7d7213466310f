"""10.2 Entropy: surprise averaged over outcomes, the binary entropy curve, and questions.

A coin that lands heads with probability p is two bars, each carrying its surprise in bits.
Their weighted average is H(p): as p slides from 0.05 to 0.95 a probe at (p, H(p)) draws the
binary entropy curve beside the bars, up to exactly one bit at p = 0.5 (the peak is marked
where the drawn curve is highest) and down again, a mirror image, to zero at both ends.
Then four movies a user might pick next: uniform (2 bits), morphing step by step into a
favourite at 0.7 (1.36 bits) and a certainty (0 bits), a column of bits per answer falling with
the bars. Last, the dyadic distribution 1/2, 1/4, 1/8, 1/8: a code of yes/no answers 0, 10,
110, 111 whose average length, stacked one outcome at a time, is exactly H = 1.75 bits.

The bars, the probe, the curve and both columns are read back through their axes; every
readout follows the geometry it describes. The expected values here come from plain
``math.log2`` sums and sympy, apart from the drawing's model (:mod:`mathviz.maths.information`).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import sympy as sp
from manim import DOWN, LEFT, RIGHT, AnimationGroup, Circumscribe, FadeIn, VGroup, Write

from mathviz import theme
from mathviz.maths.entropy_curve import huffman_code
from mathviz.maths.recommender import MOVIES
from mathviz.primitives.entropy_bars import (
    BinaryEntropyPlot,
    BitsMeter,
    ProbabilityBars,
    glyphs_shown,
)
from mathviz.primitives.readout import Readout
from mathviz.readings import derived
from mathviz.scene import Invariant, LectureScene
from mathviz.theme import at

#: the coin's probe: where it starts, where it stops
P_START, P_HALF, P_END = 0.05, 0.5, 0.95
#: the four movies' distributions, in the order the bars take them
UNIFORM = [0.25, 0.25, 0.25, 0.25]
STEPS = ([0.4, 0.2, 0.2, 0.2], [0.55, 0.15, 0.15, 0.15])
PEAKED = [0.7, 0.1, 0.1, 0.1]
CERTAIN = [1.0, 0.0, 0.0, 0.0]
DYADIC = [0.5, 0.25, 0.125, 0.125]
DYADIC_TEX = (r"\tfrac{1}{2}", r"\tfrac{1}{4}", r"\tfrac{1}{8}", r"\tfrac{1}{8}")
#: where the pictures' bottom-left corners sit
COIN_CORNER, PLOT_CORNER = at(-6.0, -2.9), at(-0.3, -2.9)
BARS_CORNER, METER_CORNER = at(-6.0, -2.6), at(1.6, -2.6)
SURPRISE_COLOR, H_COLOR, CODE_COLOR = theme.ACCENT, theme.GOOD, theme.GRADIENT
TOL = 1e-9


# --- independent routes to the expected values ---------------------------------------------
def bits(p: list[float]) -> float:
    """−Σ p log₂ p, term by term with ``math.log2`` (0 · log 0 = 0)."""
    return -math.fsum(q * math.log2(q) for q in p if q > 0)


def sympy_peak() -> tuple[float, float]:
    """Where dH/dp = 0 for H(p) = −p log₂ p − (1 − p) log₂(1 − p), and H there (sympy)."""
    p = sp.symbols("p", positive=True)
    h = -(p * sp.log(p, 2) + (1 - p) * sp.log(1 - p, 2))
    (top,) = sp.solve(sp.diff(h, p), p)
    return float(top), float(sp.nsimplify(h.subs(p, top)))


def place(mob: Any, corner: np.ndarray) -> None:
    """Move a picture so that its axes' origin lands on ``corner``."""
    mob.shift(corner - mob.axes.c2p(0, 0))


class Entropy(LectureScene):
    chapter_id = "10.2"

    def construct(self) -> None:
        self.open_chapter("Entropy is surprise, averaged over everything that can happen.")
        self.coin_beats()
        self.movie_beats()
        self.code_beats()
        self.close_chapter(
            "Entropy: the average surprise, in bits.",
            "Entropy is the average surprise of a source, and the fewest yes or no questions "
            "per answer. Next, cross-entropy: the cost of believing the wrong probabilities.",
        )

    # --- the coin --------------------------------------------------------------------------
    def coin_beats(self) -> None:
        coin = ProbabilityBars(
            [P_START, 1 - P_START],
            ["heads", "tails"],
            width=3.4,
            height=4.4,
            label="surprise",
            label_color=SURPRISE_COLOR,
        )
        place(coin, COIN_CORNER)
        legend = theme.text(
            "above each bar: its surprise, in bits", size=theme.SMALL_SIZE, color=SURPRISE_COLOR
        )
        legend.move_to(at(-6.6, 2.05), aligned_edge=LEFT)
        plot = BinaryEntropyPlot(P_START, coin=coin, width=6.4, height=4.4)
        place(plot, PLOT_CORNER)
        formula = theme.tex(
            r"H", r"=", r"p \cdot \log_2 \tfrac{1}{p}", r"+",
            r"(1-p) \cdot \log_2 \tfrac{1}{1-p}", size=40,
        )  # fmt: skip
        formula[0].set_color(H_COLOR)
        formula.move_to(at(0.0, 3.25))
        p_read = Readout("p", P_START, decimals=2, size=36)
        h_read = Readout("H", 0.0, decimals=2, size=36, color=H_COLOR)
        unit = theme.tex(r"\text{bits}", size=36, color=H_COLOR)
        p_read.move_to(at(0.6, 2.2), aligned_edge=LEFT)
        h_read.move_to(at(3.0, 2.2), aligned_edge=LEFT)
        unit.next_to(h_read, RIGHT, buff=0.2).align_to(h_read.label, DOWN)
        p_read.follow(lambda: plot.dot_shown()[0])
        h_read.follow(lambda: plot.dot_shown()[1])
        h0 = bits([P_START, 1 - P_START])
        with self.beat(
            "Here is a coin that lands heads five percent of the time. Above each bar is its "
            "surprise: heads, 4.32 bits; tails, 0.07."
        ) as b:
            b.say(0, coin.create())
            b.say(1, FadeIn(legend, shift=0.2 * DOWN), plot.create_axes())
            self.checkpoint(
                "coin_heights_start", coin.heights_shown(), expected=[P_START, 1 - P_START], tol=TOL
            )
            self.checkpoint(
                "coin_surprise_labels_start",
                coin.labels_shown(),
                expected=[math.log2(1 / P_START), math.log2(1 / (1 - P_START))],
            )
        with self.beat(
            "Entropy weights each surprise by how often it happens, and adds them up. For this "
            "coin that is 0.29 bits, the height of the dot on the right."
        ) as b:
            b.say(0, Write(formula))
            b.say(1, AnimationGroup(plot.show_probe(), FadeIn(p_read, h_read, unit), lag_ratio=0.5))
            self.checkpoint("probe_start", plot.dot_shown(), expected=[P_START, h0], tol=TOL)
            self.checkpoint("h_readout_start", h_read.value, expected=h0)
            self.checkpoint("p_readout_start", p_read.value, expected=P_START)
        checks: list[Invariant] = [
            ("p readout shows the probe's p", lambda: (p_read.value, plot.dot_shown()[0]), None),
            (
                "H readout shows the probe's height",
                lambda: (h_read.value, plot.dot_shown()[1]),
                None,
            ),
            (
                "probe height is the entropy of the drawn coin",
                lambda: (plot.dot_shown()[1], coin.entropy_shown()),
                TOL,
            ),
            (
                "heads bar is as tall as the probe's p",
                lambda: (coin.heights_shown()[0], plot.dot_shown()[0]),
                TOL,
            ),
            (
                "surprise labels show minus log2 of their bars",
                lambda: (coin.labels_shown(), coin.surprises_shown()),
                None,
            ),
            (
                "the drawn curve ends at the probe",
                lambda: (plot.trail_value_at(plot.dot_shown()[0]), plot.dot_shown()[1]),
                TOL,
            ),
        ]
        with self.hold(checks):
            self.sweep_beats(coin, plot, p_read, h_read)
            note = self.peak_beat(plot)
        self.play(theme.hide(coin, legend, plot, formula, p_read, h_read, unit, note), run_time=0.6)

    def sweep_beats(
        self, coin: ProbabilityBars, plot: BinaryEntropyPlot, p_read: Readout, h_read: Readout
    ) -> None:
        with self.beat(
            "Now make the coin fairer. As p climbs to one half, the two surprises meet at one "
            "bit each, and the dot draws the entropy curve upward."
        ) as b:
            b.say(0, plot.slide_to(0.2))
            b.say(1, plot.slide_to(P_HALF))
            self.checkpoint("probe_at_half", plot.dot_shown(), expected=[0.5, 1.0], tol=TOL)
            self.checkpoint("h_readout_at_half", h_read.value, expected=bits([0.5, 0.5]))
            self.checkpoint(
                "coin_surprise_labels_at_half",
                coin.labels_shown(),
                expected=[math.log2(2.0), math.log2(2.0)],
            )
        with self.beat(
            "Past one half the curve falls again, a mirror image. A coin that lands heads "
            "95 percent of the time is exactly as predictable as one at five percent."
        ) as b:
            b.say(0, plot.slide_to(0.8))
            b.say(1, plot.slide_to(P_END))
            h_end = bits([P_END, 1 - P_END])
            self.checkpoint("probe_at_end", plot.dot_shown(), expected=[P_END, h_end], tol=TOL)
            self.checkpoint("h_readout_at_end", h_read.value, expected=h_end)
            self.checkpoint("p_readout_at_end", p_read.value, expected=P_END)
            ps = [0.05, 0.1, 0.2, 0.3, 0.4]
            gaps = [plot.trail_value_at(p) - plot.trail_value_at(1 - p) for p in ps]
            self.checkpoint(
                "curve_mirror_gaps",
                derived("H(p) − H(1 − p) on the drawn curve", gaps, plot.trail_shown()),
                expected=[0.0] * len(ps),
                tol=1e-9,
            )
            self.checkpoint(
                "curve_at_0.2_and_0.8",
                [plot.trail_value_at(0.2), plot.trail_value_at(0.8)],
                expected=[bits([0.2, 0.8])] * 2,
                tol=TOL,
            )

    def peak_beat(self, plot: BinaryEntropyPlot) -> Any:
        top_p, top_h = sympy_peak()
        note = theme.text("fair coin: 1 bit", size=theme.LABEL_SIZE, color=theme.GOOD)
        with self.beat(
            "The peak sits at p equals one half, exactly one bit. At both ends the curve falls "
            "to zero, because a certain outcome tells you nothing."
        ) as b:
            mark = plot.mark_peak()
            note.next_to(plot.peak, np.array([0.0, 1.0, 0.0]), buff=0.3)
            b.say(0, AnimationGroup(mark, FadeIn(note), lag_ratio=0.6))
            b.say(1, plot.close_ends())
            self.checkpoint("curve_peak", plot.peak_shown(), expected=[top_p, top_h], tol=TOL)
            self.checkpoint(
                "peak_drop_feet", plot.drop_feet_shown(), expected=[top_p, top_h], tol=TOL
            )
            self.checkpoint(
                "curve_ends", plot.end_dots_shown(), expected=[[0.0, 0.0], [1.0, 0.0]], tol=TOL
            )
        return note

    # --- four movies -------------------------------------------------------------------------
    def movie_beats(self) -> None:
        bars = ProbabilityBars(UNIFORM, list(MOVIES[:4]), width=6.2, height=4.4)
        place(bars, BARS_CORNER)
        meter = BitsMeter(
            lambda: float(bars.entropy_shown()), ["entropy", "questions"], width=3.4, height=4.0
        )
        meter.level.set_fill(H_COLOR)
        place(meter, METER_CORNER)
        question = theme.text("Which of four movies will a user pick next?", size=theme.BODY_SIZE)
        question.move_to(at(-6.6, 3.3), aligned_edge=LEFT)
        h_read = Readout("H", 2.0, decimals=2, size=36, color=H_COLOR)
        h_read.move_to(at(1.6, 2.6), aligned_edge=LEFT)
        caption = theme.tex(r"\text{bits per answer}", size=36, color=H_COLOR)
        caption.next_to(h_read, RIGHT, buff=0.2).align_to(h_read.label, DOWN)
        h_read.follow(lambda: bars.entropy_shown())
        self.bars, self.meter, self.h_read = bars, meter, h_read
        with self.beat(
            "Now four outcomes: which of four movies a user picks next. When all four are "
            "equally likely, entropy is log two of four, exactly two bits per answer."
        ) as b:
            b.say(0, FadeIn(question, shift=0.2 * DOWN), bars.create())
            b.say(1, AnimationGroup(meter.create(), FadeIn(h_read, caption), lag_ratio=0.5))
            self.check_stop("uniform", UNIFORM)
            self.play(meter.mark_level(), run_time=0.6)
        checks: list[Invariant] = [
            (
                "H readout shows the entropy of the drawn bars",
                lambda: (h_read.value, bars.entropy_shown()),
                None,
            ),
            (
                "entropy column stands at the entropy of the drawn bars",
                lambda: (meter.level_shown(), bars.entropy_shown()),
                TOL,
            ),
        ]
        labels: list[Invariant] = [
            (
                "probability labels show the drawn heights",
                lambda: (bars.labels_shown(), bars.heights_shown()),
                None,
            )
        ]
        with self.hold(checks):
            with self.hold(labels):
                with self.beat(
                    "Let one movie become the favourite. Step by step its bar grows to 0.7 "
                    "while the others shrink to 0.1, and the column of bits falls to 1.36."
                ) as b:
                    b.say(0, bars.morph_to(STEPS[0]))
                    self.play(bars.morph_to(STEPS[1]), run_time=1.4)
                    b.say(1, bars.morph_to(PEAKED))
                    self.check_stop("peaked", PEAKED)
                    self.play(meter.mark_level(), run_time=0.6)
                with self.beat(
                    "Push it all the way and the choice is certain. One bar holds everything, "
                    "and entropy reaches zero: there is nothing left to ask."
                ) as b:
                    self.play(bars.morph_to(CERTAIN), run_time=b.sentence(0) + b.sentence(1))
                    self.check_stop("certain", CERTAIN)
                    self.checkpoint("certain_bars_standing", bars.bars_standing(), expected=1)
                    self.checkpoint(
                        "entropy_column_ghosts",
                        meter.ghosts_shown(),
                        expected=[bits(UNIFORM), bits(PEAKED)],
                        tol=TOL,
                    )
            self.dyadic_beat()
        self.question = question
        self.caption = caption

    def check_stop(self, tag: str, p: list[float]) -> None:
        bars = self.bars
        self.checkpoint(f"{tag}_heights", bars.heights_shown(), expected=p, tol=TOL)
        self.checkpoint(f"{tag}_h_readout", self.h_read.value, expected=bits(p))
        self.checkpoint(
            f"{tag}_entropy_column", self.meter.level_shown(), expected=bits(p), tol=TOL
        )
        if bars.labels_live:
            self.checkpoint(f"{tag}_labels", bars.labels_shown(), expected=p)

    # --- questions: a code for the dyadic distribution ---------------------------------------
    def dyadic_beat(self) -> None:
        bars = self.bars
        fractions = VGroup(*(theme.tex(t, size=40) for t in DYADIC_TEX))
        for i, frac in enumerate(fractions):
            frac.next_to(bars.axes.c2p(i + 0.5, DYADIC[i]), np.array([0.0, 1.0, 0.0]), buff=0.15)
        with self.beat(
            "Entropy also counts questions. Take chances of one half, one quarter, one eighth "
            "and one eighth: H is 1.75 bits."
        ) as b:
            self.play(bars.hide_labels(), run_time=0.5)
            b.say(0, bars.morph_to(DYADIC))
            b.say(1, FadeIn(fractions, shift=0.2 * DOWN))
            self.check_stop("dyadic", DYADIC)
        self.fractions = fractions

    def code_beats(self) -> None:
        bars, meter = self.bars, self.meter
        codes = huffman_code(DYADIC)
        words = VGroup(*(theme.code(c, size=30, color=CODE_COLOR)[0] for c in codes))
        for i, word in enumerate(words):
            word.next_to(bars.names[i], DOWN, buff=0.2)
        avg = Readout(r"\text{questions}", 0.0, decimals=2, size=36, color=CODE_COLOR)
        avg.move_to(at(1.6, 1.9), aligned_edge=LEFT)
        per = theme.tex(r"\text{on average}", size=36, color=CODE_COLOR)
        per.next_to(avg, RIGHT, buff=0.2).align_to(avg.label, DOWN)
        avg.follow(meter.stack_top_shown)
        notes = [
            theme.tex(f"{t}" + r"\times" + f"{len(c)}", size=30, color=CODE_COLOR)
            for t, c in zip(DYADIC_TEX, codes, strict=True)
        ]
        with self.beat(
            "Ask first: is it Alien? If not, is it Arrival? One last question then splits Heat "
            "from Coco, and the answers, written as digits, are each movie's code."
        ) as b:
            b.say(0, FadeIn(words[0], shift=0.2 * DOWN))
            b.say(1, FadeIn(words[1], shift=0.2 * DOWN))
            b.say(
                2, AnimationGroup(*(FadeIn(w, shift=0.2 * DOWN) for w in words[2:]), lag_ratio=0.5)
            )
            self.checkpoint("code_lengths", glyphs_shown(words), expected=[1, 2, 3, 3])
        with self.beat(
            "Weight each code's length by its chance, and stack them up. The average is 1.75 "
            "questions, exactly the entropy."
        ) as b:
            self.play(FadeIn(avg, per), run_time=0.4)
            with self.hold(
                [
                    (
                        "average readout shows the stack's top",
                        lambda: (avg.value, meter.stack_top_shown()),
                        None,
                    )
                ]
            ):
                step = b.sentence(0) / len(DYADIC)
                for i, (p, code) in enumerate(zip(DYADIC, codes, strict=True)):
                    self.play(meter.stack(p * len(code), CODE_COLOR, notes[i]), run_time=step)
                b.say(
                    1, Circumscribe(VGroup(self.h_read, self.caption, avg, per), color=theme.ACCENT)
                )
            lengths = glyphs_shown(words)
            shown_avg = derived(
                "drawn probabilities times drawn code lengths",
                float(np.dot(bars.heights_shown(), lengths)),
                bars.heights_shown(),
                lengths,
            )
            self.checkpoint(
                "average_code_length_from_drawing", shown_avg, expected=bits(DYADIC), tol=TOL
            )
            self.checkpoint(
                "code_stack_segments",
                meter.stack_shown(),
                expected=[0.5 * 1, 0.25 * 2, 0.125 * 3, 0.125 * 3],
                tol=TOL,
            )
            self.checkpoint("code_stack_top", meter.stack_top_shown(), expected=1.75, tol=TOL)
            self.checkpoint("average_readout", avg.value, expected=bits(DYADIC))


SCENES = [Entropy]
