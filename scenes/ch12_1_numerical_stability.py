"""12.1 Numerical Stability: softmax of large logits overflowing, fixed by subtracting the max.

Two bar charts side by side: logits [1, 2, 3] and [1000, 1001, 1002]. Exponentiated, the small
ones stay on the chart while the large ones shoot off the top as ``inf``; normalised, the large
ones become ``nan``. Shifting the large logits by their max gives [−2, −1, 0], finite
exponentials and the very same probabilities as the small example. Log-sum-exp is rescued by
the same shift.
"""

from __future__ import annotations

import math
from decimal import Decimal, getcontext

import numpy as np
from manim import RIGHT, FadeIn, Indicate, Text, VGroup

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
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout
from mathviz.readings import derived, printed
from mathviz.scene import LectureScene

SMALL = (1.0, 2.0, 3.0)
LARGE = (1000.0, 1001.0, 1002.0)
NAMES = ("z_1", "z_2", "z_3")

CHART_WIDTH, CHART_HEIGHT = 5.0, 2.9
CHART_X = 3.45
AXES_TOP = 2.4
PANEL_ANCHOR = (-6.5, -1.3, 0.0)
PANEL_SIZE = 34

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
    return float(sum(Decimal(v).exp() for v in z).ln())


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


def number_text(value: float, fmt: str, color=theme.TEXT):
    """A number written as plain text (sci notation, ``inf``) that can be parsed back."""
    return theme.text(
        format(value, fmt) if math.isfinite(value) else str(value), size=PANEL_SIZE - 4, color=color
    )


def largest_double_row() -> tuple[VGroup, Text]:
    """``largest float64 ≈ 1.79769e+308`` and its number (rounded to 5 decimals, the precision
    at which the rounded value is itself below the largest double and parses back)."""
    largest = number_text(float_limits().largest, ".5e")
    row = VGroup(theme.text("largest float64 ≈", size=PANEL_SIZE - 4), largest)
    row.arrange(RIGHT, buff=0.2)
    return row, largest


