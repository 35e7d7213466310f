"""8.2 Sampling Theory: averages of a skewed population pile up into a bell whose spread is
σ/√n.

Request latencies are exponential with mean μ = 2 s and σ = 2 s (drawn as a density on top).
Samples of n requests are drawn from one seeded generator; each sample's dots fly out of the
population, slide together to their average, and only that average drops onto a second,
aligned axis as a tile. Two hundred tiles per n (1, 4, 16, 64) pile up in bins of 0.2 s, each
tile worth 1/(200 · 0.2) of density, so every pile has area one and sits under the normal
curve N(μ, σ²/n). When n grows the old pile stays as a grey outline. A table collects n,
σ/√n (2, 1, 0.5, 0.25: halving as n quadruples) and the pile's mean and spread, measured
from the drawn tiles while they land.
"""

from __future__ import annotations

import contextlib
import math

import numpy as np
import scipy.stats
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    Circumscribe,
    Create,
    DashedLine,
    DoubleArrow,
    FadeIn,
    FadeOut,
    Indicate,
    ShowPassingFlash,
    Succession,
    VGroup,
    Write,
)

from mathviz import theme
from mathviz.maths.sampling import (
    Binning,
    ExponentialPopulation,
    SampleMeans,
    draw_sample_means,
)
from mathviz.primitives.plots import number_edges
from mathviz.primitives.readout import Readout
from mathviz.primitives.sample_pile import MeanPile, NormalOverlay, PopulationPlot, SpreadTable
from mathviz.readings import derived, printed
from mathviz.scene import LectureScene

#: the population, the generator's seed, how many means per pile, the sample sizes
MEAN, SEED, TOTAL, SIZES = 2.0, 11, 200, (1, 4, 16, 64)
#: bins of 0.2 s over the drawn axis; seed 11 keeps all 200 single draws (n = 1) below 10 s
BINNING = Binning(0.0, 10.0, 0.2)
#: both plots share one x scale, so a mean drops straight down
X_RANGE, UNIT, LEFT_EDGE = (-2.0, 10.0, 2.0), 0.68, -6.25
POP_FLOOR, PILE_FLOOR = 1.35, -3.3
#: the right-hand panel: its left edge and the table's columns
PANEL = 2.5
COLUMNS = (PANEL, 3.3, 4.55, 5.75)
#: how many samples arrive one by one before the rest rain down
SLOW = {1: 3, 4: 2, 16: 1, 64: 1}
#: expected values by another route than the drawing: scipy's exponential distribution
EXPON = scipy.stats.expon(scale=MEAN)
CELL_COLORS = (theme.TEXT, theme.HYPOTHESIS, theme.GOOD, theme.ACCENT)


def binned(means: np.ndarray) -> tuple[np.ndarray, float, float]:
    """Bin counts (numpy's histogram) and the mean and spread of the binned pile."""
    edges = np.linspace(BINNING.lo, BINNING.hi, BINNING.bins + 1)
    counts, _ = np.histogram(means, bins=edges)
    centres = (edges[:-1] + edges[1:]) / 2
    mean = float(np.sum(counts * centres) / counts.sum())
    spread = math.sqrt(float(np.sum(counts * (centres - mean) ** 2) / counts.sum()))
    return counts, mean, spread


def plot_axes(y_range: tuple[float, float, float], height: float, floor: float) -> Axes:
    axes = Axes(
        x_range=X_RANGE,
        y_range=y_range,
        x_length=UNIT * (X_RANGE[1] - X_RANGE[0]),
        y_length=height,
        tips=False,
        axis_config={"color": theme.MUTED, "stroke_width": 2},
    )
    axes.shift(np.array([LEFT_EDGE, floor, 0.0]) - axes.c2p(X_RANGE[0], 0.0))
    return axes


