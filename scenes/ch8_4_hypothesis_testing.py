"""8.4 Hypothesis Testing: an A/B test of two movie recommenders.

A thousand users see recommender A's picks and a thousand see B's; each user is a square,
lit when they click to watch (120 for A, 155 for B; which users is seeded). The grids shrink
into a panel beside the null distribution of the gap B − A in percentage points: under "no
difference" the gap is normal around 0 with the pooled standard error, 1.54 points. The
observed gap slides out to 3.5; a ruler of standard errors measures it (z = 2.27); both tails
beyond ±3.5 are shaded and their area, read from the drawing, is the p-value 0.023. The
cut-offs of α = 0.05 stand at ±1.96 standard errors and the verdict rejects the null. Four
thousand label shuffles (seeded) pile into a histogram over the bell and the share beyond
±3.5 lights up: 0.025. Last, B's clicks fall to 130: the line slides in to 1 point, the bell
narrows a little, the tails swell to p = 0.499 and the verdict flips to keeping the null.
"""

from __future__ import annotations

import contextlib
import math
from types import SimpleNamespace
from typing import Any, TypeVar

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Axes,
    Circumscribe,
    Create,
    FadeIn,
    FadeOut,
    Mobject,
    VGroup,
    Write,
)
from scipy import stats

from mathviz import theme
from mathviz.maths.hypothesis import (
    POINTS,
    TwoProportions,
    click_order,
    permutation_differences,
    share_at_least,
)
from mathviz.primitives.motion import StateTween
from mathviz.primitives.readout import Readout
from mathviz.primitives.tail_plot import ShufflePile, TailPlot, Verdict
from mathviz.primitives.user_grid import UserGrid
from mathviz.readings import derived, printed
from mathviz.scene import LectureScene
from mathviz.theme import at

#: the experiment: clicks out of users shown each recommender; B's second, weaker result
USERS, CLICKS_A, CLICKS_B, CLICKS_B_LATER = 1000, 120, 155, 130
ROWS, COLS = 25, 40
ALPHA = 0.05
#: seeds: which users click in each group, and the label shuffles
SEED_A, SEED_B, SEED_SHUFFLE, SHUFFLES = 84, 85, 8, 4000
#: the plot: the gap in points from −7 to 7, density up to 0.3
X_RANGE, Y_TOP, LINE_TOP = (-7.0, 7.0), 0.3, 0.29
#: bins of 0.2 points centred on the gaps a shuffle can give (odd tenths for 275 clicks)
EDGES = np.round(np.arange(-70, 72, 2) / 10.0, 10)
COLOR_A, COLOR_B = theme.USER_COLORS[4], theme.USER_COLORS[5]
PANEL_LEFT, SIZE, RATE_SIZE = 2.95, 32, 44
TOL = 1e-6


def scipy_test(clicks_b: int) -> tuple[float, float, float]:
    """(standard error in points, z, two-sided p) of the pooled two-proportion test, from
    scipy's normal distribution: a route apart from the drawing's ``math.erfc``."""
    pooled = (CLICKS_A + clicks_b) / (2 * USERS)
    se = math.sqrt(pooled * (1 - pooled) * 2 / USERS)
    z = (clicks_b - CLICKS_A) / USERS / se
    return POINTS * se, z, float(2 * stats.norm.sf(abs(z)))


def with_unit(readout: Readout, unit: str, widest: float, size: int = SIZE) -> VGroup:
    """``readout`` with a unit written after its number, placed for the widest value shown
    (the number keeps its left edge as it changes)."""
    shown = readout.number.get_value()
    readout.set(widest)
    tail = theme.tex(unit, size=size, color=readout.label.get_color())
    tail.next_to(readout.number, RIGHT, buff=0.1)
    # on the number's baseline: the unit's last glyph (s, %) has no descender
    tail.shift((readout.number.get_bottom()[1] - tail[0][-1].get_bottom()[1]) * UP)
    readout.set(shown)
    return VGroup(readout, tail)


