"""8.3 Estimation: the likelihood of a coin's bias, and confidence intervals that cover.

Ten tosses land seven heads and three tails. A probe slides along p from 0.05 to 0.95 and
traces the likelihood L(p) = p⁷(1 − p)³ as it goes, its height and a riding tangent read
back through the axes; back at a fair coin L is about 0.001, and at p = 0.7 the tangent
lies flat on the peak: the maximum likelihood estimate p̂ = 0.7 (log-likelihood and its
derivative confirm it). Then confidence intervals: a movie's ratings (1–5 stars) have a true
mean of 3.7; forty samples of thirty viewers (seeded) each give a 95 % t interval, stacked as
a ladder under a dashed line at 3.7. The counts of covering and missing intervals are read
from the drawn colours as the rungs come in; 38 of 40 cover, 95 %.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from fractions import Fraction
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
    Circle,
    Circumscribe,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    GrowFromCenter,
    Line,
    Mobject,
    ShowPassingFlash,
    VGroup,
    VMobject,
    Write,
)
from scipy import optimize, stats

from mathviz import theme
from mathviz.maths.estimation import CoinLikelihood, RepeatedSamples
from mathviz.primitives.bars import BarChart
from mathviz.primitives.calculus import back_tick_labels
from mathviz.primitives.interval_ladder import HIT_COLOR, MISS_COLOR, IntervalLadder, SampleDots
from mathviz.primitives.likelihood import HEADS_COLOR, TAILS_COLOR, CoinRow, LikelihoodTracer
from mathviz.primitives.readout import Readout
from mathviz.readings import derived, printed
from mathviz.scene import LectureScene
from mathviz.theme import at

#: the tosses: seven heads, three tails
TOSSES = ("H", "H", "T", "H", "H", "H", "T", "H", "T", "H")
MODEL = CoinLikelihood(TOSSES.count("H"), len(TOSSES))
#: the probe's journey: in from the left, across, back to a fair coin, up to the peak
P_START, P_FAR, P_FAIR = 0.1, 0.92, 0.5

#: the population: a movie's star ratings and how often each is given (mean 3.7)
STARS = (1.0, 2.0, 3.0, 4.0, 5.0)
SHARES = (0.05, 0.10, 0.20, 0.40, 0.25)
VIEWERS, SAMPLES, SEED, LEVEL = 30, 40, 3, 0.95
#: the rungs revealed at each step of the story
FIRST_BATCH, SECOND_BATCH = 12, 30

#: the right-hand column's left edge
PANEL_LEFT = 2.75
TOL = 1e-6

P = sp.symbols("p")
L_EXPR = P**7 * (1 - P) ** 3
#: L and L′ from the formula (sympy): the readouts' truth, apart from the drawing's model
sympy_l = sp.lambdify(P, L_EXPR, "math")
sympy_dl = sp.lambdify(P, sp.diff(L_EXPR, P), "math")


def scipy_mle() -> float:
    """The p that maximises the likelihood, found numerically (minus log L, bounded)."""
    found = optimize.minimize_scalar(
        lambda p: -(7 * np.log(p) + 3 * np.log1p(-p)),
        bounds=(1e-6, 1 - 1e-6),
        method="bounded",
        options={"xatol": 1e-10},
    )
    return float(found.x)


class Estimation(LectureScene):
    chapter_id = "8.3"

    def construct(self) -> None:
        self.open_chapter("Seven heads in ten tosses: how biased is the coin?")
        self.tosses_beat()
        self.likelihood_beats()
        self.play(FadeOut(*self.mobjects), run_time=0.7)
        self.ladder_beats()
        self.close_chapter(
            "Estimate by the likelihood's peak;  trust an interval by its procedure.",
            "Maximum likelihood picks the parameter that makes the data most probable, and a "
            "confidence interval says how far a fresh sample could move it. Next, hypothesis "
            "testing.",
        )

    # --- the tosses and the likelihood ----------------------------------------------------
    def tosses_beat(self) -> None:
        coins = CoinRow(TOSSES, radius=0.3)
        coins.move_to(at(-6.4, 3.3), aligned_edge=LEFT)
        axes = Axes(
            x_range=(0, 1, 0.1),
            y_range=(0, 0.0025, 0.001),
            x_length=8.0,
            y_length=5.2,
            axis_config={"color": theme.MUTED, "include_numbers": False},
            tips=False,
        )
        axes.x_axis.add_numbers([0.2, 0.4, 0.6, 0.8, 1.0], num_decimal_places=1, font_size=24)
        axes.y_axis.add_numbers([0.001, 0.002], num_decimal_places=3, font_size=24)
        back_tick_labels(axes)
        axes.shift(at(-5.5, -3.2) - axes.c2p(0, 0))
        names = VGroup(
            theme.tex("p", size=36, color=theme.MUTED).next_to(axes.c2p(1.0, 0), RIGHT, 0.2),
            theme.tex("L(p)", size=34, color=theme.CURVE).next_to(axes.c2p(0, 0.0025), RIGHT, 0.25),
        )
        tracer = LikelihoodTracer(axes, MODEL, P_START, tangent_length=1.5)
        self.coins, self.axes, self.tracer = coins, axes, tracer
        heads = Readout(r"\text{heads}", 0, decimals=0, size=36, color=HEADS_COLOR)
        tails = Readout(r"\text{tails}", 0, decimals=0, size=36, color=TAILS_COLOR)
        tally = VGroup(heads, tails).arrange(RIGHT, buff=0.6).move_to(at(1.75, 3.3), LEFT)
        heads.follow(coins.heads_shown)
        tails.follow(coins.tails_shown)
        with (
            self.invariant(
                "heads readout counts the heads drawn", lambda: (heads.value, coins.heads_shown())
            ),
            self.invariant(
                "tails readout counts the tails drawn", lambda: (tails.value, coins.tails_shown())
            ),
            self.beat(
                "Here are the ten tosses: seven heads and three tails. Call the coin's unknown "
                "chance of heads p; any value from zero to one is a candidate."
            ) as b,
        ):
            self.play(FadeIn(tally), run_time=0.5)
            b.say(0, coins.create())
            b.say(1, AnimationGroup(Create(axes), FadeIn(names), tracer.create(), lag_ratio=0.6))
            self.checkpoint("heads_drawn", coins.heads_shown(), expected=TOSSES.count("H"))
            self.checkpoint("tails_drawn", coins.tails_shown(), expected=TOSSES.count("T"))
            self.checkpoint("heads_readout", heads.value, expected=TOSSES.count("H"))
        heads.stop_following()
        tails.stop_following()

    def likelihood_beats(self) -> None:
        tracer = self.tracer
        formula = theme.tex(r"L(p) = p^{7}\,(1-p)^{3}", size=46)
        formula.move_to(at(PANEL_LEFT, 2.25), aligned_edge=LEFT)
        p_read = Readout("p", P_START, decimals=2, size=40, color=theme.DOT)
        l_read = Readout("L(p)", 0.0, decimals=4, size=40, color=theme.CURVE)
        readouts = VGroup(p_read, l_read).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        readouts.move_to(at(PANEL_LEFT, 0.75), aligned_edge=LEFT)
        # p has a descender: put its digits where L(p)'s sit relative to the "=" sign
        rise = l_read.number.get_y() - l_read.label[0][-1].get_y()
        p_read.number.set_y(p_read.label[0][-1].get_y() + rise)
        dot = tracer.dot_shown
        p_read.follow(lambda: dot()[0])
        l_read.follow(lambda: dot()[1])
        with contextlib.ExitStack() as held:
            for name, read, tol in (
                ("p readout equals the probe's p", lambda: (p_read.value, dot()[0]), None),
                (
                    "L readout is the likelihood at the probe",
                    lambda: (l_read.value, l_at(dot)),
                    None,
                ),
                ("the probe rides the traced curve", lambda: (height_ratio(tracer), 1.0), 1e-3),
                (
                    "the tangent has the curve's slope",
                    lambda: (tracer.tangent_direction_shown(), tangent_direction(tracer)),
                    TOL,
                ),
            ):
                held.enter_context(self.invariant(name, read, tol=tol))
            with self.beat(
                "The likelihood of p is the probability of exactly these tosses if the chance "
                "were p: p to the seventh times one minus p, cubed. Slide p from left to right, "
                "and the curve traces itself out under the dot."
            ) as b:
                b.say(0, Write(formula), FadeIn(readouts))
                b.say(1, tracer.slide_to(P_FAR))
                self.checkpoint(
                    "traced_height_at_0.3",
                    tracer.trail_height_at(0.3),
                    expected=float(Fraction(3, 10) ** 7 * Fraction(7, 10) ** 3),
                    tol=1e-7,
                )
            with self.beat(
                "Back at a fair coin, p equals one half, the likelihood is only about 0.001. "
                "Further right the curve climbs to more than twice that."
            ) as b:
                b.say(0, tracer.slide_to(P_FAIR))
                self.checkpoint("L_readout_fair", l_read.value, expected=float(Fraction(1, 2**10)))
                self.checkpoint("p_readout_fair", p_read.value, expected=0.5)
                b.say(1, tracer.slide_to(MODEL.mle))
            self.peak_beats(p_read, l_read)

    def peak_beats(self, p_read: Readout, l_read: Readout) -> None:
        tracer, axes = self.tracer, self.axes
        mle = scipy_mle()
        drop = tracer.peak_marker()
        hat = theme.tex(r"\hat p = 0.7", size=40, color=theme.ACCENT)
        hat.next_to(axes.c2p(MODEL.mle, 0.0), UP, buff=0.25).shift(1.0 * RIGHT)
        with self.beat(
            "At the top the tangent lies flat: its slope is zero at p equals 0.7, seven heads "
            "out of ten. That peak is the maximum likelihood estimate, p hat."
        ) as b:
            b.say(0, tracer.flash_tangent(), Create(drop))
            b.say(1, Write(hat), Circumscribe(tracer.dot, color=theme.ACCENT, shape=Circle))
            self.checkpoint("p_hat_dot", tracer.dot_shown()[0], expected=mle, tol=1e-6)
            self.checkpoint("p_hat_label", printed(hat), expected=mle)
            self.checkpoint("traced_peak", tracer.trail_peak_shown(), expected=mle, tol=0.003)
            self.checkpoint("slope_at_peak", tracer.slope_shown(), expected=0.0, tol=1e-9)
            self.checkpoint("L_readout_peak", l_read.value, expected=sympy_l(mle))
            self.checkpoint("p_readout_peak", p_read.value, expected=mle)
        log_l = theme.tex(r"\log L = 7\log p + 3\log(1-p)", size=32)
        slope = theme.tex(
            r"\frac{7}{p} - \frac{3}{1-p} = 0", r"\;\Rightarrow\; p = \frac{7}{10}", size=32
        )
        VGroup(log_l, slope).arrange(DOWN, aligned_edge=LEFT, buff=0.4).move_to(
            at(PANEL_LEFT - 0.2, -1.35), aligned_edge=LEFT
        )
        with self.beat(
            "Logs turn the product into a sum, seven log p plus three log of one minus p, "
            "with its peak in the same place. Left of the peak the slope is positive, right of "
            "it negative, and seven over p minus three over one minus p is zero at seven tenths."
        ) as b:
            b.say(0, Write(log_l))
            b.say(1, tracer.tour([0.6, 0.8, MODEL.mle]), Write(slope))
            self.checkpoint("p_hat_after_tour", tracer.dot_shown()[0], expected=mle, tol=1e-6)

    # --- confidence intervals -------------------------------------------------------------
    def ladder_beats(self) -> None:
        draws = RepeatedSamples(STARS, SHARES, VIEWERS, SAMPLES, np.random.default_rng(SEED), LEVEL)
        axes = Axes(
            x_range=(2.6, 4.8, 0.2),
            y_range=(0, SAMPLES + 1, 1),
            x_length=8.6,
            y_length=6.4,
            axis_config={"color": theme.MUTED, "include_numbers": False},
            tips=False,
        )
        axes.x_axis.add_numbers([2.6, 3.0, 3.4, 3.8, 4.2, 4.6], num_decimal_places=1, font_size=24)
        axes.shift(at(-6.3, -2.85) - axes.c2p(2.6, 0))
        replayed = replay_samples()
        ladder = IntervalLadder(axes, draws.intervals, draws.means, draws.true_mean, draws.covers)
        stars = theme.text("average rating", size=theme.LABEL_SIZE, color=theme.MUTED)
        stars.next_to(axes.x_axis.numbers, DOWN, buff=0.12).set_x(axes.c2p(3.7, 0)[0])
        formula = theme.tex(r"\bar x \,\pm\, t\,\frac{s}{\sqrt{n}}", size=46)
        formula.move_to(at(PANEL_LEFT, 2.9), aligned_edge=LEFT)
        viewers = theme.tex(r"n = 30\ \text{viewers}", size=36, color=theme.MUTED)
        viewers.next_to(formula, DOWN, buff=0.35, aligned_edge=LEFT)
        self.declare_shown(viewers, "the sample size, the brief's setting")
        truth_key = VGroup(
            Line(ORIGIN3, 0.5 * RIGHT, stroke_color=theme.ACCENT, stroke_width=3),
            theme.tex(r"\text{true mean } 3.7", size=34, color=theme.ACCENT),
        ).arrange(RIGHT, buff=0.2)
        truth_key.move_to(at(PANEL_LEFT, 1.25), aligned_edge=LEFT)
        drawn = Readout(r"\text{samples}", 0, decimals=0, size=36)
        covering = Readout(r"\text{cover}", 0, decimals=0, size=36, color=HIT_COLOR)
        missing = Readout(r"\text{miss}", 0, decimals=0, size=36, color=MISS_COLOR)
        share = Readout(r"\text{share}", 100.0, decimals=1, size=40, unit=r"\%")
        counts = VGroup(drawn, covering, missing, share).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        counts.move_to(at(PANEL_LEFT, -1.6), aligned_edge=LEFT)
        drawn.follow(ladder.drawn_shown)
        covering.follow(ladder.covering_shown)
        missing.follow(ladder.missing_shown)
        share.follow(lambda: share_of(ladder))
        self.counts = VGroup(drawn, covering, missing, share)
        chart = BarChart(
            SHARES,
            [str(int(v)) for v in STARS],
            y_range=(0, 0.4, 0.2),
            width=3.4,
            height=1.9,
            decimals=2,
            colors=[theme.AREA] * len(STARS),
            font_size=22,
        )
        chart.move_to(at(PANEL_LEFT + 0.1, -1.15), aligned_edge=LEFT)
        given = theme.text("stars given", size=theme.SMALL_SIZE, color=theme.MUTED)
        given.next_to(chart.names, DOWN, buff=0.12)
        with self.beat(
            "An estimate is one number; a confidence interval says how far off it might be. "
            "Take a movie whose viewers give one to five stars in these shares: their true "
            "average is 3.7, the dashed line."
        ) as b:
            b.say(0, Create(axes.x_axis), FadeIn(stars))
            b.say(
                1,
                AnimationGroup(
                    AnimationGroup(chart.create(), FadeIn(given)),
                    AnimationGroup(ladder.create_truth(), FadeIn(truth_key)),
                    lag_ratio=0.6,
                ),
            )
            self.checkpoint("population_shares", chart.labels_shown(), expected=list(SHARES))
            self.checkpoint(
                "population_bars", chart.heights_shown(), expected=list(SHARES), tol=TOL
            )
            self.checkpoint(
                "true_mean_line", ladder.truth_shown(), expected=ratings_mean(), tol=TOL
            )
            self.checkpoint("true_mean_key", printed(truth_key[1]), expected=ratings_mean())
        with contextlib.ExitStack() as held:
            for name, read in (
                (
                    "samples readout counts the drawn intervals",
                    lambda: (drawn.value, ladder.drawn_shown()),
                ),
                (
                    "cover readout counts the covering colour",
                    lambda: (covering.value, ladder.covering_shown()),
                ),
                (
                    "miss readout counts the missing colour",
                    lambda: (missing.value, ladder.missing_shown()),
                ),
                ("share readout is cover over samples", lambda: (share.value, share_of(ladder))),
            ):
                held.enter_context(self.invariant(name, read))
            held.enter_context(
                self.invariant(
                    "every colour tells whether its interval covers the line",
                    lambda: (ladder.colour_errors_shown(), 0),
                )
            )
            self.first_sample_beat(ladder, replayed[0], VGroup(chart, given), formula, viewers)
            with self.beat(
                "Now repeat with fresh viewers, forty times. Each sample lands somewhere else, "
                "and its interval moves with it."
            ) as b:
                b.say(0, ladder.reveal(FIRST_BATCH), FadeOut(self.dot_plot))
                b.say(1, ladder.reveal(SECOND_BATCH))
            with self.beat(
                "Most intervals catch the true mean, but two of these forty miss it and are "
                "drawn in red. Thirty eight of forty is 95 percent."
            ) as b:
                b.say(0, ladder.reveal(SAMPLES))
                b.say(1, ladder.pulse_misses(), Circumscribe(share, color=theme.ACCENT))
                expected = np.array([scipy_t_interval(row) for row in replayed])
                self.checkpoint(
                    "all_interval_ends", ladder.ends_shown(), expected=expected, tol=TOL
                )
                means = [float(np.mean(row)) for row in replayed]
                self.checkpoint("means_drawn", ladder.means_shown(), expected=means, tol=TOL)
                covered = [bool(lo <= ratings_mean() <= hi) for lo, hi in expected]
                self.checkpoint("covering_count", ladder.covering_shown(), expected=sum(covered))
                self.checkpoint(
                    "share_readout", share.value, expected=100 * sum(covered) / len(covered)
                )
            with self.beat(
                "The 95 percent is a promise about the procedure, not about any one interval. "
                "Each drawn interval either holds 3.7 or it does not."
            ) as b:
                b.say(0, ShowPassingFlash(ladder.truth.copy().set_stroke(width=8), time_width=0.4))
                b.say(1, ladder.pulse_misses())
        for readout in (drawn, covering, missing, share):
            readout.stop_following()  # nothing moves any more; the end card clears them

    def first_sample_beat(
        self,
        ladder: IntervalLadder,
        sample: np.ndarray,
        chart: VGroup,
        formula: VMobject,
        viewers: Mobject,
    ) -> None:
        """One sample of thirty ratings as a dot plot, its mean, and its interval."""
        axes = Axes(
            x_range=(0.5, 5.5, 1),
            y_range=(0, 15, 1),
            x_length=3.8,
            y_length=2.4,
            axis_config={"color": theme.MUTED, "include_numbers": False, "include_ticks": False},
            tips=False,
        )
        axes.x_axis.add_numbers([1, 2, 3, 4, 5], num_decimal_places=0, font_size=24)
        axes.shift(at(-6.4, 0.95) - axes.c2p(0.5, 0))
        dots = SampleDots(axes, sample)
        title = theme.text("30 ratings", size=theme.LABEL_SIZE, color=theme.MUTED)
        title.move_to(at(-6.3, 3.1), aligned_edge=LEFT)
        mean_dot = Dot(axes.c2p(dots.mean_shown(), 0), radius=0.09, color=theme.ACCENT)
        mean_label = theme.tex(
            rf"\bar x = {float(np.mean(sample)):.2f}", size=34, color=theme.ACCENT
        )
        mean_label.next_to(axes.x_axis.numbers, DOWN, buff=0.15).set_x(mean_dot.get_x())
        self.dot_plot = VGroup(axes.x_axis, dots, title, mean_dot, mean_label)
        drawn, covering, missing, share = self.counts
        with self.beat(
            "Ask thirty viewers: here are their ratings, and their average, 3.57. Reach t times "
            "s over root n to each side of that average, and you have a 95 percent interval "
            "for the mean."
        ) as b:
            self.play(FadeOut(chart), FadeIn(viewers), Create(axes.x_axis), run_time=0.8)
            b.say(0, AnimationGroup(dots.create(), FadeIn(title), lag_ratio=0.0))
            self.play(GrowFromCenter(mean_dot), Write(mean_label), run_time=0.8)
            self.checkpoint("sample_dots", dots.dots_shown(), expected=len(sample))
            self.checkpoint(
                "sample_mean_dots", dots.mean_shown(), expected=float(np.mean(sample)), tol=TOL
            )
            self.checkpoint(
                "sample_mean_label", printed(mean_label), expected=float(np.mean(sample))
            )
            self.play(FadeIn(VGroup(drawn, covering, missing)), run_time=0.5)
            fly = mean_dot.copy()
            b.say(1, Write(formula), ladder.reveal(1), fly.animate.move_to(ladder.rungs[0][1]))
            self.remove(fly)
            self.play(FadeIn(share), run_time=0.5)
            first = scipy_t_interval(sample)
            self.checkpoint("first_interval_ends", ladder.ends_shown()[0], expected=first, tol=TOL)


ORIGIN3 = np.zeros(3)


def l_at(dot: Callable[[], Any]) -> float:
    """L at the probe's drawn p, from the formula (sympy)."""
    return float(sympy_l(float(dot()[0])))