class NumericalStability(LectureScene):
    chapter_id = "12.1"

    def construct(self) -> None:
        self.open_chapter(
            "Softmax turns a model's raw scores into probabilities. Written straight from "
            "the formula, it breaks on scores as modest as one thousand."
        )
        self.panel = Panel(anchor=PANEL_ANCHOR, row_buff=0.28)
        self.logits_beat()
        self.exp_beat()
        self.naive_softmax_beat()
        self.shift_beat()
        self.logsumexp_beat()
        self.close_chapter(
            "Subtract the max before you exponentiate.",
            "Softmax does not care where the logits sit, only how far apart they are; "
            "shifting by the max costs nothing and makes it safe. Every deep-learning library "
            "does exactly this inside softmax and cross-entropy.",
        )

    # ------------------------------------------------------------------------------------
    def _place(self, chart: BarChart, x: float, title: str) -> VGroup:
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
            r"\mathrm{softmax}(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}", size=PANEL_SIZE + 2
        )
        with self.beat(
            "Two sets of logits: one, two, three on the left, and a thousand, a "
            "thousand and one, a thousand and two on the right. The gaps between "
            "them are the same, so softmax should give the same probabilities."
        ):
            self.play(FadeIn(self.small_title), FadeIn(self.large_title))
            self.play(self.small.create(), self.large.create())
            self.play(self.panel.show(formula))
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
        largest_row, largest = largest_double_row()
        e709 = number_text(float(naive_exp([709.0])[0]), ".1e")
        e710 = number_text(float(naive_exp([710.0])[0]), ".1e", color=theme.BAD)
        exp_row = VGroup(
            theme.tex(r"e^{709} \approx", size=PANEL_SIZE),
            e709,
            theme.tex(r"e^{710} =", size=PANEL_SIZE),
            e710,
        )
        exp_row.arrange(RIGHT, buff=0.2)
        exp_row[2].shift(0.35 * RIGHT)
        exp_row[3].shift(0.35 * RIGHT)
        with self.beat(
            "Exponentiate. e to the three is about twenty, but e to the thousand "
            "is bigger than the largest double, about 1.8 times ten to the 308. "
            "Past e to the 709 the float overflows to infinity.",
            hold=0.5,
        ):
            self.play(
                self.small.morph_to(naive_exp(SMALL), y_range=(0, 24, 8), decimals=2),
                self.large.morph_to(naive_exp(LARGE), y_range=(0, 24, 8), decimals=2),
            )
            self.play(self.panel.grow(largest_row, exp_row))
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
                infinities_shown([e710]),
                expected=int(overflows_in_python(710.0)),
                tol=0,
            )

    def naive_softmax_beat(self) -> None:
        count = Readout(
            r"\text{non-finite entries}", 0, decimals=0, size=PANEL_SIZE, color=theme.BAD
        )
        naive = naive_softmax(LARGE)
        with self.beat(
            "Now divide. The small logits give clean probabilities. The large ones "
            "compute infinity over infinity, which is not a number, and a nan "
            "silently poisons every gradient downstream."
        ):
            self.play(
                self.small.morph_to(naive_softmax(SMALL), y_range=(0, 1, 0.5), decimals=4),
                self.large.morph_to(naive, y_range=(0, 1, 0.5), decimals=4),
            )
            self.play(
                self.panel.show(
                    theme.tex(r"\frac{\infty}{\infty} = \mathrm{nan}", size=PANEL_SIZE + 2), count
                )
            )
            # a count jumps: 0, then 3 (no 1 or 2 mid-animation)
            self.play(count.step_to(int(np.count_nonzero(np.isnan(naive)))))
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

    def shift_beat(self) -> None:
        top = max(LARGE)
        shift_row = theme.tex(r"z - \max_j z_j = z - 1002", size=PANEL_SIZE + 2)
        invariance = theme.tex(
            r"\frac{e^{z_i - m}}{\sum_j e^{z_j - m}} "
            r"= \frac{e^{-m} e^{z_i}}{e^{-m} \sum_j e^{z_j}}",
            size=PANEL_SIZE,
        )
        with self.beat(
            "The fix: subtract the largest logit first. A thousand, a thousand and "
            "one and a thousand and two become minus two, minus one and zero."
        ):
            self.play(self.large.morph_to(shift_by_max(LARGE), y_range=(-3, 1, 1), decimals=0))
            self.play(self.panel.show(shift_row))
            self.checkpoint(
                "shifted_logits",
                self.large.heights_shown(),
                expected=[v - top for v in LARGE],
                tol=DRAW_TOL,
            )
            self.checkpoint(
                "shifted_logit_labels", self.large.labels_shown(), expected=[v - top for v in LARGE]
            )
        with self.beat(
            "Now every exponential lies between zero and one, so nothing can "
            "overflow. The factor e to the minus m cancels between top and bottom."
        ):
            self.play(
                self.large.morph_to(np.exp(shift_by_max(LARGE)), y_range=(0, 1, 0.5), decimals=3)
            )
            self.play(self.panel.grow(invariance))
            self.checkpoint(
                "shifted_exp_heights",
                self.large.heights_shown(),
                expected=[math.exp(v - top) for v in LARGE],
                tol=DRAW_TOL,
            )
            self.checkpoint(
                "shifted_exp_labels",
                self.large.labels_shown(),
                expected=[decimal_exp(v - top) for v in LARGE],
            )
            self.checkpoint(
                "shifted_exp_non_finite", self.large.non_finite_shown(), expected=0, tol=0
            )
        with self.beat(
            "Normalise, and the large logits give exactly the probabilities of the "
            "small ones: 0.09, 0.24 and 0.67. Softmax only sees the gaps."
        ):
            self.play(self.large.morph_to(stable_softmax(LARGE), decimals=4))
            self.checkpoint(
                "large_probabilities",
                self.large.heights_shown(),
                expected=written_softmax(LARGE),
                tol=DRAW_TOL,
            )
            self.checkpoint(
                "large_probability_labels",
                self.large.labels_shown(),
                expected=written_softmax(LARGE),
            )
            self.checkpoint(
                "small_probabilities",
                self.small.heights_shown(),
                expected=written_softmax(SMALL),
                tol=DRAW_TOL,
            )
            large_bars, small_bars = self.large.heights_shown(), self.small.heights_shown()
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

    def logsumexp_beat(self) -> None:
        identity = theme.tex(
            r"\log \sum_j e^{z_j} = m + \log \sum_j e^{z_j - m}", size=PANEL_SIZE + 2
        )
        naive_value = number_text(naive_logsumexp(LARGE), ".4f", color=theme.BAD)
        naive_row = VGroup(
            theme.tex(r"\text{naive:}\ \log(\infty) =", size=PANEL_SIZE), naive_value
        ).arrange(RIGHT, buff=0.2)
        stable = Readout(
            r"\text{stable:}\ 1002 + \log \textstyle\sum_j e^{z_j - 1002}",
            stable_logsumexp(LARGE),
            decimals=4,
            size=PANEL_SIZE,
            color=theme.GOOD,
            commas=False,
        )
        largest_row, largest = largest_double_row()
        epsilon = number_text(float_limits().epsilon, ".2e")
        eps_row = VGroup(theme.text("machine epsilon =", size=PANEL_SIZE - 4), epsilon)
        eps_row.arrange(RIGHT, buff=0.2)
        with self.beat(
            "Log-sum-exp, the normaliser behind cross-entropy, has the same "
            "problem and the same cure: pull m out of the sum. The naive version "
            "returns infinity; the shifted one returns about 1002.4076."
        ):
            self.play(self.panel.show(identity, naive_row, stable))
            self.play(Indicate(stable.number, color=theme.GOOD))
            self.checkpoint(
                "logsumexp_stable_readout", stable.value, expected=decimal_logsumexp(LARGE)
            )
            self.checkpoint(
                "logsumexp_naive_is_inf",
                infinities_shown([naive_value]),
                expected=int(overflows_in_python(max(LARGE))),
                tol=0,
            )
        with self.beat(
            "Doubles are a finite grid: nothing above 1.8 times ten to the 308, and "
            "near one the gap between neighbours is machine epsilon, about 2.2 "
            "times ten to the minus 16."
        ):
            self.play(self.panel.show(largest_row, eps_row))
            self.checkpoint(
                "largest_double_recalled", printed(largest), expected=largest_double_from_bits()
            )
            self.checkpoint(
                "machine_epsilon_shown", printed(epsilon), expected=epsilon_by_halving()
            )


SCENES = [NumericalStability]
