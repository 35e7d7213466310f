"""12.1 Numerical Stability: softmax of large logits overflowing, fixed by subtracting the max.

Two bar charts side by side: logits [1, 2, 3] and [1000, 1001, 1002]. Exponentiated, the small
ones stay on the chart while the large ones shoot off the top as ``inf``; normalised, the large
ones become ``nan``. Shifting the large logits by their max gives [−2, −1, 0], finite
exponentials and the very same probabilities as the small example. Log-sum-exp is rescued by
the same shift.
"""

from __future__ import annotations

import math
import sys
from decimal import Decimal, getcontext

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, FadeIn, VGroup

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
from mathviz.primitives.bars import BarChart
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout
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
READOUT_TOL_4 = 5e-5
READOUT_TOL_2 = 5e-3


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


def number_text(value: float, fmt: str, color=theme.TEXT):
    """A number written as plain text (sci notation, ``inf``) that can be parsed back."""
    return theme.text(format(value, fmt) if math.isfinite(value) else str(value),
                      size=PANEL_SIZE - 4, color=color)


class NumericalStability(LectureScene):
    chapter_id = "12.1"

    def construct(self) -> None:
        self.open_chapter(
            "Softmax turns a model's raw scores into probabilities. Written straight from "
            "the formula, it breaks on scores as modest as one thousand.")
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
            "does exactly this inside softmax and cross-entropy.")

    # ------------------------------------------------------------------------------------
    def _place(self, chart: BarChart, x: float, title: str) -> VGroup:
        chart.shift(np.array([x - chart.axes.get_center()[0],
                              AXES_TOP - chart.axes.get_top()[1], 0.0]))
        heading = theme.text(title, size=28, color=theme.MUTED)
        heading.move_to(np.array([chart.axes.get_center()[0], AXES_TOP + 0.95, 0.0]))
        return heading

    def logits_beat(self) -> None:
        self.small = BarChart(SMALL, NAMES, y_range=(0, 4, 1), width=CHART_WIDTH,
                              height=CHART_HEIGHT, decimals=0)
        self.large = BarChart(LARGE, NAMES, y_range=(0, 1200, 400), width=CHART_WIDTH,
                              height=CHART_HEIGHT, decimals=0)
        self.small_title = self._place(self.small, -CHART_X, "small logits")
        self.large_title = self._place(self.large, CHART_X, "large logits")
        formula = theme.tex(r"\mathrm{softmax}(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}",
                            size=PANEL_SIZE + 2)
        with self.beat("Two sets of logits: one, two, three on the left, and a thousand, a "
                       "thousand and one, a thousand and two on the right. The gaps between "
                       "them are the same, so softmax should give the same probabilities."):
            self.play(FadeIn(self.small_title), FadeIn(self.large_title))
            self.play(self.small.create(), self.large.create())
            self.play(self.panel.show(formula))
            self.checkpoint("large_logit_heights", self.large.heights_shown(),
                            expected=list(LARGE), tol=DRAW_TOL)

    def exp_beat(self) -> None:
        limits = float_limits()
        # truncated, not rounded: 1.8e308 itself would not fit in a double
        largest = theme.text(f"{limits.largest / 1e308:.6f}"[:5] + "e+308", size=PANEL_SIZE - 4)
        largest_row = VGroup(theme.text("largest float64 ≈", size=PANEL_SIZE - 4), largest)
        largest_row.arrange(RIGHT, buff=0.2)
        e709 = number_text(float(naive_exp([709.0])[0]), ".1e")
        e710 = number_text(float(naive_exp([710.0])[0]), ".1e", color=theme.BAD)
        exp_row = VGroup(theme.tex(r"e^{709} \approx", size=PANEL_SIZE), e709,
                         theme.tex(r"e^{710} =", size=PANEL_SIZE), e710)
        exp_row.arrange(RIGHT, buff=0.2)
        exp_row[2].shift(0.35 * RIGHT)
        exp_row[3].shift(0.35 * RIGHT)
        with self.beat("Exponentiate. e to the three is about twenty, but e to the thousand "
                       "is bigger than the largest double, about 1.8 times ten to the 308. "
                       "Past e to the 709 the float overflows to infinity.", hold=0.5):
            self.play(self.small.morph_to(naive_exp(SMALL), y_range=(0, 24, 8), decimals=2),
                      self.large.morph_to(naive_exp(LARGE), y_range=(0, 24, 8), decimals=2))
            self.play(self.panel.grow(largest_row, exp_row))
            self.checkpoint("small_exp_heights", self.small.heights_shown(),
                            expected=[math.exp(v) for v in SMALL], tol=DRAW_TOL)
            self.checkpoint("small_exp_labels", self.small.labels_shown(),
                            expected=[math.exp(v) for v in SMALL], tol=READOUT_TOL_2)
            self.checkpoint("naive_exp_clipped_bars", int(self.large.clipped_shown().sum()),
                            expected=sum(overflows_in_python(v) for v in LARGE), tol=0)
            self.checkpoint("naive_exp_non_finite", self.large.non_finite_shown(),
                            expected=sum(overflows_in_python(v) for v in LARGE), tol=0)
            self.checkpoint("largest_double_log10", math.log10(float(largest.text)),
                            expected=math.log10(sys.float_info.max), tol=0.02)
            self.checkpoint("exp_709_shown", float(e709.text), expected=math.exp(709),
                            tol=0.051 * math.exp(709))
            self.checkpoint("exp_710_is_inf", float(math.isinf(float(e710.text))),
                            expected=float(overflows_in_python(710.0)), tol=0)

    def naive_softmax_beat(self) -> None:
        count = Readout(r"\text{non-finite entries}", 0, decimals=0, size=PANEL_SIZE,
                        color=theme.BAD)
        naive = naive_softmax(LARGE)
        with self.beat("Now divide. The small logits give clean probabilities. The large ones "
                       "compute infinity over infinity, which is not a number, and a nan "
                       "silently poisons every gradient downstream."):
            self.play(self.small.morph_to(naive_softmax(SMALL), y_range=(0, 1, 0.5), decimals=4),
                      self.large.morph_to(naive, y_range=(0, 1, 0.5), decimals=4))
            self.play(self.panel.show(theme.tex(r"\frac{\infty}{\infty} = \mathrm{nan}",
                                                size=PANEL_SIZE + 2), count))
            self.play(count.change_to(int(np.count_nonzero(np.isnan(naive)))))
            self.checkpoint("naive_softmax_non_finite_readout", count.value,
                            expected=sum(overflows_in_python(v) for v in LARGE), tol=0)
            self.checkpoint("naive_softmax_nan_labels", self.large.non_finite_shown(),
                            expected=len(LARGE), tol=0)
            self.checkpoint("small_probability_labels", self.small.labels_shown(),
                            expected=written_softmax(SMALL), tol=READOUT_TOL_4)

    def shift_beat(self) -> None:
        top = max(LARGE)
        shift_row = theme.tex(r"z - \max_j z_j = z - 1002", size=PANEL_SIZE + 2)
        invariance = theme.tex(r"\frac{e^{z_i - m}}{\sum_j e^{z_j - m}} "
                               r"= \frac{e^{-m} e^{z_i}}{e^{-m} \sum_j e^{z_j}}",
                               size=PANEL_SIZE)
        with self.beat("The fix: subtract the largest logit first. A thousand, a thousand and "
                       "one and a thousand and two become minus two, minus one and zero."):
            self.play(self.large.morph_to(shift_by_max(LARGE), y_range=(-3, 1, 1), decimals=0))
            self.play(self.panel.show(shift_row))
            self.checkpoint("shifted_logits", self.large.heights_shown(),
                            expected=[v - top for v in LARGE], tol=DRAW_TOL)
        with self.beat("Now every exponential lies between zero and one, so nothing can "
                       "overflow. The factor e to the minus m cancels between top and bottom."):
            self.play(self.large.morph_to(np.exp(shift_by_max(LARGE)), y_range=(0, 1, 0.5),
                                          decimals=3))
            self.play(self.panel.grow(invariance))
            self.checkpoint("shifted_exp_heights", self.large.heights_shown(),
                            expected=[math.exp(v - top) for v in LARGE], tol=DRAW_TOL)
            self.checkpoint("shifted_exp_non_finite", self.large.non_finite_shown(),
                            expected=0, tol=0)
        with self.beat("Normalise, and the large logits give exactly the probabilities of the "
                       "small ones: 0.09, 0.24 and 0.67. Softmax only sees the gaps."):
            self.play(self.large.morph_to(stable_softmax(LARGE), decimals=4))
            self.checkpoint("large_probabilities", self.large.heights_shown(),
                            expected=written_softmax(LARGE), tol=DRAW_TOL)
            self.checkpoint("large_probability_labels", self.large.labels_shown(),
                            expected=written_softmax(LARGE), tol=READOUT_TOL_4)
            self.checkpoint("small_probabilities", self.small.heights_shown(),
                            expected=written_softmax(SMALL), tol=DRAW_TOL)
            self.checkpoint("shift_invariance_max_gap",
                            float(np.max(np.abs(self.large.heights_shown()
                                                - self.small.heights_shown()))),
                            expected=0.0, tol=DRAW_TOL)

    def logsumexp_beat(self) -> None:
        identity = theme.tex(r"\log \sum_j e^{z_j} = m + \log \sum_j e^{z_j - m}",
                             size=PANEL_SIZE + 2)
        naive_value = number_text(naive_logsumexp(LARGE), ".4f", color=theme.BAD)
        naive_row = VGroup(theme.tex(r"\text{naive:}\ \log(\infty) =", size=PANEL_SIZE),
                           naive_value).arrange(RIGHT, buff=0.2)
        stable = Readout(r"\text{stable:}\ 1002 + \log(1.5032)", 1002.0, decimals=4,
                         size=PANEL_SIZE, color=theme.GOOD, commas=False)
        epsilon = number_text(float_limits().epsilon, ".2e")
        eps_row = VGroup(theme.text("machine epsilon =", size=PANEL_SIZE - 4), epsilon)
        eps_row.arrange(RIGHT, buff=0.2)
        with self.beat("Log-sum-exp, the normaliser behind cross-entropy, has the same "
                       "problem and the same cure: pull m out of the sum. The naive version "
                       "returns infinity; the shifted one returns about 1002.4076."):
            self.play(self.panel.show(identity, naive_row, stable))
            self.play(stable.change_to(stable_logsumexp(LARGE)))
            self.checkpoint("logsumexp_stable_readout", stable.value,
                            expected=decimal_logsumexp(LARGE), tol=READOUT_TOL_4)
            self.checkpoint("logsumexp_naive_is_inf", float(math.isinf(float(naive_value.text))),
                            expected=float(overflows_in_python(max(LARGE))), tol=0)
        with self.beat("Doubles are a finite grid: nothing above 1.8 times ten to the 308, and "
                       "near one the gap between neighbours is machine epsilon, about 2.2 "
                       "times ten to the minus 16."):
            self.play(self.panel.show(stable.copy(), eps_row))
            self.checkpoint("machine_epsilon_shown", float(epsilon.text),
                            expected=math.ldexp(1.0, -52), tol=1e-19)


SCENES = [NumericalStability]