M = TypeVar("M", bound=Mobject)


def row(mob: M, y: float) -> M:
    return mob.move_to(at(PANEL_LEFT, y), aligned_edge=LEFT)


class HypothesisTesting(LectureScene):
    chapter_id = "8.4"

    def construct(self) -> None:
        self.open_chapter("B's movie picks look better than A's. Real, or luck?")
        self.experiment_beat()
        self.null_beat()
        with contextlib.ExitStack() as verdict_held:
            with contextlib.ExitStack() as held:
                self.observed_beats(held)
                self.decision_beat(verdict_held)
            self.shuffle_beats()
            self.weaker_beats()
        self.close_chapter(
            "The p-value is the null's tail beyond what you saw.",
            "Fix alpha first, shade the tail beyond the observed gap, and compare its area "
            "with alpha. Next, loss functions.",
        )

    # --- the experiment: two grids of users ---------------------------------------------
    def experiment_beat(self) -> None:
        grids, readouts = [], []
        self.rate_rows: list[VGroup] = []
        for name, clicks, seed, color, x in (
            ("A", CLICKS_A, SEED_A, COLOR_A, -3.5),
            ("B", CLICKS_B, SEED_B, COLOR_B, 3.5),
        ):
            order = click_order(USERS, np.random.default_rng(seed))
            grid = UserGrid(order, clicks, rows=ROWS, cols=COLS, pitch=0.165, color=color)
            grid.move_to(at(x, 0.75))
            header = theme.text(f"Recommender {name}", size=theme.BODY_SIZE, color=color)
            header.next_to(grid, UP, buff=0.3)
            users = Readout(r"\text{users}", 0, decimals=0, size=SIZE)
            clicks_read = Readout(r"\text{clicks}", 0, decimals=0, size=SIZE, color=color)
            rate = Readout(name, 0.0, decimals=1, size=RATE_SIZE, color=color)
            rate_row = with_unit(rate, r"\%", 88.8, RATE_SIZE)
            users.set(USERS)
            clicks_read.set(888)
            counts = VGroup(users, clicks_read).arrange(RIGHT, buff=0.6)
            counts.next_to(grid, DOWN, buff=0.35)
            rate_row.next_to(counts, DOWN, buff=0.35)
            users.follow(grid.users_shown)
            clicks_read.follow(grid.clicks_shown)
            rate.follow(grid.rate_shown)
            grids.append(grid)
            readouts.append((header, users, clicks_read, rate))
            self.rate_rows.append(rate_row)
        self.grids = grids
        self.rates = [r[3] for r in readouts]
        with contextlib.ExitStack() as held:
            for grid, (_, users, clicks_read, rate) in zip(grids, readouts, strict=True):
                name = rate.label.get_tex_string()[0]
                for what, read in (
                    (
                        "users readout counts the drawn users",
                        lambda u=users, g=grid: (u.value, g.users_shown()),
                    ),
                    (
                        "clicks readout counts the lit squares",
                        lambda c=clicks_read, g=grid: (c.value, g.clicks_shown()),
                    ),
                    (
                        "rate readout is lit over drawn",
                        lambda r=rate, g=grid: (r.value, g.rate_shown()),
                    ),
                ):
                    held.enter_context(self.invariant(f"{name}: {what}", read))
            with self.beat(
                "We show each recommender's picks to a thousand users and count who clicks "
                "to watch. A gets 120 clicks, and B gets 155."
            ) as beat:
                self.play(
                    *(
                        FadeIn(VGroup(*r[:3], row))
                        for r, row in zip(readouts, self.rate_rows, strict=True)
                    ),
                    run_time=0.6,
                )
                self.play(
                    *(g.arrive() for g in grids),
                    run_time=beat.sentence(0) + beat.sentence(1) - 0.8,
                )
                for grid, name, clicks in zip(grids, "AB", (CLICKS_A, CLICKS_B), strict=True):
                    self.checkpoint(f"users_{name}", grid.users_shown(), expected=USERS)
                    self.checkpoint(f"clicks_{name}", grid.clicks_shown(), expected=clicks)
                self.checkpoint("rate_A_readout", self.rates[0].value, expected=12.0)
                self.checkpoint("rate_B_readout", self.rates[1].value, expected=15.5)
        self.experiment_extras = VGroup(*(VGroup(r[0], r[1], r[2]) for r in readouts))

    # --- the null distribution ---------------------------------------------------------
    def null_beat(self) -> None:
        axes = Axes(
            x_range=(*X_RANGE, 1),
            y_range=(0, Y_TOP, 0.1),
            x_length=9.0,
            y_length=5.4,
            tips=False,
            axis_config={"color": theme.MUTED, "stroke_width": 2},
        )
        axes.shift(at(-6.7, -2.75) - axes.c2p(X_RANGE[0], 0))
        axes.y_axis.set_opacity(0.0)
        axes.x_axis.add_numbers(list(range(-6, 7, 2)), font_size=26, excluding=[])
        x_label = theme.text("gap B − A, in percentage points", size=theme.LABEL_SIZE)
        x_label.set_color(theme.MUTED).move_to(at(-2.2, -3.5))
        caption = theme.text("null hypothesis: A and B click alike", size=theme.BODY_SIZE)
        caption.move_to(at(-6.7, 3.45), aligned_edge=LEFT)
        se, _, _ = scipy_test(CLICKS_B)
        plot = TailPlot(
            axes, TwoProportions(CLICKS_A, USERS, CLICKS_B, USERS).se_points, line_top=LINE_TOP
        )
        self.axes, self.plot = axes, plot
        se_read = Readout(r"\text{SE}", plot.sd_shown(), decimals=2, size=SIZE)
        se_row = row(with_unit(se_read, r"\text{pts}", 8.88), 0.65)
        self.se_read = se_read
        minis: list[Any] = []
        for grid, rate, x in zip(self.grids, self.rate_rows, (3.85, 5.95), strict=True):
            minis.append(grid.animate.scale(0.27).move_to(at(x, 3.05)))
            minis.append(rate.animate.scale(SIZE / RATE_SIZE).move_to(at(x, 2.1)))
        with self.beat(
            "So B is ahead by three and a half points. The null hypothesis says that is "
            "luck: if both click alike, two groups of a thousand still differ by chance, "
            "in a bell around zero with a standard error of 1.54 points."
        ) as beat:
            beat.say(0, FadeOut(self.experiment_extras), *minis)
            self.play(Create(axes), FadeIn(x_label), Write(caption), run_time=1.5)
            self.add(plot.tails, plot.cuts, plot.mirror, plot.ruler_line, plot.ruler_ticks)
            beat.say(1, AnimationGroup(plot.create_curve(), FadeIn(se_row), lag_ratio=0.85))
            se_read.follow(plot.sd_shown)
            self.checkpoint("se_from_curve", plot.sd_shown(), expected=se, tol=1e-4)
            self.checkpoint("se_readout", se_read.value, expected=se)
        self.caption = caption

    # --- the observed gap, its z and its tails -------------------------------------------
    def observed_beats(self, held: contextlib.ExitStack) -> None:
        plot = self.plot
        self.add(plot.line)
        gap = Readout(r"B - A", 0.0, decimals=1, size=SIZE)
        gap_row = row(with_unit(gap, r"\text{pts}", 8.8), 1.35)
        z_read = row(Readout("z", 0.0, decimals=2, size=SIZE), -0.05)
        p_read = row(Readout("p", 0.0, decimals=3, size=SIZE, color=theme.HYPOTHESIS), -0.75)
        gap.follow(plot.observed_shown)
        z_read.follow(plot.z_shown)
        p_read.follow(plot.tail_area_shown)
        self.gap, self.z_read, self.p_read = gap, z_read, p_read
        self.hold_readouts(held, "")
        se, z, p = scipy_test(CLICKS_B)
        observed = POINTS * (CLICKS_B - CLICKS_A) / USERS
        with self.beat(
            "B's real gap, 3.5 points, lands out here on the bell's thin edge. Measured in "
            "standard errors it is 2.27 of them: that is the z statistic."
        ) as beat:
            self.play(FadeIn(gap_row), run_time=0.4)
            beat.say(0, plot.slide_line(observed))
            self.play(FadeIn(z_read), run_time=0.4)  # before it changes: a fade freezes digits
            beat.say(1, plot.measure())
            self.checkpoint("observed_line", plot.observed_shown(), expected=observed, tol=TOL)
            self.checkpoint("gap_readout", gap.value, expected=observed)
            self.checkpoint("ruler_ticks", plot.ruler_ticks_shown(), expected=math.floor(z) + 1)
            self.checkpoint("z_readout", z_read.value, expected=z)
        with self.beat(
            "How often would luck alone open a gap at least this wide, in either direction? "
            "Shade both tails beyond 3.5 points: their area, 0.023, is the p-value."
        ) as beat:
            beat.say(0, plot.show_mirror())
            self.play(FadeIn(p_read), run_time=0.4)
            beat.say(1, plot.shade())
            self.checkpoint("mirror_line", plot.mirror_shown(), expected=-observed, tol=TOL)
            self.checkpoint("tail_area", plot.tail_area_shown(), expected=p, tol=2e-4)
            self.checkpoint("p_readout", p_read.value, expected=p)

    def hold_readouts(self, held: contextlib.ExitStack, suffix: str) -> None:
        """State, for the beats ``held`` spans, that the gap, z and p readouts show the line,
        the ruler and the shaded area, and that the mirror stands opposite the line."""
        plot, gap, z_read, p_read = self.plot, self.gap, self.z_read, self.p_read
        for name, read, tol in (
            ("gap readout is the line's x", lambda: (gap.value, plot.observed_shown()), None),
            ("SE readout is the curve's sd", lambda: (self.se_read.value, plot.sd_shown()), None),
            (
                "z readout is the ruler in standard errors",
                lambda: (z_read.value, plot.z_shown()),
                None,
            ),
            ("p readout is the shaded area", lambda: (p_read.value, plot.tail_area_shown()), None),
            (
                "mirror stands at minus the line",
                lambda: (plot.mirror_shown(), -plot.observed_shown()),
                TOL,
            ),
        ):
            held.enter_context(self.invariant(name + suffix, read, tol=tol))

    # --- alpha and the decision --------------------------------------------------------
    def decision_beat(self, verdict_held: contextlib.ExitStack) -> None:
        plot = self.plot
        alpha = row(theme.tex(r"\alpha = 0.05", size=SIZE), -1.45)
        self.declare_shown(alpha, "the significance level, fixed before the test")
        reject = theme.text("reject the null", size=theme.BODY_SIZE, color=theme.GOOD)
        keep = theme.text("keep the null", size=theme.BODY_SIZE, color=theme.TEXT)
        row(reject, -2.05)
        verdict = Verdict(reject, keep, ALPHA).follow(lambda: float(printed(self.p_read)))
        self.verdict = verdict
        se, _, p = scipy_test(CLICKS_B)
        z_cut = float(stats.norm.ppf(1 - ALPHA / 2))
        cut = z_cut * se
        with self.beat(
            "Before the test we fixed a threshold, alpha, of 0.05. Its cut-offs stand 1.96 "
            "standard errors out, and B's gap lies beyond them: we reject the null."
        ) as beat:
            beat.say(0, Write(alpha))
            beat.say(1, AnimationGroup(plot.show_cuts(z_cut), FadeIn(verdict), lag_ratio=0.7))
            self.checkpoint("cut_off", plot.cut_shown(), expected=cut, tol=TOL)
            self.checkpoint("decision", verdict.rejections_shown(), expected=int(p < ALPHA))
        verdict_held.enter_context(
            self.invariant(
                "verdict follows p against alpha",
                lambda: (verdict.rejections_shown(), int(printed(self.p_read) < ALPHA)),
            )
        )

    # --- the permutation test ----------------------------------------------------------
    def shuffle_beats(self) -> None:
        plot = self.plot
        test = TwoProportions(CLICKS_A, USERS, CLICKS_B, USERS)
        gaps = POINTS * permutation_differences(test, SHUFFLES, np.random.default_rng(SEED_SHUFFLE))
        pile = ShufflePile(self.axes, gaps, EDGES)
        shuffles = row(Readout(r"\text{shuffles}", 0, decimals=0, size=SIZE), -2.8)
        share = row(
            Readout(r"\text{share}", 0.0, decimals=3, size=SIZE, color=theme.HYPOTHESIS), -3.45
        )
        shuffles.follow(pile.piled_shown)
        share.follow(pile.lit_share_shown)
        self.pile, self.shuffle_readouts = pile, VGroup(shuffles, share)
        observed = test.difference_points
        with (
            self.invariant(
                "shuffles readout counts the pile", lambda: (shuffles.value, pile.piled_shown())
            ),
            self.invariant(
                "share readout is the lit bars' area", lambda: (share.value, pile.lit_share_shown())
            ),
        ):
            with self.beat(
                "A second opinion needs no formula: pool all two thousand users, shuffle who "
                "saw A and who saw B, and measure the gap again. Four thousand shuffles pile "
                "up into the same bell."
            ) as beat:
                self.z_read.stop_following()
                self.p_read.stop_following()
                self.play(
                    plot.shade(0.0),
                    plot.hide_ruler(),
                    FadeOut(self.z_read, self.p_read),
                    FadeIn(shuffles),
                    run_time=0.8,
                )
                self.add(pile)
                self.bring_to_back(pile)
                self.play(pile.pile(), run_time=beat.speech_end - self.clock)
                self.checkpoint("shuffles_piled", pile.piled_shown(), expected=len(gaps))
                self.checkpoint("shuffles_readout", shuffles.value, expected=SHUFFLES)
            with self.beat(
                "The shuffles that landed at least 3.5 points from zero light up: they are "
                "0.025 of the pile, close to the bell's 0.023, and below alpha too."
            ) as beat:
                self.play(FadeIn(share), run_time=0.4)
                beat.say(0, pile.light_beyond(observed))
                expected = share_at_least(gaps, observed)
                self.checkpoint("share_beyond", pile.lit_share_shown(), expected=expected, tol=TOL)
                self.checkpoint("share_readout", share.value, expected=expected)

    # --- a weaker result: the verdict flips --------------------------------------------
    def weaker_beats(self) -> None:
        plot, grid_b = self.plot, self.grids[1]
        se, z, p = scipy_test(CLICKS_B_LATER)
        rate_b = self.rates[1]
        with (
            self.invariant(
                "B's rate readout is its lit squares", lambda: (rate_b.value, grid_b.rate_shown())
            ),
            contextlib.ExitStack() as held,
        ):
            with self.beat(
                "Now suppose B had won only 130 clicks. The gap shrinks to one point and the "
                "tails swell to half the bell: p is 0.499, far above alpha, so we keep the null."
            ) as beat:
                self.z_read.follow(plot.z_shown)
                self.p_read.follow(plot.tail_area_shown)
                self.play(
                    self.pile.fade_out(),
                    FadeOut(self.shuffle_readouts),
                    FadeIn(self.z_read, self.p_read),
                    run_time=0.7,
                )
                self.play(plot.shade(1.0), plot.measure(), run_time=1.0)
                self.remove(self.pile)
                self.bring_to_front(self.verdict)  # updated after p, which it reads
                self.hold_readouts(held, " (130 clicks)")
                held.enter_context(
                    self.invariant(
                        "shaded area is the p-value of the drawn line and curve",
                        lambda: (plot.tail_area_shown(), self.p_of_drawing()),
                        tol=2e-4,
                    )
                )
                for name, read, tol in self.drawn_test_invariants():
                    held.enter_context(self.invariant(name, read, tol=tol))
                self.play(
                    *self.fewer_clicks(CLICKS_B_LATER),
                    run_time=beat.speech_end - self.clock - 1.5,
                )
                self.checkpoint("clicks_B_later", grid_b.clicks_shown(), expected=CLICKS_B_LATER)
                self.checkpoint("rate_B_later_readout", rate_b.value, expected=13.0)
                self.checkpoint("observed_line_later", plot.observed_shown(), expected=1.0, tol=TOL)
                self.checkpoint("se_later", plot.sd_shown(), expected=se, tol=1e-4)
                cut_later = float(stats.norm.ppf(1 - ALPHA / 2)) * se
                self.checkpoint("cut_off_later", plot.cut_shown(), expected=cut_later, tol=TOL)
                self.checkpoint("z_readout_later", self.z_read.value, expected=z)
                self.checkpoint("tail_area_later", plot.tail_area_shown(), expected=p, tol=2e-4)
                self.checkpoint("p_readout_later", self.p_read.value, expected=p)
                self.checkpoint(
                    "decision_later", self.verdict.rejections_shown(), expected=int(p < ALPHA)
                )
            with self.beat(
                "Keeping the null is no proof that A and B are equal: a thousand users each "
                "simply cannot tell them apart."
            ) as beat:
                beat.say(0, Circumscribe(self.verdict, color=theme.ACCENT))

    def fewer_clicks(self, clicks: int) -> list[StateTween]:
        """B's clicks falling one user at a time, the null curve and the line redrawn for
        every whole count: the picture is always the test of the squares lit."""
        plot, grid_b = self.plot, self.grids[1]
        state = SimpleNamespace(clicks_b=float(grid_b.clicks))

        def redraw() -> None:
            k = int(round(state.clicks_b))
            test = TwoProportions(CLICKS_A, USERS, k, USERS)
            grid_b.clicks = float(k)
            grid_b.redraw()
            plot.sd, plot.observed = test.se_points, test.difference_points
            plot.redraw()

        # one tween per drawn object (both redraw the same state), so neither is frozen
        return [StateTween(m, state, {"clicks_b": float(clicks)}, redraw) for m in (plot, grid_b)]

    def drawn_test_invariants(self) -> list[tuple[str, Any, float]]:
        """The line is B's drawn rate minus A's, and the curve's sd the pooled standard error
        of the drawn counts, at every moment."""
        plot, (grid_a, grid_b) = self.plot, self.grids

        def drawn_gap() -> Any:
            a, b = grid_a.rate_shown(), grid_b.rate_shown()
            return derived("B's lit share minus A's, in points", float(b) - float(a), a, b)

        def drawn_se() -> Any:
            counts = [g.clicks_shown() for g in (grid_a, grid_b)]
            users = [g.users_shown() for g in (grid_a, grid_b)]
            pooled = sum(counts) / sum(users)
            se = 100 * math.sqrt(pooled * (1 - pooled) * (1 / users[0] + 1 / users[1]))
            return derived("pooled standard error of the lit squares", se, *counts, *users)

        return [
            (
                "the line is the gap of the lit squares",
                lambda: (plot.observed_shown(), drawn_gap()),
                1e-7,
            ),
            (
                "the curve's sd is the pooled SE of the lit squares",
                lambda: (plot.sd_shown(), drawn_se()),
                1e-6,
            ),
        ]

    def p_of_drawing(self) -> Any:
        """Two-sided normal p (scipy) of the drawn line's x over the drawn curve's sd."""
        x, sd = self.plot.observed_shown(), self.plot.sd_shown()
        return derived(
            "2·norm.sf(|line x| / curve's sd)", float(2 * stats.norm.sf(abs(x) / sd)), x, sd
        )


SCENES = [HypothesisTesting]