def tangent_direction(tracer: LikelihoodTracer) -> np.ndarray:
    """The unit direction on screen of a line with slope L′ (sympy) at the probe's drawn p."""
    p = float(tracer.dot_shown()[0])
    height, slope = float(sympy_l(p)), float(sympy_dl(p))
    step = tracer.axes.c2p(p + 1.0, height + slope) - tracer.axes.c2p(p, height)
    return np.asarray(step[:2] / np.linalg.norm(step[:2]), dtype=float)


def height_ratio(tracer: LikelihoodTracer) -> Any:
    """The probe's drawn height over the traced curve's drawn height at its p."""
    dot = tracer.dot_shown()
    under = tracer.trail_height_at(float(dot[0]))
    return derived("dot height / traced height at its p", float(dot[1]) / float(under), dot, under)


def replay_samples() -> list[np.ndarray]:
    """The forty samples again, one ``choice`` call per sample from the same seed."""
    rng = np.random.default_rng(SEED)
    return [rng.choice(np.array(STARS), size=VIEWERS, p=SHARES) for _ in range(SAMPLES)]


def share_of(ladder: IntervalLadder) -> Any:
    """The share of drawn intervals in the covering colour, in percent (100 before any)."""
    n, hits = ladder.drawn_shown(), ladder.covering_shown()
    return derived("100 × covering / drawn", 100.0 * hits / n if n else 100.0, n, hits)


def ratings_mean() -> float:
    """Σ stars × share, in exact fractions."""
    return float(
        sum(Fraction(str(s)) * Fraction(str(w)) for s, w in zip(STARS, SHARES, strict=True))
    )


def scipy_t_interval(sample: np.ndarray) -> list[float]:
    """The t interval from scipy.stats (its own quantile and standard error)."""
    low, high = stats.t.interval(
        LEVEL, len(sample) - 1, loc=np.mean(sample), scale=stats.sem(sample)
    )
    return [float(low), float(high)]


SCENES = [Estimation]