class SamplingTheory(LectureScene):
    chapter_id = "8.2"

    def construct(self) -> None:
        self.open_chapter("Every metric you report is an average. How much does it wobble?")
        self.rng = np.random.default_rng(SEED)
        self.lifts = np.random.default_rng(SEED + 1)  # where the dots start: decoration only
        self.population_beat()
        self.held = contextlib.ExitStack()
        self.first_pile_beats()
        for n in SIZES[1:]:
            self.pile_beats(n)
        self.held.close()
        self.count.stop_following()
        self.summary_beat()
        self.close_chapter(
            "An average's error shrinks like σ/√n.",
            "That is why a split test needs thousands of users, and why one benchmark run "
            "is never enough. Next, estimation.",
        )

    # --- the population ---------------------------------------------------------------------
    def population_beat(self) -> None:
        self.population = ExponentialPopulation(MEAN)
        self.pop_axes = plot_axes((0.0, 0.5, 0.25), 2.1, POP_FLOOR)
        number_edges(self.pop_axes)
        self.pop_axes.y_axis.remove(self.pop_axes.y_axis.numbers)
        plot = PopulationPlot(self.pop_axes, self.population)
        label = theme.text("latency of one request, seconds", size=theme.SMALL_SIZE)
        label.move_to(self.pop_axes.c2p(10.0, 0.47), aligned_edge=RIGHT + UP)
        mu_line = plot.marker(MEAN, 0.46, color=theme.GOOD)
        mu_label = theme.tex(r"\mu", size=36, color=theme.GOOD).next_to(mu_line, LEFT, buff=0.1)
        mu_label.align_to(mu_line, UP)
        arrow = DoubleArrow(
            self.pop_axes.c2p(MEAN, 0.3),
            self.pop_axes.c2p(MEAN + self.population.std, 0.3),
            buff=0,
            color=theme.GRADIENT,
            stroke_width=4,
            tip_length=0.18,
        )
        sigma_label = theme.tex(r"\sigma", size=36, color=theme.GRADIENT)
        sigma_label.next_to(arrow, UP, buff=0.08)
        mu_tex = theme.tex(rf"\mu = {MEAN:g}", size=44, color=theme.GOOD)
        sigma_tex = theme.tex(rf"\sigma = {self.population.std:g}", size=44, color=theme.GRADIENT)
        mu_tex.move_to(np.array([PANEL, 3.3, 0.0]), aligned_edge=LEFT)
        sigma_tex.move_to(np.array([PANEL + 2.1, 3.3, 0.0]), aligned_edge=LEFT)
        flash = plot.curve.copy().set_stroke(color=theme.ACCENT, width=8)
        with self.beat(
            "Take the latency of requests to a service: exponential, with a mean of two "
            "seconds. Most requests are quick and a few drag on for a long time, so the "
            "shape is lopsided. Its standard deviation is also two seconds."
        ) as b:
            b.say(0, Create(self.pop_axes), plot.create(), FadeIn(label))
            self.play(Create(mu_line), FadeIn(mu_label), run_time=0.3 * b.sentence(1))
            b.say(1, ShowPassingFlash(flash, time_width=0.5), Write(mu_tex))
            b.say(2, Create(arrow), FadeIn(sigma_label), Write(sigma_tex))
            self.checkpoint("mu_typeset", printed(mu_tex), expected=EXPON.mean())
            self.checkpoint("sigma_typeset", printed(sigma_tex), expected=EXPON.std())
            self.checkpoint("mu_marker", plot.marker_x_shown(mu_line), expected=EXPON.mean())
            self.checkpoint("sigma_arrow", plot.span_shown(arrow), expected=EXPON.std(), tol=1e-6)
        self.plot, self.sigma_tex = plot, sigma_tex

    # --- n = 1: the pile copies the population ---------------------------------------------
    def first_pile_beats(self) -> None:
        self.pile_axes = plot_axes((0.0, 1.6, 0.4), 3.2, PILE_FLOOR)
        number_edges(self.pile_axes, y_decimals=1)
        pile_label = theme.text("average of each sample", size=theme.SMALL_SIZE)
        pile_label.move_to(self.pile_axes.c2p(10.0, 1.55), aligned_edge=RIGHT + UP)
        pile_mu = DashedLine(
            self.pile_axes.c2p(MEAN, 0.0),
            self.pile_axes.c2p(MEAN, 1.6),
            color=theme.GOOD,
            stroke_width=2.5,
        )
        self.n_read = Readout("n", 1, decimals=0, size=44, commas=False)
        self.n_read.move_to(np.array([PANEL, 2.35, 0.0]), aligned_edge=LEFT)
        self.count = Readout(r"\text{means piled}", 0, decimals=0, size=32, color=theme.ACCENT)
        self.count.move_to(np.array([PANEL, 1.5, 0.0]), aligned_edge=LEFT)
        self.table = SpreadTable(COLUMNS, top=0.6)
        self.ghosts = VGroup()
        self.pile = self.new_pile(1)
        self.count.follow(lambda: self.pile.landed_shown())
        with self.beat(
            "Draw one request at a time. Each one drops straight down onto a second axis as "
            "a tile, and the tiles begin to pile up."
        ) as b:
            self.play(
                Create(self.pile_axes),
                FadeIn(pile_label),
                Create(pile_mu),
                FadeIn(self.n_read),
                run_time=0.45 * b.sentence(0),
            )
            b.say(0, self.pile.drop_sample(self.plot, *self.sample(0)))
            self.checkpoint("n_readout_at_first_drop", self.n_read.value, expected=self.samples.n)
            self.play(FadeIn(self.count), run_time=0.4)
            self.held.enter_context(
                self.invariant(
                    "means-piled readout counts the landed tiles",
                    lambda: (self.count.value, self.pile.landed_shown()),
                )
            )
            drops = [self.pile.drop_sample(self.plot, *self.sample(i)) for i in (1, 2)]
            b.say(1, Succession(*drops))
        with self.beat(
            "After two hundred draws the pile copies the population: lopsided, with a long "
            "tail to the right. Its spread is about two, the sigma of a single request."
        ) as b:
            row = self.start_row(1)
            self.play(FadeIn(self.table.header), self.table.show_row(row), run_time=0.6)
            self.check_row(1, row)
            live = self.follow_row(1, row)
            self.play(FadeIn(VGroup(row[2], row[3])), run_time=0.3)
            b.say(0, self.pile.rain())
            b.say(1, Circumscribe(row[3], color=theme.ACCENT), Indicate(self.sigma_tex))
            live.close()
            self.check_pile(1, row)
        overlay = NormalOverlay(self.pile_axes, MEAN, self.population.std)
        legend = theme.tex(r"N(\mu,\ \sigma^2/n)", size=34, color=theme.HYPOTHESIS)
        legend.next_to(pile_label, DOWN, buff=0.25, aligned_edge=RIGHT)
        spill = overlay.region(-2.0, 0.0, opacity=0.75)
        below = theme.tex(r"x < 0", size=32, color=theme.HYPOTHESIS)
        below.move_to(self.pile_axes.c2p(-1.0, 0.3), aligned_edge=DOWN)
        with self.beat(
            "A normal curve with the same centre and spread fits it badly. It puts weight "
            "below zero, where no request can finish."
        ) as b:
            b.say(0, overlay.create(), FadeIn(legend))
            b.say(1, FadeIn(spill), FadeIn(below, shift=0.2 * DOWN), Indicate(legend))
            self.check_overlay(1, overlay)
            self.checkpoint(
                "normal_weight_below_zero_n=1",
                overlay.region_area_shown(spill),
                expected=float(
                    np.diff(scipy.stats.norm(EXPON.mean(), EXPON.std()).cdf([-2, 0]))[0]
                ),
                tol=2e-3,
            )
        self.overlay, self.spill = overlay, VGroup(spill, below)

    # --- n = 4, 16, 64 ----------------------------------------------------------------------
    def pile_beats(self, n: int) -> None:
        ghost, fade = self.pile.to_ghost()
        old = self.pile
        self.pile = self.new_pile(n)
        row = self.start_row(n)
        se = self.population.std / math.sqrt(n)
        switch = [fade, self.n_read.step_to(n), self.table.show_row(row)]
        if n == 4:
            switch.append(FadeOut(self.spill))
        slow = [self.pile.drop_sample(self.plot, *self.sample(i)) for i in range(SLOW[n])]
        text = {
            4: (
                "Now average four requests at a time. Four dots fly out of the population, "
                "slide together to their average, and only that average drops onto the pile.",
                "Two hundred averages of four are already narrower and less lopsided. The "
                "normal curve with spread sigma over root four, which is one, follows them "
                "closely.",
            ),
            16: (
                "Average sixteen requests per sample.",
                "The pile turns into a bell centred on two, and its spread halves again, "
                "to about one half.",
            ),
            64: (
                "Sixty-four per sample.",
                "The spread halves once more, to about a quarter: the same two hundred tiles "
                "now stand tall and narrow over the true mean.",
            ),
        }[n]
        with self.beat(text[0]) as b:
            self.play(*switch, run_time=1.2)
            self.remove(old)
            self.ghosts.add(ghost)
            left = b.speech_end - self.clock
            self.play(Succession(*slow), run_time=max(2.8 * len(slow), left))
            self.check_row(n, row)
        with self.beat(text[1]) as b:
            live = self.follow_row(n, row)
            self.play(FadeIn(VGroup(row[2], row[3])), run_time=0.3)
            if n == 4:
                b.say(0, self.pile.rain(run_time=5.0))
                b.say(1, self.overlay.morph_to(se))
            else:
                self.play(self.pile.rain(), run_time=0.7 * b.sentence(-1))
                b.say(-1, self.overlay.morph_to(se), Circumscribe(row[3], color=theme.ACCENT))
            live.close()
            self.check_pile(n, row)
            self.check_overlay(n, self.overlay)

    # --- the table --------------------------------------------------------------------------
    def summary_beat(self) -> None:
        se_cells = [row[1] for row in self.table.rows]
        spread_cells = [row[3] for row in self.table.rows]
        caption = theme.tex(
            r"n \times 4 \;\Rightarrow\; \sigma/\sqrt{n} \div 2", size=40, color=theme.ACCENT
        )
        caption.move_to(np.array([(PANEL + 6.9) / 2, -2.85, 0.0]))
        self.declare_shown(caption, "the rule read off the table: whole numbers only")
        with self.beat(
            "Read down the table: every time n grows four times, sigma over root n halves, "
            "and the measured spread follows it. Halving the error of an average costs four "
            "times the data."
        ) as b:
            b.say(
                0,
                Succession(
                    *(
                        Indicate(VGroup(se, spread), color=theme.ACCENT, scale_factor=1.15)
                        for se, spread in zip(se_cells, spread_cells, strict=True)
                    )
                ),
                Succession(*(Indicate(g, color=theme.TEXT) for g in self.ghosts)),
            )
            b.say(1, Write(caption))
            for k, (big, small) in enumerate(zip(SIZES, SIZES[1:], strict=False)):
                ratio = derived(
                    f"σ/√n at n = {big} over σ/√n at n = {small}, as printed",
                    float(printed(se_cells[k])) / float(printed(se_cells[k + 1])),
                    printed(se_cells[k]),
                    printed(se_cells[k + 1]),
                )
                self.checkpoint(f"se_halves_{big}_to_{small}", ratio, expected=2.0, tol=1e-9)

    # --- helpers ----------------------------------------------------------------------------
    def new_pile(self, n: int) -> MeanPile:
        """Draw the next 200 samples of ``n`` from the shared generator and plan their tiles."""
        self.samples: SampleMeans = draw_sample_means(self.population, n, TOTAL, self.rng)
        pile = MeanPile(self.pile_axes, BINNING, TOTAL).plan(self.samples.means)
        self.add(pile)
        return pile

    def sample(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        draws = self.samples.draws[i]
        return draws, self.lifts.uniform(0.15, 0.85, size=len(draws))

    def start_row(self, n: int) -> VGroup:
        return self.table.row(n, self.population.std / math.sqrt(n), colors=CELL_COLORS)

    def follow_row(self, n: int, row: VGroup) -> contextlib.ExitStack[bool | None]:
        pile = self.pile
        SpreadTable.follow(row[2], pile.mean_shown)
        SpreadTable.follow(row[3], pile.spread_shown)
        stack = contextlib.ExitStack()
        stack.enter_context(
            self.invariant(
                f"mean cell (n = {n}) is the mean of the landed tiles",
                lambda: (printed(row[2]), pile.mean_shown()),
            )
        )
        stack.enter_context(
            self.invariant(
                f"spread cell (n = {n}) is the spread of the landed tiles",
                lambda: (printed(row[3]), pile.spread_shown()),
            )
        )
        stack.callback(SpreadTable.freeze, row[2])
        stack.callback(SpreadTable.freeze, row[3])
        return stack

    def check_pile(self, n: int, row: VGroup) -> None:
        counts, mean, spread = binned(self.samples.means)
        pile = self.pile
        self.checkpoint(
            f"tiles_landed_n={n}", pile.landed_shown(), expected=len(self.samples.means)
        )
        self.checkpoint(f"bin_counts_n={n}", pile.bin_counts_shown(), expected=counts.tolist())
        self.checkpoint(f"pile_mean_n={n}", pile.mean_shown(), expected=mean, tol=1e-9)
        self.checkpoint(f"pile_spread_n={n}", pile.spread_shown(), expected=spread, tol=1e-9)
        self.checkpoint(f"mean_cell_n={n}", printed(row[2]), expected=mean)
        self.checkpoint(f"spread_cell_n={n}", printed(row[3]), expected=spread)
        measured = pile.spread_shown()
        self.checkpoint(
            f"spread_over_se_n={n}",
            derived(
                "measured spread of the pile / σ/√n as printed",
                measured / printed(row[1]),
                measured,
                printed(row[1]),
            ),
            expected=1.0,
            tol=0.1,
        )

    def check_row(self, n: int, row: VGroup) -> None:
        """The new row's n and σ/√n as typeset, and the n readout."""
        self.checkpoint(f"n_cell_{n}", printed(row[0]), expected=self.samples.n)
        self.checkpoint(f"n_readout_{n}", self.n_read.value, expected=self.samples.n)
        se = EXPON.std() / math.sqrt(self.samples.n)
        self.checkpoint(f"se_cell_n={n}", printed(row[1]), expected=se)

    def check_overlay(self, n: int, overlay: NormalOverlay) -> None:
        se = EXPON.std() / math.sqrt(n)
        self.checkpoint(f"overlay_sd_n={n}", overlay.sd_shown(), expected=se, tol=1e-4)
        self.checkpoint(
            f"overlay_center_n={n}", overlay.center_shown(), expected=EXPON.mean(), tol=1e-6
        )
        self.checkpoint(
            f"overlay_peak_n={n}",
            overlay.peak_shown(),
            expected=float(scipy.stats.norm(EXPON.mean(), se).pdf(EXPON.mean())),
            tol=1e-6,
        )


SCENES = [SamplingTheory]
