"""12.1 Numerical Stability: softmax of large logits overflowing, fixed by subtracting the max.

Two bar charts side by side: logits [1, 2, 3] and [1000, 1001, 1002]. Exponentiated, the small
bars grow on a rescaling axis while a dot for e^x runs along a line of powers of ten, stops at
the largest double (x ≈ 709.78) and turns red one step past it: the large bars shoot off the
chart as ``inf``, and normalised they become ``nan``. Then the fix, drawn: the three large bars
slide down together by their max while the probabilities read from them never change, and a
zoom shows them at −2, −1, 0; their exponentials lie in (0, 1] and normalise to exactly the
small chart's probabilities (a ghost of the small bars lands on them). Log-sum-exp is built
row by row with the same shift. Last, the float grid itself: a toy float's numbers as ticks,
the gap between neighbours doubling at every power of two, and the real doubles' gaps.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal, getcontext

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    ManimColor,
    Succession,
    Text,
    Transform,
    VGroup,
    Write,
    smooth,
)

from mathviz import theme
from mathviz.maths.stability import (
    float_limits,
    naive_exp,
    naive_logsumexp,
    naive_softmax,
    shift_by_max,
    stable_logsumexp,
    stable_softmax,
)
from mathviz.primitives.bars import BarChart, infinities_shown
from mathviz.primitives.float_grid import MagnitudeLine, ToyFloatGrid
from mathviz.primitives.motion import built
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout, coords
from mathviz.readings import PrintedArray, derived, printed
from mathviz.scene import LectureScene
from mathviz.theme import at

SMALL = (1.0, 2.0, 3.0)
LARGE = (1000.0, 1001.0, 1002.0)
NAMES = ("z_1", "z_2", "z_3")

CHART_WIDTH, CHART_HEIGHT = 5.0, 3.2
CHART_X = 3.45
AXES_TOP = 2.4
PANEL_ANCHOR = (-6.5, -1.6, 0.0)
PANEL_SIZE = 34
CODE_SIZE = 26
#: the large chart's value axis while its bars slide down, and the window it zooms to
SLIDE_WINDOW, ZOOMED_WINDOW = (-500.0, 1500.0), (-3.0, 1.0)
#: the toy float of the last beat: fraction bits, binades drawn
TOY_BITS, TOY_BINADES = 3, 3

DRAW_TOL = 1e-6


# --- independent routes to the expected values ----------------------------------------------
def written_softmax(z: tuple[float, ...]) -> list[float]:
    """Softmax by the math module, shifting by the largest logit by hand."""
    top = max(z)
    weights = [math.exp(v - top) for v in z]
    return [w / sum(weights) for w in weights]


def overflows_in_python(x: float) -> bool:
    """True when ``math.exp(x)`` raises OverflowError (Python's float refuses, not numpy)."""
    try:
        math.exp(x)
    except OverflowError:
        return True
    return False


def decimal_logsumexp(z: tuple[float, ...]) -> float:
    """log Σ exp(z) straight from the formula in 40-digit decimal arithmetic (no overflow)."""
    getcontext().prec = 40
    return float(sum((Decimal(v).exp() for v in z), Decimal(0)).ln())


def largest_double_from_bits() -> float:
    """The largest finite double from its bit pattern: a 53-bit all-ones significand times
    2^(1023 − 52), converted exactly from a Python integer."""
    return float((2**53 - 1) * 2**971)


def epsilon_by_halving() -> float:
    """Machine epsilon found the classic way: halve until 1 + eps/2 rounds back to 1."""
    eps = 1.0
    while 1.0 + eps / 2 != 1.0:
        eps /= 2
    return eps


def decimal_exp(x: float) -> float:
    """exp(x) in 40-digit decimal arithmetic, rounded to a double at the end."""
    getcontext().prec = 40
    return float(Decimal(x).exp())


def overflow_exponent() -> float:
    """ln of the largest double in 40-digit decimals: where e^x stops being finite."""
    getcontext().prec = 40
    return float(Decimal((2**53 - 1) * 2**971).ln())


def gap_below_largest() -> float:
    """The gap between the two largest doubles: one unit in the last of 52 fraction bits at
    the top exponent 1023, 2^(1023 − 52), exactly as an integer."""
    return float(2 ** (1023 - 52))


def toy_gap(p: float) -> float:
    """The gap between neighbouring toy floats around ``p``: 2^(⌊log₂ p⌋ − bits)."""
    return 2.0 ** (math.floor(math.log2(p)) - TOY_BITS)


def code_row(
    call: str, value: float | str, fmt: str = "", color: ManimColor = theme.TEXT
) -> tuple[VGroup, Text]:
    """``np.exp(709.0)   8.2e+307``: a line of code and what it prints, both monospaced."""
    shown = value if isinstance(value, str) else format(value, fmt)
    if not isinstance(value, str) and not math.isfinite(value):
        shown = str(value)
    head = Text(call, font=theme.MONO_FONT, font_size=CODE_SIZE, color=theme.MUTED)
    result = Text(shown, font=theme.MONO_FONT, font_size=CODE_SIZE, color=color)
    row = VGroup(head, result).arrange(RIGHT, buff=0.35)
    result.align_to(head[0], DOWN)  # on the code's baseline ("n", "m": no descender)
    return row, result


def on_equals(readout: Readout) -> Readout:
    """Centre a readout's number on its label's "=" (a tall label such as a sum sign would
    otherwise pull the number below the line)."""
    equals = readout.label[0][-1]
    readout.number.set_y(equals.get_y())
    return readout


def softmax_of(heights: np.ndarray) -> np.ndarray:
    """Softmax of drawn bar heights (what the probability readouts show)."""
    h = np.asarray(heights, dtype=float)
    e = np.exp(h - h.max())
    return np.asarray(e / e.sum(), dtype=float)


class NumericalStability(LectureScene):
    chapter_id = "12.1"

    def construct(self) -> None:
        self.open_chapter("Softmax, written straight from its formula, breaks on big scores.")
        self.panel = Panel(anchor=PANEL_ANCHOR, row_buff=0.28)
        self.logits_beat()
        self.exp_beat()
        self.naive_softmax_beat()
        self.shift_beats()
        self.logsumexp_beat()
        self.float_grid_beat()
        self.close_chapter(
            "Subtract the max before you exponentiate.",
            "Softmax sees only the gaps, so shifting by the max is free. Every deep-learning "
            "library does it.",
        )

    # ------------------------------------------------------------------------------------
    def _place(self, chart: BarChart, x: float, title: str) -> Text:
        chart.shift(
            np.array([x - chart.axes.get_center()[0], AXES_TOP - chart.axes.get_top()[1], 0.0])
        )
        heading = theme.text(title, size=28, color=theme.MUTED)
        heading.move_to(np.array([chart.axes.get_center()[0], AXES_TOP + 0.95, 0.0]))
        return heading

    def logits_beat(self) -> None:
        self.small = BarChart(
            SMALL, NAMES, y_range=(0, 4, 1), width=CHART_WIDTH, height=CHART_HEIGHT, decimals=0
        )
        self.large = BarChart(
            LARGE, NAMES, y_range=(0, 1200, 400), width=CHART_WIDTH, height=CHART_HEIGHT, decimals=0
        )
        self.small_title = self._place(self.small, -CHART_X, "small logits")
        self.large_title = self._place(self.large, CHART_X, "large logits")
        formula = theme.tex(
            r"\mathrm{softmax}(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}", size=PANEL_SIZE + 4
        )
        with self.beat(
            "Two sets of logits: one, two, three on the left, and a thousand, a "
            "thousand and one, a thousand and two on the right. The gaps are the "
            "same, so softmax should give the same probabilities."
        ) as b:
            b.say(
                0,
                AnimationGroup(
                    FadeIn(self.small_title, self.large_title),
                    AnimationGroup(self.small.create(), self.large.create(), lag_ratio=0.5),
                    lag_ratio=0.15,
                ),
            )
            b.say(
                1,
                self.panel.show(formula),
                AnimationGroup(
                    *(
                        Indicate(bar, scale_factor=1.08, color=theme.TEXT)
                        for bar in (*self.small.bars, *self.large.bars)
                    ),
                    lag_ratio=0.25,
                ),
            )
            self.checkpoint(
                "large_logit_heights",
                self.large.heights_shown(),
                expected=list(LARGE),
                tol=DRAW_TOL,
            )
            # each bar's written value is the height of the bar it labels
            self.checkpoint(
                "small_logit_labels", self.small.labels_shown(), expected=self.small.heights_shown()
            )
            self.checkpoint(
                "large_logit_labels", self.large.labels_shown(), expected=self.large.heights_shown()
            )

    def exp_beat(self) -> None:
        limits = float_limits()
        line = MagnitudeLine(math.log10(limits.largest), width=10.6)
        line.move_to(at(-0.35, -2.6))
        largest_row, largest = code_row("np.finfo(float).max", limits.largest, ".5e")
        # the largest double written over the wall it marks
        largest_row.move_to(at(line.end_mark.get_x() + 0.7, -1.65), aligned_edge=RIGHT)
        x_read = Readout("x", 0.0, decimals=2, size=PANEL_SIZE, color=theme.DOT, commas=False)
        x_read.move_to(at(-6.5, -1.65), aligned_edge=LEFT)
        e_label = theme.tex("e^{x}", size=PANEL_SIZE, color=theme.DOT)
        e_label.add_updater(lambda m: m.next_to(line.dot, UP, buff=0.3))
        row709, e709 = code_row("np.exp(709.0)", float(naive_exp([709.0])[0]), ".1e")
        row710, e710 = code_row("np.exp(710.0)", float(naive_exp([710.0])[0]), color=theme.BAD)
        exp_rows = VGroup(row709, row710).arrange(RIGHT, buff=1.2).move_to(at(0.0, -3.6))
        for row in (row709, row710):
            self.declare_shown(row[0], "a line of code: its argument is the input, not a result")
        inf_word = theme.text("inf", size=PANEL_SIZE, color=theme.BAD)
        inf_word.next_to(line.line.n2p(line.line.x_range[1]), RIGHT, buff=0.3)
        self.exp_stage = VGroup(line, largest_row, x_read, e_label, exp_rows, inf_word)
        with self.beat(
            "Exponentiate: e to the three is only about twenty. But doubles stop near "
            "1.8 times ten to the 308, and e to the x, running along these powers of ten, "
            "reaches that wall at x about 709.78. One step past it you get "
            "infinity, and the large bars shoot off the chart."
        ) as b:
            b.say(
                0,
                self.small.glide_to(naive_exp(SMALL), window=(0, 24), decimals=1),
                self.panel.hide(),
            )
            # never "-0.00": a hair below zero read back at the line's start
            x_read.follow(lambda: max(0.0, line.exponent_shown()))
            with self.invariant(
                "x readout is the exponent of the dot's place",
                lambda: (x_read.value, line.exponent_shown()),
            ):
                b.say(
                    1,
                    Succession(
                        AnimationGroup(
                            Create(line.line),
                            FadeIn(
                                line.decades, line.end_mark, line.dot, e_label, largest_row, x_read
                            ),
                            run_time=1.5,
                        ),
                        line.sweep_to(overflow_exponent(), run_time=b.sentence(1) - 1.5),
                    ),
                )
            x_read.stop_following()
            self.checkpoint(
                "overflow_exponent_shown",
                x_read.value,
                expected=math.log(largest_double_from_bits()),
            )
            self.checkpoint(
                "dot_stops_at_largest_double",
                line.decade_shown(),
                expected=math.log10(largest_double_from_bits()),
                tol=DRAW_TOL,
            )
            b.say(
                2,
                AnimationGroup(
                    AnimationGroup(line.sweep_to(710.0, run_time=0.8), x_read.step_to(710.0)),
                    AnimationGroup(FadeIn(inf_word), FadeIn(exp_rows)),
                    self.large.morph_to(naive_exp(LARGE), y_range=(0, 24, 8), decimals=2),
                    lag_ratio=0.6,
                ),
            )
            self.checkpoint(
                "small_exp_heights",
                self.small.heights_shown(),
                expected=[math.exp(v) for v in SMALL],
                tol=DRAW_TOL,
            )
            self.checkpoint(
                "small_exp_labels",
                self.small.labels_shown(),
                expected=[decimal_exp(v) for v in SMALL],
            )
            self.checkpoint(
                "naive_exp_clipped_bars",
                self.large.clipped_shown(),
                expected=[float(overflows_in_python(v)) for v in LARGE],
                tol=0,
            )
            self.checkpoint(
                "naive_exp_non_finite",
                self.large.non_finite_shown(),
                expected=sum(overflows_in_python(v) for v in LARGE),
                tol=0,
            )
            self.checkpoint(
                "largest_double_shown", printed(largest), expected=largest_double_from_bits()
            )
            self.checkpoint("exp_709_shown", printed(e709), expected=decimal_exp(709.0))
            self.checkpoint(
                "exp_710_is_inf",
                infinities_shown([e710, inf_word]),
                expected=2 * int(overflows_in_python(710.0)),
                tol=0,
            )

    def naive_softmax_beat(self) -> None:
        count = Readout(
            r"\text{non-finite entries}", 0, decimals=0, size=PANEL_SIZE, color=theme.BAD
        )
        naive = naive_softmax(LARGE)
        e_label = self.exp_stage[3]
        with self.beat(
            "Now divide by the sum. The small logits give clean probabilities; the large "
            "ones give infinity over infinity, not a number. One nan poisons every "
            "gradient downstream."
        ) as b:
            e_label.clear_updaters()
            b.say(0, FadeOut(self.exp_stage))
            b.say(
                1,
                self.small.glide_to(naive_softmax(SMALL), window=(0, 1), decimals=2),
                self.large.morph_to(naive, y_range=(0, 1, 0.5), decimals=2),
                self.panel.show(
                    theme.tex(r"\frac{\infty}{\infty} = \mathrm{nan}", size=PANEL_SIZE + 4), count
                ),
            )
            # a count jumps: 0, then 3 (no 1 or 2 mid-animation)
            b.say(
                2,
                count.step_to(int(np.count_nonzero(np.isnan(naive)))),
                Indicate(self.large.labels, color=theme.BAD),
            )
            self.checkpoint(
                "naive_softmax_non_finite_readout",
                count.value,
                expected=sum(overflows_in_python(v) for v in LARGE),
            )
            self.checkpoint(
                "naive_softmax_nan_labels",
                self.large.non_finite_shown(),
                expected=len(LARGE),
                tol=0,
            )
            self.checkpoint(
                "small_probability_labels",
                self.small.labels_shown(),
                expected=written_softmax(SMALL),
            )

    def shift_beats(self) -> None:
        top = max(LARGE)
        shift_row = theme.tex(r"z - \max_j z_j = z - 1002", size=PANEL_SIZE + 4)
        invariance = theme.tex(
            r"\frac{e^{z_i - m}}{\sum_j e^{z_j - m}} "
            r"= \frac{e^{-m} e^{z_i}}{e^{-m} \sum_j e^{z_j}}",
            size=PANEL_SIZE,
        )
        large, small = self.large, self.small
        probs = [
            Readout(f"p_{i + 1}", p, decimals=2, size=PANEL_SIZE, color=theme.GOOD)
            for i, p in enumerate(written_softmax(LARGE))
        ]
        prob_row = VGroup(*probs).arrange(RIGHT, buff=0.55)
        prob_row.move_to(at(CHART_X + 0.2, -1.95))

        def probs_shown() -> PrintedArray:
            return PrintedArray([p.value for p in probs])

        def prob_read(i: int) -> Callable[[], float]:
            """Probability ``i`` as the sliding bars give it."""
            return lambda: softmax_of(large.heights_shown())[i]

        def logits_at(t: float) -> np.ndarray:
            return np.array(LARGE) - top * t

        def zoom_at(t: float) -> list[float]:
            (lo0, hi0), (lo1, hi1) = SLIDE_WINDOW, ZOOMED_WINDOW
            return [lo0 * (lo1 / lo0) ** t, hi0 * (hi1 / hi0) ** t]

        with self.beat(
            "The fix: subtract the largest logit, 1002, first. Watch the three bars slide "
            "down together: the probabilities read from them never move. Zoom in: they now "
            "sit at minus two, minus one and zero."
        ) as b:
            # the logits come back first, then the operation that will move them (two plays:
            # the panel's new row must not be drawn before its fade-in begins)
            self.play(
                large.morph_to(LARGE, y_range=(*SLIDE_WINDOW, 500), decimals=0),
                run_time=0.45 * b.sentence(0),
            )
            self.play(self.panel.show(shift_row), run_time=0.55 * b.sentence(0))
            for i, p in enumerate(probs):
                p.follow(prob_read(i))
            with (
                self.invariant(
                    "probabilities read from the sliding bars stay the small chart's",
                    lambda: (probs_shown(), written_softmax(SMALL)),
                ),
                self.invariant(
                    "each bar's label is its height",
                    lambda: (large.labels_shown(), large.heights_shown()),
                ),
            ):
                b.say(
                    1,
                    Succession(
                        FadeIn(prob_row, run_time=0.8),
                        large.glide(logits_at, run_time=b.sentence(1) - 0.8),
                    ),
                )
                b.say(2, large.glide(lambda t: logits_at(1.0), window_at=zoom_at))
            self.checkpoint(
                "shifted_logits",
                large.heights_shown(),
                expected=[v - top for v in LARGE],
                tol=DRAW_TOL,
            )
            self.checkpoint(
                "shifted_logit_labels", large.labels_shown(), expected=[v - top for v in LARGE]
            )
            self.checkpoint(
                "probabilities_after_slide", probs_shown(), expected=written_softmax(LARGE)
            )
        for p in probs:
            p.stop_following()
        with self.beat(
            "Now every exponential lies between zero and one, so nothing can overflow. "
            "The factor e to the minus m cancels between top and bottom."
        ) as b:
            b.say(
                0,
                FadeOut(prob_row, run_time=0.6),
                large.glide_to(np.exp(shift_by_max(LARGE)), window=(0, 1), decimals=2),
            )
            b.say(1, self.panel.grow(invariance))
            self.checkpoint(
                "shifted_exp_heights",
                large.heights_shown(),
                expected=[math.exp(v - top) for v in LARGE],
                tol=DRAW_TOL,
            )
            self.checkpoint(
                "shifted_exp_labels",
                large.labels_shown(),
                expected=[decimal_exp(v - top) for v in LARGE],
            )
            self.checkpoint("shifted_exp_non_finite", large.non_finite_shown(), expected=0, tol=0)
        ghosts = small.bars.copy().set_fill(opacity=0).set_stroke(theme.TEXT, width=3)
        offset = large.axes.c2p(0, 0) - small.axes.c2p(0, 0)
        self.ghosts = ghosts
        with self.beat(
            "Normalise, and the large logits give exactly the small ones' "
            "probabilities: 0.09, 0.24 and 0.67. Lay the small bars over them: softmax only "
            "sees the gaps."
        ) as b:
            b.say(0, large.glide_to(stable_softmax(LARGE), window=(0, 1), decimals=2))
            self.add(ghosts)
            b.say(1, built(ghosts.animate.shift(offset)))
            self.checkpoint(
                "large_probabilities",
                large.heights_shown(),
                expected=written_softmax(LARGE),
                tol=DRAW_TOL,
            )
            self.checkpoint(
                "large_probability_labels", large.labels_shown(), expected=written_softmax(LARGE)
            )
            self.checkpoint(
                "small_probabilities",
                small.heights_shown(),
                expected=written_softmax(SMALL),
                tol=DRAW_TOL,
            )
            large_bars, small_bars = large.heights_shown(), small.heights_shown()
            self.checkpoint(
                "shift_invariance_max_gap",
                derived(
                    "largest gap between the two charts' bar heights",
                    float(np.max(np.abs(large_bars - small_bars))),
                    large_bars,
                    small_bars,
                ),
                expected=0.0,
                tol=DRAW_TOL,
            )
            tops = coords(large.axes, np.array([g.get_top() for g in ghosts]))[:, 1]
            self.checkpoint(
                "ghosts_on_large_bars",
                derived(
                    "largest gap between the ghosts' tops and the large bars' heights",
                    float(np.max(np.abs(tops - large_bars))),
                    tops,
                    large_bars,
                ),
                expected=0.0,
                tol=DRAW_TOL,
            )

    def logsumexp_beat(self) -> None:
        large, size = self.large, PANEL_SIZE + 2
        top = max(LARGE)
        shifted = np.exp(shift_by_max(LARGE))
        identity = theme.tex(r"\log \sum_j e^{z_j} = m + \log \sum_j e^{z_j - m}", size=size)
        m_row = theme.tex(r"m = \max_j z_j = 1002", size=size)
        total = Readout(r"\sum_j e^{z_j - m}", float(shifted.sum()), decimals=2, size=size)
        log_total = Readout(
            r"\log \sum_j e^{z_j - m}", math.log(float(shifted.sum())), decimals=2, size=size
        )
        stable = Readout(
            r"m + \log \sum_j e^{z_j - m}",
            stable_logsumexp(LARGE),
            decimals=2,
            size=size,
            color=theme.GOOD,
            commas=False,
        )
        for readout in (total, log_total, stable):
            on_equals(readout)
        naive_row, naive_value = code_row(
            "np.log(np.sum(np.exp(z)))", naive_logsumexp(LARGE), color=theme.BAD
        )
        rows = VGroup(identity, m_row, total, log_total, stable, naive_row)
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.42).move_to(at(-6.5, 0.35), aligned_edge=LEFT)
        chart_title = theme.tex(r"e^{z_j - m}", size=36, color=theme.MUTED)
        chart_title.move_to(self.large_title)
        with self.beat(
            "Log-sum-exp, behind cross-entropy, takes the same cure: pull out m, 1002, and "
            "exponentiate what is left. Add those up, about 1.50; take the log, 0.41; add m "
            "back: 1002.41. Written naively, it returns infinity."
        ) as b:
            b.say(
                0,
                AnimationGroup(
                    AnimationGroup(
                        FadeOut(self.small, self.small_title, self.ghosts), self.panel.hide()
                    ),
                    AnimationGroup(
                        Transform(self.large_title, chart_title),
                        Write(identity),
                        FadeIn(m_row, shift=0.2 * DOWN),
                        large.glide_to(shifted, window=(0, 1), decimals=2),
                        lag_ratio=0.5,
                    ),
                    lag_ratio=0.3,
                ),
            )
            b.say(
                1,
                AnimationGroup(
                    FadeIn(total, shift=0.2 * DOWN),
                    FadeIn(log_total, shift=0.2 * DOWN),
                    FadeIn(stable, shift=0.2 * DOWN),
                    lag_ratio=0.9,
                ),
            )
            b.say(2, FadeIn(naive_row, shift=0.2 * DOWN))
            bars = large.heights_shown()
            self.checkpoint(
                "lse_exp_labels",
                large.labels_shown(),
                expected=[decimal_exp(v - top) for v in LARGE],
            )
            self.checkpoint(
                "lse_sum_of_drawn_bars",
                derived("sum of the drawn e^(z - m) bars", float(np.sum(bars)), bars),
                expected=math.fsum(math.exp(v - top) for v in LARGE),
                tol=DRAW_TOL,
            )
            self.checkpoint(
                "lse_sum_readout", total.value, expected=math.fsum(math.exp(v - top) for v in LARGE)
            )
            self.checkpoint(
                "lse_log_readout",
                log_total.value,
                expected=decimal_logsumexp(LARGE) - top,
            )
            self.checkpoint(
                "logsumexp_stable_readout", stable.value, expected=decimal_logsumexp(LARGE)
            )
            self.checkpoint(
                "logsumexp_naive_is_inf",
                infinities_shown([naive_value]),
                expected=int(overflows_in_python(max(LARGE))),
                tol=0,
            )
        self.lse_stage = VGroup(rows, large, self.large_title)

    def float_grid_beat(self) -> None:
        grid = ToyFloatGrid(bits=TOY_BITS, binades=TOY_BINADES, width=12.4)
        grid.move_to(at(0.0, 0.9))
        heading = theme.text(
            "a toy float with 3 bits after the point: every number it can hold",
            size=28,
            color=theme.MUTED,
        )
        heading.move_to(at(0.0, 3.35))
        gap = Readout(
            r"\text{gap}", grid.gap_shown(), decimals=3, size=PANEL_SIZE, color=theme.GOOD
        )
        gap.move_to(at(-6.2, 2.4), aligned_edge=LEFT)
        gap.follow(grid.gap_shown)
        largest_row, largest = code_row("np.finfo(float).max", float_limits().largest, ".5e")
        eps_row, epsilon = code_row("np.spacing(1.0)", float_limits().epsilon, ".2e")
        top_gap = float(float_limits().largest - np.nextafter(float_limits().largest, 0.0))
        top_row, top_gap_text = code_row("max - np.nextafter(max, 0)", top_gap, ".1e")
        for row in (eps_row, largest_row, top_row):
            self.declare_shown(row[0], "a line of code: its argument is the input, not a result")
        facts = VGroup(eps_row, largest_row, top_row).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        facts.move_to(at(0.0, -2.45))
        probe_end = 2.0**TOY_BINADES - 0.25  # inside the last gap, between 7.5 and 8
        grid.probe.set_opacity(0.0)
        grid.gap.set_stroke(opacity=0.0)
        with self.beat(
            "Doubles are a finite grid: this toy float with three bits holds eight numbers "
            "between each pair of powers of two. So the gap between neighbours doubles at "
            "every power, from an eighth near one to a half near eight. Real doubles "
            "keep 52 bits: near one the gap is machine epsilon, about 2.2 times ten to the "
            "minus 16; near the top, about 2 times ten to the 292."
        ) as b:
            b.say(
                0,
                AnimationGroup(
                    FadeOut(self.lse_stage),
                    AnimationGroup(
                        FadeIn(heading),
                        Create(grid.line),
                        FadeIn(grid.numbers),
                        AnimationGroup(*(Create(t) for t in grid.ticks), lag_ratio=0.1),
                        lag_ratio=0.2,
                    ),
                    lag_ratio=0.5,
                ),
            )
            self.remove(grid.line, grid.numbers, *grid.ticks)
            self.add(grid)
            with self.invariant(
                "gap readout is the lit gap around the probe", lambda: (gap.value, grid.gap_shown())
            ):
                b.say(
                    1,
                    Succession(
                        AnimationGroup(
                            FadeIn(gap),
                            built(grid.probe.animate.set_opacity(1.0)),
                            built(grid.gap.animate.set_stroke(opacity=1.0)),
                            run_time=0.6,
                        ),
                        grid.slide_to(probe_end, run_time=b.sentence(1) - 0.6, rate_func=smooth),
                    ),
                )
                gap.stop_following()
            b.say(2, AnimationGroup(*(FadeIn(r, shift=0.2 * UP) for r in facts), lag_ratio=0.7))
            counts = [grid.ticks_in(2.0**e, 2.0 ** (e + 1)) for e in range(TOY_BINADES)]
            self.checkpoint(
                "toy_ticks_per_binade",
                derived("ticks drawn in each binade", [float(c) for c in counts], *counts),
                expected=[2**TOY_BITS] * TOY_BINADES,
                tol=0,
            )
            self.checkpoint("toy_gap_near_eight", gap.value, expected=toy_gap(probe_end))
            self.checkpoint(
                "largest_double_recalled", printed(largest), expected=largest_double_from_bits()
            )
            self.checkpoint(
                "machine_epsilon_shown", printed(epsilon), expected=epsilon_by_halving()
            )
            self.checkpoint(
                "gap_below_largest_shown", printed(top_gap_text), expected=gap_below_largest()
            )


SCENES = [NumericalStability]
